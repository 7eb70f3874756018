"""What a number measures: the subject of a claim, read from the parse and the words around it.

"the border is 1,120 km long" (the border), "640 km of the border" (part of the border), "trucks worth
$40 million" (the trucks), "3 km from the river" (distance from the river), "Marlova's 120 villages",
"an atlas of Marlova - 6,210 km" (the phrase the number stands beside), "Freedonia (turnover $2 billion),
Ruritania ($1 billion each)" (turnover, for each), "only 900 km separates the two capitals" (the distance
between them). Never a function word: no subject beats a wrong one.
"""

from __future__ import annotations

import re

from sitroom.extract import claim_clause_subjects as clause_subjects
from sitroom.extract import claim_clauses as clauses
from sitroom.extract import claim_groups as groups
from sitroom.extract.claim_text import NOT_SUBJECTS, core_phrase, misread_compound, tokens_in
from sitroom.extract.claim_units import unit_table
from sitroom.nlp.parsed import text_of

_CURRENCY = r"(?:US\$|\$|€|£|¥|₽)"
_LABEL = re.compile(rf"\s*([^\W\d_][\w’'-]*(?:\s+[^\W\d_][\w’'-]*){{0,2}})?\s*{_CURRENCY}?\s*$")
"""The words inside a parenthesis before its number: "(turnover $2 billion" -> "turnover"."""
_DASH = re.compile(r"(\S)\s+[-–—]\s*$")
_LIST_ENDS = frozenset({"", "each", "apiece", "respectively"})
_OWN_LABEL = re.compile(r"\s+(?:in|of|for|on)\s+\w", re.I)
"""After a number, words that say what it is ("$5 million in aid"): no label from a list."""
_NAME_JOINS = frozenset({"and", "&", "of", "the"})
_BODIES = frozenset({
    "garrison", "force", "army", "contingent", "unit", "brigade", "battalion", "division", "regiment",
    "corps", "convoy", "fleet", "flotilla", "crew", "team", "delegation", "staff", "workforce", "base",
    "camp", "column", "squad", "platoon", "mission", "coalition", "alliance", "union", "committee",
    "council", "board", "panel", "parliament", "assembly", "chamber", "senate", "cabinet", "caucus",
    "population", "electorate", "membership", "caravan", "herd", "flock", "crowd", "household", "family",
    "village", "town", "city"})
"""Nouns for what counted things make up: "a garrison of 4,000 soldiers" -> soldiers (garrison)."""
_DEPICTIONS = frozenset({"map", "chart", "atlas", "picture", "image", "photo", "photograph", "view"})
"""What shows a thing rather than is it: a length beside "the map of X" measures X."""
_MARGINS = frozenset({"points", "years", "days", "weeks", "months", "hours", "minutes", "seconds"})
"""Counted words that measure something else: a margin, a multiple, a duration."""


def subject_of(sdoc, start: int, end: int, unit: str, dimension: str,
               labels: dict[str, str]) -> tuple[str, bool]:
    """The subject of the number at ``start:end`` of the parsed passage ``sdoc``, and whether it is a
    part of it. ``labels`` carries, per dimension, what an earlier number of the passage was said to
    measure in a list ("Freedonia (turnover $2 billion), Ruritania ($1 billion)"), so that a later
    number said only of a name ("Norland with its $310 million") measures the same: it is updated."""
    listed = _listed(sdoc, start, end, dimension, labels)
    if listed is not None:
        return listed, False
    found = None if dimension.startswith("count:") else _beside_dash(sdoc, start, end)
    found = found or _named_by_context(sdoc, start, end, unit, dimension)
    subject, part = found or _subject(sdoc, start, end)
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if part and dimension == "share" and subject and span is not None:
        groups.keep_population(span, subject, labels)
    skip = range(span.start, span.end) if span is not None else range(0)
    if dimension == "share" and not part and not found and span is not None \
            and (holder := clause_subjects.holder(span)):
        # "Ostrom won 46 percent": a part of the vote (polls of one name differ without contradiction)
        return " ".join(w for w in (f"share for {holder}", groups.among(span)) if w), True
    if _names_nothing(subject) or (not dimension.startswith("count:") and not part and not found
                                           and _is_name(subject)):
        subject = clause_subjects.fallback_subject(sdoc, start, end, dimension) or subject
        subject = "" if _names_nothing(subject) else subject  # no subject beats a wrong one
    if subject and dimension in labels and _is_name(subject) and not _OWN_LABEL.match(text_of(sdoc), end):
        subject = f"{labels[dimension]} ({subject})"  # "Norland with its $310 million is ninth"
    elif subject and dimension.startswith("count:") and not part:
        counted = next((t for t in tokens_in(sdoc, end, end + 30) if t.lower_ == unit), None)
        total = re.search(r"\d\)?\s+of\s+(?:[\w’'-]+\s+){0,3}$", text_of(sdoc)[max(0, start - 60) : start])
        measured = clause_subjects.margin(counted) if counted is not None and unit in _MARGINS else ""
        if measured:  # "Ostrom leads Lund by 8 points": what the points measure
            subject = f"{measured} ({unit})"
        elif counted is not None:  # "6 councillors walked out": candidates walking out
            said = clauses.modifiers(counted, skip) or ("" if total else clauses.predicate(counted, skip))
            subject = " ".join(w for w in (subject, said, _held_by(counted), groups.setting(counted)) if w)
    elif subject and part and dimension == "share" and span is not None \
            and span.root.dep_ in ("nsubj", "nsubjpass", "dobj"):  # "61 percent of farmers said"
        # "countries representing 55 percent of emissions": emissions represented by countries
        root = span.root
        said = clauses.done_to(root, skip) if root.dep_ == "dobj" else clauses.predicate(root, skip)
        subject = " ".join(w for w in (subject, said) if w)
    return groups.share_of(subject, part, dimension, labels, span)


_EMPTY = NOT_SUBJECTS | {"mere", "whopping", "paltry", "well", "below", "above", "under", "over", "just",
                         "nearly", "almost", "about", "around", "roughly", "some", "excess", "up", "down"}
"""Words that, all a subject has, name nothing measured ("a mere 9 percent", "well below 2 degrees")."""


def _names_nothing(subject: str) -> bool:
    return all(word in _EMPTY for word in subject.lower().split())


def _held_by(counted) -> str:
    """What a counted thing makes up: "a garrison of 4,000 soldiers" -> "(garrison)"."""
    if counted is None or counted.dep_ != "pobj" or counted.head.lower_ != "of":
        return ""
    owner = counted.head.head
    if owner.pos_ != "NOUN" or owner.lemma_.lower() not in _BODIES:
        return ""  # "the release of 40 prisoners" is an event, not what the prisoners make up
    return f"({core_phrase(owner)})"


def _is_name(phrase: str) -> bool:
    words = phrase.split()
    return bool(words) and words[0][0].isupper() and all(
        w[0].isupper() or w.lower() in _NAME_JOINS for w in words)


def _listed(sdoc, start: int, end: int, dimension: str, labels: dict[str, str]) -> str | None:
    """A number in brackets right after a name: "Freedonia (turnover $2 billion)" -> "turnover
    (Freedonia)"; "Ruritania and Osterland ($1 billion each)" takes the label of the list before it."""
    text = text_of(sdoc)
    opening = text.rfind("(", 0, start)
    inside = _LABEL.fullmatch(text, opening + 1, start) if opening >= 0 else None
    if inside is None:
        return None
    before = [t for t in tokens_in(sdoc, max(0, opening - 40), opening) if t.idx + len(t) <= opening][-1:]
    if not before or before[0].pos_ != "PROPN" or text[before[0].idx + len(before[0]) : opening].strip():
        return None
    name = before[0]
    while name.dep_ == "conj" and name.head.pos_ == "PROPN":  # "Ruritania and Osterland"
        name = name.head
    entity = sdoc[name.left_edge.i if name.left_edge.pos_ == "PROPN" else name.i : before[0].i + 1].text
    words = [t for t in tokens_in(sdoc, opening + 1, start) if t.idx + len(t) <= start and t.is_alpha]
    if words and (words[-1].pos_ != "NOUN" or any(t.pos_ in ("PRON", "VERB", "AUX") for t in words)):
        return None  # "Ostrom (who holds 31 seats)": a clause, not a label
    closing = text.find(")", end)
    rest = text[end:closing].strip().lower() if closing >= 0 else "?"
    after = re.fullmatch(r"(?:in|of|for|on)\s+([^\W\d_][\w’'-]*)", rest)  # "($1 billion in damages)"
    label = inside.group(1) or (after.group(1) if after else labels.get(dimension) if rest in _LIST_ENDS
                                else None)
    if not label or label[0].isupper():
        return None
    if after and not inside.group(1):
        return f"{label} ({entity})"  # its own label, not one for the rest of the list
    labels[dimension] = label
    return f"{label} ({entity})"


def _beside_dash(sdoc, start: int, end: int) -> tuple[str, bool] | None:
    """A measure set beside the noun phrase it describes: "an atlas of Marlova - 6,210 km", "their
    take in the spring quarter - $4 million - was small" (the phrase's head, with an "of" complement,
    however the parser hung a name). Not when a second dash leads on to what is measured ("just
    over half — 53 percent — of the members")."""
    text = text_of(sdoc)
    dash = _DASH.search(text, max(0, start - 80), start)
    if dash is None or re.match(r"\s*[-–—]\s*of\b", text[end:]) or _FROM.match(text, end):
        return None  # "over half — 53 percent — of the members"; "the post — 12 km from the river"
    before = [t for t in tokens_in(sdoc, dash.start(1), dash.end(1)) if t.idx + len(t) == dash.end(1)]
    if not before or before[0].sent.end_char < start:
        return None
    noun = before[0]
    first = noun.i
    while noun.pos_ == "PROPN" and first > noun.sent.start and sdoc[first - 1].pos_ == "PROPN":
        first -= 1
    owner = sdoc[first - 2] if first - 2 >= noun.sent.start else None
    if noun.pos_ == "PROPN" and owner is not None and sdoc[first - 1].lower_ == "of" \
            and owner.pos_ == "NOUN" and owner.lower_ not in unit_table():
        if owner.lemma_.lower() in _DEPICTIONS:  # "the map of Marlova - 6,210 km": Marlova's extent
            return sdoc[first : noun.i + 1].text, False
        return f"{core_phrase(owner)} of {sdoc[first : noun.i + 1].text}", False
    while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.lower_ != "of" \
            and noun.head.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head.head  # "their take in the spring quarter": the take
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        noun = noun.head.head  # "a large share of voters"
    if noun.pos_ != "NOUN" or noun.lower_ in unit_table():
        return None
    of = next((g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
               if g.dep_ == "pobj"), None)
    return (f"{core_phrase(noun)} of {core_phrase(of)}" if of is not None else core_phrase(noun)), False


def _subject(sdoc, start: int, end: int) -> tuple[str, bool]:
    """What the number measures, as written, and whether it is a part of it."""
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return "", False
    root = span.root
    head = root if root.pos_ == "NOUN" else root.head
    of = next((g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
               if g.dep_ == "pobj"), None)
    if of is not None and head.lower_ in unit_table():
        return _restricted(of, span), True  # "640 km of the border", "30 percent of voters in Vexley"
    if root.dep_ in ("amod", "compound", "nmod", "npadvmod", "nummod") or head.lower_ in unit_table():
        # "the 1,200-kilometer (746-mile)-long northern border": climb to the measured noun
        for ancestor in [root.head, *root.head.ancestors][:4]:
            if ancestor.pos_ in ("NOUN", "PROPN") and ancestor.lower_ not in unit_table() \
                    and not (span.start <= ancestor.i < span.end):
                if root.dep_ == "nummod":  # a count's noun: its modifiers come with the count (subject_of)
                    return core_phrase(ancestor, skip=span), False
                return _restricted(ancestor, span), False  # "a 35 percent tax on imported cars"
            subject = next((c for c in ancestor.children if c.dep_ == "nsubj"), None)
            placed = any(c.dep_ == "dobj" and c.pos_ == "NOUN" for c in ancestor.children)
            if ancestor.pos_ in ("AUX", "VERB") and subject is not None and not placed:  # ("put X at 4%")
                if misread_compound(subject, ancestor):  # "mountain ranges up to 5,000 m"
                    return f"{core_phrase(subject)} {ancestor.text}", False
                return core_phrase(subject), False  # "the border is 1,120 km long"
    if head.dep_ == "attr" or root.dep_ == "attr":
        verb = head.head if head.dep_ == "attr" else root.head
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return core_phrase(subject), False  # "the border is 1,120 km"
    if root.dep_ in ("amod", "compound", "nummod") and head.pos_ in ("NOUN", "PROPN"):
        return core_phrase(head, skip=span), False  # "the 1,210-kilometer border" (a count's noun: see above)
    noun = head if head.pos_ in ("NOUN", "PROPN") and head.lower_ not in unit_table() else None
    return (core_phrase(noun, skip=span), False) if noun is not None else ("", False)


def _restricted(noun, span) -> str:
    """A noun phrase with what restricts it ("tax on imported cars"), without the number's own words."""
    skip = range(span.start, span.end)
    return " ".join(w for w in (core_phrase(noun, skip=span), clauses.modifiers(noun, skip)) if w)


_WORTH = re.compile(r"\b(?:worth|valued\s+at|costing)\s+(?:about\s+|some\s+|over\s+)?$", re.I)
_FROM = re.compile(r"\s+(?:away\s+)?from\s+", re.I)
TOTAL = re.compile(r"\)?\s+of\s+((?:[\w’'-]+\s+){0,3}?)(\d{1,3}(?:,\d{3})*|\d+)\b(?:\s+(\w+s)\b)?")
"""After a count, its total: "(31) of Chile's 346 communes" -> owner words, total, counted noun."""


def _named_by_context(sdoc, start: int, end: int, unit: str, dimension: str) -> tuple[str, bool] | None:
    """Subjects the words around a number name: "trucks worth $40 million" (the trucks), "2 km from the
    border" (the distance from it), "40 of Marlova's 120 villages" (Marlova's villages, both
    numbers), "delegations from ten other countries" (the countries counted)."""
    text = text_of(sdoc)
    worth = _WORTH.search(text[max(0, start - 30) : start])
    if worth:  # the noun written right before "worth" (parsers hang "worth" on the verb)
        limit = max(0, start - 30) + worth.start()
        before = [t for t in tokens_in(sdoc, max(0, limit - 40), limit) if t.idx + len(t) <= limit][-1:]
        if before and before[0].pos_ in ("NOUN", "PROPN"):
            noun = before[0]  # "stock worth $9 million": the value of the stock, and what befell it
            said = clauses.predicate(noun) if noun.pos_ == "NOUN" else ""
            core = re.split(r"\s+(?:worth|valued|costing)\b", core_phrase(noun))[0]
            return " ".join(w for w in ("value of", core, said) if w), False
    after = _FROM.match(text, end)
    if after and dimension == "length":
        place = sdoc.char_span(after.end(), after.end() + 1, alignment_mode="expand")
        target = place.root.head if place is not None and place.root.dep_ != "pobj" else place.root \
            if place is not None else None
        if target is not None and target.pos_ in ("NOUN", "PROPN"):
            return f"distance from {core_phrase(target)}", False
    total = TOTAL.match(text, end)
    if total and total.group(3) and dimension.startswith("count:") and total.group(3).lower() == unit:
        owner = [w for w in total.group(1).split() if w.lower() not in ("the", "a", "an", "its", "their")]
        return " ".join([*owner, total.group(3)]), True  # "12 of the 30 seats": seats
    owner = re.search(r"(\w[\w-]*['’]s)\s+$", text[max(0, start - 40) : start])
    if owner and dimension.startswith("count:"):  # "Marlova's 120 villages"
        return f"{owner.group(1)} {unit}", False
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if dimension.startswith("count:") and span is not None and unit not in unit_table():
        counted = next((t for t in sdoc[span.end :][:4] if t.lower_ == unit), None)
        if counted is not None and counted.left_edge.i >= span.start:  # the number leads its phrase
            return core_phrase(counted, skip=span), False
    return None


