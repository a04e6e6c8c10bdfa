"""The SQLite archive: schema, migrations and every write.

One storage path serves every writer (the crawl pipeline, `newsbot import-warc`, re-extraction):
all of them go through :class:`Archive`. Writes are batched in transactions by the caller
(`with archive.transaction(): ...`), so the hot path never commits per row.
"""

from __future__ import annotations

import difflib
import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import sqlite_utils

DEFAULT_DB = "news.db"

# Columns of `articles` that come from extraction; the rest is bookkeeping kept by the archive.
ARTICLE_FIELDS = (
    "url",
    "title",
    "authors",
    "published",
    "modified",
    "language",
    "source",
    "site_name",
    "description",
    "image",
    "tags",
    "text",
    "word_count",
    "content_hash",
    "fetched_url",
    "fetched_at",
    "extraction",
)
JSON_FIELDS = ("authors", "tags", "extraction")

# Re-check schedule for recently published stories (issue: catch edits, then leave old stories alone).
RECHECK_AFTER_HOURS = (1, 6, 24)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def default_db_path() -> str:
    return os.environ.get("NEWSBOT_DB") or DEFAULT_DB


# --- migrations -----------------------------------------------------------------------------------
# Each migration moves the schema from version N-1 to N; PRAGMA user_version records where a file is.
# Never edit a released migration: add a new one.


def _m1_initial(db: sqlite_utils.Database) -> None:
    db["articles"].create(
        {
            "url": str,
            "title": str,
            "authors": str,
            "published": str,
            "modified": str,
            "language": str,
            "source": str,
            "site_name": str,
            "description": str,
            "image": str,
            "tags": str,
            "text": str,
            "word_count": int,
            "content_hash": str,
            "fetched_url": str,
            "fetched_at": str,
            "first_seen": str,
            "last_seen": str,
            "last_changed": str,
            "next_check": str,
            "checks": int,
            "versions": int,
            "extraction": str,
            "crawl_id": int,
        },
        pk="url",
        not_null={"title", "text", "content_hash"},
        defaults={"versions": 1, "checks": 0},
    )
    db["articles"].create_index(["published"])
    db["articles"].create_index(["source", "published"])
    db["articles"].create_index(["content_hash"])
    db["articles"].create_index(["next_check"])
    db["articles"].enable_fts(["title", "text"], create_triggers=True, tokenize="porter")

    # Every URL that led to a stored story (the key URL, redirects, duplicates, tracking variants),
    # so a later run knows it is already archived without fetching it.
    db["article_urls"].create({"url": str, "article_url": str, "seen": str}, pk="url")
    db["article_urls"].create_index(["article_url"])

    db["article_versions"].create(
        {
            "id": int,
            "article_url": str,
            "version": int,
            "title": str,
            "text": str,
            "content_hash": str,
            "first_seen": str,
            "replaced_at": str,
            "diff": str,
        },
        pk="id",
        foreign_keys=[("article_url", "articles", "url")],
    )
    db["article_versions"].create_index(["article_url", "version"], unique=True)
    db["article_versions"].create_index(["replaced_at"])

    db["sources"].create(
        {
            "name": str,
            "url": str,
            "feeds": str,
            "sitemaps": str,
            "sections": str,
            "language": str,
            "max_pages": int,
            "added": str,
            "updated": str,
        },
        pk="name",
    )

    db["crawls"].create(
        {
            "id": int,
            "started": str,
            "finished": str,
            "outcome": str,
            "pid": int,
            "command": str,
            "sources": str,
            "requests": int,
            "new": int,
            "updated": int,
            "unchanged": int,
            "skipped": int,
            "failed": int,
            "message": str,
        },
        pk="id",
        defaults={"outcome": "running", "new": 0, "updated": 0, "unchanged": 0, "skipped": 0, "failed": 0},
    )

    db["fetch_log"].create(
        {
            "id": int,
            "crawl_id": int,
            "url": str,
            "source": str,
            "outcome": str,
            "reason": str,
            "http_status": int,
            "at": str,
        },
        pk="id",
        foreign_keys=[("crawl_id", "crawls", "id")],
    )
    db["fetch_log"].create_index(["url"])
    db["fetch_log"].create_index(["crawl_id", "outcome"])

    # HTTP validators for feeds and sitemaps: the next run sends If-None-Match / If-Modified-Since.
    db["validators"].create({"url": str, "etag": str, "last_modified": str, "checked_at": str}, pk="url")


def _m2_rules_column(db: sqlite_utils.Database) -> None:
    # The names of the boilerplate rules that fired, as a JSON array: Datasette facets on arrays,
    # not on the keys of a JSON object, and "which stories did rule X touch?" is a facet click.
    # (add_column keeps the FTS triggers, which transform() would drop.)
    db["articles"].add_column("rules", str)
    db.execute(
        "update articles set rules = (select json_group_array(key) from json_each(extraction, '$.rules'))"
        " where json_valid(extraction)"
    )


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [_m1_initial, _m2_rules_column]
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(db: sqlite_utils.Database) -> int:
    """Bring the schema up to date; returns the version it ended at."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise RuntimeError(
            f"the archive has schema version {version}, newer than this newsbot's "
            f"({SCHEMA_VERSION}): upgrade newsbot"
        )
    for number, step in enumerate(MIGRATIONS[version:], start=version + 1):
        with db.conn:
            step(db)
            db.execute(f"PRAGMA user_version = {number}")
    return SCHEMA_VERSION


# --- the archive -----------------------------------------------------------------------------------


def _text_diff(old: str, new: str) -> str:
    return "\n".join(
        difflib.unified_diff(old.split("\n\n"), new.split("\n\n"), "before", "after", lineterm="", n=1)
    )


def _next_check(published: str | None, checks: int, at: datetime) -> str | None:
    """When to fetch a story again: soon after it appears, then less often, then never."""
    if checks >= len(RECHECK_AFTER_HOURS):
        return None
    if published:
        try:
            when = datetime.fromisoformat(published.replace("Z", "+00:00"))
            if when.tzinfo is None:
                when = when.replace(tzinfo=UTC)
            # A story first seen long after publication is not fresh news: no re-checks.
            if (at - when).total_seconds() > 72 * 3600:
                return None
        except ValueError:
            pass
    return (at + timedelta(hours=RECHECK_AFTER_HOURS[checks])).isoformat(timespec="seconds")


def _insert_sql(table: str, columns: Iterable[str], *, upsert_on: str | None = None) -> str:
    columns = list(columns)
    names = ", ".join(f'"{c}"' for c in columns)
    sql = f'insert into "{table}" ({names}) values ({", ".join("?" for _ in columns)})'
    if upsert_on:
        updates = ", ".join(f'"{c}" = excluded."{c}"' for c in columns if c != upsert_on)
        sql += f' on conflict("{upsert_on}") do update set {updates}'
    return sql


class Archive:
    """An open archive file. Cheap to create; use one per process/thread.

    Writes on the hot path (stories, aliases, the fetch log) are plain prepared SQL: sqlite-utils'
    insert/upsert reads the table's schema on every call, which costs more than the write.
    """

    def __init__(self, path: str | os.PathLike[str] | None = None, *, migrate_schema: bool = True):
        self.path = Path(path or default_db_path())
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        self.db = sqlite_utils.Database(conn)
        self.db.execute("PRAGMA journal_mode = WAL")
        # NORMAL is durable against application crashes (SIGKILL) in WAL mode; only power loss can
        # drop the last transactions, never corrupt the file.
        self.db.execute("PRAGMA synchronous = NORMAL")
        self.db.execute("PRAGMA foreign_keys = ON")
        self.db.execute("PRAGMA busy_timeout = 30000")
        if migrate_schema:
            migrate(self.db)

    def close(self) -> None:
        self.db.conn.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One atomic unit: a story and its bookkeeping land together or not at all."""
        conn = self.db.conn
        if conn.in_transaction:
            yield
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    # --- crawls ---

    def start_crawl(self, sources: Iterable[str], command: str = "") -> int:
        with self.transaction():
            table = self.db["crawls"]
            table.insert(
                {
                    "started": now(),
                    "outcome": "running",
                    "pid": os.getpid(),
                    "command": command,
                    "sources": json.dumps(list(sources)),
                }
            )
            return int(table.last_pk)

    def finish_crawl(self, crawl_id: int, outcome: str, counts: dict[str, int], message: str = "") -> None:
        row = {
            k: int(counts.get(k, 0)) for k in ("new", "updated", "unchanged", "skipped", "failed", "requests")
        }
        row.update(finished=now(), outcome=outcome, message=message)
        with self.transaction():
            self.db["crawls"].update(crawl_id, row)

    def close_abandoned_crawls(self, *, lock_held: bool = False) -> int:
        """Mark runs whose process died without finishing (killed, power cut) as interrupted.

        `lock_held`: the caller holds the run lock, so every run still 'running' is dead, whatever
        its pid; otherwise a run counts as dead when no process has its pid.
        """
        abandoned = [
            row["id"]
            for row in self.db.query("select id, pid from crawls where outcome = 'running'")
            if lock_held or not _pid_alive(row["pid"])
        ]
        with self.transaction():
            for crawl_id in abandoned:
                counts = self.crawl_counts(crawl_id)
                self.db["crawls"].update(crawl_id, {**counts, "outcome": "interrupted"})
        return len(abandoned)

    def crawl_counts(self, crawl_id: int) -> dict[str, int]:
        counts = dict.fromkeys(("new", "updated", "unchanged", "skipped", "failed"), 0)
        for outcome, n in self.db.execute(
            "select outcome, count(*) from fetch_log where crawl_id = ? group by outcome", [crawl_id]
        ):
            if outcome in counts:
                counts[outcome] = n
        return counts

    def missed_guesses(self, crawl_id: int) -> int:
        """Guessed URLs of the run that were not there (robots.txt, /sitemap.xml), logged as skipped:
        no failure of the site, but no proof that anything could be fetched either."""
        (n,) = self.db.execute(
            "select count(*) from fetch_log where crawl_id = ? and outcome = 'skipped'"
            " and reason like 'discovery:%'",
            [crawl_id],
        ).fetchone()
        return n

    # --- sources ---

    def upsert_sources(self, sources: Iterable[dict[str, Any]]) -> None:
        stamp = now()
        with self.transaction():
            for source in sources:
                row = {k: (json.dumps(v) if isinstance(v, list | tuple) else v) for k, v in source.items()}
                row["updated"] = stamp
                if not self.db["sources"].count_where("name = ?", [row["name"]]):
                    row["added"] = stamp
                self.db["sources"].upsert(row, pk="name", alter=True)

    # --- what is already archived ---

    def known_url(self, url: str) -> str | None:
        """The key URL of the story this URL led to, if the archive holds it."""
        row = self.db.execute("select article_url from article_urls where url = ?", [url]).fetchone()
        return row[0] if row else None

    def due_for_recheck(self, at: str | None = None) -> list[tuple[str, str]]:
        """(url, source) of the stories whose next re-check is due."""
        return self.db.execute(
            "select url, source from articles where next_check is not null and next_check <= ?", [at or now()]
        ).fetchall()

    def validators(self, url: str) -> dict[str, str | None] | None:
        row = self.db.execute("select etag, last_modified from validators where url = ?", [url]).fetchone()
        return {"etag": row[0], "last_modified": row[1]} if row else None

    def save_validators(self, url: str, etag: str | None, last_modified: str | None) -> None:
        with self.transaction():
            self.db["validators"].upsert(
                {"url": url, "etag": etag, "last_modified": last_modified, "checked_at": now()}, pk="url"
            )

    # --- writes ---

    def log_fetch(
        self,
        url: str,
        outcome: str,
        reason: str | None = None,
        *,
        crawl_id: int | None = None,
        source: str | None = None,
        http_status: int | None = None,
    ) -> None:
        """Record a fetched URL that did not become a story (outcome skipped / failed), or a story's
        fate (new / updated / unchanged), so each run's counts can be rebuilt from the log."""
        with self.transaction():
            self.db.execute(_FETCH_LOG_INSERT, [crawl_id, url, source, outcome, reason, http_status, now()])

    @staticmethod
    def _article_row(record: dict[str, Any]) -> dict[str, Any]:
        row = {k: record.get(k) for k in ARTICLE_FIELDS}
        row["title"] = row["title"] or ""
        fired = (record.get("extraction") or {}).get("rules") or {}
        row["rules"] = json.dumps(sorted(fired), ensure_ascii=False)
        for key in JSON_FIELDS:
            if row[key] is not None and not isinstance(row[key], str):
                row[key] = json.dumps(row[key], ensure_ascii=False)
        return row

    def store_article(
        self, record: dict[str, Any], *, crawl_id: int | None = None, also_urls: Iterable[str] = ()
    ) -> str:
        """Upsert one story by its key URL. Returns "new", "updated" (title or text changed: the
        earlier version goes to article_versions) or "unchanged"."""
        row = self._article_row(record)
        stamp = now()
        at = datetime.fromisoformat(stamp)
        url = row["url"]
        with self.transaction():
            old = self.db.execute(
                "select title, text, content_hash, first_seen, last_changed, versions, checks, published"
                " from articles where url = ?",
                [url],
            ).fetchone()
            if old is None:
                outcome = "new"
                row.update(
                    first_seen=stamp,
                    last_seen=stamp,
                    last_changed=stamp,
                    versions=1,
                    checks=0,
                    next_check=_next_check(row["published"], 0, at),
                    crawl_id=crawl_id,
                )
                self.db.execute(_insert_sql("articles", row), list(row.values()))
            else:
                title, text, content_hash, first_seen, last_changed, versions, checks, published = old
                changed = content_hash != row["content_hash"] or title != row["title"]
                checks = (checks or 0) + 1
                row.update(
                    last_seen=stamp,
                    checks=checks,
                    next_check=_next_check(published or row["published"], checks, at),
                    crawl_id=crawl_id,
                )
                if changed:
                    outcome = "updated"
                    self.db["article_versions"].insert(
                        {
                            "article_url": url,
                            "version": versions or 1,
                            "title": title,
                            "text": text,
                            "content_hash": content_hash,
                            "first_seen": last_changed or first_seen,
                            "replaced_at": stamp,
                            "diff": _text_diff(text or "", row["text"] or "")
                            if text != row["text"]
                            else f"- title: {title}\n+ title: {row['title']}",
                        }
                    )
                    row.update(versions=(versions or 1) + 1, last_changed=stamp)
                    self._update_article(url, row)
                else:
                    outcome = "unchanged"
                    keep = {
                        k: row[k] for k in ("last_seen", "checks", "next_check", "crawl_id", "fetched_at")
                    }
                    self._update_article(url, keep)
            for alias in {url, row.get("fetched_url"), *also_urls}:
                if alias:
                    self.add_alias(alias, url, stamp)
        return outcome

    def replace_content(self, record: dict[str, Any]) -> None:
        """Overwrite a story's extracted fields in place: no new version, first_seen kept. For the
        same story fetched twice in one run, where the second fetch is the better source."""
        row = self._article_row(record)
        url = row.pop("url")
        with self.transaction():
            self._update_article(url, row)

    def _update_article(self, url: str, values: dict[str, Any]) -> None:
        assignments = ", ".join(f'"{column}" = ?' for column in values)
        self.db.execute(f"update articles set {assignments} where url = ?", [*values.values(), url])

    def add_alias(self, url: str, article_url: str, seen: str | None = None) -> None:
        """Record that `url` leads to the story keyed `article_url`."""
        self.db.execute(_ALIAS_UPSERT, [url, article_url, seen or now()])


_FETCH_LOG_INSERT = _insert_sql(
    "fetch_log", ("crawl_id", "url", "source", "outcome", "reason", "http_status", "at")
)
_ALIAS_UPSERT = _insert_sql("article_urls", ("url", "article_url", "seen"), upsert_on="url")


def _pid_alive(pid: int | None) -> bool:
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
