"""Events the sources date differently: one happening that two articles put on two days.

Event coreference (``resolve.events``) joins reports only at compatible dates, so a meeting one article
dates Monday and another Tuesday stays two events. Two such events are one happening dated differently
when everything else is the same and the happening is a one-off: the same type of meeting, agreement or
visit (not an attack, which recurs day after day), between exactly the same parties, reported as
happened, each read from its own articles (no article reports both), both dated to one day by the text
(a relative date only in an article whose publication date is stated), at most ``MAX_DAYS`` apart, and
neither report
saying it was a further meeting ("again", "resumed", "a second day"). Each disagreement names both
events and says which articles (by title) date it when.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Callable
from datetime import date

MAX_DAYS = 2
"""Two dates further apart than this are two happenings, however alike."""
ONE_OFF = frozenset({"CONSULT", "AGREE"})
"""PLOVER types of a happening that is not repeated day after day between the same parties."""


_FURTHER = re.compile(r"\b(?:again|resum\w*|continu\w*|second|another|follow-up|next day|day after|"
                      r"days? of|two-day|three-day|rounds?)\b", re.I)
"""Words that tell of a further meeting or of talks over several days."""


def dated_differently(events: list[dict], names: dict[str, str], titles: dict[str, str],
                      sentences: Callable[[str, int], str], stated: set[str]) -> list[dict]:
    """Disagreement records (id, topic, claims, events, note) for pairs of ``events`` (the dicts of
    ``resolve.events.build_events``) that are one happening dated differently; ``names`` gives actor
    names and ``titles`` document titles for the notes, ``sentences(document, ordinal)`` the sentence of
    an event's report, ``stated`` the documents whose publication date is stated (not inferred)."""
    blocks: dict[tuple, list[dict]] = defaultdict(list)
    for e in events:
        if e["type"] in ONE_OFF and e["status"] == "reported" and e["source"] and _day(e) is not None:
            parties = tuple(sorted({*e["source"], *e["target"]}))  # who met whom: either way round
            blocks[(e["type"], parties)].append(e)
    out = []
    for block in blocks.values():
        block.sort(key=lambda e: e["when_start"])
        for i, a in enumerate(block):
            for b in block[i + 1 :]:
                gap = (_day(b) - _day(a)).days
                if gap > MAX_DAYS:
                    break  # sorted by date: the rest are further still
                anchored = all(e["when_basis"] == "explicit" or _documents(e) <= stated for e in (a, b))
                if gap and anchored and not _documents(a) & _documents(b) \
                        and not any(_FURTHER.search(sentences(*m)) for m in a["members"] + b["members"]):
                    out.append(_record(a, b, gap, names, titles))
    return out


def _day(event: dict) -> date | None:
    """The one day the event is dated to by the text; None for a span ("last week"), a month, or a date
    only inferred."""
    when = event.get("when_start") or ""
    if len(when) != 10 or event.get("when_basis") == "inferred" or event.get("when_end") not in (None, when):
        return None
    try:
        return date.fromisoformat(when)
    except ValueError:
        return None


def _documents(event: dict) -> set[str]:
    return {document for document, _ in event["members"]}


def _record(a: dict, b: dict, gap: int, names: dict[str, str], titles: dict[str, str]) -> dict:
    who = " and ".join(names.get(x, x) for x in [*a["source"], *a["target"]])
    apart = f"{gap} day{'s' if gap > 1 else ''} apart"

    def told(e: dict) -> str:
        return "; ".join(repr(titles.get(d, d)) for d in sorted(_documents(e)))

    note = (f"{a['type']} of {who}: {told(a)} date it {a['when_start']}, {told(b)} {b['when_start']} "
            f"({apart}); same type, parties and status, no article reports both")
    digest = hashlib.sha1("|".join(sorted((a["id"], b["id"]))).encode()).hexdigest()[:10]
    return {"id": f"disagreement:{digest}", "topic": f"{a['summary']} (date)", "claims": [],
            "events": [a["id"], b["id"]], "note": note}
