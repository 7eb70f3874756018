"""Score sitroom's event coder on PLOVER-GSR (type; source, type, target) against a verb-lemma baseline."""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import baseline

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "bench" / "plover-gsr" / "PLOVER_GSR_CAMEO.txt"
TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
         "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
OLD_TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
"""PLOVER 0.6 categories renamed or merged in 1.0; CRIME (and anything else unknown) is skipped."""
VERBS = {
    "AGREE": "agree sign promise pledge offer ratify settle",
    "CONSULT": "meet visit talk discuss negotiate host consult telephone",
    "SUPPORT": "support praise endorse welcome back commend recognize thank",
    "CONCEDE": "concede ease lift allow release grant apologize",
    "COOPERATE": "cooperate collaborate coordinate share extradite",
    "AID": "aid provide donate give supply fund assist help",
    "RETREAT": "withdraw retreat evacuate demobilize disarm surrender",
    "REQUEST": "ask request urge appeal demand seek call press",
    "ACCUSE": "accuse criticize condemn blame denounce charge sue investigate",
    "REJECT": "reject refuse deny veto decline oppose rebuff",
    "THREATEN": "threaten warn",
    "PROTEST": "protest demonstrate march rally riot picket",
    "SANCTION": "sanction ban embargo suspend expel freeze sever",
    "MOBILIZE": "mobilize deploy mass alert reinforce",
    "COERCE": "arrest detain seize deport confiscate raid jail imprison",
    "ASSAULT": "attack kill bomb shoot shell assassinate kidnap invade",
}
"""Baseline lexicon: common verbs per type from the PLOVER codebook's definitions (not fitted to the data)."""
VERB_TYPE = {verb: kind for kind, verbs in VERBS.items() for verb in verbs.split()}
COUNTRIES = [
    ("united states", "us", "usa", "america", "american"), ("united kingdom", "uk", "britain", "british"),
    ("russia", "russian"), ("china", "chinese"), ("france", "french"), ("germany", "german"),
    ("japan", "japanese"), ("india", "indian"), ("pakistan", "pakistani"), ("afghanistan", "afghan"),
    ("iran", "iranian"), ("iraq", "iraqi"), ("israel", "israeli"), ("palestine", "palestinian"),
    ("syria", "syrian"), ("lebanon", "lebanese"), ("egypt", "egyptian"), ("turkey", "turkish"),
    ("greece", "greek"), ("italy", "italian"), ("spain", "spanish"), ("poland", "polish"),
    ("ukraine", "ukrainian"), ("mexico", "mexican"), ("brazil", "brazilian"), ("canada", "canadian"),
]
"""Country names and their demonyms: the same country on both sides counts as an actor match."""


@dataclass
class Gold:
    id: str
    text: str
    type: str
    source: tuple[str, ...]
    target: tuple[str, ...]


Event = tuple[str, tuple[str, ...], tuple[str, ...]]
"""A predicted (type, source phrases, target phrases)."""


def actors(value) -> tuple[str, ...]:
    """actorText of a source/target field (a list of actors; a few records hold '' or a stray string)."""
    if not isinstance(value, list):
        return ()
    return tuple(a["actorText"].strip() for a in value if isinstance(a, dict) and a.get("actorText"))


def read_gold(path: Path, limit: int | None) -> tuple[list[Gold], Counter]:
    records = [r for r in json.loads(path.read_text(encoding="utf-8")) if r.get("event") != "DOCUMENT"]
    gold, skipped = [], Counter()
    for r in records[:limit]:
        kind = OLD_TYPES.get(r["event"], r["event"])
        if kind not in TYPES:
            skipped[r["event"]] += 1
            continue
        gold.append(Gold(r["id"], r["text"], kind, actors(r.get("source")), actors(r.get("target"))))
    return gold, skipped


def words(phrase: str) -> list[str]:
    """Lower-cased words without possessive 's, dotted abbreviations closed up (U.S. -> us)."""
    text = re.sub(r"'s\b|'", " ", phrase.lower().replace("\u2019", "'"))
    return re.findall(r"[a-z0-9]+", re.sub(r"\b([a-z])\.", r"\1", text))


def content(phrase: str, stop: frozenset[str]) -> tuple[set[str], set[int]]:
    """The phrase's content words, and the countries (indices in COUNTRIES) it names."""
    toks = words(phrase)
    joined = f" {' '.join(toks)} "
    found = {i for i, names in enumerate(COUNTRIES) if any(f" {n} " in joined for n in names)}
    return {t for t in toks if t not in stop}, found


def actors_match(predicted: tuple[str, ...], gold: tuple[str, ...], stop: frozenset[str]) -> bool:
    if not gold or not predicted:
        return not gold and not predicted
    for p in predicted:
        p_words, p_countries = content(p, stop)
        for g in gold:
            g_words, g_countries = content(g, stop)
            if p_words & g_words or p_countries & g_countries:
                return True
    return False


def run_ours(gold: list[Gold], nlp) -> tuple[list[list[Event]], Counter]:
    from sitroom.extract.events import code_text

    cache: dict[str, list[Event]] = {}
    errors: Counter = Counter()
    for g in gold:
        if g.text not in cache:
            try:
                cache[g.text] = [(f.type, tuple(f.source), tuple(f.target)) for f in code_text(g.text, nlp)]
            except Exception as exc:  # a coder under construction: count the crash, go on
                errors[f"{type(exc).__name__}: {exc}"[:120]] += 1
                cache[g.text] = []
    return [cache[g.text] for g in gold], errors


def subtree(tok) -> str:
    return tok.doc[tok.left_edge.i : tok.right_edge.i + 1].text


def run_baseline(gold: list[Gold], nlp) -> list[list[Event]]:
    """Root verb (or the first verb) looked up in VERBS; its nsubj as source, dobj or pobj as target."""
    out = []
    for doc in nlp.pipe(g.text for g in gold):
        root = next((t for t in doc if t.dep_ == "ROOT"), None)
        verb = root if root is not None and root.pos_ == "VERB" else None
        verb = verb or next((t for t in doc if t.pos_ == "VERB"), None)
        kind = VERB_TYPE.get(verb.lemma_.lower()) if verb is not None else None
        if kind is None:
            out.append([])
            continue
        subj = [subtree(c) for c in verb.children if c.dep_ == "nsubj"][:1]
        obj = [subtree(c) for c in verb.children if c.dep_ == "dobj"][:1]
        if not obj:
            prep = next((c for c in verb.children if c.dep_ == "prep"), None)
            obj = [subtree(c) for c in prep.children if c.dep_ == "pobj"][:1] if prep is not None else []
        out.append([(kind, tuple(subj), tuple(obj))])
    return out


def score(gold: list[Gold], preds: list[list[Event]], stop: frozenset[str]) -> dict:
    n = len(gold) or 1
    s = Counter()
    per_gold, per_pred, per_ok = Counter(), Counter(), Counter()
    errors: dict[str, list] = {"wrong type": [], "missed": [], "wrong source/target": []}
    for g, events in zip(gold, preds, strict=True):
        per_gold[g.type] += 1
        if not events:
            errors["missed"].append((g, None))
            continue
        kind, src, tgt = events[0]
        per_pred[kind] += 1
        src_ok, tgt_ok = actors_match(src, g.source, stop), actors_match(tgt, g.target, stop)
        s["answered"] += 1
        s["any"] += any(e[0] == g.type for e in events)
        s["source"] += src_ok
        s["target"] += tgt_ok
        if kind != g.type:
            errors["wrong type"].append((g, events[0]))
            continue
        s["type"] += 1
        per_ok[g.type] += 1
        if src_ok and tgt_ok:
            s["triple"] += 1
        else:
            errors["wrong source/target"].append((g, events[0]))
    rows = {
        "coverage": s["answered"] / n,
        "type accuracy": s["type"] / n,
        "type acc. (answered)": s["type"] / s["answered"] if s["answered"] else 0.0,
        "any finding gold type": s["any"] / n,
        "(source, type, target)": s["triple"] / n,
        "source": s["source"] / n,
        "target": s["target"] / n,
    }
    return {"rows": rows, "gold": per_gold, "pred": per_pred, "ok": per_ok, "errors": errors}


def show(event) -> str:
    if event is None:
        return "-"
    kind, src, tgt = event
    return f"{kind} src={list(src)} tgt={list(tgt)}"


def gold_file(data: Path) -> Path:
    """The PLOVER-GSR file: ``--data`` itself, or the file of the usual name in that folder."""
    return data / DATA.name if data.is_dir() else data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=None, help="score only the first N event records")
    parser.add_argument("--examples", type=int, default=10, help="errors shown per kind (default 10)")
    parser.add_argument("--data", type=Path, default=DATA,
                        help=f"PLOVER-GSR JSON file, or the folder holding {DATA.name} (default {DATA})")
    baseline.add_argument(parser)
    baseline.add_worker_argument(parser)
    argv = sys.argv[1:] if argv is None else argv
    args = parser.parse_args(argv)
    started = time.perf_counter()
    path = gold_file(args.data)
    try:
        (gold, skipped), why = read_gold(path, args.limit), "no event record of a scored type"
    except OSError as exc:
        gold, why = [], exc.strerror
    except (ValueError, KeyError, TypeError, AttributeError) as exc:  # not the PLOVER-GSR JSON list
        gold, why = [], f"{type(exc).__name__}: {exc}"
    if not gold:
        print(f"no PLOVER-GSR records in {path}: {why} (pass --data FILE or DIR)", file=sys.stderr)
        return 2

    from spacy.lang.en.stop_words import STOP_WORDS

    from sitroom.nlp.model import load_model

    stop = frozenset(STOP_WORDS) - {"us"}  # "US" is a country here
    nlp = load_model()
    ours_pred, crashes = run_ours(gold, nlp)
    if args.worker:  # under the baseline's code: our coder's findings only
        return baseline.emit({"events": ours_pred, "crashes": crashes})
    ours, base = score(gold, ours_pred, stop), score(gold, run_baseline(gold, nlp), stop)
    elapsed = time.perf_counter() - started
    notes: list[str] = []
    main_run = baseline.run_main(args.baseline, __file__, argv, notes)
    systems, main = {"ours": ours}, None
    if main_run:
        label, found = main_run
        main_pred = [[(k, tuple(src), tuple(tgt)) for k, src, tgt in events] for events in found["events"]]
        systems[label] = main = score(gold, main_pred, stop)
        crashes.update({f"{label}: {k}": n for k, n in found["crashes"].items()})
    systems["baseline"] = base

    texts = Counter(g.text for g in gold)
    print(f"PLOVER-GSR: {len(gold)} event records scored, {sum(skipped.values())} skipped {dict(skipped)}")
    print(f"  gold types: {dict(Counter(g.type for g in gold).most_common())}")
    print(f"  empty gold target: {sum(not g.target for g in gold)}, empty gold source: "
          f"{sum(not g.source for g in gold)}, sentences coded with several events: "
          f"{sum(1 for c in texts.values() if c > 1)} ({sum(c for c in texts.values() if c > 1)} records)")
    if crashes:
        print(f"  code_text raised on {sum(crashes.values())} sentences: {crashes.most_common(3)}")
    widths = {name: max(6, len(name)) for name in systems}
    print(f"\n{'metric (share of scored sentences)':<38}" + "".join(f" {n:>{w}}" for n, w in widths.items()))
    for row in ours["rows"]:
        print(f"  {row:<36}" + "".join(f" {s['rows'][row]:>{widths[n]}.1%}" for n, s in systems.items()))
    print("  (the first finding is the prediction; an unanswered sentence counts as wrong everywhere)")

    print("\nper type (ours)  gold  type acc  predicted  precision   baseline acc"
          + ("   main acc" if main else ""))
    for kind in [*TYPES, *sorted(set(ours["pred"]) - set(TYPES))]:
        n_gold, n_pred, ok = ours["gold"][kind], ours["pred"][kind], ours["ok"][kind]
        if not n_gold and not n_pred:
            continue
        acc = f"{ok / n_gold:7.1%}" if n_gold else "      -"
        prec = f"{ok / n_pred:7.1%}" if n_pred else "      -"
        others = [f"{s['ok'][kind] / n_gold:7.1%}" if n_gold else "      -" for s in (base, main) if s]
        print(f"  {kind:<12} {n_gold:6}   {acc}  {n_pred:9}    {prec}       " + "    ".join(others))

    for kind, cases in ours["errors"].items():
        print(f"\n{kind} (ours): {len(cases)}" + (", examples:" if cases and args.examples else ""))
        for g, event in cases[: args.examples]:
            print(f"  [{g.id}] {g.text}")
            print(f"      gold: {show((g.type, g.source, g.target))}\n      ours: {show(event)}")

    print(f"\ncommand: {' '.join([Path(sys.executable).name, *sys.argv])}")
    for note in notes:
        print(f"note: {note}")
    print(f"run time: {elapsed:.1f} s (model load, our coder and the baseline)"
          + (f"; main's worker {found['wall']:.1f} s (its own model load)" if main_run else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
