"""The JSON export (docs/export-format.md) as flat tables for spreadsheets, DuckDB and pandas: one CSV
or Parquet file per table, written by DuckDB, and the actor network as GraphML for Gephi (networkx)."""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from pathlib import Path

import duckdb

from sitroom.extract.event_lexicon import COOPERATION, lexicon

TABLES = ("documents", "actors", "mentions", "roles", "events", "event_actors", "event_evidence", "quotes",
          "claims", "disagreements")


def tables(data: dict) -> dict[str, list[dict]]:
    """The export's records as flat rows, one list per name in TABLES; lists of ids are joined by
    "; ", every evidence is ``document``, ``start``, ``end`` (characters of the document's text) and
    ``text``."""
    out: dict[str, list[dict]] = {name: [] for name in TABLES}
    for d in data["documents"]:
        out["documents"].append({"id": d["id"], "source": d["source"], "title": d["title"],
                                 "outlet": d["outlet"], "authors": "; ".join(d["authors"]),
                                 "language": d["language"], "published": d["published"],
                                 "published_basis": d["published_basis"]})
    for a in data["actors"]:
        out["actors"].append({"id": a["id"], "name": a["name"], "kind": a["kind"], "country": a["country"],
                              "aliases": "; ".join(a["aliases"]), "documents": len(a["documents"]),
                              "mentions": len(a["mentions"])})
        out["mentions"].extend({"actor": a["id"], **m} for m in a["mentions"])
        out["roles"].extend({"actor": a["id"], "title": r.get("title"), **_when(r.get("when")),
                             **_evidence(r.get("evidence"))} for r in a["roles"])
    for e in data["events"]:
        out["events"].append({"id": e["id"], "type": e["type"], "mode": e["mode"], "status": e["status"],
                              **_when(e["when"]), "location": e["location"], "summary": e["summary"],
                              "documents": len(e["documents"])})
        out["event_actors"].extend({"event": e["id"], "role": role, "actor": actor}
                                   for role in ("source", "target") for actor in e[role])
        out["event_evidence"].extend({"event": e["id"], **_evidence(x)} for x in e["evidence"])
    for q in data["quotes"]:
        out["quotes"].append({"id": q["id"], "speaker": q["speaker"], "speaker_text": q["speaker_text"],
                              "kind": q["kind"], "cue": q["cue"], "text": q["text"], **_when(q["when"]),
                              **_evidence(q["evidence"])})
    for c in data["claims"]:
        out["claims"].append({"id": c["id"], "subject": c["subject"], "value": c["value"],
                              "upper": c.get("upper"), "unit": c["unit"], "approximate": c["approximate"],
                              "attributed_to": c["attributed_to"], "about": c.get("about"),
                              **_when(c["when"]), **_evidence(c["evidence"])})
    for g in data["disagreements"]:
        out["disagreements"].append({"id": g["id"], "topic": g["topic"], "note": g.get("note"),
                                     "claims": "; ".join(g.get("claims", [])),
                                     "events": "; ".join(g.get("events", []))})
    return out


def write_tables(data: dict, folder: Path, fmt: str) -> list[Path]:
    """One file per table in ``folder`` (created), ``fmt`` "csv" (a header line, UTF-8) or "parquet";
    the paths written, in TABLES order (a table with no rows has no file). Raises OSError when the
    folder cannot be written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as scratch, duckdb.connect() as db:
        for name, rows in tables(data).items():
            target = folder / f"{name}.{fmt}"
            if not rows:
                target.unlink(missing_ok=True)  # (no row: no file, nor one left from an earlier export)
                continue
            if fmt == "csv":
                rows = [{k: spreadsheet_safe(v) for k, v in r.items()} for r in rows]
            lines = Path(scratch) / f"{name}.jsonl"
            lines.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                             encoding="utf-8")
            columns = "{" + ", ".join(f"'{k}': '{_TYPES.get(k, 'VARCHAR')}'" for k in rows[0]) + "}"
            options = "FORMAT csv, HEADER true" if fmt == "csv" else "FORMAT parquet"
            db.execute(f"COPY (SELECT * FROM read_json(?, format='newline_delimited', columns={columns})) "
                       f"TO '{_quoted(target)}' ({options})", [str(lines)])
            written.append(target)
    return written


def graph(data: dict):
    """The actor network as a networkx DiGraph: a node per actor taking part in an
    event (``name``, ``kind``, ``country``, ``events``), an edge from each source to each target with
    ``events`` (count), ``cooperation`` and ``conflict`` (PLOVER quad classes: verbal or material
    cooperation, verbal or material conflict) and ``types`` (PLOVER types, "; "-joined)."""
    import networkx as nx

    actors = {a["id"]: a for a in data["actors"]}
    quads = lexicon().quads
    g = nx.DiGraph()
    counts: Counter = Counter()
    for e in data["events"]:
        for actor in e["source"] + e["target"]:
            counts[actor] += 1
        for s in e["source"]:
            for t in e["target"]:
                if s == t:
                    continue
                edge = g.get_edge_data(s, t) or {"events": 0, "cooperation": 0, "conflict": 0, "types": set()}
                edge["events"] += 1
                edge["cooperation" if quads.get(e["type"]) in COOPERATION else "conflict"] += 1
                edge["types"].add(e["type"])
                g.add_edge(s, t, **edge)
    for actor, n in counts.items():
        a = actors.get(actor, {})
        g.add_node(actor, name=a.get("name", actor), kind=a.get("kind", ""), country=a.get("country") or "",
                   events=n)
    for _, _, edge in g.edges(data=True):
        edge["types"] = "; ".join(sorted(edge["types"]))
    return g


def write_graphml(data: dict, path: Path) -> int:
    """The actor network (``graph``) as GraphML at ``path``; the number of actors in it."""
    import networkx as nx

    g = graph(data)
    nx.write_graphml(g, path, encoding="utf-8")
    return g.number_of_nodes()


_TYPES = {"start": "BIGINT", "end": "BIGINT", "documents": "BIGINT", "mentions": "BIGINT", "value": "DOUBLE",
          "upper": "DOUBLE", "approximate": "BOOLEAN"}
"""Column types of the tables; every other column is text (dates stay partial ISO strings)."""


def spreadsheet_safe(value):
    """A text cell a spreadsheet would run as a formula ("=HYPERLINK(...)", "+1", "@SUM") with a
    leading apostrophe, as OWASP advises for CSV files; other values as they are."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _when(when: dict | None) -> dict:
    when = when or {}
    return {"when_start": when.get("start"), "when_end": when.get("end"), "when_basis": when.get("basis")}


def _evidence(evidence: dict | None) -> dict:
    evidence = evidence or {}
    return {"document": evidence.get("document"), "start": evidence.get("start"), "end": evidence.get("end"),
            "evidence": evidence.get("text")}


def _quoted(path: Path) -> str:
    return str(path).replace("'", "''")
