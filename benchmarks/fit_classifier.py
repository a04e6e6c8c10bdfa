#!/usr/bin/env python3
"""Refit the article/not-article scorer in ``pipelines/classify.py`` and report its figures.

    python benchmarks/fit_classifier.py [--data ../shared/bench/wcxb-dev] [--cache /tmp/newsbot-features.json]
                                        [--folds 10] [--seeds 3] [--l2 1.0] [--target 0.98]

1. Feature cache: ``extract_article(html, url, force=True).features`` for every page of the data set,
   with its ground-truth page type (built once, ~3 minutes on one core; reused when the file exists,
   delete it after changing ``page_features`` or ``text_features``).
2. Logistic regression in plain Python (Newton steps, L2 on standardised features, classes weighted
   so articles and non-articles count equally) over ``classify.feature_vector``, on pages that the
   hard rules (listing URL, declared page type, too few words) leave to the score.
3. The threshold is the highest one that keeps ``--target`` of all articles (rules included).
4. Figures: resubstitution (fit and threshold on all pages) and k-fold cross-validation (fit and
   threshold on k-1 folds, decide the held-out fold), both including the hard rules, over all pages.
   Folds are drawn by site; one split moves the figures by half a point, so ``--seeds`` splits are
   reported and averaged. The cross-validated figures are the honest ones (new sites, as in use).
   Then the weights, de-standardised and rounded, to paste into ``classify.py``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import math
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipelines import classify  # noqa: E402

DEFAULT_DATA = (ROOT / ".." / "shared" / "bench" / "wcxb-dev").resolve()


def build_cache(data: Path, out: Path) -> None:
    sys.path.insert(0, str(data.parent))
    from score import load_pages

    from pipelines.extract import extract_article

    logging.disable(logging.CRITICAL)
    rows = {}
    for i, page in enumerate(load_pages(data)):
        raw = gzip.decompress((data / "html" / f"{page.id}.html.gz").read_bytes())
        result = extract_article(raw, page.url, force=True)
        rows[page.id] = {"url": page.url, "type": page.page_type, "features": result.features}
        if i % 200 == 0:
            print(f"  {i} pages", file=sys.stderr)
    out.write_text(json.dumps(rows))


# the reasons ``classify_page`` gives for the pages it decides by a rule
RULES = ("listing-url", "declared-page", "platform-page", "too-short")


def ruled_out(features: dict) -> bool:
    """Pages the hard rules decide before the score is consulted."""
    return classify.classify_page(features)[1] in RULES


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for col in range(n):
        piv = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[piv] = m[piv], m[col]
        p = m[col][col] or 1e-12
        for r in range(n):
            if r != col and m[r][col]:
                f = m[r][col] / p
                row_r, row_c = m[r], m[col]
                for c in range(col, n + 1):
                    row_r[c] -= f * row_c[c]
    return [m[i][n] / (m[i][i] or 1e-12) for i in range(n)]


def fit(xs: list[list[float]], ys: list[int], l2: float) -> list[float]:
    """Class-balanced L2 logistic regression; xs are standardised, a bias column is added here."""
    n_pos = sum(ys)
    n_neg = len(ys) - n_pos
    cw = {1: len(ys) / (2 * max(1, n_pos)), 0: len(ys) / (2 * max(1, n_neg))}
    d = len(xs[0]) + 1
    w = [0.0] * d
    rows = [[1.0, *x] for x in xs]
    for _ in range(25):
        grad = [l2 * w[j] if j else 0.0 for j in range(d)]
        hess = [[(l2 if i == j and i else 0.0) for j in range(d)] for i in range(d)]
        for x, y in zip(rows, ys, strict=True):
            z = sum(wi * xi for wi, xi in zip(w, x, strict=True))
            p = 1 / (1 + math.exp(-max(-40.0, min(40.0, z))))
            c = cw[y]
            g = c * (p - y)
            h = c * p * (1 - p)
            for i in range(d):
                if x[i]:
                    grad[i] += g * x[i]
                    hx = h * x[i]
                    hi = hess[i]
                    for j in range(i, d):
                        if x[j]:
                            hi[j] += hx * x[j]
        for i in range(d):
            for j in range(i):
                hess[i][j] = hess[j][i]
        step = _solve(hess, grad)
        w = [wi - si for wi, si in zip(w, step, strict=True)]
        if max(abs(s) for s in step) < 1e-6:
            break
    return w


def standardise(vectors: list[dict], names: list[str]):
    cols = [[v[k] for v in vectors] for k in names]
    means = [sum(c) / len(c) for c in cols]
    sds = [math.sqrt(sum((x - m) ** 2 for x in c) / len(c)) or 1.0 for c, m in zip(cols, means, strict=True)]
    return means, sds


def train(rows: list[dict], l2: float, target: float) -> tuple[dict[str, float], float, float]:
    """-> (weights on raw features, bias, threshold)."""
    scored = [r for r in rows if not ruled_out(r["features"])]
    vectors = [classify.feature_vector(r["features"]) for r in scored]
    names = sorted(vectors[0])
    means, sds = standardise(vectors, names)
    xs = [[(v[k] - m) / s for k, m, s in zip(names, means, sds, strict=True)] for v in vectors]
    ys = [int(r["type"] == "article") for r in scored]
    w = fit(xs, ys, l2)
    weights = {k: w[i + 1] / sds[i] for i, k in enumerate(names)}
    bias = w[0] - sum(w[i + 1] * means[i] / sds[i] for i in range(len(names)))
    zs = sorted(bias + sum(weights[k] * v[k] for k in names) for v, y in zip(vectors, ys, strict=True) if y)
    # keep `target` of all articles, counting those the hard rules already lost
    n_art = sum(r["type"] == "article" for r in rows)
    lost = n_art - len(zs)
    allowed = max(0, int(math.floor((1 - target) * n_art)) - lost)
    z_thr = zs[min(allowed, len(zs) - 1)] - 1e-9
    return weights, bias, 1 / (1 + math.exp(-z_thr))


def decide(rows: list[dict], weights, bias, threshold) -> list[bool]:
    saved = classify.WEIGHTS, classify.BIAS, classify.THRESHOLD
    classify.WEIGHTS, classify.BIAS, classify.THRESHOLD = weights, bias, threshold
    try:
        return [classify.classify_page(r["features"])[0] == "article" for r in rows]
    finally:
        classify.WEIGHTS, classify.BIAS, classify.THRESHOLD = saved


def rates(rows: list[dict], decisions: list[bool]) -> tuple[float, float]:
    art = [d for r, d in zip(rows, decisions, strict=True) if r["type"] == "article"]
    oth = [d for r, d in zip(rows, decisions, strict=True) if r["type"] != "article"]
    return sum(art) / max(1, len(art)), sum(oth) / max(1, len(oth))


def cross_validate(rows: list[dict], folds: int, l2: float, target: float, seed: int = 0) -> list[bool]:
    # folds by site, so pages of one site never sit on both sides
    from urllib.parse import urlsplit

    hosts = sorted({urlsplit(r["url"]).hostname or "" for r in rows})
    random.Random(seed).shuffle(hosts)
    fold_of = {h: i % folds for i, h in enumerate(hosts)}
    out: list[bool | None] = [None] * len(rows)
    for k in range(folds):
        train_rows = [r for r in rows if fold_of[urlsplit(r["url"]).hostname or ""] != k]
        idx = [i for i, r in enumerate(rows) if fold_of[urlsplit(r["url"]).hostname or ""] == k]
        w, b, t = train(train_rows, l2, target)
        for i, d in zip(idx, decide([rows[i] for i in idx], w, b, t), strict=True):
            out[i] = d
    return [bool(d) for d in out]


def report(label: str, rows: list[dict], decisions: list[bool]) -> None:
    articles, others = rates(rows, decisions)
    taken: dict[str, list[bool]] = {}
    for row, decision in zip(rows, decisions, strict=True):
        if row["type"] != "article":
            taken.setdefault(row["type"], []).append(decision)
    per_kind = "  ".join(f"{kind} {sum(d) / len(d):.0%}" for kind, d in sorted(taken.items()))
    print(f"{label}: articles {articles:.1%}  others {others:.1%}  ({per_kind})")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=str(DEFAULT_DATA))
    ap.add_argument("--cache", default="/tmp/newsbot-features.json")
    ap.add_argument("--folds", type=int, default=10)
    ap.add_argument("--seeds", type=int, default=3, help="cross-validation splits to average")
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--target", type=float, default=0.98, help="share of articles the threshold keeps")
    args = ap.parse_args(argv)

    cache = Path(args.cache)
    if not cache.exists():
        print(f"building feature cache {cache} ...", file=sys.stderr)
        build_cache(Path(args.data), cache)
    rows = list(json.loads(cache.read_text()).values())

    report("current classify.py", rows, decide(rows, classify.WEIGHTS, classify.BIAS, classify.THRESHOLD))
    weights, bias, threshold = train(rows, args.l2, args.target)
    report("refit, resubstitution", rows, decide(rows, weights, bias, threshold))
    splits = []
    for seed in range(args.seeds):
        decisions = cross_validate(rows, args.folds, args.l2, args.target, seed=seed)
        report(f"refit, {args.folds}-fold CV by site, split {seed}", rows, decisions)
        splits.append(rates(rows, decisions))
    mean_articles = sum(a for a, _ in splits) / len(splits)
    mean_others = sum(o for _, o in splits) / len(splits)
    print(f"refit, CV mean of {len(splits)} splits: articles {mean_articles:.1%}  others {mean_others:.1%}")
    print("\nWEIGHTS: dict[str, float] = {")
    for k in sorted(weights):
        print(f'    "{k}": {weights[k]:.4f},')
    print("}")
    print(f"BIAS = {bias:.4f}")
    # rounded down, so the last article the threshold was chosen to keep is still kept
    print(f"THRESHOLD = {math.floor(threshold * 1e4) / 1e4:.4f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
