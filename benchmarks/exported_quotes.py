"""PolNeAR quotes read back from a room's JSON export, as the evaluation reads them.

A room is built from the split's texts (``sitroom build``, with the new code or a baseline's) and
exported (``sitroom export --format json``). Each exported quote becomes a prediction: its content is
where the quote's ``text`` lies inside its ``evidence`` (the parts of an interrupted quotation, joined
by " … ", from the first to the last), its cue where the ``cue`` lies, and its speaker every mention
of the speaker actor in that document: the speaker is right when one of them overlaps the gold
Source span ("he said" counts only when that "he" was resolved to the actor).
"""

from __future__ import annotations

import tempfile
from collections import defaultdict
from pathlib import Path

import baseline

from sitroom.model.evidence import Span
from sitroom.model.quote import ELISION


def predictions(export: dict, texts: dict[str, str]) -> dict[str, list[tuple]]:
    """Article stem -> ``(content, cue, speaker mentions)`` per exported quote; the speaker mentions
    are a tuple of Spans (empty when the quote has no speaker actor)."""
    stem = {d["id"]: Path(d["source"]).stem for d in export.get("documents", [])}
    mentions: dict[tuple[str, str], list[Span]] = defaultdict(list)
    for actor in export.get("actors", []):
        for m in actor["mentions"]:
            mentions[(actor["id"], m["document"])].append(Span(m["start"], m["end"]))
    out: dict[str, list[tuple]] = defaultdict(list)
    for q in export.get("quotes", []):
        ev = q["evidence"]
        name = stem.get(ev["document"])
        if name not in texts:
            continue
        content = _located(q["text"], texts[name], ev["start"], ev["end"])
        if content is None:
            continue
        cue = _found(q["cue"], texts[name], ev["start"], ev["end"])
        speaker = tuple(mentions.get((q["speaker"], ev["document"]), ())) if q["speaker"] else ()
        out[name].append((content, cue, speaker))
    return out


def _located(said: str, text: str, start: int, end: int) -> Span | None:
    """Where the quote's words are inside its evidence: from its first part to its last."""
    parts = [p for p in said.split(ELISION) if p]
    if not parts:
        return None
    head, tail = parts[0][:40], parts[-1][-40:]
    i = text.find(head, start, end)
    j = text.rfind(tail, start, end)
    if i < 0 or j < 0 or j + len(tail) <= i:
        return None
    return Span(i, j + len(tail))


def _found(words: str | None, text: str, start: int, end: int) -> Span | None:
    i = text.find(words, start, end) if words else -1
    return Span(i, i + len(words)) if i >= 0 else None


def built_and_exported(src: Path | None, folder: Path, notes: list[str]) -> dict:
    """The export of a room built from ``folder`` with ``src``'s code (None: the new code); {} on
    failure (the reason in ``notes``)."""
    with tempfile.TemporaryDirectory(prefix="sitroom-quotes-") as tmp:
        room = Path(tmp) / "room.duckdb"
        if not baseline.build_room(src, folder, room, notes):
            return {}
        return baseline.export_room(src, room, notes)
