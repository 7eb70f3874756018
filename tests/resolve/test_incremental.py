"""Adding documents to a resolved room: resolved against its actors, the same picture as one build."""

import shutil
from collections import Counter

import pytest
from click.testing import CliRunner

import sitroom.resolve.incremental as incremental
from sitroom.build import build
from sitroom.cli.main import main
from sitroom.model.clusters import UnionFind
from sitroom.resolve.across import LocalActor, resolve
from sitroom.resolve.actors import build_actors
from sitroom.resolve.blocking import probe_keys, touch_keys
from sitroom.resolve.corpus import resolution_fingerprint, room_local_actors
from sitroom.store.room import Room

from ..conftest import exported


def _node(doc, kind, *names, cluster=0, country=None, pronouns=()):
    node = LocalActor(doc, cluster, kinds=Counter({kind: len(names)}), names=Counter(names),
                      mentions=len(names), pronouns=Counter(pronouns))
    if country:
        node.countries[country] = 1
    return node


def _connected_by_keys(nodes: list[LocalActor]) -> UnionFind:
    """Nodes joined where one's probe key is the other's touch key (as a new one finds a kept one)."""
    uf, holders = UnionFind(len(nodes)), {}
    for i, node in enumerate(nodes):
        for key in touch_keys(node):
            holders.setdefault(key, []).append(i)
    for i, node in enumerate(nodes):
        for key in probe_keys(node):
            for j in holders.get(key, ()):
                uf.union(i, j)
    return uf


def _assert_keys_cover_every_join(nodes: list[LocalActor]) -> None:
    keyed = _connected_by_keys(nodes)
    for group in resolve(nodes):
        assert len({keyed.find(i) for i in group}) == 1, [dict(nodes[i].names) for i in group]


def test_every_join_of_the_rules_is_between_actors_sharing_a_key():
    nodes = [
        _node("a", "organization", "Norland Liberation Front", "NLF"), _node("b", "organization", "NLF"),
        _node("c", "organization", "Halvorsen Shipping"), _node("d", "organization", "Halvorsen"),
        _node("e", "organization", "Vexley Harbour Authority Inc."),
        _node("f", "organization", "Vexley Harbour Authority"), _node("g", "state", "Marlova", country="MDA"),
        _node("h", "state", "the Republic of Marlova", country="MDA"), _node("i", "person", "Karl Ostrom"),
        _node("j", "person", "Ostrom", pronouns=("he", "he", "his")), _node("k", "location", "Ostrom"),
        _node("l", "person", "Erik Lundqvist"), _node("m", "person", "Eric Lundkvist"),
        _node("n", "person", "Anna Maria Holm"), _node("o", "person", "Anna Maria Holmberg"),
        _node("p", "location", "Southern Front Ridge"), _node("q", "organization", "Southern Front Ridge"),
        _node("r", "other", "Harbour Accord"), _node("s", "other", "the Harbour Accord"),
        _node("t", "organization", "Osterland Front movement"), _node("u", "organization", "Osterland Front"),
    ]
    _assert_keys_cover_every_join(nodes)


def test_every_join_on_the_sample_corpus_is_between_actors_sharing_a_key(corpus_room):
    with Room(corpus_room, read_only=True) as room:
        _assert_keys_cover_every_join(room_local_actors(room))


def test_ids_of_actors_kept_are_reserved():
    nodes = [_node("a", "person", "Lena Berg"), _node("b", "person", "Lena Berg")]
    assert build_actors(nodes, [])[0][0] == "person:lena-berg"
    assert build_actors(nodes, [], reserved=frozenset({"person:lena-berg"}))[0][0] == "person:lena-berg-a"


@pytest.fixture()
def folder(tmp_path, corpus):
    docs = tmp_path / "docs"
    docs.mkdir()
    return docs


def _copy(corpus, folder, names):
    for name in names:
        shutil.copy(corpus / name, folder / name)


def test_documents_added_to_a_room_give_the_picture_of_one_build(corpus, folder, tmp_path, monkeypatch):
    files = sorted(p.name for p in corpus.glob("*.txt"))
    calls = []
    monkeypatch.setattr(incremental, "resolve_added", lambda *a, real=incremental.resolve_added: (
        calls.append(a[1]), real(*a))[1])
    _copy(corpus, folder, files[:3])
    step = tmp_path / "step.duckdb"
    build([str(folder)], step)
    assert calls == []  # the first resolution is whole
    _copy(corpus, folder, files[3:])
    build([str(folder)], step)
    assert len(calls) == 1 and len(calls[0]) == len(files) - 3  # the two added, resolved against the room
    whole = tmp_path / "whole.duckdb"
    build([str(folder)], whole)
    assert exported(step) == exported(whole)


def test_a_replaced_document_or_an_override_means_resolving_everything_again(corpus, folder, tmp_path):
    files = sorted(p.name for p in corpus.glob("*.txt"))
    _copy(corpus, folder, files[:2])
    db = tmp_path / "room.duckdb"
    build([str(folder)], db)
    with Room(db) as room:
        assert room.added_since_resolved(resolution_fingerprint()) == []
    _copy(corpus, folder, files[2:3])
    (folder / files[0]).write_text((corpus / files[0]).read_text(encoding="utf-8") + "\nA line more.\n",
                                   encoding="utf-8")
    build([str(folder)], db, keep_missing=True)
    with Room(db) as room:  # resolved whole (a document changed): nothing waits
        assert room.added_since_resolved(resolution_fingerprint()) == []
        room.add_override("merge", "Russia", "Moscow")
        assert room.added_since_resolved(resolution_fingerprint()) is None


def test_resolve_full_resolves_every_document_anew(corpus, folder, tmp_path):
    _copy(corpus, folder, sorted(p.name for p in corpus.glob("*.txt"))[:2])
    db = tmp_path / "room.duckdb"
    build([str(folder)], db)
    before = exported(db)
    result = CliRunner().invoke(main, ["resolve", "--db", str(db), "--full"])
    assert result.exit_code == 0, result.output
    assert exported(db) == before
    assert "--full" in CliRunner().invoke(main, ["resolve", "--help"]).output
