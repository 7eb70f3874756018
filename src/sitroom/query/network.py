"""The actor network: who acts on whom in the room's events, cooperation or conflict, laid out by force.

Nodes are the actors that take part in events (as source or target); an edge joins a source to a target
of one or more events, one edge per ordered pair and side (PLOVER's quad classes: verbal and material
cooperation, verbal and material conflict), weighted by its events. Positions come from networkx's
Fruchterman-Reingold layout (``spring_layout``), seeded, so the same room draws the same picture.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict

import networkx as nx

from sitroom.extract.event_lexicon import COOPERATION, lexicon
from sitroom.query.events import timeline
from sitroom.store.room import Room

SIDES = ("cooperation", "conflict")
"""An edge's side: its events' PLOVER quad class is one of cooperation or one of conflict."""

LAYOUT_SEED = 7
"""The seed of the force layout: the same room always draws the same picture."""

ALONE_PER_ROW = 8
"""Actors with no edge are set in rows of this many along the bottom."""

ALONE_ROW_HEIGHT = 0.06
"""The height of such a row, as a share of the picture's (less when there are many: at most 30 % in all)."""


def side(event_type: str) -> str:
    """``"cooperation"`` or ``"conflict"`` for a PLOVER event type, by its quad class."""
    return "cooperation" if lexicon().quads.get(event_type, "") in COOPERATION else "conflict"


def network(room: Room, actor: str | None = None, since: str | None = None, until: str | None = None,
            kind: str | None = None, limit: int | None = None) -> dict:
    """The network of the room's events, filtered as ``sitroom timeline`` filters them.

    ``actor``: only events this actor (id, name or alias, any case) takes part in; ``since``/``until``:
    partial ISO dates bounding the events' dates (an undated event is then left out); ``kind``: one of
    ``SIDES``; ``limit``: at most this many actors, those in most events first (None: all).

    Returns ``{"nodes": [{"id", "name", "kind", "events", "years", "x", "y"}], "edges": [{"source", "target",
    "side", "events", "types", "years", "event_ids"}], "actors": int (before the limit), "shown": int,
    "events": int}``; ``x``/``y`` are in [0, 1], ``types`` and ``years`` count events by PLOVER type and
    by year ("undated" for none). Raises ``ValueError`` for a ``kind`` not in ``SIDES``.
    """
    if kind and kind not in SIDES:
        raise ValueError(f"{kind!r} is not a side of the network: use one of {', '.join(SIDES)}")
    found = [e for e in timeline(room, actor, None, since, until) if not kind or side(e["type"]) == kind]
    in_events: Counter[str] = Counter()
    node_years: dict[str, Counter[str]] = defaultdict(Counter)
    names: dict[str, str] = {}
    edges: dict[tuple[str, str, str], dict] = {}
    for event in found:
        parties = dict.fromkeys(event["source"] + event["target"])
        in_events.update(list(parties))
        year = (event["when"] or {}).get("start", "")[:4] or "undated"
        for a in parties:
            node_years[a][year] += 1
        names.update(zip(event["source"], event["source_names"], strict=True))
        names.update(zip(event["target"], event["target_names"], strict=True))
        which = side(event["type"])
        for s in event["source"]:
            for t in event["target"]:
                if s == t:
                    continue
                edge = edges.setdefault((s, t, which), {"source": s, "target": t, "side": which, "events": 0,
                                                        "types": Counter(), "years": Counter(),
                                                        "event_ids": []})
                edge["events"] += 1
                edge["types"][event["type"]] += 1
                edge["years"][year] += 1
                edge["event_ids"].append(event["id"])
    kinds = dict(room.db.execute("SELECT id, kind FROM actors").fetchall())
    ranked = sorted(in_events, key=lambda a: (-in_events[a], names.get(a, a), a))
    kept = set(ranked[:limit] if limit is not None else ranked)
    shown = [e for e in edges.values() if e["source"] in kept and e["target"] in kept]
    positions = layout(kept, shown)
    nodes = [{"id": a, "name": names.get(a, a), "kind": kinds.get(a), "events": in_events[a],
              "years": dict(sorted(node_years[a].items())), "x": positions[a][0], "y": positions[a][1]}
             for a in ranked if a in kept]
    shown.sort(key=lambda e: (-e["events"], e["source"], e["target"], e["side"]))
    return {"nodes": nodes,
            "edges": [{**e, "types": dict(e["types"]), "years": dict(sorted(e["years"].items()))}
                      for e in shown],
            "actors": len(in_events), "shown": len(nodes), "events": len(found)}


def layout(nodes: set[str], edges: list[dict]) -> dict[str, tuple[float, float]]:
    """A position in [0, 1]² for every node. Actors joined by edges are laid out by force
    (``spring_layout``, weighted by the log of each pair's events, seeded), one connected group at a
    time: the largest fills the left of the picture, the smaller ones stack in cells on the right.
    Actors with no edge wait in rows along the bottom. So no group pushes another into a corner."""
    graph = nx.Graph()
    weight: dict[tuple[str, str], int] = defaultdict(int)
    for e in edges:
        weight[tuple(sorted((e["source"], e["target"])))] += e["events"]
    graph.add_weighted_edges_from((a, b, 1 + math.log(w)) for (a, b), w in sorted(weight.items()))
    alone = sorted(nodes - set(graph))
    rows = -(-len(alone) // ALONE_PER_ROW)
    row_height = min(ALONE_ROW_HEIGHT, 0.3 / max(rows, 1))  # the rows never take more than 30 %
    bottom = 1.0 - row_height * rows if graph else 0.0
    groups = sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c))
    placed: dict[str, tuple[float, float]] = {}
    if groups:
        main_width = 1.0 if len(groups) == 1 else 0.72
        placed.update(_spring(graph.subgraph(groups[0]), 0.0, 0.0, main_width, bottom))
        rest = groups[1:]
        cells = max(1, math.ceil(math.sqrt(len(rest) * max(bottom, 0.1) / 0.28))) if rest else 1
        columns = -(-len(rest) // cells)
        for k, group in enumerate(rest):
            column, row = divmod(k, cells)
            width, height = (1 - main_width - 0.04) / max(columns, 1), bottom / cells
            placed.update(_spring(graph.subgraph(group), main_width + 0.04 + column * width, row * height,
                                  width * 0.85, height * 0.8))
    for i, n in enumerate(alone):
        row, col = divmod(i, ALONE_PER_ROW)
        in_row = min(ALONE_PER_ROW, len(alone) - row * ALONE_PER_ROW)
        y = 1.0 - row_height * (rows - 1 - row) if graph else (row + 0.5) / rows
        placed[n] = ((col + 0.5) / in_row, y)
    return {n: (round(float(x), 4), round(float(y), 4)) for n, (x, y) in placed.items()}


def _spring(graph: nx.Graph, left: float, top: float, width: float, height: float) -> dict:
    """``graph`` laid out by force inside the box at (``left``, ``top``) of ``width`` × ``height``."""
    if len(graph) <= 2:
        order = sorted(graph)
        return {n: (left + width * (i + 1) / (len(order) + 1), top + height / 2) for i, n in enumerate(order)}
    spring = nx.spring_layout(graph, seed=LAYOUT_SEED, weight="weight", k=1.5 / math.sqrt(len(graph)),
                              iterations=60)
    xs, ys = [p[0] for p in spring.values()], [p[1] for p in spring.values()]
    x0, y0 = min(xs), min(ys)
    span_x, span_y = (max(xs) - x0) or 1.0, (max(ys) - y0) or 1.0
    return {n: (left + width * float(p[0] - x0) / span_x, top + height * float(p[1] - y0) / span_y)
            for n, p in spring.items()}
