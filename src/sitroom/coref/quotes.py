"""Where direct quotations stand in a passage's text: a pronoun inside one is the speaker's word, not the
narrator's (coref/references.py)."""

from __future__ import annotations

_OPENINGS = ("“", '"', "''")


def quoted_at(text: str, at: int) -> bool:
    """Inside a direct quotation of its paragraph (``at`` a character offset in ``text``)."""
    before = text[text.rfind("\n", 0, at) + 1 : at]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1 \
        or before.count("''") % 2 == 1  # ''He said so,'' in some archives' plain text


def quote_opening(text: str, at: int) -> int | None:
    """Where the direct quotation of its paragraph that ``at`` (a character offset in ``text``) is in
    opens (the offset just after its opening mark), or None outside one."""
    line = text.rfind("\n", 0, at) + 1
    if not quoted_at(text, at):
        return None
    mark, end = _last_mark(text, line, at)
    while mark > line and quoted_at(text, mark):  # the mark that opened it, not one it closed
        mark, end = _last_mark(text, line, mark)
    return end if mark >= line else None


def _last_mark(text: str, start: int, end: int) -> tuple[int, int]:
    """The last quotation mark in ``text[start:end]``: where it starts and ends (-1, -1 if none)."""
    found = max((text.rfind(m, start, end), m) for m in _OPENINGS)
    return (found[0], found[0] + len(found[1])) if found[0] >= 0 else (-1, -1)
