"""Speakers of quotes as mentions of actors, so that an actor's mentions hold every place it speaks:
a name the mention finder missed ("Factwatch then pointed out ...", the name of a mention elsewhere in
the text), and the pronoun of a direct quote that coreference left open ("He said, “...”"), read as
quote-attribution systems read it: the one who was speaking goes on speaking, else the person who is
the subject of the sentences just before; in indirect speech only a pronoun that opens its clause ("He
claimed that ..."; in "asked the reporter who he thought would prevail" it is coreference's to decide)."""

from __future__ import annotations

import re
from dataclasses import replace

from sitroom.coref.gender import FEMALE, MALE, NOUN_GENDER, POSSESSIVES, PRONOUN_GENDER
from sitroom.data.names import group_nouns, people_word
from sitroom.extract.event_lexicon import lexicon
from sitroom.extract.participants import DESCRIPTION
from sitroom.extract.speakers import DOCUMENTS
from sitroom.extract.statements import QuoteRecord, aide
from sitroom.model.evidence import Span
from sitroom.model.mention import Mention

_BODIES = {"it": ("organization", "state"), "they": ("organization", "state")}
"""Pronouns that speak for a body ("it said", "they say": the agency, the government)."""
REACH = 3
_PAIR = re.compile(r"\s(?:and|nor)\s")
"""Joins two speakers ("X and Y say", "Neither X nor Y believe"), whom a "they" after them stands for."""
"""Sentences back that a speaking pronoun may reach for the one it stands for."""


def speakers_as_mentions(mentions: list[Mention], rows: list[QuoteRecord], text: str,
                         sentences: list[Span]) -> tuple[list[Mention], list[QuoteRecord]]:
    """``mentions`` with a mention for each speaker that had none, and ``rows`` pointing at them. New
    mentions go at the end of the list (the caller re-sorts): a missed name links to the mention whose
    name it is, a pronoun to the named mention of the person it stands for."""
    out, extra = [], []
    genders = _genders(mentions)
    mentions = _not_inside_their_quotes(mentions, rows, text, sentences, genders)
    for q in rows:
        words = q.finding.speaker
        if words is not None and q.speaker is None and (
                aide := _described(words, mentions + extra, text, sentences)) is not None:
            extra.append(aide)  # "a top Ostrom adviser said": the adviser, an actor of this document
            out.append(replace(q, speaker=len(mentions) + len(extra) - 1))
            continue
        if words is None or any(m.span.overlaps(words) and not _qualifier(m, words)
                                for m in mentions + extra):
            out.append(q)
            continue
        sentence = next((k for k, s in enumerate(sentences) if s.contains(words)), None)
        said = text[words.start : words.end]
        if q.speaker is not None:  # a name found elsewhere in the text (statements._same_name)
            named = mentions[q.speaker]
            extra.append(Mention(words, said, named.label, named.kind, named.country,
                                 named.sentence if sentence is None else sentence, speaker=True,
                                 antecedent=q.speaker))
        elif said.lower() in PRONOUN_GENDER | _BODIES and sentence is not None \
                and (q.finding.kind == "direct" or not _subordinate(text, words)):
            pool = mentions + extra
            index = _speaking(said.lower(), words, sentence, pool, out, genders, text)
            if index is None:
                out.append(q)
                continue
            extra.append(Mention(words, said, "PRON", pool[index].kind, None, sentence, subject=True,
                                 speaker=True, pronoun=True, antecedent=index))
        elif sentence is not None and (found := _speaking_description(words, text, sentence)) is not None:
            extra.append(found)  # "Some experts said", "the report found": who or what spoke, unnamed
        else:
            out.append(q)
            continue
        out.append(replace(q, speaker=len(mentions) + len(extra) - 1))
    return mentions + extra, out


def _described(words: Span, mentions: list[Mention], text: str, sentences: list[Span]) -> Mention | None:
    """The speaker's words as a description of their own when the person's name in them only qualifies
    the person who spoke ("a top Ostrom adviser", "Lund's spokeswoman": ``statements.aide``), as event
    participants are described (``extract.participants``), without an opening determiner; else None."""
    inside = [m for m in mentions if words.contains(m.span) and not m.pronoun]
    if not inside or any(m.span == words for m in mentions):
        return None
    if not aide(words, max(inside, key=lambda m: (m.span.end, m.kind == "person")), text):
        return None
    sentence = next((k for k, s in enumerate(sentences) if s.contains(words)), None)
    return None if sentence is None else _description_mention(words, text, sentence)


_LEAD = re.compile(r"(?i)(?:the|a|an|one|some|two|three|several|many|most|other|another|all|these|those)\s+")
_HEAD_ENDS = re.compile(r"\s(?:of|on|at|from|in|for|with|by|about|who|that|which)\s|[,(\u2014\u2013]")
_INFORMANTS = frozenset({"source", "newspaper", "paper", "magazine", "outlet", "broadcaster", "channel",
                         "tabloid", "daily", "weekly", "account"})
"""A reporter's unnamed informant ("a source said"; among people's nouns a source is as often a thing's,
"a source of income") and the media that speak ("One local newspaper asked", "a social media account")."""


def _description_mention(words: Span, text: str, sentence: int) -> Mention:
    said = text[words.start : words.end]
    lead = _LEAD.match(said)
    start = words.start + (lead.end() if lead else 0)
    return Mention(Span(start, words.end), text[start : words.end], "DESC", "other", None, sentence,
                   speaker=True, sense=DESCRIPTION)


def _speaking_description(words: Span, text: str, sentence: int) -> Mention | None:
    """A speaker described, not named, as a mention of its own: people by what they are ("Some experts",
    "His lawyer", "a Democratic source"), a body by its kind ("the union", "police") or a document that
    says something ("the report", "A 2014 study", "exit polls"): the words up to their head noun's
    qualifiers ("Experts on X" is the experts). None for words with no such head ("softer language",
    "everything", a quantifier alone)."""
    said = text[words.start : words.end]
    head = _HEAD_ENDS.search(said)
    core = said[: head.start()] if head else said
    last = re.findall(r"[^\W\d_][\w-]*", core)
    if not last or core.rstrip()[-1:] in ("’", "'") or len(last) > 6:
        return None
    noun = last[-1].lower()
    lemma = noun[:-3] + "man" if noun.endswith("men") else noun[:-1] if noun.endswith("s") \
        and not noun.endswith("ss") else noun  # ("chairmen", "experts")
    if not (people_word(lemma, last[-1]) or people_word(noun, last[-1]) or {noun, lemma} & (
            lexicon().actor_nouns | DOCUMENTS | group_nouns() | _INFORMANTS)):
        return None
    end = words.start + len(core.rstrip())
    return _description_mention(Span(words.start, end), text, sentence)


def _person_described(words: str) -> str | None:
    """The gender a singular description of a person tells ("spokeswoman" f, "the lawyer" None); "" for
    a description of no person ("the report")."""
    last = words.split()[-1].lower() if words.split() else ""
    if last in NOUN_GENDER or last.endswith(("woman", "man")):
        return NOUN_GENDER.get(last, FEMALE if last.endswith("woman") else MALE)
    return None if people_word(last, words.split()[-1]) or last in _INFORMANTS else ""


def _qualifier(mention: Mention, words: Span) -> bool:
    """A place or a possessive inside a speaker's words only qualifies the one who spoke ("the New York
    businessman", "his lawyer")."""
    return words.contains(mention.span) and mention.span != words and (
        mention.kind == "location" or (mention.pronoun and mention.text.lower() in POSSESSIVES))


def _plural(words: str) -> bool:
    last = words.split()[-1].lower() if words.split() else ""
    return last.endswith("s") and not last.endswith(("ss", "us", "is")) or last in ("police", "people")


_SUBORDINATORS = frozenset({"who", "whom", "what", "which", "that", "if", "whether", "because", "when",
                            "while", "as", "since", "although", "though", "after", "before", "until",
                            "unless", "where", "why", "how"})


def _subordinate(text: str, words: Span) -> bool:
    """The pronoun opens a subordinate clause ("asked the reporter who he thought would prevail"): what it
    says is framed by someone else, and who "he" is stays coreference's to decide."""
    before = re.findall(r"[\w’']+", text[max(0, words.start - 40) : words.start])
    return bool(before) and before[-1].lower() in _SUBORDINATORS


def _named(mentions: list[Mention], i: int) -> int:
    """The named mention a mention stands for (itself, or its antecedent's, ...)."""
    seen = set()
    while mentions[i].antecedent is not None and i not in seen:
        seen.add(i)
        i = mentions[i].antecedent
    return i


def _genders(mentions: list[Mention]) -> dict[int, str]:
    """Gender the document's own resolved pronouns give each named mention ("he" -> m)."""
    out: dict[int, str] = {}
    for m in mentions:
        if m.pronoun and m.antecedent is not None and m.text.lower() in PRONOUN_GENDER:
            out.setdefault(_named(mentions, m.antecedent), PRONOUN_GENDER[m.text.lower()])
    return out


def _not_inside_their_quotes(mentions: list[Mention], rows: list[QuoteRecord], text: str,
                             sentences: list[Span], genders: dict[int, str]) -> list[Mention]:
    """``mentions`` where the pronoun that speaks a direct quote ("“... the policies of X ...,” he said")
    stands for no one the quote itself names: it is read again without them (None when no one fits)."""
    out = list(mentions)
    for q in rows:
        if q.speaker is None or q.finding.kind != "direct" or not out[q.speaker].pronoun \
                or not q.finding.content.contains(out[_named(out, q.speaker)].span):
            continue
        pronoun = out[q.speaker]
        sentence = next((k for k, s in enumerate(sentences) if s.contains(pronoun.span)), None)
        index = None
        if pronoun.text.lower() in PRONOUN_GENDER | _BODIES and sentence is not None:
            index = _speaking(pronoun.text.lower(), pronoun.span, sentence, out, [], genders, text,
                              outside=q.finding.content)
        out[q.speaker] = replace(pronoun, antecedent=index)
    return out


def _speaking(pronoun: str, words: Span, sentence: int, mentions: list[Mention], rows: list[QuoteRecord],
              genders: dict[int, str], text: str, outside: Span | None = None) -> int | None:
    """The named person a speaking pronoun stands for: the speaker of the last quote of the last
    ``REACH`` sentences if that one agrees, else the last person of those sentences who is a subject;
    never one named in ``outside`` (the quote it speaks)."""
    wanted = PRONOUN_GENDER.get(pronoun)

    def agrees(i: int) -> bool:
        if wanted is None:  # a body, or ones described ("Proponents say ... they argue", "the report ... it")
            return mentions[i].kind in _BODIES[pronoun] or (
                mentions[i].sense == DESCRIPTION and _plural(mentions[i].text) == (pronoun == "they"))
        m = mentions[i]  # (a person, or a one-word name of no settled kind: "Ostrom knows ... he called")
        if m.sense == DESCRIPTION:  # ("a spokeswoman said ... she added")
            return not _plural(m.text) and _person_described(m.text) in (None, wanted)
        person = m.kind == "person" or (m.kind == "other" and m.text[:1].isupper() and " " not in m.text)
        return person and genders.get(_named(mentions, i), wanted) == wanted

    near = [i for i, m in enumerate(mentions)
            if m.span.end <= words.start and sentence - REACH <= m.sentence <= sentence
            and not (outside is not None and outside.contains(m.span))]
    spoke = [q for q in rows if q.speaker is not None and q.speaker in near
             and q.finding.evidence.end <= words.start]
    if spoke and (agrees(spoke[-1].speaker) or (pronoun == "they" and spoke[-1].finding.speaker is not None
                                                and _PAIR.search(text[spoke[-1].finding.speaker.start :
                                                                      spoke[-1].finding.speaker.end]))):
        return _named(mentions, spoke[-1].speaker)  # ("X and Y say ... they say": the pair, by one of them)
    subjects = [i for i in near if mentions[i].subject and agrees(i)]
    return _named(mentions, subjects[-1]) if subjects else None
