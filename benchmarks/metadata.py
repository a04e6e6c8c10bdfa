#!/usr/bin/env python3
"""Metadata accuracy and cost alone: title, publish date and authors on the article pages, in seconds.

    python benchmarks/metadata.py [--data ../shared/bench/wcxb-dev] [--fails DIR] [--ids 0001,0002]

Each page is decoded and parsed the way ``extract_article`` does it (element proxies held alive, as it
holds them), then only ``extract_metadata`` and (when the page has no structured date) ``fallback_date``
run. The rates use the definitions of ``benchmarks/quality.py`` (title equal after case-folding and
collapsing white space; date on the same calendar day; its ``author_matches``), on the article pages
whose ground truth has the field.
Cost is CPU time (``time.process_time``) per call. ``--fails DIR`` writes each field's misses
(ours, then the truth) to ``DIR/title.txt``, ``date.txt``, ``author.txt``.
"""

from __future__ import annotations

import argparse
import gzip
import logging
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEFAULT_DATA = (ROOT / ".." / "shared" / "bench" / "wcxb-dev").resolve()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", default=str(DEFAULT_DATA))
    parser.add_argument("--fails", help="write each field's misses to this directory")
    parser.add_argument("--ids", help="comma-separated page ids (default: all article pages)")
    args = parser.parse_args(argv)

    logging.disable(logging.CRITICAL)
    data = Path(args.data).resolve()
    sys.path.insert(0, str(data.parent))
    from lxml.html import HtmlElement
    from score import load_pages
    from trafilatura.utils import load_html

    from benchmarks.quality import _norm_space, author_matches
    from pipelines.decode import decode_html, sniff
    from pipelines.metadata import extract_metadata, fallback_date

    wanted = set(args.ids.split(",")) if args.ids else None
    pages = [p for p in load_pages(data, "article") if wanted is None or p.id in wanted]
    hits = {"title": [0, 0], "date": [0, 0], "author": [0, 0]}
    misses: dict[str, list[str]] = {key: [] for key in hits}
    meta_time = fallback_time = 0.0
    fallback_calls = 0
    for page in pages:
        raw = gzip.decompress((data / "html" / f"{page.id}.html.gz").read_bytes())
        tree = load_html(decode_html(sniff(raw), None))
        if tree is None:
            continue
        if tree.tag != "html":
            root = tree.getroottree().getroot()
            tree = root if isinstance(root, HtmlElement) else tree
        alive = list(tree.iter())  # noqa: F841 - held as extract_article holds them: walks reuse the proxies
        start = time.process_time()
        meta = extract_metadata(tree, page.url)
        meta_time += time.process_time() - start
        published = meta.published
        if not published:
            start = time.process_time()
            published = fallback_date(tree, page.url)
            fallback_time += time.process_time() - start
            fallback_calls += 1
        title = meta.title or meta.h1
        checks = (
            ("title", page.title, _norm_space(title) == _norm_space(page.title), title),
            ("date", page.published, (published or "")[:10] == page.published.strip()[:10], published),
            ("author", page.author, author_matches(meta.authors, page.author), meta.authors),
        )
        for key, truth, ok, ours in checks:
            if not truth.strip():
                continue
            hits[key][1] += 1
            if ok:
                hits[key][0] += 1
            else:
                misses[key].append(f"{page.id}\t{ours!r}\t{truth!r}\t{page.url}")

    print(f"{len(pages)} article pages from {data}")
    for key, (ok, total) in hits.items():
        print(f"{key:8} {ok:4d}/{total:<4d} {ok / max(1, total):.4f}")
    print(f"extract_metadata  {1000 * meta_time / max(1, len(pages)):.2f} ms/page (CPU)")
    print(
        f"fallback_date     {1000 * fallback_time / max(1, fallback_calls):.2f} ms/call on {fallback_calls} "
        f"pages without a structured date ({1000 * fallback_time / max(1, len(pages)):.2f} ms/page overall)"
    )
    if args.fails:
        out = Path(args.fails)
        out.mkdir(parents=True, exist_ok=True)
        for key, rows in misses.items():
            (out / f"{key}.txt").write_text(
                "id\tours\ttruth\turl\n" + "\n".join(rows) + "\n", encoding="utf-8"
            )
        print(f"misses in {out}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
