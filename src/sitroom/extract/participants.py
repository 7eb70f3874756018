"""Participants an event's own words describe rather than name ("Port officials met union
representatives"): mentions of the document's own, so the event keeps who took part. They are never
joined across documents (resolve/across.py: another article's "officials" are other officials)."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING

from sitroom.data.countries import country_of_demonym
from sitroom.data.names import people_word, title_words
from sitroom.extract.event_lexicon import JUDGING, lexicon
from sitroom.extract.event_words import people_noun
from sitroom.model.evidence import Span
from sitroom.model.mention import Mention

if TYPE_CHECKING:
    from sitroom.model.event import EventFinding

DESCRIPTION = "description"
"""The ``sense`` of such a mention (model/mention.py)."""


_AFFILIATIONS = title_words("parties") | {"gop", "democratic"}


_TOO_VAGUE = frozenset({"people", "countries", "states", "nations", "sides", "country", "state", "nation",
                        "side", "movement"})


_RELATION = re.compile(r"(?i)\b(?:supporters?|backers?|all(?:y|ies)|aides?|advis[eo]rs?|friends?|critics?|"
                       r"opponents?|rivals?|followers?|fans?|members?|associates?|relatives?|donors?|staffers?|"
                       r"loyalists?|voters?)\s+of\s+(?:the\s+)?$")
"""People named by their tie to someone: "a supporter of X" is the supporter, not X."""


def described(tok) -> bool:
    """A word for people or forces heading an event's argument ("Port officials", "the protesters",
    "Israeli troops", "his rivals", "a federal judge", "49 people") or a body (data/plover.yaml
    ``institutions``: "the government"): a participant the text describes, not names. A singular
    person needs a determiner or an owner ("a judge", "his aide"); "people" a number."""
    lex = lexicon()
    if tok.pos_ != "NOUN":
        return False
    if tok.lower_ == "people":  # "killed 49 people": the victims; "people in the audience": those there
        return any(c.dep_ == "nummod" or (c.dep_ == "prep" and c.lower_ in ("in", "at"))
                   for c in tok.children)
    if tok.lower_ in _TOO_VAGUE:
        return False
    if tok.lower_ in lex.institutions:
        return True
    known = tok.lemma_.lower() in lex.actor_nouns or tok.lower_ in lex.actor_nouns or people_noun(tok)
    if tok.tag_ == "NNS":
        return known
    return known and tok.tag_ == "NN" and any(c.dep_ in ("det", "poss") for c in tok.children)


def _owner(text: str, name: Span, argument: Span) -> bool:
    """The name owns what the argument names ("Ostrom's rivals", "the party's envoys")."""
    return name.end < argument.end and text[name.end : name.end + 2] in ("'s", "’s")


def _people(text: str, argument: Span) -> bool:
    """The argument's last word is a word for people ("Ostrom's rivals"), not for something of theirs
    ("Ostrom's campaign", "his leadership"): what is judged of that is judged of its owner."""
    last = text[argument.start : argument.end].split()[-1].lower()
    return people_word(last.rstrip("s"), last) or people_word(last, last)


def described_participants(findings: list[EventFinding], mentions: list[Mention], sentences: list[Span],
                           text: str) -> list[Mention]:
    """New mentions for the described sources and targets of ``findings`` that hold no mention: kind
    ``other``, label ``DESC``, the country of a demonym in them. A place or a person named inside
    but not heading the argument ("Marlova police", "Ostrom's aides") does not stop one; a name that
    heads it, or a body's or a state's ("rebel envoys"), does; an owner does not ("the party's envoys",
    "Ostrom's aides" act), unless its thing is judged ("mocked Ostrom's campaign": Ostrom).
    ``sentences`` are the document's sentence spans in order; ``text`` its source text."""
    starts = [s.start for s in sentences]
    # a name that heads the argument is the participant, and so is a body or a state that qualifies it
    # ("rebel envoys", "Ruritanian troops" are theirs); a place or a person inside it is not ("Marlova
    # police", "Ostrom's aides" are the police, the aides)
    taken: dict[int, list[tuple[Span, bool]]] = {}  # by sentence: an argument lies in its sentence
    people = {m.text.split()[-1] for m in mentions if m.kind == "person" and not m.pronoun}
    for m in mentions:
        if m.kind != "location" and m.text.lower() not in _AFFILIATIONS:
            # (a party word qualifying people is their leaning: "Republican state attorneys", "GOP voters";
            # a surname of the document's people is one though the tagger took it for a firm)
            taken.setdefault(m.sentence, []).append((m.span, m.kind == "person" or m.text in people))
    found: dict[tuple[int, int], Mention] = {}
    for f in findings:
        for span in f.described:
            sentence = max(bisect_right(starts, span.start) - 1, 0)
            judged = f.type in JUDGING and span in f.target_spans and not _people(text, span)
            if (span.start, span.end) in found or any(
                    s.start < span.end and span.start < s.end
                    and not _RELATION.search(text[span.start : s.start])
                    and (judged if _owner(text, s, span) else (span.end <= s.end or not person))
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
