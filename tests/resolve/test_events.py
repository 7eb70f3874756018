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
