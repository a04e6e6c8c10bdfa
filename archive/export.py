"""Export stories as JSON Lines or CSV, streaming: one read-only cursor, one row in memory at a time,
so an archive of any size exports in constant memory (`newsbot export`)."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from archive.db import ARTICLE_FIELDS, JSON_FIELDS

# Extraction fields first, then the archive's bookkeeping a reader may want.
EXPORT_COLUMNS = (
    *(f for f in ARTICLE_FIELDS if f != "extraction"),
    "first_seen",
    "last_seen",
    "last_changed",
    "versions",
    "extraction",
)
FORMATS = ("jsonl", "csv")


def _check_since(since: str) -> str:
    """Accept an ISO date or date-time; compare as text, as the archive stores ISO 8601 strings."""
    value = since.strip()
    try:
        if len(value) == 10:
            date.fromisoformat(value)
        else:
            datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(
            f"--since wants a date like 2024-05-01 (or an ISO date-time), not {since!r}"
        ) from None
    return value


def build_query(*, since: str | None = None, source: str | None = None) -> tuple[str, list[Any]]:
    where, params = [], []
    if since:
        # Stories published since the date, and older stories first archived since then.
        where.append("(published >= ? or first_seen >= ?)")
        params += [_check_since(since)] * 2
    if source:
        where.append("source = ?")
        params.append(source)
    sql = f"select {', '.join(EXPORT_COLUMNS)} from articles"
    if where:
        sql += " where " + " and ".join(where)
    return sql + " order by published, url", params


def _decode(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value


def _text_out(out: TextIO | BinaryIO) -> tuple[TextIO, io.TextIOWrapper | None]:
    """A text stream over `out`; wraps a binary stream (sys.stdout.buffer, a file opened "wb")."""
    if isinstance(out, io.TextIOBase) or hasattr(out, "encoding"):
        return out, None  # type: ignore[return-value]
    wrapper = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)  # type: ignore[arg-type]
    return wrapper, wrapper


def export(
    db_path: str,
    out: TextIO | BinaryIO,
    *,
    fmt: str = "jsonl",
    since: str | None = None,
    source: str | None = None,
) -> int:
    """Write the archive's stories to `out` as `jsonl` or `csv`; returns the number of rows written.

    JSON Lines keeps authors, tags and extraction as JSON values; CSV keeps them as JSON text.
    Rows come in order of publication date, then URL.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    if not Path(db_path).is_file():
        raise FileNotFoundError(f"no archive at {db_path}")
    sql, params = build_query(since=since, source=source)
    stream, wrapper = _text_out(out)
    # Read-only: an export never changes the archive, and runs fine while a crawl writes (WAL).
    conn = sqlite3.connect(f"file:{Path(db_path).resolve()}?mode=ro", uri=True)
    count = 0
    try:
        cursor = conn.execute(sql, params)
        cursor.arraysize = 500
        if fmt == "csv":
            writer = csv.writer(stream, lineterminator="\n")
            writer.writerow(EXPORT_COLUMNS)
            for row in cursor:
                writer.writerow(row)
                count += 1
        else:
            for row in cursor:
                record = dict(zip(EXPORT_COLUMNS, row, strict=True))
                for key in JSON_FIELDS:
                    record[key] = _decode(record[key])
                stream.write(json.dumps(record, ensure_ascii=False) + "\n")
                count += 1
        stream.flush()
    finally:
        conn.close()
        if wrapper is not None:
            wrapper.detach()  # leave the caller's binary stream open
    return count
