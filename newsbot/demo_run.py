"""`newsbot demo`: the bundled demo news site, crawled into a fresh archive, served by Datasette."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import click

from newsbot.crawl import crawl_command

# The demo site is ours and on this machine: no need to be slow with it.
FAST_LOCAL = [
    "-s",
    "DOWNLOAD_DELAY=0",
    "-s",
    "AUTOTHROTTLE_ENABLED=False",
    "-s",
    "CONCURRENT_REQUESTS_PER_DOMAIN=8",
]


def run_demo(db_path: str, *, port: int = 8001, serve: bool = True) -> int:
    from newsbot.demo.site import DemoWorld, serve_world

    db = Path(db_path)
    for stale in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        stale.unlink(missing_ok=True)
    with serve_world(DemoWorld()) as running, tempfile.TemporaryDirectory() as tmp:
        sources = Path(tmp) / "sources.toml"
        sources.write_text(running.sources_toml(), encoding="utf-8")
        for publisher in running.publishers:
            click.echo(f"demo site {publisher.name!r} at {publisher.base_url}/")
        click.echo(f"crawling the demo sites into {db} ...")
        # The crawl runs in its own process, exactly as `newsbot crawl` does from cron.
        crawl = subprocess.run(
            crawl_command(sources, db, db.with_suffix(".log"), *FAST_LOCAL),
            check=False,
        )
        if crawl.returncode not in (0, 3):
            click.echo(
                f"the demo crawl failed (exit {crawl.returncode}); see {db.with_suffix('.log')}", err=True
            )
            return crawl.returncode
        if not serve:
            return 0
        from archive.serve import serve as serve_archive

        click.echo(f"\nOpen http://127.0.0.1:{port}/ to browse the demo archive (Ctrl-C to stop).\n")
        serve_archive(str(db), host="127.0.0.1", port=port)
    return 0
