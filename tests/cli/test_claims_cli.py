"""`sitroom claims` on an article written for the test: ranges, dates and speakers as a reader wants them."""

from click.testing import CliRunner

from sitroom.build import build
from sitroom.cli.main import main


def test_the_claims_command_shows_ranges_times_and_speakers_by_name(tmp_path):
    folder = tmp_path / "a"
    folder.mkdir()
    (folder / "a.txt").write_text("Fighting spreads\n\nBy Erik Lund\n\nMARLOVA, March 4, 2024 — Between 2-4 "
                                  "thousand families have left the valley since January, officials said.\n")
    db = tmp_path / "room.duckdb"
    assert build([str(folder)], db).ok
    out = CliRunner().invoke(main, ["claims", "--db", str(db)], terminal_width=200).output
    assert "2,000–4,000" in out and "families" in out and "when" in out and "said by" in out
