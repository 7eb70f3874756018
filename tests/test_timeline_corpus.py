"""The sample corpus as a chronology: dated events, relative dates resolved, one event per happening."""

from sitroom.query.events import timeline
from sitroom.store.room import Room


def _dated(corpus_room):
    with Room(corpus_room, read_only=True) as room:
        return timeline(room, dated=True)


def _find(rows, start, kind, name):
    return [r for r in rows if r["when"]["start"] == start and r["type"] == kind
            and any(name in n for n in r["source_names"] + r["target_names"])]


def test_dates_at_the_precision_the_text_gives(corpus_room):
    rows = _dated(corpus_room)
    assert _find(rows, "2003-02-14", "SANCTION", "Taliban")
    assert _find(rows, "2017-08", "ACCUSE", "Rex Tillerson")
    assert _find(rows, "2021-07-05", "MOBILIZE", "Emomali Rahmon")
    assert _find(rows, "2021-07-02", "CONSULT", "Hamdullah Mohib")


def test_year_less_and_relative_dates_are_resolved(corpus_room):
    rows = _dated(corpus_room)
    ashgabat = _find(rows, "2021-07-10", "CONSULT", "Taliban")  # "two days after ... July 8"
    assert ashgabat and ashgabat[0]["when"]["basis"] == "relative"
    assert _find(rows, "2021-08-17", "CONSULT", "Zhirnov")  # "a couple of days after these events"


def test_future_events_are_planned(corpus_room):
    (visit,) = _find(_dated(corpus_room), "2023-09-29", "CONSULT", "Taliban")
    assert visit["status"] == "planned"


def test_an_event_reported_by_two_articles_is_one_event(corpus_room):
    rows = _dated(corpus_room)
    for start in ("2018-11-09", "2021-07-10"):
        (event,) = _find(rows, start, "CONSULT", "Taliban")
        # (the 2018 talks: a third article tells of them as "in 2018 and 2021")
        assert len(event["documents"]) >= 2 and len(event["evidence"]) >= 2


def test_timeline_is_in_date_order_and_filters(corpus_room):
    with Room(corpus_room, read_only=True) as room:
        rows = timeline(room)
        starts = [r["when"]["start"] for r in rows if r["when"]]
        assert starts == sorted(starts)
        mohib = timeline(room, actor="Mohib")
        assert mohib and all(any("Mohib" in n for n in r["source_names"] + r["target_names"]) for r in mohib)
        july = timeline(room, since="2021-07", until="2021-07-31", dated=True)
        assert july and all(r["when"]["start"].startswith("2021-07") for r in july)
        assert all(r["type"] == "ASSAULT" for r in timeline(room, kind="assault"))


def test_no_question_idiom_wish_or_attempt_is_an_event(corpus_room):
    with Room(corpus_room, read_only=True) as room:
        rows = timeline(room)
    texts = [e["text"] for r in rows for e in r["evidence"]]
    assert texts
    for said in ("strives to occupy its niche", "trying to strike a balance"):
        assert not [t for t in texts if said in t], said
    assert not [t for t in texts if t.rstrip().endswith("?")]
    # an aim, a party's platform and a habit are no happenings
    for said in ("seeks international recognition", "is hostile to Russia and its culture and calls for",
                 "regularly receives them"):
        assert not [t for t in texts if said in t], said


def _times(corpus_export, text):
    return [t for t in corpus_export["time_expressions"] if t["evidence"]["text"] == text]


def test_time_expressions_as_a_careful_reader_reads_them(corpus_export):
    # a range keeps both ends: "May-June" is May and June
    (may,), (june,) = _times(corpus_export, "May"), _times(corpus_export, "June")
    assert (may["value"], june["value"]) == ("2021-05", "2021-06")
    assert june["evidence"]["start"] == may["evidence"]["end"] + 1
    # "almost a quarter of a century ago" in a September 2023 article: about 25 years before
    assert [t["value"] for t in _times(corpus_export, "almost a quarter of a century ago")] == ["1998"]
    # "the Russian daily Kommersant": a newspaper, not a repetition
    assert not [t for t in corpus_export["time_expressions"] if t["type"] == "SET"
                and t["evidence"]["text"].lower() == "daily"]
    # "today" and "yesterday" in an article dated only to its month keep that month
    assert all(t["value"] for word in ("today", "Today", "yesterday") for t in _times(corpus_export, word))


def test_one_record_per_happening_and_a_security_pledge_is_an_agreement(corpus_room):
    rows = _dated(corpus_room)
    # the soldiers' retreat told with a participle of flight: one retreat, from the Taliban
    (retreat,) = [r for r in rows if r["when"]["start"] == "2021-07-05" and r["type"] == "RETREAT"]
    assert "Taliban" in retreat["target_names"]
    # the delegation's visit to the ministry on July 8 and the talks of that day are one meeting
    assert len(_find(rows, "2021-07-08", "CONSULT", "Russian Foreign Ministry")) == 1
    # the promise that the country will not serve for attacks on Russia: an agreement with Russia
    with Room(corpus_room, read_only=True) as room:
        every = timeline(room)
    pledges = [r for r in every if r["type"] == "AGREE" and "Taliban" in r["source_names"]
               and "Russia" in r["target_names"]]
    assert pledges and not [r for r in every if r["type"] == "REJECT" and "Taliban" in r["source_names"]
                            and any("allow" in e["text"] for e in r["evidence"])]


def test_an_offer_made_on_a_condition_was_made(corpus_room):
    # the July 7 offer of help on a condition told by inversion: the offer itself was made
    (offer,) = _find(_dated(corpus_room), "2021-07-07", "AGREE", "Vladimir Putin")
    assert offer["status"] == "reported"
