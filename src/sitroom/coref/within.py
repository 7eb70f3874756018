"""One document's mentions grouped into its actors: names and their short forms, acronyms,
references. Distinct names that merely share a word are kept apart."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from sitroom.coref.gender import (
    PRONOUN_GENDER,
    compatible,
    first_name_gender,
    honorific_gender,
    is_first_name,
    name_gender,
)
from sitroom.coref.quotes import quoted_at
from sitroom.data.countries import country_in
from sitroom.data.names import (
    firm_key,
    fold,
    initials,
    is_acronym,
    known_alias,
    name_tokens,
    never_a_surname,
    org_key,
    same_name_word,
)
from sitroom.data.places import is_place, place_name
from sitroom.model.clusters import UnionFind
from sitroom.model.mention import Mention

_INDEFINITE = re.compile(r"(?i)(?:a|an|one|another|some|several|many|other|two|three|four|five|a few)\s")
"""Opens a description of someone not yet known ("a witness", "another source"): no two are one."""


def cluster_document(mentions: list[Mention], text: str) -> list[int]:
    """A cluster number for each mention (0, 1, ... in order of first appearance)."""
    uf = UnionFind(len(mentions))
    for i, m in enumerate(mentions):
        if m.antecedent is not None:
            uf.union(i, m.antecedent)
    named = [i for i, m in enumerate(mentions) if not m.pronoun]
    _group(uf, [i for i in named if mentions[i].kind == "state"], lambda i: mentions[i].country)
    _group(uf, [i for i in named if mentions[i].kind in ("location", "other")
                and not (mentions[i].sense == "description" and _INDEFINITE.match(mentions[i].text))],
           lambda i: (mentions[i].kind, org_key(_place_name(mentions[i]))))  # ("a witness", "a witness": two)
    _people(uf, mentions, [i for i in named if mentions[i].kind == "person"], text)
    _organisations(uf, mentions, [i for i in named if mentions[i].kind == "organization"], text)
    numbers: dict[int, int] = {}
    return [numbers.setdefault(uf.find(i), len(numbers)) for i in range(len(mentions))]


def _place_name(m: Mention) -> str:
    """The place a name stands for, read in its sense (model/mention.py ``sense``)."""
    return place_name(m.text, m.sense)


def surnames_as_people(mentions: list[Mention]) -> list[Mention]:
    """ "Okafor" tagged as an organisation after "Ngozi Okafor": the tagger's slip, a person."""
    surnames = {fold(name_tokens(m.text)[-1]) for m in mentions
                if m.kind == "person" and not m.pronoun and len(name_tokens(m.text)) >= 2}
    return [replace(m, kind="person", country=None)
            if m.kind in ("organization", "location", "other") and " " not in m.text
            and not is_acronym(m.text) and not m.dateline and m.cue != "organization"
            and fold(m.text) in surnames
            and not never_a_surname(m.text) and not is_place(m.text, towns=False) else m
            for m in mentions]


FORMAL_HONORIFICS = ("mr", "mrs", "ms", "miss", "dr")
"""Honorifics of a house style that names people "Mr. X" after the first reference."""


def namesakes_in_formal_style(mentions: list[Mention], text: str) -> list[Mention]:
    """A bare surname acting as a subject, in a document that calls its bearer "Mr. X" (and names
    people so at least three times), is the firm or outlet named after the person, not the person:
    "Mr. Bloomberg ... Bloomberg estimates his fortune" (a house style that never writes a person's
    bare surname outside quotes). Only after the document's first honorific, so summaries above the
    text, written in another style, are not read so; never after a title, a first name or "the"."""
    formal: dict[str, int] = {}
    first = None
    for m in mentions:
        tokens = name_tokens(m.text)
        head = m.text.split(" ", 1)[0].strip(".").lower()
        if not m.pronoun and m.kind == "person" and head in FORMAL_HONORIFICS and tokens \
                and not quoted_at(text, m.span.start):
            formal[fold(tokens[-1])] = formal.get(fold(tokens[-1]), 0) + 1
            first = m.span.start if first is None else first
    if sum(formal.values()) < 3:
        return mentions
    return [replace(m, kind="organization", country=None, cue="organization")
            if m.subject and not m.pronoun and m.kind == "person" and " " not in m.text.strip()
            and fold(m.text) in formal and m.span.start > first and not quoted_at(text, m.span.start)
            and not _NAME_BEFORE.search(text[max(0, m.span.start - 40) : m.span.start]) else m
            for m in mentions]


_NAME_BEFORE = re.compile(r"(?:[A-Z][\w.]*|\bthe|\ba|[’']s|-)\s*$")
"""What may stand before a surname that is the person's after all: a title or first name ("President
X", "Hany X"), an article ("the X of lore"), a possessor ("Mr. Brolin's X", a role), a broken name."""


def _group(uf: UnionFind, indices: list[int], key) -> None:
    first: dict = {}
    for i in indices:
        k = key(i)
        if k in first:
            uf.union(first[k], i)
        else:
            first[k] = i


def compatible_people(a: list[str], b: list[str]) -> bool:
    """Two full names of one person: same surname, given names alike (or one an initial, or absent)."""
    if not a or not b:
        return False
    short, long = sorted((a, b), key=len)
    if len(short) >= 2 and all(same_name_word(x, y) for x, y in zip(short, long, strict=False)) \
            and same_given_name(short[0], long[0]) and len(long[len(short) - 1].rstrip(".")) > 2:
        return True  # "Ali Reza Hosseini" opens "Ali Reza Hosseini Nejad"; not "George W. Bush"
    if not same_name_word(a[-1], b[-1]) or middles_differ(a, b):
        return False
    given_a, given_b = a[:-1], b[:-1]
    if not given_a or not given_b:
        return True
    return same_given_name(given_a[0], given_b[0]) or _subset(given_a, given_b)


def same_given_name(a: str, b: str) -> bool:
    """Two spellings of one given name (``same_name_word``), unless they are two known given names
    (``two_given_names``). "Ed" opens "Edward": a short form."""
    if not same_name_word(a, b):
        return False
    short, long = sorted((fold(a), fold(b)), key=len)
    return long.startswith(short) or not two_given_names(a, b)


def two_given_names(a: str, b: str) -> bool:
    """Two given names both known as such whose consonants differ once spelling variants are set aside
    ("Ivana" / "Ivanka", "Maria" / "Marina"), or whose genders differ ("Alexandra" / "Alexander"); not
    "Mohammad" / "Muhammed", "Aleksandr" / "Alexander",
    "Stephen" / "Steven", "Catherine" / "Katherine", "Jon" / "John", "Jeffrey" / "Jeffery"."""
    if not (is_first_name(a) and is_first_name(b)):
        return False
    ga, gb = first_name_gender(a), first_name_gender(b)  # ("Alexandra" / "Alexander", "Carol" / "Carl")
    return _consonants(a) != _consonants(b) or (ga is not None and gb is not None and ga != gb)


_SPELLINGS = (("ph", "f"), ("v", "f"), ("x", "ks"), ("c", "k"), ("q", "k"), ("h", ""))


def _consonants(name: str) -> str:
    word = fold(name)
    for written, said in _SPELLINGS:
        word = word.replace(written, said)
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiouy]", "", word))


def _plain_beside_initials(a: tuple, b: tuple) -> bool:
    """ "George Bush" in a text that also writes "George W. Bush": the plain name may be the man told
    apart by his initial or his namesake, which the corpus decides (resolve/across.py)."""
    short, long = sorted((a, b), key=len)
    return len(short) == 2 and len(long) >= 3 and all(
        len(w.replace(".", "")) <= 2 and w[:1].isupper() for w in long[1:-1])


def middles_differ(a: list[str], b: list[str]) -> bool:
    """Both names have middle names or initials, and they differ: "George H.W. Bush" is no
    "George W. Bush" ("George Walker Bush" is)."""
    ma, mb = (_initials(n[1:-1]) for n in (a, b))
    return bool(ma) and bool(mb) and ma != mb


def _initials(words: list[str]) -> str:
    return "".join(part[0].upper() for w in words for part in w.replace(".", " ").split() if part)


def _subset(a: list[str], b: list[str]) -> bool:
    short, long = sorted((a, b), key=len)
    folded = {fold(t) for t in long}
    return all(fold(t) in folded for t in short)


def _people(uf: UnionFind, mentions: list[Mention], indices: list[int], text: str = "") -> None:
    tokens = {i: tuple(name_tokens(mentions[i].text)) for i in indices}
    said = {i: honorific_gender(mentions[i].text) if len(tokens[i]) == 1 else None for i in indices}
    by_name: dict[tuple, list[int]] = {}
    for i in indices:  # the same written name is one person within a document ("Mr. X" is no "Mrs. X")
        by_name.setdefault((tokens[i], said[i]), []).append(i)
    for (name, _), same in by_name.items():
        for j in same[1:] if len(name) >= 2 else ():
            uf.union(same[0], j)
    full = [n for n, _ in by_name if len(n) >= 2]
    first = {n: members[0] for (n, _), members in by_name.items() if len(n) >= 2}
    sentences = {n: {mentions[i].sentence for i in members} for (n, _), members in by_name.items()}
    for k, a in enumerate(full):
        for b in full[k + 1 :]:  # two names of one sentence are two people ("X Bush's son and X W. Bush")
            if compatible_people(list(a), list(b)) and not sentences[a] & sentences[b] \
                    and not _plain_beside_initials(a, b):
                uf.union(first[a], first[b])
    root_of = {n: uf.find(first[n]) for n in full}  # each full name's person, before surnames join
    starts = sorted(mentions[i].span.start for i in indices)
    introduced: dict[int, int] = {}  # where each person's full name is first written
    named_in: dict[int, list[int]] = {}  # the sentences naming each person in full
    for (n, _), members in by_name.items():
        if len(n) >= 2:
            root, start = root_of[n], mentions[first[n]].span.start
            introduced[root] = min(introduced.get(root, start), start)
            named_in.setdefault(root, []).extend(mentions[i].sentence for i in members)
    singles = []
    for (name, gender), members in by_name.items():
        if len(name) != 1:
            continue
        word = name[0]
        by_surname = {root_of[f] for f in full if same_name_word(f[-1], word)
                      and compatible(gender, name_gender(mentions[first[f]].text))}
        by_given = {root_of[f] for f in full if fold(f[0]) == fold(word)}
        match = by_surname if by_surname else by_given
        owner = next(iter(match)) if len(match) == 1 else None
        if owner is not None and _pronouns_disagree(members, mentions[owner], mentions, starts, text):
            owner = None  # "Marsh kept her seat" where only "John Marsh" is named in full
        # A surname written before its bearer's full name is someone the reader already knows (news
        # introduces a person by full name first): it stays apart for the corpus to decide ("Clinton"
        # in a headline, "Bill Clinton" only in paragraph five). A surname two people of the document
        # bear is the one named in full in the last RECENT sentences, if only one was; else undecided.
        owners = {i: owner if owner is not None and (not by_surname or
                                                     mentions[i].span.start >= introduced[owner])
                  else _recent(match, named_in, mentions[i].sentence) if len(match) > 1 else None
                  for i in members}
        for i, chosen in owners.items():  # "Clinton ... her" is not the man just named in full
            if chosen is not None and owner is None and _pronouns_disagree([i], mentions[chosen], mentions,
                                                                           starts, text):
                owners[i] = None
        early = [i for i in members if owners[i] is None]
        for i in members:
            uf.union(i, owners[i] if owners[i] is not None else early[0])
        if early:
            singles.append(early[0])
    _group(uf, [i for i in singles if uf.find(i) == i], lambda i: (fold(tokens[i][0]), said[i]))


_PRONOUN = re.compile(r"\b(?:he|him|his|himself|she|her|hers|herself)\b", re.IGNORECASE)


def _pronouns_disagree(members: list[int], owner: Mention, mentions: list[Mention], starts: list[int],
                       text: str) -> bool:
    """The pronouns that follow a surname in its sentence, before any other person is named, are more
    often of the other gender than of its one full name's bearer's."""
    gender = name_gender(owner.text)
    if gender is None or not text:
        return False
    votes = {"agree": 0, "disagree": 0}
    for i in members:
        end = mentions[i].span.end
        after = bisect_right(starts, end)
        stop = min(starts[after] if after < len(starts) else len(text), end + 200)
        tail = re.split(r"[.!?]\s|\n", text[end:stop], maxsplit=1)[0]
        for word in _PRONOUN.findall(tail):
            votes["agree" if PRONOUN_GENDER[word.lower()] == gender else "disagree"] += 1
    return votes["disagree"] > votes["agree"]


RECENT = 2
"""Sentences back (the surname's own included) in which a person named in full is the one a lone
surname shared by several people of the document means."""


def _recent(owners: set[int], named_in: dict[int, list[int]], sentence: int) -> int | None:
    near = [o for o in owners if any(sentence - RECENT < s <= sentence for s in named_in.get(o, ()))]
    return near[0] if len(near) == 1 else None


def _organisations(uf: UnionFind, mentions: list[Mention], indices: list[int], text: str) -> None:
    _group(uf, indices, lambda i: (known_alias(mentions[i].text) or (firm_key(mentions[i].text),))[0])
    acronyms = [i for i in indices if is_acronym(mentions[i].text)]
    longs = [i for i in indices if not is_acronym(mentions[i].text)]
    for a in acronyms:
        acronym = mentions[a].text.replace(".", "")
        spelled = {uf.find(j) for j in longs if initials(mentions[j].text) == acronym or
                   _bracketed(text, mentions[j], mentions[a])}
        if len(spelled) == 1:
            uf.union(a, spelled.pop())
    # "Trade Ministry" after "Norwegian Trade Ministry": the one with a country, when only one has
    cores: dict[str, set[int]] = {}
    for i in longs:
        cores.setdefault(_core(mentions[i].text), set()).add(uf.find(i))
    for i in longs:
        if country_in(mentions[i].text) is None:
            owners = {c for c in cores.get(_core(mentions[i].text), set()) if c != uf.find(i)}
            if len(owners) == 1:
                uf.union(i, owners.pop())


def _core(text: str) -> str:
    """An organisation's name without its state: "Norwegian Trade Ministry" -> "trade ministry"."""
    words = [w for w in org_key(text).split() if country_in(w.capitalize()) is None]
    return " ".join(w for w in words if w not in ("of",))


def _bracketed(text: str, long: Mention, short: Mention) -> bool:
    """ "Long Name (ACR)" or "ACR (Long Name)" written in the text."""
    after_long = text[long.span.end : long.span.end + len(short.text) + 4]
    after_short = text[short.span.end : short.span.end + len(long.text) + 4]
    return bool(re.match(r"\s*\(\s*" + re.escape(short.text) + r"\s*\)", after_long) or
                re.match(r"\s*\(\s*" + re.escape(long.text) + r"\s*\)", after_short))
