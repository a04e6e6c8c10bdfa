"""The `newsbot` command. Each command is a thin layer over one library function."""

from __future__ import annotations

import json
import os
import sys
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import click

from archive.db import default_db_path
from newsbot.crawl import EXIT_USAGE
from newsbot.runlock import EXIT_LOCKED, RunLocked
from newsbot.sources import DEFAULT_SOURCES, SourcesError, load_sources, sources_from_urls

db_option = click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Archive file (default: $NEWSBOT_DB, else ./news.db).",
)


def _db(
    db_path: str | None, *, must_exist: bool = False, missing: str = "", make_folder: bool = False
) -> str:
    """The archive path of --db (or its default), checked before anything is done with it."""
    db = db_path or default_db_path()
    path = Path(db)
    if path.is_file() and path.stat().st_size:
        with path.open("rb") as fp:
            if fp.read(16) != b"SQLite format 3\x00":  # sqlite3 would fail on it later, in a traceback
                raise click.BadParameter(
                    f"{db} is not an SQLite file, so not a newsbot archive", param_hint="--db"
                )
    elif must_exist and not path.exists():
        raise click.BadParameter(f"no archive at {db}{missing}", param_hint="--db")
    elif make_folder:
        _make_folder(db, "--db")
    return db


def _make_folder(path: str, param_hint: str) -> None:
    """Create the folder a file goes in (as cron users expect of --db and --log-file), or say why not."""
    folder = Path(path).resolve().parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        if isinstance(exc, FileExistsError | NotADirectoryError):
            while not folder.exists():
                folder = folder.parent  # the part of the path that is a file
            why = f"{folder} is a file, not a folder"
        else:
            why = f"cannot create its folder: {exc.strerror}"
        raise click.BadParameter(f"{path}: {why}", param_hint=param_hint) from None


# newsbot's own numeric settings, checked here: a bad value would otherwise stop Scrapy mid-start
# with a traceback and no crawls row.
_NUMBERS = {
    "NEWSBOT_WORKERS": (int, 0),
    "NEWSBOT_MAX_PAGES": (int, 1),
    "NEWSBOT_STORE_BATCH": (int, 1),
    "NEWSBOT_PAGE_TIMEOUT": (float, 0.001),
    "NEWSBOT_PROGRESS_INTERVAL": (float, 0.001),
}


def _parse_settings(pairs: tuple[str, ...]) -> dict[str, Any]:
    settings = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise click.BadParameter(f"expected NAME=VALUE, got {pair!r}", param_hint="-s")
        name = name.strip()
        if name in _NUMBERS:
            kind, least = _NUMBERS[name]
            try:
                ok = kind(value) >= least
            except ValueError:
                ok = False
            if not ok:
                what = "a whole number" if kind is int else "a number of seconds"
                raise click.BadParameter(f"{name} wants {what} >= {least:g}, got {value!r}", param_hint="-s")
        settings[name] = value
    return settings


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newsbot")
def main() -> None:
    """newsbot: crawl news sites, strip the boilerplate, keep the stories in SQLite."""


@main.command()
@click.argument("urls", nargs=-1)
@click.option(
    "--sources",
    "sources_file",
    type=click.Path(dir_okay=False),
    default=None,
    help=f"Sources file (default: ./{DEFAULT_SOURCES} when no URL is given).",
)
@db_option
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=None,
    help="At most N article pages per source in this run.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=0),
    default=None,
    help="Extraction processes (default: one per CPU core).",
)
@click.option(
    "--log-file",
    type=click.Path(dir_okay=False),
    default=None,
    help="Log here (rotated at 10 MB). Default: logs/newsbot.log beside the archive.",
)
@click.option(
    "-s",
    "--set",
    "settings",
    multiple=True,
    metavar="NAME=VALUE",
    help="Override a Scrapy setting, as `scrapy crawl -s`.",
)
def crawl(
    urls: tuple[str, ...],
    sources_file: str | None,
    db_path: str | None,
    limit: int | None,
    workers: int | None,
    log_file: str | None,
    settings: tuple[str, ...],
) -> None:
    """Crawl the sources (or the home pages given as URLS) into the archive.

    \b
    Examples:
      newsbot crawl                              # every source in ./sources.toml
      newsbot crawl --sources ~/news/sources.toml --db ~/news/news.db
      newsbot crawl https://example-news.org/ --limit 20
      newsbot crawl -s DOWNLOAD_DELAY=2 -s LOG_LEVEL=DEBUG

    Exit codes: 0 success, 3 partial (some fetches failed), 1 failure,
    2 bad usage or sources file, 75 another run holds the archive.
    """
    from newsbot.crawl import default_log_file, run_crawl

    if urls and sources_file:  # the URLs used to be dropped without a word
        raise click.UsageError("give home pages (URLS) or --sources, not both")
    try:
        sources = sources_from_urls(list(urls)) if urls else load_sources(sources_file or DEFAULT_SOURCES)
    except SourcesError as exc:
        click.echo(f"newsbot: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    overrides = _parse_settings(settings)
    if limit:
        overrides["NEWSBOT_MAX_PAGES"] = limit
    db = _db(db_path, make_folder=True)
    if log_file:
        _make_folder(log_file, "--log-file")
    os.environ.setdefault("NEWSBOT_COMMAND", " ".join(["newsbot", *sys.argv[1:]]))
    try:
        result = run_crawl(sources, db, overrides=overrides, workers=workers, log_file=log_file)
    except RunLocked as exc:
        click.echo(f"newsbot: {exc}", err=True)
        sys.exit(EXIT_LOCKED)
    if result.crawl_id is None:
        click.echo(
            f"newsbot: the crawl broke before it started; see {log_file or default_log_file(db)}", err=True
        )
        sys.exit(result.exit_code)
    counts = ", ".join(f"{v} {k}" for k, v in result.counts.items())
    click.echo(f"crawl {result.crawl_id}: {result.outcome} ({counts}) -> {db}", err=True)
    sys.exit(result.exit_code)


@main.command()
@click.argument("file_or_url")
@click.option("--url", "page_url", default=None, help="The page's URL, when reading it from a file.")
def extract(file_or_url: str, page_url: str | None) -> None:
    """Print the JSON record extracted from one page (a file, or a URL it fetches).

    \b
    Examples:
      newsbot extract saved-page.html --url https://example-news.org/2026/11/story/
      newsbot extract https://example-news.org/2026/11/story/

    Exits 1 when the page is not an article (the JSON then says why) or cannot be fetched.
    """
    from pipelines.extract import extract_article

    declared = None
    if file_or_url.startswith(("http://", "https://")):
        from newsbot.settings import USER_AGENT

        request = urllib.request.Request(file_or_url, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                body = response.read(10 * 1024 * 1024)
                declared = response.headers.get_content_charset()
                page_url = page_url or response.geturl()
        except (urllib.error.URLError, OSError) as exc:  # HTTPError (a 404) is a URLError
            click.echo(f"newsbot: could not fetch {file_or_url}: {exc}", err=True)
            sys.exit(1)
    else:
        path = Path(file_or_url)
        if not path.is_file():
            raise click.BadParameter(f"no such file: {file_or_url}", param_hint="FILE_OR_URL")
        body = path.read_bytes()
        page_url = page_url or path.resolve().as_uri()
    result = extract_article(body, page_url, declared_encoding=declared)
    if result.is_article:
        click.echo(json.dumps(result.record, ensure_ascii=False, indent=2))
    else:
        click.echo(json.dumps({"url": page_url, "is_article": False, "reason": result.reason}, indent=2))
        sys.exit(1)


@main.command("import-warc")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@db_option
@click.option("--source", default=None, help="Source name for the stories (default: each page's host).")
@click.option(
    "--workers", type=click.IntRange(min=0), default=0, help="Extraction processes (default: CPU cores)."
)
def import_warc_command(
    paths: tuple[str, ...], db_path: str | None, source: str | None, workers: int
) -> None:
    """Extract every HTML response in WARC / WARC.gz files into the archive.

    \b
    Example:
      newsbot import-warc crawl-2026-11.warc.gz --db news.db
    """
    from newsbot.warc import WarcError, import_warc

    show = sys.stderr.isatty()

    def progress(records: int, counts: Any) -> None:
        if show:
            click.echo(
                f"\r{records} records, {counts['new']} new, {counts['skipped']} skipped, "
                f"{counts['failed']} failed",
                nl=False,
                err=True,
            )

    db = _db(db_path, make_folder=True)
    try:
        from newsbot.runlock import run_lock

        with run_lock(db):
            summary = import_warc(list(paths), db, workers=workers, source=source, progress=progress)
    except RunLocked as exc:
        click.echo(f"newsbot: {exc}", err=True)
        sys.exit(EXIT_LOCKED)
    except WarcError as exc:
        if show:
            click.echo("", err=True)
        click.echo(f"newsbot: {exc}", err=True)
        sys.exit(1)
    if show:
        click.echo("", err=True)
    click.echo(f"{summary} -> {db}")


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to bind.")
@click.option("--port", default=8001, show_default=True, type=int, help="Port to listen on.")
@click.option(
    "--base-url",
    default="/",
    show_default=True,
    help="Path prefix when published behind a reverse proxy, e.g. /archive/.",
)
def serve(db_path: str | None, host: str, port: int, base_url: str) -> None:
    """Browse and search the archive in Datasette (read-only).

    \b
    Examples:
      newsbot serve --db news.db --port 8001
      newsbot serve --base-url /archive/      # behind a reverse proxy, under /archive/
    """
    from archive.serve import serve as serve_archive

    db = _db(db_path, must_exist=True, missing=": run `newsbot crawl` first")
    serve_archive(db, host=host, port=port, base_url=base_url)


@main.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True)
@click.option("--since", default=None, help="Only stories published (or first seen) on or after this date.")
@click.option("--source", default=None, help="Only stories of this source.")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    default="-",
    help="Output file (default: stdout).",
)
def export(db_path: str | None, fmt: str, since: str | None, source: str | None, output: str) -> None:
    """Stream the stories out as JSON lines or CSV.

    \b
    Example:
      newsbot export --format csv --since 2026-11-01 --source "Harbor Gazette" -o november.csv
    """
    from archive.export import build_query
    from archive.export import export as export_archive

    db = _db(db_path, must_exist=True)
    try:
        build_query(since=since, source=source)
    except ValueError as exc:
        raise click.BadParameter(str(exc).removeprefix("--since "), param_hint="--since") from None
    with click.open_file(output, "wb") as out:  # export writes UTF-8 bytes itself (CSV needs newline control)
        count = export_archive(db, out, fmt=fmt, since=since, source=source)
    click.echo(f"{count} stories exported", err=True)


@main.command()
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False),
    default="newsbot-demo.db",
    show_default=True,
    help="Where to build the demo archive (replaced on every run).",
)
@click.option("--port", default=8001, show_default=True, type=int, help="Datasette port.")
@click.option("--no-serve", is_flag=True, help="Crawl the demo site, then exit instead of serving.")
def demo(db_path: str, port: int, no_serve: bool) -> None:
    """Crawl a bundled demo news site on 127.0.0.1 into a fresh archive and serve it.

    \b
    Example:
      newsbot demo            # then open http://127.0.0.1:8001/
    """
    from newsbot.demo_run import run_demo

    sys.exit(run_demo(db_path, port=port, serve=not no_serve))


@main.command()
@click.option(
    "--every", default=None, metavar="INTERVAL", help="How often: 15m, 30m, 1h, 6h, 1d (default 30m)."
)
@click.option(
    "--cron", "cron_expr", default=None, metavar="EXPR", help='A cron schedule instead, e.g. "*/20 * * * *".'
)
@click.option(
    "--sources",
    "sources_file",
    type=click.Path(dir_okay=False),
    default=DEFAULT_SOURCES,
    show_default=True,
    help="Sources file the scheduled runs read.",
)
@db_option
@click.option("--install", "action", flag_value="install", help="Add the line to your crontab (idempotent).")
@click.option("--remove", "action", flag_value="remove", help="Remove this archive's line from your crontab.")
def schedule(
    every: str | None, cron_expr: str | None, sources_file: str, db_path: str | None, action: str | None
) -> None:
    """Print (or install / remove) the crontab line for scheduled crawls.

    \b
    Examples:
      newsbot schedule --every 30m                  # print the line
      newsbot schedule --every 1h --install         # put it in your crontab
      newsbot schedule --cron "*/20 6-23 * * *" --sources ~/news/sources.toml --db ~/news/news.db --install
      newsbot schedule --remove
    """
    from newsbot import schedule as sched

    db = _db(db_path)
    try:
        if action == "remove":
            removed = sched.remove(db)
            click.echo(
                "removed the newsbot line for " + str(Path(db).resolve()) if removed else "nothing to remove"
            )
            return
        if every and cron_expr:
            raise sched.ScheduleError("give --every or --cron, not both")
        expression = sched.check_cron(cron_expr) if cron_expr else sched.every_to_cron(every or "30m")
        load_sources(sources_file)  # a scheduled run with a broken sources file would fail silently
        line = sched.cron_line(expression, sources_file, db)
        if action == "install":
            changed = sched.install(line, db)
            click.echo(("installed: " if changed else "already installed: ") + line)
        else:
            click.echo(line)
    except (sched.ScheduleError, SourcesError) as exc:
        click.echo(f"newsbot: {exc}", err=True)
        sys.exit(EXIT_USAGE)


@main.command()
@db_option
@click.option(
    "--runs", default=10, show_default=True, type=click.IntRange(min=1), help="How many runs to show."
)
@click.option(
    "--days", default=7, show_default=True, type=click.IntRange(min=1), help="Window for per-source rates."
)
def status(db_path: str | None, runs: int, days: int) -> None:
    """Show the last runs and each source's health.

    \b
    Example:
      newsbot status --db ~/news/news.db
    """
    from archive.db import Archive
    from archive.health import format_status

    db = _db(db_path, must_exist=True)
    with Archive(db) as archive:
        archive.close_abandoned_crawls()
        click.echo(format_status(archive, limit=runs, days=days))


if __name__ == "__main__":
    main()
