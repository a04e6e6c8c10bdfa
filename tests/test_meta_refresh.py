"""A page that sends the reader on with <meta http-equiv="refresh"> is still followed, whatever its
encoding, though pages that declare no refresh are no longer decoded to find that out."""

from __future__ import annotations

import pytest
from scrapy import Request
from scrapy.http import HtmlResponse
from scrapy.utils.misc import build_from_crawler
from scrapy.utils.test import get_crawler

from newsbot.middlewares import MetaRefreshMiddleware
from newsbot.spiders.news import NewsSpider

URL = "http://127.0.0.1:8000/old/ferry-story/"
REFRESH = '<meta http-equiv="Refresh" content="0; url=/2026/11/ferry-story/">'


def _page(
    head: str, encoding: str, charset: str | None = None, bom: bytes = b"", text: str = "Café"
) -> HtmlResponse:
    html = (
        f"<html><head>{head}<title>Moved</title></head><body><p>Ferry story moved: {text}</p></body></html>"
    )
    headers = {"Content-Type": f"text/html; charset={charset}" if charset else "text/html"}
    return HtmlResponse(URL, body=bom + html.encode(encoding), headers=headers, request=Request(URL))


@pytest.fixture(scope="module")
def middleware() -> MetaRefreshMiddleware:
    crawler = get_crawler(NewsSpider, {"METAREFRESH_ENABLED": True})
    return build_from_crawler(MetaRefreshMiddleware, crawler)


@pytest.mark.parametrize(
    ("encoding", "charset", "bom", "text"),
    [
        ("utf-8", "utf-8", b"", "Café"),
        ("cp1252", None, b"", "Café"),
        ("shift_jis", "shift_jis", b"", "フェリー"),
        ("utf-16-le", None, b"\xff\xfe", "Café"),  # no ASCII byte says 'refresh': decoded to be sure
        ("iso-2022-jp", "iso-2022-jp", b"", "フェリー"),
    ],
)
def test_a_refresh_is_followed_in_any_encoding(middleware, encoding, charset, bom, text):
    response = _page(REFRESH, encoding, charset, bom, text)
    result = middleware.process_response(response.request, response)
    assert isinstance(result, Request)
    assert result.url == "http://127.0.0.1:8000/2026/11/ferry-story/"


def test_a_page_without_refresh_passes_as_it_came(middleware):
    for head, charset in (("", "utf-8"), ('<meta name="refresh-rate" content="none">', None)):
        response = _page(head, "utf-8", charset)
        assert middleware.process_response(response.request, response) is response
