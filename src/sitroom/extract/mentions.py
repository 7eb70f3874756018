"""Named mentions of people, organisations, states and places, with NER junk filtered out."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from sitroom.coref.gender import is_first_name
from sitroom.data.countries import (
    country_in,
    country_named,
    country_of_capital,
    country_of_demonym,
    country_of_seat,
)
from sitroom.data.names import (
    NAME_PARTICLES,
    armed_cues,
    generic_words,
    group_nouns,
    has_role_word,
    honorifics,
    is_acronym,
    known_alias,
    languages,
    org_words,
    speech_cues,
    title_words,
)
from sitroom.data.places import is_region, is_town
from sitroom.model.evidence import Span
from sitroom.model.mention import Mention

LABELS = {"PERSON": "person", "ORG": "organization", "GPE": "location", "LOC": "location",
          "FAC": "location", "NORP": "other"}
"""NORP (nationalities, ethnic and religious groups) are peoples, not states: kind ``other``;
political parties among them are organisations."""
_ACTOR_DEPS = {"nsubj", "nsubjpass", "poss", "agent", "csubj"}
_JUNK = re.compile(r"https?:|www\.|\.com\b|@|#|pic\.|^\W|\d{3,}")
_LEADING = re.compile(r"^(?:the|a|an)\s+", re.I)
_ABBREVIATION = re.compile(r"(?:\b[A-Z]\.){2,}$")
_TRAILING = re.compile(r"(?:[’']s?|[\s.,;:!?\"“”()\[\]*†‡-])+$")
MAX_TOKENS = 8
_FUNCTION_POS = {"AUX", "VERB", "PRON", "ADP", "DET", "CCONJ", "SCONJ", "PART"}


def mentions_in(sdoc, offset: int, sentence_index: dict[int, int],
                places: Sequence[Span] = ()) -> list[Mention]:
    """Mentions in one spaCy Doc whose text starts at ``offset`` of the source text.

    ``sentence_index`` maps a token's sentence start (token index) to the document-wide sentence number;
    ``places`` are the dateline's place spans (source offsets): whatever the tagger saw there, a location.
    """
    placed = _dateline(sdoc, offset, places)
    spans = _titled_names(sdoc) + _capitals_described(sdoc)
    ents = [e for e in sdoc.ents if not any(s.start <= e.start and e.end <= s.end for s in spans)
            and not any(s.start < e.end and e.start < s.end for s in placed)]
    ents = [_widened(part) for e in ents
            for piece in _country_then_person(e) for part in _person_then_town(piece)]
    ents = [e for e in map(_trimmed_person, ents) if e is not None]
    found = []
    for ent in sorted(ents + spans + placed, key=lambda e: e.start):
        cue = _person_cue(ent)
        if cue and ent.label_ in _PLACE_OR_THING:
            ent = _relabelled(ent, "PERSON")  # "Tigran, a fruit exporter", "Tigran said"
        elif ent.label_ in _PLACE_OR_THING and _speaks(ent):
            ent = _relabelled(ent, "ORG")  # "Ryanair said", tagged a place or a product
        kind = LABELS.get(ent.label_)
        if kind is None:
            continue
        mention = _mention(ent, kind, offset, sentence_index[ent.sent.start], ent in placed)
        if mention is not None:
            found.append(replace(mention, cue=cue or ("place" if _in_a_place(ent) else None)))
    return found


_PLACE_OR_THING = {"GPE", "LOC", "FAC", "WORK_OF_ART", "PRODUCT"}


def _person_cue(ent) -> str | None:
    """``person`` when the words around a name make it a person whatever the tagger said: an
    apposition with a trade or role ("Tigran, a fruit exporter"), or speech by a first name ("Tigran
    said"). States, capitals and seats stay what they are ("Iran said", "the Kremlin said")."""
    text = ent.text
    if len(ent) > 3 or country_named(text) or country_of_capital(text) or country_of_seat(text) \
            or country_of_demonym(text) or not all(t.is_title for t in ent):
        return None
    if any(c.dep_ == "appos" and _person_noun(c) and any(d.lower_ in ("a", "an") for d in c.children)
           for c in ent.root.children):
        return "person"
    return "person" if _speaks(ent) and is_first_name(ent[0].text) else None


def _speaks(ent) -> bool:
    return ent.root.dep_ == "nsubj" and ent.root.head.lemma_.lower() in speech_cues()


def _person_noun(tok) -> bool:
    return tok.lemma_.lower() in title_words("person_nouns") or has_role_word(tok.text)


def _relabelled(ent, label: str):
    from spacy.tokens import Span as TokenSpan

    return TokenSpan(ent.doc, ent.start, ent.end, label=label)


def _dateline(sdoc, offset: int, places: Sequence[Span]) -> list:
    found = []
    for place in places:
        if offset <= place.start and place.end <= offset + len(sdoc.text):
            span = sdoc.char_span(place.start - offset, place.end - offset, label="GPE",
                                  alignment_mode="expand")
            if span is not None:
                found.append(span)
    return found


def _widened(ent):
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


def _titled_names(sdoc) -> list:
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


def _capitals_described(sdoc) -> list:
    """ "the Russian capital hosted ...": a demonym's capital acting is that state."""
    from spacy.tokens import Span as TokenSpan

    found = []
    for tok in sdoc:
        if tok.lower_ == "capital" and tok.dep_ in _ACTOR_DEPS:
            demonym = next((c for c in tok.children if c.dep_ in ("amod", "compound")
                            and country_of_demonym(c.text)), None)
            if demonym is not None:
                found.append(TokenSpan(sdoc, demonym.i, tok.i + 1, label="GPE"))
    return found


def _country_then_person(ent) -> list:
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


def _trimmed_person(ent):
    """A person's name as the tagger over-reached it: "Billionaire Donald Trump" -> "Donald Trump",
    "Cruz's Iowa" -> "Cruz", "Ted Cruz 1" -> "Ted Cruz"; a sentence tagged as a name
    ("Hillary Clinton slams Donald Trump") is none (``None``)."""
    from spacy.tokens import Span as TokenSpan

    if ent.label_ != "PERSON":
        return ent
    doc, start, end = ent.doc, ent.start, ent.end
    for tok in doc[start : end - 1]:
        if tok.tag_ == "POS" or tok.lower_ in ("'s", "’s"):
            end = tok.i
            break
    while end > start and not any(c.isalpha() for c in doc[end - 1].text):
        end -= 1
    while end - start > 1 and doc[start].pos_ in _NOT_NAME_POS and not is_first_name(doc[start].text) \
            and doc[start].lower_.rstrip(".") not in honorifics():
        start += 1
    words = doc[start:end]
    if not len(words) or any(t.is_alpha and t.is_lower and t.lower_ not in NAME_PARTICLES for t in words):
        return None
    return ent if (start, end) == (ent.start, ent.end) else TokenSpan(doc, start, end, label="PERSON")


def _person_then_town(ent) -> list:
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


def _mention(ent, kind: str, offset: int, sentence: int, dateline: bool = False) -> Mention | None:
    raw = ent.text.split("(")[0]
    lead = _LEADING.match(raw)
    start = lead.end() if lead else 0
    end = len(raw)
    if not _ABBREVIATION.search(raw[start:end]):
        trail = _TRAILING.search(raw, start)
        end = trail.start() if trail else end
    text = raw[start:end]
    begin = offset + ent.start_char + start
    if dateline:
        named = country_named(text)
        return Mention(Span(begin, begin + len(text)), text, "GPE", "state" if named else "location", named,
                       sentence, dateline=True)
    if not _plausible(text, ent) or _not_an_actor(ent, text):
        return None
    label, country = ent.label_, None
    if known_alias(text):
        label, kind = "ORG", "organization"  # "Daesh" tagged a place: a well-known group
    if label == "PERSON" and text.lower() in title_words("platforms"):
        label, kind = "ORG", "organization"  # "Twitter", "Telegram": a service, not a person
    if label == "PERSON" and _in_a_place(ent):
        label, kind = "GPE", "location"  # "fled into Orbash", "the town of Orbash"
    if label == "NORP" and text.lower() in title_words("parties"):
        kind = "organization"
    if _people_of(ent, text):
        kind, country = "other", country_of_demonym(text)  # "the Americans fled": a people, not the state
        return Mention(Span(begin, begin + len(text)), text, label, kind, country, sentence,
                       ent.root.dep_ in ("nsubj", "nsubjpass"))
    if _all_demonyms(text) or (label == "PERSON" and country_named(text)):
        return None  # "Ghanaian", "Poles": a nationality, not an actor
    if label == "NORP" and (ent.root.pos_ == "ADJ" or ent.root.dep_ in ("amod", "compound")):
        return None  # "Islamist", "a Muslim country": an adjective, not a group
    if label == "ORG" and not is_acronym(text) and (is_town(text) or is_region(text)) and _in_a_place(ent):
        kind = "location"  # "in Herat", "Jowzjan province" tagged as organisations: known towns and provinces
    if kind == "location" and text.split()[-1].lower() in group_nouns():
        kind = "organization"  # "the Soviet Embassy" tagged a building: the institution
    if label == "ORG" and len(ent) <= 4 and has_role_word(ent.root.text) and not org_words() & {
            t.lower_ for t in ent}:
        return None  # "National Security Advisor": a title, not an organisation
    if label == "PERSON" and _organisation_named(text):
        label, kind = "ORG", "organization"  # "Sputnik Afghanistan", "Jamaat Ansarullah"
    if label in ("PERSON", "ORG") and country_of_capital(text):
        kind = "location"  # a capital the tagger took for a person or an organisation
    if kind != "person":
        named = country_named(text) or (country_of_demonym(text.split()[0]) if text.endswith(" capital")
                                         else None)
        seat = country_of_seat(text)
        if named:
            kind, country = "state", named
        elif seat or (kind == "location" and country_of_capital(text) and _acts(ent.root)):
            # "the Elysee said", "Paris received": the seat or capital stands for the government
            kind, country = "state", seat or country_of_capital(text)
    if kind == "organization":
        country = country_in(text)
    subject = ent.root.dep_ in ("nsubj", "nsubjpass")
    doc = ent.doc
    window = doc[max(ent.start - 3, 0) : min(ent.end + 3, len(doc))]
    armed = kind == "organization" and any(t.lemma_.lower() in armed_cues() for t in window)
    return Mention(Span(begin, begin + len(text)), text, label, kind, country, sentence, subject,
                   armed=armed)


_ACTING_OBJECT_OF = {"between", "with", "by", "against", "on", "toward", "towards", "for", "upon"}


def _acts(tok) -> bool:
    """A capital that acts or is dealt with ("Washington warned", "talks between Washington and
    Kabul", "sanctions on Moscow") stands for its government; "flew to Moscow", "in Kabul", "reached
    Kabul" and "Everett, Washington" are places."""
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text == "," and doc[tok.i - 2].ent_type_ in ("GPE", "LOC"):
        return False  # "Everett, Washington": an address
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    if tok.dep_ in _ACTOR_DEPS or tok.dep_ == "dative":
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ in _ACTING_OBJECT_OF


def _not_an_actor(ent, text: str) -> bool:
    """A language ("Pashto"), an "-ism", an adjective, or a portfolio before a role ("Transport Minister")."""
    if len(ent) != 1 or country_named(text) or known_alias(text):
        return False
    word = text.lower()
    if word in languages() or word.endswith(("ism", "isms", "ization", "isation")):
        return True
    if ent.label_ in ("NORP", "GPE", "LOC") and ent.root.pos_ == "ADJ":
        return True
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return word in title_words("portfolios") and after is not None and has_role_word(after.text)


def _in_a_place(ent) -> bool:
    """The object of "in", "near", "into" ..., "the town of X" or "X province": a place whatever the
    tagger said."""
    root = ent.root
    if root.dep_ in ("compound", "nmod") and root.head.lemma_.lower() in title_words("place_nouns"):
        return True  # "Herat province"
    if root.dep_ != "pobj":
        return False
    head = root.head
    if head.lower_ in title_words("place_prepositions"):
        return True
    return head.lower_ == "of" and head.head.lemma_.lower() in title_words("place_nouns")


def _organisation_named(text: str) -> bool:
    """A "person" whose name holds a state's name or an organisation word is an organisation."""
    words = [w.strip(".,") for w in re.split(r"[\s]+", text) if w]
    return len(words) >= 2 and any(
        country_named(w) or w.lower() in org_words() or w.lower().split("-")[0] in org_words()
        or w.lower() in title_words("parties")
        for w in words)


def _people_of(ent, text: str) -> bool:
    """ "the Americans", "the Afghans" acting: a plural demonym as a subject or object."""
    return (" " not in text and text.endswith("s") and country_of_demonym(text) is not None
            and ent.root.pos_ in ("NOUN", "PROPN") and ent.root.dep_ in _ACTOR_DEPS | {"dobj", "pobj"})


def _all_demonyms(text: str) -> bool:
    parts = [p for p in re.split(r"[-\s]+", text) if p]
    return bool(parts) and all(country_of_demonym(p) for p in parts)


def _used_as_a_word(tok) -> bool:
    """A capitalised acronym the tagger read as a function word ("IS", "WHO"): a word when the
    sentence is set in capitals, or when it governs a subject or complement as a verb does."""
    letters = [c for c in tok.sent.text if c.isalpha()]
    if sum(c.isupper() for c in letters) > 0.6 * len(letters):
        return True
    return any(c.dep_ in ("nsubj", "nsubjpass", "attr", "acomp", "expl") for c in tok.children)


def _plausible(text: str, ent) -> bool:
    if not text or len(ent) > MAX_TOKENS or _JUNK.search(text):
        return False
    if len(ent) == 1 and ent.text.isupper() and ent.root.pos_ in _FUNCTION_POS and _used_as_a_word(ent.root):
        return False  # "it IS strong", "WHO" in a headline set in capitals
    if not any(c.isalpha() for c in text):
        return False
    if len(text.split()) == 1 and text.lower() in generic_words():
        return False  # "State", "Air", "Government": a word of a name, not a name
    first = text.split()[0]
    if first[:1].islower() and not re.match(r"^(?:al|el|ad|an|ar|as|at|ash|bin|ibn|de|van|von)-?", first):
        return False
    return not (ent.label_ == "PERSON" and len(text) < 3)
