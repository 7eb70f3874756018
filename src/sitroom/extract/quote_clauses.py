"""Reported clauses beside the quotations of a document: indirect speech joins the direct quotes where
it says something of its own, and a clause that holds a few quoted words is one quote with them ('asked
the police to release the videos “as a matter of trust”', as PolNeAR and PARC mark a mixed quote)."""

from __future__ import annotations

import re
from bisect import bisect_left, insort

from sitroom.extract.attributions import indirect_in
from sitroom.extract.speakers import AUTHOR_VOICE
from sitroom.model.evidence import Span
from sitroom.model.quote import QuoteFinding

_NO_SOURCE = AUTHOR_VOICE | {"you", "everything", "nothing", "something", "anything"}
"""Subjects of a cue outside any quotation that are no one's source: the writer, the reader addressed, and
what no one in particular suggests."""
_CLOSING = "”\"’»'"
_END = ".,!?;:"


class Spans:
    """Spans in order of their start, each with an owner: those overlapping a span are found among the
    ones starting near it, never by a scan of the whole document."""

    def __init__(self) -> None:
        self.entries: list[tuple[int, int, int]] = []  # (start, end, owner)
        self.longest = 0

    def add(self, span: Span, owner: int) -> None:
        insort(self.entries, (span.start, span.end, owner))
        self.longest = max(self.longest, span.end - span.start)

    def overlapping(self, span: Span) -> list[tuple[Span, int]]:
        lo = bisect_left(self.entries, (span.start - self.longest, -1, -1))
        hi = bisect_left(self.entries, (span.end, -1, -1))
        return [(Span(s, e), owner) for s, e, owner in self.entries[lo:hi] if s < span.end and span.start < e]

    def drop(self, owners: set[int]) -> None:
        self.entries = [entry for entry in self.entries if entry[2] not in owners]


def with_reported_clauses(text: str, found: list[QuoteFinding], sentences) -> list[QuoteFinding]:
    """``found`` (the direct quotes and labelled turns, in order) with the indirect speech of
    ``sentences`` ((offset, spaCy sentence) pairs) that overlaps none of them, and each clause that
    holds quotations in place of them; sorted by content."""
    kept: list[QuoteFinding | None] = list(found)
    taken = Spans()
    for k, q in enumerate(found):
        taken.add(q.evidence, k)
    for offset, sent in sentences:
        for finding in indirect_in(offset, sent):
            if finding.speaker is not None and text[finding.speaker.start : finding.speaker.end].lower() \
                    in _NO_SOURCE:
                continue  # ("Let me remind you that ...", "you ask what ...", "Everything suggests that ...")
            near = taken.overlapping(finding.content)
            if not near:
                kept.append(finding)
                taken.add(finding.content, len(kept) - 1)
            elif (inner := _quoted_inside(text, finding, {k: kept[k] for _, k in near})) is not None:
                merged = _mixed(text, finding, [kept[k] for k in sorted(inner)])
                for k in inner:
                    kept[k] = None
                taken.drop(inner)
                kept.append(merged)
                taken.add(merged.content, len(kept) - 1)
    return sorted((q for q in kept if q is not None), key=lambda q: q.content.start)


def _said(text: str, content: Span) -> Span:
    """A quotation's words without the full stop or comma American style puts inside the marks."""
    end = content.end
    while end > content.start and text[end - 1] in _END:
        end -= 1
    return Span(content.start, end)


def _quoted_inside(text: str, clause: QuoteFinding, near: dict[int, QuoteFinding]) -> set[int] | None:
    """The quotations a reported clause holds: the indices of the quotes it overlaps (``near``) when each
    is a direct one whose words lie inside it and whose cue, if any, is the clause's, and the clause has
    words of its own (not “A,” he says: the quotation alone); else None."""
    if not all(q.kind == "direct" and clause.content.contains(_said(text, q.content))
               and q.cue in (None, clause.cue) for q in near.values()):
        return None
    own, start = [], clause.content.start
    for content in sorted(_said(text, q.content) for q in near.values()):
        own.append(text[start : content.start])
        start = content.end
    own.append(text[start : clause.content.end])
    return set(near) if re.search(r"\w", "".join(own)) else None


def _mixed(text: str, clause: QuoteFinding, quoted: list[QuoteFinding]) -> QuoteFinding:
    """A clause partly quoted, as one indirect quote: the clause's words (to the closing mark of a
    quotation it ends in), cue and speaker (else the quotation's speaker)."""
    speaker = clause.speaker or next((q.speaker for q in quoted if q.speaker is not None), None)
    end = max([clause.content.end] + [q.content.end for q in quoted
                                      if q.content.end - clause.content.end <= 2])
    closing = re.match(f"[{_END}]?(?:''|[{_CLOSING}])", text[end : end + 3])
    end += closing.end() if closing else 0  # (the ferry “will not sail again,”: its closing mark too)
    parts = [clause.evidence] + [q.evidence for q in quoted]
    return QuoteFinding("indirect", Span(clause.content.start, end), clause.cue, speaker,
                        Span(min(p.start for p in parts), max([p.end for p in parts] + [end])))
