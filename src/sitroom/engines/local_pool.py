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
import time
from collections import deque
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from functools import partial

from sitroom.errors import ModelError, SitroomError, TooSlow
from sitroom.model.document import SourceText
from sitroom.model.failure import Failure

Result = tuple  # (document, analysis)


def analyse_text(text: SourceText, nlp, budget: float) -> Result | Failure:
    """Clean and analyse one source text within ``budget`` seconds; a Failure names the stage.
    Raises ModelError (no pipeline: nothing can be analysed, the build stops with advice)."""
    return analyse_texts([text], nlp, budget)[0]


def analyse_texts(texts: list[SourceText], nlp, budget: float) -> list[Result | Failure]:
    """``analyse_text`` for several texts, their passages parsed together (one ``nlp.pipe``: fuller
    batches than one document's). Each text has its own ``budget`` for its cleaning, its parsing (of
    the batch its passages are in) and its analysis; one that fails fails alone."""
    from sitroom.clean import clean
    from sitroom.extract.analysis import passage_texts

    cleaned, spent = [], []
    for text in texts:
        start = time.perf_counter()
        cleaned.append(_attempt(text, "clean", budget, partial(clean, text)))
        spent.append(time.perf_counter() - start)
    own = [passage_texts(d) if not isinstance(d, Failure) else [] for d in cleaned]
    parses = _Parses(nlp, [passage for texts_of in own for passage in texts_of])
    out: list[Result | Failure] = []
    for text, document, passages, used in zip(texts, cleaned, own, spent, strict=True):
        if isinstance(document, Failure):
            out.append(document)
            continue
        left = max(budget - used, 0.001) if budget > 0 else 0
        out.append(_attempt(text, "nlp", left, partial(_analysed, document, nlp, parses, len(passages))))
    return out


def _analysed(document, nlp, parses: _Parses, passages: int) -> Result:
    from sitroom.extract.analysis import analyse

    return document, analyse(document, nlp, parses.take(passages))


def _attempt(text: SourceText, stage: str, budget: float, work):
    """``work()`` within ``budget`` seconds, or the Failure of ``text`` at ``stage``."""
    try:
        with _budget(budget):
            return work()
    except ModelError:
        raise
    except TooSlow as exc:
        return Failure(text.source, stage, str(exc))
    except Exception as exc:  # a bug on one page must not stop the batch
        return Failure(text.source, stage, f"{type(exc).__name__}: {exc}")


class _Parses:
    """spaCy's parses of a list of passage texts, taken a document's passages at a time. A document
    whose parsing failed (or ran out of time) takes its passages all the same: the next starts anew
    after them."""

    def __init__(self, nlp, texts: list[str]):
        self.nlp, self.texts, self.taken = nlp, texts, 0
        self._parsing = None

    def take(self, n: int) -> list:
        from sitroom.extract.analysis import BATCH_SIZE

        start, self.taken = self.taken, self.taken + n
        if self._parsing is None:
            self._parsing = self.nlp.pipe(self.texts[start:], batch_size=BATCH_SIZE)
        try:
            return [next(self._parsing) for _ in range(n)]
        except BaseException:
            self._parsing = None  # (a generator that raised is done)
            raise


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


CHUNK = 4
"""Texts handed to a worker at once, parsed together (``analyse_texts``): ~7 % less parsing time than
one document at a time on news articles."""


class Analysers:
    """``workers`` processes analysing texts, CHUNK at a time; ``ready`` hands back what was handed in,
    in order, keeping at most two chunks per worker in flight (memory stays bounded on any corpus size).

    A worker that dies breaks every chunk in flight, so all their texts are handed out again to a new
    pool, one text at a time; a text fails only once it was in flight at two deaths (it is the likely
    cause), and a pool that dies three times in a row without finishing a text stops the build
    (workers that cannot start, or no memory for the pipeline)."""

    def __init__(self, workers: int, model: str | None, budget: float):
        self.workers, self.model, self.budget = workers, model, budget
        self._pool: ProcessPoolExecutor | None = None
        self._pending: deque[list] = deque()  # [[(tag, text), ...], future, deaths seen]
        self._gathering: list[tuple[object, SourceText]] = []
        self._deaths_in_a_row = 0

    def submit(self, tag: object, text: SourceText) -> None:
        """Hand ``text`` out (``tag`` comes back with its result)."""
        self._gathering.append((tag, text))
        if len(self._gathering) >= CHUNK:
            self._send(self._gathering, 0)
            self._gathering = []

    def ready(self) -> Iterator[tuple[object, SourceText, Result | Failure]]:
        """The results due for the window to stay bounded, oldest first."""
        while len(self._pending) > 2 * self.workers:
            yield from self._next()

    def drain(self) -> Iterator[tuple[object, SourceText, Result | Failure]]:
        if self._gathering:
            self._send(self._gathering, 0)
            self._gathering = []
        while self._pending:
            yield from self._next()

    def _send(self, items: list[tuple[object, SourceText]], deaths: int) -> None:
        future = self._started().submit(_work, [text for _, text in items], self.budget)
        self._pending.append([items, future, deaths])

    def _next(self) -> list[tuple[object, SourceText, Result | Failure]]:
        while True:
            items, future, deaths = self._pending[0]
            try:
                results = future.result()
            except BrokenProcessPool:
                self._restart()
                if self._pending[0][2] >= 2:
                    ((tag, text),), _, _ = self._pending.popleft()
                    return [(tag, text, Failure(text.source, "nlp", "the worker analysing it died (twice)"))]
                continue
            except ModelError:
                raise
            except Exception as exc:  # the results could not come back (one would not pickle, say)
                results = [Failure(text.source, "nlp", f"{type(exc).__name__}: {exc}") for _, text in items]
            self._pending.popleft()
            self._deaths_in_a_row = 0
            return [(tag, text, result) for (tag, text), result in zip(items, results, strict=True)]

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
        pending, self._pending = self._pending, deque()
        for items, _, deaths in pending:  # one text at a time now: the next death names its cause
            for item in items:
                self._send([item], deaths + 1)

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


def _work(texts: list[SourceText], budget: float) -> list[Result | Failure]:
    assert _MODEL is not None
    return analyse_texts(texts, _MODEL.get(), budget)


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
