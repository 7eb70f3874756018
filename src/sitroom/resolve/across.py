"""One actor per real-world entity across documents: scored, explainable, blocked matching.

Each document's local actors (resolve/within.py) are nodes. States meet by ISO code,
organisations and places by name key or acronym, people by surname and given names under
transliteration, with rules that say why (see ``match_people``). Candidate pairs come from
blocking keys, so the cost grows with the size of the blocks, not the square of the corpus.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from operator import itemgetter

from sitroom.coref.gender import PRONOUN_GENDER, compatible, honorific_gender, is_first_name, name_gender
from sitroom.coref.within import compatible_people, middles_differ, two_given_names
from sitroom.data.countries import country_in, country_named, display_name
from sitroom.data.names import (
    before_role_word,
    firm_key,
    fold,
    generic_words,
    has_role_word,
    initials,
    is_acronym,
    known_alias,
    movement_names,
    name_tokens,
    never_a_surname,
    org_key,
    same_name_word,
    similarity,
    skeleton,
    title_words,
)
from sitroom.data.places import is_place, is_us_state, place_name
from sitroom.model.clusters import UnionFind, groups

PRONOUN_EVIDENCE = 2
PRONOUN_SHARE = 0.8
PRONOUN_PER_NAME = 0.25
"""A lone surname's pronouns give it a gender when at least PRONOUN_EVIDENCE of them, and a quarter as
many as its names, agree PRONOUN_SHARE of the time: a stray "he" among a dozen "Clinton"s says little."""
DOMINANT = 4
"""A lone surname shared by several people goes to the one named this many times more often."""
ARMED_SHARE = 0.2
MIN_ARMED = 2
SURE_ARMED = 3
"""An organisation is an armed group when its name says so (data/titles.yaml ``armed_units``), or
when words of armed conflict stand by its name often enough: at least SURE_ARMED times, or MIN_ARMED
times and in ARMED_SHARE of its mentions."""


@dataclass
class LocalActor:
    """One document's actor: what its mentions say about it."""

    document: str
    cluster: int
    kinds: Counter = field(default_factory=Counter)
    names: Counter = field(default_factory=Counter)
    countries: Counter = field(default_factory=Counter)
    roles: list[tuple[str, str | None]] = field(default_factory=list)
    armed: int = 0
    mentions: int = 0
    pronouns: Counter = field(default_factory=Counter)
    """The pronouns and descriptions resolved to it in its document, lowercased."""
    senses: Counter = field(default_factory=Counter)
    """How its names were read (model/mention.py ``sense``): ``city`` for a state's name read as its
    big city, ``description`` for a description that took part in an event ("Port officials")."""
    stands_for: list[tuple[str, int]] = field(default_factory=list)
    """When it is a whole actor resolved before (``resolve.incremental``): the ``(document, cluster)``
    of each of its local actors, whose mentions, names and roles it holds; else empty."""

    @property
    def weight(self) -> int:
        """How many local actors it is: what the rules count where they weigh the corpus."""
        return len(self.stands_for) or 1

    @property
    def described(self) -> bool:
        """Only ever described, never named: a participant of its own document alone."""
        return self.senses["description"] == sum(self.names.values()) > 0

    @property
    def kind(self) -> str:  # (the first of the most frequent, as most_common(1) gives it, faster)
        return max(self.kinds.items(), key=itemgetter(1))[0] if self.kinds else "other"

    def full_name(self) -> list[str]:
        """The longest written name, as tokens without honorifics."""
        return max((name_tokens(n) for n in self.names), key=len, default=[])

    def pronoun_gender(self) -> str | None:
        """The gender its pronouns give it (see PRONOUN_PER_NAME): ``m``, ``f`` or None."""
        said = Counter({g: 0 for g in ("m", "f")})
        for word, n in self.pronouns.items():
            gender = PRONOUN_GENDER.get(word)
            if gender:
                said[gender] += n
        gender, top = said.most_common(1)[0]
        total = sum(said.values())
        enough = max(PRONOUN_EVIDENCE, PRONOUN_PER_NAME * sum(self.names.values()))
        return gender if top >= enough and top >= PRONOUN_SHARE * total else None

    def role_words(self) -> set[str]:
        """The role nouns of its titles ("former Secretary of State" -> {"secretary"})."""
        return {w.lower() for title, _ in self.roles for w in title.split() if has_role_word(w)}

    def country(self) -> str | None:
        if self.countries:
            return self.countries.most_common(1)[0][0]
        for title, of in self.roles:
            found = (country_named(of) or country_in(of) or _us_state_of(of)) if of else None
            found = found or country_in(before_role_word(title)) or _us_state_of(before_role_word(title))
            if found:
                return found
        return None


def _us_state_of(text: str) -> str | None:
    """"Senator of Ohio", "Ohio Governor": a US state's office-holder is of the United States."""
    words = text.strip().removeprefix("the ").strip()
    return "USA" if words and is_us_state(words) else None


@dataclass(frozen=True)
class Decision:
    same: bool
    reasons: tuple[str, ...]


def match_people(a: LocalActor, b: LocalActor) -> Decision:
    """Are two people one? Never on a shared first name or title alone."""
    ta, tb = a.full_name(), b.full_name()
    if not ta or not tb:
        return Decision(False, ("no name to compare",))
    if len(ta) >= 2 and len(tb) >= 2:
        if compatible_people(ta, tb):
            return Decision(True, (f"same surname ({ta[-1]} ~ {tb[-1]}) and compatible given names",))
        if same_name_word(ta[-1], tb[-1]) and middles_differ(ta, tb):
            return Decision(False, (f"same surname but different middle names ({' '.join(ta)} / "
                                    f"{' '.join(tb)})",))
        if same_name_word(ta[-1], tb[-1]):
            ga, gb = ta[0], tb[0]
            shared = _shared_role(a, b)
            close = similarity(ga, gb)
            # (a typo makes no known name of another: "Ivana" and "Ivanka" are two)
            if fold(ga)[:3] == fold(gb)[:3] and (close >= 0.9 or (close >= 0.85 and shared)) \
                    and not two_given_names(ga, gb):
                why = f"shared role or country: {shared}" if shared else f"similarity {close:.2f}"
                return Decision(True, (f"same surname, given names {ga} ~ {gb} differ by a typo", why))
            return Decision(False, (f"same surname but different given names ({ga} / {gb})",))
        if len(ta) >= 3 and len(tb) >= 3 and [fold(t) for t in ta[:-1]] == [fold(t) for t in tb[:-1]] \
                and all(len(t.rstrip(".")) > 2 for t in ta[:-1]) \
                and fold(ta[-1])[:1] == fold(tb[-1])[:1] and similarity(ta[-1], tb[-1]) >= 0.7:
            # two or more full given names alike ("Ana Lucia"), not "John F." (Kerry / Kennedy)
            return Decision(True, (f"identical given names {' '.join(ta[:-1])}, surnames "
                                   f"{ta[-1]} ~ {tb[-1]} differ by a typo",))
        return Decision(False, (f"different surnames ({ta[-1]} / {tb[-1]})",))
    return Decision(False, ("a name of one word is matched only to a unique full name",))


def _shared_role(a: LocalActor, b: LocalActor) -> str | None:
    common = a.role_words() & b.role_words()
    if common:
        return ", ".join(sorted(common))
    ca, cb = a.country(), b.country()
    return ca if ca and ca == cb else None


def org_keys(node: LocalActor, expansions: dict[str, str]) -> set[str]:
    """The keys an organisation's names meet others by: the name's words, an acronym's spelled-out
    form where the corpus gives one, the well-known actor a name denotes (data/aliases.yaml)."""
    keys = set()
    for name in node.names:
        known = known_alias(name)
        if known:
            keys.add("known:" + known[0])
            continue
        key = firm_key(name)
        bare = name.replace(".", "")
        if is_acronym(name) and bare in expansions:
            key = expansions[bare]
        elif is_acronym(name) and any(initials(n) == bare for n in node.names if not is_acronym(n)):
            continue  # an ambiguous acronym beside its own spelled-out name: the name decides
        keys.add(key)
        keys.update(movement_names(key))  # "Osterland Front movement" is the Osterland Front
    return keys



def resolve(nodes: list[LocalActor], spelled: dict[str, str] | None = None) -> list[list[int]]:
    """Groups of node indices, one per actor, by the matching rules (the user's merges and splits apply
    after them: ``resolve.overrides``). ``spelled``: when ``nodes`` are one part of a corpus
    (``resolve.partition``), the corpus's acronym expansions, its surnames already rescued."""
    if spelled is None:
        rescue_surnames(nodes)
        spelled = expansions(nodes)
    uf = UnionFind(len(nodes))
    by_kind: dict[str, list[int]] = defaultdict(list)
    for i, node in enumerate(nodes):
        by_kind[family(node)].append(i)
    _by_key(uf, by_kind["state"], lambda i: {nodes[i].country() or next(iter(nodes[i].names), "")})
    _by_key(uf, by_kind["organization"], lambda i: org_keys(nodes[i], spelled))
    _short_organisations(uf, nodes, by_kind["organization"])
    _by_key(uf, by_kind["location"], lambda i: {place_key(nodes[i], n) for n in nodes[i].names})
    named = defaultdict(list, {k: [i for i in found if not nodes[i].described]
                               for k, found in by_kind.items()})
    _by_key(uf, named["other"], lambda i: {org_key(n) for n in nodes[i].names})
    _people(uf, nodes, by_kind["person"])
    _same_long_name(uf, nodes, named["organization"] + named["location"] + named["other"])
    return groups(uf, len(nodes))


def place_key(node: LocalActor, name: str) -> str:
    """A place's name as a key, read in its sense ("New York" as the city keys as New York City)."""
    return org_key(place_name(name, sense(node)))


def sense(node: LocalActor) -> str | None:
    """``city`` or ``region`` when some of its names were read so (model/mention.py), else None."""
    return next((s for s in ("city", "region") if node.senses[s]), None)


def _short_organisations(uf: UnionFind, nodes: list[LocalActor], indices: list[int]) -> None:
    """ "Northrop" in one article, "Northrop Grumman" in others: a one-word organisation name joins
    the organisation whose longer name opens with it, when that is the only one (or the dominant
    one, see DOMINANT) in the room. Never for acronyms, states, peoples or generic words."""
    opening: dict[str, set[int]] = defaultdict(set)
    for i in indices:
        for name in nodes[i].names:
            words = firm_key(name).split()
            if len(words) >= 2 and not is_acronym(name):
                opening[words[0]].add(i)
    if not opening:
        return
    reach: Counter = Counter()
    for members in opening.values():
        for i in members:
            reach[uf.find(i)] += nodes[i].weight
    opened: dict[str, set[int]] = {}  # the groups opened by each word: one-word names join them, no
    # two of them join here, so a group found once stays (under whichever root)
    for i in indices:
        names = {firm_key(n) for n in nodes[i].names}
        if len(names) != 1 or any(is_acronym(n) for n in nodes[i].names):
            continue
        (word,) = names
        if " " in word or len(word) < 4 or word in generic_words() or country_in(word.title()) \
                or word not in opening:
            continue  # "Fed" is no "Fed Ex"
        if word not in opened:
            opened[word] = {uf.find(j) for j in opening[word]}
        candidates = {uf.find(j) for j in opened[word]}
        if uf.find(i) in candidates:
            continue  # already one with an organisation so named ("Republican" = "Republican Party")
        if len(candidates) > 1:
            candidates = _dominant(candidates, reach)
        if len(candidates) == 1:
            _join(uf, i, candidates.pop(), reach, {})


def _same_long_name(uf: UnionFind, nodes: list[LocalActor], indices: list[int]) -> None:
    """ "Southern Front" tagged a place in one article and an organisation in another: a name of
    two words or more, written the same, is one actor whatever the tagger called it (its kind is
    then the majority's)."""
    _by_key(uf, indices, lambda i: {k for k in (place_key(nodes[i], n) for n in nodes[i].names)
                                    if " " in k and not country_in(k.title())})


def rescue_surnames(nodes: list[LocalActor]) -> None:
    """A one-word "place" or "people" that is a person's surname elsewhere is that person (a one-word
    organisation stays one: "Bloomberg reported" is the company)."""
    surnames = {fold(n.full_name()[-1]) for n in nodes if n.kind == "person" and len(n.full_name()) >= 2}
    for node in nodes:
        names = set(node.names)
        if node.kind in ("location", "other") and len(names) == 1:
            (name,) = names
            if " " not in name and not is_acronym(name) and fold(name) in surnames and not is_place(name) \
                    and not never_a_surname(name) and not node.described and name[:1].isupper():
                # (a description is no one's name: "the book said" is not Mr. Buck)
                node.kinds = Counter({"person": sum(node.kinds.values())})
                node.countries = Counter()


def family(node: LocalActor) -> str:
    kind = node.kind
    return "organization" if kind in ("organization", "armed_group") else kind


def _by_key(uf: UnionFind, indices: list[int], keys) -> None:
    first: dict[str, int] = {}
    for i in indices:
        for key in keys(i):
            if key in first:
                uf.union(first[key], i)
            else:
                first[key] = i


def expansions(nodes: list[LocalActor]) -> dict[str, str]:
    """Acronyms the corpus spells out one way: "NATO" -> "north atlantic treaty organization".
    An acronym spelled out two ways ("DNC": the party's committee and its convention) is left out:
    it joins nothing by itself."""
    found: dict[str, set[str]] = defaultdict(set)
    for node in nodes:
        names = list(node.names)
        for acronym in (n.replace(".", "") for n in names if is_acronym(n)):
            for long in names:
                if not is_acronym(long) and initials(long) == acronym:
                    found[acronym].add(firm_key(long))
        for long in names:
            if not is_acronym(long) and len(long.split()) >= 3:
                found[initials(long)].add(firm_key(long))
    return {acronym: next(iter(longs)) for acronym, longs in found.items() if len(longs) == 1}


def _people(uf: UnionFind, nodes: list[LocalActor], indices: list[int]) -> None:
    """People across documents in near-linear time.

    Nodes with the same folded full name are one person at once (no pair compared); then each
    distinct full name is compared, within its blocks only, with one representative of each person
    met so far there (no chain of pairwise likenesses joins two people):
    the same surname skeleton ("Okonkwo" ~ "Okonkwu"), or the same two or more given names and
    surname initial. A one-word name joins the one full name whose folded surname it is.
    """
    full = [i for i in indices if len(nodes[i].full_name()) >= 2]
    single = [i for i in indices if len(nodes[i].full_name()) == 1]
    by_name: dict[tuple[str, ...], int] = {}
    for i in full:
        key = tuple(fold(t) for t in nodes[i].full_name())
        if key in by_name:
            uf.union(by_name[key], i)
        else:
            by_name[key] = i
    blocks: dict[str, list[int]] = defaultdict(list)
    for key, i in by_name.items():
        blocks["s:" + skeleton(key[-1])].append(i)
        if len(key) >= 3:  # the typo'd-surname rule of match_people needs two given names or more
            blocks["g:" + " ".join(key[:-1]) + ":" + key[-1][:1]].append(i)
    names_of: dict[int, list[list[str]]] = {uf.find(i): [nodes[i].full_name()] for i in by_name.values()}
    plain_ambiguous = _plain_names_of_several(by_name)
    for members in blocks.values():
        representatives: list[int] = []  # one name per person met so far in this block
        for i in members:
            root = uf.find(i)
            if any(uf.find(r) == root for r in representatives):
                continue
            match = next((r for r in representatives if match_people(nodes[i], nodes[r]).same
                          and not _conflicts(names_of[uf.find(i)], names_of[uf.find(r)])
                          and not _plain_of_several(nodes[i], nodes[r], plain_ambiguous)), None)
            if match is None:
                representatives.append(i)
            else:
                merged = names_of.pop(uf.find(i)) + names_of.pop(uf.find(match))
                uf.union(i, match)
                names_of[uf.find(i)] = merged
    surnames: dict[str, set[int]] = defaultdict(set)
    for key, i in by_name.items():
        surnames[key[-1]].add(i)
    reach: Counter = Counter()  # documents (local actors) each person is named in
    for i in full:
        reach[uf.find(i)] += nodes[i].weight
    held: dict[int, set[str]] = defaultdict(set)  # role words of each person, over all its documents
    for i in full:
        held[uf.find(i)] |= nodes[i].role_words()
    for i in single:
        word = fold(nodes[i].full_name()[0])
        said = next((g for g in map(honorific_gender, nodes[i].names) if g), None)  # "Mrs. Clinton"
        said = said or nodes[i].pronoun_gender()  # "Clinton ... her campaign"
        candidates = {uf.find(j) for j in surnames.get(word, ())
                      if compatible(said, name_gender(" ".join(nodes[j].full_name())))}
        if len(candidates) > 1:
            mine = nodes[i].role_words()  # "Secretary X" and "President X" in one article: both fit
            candidates = {c for c in candidates if mine & held[c]} or candidates
        if len(candidates) > 1:
            candidates = _dominant(candidates, reach)
        if len(candidates) == 1:
            _join(uf, i, candidates.pop(), reach, held)
    # a lone surname the corpus gives to several people, and no one in particular, is joined to no one
    alone = [i for i in single if uf.find(i) == i and not is_first_name(nodes[i].full_name()[0])
             and len({uf.find(j) for j in surnames.get(fold(nodes[i].full_name()[0]), ())}) < 2]
    _by_key(uf, alone, lambda i: {fold(nodes[i].full_name()[0])})  # never on a first name alone


def _join(uf: UnionFind, i: int, target: int, reach: Counter, held: dict) -> None:
    """Join node ``i`` to the group rooted at ``target``, keeping the group's reach and role words under
    its root (the union may make ``i`` the new root)."""
    count, roles = reach.pop(target, 0), held.pop(target, set())
    uf.union(i, target)
    reach[uf.find(target)], held[uf.find(target)] = count, roles


def _plain_names_of_several(by_name: dict[tuple[str, ...], int]) -> set[tuple[str, str]]:
    """(first, last) of names borne by people told apart by their middle names ("George H.W. Bush",
    "George W. Bush"): the plain "George Bush" may be either, so it joins neither."""
    middles: dict[tuple[str, str], set[str]] = defaultdict(set)
    for key in by_name:
        if len(key) >= 3:
            middles[(key[0], key[-1])].add("".join(part[:1] for part in key[1:-1]))
    return {plain for plain, found in middles.items() if len(found) >= 2}


def _plain_of_several(a: LocalActor, b: LocalActor, ambiguous: set[tuple[str, str]]) -> bool:
    for node in (a, b):
        name = [fold(t) for t in node.full_name()]
        if len(name) == 2 and (name[0], name[-1]) in ambiguous:
            return True
    return False


def _conflicts(a: list[list[str]], b: list[list[str]]) -> bool:
    """Some name of one person and some name of the other have different middle names: "George Bush"
    may join "George W. Bush" or "George H.W. Bush", never both."""
    return any(middles_differ(x, y) for x in a for y in b)


def _dominant(candidates: set[int], reach: Counter) -> set[int]:
    """The one person a lone surname means when one bearer is named DOMINANT times as often as any
    other ("Clinton" in a campaign's news); else all of them (undecided)."""
    ranked = sorted(candidates, key=lambda c: reach[c], reverse=True)
    return {ranked[0]} if reach[ranked[0]] >= DOMINANT * reach[ranked[1]] else candidates


def actor_kind(members: list[LocalActor]) -> str:
    kinds = Counter()
    for node in members:
        kinds.update(node.kinds)
    kind = kinds.most_common(1)[0][0] if kinds else "other"
    known = {k for node in members for n in node.names for k in [known_alias(n)] if k}
    if kind == "organization" and known:
        return max(known)[1]
    if kind == "organization":
        words = {w for node in members for n in node.names for w in org_key(n).split()}
        if words & title_words("armed_units"):
            return "armed_group"  # "Northern Shield Brigade", "Popular Mobilisation Militia"
        armed = sum(n.armed for n in members)
        total = sum(n.mentions for n in members)
        if armed >= SURE_ARMED or (armed >= MIN_ARMED and armed >= ARMED_SHARE * total):
            return "armed_group"
    return kind


def display(members: list[LocalActor], kind: str) -> str:
    names: Counter = Counter()
    for node in members:
        names.update({place_name(n, sense(node)): c for n, c in node.names.items()})  # New York City
    if kind == "state":
        countries = Counter(c for n in members for c in [n.country()] if c)
        if countries:
            return display_name(countries.most_common(1)[0][0])
    if kind == "person":
        full = {n: c for n, c in names.items() if len(name_tokens(n)) >= 2}
        names = Counter(full) or names
    else:
        names = Counter({n: c for n, c in names.items() if not is_acronym(n)}) or names
    return max(names, key=lambda n: (names[n], len(n))) if names else "?"
