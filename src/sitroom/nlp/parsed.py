"""What every extractor asks of a parsed passage, computed once per spaCy ``Doc``.

spaCy builds some answers anew on each access: ``Doc.text`` joins the text of every token (a Python
``Token`` object each), and ``Token.sent`` makes two ``Span`` objects and scans the sentence for its
bounds. Asked per token or per mention, both make a passage's cost grow with its square. Here they are
computed once and kept in the ``Doc``'s ``user_data`` (so they live exactly as long as the parse).
"""

from __future__ import annotations

_TEXT = "sitroom_text"
_STARTS = "sitroom_sentence_starts"


def text_of(sdoc) -> str:
    """The passage's text (``sdoc.text``), read once."""
    text = sdoc.user_data.get(_TEXT)
    if text is None:
        text = sdoc.user_data[_TEXT] = sdoc.text
    return text


def known_text(sdoc, text: str) -> None:
    """Record ``text`` as the passage's text: what was given to spaCy, so that nothing rebuilds it."""
    sdoc.user_data[_TEXT] = text


def sentence_starts(sdoc) -> list[int]:
    """For each token index, the index of the first token of its sentence (``tok.sent.start``)."""
    starts = sdoc.user_data.get(_STARTS)
    if starts is None:
        starts = [0] * len(sdoc)
        for sent in sdoc.sents:
            starts[sent.start : sent.end] = [sent.start] * (sent.end - sent.start)
        sdoc.user_data[_STARTS] = starts
    return starts
