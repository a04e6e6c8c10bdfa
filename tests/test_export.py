from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from archive.db import Archive
from archive.export import EXPORT_COLUMNS, export
from tests.archive_fixtures import HOSTILE_TEXT, HOSTILE_URL, build_archive
from tests.conftest import newsbot


@pytest.fixture(scope="module")
def archive_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_archive(tmp_path_factory.mktemp("export") / "news.db")


def test_jsonl_has_every_story_with_json_fields_decoded(archive_path: Path) -> None:
    out = io.StringIO()
    n = export(str(archive_path), out)
    lines = out.getvalue().splitlines()
    assert n == len(lines) == 6
    records = [json.loads(line) for line in lines]
    assert [r["published"] for r in records] == sorted(r["published"] for r in records)
    bridge = next(r for r in records if r["url"].endswith("harbour-bridge"))
    assert bridge["authors"] == ["Ada Reporter", "Ben Writer"]
    assert bridge["tags"] == ["transport", "council"]
    assert bridge["extraction"] == {"method": "trafilatura", "rules": {"related-list": 2, "share-bar": 1}}
    # The current version after the edit, not the first one.
    assert bridge["title"] == "Harbour bridge reopens after long repairs" and bridge["versions"] == 2
    hostile = next(r for r in records if r["url"] == HOSTILE_URL)
    assert hostile["text"] == HOSTILE_TEXT  # exported as data, unchanged


def test_csv_round_trips_text_with_newlines_and_markup(archive_path: Path) -> None:
    out = io.StringIO()
    n = export(str(archive_path), out, fmt="csv")
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert n == len(rows) == 6
    assert tuple(rows[0].keys()) == EXPORT_COLUMNS
    hostile = next(r for r in rows if r["url"] == HOSTILE_URL)
    assert hostile["text"] == HOSTILE_TEXT
    assert json.loads(hostile["authors"]) == ["<img src=x onerror=alert(1)>"]


def test_filters_by_source_and_since(archive_path: Path) -> None:
    out = io.StringIO()
    assert export(str(archive_path), out, source="valley-times") == 2
    assert {json.loads(line)["source"] for line in out.getvalue().splitlines()} == {"valley-times"}

    # Every fixture story was first archived "now", so a since-date in the future of publication
    # but in the past of the run still selects them by first_seen ...
    out = io.StringIO()
    assert export(str(archive_path), out, since="2024-05-03") == 6
    # ... and a date after the run selects only by publication date: none.
    out = io.StringIO()
    assert export(str(archive_path), out, since="2999-01-01") == 0
    assert out.getvalue() == ""

    out = io.StringIO()
    assert export(str(archive_path), out, fmt="csv", since="2999-01-01", source="metro-daily") == 0
    assert out.getvalue().splitlines() == [",".join(EXPORT_COLUMNS)]


def test_since_on_publication_date(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    with Archive(path) as archive:
        for day in ("2024-01-01", "2024-02-01", "2024-03-01"):
            archive.store_article(
                {
                    "url": f"https://x.example/{day}",
                    "title": day,
                    "text": "t",
                    "content_hash": day,
                    "published": day,
                }
            )
        # Pretend these were archived long ago, so only publication dates decide.
        archive.db.execute("update articles set first_seen = '2024-01-01T00:00:00+00:00'")
    out = io.StringIO()
    assert export(str(path), out, since="2024-02-01") == 2
    assert [json.loads(line)["title"] for line in out.getvalue().splitlines()] == ["2024-02-01", "2024-03-01"]


def test_binary_output_and_bad_arguments(archive_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    with target.open("wb") as fp:
        assert export(str(archive_path), fp, fmt="csv", source="metro-daily") == 2
        fp.write(b"# still open\n")  # the export did not close the caller's stream
    text = target.read_text(encoding="utf-8")
    assert text.startswith("url,title,") and text.endswith("# still open\n")
    with pytest.raises(ValueError, match="format"):
        export(str(archive_path), io.StringIO(), fmt="xml")
    with pytest.raises(ValueError, match="since"):
        export(str(archive_path), io.StringIO(), since="last tuesday")
    with pytest.raises(FileNotFoundError):
        export(str(tmp_path / "missing.db"), io.StringIO())


def test_large_export_streams_every_row_once(tmp_path: Path) -> None:
    path = tmp_path / "big.db"
    total = 5000
    with Archive(path) as archive, archive.transaction():
        for i in range(total):
            archive.store_article(
                {
                    "url": f"https://big.example/{i:05d}",
                    "title": f"Story {i}",
                    "text": f"Paragraph one of story {i}.\n\nParagraph two.",
                    "content_hash": str(i),
                    "published": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}T00:00:00+00:00",
                    "source": "big" if i % 2 else "small",
                    "authors": [f"Author {i % 7}"],
                }
            )

    class CountingSink(io.TextIOBase):
        """Keeps nothing but counts, so the test also shows the export needs no big buffer."""

        def __init__(self) -> None:
            self.lines = 0
            self.urls: set[str] = set()

        def write(self, s: str) -> int:
            for line in s.splitlines():
                self.lines += 1
                self.urls.add(json.loads(line)["url"])
            return len(s)

    sink = CountingSink()
    assert export(str(path), sink) == total
    assert sink.lines == total and len(sink.urls) == total
    sink = CountingSink()
    assert export(str(path), sink, source="big") == total // 2


def test_command_line_mistakes_are_clear_errors_and_leave_no_empty_file(
    archive_path: Path, tmp_path: Path
) -> None:
    target = tmp_path / "november.csv"
    missing = newsbot("export", "--db", str(tmp_path / "missing.db"), "-o", str(target))
    assert missing.returncode == 2 and "no archive at" in missing.stderr and "Traceback" not in missing.stderr
    bad_date = newsbot("export", "--db", str(archive_path), "--since", "yesterday", "-o", str(target))
    assert bad_date.returncode == 2 and "--since" in bad_date.stderr and "Traceback" not in bad_date.stderr
    assert not target.exists()
