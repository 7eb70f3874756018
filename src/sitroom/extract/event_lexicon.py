"""The PLOVER lexicon of the event coder (data/plover.yaml), loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from sitroom.data import load as load_data

COOPERATION = ("verbal cooperation", "material cooperation")
"""PLOVER's quad classes of cooperation (the others are of conflict)."""

JUDGING = frozenset({"ACCUSE", "SUPPORT", "REJECT"})
"""Types of words about someone's deeds or things ("criticized", "praised", "rejected"): whose deed or thing
they judge is their target, and a reaction to an event is not that event."""


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, list[tuple[str, str]]]
    """lemma -> [(type, required particle or object lemma, "" for none)]."""
    nouns: dict[str, str]
    light: frozenset[str]
    planned: frozenset[str]
    hypothetical: frozenset[str]
    denial: frozenset[str]
    quads: dict[str, str]
    commitment: frozenset[str]
    committed: frozenset[str]
    promised: frozenset[str]
    actor_nouns: frozenset[str]
    designation: frozenset[str]
    designated: frozenset[str]
    stative: frozenset[str]
    attempts: frozenset[str] = frozenset()
    wishes: frozenset[str] = frozenset()
    evaluations: frozenset[str] = frozenset()
    idioms: tuple[tuple[str, str], ...] = ()
    """(verb lemma, object lemma) pairs that name no happening ("strike a chord")."""
    demand_verbs: frozenset[str] = frozenset()
    verbs_of_asking: frozenset[str] = frozenset()
    """REQUEST verbs whose clause's subject is the one asked ("demanded that X leave")."""
    carriers: frozenset[str] = frozenset()
    """Nouns that take their event from a modifier ("a mediation effort")."""
    institutions: frozenset[str] = frozenset()
    """Singular words for a body that acts ("the government"): described participants."""


@cache
def lexicon() -> Lexicon:
    data = load_data("plover.yaml")
    verbs: dict[str, list[tuple[str, str]]] = {}
    nouns: dict[str, str] = {}
    for kind, entry in data["types"].items():
        for phrase in entry["verbs"]:
            head, _, rest = phrase.partition(" ")
            verbs.setdefault(head, []).append((kind, rest))
        for noun in entry["nouns"]:
            nouns.setdefault(noun, kind)
    for options in verbs.values():
        options.sort(key=lambda o: -len(o[1].split()))  # specific ("hand over aid") before bare ("call")
    return Lexicon(verbs, nouns, frozenset(data["light_verbs"]), frozenset(data["planned_cues"]),
                   frozenset(data["hypothetical_cues"]), frozenset(data["denial_verbs"]),
                   {k: v["quad"] for k, v in data["types"].items()},
                   frozenset(data["commitment_verbs"]), frozenset(data["commitment_adjectives"]),
                   frozenset(data["promised_types"]), frozenset(data["actor_nouns"]),
                   frozenset(data["designation_verbs"]), frozenset(data["designation_words"]),
                   frozenset(data["stative_nouns"]), frozenset(data["attempt_verbs"]),
                   frozenset(data["wish_words"]), frozenset(data["evaluation_adjectives"]),
                   tuple(tuple(i.split(" ", 1)) for i in data["idioms"]), frozenset(data["demand_verbs"]),
                   frozenset(data["verbs_of_asking"]), frozenset(data["carrier_nouns"]),
                   frozenset(data["institutions"]))
