"""Score sitroom's quotes (content, speaker, cue) on PolNeAR attributions against main and a baseline.

By default through the JSON export of a room built from the split (``--through export``): a speaker is
right when a mention of the speaker actor overlaps the gold Source, so a "he" counts only when it was
resolved to the right actor. ``--through extractor`` scores the extractor's spans in-process (faster; a
speaker is right when its words overlap the Source or share a name with it)."""

from __future__ import annotations

import argparse
import random
import re
import shlex
import sys
import tempfile
import time
from collections import Counter, defaultdict, namedtuple
from dataclasses import astuple, dataclass
from pathlib import Path

import baseline
import exported_quotes

from sitroom.extract.quotes import quotes_in_text
from sitroom.model.evidence import Span
from sitroom.nlp.model import load_model

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "bench" / "polnear" / "data"
TRIM = " \t\r\n\"“”‘’'«».,;:"
"""Stripped from both ends of a span before the exact comparison (gold contents keep their quote marks)."""
OPEN, CLOSE = "\"“‘«", "\"”’»"
PRONOUNS = {"i", "we", "you", "he", "she", "it", "they", "me", "us", "him", "her", "them", "who", "which"}
NOT_NAMES = {"The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "His", "Her", "Their", "Mr",
             "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Jr", "US", "U.S", "President", "Senator", "Secretary",
             "Former", "Republican", "Republicans", "Democrat", "Democratic", "Democrats", "GOP", "Chairman",
             "Speaker", "Vice", "Gen", "Lt", "Col", "Sgt", "Rev", "Judge", "Officials"}  # shared: name no one
NAME = re.compile(r"\b[A-Z][\w’'.-]*\w")
WORD = re.compile(r"\w+")
QUOTED = re.compile(r"“([^“”]+)”|\"([^\"]+)\"")
CUES = re.compile(r"\b(said|says|told)\b")
CONTEXT, SHOWN = 50, 120
ROWS = ("predictions", "matched (overlap)", "content P R F1 (overlap)", "token-overlap F1 (matched mean)",
        "content P R F1 (exact, trimmed)", "speaker acc (matched, gold Source)",
        "  speaker acc: direct (quoted)", "  speaker acc: mixed", "  speaker acc: indirect",
        "cue acc (matched)",
        "recall direct (quoted)", "recall mixed (partly quoted)", "recall indirect (unquoted)",
        "recall Attribution", "recall Attribution-no-source")


@dataclass(frozen=True)
class Gold:
    kind: str  # event type: Attribution or Attribution-no-source
    content: tuple[Span, ...]  # fragments of Content (and Content2)
    cue: tuple[Span, ...]
    source: tuple[Span, ...]
    quoting: str  # direct (whole content quoted), mixed (partly quoted) or indirect


Pred = namedtuple("Pred", "content cue speaker")  # Spans; cue and speaker may be None
Score = namedtuple("Score", "n examples")  # weighted counts (tp, fp, spk_ok, gold:direct...), error examples


def hull(spans: tuple[Span, ...]) -> Span:
    return Span(min(s.start for s in spans), max(s.end for s in spans))


def overlap(a: Span, spans: tuple[Span, ...]) -> int:
    return sum(max(0, min(a.end, s.end) - max(a.start, s.start)) for s in spans)


def words(text: str, spans) -> str:
    return " ".join(text[s.start : s.end] for s in spans)


def trim(text: str, span: Span) -> tuple[int, int]:
    inner = re.fullmatch(f"[{re.escape(TRIM)}]*(.*?)[{re.escape(TRIM)}]*", text[span.start : span.end], re.S)
    return span.start + inner.start(1), span.start + inner.end(1)


def quoting(content: str) -> str:
    body = content.strip()
    if body[:1] in OPEN and body.rstrip(".,;:")[-1:] in CLOSE:
        return "direct"
    return "mixed" if re.search(r"[\"“”]|(^|\s)‘", body) else "indirect"


def read_ann(path: Path, text: str, bad: list[str]) -> list[Gold]:
    """Attributions of one brat file; a span keeps its fragments ("s e;s e"), ``hull`` joins them."""
    spans: dict[str, tuple[Span, ...]] = {}
    events: list[tuple[str, dict[str, list[str]]]] = []
    # a span text with a newline in it runs over several lines: split only where a new entry starts
    for line in re.split(r"\n(?=[TERAMN#*]\d*\t)", path.read_text(encoding="utf-8").rstrip("\n")):
        if line.startswith("T") and "\t" in line:
            tid, info, written = (line.split("\t", 2) + [""])[:3]
            spans[tid] = tuple(Span(*map(int, f.split())) for f in info.split(" ", 1)[1].split(";"))
            if words(text, spans[tid]) != written:
                bad.append(f"{path.name} {tid}: {written[:60]!r} != {words(text, spans[tid])[:60]!r}")
        elif line.startswith("E") and "\t" in line:
            args = line.split("\t")[1].split()
            roles: dict[str, list[str]] = defaultdict(list)
            for arg in args[1:]:
                role, tid = arg.split(":")
                roles[role.rstrip("0123456789")].append(tid)  # Content2 is more of the content
            events.append((args[0].split(":")[0], roles))
    gold = []
    for kind, roles in events:
        content = tuple(sorted(s for t in roles.get("Content", []) for s in spans[t]))
        cue, source = (tuple(s for t in roles.get(r, []) for s in spans[t]) for r in ("Cue", "Source"))
        if content:
            gold.append(Gold(kind, content, cue, source, quoting(words(text, content))))
    return gold


def ours(text: str, doc, nlp) -> list[Pred]:
    return [Pred(q.content, q.cue, q.speaker) for q in quotes_in_text(text, nlp=nlp)]


def textacy_baseline(text: str, doc, nlp) -> list[Pred]:
    from textacy.extract.triples import direct_quotations

    def join(toks):  # a list of tokens, not always contiguous
        return Span(min(t.idx for t in toks), max(t.idx + len(t) for t in toks)) if toks else None

    return [Pred(Span(q.content.start_char, q.content.end_char), join(q.cue), join(q.speaker))
            for q in direct_quotations(doc)]


def nearest(spans: list[Span], content: Span, lo: int, hi: int) -> Span | None:
    inside = [s for s in spans if lo <= s.start and s.end <= hi and not content.overlaps(s)]
    return min(inside, key=lambda s: max(s.start - content.end, content.start - s.end), default=None)


def regex_baseline(text: str, doc, nlp) -> list[Pred]:
    """Text between matching quotation marks (3+ words); nearest PERSON/ORG and said/says/told nearby."""
    sents, preds = list(doc.sents), []
    ents = [Span(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("PERSON", "ORG")]
    for match in QUOTED.finditer(text):
        group = 1 if match.group(1) is not None else 2
        if len(WORD.findall(match.group(group))) < 3:
            continue
        content = Span(match.start(group), match.end(group))
        first = next((k for k, s in enumerate(sents) if s.end_char > content.start), len(sents) - 1)
        last = next((k for k, s in enumerate(sents) if s.end_char >= content.end), len(sents) - 1)
        lo, hi = sents[first].start_char, sents[min(last + 1, len(sents) - 1)].end_char
        cues = [Span(lo + m.start(), lo + m.end()) for m in CUES.finditer(text[lo:hi])]
        preds.append(Pred(content, nearest(cues, content, lo, hi), nearest(ents, content, lo, hi)))
    return preds


def names(text: str) -> set[str]:
    return {n.rstrip(".’'") for n in NAME.findall(text) if n.rstrip(".") not in NOT_NAMES} - {""}


def context(text: str, span: Span) -> str:
    inner = text[span.start : span.end]
    if len(inner) > SHOWN:
        inner = inner[: SHOWN // 2] + " … " + inner[-SHOWN // 2 :]
    left, right = text[max(0, span.start - CONTEXT) : span.start], text[span.end : span.end + CONTEXT]
    return re.sub(r"\s+", " ", f"…{left}[[{inner}]]{right}…")


def score(sc: Score, name: str, text: str, preds: list[Pred], gold: list[Gold], weight: float, keep: bool):
    pairs = sorted((overlap(p.content, g.content), i, j) for i, p in enumerate(preds)
                   for j, g in enumerate(gold))
    used_p, used_g, matched = set(), set(), []
    for ov, i, j in reversed(pairs):  # one-to-one, greedy by largest overlap
        if ov > 0 and i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            matched.append((preds[i], gold[j]))
    n, trimmed = sc.n, Counter(trim(text, hull(g.content)) for g in gold)
    n.update({"tp": weight * len(matched), "fp": weight * (len(preds) - len(matched)),
              "fn": weight * (len(gold) - len(matched)),
              "exact": weight * sum((Counter(trim(text, p.content) for p in preds) & trimmed).values())})
    for j, g in enumerate(gold):
        for key in (g.quoting, g.kind):
            n[f"gold:{key}"] += weight
            n[f"hit:{key}"] += weight * (j in used_g)
        n["gold:source"] += weight * bool(g.source)
        n["gold:pronoun"] += weight * (words(text, g.source).lower() in PRONOUNS)
    say = sc.examples if keep else defaultdict(list)  # examples from the first annotator only
    say["missed gold contents"] += [f"{name}: {context(text, hull(g.content))}"
                                    for j, g in enumerate(gold) if j not in used_g]
    say["spurious predictions"] += [f"{name}: {context(text, p.content)}"
                                    for i, p in enumerate(preds) if i not in used_p]
    for p, g in matched:
        ptoks = {m.span() for m in WORD.finditer(text, p.content.start, p.content.end)}
        gtoks = {m.span() for s in g.content for m in WORD.finditer(text, s.start, s.end)}
        n["tok_f1"] += weight * 2 * len(ptoks & gtoks) / max(1, len(ptoks) + len(gtoks))
        n["cue_ok"] += weight * bool(p.cue and overlap(p.cue, g.cue))
        if g.source:  # Attribution-no-source has none: left out of speaker accuracy
            gsrc = words(text, g.source)
            if isinstance(p.speaker, tuple):  # the speaker actor's mentions (through the export)
                ok = any(overlap(m, g.source) for m in p.speaker)
                psrc = f"actor with {len(p.speaker)} mentions here, first {words(text, p.speaker[:1])!r}" \
                    if p.speaker else ""
            else:
                psrc = text[p.speaker.start : p.speaker.end] if p.speaker else ""
                ok = bool(p.speaker and (overlap(p.speaker, g.source) or names(psrc) & names(gsrc)))
            n["spk_n"] += weight
            n["spk_ok"] += weight * ok
            n[f"spk_n:{g.quoting}"] += weight
            n[f"spk_ok:{g.quoting}"] += weight * ok
            if not ok:
                say["wrong speakers"].append(f"{name} ({g.quoting}): {psrc or '(none)'!r} vs gold {gsrc!r} | "
                                             f"{context(text, p.content)}")


def prf(tp: float, npred: float, ngold: float) -> str:
    p, r = tp / npred if npred else 0.0, tp / ngold if ngold else 0.0
    return f"{p:.3f} {r:.3f} {2 * p * r / (p + r) if p + r else 0.0:.3f}"


def num(x: float) -> str:
    return f"{x:.0f}" if abs(x - round(x)) < 1e-9 else f"{x:.1f}"


def column(n: Counter) -> list[str]:
    npred, ngold, m = n["tp"] + n["fp"], n["tp"] + n["fn"], n["tp"]
    spk = f"{n['spk_ok'] / n['spk_n']:.3f} (n={num(n['spk_n'])})" if n["spk_n"] else "-"
    by_kind = [f"{n['spk_ok:' + k] / n['spk_n:' + k]:.3f} (n={num(n['spk_n:' + k])})" if n["spk_n:" + k]
               else "-" for k in ("direct", "mixed", "indirect")]
    return [num(npred), num(m), prf(m, npred, ngold), f"{n['tok_f1'] / m:.3f}" if m else "-",
            prf(n["exact"], npred, ngold), spk, *by_kind, f"{n['cue_ok'] / m:.3f}" if m else "-"] + [
        f"{n['hit:' + k] / n['gold:' + k]:.3f}" if n["gold:" + k] else "-"
        for k in ("direct", "mixed", "indirect", "Attribution", "Attribution-no-source")]


def attempt(key: str, system, text: str, doc, nlp, errors: Counter) -> list[Pred]:
    try:
        return system(text, doc, nlp)
    except Exception as exc:  # an unfinished extractor, or textacy bailing out, must not stop the run
        errors[f"{key}: {type(exc).__name__}: {re.sub(r'[0-9]+', 'N', str(exc))[:100]}"] += 1
        return []


def exported_runs(ref: str, data: Path, paths: list[Path], texts: dict[str, str], notes: list[str],
                  exported: dict[str, dict]) -> tuple[tuple[str, dict] | None, dict]:
    """Rooms built from the texts with the new code and with ``ref``'s, their exports as predictions (in
    ``exported``: "ours", "main"); returns main's ``(column title, {})`` or None, and the empty answer."""
    with tempfile.TemporaryDirectory(prefix="sitroom-polnear-") as tmp:
        folder = data / "text"
        if len(paths) < len(list(folder.glob("*.txt"))):  # --limit: the first N articles only
            folder = Path(tmp)
            for path in paths:
                (folder / path.name).symlink_to(path.resolve())
        built = exported_quotes.built_and_exported(None, folder, notes)
        exported["ours"] = exported_quotes.predictions(built, texts)
        src = baseline.baseline_src(ref, notes)
        if src is not None:
            exported["main"] = exported_quotes.predictions(
                exported_quotes.built_and_exported(src, folder, notes), texts)
    return ((baseline.label(src), {}) if src is not None else None), {"preds": {}, "errors": {}}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", choices=("dev", "train"), default="dev",
                        help="PolNeAR split, short for --data DATA/SPLIT (default dev)")
    parser.add_argument("--data", type=Path, help=f"split folder: text/, attributions/ (default {DATA}/dev)")
    parser.add_argument("--limit", type=int, help="score only the first N articles (by file name)")
    parser.add_argument("--through", choices=("export", "extractor"), default="export",
                        help="export: build a room and score its JSON export (default); extractor: the "
                             "quote extractor in-process")
    parser.add_argument("--examples", type=int, default=10, help="examples of each kind of error (10)")
    parser.add_argument("--examples-of", choices=("ours", "main", "baseline"), default="ours",
                        help="whose errors the examples show (default ours)")
    parser.add_argument("--external", choices=("auto", "textacy", "regex"), default="auto",
                        help="external baseline; auto: textacy's quotations if it imports, else the regex")
    baseline.add_argument(parser)
    baseline.add_worker_argument(parser)
    args = parser.parse_args()
    started, data = time.perf_counter(), args.data or DATA / args.split
    paths = sorted((data / "text").glob("*.txt"))[: args.limit]
    texts = {p.stem: p.read_bytes().decode("utf-8") for p in paths}  # newlines untranslated: brat offsets
    if not texts:
        print(f"no articles in {data / 'text'} (pass --data DIR or --split)", file=sys.stderr)
        return 2
    nlp = load_model()
    spent, errors, bad, files, notes = Counter(), Counter(), [], 0, []
    if args.worker:  # under the baseline's code: our extractor's quotes only, as offsets
        preds = {k: [[s and astuple(s) for s in q] for q in attempt("main", ours, t, None, nlp, errors)]
                 for k, t in texts.items()}
        return baseline.emit({"preds": preds, "errors": errors, "seconds": time.perf_counter() - started})
    base, base_name = regex_baseline, "regex (quotation marks, nearest PERSON/ORG, said/says/told)"
    if args.external != "regex":
        try:
            import textacy.extract.triples

            base, base_name = textacy_baseline, f"textacy {textacy.__version__} direct_quotations"
        except ImportError as exc:
            if args.external == "textacy":
                sys.exit(f"textacy is not installed: {exc}")
    exported: dict[str, dict] = {}
    if args.through == "export":
        main_run, found = exported_runs(args.baseline, data, paths, texts, notes, exported)
        label = main_run[0] if main_run else "main"
    else:
        main_run = baseline.run_main(args.baseline, __file__, sys.argv[1:], notes)
        label, found = main_run or ("main", {"preds": {}, "errors": {}})
    errors.update(found["errors"])
    anns: dict[str, list[Path]] = defaultdict(list)
    for path in sorted((data / "attributions").glob("*.ann")):
        anns[path.stem.rsplit("_", 1)[0]].append(path)  # <article>_<annotator>.ann
    scores = {key: Score(Counter(), defaultdict(list)) for key in ("ours", "main", "baseline")
              if main_run or key != "main"}
    for name, text in texts.items():
        golds = [read_ann(a, text, bad) for a in anns.get(name, [])]
        t0 = time.perf_counter()
        doc = nlp(text)
        spent["parse"] += time.perf_counter() - t0
        preds = {"main": [Pred(*(s and Span(*s) for s in q)) for q in found["preds"].get(name, [])]}
        if exported:
            preds["main"] = [Pred(*q) for q in exported.get("main", {}).get(name, [])]
            preds["ours"] = [Pred(*q) for q in exported["ours"].get(name, [])]
        for key, system in (("ours", ours), ("baseline", base)):
            if key in preds:
                continue
            t0 = time.perf_counter()
            preds[key] = attempt(key, system, text, doc, nlp, errors)
            spent[key] += time.perf_counter() - t0
        for k, gold in enumerate(golds):  # several annotators: score against each, weight 1/n (an average)
            files += 1
            for key, sc in scores.items():
                score(sc, name, text, preds[key], gold, 1 / len(golds), keep=k == 0)
    print(f"command: {shlex.join(['python', *sys.argv])}")
    print(f"PolNeAR {data.name}: {len(texts)} articles, {files} annotation files (an article with n "
          f"annotators is scored against each, weight 1/n: averaged); span-text mismatches: {len(bad)}")
    for line in bad[:5]:
        print(f"  mismatch {line}")
    gold = scores["ours"].n
    print(f"gold attributions: {num(gold['tp'] + gold['fn'])} = direct {num(gold['gold:direct'])} + mixed "
          f"{num(gold['gold:mixed'])} + indirect {num(gold['gold:indirect'])}; with a Source "
          f"{num(gold['gold:source'])}, of which a bare pronoun {num(gold['gold:pronoun'])}")
    through = " (rooms built from the texts, their JSON export; a speaker is right when a mention of its " \
        "actor overlaps the gold Source)" if args.through == "export" else ""
    print(f"scored through: {args.through}{through}")
    print(f"baseline: {base_name}" + (f"; {label}: sitroom with that code" if main_run else ""))
    print(f"time: {time.perf_counter() - started:.1f}s in all; spaCy parse {spent['parse']:.1f}s, "
          f"ours {spent['ours']:.1f}s, baseline {spent['baseline']:.1f}s (after the parse)"
          + (f"; main {found['seconds']:.1f}s in a worker (model load, parse too)" if "seconds" in found
             else "")
          + ("; ours and main: a room built and exported each (in the total)" if exported else ""))
    for err, n in errors.most_common():
        print(f"  failed on {n} article(s): {err}")
    cols = {key: column(sc.n) for key, sc in scores.items()}
    print(f"\n{'metric':36}" + "".join(f" {label if key == 'main' else key:>24}" for key in cols))
    for i, row in enumerate(ROWS):
        print(f"{row:36}" + "".join(f" {col[i]:>24}" for col in cols.values()))
    shown, rng = args.examples_of if args.examples_of in scores else "ours", random.Random(0)
    for title in ("missed gold contents", "spurious predictions", "wrong speakers"):
        items = scores[shown].examples[title]
        print(f"\n{title} ({shown}; {len(items)} in all, first annotator):")
        for line in sorted(rng.sample(items, min(args.examples, len(items)))):
            print(f"  {line}")
    for note in notes:
        print(f"note: {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
