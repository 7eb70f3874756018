"""Cross-document matching on hand-made local actors: who meets, who never does, and why."""

from collections import Counter

from sitroom.resolve.across import LocalActor, match_people, resolve
from sitroom.resolve.explain import explain


def person(doc, name, roles=(), country=None):
    node = LocalActor(doc, 0, kinds=Counter({"person": 1}), names=Counter({name: 1}),
                      roles=list(roles), mentions=1)
    if country:
        node.countries[country] = 1
    return node


def org(doc, *names, kind="organization"):
    return LocalActor(doc, 0, kinds=Counter({kind: 1}), names=Counter(names), mentions=len(names))


def _together(nodes, merges=(), splits=()):
    return {frozenset(next(iter(nodes[i].names)) for i in g) for g in resolve(nodes, merges, splits)}


def test_transliterations_and_typos_of_one_person_meet():
    nodes = [person("a", "Sher Mohamad Abbass Stanikzai"), person("b", "Sher Mohammad Abbas Stanikzai"),
             person("c", "Ahmad Shah Massoud"), person("d", "Ahmad Shah Masud"),
             person("e", "Abdul Ghani Baradar"), person("f", "Abdul Ghani Birobar")]
    groups = _together(nodes)
    assert len(groups) == 3


def test_garbled_given_name_with_the_same_surname_and_role():
    a = person("a", "Emomali Rahmon", [("President of Tajikistan", "Tajikistan")])
    b = person("b", "Emoman Rakhman", [("Tajik President", "Tajikistan")])
    assert match_people(a, b).same


def test_people_who_share_a_first_name_or_a_title_stay_apart():
    nodes = [person("a", "Vladimir Putin", [("Russian President", "Russia")]),
             person("b", "Vladimir Dzhabarov", [("deputy chairman", None)]),
             person("c", "Ashraf Ghani", [("President", "Afghanistan")]),
             person("d", "Abdul Ghani Baradar"), person("e", "Abdul Salam Hanafi"),
             person("f", "Hillary Clinton"), person("g", "Bill Clinton")]
    assert len(_together(nodes)) == 7


def test_a_surname_alone_joins_the_one_full_name_that_fits():
    nodes = [person("a", "Sergei Lavrov"), person("b", "Lavrov"), person("c", "Clinton"),
             person("d", "Hillary Clinton"), person("e", "Bill Clinton")]
    groups = _together(nodes)
    assert frozenset({"Sergei Lavrov", "Lavrov"}) in groups
    assert frozenset({"Clinton"}) in groups  # two Clintons: no guess


def test_acronyms_meet_their_expansion_across_documents():
    nodes = [org("a", "Collective Security Treaty Organization", "CSTO"), org("b", "CSTO"),
             org("c", "New York Times"), org("d", "NYT")]
    assert len(_together(nodes)) == 2


def test_overrides_merge_and_split():
    nodes = [person("a", "Vladimir Putin"), person("b", "Putin"), person("c", "Dmitry Peskov")]
    merged = _together(nodes, merges=[("Putin", "Dmitry Peskov")])
    assert frozenset({"Vladimir Putin", "Putin", "Dmitry Peskov"}) in merged
    split = _together(nodes, splits=[("Vladimir Putin", "Putin")])
    assert frozenset({"Putin"}) in split


def test_explain_says_why():
    nodes = [person("a", "Vladimir Putin"), person("b", "Vladimir Dzhabarov")]
    (line,) = explain(nodes, "Vladimir Putin", "Vladimir Dzhabarov")
    assert line.startswith("different people") and "surnames" in line
    assert "no mention" in explain(nodes, "Putin", "Nobody")[0]
