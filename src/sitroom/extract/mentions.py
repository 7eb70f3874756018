"""Named mentions of people, organisations, states and places, with NER junk filtered out."""

from __future__ import annotations

import re

from sitroom.data.countries import (
    country_in,
    country_named,
    country_of_capital,
    country_of_demonym,
    country_of_seat,
)
from sitroom.data.names import armed_cues, generic_words, has_role_word, org_words
from sitroom.model.evidence import Span
from sitroom.model.mention import Mention

LABELS = {"PERSON": "person", "ORG": "organization", "GPE": "location", "LOC": "location",
          "FAC": "location", "NORP": "organization"}
_ACTOR_DEPS = {"nsubj", "nsubjpass", "poss", "agent", "csubj"}
_JUNK = re.compile(r"https?:|www\.|\.com\b|@|#|pic\.|^\W|\d{3,}")
_LEADING = re.compile(r"^(?:the|a|an)\s+", re.I)
_ABBREVIATION = re.compile(r"(?:\b[A-Z]\.){2,}$")
_TRAILING = re.compile(r"(?:[’']s?|[\s.,;:!?\"“”()\[\]-])+$")
MAX_TOKENS = 8


def mentions_in(sdoc, offset: int, sentence_index: dict[int, int]) -> list[Mention]:
    """Mentions in one spaCy Doc whose text starts at ``offset`` of the source text.

    ``sentence_index`` maps a token's sentence start (token index) to the document-wide sentence number.
    """
    spans = _titled_names(sdoc) + _capitals_described(sdoc)
    ents = [e for e in sdoc.ents if not any(s.start <= e.start and e.end <= s.end for s in spans)]
    ents = [piece for e in ents for piece in _country_then_person(e)]
    found = []
    for ent in sorted(ents + spans, key=lambda e: e.start):
        kind = LABELS.get(ent.label_)
        if kind is None:
            continue
        mention = _mention(ent, kind, offset, sentence_index[ent.sent.start])
        if mention is not None:
            found.append(mention)
    return found


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


def _name_word(tok) -> bool:
    return (tok.pos_ == "PROPN" and tok.is_title and not has_role_word(tok.text)
            and not country_of_demonym(tok.text) and not country_named(tok.text))


def _cut(sdoc, start: int, end: int) -> bool:
    """The tagger's PERSON starts inside our span: it cut the name short."""
    return sdoc[start].ent_iob_ != "B" or (end < len(sdoc) and sdoc[end].ent_iob_ == "I")


def _mention(ent, kind: str, offset: int, sentence: int) -> Mention | None:
    raw = ent.text.split("(")[0]
    lead = _LEADING.match(raw)
    start = lead.end() if lead else 0
    end = len(raw)
    if not _ABBREVIATION.search(raw[start:end]):
        trail = _TRAILING.search(raw, start)
        end = trail.start() if trail else end
    text = raw[start:end]
    if not _plausible(text, ent):
        return None
    label, country = ent.label_, None
    if _people_of(ent, text):
        kind, country = "state", country_of_demonym(text)  # "the Americans fled": the state's people
        begin = offset + ent.start_char + start
        return Mention(Span(begin, begin + len(text)), text, label, kind, country, sentence,
                       ent.root.dep_ in ("nsubj", "nsubjpass"))
    if _all_demonyms(text) or (label == "PERSON" and country_named(text)):
        return None  # "Ghanaian", "Poles": a nationality, not an actor
    if label == "NORP" and ent.root.pos_ == "ADJ":
        return None  # "Islamist": an adjective
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
        elif seat or (kind == "location" and country_of_capital(text) and ent.root.dep_ in _ACTOR_DEPS):
            # "the Elysee said", "Paris received": the seat or capital stands for the government
            kind, country = "state", seat or country_of_capital(text)
    if kind == "organization":
        country = country_in(text)
    begin = offset + ent.start_char + start
    subject = ent.root.dep_ in ("nsubj", "nsubjpass")
    doc = ent.doc
    window = doc[max(ent.start - 3, 0) : min(ent.end + 3, len(doc))]
    armed = kind == "organization" and any(t.lemma_.lower() in armed_cues() for t in window)
    return Mention(Span(begin, begin + len(text)), text, label, kind, country, sentence, subject,
                   armed=armed)


def _organisation_named(text: str) -> bool:
    """A "person" whose name holds a state's name or an organisation word is an organisation."""
    words = [w.strip(".,") for w in re.split(r"[\s]+", text) if w]
    return len(words) >= 2 and any(
        country_named(w) or w.lower() in org_words() or w.lower().split("-")[0] in org_words()
        for w in words)


def _people_of(ent, text: str) -> bool:
    """ "the Americans", "the Afghans" acting: a plural demonym as a subject or object."""
    return (" " not in text and text.endswith("s") and country_of_demonym(text) is not None
            and ent.root.pos_ in ("NOUN", "PROPN") and ent.root.dep_ in _ACTOR_DEPS | {"dobj", "pobj"})


def _all_demonyms(text: str) -> bool:
    parts = [p for p in re.split(r"[-\s]+", text) if p]
    return bool(parts) and all(country_of_demonym(p) for p in parts)


def _plausible(text: str, ent) -> bool:
    if not text or len(ent) > MAX_TOKENS or _JUNK.search(text):
        return False
    if not any(c.isalpha() for c in text):
        return False
    if len(text.split()) == 1 and text.lower() in generic_words():
        return False  # "State", "Air", "Government": a word of a name, not a name
    first = text.split()[0]
    if first[:1].islower() and not re.match(r"^(?:al|el|ad|an|ar|as|at|ash|bin|ibn|de|van|von)-?", first):
        return False
    return not (ent.label_ == "PERSON" and len(text) < 3)
