"""Lines and blank-line-separated blocks of a source text, with their exact offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitroom.model.evidence import Span

_NEWLINE = re.compile(r"\r\n|\r|\n|\u2028|\u2029")
_LEADING_BULLETS = re.compile(r"^[\s•·▪◦●○■□\-–—*>|]+")
_TERMINAL = re.compile(r"[.!?…][\"'”’»)\]*]*$")


@dataclass(frozen=True)
class Line:
    """One line, trimmed: ``span`` covers its text without surrounding whitespace."""

    number: int
    span: Span
    text: str
    indent: int

    @property
    def blank(self) -> bool:
        return not self.text


@dataclass(frozen=True)
class Block:
    """Consecutive non-blank lines: a paragraph of a plain-text page."""

    lines: tuple[Line, ...]

    @property
    def span(self) -> Span:
        return Span(self.lines[0].span.start, self.lines[-1].span.end)

    @property
    def text(self) -> str:
        return " ".join(line.text for line in self.lines)

    @property
    def first(self) -> int:
        return self.lines[0].number


def split_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    position = 0
    for number, raw in enumerate(_NEWLINE.split(text)):
        stripped = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        start = position + lead
        lines.append(Line(number, Span(start, start + len(stripped)), stripped, lead))
        position += len(raw)
        match = _NEWLINE.match(text, position)
        position += len(match.group()) if match else 0
    return lines


def blocks(lines: list[Line]) -> list[Block]:
    out: list[Block] = []
    run: list[Line] = []
    for line in lines:
        if line.blank:
            if run:
                out.append(Block(tuple(run)))
            run = []
        else:
            run.append(line)
    if run:
        out.append(Block(tuple(run)))
    return out


def bare(text: str) -> str:
    """Text without leading list bullets, dashes or quote bars, for matching rules."""
    return _LEADING_BULLETS.sub("", text)


def words(text: str) -> int:
    return len(text.split())


def ends_sentence(text: str) -> bool:
    return bool(_TERMINAL.search(text))


def is_prose(text: str) -> bool:
    """A paragraph of running text rather than a label, heading or widget."""
    n = words(text)
    return (n >= 8 and ends_sentence(text)) or n >= 25
