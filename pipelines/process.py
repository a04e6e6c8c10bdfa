"""Extraction off the main thread: a pool of worker processes with a time budget per page.

Extraction is CPU-bound (tens of milliseconds a page), and Scrapy runs pipelines on the reactor
thread; run inline it would use one core and stall the downloader. pebble's pool gives what
concurrent.futures lacks: a per-task timeout that kills only the stuck worker, and a crash that
fails only the task that caused it (the pool replaces the worker and goes on).
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable
from concurrent.futures import Future, TimeoutError
from dataclasses import dataclass
from typing import Any

from pebble import ProcessExpired, ProcessPool

from pipelines.extract import extract_article

# A news page extracts in well under a second; this bounds a pathological one (deep nesting,
# multi-MB markup) so it cannot hold a worker for the rest of the run.
DEFAULT_PAGE_TIMEOUT = 20.0
WORKER_NICENESS = 5


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


@dataclass
class Outcome:
    """What became of one page: an article record, or the reason it is not one."""

    is_article: bool
    record: dict[str, Any] | None = None
    reason: str | None = None
    failed: bool = False  # True when the page broke the extractor (crash, timeout), not just "not an article"


def extract_outcome(body: bytes | str, url: str, declared_encoding: str | None = None) -> Outcome:
    """Run in a worker: the one extraction path, turned into a small picklable result."""
    try:
        result = extract_article(body, url, declared_encoding=declared_encoding)
    except Exception as exc:  # a bug or a page we cannot handle: record it, never stop the run
        return Outcome(False, reason=f"extract-error:{type(exc).__name__}: {exc}"[:300], failed=True)
    return Outcome(result.is_article, result.record, result.reason)


_PR_SET_PDEATHSIG = 1


def _die_with_parent(parent: int) -> None:
    """Have the kernel kill this worker when the process that started it dies (a run killed by a
    timeout, the OOM killer or the user), even in the middle of a page: an orphan would otherwise
    finish the page it holds, however long that takes, beside the next run. Linux only; elsewhere a
    worker ends after its page, when it finds its queue closed. (The kernel ties the signal to the
    thread that started the worker: pebble starts them on the thread that opens the pool and on its
    manager thread, which outlive every page of the pool.)"""
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)


def _warm_up(parent: int) -> None:
    _die_with_parent(parent)
    # Extraction is background work: when it fills every core, the process that feeds it (the
    # reactor with its downloads and timeouts, or the WARC reader) must still get the CPU at once,
    # or the workers go hungry and timeouts fire late.
    with contextlib.suppress(OSError):  # not allowed here: run at the same priority
        os.nice(WORKER_NICENESS)
    # Import the heavy modules (lxml, trafilatura, htmldate) once per worker, not on its first page.
    import pipelines.extract  # noqa: F401


# What a worker runs per page: (body, url, declared_encoding) -> Outcome. A module-level function,
# so that it pickles by reference.
PageTask = Callable[[bytes | str, str, str | None], Outcome]


class ExtractionPool:
    """`submit(body, url, encoding)` returns a Future[Outcome] that never raises.

    `task` is what each worker runs per page: `extract_outcome` unless a caller (a test) passes
    another module-level function of the same signature.
    """

    def __init__(
        self,
        workers: int = 0,
        page_timeout: float = DEFAULT_PAGE_TIMEOUT,
        *,
        task: PageTask = extract_outcome,
    ):
        self.workers = workers or default_workers()
        self.page_timeout = page_timeout
        self.task = task
        self._lock = threading.Lock()
        self._pool = self._start()

    def _start(self) -> ProcessPool:
        # "spawn", not fork: a forked worker would inherit the parent's open files, among them the
        # run lock, and keep it held after the parent is killed.
        pool = ProcessPool(
            max_workers=self.workers,
            initializer=_warm_up,
            initargs=(os.getpid(),),
            context=multiprocessing.get_context("spawn"),
        )
        # Start the workers now (pebble would wait for the first page), so that their start-up
        # (spawn, importing trafilatura) overlaps the crawl's robots.txt and sitemap fetches.
        pool.active  # noqa: B018
        return pool

    def submit(self, body: bytes | str, url: str, declared_encoding: str | None = None) -> Future[Outcome]:
        with self._lock:
            if not self._pool.active:
                # pebble gives up on the whole pool when a worker dies before its task was seen to
                # start (a page that kills the worker at once); the pages it held have already
                # failed with BrokenProcessPool. Start a fresh pool rather than end the run.
                self._pool.stop()
                self._pool.join()
                self._pool = self._start()
            inner = self._pool.schedule(
                self.task, args=(body, url, declared_encoding), timeout=self.page_timeout
            )
        outer: Future[Outcome] = Future()

        def done(future: Future[Outcome]) -> None:
            try:
                outer.set_result(future.result())
            except TimeoutError:
                outer.set_result(
                    Outcome(False, reason=f"extract-timeout:{self.page_timeout:g}s", failed=True)
                )
            except ProcessExpired as exc:
                outer.set_result(Outcome(False, reason=f"extract-crashed:exit {exc.exitcode}", failed=True))
            except Exception as exc:
                outer.set_result(Outcome(False, reason=f"extract-error:{type(exc).__name__}", failed=True))

        inner.add_done_callback(done)
        return outer

    def close(self, *, wait: bool = True) -> None:
        if wait:
            self._pool.close()
            self._pool.join()
        else:
            self._pool.stop()
            self._pool.join()

    def __enter__(self) -> ExtractionPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close(wait=exc[0] is None)
