"""Named mentions of people, organisations, states and places, with NER junk filtered out."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Span as SpacySpan

from sitroom.data.countries import (
    country_in,
    country_named,
    country_of_capital,
    country_of_demonym,
    country_of_seat,
)
from sitroom.data.names import (
    armed_cues,
    generic_words,
    group_nouns,
    has_role_word,
    is_acronym,
    known_alias,
    name_tokens,
    org_words,
    speech_cues,
    title_words,
)
from sitroom.data.places import is_place, is_region, is_town, is_us_state
from sitroom.extract.kind_cues import (
    ACTOR_DEPS,
    CITY,
    CITY_LIKELY,
    PLACE_OR_THING,
    STATE,
    STATE_LIKELY,
    acts,
    among_us_states,
    city_sense,
    in_a_place,
    news_source,
    not_an_actor,
    person_cue,
    speaks,
    state_sense,
    used_as_a_word,
)
from sitroom.extract.name_spans import (
    capitals_described,
    country_then_person,
    dateline_spans,
    organisations_described,
    person_then_town,
    relabelled,
    titled_names,
    trimmed_person,
    widened,
)
from sitroom.model.evidence import Span
from sitroom.model.mention import Mention
from sitroom.nlp.parsed import sentence_starts, text_of

LABELS = {"PERSON": "person", "ORG": "organization", "GPE": "location", "LOC": "location",
          "FAC": "location", "NORP": "other"}
"""NORP (nationalities, ethnic and religious groups) are peoples, not states: kind ``other``;
political parties among them are organisations."""
_JUNK = re.compile(r"https?:|www\.|\.com\b|@|#|pic\.|^\W|\d{3,}")
_LEADING = re.compile(r"^(?:the|a|an)\s+", re.I)
_ABBREVIATION = re.compile(r"(?:\b[A-Z]\.){2,}$")
_TRAILING = re.compile(r"(?:[’']s?|[\s.,;:!?\"“”()\[\]*†‡-])+$")
MAX_TOKENS = 8
_PUBLICATIONS = {"magazine", "newspaper", "tabloid", "weekly", "daily", "monthly", "quarterly"}
_KIN = {"family", "families", "dynasty", "clan", "household", "brothers", "sisters", "siblings"}
_FUNCTION_POS = {"AUX", "VERB", "PRON", "ADP", "DET", "CCONJ", "SCONJ", "PART"}


def mentions_in(sdoc, offset: int, sentence_index: dict[int, int],
                places: Sequence[Span] = ()) -> list[Mention]:
    """Mentions in one spaCy Doc whose text starts at ``offset`` of the source text.

    ``sentence_index`` maps a token's sentence start (token index) to the document-wide sentence number;
    ``places`` are the dateline's place spans (source offsets): whatever the tagger saw there, a location.
    """
    placed = dateline_spans(sdoc, offset, places)
    starts = sentence_starts(sdoc)
    spans = titled_names(sdoc) + capitals_described(sdoc)
    spans += [o for o in organisations_described(sdoc) if not any(o.start < s.end and s.start < o.end
                                                                 for s in spans + placed)]
    ents = [e for e in sdoc.ents if not any(s.start <= e.start and e.end <= s.end for s in spans)
            and not any(s.start < e.end and e.start < s.end for s in placed)]
    ents = [widened(part) for e in ents
            for piece in country_then_person(e) for part in person_then_town(piece)]
    ents = [piece for e in ents for piece in trimmed_person(e)]
    surnames = frozenset(e[-1].text for e in sdoc.ents if e.label_ == "PERSON" and len(e) >= 2)
    found = []
    for ent in sorted(ents + spans + placed, key=lambda e: e.start):
        datelined = ent in placed  # the dateline's place is a place, whatever the parse says of it
        if not datelined and ent.label_ in ("GPE", "LOC") and ent.end < len(sdoc) \
                and sdoc[ent.end].lower_ in _PUBLICATIONS:
            ent = SpacySpan(sdoc, ent.start, ent.end + 1, label="ORG")  # "New York magazine": an outlet
        cue = None if datelined else person_cue(ent)
        if cue is None and not datelined and ent.label_ in ("PERSON", "GPE", "ORG") \
                and news_source(ent, surnames):
            ent, cue = relabelled(ent, "ORG"), "organization"  # "a X poll": the outlet, no person
        if cue == "person" and ent.label_ in PLACE_OR_THING:
            ent = relabelled(ent, "PERSON")  # "Kerem, a cotton farmer", "Kerem said"
        elif not datelined and ent.label_ in PLACE_OR_THING and speaks(ent):
            ent = relabelled(ent, "ORG")  # "Ryanair said", tagged a place or a product
        kind = LABELS.get(ent.label_)
        if kind is None:
            continue
        mention = _mention(ent, kind, offset, sentence_index[starts[ent.start]], datelined, cue)
        if mention is not None:
            sense = city_sense(ent, datelined) if mention.kind == "location" else None
            if sense is None and mention.kind == "location" and not datelined and state_sense(ent):
                sense = "region"  # "Alaska, Hawaii and Washington": the state, not the capital
            found.append(replace(mention, cue=cue or ("place" if in_a_place(ent) else None), sense=sense))
    seen: set[Span] = set()  # one mention per span: "President X's term" gives the titled name and
    return [m for m in found if not (m.span in seen or seen.add(m.span))]  # the tagger's "X's", trimmed


def full_name_surnames(mentions: Sequence[Mention]) -> set[str]:
    """The last words of the full person names among ``mentions`` ("Karl Ostrom" -> "Ostrom")."""
    return {name_tokens(m.text)[-1] for m in mentions
            if m.kind == "person" and not m.pronoun and len(name_tokens(m.text)) >= 2}


def surnames_missed(sdoc, offset: int, sentence_index: dict[int, int], surnames: set[str],
                    passage: Sequence[Mention]) -> list[Mention]:
    """Person mentions for a lone surname the tagger left out ("Lund countered ...") where the document
    named that person in full before (``surnames``: ``full_name_surnames`` of its mentions so far): a
    proper noun standing alone (no proper noun beside it), in a subject, object or possessor's place,
    outside the passage's named mentions (``passage``)."""
    found, starts = [], sentence_starts(sdoc)
    for tok in sdoc:
        if tok.text not in surnames or tok.ent_type_ \
                or tok.dep_ not in ACTOR_DEPS | {"dobj", "dative", "pobj", "appos", "conj"}:
            continue
        speaking = tok.dep_ == "nsubj" and tok.head.lemma_.lower() in speech_cues()
        if tok.pos_ != "PROPN" and not speaking:
            continue  # (a sentence's first word the model took for a noun: only as a speaker)
        if any(t.pos_ == "PROPN" for t in (sdoc[tok.i - 1] if tok.i else None,
                                             sdoc[tok.i + 1] if tok.i + 1 < len(sdoc) else None) if t):
            continue
        span = Span(offset + tok.idx, offset + tok.idx + len(tok.text))
        if any(m.span.start < span.end and span.start < m.span.end for m in passage):
            continue
        found.append(Mention(span, tok.text, "PERSON", "person", None, sentence_index[starts[tok.i]],
                             tok.dep_ in ("nsubj", "nsubjpass"), speaker=speaking))
    return found


def _mention(ent, kind: str, offset: int, sentence: int, dateline: bool = False,
             cue: str | None = None) -> Mention | None:
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
    if not _plausible(text, ent) or not_an_actor(ent, text):
        return None
    label, country = ent.label_, None
    if known_alias(text):
        label, kind = "ORG", "organization"  # "Daesh" tagged a place: a well-known group
    if label == "PERSON" and text.lower() in title_words("platforms"):
        label, kind = "ORG", "organization"  # "Twitter", "Telegram": a service, not a person
    if label == "PERSON" and ent.root.dep_ == "compound" and ent.root.head.lemma_.lower() in _KIN:
        return None  # "the Bush family", "the Kennedy dynasty": a family, no one person
    if label == "PERSON" and in_a_place(ent):
        label, kind = "GPE", "location"  # "fled into Orbash", "the town of Orbash"
    if label in ("PERSON", "ORG") and len(text.split()) > 1 and text.split()[-1].lower() in title_words(
            "facility_words"):
        label, kind = "FAC", "location"  # "Ostrom Tower", "Lund Arena": a building named after someone
    if label == "NORP" and text.lower() in title_words("parties"):
        kind = "organization"
    if label == "GPE" and is_acronym(text) and sum(c.isalpha() for c in text) >= 3 \
            and not country_named(text) and not is_place(text):
        label, kind = "ORG", "organization"  # "the F.B.I. investigation": no place is so abbreviated
    if _people_of(ent, text):
        kind, country = "other", country_of_demonym(text)  # "the Americans fled": a people, not the state
        return Mention(Span(begin, begin + len(text)), text, label, kind, country, sentence,
                       ent.root.dep_ in ("nsubj", "nsubjpass"))
    if _all_demonyms(text) or (label == "PERSON" and country_named(text)):
        return None  # "Ghanaian", "Poles": a nationality, not an actor
    if label == "NORP" and (ent.root.pos_ == "ADJ" or ent.root.dep_ in ("amod", "compound")):
        return None  # "Islamist", "a Muslim country": an adjective, not a group
    if label == "ORG" and not is_acronym(text) and (is_town(text) or is_region(text)) and in_a_place(ent):
        kind = "location"  # "in Kerak", "Marlow province" tagged as organisations: known towns and provinces
    if kind == "location" and text.split()[-1].lower() in group_nouns():
        kind = "organization"  # "the Danish Embassy" tagged a building: the institution
    if label == "ORG" and len(ent) <= 4 and has_role_word(ent.root.text) and not org_words() & {
            t.lower_ for t in ent}:
        return None  # "Deputy Trade Advisor": a title, not an organisation
    if label == "PERSON" and _organisation_named(text):
        label, kind = "ORG", "organization"  # "Radio Ghana", "Jamaat Nusrat"
    if label in ("PERSON", "ORG") and country_of_capital(text) and cue != "person":
        kind = "location"  # a capital the tagger took for a person or an organisation
    if kind != "person":
        named = country_named(text) or (country_of_demonym(text.split()[0]) if text.endswith(" capital")
                                         else None)
        seat = country_of_seat(text)
        if named and is_us_state(text) and among_us_states(ent.root):
            named = None  # "won Virginia, Georgia and Alabama": the US state, not the country
        if named:
            kind, country = "state", named
        elif seat:  # "the Elysee said": the head of government's office, an organisation of its state
            return Mention(Span(begin, begin + len(text)), text, "ORG", "organization", seat, sentence,
                           ent.root.dep_ in ("nsubj", "nsubjpass"))
        elif kind == "location" and country_of_capital(text) and acts(ent.root) and not state_sense(ent):
            # "Paris received": the capital stands for the government
            kind, country = "state", country_of_capital(text)
    if kind == "organization":
        country = country_in(text)
    subject = ent.root.dep_ in ("nsubj", "nsubjpass")
    doc = ent.doc
    window = doc[max(ent.start - 3, 0) : min(ent.end + 3, len(doc))]
    armed = kind == "organization" and any(t.lemma_.lower() in armed_cues() for t in window)
    speaker = subject and ent.root.head.lemma_.lower() in speech_cues()
    return Mention(Span(begin, begin + len(text)), text, label, kind, country, sentence, subject,
                   speaker=speaker, armed=armed)


def _organisation_named(text: str) -> bool:
    """A "person" whose name holds a state's name or an organisation word is an organisation."""
    words = [w.strip(".,") for w in re.split(r"[\s]+", text) if w]
    return len(words) >= 2 and any(
        country_named(w) or w.lower() in org_words() or w.lower().split("-")[0] in org_words()
        or w.lower() in title_words("parties")
        for w in words)


def _people_of(ent, text: str) -> bool:
    """ "the Americans", "the Chileans" acting: a plural demonym as a subject or object."""
    return (" " not in text and text.endswith("s") and country_of_demonym(text) is not None
            and ent.root.pos_ in ("NOUN", "PROPN") and ent.root.dep_ in ACTOR_DEPS | {"dobj", "pobj"})


def _all_demonyms(text: str) -> bool:
    parts = [p for p in re.split(r"[-\s]+", text) if p]
    return bool(parts) and all(country_of_demonym(p) for p in parts)


_CASE_NAME = re.compile(r"\s(?:v|vs)\.?\s+[A-Z]")


def _plausible(text: str, ent) -> bool:
    if not text or len(ent) > MAX_TOKENS or _JUNK.search(text):
        return False
    if len(ent) == 1 and ent.text.isupper() and ent.root.pos_ in _FUNCTION_POS and used_as_a_word(ent.root):
        return False  # "it IS strong", "WHO" in a headline set in capitals
    if not any(c.isalpha() for c in text):
        return False
    if _CASE_NAME.search(text) or (ent.end < len(ent.doc) and ent.doc[ent.end].lower_ in ("v.", "vs.", "v")):
        return False  # "Walmart Stores v. Dukes": a court case's name, no actor
    if ent.start_char > 0 and text_of(ent.doc)[ent.start_char - 1] == "#" or text.startswith("#"):
        return False  # "#Justdoit", "#NeverTrump": a hashtag, no one
    if len(text.split()) == 1 and text.lower() in generic_words() and text.lower() not in title_words(
            "legislatures"):
        return False  # "State", "Air", "Government": a word of a name, not a name (but "Congress" is one)
    first = text.split()[0]
    if first[:1].islower() and not re.match(r"^(?:al|el|ad|an|ar|as|at|ash|bin|ibn|de|van|von)-?", first):
        return False
    return not (ent.label_ == "PERSON" and len(text) < 3)


def one_sense_per_discourse(mentions: list[Mention]) -> list[Mention]:
    """Each state-or-city name read in one sense per document where its sure readings agree (Gale,
    Church and Yarowsky 1992): a story about the New York primary means the state where a mention alone
    does not say; one about the city's stages means the city. Sure readings stay; likely ones follow
    the document's sure majority, else their own lean. ``sense`` ends ``city`` or None (the state)."""
    votes: dict[str, list[str]] = {}
    for m in mentions:
        if m.sense in (CITY, STATE) and not m.dateline:  # where the reporter is says nothing of the story
            votes.setdefault(m.text.casefold(), []).append(m.sense)
    out = []
    for m in mentions:
        if m.sense in (CITY, STATE, CITY_LIKELY, STATE_LIKELY):
            sure = votes.get(m.text.casefold(), [])
            lean = CITY if m.sense in (CITY, CITY_LIKELY) else STATE
            if m.sense in (CITY_LIKELY, STATE_LIKELY) and sure.count(CITY) != sure.count(STATE):
                lean = CITY if sure.count(CITY) > sure.count(STATE) else STATE
            m = replace(m, sense="city" if lean == CITY else None)
        out.append(m)
    return out
