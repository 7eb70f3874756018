"""Events the sources date differently: one happening that two articles put on two days.

Event coreference (``resolve.events``) joins reports only at compatible dates, so a meeting one article
dates Monday and another Tuesday stays two events. Two such events are one happening dated differently
when everything else is the same and the happening is a one-off: the same type of meeting, agreement or
visit (not an attack, which recurs day after day), between exactly the same parties, reported as
happened, each read from its own articles (no article reports both), both dated to the day by the text,
at most ``MAX_DAYS`` apart. Each disagreement names both events and says which articles date it when.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from datetime import date

MAX_DAYS = 2
"""Two dates further apart than this are two happenings, however alike."""
ONE_OFF = frozenset({"CONSULT", "AGREE"})
"""PLOVER types of a happening that is not repeated day after day between the same parties."""


def dated_differently(events: list[dict], names: dict[str, str]) -> list[dict]:
    """Disagreement records (id, topic, claims, events, note) for pairs of ``events`` (the dicts of
    ``resolve.events.build_events``) that are one happening dated differently; ``names`` gives actor
    names for the notes."""
    blocks: dict[tuple, list[dict]] = defaultdict(list)
    for e in events:
        day = _day(e)
        if e["type"] in ONE_OFF and e["status"] == "reported" and e["source"] and day is not None:
            blocks[(e["type"], tuple(e["source"]), tuple(e["target"]))].append(e)
    out = []
    for block in blocks.values():
        block.sort(key=lambda e: e["when_start"])
        for i, a in enumerate(block):
            for b in block[i + 1 :]:
                gap = (_day(b) - _day(a)).days
                if gap > MAX_DAYS:
                    break  # sorted by date: the rest are further still
                if gap and not _documents(a) & _documents(b):
                    out.append(_record(a, b, gap, names))
    return out


def _day(event: dict) -> date | None:
    when = event.get("when_start") or ""
    if len(when) != 10 or event.get("when_basis") == "inferred":
        return None
    try:
        return date.fromisoformat(when)
    except ValueError:
        return None


def _documents(event: dict) -> set[str]:
    return {document for document, _ in event["members"]}


def _record(a: dict, b: dict, gap: int, names: dict[str, str]) -> dict:
    who = " and ".join(names.get(x, x) for x in [*a["source"], *a["target"]])
    apart = f"{gap} day{'s' if gap > 1 else ''} apart"
    note = (f"{a['type']} of {who}: {', '.join(sorted(_documents(a)))} date it {a['when_start']}, "
            f"{', '.join(sorted(_documents(b)))} {b['when_start']} ({apart}); "
            f"same type, parties and status, no article reports both")
    digest = hashlib.sha1("|".join(sorted((a["id"], b["id"]))).encode()).hexdigest()[:10]
    return {"id": f"disagreement:{digest}", "topic": f"{a['summary']} (date)", "claims": [],
            "events": [a["id"], b["id"]], "note": note}
