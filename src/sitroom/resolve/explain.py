"""Why two names are, or are not, one actor: the rule that decided, in words."""

from __future__ import annotations

from sitroom.data.names import fold, org_key
from sitroom.resolve.across import LocalActor, expansions, family, match_people, org_keys

_NAMED_ALIKE = {"organization", "location", "other"}
"""Families whose actors meet by an identical long name whatever the tagger called them."""


def explain(nodes: list[LocalActor], a: str, b: str) -> list[str]:
    """Reasons, one per line, for the pair of local actors that carry the names ``a`` and ``b``."""
    with_a = [n for n in nodes if _carries(n, a)]
    with_b = [n for n in nodes if _carries(n, b)]
    if not with_a or not with_b:
        missing = a if not with_a else b
        return [f"no mention in the room is written {missing!r}"]
    lines = []
    for x in with_a:
        for y in with_b:
            if x is y:
                lines.append(f"{a!r} and {b!r} are one actor within document {x.document}: "
                             "a short form, an acronym or a reference of the same name")
                return lines
    x, y = with_a[0], with_b[0]
    if family(x) != family(y):
        named = {org_key(n) for n in x.names} & {org_key(n) for n in y.names}
        if any(" " in k for k in named) and {family(x), family(y)} <= _NAMED_ALIKE:
            return [f"one actor: the same name of two words or more ({sorted(named)[0]!r}), "
                    f"tagged {x.kind} in one article and {y.kind} in another"]
        return [f"different kinds: {a!r} is a {x.kind}, {b!r} is a {y.kind}"]
    kind = family(x)
    if kind == "person":
        single = [n for n in (x, y) if len(n.full_name()) == 1]
        if len(single) == 1:
            word, other = single[0].full_name()[0], (y if single[0] is x else x).full_name()
            if fold(word) == fold(other[-1]):
                return [f"{word!r} is the surname of {' '.join(other)!r}: one person when that is the only "
                        "bearer of the surname in the room, or is named DOMINANT (4) times as often "
                        "as any other, or the only one sharing a role"]
        decision = match_people(x, y)
        verdict = "same person" if decision.same else "different people"
        return [f"{verdict}: " + "; ".join(decision.reasons)]
    if kind == "state":
        ca, cb = x.country(), y.country()
        return [f"{'same' if ca == cb else 'different'} state: {a!r} is {ca}, {b!r} is {cb}"]
    spelled = expansions(nodes)
    ka, kb = org_keys(x, spelled), org_keys(y, spelled)
    shared = ka & kb
    known = sorted(k.removeprefix("known:") for k in shared if k.startswith("known:"))
    if known:
        return [f"same {kind}: both are names of {known[0]!r} (well-known aliases, data/aliases.yaml)"]
    if shared:
        return [f"same {kind}: both are called {sorted(shared)[0]!r} (acronyms spelled out)"]
    return [f"different {kind}s: names {sorted(ka)} and {sorted(kb)} share no key"]


def _carries(node: LocalActor, name: str) -> bool:
    wanted = name.casefold()
    return any(n.casefold() == wanted for n in node.names)
