"""Descriptions that stand for an actor named before: "the envoy", "the Vermont senator", "the prime
minister's meeting", "the governor" (of whom the text named a governor of somewhere) take the last person
whose role holds that word and its qualifiers; "the agency", "the brigade" the last organisation whose
name ends in it, else the one organisation of this or the previous sentence (coref/references.py links
them)."""

from __future__ import annotations

from dataclasses import replace

from sitroom.data.names import group_nouns, has_role_word, org_key, role_words, short_title, title_words
from sitroom.model.mention import Mention, RoleFinding


def description(tok) -> list[str] | None:
    """ "the envoy", "the Vermont senator": a role noun after "the" and capitalised words that qualify
    it, outside any name: those words (lower case, maybe none), else None."""
    if not (tok.pos_ == "NOUN" and tok.tag_ == "NN" and not tok.ent_type_
            and tok.dep_ in ("nsubj", "nsubjpass", "poss", "pobj", "dobj") and has_role_word(tok.text)):
        return None
    qualifiers = _qualifiers(tok)
    before = tok.i - 1 - len(qualifiers)
    return qualifiers if before >= 0 and tok.doc[before].lower_ == "the" else None


def _qualifiers(tok) -> list[str]:
    """Up to two words right before a role noun that qualify it: capitalised ("the Vermont senator") or
    part of the title ("the prime minister", "the foreign minister")."""
    found, i = [], tok.i - 1
    while i >= 0 and len(found) < 2 and tok.doc[i].head.i == tok.i \
            and tok.doc[i].dep_ in ("compound", "amod") and _qualifying(tok.doc[i], tok):
        found.append(tok.doc[i].lower_)
        i -= 1
    return found


def _qualifying(word, role) -> bool:
    return word.text[:1].isupper() or f"{word.lower_} {role.lower_}" in role_words() \
        or word.lower_ in title_words("portfolios") or word.lower_ in ("former", "ex")  # ("the former X")


_LESSER = {"vice", "deputy", "assistant", "acting", "former", "ex", "under", "lieutenant"}
"""Words that make a title another one: "the president" is no "Vice President"."""


SOLE_OFFICES = {"president", "king", "queen", "chancellor", "pope", "emperor"}
"""Offices one person holds at a time: far from any name, "the president" is the sitting one, whom
the text need not have named with the title."""
SOLE_OFFICE_REACH = 3
"""Sentences back (its own included) in which a holder of a sole office must be named for "the
president" to be that holder."""


def described(persons, roles: list[RoleFinding], word: str, start: int, sentence: int,
               qualifiers: list[str] = ()) -> int | None:
    def holds(title: str) -> bool:  # ("the Vermont senator" is a Vermont senator: "Vermont Sen. X")
        # (the office, not what it is of: "governor of the province" is a governor)
        words = [(short_title(w) or w).lower() for w in title.split(" of ")[0].replace("-", " ").split()]
        return bool(words) and words[-1].rstrip("s") == word.rstrip("s") \
            and not (_LESSER - set(qualifiers)) & set(words) and all(q in words for q in qualifiers)

    holders = {r.mention for r in roles if holds(r.title)}
    before = [(i, m) for i, m in persons if i in holders and m.span.end <= start]
    if before and word in SOLE_OFFICES and before[-1][1].sentence <= sentence - SOLE_OFFICE_REACH:
        return None  # "President X" long ago, then "Congress required the president to ..."
    return before[-1][0] if before else None


def group_description(tok) -> bool:
    """ "the agency", "the brigade", "the group": an organisation's head noun after "the"."""
    return (tok.pos_ == "NOUN" and tok.tag_ == "NN" and tok.i > 0 and tok.doc[tok.i - 1].lower_ == "the"
            and not tok.ent_type_ and tok.lower_ in group_nouns()
            and tok.dep_ in ("nsubj", "nsubjpass", "poss", "pobj", "dobj", "agent"))


def group_described(groups: list[tuple[int, Mention]], word: str, start: int, sentence: int) -> int | None:
    """The last organisation whose name ends in the word ("the brigade" = "Northern Shield Brigade");
    else, for any group noun, the one organisation named in this or the previous sentence."""
    before = [(i, m) for i, m in groups if m.span.end <= start]
    named = [i for i, m in before if m.text.split()[-1].lower() == word]
    if named:
        return named[-1]
    near = [(i, m) for i, m in before if m.sentence >= sentence - 1
            and m.text.split()[-1].lower() not in group_nouns()]  # "the agency" is no "... Brigade"
    return near[-1][0] if len({org_key(m.text) for _, m in near}) == 1 else None


def unlinked_group_descriptions(mentions: list[Mention]) -> list[Mention]:
    """ "the party" stands for an organisation; where the name it was linked to turned out a person
    (a surname the tagger took for an organisation), the description stands for no one."""
    out = []
    for m in mentions:
        words = m.text.lower().split()
        if m.pronoun and m.antecedent is not None and len(words) == 2 and words[-1] in group_nouns() \
                and mentions[m.antecedent].kind not in ("organization", "armed_group"):
            m = replace(m, antecedent=None)
        out.append(m)
    return out
