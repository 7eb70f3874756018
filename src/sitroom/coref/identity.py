"""Who each person mention of a document is, as far as the document tells, and their gender.

"Hillary Clinton" and "Bill Clinton" are two people though they share a surname; "Clinton" alone
is whichever of them is the only full name with that surname in the document, else undecided; a
surname written before that full name is undecided too (coref/within.py keeps it apart). A lone given
name with no such surname ("Tom" after "Tom Lund") is the one person named in full with it.
Pronoun resolution counts people by these identities and checks gender agreement against them.
"""

from __future__ import annotations

from dataclasses import dataclass

from sitroom.coref.gender import is_first_name, name_gender
from sitroom.data.names import fold, name_tokens
from sitroom.data.places import is_place
from sitroom.model.mention import Mention


@dataclass(frozen=True)
class Identity:
    key: str
    """Folded first and last name ("hilari clinton"), or ``surname:clinton`` when undecided."""
    gender: str | None
    """``m``, ``f`` or ``None``: from an honorific or a first name of the name or its full form."""


def identities(persons: list[tuple[int, Mention]]) -> dict[int, Identity]:
    """``{mention index: Identity}`` for ``(index, person mention)`` pairs of one document."""
    full: dict[str, dict[str, str | None]] = {}
    given: dict[str, dict[str, str | None]] = {}
    introduced: dict[str, int] = {}
    for _, m in persons:
        tokens = name_tokens(m.text)
        if len(tokens) >= 2:
            key = f"{fold(tokens[0])} {fold(tokens[-1])}"
            known = full.setdefault(fold(tokens[-1]), {})
            known[key] = known.get(key) or name_gender(m.text)
            given.setdefault(fold(tokens[0]), {})[key] = known[key]
            introduced[key] = min(introduced.get(key, m.span.start), m.span.start)
    found = {}
    for i, m in persons:
        tokens = name_tokens(m.text)
        if not tokens:
            found[i] = Identity(m.text.lower(), None)
        elif len(tokens) >= 2:
            key = f"{fold(tokens[0])} {fold(tokens[-1])}"
            found[i] = Identity(key, full[fold(tokens[-1])][key])
        else:
            # a surname, or else the given name of one person named in full ("Tom" after "Tom Lund")
            owners = full.get(fold(tokens[0])) or (given.get(fold(tokens[0]), {}) if is_first_name(tokens[0])
                                                    and not is_place(tokens[0], towns=False) else {})
            if len(owners) == 1 and m.span.start >= introduced[next(iter(owners))]:
                ((key, gender),) = owners.items()
                found[i] = Identity(key, name_gender(m.text) or gender)
            else:  # no full name, or several people of that surname: who it is stays open
                found[i] = Identity("surname:" + fold(tokens[0]), name_gender(m.text))
    return found
