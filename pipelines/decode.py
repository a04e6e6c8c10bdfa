"""Bytes to text: sniff non-HTML bodies, pick the charset that really fits, repair mojibake."""

from __future__ import annotations

import codecs
import gzip
import re
import zlib

MAX_BYTES = 6_000_000  # beyond this a page is truncated before parsing (linear cost, bounded memory)

_MAGIC = (
    (b"%PDF-", "pdf"),
    (b"\x89PNG", "image"),
    (b"\xff\xd8\xff", "image"),
    (b"GIF87a", "image"),
    (b"GIF89a", "image"),
    (b"BM", None),  # too short to trust alone; checked with the control-byte ratio
    (b"II*\x00", "image"),
    (b"MM\x00*", "image"),
    (b"\x00\x00\x01\x00", "image"),
    (b"PK\x03\x04", "archive"),
    (b"Rar!", "archive"),
    (b"7z\xbc\xaf", "archive"),
    (b"OggS", "media"),
    (b"ID3", "media"),
    (b"fLaC", "media"),
    (b"\x1a\x45\xdf\xa3", "media"),
    (b"\x00asm", "binary"),
    (b"\x7fELF", "binary"),
    (b"MZ", None),
    (b"\xd0\xcf\x11\xe0", "office"),
    (b"{\\rtf", "rtf"),
    (b"wOFF", "font"),
    (b"wOF2", "font"),
)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.I)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?\s*([a-zA-Z0-9_.:-]+)", re.I)
# WHATWG: these labels mean windows-1252 in browsers, which is what servers actually send.
_WHATWG_ALIASES = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252", "ascii": "cp1252"}


class NotHTML(Exception):
    """The body is not an HTML document; ``reason`` says what it is."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _control_ratio(sample: bytes) -> float:
    if not sample:
        return 0.0
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls / len(sample)


_CONTROL_BYTES = bytes(b for b in range(256) if b < 9 or 13 < b < 32 or b == 127)


def _utf16_without_bom(sample: bytes) -> str | None:
    if len(sample) < 64:
        return None
    even, odd = sample[0::2], sample[1::2]
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    return None


def _maybe_decompress(body: bytes) -> bytes:
    if body[:2] == b"\x1f\x8b":
        try:
            decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
            return decompressor.decompress(body, MAX_BYTES)
        except (zlib.error, EOFError, gzip.BadGzipFile) as err:
            raise NotHTML("not-html:archive") from err
    return body


def sniff(body: bytes) -> bytes:
    """Return the (possibly decompressed, truncated) body, or raise NotHTML with a reason."""
    if not body or not body.strip():
        raise NotHTML("empty")
    body = _maybe_decompress(body)
    if len(body) > MAX_BYTES:
        body = body[:MAX_BYTES]
    head = body[:16].lstrip()
    for magic, kind in _MAGIC:
        if kind and head.startswith(magic):
            raise NotHTML(f"not-html:{kind}")
    if body[4:8] in (b"ftyp", b"moov") or body[8:12] in (b"WEBP", b"AVI ", b"WAVE"):
        raise NotHTML("not-html:media")
    if any(body.startswith(bom) for bom, _ in _BOMS) or _utf16_without_bom(body[:2048]):
        return body
    if _control_ratio(body[:4096]) > 0.05:
        raise NotHTML("not-html:binary")
    return body


def _normal_codec(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = _WHATWG_ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def declared_charset(declared: str | None) -> str | None:
    """A charset from a Content-Type header value (or a bare charset label)."""
    if not declared:
        return None
    match = _HEADER_CHARSET.search(declared)
    return _normal_codec(match.group(1) if match else declared if "/" not in declared else None)


def meta_charset(body: bytes) -> str | None:
    match = _META_CHARSET.search(body[:8192])
    return _normal_codec(match.group(1).decode("ascii", "ignore")) if match else None


def _detect(body: bytes) -> tuple[str | None, bool]:
    """charset_normalizer's best guess and whether it is confident (little "chaos" in its reading)."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - shipped with requests/trafilatura
        return None, False
    sample = body if len(body) <= 20000 else body[:10000] + body[-10000:]
    best = from_bytes(sample).best()
    if not best:
        return None, False
    return _normal_codec(best.encoding), best.chaos <= 0.1


_REAL_NON_ASCII = re.compile("[^\x00-\x7f\ufffd]")


def _is_latin(char: str) -> bool:
    code = ord(char)
    return code <= 0x24F or 0x1E00 <= code <= 0x1EFF


# a non-ASCII symbol between two letters: what a wrong single-byte codepage leaves inside words
# ("Za¿ó³æ" is Polish cp1250 read as cp1252)
_IN_WORD_SYMBOL = re.compile(r"(?<=[^\W\d_])[^\w\s\x00-\x7f](?=[^\W\d_])")


def _prefer_detected(detected_text: str, cp1252_text: str) -> bool:
    """Does a detector's single-byte reading beat windows-1252's?

    Latin-1 pages are the common case and detectors often misname them as a Central European
    codepage ("Señora" read as "Seńora"): both readings are then clean Latin text. The detector wins
    only when its reading is in another script (Cyrillic, Greek, ...) or when windows-1252 leaves
    symbols inside words that the detector's reading does not."""
    other_script = sum(1 for c in detected_text if c.isalpha() and not _is_latin(c))
    if other_script > sum(1 for c in cp1252_text if c.isalpha() and not _is_latin(c)):
        return True
    return len(_IN_WORD_SYMBOL.findall(cp1252_text)) > len(_IN_WORD_SYMBOL.findall(detected_text))


def decode_html(body: bytes, declared: str | None = None) -> str:
    """Decode an HTML body robustly.

    Order: BOM; valid UTF-8 (a body that decodes as UTF-8 is UTF-8 whatever the header says);
    the declared header charset, then the ``<meta charset>``, when they decode cleanly (a header
    claiming UTF-8 for a Latin-1 body fails here and falls through); statistical detection;
    windows-1252 as the lossless last resort. Double-encoded UTF-8 ("Ã©", "â€™") is repaired.
    """
    if isinstance(body, str):
        return fix_mojibake(body)
    for bom, codec in _BOMS:
        if body.startswith(bom):
            return fix_mojibake(body[len(bom) :].decode(codec, errors="replace"))
    utf16 = _utf16_without_bom(body[:2048])
    if utf16:
        return fix_mojibake(body.decode(utf16, errors="replace"))
    try:
        return fix_mojibake(body.decode("utf-8"))
    except UnicodeDecodeError as err:
        # A truncated multi-byte sequence at the very end is still UTF-8.
        if err.start >= len(body) - 3 and err.reason.startswith("unexpected end"):
            return fix_mojibake(body[: err.start].decode("utf-8"))
    candidates = [declared_charset(declared), meta_charset(body)]
    for codec in candidates:
        if codec and codec not in ("utf-8", "utf-16", "utf-32"):
            try:
                return body.decode(codec)
            except (UnicodeDecodeError, LookupError):
                continue
    # Mostly UTF-8 with a few stray bytes vs a single-byte page: count what each would damage.
    # (UTF-8 only if it really has multi-byte text: a Latin-1 page with one "café" has a stray byte too)
    utf8 = body.decode("utf-8", errors="replace")
    if utf8.count("\ufffd") <= max(2, len(body) // 5000) and _REAL_NON_ASCII.search(utf8):
        return fix_mojibake(utf8)
    cp1252 = body.decode("cp1252", errors="replace")
    detected, confident = _detect(body)
    if confident and detected and detected not in ("utf-8", "cp1252", "latin_1", "ascii"):
        try:
            text = body.decode(detected)
        except (UnicodeDecodeError, LookupError):
            return cp1252
        if _prefer_detected(text, cp1252):
            return text
    return cp1252


# --- mojibake: UTF-8 bytes that were decoded once as windows-1252/latin-1 and re-encoded -------------
_CP1252_HIGH = bytes(range(0x80, 0xA0)).decode("cp1252", errors="replace")
_CONT_CHARS = "".join(c for c in _CP1252_HIGH if c != "\ufffd") + "".join(map(chr, range(0x80, 0xC0)))
_CONT = "[" + re.escape(_CONT_CHARS) + "]"
_MOJIBAKE = re.compile(f"[\u00c2-\u00df]{_CONT}|[\u00e0-\u00ef]{_CONT}{{2}}|[\u00f0-\u00f4]{_CONT}{{3}}")
_TO_BYTE = {c: i for i, c in zip(range(0x80, 0xA0), _CP1252_HIGH, strict=True) if c != "\ufffd"}


def _char_byte(char: str) -> int:
    code = ord(char)
    return code if code < 256 else _TO_BYTE[char]


def _unmangle(match: re.Match) -> str:
    text = match.group(0)
    try:
        return bytes(_char_byte(c) for c in text).decode("utf-8")
    except (UnicodeDecodeError, KeyError):
        return text


def fix_mojibake(text: str) -> str:
    """Repair double-encoded UTF-8 when a page shows it repeatedly (a single hit may be real text)."""
    # cheap C-level pre-check: every mojibake sequence starts with one of these lead characters
    if sum(text.count(lead, 0, 2_000_000) for lead in "\u00c2\u00c3\u00e2\u00c5") < 3:
        return text
    matches = _MOJIBAKE.findall(text, 0, 2_000_000)
    if len(matches) < 3:
        return text
    return _MOJIBAKE.sub(_unmangle, text)
