"""Is my crawl healthy? The last runs, and per source: last success, stories a day, failure rate."""

from __future__ import annotations

from typing import Any

from archive.db import Archive

RECENT_CRAWLS_SQL = """
select id, started, finished, outcome, new, updated, unchanged, skipped, failed, requests,
       -- a run that died has no end: its duration is unknown, not 0 s; a running one shows its time so far
       round((julianday(iif(outcome = 'running', 'now', finished)) - julianday(started)) * 86400) as seconds
from crawls order by id desc limit :limit
"""

SOURCE_HEALTH_SQL = """
with fetches as (
  select source, outcome, at from fetch_log where at >= datetime('now', '-' || :days || ' days')
)
select
  s.name as source,
  (select max(f.at) from fetch_log f where f.source = s.name and f.outcome in ('new', 'updated', 'unchanged'))
    as last_success,
  (select count(*) from articles a where a.source = s.name) as stories,
  round((select count(*) from articles a where a.source = s.name
         and a.first_seen >= datetime('now', '-' || :days || ' days')) * 1.0 / :days, 1) as stories_per_day,
  (select count(*) from fetches f where f.source = s.name) as fetches,
  (select count(*) from fetches f where f.source = s.name and f.outcome = 'failed') as failures,
  round(100.0 * (select count(*) from fetches f where f.source = s.name and f.outcome = 'failed')
        / max(1, (select count(*) from fetches f where f.source = s.name)), 1) as failure_rate
from sources s order by s.name
"""


def recent_crawls(archive: Archive, limit: int = 10) -> list[dict[str, Any]]:
    return list(archive.db.query(RECENT_CRAWLS_SQL, {"limit": limit}))


def source_health(archive: Archive, days: int = 7) -> list[dict[str, Any]]:
    return list(archive.db.query(SOURCE_HEALTH_SQL, {"days": days}))


def _duration(seconds: float | None) -> str:
    return "     ?" if seconds is None else f"{int(seconds):>5}s"


def format_status(archive: Archive, limit: int = 10, days: int = 7) -> str:
    out = ["Last runs:"]
    crawls = recent_crawls(archive, limit)
    if not crawls:
        out.append("  (none yet)")
    for c in crawls:
        out.append(
            f"  #{c['id']:<4} {c['started']}  {c['outcome']:<11} {_duration(c['seconds'])}  "
            f"new {c['new']}, updated {c['updated']}, unchanged {c['unchanged']}, "
            f"skipped {c['skipped']}, failed {c['failed']}"
        )
    out.append("")
    out.append(f"Sources (last {days} days):")
    health = source_health(archive, days)
    if not health:
        out.append("  (none yet)")
    for s in health:
        out.append(
            f"  {s['source']:<28} last success {s['last_success'] or 'never':<25} "
            f"{s['stories']:>6} stories, {s['stories_per_day']:>5}/day, "
            f"failures {s['failures']}/{s['fetches']} ({s['failure_rate']}%)"
        )
    return "\n".join(out)
