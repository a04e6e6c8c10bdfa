"""Is this page an article? A small, explainable scorer over structural features of the page.

Features are generic (declared types, URL shape, how the text is built, commerce/forum/docs
markers); the weights were fitted by logistic regression over labelled pages of many kinds and
rounded. ``classify_page`` returns the page type ("article" or the strongest non-article cue)
and a short reason.
"""

from __future__ import annotations

import math
import re
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from pipelines.metadata import ARTICLE_TYPES, PageMeta

_NON_ARTICLE_LD = {
    "product": "product",
    "productgroup": "product",
    "offer": "product",
    "aggregateoffer": "product",
    "individualproduct": "product",
    "softwareapplication": "product",
    "mobileapplication": "product",
    "collectionpage": "listing",
    "itemlist": "listing",
    "searchresultspage": "listing",
    "qapage": "forum",
    "discussionforumposting": "forum",
    "question": "forum",
    "service": "service",
    "localbusiness": "service",
    "professionalservice": "service",
    "event": "listing",
    "course": "service",
    "apireference": "documentation",
}

_URL_ARTICLE = re.compile(
    r"/(blog|blogs|news|article|articles|post|posts|story|stories|insights?|resources?|guides?|learn|journal"
    r"|magazine|features?|opinion|column|editorial|press|research|knowledge|academy|tips"
    r"|advice|how-to)(/|$|-)"
    r"|/(19|20)\d{2}/\d{1,2}/|[a-z0-9]+(-[a-z0-9]+){4,}",
    re.I,
)
_URL_NON_ARTICLE = {
    "product": re.compile(
        r"/(product|products|shop|store|item|p|dp|buy|cart|sku|pricing|collections?)(/|$)", re.I
    ),
    "listing": re.compile(
        r"/(category|categories|tag|tags|topics?|search|archive|archives|page/\d+|events"
        r"|jobs|directory)(/|$)",
        re.I,
    ),
    "forum": re.compile(
        r"/(forum|forums|thread|threads|t|questions|community|discussion|discussions|board"
        r"|topic)(/|$)|showthread|viewtopic",
        re.I,
    ),
    "documentation": re.compile(
        r"/(docs?|documentation|reference|api|manual|handbook|wiki|sdk|developer|developers"
        r"|man)(/|$)|readthedocs|\.io/en/",
        re.I,
    ),
    "service": re.compile(
        r"/(services?|solutions?|contact|about|locations?|pricing|plans|careers|book|booking|quote)(/|$)",
        re.I,
    ),
}

_CART = re.compile(
    r"add to (cart|bag|basket)|buy now|in stock|out of stock|add to wishlist|checkout"
    r"|in den warenkorb|ajouter au panier",
    re.I,
)
_FORUM = re.compile(
    r"(^|[\s_-])(post|message|reply|thread|topic)s?(-?(body|content|container|list|row|item))?([\s_-]|$)",
    re.I,
)


def _text_len(el: HtmlElement) -> int:
    return len(" ".join(el.text_content().split()))


def page_features(tree: HtmlElement, url: str, meta: PageMeta, text: str = "") -> dict:
    """Numbers describing the page, cheap to compute from the parsed tree."""
    body = tree.find(".//body")
    if body is None:
        body = tree
    path = urlsplit(url).path or "/"
    body_len = _text_len(body) or 1
    link_len = sum(len(" ".join((a.text_content() or "").split())) for a in body.iter("a"))
    n_links = sum(1 for _ in body.iter("a"))
    price_hits = len(
        body.xpath(".//*[@itemprop='price' or contains(@class,'price') or contains(@class,'Price')]")
    )
    cart = 0
    for el in body.iter("button", "input", "a"):
        if el.tag == "a" and not re.search(r"cart|buy|basket|checkout", el.get("class") or "", re.I):
            continue
        label = el.get("value") or el.text_content() if el.tag != "a" else el.text_content()
        if label and len(label) < 60 and _CART.search(label):
            cart += 1
    forumish = sum(1 for el in body.iter("div", "article", "li") if _FORUM.search(el.get("class") or ""))
    code_blocks = sum(1 for _ in body.iter("pre", "code"))
    articles = sum(1 for _ in body.iter("article"))
    ld_non = {_NON_ARTICLE_LD[t] for t in meta.ld_types if t in _NON_ARTICLE_LD}
    return {
        "og_article": float(meta.og_type in ("article", "news", "blog", "blogposting")),
        "og_other": float(
            bool(meta.og_type) and meta.og_type not in ("article", "news", "blog", "blogposting", "website")
        ),
        "ld_article": float(bool(meta.ld_types & ARTICLE_TYPES)),
        "ld_non_article": float(bool(ld_non)),
        "ld_non_kind": sorted(ld_non)[0] if ld_non else "",
        "has_date": float(bool(meta.published)),
        "has_author": float(bool(meta.authors)),
        "url_article": float(bool(_URL_ARTICLE.search(path))),
        "url_non_article": next((k for k, rx in _URL_NON_ARTICLE.items() if rx.search(path)), ""),
        "url_depth": min(path.strip("/").count("/") + (1 if path.strip("/") else 0), 6),
        "link_density": min(1.0, link_len / body_len),
        "links_per_kchar": min(50.0, 1000 * n_links / body_len),
        "prices": min(price_hits, 50),
        "cart": min(cart, 10),
        "forumish": min(forumish, 100),
        "code_blocks": min(code_blocks, 100),
        "article_tags": min(articles, 50),
        "h1": float(bool(meta.h1)),
    }


def text_features(text: str, page_chars: int) -> dict:
    """Numbers describing the extracted text and its share of the page."""
    words = len(text.split())
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    long_paragraphs = sum(1 for p in paragraphs if len(p.split()) >= 25 and not p.startswith(("- ", "|")))
    list_lines = sum(1 for p in paragraphs if p.startswith("- "))
    table_lines = sum(1 for p in paragraphs if p.startswith("|"))
    return {
        "log_words": math.log1p(words),
        "long_par_share": long_paragraphs / max(1, len(paragraphs)),
        "long_pars": min(long_paragraphs, 30),
        "list_share": list_lines / max(1, len(paragraphs)),
        "table_share": table_lines / max(1, len(paragraphs)),
        "text_share": min(1.0, len(text) / max(1, page_chars)),
    }


# Logistic regression over labelled pages of seven kinds (articles vs service, product, collection,
# forum, listing, documentation pages), class-balanced, L2-regularised, standardisation folded back in.
# The threshold favours keeping articles: losing a story costs more than archiving a stray page.
WEIGHTS: dict[str, float] = {
    "article_tags": -0.0265,
    "articles_log": 0.1114,
    "cart": -0.1589,
    "code_blocks": -0.0206,
    "code_log": -0.1930,
    "forum_log": -0.0480,
    "forumish": -0.0057,
    "h1": 0.6444,
    "has_author": 0.7446,
    "has_date": 0.3500,
    "ld_article": 1.2341,
    "ld_non_article": -1.2810,
    "link_density": -0.1691,
    "links_per_kchar": -0.0059,
    "list_share": 1.0692,
    "log_words": 0.2027,
    "long_par_share": 0.7768,
    "long_pars": 0.0352,
    "og_article": 1.3276,
    "og_other": -0.6968,
    "prices": -0.0157,
    "prices_log": -0.3036,
    "table_share": -0.1533,
    "text_share": 1.6317,
    "url_article": 1.8060,
    "url_depth": 0.1728,
    "url_documentation": -2.4895,
    "url_forum": -3.1516,
    "url_listing": -1.2169,
    "url_product": -0.6507,
    "url_service": -1.8000,
}
BIAS = -4.6781
THRESHOLD = 0.3


def _vector(features: dict) -> dict[str, float]:
    vec = {k: float(v) for k, v in features.items() if isinstance(v, int | float)}
    for kind in ("product", "listing", "forum", "documentation", "service"):
        vec[f"url_{kind}"] = float(features.get("url_non_article") == kind)
    vec["prices_log"] = math.log1p(features.get("prices", 0))
    vec["forum_log"] = math.log1p(features.get("forumish", 0))
    vec["code_log"] = math.log1p(features.get("code_blocks", 0))
    vec["articles_log"] = math.log1p(features.get("article_tags", 0))
    return vec


def article_probability(features: dict) -> float:
    vec = _vector(features)
    z = BIAS + sum(WEIGHTS.get(k, 0.0) * v for k, v in vec.items())
    return 1 / (1 + math.exp(-max(-40.0, min(40.0, z))))


def classify_page(features: dict) -> tuple[str, str]:
    """("article", "scored") or (non-article kind, reason)."""
    if not WEIGHTS:
        return "article", "unscored"
    if article_probability(features) >= THRESHOLD:
        return "article", "scored"
    kind = features.get("ld_non_kind") or features.get("url_non_article") or ""
    if not kind:
        if features.get("cart") or features.get("prices", 0) >= 5:
            kind = "product"
        elif features.get("forumish", 0) >= 10:
            kind = "forum"
        elif features.get("link_density", 0) > 0.5:
            kind = "listing"
        else:
            kind = "other"
    return kind, kind
