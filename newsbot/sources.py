"""`sources.toml`: the sites a person follows.

Everything is checked before anything is fetched: a malformed file, a missing or unknown key,
a bad URL or a bad regex is a :class:`SourcesError` naming the file, the source and the key.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

DEFAULT_SOURCES = "sources.toml"


class SourcesError(ValueError):
    """sources.toml cannot be used as it is; the message says where and why."""


@dataclass(frozen=True)
class Source:
    name: str
    url: str
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    sections: tuple[str, ...] = ()
    allow: tuple[str, ...] = ()
    deny: tuple[str, ...] = ()
    max_pages: int | None = None
    language: str | None = None
    _allow_re: tuple[re.Pattern[str], ...] = field(default=(), repr=False, compare=False)
    _deny_re: tuple[re.Pattern[str], ...] = field(default=(), repr=False, compare=False)

    @property
    def netloc(self) -> str:
        return urlsplit(self.url).netloc.lower()

    def allows(self, url: str) -> bool:
        """Whether a URL of this site may be followed, by the source's allow / deny regexes."""
        if any(p.search(url) for p in self._deny_re):
            return False
        return not self._allow_re or any(p.search(url) for p in self._allow_re)

    def as_row(self) -> dict[str, Any]:
        row = asdict(self)
        for private in ("_allow_re", "_deny_re", "allow", "deny"):
            row.pop(private)
        return row


_LIST_KEYS = ("feeds", "sitemaps", "sections", "allow", "deny")
_KNOWN_KEYS = {"name", "url", "max_pages", "language", *_LIST_KEYS}


def _check_url(value: Any, where: str) -> str:
    if (
        not isinstance(value, str)
        or urlsplit(value).scheme not in ("http", "https")
        or not urlsplit(value).netloc
    ):
        raise SourcesError(f"{where}: expected an http(s) URL, got {value!r}")
    return value


def parse_source(raw: Any, where: str) -> Source:
    if not isinstance(raw, dict):
        raise SourcesError(f"{where}: expected a table like [[sources]], got {type(raw).__name__}")
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise SourcesError(f"{where}: key 'name' is required (a non-empty string)")
    where = f"{where} ({name!r})"
    unknown = sorted(set(raw) - _KNOWN_KEYS)
    if unknown:
        raise SourcesError(
            f"{where}: unknown key {unknown[0]!r} (known keys: {', '.join(sorted(_KNOWN_KEYS))})"
        )
    if "url" not in raw:
        raise SourcesError(f"{where}: key 'url' is required (the site's home page)")
    url = _check_url(raw["url"], f"{where}, key 'url'")
    lists: dict[str, tuple[str, ...]] = {}
    for key in _LIST_KEYS:
        value = raw.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise SourcesError(f"{where}, key {key!r}: expected a list of strings")
        lists[key] = tuple(value)
    for key in ("feeds", "sitemaps", "sections"):
        # Relative paths are read against the home page, which is what people usually mean.
        lists[key] = tuple(_check_url(_absolute(url, v), f"{where}, key {key!r}") for v in lists[key])
    compiled: dict[str, tuple[re.Pattern[str], ...]] = {}
    for key in ("allow", "deny"):
        patterns = []
        for pattern in lists[key]:
            try:
                patterns.append(re.compile(pattern))
            except re.error as exc:
                raise SourcesError(f"{where}, key {key!r}: bad regex {pattern!r}: {exc}") from None
        compiled[key] = tuple(patterns)
    max_pages = raw.get("max_pages")
    if max_pages is not None and (
        not isinstance(max_pages, int) or isinstance(max_pages, bool) or max_pages < 1
    ):
        raise SourcesError(f"{where}, key 'max_pages': expected a whole number >= 1, got {max_pages!r}")
    language = raw.get("language")
    if language is not None and (not isinstance(language, str) or not re.fullmatch(r"[a-z]{2,3}", language)):
        raise SourcesError(f"{where}, key 'language': expected a language code like 'en', got {language!r}")
    return Source(
        name=name.strip(),
        url=url,
        max_pages=max_pages,
        language=language,
        _allow_re=compiled["allow"],
        _deny_re=compiled["deny"],
        **lists,
    )


def _absolute(base: str, value: str) -> str:
    return urljoin(base, value)


def _header_lines(text: str) -> list[int]:
    """The line number of each [[sources]] header, so that a mistake names the line to look at."""
    return [n for n, line in enumerate(text.splitlines(), start=1) if _HEADER.match(line)]


_HEADER = re.compile(r"\s*\[\[\s*sources\s*\]\]")


def parse_sources(text: str, filename: str = DEFAULT_SOURCES) -> list[Source]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SourcesError(f"{filename}: not valid TOML: {exc}") from None
    unknown = sorted(set(data) - {"sources"})
    if unknown:
        raise SourcesError(f"{filename}: unknown top-level key {unknown[0]!r} (expected [[sources]] tables)")
    raw_sources = data.get("sources")
    if isinstance(raw_sources, dict):
        raise SourcesError(
            f"{filename}: [sources] is written with double brackets: [[sources]], one per site"
        )
    if not isinstance(raw_sources, list) or not raw_sources:
        raise SourcesError(f"{filename}: no sources: add at least one [[sources]] table with name and url")
    lines = _header_lines(text)
    if len(lines) != len(raw_sources):  # written some other way (sources = [{...}]): no line to name
        lines = []
    sources = [
        parse_source(raw, f"{filename}: {f'line {lines[i - 1]}: ' if lines else ''}source #{i}")
        for i, raw in enumerate(raw_sources, start=1)
    ]
    seen: set[str] = set()
    for source in sources:
        if source.name in seen:
            raise SourcesError(f"{filename}: source {source.name!r}: key 'name' is used twice")
        seen.add(source.name)
    return sources


def load_sources(path: str | Path = DEFAULT_SOURCES) -> list[Source]:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SourcesError(f"{path}: no such file (create it, see sources.example.toml)") from None
    except UnicodeDecodeError as exc:
        raise SourcesError(f"{path}: not UTF-8 text: {exc}") from None
    return parse_sources(text, str(path))


def sources_from_urls(urls: list[str]) -> list[Source]:
    """Ad-hoc sources for `newsbot crawl URL ...`: each home page becomes a source named by its host."""
    sources = []
    for url in urls:
        _check_url(url, f"URL {url!r}")
        sources.append(parse_source({"name": urlsplit(url).netloc, "url": url}, "command line"))
    return sources
