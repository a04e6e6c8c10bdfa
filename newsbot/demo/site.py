"""Serve a DemoWorld over HTTP on 127.0.0.1: one threaded server per publisher.

    from newsbot.demo.site import DemoWorld, serve_world

    with serve_world(DemoWorld()) as running:
        running.sources_toml()        # for a crawl
        running.expected_articles()   # what a correct crawl stores

Run ``python -m newsbot.demo.site [--extra N] [--faults]`` to browse it by hand.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import threading
import traceback
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from newsbot.demo import faults, feeds
from newsbot.demo.responses import XML, Response, html, not_found, redirect, server_error
from newsbot.demo.templates import HostileTemplate, Template, ValleyTemplate, template_for
from newsbot.demo.world import (
    UTM_RSS,
    VALLEY_OLD_URL,
    Article,
    DemoWorld,
    Publisher,
)

__all__ = ["DemoWorld", "ExpectedArticle", "RunningPublisher", "RunningWorld", "serve_world"]

HARBOR_FEED_SIZE = 20  # like WordPress, the feed holds only the latest posts
VALLEY_FEED_SIZE = 20


@dataclass
class ExpectedArticle:
    """A story a correct crawl stores, and what its stored record must (not) contain."""

    publisher: str  # publisher name, as in sources.toml
    url: str  # canonical absolute URL: the one to store the story under
    alt_urls: list[str]  # other URLs serving the same story (tracking params, AMP, redirects)
    title: str
    authors: list[str]
    published: str  # ISO 8601 with offset
    paragraphs: list[str]  # body paragraphs exactly as a reader sees them
    boilerplate: list[str]  # on the page, never in the stored text
    tags: list[str]
    language: str


class RequestLog(list):
    """Every request received, as (publisher name, method, path with query, headers)."""

    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Lock()

    def append(self, entry: tuple[str, str, str, dict[str, str]]) -> None:
        with self._lock:
            super().append(entry)

    def snapshot(self) -> list[tuple[str, str, str, dict[str, str]]]:
        with self._lock:
            return list(self)


class PublisherApp:
    """Answers requests for one publisher: routes a path to a page, feed or fault."""

    def __init__(self, world: DemoWorld, pub: Publisher, base_url: str) -> None:
        self.world = world
        self.pub = pub
        self.base = base_url
        self.template: Template = template_for(pub, base_url)
        self._cache: dict[str, Response] = {}
        self._cache_version = -1
        self._lock = threading.Lock()

    # -- routing -------------------------------------------------------------------------------

    def respond(self, target: str) -> Response:
        with self._lock:
            if self._cache_version != self.world.version:
                self._cache = {}
                self._cache_version = self.world.version
                self._routes = self._build_routes()
            cached = self._cache.get(target)
            routes = self._routes
        if cached is not None:
            return cached
        parts = urlsplit(target)
        path, query = parts.path, parts.query
        if path == "/robots.txt":
            return Response(200, self.robots_txt().encode(), "text/plain; charset=utf-8")
        if self.pub.key == "hostile" and (fault := faults.respond(path)) is not None:
            return fault
        special = self._special(path, query)
        if special is not None:
            return special
        build = routes.get(path)
        if build is None:
            return not_found()
        response = build()
        if response.status == 200 and len(self._cache) < 20_000:
            self._cache[target] = response
        return response

    def _build_routes(self):
        """path -> function building the response (query strings are ignored, as on most sites)."""
        routes = {}
        for article in self.pub.articles:
            routes[article.path] = lambda a=article: self._article(a)
        for listing in self.pub.listings().values():
            routes[listing.path] = lambda lst=listing: html(self.template.listing(lst), conditional=True)
        key = self.pub.key
        if key == "harbor":
            private = self.pub.extra_pages["private"]
            routes[private.path] = lambda: self._article(private)
            routes["/feed/"] = self._harbor_feed
            routes["/sitemap_index.xml"] = self._harbor_index
            for i, _ in enumerate(self._harbor_post_chunks()):
                routes[self._post_sitemap_path(i)] = lambda i=i: self._harbor_post_sitemap(i)
            routes["/news-sitemap.xml"] = self._harbor_news_sitemap
        elif key == "valley":
            assert isinstance(self.template, ValleyTemplate)
            tpl = self.template
            gallery = self.pub.extra_pages["gallery"]
            routes[gallery.path] = lambda: html(
                tpl.gallery(gallery), conditional=True, last_modified=gallery.modified
            )
            for i in range(1, len(gallery.markup) + 1):
                routes[f"/images/gallery-{i}.svg"] = lambda i=i: _svg(i, gallery.markup[i - 1])
            for article in self.pub.articles:
                if f"/amp/{article.slug}/" in article.alt_paths:
                    routes[f"/amp/{article.slug}/"] = lambda a=article: html(tpl.amp(a))
                routes[f"/print/{article.slug}/"] = lambda a=article: html(tpl.print_version(a))
            routes["/feeds/latest.atom"] = self._valley_atom
            routes["/sitemap.xml"] = lambda: self._valley_sitemap(None)
            chunks = self._valley_sitemap_chunks()
            if len(chunks) > 1:
                for i in range(len(chunks)):
                    routes[f"/sitemap-{i + 1}.xml"] = lambda i=i: self._valley_sitemap(i)
            routes[ValleyTemplate.BROKEN_500] = server_error
        elif key == "plain":
            routes["/rss.xml"] = self._plain_rss
        elif key == "hostile":
            routes["/sitemap.xml"] = self._hostile_sitemap
        return routes

    def _special(self, path: str, query: str) -> Response | None:
        if self.pub.key != "valley":
            return None
        if f"{path}?{query}" == VALLEY_OLD_URL:
            target = self.world.find(VALLEY_OLD_URL)
            return redirect(self.base + target.path, 301)
        if path == "/search/":
            q = parse_qs(query).get("q", [""])[0]
            assert isinstance(self.template, ValleyTemplate)
            return html(self.template.search(q))
        return None

    # -- pages ---------------------------------------------------------------------------------

    def _article(self, a: Article) -> Response:
        if a.kind == "missing_charset":
            assert isinstance(self.template, HostileTemplate)
            body = self.template.article(a, declare_charset=False).encode("utf-8")
            return Response(200, body, "text/html", conditional=True, last_modified=a.modified)
        if a.kind == "lying_charset":
            assert isinstance(self.template, HostileTemplate)
            body = self.template.article(a, declare_charset=False).encode("latin-1")
            return Response(200, body, "text/html; charset=utf-8", conditional=True, last_modified=a.modified)
        return html(self.template.article(a), conditional=True, last_modified=a.modified)

    def robots_txt(self) -> str:
        key = self.pub.key
        if key == "harbor":
            return (
                "User-agent: *\nDisallow: /private/\nDisallow: /wp-admin/\n"
                "Allow: /wp-admin/admin-ajax.php\n\n"
                f"Sitemap: {self.base}/sitemap_index.xml\n"
            )
        if key == "valley":
            # /sitemap.xml exists but is not announced here: crawlers must know to look.
            return "User-agent: *\nDisallow: /print/\nDisallow: /cgi-bin/\n"
        if key == "hostile":
            return f"User-agent: *\nDisallow:\n\nSitemap: {self.base}/sitemap.xml\n"
        return "User-agent: *\nDisallow:\n"

    def disallowed_paths(self) -> list[str]:
        """Disallowed paths that hold pages a crawler would otherwise find."""
        return {"harbor": ["/private/"], "valley": ["/print/"]}.get(self.pub.key, [])

    def _xml(self, text: str, articles: list[Article], content_type: str = XML) -> Response:
        return Response(
            200, text.encode("utf-8"), content_type, conditional=True, last_modified=feeds.newest(articles)
        )

    def _harbor_feed(self) -> Response:
        items = self.pub.latest()[:HARBOR_FEED_SIZE]
        text = feeds.rss(self.pub, self.base, items, UTM_RSS)
        return self._xml(text, items, "application/rss+xml; charset=UTF-8")

    def _harbor_post_chunks(self) -> list[list[Article]]:
        return feeds.chunks(self.pub.latest())

    @staticmethod
    def _post_sitemap_path(i: int) -> str:
        return "/post-sitemap.xml" if i == 0 else f"/post-sitemap{i + 1}.xml"

    def _harbor_index(self) -> Response:
        chunks = self._harbor_post_chunks()
        entries = [(self._post_sitemap_path(i), feeds.newest(c)) for i, c in enumerate(chunks)]
        news = self._news_articles()
        entries.append(("/news-sitemap.xml", feeds.newest(news)))
        return self._xml(feeds.sitemap_index(self.base, entries), self.pub.articles)

    def _harbor_post_sitemap(self, i: int) -> Response:
        chunk = self._harbor_post_chunks()[i]
        return self._xml(feeds.urlset(self.base, [(a.path, a.modified) for a in chunk]), chunk)

    def _news_articles(self) -> list[Article]:
        # Google News sitemaps hold only recent stories: here, the hand-written ones.
        return [a for a in self.pub.latest() if a.generated is None][:1000]

    def _harbor_news_sitemap(self) -> Response:
        news = self._news_articles()
        return self._xml(feeds.news_sitemap(self.pub, self.base, news), news)

    def _valley_atom(self) -> Response:
        items = self.pub.latest()[:VALLEY_FEED_SIZE]
        text = feeds.atom(self.pub, self.base, items, "/feeds/latest.atom")
        return self._xml(text, items, "application/atom+xml; charset=utf-8")

    def _valley_sitemap_chunks(self) -> list[list[tuple[str, datetime]]]:
        gallery = self.pub.extra_pages["gallery"]
        entries = [(a.path, a.modified) for a in self.pub.latest()] + [(gallery.path, gallery.modified)]
        return feeds.chunks(entries)

    def _valley_sitemap(self, i: int | None) -> Response:
        chunks = self._valley_sitemap_chunks()
        every = [*self.pub.articles, self.pub.extra_pages["gallery"]]
        if i is None and len(chunks) == 1:
            return self._xml(feeds.urlset(self.base, chunks[0]), every)
        if i is None:
            entries = [(f"/sitemap-{n + 1}.xml", max(m for _, m in c)) for n, c in enumerate(chunks)]
            return self._xml(feeds.sitemap_index(self.base, entries), every)
        return Response(
            200,
            feeds.urlset(self.base, chunks[i]).encode(),
            XML,
            conditional=True,
            last_modified=max(m for _, m in chunks[i]),
        )

    def _plain_rss(self) -> Response:
        items = self.pub.latest()  # the feed is this paper's only way in: it lists everything
        return self._xml(feeds.rss(self.pub, self.base, items), items, "application/rss+xml; charset=utf-8")

    def _hostile_sitemap(self) -> Response:
        entries: list[tuple[str, datetime | None]] = [(a.path, a.modified) for a in self.pub.articles]
        entries += [(path, None) for path in faults.FAULT_PATHS.values()]
        return self._xml(feeds.urlset(self.base, entries), self.pub.articles)


def http_date(d: datetime) -> str:
    return format_datetime(d.astimezone(UTC), usegmt=True)


def _svg(n: int, caption: str) -> Response:
    hues = (20, 45, 200, 10, 280, 120)
    hue = hues[(n - 1) % len(hues)]
    svg = f"""<svg xmlns="http://www.w3.org/2000/svg" width="560" height="315" viewBox="0 0 560 315">
<defs><radialGradient id="g"><stop offset="0" stop-color="hsl({hue},90%,60%)"/>
<stop offset="1" stop-color="#111"/></radialGradient></defs>
<rect width="560" height="315" fill="url(#g)"/>
<text x="20" y="295" fill="#fff" font-family="sans-serif" font-size="18">Photo {n}</text></svg>"""
    return Response(200, svg.encode(), "image/svg+xml")


# -- HTTP plumbing ---------------------------------------------------------------------------


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128

    def __init__(self, addr: tuple[str, int], app: PublisherApp, log: RequestLog, stop: threading.Event):
        self.app = app
        self.log = log
        self.stop = stop
        super().__init__(addr, _Handler)

    def handle_error(self, request: object, client_address: tuple[str, int]) -> None:
        # A crawler that hangs up (killed, timed out, or done with a keep-alive connection) is
        # normal here, not worth a traceback on the demo's terminal.
        if isinstance(sys.exc_info()[1], ConnectionError | TimeoutError):
            return
        super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: every response carries Content-Length
    server_version = "DemoNews/1.0"
    timeout = 15  # idle keep-alive connections let their thread go eventually
    # Headers and body leave in one buffered write with Nagle off: otherwise every keep-alive
    # response waits ~40 ms for the client's delayed ACK.
    disable_nagle_algorithm = True
    wbufsize = 64 * 1024
    server: _Server

    def do_GET(self) -> None:
        self._serve(head=False)

    def do_HEAD(self) -> None:
        self._serve(head=True)

    def log_message(self, format: str, *args: object) -> None:
        pass  # the RequestLog is the record; stderr stays quiet for tests and the CLI

    def _serve(self, head: bool) -> None:
        app = self.server.app
        self.server.log.append((app.pub.name, self.command, self.path, dict(self.headers.items())))
        try:
            response = app.respond(self.path)
        except Exception:
            traceback.print_exc(file=sys.stderr)
            response = server_error()
        try:
            self._write(response, head)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def _write(self, r: Response, head: bool) -> None:
        headers = list(r.headers)
        if r.conditional and r.status == 200:
            etag = '"' + hashlib.sha1(r.body).hexdigest()[:20] + '"'
            headers.append(("ETag", etag))
            if r.last_modified is not None:
                headers.append(("Last-Modified", http_date(r.last_modified)))
            if self._not_modified(etag, r.last_modified):
                self.send_response(304)
                for name, value in headers:
                    self.send_header(name, value)
                self.end_headers()
                return
        self.send_response(r.status)
        if r.content_type:
            self.send_header("Content-Type", r.content_type)
        for name, value in headers:
            self.send_header(name, value)
        length = r.content_length if r.content_length is not None else len(r.body)
        self.send_header("Content-Length", str(length))
        if r.close:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if head:
            return
        if r.writer is not None:
            r.writer(self.wfile, self.server.stop)
        else:
            self.wfile.write(r.body)
        self.wfile.flush()

    def _not_modified(self, etag: str, last_modified: datetime | None) -> bool:
        inm = self.headers.get("If-None-Match")
        if inm is not None:  # If-None-Match wins over If-Modified-Since (RFC 9110)
            tags = [t.strip().removeprefix("W/") for t in inm.split(",")]
            return "*" in tags or etag in tags
        ims = self.headers.get("If-Modified-Since")
        if ims and last_modified is not None:
            try:
                since = parsedate_to_datetime(ims)
            except (TypeError, ValueError):
                return False
            if since.tzinfo is None:
                return False
            return last_modified.replace(microsecond=0) <= since
        return False


# -- running world ---------------------------------------------------------------------------


@dataclass
class RunningPublisher:
    name: str
    base_url: str  # "http://127.0.0.1:PORT", no trailing slash
    publisher: Publisher
    app: PublisherApp = field(repr=False)

    def url(self, path: str) -> str:
        return self.base_url + path


class RunningWorld:
    """A served DemoWorld: URLs, expectations and the request log."""

    def __init__(self, world: DemoWorld, publishers: list[RunningPublisher], log: RequestLog) -> None:
        self.world = world
        self.publishers = publishers
        self.requests_log = log

    def publisher(self, name_or_key: str) -> RunningPublisher:
        return next(p for p in self.publishers if name_or_key in (p.name, p.publisher.key))

    def _running(self, article: Article) -> RunningPublisher:
        return self.publisher(article.publisher)

    def url_of(self, article: Article) -> str:
        return self._running(article).url(article.path)

    def sources_toml(self) -> str:
        lines = ["# The newsbot demo world: local publishers on 127.0.0.1 (ports change every run).", ""]
        for p in self.publishers:
            lines += ["[[sources]]", f'name = "{p.name}"', f'url = "{p.base_url}/"']
            if p.publisher.key == "plain":
                # Its feed is not linked from any page: the crawler has to be told.
                lines.append(f'feeds = ["{p.base_url}/rss.xml"]')
            lines.append("")
        return "\n".join(lines)

    def expected_articles(self) -> list[ExpectedArticle]:
        expected = []
        for p in self.publishers:
            app = p.app
            in_feed = set()
            if p.publisher.key == "harbor":
                in_feed = {id(a) for a in p.publisher.latest()[:HARBOR_FEED_SIZE]}
            for a in p.publisher.articles:
                alt = [p.url(path) for path in a.alt_paths]
                if id(a) in in_feed:
                    alt.append(p.url(a.path + UTM_RSS))
                expected.append(
                    ExpectedArticle(
                        publisher=p.name,
                        url=p.url(a.path),
                        alt_urls=alt,
                        title=a.title,
                        authors=list(a.authors),
                        published=a.published.isoformat(),
                        paragraphs=a.paragraphs,
                        boilerplate=app.template.boilerplate(a),
                        tags=list(a.tags),
                        language=a.language,
                    )
                )
        return expected

    def non_article_urls(self) -> list[str]:
        """Pages a crawler fetches and must record as skipped: listings, search, gallery."""
        urls = []
        for p in self.publishers:
            urls += [p.url(path) for path in p.publisher.listings()]
            if p.publisher.key == "valley":
                urls.append(p.url(ValleyTemplate.SEARCH))
                urls.append(p.url(p.publisher.extra_pages["gallery"].path))
        return urls

    def disallowed_paths(self) -> list[str]:
        """Path prefixes robots.txt disallows (compare with the paths in ``requests_log``):
        each holds a linked page, and no request path may start with any of them."""
        return [path for p in self.publishers for path in p.app.disallowed_paths()]

    def error_urls(self) -> list[str]:
        """[a URL answering 404, a URL answering 500], both linked from every Valley Courier page."""
        valley = self.publisher("valley")
        return [valley.url(ValleyTemplate.BROKEN_404), valley.url(ValleyTemplate.BROKEN_500)]

    def fault_urls(self) -> dict[str, str]:
        """Hostile Herald fault name -> URL (empty without faults=True)."""
        hostile = next((p for p in self.publishers if p.publisher.key == "hostile"), None)
        if hostile is None:
            return {}
        urls = {name: hostile.url(path) for name, path in faults.FAULT_PATHS.items()}
        for a in hostile.publisher.articles:
            if a.kind != "story":
                urls[a.kind] = hostile.url(a.path)
        return urls

    def requested_paths(self, publisher: str) -> list[str]:
        """Paths (with query) requested from one publisher, by name or key."""
        name = self.publisher(publisher).name
        return [path for pub, _, path, _ in self.requests_log.snapshot() if pub == name]

    def edit_article(self, url_or_index: str | int, **changes) -> Article:
        return self.world.edit_article(url_or_index, **changes)


@contextmanager
def serve_world(
    world: DemoWorld, host: str = "127.0.0.1", ports: Sequence[int] | None = None
) -> Iterator[RunningWorld]:
    """Serve every publisher of `world` on its own port (OS-chosen unless `ports` is given)."""
    log = RequestLog()
    stop = threading.Event()
    servers: list[_Server] = []
    running: list[RunningPublisher] = []
    try:
        for i, pub in enumerate(world.publishers):
            port = ports[i] if ports else 0
            app = PublisherApp(world, pub, "")  # base URL known once the port is bound
            server = _Server((host, port), app, log, stop)
            servers.append(server)
            base = f"http://{host}:{server.server_address[1]}"
            app.base = base
            app.template = template_for(pub, base)
            running.append(RunningPublisher(pub.name, base, pub, app))
            # A short poll interval keeps shutdown (and so every test using the world) quick.
            threading.Thread(
                target=server.serve_forever, args=(0.05,), name=f"demo-{pub.key}", daemon=True
            ).start()
        yield RunningWorld(world, running, log)
    finally:
        stop.set()  # wakes the slow page so shutdown does not wait for it
        for server in servers:
            server.shutdown()
            server.server_close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsbot.demo.site", description=__doc__.splitlines()[0])
    parser.add_argument("--extra", type=int, default=0, help="generated articles to add (for load tests)")
    parser.add_argument("--faults", action="store_true", help="add the Hostile Herald and its faults")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--port", type=int, default=0, help="first port (others follow); default: any free")
    args = parser.parse_args(argv)
    world = DemoWorld(extra_articles=args.extra, faults=args.faults, seed=args.seed)
    ports = [args.port + i for i in range(len(world.publishers))] if args.port else None
    with serve_world(world, ports=ports) as running:
        for p in running.publishers:
            print(f"{p.name:<24} {p.base_url}/")
        print(f"\n{len(world.articles)} stories. sources.toml for this run:\n")
        print(running.sources_toml())
        print("Serving until Ctrl-C.", flush=True)
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            print("\nStopped.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
