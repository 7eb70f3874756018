"""Participants an event's own words describe rather than name ("Port officials met union
representatives"): mentions of the document's own, so the event keeps who took part. They are never
joined across documents (resolve/across.py: another article's "officials" are other officials)."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING

from sitroom.data.countries import country_of_demonym
from sitroom.extract.event_lexicon import lexicon
from sitroom.model.evidence import Span
from sitroom.model.mention import Mention

if TYPE_CHECKING:
    from sitroom.extract.events import EventFinding

DESCRIPTION = "description"
"""The ``sense`` of such a mention (model/mention.py)."""


def described(tok) -> bool:
    """A plural word for people or forces heading an event's argument ("Port officials", "the
    protesters", "Israeli troops", "Sanders's aides", "his rivals") or a body (data/plover.yaml
    ``institutions``: "the government"): a participant the text describes, not names."""
    lex = lexicon()
    return tok.pos_ == "NOUN" and (
        (tok.tag_ == "NNS" and (tok.lemma_.lower() in lex.actor_nouns or tok.lower_ in lex.actor_nouns))
        or tok.lower_ in lex.institutions) \
        and tok.lower_ not in ("people", "countries", "states", "nations", "sides")


def described_participants(findings: list[EventFinding], mentions: list[Mention], sentences: list[Span],
                           text: str) -> list[Mention]:
    """New mentions for the described sources and targets of ``findings`` that hold no mention: kind
    ``other``, label ``DESC``, the country of a demonym in them. A place or a person named inside
    but not heading the argument ("Kabul police", "Sanders's aides") does not stop one; a name that
    heads it, or a body's or a state's ("Taliban envoys"), does.
    ``sentences`` are the document's sentence spans in order; ``text`` its source text."""
    starts = [s.start for s in sentences]
    # a name that heads the argument is the participant, and so is a body or a state that qualifies it
    # ("Taliban envoys", "Israeli troops" are theirs); a place or a person inside it is not ("Kabul
    # police", "Sanders's aides" are the police, the aides)
    taken: dict[int, list[tuple[Span, bool]]] = {}  # by sentence: an argument lies in its sentence
    for m in mentions:
        if m.kind != "location":
            taken.setdefault(m.sentence, []).append((m.span, m.kind == "person"))
    found: dict[tuple[int, int], Mention] = {}
    for f in findings:
        for span in f.described:
            sentence = max(bisect_right(starts, span.start) - 1, 0)
            if (span.start, span.end) in found or any(
                    s.start < span.end and span.start < s.end and (span.end <= s.end or not person)
                    for s, person in taken.get(sentence, ())):
                continue
            words = text[span.start : span.end]
            lead = re.match(r"(?i)(?:the|a|an|some|many|several|two|three|four|five)\s+", words)
            if lead:
                span, words = Span(span.start + lead.end(), span.end), words[lead.end() :]
            country = next((c for w in words.split() if (c := country_of_demonym(w))), None)
            found[(span.start, span.end)] = Mention(span, words, "DESC", "other", country, sentence,
                                                   sense=DESCRIPTION)
    return list(found.values())
