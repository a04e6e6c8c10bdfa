"""The Hostile Herald's faults: every way a page can go wrong that a crawler must survive.

Heavy bodies (the 20 MB page, the gzip bomb) are built once per process and cached, so a test
that fetches them many times pays once.
"""

from __future__ import annotations

import random
import struct
import threading
import zlib
from functools import lru_cache
from typing import BinaryIO

from newsbot.demo.responses import HTML, Response, redirect

# name -> path on the Hostile Herald. The two charset faults are stories (see content.py) and
# are added by the site from the world's articles.
FAULT_PATHS: dict[str, str] = {
    "server_error": "/fault/server-error/",
    "unavailable": "/fault/unavailable/",
    "slow": "/fault/slow/",
    "redirect_loop": "/fault/redirect-loop/",
    "huge": "/fault/huge/",
    "gzip_bomb": "/fault/gzip-bomb/",
    "deep_nesting": "/fault/deep-nesting/",
    "truncated": "/fault/truncated/",
    "pdf_as_html": "/fault/annual-report/",
    "png_as_html": "/fault/front-page-image/",
    "random_bytes": "/fault/random-bytes/",
    "empty_body": "/fault/empty/",
}
_LOOP_B = "/fault/redirect-loop-b/"

SLOW_SECONDS = 30.0
HUGE_BYTES = 21 * 1024 * 1024
BOMB_BYTES = 1024 * 1024 * 1024  # inflated size of the gzip bomb
TRUNCATED_DECLARED = 50_000
TRUNCATED_SENT = 12_000
DEEP_LEVELS = 20_000
RETRY_AFTER = "2"


def respond(path: str) -> Response | None:
    """The fault served at `path`, or None if `path` is not a fault."""
    if path == FAULT_PATHS["server_error"]:
        return Response(500, b"<!DOCTYPE html><title>Error</title><h1>500 Internal Server Error</h1>", HTML)
    if path == FAULT_PATHS["unavailable"]:
        body = b"<!DOCTYPE html><title>Down for maintenance</title><h1>Back soon</h1>"
        return Response(503, body, HTML, headers=[("Retry-After", RETRY_AFTER)])
    if path == FAULT_PATHS["slow"]:
        return _slow()
    if path == FAULT_PATHS["redirect_loop"]:
        return redirect(_LOOP_B, 302)
    if path == _LOOP_B:
        return redirect(FAULT_PATHS["redirect_loop"], 302)
    if path == FAULT_PATHS["huge"]:
        return Response(200, _huge(), HTML)
    if path == FAULT_PATHS["gzip_bomb"]:
        return Response(200, gzip_bomb(), HTML, headers=[("Content-Encoding", "gzip")])
    if path == FAULT_PATHS["deep_nesting"]:
        return Response(200, _deep(), HTML)
    if path == FAULT_PATHS["truncated"]:
        # Promise more than we send, then hang up: the client sees a short body.
        return Response(200, _story_like(TRUNCATED_SENT), HTML, content_length=TRUNCATED_DECLARED, close=True)
    if path == FAULT_PATHS["pdf_as_html"]:
        return Response(200, _pdf(), HTML)
    if path == FAULT_PATHS["png_as_html"]:
        return Response(200, png(320, 180, (200, 40, 40)), HTML)
    if path == FAULT_PATHS["random_bytes"]:
        return Response(200, random.Random(1234).randbytes(64 * 1024), HTML)
    if path == FAULT_PATHS["empty_body"]:
        return Response(200, b"", HTML)
    return None


def _slow() -> Response:
    """A page that drips one byte a second for SLOW_SECONDS: it never finishes within a
    normal download timeout, and an idle-read timeout never fires either."""
    full = _story_like(4096)
    head, rest = full[:200], full[200:]

    def write(out: BinaryIO, stop: threading.Event) -> None:
        out.write(head)
        out.flush()
        ticks = int(SLOW_SECONDS)
        for i in range(ticks):
            if stop.wait(1.0):  # server shutting down: give up at once
                return
            out.write(rest[i : i + 1])
            out.flush()
        out.write(rest[ticks:])
        out.flush()

    return Response(200, b"", HTML, content_length=len(full), writer=write)


def _story_like(size: int) -> bytes:
    para = (
        "<p>The committee met again on Thursday to discuss the proposal, and members said they "
        "expected to reach a decision before the end of the month.</p>\n"
    )
    head = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Council meeting</title></head>"
        "<body><h1>Council meeting</h1>\n"
    )
    text = head + para * (size // len(para) + 1)
    return text.encode()[:size]


@lru_cache(maxsize=1)
def _huge() -> bytes:
    para = (
        b"<p>This page goes on and on, far beyond the size of any real news article, to check "
        b"that the crawler stops reading at its size limit instead of filling memory.</p>\n"
    )
    head = (
        b"<!DOCTYPE html><html><head><meta charset='utf-8'><title>The longest page</title></head>"
        b"<body><h1>The longest page</h1>\n"
    )
    return head + para * (HUGE_BYTES // len(para) + 1) + b"</body></html>"


@lru_cache(maxsize=1)
def gzip_bomb() -> bytes:
    """~1 MB of gzip that inflates to BOMB_BYTES of spaces.

    Deflating 1 GB would take seconds, so one 1 MiB block is compressed once and the
    compressed block repeated: a full flush resets the compressor, which makes every
    block's output identical and independent. The trailer's CRC is computed directly.
    """
    block = b" " * (1024 * 1024)
    count = BOMB_BYTES // len(block)
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    unit = comp.compress(block) + comp.flush(zlib.Z_FULL_FLUSH)
    final = comp.flush(zlib.Z_FINISH)
    crc = 0
    for _ in range(count):
        crc = zlib.crc32(block, crc)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    trailer = struct.pack("<II", crc & 0xFFFFFFFF, BOMB_BYTES & 0xFFFFFFFF)
    return header + unit * count + final + trailer


@lru_cache(maxsize=1)
def _deep() -> bytes:
    inner = "<p>You have reached the bottom of twenty thousand nested elements.</p>"
    page = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Deep page</title></head><body>"
        + "<div>" * DEEP_LEVELS
        + inner
        + "</div>" * DEEP_LEVELS
        + "</body></html>"
    )
    return page.encode()


def _pdf() -> bytes:
    # A small but well-formed PDF (one page, one line of text).
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        None,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    stream = b"BT /F1 24 Tf 72 700 Td (Hostile Herald annual report 2026) Tj ET"
    objects[3] = b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A real PNG: a horizontal gradient from black to `rgb`."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    row = bytearray()
    for col in range(width):
        f = col / max(1, width - 1)
        row += bytes(int(c * f) for c in rgb)
    raw = b"".join(b"\x00" + bytes(row) for _ in range(height))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = chunk(b"IDAT", zlib.compress(raw))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + idat + chunk(b"IEND", b"")
