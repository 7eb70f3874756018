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
