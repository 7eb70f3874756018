"""The user's merges and splits of actors, applied after the matching rules.

An override names an actor by an anchor (``Name@document#cluster``: the actor holding that document's
actor, written ``Name`` there), by its id (``state:freedonia``), by its name, or by words its mentions
are written with. The CLI records an id the user gives as an anchor, since the actor an id names can
change when actors are merged (the one of most mentions sharing a name holds the plain id); an anchor
names the same actor across rebuilds as long as its document is in the room. A name or id is looked up in the
groups as they stand when the override applies, so a merge of a city into the state its name often
stands for ("Vexley" into "Norland") takes the city's own actor, not the state that some of its
mentions were read as.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence

from sitroom.model.mention import ACTOR_KINDS
from sitroom.resolve.across import LocalActor, actor_kind, display, resolve

Group = list[int]

_ANCHOR = re.compile(r"^(?P<name>.+)@(?P<document>[^@#\s]+)#(?P<cluster>\d+)$")
_ID = re.compile(rf"^(?:{'|'.join(map(re.escape, ACTOR_KINDS))}):[a-z0-9-]+$")


def anchor(name: str, document: str, cluster: int) -> str:
    """The override reference ``Name@document#cluster`` of the actor holding that document actor."""
    return f"{name}@{document}#{cluster}"


def slug(name: str) -> str:
    """``name`` as the part of an actor id after the kind: ASCII, lower case, words joined by ``-``."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "x"


def identities(groups: Sequence[Group], nodes: Sequence[LocalActor],
               named: dict[int, tuple[str, str | None]] | None = None,
               reserved: frozenset[str] = frozenset()) -> list[tuple[str, str, str]]:
    """``(id, name, kind)`` of each group, in the order of ``groups``: the kind its members say and the
    name they are written with most (or the ``(name, kind or None)`` in ``named[group index]``, as
    overrides set them), the id ``kind:slug(name)``, where several agree told apart by the document of
    their first member (``person:karl-1a2b3c4d``) except the one with most mentions. No id is one of
    ``reserved`` (the ids of actors kept as they are, beside these groups)."""
    named = named or {}
    labels = [_label(group, nodes, named.get(g)) for g, group in enumerate(groups)]
    return [(ident, *labels[g]) for g, ident in enumerate(_ids(groups, nodes, labels, reserved))]


def _label(group: Group, nodes: Sequence[LocalActor], given: tuple[str, str | None] | None = None
           ) -> tuple[str, str]:
    name, kind = given or (None, None)
    members = [nodes[i] for i in group]
    kind = kind or actor_kind(members)
    return name or display(members, kind), kind


def _ids(groups: Sequence[Group], nodes: Sequence[LocalActor], labels: Sequence[tuple[str, str]],
         reserved: frozenset[str] = frozenset()) -> list[str]:
    """``kind:slug(name)`` for the group of that id with most mentions (unless ``reserved``); the others
    sharing it add the first 8 characters of their first member's document (and its cluster if that is
    taken too), so an id stays the same when other actors are merged, split or added."""
    bases: dict[str, list[int]] = defaultdict(list)
    for g, (name, kind) in enumerate(labels):
        if groups[g]:
            bases[f"{kind}:{slug(name)}"].append(g)
    ids = [""] * len(groups)
    taken = set(bases) | reserved
    for base, sharing in bases.items():
        first = {g: min((nodes[i].document, nodes[i].cluster) for i in groups[g]) for g in sharing}
        sharing.sort(key=lambda g: (-sum(nodes[i].mentions for i in groups[g]), first[g]))
        if base not in reserved:
            ids[sharing.pop(0)] = base
        for g in sharing:
            document, cluster = first[g]
            candidate = f"{base}-{slug(document)[:8]}"
            if candidate in taken:
                candidate = f"{candidate}-{cluster}"
            while candidate in taken:
                candidate += "-x"
            taken.add(candidate)
            ids[g] = candidate
    return ids


def _recorded_ids(groups: Sequence[Group], nodes: Sequence[LocalActor], labels: Sequence[tuple[str, str]]
                  ) -> list[str]:
    """Ids as overrides recorded before anchors name them: ``kind:slug(name)``, numbered ``-2``, ``-3``
    in the order of each group's first member (document, cluster) where several agree. The CLI now
    records an anchor for an id it is given, so an id among the recorded overrides is one of these."""
    live = [g for g, members in enumerate(groups) if members]
    live.sort(key=lambda g: min((nodes[i].document, nodes[i].cluster) for i in groups[g]))
    ids, taken = [""] * len(groups), set()
    for g in live:
        base = candidate = f"{labels[g][1]}:{slug(labels[g][0])}"
        n = 2
        while candidate in taken:
            candidate, n = f"{base}-{n}", n + 1
        taken.add(candidate)
        ids[g] = candidate
    return ids


class _Actors:
    """Groups of document actors as overrides change them, with what ``find`` looks up kept current:
    each node's group, each group's label and size, the groups by name, the nodes by written words."""

    def __init__(self, groups: Sequence[Group], nodes: Sequence[LocalActor]):
        self.nodes = nodes
        self.groups = [list(g) for g in groups]
        self.named: dict[int, tuple[str, str | None]] = {}
        self.skipped: list[int] = []  # numbers (1 = the first) of overrides that changed nothing
        self.of = {i: g for g, members in enumerate(self.groups) for i in members}
        self.size = [sum(nodes[i].mentions for i in members) for members in self.groups]
        self.labels = [_label(members, nodes) for members in self.groups]
        self.by_name: dict[str, set[int]] = defaultdict(set)
        for g, (name, _) in enumerate(self.labels):
            self.by_name[name.casefold()].add(g)
        self.written: dict[str, list[tuple[int, int]]] = defaultdict(list)
        self.at: dict[tuple[str, int], int] = {}
        for i, node in enumerate(nodes):
            self.at[(node.document, node.cluster)] = i
            for name, count in node.names.items():
                self.written[name.casefold()].append((i, count))

    def find(self, ref: str, recorded: bool = False) -> int | None:
        """The index of the live group ``ref`` names (see ``find``), or None. A ``recorded`` override's
        id is read first as the sitroom that recorded it numbered ids (``_recorded_ids``), then as ids are
        now (``_ids``)."""
        ref = ref.strip()
        wanted = ref.casefold()
        if (m := _ANCHOR.match(ref)) and (g := self._anchored(m["name"], m["document"], int(m["cluster"])))\
                is not None:
            return g
        for numbering in ((_recorded_ids, _ids) if recorded else (_ids,)) if _ID.match(wanted) else ():
            ids = numbering(self.groups, self.nodes, self.labels)
            if wanted in ids:
                return ids.index(wanted)
        by_name = [g for g in self.by_name.get(wanted, ()) if self.groups[g]]
        if by_name:
            return max(by_name, key=lambda g: (self.size[g], -g))
        counts: dict[int, int] = defaultdict(int)
        for i, count in self.written.get(wanted, ()):
            counts[self.of[i]] += count
        return max(counts, key=lambda g: (counts[g], self.size[g], -g), default=None)

    def _anchored(self, name: str, document: str, cluster: int) -> int | None:
        """The group of the document actor at ``(document, cluster)`` if it is written ``name``, else of
        the one in that document written ``name`` most; None when the document has none."""
        wanted = name.casefold()
        i = self.at.get((document, cluster))
        if i is not None and any(n.casefold() == wanted for n in self.nodes[i].names):
            return self.of[i]
        here = [(count, i) for i, count in self.written.get(wanted, ()) if self.nodes[i].document == document]
        return self.of[max(here)[1]] if here else None

    def merge(self, ga: int, gb: int) -> None:
        """A joins B: the actor keeps B's name and kind."""
        for i in self.groups[ga]:
            self.of[i] = gb
        self.groups[gb].extend(self.groups[ga])
        self.size[gb] += self.size[ga]
        self._rename(ga, None)
        self.groups[ga], self.size[ga] = [], 0
        self.named.pop(ga, None)
        self.named[gb] = self.labels[gb]

    def split(self, ga: int, written: str) -> bool:
        """The document actors of ``ga`` written ``written`` become a group of their own, named so; False
        when that would move none or all of them."""
        wanted = written.casefold()
        moved = [i for i in self.groups[ga] if any(n.casefold() == wanted for n in self.nodes[i].names)]
        if not moved or len(moved) == len(self.groups[ga]):
            return False
        gone = set(moved)
        self.groups[ga] = [i for i in self.groups[ga] if i not in gone]
        self.size[ga] = sum(self.nodes[i].mentions for i in self.groups[ga])
        if ga not in self.named:
            self._rename(ga, _label(self.groups[ga], self.nodes))
        g = len(self.groups)
        self.groups.append(moved)
        self.size.append(sum(self.nodes[i].mentions for i in moved))
        for i in moved:
            self.of[i] = g
        name = next(n for i in moved for n in self.nodes[i].names if n.casefold() == wanted)
        self.labels.append(_label(moved, self.nodes, (name, None)))
        self.by_name[name.casefold()].add(g)
        self.named[g] = (name, None)
        return True

    def _rename(self, g: int, label: tuple[str, str] | None) -> None:
        self.by_name[self.labels[g][0].casefold()].discard(g)
        if label is not None:
            self.labels[g] = label
            self.by_name[label[0].casefold()].add(g)


def apply(groups: list[Group], nodes: Sequence[LocalActor], overrides: Sequence[tuple[str, str, str]],
          skipped: list[int] | None = None) -> tuple[list[Group], dict[int, tuple[str, str | None]]]:
    """``groups`` after the ``(action, a, b)`` overrides in order, and the ``(name, kind or None)`` the
    overrides give actors (by index in the groups returned).

    ``("merge", a, b)``: the actors ``a`` and ``b`` become one, with ``b``'s name and kind.
    ``("split", a, name)``: the document
    actors of ``a`` written ``name`` (with their other mentions in that document) become an actor
    named ``name``. An override whose actor is not found, or that would change nothing, is skipped.
    Time: the size of the groups once, then each override the size of the actors it touches (an id
    given as ``kind:slug`` costs a numbering of all groups).
    """
    if not overrides:  # nothing to look up: no labels to compute
        return [list(g) for g in groups], {}
    state = _apply(groups, nodes, overrides)
    if skipped is not None:
        skipped.extend(state.skipped)
    kept = [g for g, members in enumerate(state.groups) if members]
    index = {g: k for k, g in enumerate(kept)}
    return [state.groups[g] for g in kept], {index[g]: n for g, n in state.named.items() if g in index}


def _apply(groups: Sequence[Group], nodes: Sequence[LocalActor], overrides: Sequence[tuple[str, str, str]]
           ) -> _Actors:
    state = _Actors(groups, nodes)
    for number, (action, a, b) in enumerate(overrides, 1):
        ga = state.find(a, recorded=True)
        changed = False
        if ga is not None and action == "merge":
            gb = state.find(b, recorded=True)
            if changed := gb is not None and gb != ga:
                state.merge(ga, gb)
        elif ga is not None and action == "split":
            changed = state.split(ga, b)
        if not changed:
            state.skipped.append(number)
    return state


def find(groups: Sequence[Group], nodes: Sequence[LocalActor], ref: str) -> int | None:
    """The index of the group ``ref`` names: the group holding the anchor ``Name@document#cluster``;
    else the group with that id; else the group of that name (the one with most mentions if several);
    else the group with most mentions written ``ref``; else None."""
    return _Actors(groups, nodes).find(ref)


class NoChange(ValueError):
    """An override that would change nothing; the message says why."""


def preview(nodes: Sequence[LocalActor], overrides: Sequence[tuple[str, str, str]], action: str, a: str,
            b: str, shown: tuple[str, str] | None = None) -> tuple[str, str]:
    """``(id, name)`` of the actor that the override ``(action, a, b)`` added after ``overrides`` makes
    (the merged actor; the actor split off). Raises NoChange when it would change nothing: an actor not
    found, two that are one already, a split that moves no document actor or all of them; its message
    calls the two actors ``shown`` (as the user wrote them; default ``a`` and ``b``)."""
    said_a, said_b = shown or (a, b)
    state = _apply(resolve(list(nodes)), nodes, overrides)
    ga = state.find(a)
    if ga is None:
        raise NoChange(f"no actor is named or written {said_a!r} once the earlier overrides apply")
    before = {frozenset(g) for g in state.groups if g}
    if action == "merge":
        gb = state.find(b)
        if gb is None:
            raise NoChange(f"no actor is named or written {said_b!r} once the earlier overrides apply")
        if gb == ga:
            raise NoChange(f"{said_a} and {said_b} are one actor already")
        state.merge(ga, gb)
    elif not state.split(ga, b):
        raise NoChange(f"no document's actor in {said_a} is written {said_b!r}, or every one is (a split "
                       "moves whole document actors: each with all its mentions in its document)")
    kept = [g for g, members in enumerate(state.groups) if members]
    after = [state.groups[g] for g in kept]
    named = {k: state.named[g] for k, g in enumerate(kept) if g in state.named}
    new = [k for k, g in enumerate(after) if frozenset(g) not in before]
    if action == "split":
        new = [k for k in new if named.get(k, ("",))[0].casefold() == b.strip().casefold()] or new
    ident, name, _ = identities(after, nodes, named)[new[0]]
    return ident, name
