"""Rendering the report: report data and plotly's bundled JavaScript into one offline HTML file."""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources

import jinja2

from sitroom import __version__
from sitroom.report.data import report_data
from sitroom.store.room import Room


def render(room: Room) -> str:
    from plotly.offline import get_plotlyjs  # the bundle ships inside the Python package: no CDN

    data = report_data(room)
    template = _environment().get_template("report.html.j2")
    return template.render(
        data_json=_script_safe(json.dumps(data, ensure_ascii=False)),
        plotly_js=_script_safe(get_plotlyjs()),
        version=__version__,
        generated=dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        counts={k: len(data[k]) for k in ("documents", "events", "quotes", "disagreements")},
    )


def _script_safe(text: str) -> str:
    """Text placed inside a <script> element can never close it or open a comment."""
    return text.replace("</", "<\\/").replace("<!--", "<\\!--")


def _environment() -> jinja2.Environment:
    loader = jinja2.FunctionLoader(
        lambda name: resources.files("sitroom.report").joinpath("templates", name).read_text("utf-8"))
    return jinja2.Environment(loader=loader, autoescape=True)
