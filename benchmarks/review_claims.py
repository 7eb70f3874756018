"""Blind reviews of a room's claims and disagreements: fixed-seed samples for a fresh reader, and tallies.

The numbers issue's own-review measure (value, unit, subject, attribution all right?) needs the same steps
every time:

* ``sample ROOM OUT --seed S --n 40``: draws N claims at random (fixed seed) and writes ``OUT/claims.md``
  (each claim's passage: the paragraph before and the claim's paragraph, the number in ``[[ ]]``;
  sitroom's reading: value, unit, subject, the actor it is about, who says it, when) and
  ``OUT/verdicts.tsv`` to fill in; the key (which claim each item is) goes to ``OUT.key.json``, outside
  the reader's folder. Draw from two rooms with the same seed to compare two versions of the code.
* ``changed KEY OLD NEW OUT``: of a sample drawn from OLD, the claims NEW reads differently (NEW's claim over
  the same characters), as a new sample to judge with the same numbers; a claim NEW no longer finds is
  listed in ``OUT/gone.txt``.
* ``disagreements ROOM OUT``: every disagreement of the room with each side's passage and reading, and a
  ``verdicts.tsv`` (real: the two sides state the same measured thing of the same entity at compatible
  times and cannot both be true).
* ``paired OLD NEW OUT --seed S --n 40``: N claims drawn from OLD and NEW's reading of the same characters,
  shuffled into one file of independent items, key in ``OUT.key.json``: the same claims judged under both
  versions (two independent samples differ by more than a change does).
* ``tally OUT [--key OUT.key.json]``: counts a filled ``verdicts.tsv`` (old and new apart for ``paired``).

Build a room of the PolNeAR train texts first, e.g.
``python -m sitroom build ../shared/bench/polnear/data/train/text --db /tmp/new.duckdb --quiet``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

import duckdb
from review_events import mention_names, paragraphs_of, read_verdicts, report

FIELDS = ("real", "value", "unit", "subject", "attribution")
RULES = """Judge each item from its passage only (y = right, n = wrong, - = not applicable when it is not
real). real: the number in [[ ]] is a quantity the text asserts about the world (a count, sum, share,
length, rate, duration ...), not a date, time, ordinal, label, name part or a number inside a title.
value: the value (and the upper bound of a range) is what the text says, multipliers included ("$1.2bn"
is 1200000000). unit: the unit says what kind of quantity it is (USD, %, km, people, votes ...; a count's
unit may be its noun). subject: says what is measured as a careful reader would name it from the passage
("share of the vote for Lena Berg", "people killed in the Vexley flood", "length of the border"), not a
function word, a bare noun when the passage says more close by, nor something else. attribution: "said by"
is who the text says asserts the number (the speaker of the quote or reported clause it is in); "the
outlet" is right when the article states it in its own voice.
"""


def load(room: str) -> list[dict]:
    """Every claim of a room with its passage and reading, in document order."""
    con = duckdb.connect(room, read_only=True)
    names = mention_names(con)
    texts = dict(con.execute("SELECT id, text FROM documents").fetchall())
    paragraphs = paragraphs_of(con)
    speakers = {(d, n): m for d, n, m in con.execute(
        "SELECT document, ordinal, speaker_mention FROM quotes").fetchall()}
    claims = []
    for row in con.execute(
            "SELECT document, ordinal, start_offset, end_offset, subject, value, upper, unit, approximate, "
            "quote, about_mention, when_start, when_end FROM claims ORDER BY document, start_offset"
    ).fetchall():
        document, ordinal, start, end, subject, value, upper, unit, approximate, quote, about, when, until = \
            row
        text = texts[document]
        spans = paragraphs.get(document, [(0, len(text))])
        at = next((i for i, (a, b) in enumerate(spans) if a <= start < b), 0)
        first, last = spans[max(at - 1, 0)][0], max(spans[at][1], end)
        passage = text[first:start] + "[[" + text[start:end] + "]]" + text[end:last]
        speaker = speakers.get((document, quote)) if quote is not None else None
        said_by = names.get((document, speaker), "?") if speaker is not None else (
            "(a quote with no known speaker)" if quote is not None else "the outlet")
        reading = {
            "value": f"{value:g}" + (f" to {upper:g}" if upper is not None else "")
                     + (" (approximate)" if approximate else ""),
            "unit": unit, "subject": subject or "-",
            "about": names.get((document, about), "-") if about is not None else "-",
            "said by": said_by, "when": (when or "undated") + (f"/{until}" if until else ""),
        }
        claims.append({"id": f"{document}:c{ordinal}", "where": [document, start, end], "passage": passage,
                       "reading": reading})
    con.close()
    return claims


def _write(out: Path, title: str, numbered: list[tuple[int, dict]], fields: tuple[str, ...], rules: str,
           name: str = "claims.md") -> None:
    out.mkdir(parents=True, exist_ok=True)
    lines = [title, "", rules]
    for number, item in numbered:
        lines += [f"## {number}.", ""]
        for side in item.get("sides", [item]):
            reading = "; ".join(f"{field}: {value}" for field, value in side["reading"].items())
            lines += [side["passage"], "", "reading: " + reading, ""]
        if "note" in item:
            lines += ["sitroom's note: " + item["note"], ""]
    (out / name).write_text("\n".join(lines), encoding="utf-8")
    with open(out / "verdicts.tsv", "w", encoding="utf-8") as handle:
        handle.write("\t".join(("item", *fields, "note")) + "\n")


def sample(args: argparse.Namespace) -> None:
    claims = load(args.room)
    picked = random.Random(args.seed).sample(range(len(claims)), min(args.n, len(claims)))
    _write(Path(args.out), f"# {len(picked)} claims (seed {args.seed})",
           [(number, claims[i]) for number, i in enumerate(picked, 1)], FIELDS, RULES)
    key = [claims[i]["where"] for i in picked]
    Path(f"{args.out}.key.json").write_text(json.dumps(key), encoding="utf-8")


def changed(args: argparse.Namespace) -> None:
    old = {tuple(c["where"]): c for c in load(args.old)}
    by_document: dict[str, list[dict]] = {}
    for claim in load(args.new):
        by_document.setdefault(claim["where"][0], []).append(claim)
    again, gone = [], []
    for number, (document, start, end) in enumerate(json.loads(Path(args.key).read_text()), 1):
        same = [c for c in by_document.get(document, ()) if c["where"][1] < end and start < c["where"][2]]
        if not same:
            gone.append(number)
        elif same[0]["reading"] != old[(document, start, end)]["reading"]:
            again.append((number, same[0]))
    _write(Path(args.out), f"# {len(again)} claims of the sample read anew (numbers are the sample's)", again,
           FIELDS, RULES)
    (Path(args.out) / "gone.txt").write_text("".join(f"{n}\n" for n in gone), encoding="utf-8")


def disagreements(args: argparse.Namespace) -> None:
    ids = {claim["id"]: claim for claim in load(args.room)}
    con = duckdb.connect(args.room, read_only=True)
    items = [(number, {"sides": [ids[c] for c in claims if c in ids], "note": note})
             for number, (note, claims) in enumerate(con.execute(
                 "SELECT note, claims FROM disagreements WHERE len(claims) > 0 ORDER BY id").fetchall(), 1)]
    con.close()
    rules = ("real: y when the sides state the same measured thing of the same entity at compatible times "
             "and their values cannot both be true (beyond rounding and stated approximation); n "
             "otherwise.\n")
    _write(Path(args.out), f"# {len(items)} disagreements", items, ("real",), rules, "disagreements.md")


def paired(args: argparse.Namespace) -> None:
    """N claims drawn from OLD and NEW's reading of the same characters, shuffled into one file of
    independent items (the key says which is which): the same claims judged under both versions."""
    olds = load(args.old)
    by_document: dict[str, list[dict]] = {}
    for claim in load(args.new):
        by_document.setdefault(claim["where"][0], []).append(claim)
    items = []
    for pair, i in enumerate(random.Random(args.seed).sample(range(len(olds)), min(args.n, len(olds))), 1):
        document, start, end = olds[i]["where"]
        same = [c for c in by_document.get(document, ()) if c["where"][1] < end and start < c["where"][2]]
        items += [("old", pair, olds[i])] + ([("new", pair, same[0])] if same else [])
    random.Random(args.seed + 1).shuffle(items)
    _write(Path(args.out), f"# {len(items)} claims (seed {args.seed})",
           [(number, claim) for number, (_, _, claim) in enumerate(items, 1)], FIELDS, RULES)
    key = [{"item": number, "side": side, "pair": pair, "where": claim["where"]}
           for number, (side, pair, claim) in enumerate(items, 1)]
    Path(f"{args.out}.key.json").write_text(json.dumps(key), encoding="utf-8")


def tally(args: argparse.Namespace) -> None:
    rows = read_verdicts(args.out)
    if not rows:
        print("no verdicts yet")
        return
    fields = FIELDS if "value" in rows[0] else ("real",)
    if not args.key:
        print(report(rows, fields, "all right"))
        return
    side = {entry["item"]: entry["side"] for entry in json.loads(Path(args.key).read_text())}
    for name in ("old", "new"):
        rows_of = [row for row in rows if side[int(row["item"])] == name]
        print(f"{name}: " + report(rows_of, fields, "all right"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    one = commands.add_parser("sample", help="N random claims of a room for a blind reader")
    one.add_argument("room")
    one.add_argument("out")
    one.add_argument("--seed", type=int, default=1)
    one.add_argument("--n", type=int, default=40)
    three = commands.add_parser("changed", help="the claims of a sample that another room reads anew")
    for name in ("key", "old", "new", "out"):
        three.add_argument(name)
    four = commands.add_parser("disagreements", help="every disagreement of a room for a blind reader")
    four.add_argument("room")
    four.add_argument("out")
    five = commands.add_parser("paired", help="the same N claims read by two rooms, mixed for a blind reader")
    for name in ("old", "new", "out"):
        five.add_argument(name)
    five.add_argument("--seed", type=int, default=1)
    five.add_argument("--n", type=int, default=40)
    two = commands.add_parser("tally", help="count a reader's verdicts.tsv")
    two.add_argument("out")
    two.add_argument("--key", help="a paired sample's key (OUT.key.json): tally old and new apart")
    args = parser.parse_args(argv)
    {"sample": sample, "changed": changed, "disagreements": disagreements, "paired": paired,
     "tally": tally}[args.command](args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
