"""What the spider hands to the pipelines: a fetched page, or a URL that could not be fetched."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class FetchedPage:
    url: str  # where the body came from, after redirects
    source: str | None = None
    body: bytes | None = None
    declared_encoding: str | None = None  # charset from the Content-Type header, if any
    http_status: int | None = None
    also_urls: tuple[str, ...] = ()  # the URL as first requested, and the redirect chain
    hint: dict[str, Any] = field(default_factory=dict)  # title / published date from a feed or news sitemap
    skip_reason: str | None = None  # the spider already knows this is not an article (home, section front)
    failure: str | None = None  # set when the fetch itself failed (HTTP error, timeout, ...)
    alias_of: str | None = None  # the archived story that also_urls lead to (seen through a redirect)
