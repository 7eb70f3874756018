"""Numbers a source asserts: value, unit, what they measure, how exact, and who says so.

"$1,4 billion" is 1.4e9 USD (a comma before one or two digits is a decimal comma), "$1.2bn" and "$1.2
bn" are 1.2e9 USD (multipliers glued or spaced: k, m, mn, bn, lakh, crore ...), "20 thousand military
reservists" is 20000 reservists, a range keeps both bounds ("10-15 thousand people", "120–150 km",
"between -5 and -12 degrees": the lower as ``value``, the upper as ``upper``, negative values kept),
"1,357-kilometer (843-mile)" is one claim (the
bracketed conversion is skipped), "about 910 km of the border" is approximate and measures part
of the border. "N of M things" also records the share N/M.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from sitroom.data import load as load_data
from sitroom.model.evidence import Span

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
    """Measures part of the subject ("910 km of the border"), not the whole."""
    share: tuple[float, float] | None = None
    """For "N of M things": (N, M)."""
    upper: float | None = None
    """For a range ("10-15 thousand", "between -5 and -12"): its upper bound (``value`` is the lower)."""


@cache
def units() -> dict:
    return load_data("units.yaml")


@cache
def _unit_table() -> dict[str, tuple[str, str, float]]:
    table = {}
    for unit, (dimension, factor, forms) in units()["units"].items():
        for form in forms:
            table[str(form).lower()] = (unit, dimension, float(factor))
    return table


@cache
def _pattern() -> re.Pattern:
    u = units()
    words = "|".join(sorted(u["words"], key=len, reverse=True))
    mult = "|".join(sorted(u["multipliers"], key=len, reverse=True))
    approx = "|".join(re.escape(a).replace(r"\ ", r"\s+")
                      for a in sorted(u["approximate"], key=len, reverse=True))
    unit_words = "|".join(re.escape(f) for f in sorted(_unit_table(), key=len, reverse=True)
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


def claims_in(sdoc, offset: int, skip: list[Span]) -> list[ClaimFinding]:
    """Claims in a parsed passage whose text starts at ``offset``; ``skip`` holds dates and times."""
    text = sdoc.text
    found: list[ClaimFinding] = []
    for m in _pattern().finditer(text):
        span = Span(offset + m.start(), offset + m.end())
        if not m.group("num") or any(span.overlaps(s) for s in skip):
            continue
        if _bracketed_conversion(text, m, found, offset):
            continue
        claim = _claim(sdoc, m, offset)
        if claim is not None:
            found.append(claim)
    return found


def _bracketed_conversion(text: str, m: re.Match, found: list[ClaimFinding], offset: int) -> bool:
    """ "1,357-kilometer (843-mile)": the bracketed value converts the one before it."""
    before = text[max(0, m.start() - 2) : m.start()]
    return "(" in before and bool(found) and m.start() + offset - found[-1].span.end <= 3


def read_number(raw: str) -> tuple[float, float] | None:
    """Value and the place of its last digit: "1,357" -> (1357, 1); "1,4" -> (1.4, 0.1); "500" -> (500,
    100): a number ending in two or more zeros is taken as rounded to that place."""
    words = units()["words"]
    if raw.lower() in words:
        return float(words[raw.lower()]), 1.0
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", raw):
        raw = raw.replace(",", "")
    elif re.fullmatch(r"\d+,\d{1,2}", raw):
        raw = raw.replace(",", ".")  # a decimal comma: "$1,4 billion"
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


def _claim(sdoc, m: re.Match, offset: int) -> ClaimFinding | None:
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
        unit, dimension, factor = _unit_table()[m.group("cur").lower() if m.group("cur") != "US$" else "$"]
    elif unit_word:
        unit, dimension, factor = _unit_table()[unit_word]
    else:
        noun = _counted(sdoc, m.end()) or _total_noun(sdoc.text, m.end())
        if noun is None or _looks_like_year(m.group("num"), value, mult):
            return None
        unit, dimension, factor = noun, f"count:{noun}", 1.0
    value *= mult
    high = bounds[1] * mult if bounds else None
    approximate = bool(m.group("approx")) or bounds is not None
    start, end = m.start(), m.end()
    while end > start and sdoc.text[end - 1] in " -":
        end -= 1
    while start < end and sdoc.text[start].isspace():
        start += 1
    subject, part = _named_by_context(sdoc, start, end, unit, dimension) or _subject(sdoc, start, end)
    if subject.lower() in _NOT_SUBJECTS:
        subject = _fallback_subject(sdoc, start, end)
        subject = "" if subject.lower() in _NOT_SUBJECTS else subject  # no subject beats a wrong one
    share = _share(sdoc.text, end, value)
    if high is not None:  # a range stands for everything between its bounds
        base, tolerance = (value + high) / 2 * factor, (high - value) / 2 * factor
    else:
        base = value * factor
        tolerance = place * mult * factor / 2 if not approximate else abs(base) * APPROXIMATE_SHARE
    return ClaimFinding(Span(offset + start, offset + end), value, unit, dimension, base,
                        tolerance, approximate, subject, part, share, high)


def _looks_like_year(raw: str, value: float, mult: float) -> bool:
    return mult == 1 and raw.isdigit() and len(raw) == 4 and 1800 <= value <= 2100


def _counted(sdoc, end: int) -> str | None:
    """The plural noun a bare number counts: "6,000 soldiers", "130 different facilities"."""
    tokens = [t for t in sdoc if t.idx >= end][:4]
    for tok in tokens:
        if tok.tag_ == "NNS":
            return tok.lower_
        if tok.pos_ not in ("ADJ", "ADV", "NUM") and tok.lower_ not in ("more", "other"):
            return None
    return None


def _subject(sdoc, start: int, end: int) -> tuple[str, bool]:
    """What the number measures, as written, and whether it is a part of it."""
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return "", False
    root = span.root
    head = root if root.pos_ == "NOUN" else root.head
    of = next((g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
               if g.dep_ == "pobj"), None)
    if of is not None and head.lower_ in _unit_table():
        return _phrase(of), True  # "910 km of the border"
    if root.dep_ in ("amod", "compound", "nmod", "npadvmod", "nummod") or head.lower_ in _unit_table():
        # "the 1,200-kilometer (746-mile)-long northern border": climb to the measured noun
        for ancestor in [root.head, *root.head.ancestors][:4]:
            if ancestor.pos_ in ("NOUN", "PROPN") and ancestor.lower_ not in _unit_table() \
                    and not (span.start <= ancestor.i < span.end):
                return _phrase(ancestor, skip=span), False
            subject = next((c for c in ancestor.children if c.dep_ == "nsubj"), None)
            if ancestor.pos_ in ("AUX", "VERB") and subject is not None:
                return _phrase(subject), False  # "the border is 1,344 km long"
    if head.dep_ == "attr" or root.dep_ == "attr":
        verb = head.head if head.dep_ == "attr" else root.head
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return _phrase(subject), False  # "the border is 1,344 km"
    if root.dep_ in ("amod", "compound", "nummod") and head.pos_ in ("NOUN", "PROPN"):
        return _phrase(head, skip=span), False  # "the 1,357-kilometer border"
    noun = head if head.pos_ in ("NOUN", "PROPN") else None
    return (_phrase(noun, skip=span), False) if noun is not None else ("", False)


_NOT_SUBJECTS = frozenset({"", "which", "that", "this", "these", "those", "it", "its", "only", "between",
                           "from", "further", "more", "other", "another", "some", "all", "each", "one",
                           "ones", "m.", "he", "she", "they", "we", "you", "i", "who", "him", "her", "them",
                           "us", "me", "percent"})
"""Words that never name what a number measures."""


_PREDICATE = frozenset({"dobj", "dative", "prt", "prep", "attr", "acomp", "oprd"})
"""What a verb says of its subject, without the clauses joined to it."""
_WORTH = re.compile(r"\b(?:worth|valued\s+at|costing)\s+(?:about\s+|some\s+|over\s+)?$", re.I)
_FROM = re.compile(r"\s+(?:away\s+)?from\s+", re.I)
_TOTAL = re.compile(r"\)?\s+of\s+((?:[\w’'-]+\s+){0,3}?)(\d{1,3}(?:,\d{3})*|\d+)\b(?:\s+(\w+s)\b)?")
"""After a count, its total: "(31) of Chile's 346 communes" -> owner words, total, counted noun."""


def _named_by_context(sdoc, start: int, end: int, unit: str, dimension: str) -> tuple[str, bool] | None:
    """Subjects the words around a number name: "weapons worth $850 billion" (the weapons), "2 km from the
    border" (the distance from it), "215 of Afghanistan's 421 districts" (Afghanistan's districts, both
    numbers), "delegations from ten other countries" (the countries counted)."""
    text = sdoc.text
    worth = _WORTH.search(text[max(0, start - 30) : start])
    if worth:  # the noun written right before "worth" (parsers hang "worth" on the verb)
        before = [t for t in sdoc if t.idx + len(t) <= max(0, start - 30) + worth.start()][-1:]
        if before and before[0].pos_ in ("NOUN", "PROPN"):
            return _phrase(before[0]), False
    after = _FROM.match(text, end)
    if after and dimension == "length":
        place = sdoc.char_span(after.end(), after.end() + 1, alignment_mode="expand")
        target = place.root.head if place is not None and place.root.dep_ != "pobj" else place.root \
            if place is not None else None
        if target is not None and target.pos_ in ("NOUN", "PROPN"):
            return f"distance from {_phrase(target)}", False
    total = _TOTAL.match(text, end)
    if total and total.group(3) and dimension.startswith("count:") and total.group(3).lower() == unit:
        return " ".join((total.group(1) + total.group(3)).split()), True
    owner = re.search(r"(\w[\w-]*['’]s)\s+$", text[max(0, start - 40) : start])
    if owner and dimension.startswith("count:"):  # "Afghanistan's 421 districts"
        return f"{owner.group(1)} {unit}", False
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if dimension.startswith("count:") and span is not None and unit not in _unit_table():
        counted = next((t for t in sdoc[span.end :][:4] if t.lower_ == unit), None)
        if counted is not None and counted.left_edge.i >= span.start:  # the number leads its phrase
            return _phrase(counted, skip=span), False
    return None


def _fallback_subject(sdoc, start: int, end: int) -> str:
    """When the number's own phrase names nothing: the participle that describes it ("£300m pledged by
    donors"), else the subject of the verb it depends on ("temperatures at night fell to -5")."""
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return ""
    following = sdoc[span.end : span.end + 8]
    if len(following) and following[0].tag_ == "VBN":  # "£300m pledged by foreign donors"
        words = [t.text for t in following[: next((i for i, t in enumerate(following) if t.is_punct), 8)]]
        return " ".join(words)
    number = next((t for t in span if t.like_num), span.root)
    verb = next((t for t in number.ancestors if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return ""
    lead = sdoc.text.rfind("—", 0, start) + 1  # a dateline ("TOWN, May 2 — ...") is nobody's subject
    number = span.root if span.root.dep_ in ("nsubj", "nsubjpass") else number  # "4,053 km separates"
    if number.dep_ in ("nsubj", "nsubjpass") and number.head.i == verb.i:  # "€40mn would go to schools"
        said = [t for c in verb.children if c.dep_ in _PREDICATE and c.i > verb.i for t in c.subtree]
        return " ".join(t.text for t in sorted([verb, *said], key=lambda t: t.i) if not t.is_punct)
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.idx >= lead), None)
    if subject is None or _phrase(subject).lower() in _NOT_SUBJECTS:
        return ""
    if span.root.head.i == verb.i:  # "Norway spent $4 billion on defence": what the verb says of its subject
        preps = [t for c in verb.children if c.dep_ == "prep" and c.i > span.root.i
                 and not any(x.ent_type_ in ("DATE", "TIME") for x in c.subtree) for t in c.subtree]
        return " ".join([_phrase(subject), verb.text, *(t.text for t in preps)])
    return _phrase(subject)


def _phrase(tok, skip=None) -> str:
    keep = [t for t in tok.subtree if t.dep_ not in ("relcl", "acl", "appos", "punct", "det", "prep")
            and not any(a.dep_ in ("relcl", "acl", "appos", "prep") and a.i != tok.i for a in t.ancestors
                        if tok.i in [x.i for x in a.ancestors] or a.i == tok.i)]
    keep = [t for t in keep if skip is None or not (skip.start <= t.i < skip.end)]
    keep = [t for t in keep if not (t.like_num or t.lower_ in _unit_table())
            and re.fullmatch(r"[^\W\d_][\w’'-]*", t.text)]
    return " ".join(t.text for t in sorted(keep, key=lambda t: t.i)).strip(" -") or tok.text


def _total_noun(text: str, end: int) -> str | None:
    """ "(31) of Chile's 346 communes": a bare count takes the noun of its total."""
    m = _TOTAL.match(text, end)
    return m.group(3).lower() if m and m.group(3) else None


def _share(text: str, end: int, value: float) -> tuple[float, float] | None:
    """ "31 of Chile's 346 communes", "(31) of the 346": the count with its total."""
    m = _TOTAL.match(text, end)
    if not m:
        return None
    total = float(m.group(2).replace(",", ""))
    return (value, total) if total > value > 0 else None
