"""The keys by which a document's actor can meet the actors of other documents.

``touch_keys`` is a superset of the keys ``resolve.across.resolve`` joins local actors on: two local
actors it puts into one actor share a key, or are linked by a chain of members that do. The room keeps
each actor's keys (table ``actor_keys``), so that a new document is resolved against the actors it
could join (``resolve.incremental``) instead of against the whole corpus. A key here costs only time
when it joins nothing; a join whose key is missing here would be lost, so every rule of ``resolve``
has its key below (checked by tests/resolve/test_blocking.py on the test corpora).
"""

from __future__ import annotations

from sitroom.data.names import firm_key, fold, initials, is_acronym, org_key, skeleton
from sitroom.resolve.across import LocalActor, family, org_keys, place_key


def touch_keys(node: LocalActor) -> set[str]:
    """Keys of one local actor: ``n:`` its names' keys (as an organisation, a place, a firm, a known
    alias), ``a:`` acronyms and the initials of names of several words, ``o:`` the opening word of an
    organisation's name (a one-word name joins the longer one it opens), ``c:`` a state's country,
    and for people ``s:`` the surname's skeleton, ``w:`` the folded surname (which a lone surname and a
    one-word place of that spelling meet) and ``g:`` two given names with the surname's initial."""
    keys: set[str] = set()
    kind = family(node)
    for name in node.names:
        keys.update(("n:" + org_key(name), "n:" + firm_key(name), "n:" + place_key(node, name)))
        if is_acronym(name):
            keys.add("a:" + name.replace(".", ""))
        elif " " in name.strip():
            keys.add("a:" + initials(name))
        words = firm_key(name).split()
        if kind == "organization" and words:
            keys.add("o:" + words[0])
        if len(name.split()) == 1:
            keys.add("w:" + fold(name))
    if kind == "organization":
        keys.update("n:" + key for key in org_keys(node, {}))
    if kind == "state":
        keys.add("c:" + (node.country() or ""))
    full = node.full_name()
    if kind == "person" and full:
        folded = [fold(t) for t in full]
        keys.update(("s:" + skeleton(folded[-1]), "w:" + folded[-1]))
        if len(folded) >= 3:
            keys.add("g:" + " ".join(folded[:-1]) + ":" + folded[-1][:1])
    return keys
