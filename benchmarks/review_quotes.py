"""Blind reviews of a room's quotes: a fixed-seed sample for a fresh reader, and its tally.

The quotes issue's own-review measure (speech? speaker? span?) needs the same steps every time:

* ``sample ROOM OUT --seed S --n 40``: draws N quotes at random (fixed seed) and writes ``OUT/quotes.md``
  (each quote's passage: the paragraph before and the quote's paragraphs, what was said in ``[[ ]]``, in
  two parts where the attribution interrupts it, as the export's ``text`` has it;
  sitroom's reading: kind, cue, the speaker as written and the actor it was resolved to) and
  ``OUT/verdicts.tsv`` to fill in; the key (which quote each item is) goes to ``OUT.key.json``, outside
  the reader's folder. Draw from two rooms with the same seed to compare two versions of the code.
* ``changed KEY OLD NEW OUT``: of a sample drawn from OLD (``KEY``: its ``OUT.key.json``), the quotes NEW
  reads differently (NEW's quote over the most of the same words of the same document; NEW's reading),
  as a new sample to judge with the same numbers; a quote NEW no longer finds is listed in
  ``OUT/gone.txt``. With the first sample's verdicts, the same sample's figures for NEW.
* ``tally OUT``: counts a filled ``verdicts.tsv``: speech (the item is something someone said, wrote or
  stated, not a name, title or scare quote), speaker (the actor the text gives, through a pronoun or a
  description), span (the content holds what was said, without the cue or the speaker).

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

from sitroom.model.evidence import Span
from sitroom.model.quote import QuoteFinding

FIELDS = ("speech", "speaker", "span")
RULES = """Judge each item from its passage only (y = right, n = wrong, - = not applicable when it is not
speech). speech: the text in [[ ]] is something someone said, wrote, stated or holds as a view, reported
directly or indirectly (not a name, title, term or scare quote in quotation marks, nor a mere action).
speaker: the reading's speaker is the one the text gives as saying it (a pronoun or a description is
right when it stands for that one; "-" is wrong when the text names a speaker; words "not linked to an
actor" are right only when they themselves say who spoke, never a bare pronoun). span: the [[ ]]
holds what was said, not much more or less (no cue verb or speaker inside, no half sentence missing).
"""


def load(room: str) -> list[dict]:
    """Every quote of a room with its passage and reading, in document order."""
    con = duckdb.connect(room, read_only=True)
    names = mention_names(con)
    texts = dict(con.execute("SELECT id, text FROM documents").fetchall())
    paragraphs = paragraphs_of(con)
    quotes = []
    for row in con.execute(
            "SELECT document, ordinal, kind, speaker_mention, speaker_start, speaker_end, cue_start, "
            "cue_end, content_start, content_end FROM quotes ORDER BY document, ordinal").fetchall():
        document, ordinal, kind, mention, s_start, s_end, c_start, c_end, start, end = row
        text = texts[document]
        spans = paragraphs.get(document, [(0, len(text))])
        first = next((i for i, (a, b) in enumerate(spans) if a <= start < b), 0)
        last = next((i for i, (a, b) in enumerate(spans) if a < end <= b), first)
        lo, hi = spans[max(first - 1, 0)][0], spans[max(last, first)][1]
        lo, hi = min(lo, start, s_start or start), max(hi, end, s_end or end)
        finding = QuoteFinding(kind, Span(start, end), Span(c_start, c_end) if c_start is not None else None,
                               Span(s_start, s_end) if s_start is not None else None, Span(start, end))
        passage, at = "", lo
        for part in finding.parts(text):
            passage += text[at : part.start] + "[[" + text[part.start : part.end] + "]]"
            at = part.end
        passage += text[at:hi]
        written = text[s_start:s_end] if s_start is not None else None
        resolved = names.get((document, mention)) if mention is not None else None
        speaker = resolved or (f"'{written}' (not linked to an actor)" if written is not None else "-")
        quotes.append({"where": [document, start, end], "passage": passage, "reading": {
            "kind": kind, "cue": text[c_start:c_end] if c_start is not None else "-", "speaker": speaker}})
    con.close()
    return quotes


def write(out: Path, title: str, numbered: list[tuple[int, dict]]) -> None:
    """``out/quotes.md`` with the numbered quotes and an empty ``out/verdicts.tsv``."""
    out.mkdir(parents=True, exist_ok=True)
    lines = [title, "", RULES]
    for number, quote in numbered:
        reading = "; ".join(f"{field}: {quote['reading'][field]}" for field in ("kind", "cue", "speaker"))
        lines += [f"## {number}.", "", quote["passage"], "", "reading: " + reading, ""]
    (out / "quotes.md").write_text("\n".join(lines), encoding="utf-8")
    with open(out / "verdicts.tsv", "w", encoding="utf-8") as handle:
        handle.write("\t".join(("item", *FIELDS, "note")) + "\n")


def sample(args: argparse.Namespace) -> None:
    quotes = load(args.room)
    picked = random.Random(args.seed).sample(range(len(quotes)), min(args.n, len(quotes)))
    write(Path(args.out), f"# {len(picked)} quotes (seed {args.seed})",
          [(number, quotes[i]) for number, i in enumerate(picked, 1)])
    key = [quotes[i]["where"] for i in picked]
    Path(f"{args.out}.key.json").write_text(json.dumps(key), encoding="utf-8")


def changed(args: argparse.Namespace) -> None:
    old = {tuple(q["where"]): q for q in load(args.old)}
    by_document: dict[str, list[dict]] = {}
    for quote in load(args.new):
        by_document.setdefault(quote["where"][0], []).append(quote)
    again, gone = [], []
    for number, (document, start, end) in enumerate(json.loads(Path(args.key).read_text()), 1):
        shared = [(min(end, q["where"][2]) - max(start, q["where"][1]), q)
                  for q in by_document.get(document, ())]
        best = max(shared, key=lambda pair: pair[0], default=(0, None))
        if best[0] <= 0:
            gone.append(number)
        elif (best[1]["passage"], best[1]["reading"]) != (old[(document, start, end)]["passage"],
                                                        old[(document, start, end)]["reading"]):
            again.append((number, best[1]))
    write(Path(args.out), f"# {len(again)} quotes of the sample read anew (numbers are the sample's)", again)
    (Path(args.out) / "gone.txt").write_text("".join(f"{n}\n" for n in gone), encoding="utf-8")


def tally(args: argparse.Namespace) -> None:
    print(report(read_verdicts(args.out), FIELDS, "both right"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    one = commands.add_parser("sample", help="N random quotes of a room for a blind reader")
    one.add_argument("room")
    one.add_argument("out")
    one.add_argument("--seed", type=int, default=1)
    one.add_argument("--n", type=int, default=40)
    three = commands.add_parser("changed", help="the quotes of a sample that another room reads anew")
    for name in ("key", "old", "new", "out"):
        three.add_argument(name)
    two = commands.add_parser("tally", help="count a reader's verdicts.tsv")
    two.add_argument("out")
    args = parser.parse_args(argv)
    {"sample": sample, "changed": changed, "tally": tally}[args.command](args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
