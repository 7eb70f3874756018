"""Repairs of the tagger's name spans: where a name really starts and ends, and what it is.

Each function takes a spaCy ``Span`` (or the ``Doc``) and returns spans: a title's person ("Major-General
X Y"), a state then a person ("President of X Y Z"), the dateline's place, a name cut from an
organisation ("Doctors Without Walls"), over-reaching person names trimmed or split.
"""

from __future__ import annotations

from collections.abc import Sequence

from sitroom.coref.gender import is_first_name
from sitroom.data.countries import country_named, country_of_capital, country_of_demonym, country_of_seat
from sitroom.data.names import (
    NAME_PARTICLES,
    group_nouns,
    has_role_word,
    honorifics,
    org_words,
    speech_cues,
    title_words,
)
from sitroom.data.places import is_town
from sitroom.extract.kind_cues import ACTOR_DEPS, of_a_city
from sitroom.model.evidence import Span
from sitroom.nlp.parsed import text_of


def relabelled(ent, label: str):
    from spacy.tokens import Span as TokenSpan

    return TokenSpan(ent.doc, ent.start, ent.end, label=label)


def dateline_spans(sdoc, offset: int, places: Sequence[Span]) -> list:
    found = []
    for place in places:
        if offset <= place.start and place.end <= offset + len(text_of(sdoc)):
            span = sdoc.char_span(place.start - offset, place.end - offset, label="GPE",
                                  alignment_mode="expand")
            if span is not None:
                found.append(span)
    return found


def widened(ent):
    """ "Without Walls" cut from "Doctors Without Walls": a name cannot open with a preposition;
    the capitalised words before it belong to it, and it is an organisation."""
    from spacy.tokens import Span as TokenSpan

    if ent.label_ not in ("PERSON", "ORG") or ent[0].pos_ not in ("ADP", "CCONJ") or not ent[0].is_title:
        return ent
    start = ent.start
    doc = ent.doc
    while start > ent.sent.start and doc[start - 1].is_title and doc[start - 1].pos_ in ("PROPN", "NOUN"):
        start -= 1
    return TokenSpan(doc, start, ent.end, label="ORG")


def titled_names(sdoc) -> list:
    """ "Major-General Lena Berg", "Ambassador ... Ivan Petrovich Orlov": capitalised
    words after a title are a person's name, where the tagger saw none or only part of one."""
    from spacy.tokens import Span as TokenSpan

    found = []
    for tok in sdoc:
        if not (tok.is_title and has_role_word(tok.text)) or tok.i + 2 > len(sdoc):
            continue
        end = tok.i + 1
        while end < len(sdoc) and end - tok.i <= 4 and _name_word(sdoc[end]):
            end += 1
        start = tok.i + 1
        if end - start < 2 or any(t.ent_type_ and t.ent_type_ != "PERSON" for t in sdoc[start:end]):
            continue
        if not all(t.ent_type_ == "PERSON" for t in sdoc[start:end]) or _cut(sdoc, start, end):
            found.append(TokenSpan(sdoc, start, end, label="PERSON"))
    return found


def capitals_described(sdoc) -> list:
    """ "the Turkish capital hosted ...": a demonym's capital acting is that state."""
    from spacy.tokens import Span as TokenSpan

    found = []
    for tok in sdoc:
        if tok.lower_ == "capital" and tok.dep_ in ACTOR_DEPS and not of_a_city(tok):
            demonym = next((c for c in tok.children if c.dep_ in ("amod", "compound")
                            and country_of_demonym(c.text)), None)
            if demonym is not None:
                found.append(TokenSpan(sdoc, demonym.i, tok.i + 1, label="GPE"))
    return found


def organisations_described(sdoc) -> list:
    """"the Red Crest relief agency", "the Kestrel Bay ferry company": a group noun after a proper
    name the tagger left untagged or tagged as a place is that organisation (ORG spans)."""
    from spacy.tokens import Span as TokenSpan

    found = []
    for tok in sdoc:
        if tok.pos_ != "NOUN" or tok.lower_ not in group_nouns():
            continue
        mods = [c for c in tok.lefts if c.dep_ in ("compound", "amod") and c.i < tok.i]
        names = [c for c in mods if c.pos_ == "PROPN" and c.text[:1].isupper()]
        if not names or tok.ent_type_ == "ORG" or any(
                country_named(c.text) or country_of_demonym(c.text) or c.ent_type_ in ("GPE", "LOC", "FAC")
                for c in names):
            continue  # "the U.S. government", "the London court": a place's institution, the place named
        start = min(c.left_edge.i for c in mods if c.i >= names[0].i)
        if sdoc[start].pos_ == "DET":
            start += 1
        if all(sdoc[i].is_title or sdoc[i].pos_ in ("NOUN", "ADJ") for i in range(start, tok.i)):
            found.append(TokenSpan(sdoc, start, tok.i + 1, label="ORG"))
    return found


def country_then_person(ent) -> list:
    """ "President of Ghana John Mensah" tagged as one organisation: a state, then a person."""
    from spacy.tokens import Span as TokenSpan

    if ent.label_ not in ("ORG", "GPE") or len(ent) < 3:
        return [ent]
    doc = ent.doc
    if not (ent.start >= 2 and doc[ent.start - 1].lower_ == "of" and has_role_word(doc[ent.start - 2].text)):
        return [ent]  # only after a title ("President of ..."): "Qatar Airways" stays an airline
    for cut in range(1, min(3, len(ent) - 1)):
        head, rest = ent[:cut], ent[cut:]
        if country_named(head.text) and 2 <= len(rest) <= 4 and all(_name_word(t) for t in rest) \
                and not any(t.lower_ in org_words() for t in rest):
            return [TokenSpan(ent.doc, head.start, head.end, label="GPE"),
                    TokenSpan(ent.doc, rest.start, rest.end, label="PERSON")]
    return [ent]


_NOT_NAME_POS = {"ADV", "VERB", "ADJ", "DET", "PRON", "SCONJ", "ADP", "AUX", "INTJ", "NOUN"}


_GENDERED_HONORIFICS = {"mr", "mrs", "ms", "miss", "sir", "dame", "lord", "lady"}


def trimmed_person(ent) -> list:
    """A person's name as the tagger over-reached it, as zero or more spans: "Certainly Donald
    Trump" -> "Donald Trump", "Cruz's Iowa" -> "Cruz", "Ted Cruz 1" -> "Ted Cruz", a headline
    "Ana Reyes Slams Tom Hale" -> two names (a first name opens the second), "Obama White
    House" -> the person and the seat, "Jeb Bush Super PAC" -> an organisation; a sentence tagged as
    a name ("Hillary Clinton slams Donald Trump") -> none."""
    from spacy.tokens import Span as TokenSpan

    if ent.label_ != "PERSON":
        return _owner_then_person(ent)
    doc, start, end = ent.doc, ent.start, ent.end
    if end < len(doc) and doc[end].lower_ in title_words("org_after_name"):
        return [TokenSpan(doc, start, end + 1, label="ORG")]
    if start > 0 and doc[start - 1].lower_.rstrip(".") in _GENDERED_HONORIFICS:
        start -= 1  # "Mrs. Clinton": the honorific tells who, keep it in the name
    if doc[end - 1].lower_ in title_words("platforms"):
        return [TokenSpan(doc, end - 1, end, label="ORG")]  # "Will Twitter ...?": a platform
    for tok in doc[start : end - 1]:
        if tok.tag_ == "POS" or tok.lower_ in ("'s", "’s"):
            end = tok.i
            break
    while end > start and not any(c.isalpha() for c in doc[end - 1].text):
        end -= 1
    while end - start > 1 and doc[start].pos_ in _NOT_NAME_POS and not is_first_name(doc[start].text) \
            and doc[start].lower_.rstrip(".") not in honorifics():
        start += 1
    verb = next((t.i for t in doc[start + 2 : end] if _headline_verb(t)), None)
    if verb is not None:  # "Ana Reyes Wins ...", "Ana Reyes Slams Tom Hale": a headline
        rest = doc[verb + 1 : end]
        first = [TokenSpan(doc, start, verb, label="PERSON")]
        if len(rest) >= 2 and is_first_name(rest[0].text) and all(t.is_title for t in rest):
            return first + [TokenSpan(doc, verb + 1, end, label="PERSON")]
        return first
    words = doc[start:end]
    if not len(words) or any(t.is_alpha and t.is_lower and t.lower_ not in NAME_PARTICLES for t in words):
        return []
    if end - start >= 3 and country_of_seat(doc[end - 2 : end].text):
        return [TokenSpan(doc, start, end - 2, label="PERSON"), TokenSpan(doc, end - 2, end, label="ORG")]
    second = next((t.i for t in doc[start + 2 : end - 1] if t.is_title and is_first_name(t.text)
                   and not is_first_name(doc[t.i - 1].text)), None)  # not "Ali Hassan Omar ..."
    if second is not None:
        return [TokenSpan(doc, start, second, label="PERSON"), TokenSpan(doc, second, end, label="PERSON")]
    return [ent] if (start, end) == (ent.start, ent.end) else [TokenSpan(doc, start, end, label="PERSON")]


_HEADLINE_VERBS = frozenset({"win", "lead", "pin", "tell", "take", "get", "say", "call", "hit", "vow",
                             "urge", "slam", "rip", "blast", "mock", "bash", "trail", "surge", "drop",
                             "make", "defend", "attack", "visit", "meet", "warn", "reject", "back",
                             "endorse"})


def _headline_verb(tok) -> bool:
    """A capitalised word ending a name in a headline that is a verb ("Wins", "Slams", "Urges")."""
    word = tok.lower_
    forms = {word, word[:-1] if word.endswith("s") else word, word[:-2] if word.endswith("es") else word}
    return tok.is_title and not is_first_name(tok.text) and bool(forms & (_HEADLINE_VERBS | speech_cues()))


def _owner_then_person(ent) -> list:
    """ "Twitter's Adam Sharp" tagged one organisation: the organisation, then the person."""
    from spacy.tokens import Span as TokenSpan

    doc = ent.doc
    for tok in ent[:-2]:
        if tok.tag_ == "POS" and is_first_name(doc[tok.i + 1].text) and doc[tok.i + 1].is_title:
            return [TokenSpan(doc, ent.start, tok.i, label=ent.label_),
                    TokenSpan(doc, tok.i + 1, ent.end, label="PERSON")]
    return [ent]


def person_then_town(ent) -> list:
    """ "Jane Roe Leeds" at a letter's sign-off, tagged one person: the person, then the town."""
    from spacy.tokens import Span as TokenSpan

    if ent.label_ != "PERSON":
        return [ent]
    end, doc = ent.end, ent.doc
    while end > ent.start and not any(c.isalpha() for c in doc[end - 1].text):
        end -= 1
    signed = end == len(doc) or "\n" in doc[end].text or doc[end].text in ("•", "|", "·")
    words = doc[ent.start : end]
    if end - ent.start < 3 or not signed or not all(t.is_title for t in words) \
            or not (is_town(words[-1].text) or country_of_capital(words[-1].text)):
        return [ent]
    return [TokenSpan(doc, ent.start, end - 1, label="PERSON"), TokenSpan(doc, end - 1, end, label="GPE")]


def _name_word(tok) -> bool:
    return (tok.pos_ == "PROPN" and tok.is_title and not has_role_word(tok.text)
            and not country_of_demonym(tok.text) and not country_named(tok.text))


def _cut(sdoc, start: int, end: int) -> bool:
    """The tagger's PERSON starts inside our span: it cut the name short."""
    return sdoc[start].ent_iob_ != "B" or (end < len(sdoc) and sdoc[end].ent_iob_ == "I")
