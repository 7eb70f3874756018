"""One event per real-world happening: reports of the same type, actors and date become one event.

Two reports are one event when their types agree, their actors overlap (for meetings and
agreements, the parties in either role), their statuses agree, and their dates are compatible:
one contains the other ("2021-07" and "2021-07-08"), and so do all the dates of the event they would
make (no chain through undated reports joins May 2019 with January 2021). A report without a date read
from the text joins only a report a few sentences away in the same document: different visits of the
same delegation stay different events.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass

from sitroom.model.clusters import UnionFind
from sitroom.model.plover import SYMMETRIC

NEARBY_CHARS = 600


@dataclass
class EventMention:
    document: str
    ordinal: int
    type: str
    mode: str | None
    status: str
    phrase: str
    sources: frozenset[str]
    targets: frozenset[str]
    when: tuple[str, str | None, str] | None
    location: str | None
    position: int = 0
    """Where in its document the report is (character offset)."""

    @property
    def parties(self) -> frozenset[str]:
        return self.sources | self.targets

    @property
    def dated(self) -> bool:
        return self.when is not None and self.when[2] != "inferred"


def same_event(a: EventMention, b: EventMention) -> bool:
    if a.type != b.type or a.status != b.status:
        return False
    # an undated report joins only a report right next to it in the same document
    far = a.document != b.document or abs(a.position - b.position) > NEARBY_CHARS
    if (a.dated != b.dated or not a.dated) and far:
        return False
    if not _dates_agree(a, b):
        return False
    if a.type in SYMMETRIC:
        shared = a.parties & b.parties
        return len(shared) >= 2 or (bool(shared) and (len(a.parties) == 1 or len(b.parties) == 1))
    if not (a.sources & b.sources):
        return False
    return not a.targets or not b.targets or bool(a.targets & b.targets)


def _dates_agree(a: EventMention, b: EventMention) -> bool:
    if a.when is None or b.when is None:
        return True
    x, y = a.when[0], b.when[0]
    return x.startswith(y) or y.startswith(x)


def group(mentions: list[EventMention]) -> list[list[int]]:
    """Groups of indices, one per event; blocked by (type, actor), and within a block each report meets
    only those ``same_event`` could join it with: the reports of its own document, and the dated
    reports of its status whose dates contain its date or lie within it. So the cost follows the
    reports that could be one event, not the square of an actor's reports (the pairs are met in the
    order a comparison of every pair would meet them: the same groups)."""
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        for actor in m.parties:
            blocks[(m.type, actor)].append(i)
    uf = UnionFind(len(mentions))
    dates: dict[int, set[str]] = {i: _dates(m) for i, m in enumerate(mentions)}
    for members in blocks.values():
        for n, j in _candidate_pairs(mentions, members):
            i = members[n]
            ri, rj = uf.find(i), uf.find(j)
            if ri == rj or not same_event(mentions[i], mentions[j]):
                continue
            if not all(x.startswith(y) or y.startswith(x) for x in dates[ri] for y in dates[rj]):
                continue  # May 2019 and January 2021 are two events, however alike (and however
                # an undated report between them would chain them)
            uf.union(ri, rj)
            dates[uf.find(ri)] = dates[ri] | dates[rj]
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(mentions)):
        groups[uf.find(i)].append(i)
    return list(groups.values())


def _candidate_pairs(mentions: list[EventMention], members: list[int]):
    """``(n, j)`` for each member ``members[n]`` and each later member ``j`` that ``same_event`` might
    join it with (same document; or both dated, same status, one date a prefix of the other), in the
    order of ``n``, then of ``j``'s place in ``members``."""
    by_document: dict[str, list[int]] = defaultdict(list)
    by_date: dict[tuple[str, str], list[int]] = defaultdict(list)
    for n, i in enumerate(members):
        m = mentions[i]
        by_document[m.document].append(n)
        if m.dated:
            by_date[(m.status, m.when[0])].append(n)
    known: dict[str, list[str]] = defaultdict(list)  # the dates of each status, sorted
    for status, date in sorted(by_date):
        known[status].append(date)
    for n, i in enumerate(members):
        m = mentions[i]
        later = {k for k in by_document[m.document] if k > n}
        if m.dated:
            date, dated = m.when[0], known[m.status]
            compatible = {date[:k] for k in range(1, len(date) + 1)}
            k = bisect_left(dated, date)
            while k < len(dated) and dated[k].startswith(date):
                compatible.add(dated[k])
                k += 1
            for other in compatible:
                later.update(x for x in by_date.get((m.status, other), ()) if x > n)
        for k in sorted(later):
            yield n, members[k]


def _dates(m: EventMention) -> set[str]:
    return {m.when[0]} if m.when and m.dated else set()


def build_events(mentions: list[EventMention], names: dict[str, str], taken: set[str] | None = None
                 ) -> list[dict]:
    """Event records for the room: id, type, when, actors, summary, members; no id is one of ``taken``
    (the ids of events kept beside these), which gains theirs."""
    out = []
    taken = set() if taken is None else taken
    for members in group(mentions):
        ms = [mentions[i] for i in members]
        dated = [m for m in ms if m.dated] or [m for m in ms if m.when]
        when = max((m.when for m in dated), key=lambda w: len(w[0])) if dated else None
        sources = frozenset().union(*(m.sources for m in ms))
        targets = frozenset().union(*(m.targets for m in ms)) - sources
        statuses = Counter(m.status for m in ms)
        best = min(ms, key=lambda m: (not m.sources, m.document, m.ordinal))
        ident = _ident(best.type, when, sources | targets, taken)
        out.append({
            "id": ident, "type": best.type, "mode": next((m.mode for m in ms if m.mode), None),
            "status": statuses.most_common(1)[0][0],
            "when_start": when[0] if when else None, "when_end": when[1] if when else None,
            "when_basis": when[2] if when else None,
            "location": next((m.location for m in ms if m.location), None),
            "summary": _summary(best, names), "source": sorted(sources), "target": sorted(targets),
            "members": sorted((m.document, m.ordinal) for m in ms),
        })
    return out


def _summary(m: EventMention, names: dict[str, str]) -> str:
    who = " and ".join(sorted(names.get(a, a) for a in m.sources)) or "someone"
    whom = " and ".join(sorted(names.get(a, a) for a in m.targets))
    where = f" in {m.location}" if m.location and m.location not in whom else ""
    status = {"planned": " (planned)", "denied": " (denied)", "hypothetical": " (hypothetical)"}
    return f"{who}: {m.phrase}{' ' + whom if whom else ''}{where}{status.get(m.status, '')}"


def _ident(kind: str, when, actors, taken: set[str]) -> str:
    key = f"{kind}|{when[0] if when else ''}|{'|'.join(sorted(actors))}"
    base = f"event:{kind.lower()}-{hashlib.sha1(key.encode()).hexdigest()[:10]}"
    ident, n = base, 2
    while ident in taken:
        ident, n = f"{base}-{n}", n + 1
    taken.add(ident)
    return ident
