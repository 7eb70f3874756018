"""Actors from the room's mentions: local actors gathered, matched across documents, named."""

from __future__ import annotations

from collections.abc import Callable

from sitroom.resolve.across import LocalActor, resolve
from sitroom.resolve.overrides import apply as apply_overrides
from sitroom.resolve.overrides import identities

Grouping = Callable[[list[LocalActor]], list[list[int]]]
"""Local actors -> groups of their indices, one per actor (``resolve.across.resolve``)."""


def local_actors(mention_rows, role_rows) -> list[LocalActor]:
    """Nodes from ``(document, cluster, text, kind, country, pronoun, armed, sense, times)`` rows (a
    mention written so ``times`` times; rows of a document in the order of first use) and
    ``(document, cluster, title, of)`` role rows."""
    nodes: dict[tuple[str, int], LocalActor] = {}
    for document, cluster, text, kind, country, pronoun, armed, sense, times in mention_rows:
        node = nodes.setdefault((document, cluster), LocalActor(document, cluster))
        node.mentions += times
        node.armed += times if armed else 0
        if pronoun:
            node.pronouns[text.lower()] += times
        else:
            node.kinds[kind] += times
            node.names[text] += times
            if sense:
                node.senses[sense] += times
            if country:
                node.countries[country] += times
    for document, cluster, title, of in role_rows:
        if (document, cluster) in nodes:
            nodes[(document, cluster)].roles.append((title, of))
    return [n for n in nodes.values() if n.names]


def build_actors(nodes: list[LocalActor], overrides: list[tuple[str, str, str]],
                 skipped: list[int] | None = None, reserved: frozenset[str] = frozenset(),
                 grouping: Grouping = resolve):
    """``(id, name, kind, country, members)`` records, ids stable for the same names (and none of
    ``reserved``), after the user's ``(action, a, b)`` overrides (``resolve.overrides``; the numbers of
    those that changed nothing are added to ``skipped``). ``grouping`` resolves the nodes: the rules of
    ``resolve.across`` here, or the same on a cluster (``engines.ray_resolve``)."""
    groups, named = apply_overrides(grouping(nodes), nodes, overrides, skipped)
    records = []
    for group, (ident, name, kind) in zip(groups, identities(groups, nodes, named, reserved), strict=True):
        members = [nodes[i] for i in group]
        countries = [c for m in members for c in [m.country()] * m.weight if c]  # (a vote per local actor)
        country = max(set(countries), key=countries.count) if countries else None
        if kind == "location" or kind == "other":
            country = None
        locals_ = sorted(local for m in members for local in m.stands_for or [(m.document, m.cluster)])
        records.append((ident, name, kind, country, locals_))
    return sorted(records, key=lambda r: r[4][0])
