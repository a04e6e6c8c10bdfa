"""The extraction pool with real worker processes: a page that kills its worker, a page that never
finishes, a worker killed from outside, and shutdown with pages still queued.

The workers run `page_task` below instead of the extractor (the pool takes the per-page function
as a parameter), so each test can make a worker crash or hang on demand and stays fast.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from concurrent.futures import wait
from pathlib import Path

import pytest

from pipelines.process import ExtractionPool, Outcome, default_workers, extract_outcome

ROOT = Path(__file__).resolve().parents[1]


def page_task(body: bytes | str, url: str, declared_encoding: str | None = None) -> Outcome:
    """A stand-in extractor: the body says what the worker does with the page."""
    if body == b"exit":
        os._exit(7)  # as a segfault in a C extension would: no exception, the process is gone
    if body == b"hang":
        time.sleep(60)
    return Outcome(True, {"url": url, "pid": os.getpid()})


def results(futures: list) -> list[Outcome]:
    done, pending = wait(futures, timeout=30)
    assert not pending, "a page was lost: its future never completed"
    return [f.result() for f in futures]


def test_a_page_that_kills_its_worker_fails_alone_and_the_run_goes_on() -> None:
    with ExtractionPool(2, page_timeout=10, task=page_task) as pool:
        bodies = [b"ok"] * 4 + [b"exit"] + [b"ok"] * 4
        outcomes = results([pool.submit(body, f"http://x/{i}") for i, body in enumerate(bodies)])
        crashed = outcomes[4]
        assert crashed.failed and not crashed.is_article
        assert crashed.reason == "extract-crashed:exit 7"
        assert all(
            o.is_article and o.record["url"] == f"http://x/{i}" for i, o in enumerate(outcomes) if i != 4
        )
        # The dead worker was replaced: the pool still serves pages with its full size.
        later = results([pool.submit(b"ok", f"http://y/{i}") for i in range(6)])
        assert all(o.is_article for o in later)


def test_a_page_over_its_time_budget_fails_and_frees_its_worker() -> None:
    started = time.monotonic()
    with ExtractionPool(2, page_timeout=1.0, task=page_task) as pool:
        futures = [pool.submit(b"hang", "http://x/slow")] + [
            pool.submit(b"ok", f"http://x/{i}") for i in range(6)
        ]
        outcomes = results(futures)
        assert outcomes[0].failed and outcomes[0].reason == "extract-timeout:1s"
        assert all(o.is_article for o in outcomes[1:])
        # The pool serves again: the stopped worker was replaced.
        assert all(o.is_article for o in results([pool.submit(b"ok", "http://z/") for _ in range(20)]))
    # the 60 s sleep was cut short, not waited for (the bound leaves room for a loaded machine)
    assert time.monotonic() - started < 45


def test_a_worker_killed_while_idle_does_not_end_the_run() -> None:
    # The OOM killer (or a user) may kill a worker that holds no page; pebble then declares the
    # whole pool broken. The next page must still be extracted.
    with ExtractionPool(2, page_timeout=10, task=page_task) as pool:
        pids = {o.record["pid"] for o in results([pool.submit(b"ok", f"http://x/{i}") for i in range(8)])}
        for pid in pids:
            os.kill(pid, signal.SIGKILL)
        time.sleep(0.5)  # pebble notices dead workers on its 0.1 s status loop
        outcomes = results([pool.submit(b"ok", f"http://y/{i}") for i in range(4)])
        assert all(o.is_article for o in outcomes)
        assert not {o.record["pid"] for o in outcomes} & pids


def test_close_waits_for_every_queued_page() -> None:
    pool = ExtractionPool(2, page_timeout=10, task=page_task)
    futures = [pool.submit(b"ok", f"http://x/{i}") for i in range(50)]
    pool.close()  # straight after submitting: nothing may be dropped on the way out
    assert all(f.done() for f in futures)
    assert [f.result().record["url"] for f in futures] == [f"http://x/{i}" for i in range(50)]


def test_the_real_extractor_runs_in_the_workers() -> None:
    words = " ".join(["The harbour commission met on Tuesday to discuss the new ferry timetable."] * 12)
    page = (
        "<html><head><title>Ferry timetable changes</title><meta property='og:type' content='article'>"
        "</head><body><article>"
        "<h1>Ferry timetable changes</h1>" + f"<p>{words}</p>" * 6 + "</article></body></html>"
    ).encode()
    with ExtractionPool(1) as pool:
        assert pool.task is extract_outcome
        outcome = pool.submit(page, "https://news.example/2026/03/04/ferry-timetable-changes").result(
            timeout=30
        )
    assert outcome.is_article, outcome.reason
    assert outcome.record["text"].startswith("The harbour commission met on Tuesday")


@pytest.mark.skipif(not hasattr(os, "sched_getaffinity"), reason="Linux affinity")
def test_the_pool_is_sized_to_the_usable_cores() -> None:
    assert default_workers() == len(os.sched_getaffinity(0))
    with ExtractionPool(0, task=page_task) as pool:
        assert pool.workers == default_workers()
        pids = {o.record["pid"] for o in results([pool.submit(b"ok", "http://x/") for _ in range(50)])}
        assert 1 <= len(pids) <= pool.workers


def _children(pid: int) -> set[int]:
    kids = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == pid:
                kids.add(int(stat.parent.name))
    return kids


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")  # a zombie has exited: only its exit status is left


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the kernel's parent-death signal")
def test_workers_die_with_a_killed_run_even_in_the_middle_of_a_page() -> None:
    # cron's timeout or the OOM killer ends a run with SIGKILL: its workers must not live on beside
    # the next run, not even the ones busy with a page that takes a minute
    script = (
        "import time\n"
        "from pipelines.process import ExtractionPool\n"
        "from tests.test_pool import page_task\n"
        "pool = ExtractionPool(2, page_timeout=100, task=page_task)\n"
        "futures = [pool.submit(b'hang', f'http://x/{i}') for i in range(4)]\n"
        "print('busy', flush=True)\n"
        "time.sleep(120)\n"
    )
    run = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert run.stdout.readline().strip() == "busy"
        deadline = time.monotonic() + 30
        while len(workers := {p for p in _children(run.pid) if "spawn_main" in _cmdline(p)}) < 2:
            assert time.monotonic() < deadline, "the pool never started its workers"
            time.sleep(0.1)
        time.sleep(1.0)  # both workers are inside their minute-long page now
        os.kill(run.pid, signal.SIGKILL)
        run.wait(timeout=10)
        deadline = time.monotonic() + 10
        while any(_running(p) for p in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [p for p in workers if _running(p)], "workers outlived their killed run"
    finally:
        run.kill()
        run.wait()


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""
