"""The group or setting a claim's subject is of, read beyond the number's own phrase: the population of a
poll's shares ("46 percent of voters said yes. Only 24 percent said no" -> share of voters saying no), the
"among ..." of a share, and the place a sentence opens with ("In Vexley, 40 people ...").

The functions take spaCy spans or tokens of a parsed passage and return words ("" when there are none).
"""

from __future__ import annotations

from sitroom.extract import claim_clauses as clauses

__all__ = ["among", "keep_population", "setting", "share_of"]


def keep_population(span, group: str, labels: dict[str, str]) -> None:
    """Keep ``group`` in ``labels`` as the population of a poll when the share at ``span`` is of people asked
    ("46 percent of voters said yes"), with its sentence, for the shares of that and the next sentence."""
    if span.root.dep_ == "nsubj" and span.root.head.lemma_.lower() in _ANSWERS:
        labels["population"] = f"{span.sent.start}:{span.sent.end}:{group}"


def share_of(subject: str, part: bool, dimension: str, labels: dict[str, str], span) -> tuple[str, bool]:
    """A share of a group is named so ("share of farmers saying ..."), and the group is kept for a later
    share of the passage that names none ("Only 24 percent said ..." -> share of farmers saying ...)."""
    if dimension != "share" or not subject:
        return subject, part
    if part and not subject.startswith("share "):
        return f"share of {subject}", part
    first, last, group = labels.get("population", "-1:-1:").split(":", 2)
    if subject.startswith("share saying") and group and span is not None \
            and span.sent.start in (int(first), int(last)):  # the same sentence or the next
        return f"share of {group}{subject[5:]}", True
    return subject, part


_ANSWERS = frozenset({"say", "tell", "believe", "think", "agree", "disagree", "support", "oppose", "back",
                      "approve", "disapprove", "prefer", "favor", "favour", "want", "view", "expect", "feel"})
"""Verbs by which the people a poll asked answer ("46 percent of voters said yes"): their group is the
population of the poll's next shares."""


_SETTINGS = frozenset({"GPE", "LOC", "FAC", "EVENT", "ORG", "NORP"})


def setting(counted) -> str:
    """Where or in what the clause of a count happened, when the sentence opens with it ("In Vexley's
    caucuses, 34,000 people backed Ostrom": in Vexley's caucuses); "" when it does not."""
    verb = counted.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    opening = next((c for c in verb.children if c.dep_ == "prep" and c.i == verb.sent.start
                    and c.lower_ in ("in", "at", "during")), None)
    place = next((g for g in opening.children if g.dep_ == "pobj"), None) if opening is not None else None
    if place is None or not any(t.ent_type_ in _SETTINGS for t in place.subtree):
        return ""
    said = clauses.words(opening.subtree, range(counted.i, counted.i + 1), limit=False)
    return said[:1].lower() + said[1:]


def among(span) -> str:
    """The group a share is of, written as "among ..." on it or on its verb ("led Lund 47 percent to 39
    percent among voters under 40")."""
    for tok in (span.root, span.root.head, span.root.head.head):
        among = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "among"), None)
        if among is not None:
            return clauses.words(among.subtree, range(span.start, span.end), limit=False)
    return ""
