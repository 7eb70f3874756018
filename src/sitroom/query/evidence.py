"""Evidence in context: the sentence(s) around a span, split so the span can be highlighted."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from sitroom.store.room import Room


@dataclass
class Context:
    """Sentences and document facts of a room, loaded once for many spans."""

    texts: dict[str, str]
    sentences: dict[str, list[tuple[int, int]]]
    docs: dict[str, dict]

    @classmethod
    def load(cls, room: Room) -> Context:
        texts, docs = {}, {}
        rows = room.db.execute(
            "SELECT id, text, title, outlet, source, published, published_basis FROM documents").fetchall()
        for doc_id, text, title, outlet, source, published, basis in rows:
            texts[doc_id] = text
            docs[doc_id] = {"id": doc_id, "title": title, "outlet": outlet, "source": source,
                            "published": published, "published_basis": basis}
        sentences: dict[str, list[tuple[int, int]]] = {}
        for doc_id, start, end in room.db.execute(
                "SELECT document, start_offset, end_offset FROM sentences ORDER BY document, start_offset"
        ).fetchall():
            sentences.setdefault(doc_id, []).append((start, end))
        return cls(texts, sentences, docs)

    def around(self, doc_id: str, start: int, end: int) -> dict:
        """``before``, ``mark`` and ``after``: the sentences holding the span, the span in the middle."""
        text = self.texts[doc_id]
        spans = self.sentences.get(doc_id, [])
        starts = [s for s, _ in spans]
        first = bisect.bisect_right(starts, start) - 1
        last = bisect.bisect_right(starts, max(end - 1, start)) - 1
        left = spans[first][0] if first >= 0 and spans[first][1] >= start else start
        right = spans[last][1] if last >= 0 and spans[last][1] >= end else end
        left, right = min(left, start), max(right, end)
        return {"document": doc_id, "start": start, "end": end, "before": text[left:start],
                "mark": text[start:end], "after": text[end:right], **{
                    k: v for k, v in self.docs[doc_id].items() if k != "id"}}
