"""Claims that cannot all be true: the same subject and dimension, values apart beyond rounding;
and a share that contradicts a count given with its total.

Values are compared in the dimension's base unit. Two values agree when they are within the
larger of their tolerances: half the place of the last digit written ("1,210 km" ±0.5 km,
"$1.4 billion" ±$50 million), or, for approximate values, a share of the value
(``extract.claims.APPROXIMATE_SHARE``). Subjects match by their words, in any order ("Franco-Spanish
border" = "Spanish-Franco border").

Only claims that could be about the same thing are compared: of the same entity (claims tied to two
different countries are not), at compatible times (2019 and 2020 are two things), and from two sources (two
documents, or two quoted speakers of one document: one source listing "61.5 percent now, 66.2 percent four
years ago" states two things, it does not contradict itself, and an article's own figure beside a quoted one
is more often a comparison than a contradiction). A count is compared only when it is of a country, an
actor or a named place or thing ("11 states holding contests" and "16 states holding contests" may count
two sets; "people killed by flood in Vexley" is one). Each
disagreement's note says what matched.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass

from sitroom.data.countries import country_in

SHARE_POINTS = 10.0
"""A percentage and an "N of M" count of the same thing disagree beyond this many points."""
_NEEDS_A_TIME = ("share", "count:", "money_")
"""Dimensions whose values change from one day to the next (polls, tallies, sums raised or spent): compared
only when both claims are dated, and at compatible dates."""
_MEASURED = re.compile(r"(?:^|\s)[a-z]{3,}")
"""A subject names a measured thing only with a common word in it ("border", "net worth"), not a name."""
_NO_THING = {"he", "she", "they", "we", "you", "i", "who", "it", "him", "her", "them", "us", "raised", "paid",
             "spent", "said", "donated"}
"""Words that alone name no measured thing: pronouns, and verbs a fallback subject carries ("he raised")."""
_NAMED = re.compile(r"\s[A-Z]")
"""A subject that names someone or somewhere past its first word ("people killed by flood in Vexley")."""
_STOP = {"the", "a", "an", "of", "its", "their", "his", "her", "s", "and", "this", "that", "by", "for", "to",
         "amount", "share", "value"}
"""Words a subject's key leaves out: function words, and the frame of a sum or share ("amount raised by X",
"share of Y"): "amount raised" alone names nothing comparable."""


@dataclass(frozen=True)
class ClaimRow:
    id: str
    subject: str
    value: float
    unit: str
    dimension: str
    base_value: float
    tolerance: float
    approximate: bool
    part: bool
    share: tuple[float, float] | None
    control: bool
    """Its sentence speaks of holding ground ("controls 70 percent of the territory")."""
    country: str | None
    text: str
    when: str | None = None
    """The start of the claim's date, when its sentence gives one."""
    source: int | None = None
    """The quote of its document the claim is made in (None: the document's own voice)."""
    about: str | None = None
    """The actor the claim is about, when its subject names one ("share for Ostrom")."""

    @property
    def document(self) -> str:
        return self.id.rsplit(":c", 1)[0]


def subject_key(subject: str) -> str:
    words = re.split(r"[\s\-–’']+", subject.lower())
    return " ".join(sorted({w for w in words if w and w not in _STOP}))


def find(claims: list[ClaimRow]) -> list[dict]:
    groups: dict[tuple[str, str, bool], list[ClaimRow]] = defaultdict(list)
    for c in claims:
        key = subject_key(c.subject)
        if not key or (c.dimension.startswith("count:") and len(set(key.split()) - {c.unit}) < 2):
            continue  # "15 soldiers" and "1,000 soldiers" are different soldiers, not two counts of one
        if not _MEASURED.search(c.subject) or set(key.split()) <= _NO_THING:
            continue  # "Clinton", "he": who is measured, not what
        if len(key.split()) < 2 and not c.country:
            continue  # "support", "revenue": of whom, it does not say
        if c.part and c.dimension == "share":
            continue  # "54 percent of the electorate" and "36 percent of the electorate": two parts of it
        if c.dimension.startswith("count:") and not (c.country or c.about or _NAMED.search(c.subject)):
            continue  # "11 states holding contests", "16 states holding contests" (on or before): of what?
        groups[(key, c.dimension, c.part)].append(c)
    out = []
    for (_, dimension, part), members in sorted(groups.items()):
        apart = _apart(members)
        if apart:
            a, b = apart
            gap = abs(a.base_value - b.base_value)
            note = (f"{a.text!r} and {b.text!r} differ by {_fmt(gap)} {_base(a)}, beyond rounding "
                    f"(±{_fmt(max(_tol(a), _tol(b)))}); both measure {a.subject!r}"
                    + (f" of {a.country or b.country}" if a.country or b.country else "")
                    + (f" in {a.when or b.when}" if a.when or b.when else ""))
            topic = f"{'part of ' if part else ''}{members[0].subject} ({dimension.split(':')[-1]})"
            out.append(_record(topic, [c.id for c in members], note))
    out.extend(_share_conflicts(claims))
    return out


def _tol(c: ClaimRow) -> float:
    return c.tolerance  # rounding, or the approximate share, decided once by the claim extractor


def _apart(members: list[ClaimRow]) -> tuple[ClaimRow, ClaimRow] | None:
    for i, a in enumerate(members):
        for b in members[i + 1 :]:
            if a.when and b.when and not (a.when.startswith(b.when) or b.when.startswith(a.when)):
                continue  # counts at different times may both be right
            if a.dimension.startswith(_NEEDS_A_TIME) and not (a.when and b.when):
                continue  # "46 percent" for a candidate in two articles: two polls, unless both dated
            if a.document == b.document and (a.source is None or b.source is None or a.source == b.source):
                continue  # one source giving two figures speaks of two things ("70 percent, up from 60")
            named = country_in(a.subject) and country_in(b.subject)  # "Marlovan-Freedonian border": one thing
            if a.country and b.country and a.country != b.country and not named:
                continue  # the same measure of two countries
            if a.about and b.about and a.about != b.about:
                continue  # the same words of two actors (a "Lund" of one article, another of the next)
            if abs(a.base_value - b.base_value) > max(_tol(a), _tol(b)):
                return a, b
    return None


def _share_conflicts(claims: list[ClaimRow]) -> list[dict]:
    """ "controls 70 percent of the territory" against "controlled 40 of 120 villages"."""
    shares = [c for c in claims if c.unit == "%" and c.control and c.country]
    counts = [c for c in claims if c.share and c.control and c.country]
    out = []
    for p in shares:
        for n in counts:
            if p.country != n.country:
                continue
            ratio = 100 * n.share[0] / n.share[1]
            if abs(ratio - p.value) > SHARE_POINTS:
                note = (f"{p.text!r} against {n.text!r}: {_fmt(n.share[0])} of {_fmt(n.share[1])} is "
                        f"{ratio:.0f}%, {abs(ratio - p.value):.0f} points apart")
                out.append(_record(f"share controlled ({p.country})", [p.id, n.id], note))
    return out


def _record(topic: str, ids: list[str], note: str) -> dict:
    digest = hashlib.sha1("|".join(sorted(ids)).encode()).hexdigest()[:10]
    return {"id": f"disagreement:{digest}", "topic": topic, "claims": ids, "events": [], "note": note}


def _fmt(x: float) -> str:
    return f"{x:,.2f}".rstrip("0").rstrip(".")


def _base(c: ClaimRow) -> str:
    """The base unit values are compared in: "km" for lengths, "km/day" for a rate of one."""
    dimension, _, period = c.dimension.partition("/")
    base = {"length": "km", "share": "points", "mass": "t"}.get(dimension)
    return c.unit if base is None else f"{base}/{period}" if period else base
