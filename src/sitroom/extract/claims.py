"""Numbers a source asserts: value, unit, what they measure, how exact, and who says so.

"$2,7 billion" is 2.7e9 USD (a comma before one or two digits is a decimal comma), "$1.2bn" and "$1.2
bn" are 1.2e9 USD (multipliers glued or spaced: k, m, mn, bn, lakh, crore ...), "30 thousand
volunteers" is 30000 volunteers, a range keeps both bounds ("10-15 thousand people", "120–150 km",
"between -5 and -12 degrees": the lower as ``value``, the upper as ``upper``, negative values kept),
"1,210-kilometer (752-mile)" is one claim (the
bracketed conversion is skipped), "about 640 km of the border" is approximate and measures part
of the border. "N of M things" also records the share N/M.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from sitroom.coref.gender import POSSESSIVES
from sitroom.extract import claim_clauses as clauses
from sitroom.extract.claim_ratios import ratios_in
from sitroom.extract.claim_subjects import TOTAL, subject_of
from sitroom.extract.claim_text import tokens_in
from sitroom.extract.claim_units import approximate_words, measured_unit, period_of, unit_table, units
from sitroom.model.evidence import Span
from sitroom.nlp.parsed import text_of
from sitroom.nlp.word_filter import Words

__all__ = ["APPROXIMATE_SHARE", "ClaimFinding", "claims_in", "read_number", "units"]

APPROXIMATE_SHARE = 0.1
"""An approximate value ("about 900 km") stands for anything within this share of it."""


@dataclass(frozen=True)
class ClaimFinding:
    span: Span
    value: float
    unit: str
    dimension: str
    """What can be compared: ``length``, ``share``, ``money_USD``, ``count:districts``..."""
    base_value: float
    """The value in the dimension's base unit (km, %, t, the currency, the count)."""
    tolerance: float
    """How far another value may be and still be this one rounded (in base units)."""
    approximate: bool
    subject: str
    part: bool
    """Measures part of the subject ("640 km of the border"), not the whole."""
    share: tuple[float, float] | None = None
    """For "N of M things": (N, M)."""
    upper: float | None = None
    """For a range ("10-15 thousand", "between -5 and -12"): its upper bound (``value`` is the lower)."""
    pronoun: Span | None = None
    """Where a pronoun of the subject ("she spent", "paid by he", "its voters") was read: coreference names
    it."""
    possessive: bool = False
    """That pronoun is a possessive ("its voters": the name takes "'s")."""


@cache
def _pattern() -> re.Pattern:
    u = units()
    words = "|".join(sorted(u["words"], key=len, reverse=True))
    mult = "|".join(sorted(u["multipliers"], key=len, reverse=True))
    approx = approximate_words()
    unit_words = "|".join(re.escape(f) for f in sorted(unit_table(), key=len, reverse=True)
                          if f not in "$€£¥₽")
    number = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?"
    ends = rf"(?=(?i:{mult})\b|[^\w]|$)"  # a number ends at a non-word or a glued multiplier ("1.2bn")
    return re.compile(
        rf"(?:\b(?P<between>between|from)\s+)?"
        rf"(?:\b(?P<approx>{approx})\s+)?(?P<cur>US\$|\$|€|£|¥|₽)?\s?"
        rf"(?<![\w.,\-−])(?P<sign>[-−](?=\d))?(?P<num>{number}|(?i:{words})){ends}"
        rf"(?:(?:\s?[-–]\s?|\s+to\s+|(?(between)\s+and\s+|(?!)))(?P=cur)?"
        rf"(?P<sign2>[-−](?=\d))?(?P<num2>{number}){ends})?"
        rf"(?:[\s-]?(?P<mult>(?i:{mult}))\b)?"
        rf"(?:[\s-]?(?P<unit>(?i:{unit_words}))\b)?", re.I)


_DIGIT = re.compile(r"\d")


@cache
def _number_words() -> tuple[str, ...]:
    """The words a number may be written in (a filter: ``nlp.word_filter``), "one" of "one in five" too."""
    return (*units()["words"], "one")


def claims_in(sdoc, offset: int, skip: list[Span]) -> list[ClaimFinding]:
    """Claims in a parsed passage whose text starts at ``offset``; ``skip`` holds dates and times."""
    text = text_of(sdoc)
    if not (_DIGIT.search(text) or Words(text).holds_any(_number_words())):
        return []  # (every number, and every "N in M", is written in digits or with a number word)
    ratios = [ClaimFinding(span, value, "%", "share", value, abs(value) * APPROXIMATE_SHARE, True,
                           f"share of {subject}" if subject and not subject.startswith("share ") else subject,
                           True) for span, value, subject in ratios_in(sdoc, offset, skip)]
    skip = [*skip, *(c.span for c in ratios), *(Span(offset + m.start(), offset + m.end())
                                                for m in _MARKUP.finditer(text))]
    found: list[ClaimFinding] = []
    labels: dict[str, str] = {}  # what numbers in a list measure, by dimension (see subject_of)
    for m in _pattern().finditer(text):
        span = Span(offset + m.start(), offset + m.end())
        if not m.group("num") or any(span.overlaps(s) for s in skip):
            continue
        if _bracketed_conversion(text, m, found, offset) or _label(text, m):
            continue
        claim = _claim(sdoc, m, offset, labels)
        if claim is not None:
            found.append(_compared(sdoc, claim, found[-1] if found else None, offset))
    return sorted(found + ratios, key=lambda c: c.span.start)


_COMPARED = re.compile(r"(?:\bcompared\s+(?:with|to)|\bversus|\bvs\.?)\s+(?:(?:just|only|a\s+mere)\s+)?$",
                       re.I)
_CHANGED_FROM = re.compile(r"\b(?:up|down)\s+$", re.I)
"""Before a "from N" that gives the earlier level ("$5 million, up from $4 million"); a bare "up 5 percent"
is a change, measured apart."""


def _compared(sdoc, claim: ClaimFinding, before: ClaimFinding | None, offset: int) -> ClaimFinding:
    """A value given for comparison ("28 percent of voters ..., compared with 33 percent last month", "$5
    million, up from $4 million") measures what the value before it in its sentence measures."""
    text = text_of(sdoc)
    start = claim.span.start - offset
    earlier = text[start : start + 5].lower() == "from " \
        and _CHANGED_FROM.search(text, max(0, start - 8), start) is not None
    if before is None or before.dimension != claim.dimension or not before.subject \
            or before.dimension.startswith("count:") \
            or not (earlier or _COMPARED.search(text, max(0, start - 30), start)):
        return claim
    this, that = tokens_in(sdoc, start, claim.span.end - offset), tokens_in(sdoc, before.span.start - offset,
                                                                             before.span.start - offset + 1)
    if not len(this) or not len(that) or this[0].sent.start != that[0].sent.start:
        return claim
    own = [c for t in this for c in t.children if not (this.start <= c.i < this.end)]
    if any(c.dep_ in ("relcl", "acl") or c.dep_ == "prep" and c.lower_ in ("of", "for", "among")
           for c in own) \
            or (this.start > 0 and this.doc[this.start - 1].pos_ == "PROPN"):
        return claim  # a group or holder of its own: "33 percent of farmers", "41 percent for Berg"
    return replace(claim, subject=before.subject, part=before.part, pronoun=before.pronoun,
                   possessive=before.possessive)


_MARKUP = re.compile(r"<[A-Za-z/][^<>\n]{0,500}>")
"""A markup tag left in a text (``<tweet tweet_id="...">``): its numbers are no one's claim."""
_LABEL_WORDS = re.compile(
    r"\b(?:Rule|Article|Section|Chapter|Title|Amendment|Proposition|Prop\.?|Flight|Route|Highway|Interstate|"
    r"Room|Gate|Terminal|Platform|Phase|Stage|Act|Resolution|Bill|Item|Form|Schedule|Exhibit|Figure|Table|"
    r"Page|Episode|Season|Volume|Issue|No\.|Number|Channel|Station|Precinct|District|Ward|Unit|Block|Lot|"
    r"Apartment|Suite|Floor|Level|Grade|Class|Category|Division|Region|Zone|Sector|Area|Camp|Base|Post)\s+$")
"""Capitalised nouns a number in digits labels ("Rule 40", "Flight 80", "District 9"): no quantity."""


def _label(text: str, m: re.Match) -> bool:
    """A number that names rather than counts: a label after a capitalised noun ("Rule 40"), or a part of
    a date or score written with a slash ("9/11", "24/7")."""
    start = m.start("num")
    if m.group("cur") or not m.group("num")[0].isdigit():
        return False
    if text[m.end("num") : m.end("num") + 2][:1] == "/" or text[max(0, start - 1) : start] == "/":
        return True
    return _LABEL_WORDS.search(text, max(0, start - 16), start) is not None


def _bracketed_conversion(text: str, m: re.Match, found: list[ClaimFinding], offset: int) -> bool:
    """ "1,210-kilometer (752-mile)": the bracketed value converts the one before it."""
    before = text[max(0, m.start() - 2) : m.start()]
    return "(" in before and bool(found) and 0 <= m.start() + offset - found[-1].span.end <= 3


def read_number(raw: str) -> tuple[float, float] | None:
    """Value and the place of its last digit: "1,210" -> (1210, 1); "1,4" -> (1.4, 0.1); "500" -> (500,
    100): a number ending in two or more zeros is taken as rounded to that place."""
    words = units()["words"]
    if raw.lower() in words:
        return float(words[raw.lower()]), 1.0
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", raw):
        raw = raw.replace(",", "")
    elif re.fullmatch(r"\d+,\d{1,2}", raw):
        raw = raw.replace(",", ".")  # a decimal comma: "$2,7 billion"
    elif "," in raw:
        return None
    try:
        value = float(raw)
    except ValueError:
        return None
    place = 10 ** -len(raw.split(".")[1]) if "." in raw else 1.0
    zeros = len(raw) - len(raw.rstrip("0")) if "." not in raw else 0
    if zeros >= 2:  # "500 miles", "12,000": rounded to the hundred or more (500 and 511 may agree)
        place = float(10**zeros)
    return value, place


def _claim(sdoc, m: re.Match, offset: int, labels: dict[str, str]) -> ClaimFinding | None:
    parsed = read_number(m.group("num"))
    if parsed is None:
        return None
    value, place = parsed
    value = -value if m.group("sign") else value
    upper = read_number(m.group("num2")) if m.group("num2") else None
    bounds = None
    if upper is not None:
        other = -upper[0] if m.group("sign2") else upper[0]
        bounds = (min(value, other), max(value, other))
        value, place = bounds[0], min(place, upper[1])
    mult = float(units()["multipliers"].get((m.group("mult") or "").lower(), 1))
    if m.group("mult") and m.group("mult").lower() == "m" and not m.group("cur"):
        mult = 1.0  # "5 m" is metres unless money
    unit_word = (m.group("unit") or "").lower()
    if m.group("cur"):
        unit, dimension, factor = unit_table()[m.group("cur").lower() if m.group("cur") != "US$" else "$"]
    elif unit_word:
        unit, dimension, factor = unit_table()[unit_word]
    else:
        noun = _counted(sdoc, m.end(), m.group("num").isalpha()) or _total_noun(text_of(sdoc), m.end())
        if noun is None or _looks_like_year(m.group("num"), value, mult) or _anaphoric(sdoc, m, noun):
            return None
        unit, dimension, factor = measured_unit(text_of(sdoc)[m.end() :], noun) \
            or (noun, f"count:{noun}", 1.0)
    value *= mult
    high = bounds[1] * mult if bounds else None
    approximate = bool(m.group("approx")) or bounds is not None
    start, end = m.start(), m.end()
    while end > start and text_of(sdoc)[end - 1] in " -":
        end -= 1
    while start < end and text_of(sdoc)[start].isspace():
        start += 1
    subject, part = subject_of(sdoc, start, end, unit, dimension, labels)
    share = _share(text_of(sdoc), end, value)
    period = period_of(text_of(sdoc), m.end(), unit)
    if period:  # "$12 an hour": a rate, never compared with a total
        unit, dimension = f"{unit}/{period}", f"{dimension}/{period}"
    if high is not None:  # a range stands for everything between its bounds
        base, tolerance = (value + high) / 2 * factor, (high - value) / 2 * factor
    else:
        base = value * factor
        tolerance = place * mult * factor / 2 if not approximate else abs(base) * APPROXIMATE_SHARE
    pronoun = _pronoun(sdoc, subject, start)
    return ClaimFinding(Span(offset + start, offset + end), value, unit, dimension, base,
                        tolerance, approximate, subject, part, share, high,
                        Span(offset + pronoun.idx, offset + pronoun.idx + len(pronoun)) if pronoun else None,
                        pronoun is not None and pronoun.tag_ == "PRP$")


def _pronoun(sdoc, subject: str, start: int):
    """The token of a pronoun where the subject names who holds or does what is measured (``_DOER_PRONOUN``:
    "she brought down", "amount paid by he", "its voters"): the one of its sentence nearest the number;
    coreference names it."""
    found = _DOER_PRONOUN.search(subject)
    word = (found.group(1) or found.group(2)).lower() if found else None
    number = tokens_in(sdoc, start, start + 1)
    if word is None or not len(number):
        return None
    sent = number[0].sent
    said = [t for t in sent if t.lower_ == word and t.tag_ in ("PRP", "PRP$")]
    return min(said, key=lambda t: abs(t.i - number[0].i), default=None)


_STANDING = clauses.PERSONAL | POSSESSIVES | {"him", "them"}
_DOER_PRONOUN = re.compile(rf"(?i)(?:^|\bby |^for |\(|^share of )({'|'.join(sorted(_STANDING))})\b(?! to\b)"
                           rf"|\bfor ({'|'.join(sorted(_STANDING))}) to\b")
"""A pronoun where a subject names who holds or does what is measured: its first word ("she spent", "its
voters"), after "by" ("paid by he"), in "for he to win", opening brackets ("(he invested)"); not one
inside what a clause says ("share saying they would vote for him")."""


_BEFORE_KNOWN = re.compile(r"\b(?:the|these|those|both|all)\s+$", re.I)


def _anaphoric(sdoc, m: re.Match, noun: str) -> bool:
    """ "the two sides", "these three states": a small number written as a word after a definite
    determiner points back to things already named; it asserts no count (unless the noun is restricted
    there: "the nine people who were killed")."""
    text = text_of(sdoc)
    word, at = m.group("num").lower(), m.start("num")
    if word not in units()["words"] or m.group("approx") or m.group("mult") or units()["words"][word] > 10 \
            or not _BEFORE_KNOWN.search(text, max(0, at - 8), at):
        return False
    if re.search(r"\bof\s+\w+\s+$", text[max(0, m.start("num") - 20) : m.start("num")]):
        return False  # "four of the six seats": the total of a share
    counted = next((t for t in tokens_in(sdoc, m.end(), m.end() + 40) if t.lower_ == noun), None)
    return counted is not None and not clauses.modifiers(counted)


def _looks_like_year(raw: str, value: float, mult: float) -> bool:
    return mult == 1 and raw.isdigit() and len(raw) == 4 and 1800 <= value <= 2100


def _counted(sdoc, end: int, spelled: bool = False) -> str | None:
    """The plural noun a bare number counts: "4,000 soldiers", "70 different schools"; past a name used
    as a modifier only after a number ``spelled`` out ("ten Marlovan envoys"): a label is written in
    digits ("Flight 80 Vexley passengers")."""
    tokens = [t for t in tokens_in(sdoc, end, end + 60) if t.idx >= end][:4]
    for tok in tokens:
        if tok.tag_ == "NNS":
            return tok.lower_
        named = spelled and tok.pos_ == "PROPN" and tok.dep_ in ("compound", "amod")
        if tok.pos_ not in ("ADJ", "ADV", "NUM") and tok.lower_ not in ("more", "other") and not named:
            return None
    return None


def _total_noun(text: str, end: int) -> str | None:
    """ "(31) of Chile's 346 communes": a bare count takes the noun of its total."""
    m = TOTAL.match(text, end)
    return m.group(3).lower() if m and m.group(3) else None


def _share(text: str, end: int, value: float) -> tuple[float, float] | None:
    """ "31 of Chile's 346 communes", "(31) of the 346": the count with its total."""
    m = TOTAL.match(text, end)
    if not m:
        return None
    total = float(m.group(2).replace(",", ""))
    return (value, total) if total > value > 0 else None
