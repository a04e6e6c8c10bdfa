"""A small but realistic archive for the reading-room tests: three sources, edited stories with
versions, crawls with failures and skips, rules fired, and one hostile story whose every field
carries markup that must never run."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from archive.db import Archive

HOSTILE_URL = "https://evil.example/story?<script>alert(1)</script>"
HOSTILE_TITLE = "Breaking <script>alert(1)</script> news"
HOSTILE_TEXT = (
    "First paragraph <img src=x onerror=alert(1)> with an image.\n\n"
    'Click <a href="javascript:alert(1)">here</a> or javascript:alert(1) for the zebra prize.\n\n'
    "<script>alert(1)</script>"
)
HOSTILE_AUTHOR = "<img src=x onerror=alert(1)>"
HOSTILE_TAG = '<a href="javascript:alert(1)">tag</a>'

SOURCES = ("harbour-gazette", "valley-times", "metro-daily")


def _record(
    url: str,
    title: str,
    text: str,
    *,
    source: str,
    published: str,
    authors: list[str] | None = None,
    tags: list[str] | None = None,
    language: str = "en",
    rules: dict[str, int] | None = None,
    image: str | None = None,
) -> dict[str, Any]:
    return {
        "url": url,
        "title": title,
        "authors": authors if authors is not None else ["Ada Reporter"],
        "published": published,
        "modified": None,
        "language": language,
        "source": source,
        "site_name": source.replace("-", " ").title(),
        "description": text.split("\n\n")[0][:140],
        "image": image,
        "tags": tags if tags is not None else ["local"],
        "text": text,
        "word_count": len(text.split()),
        "content_hash": str(abs(hash((title, text)))),
        "fetched_url": url,
        "fetched_at": published,
        "extraction": {"method": "trafilatura", "rules": rules or {}},
    }


def build_archive(path: str | Path) -> Path:
    """Write the fixture archive to `path` and return it."""
    path = Path(path)
    with Archive(path) as archive:
        archive.upsert_sources(
            [{"name": name, "url": f"https://{name}.example/", "language": "en"} for name in SOURCES]
        )
        crawl = archive.start_crawl(SOURCES, command="newsbot crawl")
        records = [
            _record(
                "https://harbour-gazette.example/2024/05/01/harbour-bridge",
                "Harbour bridge reopens after repairs",
                "The harbour bridge reopened on Wednesday after six months of repairs.\n\n"
                "Engineers replaced the corroded cables and the council promised lower tolls.\n\n"
                "Commuters welcomed the shorter journey across the estuary.",
                source="harbour-gazette",
                published="2024-05-01T08:00:00+00:00",
                authors=["Ada Reporter", "Ben Writer"],
                tags=["transport", "council"],
                rules={"related-list": 2, "share-bar": 1},
                image="https://harbour-gazette.example/img/bridge.jpg",
            ),
            _record(
                "https://harbour-gazette.example/2024/05/02/fish-market",
                "Fish market moves to the quay",
                "The old fish market will move to the quay next spring.\n\n"
                "Traders said the new hall has better cold storage.",
                source="harbour-gazette",
                published="2024-05-02T09:30:00+00:00",
                authors=["Ben Writer"],
                tags=["business"],
                rules={"newsletter-box": 1},
            ),
            _record(
                "https://valley-times.example/news/flood-defences",
                "Valley flood defences tested by storm",
                "Heavy rain tested the new flood defences overnight.\n\n"
                "The river rose two metres but the walls held, the agency said.",
                source="valley-times",
                published="2024-05-02T06:15:00+00:00",
                authors=["Cleo Correspondent"],
                tags=["weather"],
                rules={"related-list": 1},
            ),
            _record(
                "https://valley-times.example/news/schule",
                "Neue Schule im Tal eröffnet",
                "Die neue Schule im Tal wurde am Montag eröffnet.\n\nDer Bürgermeister hielt eine Rede.",
                source="valley-times",
                published="2024-05-03T10:00:00+00:00",
                authors=["Dora Autorin"],
                tags=["bildung"],
                language="de",
            ),
            _record(
                "https://metro-daily.example/city/tram-line",
                "New tram line approved by city council",
                "The city council approved the new tram line on Tuesday evening.\n\n"
                "Construction starts next year and the line opens in 2027.",
                source="metro-daily",
                published="2024-05-03T18:45:00+00:00",
                authors=["Ada Reporter"],
                tags=["transport"],
                rules={"share-bar": 3, "cookie-notice": 1},
            ),
            _record(
                HOSTILE_URL,
                HOSTILE_TITLE,
                HOSTILE_TEXT,
                source="metro-daily",
                published="2024-05-04T12:00:00+00:00",
                authors=[HOSTILE_AUTHOR],
                tags=[HOSTILE_TAG],
                rules={"<b>rule</b>": 1},
                image="javascript:alert(1)",
            ),
        ]
        with archive.transaction():
            for record in records:
                archive.store_article(record, crawl_id=crawl)
                archive.log_fetch(
                    record["url"], "new", crawl_id=crawl, source=record["source"], http_status=200
                )
            archive.log_fetch(
                "https://valley-times.example/404",
                "failed",
                "HTTP 404",
                crawl_id=crawl,
                source="valley-times",
                http_status=404,
            )
            archive.log_fetch(
                "https://metro-daily.example/video/1",
                "skipped",
                "not an article",
                crawl_id=crawl,
                source="metro-daily",
                http_status=200,
            )
        archive.finish_crawl(crawl, "ok", archive.crawl_counts(crawl), message="6 new, 1 failed")

        # A later run that edits one story's headline and text: versions and diffs.
        crawl2 = archive.start_crawl(SOURCES, command="newsbot crawl")
        edited = dict(records[0])
        edited["title"] = "Harbour bridge reopens after long repairs"
        edited["text"] = records[0]["text"].replace("lower tolls", "no tolls at all")
        edited["content_hash"] = "edited-hash"
        archive.store_article(edited, crawl_id=crawl2)
        archive.log_fetch(
            edited["url"], "updated", crawl_id=crawl2, source="harbour-gazette", http_status=200
        )
        archive.finish_crawl(crawl2, "ok", archive.crawl_counts(crawl2), message="1 updated")
        archive.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def running_server(db_path: str | Path, *, timeout: float = 30.0) -> Iterator[str]:
    """Start the real reading room (`newsbot serve`) in a subprocess; yield its base URL."""
    port = free_port()
    root = Path(__file__).resolve().parent.parent
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsbot", "serve", "--db", str(db_path), "--port", str(port)],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(base + "/-/versions.json", timeout=2):
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    output = proc.stdout.read().decode() if proc.stdout else ""
                    raise RuntimeError(f"reading room did not start: {output}") from None
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
