"""A mention of an actor in one document: where it is, what it says, what it stands for."""

from __future__ import annotations

from dataclasses import dataclass

from sitroom.model.evidence import Span

ACTOR_KINDS = ("person", "organization", "state", "armed_group", "location", "other")
"""The kinds of actor (the export contract's ``Actor.kind``)."""


@dataclass(frozen=True)
class Mention:
    span: Span
    text: str
    label: str
    kind: str
    """``person``, ``organization``, ``state``, ``location`` (``armed_group`` is decided per actor)."""
    country: str | None
    sentence: int
    """Index of the sentence in the document's sentence list."""
    subject: bool = False
    """The mention is the grammatical subject of its clause."""
    speaker: bool = False
    """The mention is the subject of a verb that reports speech ("X said", "X replied"): within the
    document, the one a later "he added" most likely continues (not stored)."""
    pronoun: bool = False
    antecedent: int | None = None
    """For a pronoun or a description: the index of the mention it stands for."""
    armed: bool = False
    """Words of armed conflict stand next to it ("rebel fighters", "militant group")."""
    dateline: bool = False
    """The place of the article's dateline ("VEXLEY, May 6 (AP) —"): a location, never a participant."""
    cue: str | None = None
    """What the words around it say it is, for the document's vote on its kind: ``person`` ("X, a
    fruit exporter", a speaker with a first name) or ``place`` ("in X", "the town of X", "X province")."""
    sense: str | None = None
    """``city`` for a US state's bare name read as the big city named for it ("met in New York"):
    that city's actor, not the state's (extract/kind_cues.py ``city_sense``)."""


@dataclass(frozen=True)
class RoleFinding:
    """A title or role a text gives a person mention ("Transport Minister", "a fruit exporter")."""

    mention: int
    """Index of the person mention in the document's mention list."""
    title: str
    of: str | None
    when: tuple[str, str | None] | None
    span: Span
