"""The demo news world: its pages, feeds, sitemaps and faults are what the crawl tests rely on."""

from __future__ import annotations

import contextlib
import gzip
import http.client
import io
import re
import socket
import threading
import time
import tomllib
import urllib.request
import urllib.robotparser
import zlib
from urllib.parse import urlsplit

import lxml.etree
import lxml.html
import pytest

from newsbot.demo.site import DemoWorld, ExpectedArticle, RunningWorld, serve_world

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def running():
    with serve_world(DemoWorld(faults=True)) as running:
        yield running


def fetch(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    """GET without following redirects or raising on errors."""
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        conn.request("GET", parts.path + (f"?{parts.query}" if parts.query else ""), headers=headers or {})
        resp = conn.getresponse()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read()
    finally:
        conn.close()


def page_text(body: bytes, encoding: str = "utf-8") -> str:
    doc = lxml.html.document_fromstring(body.decode(encoding))
    return " ".join(doc.text_content().split())


def xml(url: str) -> lxml.etree._Element:
    status, _, body = fetch(url)
    assert status == 200, url
    return lxml.etree.fromstring(body)


def norm(text: str) -> str:
    return " ".join(text.split())


def strip_query(url: str) -> str:
    return url.split("?", 1)[0]


def by_publisher(
    running: RunningWorld, key: str, expected: list[ExpectedArticle] | None = None
) -> list[ExpectedArticle]:
    name = running.publisher(key).name
    return [a for a in expected or running.expected_articles() if a.publisher == name]


# -- the servers -----------------------------------------------------------------------------


def test_one_server_per_publisher_on_localhost(running):
    names = [p.name for p in running.publishers]
    assert names == ["Harbor Gazette", "Valley Courier", "The Plain Dealer Times", "Hostile Herald"]
    ports = {urlsplit(p.base_url).port for p in running.publishers}
    assert len(ports) == 4
    assert all(urlsplit(p.base_url).hostname == "127.0.0.1" for p in running.publishers)


def test_sources_toml_lists_every_publisher(running):
    sources = tomllib.loads(running.sources_toml())["sources"]
    assert [(s["name"], s["url"]) for s in sources] == [
        (p.name, p.base_url + "/") for p in running.publishers
    ]
    plain = next(s for s in sources if s["name"] == "The Plain Dealer Times")
    assert plain["feeds"] == [running.publisher("plain").url("/rss.xml")]


def test_requests_are_logged_with_headers_over_keep_alive(running):
    harbor = running.publisher("harbor")
    conn = http.client.HTTPConnection("127.0.0.1", urlsplit(harbor.base_url).port, timeout=5)
    for _ in range(3):  # three requests on one connection: HTTP/1.1 keep-alive works
        conn.request("GET", "/robots.txt", headers={"X-Demo-Test": "yes"})
        assert conn.getresponse().read().startswith(b"User-agent")
    conn.close()
    logged = [e for e in running.requests_log.snapshot() if e[3].get("X-Demo-Test") == "yes"]
    assert [(e[0], e[1], e[2]) for e in logged] == [("Harbor Gazette", "GET", "/robots.txt")] * 3


# -- the stories -----------------------------------------------------------------------------


def test_world_has_hand_written_stories_in_two_languages(running):
    expected = running.expected_articles()
    per_pub = {p.name: len(by_publisher(running, p.publisher.key)) for p in running.publishers[:3]}
    assert all(4 <= n <= 6 for n in per_pub.values()), per_pub
    assert {a.language for a in expected} == {"en", "es"}
    assert all(4 <= len(a.paragraphs) <= 9 for a in expected)
    assert all(re.fullmatch(r"2026-11-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", a.published) for a in expected)
    assert len({a.url for a in expected}) == len(expected)


def test_every_paragraph_and_boilerplate_string_is_on_the_page(running):
    for article in running.expected_articles():
        status, headers, body = fetch(article.url)
        assert status == 200, article.url
        encoding = "latin-1" if article.url == running.fault_urls()["lying_charset"] else "utf-8"
        text = page_text(body, encoding)
        for paragraph in article.paragraphs:
            assert norm(paragraph) in text, (article.url, paragraph)
        assert len(article.boilerplate) >= 2
        for string in article.boilerplate:
            assert norm(string) in text, (article.url, string)
            # A boilerplate string inside the story would make the crawl tests contradict themselves.
            assert not any(string in p for p in article.paragraphs), (article.url, string)
        assert article.title in text
        doc = lxml.html.document_fromstring(body.decode(encoding))
        assert doc.xpath("string(//title)").startswith(article.title)
        canonical = doc.xpath("//link[@rel='canonical']/@href")
        assert canonical in ([], [article.url])


def test_harbor_pages_carry_wordpress_markup_and_json_ld(running):
    import json

    story = by_publisher(running, "harbor")[0]
    doc = lxml.html.document_fromstring(fetch(story.url)[2])
    assert doc.xpath("//article[contains(@class, 'post')]//div[@class='entry-content']")
    (ld,) = [json.loads(s) for s in doc.xpath("//script[@type='application/ld+json']/text()")]
    assert ld["@type"] == "NewsArticle"
    assert (ld["headline"], ld["datePublished"]) == (story.title, story.published)
    assert [a["name"] for a in ld["author"]] == story.authors
    assert doc.xpath("//meta[@property='og:title']/@content") == [story.title]
    related = doc.xpath("//article//h3[contains(., 'Related Stories')]/following-sibling::ul//a/text()")
    assert related and all(h in story.boilerplate for h in related)
    # The newsletter box sits between body paragraphs, inside the entry content.
    assert doc.xpath("//div[@class='entry-content']/div[@class='newsletter-signup']/following-sibling::p")
    spanish = next(a for a in by_publisher(running, "harbor") if a.language == "es")
    assert lxml.html.document_fromstring(fetch(spanish.url)[2]).get("lang") == "es-ES"


def test_plain_dealer_pages_have_no_telling_class_names(running):
    for story in by_publisher(running, "plain"):
        doc = lxml.html.document_fromstring(fetch(story.url)[2])
        assert doc.xpath("//*[@class or @id]") == []
        assert doc.xpath("//link[@rel='alternate']") == []
        assert doc.xpath("//meta[@name='author']/@content") == [" and ".join(story.authors)]
        assert doc.xpath("//meta[@property='article:published_time']/@content") == [story.published]
        assert len(doc.xpath("//p/b/a")) >= 3  # related headlines as bold links


def test_valley_read_more_teasers_sit_between_paragraphs(running):
    story = next(a for a in by_publisher(running, "valley") if "river-wend" in a.url)
    doc = lxml.html.document_fromstring(fetch(story.url)[2])
    teasers = doc.xpath("//p[strong='READ MORE:']")
    assert len(teasers) == 2
    assert all(t.getnext() is not None and t.getnext().tag == "p" for t in teasers)
    assert [t for t in story.boilerplate if t.startswith("READ MORE: ")] == [
        norm(t.text_content()) for t in teasers
    ]


def test_alternate_urls_serve_the_same_story(running):
    checked = 0
    for article in running.expected_articles():
        for alt in article.alt_urls:
            status, headers, body = fetch(alt)
            if status == 301:
                assert headers["location"] == article.url
            else:
                assert status == 200, alt
                doc = lxml.html.document_fromstring(body)
                assert doc.xpath("//link[@rel='canonical']/@href") == [article.url]
                assert article.paragraphs[-1] in page_text(body)
            checked += 1
    assert checked >= 3 + 5  # AMP, utm, redirect; and the Gazette's feed links


# -- discovery: feeds, sitemaps, robots -------------------------------------------------------


def test_harbor_sitemap_index_news_sitemap_and_rss(running):
    harbor = running.publisher("harbor")
    robots = fetch(harbor.url("/robots.txt"))[2].decode()
    (index_url,) = re.findall(r"^Sitemap: (\S+)$", robots, re.M)
    locs = [loc.text for loc in xml(index_url).iter(f"{SM}loc")]
    news_url = next(u for u in locs if "news" in u)
    news = xml(news_url)
    stories = by_publisher(running, "harbor")
    news_entries = {u.findtext(f"{SM}loc"): u for u in news.iter(f"{SM}url")}
    assert set(news_entries) == {a.url for a in stories}
    for a in stories:
        entry = news_entries[a.url]
        assert entry.findtext(f".//{NEWS}publication_date") == a.published
        assert entry.findtext(f".//{NEWS}title") == a.title
    listed = {loc.text for u in locs if u != news_url for loc in xml(u).iter(f"{SM}loc")}
    assert listed == {a.url for a in stories}
    home = lxml.html.document_fromstring(fetch(harbor.url("/"))[2])
    (feed_url,) = home.xpath("//link[@rel='alternate'][@type='application/rss+xml']/@href")
    links = [i.findtext("link") for i in xml(feed_url).iter("item")]
    assert {strip_query(u) for u in links} == {a.url for a in stories}
    assert all(u in next(a for a in stories if a.url == strip_query(u)).alt_urls for u in links)


def test_valley_atom_feed_and_unannounced_sitemap(running):
    valley = running.publisher("valley")
    assert "Sitemap:" not in fetch(valley.url("/robots.txt"))[2].decode()
    stories = {a.url for a in by_publisher(running, "valley")}
    home = lxml.html.document_fromstring(fetch(valley.url("/"))[2])
    (atom_url,) = home.xpath("//link[@rel='alternate'][@type='application/atom+xml']/@href")
    entries = {e.get("href") for e in xml(atom_url).iter(f"{ATOM}link") if e.get("rel") == "alternate"}
    assert stories <= entries
    listed = {loc.text for loc in xml(valley.url("/sitemap.xml")).iter(f"{SM}loc")}
    gallery = next(u for u in running.non_article_urls() if "/galleries/" in u)
    assert listed == stories | {gallery}


def test_plain_feed_lists_every_story(running):
    plain = running.publisher("plain")
    links = {i.findtext("link") for i in xml(plain.url("/rss.xml")).iter("item")}
    assert links == {a.url for a in by_publisher(running, "plain")}


def test_hostile_sitemap_lists_faults_and_stories(running):
    hostile = running.publisher("hostile")
    listed = {loc.text for loc in xml(hostile.url("/sitemap.xml")).iter(f"{SM}loc")}
    assert set(running.fault_urls().values()) <= listed
    assert {a.url for a in by_publisher(running, "hostile")} <= listed


def test_robots_disallows_paths_that_hold_linked_stories(running):
    assert running.disallowed_paths() == ["/private/", "/print/"]
    for key, prefix in (("harbor", "/private/"), ("valley", "/print/")):
        site = running.publisher(key)
        robots = urllib.robotparser.RobotFileParser()
        robots.parse(fetch(site.url("/robots.txt"))[2].decode().splitlines())
        assert not robots.can_fetch("newsbot", site.url(prefix + "anything/"))
        assert robots.can_fetch("newsbot", site.url("/"))
    # Something a crawler would follow links into each disallowed path.
    harbor_home = fetch(running.publisher("harbor").url("/"))[2].decode()
    assert re.search(r'href="/private/[^"]+"', harbor_home)
    valley_story = fetch(by_publisher(running, "valley")[0].url)[2].decode()
    assert re.search(r'href="/print/[^"]+"', valley_story)


def test_non_article_and_error_pages(running):
    non_articles = running.non_article_urls()
    expected = {a.url for a in running.expected_articles()}
    assert not set(non_articles) & expected
    kinds = " ".join(non_articles)
    for fragment in ("/news/page/2/", "/tag/", "/author/", "/search/?q=", "/galleries/", "/category/"):
        assert fragment in kinds
    for url in non_articles:
        status, headers, body = fetch(url)
        assert status == 200 and headers["content-type"].startswith("text/html"), url
    gallery = next(u for u in non_articles if "/galleries/" in u)
    gallery_doc = lxml.html.document_fromstring(fetch(gallery)[2])
    assert len(gallery_doc.xpath("//img")) >= 5
    assert len(gallery_doc.xpath("string(//div[@class='gallery'])").split()) < 40  # captions only
    not_found, broken = running.error_urls()
    assert fetch(not_found)[0] == 404 and fetch(broken)[0] == 500
    valley_home = fetch(running.publisher("valley").url("/"))[2].decode()
    assert f'href="{urlsplit(not_found).path}"' in valley_home
    assert f'href="{urlsplit(broken).path}"' in valley_home


# -- conditional requests and edits ------------------------------------------------------------


def test_feeds_and_sitemaps_answer_304(running):
    urls = [
        running.publisher("harbor").url("/feed/"),
        running.publisher("harbor").url("/sitemap_index.xml"),
        running.publisher("harbor").url("/news-sitemap.xml"),
        running.publisher("valley").url("/feeds/latest.atom"),
        running.publisher("valley").url("/sitemap.xml"),
        running.publisher("plain").url("/rss.xml"),
    ]
    for url in urls:
        status, headers, _ = fetch(url)
        assert status == 200 and headers["etag"] and headers["last-modified"].endswith("GMT"), url
        assert fetch(url, {"If-None-Match": headers["etag"]})[0] == 304
        assert fetch(url, {"If-Modified-Since": headers["last-modified"]})[0] == 304
        assert fetch(url, {"If-None-Match": '"stale"'})[0] == 200
        assert fetch(url, {"If-Modified-Since": "Sat, 01 Aug 2026 00:00:00 GMT"})[0] == 200


def test_edit_article_changes_page_sitemap_and_etag():
    world = DemoWorld()
    with serve_world(world) as running:
        harbor = running.publisher("harbor")
        story = by_publisher(running, "harbor")[1]
        sitemap = harbor.url("/post-sitemap.xml")
        _, before, _ = fetch(sitemap)

        world.edit_article(story.url, new_related=["A brand new related headline"])
        edited = next(a for a in running.expected_articles() if a.url == story.url)
        assert edited.paragraphs == story.paragraphs  # boilerplate-only change
        assert "A brand new related headline" in edited.boilerplate
        assert "A brand new related headline" in page_text(fetch(story.url)[2])
        status, after, body = fetch(sitemap, {"If-None-Match": before["etag"]})
        assert status == 200 and after["etag"] != before["etag"]
        lastmods = {u.findtext(f"{SM}loc"): u.findtext(f"{SM}lastmod") for u in lxml.etree.fromstring(body)}
        assert lastmods[story.url] == max(lastmods.values())

        world.edit_article(story.url, new_paragraphs=["A new first paragraph.", "And a second one."])
        edited = next(a for a in running.expected_articles() if a.url == story.url)
        assert edited.paragraphs == ["A new first paragraph.", "And a second one."]
        text = page_text(fetch(story.url)[2])
        assert "A new first paragraph." in text and story.paragraphs[0] not in text
        assert fetch(sitemap, {"If-None-Match": after["etag"]})[0] == 200

        world.edit_article(0, new_title="A corrected headline")
        assert running.expected_articles()[0].title == "A corrected headline"


# -- generated articles ------------------------------------------------------------------------


def test_generated_articles_are_deterministic():
    # (how fast they are generated is the throughput benchmark's to say: a timed test fails on a busy
    # machine for no fault of the code)
    world = DemoWorld(extra_articles=2000, seed=7)
    bodies = [a.paragraphs for a in world.articles]
    again = DemoWorld(extra_articles=2000, seed=7)
    assert [a.path for a in again.articles] == [a.path for a in world.articles]
    # A body does not depend on which bodies were generated before it.
    assert [a.paragraphs for a in again.articles[::-97]] == bodies[::-97]
    other = DemoWorld(extra_articles=2000, seed=8)
    assert [a.title for a in other.articles] != [a.title for a in world.articles]
    generated = [a for a in world.articles if a.generated is not None]
    assert len(generated) == 2000
    words = [sum(len(p.split()) for p in a.paragraphs) for a in generated]
    assert min(words) >= 300 and max(words) <= 1200
    assert len({len(a.paragraphs) for a in generated}) > 5  # varied shapes


def test_generated_articles_are_served_and_sitemaps_split():
    with serve_world(DemoWorld(extra_articles=2000, seed=3)) as running:
        harbor = running.publisher("harbor")
        index = xml(harbor.url("/sitemap_index.xml"))
        maps = [loc.text for loc in index.iter(f"{SM}loc") if "news" not in loc.text]
        assert len(maps) >= 2
        listed: list[str] = []
        for url in maps:
            locs = [loc.text for loc in xml(url).iter(f"{SM}loc")]
            assert len(locs) <= 1000
            listed += locs
        stories = by_publisher(running, "harbor")
        assert sorted(listed) == sorted(a.url for a in stories)
        plain_feed = {
            i.findtext("link") for i in xml(running.publisher("plain").url("/rss.xml")).iter("item")
        }
        assert plain_feed == {a.url for a in by_publisher(running, "plain")}
        valley_listed = {
            loc.text for loc in xml(running.publisher("valley").url("/sitemap.xml")).iter(f"{SM}loc")
        }
        assert {a.url for a in by_publisher(running, "valley")} < valley_listed
        sample = [a for a in running.expected_articles() if "-1" in a.url][:20]
        for article in sample:
            text = page_text(fetch(article.url)[2])
            assert all(p in text for p in article.paragraphs)
            assert all(b in text for b in article.boilerplate)


# -- faults ------------------------------------------------------------------------------------


def test_status_faults(running):
    faults = running.fault_urls()
    assert fetch(faults["server_error"])[0] == 500
    status, headers, _ = fetch(faults["unavailable"])
    assert status == 503 and headers["retry-after"].isdigit()
    status, headers, _ = fetch(faults["redirect_loop"])
    status2, headers2, _ = fetch(running.publisher("hostile").url(headers["location"]))
    assert (status, status2) == (302, 302)
    assert headers2["location"] == urlsplit(faults["redirect_loop"]).path


def test_charset_faults_decode_right_only_when_detected(running):
    faults = running.fault_urls()
    stories = {a.url: a for a in by_publisher(running, "hostile")}
    _, headers, body = fetch(faults["missing_charset"])
    assert headers["content-type"] == "text/html" and b"charset" not in body.lower()
    assert all(p in page_text(body, "utf-8") for p in stories[faults["missing_charset"]].paragraphs)
    _, headers, body = fetch(faults["lying_charset"])
    assert "charset=utf-8" in headers["content-type"]
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    paragraphs = stories[faults["lying_charset"]].paragraphs
    assert "Señora Inés Muñoz" in paragraphs[0]
    assert all(p in page_text(body, "latin-1") for p in paragraphs)


def test_body_faults(running):
    faults = running.fault_urls()
    status, headers, body = fetch(faults["huge"])
    assert status == 200 and len(body) > 20 * 1024 * 1024
    status, headers, body = fetch(faults["gzip_bomb"])
    assert headers["content-encoding"] == "gzip" and len(body) < 2 * 1024 * 1024
    inflater = zlib.decompressobj(31)
    assert len(inflater.decompress(body, 50 * 1024 * 1024)) == 50 * 1024 * 1024
    assert not inflater.eof  # still far from done: it inflates to ~1 GB
    body = fetch(faults["deep_nesting"])[2]
    assert body.count(b"<div>") == 20_000
    assert fetch(faults["pdf_as_html"])[2].startswith(b"%PDF-")
    assert fetch(faults["png_as_html"])[2].startswith(b"\x89PNG")
    status, headers, body = fetch(faults["random_bytes"])
    assert headers["content-type"].startswith("text/html") and len(body) >= 4096
    status, headers, body = fetch(faults["empty_body"])
    assert (status, headers["content-length"], body) == (200, "0", b"")


def test_truncated_body_closes_early(running):
    parts = urlsplit(running.fault_urls()["truncated"])
    with socket.create_connection((parts.hostname, parts.port), timeout=5) as sock:
        sock.sendall(f"GET {parts.path} HTTP/1.1\r\nHost: {parts.netloc}\r\n\r\n".encode())
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    declared = int(re.search(rb"Content-Length: (\d+)", head).group(1))
    assert 0 < len(body) < declared


def test_slow_page_times_out_and_does_not_block_shutdown():
    with serve_world(DemoWorld(faults=True)) as running:
        parts = urlsplit(running.fault_urls()["slow"])
        # Bytes keep trickling in (so an idle timeout of a few seconds never fires), but the
        # page is far from complete after two seconds.
        with socket.create_connection((parts.hostname, parts.port), timeout=3) as sock:
            sock.sendall(f"GET {parts.path} HTTP/1.1\r\nHost: {parts.netloc}\r\n\r\n".encode())
            data = b""
            deadline = time.monotonic() + 2.0
            while time.monotonic() < deadline:
                data += sock.recv(65536)
        head, _, body = data.partition(b"\r\n\r\n")
        declared = int(re.search(rb"Content-Length: (\d+)", head).group(1))
        assert 200 < len(body) < declared
        # A second client left hanging on the slow page while the world shuts down.
        hanging = threading.Thread(target=_swallow, args=(running.fault_urls()["slow"],), daemon=True)
        hanging.start()
        time.sleep(0.2)
        start = time.perf_counter()
    assert time.perf_counter() - start < 2.0


def _swallow(url: str) -> None:
    with contextlib.suppress(OSError, http.client.HTTPException):  # the server going away is the point
        urllib.request.urlopen(url, timeout=60).read()


def test_gzip_bomb_is_valid_gzip():
    from newsbot.demo.faults import BOMB_BYTES, gzip_bomb

    data = gzip_bomb()
    # The trailer states the true inflated size, so a streaming reader sees a consistent stream.
    assert int.from_bytes(data[-4:], "little") == BOMB_BYTES % 2**32
    assert gzip.GzipFile(fileobj=io.BytesIO(data)).read(1000) == b" " * 1000
