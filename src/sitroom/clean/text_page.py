"""Plain-text pages (scraped, often translated articles): body vs furniture vs comments."""

from __future__ import annotations

import re

from sitroom.clean.comments import find_thread
from sitroom.clean.dates import MONTHS
from sitroom.clean.header import title_case
from sitroom.clean.layout import Layout, Unit
from sitroom.clean.lines import Line, bare, blocks, ends_sentence, is_prose, split_lines, words
from sitroom.clean.rules import Rules, load
from sitroom.model.document import Segment
from sitroom.model.evidence import Span

_MONTH_NAMES = "|".join(m.capitalize() for m in MONTHS)
_TWEET_SIGNATURE = re.compile(r"\(@\s?\w{1,30}\)\s+(?:" + _MONTH_NAMES + r")\.? \d{1,2}, \d{4}\s*$")
_TWEET_LINK = re.compile(r"pic\.twitter\.com|twitter\.com/\w+/status|\bt\.co/", re.I)
_WEEKDAY = r"(?:mon|monday|tue|tues|tuesday|wed|weds|wednesday|thu|thur|thurs|thursday|fri|friday|" \
    r"sat|saturday|sun|sunday)\.?"
# A month grid: day numbers run together or spaced ("12345", "6 7 8 9 10"), weekday rows, "May 2024".
_CALENDAR = re.compile(
    r"^[\s\u00a0\"'«»]*(?:\d{5,}|\d{1,2}(?:[\s\u00a0]+\d{1,2}){3,})[\s\u00a0\"'«»]*$"
    r"|^" + _WEEKDAY + r"(?:\s+" + _WEEKDAY + r"){3,8}$"
    r"|^(?:" + _MONTH_NAMES + r")\s+\d{4}$", re.I)
_FOOTNOTE_OPENER = re.compile(r"^\*{1,3}\s*[-–—\"“«(]")
_ELLIPSIS = re.compile(r"(?:\.\.\.|…)\s*$")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_MD_MEDIA = re.compile(r"^!\[[^\]]*\]\([^)]*\)|^\[!\[")
_EMBED_REACH = 4
HEADLINE_WORDS = 25
PROSE_AFTER_END = 30
"""Furniture is no end of the article when a paragraph of this many words of prose follows it."""
MIN_END_MARKER_SHARE = 0.5
"""End markers only close the body in the second half of the page: furniture clusters at the end."""


def layout_text(text: str, markdown: bool = False, rules: Rules | None = None) -> Layout:
    rules = rules or load()
    lines = split_lines(text)
    first_prose = next((ln.number for ln in lines if is_prose(ln.text)), 0)
    thread = find_thread(lines, text, after=first_prose + 1)
    limit, comments = thread if thread else (len(lines), [])
    units = _units(lines[:limit])
    kinds = _classify(units, text, rules, markdown)

    unmarked = [i for i, k in enumerate(kinds) if k is None]
    prose = [i for i in unmarked if is_prose(units[i].text)]
    if prose and prose[0] == unmarked[0] and len(prose) > 1 and _headline(units[prose[0]], text):
        prose = prose[1:]  # a headline with a full stop still heads the page
    start = prose[0] if prose else (unmarked[0] if unmarked else None)
    if start is None:
        segments = [Segment(u.span, k or "chrome") for u, k in zip(units, kinds, strict=True)]
        return Layout(Span(0, 0), [], segments, comments)

    stop = _end_marker(units, kinds, start, rules)
    tail = [i for i in unmarked if start <= i < stop]
    last = next((i for i in reversed(tail) if ends_sentence(units[i].text) or is_prose(units[i].text)),
                tail[-1])
    body = Span(units[start].span.start, units[last].span.end)
    paragraphs = [units[i].span for i in unmarked if start <= i <= last]
    segments = []
    header = []
    for i, (unit, kind) in enumerate(zip(units, kinds, strict=True)):
        if start <= i <= last and kind is None:
            continue
        if i < start and kind is None:
            header.append(unit)
        else:
            segments.append(Segment(unit.span, kind or "chrome"))
    return Layout(body, paragraphs, segments, comments, header)


def _headline(unit: Unit, text: str) -> bool:
    """The first line of a page (or two: headline and deck), short: a title, whatever its punctuation."""
    return words(unit.text) <= HEADLINE_WORDS and text.count("\n", unit.span.start, unit.span.end) <= 1


def _units(lines: list[Line]) -> list[Unit]:
    """Lines as units, except hard-wrapped paragraphs, which are one unit each."""
    units: list[Unit] = []
    for block in blocks(lines):
        if _wrapped(block.lines):
            units.append(Unit(block.span, block.text))
        else:
            units.extend(Unit(line.span, line.text) for line in block.lines)
    return units


def _wrapped(lines: tuple[Line, ...]) -> bool:
    if len(lines) < 2:
        return False
    inner = lines[:-1]
    return all(30 <= len(ln.text) <= 100 and not ends_sentence(ln.text) for ln in inner)


def _classify(units: list[Unit], text: str, rules: Rules, markdown: bool) -> list[str | None]:
    kinds: list[str | None] = [rules.kind_of(u.text) for u in units]
    if kinds and kinds[0] == "caption" and rules.is_caption(units[0].text):
        kinds[0] = None  # a page opens with its headline, which reads like a caption
    asterisked = not markdown and bool(re.search(r"\w\*", text))
    for i, unit in enumerate(units):
        plain = bare(unit.text)
        if _CALENDAR.match(plain):
            kinds[i] = "calendar"
        elif unit.text.startswith("*") and (_FOOTNOTE_OPENER.match(unit.text) or asterisked):
            kinds[i] = "footnote"
        elif markdown and _MD_MEDIA.match(unit.text):
            kinds[i] = "caption"
        elif _ELLIPSIS.search(unit.text) and _is_teaser(unit.text, units, i):
            kinds[i] = "teaser"
        elif _TWEET_SIGNATURE.search(unit.text) or _TWEET_LINK.search(unit.text):
            kinds[i] = "embed"
            _spread_embed(units, kinds, i)
        elif i and kinds[i - 1] == "widget" and kinds[i] is None and _title_case(unit.text):
            kinds[i] = "widget"  # the title of the video or story the widget showed
    return kinds


def _spread_embed(units: list[Unit], kinds: list[str | None], i: int) -> None:
    """An embedded post's own text sits just above its signature: short lines, no full stops."""
    for j in range(i - 1, max(i - 1 - _EMBED_REACH, -1), -1):
        text = units[j].text
        if kinds[j] in (None, "tags", "embed") and words(text) < 30 and not ends_sentence(text):
            kinds[j] = "embed"
        else:
            break


def _is_teaser(text: str, units: list[Unit], i: int) -> bool:
    stem = _ELLIPSIS.sub("", text).strip()
    return len(stem) >= 30 and any(
        j != i and u.text.startswith(stem) and len(u.text) > len(stem) for j, u in enumerate(units))


def _title_case(text: str) -> bool:
    return not ends_sentence(text) and title_case(text)


def _end_marker(units: list[Unit], kinds: list[str | None], start: int, rules: Rules) -> int:
    """Index of the first furniture that closes the body, or len(units)."""
    if not units:
        return 0
    first, last = units[0].span.start, units[-1].span.end
    threshold = first + MIN_END_MARKER_SHARE * (last - first)
    for i in range(start + 1, len(units)):
        kind = kinds[i]
        if (kind in rules.end_markers or kind == "calendar") and units[i].span.start >= threshold \
                and not any(kinds[j] is None and words(units[j].text) >= PROSE_AFTER_END
                            for j in range(i + 1, len(units))):
            return i
    return len(units)
