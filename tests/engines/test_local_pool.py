"""Worker processes that die: the text that killed one fails alone, every other text comes back."""

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

import pytest

from sitroom.engines.local_pool import Analysers
from sitroom.model.document import SourceText
from sitroom.model.failure import Failure

from . import pool_work


class _Pool(Analysers):
    def _out(self, items):
        return self._started().submit(pool_work.work, [text for _, text in items], self.budget)

    def _started(self):
        if self._pool is None:
            self._pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=pool_work.start)
        return self._pool


def _results(pool: Analysers, names: list[str], text: str = "x") -> list[tuple[str, object]]:
    """``(name, result)`` of each text handed to ``pool`` (one per name), in the order they came back."""
    got = []
    try:
        for name in names:
            pool.submit(name, SourceText(id=name, source=name, origin=name, format="text", text=text,
                                         content_hash="", encoding="utf-8"))
            got += list(pool.ready())
        got += list(pool.drain())
    finally:
        pool.close()
    return [(tag, result) for tag, _, result in got]


def _run(names: list[str]) -> list[tuple[str, str]]:
    return [(tag, result.reason if isinstance(result, Failure) else "ok")
            for tag, result in _results(_Pool(2, None, 0), names)]


@pytest.mark.parametrize("names", [
    ["kill1", "a", "b", "c", "d", "e", "f", "g", "h"],
    ["a", "b", "kill1", "c", "d", "e", "f", "g", "h", "i", "j"],
    ["a", "kill1", "b", "kill2", "c", "d", "e", "f", "g", "h", "i"],
])
def test_a_text_that_kills_its_worker_fails_alone_and_the_rest_come_back_in_order(names):
    got = _run(names)
    assert [tag for tag, _ in got] == names
    assert {tag for tag, verdict in got if verdict != "ok"} == {n for n in names if n.startswith("kill")}
    assert all("died" in verdict for tag, verdict in got if tag.startswith("kill"))


def test_forked_workers_use_the_writers_pipeline_and_one_that_dies_fails_its_text_alone(monkeypatch):
    from sitroom.engines import local_pool

    def analyse(text, nlp, budget):  # (forked workers inherit this stand-in)
        if text.source.startswith("kill"):
            os._exit(1)
        return id(nlp), os.getpid()

    monkeypatch.setattr(local_pool, "_FORK", True)
    monkeypatch.setattr(local_pool, "_MODEL", None)
    monkeypatch.setattr(local_pool, "analyse_text", analyse)
    names = ["a", "b", "kill1", "c", "d", "e", "f", "g", "h", "i"]
    got = _results(Analysers(2, None, 0), names)
    assert [tag for tag, _ in got] == names
    assert isinstance(dict(got)["kill1"], Failure)
    results = [r for t, r in got if t != "kill1"]
    assert {nlp for nlp, _ in results} == {id(local_pool._MODEL.get())}  # the writer's, not one loaded anew
    assert os.getpid() not in {pid for _, pid in results}


@pytest.mark.parametrize("fork", [True, False])
def test_workers_forked_from_the_writer_share_its_pipeline_and_spawned_ones_load_their_own(monkeypatch, fork):
    from sitroom.engines import local_pool

    monkeypatch.setattr(local_pool, "_FORK", fork)
    monkeypatch.setattr(local_pool, "_MODEL", None)
    text = "Harbour Notice\n\nKarl Ostrom said the ferry to Vexley would sail on Monday.\n"
    got = _results(Analysers(2, None, 0), ["a", "b", "c"], text)
    assert [tag for tag, _ in got] == ["a", "b", "c"]
    assert all(not isinstance(result, Failure) and result[1].quotes for _, result in got)
    assert (local_pool._MODEL is not None) is fork  # the writer loaded the pipeline only for forking
