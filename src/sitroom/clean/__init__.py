"""Separating article body from site chrome and reader comments, and reading document metadata."""

from sitroom.clean.document import clean

__all__ = ["clean"]
