"""A quote found in a text: what was said, the cue that reports it and the words naming its speaker."""

from __future__ import annotations

from dataclasses import dataclass

from sitroom.model.evidence import Span

ELISION = " … "
"""Joins the two parts of a direct quote an attribution interrupts (“A,” he said. “B.”): A … B."""
_OPEN, _CLOSE = "“\"«„‘'", "”\"»“’'"
_EDGE = " \t\r\n,;:—–-\"“”‘’«»„'"
"""Stripped where an attribution is cut out of what was said: spaces, commas, dashes, quotation marks."""


@dataclass(frozen=True)
class QuoteFinding:
    kind: str
    """``direct`` or ``indirect``."""
    content: Span
    """What was said, without quotation marks (offsets into the text); it may hold the attribution that
    interrupts it ("The harbour, he said, was ..."; “A,” he said. “B.”): see ``parts``."""
    cue: Span | None
    """The verb or phrase that reports it: "said", "according to"."""
    speaker: Span | None
    """The words that name the speaker as written: "he", "the envoy", "Okafor"."""
    evidence: Span
    """Quote, cue and speaker together."""

    def aside(self) -> Span | None:
        """The cue and speaker where they interrupt the content, from the first to the last of them."""
        inner = [s for s in (self.cue, self.speaker) if s is not None
                 and self.content.start < s.start and s.end < self.content.end]
        return Span(min(s.start for s in inner), max(s.end for s in inner)) if inner else None

    def parts(self, text: str) -> tuple[Span, ...]:
        """The spans of ``text`` that were said: the content, or the pieces on either side of the
        attribution that interrupts it, without the punctuation and quotation marks at the cut."""
        aside = self.aside()
        if aside is None:
            return (self.content,)
        left_end, right_start = aside.start, aside.end
        if self.kind == "direct":  # the quotation marks bound the aside: ...,” said X, a senator. “...
            closing = max(text.rfind(m, self.content.start, aside.start) for m in _CLOSE)
            opening = [i for i in (text.find(m, aside.end, self.content.end) for m in _OPEN) if i >= 0]
            left_end = closing if closing >= 0 else left_end
            right_start = min(opening) + 1 if opening else right_start
        while left_end > self.content.start and text[left_end - 1] in _EDGE:
            left_end -= 1
        while right_start < self.content.end and (text[right_start] in _EDGE or text[right_start] in ".!?"):
            right_start += 1
        return tuple(s for s in (Span(self.content.start, left_end), Span(right_start, self.content.end))
                     if s.end > s.start)

    def said(self, text: str) -> str:
        """What was said, as words: the content, with an interrupting attribution cut out."""
        pieces = [text[s.start : s.end] for s in self.parts(text)]
        return (ELISION if self.kind == "direct" else " ").join(pieces)
