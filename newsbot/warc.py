"""WARC files as a source of pages: the library function behind `newsbot import-warc`.

Records are read as a stream (constant memory on multi-GB files) and extracted across the same
process pool as a crawl, with a bounded number of pages in flight; results are written in order
of completion through the same ArchiveWriter.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, wait
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from archive.db import Archive
from pipelines.process import ExtractionPool, Outcome
from pipelines.store import FAILED, SKIPPED, ArchiveWriter, PageFate

# Content types worth extracting; everything else is counted and skipped unread.
_HTML_TYPES = ("text/html", "application/xhtml+xml")
MAX_BODY = 10 * 1024 * 1024  # as the crawl's DOWNLOAD_MAXSIZE


class WarcError(ValueError):
    """A file given to import-warc that is not a WARC file; the message names it."""


@dataclass
class WarcPage:
    url: str
    body: bytes | None
    declared_encoding: str | None
    http_status: int | None
    skip_reason: str | None = None
    failure: str | None = None  # what could not be read (a file cut short): a failed fetch, not a skip


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ")
    return None


def iter_warc_pages(path: str | os.PathLike[str]) -> Iterator[WarcPage]:
    """Every response record of a WARC / WARC.gz file; non-HTML ones come with a skip reason."""
    with open(path, "rb") as stream:
        records = ArchiveIterator(stream)
        last = None

        def read() -> Iterator:
            nonlocal last  # the last record read, checked below
            for record in records:
                last = record
                yield record

        try:
            yield from _pages(read())
        except ArchiveLoadFailed as exc:
            raise WarcError(f"{os.fspath(path)}: not a WARC file ({exc})") from None
        # warcio stops without a word where a file was cut short (a download or a copy that broke off):
        # inside a record (it still owes bytes), or after it (a gzip member it could not open)
        offset = records.get_record_offset() or 0
        unread = os.fstat(stream.fileno()).st_size - offset - (records.get_record_length() or 0)
        if last is not None and last.raw_stream.limit > 0 or unread > _END_SLACK:
            yield WarcPage(
                Path(path).resolve().as_uri(),
                None,
                None,
                None,
                failure=f"truncated-warc: the file breaks off in or after its record at byte {offset}; "
                "what followed it is lost",
            )


_END_SLACK = 4  # the blank lines after an uncompressed file's last record, which warcio does not count


def _pages(records: Iterator) -> Iterator[WarcPage]:
    for record in records:
        if record.rec_type != "response":
            continue
        url = record.rec_headers.get_header("WARC-Target-URI") or ""
        http = record.http_headers
        status = int(http.get_statuscode()) if http and http.get_statuscode() else None
        content_type = (http.get_header("Content-Type") if http else "") or ""
        if status is not None and not 200 <= status < 300:
            yield WarcPage(url, None, None, status, f"http-{status}")
            continue
        if content_type.lower().split(";")[0].strip() not in _HTML_TYPES:
            yield WarcPage(url, None, None, status, f"not-html:{content_type.split(';')[0] or 'unknown'}")
            continue
        body = record.content_stream().read(MAX_BODY + 1)
        if len(body) > MAX_BODY:
            yield WarcPage(url, None, None, status, "too-large")
            continue
        yield WarcPage(url, body, _charset(content_type), status)


@dataclass
class ImportSummary:
    records: int
    counts: Counter[str]

    def __str__(self) -> str:
        parts = ", ".join(
            f"{self.counts[k]} {k}" for k in ("new", "updated", "unchanged", "skipped", "failed")
        )
        return f"{self.records} HTML/response records read: {parts}"


def import_warc(
    paths: list[str],
    db_path: str,
    *,
    workers: int = 0,
    source: str | None = None,
    progress: Callable[[int, Counter[str]], None] | None = None,
) -> ImportSummary:
    records = 0
    archive = Archive(db_path)
    crawl_id = archive.start_crawl([source or "warc"], command="newsbot import-warc " + " ".join(paths))
    writer = ArchiveWriter(archive, crawl_id, batch=200)
    in_flight: dict[Future[Outcome], WarcPage] = {}
    outcome = "failed"
    try:
        with ExtractionPool(workers) as pool:
            window = pool.workers * 8

            def drain(block_until: int) -> None:
                while len(in_flight) > block_until:
                    done, _ = wait(in_flight, return_when=FIRST_COMPLETED)
                    for future in done:
                        page = in_flight.pop(future)
                        writer.add(_fate(page, future.result(), source))
                    if progress:
                        progress(records, writer.counts)

            for path in paths:
                for page in iter_warc_pages(path):
                    if page.failure:
                        writer.add(PageFate(page.url, FAILED, source or "warc", reason=page.failure))
                        continue
                    records += 1
                    if page.skip_reason:
                        writer.add(
                            PageFate(
                                page.url,
                                SKIPPED,
                                source or urlsplit(page.url).netloc,
                                reason=page.skip_reason,
                                http_status=page.http_status,
                            )
                        )
                        continue
                    in_flight[pool.submit(page.body, page.url, page.declared_encoding)] = page
                    drain(window)
            drain(0)
        writer.flush()  # counts are final only once the last batch is written
        outcome = "partial" if writer.counts[FAILED] else "success"
    except KeyboardInterrupt:
        outcome = "interrupted"  # Ctrl-C: as a crawl stopped that way records itself
        raise
    finally:
        writer.close()
        archive.finish_crawl(crawl_id, outcome, archive.crawl_counts(crawl_id), message="import-warc")
        archive.close()
    return ImportSummary(records, writer.counts)


def _fate(page: WarcPage, outcome: Outcome, source: str | None) -> PageFate:
    source = source or urlsplit(page.url).netloc
    if outcome.is_article and outcome.record:
        return PageFate(page.url, "article", source, record=outcome.record, http_status=page.http_status)
    return PageFate(
        page.url,
        FAILED if outcome.failed else SKIPPED,
        source,
        reason=outcome.reason,
        http_status=page.http_status,
    )
