#!/usr/bin/env python3
"""Throughput and memory: newsbot end to end against bare trafilatura and plain Scrapy.

    python benchmarks/throughput.py [--data ../shared/bench/wcxb-dev] [--pages N] [--quick]
                                    [--rss-pages SMALL,BIG] [--workers N] [--skip STAGE,...]

Every figure comes from one run over one set of pages: the real pages of the WCXB dev set
(read from --data, never copied) plus generated demo-site articles up to --pages (default 2,000).
All of them are served on 127.0.0.1 (the real ones by a small server here, the generated ones by
``newsbot.demo.site``) and written into a WARC with warcio, so every stage sees the same bytes
under the same URLs.

Stages (skip with --skip floor,import,crawl,scrapy,rss)
  floor   one process, in this process: lxml parse only; bare ``trafilatura.extract(html, url=url)``;
          newsbot's ``extract_article``. Wall time over all pages.
  import  ``newsbot import-warc`` (default workers) of the WARC into a fresh archive, end to end:
          a separate process, start-up and the archive written included.
  crawl   ``newsbot crawl`` of the served sites into a fresh archive (delays off, robots on).
  scrapy  plain Scrapy fetching the same article pages (sitemap, robots on, same concurrency,
          no pipeline): the fetching floor.
  rss     peak RSS of the whole process tree (parent + workers, sampled from /proc every 100 ms)
          of ``newsbot import-warc`` over SMALL and over BIG generated pages (default 2,000 and
          20,000).

Ratios are printed against the baselines measured in the same run. Targets (issue):
import-warc wall <= 0.75x bare trafilatura in one process; crawl pages/s >= 0.9x import-warc;
peak RSS after BIG pages <= 1.2x after SMALL.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import logging
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEFAULT_DATA = (ROOT / ".." / "shared" / "bench" / "wcxb-dev").resolve()
FAST_CRAWL = [
    "-s",
    "DOWNLOAD_DELAY=0",
    "-s",
    "AUTOTHROTTLE_ENABLED=False",
    "-s",
    "CONCURRENT_REQUESTS_PER_DOMAIN=32",
    "-s",
    "CONCURRENT_REQUESTS=64",
    "-s",
    "ROBOTSTXT_OBEY=True",
    "-s",
    "NEWSBOT_MAX_PAGES=1000000",
    "-s",
    "LOG_LEVEL=WARNING",
]
STAGES = ("floor", "import", "crawl", "scrapy", "rss")


@dataclass
class Page:
    url: str
    body: bytes
    content_type: str

    @property
    def charset(self) -> str | None:
        _, _, rest = self.content_type.partition("charset=")
        return rest.strip() or None


@dataclass
class Row:
    name: str
    pages: int
    seconds: float  # wall
    note: str = ""
    extra: dict = field(default_factory=dict)
    cpu: float = 0.0  # CPU seconds of the stage (this process, or the command's whole process tree)
    others: float = 0.0  # share of the machine's CPU that other processes took meanwhile

    @property
    def rate(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0


# --- the real pages, served ----------------------------------------------------------------------


class BenchServer:
    """The WCXB pages at /p/NNNN.html, a sitemap of them, and a sitemap of every page of the set."""

    def __init__(self, data: Path, ids: list[str]):
        self.data = data
        self.ids = ids
        self.all_urls: list[str] = []
        server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        server.daemon_threads = True
        server.request_queue_size = 256
        self.server = server
        self.base = f"http://127.0.0.1:{server.server_address[1]}"
        self._cache: dict[str, bytes] = {}

    def url(self, page_id: str) -> str:
        return f"{self.base}/p/{page_id}.html"

    def body(self, page_id: str) -> bytes:
        if page_id not in self._cache:
            self._cache[page_id] = gzip.decompress((self.data / "html" / f"{page_id}.html.gz").read_bytes())
        return self._cache[page_id]

    def respond(self, path: str) -> tuple[int, bytes, str]:
        if path == "/robots.txt":
            return (
                200,
                f"User-agent: *\nDisallow:\n\nSitemap: {self.base}/sitemap.xml\n".encode(),
                "text/plain",
            )
        if path == "/":
            return (
                200,
                b"<html><head><title>WCXB pages</title></head><body><p>Bench.</p></body></html>",
                ("text/html; charset=utf-8"),
            )
        if path == "/sitemap.xml":
            return 200, _urlset(self.url(i) for i in self.ids), "application/xml"
        if path == "/all-sitemap.xml":
            return 200, _urlset(self.all_urls), "application/xml"
        if path.startswith("/p/") and path.endswith(".html"):
            page_id = path[3:-5]
            if page_id in self.ids:
                return 200, self.body(page_id), "text/html"
        return 404, b"not found", "text/plain"

    @contextmanager
    def running(self) -> Iterator[BenchServer]:
        thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        thread.start()
        try:
            yield self
        finally:
            self.server.shutdown()
            self.server.server_close()


def _urlset(urls: Iterator[str] | list[str]) -> bytes:
    items = "".join(f"<url><loc>{escape(u)}</loc></url>" for u in urls)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{items}</urlset>\n'
    ).encode()


def _handler(bench: BenchServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        timeout = 15

        def do_GET(self) -> None:
            status, body, content_type = bench.respond(self.path.split("?")[0])
            try:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


def real_page_ids(data: Path, limit: int) -> list[str]:
    return sorted(p.name.split(".")[0] for p in (data / "html").glob("*.html.gz"))[:limit]


def demo_pages(running: object) -> list[Page]:
    """Every article page of a served DemoWorld, as its server answers it."""
    pages = []
    for pub in running.publishers:  # type: ignore[attr-defined]
        for article in pub.publisher.articles:
            response = pub.app.respond(article.path)
            if response.status == 200:
                pages.append(Page(pub.url(article.path), response.body, response.content_type))
    return pages


# --- WARC ----------------------------------------------------------------------------------------


def write_warc(path: Path, pages: Iterator[Page] | list[Page]) -> int:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    count = 0
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        for page in pages:
            headers = StatusAndHeaders(
                "200 OK",
                [("Content-Type", page.content_type), ("Content-Length", str(len(page.body)))],
                protocol="HTTP/1.1",
            )
            record = writer.create_warc_record(
                page.url, "response", payload=io.BytesIO(page.body), http_headers=headers
            )
            writer.write_record(record)
            count += 1
    return count


# --- what the machine did meanwhile ----------------------------------------------------------------
# The machine may be shared: CPU seconds are measured beside wall time, and so is the share of
# all cores that other processes used during each stage (a wall figure is only good when it is ~0).


def _busy_seconds() -> float:
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    idle = fields[3] + fields[4]  # idle + iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


class Meter:
    """Wall time, our CPU (self + reaped children) and the other processes' share of the cores."""

    def __enter__(self) -> Meter:
        self._busy = _busy_seconds()
        self._self = time.process_time()
        self._kids = _children_cpu()
        self._wall = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall = time.perf_counter() - self._wall
        self.self_cpu = time.process_time() - self._self
        self.child_cpu = _children_cpu() - self._kids
        busy = _busy_seconds() - self._busy
        cores = len(os.sched_getaffinity(0))
        self.others = max(0.0, busy - self.self_cpu - self.child_cpu) / (self.wall * cores)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


# --- running and watching a process tree ----------------------------------------------------------


def _children(pid: int) -> list[int]:
    kids: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as f:
                kids += [int(x) for x in f.read().split()]
    except OSError:
        pass
    return kids


def _cpu_s(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime
    except (OSError, IndexError, ValueError):
        return 0.0


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


@dataclass
class Measured:
    seconds: float
    returncode: int
    peak_tree_mb: float
    peak_parent_mb: float
    stdout: str
    stderr: str
    cpu: float = 0.0
    others: float = 0.0
    server_cpu: float = 0.0  # this process meanwhile: the local HTTP servers and the sampler
    parent_cpu: float = 0.0  # the command's own process, without its workers


def run_watched(args: list[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> Measured:
    """Run a command; wall time, and peak RSS of its whole process tree sampled every 100 ms."""
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    peak_tree = peak_parent = 0
    parent_cpu = 0.0
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        with Meter() as meter:
            proc = subprocess.Popen(
                args, env=full_env, cwd=cwd, stdout=out, stderr=err, stdin=subprocess.DEVNULL
            )
            while proc.poll() is None:
                tree, todo = [], [proc.pid]
                while todo:
                    pid = todo.pop()
                    tree.append(pid)
                    todo += _children(pid)
                parent = _rss_kb(proc.pid)
                peak_parent = max(peak_parent, parent)
                peak_tree = max(peak_tree, parent + sum(_rss_kb(p) for p in tree[1:]))
                parent_cpu = max(parent_cpu, _cpu_s(proc.pid))
                time.sleep(0.1)
        out.seek(0)
        err.seek(0)
        return Measured(
            meter.wall,
            proc.returncode,
            peak_tree / 1024,
            peak_parent / 1024,
            out.read().decode(errors="replace"),
            err.read().decode(errors="replace"),
            cpu=meter.child_cpu,
            others=meter.others,
            server_cpu=meter.self_cpu,
            parent_cpu=parent_cpu,
        )


def fresh(db: Path) -> Path:
    for suffix in ("", "-wal", "-shm", ".lock"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    return db


def archive_counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        articles = conn.execute("select count(*) from articles").fetchone()[0]
        outcomes = dict(conn.execute("select outcome, count(*) from fetch_log group by outcome").fetchall())
    return {"articles": articles, **outcomes}


def newsbot_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "newsbot", *args]


# --- stages --------------------------------------------------------------------------------------


def floor(pages: list[Page]) -> list[Row]:
    import lxml.html
    import trafilatura

    from pipelines.extract import extract_article

    logging.disable(logging.CRITICAL)
    rows = []

    def timed(name: str, run: object) -> None:
        with Meter() as m:
            note = run()  # type: ignore[operator]
        rows.append(Row(name, len(pages), m.wall, note or "", cpu=m.self_cpu, others=m.others))

    timed("lxml parse only, 1 process", lambda: [lxml.html.fromstring(p.body) for p in pages] and None)
    timed(
        "bare trafilatura.extract, 1 process",
        lambda: [trafilatura.extract(p.body, url=p.url) for p in pages] and None,
    )

    def ours() -> str:
        articles = sum(extract_article(p.body, p.url, declared_encoding=p.charset).is_article for p in pages)
        return f"{articles} articles"

    timed("newsbot extract_article, 1 process", ours)
    logging.disable(logging.NOTSET)
    return rows


def _row(name: str, pages: int, m: Measured, note: str) -> Row:
    extra = {"peak_tree_mb": m.peak_tree_mb, "peak_parent_mb": m.peak_parent_mb}
    note += f"; parent process {m.parent_cpu:.1f} CPU s"
    if m.server_cpu > 0.5:
        note += f"; this benchmark (servers, sampler) {m.server_cpu:.1f} CPU s"
    return Row(name, pages, m.seconds, note, extra, cpu=m.cpu, others=m.others)


def import_stage(warc: Path, work: Path, pages: int, name: str, workers: int) -> Row:
    db = fresh(work / f"{name.replace(' ', '-')}.db")
    args = newsbot_cmd("import-warc", str(warc), "--db", str(db))
    if workers:
        args += ["--workers", str(workers)]
    m = run_watched(args, cwd=work)
    if m.returncode:
        raise SystemExit(f"import-warc failed ({m.returncode}):\n{m.stderr[-3000:]}")
    counts = archive_counts(db)
    note = (
        f"{counts['articles']} stored, {counts.get('skipped', 0)} skipped, {counts.get('failed', 0)} failed"
    )
    return _row(f"newsbot import-warc ({name})", pages, m, note)


def crawl_stage(sources: Path, work: Path, pages: int, workers: int) -> Row:
    db = fresh(work / "crawl.db")
    args = newsbot_cmd(
        "crawl", "--sources", str(sources), "--db", str(db), "--log-file", str(work / "crawl.log")
    )
    if workers:
        args += ["--workers", str(workers)]
    m = run_watched([*args, *FAST_CRAWL], cwd=work)
    if m.returncode not in (0, 3):
        raise SystemExit(f"newsbot crawl failed ({m.returncode}):\n{m.stderr[-3000:]}")
    counts = archive_counts(db)
    with sqlite3.connect(db) as conn:
        requests = conn.execute("select requests from crawls order by id desc limit 1").fetchone()[0]
    note = (
        f"{counts['articles']} stored, {requests} requests, "
        f"{counts.get('skipped', 0)} skipped, {counts.get('failed', 0)} failed"
    )
    return _row("newsbot crawl", pages, m, note)


def scrapy_stage(sitemap_url: str, work: Path, pages: int) -> Row:
    out = work / "scrapy.json"
    m = run_watched([sys.executable, __file__, "--plain-scrapy", sitemap_url, "--plain-scrapy-out", str(out)])
    if m.returncode:
        raise SystemExit(f"plain Scrapy failed ({m.returncode}):\n{m.stderr[-3000:]}")
    stats = json.loads(out.read_text())
    note = f"{stats['pages']} pages fetched, {stats['requests']} requests"
    row = _row("plain Scrapy, sitemap + fetch, no pipeline", pages, m, note)
    row.extra = {}
    return row


def plain_scrapy(sitemap_url: str, out: str) -> None:
    """The fetching floor: the same article pages through Scrapy with robots on and nothing else."""
    from scrapy.crawler import CrawlerProcess
    from scrapy.spiders import SitemapSpider

    fetched = {"pages": 0}

    class PlainSpider(SitemapSpider):
        name = "plain"
        sitemap_urls = [sitemap_url]

        def parse(self, response):  # type: ignore[override]
            fetched["pages"] += 1
            return []

    settings = {
        "ROBOTSTXT_OBEY": True,
        "DOWNLOAD_DELAY": 0,
        "AUTOTHROTTLE_ENABLED": False,
        "CONCURRENT_REQUESTS_PER_DOMAIN": 32,
        "CONCURRENT_REQUESTS": 64,
        "LOG_LEVEL": os.environ.get("PLAIN_LOG", "WARNING"),
        "TELNETCONSOLE_ENABLED": False,
        "COOKIES_ENABLED": False,
        "DOWNLOAD_MAXSIZE": 10 * 1024 * 1024,
    }
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(PlainSpider)
    process.crawl(crawler)
    process.start()
    requests = crawler.stats.get_value("downloader/request_count", 0) if crawler.stats else 0
    Path(out).write_text(json.dumps({"pages": fetched["pages"], "requests": requests}))


# --- report --------------------------------------------------------------------------------------


def table(rows: list[Row], bare: Row | None, import_row: Row | None) -> str:
    lines = [
        f"{'stage':<44} {'pages':>6} {'wall s':>7} {'CPU s':>7} {'pages/s':>8} {'ms/page':>8} "
        f"{'x bare':>7} {'x import':>8} {'others':>6}  notes",
        "-" * 140,
    ]
    for r in rows:
        vs_bare = f"{r.seconds / bare.seconds:.2f}" if bare and r.pages == bare.pages else ""
        vs_import = f"{r.rate / import_row.rate:.2f}" if import_row and r.pages == import_row.pages else ""
        ms = 1000 / r.rate if r.rate else 0.0
        lines.append(
            f"{r.name:<44} {r.pages:>6} {r.seconds:>7.1f} {r.cpu:>7.1f} {r.rate:>8.1f} {ms:>8.2f} "
            f"{vs_bare:>7} {vs_import:>8} {r.others:>6.0%}  {r.note}"
        )
    lines += [
        "",
        "wall s / pages/s / ms/page: wall clock. CPU s: CPU of this process (1-process rows) or of",
        "the command's whole process tree. x bare: wall / bare trafilatura's wall.",
        "x import: pages/s / import-warc's pages/s.",
        "others: share of all cores used by other processes meanwhile (wall figures hold only when ~0%).",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument(
        "--pages", type=int, default=2000, help="pages in the set (real first, then generated)"
    )
    parser.add_argument("--quick", action="store_true", help="400 pages, RSS at 500 and 5,000")
    parser.add_argument(
        "--rss-pages", default="2000,20000", help="SMALL,BIG generated pages for the RSS stage"
    )
    parser.add_argument("--workers", type=int, default=0, help="extraction workers (default: newsbot's)")
    parser.add_argument("--skip", default="", help=f"stages to skip: {','.join(STAGES)}")
    parser.add_argument("--keep", type=Path, default=None, help="work in this directory and keep it")
    parser.add_argument("--plain-scrapy", help=argparse.SUPPRESS)
    parser.add_argument("--plain-scrapy-out", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.plain_scrapy:
        plain_scrapy(args.plain_scrapy, args.plain_scrapy_out)
        return 0
    if args.quick:
        args.pages = min(args.pages, 400)
        args.rss_pages = "500,5000"
    skip = {s for s in args.skip.split(",") if s}
    small, big = (int(x) for x in args.rss_pages.split(","))

    from newsbot.demo.site import DemoWorld, serve_world

    work_dir = args.keep or Path(tempfile.mkdtemp(prefix="newsbot-throughput-"))
    work_dir.mkdir(parents=True, exist_ok=True)
    ids = real_page_ids(args.data, args.pages)
    base_count = len(DemoWorld().articles)
    extra = max(0, args.pages - len(ids) - base_count)
    world = DemoWorld(extra_articles=extra)
    bench = BenchServer(args.data, ids)
    rows: list[Row] = []
    bare = import_row = None
    print(f"work dir {work_dir}; {os.cpu_count()} cores", file=sys.stderr)
    with bench.running(), serve_world(world) as running:
        pages = [Page(bench.url(i), bench.body(i), "text/html") for i in ids] + demo_pages(running)
        bench.all_urls = [p.url for p in pages]
        n = len(pages)
        print(f"{n} pages: {len(ids)} real (WCXB), {n - len(ids)} generated", file=sys.stderr)
        warc = work_dir / "pages.warc.gz"
        write_warc(warc, pages)
        sources = work_dir / "sources.toml"
        sources.write_text(
            running.sources_toml()
            + f'\n[[sources]]\nname = "WCXB"\nurl = "{bench.base}/"\nallow = ["/p/[0-9]+\\\\.html$"]\n'
        )
        if "floor" not in skip:
            rows += floor(pages)
            bare = rows[1]
            print(table(rows, bare, None), file=sys.stderr)
        if "import" not in skip:
            import_row = import_stage(warc, work_dir, n, "same pages", args.workers)
            rows.append(import_row)
            print(rows[-1], file=sys.stderr)
        if "crawl" not in skip:
            rows.append(crawl_stage(sources, work_dir, n, args.workers))
            print(rows[-1], file=sys.stderr)
        if "scrapy" not in skip:
            rows.append(scrapy_stage(f"{bench.base}/all-sitemap.xml", work_dir, n))
            print(rows[-1], file=sys.stderr)
    del pages

    rss_rows: list[Row] = []
    if "rss" not in skip:
        for size in (small, big):
            world = DemoWorld(extra_articles=max(0, size - base_count))
            with serve_world(world) as running:
                warc = work_dir / f"generated-{size}.warc.gz"
                write_warc(warc, demo_pages(running)[:size])
            rss_rows.append(import_stage(warc, work_dir, size, f"{size} generated", args.workers))
            warc.unlink()
            print(rss_rows[-1], file=sys.stderr)

    print()
    print(table(rows + rss_rows, bare, import_row))
    print()
    if bare and import_row:
        ratio = import_row.seconds / bare.seconds
        print(f"import-warc wall / bare trafilatura wall: {ratio:.2f} (target <= 0.75)")
        print(
            f"  CPU: import-warc tree {import_row.cpu:.1f} s = {import_row.cpu / bare.cpu:.2f}x bare's "
            f"{bare.cpu:.1f} s; over {len(os.sched_getaffinity(0))} cores that is at best "
            f"{import_row.cpu / len(os.sched_getaffinity(0)) / bare.cpu:.2f}x bare's wall"
        )
    crawl = next((r for r in rows if r.name == "newsbot crawl"), None)
    if crawl and import_row:
        print(f"crawl pages/s / import-warc pages/s:     {crawl.rate / import_row.rate:.2f} (target >= 0.90)")
    for r in [r for r in rows + rss_rows if r.extra]:
        print(
            f"peak RSS {r.name:<40} tree {r.extra['peak_tree_mb']:7.0f} MB"
            f"   parent {r.extra['peak_parent_mb']:6.0f} MB"
        )
    if len(rss_rows) == 2:
        growth = rss_rows[1].extra["peak_tree_mb"] / rss_rows[0].extra["peak_tree_mb"]
        print(f"peak RSS after {big} / after {small} pages: {growth:.2f} (target <= 1.20)")
    if not args.keep:
        for f in work_dir.iterdir():
            f.unlink()
        work_dir.rmdir()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
