"""Cleaning and analysing documents here, or in worker processes on every core.

Each worker process loads the spaCy pipeline once (spawned, so nothing of the writer's open room is
inherited) and turns one source text at a time into ``(document, analysis)`` or a Failure; the one
writer takes the results back in the order it handed the texts out, so the room is written exactly
as by one process. A document's time budget runs in the process that analyses it.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.connection
import os
import signal
import threading
from collections import deque
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager

from sitroom.errors import ModelError, SitroomError, TooSlow
from sitroom.model.document import SourceText
from sitroom.model.failure import Failure

Result = tuple  # (document, analysis)


def analyse_text(text: SourceText, nlp, budget: float) -> Result | Failure:
    """Clean and analyse one source text within ``budget`` seconds; a Failure names the stage.
    Raises ModelError (no pipeline: nothing can be analysed, the build stops with advice)."""
    from sitroom.clean import clean
    from sitroom.extract.analysis import analyse

    stage = "clean"
    try:
        with _budget(budget):
            document = clean(text)
            stage = "nlp"
            return document, analyse(document, nlp)
    except ModelError:
        raise
    except TooSlow as exc:
        return Failure(text.source, stage, str(exc))
    except Exception as exc:  # a bug on one page must not stop the batch
        return Failure(text.source, stage, f"{type(exc).__name__}: {exc}")


class LazyModel:
    """Loads the spaCy pipeline on first use: a build with nothing new never pays for it."""

    def __init__(self, name: str | None):
        self.name = name
        self._nlp = None

    def get(self):
        if self._nlp is None:
            from sitroom.clean.document import detect_language
            from sitroom.nlp.model import load_model

            self._nlp = load_model(self.name)
            detect_language("Loads the language identifier's model before any document is timed.")
            _warm_up(self._nlp)
        return self._nlp


def _warm_up(nlp) -> None:
    """Analyse a short invented text once, so that no document's time budget pays for loading the
    data tables and models the extractors load on first use."""
    from sitroom.extract.claim_text import warm_up
    from sitroom.model.document import SourceText as Text

    warm_up()
    text = "Warm-Up Notice\n\nOn 3 May 2020 the minister said: \u201cWe met 12 envoys in the capital.\u201d\n"
    analyse_text(Text(id="warm-up", source="warm-up", origin="warm-up", format="text", text=text,
                      content_hash="", encoding="utf-8"), nlp, 0)


class Analysers:
    """``workers`` processes analysing texts; ``ready`` hands back what was handed in, in order,
    keeping at most two texts per worker in flight (memory stays bounded on any corpus size).

    A worker that dies breaks every text in flight, so all of them are handed out again to a new
    pool; a text fails only once it was in flight at two deaths (it is the likely cause), and a
    pool that dies three times in a row without finishing a text stops the build (workers that
    cannot start, or no memory for the pipeline)."""

    def __init__(self, workers: int, model: str | None, budget: float):
        self.workers, self.model, self.budget = workers, model, budget
        self._pool: ProcessPoolExecutor | None = None
        self._pending: deque[list] = deque()  # [tag, text, future, deaths seen]
        self._deaths_in_a_row = 0

    def submit(self, tag: object, text: SourceText) -> None:
        """Hand ``text`` out (``tag`` comes back with its result)."""
        self._pending.append([tag, text, self._started().submit(_work, text, self.budget), 0])

    def ready(self) -> Iterator[tuple[object, SourceText, Result | Failure]]:
        """The results due for the window to stay bounded, oldest first."""
        while len(self._pending) > 2 * self.workers:
            yield self._next()

    def drain(self) -> Iterator[tuple[object, SourceText, Result | Failure]]:
        while self._pending:
            yield self._next()

    def _next(self) -> tuple[object, SourceText, Result | Failure]:
        while True:
            tag, text, future, deaths = self._pending[0]
            try:
                result = future.result()
            except BrokenProcessPool:
                self._restart()
                if self._pending[0][3] >= 2:
                    tag, text, _, _ = self._pending.popleft()
                    return tag, text, Failure(text.source, "nlp", "the worker analysing it died (twice)")
                continue
            except ModelError:
                raise
            except Exception as exc:  # the result could not come back (it would not pickle, say)
                result = Failure(text.source, "nlp", f"{type(exc).__name__}: {exc}")
            self._pending.popleft()
            self._deaths_in_a_row = 0
            return tag, text, result

    def _started(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=_start, initargs=(self.model,))
        return self._pool

    def _restart(self) -> None:
        self._deaths_in_a_row += 1
        if self._deaths_in_a_row >= 3:
            raise SitroomError("the worker processes keep dying before they finish a document (out of "
                               "memory?); try fewer --workers")
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
        for item in self._pending:
            item[2] = self._started().submit(_work, item[1], self.budget)
            item[3] += 1

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


_MODEL: LazyModel | None = None


def _start(model: str | None) -> None:
    global _MODEL
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the writer, which stops the pool
    parent = multiprocessing.parent_process()
    if parent is not None:  # a writer killed outright (SIGKILL) takes its workers with it
        threading.Thread(target=_exit_with, args=(parent.sentinel,), daemon=True).start()
    _MODEL = LazyModel(model)
    with contextlib.suppress(ModelError):  # raised again by the first text: the writer stops with advice
        _MODEL.get()


def _exit_with(sentinel: int) -> None:
    multiprocessing.connection.wait([sentinel])
    os._exit(1)


def _work(text: SourceText, budget: float) -> Result | Failure:
    assert _MODEL is not None
    return analyse_text(text, _MODEL.get(), budget)


@contextmanager
def _budget(seconds: float):
    """Raise TooSlow in this thread when the work inside takes longer than ``seconds``.

    Uses a real-time interval timer, so only in the main thread of a process (the CLI, a worker);
    elsewhere the work runs without a budget.
    """
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame):
        raise TooSlow(f"took longer than {seconds:g} s (raise --max-doc-seconds to allow more)")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
