"""Speakers of quotes as mentions of actors, so that an actor's mentions hold every place it speaks:
a name the mention finder missed ("Factwatch then pointed out ...", the name of a mention elsewhere in
the text); the pronoun of a quote that coreference left open ("He said, “...”"; in indirect speech only
a pronoun that opens its clause, "He claimed that ...": in "asked the reporter who he thought would
prevail" it is coreference's to decide), by ``speaking_pronouns``; and a speaker described, not named
("Some experts", "His lawyer", "the report"), a mention of its own."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from functools import cache

from sitroom.coref.descriptions import group_described
from sitroom.coref.gender import POSSESSIVES, PRONOUN_GENDER
from sitroom.data.names import group_nouns, people_word
from sitroom.extract.event_lexicon import lexicon
from sitroom.extract.participants import DESCRIPTION
from sitroom.extract.speakers import DOCUMENTS
from sitroom.extract.speaking_pronouns import (
    BODIES,
    INFORMANTS,
    Neighbours,
    not_inside_their_quotes,
    pronoun_genders,
    speaking,
)
from sitroom.extract.statements import QuoteRecord, aide
from sitroom.model.evidence import Span
from sitroom.model.mention import Mention


def speakers_as_mentions(mentions: list[Mention], rows: list[QuoteRecord], text: str,
                         sentences: list[Span]) -> tuple[list[Mention], list[QuoteRecord]]:
    """``mentions`` with a mention for each speaker that had none, and ``rows`` pointing at them. New
    mentions go at the end of the list (the caller re-sorts): a missed name links to the mention whose
    name it is, a pronoun to the named mention of the person it stands for."""
    genders = pronoun_genders(mentions)
    near = Neighbours(list(mentions))
    not_inside_their_quotes(near, rows, text, genders)
    pool, starts, out = near.mentions, [s.start for s in sentences], []
    for q in rows:
        words = q.finding.speaker
        at = bisect_right(starts, words.start) - 1 if words is not None else -1
        sentence = at if at >= 0 and sentences[at].contains(words) else None
        beside = [pool[i] for i in near.around(sentence, sentence)] if sentence is not None else pool
        if words is not None and q.speaker is None and sentence is not None and (
                found := _described(words, beside, text, sentence)) is not None:
            out.append(replace(q, speaker=near.add(found)))  # "a top Ostrom adviser said": the adviser
            continue
        if words is None or any(m.span.overlaps(words) and not _qualifier(m, words) for m in beside):
            out.append(q)
            continue
        said = text[words.start : words.end]
        if q.speaker is not None:  # a name found elsewhere in the text (statements._same_name)
            same = pool[q.speaker]
            index = near.add(Mention(words, said, same.label, same.kind, same.country,
                                     same.sentence if sentence is None else sentence, speaker=True,
                                     antecedent=q.speaker))
        elif said.lower() in PRONOUN_GENDER | BODIES and sentence is not None \
                and (q.finding.kind == "direct" or _partly_quoted(text, q.finding.content)
                     or not _subordinate(text, words)):
            who = speaking(said.lower(), words, sentence, near, out, genders, text)
            if who is None:
                out.append(q)
                continue
            index = near.add(Mention(words, said, "PRON", pool[who].kind, None, sentence, subject=True,
                                     speaker=True, pronoun=True, antecedent=who))
        elif sentence is not None and (found := _speaking_description(words, text, sentence, pool)):
            index = near.add(found)  # "Some experts said", "the report found": who or what spoke, unnamed
        else:
            out.append(q)
            continue
        out.append(replace(q, speaker=index))
    return pool, out


def _described(words: Span, mentions: list[Mention], text: str, sentence: int) -> Mention | None:
    """The speaker's words as a description of their own when the person's name in them only qualifies
    the person who spoke ("a top Ostrom adviser", "Lund's spokeswoman": ``statements.aide``), as event
    participants are described (``extract.participants``); else None. ``mentions``: those of its
    sentence."""
    inside = [m for m in mentions if words.contains(m.span) and not m.pronoun]
    if not inside or any(m.span == words for m in mentions):
        return None
    if not aide(words, max(inside, key=lambda m: (m.span.end, m.kind == "person")), text):
        return None
    return _description_mention(words, text, sentence)


_DEFINITE = re.compile(r"(?i)the\s+")
_COMMENT = re.compile(r",|\s(?:who|whom|whose|which)\s")
"""Where a description of a speaker goes on to say more of them than who they are."""
_HEAD_ENDS = re.compile(r"\s(?:of|on|at|from|in|for|with|by|about|who|that|which)\s|[,(\u2014\u2013]")


def _description_mention(words: Span, text: str, sentence: int) -> Mention:
    """A mention of the described speaker, its words as written but for a "the" ("the union" and "The
    union" are one; "a witness" and "another witness" are two, and coref/within.py never joins those)."""
    lead = _DEFINITE.match(text, words.start, words.end)
    start = lead.end() if lead else words.start
    return Mention(Span(start, words.end), text[start : words.end], "DESC", "other", None, sentence,
                   speaker=True, sense=DESCRIPTION)


def _speaking_description(words: Span, text: str, sentence: int, mentions: list[Mention]) -> Mention | None:
    """A speaker described, not named: people by what they are ("Some experts", "His lawyer", "a Democratic
    source"), a body by its kind ("the union", "police") or a document that says something ("the report",
    "A 2014 study", "exit polls") or a name the mention finder missed ("the state Bureau of Mines"), as a
    mention of its own (the whole words: "Officials in X" and "Officials in Y" are two); "the agency" of a
    named agency links to it. None for words with no such head ("softer language", "everything", a
    quantifier alone)."""
    said = text[words.start : words.end]
    comment = _COMMENT.search(said)  # "a campaign official who was not authorized to speak": the official
    if comment is not None:
        words = Span(words.start, words.start + comment.start())
        said = text[words.start : words.end]
    head = _HEAD_ENDS.search(said)
    core = said[: head.start()] if head else said
    last = re.findall(r"[^\W\d_][\w-]*", core)
    if not last or core.rstrip()[-1:] in ("’", "'") or len(last) > 6 or len(said.split()) > 10:
        return None
    noun = last[-1].lower()
    lemma = noun[:-3] + "man" if noun.endswith("men") else noun[:-1] if noun.endswith("s") \
        and not noun.endswith("ss") else noun  # ("chairmen", "experts")
    named = last[-1][:1].isupper() and len(last) > 1  # "the state Division of Gaming Enforcement": a name
    if not (people_word(lemma, last[-1]) or people_word(noun, last[-1]) or {noun, lemma} & _speaking_nouns()
            or named):  # the mention finder missed
        return None
    if noun in group_nouns() and _DEFINITE.match(said) and len(last) == 2:
        groups = [(i, m) for i, m in enumerate(mentions) if m.kind in ("organization", "armed_group")
                  and not m.pronoun and m.span.end <= words.start]
        index = group_described(groups, noun, words.start, sentence)
        if index is not None:  # ("The Vexley Port Authority met ... The authority said")
            return Mention(words, said, "PRON", mentions[index].kind, None, sentence, subject=True,
                           speaker=True, pronoun=True, antecedent=index)
    return _description_mention(words, text, sentence)


@cache
def _speaking_nouns() -> frozenset[str]:
    """Nouns beside people's that may speak: bodies (data/plover.yaml actor words, group nouns),
    documents, informants and media."""
    return lexicon().actor_nouns | DOCUMENTS | group_nouns() | INFORMANTS


def _qualifier(mention: Mention, words: Span) -> bool:
    """A place or a possessive inside a speaker's words only qualifies the one who spoke ("the New York
    businessman", "his lawyer")."""
    return words.contains(mention.span) and mention.span != words and (
        mention.kind == "location" or (mention.pronoun and mention.text.lower() in POSSESSIVES))


_SUBORDINATORS = frozenset({"who", "whom", "what", "which", "that", "if", "whether", "because", "when",
                            "while", "as", "since", "although", "though", "after", "before", "until",
                            "unless", "where", "why", "how"})


def _partly_quoted(text: str, content: Span) -> bool:
    """A clause with quoted words in it ('called it a “brothel”'): its speaker is read as a quote's."""
    return any(mark in text[content.start : content.end] for mark in "“\"«„")


def _subordinate(text: str, words: Span) -> bool:
    """The pronoun opens a subordinate clause ("asked the reporter who he thought would prevail"): what it
    says is framed by someone else, and who "he" is stays coreference's to decide."""
    before = re.findall(r"[\w’']+", text[max(0, words.start - 40) : words.start])
    return bool(before) and before[-1].lower() in _SUBORDINATORS
