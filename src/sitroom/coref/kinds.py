"""One kind per name within a document: the tagger labels each mention alone, the document decides.

"Kerem" tagged a place once and a person three times, with "a fruit exporter" beside it, is a
person everywhere in that article; "MARLOVA" in the dateline makes every "Marlova" of the article a
location. States keep their kind (a capital acting for its state is decided per mention).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from sitroom.data.names import org_key
from sitroom.model.mention import Mention, RoleFinding

SETTLED = ("person", "location", "organization")
CUE_WEIGHT = 3
"""A mention with a role ("Transport Minister X") or a person's cue ("X, a fruit exporter") counts this
many times more for person; one in a place's context ("in X", "X province") for location; a news
outlet's ("a X poll") for organisation."""


def settle_kinds(mentions: list[Mention], roles: list[RoleFinding]) -> list[Mention]:
    """``mentions`` with one kind per written name (case and "the" aside) among person, location
    and organisation: the dateline's kind if the name is the dateline's place, else the vote of
    the mentions (their cues and roles weigh CUE_WEIGHT more), ties to the first mention's label."""
    by_name: dict[str, list[int]] = {}
    for i, m in enumerate(mentions):
        if not m.pronoun and m.kind in SETTLED:
            by_name.setdefault(org_key(m.text), []).append(i)
    with_role = {r.mention for r in roles if _held(mentions[r.mention], r)}
    settled = list(mentions)
    for members in by_name.values():
        kinds = {mentions[i].kind for i in members}
        if len(kinds) < 2:
            continue
        if any(mentions[i].dateline for i in members):
            kind = "location"
        else:
            votes = Counter()
            for i in members:
                votes[mentions[i].kind] += 1
                if i in with_role or mentions[i].cue == "person":
                    votes["person"] += CUE_WEIGHT
                elif mentions[i].cue == "place":
                    votes["location"] += CUE_WEIGHT
                elif mentions[i].cue == "organization":
                    votes["organization"] += CUE_WEIGHT
            first = mentions[members[0]].kind
            kind = max(votes, key=lambda k: (votes[k], k == first))
        for i in members:
            if settled[i].kind != kind:
                country = settled[i].country if kind == "organization" else None
                settled[i] = replace(settled[i], kind=kind, country=country)
    return settled


def _held(mention: Mention, role: RoleFinding) -> bool:
    """The role is one the name holds: a title before it ("Transport Minister X") or an apposition
    after it ("X, a fruit exporter"); not "Ryanair CEO" nor "Ryanair's top airline", roles *of* it."""
    return role.span.end <= mention.span.start or role.span.start >= mention.span.end + 2
