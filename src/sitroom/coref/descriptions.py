"""Descriptions that stand for an actor named before: "the envoy", "the Vermont senator", "the prime
minister's meeting", "the governor" (of whom the text named a governor of somewhere) take the last person
whose role holds that word and its qualifiers; "the agency", "the brigade" the last organisation whose
name ends in it, else the one organisation of this or the previous sentence (coref/references.py links
them)."""

from __future__ import annotations

import re
from dataclasses import replace

from sitroom.data.names import group_nouns, has_role_word, org_key, role_words, short_title, title_words
from sitroom.model.mention import Mention, RoleFinding


def description(tok) -> list[str] | None:
    """ "the envoy", "the Vermont senator", "the former three-term governor": a role noun after "the" and
    words that qualify it, outside any name: the capitalised or title words among them (lower case,
    maybe none), else None."""
    if not (tok.pos_ == "NOUN" and tok.tag_ == "NN" and not tok.ent_type_
            and tok.dep_ in ("nsubj", "nsubjpass", "poss", "pobj", "dobj") and has_role_word(tok.text)):
        return None
    qualifiers, before = _qualifiers(tok)
    return qualifiers if before >= 0 and tok.doc[before].lower_ == "the" else None


_MODIFIERS = frozenset({"compound", "amod", "nummod", "punct", "npadvmod", "advmod"})
"""Words between "the" and a role noun that may describe it ("the former three-term governor")."""


def _qualifiers(tok) -> tuple[list[str], int]:
    """The words right before a role noun that qualify it: up to two capitalised ones ("the Vermont
    senator") or parts of the title ("the prime minister", "the foreign minister"), past other
    describing words ("three-term"); and the index of the word before them all."""
    found, i = [], tok.i - 1
    while i >= 0 and len(found) < 2 and tok.doc[i].dep_ in _MODIFIERS and tok.doc[i].lower_ != "the" \
            and tok.i in [tok.doc[i].head.i, tok.doc[i].head.head.i]:
        if _qualifying(tok.doc[i], tok):
            found.append(tok.doc[i].lower_)
        elif not (tok.doc[i].is_lower or tok.doc[i].like_num or tok.doc[i].text == "-"):
            break
        i -= 1
    return found, i


def _qualifying(word, role) -> bool:
    return word.text[:1].isupper() or f"{word.lower_} {role.lower_}" in role_words() \
        or word.lower_ in title_words("portfolios") or word.lower_ in ("former", "ex")  # ("the former X")


_OFFICE_ENDS = re.compile(r"\s(?:of|at|in|for|from|with|to|on)\s")
"""Where a title's office ends and what it is of begins ("professor at the university")."""
_LESSER = {"vice", "deputy", "assistant", "acting", "former", "ex", "under", "lieutenant"}
"""Words that make a title another one: "the president" is no "Vice President"."""


SOLE_OFFICES = {"president", "king", "queen", "chancellor", "pope", "emperor"}
"""Offices one person holds at a time: far from any name, "the president" is the sitting one, whom
the text need not have named with the title."""
SOLE_OFFICE_REACH = 3
"""Sentences back (its own included) in which a holder of a sole office must be named for "the
president" to be that holder."""


def described(persons, roles: list[RoleFinding], word: str, start: int, sentence: int,
               qualifiers: list[str] = (), keys: dict[int, str] | None = None, subject: bool = False
               ) -> int | None:
    """The person mention (index) a description of ``word`` ("senator") with ``qualifiers`` stands for:
    the last person named before ``start`` whose role holds the word and its qualifiers; else the one
    person (by ``keys``, each person mention's identity) whose role holds the word with no other place
    ("Sen. X" for "the Vermont senator"); else, for a qualified description that is its clause's
    ``subject`` where no one named holds the word, the one person who was a subject of the sentence
    before, named before it too, and holds no other office ("X told Politico ... X said. The former
    governor dismissed ...")."""
    def office(title: str) -> list[str]:  # ("governor of the province", "professor at X" is a governor)
        head = _OFFICE_ENDS.split(title, maxsplit=1)[0]
        return [(short_title(w) or w).lower() for w in head.replace("-", " ").split()]

    def holds(title: str, places: bool = True) -> bool:  # ("the Vermont senator" is a "Vermont Sen. X")
        words = office(title)
        return bool(words) and words[-1].rstrip("s") == word.rstrip("s") \
            and not (_LESSER - set(qualifiers)) & set(words) \
            and (all(q in words for q in qualifiers) if places else (
                not _elsewhere(title, qualifiers) and all(q in words for q in qualifiers if q in _LESSER)))

    if set(qualifiers) & {m.text.split()[-1].lower() for _, m in persons}:
        return None  # ("the Ostrom campaign spokesman" is someone of Ostrom's, not Ostrom)
    holders = {r.mention for r in roles if holds(r.title)}
    before = [(i, m) for i, m in persons if i in holders and m.span.end <= start]
    if before and word in SOLE_OFFICES and before[-1][1].sentence <= sentence - SOLE_OFFICE_REACH:
        return None  # "President X" long ago, then "Congress required the president to ..."
    if before or keys is None or word in SOLE_OFFICES:
        return before[-1][0] if before else None
    holders = {r.mention for r in roles if holds(r.title, places=False)}
    before = [(i, m) for i, m in persons if i in holders and m.span.end <= start]
    if before:
        return before[-1][0] if len({keys[i] for i, _ in before}) == 1 else None
    if not (subject and qualifiers) or any(office(r.title)[-1:] == [word] for r in roles):
        return None
    offices = {r.mention for r in roles if has_role_word(r.title)}
    told = [(i, m) for i, m in persons if m.subject and m.sentence == sentence - 1]
    if len({keys[i] for i, _ in told}) != 1 or any(keys.get(i) == keys[told[0][0]] for i in offices):
        return None
    # (one the story is about, named before that sentence too: not "X of the Post explained")
    return told[-1][0] if any(keys[i] == keys[told[0][0]] for i, m in persons if m.sentence < sentence - 1) \
        else None


def _elsewhere(title: str, qualifiers: list[str]) -> bool:
    """The title names a place or party the description does not ("California Gov." for "the Vermont
    governor")."""
    named = {w.lower().strip(".,") for w in title.split() if w[:1].isupper() and short_title(w) is None
             and w.lower().strip(".") not in _LESSER and not has_role_word(w)}
    return bool(named) and not named & set(qualifiers)


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
