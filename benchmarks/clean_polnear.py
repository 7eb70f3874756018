"""Score sitroom's cleaning (title, published date, body vs boilerplate) on PolNeAR against a baseline."""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path

import baseline

from sitroom.clean import clean
from sitroom.clean.dates import find_dates
from sitroom.ingest import discover, read_path
from sitroom.model.document import SourceText
from sitroom.model.failure import Failure

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "bench" / "polnear" / "data"
LONG_WORDS = 20
"""A boilerplate segment of this many words could be article text."""
EXAMPLES = 10
SNIPPET = 90


@dataclass
class Result:
    name: str
    outlet: str
    gold_title: str
    gold_date: str
    title: str | None = None
    published: str | None = None
    basis: str = "unknown"
    evidence: str = ""
    body_share: float = 0.0
    paragraph_share: float = 0.0
    first_line: str = ""
    gold_in_text: bool = False
    kinds: Counter = field(default_factory=Counter)
    labels: list[str] = field(default_factory=list)
    long_segments: list[tuple[str, int, str]] = field(default_factory=list)


def norm_title(title: str | None) -> str:
    text = re.sub(r"\s+", " ", title or "").strip().lower()
    return re.sub(r"[\W_]+$", "", text)


def snippet(text: str) -> str:
    flat = re.sub(r"\s+", " ", text).strip()
    return flat if len(flat) <= SNIPPET else flat[: SNIPPET - 1] + "…"


def metadata_file(folder: Path) -> Path | None:
    """PolNeAR's metadata.tsv: in the split folder, or (as shipped) in the folder above it."""
    return next((f for f in (folder / "metadata.tsv", folder.parent / "metadata.tsv") if f.is_file()), None)


def read_metadata(folder: Path) -> dict[str, dict[str, str]]:
    """Rows by file name; the split's own rows (compartment = the folder's name) win over others."""
    with open(metadata_file(folder), encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        ordered = sorted(rows, key=lambda row: row.get("compartment") == folder.name)
        return {row["filename"] + ".txt": row for row in ordered}


def run(folder: Path, limit: int | None) -> tuple[list[Result], list[Failure]]:
    metadata = read_metadata(folder)
    results: list[Result] = []
    failures: list[Failure] = []
    found = list(discover([str(folder / "text")]))
    for item in found[:limit] if limit else found:
        if isinstance(item, Failure):
            failures.append(item)
            continue
        source, path = item
        gold = metadata.get(path.name)
        if gold is None:
            failures.append(Failure(source, "benchmark", "no metadata row"))
            continue
        for read in read_path(source, path):
            if isinstance(read, Failure):
                failures.append(read)
                continue
            try:
                results.append(score(read, path.name, gold))
            except Exception as exc:  # a crash in cleaning is a finding, not the end of the run
                failures.append(Failure(source, "clean", f"{type(exc).__name__}: {exc}"))
    return results, failures


def score(read: SourceText, name: str, gold: dict[str, str]) -> Result:
    text = read.text
    doc = clean(read)
    result = Result(name, gold["publisher"], gold["title"], gold["publication_date"], doc.title,
                    doc.published, doc.published_basis)
    mentions = find_dates(text)
    result.gold_in_text = any(m.value == result.gold_date for m in mentions)
    result.first_line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    where = doc.published_span or (mentions[0].span if mentions else None)
    result.evidence = text[max(0, where.start - 40) : where.end + 40] if where else "(no calendar date)"
    size = max(len(text), 1)
    result.body_share = len(doc.body) / size
    result.paragraph_share = sum(len(p) for p in doc.paragraphs) / size
    result.labels = [text[p.start : p.end] for p in doc.paragraphs if len(text[p.start : p.end].split()) <= 3]
    for segment in doc.boilerplate:
        result.kinds[segment.kind] += 1
        words = text[segment.span.start : segment.span.end]
        if len(words.split()) >= LONG_WORDS:
            result.long_segments.append((segment.kind, len(words.split()), words))
    return result


def title_ok(title: str | None, gold: str) -> bool:
    return bool(title) and norm_title(title) == norm_title(gold)


def headline_ok(title: str | None, gold: str) -> bool:
    """The metadata joins headline and deck with "; ": the headline alone counts here."""
    return title_ok(title, gold) or title_ok(title, gold.split("; ")[0])


def compatible(date: str | None, gold: str) -> bool:
    return bool(date) and gold.startswith(date)


def share(values: list[bool]) -> str:
    return f"{sum(values) / len(values):6.1%} ({sum(values)})" if values else "-"


def mean(values: list[float]) -> str:
    return f"{sum(values) / len(values):6.1%}" if values else "-"


def spread(items: list[tuple[Result, str]]) -> list[tuple[Result, str]]:
    """Interleave outlets so that the examples are not all from the first one."""
    seen: Counter = Counter()
    keyed = []
    for result, line in items:
        keyed.append((seen[result.outlet], result.name, result, line))
        seen[result.outlet] += 1
    return [(r, line) for _, _, r, line in sorted(keyed, key=lambda k: k[:2])][:EXAMPLES]


def figures(results: list[Result], failures: list[Failure], kinds: list[str]) -> dict[str, str]:
    """One column of the table, by row name."""
    counted = sum((r.kinds for r in results), Counter())
    return {
        "documents": str(len(results)),
        "failures": str(len(failures)),
        "title exact (normalised)": share([title_ok(r.title, r.gold_title) for r in results]),
        "title = gold headline": share([headline_ok(r.title, r.gold_title) for r in results]),
        "any title": share([bool(r.title) for r in results]),
        "published exact": share([r.published == r.gold_date for r in results]),
        "published compatible": share([compatible(r.published, r.gold_date) for r in results]),
        "gold date written in text": share([r.gold_in_text for r in results]),
        **{f"basis {basis}": share([r.basis == basis for r in results])
           for basis in ("stated", "inferred", "unknown")},
        "mean body span / text": mean([r.body_share for r in results]),
        "mean body paragraphs / text": mean([r.paragraph_share for r in results]),
        **{f"boilerplate {kind}": str(counted[kind]) for kind in kinds},
        "body paragraphs <= 3 words": str(sum(len(r.labels) for r in results)),
        f"boilerplate >= {LONG_WORDS} words": str(sum(len(r.long_segments) for r in results)),
    }


def as_baseline(r: Result) -> Result:
    """The baseline's reading of a document: title = its first line, published unknown, body = all of it."""
    return replace(r, title=r.first_line, published=None, basis="unknown", body_share=1.0,
                   paragraph_share=1.0, kinds=Counter(), labels=[], long_segments=[])


def report(results: list[Result], failures: list[Failure], split: str,
           main: tuple[str, list[Result], list[Failure]] | None = None) -> None:
    kinds = [kind for kind, _ in sum((r.kinds for r in results), Counter()).most_common()]
    kinds += [kind for r in (main[1] if main else []) for kind in r.kinds if kind not in kinds]
    columns = {"sitroom": figures(results, failures, kinds)}
    if main:
        columns[main[0]] = figures(main[1], main[2], kinds)
    columns["baseline"] = {**figures([as_baseline(r) for r in results], [], kinds),
                           "gold date written in text": "-", "body paragraphs <= 3 words": "-"}
    print(f"PolNeAR {split}: sitroom clean vs {f'{main[0]} vs ' if main else ''}baseline "
          "(title = first line, published unknown, body = all)\n")
    print(f"{'metric':<32}" + "".join(f" {name:>16}" for name in columns))
    for row in columns["sitroom"]:
        print(f"{row:<32}" + "".join(f" {column[row]:>16}" for column in columns.values()))

    by_outlet: dict[str, list[Result]] = defaultdict(list)
    for r in results:
        by_outlet[r.outlet].append(r)
    print(f"\n{'outlet':<14} {'n':>4} {'headline':>13} {'date compat':>13} {'stated':>13} {'body span':>9}")
    for outlet, group in sorted(by_outlet.items()):
        headline = share([headline_ok(r.title, r.gold_title) for r in group])
        print(f"{outlet:<14} {len(group):>4} {headline:>13} "
              f"{share([compatible(r.published, r.gold_date) for r in group]):>13} "
              f"{share([r.basis == 'stated' for r in group]):>13} {mean([r.body_share for r in group]):>9}")

    for failure in failures[:EXAMPLES]:
        print(f"failure {failure.source} [{failure.stage}] {failure.reason}")
    examples = {
        "wrong title (not even the gold headline)": [
            (r, f"ours {snippet(r.title or '(none)')!r} | gold {snippet(r.gold_title)!r}")
            for r in results if not headline_ok(r.title, r.gold_title)],
        "wrong date": [(r, f"ours {r.published} ({r.basis}) gold {r.gold_date} | {snippet(r.evidence)!r}")
                       for r in results if r.published and not compatible(r.published, r.gold_date)],
        "missing date": [(r, f"gold {r.gold_date} | first date in text {snippet(r.evidence)!r}")
                         for r in results if not r.published],
        "long boilerplate": [(r, f"{kind}, {n} words | {snippet(words)!r}")
                             for r in results for kind, n, words in r.long_segments],
        "label in body": [(r, repr(label)) for r in results for label in r.labels],
    }
    for label, items in examples.items():
        print(f"\n{label}: {len(items)}")
        for result, line in spread(items):
            print(f"  {result.name}: {line}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", choices=("dev", "train"), default="dev",
                        help="PolNeAR split, short for --data DATA/SPLIT (default dev)")
    parser.add_argument("--data", type=Path,
                        help=f"split folder: text/*.txt, metadata.tsv in it or above it (default {DATA}/dev)")
    parser.add_argument("--limit", type=int, default=None, help="read only the first N files")
    baseline.add_argument(parser)
    baseline.add_worker_argument(parser)
    args = parser.parse_args()
    folder = args.data or DATA / args.split
    missing = (f"no .txt texts in {folder / 'text'}" if not any((folder / "text").glob("*.txt")) else
               f"no metadata.tsv in {folder} or {folder.parent}" if metadata_file(folder) is None else None)
    if missing:
        print(f"{missing} (pass --data DIR or --split)", file=sys.stderr)
        return 2
    results, failures = run(folder, args.limit)
    if args.worker:  # under the baseline's code: the cleaning's results only
        return baseline.emit({"results": [vars(r) for r in results],
                              "failures": [[f.source, f.stage, f.reason] for f in failures]})
    notes: list[str] = []
    main_run = baseline.run_main(args.baseline, __file__, sys.argv[1:], notes)
    main = None
    if main_run:
        label, found = main_run
        main = (label, [Result(**{**r, "kinds": Counter(r["kinds"])}) for r in found["results"]],
                [Failure(*f) for f in found["failures"]])
    report(results, failures, folder.name, main)
    for note in notes:
        print(f"\nnote: {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
