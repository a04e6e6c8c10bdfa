"""Name what went wrong with a fetch, in words a person reading `fetch_log` understands."""

from __future__ import annotations

from scrapy.exceptions import (
    DownloadConnectionRefusedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet import defer
from twisted.internet import error as tx
from twisted.python.failure import Failure
from twisted.web._newclient import ResponseFailed, ResponseNeverReceived


class AlreadyArchived(IgnoreRequest):
    """The archive holds this story already. `aliases`: URLs that redirected to it, worth recording."""

    def __init__(self, article_url: str, aliases: tuple[str, ...] = ()):
        super().__init__(f"already archived as {article_url}")
        self.article_url = article_url
        self.aliases = aliases


class RedirectLoop(IgnoreRequest):
    """A redirect that leads back to a URL already in its own chain."""


def describe_failure(failure: Failure) -> tuple[str | None, str, int | None]:
    """(outcome, reason, http status): outcome is "failed", "skipped", or None for no record."""
    exc = failure.value
    if isinstance(exc, AlreadyArchived):
        return None, "already-archived", None
    if isinstance(exc, HttpError):
        response = exc.response
        reason = f"http-{response.status}"
        retry_after = response.headers.get(b"Retry-After")
        if retry_after:
            reason += f" (Retry-After: {retry_after.decode('latin-1')[:40]})"
        return "failed", reason, response.status
    if isinstance(exc, RedirectLoop):
        return "failed", f"redirect-loop: {exc}"[:200], None
    if isinstance(exc, IgnoreRequest):
        message = str(exc)
        if "DOWNLOAD_MAXSIZE" in message:
            # Scrapy stops reading (or inflating) a body past the limit: a huge page or a gzip bomb.
            where = " (while decompressing)" if "decompress" in message else ""
            return "failed", f"too-large{where}", None
        if "robots.txt" in message:
            return "skipped", "robots.txt disallows", None
        if "max redirections" in message.lower() or "redirect" in message.lower():
            return "failed", "redirect-loop", None
        if "offsite" in message.lower():
            return None, "offsite", None
        return "skipped", f"ignored: {message}"[:200], None
    if isinstance(exc, DownloadTimeoutError | tx.TimeoutError | tx.TCPTimedOutError | defer.TimeoutError):
        return "failed", "timeout", None
    if isinstance(exc, ResponseDataLossError):
        return "failed", "truncated-body", None
    if isinstance(exc, DownloadConnectionRefusedError | tx.ConnectionRefusedError):
        return "failed", "connection-refused", None
    if isinstance(exc, tx.DNSLookupError):
        return "failed", "dns-lookup-failed", None
    if isinstance(exc, defer.CancelledError):
        # Scrapy cancels a download that passes DOWNLOAD_MAXSIZE (also while inflating gzip).
        return "failed", "too-large-or-cancelled", None
    if isinstance(exc, ResponseFailed | ResponseNeverReceived | tx.ConnectionLost | tx.ConnectionDone):
        text = " ".join(str(r.value) for r in getattr(exc, "reasons", [])) or str(exc)
        if "DataLoss" in repr(exc) or "PotentialDataLoss" in text or "DataLoss" in text:
            return "failed", "truncated-body", None
        return "failed", f"connection-lost: {text}"[:200], None
    name = type(exc).__name__
    message = str(exc)
    if (
        "maxsize" in message.lower()
        or "max size" in message.lower()
        or "larger than download" in message.lower()
    ):
        return "failed", "too-large", None
    if "decompress" in message.lower():
        return "failed", "decompression-failed", None
    return "failed", f"{name}: {message}"[:200], None
