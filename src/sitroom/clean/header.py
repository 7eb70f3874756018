"""Title, authors, outlet and a stated date from the lines above an article's body."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sitroom.clean.dates import MONTHS, DateMention, find_dates
from sitroom.clean.layout import Unit
from sitroom.clean.lines import ends_sentence, words
from sitroom.data.names import NAME_PARTICLES
from sitroom.model.evidence import Span

_BYLINE = re.compile(r"^(?:by|author|authors|written by|text by|posted by)\s*:?\s+(?P<names>.+)$", re.I)
_PARTICLES = NAME_PARTICLES
_NAME_TOKEN = re.compile(
    r"^(?:[A-Z][a-z’'`]*\.?|[A-Z][\w’'`]*(?:-[A-Za-z][\w’'`]*)*|[a-z]{1,4}-[A-Z][\w’'`-]*)$")
_OUTLET_WORDS = re.compile(
    r"\b(?:news|times|post|daily|gazette|herald|journal|agency|media|press|tribune|telegraph|"
    r"observer|review|reporter|chronicle|monitor|guardian|wire|radio|tv|television|today|weekly|"
    r"magazine|courier|express|mirror|standard|insider|center|centre|institute|network)\b", re.I)
_DATELINE = re.compile(r"^(?P<place>[A-Z][\w.'’ -]{1,40}),\s+")
_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


@dataclass
class Header:
    title: Unit | None = None
    authors: list[tuple[str, Span]] = field(default_factory=list)
    outlet: tuple[str, Span] | None = None
    date: DateMention | None = None
    kinds: dict[Span, str] = field(default_factory=dict)
    """What each header unit that is not the title turned out to be (byline, dateline, chrome)."""


def read_header(units: list[Unit], text: str) -> Header:
    header = Header()
    for position, unit in enumerate(units):
        dates = [d for d in find_dates(text, unit.span.start, unit.span.end) if d.year and d.day]
        if dates and header.date is None and words(unit.text) <= 12:
            header.date = dates[0]
            header.kinds[unit.span] = "dateline"
        elif match := _BYLINE.match(unit.text):
            offset = unit.span.start + match.start("names")
            header.authors.extend(split_names(match.group("names"), offset))
            header.kinds[unit.span] = "byline"
        elif header.title is None and (_title_like(unit.text) or (position == 0 and words(unit.text) <= 25)):
            header.title = unit
        elif is_person_name(unit.text):
            name = unit.text.rstrip(".").strip()
            header.authors.append((name, Span(unit.span.start, unit.span.start + len(name))))
            header.kinds[unit.span] = "byline"
        elif header.outlet is None and _outlet_like(unit.text):
            header.outlet = (unit.text, unit.span)
            header.kinds[unit.span] = "chrome"
        else:
            header.kinds[unit.span] = "chrome"
    return header


def dateline_date(paragraph: Unit, text: str) -> DateMention | None:
    """The full date of a wire dateline opening the body: "OSLO, March 3, 2022 (Reuters) - ..."."""
    if not _DATELINE.match(paragraph.text):
        return None
    head_end = min(paragraph.span.end, paragraph.span.start + 80)
    for mention in find_dates(text, paragraph.span.start, head_end):
        rest = text[mention.span.end : head_end]
        if mention.year and mention.day and re.match(r"\s*(?:\([^)]{1,40}\))?\s*[-–—]", rest):
            return mention
    return None


_WIRE_PLACE = re.compile(r"^(?P<place>[A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]*){0,3})\b")
_AGENCY_PLACE = re.compile(
    r"^(?P<place>[A-Z][a-z’'.-]+(?: [A-Z][a-z’'.-]+){0,2})(?=\s*\([A-Z][^)]{0,38}\)\s*[-–—])")
_WIRE_REST = re.compile(
    r"(?:,\s*(?P<region>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2})\b)?"  # ", Kenya"
    r"(?:,?\s*[\w.]+\.? \d{1,2}(?:,\s*\d{4})?|,?\s*\d{1,2}\.\d{1,2}\.\d{2,4})?"  # ", May 6, 2024"
    r"\s*(?:\([^)]{1,40}\))?\s*[-–—]")  # "(Reuters) —"


def dateline_places(paragraph: Unit, text: str) -> list[Span]:
    """The place (and region) a wire dateline opens the body with: "NAIROBI, Kenya (AP) —",
    "ORLEVO, May 6, 2024 —", "Oslo, March 3, 2022 -": all capitals before a date, an agency or a
    dash, or any capitalised place before a full date and a dash."""
    start = paragraph.span.start
    match = _WIRE_PLACE.match(paragraph.text)
    rest = _WIRE_REST.match(paragraph.text, match.end()) if match else None
    if rest is None:  # "Mexico City (AFP) –": a place in title case before an agency and a dash
        match = _AGENCY_PLACE.match(paragraph.text)
        rest = _WIRE_REST.match(paragraph.text, match.end()) if match else None
    if match is None or rest is None:
        match = _DATELINE.match(paragraph.text) if dateline_date(paragraph, text) else None
        return [Span(start + match.start("place"), start + match.end("place"))] if match else []
    spans = [Span(start + match.start("place"), start + match.end("place"))]
    region = rest.group("region")
    if region and region.split()[0].lower().rstrip(".") not in MONTHS.keys() | _WEEKDAYS:
        spans.append(Span(start + rest.start("region"), start + rest.end("region")))
    return spans


def split_names(names: str, offset: int) -> list[tuple[str, Span]]:
    out = []
    for match in re.finditer(r"[^,;&]+?(?=\s*(?:,|;|&|\band\b|$))", names):
        name = match.group().strip()
        name = re.sub(r"^and\s+", "", name).rstrip(".").strip()
        if name and is_person_name(name):
            start = offset + names.index(name, match.start())
            out.append((name, Span(start, start + len(name))))
    return out


def is_person_name(text: str) -> bool:
    """Two to four capitalised name tokens ("Jane Doe", "Mahmoud al-Tahan", "J. R. Smith")."""
    tokens = text.rstrip(".").split()
    if not 2 <= len(tokens) <= 4 or tokens[0].lower() == "the":
        return False
    names = [t for t in tokens if t.lower() not in _PARTICLES]
    return len(names) >= 2 and all(_NAME_TOKEN.match(t) for t in names) and not _OUTLET_WORDS.search(text)


def _title_like(text: str) -> bool:
    """A heading, not a sentence: short, and without a full stop unless set in title case."""
    n = words(text)
    if not 2 <= n <= 30 or len(text) > 250:
        return False
    return not text.endswith(".") or (n <= 20 and title_case(text))


def title_case(text: str) -> bool:
    tokens = re.findall(r"[^\W\d_][\w’'-]*", text)
    return len(tokens) >= 3 and sum(t[0].isupper() for t in tokens) >= 0.7 * len(tokens)


def _outlet_like(text: str) -> bool:
    n = words(text)
    if not 1 <= n <= 6 or any(c.isdigit() for c in text) or ends_sentence(text):
        return False
    capitalised = all(t[0].isupper() for t in text.split() if t.isalpha() and len(t) > 3)
    return capitalised and (text.startswith("The ") or bool(_OUTLET_WORDS.search(text)))
