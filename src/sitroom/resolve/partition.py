"""Cross-document resolution in independent parts, so that the parts can run anywhere (one after the
other here, side by side on a Ray cluster: ``engines.ray_resolve``).

Two local actors that share no key (``resolve.blocking.touch_keys``), directly or through a chain of
others that do, are never joined by the rules of ``resolve.across.resolve``. The connected parts of
the key graph are therefore resolved alone, with what the rules weigh over the whole corpus computed
once beforehand (an acronym's one spelling-out, one-word places that are someone's surname): the
groups are those of resolving everything at once (tests/resolve/test_partition.py). Finding the parts
is linear in the keys (union-find).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sitroom.model.clusters import UnionFind, groups
from sitroom.resolve.across import LocalActor, expansions, rescue_surnames, resolve
from sitroom.resolve.blocking import touch_keys

Runner = Callable[[list[list[LocalActor]], dict[str, str]], list[list[list[int]]]]
"""Resolves parts (each a list of local actors) with the corpus's acronym expansions
(``resolve.across.expansions``): the groups of each part, by index into it, parts in the order given."""


def parts(nodes: Sequence[LocalActor]) -> list[list[int]]:
    """The connected parts of ``nodes`` (indices, ascending; parts in order of their first member) where
    two nodes sharing a key are connected; a one-word organisation name (``one:``) meets the longer
    names it opens (``o:``)."""
    uf, first = UnionFind(len(nodes)), {}
    for i, node in enumerate(nodes):
        for key in touch_keys(node):
            j = first.setdefault("o:" + key[4:] if key.startswith("one:") else key, i)
            if j != i:
                uf.union(j, i)
    return groups(uf, len(nodes))


def resolve_in_parts(nodes: list[LocalActor], run: Runner | None = None) -> list[list[int]]:
    """``resolve.across.resolve(nodes)``: the same groups of node indices in the same order, each
    connected part resolved by ``run`` (default: here, one after the other). A part of one node is a
    group of its own without being sent anywhere. Like ``resolve``, it reads the surname of a one-word
    place or people into ``nodes`` (``rescue_surnames``)."""
    rescue_surnames(nodes)
    spelled = expansions(nodes)
    found = parts(nodes)
    alone = [part for part in found if len(part) == 1]
    shared = [part for part in found if len(part) > 1]
    resolved = (run or resolve_here)([[nodes[i] for i in part] for part in shared], spelled)
    out = [[part[k] for k in group] for part, groups_of_part in zip(shared, resolved, strict=True)
           for group in groups_of_part]
    return sorted(out + alone, key=lambda group: group[0])


def resolve_here(pieces: list[list[LocalActor]], spelled: dict[str, str]) -> list[list[list[int]]]:
    """The groups of each part (``pieces``), resolved in this process."""
    return [resolve(piece, spelled) for piece in pieces]
