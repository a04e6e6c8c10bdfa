"""The reading room: the archive served read-only through Datasette with our metadata, templates
and plugins.

`make_datasette()` builds the configured instance (used by tests through `ds.client`), `serve()`
runs it with uvicorn (what `newsbot serve` calls), and `datasette_command()` gives the equivalent
plain `datasette` command line for people who prefer to run Datasette themselves.
"""

from __future__ import annotations

import asyncio
import sqlite3
import sys
import webbrowser
from pathlib import Path
from typing import Any

import yaml
from datasette.app import Datasette
from datasette.database import Database
from datasette.plugins import pm
from datasette.url_builder import Urls
from datasette.utils import PrefixedUrlString

from archive.plugins import PLUGIN_MODULES
from archive.plugins.reading_room import DB_NAME

HERE = Path(__file__).resolve().parent
METADATA = HERE / "metadata.yaml"
TEMPLATES = HERE / "templates"
PLUGINS = HERE / "plugins"
STATIC = HERE / "static"
STATIC_MOUNT = "newsbot-static"

SETTINGS: dict[str, Any] = {
    # Keep Datasette's guard rails: a slow query is stopped, not left to hog the server.
    "sql_time_limit_ms": 1000,
    "facet_time_limit_ms": 400,
    "max_returned_rows": 1000,
    "default_page_size": 50,
    "allow_download": False,
    "truncate_cells_html": 400,
}


class ReadOnlyDatabase(Database):
    """The archive file opened `?mode=ro` with `PRAGMA query_only`, and no write connection at all.

    Datasette's own read connections are already `mode=ro`; this also closes the write path
    (`execute_write*`, used by write canned queries and plugins), so nothing served can change
    the archive. Not `immutable=1`: the crawler writes in WAL mode while we serve, and an
    immutable connection would not see un-checkpointed pages.
    """

    def connect(self, write: bool = False) -> sqlite3.Connection:
        if write:
            raise sqlite3.OperationalError(
                "attempt to write a readonly database: newsbot serves the archive read-only"
            )
        conn = super().connect(write=False)
        conn.execute("PRAGMA query_only = 1")
        return conn


class _Urls(Urls):
    """Datasette's URL builder, adding `base_url` only to paths that lack it.

    Behind a proxy that passes the full path, Datasette 0.65 builds some links (export as JSON and
    CSV, sorting, suggested facets) from the request's path, which holds the prefix already, and
    adds the prefix again: `/archive/archive/news/articles.json`, a 404 (simonw/datasette#2105).
    Other links (facet values) are the request's path alone and are right as they are.

    A path carries the prefix when what follows it is one of Datasette's own first segments (a
    database, `-`, a static mount): under `/news/`, `/news/news/articles` carries it and
    `/news/articles` (the archive's table, asked for by a plugin or a test) does not."""

    def path(self, path: str, format: str | None = None) -> PrefixedUrlString:
        base_url = self.ds.setting("base_url")
        if base_url != "/" and not isinstance(path, PrefixedUrlString) and self._carries(path, base_url):
            path = PrefixedUrlString(path)
        return super().path(path, format=format)

    def _carries(self, path: str, base_url: str) -> bool:
        if not path.startswith(base_url):
            return False
        first = path[len(base_url) :].split("?", 1)[0].split("/", 1)[0]
        return first in ("", "-", STATIC_MOUNT) or first.split(".", 1)[0] in self.ds.databases


class ReadingRoom(Datasette):
    @property
    def urls(self) -> Urls:
        return _Urls(self)


def load_metadata() -> dict[str, Any]:
    with METADATA.open(encoding="utf-8") as fp:
        return yaml.safe_load(fp)


def register_plugins() -> None:
    for module in PLUGIN_MODULES:
        name = f"newsbot.{module.__name__.rsplit('.', 1)[-1]}"
        if pm.get_plugin(name) is None and not pm.is_registered(module):
            pm.register(module, name=name)


def make_datasette(db_path: str, *, crossdb: bool = False, base_url: str = "/") -> Datasette:
    """A configured, read-only Datasette over the archive at `db_path`, mounted as /news.

    `base_url` is for serving under a path behind a reverse proxy (e.g. "/archive/")."""
    path = Path(db_path)
    if not path.is_file():
        raise FileNotFoundError(f"no archive at {db_path}: run a crawl or `newsbot import-warc` first")
    register_plugins()
    ds = ReadingRoom(
        files=[],
        metadata=load_metadata(),
        template_dir=str(TEMPLATES),
        static_mounts=[(STATIC_MOUNT, str(STATIC))],
        settings={**SETTINGS, "base_url": base_url if base_url.endswith("/") else base_url + "/"},
        crossdb=crossdb,
    )
    # Datasette adds an empty in-memory database when given no files; only keep it for crossdb.
    if not crossdb and "_memory" in ds.databases:
        ds.remove_database("_memory")
    ds.add_database(ReadOnlyDatabase(ds, path=str(path.resolve()), is_mutable=True), name=DB_NAME)
    return ds


def datasette_command(db_path: str, host: str = "127.0.0.1", port: int = 8001) -> list[str]:
    """The plain `datasette` command line that serves the archive the same way (without the
    write-path lock of ReadOnlyDatabase; the file must be named news.db for the metadata to match)."""
    args = [
        "datasette",
        "serve",
        db_path,
        "--host",
        host,
        "--port",
        str(port),
        "--metadata",
        str(METADATA),
        "--template-dir",
        str(TEMPLATES),
        "--plugins-dir",
        str(PLUGINS),
        "--static",
        f"{STATIC_MOUNT}:{STATIC}",
    ]
    for key, value in SETTINGS.items():
        args += ["--setting", key, str(value).lower() if isinstance(value, bool) else str(value)]
    return args


def serve(
    db_path: str,
    host: str = "127.0.0.1",
    port: int = 8001,
    *,
    open_browser: bool = False,
    base_url: str = "/",
) -> None:
    """Serve the reading room until interrupted. Binds to 127.0.0.1 unless told otherwise."""
    import uvicorn

    ds = make_datasette(db_path, base_url=base_url)
    asyncio.run(ds.invoke_startup())
    url = f"http://{host}:{port}{ds.urls.path('/')}"
    print(f"newsbot reading room for {db_path} at {url} (read-only; Ctrl-C to stop)", flush=True)
    if open_browser:
        webbrowser.open(url)
    uvicorn.run(ds.app(), host=host, port=port, log_level="warning")


if __name__ == "__main__":  # pragma: no cover - convenience for `python -m archive.serve news.db`
    serve(sys.argv[1] if len(sys.argv) > 1 else "news.db")
