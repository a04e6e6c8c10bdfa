"""One run at a time per archive.

An exclusive flock on `<archive>.lock`: the kernel drops it when the holder dies, so a stale lock
never blocks. The descriptor is close-on-exec and extraction workers are spawned, not forked
(pipelines/process.py), so no child can keep the lock alive after its parent was killed.

`newsbot crawl` takes the lock before Scrapy starts; the archive pipeline takes it again for
`scrapy crawl news`, which has no such wrapper. Within one process the lock is re-entrant.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# The documented exit code of a run that found another run holding the archive (EX_TEMPFAIL:
# "try again later", which is exactly what the next cron tick does).
EXIT_LOCKED = 75


class RunLocked(RuntimeError):
    def __init__(self, lock_path: Path, holder: str):
        self.lock_path = lock_path
        self.holder = holder
        super().__init__(
            f"another newsbot run (pid {holder or '?'}) is using this archive ({lock_path}); "
            "exiting without doing anything"
        )


def lock_path_for(db_path: str | os.PathLike[str]) -> Path:
    return Path(f"{os.fspath(db_path)}.lock")


_held: set[Path] = set()  # lock files this process holds


@contextmanager
def run_lock(db_path: str | os.PathLike[str]) -> Iterator[Path]:
    path = lock_path_for(db_path)
    key = path.resolve()
    if key in _held:  # taken further up in this process (`newsbot crawl`, then the archive pipeline)
        yield path
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
            raise RunLocked(path, holder) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        _held.add(key)
        try:
            yield path
        finally:
            _held.discard(key)
    finally:
        os.close(fd)  # releases the lock
