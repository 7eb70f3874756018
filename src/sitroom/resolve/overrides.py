"""The user's merges and splits of actors, applied after the matching rules.

An override names an actor by its id (``state:freedonia``), by its name, or by words its mentions are
written with. A name or id is looked up in the groups as they stand when the override applies, so a
merge of a city into the state its name often stands for ("Vexley" into "Norland") takes the city's
own actor, not the state that some of its mentions were read as.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from sitroom.resolve.across import LocalActor, actor_kind, display, resolve

Group = list[int]


def slug(name: str) -> str:
    """``name`` as the part of an actor id after the kind: ASCII, lower case, words joined by ``-``."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "x"


def identities(groups: Sequence[Group], nodes: Sequence[LocalActor],
               named: dict[int, tuple[str, str | None]] | None = None) -> list[tuple[str, str, str]]:
    """``(id, name, kind)`` of each group, in the order of ``groups``: the kind its members say and the
    name they are written with most (or the ``(name, kind or None)`` in ``named[group index]``, as
    overrides set them), the id ``kind:slug(name)``, numbered
    (``-2``, ``-3``) in the order of each group's first member (document, cluster) where two agree."""
    named = named or {}
    labels = []
    for g, group in enumerate(groups):
        members = [nodes[i] for i in group]
        name, kind = named.get(g, (None, None))
        kind = kind or actor_kind(members)
        labels.append((name or display(members, kind), kind))
    order = sorted(range(len(groups)), key=lambda g: min((nodes[i].document, nodes[i].cluster)
                                                          for i in groups[g]))
    taken: set[str] = set()
    ids: dict[int, str] = {}
    for g in order:
        name, kind = labels[g]
        base = candidate = f"{kind}:{slug(name)}"
        n = 2
        while candidate in taken:
            candidate, n = f"{base}-{n}", n + 1
        taken.add(candidate)
        ids[g] = candidate
    return [(ids[g], labels[g][0], labels[g][1]) for g in range(len(groups))]


def apply(groups: list[Group], nodes: Sequence[LocalActor], overrides: Sequence[tuple[str, str, str]]
          ) -> tuple[list[Group], dict[int, tuple[str, str | None]]]:
    """``groups`` after the ``(action, a, b)`` overrides in order, and the ``(name, kind or None)`` the
    overrides give actors (by index in the groups returned).

    ``("merge", a, b)``: the actors ``a`` and ``b`` become one, with ``b``'s name and kind.
    ``("split", a, name)``: the document
    actors of ``a`` written ``name`` (with their other mentions in that document) become an actor
    named ``name``. An override whose actor is not found, or that would change nothing, is skipped.
    """
    groups = [list(g) for g in groups]
    named: dict[int, tuple[str, str | None]] = {}
    for action, a, b in overrides:
        ga = find(groups, nodes, a, named)
        if ga is None:
            continue
        if action == "merge":
            gb = find(groups, nodes, b, named)
            if gb is not None and gb != ga:
                _, name, kind = identities([groups[gb]], nodes, {0: named[gb]} if gb in named else None)[0]
                groups[gb].extend(groups[ga])
                groups[ga] = []
                named.pop(ga, None)
                named[gb] = (name, kind)  # A joins B: the actor keeps B's name and kind
        elif action == "split":
            wanted = b.casefold()
            moved = [i for i in groups[ga] if any(n.casefold() == wanted for n in nodes[i].names)]
            if moved and len(moved) < len(groups[ga]):
                groups[ga] = [i for i in groups[ga] if i not in moved]
                groups.append(moved)
                named[len(groups) - 1] = (next(n for i in moved for n in nodes[i].names
                                               if n.casefold() == wanted), None)
    kept = [g for g, members in enumerate(groups) if members]
    return [groups[g] for g in kept], {kept.index(g): n for g, n in named.items() if g in kept}


def find(groups: Sequence[Group], nodes: Sequence[LocalActor], ref: str,
         named: dict[int, tuple[str, str | None]] | None = None) -> int | None:
    """The index of the group ``ref`` names: the group with that id; else the group of that name (the
    one with most mentions if several); else the group with most mentions written ``ref``; else None.
    ``named``: names given to groups by earlier splits, by index."""
    named = named or {}
    wanted = ref.strip().casefold()
    live = [g for g, members in enumerate(groups) if members]

    def size(g: int) -> int:
        return sum(nodes[i].mentions for i in groups[g])

    labels = identities([groups[g] for g in live], nodes, {live.index(g): n for g, n in named.items()
                                                            if g in live})
    for g, (ident, _, _) in zip(live, labels, strict=True):
        if ident == wanted:
            return g
    by_name = [g for g, (_, name, _) in zip(live, labels, strict=True) if name.casefold() == wanted]
    if by_name:
        return max(by_name, key=size)
    written = {g: sum(c for i in groups[g] for n, c in nodes[i].names.items() if n.casefold() == wanted)
               for g in live}
    best = max(written, key=lambda g: (written[g], size(g)), default=None)
    return best if best is not None and written[best] else None


def preview(nodes: Sequence[LocalActor], overrides: Sequence[tuple[str, str, str]], action: str, a: str,
            b: str) -> tuple[str, str] | None:
    """``(id, name)`` of the actor that the override ``(action, a, b)`` added after ``overrides`` makes
    (the merged actor; the actor split off), or None when it would change nothing."""
    matched = resolve(list(nodes))
    before, _ = apply(matched, nodes, overrides)
    after, named = apply(matched, nodes, [*overrides, (action, a, b)])
    old = {frozenset(g) for g in before}
    new = [k for k, g in enumerate(after) if frozenset(g) not in old]
    if not new:
        return None
    if action == "split":
        new = [k for k in new if named.get(k, ("",))[0].casefold() == b.strip().casefold()] or new
    ident, name, _ = identities(after, nodes, named)[new[0]]
    return ident, name
