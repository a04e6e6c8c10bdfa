"""`newsbot schedule`: the crontab line that runs newsbot, printed or installed.

The line uses absolute paths only (interpreter, sources, archive, log), because cron runs it with
an almost empty environment from the home folder. A marker comment naming the archive lets
install and remove find our line again, so installing twice leaves one line.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
from pathlib import Path

from newsbot.crawl import crawl_command

MARKER = "# newsbot-schedule:"


class ScheduleError(ValueError):
    pass


def every_to_cron(every: str) -> str:
    """ "15m", "2h", "1d" as a cron schedule; only intervals cron can express evenly."""
    match = re.fullmatch(r"\s*(\d+)\s*([mhd])\s*", every or "")
    if not match:
        raise ScheduleError(f"--every: expected a number and m, h or d (like 30m, 2h, 1d), got {every!r}")
    n, unit = int(match.group(1)), match.group(2)
    if unit == "m" and n % 60 == 0:
        n, unit = n // 60, "h"
    if unit == "h" and n % 24 == 0:
        n, unit = n // 24, "d"
    if unit == "m" and 1 <= n < 60 and 60 % n == 0:
        return f"*/{n} * * * *" if n > 1 else "* * * * *"
    if unit == "h" and 1 <= n < 24 and 24 % n == 0:
        return f"7 */{n} * * *" if n > 1 else "7 * * * *"
    if unit == "d" and n == 1:
        return "7 3 * * *"
    raise ScheduleError(
        f"--every {every}: cron cannot run that evenly; use --cron with a schedule of your own"
    )


def check_cron(expression: str) -> str:
    fields = expression.split()
    if len(fields) != 5 or not all(re.fullmatch(r"[\d*/,\-A-Za-z]+", f) for f in fields):
        raise ScheduleError(f"--cron: expected five cron fields like '*/30 * * * *', got {expression!r}")
    return " ".join(fields)


def cron_line(schedule: str, sources: str | Path, db: str | Path, log_dir: str | Path | None = None) -> str:
    db = Path(db).resolve()
    sources = Path(sources).resolve()
    log_dir = Path(log_dir).resolve() if log_dir else db.parent / "logs"
    command = crawl_command(sources, db, log_dir / "newsbot.log")
    # cron's own output (the one-line summary, or a startup error) goes beside the rotated log.
    # `mkdir -p` first: the redirection happens before newsbot could create the folder itself.
    quoted_dir = shlex.quote(str(log_dir))
    cron_out = shlex.quote(str(log_dir / "cron.out"))
    return f"{schedule} mkdir -p {quoted_dir} && {shlex.join(command)} >> {cron_out} 2>&1 {MARKER} {db}"


def _crontab() -> str:
    crontab = shutil.which("crontab")
    if not crontab:
        raise ScheduleError("no `crontab` command on this machine (install cron), or paste the line yourself")
    return crontab


def read_crontab() -> list[str]:
    done = subprocess.run([_crontab(), "-l"], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        if "no crontab" in done.stderr.lower():
            return []
        raise ScheduleError(f"crontab -l failed: {done.stderr.strip()}")
    return done.stdout.splitlines()


def write_crontab(lines: list[str]) -> None:
    text = "\n".join(lines) + "\n" if lines else ""
    done = subprocess.run([_crontab(), "-"], input=text, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise ScheduleError(f"crontab - failed: {done.stderr.strip()}")


def _ours(line: str, db: Path) -> bool:
    return line.rstrip().endswith(f"{MARKER} {db}")


def install(line: str, db: str | Path) -> bool:
    """Put the line in the user's crontab, replacing an earlier one for the same archive.

    Returns False when the crontab already held exactly this line."""
    db = Path(db).resolve()
    lines = read_crontab()
    if line in lines and sum(_ours(x, db) for x in lines) == 1:
        return False
    write_crontab([x for x in lines if not _ours(x, db)] + [line])
    return True


def remove(db: str | Path) -> bool:
    db = Path(db).resolve()
    lines = read_crontab()
    kept = [x for x in lines if not _ours(x, db)]
    if kept == lines:
        return False
    write_crontab(kept)
    return True
