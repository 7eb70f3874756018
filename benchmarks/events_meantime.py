"""Score sitroom's events on NewsReader MEANTIME: triggers, participants, status, date, cross-doc events.

Each MEANTIME document is written as a .txt (``actors_meantime.read_doc``: tokens joined by spaces, one
sentence a line) and built into a room with the new code and with the baseline's (``--baseline REF``);
the room's ``event_mentions`` are scored in the annotated window (sentences 0-5) only.

1. Triggers: a sitroom mention is matched to the gold EVENT_MENTION its trigger overlaps most (gold
   mentions may be discontinuous: "take ... off"). Precision = share of sitroom mentions matched. Recall
   is low by design: MEANTIME marks every event ("order", "worth", "believe"), sitroom codes PLOVER
   political events only.
2. Participants, on matched mentions whose gold event has an Arg0 (Arg1) entity: the source (target) is
   right when one of sitroom's source (target) mentions overlaps that entity mention or another mention of
   the same gold entity in the document. Arg0/Arg1 are PropBank roles, not PLOVER's source and target
   (a passive's agent may be missing, a REQUEST's Arg1 is the thing asked for).
3. Status: gold NEG polarity -> denied, certainty POSSIBLE/PROBABLE -> hypothetical, time FUTURE -> planned,
   else reported. Gold mentions without attributes (bare re-marks of the cross-doc pass) are skipped.
4. Date: the gold anchor is the value of a TIMEX3 (the creation time included) tied to the mention by a
   TLINK of an overlap type (INCLUDES, IS_INCLUDED, SIMULTANEOUS, BEGINS, ENDS, ...; not BEFORE, AFTER),
   in either direction; chains through other events are not followed. Right when sitroom's ``when_start``
   and an anchor agree at their common granularity ("2005" fits "2005-06-13"; "2005-W23" and "2005-Q2"
   count as their year; durations, PRESENT_REF and the like are no anchor).
5. Cross-document events: B-cubed over the matched sitroom mentions only. Gold cluster: the EVENT's
   instance_id (only some events have one; an EVENT without one is a cluster of its own document, a
   mention without REFERS_TO a singleton); sitroom's: its ``event_members`` event. Links within and across
   documents both count; sitroom mentions matching no gold, and gold mentions sitroom did not emit, count
   nowhere: it says whether sitroom's groupings of the events it found are right, not how many gold links
   it found. Two sitroom mentions on one gold mention are both kept (in triggers they count once for recall).

Caveats: the texts are tokenised ("Airbus , has won"), which costs the parser a little; the dateline
(sentence 1, "June 13 , 2005") is rejoined ("June 13, 2005") so that sitroom reads the publication date
(tokenised, it reads none), and gold offsets are shifted with it. The data holds corpus_airbus and
corpus_apple only (60 documents), mostly business news: few events are political and the counts are small.
"""

from __future__ import annotations

import argparse
import bisect
import difflib
import re
import shutil
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import baseline
import duckdb
from actors_meantime import DATA, WINDOW, Mention, bcubed, read_doc

CORPORA = ("airbus", "apple")
ANCHORS = {"INCLUDES", "IS_INCLUDED", "SIMULTANEOUS", "DURING", "DURING_INV", "IDENTITY", "BEGINS",
           "BEGUN_BY", "ENDS", "ENDED_BY"}
STATUSES = ("reported", "denied", "hypothetical", "planned")
Span = tuple[int, int]


@dataclass
class Gold:
    tokens: tuple[Span, ...]
    cluster: str
    status: str | None = None
    arg0: set[Span] = field(default_factory=set)
    arg1: set[Span] = field(default_factory=set)
    anchors: set[str] = field(default_factory=set)


@dataclass
class Doc:
    name: str
    corpus: str
    text: str
    limit: int
    events: list[Gold]


@dataclass
class Pred:
    start: int
    end: int
    status: str
    sources: list[Span]
    targets: list[Span]
    when: str | None
    event: str


def day(value: str | None) -> str | None:
    """The date part of a TIMEX3 value or a ``when_start`` (YYYY, YYYY-MM or YYYY-MM-DD), else None."""
    found = re.match(r"\d{4}(-[01]\d(-[0-3]\d)?)?", value or "")
    return found.group(0) if found else None


def gold_status(mark: ET.Element) -> str | None:
    """MEANTIME's attributes as a sitroom status; None for a mention without attributes."""
    polarity, certainty, future = mark.get("polarity"), mark.get("certainty"), mark.get("time") == "FUTURE"
    return (None if not polarity else "denied" if polarity == "NEG" else "hypothetical"
            if certainty in ("POSSIBLE", "PROBABLE") else "planned" if future else "reported")


def read_gold(path: Path, window: int) -> Doc:
    """``read_doc``'s text with the dateline rejoined; the window's gold event mentions, one per token set."""
    base = read_doc(path, window)
    lines = base.text.split("\n")
    cuts = [len(lines[0]) + 1 + m.start() for m in re.finditer(r" (?=,)", lines[1] if len(lines) > 1 else "")]
    text = "".join(ch for i, ch in enumerate(base.text) if i not in cuts)

    def shift(offset: int) -> int:
        return offset - bisect.bisect_left(cuts, offset)

    root = ET.parse(path).getroot()
    sentences: dict[int, list[ET.Element]] = defaultdict(list)
    for tok in root.iter("token"):
        sentences[int(tok.get("sentence"))].append(tok)
    spans, at = {}, 0  # read_doc's joining, so that the offsets are those of its text
    for number in sorted(sentences):
        for i, tok in enumerate(sentences[number]):
            at += 1 if i else 0
            spans[tok.get("t_id")] = (shift(at), shift(at + len(tok.text or "")))
            assert text[slice(*spans[tok.get("t_id")])] == (tok.text or ""), f"{path.name}: offsets off"
            at += len(tok.text or "")
        at += 1
    limit, marks = shift(base.limit), root.find("Markables")

    def tokens(mark: ET.Element) -> tuple[Span, ...]:
        return tuple(sorted(spans[a.get("t_id")] for a in mark.findall("token_anchor")))

    instance = {m.get("m_id"): m.get("instance_id") or f"{base.name}#{m.get('m_id')}"
                for m in marks if m.tag in ("ENTITY", "EVENT")}
    refers: dict[str, str] = {}
    for rel in root.iter("REFERS_TO"):
        for src in rel.findall("source") if rel.find("target").get("m_id") in instance else []:
            refers.setdefault(src.get("m_id"), instance[rel.find("target").get("m_id")])
    entities = {m.get("m_id"): (t[0][0], t[-1][1]) for m in marks.iter("ENTITY_MENTION") if (t := tokens(m))}
    of_entity: dict[str, set[Span]] = defaultdict(set)
    for m_id, where in entities.items():
        of_entity[refers.get(m_id, m_id)].add(where)
    timex = {m.get("m_id"): day(m.get("value")) for m in marks.iter("TIMEX3") if day(m.get("value"))}
    by_tokens: dict[tuple[Span, ...], Gold] = {}
    by_id: dict[str, Gold] = {}
    for mark in marks.iter("EVENT_MENTION"):
        where, m_id = tokens(mark), mark.get("m_id")
        if where and where[0][0] < limit:
            fresh = Gold(where, refers.get(m_id, f"{base.name}#m{m_id}"))
            gold = by_id[m_id] = by_tokens.setdefault(where, fresh)
            gold.status = gold.status or gold_status(mark)
    for rel in root.iter("HAS_PARTICIPANT"):
        event, who, role = rel.find("source").get("m_id"), rel.find("target").get("m_id"), rel.get("sem_role")
        if event in by_id and who in entities and role in ("Arg0", "Arg1"):
            getattr(by_id[event], role.lower()).update(of_entity[refers.get(who, who)] | {entities[who]})
    for rel in root.iter("TLINK"):
        a, b = rel.find("source").get("m_id"), rel.find("target").get("m_id")
        for event, when in ((a, b), (b, a)):
            if rel.get("reltype") in ANCHORS and event in by_id and when in timex:
                by_id[event].anchors.add(timex[when])
    return Doc(base.name, base.corpus, text, limit, sorted(by_tokens.values(), key=lambda g: g.tokens))


def read_room(room: Path, docs: dict[str, Doc], notes: list[str]) -> dict[str, list[Pred]]:
    """The room's event mentions by gold document, offsets mapped onto our texts where the room's differ."""
    con = duckdb.connect(str(room), read_only=True)
    maps: dict[str, tuple[str, dict[int, int] | None]] = {}
    for doc_id, source, text in con.execute("SELECT id, source, text FROM documents").fetchall():
        if (doc := docs.get(Path(source).stem)) is None:
            continue
        table = None
        if text != doc.text:  # map by aligning the two texts
            blocks = difflib.SequenceMatcher(None, text, doc.text, autojunk=False).get_matching_blocks()
            table = {a + i: b + i for a, b, n in blocks for i in range(n + 1)}
            notes.append(f"{room.stem}: {doc.name}: documents.text differs from the file; offsets aligned")
        maps[doc_id] = (doc.name, table)

    def ours(doc_id: str, offset: int) -> int:
        table = maps[doc_id][1]
        return offset if table is None else table.get(offset, -1)

    spans = {(d, o): (ours(d, s), ours(d, e)) for d, o, s, e in con.execute(
        "SELECT document, ordinal, start_offset, end_offset FROM mentions").fetchall() if d in maps}
    members = {(d, o): e for e, d, o in con.execute("SELECT event, document, ordinal FROM event_members")
               .fetchall()}
    have = {row[0] for row in con.execute("DESCRIBE event_mentions").fetchall()}
    wanted = ["document", "ordinal", "status", "trigger_start", "trigger_end", "sources", "targets",
              "when_start"]
    out: dict[str, list[Pred]] = defaultdict(list)
    for d, o, status, start, end, sources, targets, when in con.execute(
            f"SELECT {', '.join(c if c in have else 'NULL' for c in wanted)} FROM event_mentions").fetchall():
        if d in maps:
            args = [[spans[d, m] for m in ms or [] if (d, m) in spans] for ms in (sources, targets)]
            out[maps[d][0]].append(Pred(ours(d, start), ours(d, end), status, *args, when,
                                        members.get((d, o), f"{d}#{o}")))
    con.close()
    notes += [f"{room.stem}: event_mentions has no {c} column" for c in wanted if c not in have]
    return out


def fit(gold: Gold, p: Pred) -> tuple[int, int]:
    """Characters of the trigger inside the gold mention's tokens; then the shorter gold mention first."""
    inside = sum(max(0, min(e, p.end) - max(s, p.start)) for s, e in gold.tokens)
    return inside, gold.tokens[0][0] - gold.tokens[-1][1]


def ratio(a: int, b: int) -> str:
    return f"{a}/{b}  {a / b:5.3f}" if b else f"{a}/0    -  "


def score(docs: list[Doc], preds: dict[str, list[Pred]]) -> dict[str, str]:
    """Every figure of one version, as printable cells by row title."""
    emitted, pairs = 0, []
    for doc in docs:
        for p in preds.get(doc.name, []):
            if 0 <= p.start < doc.limit:
                emitted += 1
                best = max(doc.events, key=lambda g, p=p: fit(g, p), default=None)
                if best and fit(best, p)[0] > 0:
                    pairs.append((doc, best, p))
    hit = len({(d.name, g.tokens) for d, g, _ in pairs})
    rows = {"event mentions in the window": f"{emitted}",
            "trigger on a gold EVENT_MENTION: P": ratio(len(pairs), emitted),
            "gold mentions hit: R": ratio(hit, sum(len(d.events) for d in docs))}
    for role, title in (("arg0", "source vs Arg0"), ("arg1", "target vs Arg1")):
        said = Counter()
        for _, g, p in pairs:
            ours, gold = (p.sources if role == "arg0" else p.targets), getattr(g, role)
            said["gold" if gold else "extra" if ours else "neither"] += 1
            if gold:
                said["right" if any(min(a[1], b[1]) > max(a[0], b[0]) for a in ours for b in gold)
                     else "wrong" if ours else "none"] += 1
        rows[f"{title}: right/gold has one"] = ratio(said["right"], said["gold"])
        rows[f"{title}: wrong / sitroom none"] = f"{said['wrong']} / {said['none']}"
        rows[f"{title}: sitroom one, gold none"] = f"{said['extra']}"
    statused = Counter((g.status, p.status) for _, g, p in pairs if g.status)
    rows["status: right/scored"] = ratio(sum(n for (a, b), n in statused.items() if a == b), statused.total())
    for gold in STATUSES:
        rows[f"status: gold {gold:12} -> r/d/h/p"] = "/".join(str(statused[gold, s]) for s in STATUSES)
    rows["status: sitroom says another value"] = str(sum(n for (_, s), n in statused.items()
                                                         if s not in STATUSES))
    dates = Counter()
    for _, g, p in pairs:
        when = day(p.when)
        if g.anchors:
            fits = when and any(a.startswith(when) or when.startswith(a) for a in g.anchors)
            dates["right" if fits else "wrong" if when else "undated"] += 1
        else:
            dates["extra" if when else "neither"] += 1
    anchored = dates["right"] + dates["wrong"] + dates["undated"]
    rows["date: right/gold anchored"] = ratio(dates["right"], anchored)
    rows["date: wrong / sitroom undated"] = f"{dates['wrong']} / {dates['undated']}"
    rows["date: no gold anchor: dated / undated"] = f"{dates['extra']} / {dates['neither']}"
    matched = [(Mention(d.name, p.start, p.end, None, g.cluster),
                Mention(d.name, p.start, p.end, None, p.event)) for d, g, p in pairs]
    rows["cross-doc events: B-cubed P R F1"] = " ".join(f"{v:5.3f}" for v in bcubed(matched))
    spread = [defaultdict(set), defaultdict(set)]
    for d, g, p in pairs:
        spread[0][g.cluster].add(d.name)
        spread[1][p.event].add(d.name)
    rows["clusters over 2+ docs: gold / sitroom"] = " / ".join(str(sum(len(v) > 1 for v in s.values()))
                                                                 for s in spread)
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA,
                        help=f"MEANTIME intra_cross-doc_annotation folder (default {DATA})")
    parser.add_argument("--limit", type=int, default=0, help="score only the first N documents")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (texts and rooms)")
    baseline.add_argument(parser)
    args = parser.parse_args()
    began, notes = time.perf_counter(), []
    paths = [p for c in CORPORA for p in sorted((args.data / f"corpus_{c}").glob("*.xml"))]
    docs = [read_gold(p, WINDOW) for p in paths[: args.limit or None]]
    if not docs:
        print(f"no MEANTIME documents found under {args.data}", file=sys.stderr)
        return 2
    tmp = Path(tempfile.mkdtemp(prefix="events_meantime_"))
    (folder := tmp / "texts").mkdir()
    for doc in docs:
        (folder / f"{doc.name}.txt").write_text(doc.text, encoding="utf-8")
    systems, timing = {}, {}
    try:
        main_src = baseline.baseline_src(args.baseline, notes)
        for name, src in [("ours", None), *([(baseline.label(main_src), main_src)] if main_src else [])]:
            start, said = time.perf_counter(), []
            room = tmp / f"room-{src.parent.name if src else 'new'}.duckdb"
            built = baseline.build_room(src, folder, room, said)
            systems[name] = score(docs, read_room(room, {d.name: d for d in docs}, said) if built else {})
            notes += [f"{name}: {n}" for n in said]
            timing[name] = time.perf_counter() - start
    finally:
        if args.keep:
            notes.append(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)

    events = [g for d in docs for g in d.events]
    corpora = ", ".join(f"{c} {n}" for c, n in Counter(d.corpus for d in docs).items())
    print(f"{len(docs)} documents ({corpora}); window: sentences 0-{WINDOW - 1}")
    print(f"gold event mentions: {len(events)}; with an Arg0 entity {sum(bool(g.arg0) for g in events)}, "
          f"Arg1 {sum(bool(g.arg1) for g in events)}, a dated anchor {sum(bool(g.anchors) for g in events)}, "
          f"a cross-doc instance {sum('#' not in g.cluster for g in events)}; status "
          + ", ".join(f"{s} {n}" for s, n in Counter(g.status or "none" for g in events).most_common()))
    print(f"\n{'':42} | " + " | ".join(f"{name[:22]:^22}" for name in systems))
    for row in next(iter(systems.values())):
        print(f"{row:42} | " + " | ".join(f"{s[row]:^22}" for s in systems.values()))
    print("(r/d/h/p: mentions of that gold status that sitroom called reported/denied/hypothetical/planned)")
    print("\n$ " + " ".join([Path(sys.executable).name, *sys.argv]))
    print(f"ours: the code in {baseline.ROOT / 'src'}; "
          + (f"{baseline.label(main_src)}: {main_src}" if main_src else "no main column"))
    for note in notes:
        print(f"note: {note}")
    took = ", ".join(f"{k} {v:.1f}s" for k, v in timing.items())
    print(f"run time {time.perf_counter() - began:.1f}s ({took})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
