"""Shares written as ratios: "eight in 10 voters", "about four out of ten residents" (80 and 40 percent
of the group), read from the text and the parse of one passage."""

from __future__ import annotations

import re
from functools import cache

from sitroom.extract import claim_clauses as clauses
from sitroom.extract.claim_text import core_phrase
from sitroom.extract.claim_units import approximate_words, units
from sitroom.model.evidence import Span
from sitroom.nlp.parsed import text_of

_COUNTS = frozenset({"times", "cases", "years", "attacks", "games", "races", "tries", "attempts"})
"""Nouns after "N in M" that make it a count of events ("won 4 in 11 races"), not a share of a group."""


@cache
def _pattern() -> re.Pattern:
    words = _small_numbers()
    return re.compile(rf"\b(?:(?P<approx>{approximate_words()})\s+)?(?<![\d.,])(?P<n>\d{{1,2}}|one|{words})"
                      rf"\s+(?:in|out\s+of)\s+(?P<m>\d{{1,3}}|{words})(?=\s+[^\W\d_])", re.I)


def _small_numbers() -> str:
    """The number words of ten or less, as a regular expression's alternatives."""
    return "|".join(w for w, v in units()["words"].items() if v <= 10)


@cache
def _hint() -> re.Pattern:
    """What every "N in M" holds, "in" or "of" before M: a passage without it is not searched (the full
    pattern tries its words at every position; this one only where "in" or "of" stands)."""
    words = _small_numbers()
    return re.compile(rf"(?:in|of)\s+(?:\d|(?:{words})\b)", re.I)


def ratios_in(sdoc, offset: int, skip: list[Span]) -> list[tuple[Span, float, str]]:
    """``(span, percent, subject)`` for each "N in M" of the passage ``sdoc`` whose text starts at
    ``offset``, outside ``skip``: the subject is the group that follows ("8 in 10 Vexley voters said they
    would vote" -> Vexley voters saying they would vote), or of whom ("9 in 10 of the district's voters"),
    or else what the share did ("8 in 10 said the council failed" -> share saying the council failed)."""
    text, words, out = text_of(sdoc), units()["words"], []
    if not _hint().search(text):
        return out
    for m in _pattern().finditer(text):
        n, of = (float(words.get(g.lower(), 1 if g.lower() == "one" else 0) or g) for g in m.group("n", "m"))
        span = Span(offset + m.start(), offset + m.end())
        own = sdoc.char_span(m.start(), m.end(), alignment_mode="expand")
        if not 0 < n < of or own is None or any(span.overlaps(s) for s in skip):
            continue
        if m.group("n")[0].isupper() and own.start > own.sent.start and sdoc[own.start - 1].pos_ == "PROPN" \
                and not m.group("approx"):
            continue  # "the Vexley One in three deals": a name's word, not a share
        subject = _subject(sdoc, own)
        if subject is not None:
            out.append((span, round(100 * n / of, 1), subject))
    return out


def _subject(sdoc, own) -> str | None:
    """What an "N in M" is a share of; None when it counts events ("4 in 11 races")."""
    skip = range(own.start, own.end)
    after = sdoc[own.end] if own.end < len(sdoc) else None
    group = None
    if after is not None and after.lower_ == "of":
        group = next((c for c in after.children if c.dep_ == "pobj"), None)
    elif after is not None and after.pos_ in ("ADJ", "NOUN", "PROPN"):
        group = after
        while group.dep_ in ("compound", "amod", "nmod") and group.head.i > group.i:
            group = group.head  # "10 Vexley voters": the voters
    if group is not None and group.pos_ in ("NOUN", "PROPN"):
        if group.lower_ in _COUNTS:
            return None
        said = clauses.predicate(group, skip)
        return " ".join(w for w in (core_phrase(group, own), said) if w)
    said = clauses.predicate(own.root, skip) if own.root.dep_ in ("nsubj", "nsubjpass") else ""
    return f"share {said}" if said else ""
