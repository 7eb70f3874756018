"""The Ray engine on a local cluster gives the room the local engine gives, and reuses its blocks."""

import shutil

import pytest

from sitroom.build import build

from ..conftest import exported

ray = pytest.importorskip("ray", reason="the ray extra is not installed (pip install 'sitroom[ray]')")



@pytest.fixture(scope="module")
def two_documents(corpus, tmp_path_factory):
    folder = tmp_path_factory.mktemp("two")
    for name in sorted(p.name for p in corpus.iterdir())[:2]:
        shutil.copy(corpus / name, folder / name)
    return folder


def test_ray_export_equals_local_export(two_documents, tmp_path):
    local, remote = tmp_path / "local.duckdb", tmp_path / "ray.duckdb"
    assert build([str(two_documents)], local).ok
    report = build([str(two_documents)], remote, engine="ray")
    ray.shutdown()
    assert report.ok and len(report.added) == 2
    assert list(remote.parent.glob("ray.duckdb.blocks/**/*.parquet"))
    assert exported(remote) == exported(local)


def test_finished_blocks_are_loaded_not_redone(two_documents, tmp_path):
    db = tmp_path / "ray.duckdb"
    build([str(two_documents)], db, engine="ray")
    ray.shutdown()
    first = exported(db)
    db.unlink()
    # the blocks are there: nothing needs a cluster, so even an unreachable address works
    report = build([str(two_documents)], db, engine="ray", address="ray://127.0.0.1:1")
    assert report.ok and len(report.added) == 2
    assert exported(db) == first


def test_resolution_on_ray_gives_the_groups_resolved_here(corpus_room, monkeypatch):
    from sitroom.engines import ray_resolve
    from sitroom.resolve.across import resolve
    from sitroom.resolve.corpus import room_local_actors
    from sitroom.store.room import Room

    with Room(corpus_room, read_only=True) as room:
        here, there = room_local_actors(room), room_local_actors(room)
    sent = []
    on_ray = ray_resolve._on_ray
    monkeypatch.setattr(ray_resolve, "_on_ray", lambda *args: sent.append(len(args[1])) or on_ray(*args))
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    try:
        assert ray_resolve.groups_on_ray(there, minimum=0, anywhere=True) == resolve(here)
    finally:
        ray.shutdown()
    assert sent and sent[0] > 1  # (the parts went to the cluster, several of them)
