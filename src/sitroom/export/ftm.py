"""The JSON export as FollowTheMoney entities (the data model of OpenSanctions and Aleph), one JSON object
per line: an Article per document, a Person, Organization, PublicBody (a state), Address (a place) or
LegalEntity per actor, a Mention per name read in a document, an Event per event. Needs the optional
``followthemoney`` library (``pip install 'sitroom[ftm]'``)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

SCHEMATA = {"person": "Person", "organization": "Organization", "armed_group": "Organization",
            "state": "PublicBody", "location": "Address", "other": "LegalEntity"}
"""sitroom's actor kinds as FollowTheMoney schemata."""


class MissingLibrary(RuntimeError):
    """followthemoney is not installed."""


def entities(data: dict) -> Iterator[dict]:
    """FollowTheMoney entities (``proxy.to_dict()``: id, schema, properties) of the export ``data``; ids
    are sitroom's, prefixed "sitroom-" (``_id``). Raises MissingLibrary without followthemoney."""
    try:
        from followthemoney import model
    except ImportError as exc:
        raise MissingLibrary("the FollowTheMoney export needs the followthemoney library: "
                             "pip install 'sitroom[ftm]'") from exc

    def make(schema: str, ident: str, **properties):
        proxy = model.make_entity(schema)
        proxy.id = _id(ident)
        for prop, values in properties.items():
            for value in values if isinstance(values, list | tuple) else [values]:
                if value not in (None, ""):
                    proxy.add(prop, value, quiet=True)
        return proxy.to_dict()

    for d in data["documents"]:
        yield make("Article", d["id"], title=d["title"] or d["source"], author=d["authors"],
                   publishedAt=d["published"], language=d["language"], fileName=d["source"],
                   bodyText=d["body"]["text"] if isinstance(d.get("body"), dict) else None)
    for a in data["actors"]:
        schema = SCHEMATA.get(a["kind"], "LegalEntity")
        extra = {"full": a["name"]} if schema == "Address" else {}
        yield make(schema, a["id"], name=a["name"], alias=[n for n in a["aliases"] if n != a["name"]],
                   country=a["country"], **extra)
        for k, m in enumerate(a["mentions"]):
            yield make("Mention", f"{a['id']}-{m['document']}-{m['start']}-{k}", name=m["text"],
                       document=_id(m["document"]), resolved=_id(a["id"]), detectedSchema=schema)
    for e in data["events"]:
        when = e["when"] or {}
        evidence = e["evidence"][0]["text"] if e["evidence"] else None
        yield make("Event", e["id"], name=e["summary"], summary=evidence, keywords=[e["type"], e["status"]],
                   startDate=when.get("start"), endDate=when.get("end"),
                   involved=[_id(x) for x in e["source"] + e["target"]],
                   organizer=[_id(x) for x in e["source"]], location=e["location"],
                   proof=[_id(x["document"]) for x in e["evidence"]])


def _id(ident: str) -> str:
    """A sitroom id as a FollowTheMoney one (letters, digits, "." and "-"): "state:ruritania" ->
    "sitroom-state.ruritania"."""
    return "sitroom-" + re.sub(r"[^A-Za-z0-9.-]", "-", ident.replace(":", "."))


def dumps(data: dict) -> str:
    """The entities as JSON lines."""
    return "".join(json.dumps(entity, ensure_ascii=False, sort_keys=True) + "\n" for entity in entities(data))
