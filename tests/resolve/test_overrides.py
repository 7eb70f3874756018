"""Overrides on hand-made document actors: anchors, ids that stay put, and what one override costs."""

from collections import Counter

import pytest

from sitroom.resolve import overrides
from sitroom.resolve.across import LocalActor, resolve
from sitroom.resolve.overrides import NoChange, anchor, apply, identities, preview

from .test_across import _word


def karl(doc: str, cluster: int = 0, mentions: int = 1) -> LocalActor:
    return LocalActor(doc, cluster, kinds=Counter({"person": 1}), names=Counter({"Karl": mentions}),
                      mentions=mentions)


def person(doc: str, name: str) -> LocalActor:
    return LocalActor(doc, 0, kinds=Counter({"person": 1}), names=Counter({name: 1}), mentions=1)


def _ids(nodes, overrides_=()):
    groups, named = apply(resolve(nodes), nodes, list(overrides_))
    return {ident: {nodes[i].document for i in g} for g, (ident, _, _) in
            zip(groups, identities(groups, nodes, named), strict=True)}


def test_actors_sharing_a_name_keep_their_ids_when_one_of_them_is_merged_away():
    """The actor with most mentions holds the plain id, the others the document they begin in: merging
    one away renames none of the rest (numbered ids shifted, so an id from an earlier listing named
    another actor)."""
    nodes = [karl("aaaa1111", mentions=5), karl("bbbb2222"), karl("cccc3333"), karl("dddd4444"),
             person("eeee5555", "Lena Halvorsen")]
    before = _ids(nodes)
    assert before["person:karl"] == {"aaaa1111"}
    assert before["person:karl-bbbb2222"] == {"bbbb2222"} and before["person:karl-dddd4444"] == {"dddd4444"}
    after = _ids(nodes, [("merge", "person:karl-bbbb2222", "Lena Halvorsen")])
    assert after["person:lena-halvorsen"] == {"bbbb2222", "eeee5555"}
    assert {k: v for k, v in before.items() if k not in ("person:karl-bbbb2222", "person:lena-halvorsen")
            }.items() <= after.items()


def test_an_anchor_names_the_actor_holding_that_document_actor_whatever_came_before():
    nodes = [karl("aaaa1111", mentions=5), karl("bbbb2222"), karl("cccc3333"),
             person("eeee5555", "Lena Halvorsen")]
    mine = ("merge", anchor("Karl", "cccc3333", 0), "Lena Halvorsen")
    for earlier in ([], [("merge", "person:karl-bbbb2222", "Lena Halvorsen")]):
        ids = _ids(nodes, [*earlier, mine])
        assert "cccc3333" in ids["person:lena-halvorsen"]
        assert ids["person:karl"] == {"aaaa1111"}
    # a cluster renumbered by a new extraction: the document's actor written so is still found
    assert "cccc3333" in _ids(nodes, [("merge", anchor("Karl", "cccc3333", 7), "Lena Halvorsen")]
                              )["person:lena-halvorsen"]
    # a document no longer in the room: the override is skipped, nothing else merged
    assert _ids(nodes, [("merge", anchor("Karl", "ffff0000", 0), "Lena Halvorsen")]) == _ids(nodes)


def test_overrides_cost_the_actors_they_touch_not_all_actors_each(monkeypatch):
    """Each override used to name and number every actor to look up two (0.3 s each on 840 articles):
    now the actors are named once per apply."""
    nodes = [person(f"d{k:04d}", _word(k)) for k in range(400)]
    groups = resolve(nodes)
    calls = Counter()
    real = overrides.display

    def counted(*args):
        calls["display"] += 1
        return real(*args)

    monkeypatch.setattr(overrides, "display", counted)
    merged, _ = apply(groups, nodes, [("merge", _word(2 * k), _word(2 * k + 1))
                                      for k in range(50)])
    assert len(merged) == 350
    assert calls["display"] <= len(groups) + 50


def test_preview_says_which_actor_it_could_not_find():
    nodes = [karl("aaaa1111"), person("eeee5555", "Lena Halvorsen")]
    with pytest.raises(NoChange, match="'Erik Lund'"):
        preview(nodes, [], "merge", "Karl", "Erik Lund")
    with pytest.raises(NoChange, match="one actor already"):
        preview(nodes, [("merge", "Karl", "Lena Halvorsen")], "merge", "Karl", "Lena Halvorsen")
    made = preview(nodes, [], "merge", "Karl", "Lena Halvorsen")
    assert made == ("person:lena-halvorsen", "Lena Halvorsen")


def test_ids_recorded_before_anchors_keep_naming_the_actors_they_named_then():
    """Overrides recorded by an older sitroom name actors by ids numbered by first document (-2, -3):
    they still name those actors, and one that names nothing any more is reported, not lost silently."""
    nodes = [karl("aaaa1111"), karl("bbbb2222", mentions=5), karl("cccc3333"),
             person("eeee5555", "Lena Halvorsen")]
    assert _ids(nodes)["person:karl"] == {"bbbb2222"}  # now: the one of most mentions
    ids = _ids(nodes, [("merge", "person:karl-3", "Lena Halvorsen")])
    assert ids["person:lena-halvorsen"] == {"cccc3333", "eeee5555"}
    ids = _ids(nodes, [("merge", "person:karl", "Lena Halvorsen")])  # then: the first by document
    assert ids["person:lena-halvorsen"] == {"aaaa1111", "eeee5555"}
    skipped: list[int] = []
    recorded = [("merge", "person:karl-9", "Lena Halvorsen"), ("merge", "person:karl-2", "Lena Halvorsen"),
                ("split", "Lena Halvorsen", "Nobody")]
    groups, _ = apply(resolve(nodes), nodes, recorded, skipped)
    assert skipped == [1, 3]
    assert sorted(len(g) for g in groups) == [1, 1, 2]

