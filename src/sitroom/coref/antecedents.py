"""Which person named before a pronoun it stands for, by where people are named: the nearest window of
sentences that names people decides (a subject before a mere mention); a person named alone in the
pronoun's paragraph, as no subject, still counts when no one else is near."""

from __future__ import annotations

from collections.abc import Sequence
from collections.abc import Set as AbstractSet

from sitroom.coref.identity import Identity
from sitroom.coref.quotes import quoted_at
from sitroom.model.mention import Mention
from sitroom.nlp.parsed import text_of

WINDOW = 2
"""Sentences back (beyond the pronoun's own) that the nearest named people are looked for in."""


def lone_candidates(sdoc, offset: int, persons: list[tuple[int, Mention]]) -> set[int]:
    """The persons named in this paragraph (``sdoc`` at ``offset``) as a name of their own, not as a
    modifier ("the Karl Lund briefing room") nor inside a quote: those a pronoun may stand for though
    named as no subject."""
    ends = {offset + t.idx + len(t.text): t for t in sdoc}
    return {i for i, m in persons if m.span.start >= offset and (tok := ends.get(m.span.end)) is not None
            and tok.dep_ != "compound" and not quoted_at(text_of(sdoc), tok.idx)}


def antecedent(persons: list[tuple[int, Mention]], start: int, sentence: int,
                who: dict[int, Identity], speaking: bool = False,
                chain: Sequence[tuple[int, Mention]] = (),
                lone_ok: AbstractSet[int] = frozenset()) -> int | None:
    """The nearest window (this sentence, then one more back, ...) that names people decides; a
    pronoun that speaks ("he added") continues the last one the window names speaking. A person named
    alone before, as no subject, is taken when no window decides, if ``lone_ok`` holds them (named in the
    pronoun's paragraph) and no pronoun of ``chain`` (the document's pronouns so far, with the person
    each stands for) stands for someone else within the window."""
    lone = None  # the one person named before, not as a subject: theirs if no one else is named (and
    # named in the pronoun's paragraph, ``lone_ok``)
    for reach in range(WINDOW + 1):
        window = sorted(((i, m) for i, m in persons
                         if m.span.end <= start and sentence - reach <= m.sentence <= sentence),
                        key=lambda found: found[1].span.start)
        people = {who[i].key for i, _ in window}
        if len(people) == 1:  # the one person named: in the pronoun's sentence, or a subject before
            if reach == 0 or any(m.subject for _, m in window):
                return window[-1][0]
            lone = window[-1][0]  # ("contracts flowed to X. In 2009, he and Y bought ...": X)
        if len(people) > 1:
            speakers = [i for i, m in window if m.speaker]
            if speaking and speakers:
                return speakers[-1]
            subjects = [(i, m) for i, m in window if m.subject]
            if len({who[i].key for i, _ in subjects}) == 1:
                return subjects[-1][0]
            return None
    if lone in lone_ok and not any(who[i].key != who[lone].key and sentence - WINDOW <= m.sentence
                                   and m.span.end <= start for i, m in chain):
        return lone  # (unless a pronoun near stands for someone else: "X met Y. He ... Y ... He")
    if speaking:  # "“...,” X said. “...” ¶ “...” ¶ “...,” he added": the one speaking goes on speaking
        earlier = [i for i, m in persons if m.speaker and m.span.end <= start
                   and sentence - SPEAKER_REACH <= m.sentence < sentence - WINDOW]
        return earlier[-1] if earlier else None
    return None


SPEAKER_REACH = 6
"""Sentences back that a speaking pronoun ("he added") may reach for the last one who spoke."""
