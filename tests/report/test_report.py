"""The HTML report: one offline file, data embedded safely, every section present."""

import json
import re

from sitroom.report import render
from sitroom.store.room import Room


def _html(small_room):
    with Room(small_room, read_only=True) as room:
        return render(room)


def test_report_is_self_contained(small_room):
    html = _html(small_room)
    assert not re.search(r"<(script|link)[^>]+(src|href)=[\"']https?://", html)
    assert "Plotly" in html and "timeline-plot" in html and "network-plot" in html


def test_embedded_data_cannot_close_its_script(small_room):
    html = _html(small_room)
    data = re.search(r'<script id="report-data" type="application/json">(.*?)</script>', html, re.S).group(1)
    assert "</script" not in data
    parsed = json.loads(data.replace("<\\/", "</"))
    assert {"documents", "events", "network", "quotes", "disagreements", "actors"} <= set(parsed)
    assert "<script>window.__pwned" in json.dumps(parsed["quotes"])  # hostile text is carried, as data


def test_report_command_writes_the_file(small_room, tmp_path):
    from click.testing import CliRunner

    from sitroom.cli.main import main

    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["report", "--db", str(small_room), "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 1_000_000  # plotly's bundle is inside


def test_quotes_are_grouped_by_resolved_speaker(tmp_path):
    from sitroom.report.data import report_data

    from ..conftest import written_room

    story = ("Talks In Vexley\n\nKarl Ostrom met officials in Vexley on Monday.\n\n"
             "\u201cThe talks went well,\u201d Ostrom said. \u201cWe will meet again,\u201d he added.\n\n"
             "A later meeting was cancelled.\n\n\u201cNothing was settled,\u201d a spokesperson said.\n\n"
             "\u201cIt is too early,\u201d she said.\n")
    with Room(written_room({"a.txt": story}, tmp_path), read_only=True) as room:
        groups = report_data(room)["quotes"]
    assert [(g["name"], len(g["quotes"])) for g in groups] == [("Karl Ostrom", 2), ("a spokesperson", 2)]
    assert {q["speaker_text"] for q in groups[1]["quotes"]} == {"a spokesperson", "she"}  # as written
