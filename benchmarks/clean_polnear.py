"""Score sitroom's cleaning (title, published date, body vs boilerplate) on PolNeAR against a baseline."""

from __future__ import annotations

import argparse
import csv
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

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


def read_metadata(split: str) -> dict[str, dict[str, str]]:
    with open(DATA / "metadata.tsv", encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return {row["filename"] + ".txt": row for row in rows if row["compartment"] == split}


def run(split: str, limit: int | None) -> tuple[list[Result], list[Failure]]:
    metadata = read_metadata(split)
    results: list[Result] = []
    failures: list[Failure] = []
    found = list(discover([str(DATA / split / "text")]))
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


def report(results: list[Result], failures: list[Failure], split: str) -> None:
    never, whole = share([False] * len(results)), mean([1.0] * len(results))
    rows = [
        ("documents", str(len(results)), str(len(results))),
        ("failures", str(len(failures)), "0"),
        ("title exact (normalised)", share([title_ok(r.title, r.gold_title) for r in results]),
         share([title_ok(r.first_line, r.gold_title) for r in results])),
        ("title = gold headline", share([headline_ok(r.title, r.gold_title) for r in results]),
         share([headline_ok(r.first_line, r.gold_title) for r in results])),
        ("any title", share([bool(r.title) for r in results]), share([bool(r.first_line) for r in results])),
        ("published exact", share([r.published == r.gold_date for r in results]), never),
        ("published compatible", share([compatible(r.published, r.gold_date) for r in results]), never),
        ("gold date written in text", share([r.gold_in_text for r in results]), "-"),
    ]
    for basis in ("stated", "inferred", "unknown"):
        rows.append((f"basis {basis}", share([r.basis == basis for r in results]),
                     share([basis == "unknown"] * len(results))))
    rows.append(("mean body span / text", mean([r.body_share for r in results]), whole))
    rows.append(("mean body paragraphs / text", mean([r.paragraph_share for r in results]), whole))
    kinds = sum((r.kinds for r in results), Counter())
    rows.extend((f"boilerplate {kind}", str(n), "0") for kind, n in kinds.most_common())
    rows.append(("body paragraphs <= 3 words", str(sum(len(r.labels) for r in results)), "-"))
    rows.append((f"boilerplate >= {LONG_WORDS} words", str(sum(len(r.long_segments) for r in results)), "0"))
    print(f"PolNeAR {split}: sitroom clean vs baseline (title = first line, published unknown, body = all)\n")
    print(f"{'metric':<32} {'sitroom':>16} {'baseline':>16}")
    for name, ours, base in rows:
        print(f"{name:<32} {ours:>16} {base:>16}")

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", choices=("dev", "train"), default="dev",
                        help="PolNeAR split (default dev)")
    parser.add_argument("--limit", type=int, default=None, help="read only the first N files")
    args = parser.parse_args()
    results, failures = run(args.split, args.limit)
    report(results, failures, args.split)


if __name__ == "__main__":
    main()
