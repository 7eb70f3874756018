"""Actors from the room's mentions: local actors gathered, matched across documents, named."""

from __future__ import annotations

import re
import unicodedata

from sitroom.resolve.across import LocalActor, actor_kind, display, resolve


def local_actors(mention_rows, role_rows) -> list[LocalActor]:
    """Nodes from ``(document, cluster, text, kind, country, pronoun, armed)`` rows and
    ``(document, cluster, title, of)`` role rows."""
    nodes: dict[tuple[str, int], LocalActor] = {}
    for document, cluster, text, kind, country, pronoun, armed, sense in mention_rows:
        node = nodes.setdefault((document, cluster), LocalActor(document, cluster))
        node.mentions += 1
        node.armed += bool(armed)
        if pronoun:
            node.pronouns[text.lower()] += 1
        else:
            node.kinds[kind] += 1
            node.names[text] += 1
            if sense:
                node.senses[sense] += 1
            if country:
                node.countries[country] += 1
    for document, cluster, title, of in role_rows:
        if (document, cluster) in nodes:
            nodes[(document, cluster)].roles.append((title, of))
    return [n for n in nodes.values() if n.names]


def build_actors(nodes: list[LocalActor], overrides: list[tuple[str, str, str]]):
    """``(id, name, kind, country, members)`` records, ids stable for the same names."""
    merges = [(a, b) for action, a, b in overrides if action == "merge"]
    splits = [(a, b) for action, a, b in overrides if action == "split"]
    records = []
    taken: set[str] = set()
    groups = resolve(nodes, merges, splits)
    for group in sorted(groups, key=lambda g: min((nodes[i].document, nodes[i].cluster) for i in g)):
        members = [nodes[i] for i in group]
        kind = actor_kind(members)
        name = display(members, kind)
        countries = [c for c in (m.country() for m in members) if c]
        country = max(set(countries), key=countries.count) if countries else None
        if kind == "location" or kind == "other":
            country = None
        ident = _unique(f"{kind}:{_slug(name)}", taken)
        records.append((ident, name, kind, country, sorted((m.document, m.cluster) for m in members)))
    return records


def _slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "x"


def _unique(ident: str, taken: set[str]) -> str:
    candidate, n = ident, 2
    while candidate in taken:
        candidate, n = f"{ident}-{n}", n + 1
    taken.add(candidate)
    return candidate
