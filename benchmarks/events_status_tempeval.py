"""Score the status sitroom gives its events (reported, planned, denied, hypothetical) against TimeML.

Measured: each TempEval-3 TBAQ-cleaned document (TimeBank + AQUAINT) is coded whole with
``sitroom.extract.events.code_text``; each finding is paired one-to-one with the TimeML <EVENT> its trigger
overlaps most (offsets into <TEXT> with the tags stripped), and its ``status`` compared with a status read
off the event's first <MAKEINSTANCE> ("none" modality counts as absent):

    polarity NEG -> denied;  modality other than will/shall/'ll (would, could, may, must, 'd, ...)
    -> hypothetical;  modality will/shall/'ll or tense FUTURE -> planned;  else -> reported.

Printed beside main's code (``--baseline REF``, run as a worker): findings, matched, status accuracy on
matched events (also on tensed, i.e. verbal, events only), the confusion table, per gold status counts.

Caveats:
- sitroom codes political PLOVER events only: a small, non-random share of TimeML events is scored, and
  each side is scored on the findings it matched (the two sets may differ).
- Nominal events carry no tense or modality in TimeML: "the Pope's visit will ..." is gold reported.
- TimeML puts intention and possibility mostly on links: "plans to visit" has a plain ``visit`` under an
  SLINK MODAL, gold reported where sitroom says planned (counted in a diagnostic line, not in the rule).
- Reported future ("said it would boycott") is modality would: hypothetical here, planned in sitroom.
  "refused to meet" is POS in TimeML (the refusal happened); sitroom may call it denied.
- 25 AQUAINT files have polarity NEG on nearly every instance, their few POS ones next to negations: the
  attribute is inverted there, so a document with over half its instances NEG has polarity flipped.
- Odd modality values ("to", "until", "close") count as hypothetical, as the rule says.
"""

from __future__ import annotations

import argparse
import shlex
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import baseline
from tml import flatten

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "bench" / "tempeval3" / "TBAQ-cleaned"
CORPORA = ("TimeBank", "AQUAINT")
STATUSES = ("reported", "planned", "denied", "hypothetical")
FUTURE_MODALS = {"will", "shall", "'ll"}
NO_MODALITY = {"", "none"}
EXAMPLES = 10


@dataclass(frozen=True)
class Ev:  # a TimeML EVENT; modal_link: under an SLINK MODAL/CONDITIONAL; tensed: tense not NONE (a verb)
    start: int
    end: int
    eid: str
    cls: str
    status: str
    why: str
    modal_link: bool
    tensed: bool


@dataclass
class Doc:
    name: str
    text: str
    events: list[Ev]
    flipped: bool
    found: dict[str, list[tuple]] = field(default_factory=dict)  # system: (start, end, type, status,
    # sentence start, sentence end) of each finding


def gold_status(inst: dict[str, str], flipped: bool) -> tuple[str, str]:
    polarity = inst.get("polarity", "POS").upper()
    if flipped:
        polarity = {"NEG": "POS", "POS": "NEG"}.get(polarity, polarity)
    modality = inst.get("modality", "").strip().lower()
    tense = inst.get("tense", "NONE").upper()
    why = f"pol={polarity} mod={modality or '-'} tense={tense}"
    if polarity == "NEG":
        return "denied", why
    if modality not in NO_MODALITY and modality not in FUTURE_MODALS:
        return "hypothetical", why
    if modality in FUTURE_MODALS or tense == "FUTURE":
        return "planned", why
    return "reported", why


def read_doc(path: Path) -> Doc:
    """Plain text of <TEXT> (tags removed) and its EVENT offsets, each with a gold status."""
    root = ET.parse(path).getroot()
    body = root.find("TEXT")
    if body is None:
        raise ValueError(f"{path}: no <TEXT>")
    insts: dict[str, dict[str, str]] = {}
    for mi in root.iter("MAKEINSTANCE"):
        insts.setdefault(mi.get("eventID", ""), dict(mi.attrib))  # the first instance of an event
    flipped = sum(i.get("polarity") == "NEG" for i in insts.values()) > len(insts) / 2
    eid_of = {i.get("eiid"): eid for eid, i in insts.items()}
    modal = {eid_of.get(s.get("subordinatedEventInstance")) for s in root.iter("SLINK")
             if s.get("relType") in ("MODAL", "CONDITIONAL")}
    text, spans = flatten(body)
    events = []
    for start, end, elem in (s for s in spans if s[2].tag == "EVENT"):
        eid = elem.get("eid", "")
        status, why = gold_status(insts.get(eid, {}), flipped)
        tensed = insts.get(eid, {}).get("tense", "NONE").upper() != "NONE"
        events.append(Ev(start, end, eid, elem.get("class", ""), status, why, eid in modal, tensed))
    return Doc(f"{path.parent.name}/{path.stem}", text, events, flipped)


def _clause_status(finding) -> str:
    """The status read from the trigger's own clause, which TimeML annotates; later code records it
    beside the status of the PLOVER event (a "will not accept" REJECT was reported, its "accept" denied).
    Older code has only ``status``."""
    return getattr(finding, "clause_status", "") or finding.status


def code_all(docs: list[Doc], system: str) -> tuple[float, int, str | None]:
    """Code every document with the sitroom on the path: (seconds, documents that raised, first error)."""
    from sitroom.extract.events import code_text
    from sitroom.nlp.model import load_model

    nlp = load_model()
    t0, errors, first = time.perf_counter(), 0, None
    for d in docs:
        try:
            d.found[system] = [(f.trigger.start, f.trigger.end, f.type, _clause_status(f), f.span.start,
                                f.span.end)
                               for f in code_text(d.text, nlp)]
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop the benchmark
            errors += 1
            first = first or f"{d.name}: {type(exc).__name__}: {exc}"
            d.found[system] = []
    return time.perf_counter() - t0, errors, first


def match(doc: Doc, system: str) -> list[tuple[tuple, Ev]]:
    """One-to-one (finding, event) pairs whose spans overlap, largest overlap first."""
    cands = [(-(min(f[1], e.end) - max(f[0], e.start)), f[0], e.start, i, j)
             for i, f in enumerate(doc.found.get(system, [])) for j, e in enumerate(doc.events)
             if min(f[1], e.end) > max(f[0], e.start)]
    used_f, used_e, out = set(), set(), []
    for *_, i, j in sorted(cands):
        if i not in used_f and j not in used_e:
            used_f.add(i)
            used_e.add(j)
            out.append((doc.found[system][i], doc.events[j]))
    return sorted(out, key=lambda p: p[0][0])


def score(docs: list[Doc], system: str) -> dict:
    pairs = [(d, f, e) for d in docs for f, e in match(d, system)]
    confusion = Counter((e.status, f[3]) for _, f, e in pairs)
    tensed = [(f, e) for _, f, e in pairs if e.tensed]
    return {"findings": sum(len(d.found.get(system, [])) for d in docs), "matched": len(pairs),
            "correct": sum(confusion[s, s] for s in STATUSES), "verbs": len(tensed),
            "verbs ok": sum(f[3] == e.status for f, e in tensed),
            "reported": sum(e.status == "reported" for _, _, e in pairs), "confusion": confusion,
            "linked": Counter(f[3] for _, f, e in pairs if e.status == "reported" and e.modal_link),
            "pairs": pairs}


def pct(k: int, n: int) -> str:
    return f"{100 * k / n:.1f}%" if n else "-"


def report(docs: list[Doc], systems: list[str], titles: dict[str, str]) -> None:
    scores = {s: score(docs, s) for s in systems}
    gold = Counter(e.status for d in docs for e in d.events)
    print(f"documents {len(docs)}  TimeML events {sum(gold.values())}  ("
          + ", ".join(f"{s} {gold[s]}" for s in STATUSES) + ")\n")
    print(f"{'':36}" + "".join(f"{titles[s]:>16}" for s in systems))
    rows = [("findings", lambda c: str(c["findings"])),
            ("matched to a TimeML EVENT", lambda c: f"{c['matched']} ({pct(c['matched'], c['findings'])})"),
            ("status accuracy (matched)", lambda c: pct(c["correct"], c["matched"])),
            ("always 'reported' (same events)", lambda c: pct(c["reported"], c["matched"])),
            ("status accuracy (tensed: verbs)", lambda c: f"{pct(c['verbs ok'], c['verbs'])} {c['verbs']}")]
    for name, cell in rows:
        print(f"{name:36}" + "".join(f"{cell(scores[s]):>16}" for s in systems))
    print("\nConfusion on matched events (rows gold, columns the system's status); n, ok, acc per gold")
    head = "".join(f"{o[:5]:>6}" for o in STATUSES) + f"{'n':>6}{'ok':>6}{'acc':>8}"
    print(f"{'':14}" + " | ".join(f"{titles[s]:^{len(head)}}" for s in systems))
    print(f"{'gold':14}" + " | ".join(head for _ in systems))
    for g in STATUSES:
        cells = []
        for s in systems:
            conf = scores[s]["confusion"]
            n = sum(conf[g, o] for o in STATUSES)
            row = "".join(f"{conf[g, o]:6d}" for o in STATUSES)
            cells.append(f"{row}{n:6d}{conf[g, g]:6d}{pct(conf[g, g], n):>8}")
        print(f"{g:14}" + " | ".join(cells))
    for s in systems:
        linked = scores[s]["linked"]
        said = ", ".join(f"{k} {linked[k]}" for k in STATUSES if linked[k]) or "-"
        print(f"{titles[s]}: matched gold-reported events under an SLINK MODAL/CONDITIONAL "
              f"{sum(linked.values())} (status given: {said})")
    wrong = [p for p in scores[systems[0]]["pairs"] if p[1][3] != p[2].status]
    picked = wrong if len(wrong) <= EXAMPLES else [wrong[i * len(wrong) // EXAMPLES] for i in range(EXAMPLES)]
    print(f"\nDisagreements ({titles[systems[0]]}): {len(wrong)}; {len(picked)} spread over the documents")
    for d, f, e in picked:
        sent = " ".join(f"{d.text[f[4]:f[0]]}[[{d.text[f[0]:f[1]]}]]{d.text[f[1]:f[5]]}".split())
        print(f"  {d.name}  {f[2]} [[{d.text[f[0]:f[1]]}]] ~ EVENT {e.eid} {e.cls} '{d.text[e.start:e.end]}'")
        print(f"    gold {e.status} ({e.why}{', SLINK modal' if e.modal_link else ''})  ours {f[3]}")
        print(f"    {sent[:240]}{'...' if len(sent) > 240 else ''}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA, help=f"TBAQ-cleaned directory (default {DATA})")
    parser.add_argument("--limit", type=int, metavar="N", help="first N documents of each corpus")
    baseline.add_argument(parser)
    baseline.add_worker_argument(parser)
    argv = sys.argv[1:] if argv is None else argv
    args = parser.parse_args(argv)
    started = time.perf_counter()
    paths = [p for c in CORPORA for p in sorted((args.data / c).glob("*.tml"))[: args.limit]]
    docs = [read_doc(p) for p in paths]
    if not docs:
        print(f"no .tml documents under {args.data} (pass --data DIR)", file=sys.stderr)
        return 2
    if args.worker:  # under the baseline's code: its findings only
        spent, errors, first = code_all(docs, "ours")
        found = {d.name: d.found["ours"] for d in docs}
        return baseline.emit({"found": found, "seconds": spent, "errors": errors, "first_error": first})
    notes: list[str] = []
    main_run = baseline.run_main(args.baseline, __file__, argv, notes)
    systems, titles, runs = ["ours"], {"ours": "ours"}, {}
    if main_run:
        systems.append("main")
        titles["main"], answer = main_run
        for d in docs:
            d.found["main"] = [tuple(f) for f in answer["found"].get(d.name, [])]
        runs["main"] = (answer["seconds"], answer["errors"], answer["first_error"])
    runs["ours"] = code_all(docs, "ours")  # (seconds, documents that raised, first error)

    print("TempEval-3 TBAQ-cleaned: status of sitroom.extract.events.code_text findings against TimeML\n"
          "MAKEINSTANCE (NEG denied; modality but will/shall hypothetical; will/shall, FUTURE planned; else "
          f"reported)\nours = this checkout{', main = ' + titles['main'] if main_run else ''}\n")
    report(docs, systems, titles)
    for s in systems:
        if runs[s][1]:
            print(f"{titles[s]}: {runs[s][1]} documents raised, first: {runs[s][2]}")
    flipped = [d.name for d in docs if d.flipped]
    notes.append(f"polarity flipped (over half the instances NEG) in {len(flipped)} documents {flipped[:1]}")
    notes.append("both sides are scored on the findings each matched; their matched sets may differ")
    for note in notes:
        print(f"note: {note}")
    print(f"\nrun time {time.perf_counter() - started:.1f}s (ours {runs['ours'][0]:.1f}s"
          + (f", main {runs['main'][0]:.1f}s in a worker" if main_run else "") + ")")
    print("command:", shlex.join([Path(sys.executable).name, *sys.argv]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
