"""Word filters: a cheap proof that a regular expression cannot match a text, because every match of it
holds one of some words and the text holds none.

Python's ``re`` tries an alternation of many words at every position of a text; ``str.__contains__``
finds a word in a fraction of that time, so extractors run their costly patterns only on the passages
that pass the filter. A filter must never turn away a text its expression matches:

- the text is compared lowercased, with every run of white space made one space (the ``\\s+`` an
  expression puts between the words of a phrase);
- a text holding a letter that an ignore-case expression matches with an ASCII letter although
  ``str.lower`` does not turn it into that letter (dotted and dotless i, long s, the Kelvin sign) passes
  every filter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_FOLDED_LIKE_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")


class Words:
    """A text (or ``text[start:end]``) as word filters see it."""

    __slots__ = ("_lowered",)

    def __init__(self, text: str, start: int = 0, end: int | None = None):
        piece = text[start:end]
        self._lowered = None if _FOLDED_LIKE_ASCII.search(piece) else " ".join(piece.lower().split())

    def holds_any(self, words: Iterable[str]) -> bool:
        """True when the text may hold one of ``words`` (lowercase; a phrase's words one space apart)."""
        return self._lowered is None or any(map(self._lowered.__contains__, words))
