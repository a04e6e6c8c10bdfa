"""What a demo server answers: a status, headers and a body, or a body that writes itself."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import BinaryIO

HTML = "text/html; charset=utf-8"
XML = "application/xml; charset=utf-8"

# A streaming body: given the socket's write file and the server's stop event, it writes the
# rest of the response itself (for the slow page and the truncated page).
Writer = Callable[[BinaryIO, threading.Event], None]


@dataclass
class Response:
    status: int = 200
    body: bytes = b""
    content_type: str | None = HTML
    headers: list[tuple[str, str]] = field(default_factory=list)
    # Conditional-request support: a strong ETag from the body, Last-Modified when given.
    conditional: bool = False
    last_modified: datetime | None = None
    # Declared Content-Length when it must differ from len(body) (a truncated body).
    content_length: int | None = None
    writer: Writer | None = None
    close: bool = False  # drop the connection after answering


def html(text: str, status: int = 200, **kwargs) -> Response:
    return Response(status, text.encode("utf-8"), HTML, **kwargs)


def redirect(location: str, status: int = 301) -> Response:
    body = f'<!DOCTYPE html><title>Moved</title><p>Moved to <a href="{location}">{location}</a>.</p>'
    return Response(status, body.encode(), HTML, headers=[("Location", location)])


def _error_page(title: str, text: str) -> bytes:
    head = f"<!DOCTYPE html><html><head><title>{title}</title></head>"
    return f"{head}<body><h1>{title}</h1><p>{text}</p></body></html>".encode()


def not_found() -> Response:
    return Response(404, _error_page("Page not found", "Sorry, we couldn't find that page."), HTML)


def server_error() -> Response:
    return Response(500, _error_page("Internal Server Error", "Something went wrong. Try again later."), HTML)
