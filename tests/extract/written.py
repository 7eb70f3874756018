"""A document written for a test, cleaned and analysed with the real spaCy model."""

from __future__ import annotations

from sitroom.clean.document import clean
from sitroom.extract.analysis import analyse
from sitroom.model.document import SourceText
from sitroom.nlp.model import load_model


def analysed(text: str):
    """The analysis (mentions, events, quotes, ...) of a plain-text document ``text``."""
    doc = clean(SourceText(id="w", source="w.txt", origin="w.txt", format="text", text=text,
                           content_hash=str(hash(text)), encoding="utf-8"))
    return analyse(doc, load_model())
