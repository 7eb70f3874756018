"""Deciding which mentions are one actor: within a document, then across documents."""
