"""Resolution part by part gives the groups of resolving everything at once."""

from collections import Counter

from sitroom.resolve.across import LocalActor, resolve
from sitroom.resolve.corpus import room_local_actors
from sitroom.resolve.partition import parts, resolve_in_parts
from sitroom.store.room import Room


def _node(doc, kind, *names, country=None, pronouns=()):
    node = LocalActor(doc, 0, kinds=Counter({kind: len(names)}), names=Counter(names), mentions=len(names),
                      pronouns=Counter(pronouns))
    if country:
        node.countries[country] = 1
    return node


def _corpus_of_invented_names():
    return [
        _node("a", "organization", "Norland Liberation Front", "NLF"), _node("b", "organization", "NLF"),
        _node("c", "organization", "Halvorsen Shipping"), _node("d", "organization", "Halvorsen"),
        _node("e", "state", "Marlova", country="MDA"),
        _node("f", "state", "the Republic of Marlova", country="MDA"),
        _node("g", "person", "Karl Ostrom"), _node("h", "person", "Ostrom", pronouns=("he", "he", "his")),
        _node("i", "location", "Ostrom"), _node("j", "person", "Erik Lundqvist"),
        _node("k", "person", "Eric Lundkvist"), _node("l", "person", "Lena Halvorsen"),
        _node("m", "location", "Southern Front Ridge"), _node("n", "organization", "Southern Front Ridge"),
        _node("o", "person", "Halvorsen"), _node("p", "other", "Harbour Accord"),
        _node("q", "other", "the Harbour Accord"), _node("r", "location", "Vexley"),
    ]


def test_parts_resolved_alone_give_the_groups_of_one_resolution():
    assert resolve_in_parts(_corpus_of_invented_names()) == resolve(_corpus_of_invented_names())


def test_only_actors_sharing_a_key_are_in_one_part():
    nodes = _corpus_of_invented_names()
    part_of = {i: k for k, part in enumerate(parts(nodes)) for i in part}
    assert part_of[2] == part_of[3]  # "Halvorsen" meets "Halvorsen Shipping", which it opens
    assert part_of[6] == part_of[7] == part_of[8]  # the surname, and a place that is that surname
    assert len({part_of[0], part_of[4], part_of[6], part_of[9], part_of[17]}) == 5


def test_the_sample_corpus_resolved_part_by_part_is_resolved_alike(corpus_room):
    with Room(corpus_room, read_only=True) as room:
        first, second = room_local_actors(room), room_local_actors(room)
    assert resolve_in_parts(second) == resolve(first)
    assert [n.kinds for n in second] == [n.kinds for n in first]  # (surnames read alike)


def test_an_acronym_spelled_out_by_a_place_meets_the_groups_shorter_name():
    def corpus():
        return [_node("a", "location", "Osterland Front Movement"), _node("b", "organization", "OFM"),
                _node("c", "organization", "Osterland Front")]

    assert resolve_in_parts(corpus()) == resolve(corpus()) == [[0], [1, 2]]


def test_a_state_without_a_country_meets_the_state_of_its_name():
    def corpus():
        return [_node("a", "state", "MDA"), _node("b", "state", "Marlova", country="MDA")]

    assert resolve_in_parts(corpus()) == resolve(corpus()) == [[0, 1]]
