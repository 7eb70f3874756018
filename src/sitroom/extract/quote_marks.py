"""Quotations by their marks: where one opens and where it closes (“ ” « » „ “ ‘ ’ " " and a newspaper's
'' ''), across paragraphs when a quote runs on, and which quoted words are names or titles rather than
speech ("Meet the Region", "Ansar al-Wadi")."""

from __future__ import annotations

import re
from functools import cache

from sitroom.extract.speakers import speech_lexicon
from sitroom.model.evidence import Span

MAX_QUOTE_CHARS = 4000
RUN_ON_PARAGRAPHS = 4


@cache
def _opening_marks() -> re.Pattern:
    """Where a quotation may open: a mark of data/speech.yaml, or the first of a newspaper's ''."""
    return re.compile("[" + re.escape("".join(speech_lexicon()["marks"])) + "']")


def quotations(text: str, regions: list[Span]) -> list[tuple[Span, Span]]:
    """``(marks, content)`` of every quotation of at least a few words inside ``regions``."""
    marks = speech_lexicon()["marks"]
    out, i = [], 0
    for region in regions:
        i = max(i, region.start)  # (a quotation that ran on over paragraphs is not read again)
        while i < region.end:
            mark = _opening_marks().search(text, i, region.end)  # (no quotation opens before it)
            if mark is None:
                i = region.end
                break
            i = mark.start()
            ch = text[i]
            if text.startswith("''", i) and (i == 0 or text[i - 1].isspace() or text[i - 1] in "([—–-:") \
                    and i + 2 < len(text) and not text[i + 2].isspace():  # ''...'': a newspaper's marks
                line_end = text.find("\n", i)
                close = text.find("''", i + 2, line_end if line_end >= 0 else len(text))
                if close > 0:  # (within the paragraph)
                    content = _strip(text, Span(i + 2, close))
                    said = text[content.start : content.end]
                    if len(said.split()) >= speech_lexicon()["MIN_DIRECT_WORDS"] and not _title(said):
                        out.append((Span(i, close + 2), content))
                    i = close + 2
                    continue
            if ch in marks and (ch != "”" or _opens(text, i)) and (ch not in "'\"" or _opens(text, i)):
                close = _closing(text, i, marks[ch], regions)
                if close is not None:
                    content = _strip(text, Span(i + 1, close))
                    words = len(text[content.start : content.end].split())
                    evaluated = _evaluated(text, i)
                    verdict = evaluated and re.search(r"\ban?\s*$", text[max(0, i - 4) : i])  # "it a “...”"
                    if (words >= speech_lexicon()["MIN_DIRECT_WORDS"] or evaluated) \
                            and (verdict or not _title(text[content.start : content.end])):
                        out.append((Span(i, close + 1), content))
                    i = close + 1
                    continue
            i += 1
    return out


def _opens(text: str, i: int) -> bool:
    """A straight or doubled quote opens where a word starts after it and none ends before it."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([—–-:") and not after.isspace()


def _closing(text: str, start: int, mark: str, regions: list[Span]) -> int | None:
    """Where a quotation closes; a quote left open runs on over the next paragraphs to its mark."""
    limit = min(len(text), start + MAX_QUOTE_CHARS)
    at = text.find(mark, start + 1, limit)
    paragraph_end = text.find("\n", start + 1, limit)
    if at >= 0 and (paragraph_end < 0 or at < paragraph_end):
        return at
    if at >= 0 and text.count("\n\n", start, at) <= RUN_ON_PARAGRAPHS and not _reopened(text, start, at):
        return at  # a quote that runs over paragraphs, each opening with the mark again or none
    if paragraph_end < 0:
        return None
    region = next((r for r in regions if r.start <= start < r.end), None)
    end = min(paragraph_end, region.end) if region else paragraph_end
    return end if end - start > 20 else None


_OPENING = re.compile("[“«„]")


def _reopened(text: str, start: int, at: int) -> bool:
    """An opening mark between a quotation's start and ``at`` that does not open a paragraph: another
    quotation, not the newspaper convention of reopening each paragraph of a long one (“A ...¶“B ...”)."""
    return any(not re.search(r"\n[ \t]*$", text[max(start, m.start() - 8) : m.start()])
               for m in _OPENING.finditer(text, start + 1, at))


def _strip(text: str, span: Span) -> Span:
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return Span(start, end)


_SMALL_WORDS = frozenset({"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by",
                          "from", "vs", "v", "de", "la", "el", "&"})


_PARTICLE = re.compile(r"(?:al|el|ad|as|ash|at|an|ar|ud|ul|bin|ibn|bint|abu|ben|van|von|der|den|de|da|di|du|"
                       r"le|la|dos|das|del)(?:$|[-’'][A-Z])")
"""Lower-case parts of names ("al-Wadi", "bin", "van der")."""


def _title(words: str) -> bool:
    """A name in quotation marks, not speech: a show, a book, a law, an operation ("Meet the Region",
    "State of the Harbour", "Coast at Noon", a book and its subtitle "Harbour Lights: How the Port Was
    Won"): a few words, every one capitalised but the small ones, no sentence inside; a full stop or
    comma the closing mark follows (American style: the equivalent of "The Harbour Show.") is no
    sentence."""
    words = re.sub(r"[.,]$", "", words.strip())
    tokens = re.findall(r"[^\W\d_][\w’'.-]*|&", words)
    if not 2 <= len(tokens) <= 12 or words.isupper() or re.search(r"[!?]|[.;]\s|[.;:]$", words) \
            or words.count(":") > 1 or (":" in words and len(tokens) < 4):
        return False
    return all(t[0].isupper() or t.lower() in _SMALL_WORDS or _PARTICLE.match(t) for t in tokens) \
        and tokens[0][0].isupper() \
        and tokens[0].lower() not in {"i", "we", "you", "he", "she", "they", "it", "this", "that", "there"}


def _evaluated(text: str, i: int) -> bool:
    """ "called the report a 'fabrication'": a short quote after an evaluation is a quote."""
    before = text[max(0, i - 80) : i].lower()
    if re.search(r"so-called\s*$", before):
        return False
    return bool(re.search(r"\b(?:call(?:ed|s)?|dismiss(?:ed|es)?|describ(?:ed|es)|brand(?:ed|s)?|"
                          r"label(?:l?ed|s)?|term(?:ed|s)?)\b[^.!?]*$", before))
