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
    return render_data(report_data(room))


def render_data(data: dict) -> str:
    """The report page for report data (as gathered by ``report_data``)."""
    from plotly.offline import get_plotlyjs  # the bundle ships inside the Python package: no CDN

    template = _environment().get_template("report.html.j2")
    return template.render(
        data_json=script_json(data),
        plotly_js=_script_safe(get_plotlyjs()),
        version=__version__,
        generated=dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        counts={k: len(data[k]) for k in ("documents", "events", "quotes", "disagreements")},
        stale=not data.get("resolved", True),
    )


# JSON escapes that a browser's JSON.parse reads back as the same characters
_JSON_IN_HTML = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                               "\u2028": "\\u2028", "\u2029": "\\u2029"})


def script_json(data) -> str:
    """``data`` as JSON to place inside a <script type="application/json"> element.

    With no ``<`` left, nothing in the data can close the element or start the HTML parser's
    comment states (``<!--``, ``<script``), and every escape is valid JSON, so the element's
    text parses back to ``data`` exactly. Escaping inside the JSON (``\\u003c``) is done after
    serialising, which is safe: ``<``, ``>`` and ``&`` only ever occur inside JSON strings.
    """
    return json.dumps(data, ensure_ascii=False).translate(_JSON_IN_HTML)


def _script_safe(text: str) -> str:
    """JavaScript placed inside a <script> element can never close it or open a comment."""
    return text.replace("</", "<\\/").replace("<!--", "<\\!--")


def _environment() -> jinja2.Environment:
    loader = jinja2.FunctionLoader(
        lambda name: resources.files("sitroom.report").joinpath("templates", name).read_text("utf-8"))
    return jinja2.Environment(loader=loader, autoescape=True)
