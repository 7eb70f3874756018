"""Speaker labels: a transcript's turns ("NOLAN: Let's start with ...") and a headline that gives a
speaker and what they said ("Poll: Race tightens ...", "Lund: the council must act"). The name, a colon,
then the words: the label is the speaker, the rest is what was said."""

from __future__ import annotations

import re
from collections import Counter

from sitroom.extract.speakers import DOCUMENTS
from sitroom.model.evidence import Span

LABEL = re.compile(r"(?P<label>[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,2}):[ \t]+(?=[\"“‘']?\w)")
"""One to three capitalised words and a colon, then words: at the start of a line or of a quotation."""
NOT_SPEAKERS = frozenset({
    "update", "updated", "note", "editor", "editors", "editor's", "photo", "photos", "video", "watch", "read",
    "related", "correction", "source", "sources", "listen", "q", "a", "question", "answer", "warning",
    "breaking", "exclusive", "opinion", "analysis", "live", "more", "see", "also", "caption", "credit",
    "disclosure", "clarification", "advertisement", "sponsored", "transcript", "topics", "tags", "share",
    "email", "follow", "contact", "subscribe", "image", "graphic", "map", "chart", "step", "part", "chapter",
    "day", "week", "year", "rule", "lesson", "tip", "example", "p.s", "ps", "bottom line", "why", "what",
    "how", "when", "where", "who", "the", "and", "but", "or", "so", "yes", "no", "here", "now", "this",
    "that", "these", "those", "it", "there", "then"})
"""Labels that head a line without naming anyone who speaks ("UPDATE:", "Q:", "Photo:", "Why:")."""
_SPEAKER_TYPES = ("PERSON", "ORG", "NORP", "GPE")


def labelled_in(text: str, starts: list[int], sentences) -> list[tuple[Span, Span, str]]:
    """``(label, content, kind)`` for every speaker label at one of ``starts`` (offsets where a line or a
    quotation begins). A label names a speaker when the parse makes it a person, an organisation, a
    people or a state, a poll or a report ("Poll:"), or when it is in capitals and two or more such labels
    open lines (a transcript: "NOLAN:", "LUND:"). A turn of a transcript runs to the end of its line
    (a direct quote); a headline's words to the end of their sentence (what the speaker said, in the
    writer's words)."""
    found = [(start, m) for start in starts if (m := LABEL.match(text, start))]
    turns = Counter(m.group("label") for _, m in found if m.group("label").isupper()
                    and m.group("label").lower() not in NOT_SPEAKERS)
    named = {t.lower_ for _, sent in sentences for t in sent if t.ent_type_ in _SPEAKER_TYPES} if found \
        else set()
    out = []
    for _, m in found:
        label = m.group("label")
        if label.lower().rstrip(".") in NOT_SPEAKERS or label.split()[0].lower() in NOT_SPEAKERS:
            continue
        span = Span(m.start("label"), m.end("label"))
        transcript = label.isupper() and len(label) >= 2 and sum(turns.values()) >= 2
        if not transcript and not _names_a_speaker(span, sentences, named):
            continue
        line_end = text.find("\n", m.end())
        end = len(text) if line_end < 0 else line_end
        if not transcript:
            end = min(end, next((o + s.end_char for o, s in sentences if o + s.start_char <= m.end()
                                 < o + s.end_char), end))
        while end > m.end() and (text[end - 1].isspace() or text[end - 1] in "\"”’'."):
            end -= 1
        content = Span(m.end(), end)
        if len(text[content.start : content.end].split()) >= 3:
            out.append((span, content, "direct" if transcript else "indirect"))
    return out


def _names_a_speaker(label: Span, sentences, named: set[str]) -> bool:
    """The label's words are a name the parse tags (here or, as "Lund:" in a headline, elsewhere in
    the text), or a poll or a report."""
    for offset, sent in sentences:
        if offset + sent.start_char <= label.start < offset + sent.end_char:
            tokens = [t for t in sent if label.start <= offset + t.idx < label.end]
            return bool(tokens) and (tokens[-1].lower_ in named or any(
                t.ent_type_ in _SPEAKER_TYPES or t.lemma_.lower() in DOCUMENTS for t in tokens))
    return False


def line_starts(text: str, regions: list[Span]) -> list[int]:
    """Where each line of ``regions`` begins, after its indentation."""
    return sorted({r.start for r in regions} | {r.start + m.end() for r in regions
                                                 for m in re.finditer(r"\n[ \t]*", text[r.start : r.end])})
