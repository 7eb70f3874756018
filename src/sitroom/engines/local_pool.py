"""Cleaning and analysing documents here, or in worker processes on every core.

On Linux the writer loads the spaCy pipeline and the extractors' tables once, then forks its worker
processes, which share them (copy-on-write) instead of each loading its own: ~3 CPU seconds less per
worker on any build, a quarter less memory for the whole. A forked worker never touches the writer's
open room: it inherits the room's memory but not its threads, drops its copy of the writer's
announcement lock (``store/access.py``), writes to streams of its own, and exits with ``os._exit`` (no
finaliser of the room runs there). Elsewhere (fork is unsafe on macOS) each worker is spawned and loads
its own pipeline. Each worker turns one source text at a time into ``(document, analysis)`` or a
Failure; the one writer takes the results back in the order it handed the texts out, so the room is
written exactly as by one process. A document's time budget runs in the process that analyses it.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager

from sitroom.errors import ModelError, TooSlow, WorkersDying
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

            nlp = load_model(self.name)
            detect_language("Loads the language identifier's model before any document is timed.")
            _warm_up(nlp)
            self._nlp = nlp  # (only once warmed up: a warm-up that failed fails again)
        return self._nlp


def _warm_up(nlp) -> None:
    """Load the data tables and models the extractors load on first use, and analyse a short invented
    text once: no document's time budget pays for them, and forked workers share them."""
    from sitroom.coref.gender import first_names_known
    from sitroom.data.names import languages
    from sitroom.data.places import is_place, is_region
    from sitroom.extract.claim_text import warm_up
    from sitroom.model.document import SourceText as Text

    warm_up()
    first_names_known(), languages(), is_place("Vexley"), is_region("Vexley")
    text = "Warm-Up Notice\n\nOn 3 May 2020 the minister said: \u201cWe met 12 envoys in the capital.\u201d\n"
    analyse_text(Text(id="warm-up", source="warm-up", origin="warm-up", format="text", text=text,
                      content_hash="", encoding="utf-8"), nlp, 0)


CHUNK = 4
"""Texts handed to a worker at once (fewer round trips; each is analysed, and timed, on its own: parsing
several documents' passages in one ``nlp.pipe`` saved ~1 % of a build but made one document's time
budget pay for its neighbours)."""


class Analysers:
    """``workers`` processes analysing texts, CHUNK at a time; ``ready`` hands back what was handed in,
    in order, keeping at most two chunks per worker in flight (memory stays bounded on any corpus size).

    A worker that dies breaks every chunk in flight: their texts are then handed out again one at a
    time, each alone in the pool, so that the next death names its cause; a text that dies alone fails
    ("the worker analysing it died") and is not handed out again. When every text is accounted for, the
    pool works on chunks again. Deaths in a row without a text finished (workers that cannot start, no
    memory) stop the build after MAX_DEATHS (WorkersDying)."""

    MAX_DEATHS = 4

    def __init__(self, workers: int, model: str | None, budget: float):
        self.workers, self.model, self.budget = workers, model, budget
        self._pool: ProcessPoolExecutor | None = None
        self._pending: deque[list] = deque()  # [[(tag, text), ...], future or None (not yet out), suspect]
        self._gathering: list[tuple[object, SourceText]] = []
        self._deaths_in_a_row = 0

    def submit(self, tag: object, text: SourceText) -> None:
        """Hand ``text`` out (``tag`` comes back with its result). Raises ModelError (no pipeline) and
        WorkersDying: the build stops."""
        self._gathering.append((tag, text))
        if len(self._gathering) >= CHUNK:
            gathered, self._gathering = self._gathering, []
            self._queue(gathered)

    def ready(self) -> Iterator[tuple[object, SourceText, Result | Failure]]:
        """The results due for the window to stay bounded, oldest first."""
        while len(self._pending) > 2 * self.workers:
            yield from self._next()

    def drain(self) -> Iterator[tuple[object, SourceText, Result | Failure]]:
        if self._gathering:
            gathered, self._gathering = self._gathering, []
            self._queue(gathered)
        while self._pending:
            yield from self._next()

    @property
    def _careful(self) -> bool:
        """Texts that were in flight at a death are still pending: one text out at a time."""
        return any(entry[2] for entry in self._pending)

    def _queue(self, items: list[tuple[object, SourceText]], suspect: bool = False) -> None:
        entry = [items, None, suspect]
        self._pending.append(entry)
        if not self._careful:
            entry[1] = self._out(items)

    def _out(self, items: list[tuple[object, SourceText]]):
        try:
            return self._started().submit(_work, [text for _, text in items], self.budget)
        except BrokenProcessPool as exc:  # a worker died since the last look: these fare as those in flight
            broken: Future = Future()
            broken.set_exception(exc)
            return broken

    def _next(self) -> list[tuple[object, SourceText, Result | Failure]]:
        while True:
            entry = self._pending[0]
            if entry[1] is None:
                entry[1] = self._out(entry[0])
            items, future, suspect = entry
            try:
                results = future.result()
            except BrokenProcessPool:
                alone = self._careful  # (then nothing else was out: this text killed its worker)
                self._restart()
                if alone:
                    ((tag, text),), _, _ = self._pending.popleft()
                    return [(tag, text, Failure(text.source, "nlp", "the worker analysing it died"))]
                continue
            except ModelError:
                raise
            except Exception as exc:  # the results could not come back (one would not pickle, say)
                results = [Failure(text.source, "nlp", f"{type(exc).__name__}: {exc}") for _, text in items]
            self._pending.popleft()
            self._deaths_in_a_row = 0
            if not self._careful:  # every suspect accounted for: the rest goes out as usual
                for waiting in self._pending:
                    waiting[1] = waiting[1] or self._out(waiting[0])
            return [(tag, text, result) for (tag, text), result in zip(items, results, strict=True)]

    def _started(self) -> ProcessPoolExecutor:
        """The pool, made on first use. On Linux the pipeline is loaded here first (raises ModelError,
        also for a pipeline that fails to load or warm up) and the writer's heap frozen: the workers,
        forked when the first texts go out, share it."""
        global _MODEL
        if self._pool is None:
            if _FORK:
                if _MODEL is None or _MODEL.name != self.model:
                    _MODEL = LazyModel(self.model)
                try:
                    _MODEL.get()
                except ModelError:
                    raise
                except Exception as exc:  # (not one document's fault: nothing could be analysed)
                    raise ModelError(f"the spaCy pipeline could not be loaded: {type(exc).__name__}: {exc}"
                                     ) from exc
                gc.collect()
                gc.freeze()  # the collector of a forked worker leaves what it inherits alone (no copy)
            context = multiprocessing.get_context("fork" if _FORK else "spawn")
            self._pool = ProcessPoolExecutor(self.workers, mp_context=context, initializer=_start,
                                             initargs=(self.model,))
        return self._pool

    def _restart(self) -> None:
        """A new pool; what was out goes out again one text at a time, none yet (``_next`` sends)."""
        self._deaths_in_a_row += 1
        if self._deaths_in_a_row >= self.MAX_DEATHS:
            raise WorkersDying("the worker processes keep dying before they finish a document (out of "
                               "memory?); try fewer --workers")
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
        pending, self._pending = self._pending, deque()
        for items, future, suspect in pending:
            out = future is not None  # (a text still waiting to go out was not in flight: no suspect)
            for item in items:
                self._pending.append([[item], None, suspect or out])

    def close(self, wait: bool = True) -> None:
        """Stop the workers (``wait``: let those at work finish first); the writer's collector sees its
        whole heap again."""
        if self._pool is not None:
            self._pool.shutdown(wait=wait, cancel_futures=True)
            self._pool = None
        gc.unfreeze()


_FORK = sys.platform == "linux"
"""Workers are forked from the writer on Linux; elsewhere (fork is unsafe on macOS) each is spawned and
loads its own pipeline."""
_MODEL: LazyModel | None = None
"""The pipeline of this process's analyses: the writer's, inherited by forked workers."""


def _start(model: str | None) -> None:
    global _MODEL
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the writer, which stops the pool
    parent = multiprocessing.parent_process()
    if parent is not None:  # a writer killed outright (SIGKILL) takes its workers with it
        threading.Thread(target=_exit_with, args=(parent.sentinel,), daemon=True).start()
    if _MODEL is not None:  # forked: streams of its own, not the writer's (a progress display, its locks)
        sys.stdout = open(1, "w", buffering=1, closefd=False)  # noqa: SIM115 - the process's own streams
        sys.stderr = open(2, "w", buffering=1, closefd=False, errors="backslashreplace")  # noqa: SIM115
    else:  # spawned: load it here
        _MODEL = LazyModel(model)
        with contextlib.suppress(ModelError):  # raised again by the first text: the writer stops with advice
            _MODEL.get()


def _exit_with(sentinel: int) -> None:
    multiprocessing.connection.wait([sentinel])
    os._exit(1)


def _work(texts: list[SourceText], budget: float) -> list[Result | Failure]:
    assert _MODEL is not None
    return [analyse_text(text, _MODEL.get(), budget) for text in texts]


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
