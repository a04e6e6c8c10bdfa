#!/usr/bin/env python3
"""Extraction quality and speed: newsbot's ``extract_article`` vs bare ``trafilatura.extract``.

    python benchmarks/quality.py [--data ../shared/bench/wcxb-dev] [--limit N] [--jobs N]
                                 [--json OUT] [--worst N --diff-dir DIR] [--rules a,b,c] [--ablate]

Both extractors run over the same pages in the same run. Scoring uses the data set's own
``score.py`` (imported from the data directory's parent, never copied).

What is measured
  text        on article pages: shingle P/R/F1 (4-word shingles), bag-of-words F1, share of
              "with" snippets found, share of "without" (boilerplate) snippets leaked, empty outputs.
              The truth's own text scored as an output gives the ceiling of "with" snippets found
              (some snippets are cut off mid-word and match no text).
              newsbot's text here is its extraction with the page-type gate off (``force=True``),
              so the figure is about extraction; recognition is reported separately.
  recognition over all pages: share of article pages newsbot calls articles, and share of
              other pages (service, product, collection, forum, listing, documentation) it calls articles.
  metadata    on article pages whose ground truth has the field:
              title   equal after case-folding and collapsing white space;
                      also with typographic quotes and ellipsis folded to ASCII (the truth types
                      them either way: the gap between the two rows is quote marks alone);
              date    same calendar day (first 10 characters of the ISO date);
              author  "matches" when, after case-folding and keeping only letters/digits/spaces,
                      either the authors joined with ", " equal the truth string, or the set of names
                      equals the truth split on ",", ";", "&", " and ".
              bare trafilatura's figures come from ``bare_extraction(with_metadata=True)`` in a
              separate pass that is not timed.
  speed       CPU time (``time.process_time``) of each call, summed in the worker that ran it, so
              a pool does not distort the per-page cost; ms/page for each and the ratio.
  --ablate    then each rule that fired switched off in turn (the others as run): per rule, the
              article pages it fired on, those where it helps (page shingle F1 higher with it) and
              hurts (lower), and the change it brings (with it minus without) to shingle F1, with
              hit and without leak. Only the pages it fired on are run again: a rule that did not
              fire changed nothing. ``--json`` keeps, per rule, the pages it helps or hurts with
              their F1 both ways and the text without it.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEFAULT_DATA = (ROOT / ".." / "shared" / "bench" / "wcxb-dev").resolve()

_WORD = re.compile(r"\w+")
_STATE: dict = {}


def _init(data: str, rules: list[str] | None, bare_meta: bool, bare: bool = True) -> None:
    import logging

    logging.disable(logging.CRITICAL)
    _STATE["data"] = Path(data)
    _STATE["bare"] = bare
    _STATE["rules"] = set(rules) if rules is not None else None
    _STATE["bare_meta"] = bare_meta


def _run(page) -> dict:
    import trafilatura

    from pipelines.extract import extract_article

    raw = _raw(page)
    start = time.process_time()
    result = extract_article(raw, page.url, rules=_STATE["rules"], force=True)
    ours_time = time.process_time() - start
    start = time.process_time()
    bare = (trafilatura.extract(page.html, url=page.url) or "") if _STATE["bare"] else ""
    bare_time = time.process_time() - start
    out = {
        "id": page.id,
        "ours": (result.record or {}).get("text", ""),
        "ours_time": ours_time,
        "bare": bare,
        "bare_time": bare_time,
        "is_article": result.page_type == "article" and bool(result.record),
        "reason": result.reason,
        "features": result.features,
        "meta": {k: (result.record or {}).get(k) for k in ("title", "authors", "published")},
        "rules": ((result.record or {}).get("extraction") or {}).get("rules", {}),
        "method": ((result.record or {}).get("extraction") or {}).get("method"),
    }
    if _STATE["bare_meta"] and page.page_type == "article":
        doc = trafilatura.bare_extraction(page.html, url=page.url, with_metadata=True)
        out["bare_meta"] = (
            {"title": doc.title, "authors": [doc.author] if doc.author else [], "published": doc.date}
            if doc
            else {}
        )
    return out


def _raw(page) -> bytes:
    return gzip.decompress((_STATE["data"] / "html" / f"{page.id}.html.gz").read_bytes())


def _run_without(task) -> tuple[str, str, str]:
    """The page's text with one rule off: (page id, rule, text)."""
    from pipelines.extract import RULES, extract_article

    page, rule = task
    rules = (set(RULES) if _STATE["rules"] is None else _STATE["rules"]) - {rule}
    result = extract_article(_raw(page), page.url, rules=rules, force=True)
    return page.id, rule, (result.record or {}).get("text", "")


def ablate(pool, pages, ours: dict[str, str], fired_on: dict[str, dict]) -> dict[str, dict]:
    """Each rule that fired switched off in turn: what it changes, page by page and overall."""
    from score import _f1, score

    names = sorted({name for p in pages for name in fired_on[p.id]})
    tasks = [(p, name) for name in names for p in pages if name in fired_on[p.id]]
    off: dict[str, dict[str, str]] = {name: {} for name in names}
    for pid, name, text in pool.imap_unordered(_run_without, tasks, chunksize=4):
        off[name][pid] = text
    s_on = score(pages, ours)
    f1_on = {pid: _f1(p, r) for pid, p, r in _shingle_rows(pages, ours)}
    report = {}
    for name in names:
        texts = {**ours, **off[name]}
        s_off = score(pages, texts)
        fired = [p for p in pages if p.id in off[name]]
        rows = {}
        for pid, p, r in _shingle_rows(fired, texts):
            if abs(f1_on[pid] - _f1(p, r)) > 1e-9:
                rows[pid] = {"f1_on": f1_on[pid], "f1_off": _f1(p, r), "text_off": texts[pid]}
        report[name] = {
            "fired": len(fired),
            "helps": sorted(pid for pid, row in rows.items() if row["f1_on"] > row["f1_off"]),
            "hurts": sorted(pid for pid, row in rows.items() if row["f1_on"] < row["f1_off"]),
            "delta": {k: s_on[k] - s_off[k] for k in ("shingle_f1", "with_hit", "without_leak")},
            "pages": rows,
        }
    print(f"\nwith each rule off ({len(tasks)} page runs); delta = with the rule minus without")
    print(f"{'rule':20} {'fired':>6} {'helps':>6} {'hurts':>6} {'dF1':>8} {'dWith':>8} {'dLeak':>8}")
    for name, r in report.items():
        d = r["delta"]
        print(
            f"{name:20} {r['fired']:>6} {len(r['helps']):>6} {len(r['hurts']):>6} "
            f"{d['shingle_f1']:>+8.4f} {d['with_hit']:>+8.4f} {d['without_leak']:>+8.4f}"
        )
    return report


def _norm_space(text: str | None) -> str:
    return " ".join((text or "").casefold().split())


def _norm_name(text: str) -> str:
    return " ".join(_WORD.findall((text or "").casefold().replace("_", " ")))


_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b)\s*", re.I)


def author_matches(authors: list[str], truth: str) -> bool:
    if not authors:
        return False
    joined = _norm_name(", ".join(authors))
    if joined == _norm_name(truth):
        return True
    truth_set = {_norm_name(p) for p in _SPLIT.split(truth) if _norm_name(p)}
    ours = {_norm_name(a) for a in authors if _norm_name(a)}
    return bool(ours) and ours == truth_set


# typographic quotes and ellipsis as typed on a keyboard: the truth types them either way
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "…": "...", "？": "?"})


def _meta_rates(pages, metas: dict[str, dict]) -> dict[str, float]:
    title = [0, 0]
    title_quotes = 0
    date = [0, 0]
    author = [0, 0]
    for page in pages:
        meta = metas.get(page.id) or {}
        if page.title.strip():
            title[1] += 1
            title[0] += _norm_space(meta.get("title")) == _norm_space(page.title)
            title_quotes += _norm_space((meta.get("title") or "").translate(_QUOTES)) == _norm_space(
                page.title.translate(_QUOTES)
            )
        if page.published.strip():
            date[1] += 1
            date[0] += (meta.get("published") or "")[:10] == page.published.strip()[:10]
        if page.author.strip():
            author[1] += 1
            author[0] += author_matches(meta.get("authors") or [], page.author)
    return {
        "title": title[0] / max(1, title[1]),
        "title_quotes": title_quotes / max(1, title[1]),
        "date": date[0] / max(1, date[1]),
        "author": author[0] / max(1, author[1]),
    }


def _shingle_rows(pages, preds):
    from score import _prf, _shingles

    rows = []
    for page in pages:
        p, r = _prf(_shingles(page.text), _shingles(preds.get(page.id, "")))
        rows.append((page.id, 1.0 if p is None else p, 1.0 if r is None else r))
    return rows


def _paras(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def dump_diffs(pages, ours, bare, worst: int, out_dir: Path) -> None:
    """Per page: what newsbot kept that the truth lacks (+), what it missed (-), and bare's F1."""
    from score import _f1, _shingles

    out_dir.mkdir(parents=True, exist_ok=True)
    rows = _shingle_rows(pages, ours)
    bare_rows = {r[0]: r for r in _shingle_rows(pages, bare)}
    by_id = {p.id: p for p in pages}
    rows.sort(key=lambda r: _f1(r[1], r[2]))
    index = []
    for pid, p, r in rows[:worst]:
        page = by_id[pid]
        truth = _shingles(page.text)
        mine = _shingles(ours.get(pid, ""))
        lines = [
            f"# {pid} {page.url}",
            f"ours P={p:.3f} R={r:.3f}  bare P={bare_rows[pid][1]:.3f} R={bare_rows[pid][2]:.3f}",
            "",
        ]
        for para in _paras(ours.get(pid, "")):
            s = _shingles(para)
            if s and sum(1 for k in s if k in truth) / len(s) < 0.5:
                lines.append("+ " + para)
        lines.append("")
        for para in _paras(page.text):
            s = _shingles(para)
            if s and sum(1 for k in s if k in mine) / len(s) < 0.5:
                lines.append("- " + para)
        (out_dir / f"{pid}.txt").write_text("\n".join(lines), encoding="utf-8")
        index.append(f"{pid}\tP={p:.3f}\tR={r:.3f}\t{page.url}")
    (out_dir / "index.tsv").write_text("\n".join(index) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", default=str(DEFAULT_DATA))
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages (all types)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--json", dest="json_out", help="write figures (and per-page rows) to this file")
    parser.add_argument("--worst", type=int, default=0, help="dump diffs for the N worst article pages")
    parser.add_argument("--diff-dir", default="benchmarks/out/diffs")
    parser.add_argument("--rules", help="comma-separated subset of our rules to enable (default: all)")
    parser.add_argument("--bare-meta", action="store_true", help="also score bare trafilatura's metadata")
    parser.add_argument("--ablate", action="store_true", help="then each rule off in turn (article pages)")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="while tuning: article pages only, bare trafilatura not run "
        "(its columns and the speed ratio are left out)",
    )
    args = parser.parse_args(argv)

    data = Path(args.data).resolve()
    sys.path.insert(0, str(data.parent))
    from score import load_pages, score

    pages = list(load_pages(data))
    if args.limit:
        pages = pages[: args.limit]
    if args.quick:
        pages = [p for p in pages if p.page_type == "article"]
    rules = [r for r in args.rules.split(",") if r] if args.rules is not None else None
    wall = time.time()
    init_args = (str(data), rules, args.bare_meta, not args.quick)
    with Pool(args.jobs, initializer=_init, initargs=init_args) as pool:
        results = pool.map(_run, pages, chunksize=4)
    wall = time.time() - wall
    by_id = {r["id"]: r for r in results}
    articles = [p for p in pages if p.page_type == "article"]
    ours = {p.id: by_id[p.id]["ours"] for p in articles}
    bare = {p.id: by_id[p.id]["bare"] for p in articles}
    s_ours = score(articles, ours)
    s_bare = score(articles, bare) if not args.quick else dict.fromkeys(s_ours)

    others = [p for p in pages if p.page_type != "article"]
    rec_articles = sum(by_id[p.id]["is_article"] for p in articles) / max(1, len(articles))
    rec_others = sum(by_id[p.id]["is_article"] for p in others) / len(others) if others else None
    meta_ours = _meta_rates(articles, {p.id: by_id[p.id]["meta"] for p in articles})
    meta_bare = (
        _meta_rates(articles, {p.id: by_id[p.id].get("bare_meta") or {} for p in articles})
        if args.bare_meta
        else None
    )
    t_ours = 1000 * sum(r["ours_time"] for r in results) / len(results)
    t_bare = 1000 * sum(r["bare_time"] for r in results) / len(results)

    def row(name, a, b, fmt="{:.4f}"):
        a_s = fmt.format(a) if a is not None else "-"
        b_s = fmt.format(b) if b is not None else "-"
        print(f"{name:34} {a_s:>10} {b_s:>10}")

    print(f"{len(pages)} pages ({len(articles)} articles) from {data}, {args.jobs} jobs, {wall:.0f}s wall")
    print(f"{'':34} {'newsbot':>10} {'bare':>10}")
    for key in ("shingle_precision", "shingle_recall", "shingle_f1", "bow_f1", "with_hit", "without_leak"):
        row(key, s_ours[key], s_bare[key])
        if key == "with_hit":  # what the truth's own text scores: snippets cut mid-word match nothing
            truth = score(articles, {p.id: p.text for p in articles})
            row("  ... of the truth text itself", truth[key], None)
    row("empty", s_ours["empty"], s_bare["empty"], "{:d}")
    row("articles recognised", rec_articles, None)
    row("others recognised as article", rec_others, None)
    row("title equal", meta_ours["title"], meta_bare and meta_bare["title"])
    row("  ... quote marks folded", meta_ours["title_quotes"], meta_bare and meta_bare["title_quotes"])
    row("date same day", meta_ours["date"], meta_bare and meta_bare["date"])
    row("author matches", meta_ours["author"], meta_bare and meta_bare["author"])
    row("ms/page (CPU, all pages)", t_ours, t_bare if not args.quick else None, "{:.1f}")
    if not args.quick:
        print(f"{'speed ratio newsbot/bare':34} {t_ours / t_bare:>10.2f}")
    fired: dict[str, int] = {}
    for r in results:
        for k in r["rules"]:
            fired[k] = fired.get(k, 0) + 1
    print("rules fired (pages):", ", ".join(f"{k}={v}" for k, v in sorted(fired.items())))
    ablation = None
    if args.ablate:
        with Pool(args.jobs, initializer=_init, initargs=init_args) as pool:
            ablation = ablate(pool, articles, ours, {p.id: by_id[p.id]["rules"] for p in articles})

    if args.worst:
        dump_diffs(articles, ours, bare, args.worst, Path(args.diff_dir))
        print(f"diffs for the {args.worst} worst pages in {args.diff_dir}")
    if args.json_out:
        rows = {r[0]: {"p": r[1], "r": r[2]} for r in _shingle_rows(articles, ours)}
        types = {p.id: p.page_type for p in pages}
        payload = {
            "newsbot": s_ours,
            "bare": s_bare,
            "recognition": {"articles": rec_articles, "others": rec_others},
            "metadata": {"newsbot": meta_ours, "bare": meta_bare},
            "ms_per_page": {"newsbot": t_ours, "bare": t_bare, "ratio": t_ours / max(t_bare, 1e-9)},
            "ablation": ablation,
            "pages": {
                r["id"]: {
                    "type": types[r["id"]],
                    "is_article": r["is_article"],
                    "features": r["features"],
                    "meta": r["meta"],
                    "rules": r["rules"],
                    "method": r["method"],
                    "ms": {"newsbot": 1000 * r["ours_time"], "bare": 1000 * r["bare_time"]},
                    "text": r["ours"],
                    **rows.get(r["id"], {}),
                }
                for r in results
            },
        }
        Path(args.json_out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json_out).write_text(json.dumps(payload, indent=1, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
