"""Extractors: from an analysed passage to records with evidence (pure functions, no I/O)."""
