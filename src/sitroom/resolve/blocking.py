"""The keys by which a document's actor can meet the actors of other documents.

``touch_keys`` is a superset of the keys ``resolve.across.resolve`` joins local actors on: two local
actors it puts into one actor share a key, or are linked by a chain of members that do. The room keeps
each actor's keys (table ``actor_keys``), so that a new document is resolved against the actors it
could join (``resolve.incremental``) instead of against the whole corpus. A key here costs only time
when it joins nothing; a join whose key is missing here would be lost, so every rule of ``resolve``
has its key below (checked by tests/resolve/test_incremental.py).
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from sitroom.data.names import firm_key, fold, initials, is_acronym, movement_names, org_key, skeleton
from sitroom.data.places import place_name
from sitroom.resolve.across import LocalActor, family, org_keys, sense


def touch_keys(node: LocalActor) -> frozenset[str]:
    """Keys of one local actor, kept with its actor:

    - ``n:`` its names' keys (as an organisation, a place, a firm, a known alias, a group's shorter
      name: "osterland front" of "Osterland Front Movement");
    - ``a:`` acronyms and the initials of names of three words or more (of two for an organisation);
    - for an organisation, ``o:`` the opening word of a name of several words and ``one:`` a name of
      one word (which joins the longer name it opens: see ``probe_keys``);
    - ``c:`` a state's country (or, with none, its first name);
    - for people, ``s:`` the surname's skeleton, ``w:`` the folded surname (which a lone surname and a
      one-word place of that spelling meet) and ``g:`` two given names with the surname's initial."""
    kind = family(node)
    return _keys(tuple(node.names), kind, sense(node), node.country() if kind == "state" else None)


@lru_cache(maxsize=1 << 16)
def _keys(names: tuple[str, ...], kind: str, read_as: str | None, country: str | None) -> frozenset[str]:
    """``touch_keys`` of a local actor so named, of that kind, its names read in that sense (remembered:
    the same names come back in document after document)."""
    node = LocalActor("", 0, names=Counter(names))
    keys: set[str] = set()
    for name in names:
        firm = firm_key(name)
        keys.update(("n:" + org_key(name), "n:" + firm, "n:" + org_key(place_name(name, read_as))))
        keys.update("n:" + short for short in movement_names(firm))  # (any kind's: an acronym spelled
        # out by this name meets the group's shorter name: resolve.across.org_keys)
        words = firm.split()
        if is_acronym(name):  # (spelled out by a long name of any actor: resolve.across.expansions)
            keys.add("a:" + name.replace(".", ""))
        elif (kind == "organization" and " " in name.strip()) or len(name.split()) >= 3:
            keys.add("a:" + initials(name))
        if kind == "organization" and words:
            keys.add(("o:" if len(words) > 1 else "one:") + words[0])
        if len(name.split()) == 1:
            keys.add("w:" + fold(name))
    if kind == "organization":
        keys.update("n:" + key for key in org_keys(node, {}))
    if kind == "state":
        keys.add("c:" + (country or next(iter(names), "")))  # (as resolve.across.resolve keys a state)
    full = node.full_name()
    if kind == "person" and full:
        folded = [fold(t) for t in full]
        keys.update(("s:" + skeleton(folded[-1]), "w:" + folded[-1]))
        if len(folded) >= 3:
            keys.add("g:" + " ".join(folded[:-1]) + ":" + folded[-1][:1])
    return frozenset(keys)


def probe_keys(node: LocalActor) -> set[str]:
    """The keys a new local actor looks the room's actors up by: its ``touch_keys``, where a name of
    several words looks for the one-word names it opens (``one:``) and a one-word name for the longer
    names it opens (``o:``), not for all names that open alike ("National Guard" needs no other
    "National ..." to be resolved)."""
    swap = {"o:": "one:", "one:": "o:"}
    return {next((swap[p] + key[len(p):] for p in swap if key.startswith(p)), key)
            for key in touch_keys(node)}
