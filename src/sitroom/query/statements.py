"""Quotes, claims and disagreements as the export contract shapes them."""

from __future__ import annotations

from sitroom.model.evidence import Span
from sitroom.model.quote import QuoteFinding
from sitroom.query.actors import names as actor_names
from sitroom.query.documents import evidence
from sitroom.query.documents import texts as load_texts
from sitroom.store.room import Room


def _actor_of(room: Room) -> dict[tuple[str, int], str]:
    return {(d, o): a for d, o, a in room.db.execute(
        "SELECT m.document, m.ordinal, am.actor FROM mentions m JOIN actor_members am "
        "ON am.document = m.document AND am.cluster = m.cluster").fetchall()}


def _when(start, end, basis) -> dict | None:
    return {"start": start, "end": end, "basis": basis} if start else None


def _span(start: int | None, end: int | None) -> Span | None:
    return Span(start, end) if start is not None else None


def quotes(room: Room, speaker: str | None = None) -> list[dict]:
    """Every quote, by document then start; ``speaker`` matches the actor id, its name or the words."""
    texts, actor_of = load_texts(room), _actor_of(room)
    names = actor_names(room)
    out = []
    for doc, n, kind, mention, s_start, s_end, c_start, c_end, q_start, q_end, start, end, w1, w2, wb in \
            room.db.execute("SELECT document, ordinal, kind, speaker_mention, speaker_start, speaker_end, "
                            "cue_start, cue_end, content_start, content_end, start_offset, end_offset, "
                            "when_start, when_end, when_basis FROM quotes "
                            "ORDER BY document, start_offset, ordinal").fetchall():
        text = texts[doc]
        actor = actor_of.get((doc, mention)) if mention is not None else None
        speaker_text = text[s_start:s_end] if s_start is not None else None
        if speaker and not any(speaker.casefold() in (x or "").casefold()
                               for x in (actor, names.get(actor), speaker_text)):
            continue
        said = QuoteFinding(kind, Span(q_start, q_end), _span(c_start, c_end), _span(s_start, s_end),
                            Span(start, end)).said(text)
        out.append({"id": f"{doc}:q{n}", "speaker": actor, "speaker_text": speaker_text, "kind": kind,
                    "cue": text[c_start:c_end] if c_start is not None else None,
                    "text": said, "when": _when(w1, w2, wb),
                    "evidence": evidence(doc, text, start, end)})
    return out


def claims(room: Room, subject: str | None = None) -> list[dict]:
    texts, actor_of = load_texts(room), _actor_of(room)
    speakers = {(d, n): m for d, n, m in room.db.execute(
        "SELECT document, ordinal, speaker_mention FROM quotes").fetchall()}
    out = []
    for doc, n, subj, value, unit, approx, quote, w1, w2, wb, start, end, upper, about in room.db.execute(
            "SELECT document, ordinal, subject, value, unit, approximate, quote, when_start, when_end, "
            "when_basis, start_offset, end_offset, upper, about_mention FROM claims "
            "ORDER BY document, start_offset, ordinal").fetchall():
        if subject and subject.casefold() not in subj.casefold():
            continue
        mention = speakers.get((doc, quote)) if quote is not None else None
        out.append({"id": f"{doc}:c{n}", "subject": subj, "value": value, "unit": unit,
                    "approximate": approx,
                    "attributed_to": actor_of.get((doc, mention)) if mention is not None else None,
                    "when": _when(w1, w2, wb), "evidence": evidence(doc, texts[doc], start, end)}
                   | ({"upper": upper} if upper is not None else {})
                   | ({"about": actor_of[(doc, about)]} if (doc, about) in actor_of else {}))
    return out


def disagreements(room: Room) -> list[dict]:
    return [{"id": i, "topic": t, "claims": list(c), "events": list(e), "note": n}
            for i, t, n, c, e in room.db.execute(
                "SELECT id, topic, note, claims, events FROM disagreements ORDER BY topic, id").fetchall()]
