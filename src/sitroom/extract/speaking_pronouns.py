"""Who a pronoun that speaks stands for ("He said, “...”", "they argue that ..."), read as quote-attribution
systems read it: the one who was speaking goes on speaking, else the last person (or body, or the ones
described) who is the subject of the sentences just before; never one the quote itself names."""

from __future__ import annotations

import re
from dataclasses import replace

from sitroom.coref.gender import FEMALE, MALE, NOUN_GENDER, PRONOUN_GENDER
from sitroom.data.names import people_word
from sitroom.extract.participants import DESCRIPTION
from sitroom.extract.statements import QuoteRecord
from sitroom.model.evidence import Span
from sitroom.model.mention import Mention

BODIES = {"it": ("organization", "state"), "they": ("organization", "state")}
"""Pronouns that speak for a body ("it said", "they say": the agency, the government)."""
REACH = 3
"""Sentences back that a speaking pronoun may reach for the one it stands for."""
_PAIR = re.compile(r"\s(?:and|nor)\s")
"""Joins two speakers ("X and Y say", "Neither X nor Y believe"), whom a "they" after them stands for."""
INFORMANTS = frozenset({"source", "newspaper", "paper", "magazine", "outlet", "broadcaster", "channel",
                        "tabloid", "daily", "weekly", "account"})
"""A reporter's unnamed informant ("a source said"; among people's nouns a source is as often a thing's,
"a source of income") and the media that speak ("One local newspaper asked", "a social media account")."""
_IRREGULAR_PLURALS = frozenset({"people", "police", "children", "staff", "clergy", "media", "public"})


class Neighbours:
    """The mentions of a document by sentence, kept up to date as mentions are added: who a pronoun may
    reach is looked up among a few sentences, never the whole document."""

    def __init__(self, mentions: list[Mention]):
        self.mentions = mentions
        self.by_sentence: dict[int, list[int]] = {}
        for i, m in enumerate(mentions):
            self.by_sentence.setdefault(m.sentence, []).append(i)

    def add(self, mention: Mention) -> int:
        self.mentions.append(mention)
        self.by_sentence.setdefault(mention.sentence, []).append(len(self.mentions) - 1)
        return len(self.mentions) - 1

    def around(self, first: int, last: int) -> list[int]:
        """Indices of the mentions of sentences ``first`` to ``last``, in order."""
        return sorted(i for k in range(first, last + 1) for i in self.by_sentence.get(k, ()))


def named(mentions: list[Mention], i: int) -> int:
    """The named mention a mention stands for (itself, or its antecedent's, ...)."""
    seen = set()
    while mentions[i].antecedent is not None and i not in seen:
        seen.add(i)
        i = mentions[i].antecedent
    return i


def pronoun_genders(mentions: list[Mention]) -> dict[int, str]:
    """Gender the document's own resolved pronouns give each named mention ("he" -> m)."""
    out: dict[int, str] = {}
    for m in mentions:
        if m.pronoun and m.antecedent is not None and m.text.lower() in PRONOUN_GENDER:
            out.setdefault(named(mentions, m.antecedent), PRONOUN_GENDER[m.text.lower()])
    return out


def not_inside_their_quotes(near: Neighbours, rows: list[QuoteRecord], text: str,
                            genders: dict[int, str]) -> None:
    """The pronoun that speaks a direct quote ("“... the policies of X ...,” he said") stands for no one the
    quote itself names: it is read again without them (no one when no one fits); ``near`` is changed."""
    mentions = near.mentions
    for q in rows:
        if q.speaker is None or q.finding.kind != "direct" or not mentions[q.speaker].pronoun \
                or not q.finding.content.contains(mentions[named(mentions, q.speaker)].span):
            continue
        pronoun = mentions[q.speaker]
        index = None
        if pronoun.text.lower() in PRONOUN_GENDER | BODIES:
            index = speaking(pronoun.text.lower(), pronoun.span, pronoun.sentence, near, [], genders, text,
                             outside=q.finding.content)
        mentions[q.speaker] = replace(pronoun, antecedent=index)


def speaking(pronoun: str, words: Span, sentence: int, near: Neighbours, rows: list[QuoteRecord],
             genders: dict[int, str], text: str, outside: Span | None = None) -> int | None:
    """The named person a speaking pronoun stands for: the speaker of the last quote of the last
    ``REACH`` sentences if that one agrees, else the last person of those sentences who is a subject;
    never one named in ``outside`` (the quote it speaks). ``rows``: the quotes before, in order."""
    mentions = near.mentions
    wanted = PRONOUN_GENDER.get(pronoun)

    def agrees(i: int) -> bool:
        m = mentions[i]
        if wanted is None:  # a body, or what is described ("the report ... it", "Proponents ... they")
            thing = not plural(m.text) and person_described(m.text) == ""
            return m.kind in BODIES[pronoun] or (m.sense == DESCRIPTION and (
                plural(m.text) if pronoun == "they" else thing))
        if m.sense == DESCRIPTION:  # ("a spokeswoman said ... she added")
            return not plural(m.text) and person_described(m.text) in (None, wanted)
        person = m.kind == "person" or (m.kind == "other" and m.text[:1].isupper() and " " not in m.text)
        return person and genders.get(named(mentions, i), wanted) == wanted  # (or a one-word name)

    candidates = [i for i in near.around(sentence - REACH, sentence) if mentions[i].span.end <= words.start
                  and not (outside is not None and outside.contains(mentions[i].span))]
    if not candidates:
        return None
    reachable, since = set(candidates), mentions[candidates[0]].span.start
    last = None
    for q in reversed(rows):  # (the quotes before, back to the first sentence in reach)
        if q.speaker in reachable and q.finding.evidence.end <= words.start:
            last = q
            break
        if q.finding.evidence.end < since:
            break
    if last is not None and (agrees(last.speaker) or (pronoun == "they" and last.finding.speaker is not None
                                                      and _PAIR.search(text[last.finding.speaker.start :
                                                                            last.finding.speaker.end]))):
        return named(mentions, last.speaker)  # ("X and Y say ... they say": the pair, by one of them)
    subjects = [i for i in candidates if mentions[i].subject and agrees(i)]
    return named(mentions, subjects[-1]) if subjects else None


def plural(words: str) -> bool:
    """The description's head noun is plural ("experts", "chairmen", "police")."""
    last = words.split()[-1].lower() if words.split() else ""
    return (last.endswith("s") and not last.endswith(("ss", "us", "is"))) or last.endswith("men") \
        or last in _IRREGULAR_PLURALS


def person_described(words: str) -> str | None:
    """The gender a singular description of a person tells ("spokeswoman" f, "the lawyer" None); "" for
    a description of no person ("the report")."""
    last = words.split()[-1].lower() if words.split() else ""
    if not last:
        return ""
    if last in NOUN_GENDER or last.endswith(("woman", "man")):
        return NOUN_GENDER.get(last, FEMALE if last.endswith("woman") else MALE)
    return None if people_word(last, words.split()[-1]) or last in INFORMANTS else ""
