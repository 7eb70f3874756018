"""One event per happening: which reports of events become one event (resolve/events.py)."""

from sitroom.resolve.events import EventMention, group


def _visit(ordinal: int, when: str | None, position: int, document: str = "d1") -> EventMention:
    return EventMention(document, ordinal, "CONSULT", None, "reported", "visit", frozenset({"actor:a"}),
                        frozenset({"actor:b"}), (when, None, "explicit") if when else None, None, position)


def test_an_undated_report_does_not_chain_two_dates_into_one_event():
    found = group([_visit(0, "2019-05", 0), _visit(1, None, 300), _visit(2, "2021-01", 500)])
    assert len(found) == 2
    assert sorted(map(sorted, found)) in ([[0, 1], [2]], [[0], [1, 2]])


def test_a_day_joins_its_month_across_documents():
    found = group([_visit(0, "2021-07", 0), _visit(1, "2021-07-08", 0, "d2")])
    assert sorted(map(sorted, found)) == [[0, 1]]


def _every_pair(mentions):
    """The grouping as it was, comparing every pair of a (type, actor) block: the reference."""
    from collections import defaultdict

    from sitroom.model.clusters import UnionFind
    from sitroom.resolve.events import _dates, same_event

    blocks = defaultdict(list)
    for i, m in enumerate(mentions):
        for actor in m.parties:
            blocks[(m.type, actor)].append(i)
    uf, dates = UnionFind(len(mentions)), {i: _dates(m) for i, m in enumerate(mentions)}
    for members in blocks.values():
        for n, i in enumerate(members):
            for j in members[n + 1:]:
                ri, rj = uf.find(i), uf.find(j)
                if ri != rj and same_event(mentions[i], mentions[j]) and all(
                        x.startswith(y) or y.startswith(x) for x in dates[ri] for y in dates[rj]):
                    uf.union(ri, rj)
                    dates[uf.find(ri)] = dates[ri] | dates[rj]
    return sorted(sorted(i for i in range(len(mentions)) if uf.find(i) == root)
                  for root in {uf.find(i) for i in range(len(mentions))})


def test_reports_meet_only_those_they_could_join_and_make_the_same_events(monkeypatch):
    """Every pair of an actor's reports was compared: 5.3 million pairs for 10,000 documents, 149 times
    those of 840. Now a report meets its own document's and the dated ones of compatible dates."""
    import random

    from sitroom.resolve import events

    rng = random.Random(18)
    dates = [None, "2021", "2021-07", "2021-07-08", "2021-07-09", "2021-08", "2022-01-02", "202", "2021-W27"]
    for _ in range(40):
        mentions = [
            EventMention(f"d{rng.randrange(12)}", k, rng.choice(["CONSULT", "ASSAULT"]), None,
                         rng.choice(["reported", "reported", "planned"]), "met",
                         frozenset(rng.sample(["a", "b", "c"], rng.randint(1, 2))),
                         frozenset(rng.sample(["c", "d"], rng.randint(0, 1))),
                         (when, None, rng.choice(["explicit", "explicit", "inferred"])) if (
                             when := rng.choice(dates)) else None, None, rng.randrange(2000))
            for k in range(rng.randint(2, 60))]
        assert sorted(map(sorted, group(mentions))) == _every_pair(mentions)
    calls = []
    original = events.same_event
    monkeypatch.setattr(events, "same_event", lambda a, b: calls.append(1) or original(a, b))
    day = [f"20{10 + k // 365:02d}-{1 + k % 12:02d}-{1 + k % 28:02d}" for k in range(2000)]
    daily = [EventMention(f"d{k}", 0, "CONSULT", None, "reported", "met", frozenset({"a"}), frozenset({"b"}),
                          (day[k], None, "explicit"), None, 0) for k in range(2000)]
    group(daily)
    assert len(calls) < 20_000  # every pair, in the blocks of both actors: 3,993,100
