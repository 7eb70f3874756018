"""Learn attribution cues from PolNeAR's train split: which words report what someone said, thinks or
found, and by which dependency their content hangs on them.

For every verb and noun of the train texts (parsed with sitroom's spaCy model) and every relation it
governs (``ccomp``, ``xcomp``, ``dobj``, ``oprd``, ``prep:for``, ...), count how often it occurs and how
often it is a gold Cue whose Content overlaps that child's subtree. A (lemma, relation) pair becomes a
cue when it was one at least ``--min-count`` times and in at least ``--min-share`` of its occurrences.
The result is written as YAML (default ``src/sitroom/data/attribution_cues.yaml``, which
``sitroom.extract.quotes`` reads). Only the train split is read: dev and test stay unseen.

    python benchmarks/learn_cues_polnear.py --data ../shared/bench/polnear/data/train
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from quotes_polnear import hull, read_ann

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "bench" / "polnear" / "data" / "train"
DEFAULT_OUT = ROOT / "src" / "sitroom" / "data" / "attribution_cues.yaml"
RELATIONS = ("ccomp", "xcomp", "dobj", "oprd", "prep", "acl")


def relations(tok):
    """``(name, child)`` for the children of ``tok`` that could hold reported content."""
    for child in tok.children:
        if child.dep_ in RELATIONS:
            yield (f"prep:{child.lower_}" if child.dep_ == "prep" else child.dep_), child


def learn(data: Path, nlp) -> tuple[Counter, Counter]:
    """``(occurrences, cues)``: counts per ``(pos, lemma, relation)`` over the train texts (the first
    annotator's file of each article)."""
    seen, hits = Counter(), Counter()
    files: dict[str, Path] = {}
    for ann in sorted((data / "attributions").glob("*.ann")):
        files.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    names = sorted(n for n in files if (data / "text" / f"{n}.txt").is_file())
    texts = [(data / "text" / f"{n}.txt").read_text(encoding="utf-8") for n in names]
    for name, text, parsed in zip(names, texts, nlp.pipe(texts, batch_size=16), strict=True):
        cue_contents: dict[int, list] = {}
        for gold in read_ann(files[name], text, []):
            content = hull(gold.content)
            for cue in gold.cue:
                for tok in parsed.char_span(cue.start, cue.end, alignment_mode="expand") or ():
                    cue_contents.setdefault(tok.i, []).append(content)
        for tok in parsed:
            if tok.pos_ not in ("VERB", "NOUN"):
                continue
            for relation, child in relations(tok):
                key = (tok.pos_, tok.lemma_.lower(), relation)
                seen[key] += 1
                words = list(child.subtree)
                start, end = words[0].idx, words[-1].idx + len(words[-1].text)
                if any(c.start < end and start < c.end for c in cue_contents.get(tok.i, ())):
                    hits[key] += 1
    return seen, hits


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="a PolNeAR split (train)")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUT, help="the YAML file to write")
    parser.add_argument("--min-count", type=int, default=3, help="times a pair must be a cue (default 3)")
    parser.add_argument("--min-share", type=float, default=0.3,
                        help="share of a pair's occurrences that must be cues (default 0.3)")
    parser.add_argument("--counts", type=Path,
                        help="a JSON file of the counts: read if it exists (no parse), else written")
    args = parser.parse_args(argv)
    if args.counts is not None and args.counts.is_file():
        rows = json.loads(args.counts.read_text(encoding="utf-8"))
        seen = Counter({tuple(r[:3]): r[3] for r in rows})
        hits = Counter({tuple(r[:3]): r[4] for r in rows if r[4]})
    else:
        from sitroom.nlp.model import load_model

        seen, hits = learn(args.data, load_model())
        if args.counts is not None:
            args.counts.write_text(json.dumps([[*k, n, hits[k]] for k, n in seen.items()]), encoding="utf-8")
    kept = sorted(k for k, n in hits.items() if n >= args.min_count and n / seen[k] >= args.min_share)
    lines = [
        "# Attribution cues learned from PolNeAR train by benchmarks/learn_cues_polnear.py (do not edit by",
        f"# hand): a pair was a gold cue >= {args.min_count} times and in >= {args.min_share:.0%} of its "
        "occurrences.",
        "# lemma: relations by which its content hangs on it (spaCy dependency labels; prep:X = the",
        "# object of the preposition X), the one most often a cue first. verbs and nouns apart.",
    ]
    for pos in ("VERB", "NOUN"):
        lines.append(f"{pos.lower()}s:")
        lemmas = sorted({k[1] for k in kept if k[0] == pos})
        for lemma in lemmas:
            rels = sorted((k for k in kept if k[0] == pos and k[1] == lemma),
                          key=lambda k: (-hits[k] / seen[k], k[2]))  # the likeliest first
            rels = [k[2] for k in rels]
            lines.append(f"  {lemma!r}: [{', '.join(repr(r) for r in rels)}]".replace("'", '"'))
    args.output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {args.output}: {len(kept)} (lemma, relation) pairs from {sum(hits.values())} gold cues "
          f"over {sum(seen.values())} occurrences", file=sys.stderr)
    for k in sorted(kept, key=lambda k: -hits[k])[:40]:
        print(f"  {k[0]:4} {k[1]:15} {k[2]:12} {hits[k]:5d}/{seen[k]:<5d} {hits[k] / seen[k]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
