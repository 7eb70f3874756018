"""Limits and defaults that a user may change; one place so every stage agrees."""

from dataclasses import dataclass

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")


@dataclass(frozen=True)
class Settings:
    max_file_bytes: int = 50 * 1024 * 1024
    """Files larger than this are refused before reading (a .jsonl file counts whole)."""
    max_document_chars: int = 2_000_000
    """One document's source text longer than this is refused."""
    max_document_seconds: float = 120.0
    """Cleaning and analysing one document may take this long; then it fails and the batch goes on."""


DEFAULT = Settings()
