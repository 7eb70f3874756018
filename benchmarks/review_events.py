"""Blind reviews of a room's events: fixed-seed samples and A/B pairs for a fresh reader, and their tallies.

The issue's own-review measure (precision by a fresh pair of eyes) needs the same steps every time:

* ``sample ROOM OUT --seed S --n 60``: draws N event mentions at random (fixed seed) and writes
  ``OUT/events.md`` (each event's passage: the paragraph before and the trigger's paragraph with the trigger
  in ``[[ ]]``, the publication date, and sitroom's reading: type, mode, status, source, target, date) and
  ``OUT/verdicts.tsv`` to fill in; the reader judges from the passage alone.
* ``pairs OLD NEW OUT --seed S --n 60``: the event mentions whose reading differs between two rooms built
  from the same texts (matched by document and trigger offsets; one side may be missing), each shown as
  reading A and reading B in random order. The key (which side is new) goes to ``OUT.key.json``, *outside*
  the reader's folder.
* ``changed KEY OLD NEW OUT``: of a sample drawn from OLD (``KEY``: its ``OUT.key.json``), the events NEW
  reads differently, as a new sample to judge (NEW's reading; an event NEW no longer emits is listed in
  ``OUT/gone.txt``): with the first sample's verdicts, the same sample's figures for NEW.
* ``tally OUT [--key OUT.key.json]``: counts a filled ``verdicts.tsv`` (per field) or a pairs verdict file
  (new better / old better / same).

Build a room of the PolNeAR train texts first, e.g.
``python -m sitroom build ../shared/bench/polnear/data/train/text --db /tmp/new.duckdb --quiet``.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections import Counter
from pathlib import Path

import duckdb

FIELDS = ("real", "type", "source", "target", "date", "status")
SAMPLE_RULES = """Judge each event from its passage and publication date only (y = right, n = wrong, - = not
applicable when the event is not real). real: the trigger names a happening the text reports, plans,
denies or supposes (not an idiom, opinion, question, title or generic statement). type: the PLOVER type
fits. source/target: who did it / to whom (an empty side is wrong when the text names one; a wrong
person is wrong). date: the happening's own date (undated is right when the text gives none; the
publication date is right only for what happened that day). status: reported (said to have happened),
planned, hypothetical, denied (said not to have happened), asked.
"""
PAIR_RULES = """Each item shows one event read two ways, A and B. Write A, B or same per item in
verdicts.tsv with a short reason. A wrong person is worse than none; an invented date is worse than
undated; an event that is not a happening is worse than no event at all.
"""


def mention_names(con: duckdb.DuckDBPyConnection) -> dict[tuple[str, int], str]:
    """``(document, mention ordinal)`` → "actor name ('mention text')", or the text when no actor holds it."""
    rows = con.execute(
        "SELECT m.document, m.ordinal, m.text, a.name FROM mentions m LEFT JOIN actor_members am "
        "ON am.document = m.document AND am.cluster = m.cluster LEFT JOIN actors a ON a.id = am.actor"
    ).fetchall()
    names = {}
    for document, ordinal, text, actor in rows:
        names[(document, ordinal)] = f"{actor} ('{text}')" if actor and actor != text else text
    return names


def paragraphs_of(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple[int, int]]]:
    """Each document's paragraphs as ``(start, end)`` offsets, in order."""
    paragraphs: dict[str, list[tuple[int, int]]] = {}
    for document, start, end in con.execute(
            "SELECT document, start_offset, end_offset FROM paragraphs ORDER BY document, ordinal"
    ).fetchall():
        paragraphs.setdefault(document, []).append((start, end))
    return paragraphs


def load(room: str) -> dict[tuple[str, int, int], dict]:
    """Every event mention of a room by ``(document, trigger_start, trigger_end)``, with its passage."""
    con = duckdb.connect(room, read_only=True)
    names = mention_names(con)
    texts = dict(con.execute("SELECT id, text FROM documents").fetchall())
    published = dict(con.execute("SELECT id, published FROM documents").fetchall())
    paragraphs = paragraphs_of(con)
    events = {}
    for row in con.execute(
            "SELECT document, type, mode, status, trigger_start, trigger_end, sources, targets, when_start, "
            "when_end, when_basis FROM event_mentions ORDER BY document, ordinal").fetchall():
        document, kind, mode, status, start, end, sources, targets, when, until, basis = row
        text = texts[document]
        spans = paragraphs.get(document, [(0, len(text))])
        at = next((i for i, (a, b) in enumerate(spans) if a <= start < b), 0)
        first = spans[max(at - 1, 0)][0]
        last = spans[at][1]
        passage = text[first:start] + "[[" + text[start:end] + "]]" + text[end:last]
        date = (when or "undated") + (f"/{until}" if until else "") + (f" ({basis})" if basis else "")
        reading = {
            "type": kind + (f" ({mode})" if mode else ""), "status": status,
            "source": "; ".join(names.get((document, m), "?") for m in sources) or "-",
            "target": "; ".join(names.get((document, m), "?") for m in targets) or "-",
            "date": date,
        }
        events[(document, start, end)] = {
            "document": document, "trigger": text[start:end], "published": published.get(document),
            "passage": passage, "reading": reading,
        }
    con.close()
    return events


def show(reading: dict | None) -> str:
    if reading is None:
        return "(no event)"
    return "; ".join(f"{field}: {reading[field]}" for field in ("type", "status", "source", "target", "date"))


def sample(args: argparse.Namespace) -> None:
    events = load(args.room)
    keys = sorted(events)
    picked = random.Random(args.seed).sample(keys, min(args.n, len(keys)))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    lines = [f"# {len(picked)} events (seed {args.seed})", "", SAMPLE_RULES]
    for number, key in enumerate(picked, 1):
        event = events[key]
        lines += [f"## {number}. trigger '{event['trigger']}' (published {event['published']})", "",
                  event["passage"], "", "reading: " + show(event["reading"]), ""]
    (out / "events.md").write_text("\n".join(lines), encoding="utf-8")
    with open(out / "verdicts.tsv", "w", encoding="utf-8") as handle:
        handle.write("\t".join(("item", *FIELDS, "note")) + "\n")
    Path(f"{args.out}.key.json").write_text(json.dumps([list(key) for key in picked]), encoding="utf-8")


def pairs(args: argparse.Namespace) -> None:
    old, new = load(args.old), load(args.new)
    changed = sorted(key for key in set(old) | set(new)
                     if (old.get(key) or {}).get("reading") != (new.get(key) or {}).get("reading"))
    rng = random.Random(args.seed)
    picked = sorted(rng.sample(changed, min(args.n, len(changed))))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    lines = [f"# {len(picked)} events read two ways ({len(changed)} differ in all)", "", PAIR_RULES]
    key = []
    for number, where in enumerate(picked, 1):
        event = new.get(where) or old[where]
        readings = [(old.get(where) or {}).get("reading"), (new.get(where) or {}).get("reading")]
        new_is = rng.choice("AB")
        a, b = (readings[0], readings[1]) if new_is == "B" else (readings[1], readings[0])
        key.append({"item": number, "new": new_is, "where": list(where)})
        lines += [f"## {number}. trigger '{event['trigger']}' (published {event['published']})", "",
                  event["passage"], "", "A: " + show(a), "", "B: " + show(b), ""]
    (out / "pairs.md").write_text("\n".join(lines), encoding="utf-8")
    with open(out / "verdicts.tsv", "w", encoding="utf-8") as handle:
        handle.write("item\tbetter\treason\n")
    Path(f"{args.out}.key.json").write_text(json.dumps(key), encoding="utf-8")


def changed(args: argparse.Namespace) -> None:
    old, new = load(args.old), load(args.new)
    picked = [tuple(key) for key in json.loads(Path(args.key).read_text())]
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    again = [(n, key) for n, key in enumerate(picked, 1)
             if key in new and new[key]["reading"] != (old.get(key) or {}).get("reading")]
    gone = [n for n, key in enumerate(picked, 1) if key not in new]
    lines = [f"# {len(again)} events of the sample read anew (numbers are the sample's)", "", SAMPLE_RULES]
    for number, key in again:
        event = new[key]
        lines += [f"## {number}. trigger '{event['trigger']}' (published {event['published']})", "",
                  event["passage"], "", "reading: " + show(event["reading"]), ""]
    (out / "events.md").write_text("\n".join(lines), encoding="utf-8")
    (out / "gone.txt").write_text("".join(f"{n}\n" for n in gone), encoding="utf-8")
    with open(out / "verdicts.tsv", "w", encoding="utf-8") as handle:
        handle.write("\t".join(("item", *FIELDS, "note")) + "\n")


def verdict_counts(rows: list[dict], fields: tuple[str, ...]) -> tuple[list[dict], dict[str, int], int]:
    """Of a reader's verdict rows, those whose first field is "y" (real, speech), how many of them have
    each further field right, and how many have all of them right."""
    kept = [row for row in rows if row[fields[0]].strip().lower() == "y"]
    right = {field: sum(row[field].strip().lower() == "y" for row in kept) for field in fields[1:]}
    every = sum(all(row[field].strip().lower() == "y" for field in fields[1:]) for row in kept)
    return kept, right, every


def read_verdicts(out: str) -> list[dict]:
    """The filled rows of ``out/verdicts.tsv`` (a reader's verdicts, one row per item)."""
    with open(Path(out) / "verdicts.tsv", encoding="utf-8") as handle:
        return [row for row in csv.DictReader(handle, delimiter="\t") if row.get("item")]


def report(rows: list[dict], fields: tuple[str, ...], every_name: str = "every field right") -> str:
    """One line: how many rows are kept by the first field, and of those how many have each further field
    and all of them right ("real 38/40; of the real: value 38, ...; every field right 18/38")."""
    kept, right, every = verdict_counts(rows, fields)
    return (f"{fields[0]} {len(kept)}/{len(rows)}; of the {fields[0]}: "
            + ", ".join(f"{field} {count}" for field, count in right.items())
            + (f"; {every_name} {every}/{len(kept)}" if len(fields) > 1 else ""))


def tally(args: argparse.Namespace) -> None:
    rows = read_verdicts(args.out)
    if args.key:
        new_side = {entry["item"]: entry["new"] for entry in json.loads(Path(args.key).read_text())}
        counts = Counter()
        for row in rows:
            said = row["better"].strip().upper()
            side = new_side.get(int(row["item"]))
            counts["same" if said == "SAME" else "new better" if said == side else "old better"] += 1
        print(f"{len(rows)} pairs: " + ", ".join(f"{name} {counts[name]}"
                                                 for name in ("new better", "old better", "same")))
        return
    print(report(rows, FIELDS))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    one = commands.add_parser("sample", help="N random events of a room for a blind reader")
    one.add_argument("room")
    one.add_argument("out")
    two = commands.add_parser("pairs", help="events read differently by two rooms, as blind A/B pairs")
    two.add_argument("old")
    two.add_argument("new")
    two.add_argument("out")
    for command in (one, two):
        command.add_argument("--seed", type=int, default=1)
        command.add_argument("--n", type=int, default=60)
    four = commands.add_parser("changed", help="the events of a sample that another room reads anew")
    for name in ("key", "old", "new", "out"):
        four.add_argument(name)
    three = commands.add_parser("tally", help="count a reader's verdicts.tsv")
    three.add_argument("out")
    three.add_argument("--key", help="the pairs key (OUT.key.json): tally A/B verdicts as new/old better")
    args = parser.parse_args(argv)
    {"sample": sample, "pairs": pairs, "changed": changed, "tally": tally}[args.command](args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
