"""sitroom: turn a pile of news articles into an evidence-backed picture of a situation."""

__version__ = "0.1.0"
