"""Pronouns and descriptions that stand for a person named before: "he said", "the envoy said".

No offline coreference model exists, so these are rules, and they only link when the text leaves
one reading: a pronoun takes the one person named in its sentence, else in the one before, else
two before; where the nearest such window names several people, the one that was the subject;
a description ("the envoy") takes the last person whose role holds that word.
"""

from __future__ import annotations

from sitroom.data.names import fold, has_role_word, name_tokens
from sitroom.model.evidence import Span
from sitroom.model.mention import Mention, RoleFinding

PRONOUNS = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
WINDOW = 2
"""Sentences back that a pronoun may reach."""


def references_in(sdoc, offset: int, sentence_index: dict[int, int], mentions: list[Mention],
                  roles: list[RoleFinding], scope: Span) -> list[Mention]:
    """New mentions (pronouns, descriptions) in one passage, each linked to an earlier mention.

    ``mentions`` are the document's named mentions so far; only those inside ``scope`` (the body,
    or this one comment) may be antecedents.
    """
    persons = [(i, m) for i, m in enumerate(mentions)
               if m.kind == "person" and not m.pronoun and scope.contains(m.span)]
    if not persons:
        return []
    found = []
    for tok in sdoc:
        start = offset + tok.idx
        sentence = sentence_index[tok.sent.start]
        if tok.lower_ in PRONOUNS and tok.tag_ in ("PRP", "PRP$"):
            index = _antecedent(persons, start, sentence)
        elif _description(tok):
            index = _described(persons, roles, tok.lower_, start)
        else:
            continue
        if index is None:
            continue
        first = sdoc[tok.i - 1] if tok.lower_ not in PRONOUNS else tok
        span = Span(offset + first.idx, start + len(tok.text))
        found.append(Mention(span, sdoc.text[span.start - offset : span.end - offset], "PRON",
                             "person", None, sentence, tok.dep_ in ("nsubj", "nsubjpass"),
                             pronoun=True, antecedent=index))
    return found


def _antecedent(persons: list[tuple[int, Mention]], start: int, sentence: int) -> int | None:
    """The nearest window (this sentence, then one more back, ...) that names people decides."""
    for reach in range(WINDOW + 1):
        window = [(i, m) for i, m in persons
                  if m.span.end <= start and sentence - reach <= m.sentence <= sentence]
        people = {_person_key(m) for _, m in window}
        if len(people) == 1:
            return window[-1][0]
        if len(people) > 1:
            subjects = [(i, m) for i, m in window if m.subject]
            if len({_person_key(m) for _, m in subjects}) == 1:
                return subjects[-1][0]
            return None
    return None


def _description(tok) -> bool:
    """ "the envoy", "the minister": a role noun after "the", outside any name."""
    return (tok.pos_ == "NOUN" and tok.tag_ == "NN" and tok.i > 0 and tok.doc[tok.i - 1].lower_ == "the"
            and not tok.ent_type_ and has_role_word(tok.text)
            and tok.dep_ in ("nsubj", "nsubjpass", "poss", "pobj", "dobj"))


def _described(persons, roles: list[RoleFinding], word: str, start: int) -> int | None:
    holders = {r.mention for r in roles if word.rstrip("s") in r.title.lower()}
    before = [(i, m) for i, m in persons if i in holders and m.span.end <= start]
    return before[-1][0] if before else None


def _person_key(mention: Mention) -> str:
    tokens = name_tokens(mention.text)
    return fold(tokens[-1]) if tokens else mention.text.lower()

