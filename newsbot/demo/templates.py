# HTML markup reads better on one line per element than wrapped to the code width.
# ruff: noqa: E501
"""One HTML template per publisher, each with the boilerplate a real site of its kind carries.

Every template also says which strings on an article page are boilerplate (``boilerplate``):
the crawl tests check that none of them reach the archive, and this module's own test checks
that each of them really is on the page, so the two cannot drift apart.

Plain f-strings with ``html.escape``: no template engine, and the markup stays visible.
"""

from __future__ import annotations

import json
import re
import zlib
from datetime import datetime
from html import escape as e

from newsbot.demo.world import Article, Listing, Publisher, slugify

_LINK = re.compile(r"\[([^\]]+)\]\(@([a-z0-9-]+)\)")

COMMENT_NOTES = "Your email address will not be published. Required fields are marked *"


def _long_date(d: datetime) -> str:
    return f"{d:%B} {d.day}, {d.year}"


def _uk_date(d: datetime) -> str:
    hour = d.hour % 12 or 12
    return f"{d:%A} {d.day} {d:%B} {d.year}, {hour}.{d:%M}{'am' if d.hour < 12 else 'pm'}"


def post_id(a: Article) -> int:
    """A stable WordPress-style post number (str hash() changes between processes)."""
    return zlib.crc32(a.slug.encode()) % 90000 + 10000


def _byline(authors: list[str]) -> str:
    return authors[0] if len(authors) == 1 else ", ".join(authors[:-1]) + " and " + authors[-1]


class Template:
    """Shared plumbing; subclasses draw the pages."""

    def __init__(self, pub: Publisher, base_url: str) -> None:
        self.pub = pub
        self.base = base_url.rstrip("/")

    def url(self, path: str) -> str:
        return self.base + path

    def body_html(self, markup: str) -> str:
        """A paragraph's text, escaped, with [text](@slug) turned into links to sibling stories."""

        def link(m: re.Match[str]) -> str:
            target = self.pub.by_slug.get(m.group(2))
            href = target.path if target else "/"
            return f'<a href="{e(href)}">{m.group(1)}</a>'

        return _LINK.sub(link, e(markup, quote=False))

    def related(self, article: Article) -> list[tuple[str, str]]:
        """(headline, path) of the related-stories box, headlines as currently shown."""
        items = []
        for slug, headline in article.related:
            target = self.pub.by_slug.get(slug)
            if target is not None:
                items.append((headline or target.title, target.path))
        return items

    def teaser(self, slug: str) -> tuple[str, str] | None:
        target = self.pub.by_slug.get(slug)
        return (target.title, target.path) if target else None

    def article(self, article: Article) -> str:
        raise NotImplementedError

    def listing(self, listing: Listing) -> str:
        raise NotImplementedError

    def boilerplate(self, article: Article) -> list[str]:
        raise NotImplementedError


# --- Harbor Gazette: WordPress-style ---------------------------------------------------------

_HARBOR_CSS = """
body{margin:0;font:17px/1.6 Georgia,serif;color:#1d2327;background:#f6f7f7}
.site-header{background:#0b3954;color:#fff;padding:1rem 2rem}.site-header a{color:#fff;text-decoration:none}
.site-title{font-size:2rem;margin:0;font-weight:bold}.site-description{margin:0;opacity:.8}
.main-navigation ul{list-style:none;padding:0;margin:.5rem 0 0;display:flex;gap:1.2rem}
.site-content{max-width:760px;margin:0 auto;padding:1.5rem;background:#fff}
.entry-title{font-size:2.1rem;line-height:1.2}.entry-meta,.cat-links{font:14px sans-serif;color:#555}
.sharedaddy ul{display:flex;gap:.8rem;list-style:none;padding:0;font:14px sans-serif}
.newsletter-signup{border:2px solid #0b3954;padding:1rem;margin:1.5rem 0;font-family:sans-serif}
.jp-relatedposts{border-top:1px solid #ddd;margin-top:2rem;font-family:sans-serif}
.comments-area{max-width:760px;margin:0 auto;padding:1.5rem;background:#fff;font-family:sans-serif}
.comment-list{list-style:none;padding:0}.comment{border-bottom:1px solid #eee;padding:.5rem 0}
.site-footer{background:#0b3954;color:#ddd;padding:1.5rem 2rem;font:14px sans-serif}.site-footer a{color:#fff}
#cookie-notice{position:fixed;bottom:0;left:0;right:0;background:#222;color:#fff;padding:.8rem 2rem;font:14px sans-serif}
.members-only{background:#fff4ce;padding:1rem;margin:1rem 0}
.screen-reader-text{position:absolute;left:-9999px}
"""

HARBOR_SHARE = ("Share this:", "Share on Facebook", "Share on X", "Email this story", "Print")
HARBOR_NEWSLETTER = (
    "Get the Harbor Gazette in your inbox",
    "Sign up for our free morning newsletter: the day’s top stories from the waterfront, delivered at 6 a.m.",
)
HARBOR_COOKIES = (
    "We use cookies to give you the best experience on our website and to show you relevant "
    "advertising. By continuing to browse, you agree to our use of cookies."
)
HARBOR_REMEMBER = "Save my name, email, and website in this browser for the next time I comment."
HARBOR_FOOTER = "© 2026 Harbor Gazette Media LLC. All rights reserved."


class HarborTemplate(Template):
    def _page(self, title: str, head: str, body: str, body_class: str, lang: str = "en-US") -> str:
        nav = "".join(
            f'<li><a href="/category/{sec}/">{e(label)}</a></li>'
            for sec, label in self.pub.sections().items()
        )
        return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(title)}</title>
<link rel="alternate" type="application/rss+xml" title="Harbor Gazette &raquo; Feed" href="{
            self.url("/feed/")
        }">
{head}
<style>{_HARBOR_CSS}</style>
</head>
<body class="{body_class}">
<div id="page" class="site">
<a class="skip-link screen-reader-text" href="#content">Skip to content</a>
<header id="masthead" class="site-header">
<p class="site-title"><a href="/" rel="home">Harbor Gazette</a></p>
<p class="site-description">{e(self.pub.tagline)}</p>
<nav id="site-navigation" class="main-navigation" aria-label="Primary"><ul id="primary-menu" class="menu">
<li><a href="/">Home</a></li>{nav}</ul></nav>
</header>
<div id="content" class="site-content">
{body}
</div>
<footer id="colophon" class="site-footer">
<nav class="footer-navigation"><a href="/">Home</a> · <a href="/feed/">RSS feed</a> · {
            " · ".join(f'<a href="/category/{s}/">{e(lab)}</a>' for s, lab in self.pub.sections().items())
        }</nav>
<p class="site-info">{e(HARBOR_FOOTER)}</p>
</footer>
</div>
<div id="cookie-notice" role="dialog" aria-label="Cookie notice"><span class="cn-text">{
            e(HARBOR_COOKIES)
        }</span>
<button type="button" class="cn-accept">Accept</button></div>
</body>
</html>
"""

    def article(self, a: Article) -> str:
        canonical = self.url(a.path)
        section_label = self.pub.sections().get(a.section, a.section.title())
        ld = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": a.title,
            "datePublished": a.published.isoformat(),
            "dateModified": a.modified.isoformat(),
            "author": [
                {"@type": "Person", "name": n, "url": self.url(f"/author/{slugify(n)}/")} for n in a.authors
            ],
            "publisher": {"@type": "Organization", "name": self.pub.name, "url": self.url("/")},
            "mainEntityOfPage": {"@type": "WebPage", "@id": canonical},
            "articleSection": section_label,
            "keywords": a.tags,
            "inLanguage": a.language,
            "description": a.summary,
        }
        ld_json = json.dumps(ld, ensure_ascii=False).replace("</", "<\\/")
        head = "\n".join(
            [
                f'<link rel="canonical" href="{e(canonical)}">',
                f'<meta name="description" content="{e(a.summary)}">',
                '<meta property="og:type" content="article">',
                f'<meta property="og:title" content="{e(a.title)}">',
                f'<meta property="og:url" content="{e(canonical)}">',
                f'<meta property="og:site_name" content="{e(self.pub.name)}">',
                f'<meta property="og:description" content="{e(a.summary)}">',
                f'<meta property="og:locale" content="{"es_ES" if a.language == "es" else "en_US"}">',
                f'<meta property="article:published_time" content="{a.published.isoformat()}">',
                f'<meta property="article:modified_time" content="{a.modified.isoformat()}">',
                f'<meta property="article:section" content="{e(section_label)}">',
                *(f'<meta property="article:tag" content="{e(t)}">' for t in a.tags),
                f'<script type="application/ld+json">{ld_json}</script>',
            ]
        )
        paras = [f"<p>{self.body_html(p)}</p>" for p in a.markup]
        newsletter = f"""<div class="newsletter-signup">
<h4>{e(HARBOR_NEWSLETTER[0])}</h4>
<p>{e(HARBOR_NEWSLETTER[1])}</p>
<form action="/newsletter/subscribe" method="post"><input type="email" name="email" placeholder="you@example.com" aria-label="Email address"> <button type="submit">Subscribe</button></form>
</div>"""
        # The sign-up box sits inside the body, between paragraphs, as newsletter plugins put it.
        paras.insert(min(2, len(paras)), newsletter)
        related = "".join(
            f'<li class="jp-relatedposts-post"><a href="{e(path)}">{e(h)}</a></li>'
            for h, path in self.related(a)
        )
        author_links = " and ".join(
            f'<span class="author vcard"><a class="url fn n" href="/author/{slugify(n)}/">{e(n)}</a></span>'
            for n in a.authors
        )
        tags = ", ".join(f'<a href="/tag/{slugify(t)}/" rel="tag">{e(t)}</a>' for t in a.tags)
        share = "".join(
            f'<li><a class="share-{slugify(label)}" href="#" rel="nofollow">{e(label)}</a></li>'
            for label in HARBOR_SHARE[1:]
        )
        body = f"""<div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-{post_id(a)}" class="post type-post status-publish format-standard hentry category-{a.section}">
<header class="entry-header">
<span class="cat-links"><a href="/category/{a.section}/" rel="category tag">{e(section_label)}</a></span>
<h1 class="entry-title">{e(a.title)}</h1>
<div class="entry-meta"><span class="posted-on"><time class="entry-date published" datetime="{a.published.isoformat()}">{_long_date(a.published)}</time></span>
<span class="byline">By {author_links}</span></div>
</header>
<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">{HARBOR_SHARE[0]}</h3><ul>{share}</ul></div>
<div class="entry-content">
{chr(10).join(paras)}
<div class="jp-relatedposts" id="jp-relatedposts"><h3 class="jp-relatedposts-headline"><em>Related Stories</em></h3>
<ul>{related}</ul></div>
</div>
<footer class="entry-footer"><span class="tags-links">Tagged {tags}</span></footer>
</article>
</main></div>
{self._comments(a)}"""
        return self._page(
            f"{a.title} – {self.pub.name}",
            head,
            body,
            "post-template-default single single-post",
            lang="es-ES" if a.language == "es" else "en-US",
        )

    def _comments(self, a: Article) -> str:
        items = "".join(
            f"""<li class="comment"><article class="comment-body"><footer class="comment-meta">
<b class="fn">{e(who)}</b> <span class="says">says:</span></footer>
<div class="comment-content"><p>{e(text)}</p></div>
<div class="reply"><a class="comment-reply-link" href="#respond">Reply</a></div></article></li>"""
            for who, text in a.comments
        )
        listing = (
            f'<h2 class="comments-title">{e(self._comments_title(a))}</h2>\n<ol class="comment-list">{items}</ol>'
            if a.comments
            else ""
        )
        return f"""<div id="comments" class="comments-area">
{listing}
<div id="respond" class="comment-respond">
<h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3>
<form action="/wp-comments-post.php" method="post" id="commentform" class="comment-form">
<p class="comment-notes"><span id="email-notes">Your email address will not be published.</span> <span class="required-field-message">Required fields are marked <span class="required">*</span></span></p>
<p class="comment-form-comment"><label for="comment">Comment <span class="required">*</span></label><br><textarea id="comment" name="comment" cols="45" rows="6" required></textarea></p>
<p class="comment-form-author"><label for="author">Name <span class="required">*</span></label><br><input id="author" name="author" type="text" size="30" required></p>
<p class="comment-form-email"><label for="email">Email <span class="required">*</span></label><br><input id="email" name="email" type="email" size="30" required></p>
<p class="comment-form-url"><label for="url">Website</label><br><input id="url" name="url" type="url" size="30"></p>
<p class="comment-form-cookies-consent"><input id="wp-comment-cookies-consent" name="wp-comment-cookies-consent" type="checkbox" value="yes"> <label for="wp-comment-cookies-consent">{e(HARBOR_REMEMBER)}</label></p>
<p class="form-submit"><button type="submit" id="submit" class="submit">Post Comment</button></p>
</form>
</div>
</div>"""

    @staticmethod
    def _comments_title(a: Article) -> str:
        n = len(a.comments)
        return f"{'One' if n == 1 else n} thought{'s' if n != 1 else ''} on “{a.title}”"

    def boilerplate(self, a: Article) -> list[str]:
        strings = [f"By {a.authors[0]}", *HARBOR_SHARE[:4], "Related Stories"]
        strings += [h for h, _ in self.related(a)]
        strings += [*HARBOR_NEWSLETTER, "Leave a Reply", COMMENT_NOTES, "Post Comment", HARBOR_REMEMBER]
        if a.comments:
            strings.append(self._comments_title(a))
            strings += [text for _, text in a.comments]
        strings += [HARBOR_COOKIES, HARBOR_FOOTER]
        return strings

    def listing(self, listing: Listing) -> str:
        entries = "\n".join(
            f"""<article class="post excerpt category-{a.section}"><header class="entry-header">
<h2 class="entry-title"><a href="{e(a.path)}" rel="bookmark">{e(a.title)}</a></h2>
<div class="entry-meta"><time datetime="{a.published.isoformat()}">{_long_date(a.published)}</time> · By {e(_byline(a.authors))}</div></header>
<div class="entry-summary"><p>{e(a.summary)}</p><a class="more-link" href="{e(a.path)}">Continue reading</a></div></article>"""
            for a in listing.articles
        )
        nav = []
        if listing.page < listing.pages:
            nav.append(f'<a class="next" href="{listing.page_path(listing.page + 1)}">Older posts</a>')
        if listing.page > 1:
            nav.append(f'<a class="prev" href="{listing.page_path(listing.page - 1)}">Newer posts</a>')
        members = ""
        if listing.path == "/" and "private" in self.pub.extra_pages:
            private = self.pub.extra_pages["private"]
            members = f"""<aside class="members-only"><h2>For subscribers</h2>
<p><a href="{e(private.path)}">{e(private.title)}</a></p></aside>"""
        heading = (
            ""
            if listing.path == "/"
            else f'<header class="page-header"><h1 class="page-title">{e(listing.title)}</h1></header>'
        )
        page_note = f" – Page {listing.page}" if listing.page > 1 else ""
        body = f"""<div id="primary" class="content-area"><main id="main" class="site-main">
{heading}{members}
{entries}
<nav class="navigation posts-navigation">{" ".join(nav)}</nav>
</main></div>"""
        head = f'<link rel="canonical" href="{e(self.url(listing.path))}">\n<meta property="og:type" content="website">'
        return self._page(f"{listing.title}{page_note} – {self.pub.name}", head, body, "archive blog")


# --- Valley Courier: an older regional-paper CMS, div soup -----------------------------------

_VALLEY_CSS = """
body{margin:0;background:#e8e4da;font:14px/1.5 Verdana,Arial,sans-serif}
#wrapper{width:960px;margin:0 auto;background:#fff}
#top{background:#7a1712;color:#fff;padding:10px 15px}#top a{color:#fff}.logo{font:bold 34px Georgia,serif}
.topnav{background:#222;padding:6px 15px}.topnav a{color:#fff;margin-right:14px;font-weight:bold}
.col-left{float:left;width:620px;padding:15px}.col-right{float:right;width:280px;padding:15px;background:#f4f1ea}
.clear{clear:both}.hdr h1{font:bold 28px Georgia,serif;margin:5px 0}.by{color:#666;font-size:12px}
.txt p{font-size:15px}.tools,.tags,.breadcrumb{font-size:12px;color:#444}
#footer{background:#333;color:#ccc;padding:15px;font-size:11px}#footer a{color:#fff}
.lst .itm{border-bottom:1px dotted #ccc;padding:8px 0}.gallery img{display:block;width:560px;height:315px}
.pager a{margin-right:8px}
"""

VALLEY_FOOTER = "© Valley Courier Newspapers Ltd 2026. Registered in England No. 0471123."
VALLEY_ROLES = {
    "Tom Hadley": "Chief Reporter",
    "Gwen Pritchard": "Local Democracy Reporter",
    "Sam Oduya": "Sports Reporter",
}


class ValleyTemplate(Template):
    # Links in the footer to a page that answers 404 and one that answers 500.
    BROKEN_404 = "/jobs/"
    BROKEN_500 = "/archive/"
    SEARCH = "/search/?q=flood+defences"

    def _page(self, title: str, head: str, left: str, right: str = "") -> str:
        right = right or self._most_read(None)
        return f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{e(title)}</title>
<link rel="alternate" type="application/atom+xml" title="Valley Courier - Latest news" href="{self.url("/feeds/latest.atom")}">
{head}
<style type="text/css">{_VALLEY_CSS}</style>
</head>
<body>
<div id="wrapper">
<div id="top"><div class="logo"><a href="/">Valley Courier</a></div><div class="strap">{e(self.pub.tagline)}</div></div>
<div class="topnav"><a href="/">Home</a><a href="/news/">News</a><a href="/sport/">Sport</a><a href="/galleries/{e(self._gallery().slug)}/">Pictures</a><a href="{e(self.SEARCH)}">Search</a></div>
<div class="col-left">
{left}
</div>
<div class="col-right">
{right}
</div>
<div class="clear"></div>
<div id="footer"><a href="/">Home</a> | <a href="/news/">News</a> | <a href="/sport/">Sport</a> | <a href="{self.BROKEN_404}">Jobs</a> | <a href="{self.BROKEN_500}">Archive</a> | <a href="/feeds/latest.atom">Atom feed</a><br>{e(VALLEY_FOOTER)}</div>
</div>
</body>
</html>
"""

    def _gallery(self) -> Article:
        return self.pub.extra_pages["gallery"]

    def _most_read(self, a: Article | None) -> str:
        items = "".join(f'<li><a href="{e(path)}">{e(h)}</a></li>' for h, path in self.most_read(a))
        return f'<div class="box"><h3>Most Read</h3><ol>{items}</ol></div>'

    def most_read(self, a: Article | None) -> list[tuple[str, str]]:
        hand_written = [s for s in self.pub.articles if s.generated is None and s is not a]
        return [(s.title, s.path) for s in hand_written[:5]]

    def _meta(self, a: Article, canonical: str) -> str:
        lines = [
            f'<link rel="canonical" href="{e(canonical)}">',
            f'<meta name="description" content="{e(a.summary)}">',
            f'<meta name="author" content="{e(_byline(a.authors))}">',
            f'<meta name="keywords" content="{e(", ".join(a.tags))}">',
            f'<meta property="og:title" content="{e(a.title)}">',
            '<meta property="og:type" content="article">',
            f'<meta property="og:url" content="{e(canonical)}">',
            f'<meta property="article:published_time" content="{a.published.isoformat()}">',
        ]
        if any(p.startswith("/amp/") for p in a.alt_paths):
            lines.append(f'<link rel="amphtml" href="{e(self.url(f"/amp/{a.slug}/"))}">')
        return "\n".join(lines)

    def _byline_html(self, a: Article) -> str:
        names = " and ".join(f'<a href="/author/{slugify(n)}/">{e(n)}</a>' for n in a.authors)
        role = VALLEY_ROLES.get(a.authors[0], "Reporter")
        return f"By {names}, {e(role)}<br>\nPublished: {_uk_date(a.published)}"

    def _body_with_teasers(self, a: Article) -> str:
        teasers = dict(a.teasers)
        out = []
        for i, markup in enumerate(a.markup):
            out.append(f"<p>{self.body_html(markup)}</p>")
            teaser = self.teaser(teasers[i]) if i in teasers else None
            if teaser:
                out.append(f'<p><strong>READ MORE:</strong> <a href="{e(teaser[1])}">{e(teaser[0])}</a></p>')
        return "\n".join(out)

    def article(self, a: Article) -> str:
        section = self.pub.sections().get(a.section, "News")
        tags = ", ".join(f'<a href="/tag/{slugify(t)}/">{e(t)}</a>' for t in a.tags)
        left = f"""<div class="breadcrumb"><a href="/">Home</a> &gt; <a href="/{a.section}/">{e(section)}</a></div>
<div class="hdr"><h1>{e(a.title)}</h1></div>
<div class="by">{self._byline_html(a)}</div>
<div class="txt">
{self._body_with_teasers(a)}
</div>
<div class="tools"><a href="/print/{e(a.slug)}/">Print this story</a> | <a href="mailto:?subject={e(a.title)}">Email a friend</a></div>
<div class="tags">Tags: {tags}</div>"""
        return self._page(
            f"{a.title} | {section} | Valley Courier",
            self._meta(a, self.url(a.path)),
            left,
            self._most_read(a),
        )

    def amp(self, a: Article) -> str:
        canonical = self.url(a.path)
        paras = "\n".join(f"<p>{self.body_html(p)}</p>" for p in a.markup)
        return f"""<!doctype html>
<html amp lang="en">
<head>
<meta charset="utf-8">
<title>{e(a.title)} | Valley Courier</title>
<link rel="canonical" href="{e(canonical)}">
<meta name="viewport" content="width=device-width,minimum-scale=1,initial-scale=1">
<meta name="author" content="{e(_byline(a.authors))}">
<meta property="article:published_time" content="{a.published.isoformat()}">
<style amp-custom>body{{font:16px/1.5 sans-serif;margin:1rem}}header{{background:#7a1712;color:#fff;padding:.5rem}}</style>
</head>
<body>
<header><a href="/" style="color:#fff">Valley Courier</a></header>
<article>
<h1>{e(a.title)}</h1>
<div class="by">{self._byline_html(a)}</div>
{paras}
</article>
<footer>{e(VALLEY_FOOTER)}</footer>
</body>
</html>
"""

    def print_version(self, a: Article) -> str:
        paras = "\n".join(f"<p>{self.body_html(p)}</p>" for p in a.markup)
        return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{e(a.title)} (print)</title>
<link rel="canonical" href="{e(self.url(a.path))}"></head>
<body onload="window.print()"><h1>{e(a.title)}</h1><p>{self._byline_html(a)}</p>{paras}</body></html>
"""

    def gallery(self, g: Article) -> str:
        figures = "\n".join(
            f'<div class="pic"><img src="/images/gallery-{i}.svg" width="560" height="315" alt="{e(c)}"><div class="cap">{e(c)}</div></div>'
            for i, c in enumerate(g.markup, start=1)
        )
        left = f"""<div class="breadcrumb"><a href="/">Home</a> &gt; Pictures</div>
<div class="hdr"><h1>{e(g.title)}</h1></div>
<div class="by">Pictures: {e(g.authors[0])}<br>
Published: {_uk_date(g.published)}</div>
<div class="gallery">
{figures}
</div>"""
        head = "\n".join(
            [
                f'<link rel="canonical" href="{e(self.url(g.path))}">',
                '<meta property="og:type" content="article">',
                f'<meta property="og:title" content="{e(g.title)}">',
                f'<meta property="article:published_time" content="{g.published.isoformat()}">',
            ]
        )
        return self._page(f"{g.title} | Valley Courier", head, left)

    def _items(self, articles: list[Article]) -> str:
        return "\n".join(
            f"""<div class="itm"><a class="hl" href="{e(a.path)}"><b>{e(a.title)}</b></a><br>
<span class="dt">{_uk_date(a.published)}</span><div class="intro">{e(a.summary)}</div></div>"""
            for a in articles
        )

    def listing(self, listing: Listing) -> str:
        pager = ""
        if listing.pages > 1:
            links = " ".join(
                f"<b>{n}</b>" if n == listing.page else f'<a href="{listing.page_path(n)}">{n}</a>'
                for n in range(1, listing.pages + 1)
            )
            nxt = (
                f' <a href="{listing.page_path(listing.page + 1)}">Next &raquo;</a>'
                if listing.page < listing.pages
                else ""
            )
            pager = f'<div class="pager">Page: {links}{nxt}</div>'
        extra = ""
        if listing.path == "/":
            amp = self.pub.by_slug.get("kettleby-town-late-winner-fa-trophy")
            bus = self.pub.by_slug.get("bus-firm-axes-evening-services")
            trending = []
            if amp is not None:
                trending.append(
                    f'<li><a href="{e(amp.path)}?utm_source=twitter&amp;utm_medium=social">{e(amp.title)}</a></li>'
                )
            if bus is not None:
                # An old-CMS URL that now answers 301 to the story.
                trending.append(f'<li><a href="/story.php?id=4412">{e(bus.title)}</a></li>')
            extra = f"""<div class="box"><h3>Trending on social</h3><ul>{"".join(trending)}</ul></div>
<div class="box"><h3>Pictures</h3><a href="/galleries/{e(self._gallery().slug)}/">{e(self._gallery().title)}</a></div>"""
        left = f"""<div class="hdr"><h1>{e(listing.title)}</h1></div>
<div class="lst">
{self._items(listing.articles)}
</div>
{pager}
{extra}"""
        head = f'<link rel="canonical" href="{e(self.url(listing.path))}">\n<meta property="og:type" content="website">'
        page_note = f" - page {listing.page}" if listing.page > 1 else ""
        return self._page(f"{listing.title}{page_note} | Valley Courier", head, left)

    def search(self, query: str) -> str:
        words = [w for w in query.lower().split() if w]
        hits = [a for a in self.pub.latest() if words and any(w in a.title.lower() for w in words)][:20]
        amp = self.pub.by_slug.get("kettleby-town-late-winner-fa-trophy")
        also = (
            f'<p>Also try the <a href="/amp/{e(amp.slug)}/">mobile edition</a> of our top sport story.</p>'
            if amp
            else ""
        )
        left = f"""<div class="hdr"><h1>Search results for “{e(query)}”</h1></div>
<form action="/search/" method="get"><input name="q" value="{e(query)}"> <input type="submit" value="Search"></form>
<div class="lst">{self._items(hits) or "<p>No stories found.</p>"}</div>
{also}"""
        return self._page(f"Search: {query} | Valley Courier", '<meta name="robots" content="noindex">', left)

    def boilerplate(self, a: Article) -> list[str]:
        strings = [f"By {a.authors[0]}", f"Published: {_uk_date(a.published)}"]
        teasers = dict(a.teasers)
        for i in range(len(a.markup)):
            teaser = self.teaser(teasers[i]) if i in teasers else None
            if teaser:
                strings.append(f"READ MORE: {teaser[0]}")
        strings += ["Print this story", "Email a friend", "Most Read"]
        strings += [h for h, _ in self.most_read(a)]
        strings.append(VALLEY_FOOTER)
        return strings


# --- The Plain Dealer Times: no telling class names or ids anywhere --------------------------

PLAIN_FOOTER = "© 2026 The Plain Dealer Times. All rights reserved. Printed in Brackett County since 1911."


class PlainTemplate(Template):
    def _page(self, title: str, head: str, body: str) -> str:
        return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{e(title)}</title>
{head}
<style>body{{max-width:700px;margin:0 auto;font:18px/1.55 "Times New Roman",serif;padding:0 1rem}}h1{{font-size:2rem}}textarea,input{{width:100%}}</style>
</head>
<body>
<div><div><a href="/"><b>The Plain Dealer Times</b></a></div><div>{e(self.pub.tagline)} · <a href="/">Front page</a></div></div>
<hr>
{body}
<hr>
<div><p>{e(PLAIN_FOOTER)}</p></div>
</body>
</html>
"""

    def article(self, a: Article) -> str:
        head = "\n".join(
            [
                f'<meta name="author" content="{e(_byline(a.authors))}">',
                f'<meta property="article:published_time" content="{a.published.isoformat()}">',
                f'<meta name="description" content="{e(a.summary)}">',
            ]
        )
        paras = "\n".join(f"<p>{self.body_html(p)}</p>" for p in a.markup)
        related = "\n".join(f'<p><b><a href="{e(path)}">{e(h)}</a></b></p>' for h, path in self.related(a))
        body = f"""<div><div>
<h1>{e(a.title)}</h1>
<p>By {e(_byline(a.authors))}</p>
{paras}
{related}
<div>
<h3>Leave a Reply</h3>
<div>{e(COMMENT_NOTES)}</div>
<form action="/comments" method="post">
<div><label>Comment *</label><br><textarea name="comment" rows="6"></textarea></div>
<div><label>Name *</label><br><input name="name"></div>
<div><label>Email *</label><br><input name="email"></div>
<div><button type="submit">Post Comment</button></div>
</form>
</div>
</div></div>"""
        return self._page(f"{a.title} - The Plain Dealer Times", head, body)

    def listing(self, listing: Listing) -> str:
        items = "\n".join(
            f'<p><a href="{e(a.path)}">{e(a.title)}</a><br>{e(a.summary)}</p>' for a in listing.articles
        )
        return self._page(
            "The Plain Dealer Times", "", f"<div><div><h2>Today's stories</h2>\n{items}</div></div>"
        )

    def boilerplate(self, a: Article) -> list[str]:
        strings = [f"By {_byline(a.authors)}"]
        strings += [h for h, _ in self.related(a)]
        strings += ["Leave a Reply", COMMENT_NOTES, "Post Comment", PLAIN_FOOTER]
        return strings


# --- Hostile Herald: ordinary pages (its faults are in faults.py) ----------------------------

HOSTILE_FOOTER = "Hostile Herald. Reader support keeps us going."


class HostileTemplate(Template):
    def article(self, a: Article, declare_charset: bool = True) -> str:
        # The charset-fault pages must not declare a charset in a <meta> either.
        meta = '<meta charset="utf-8">\n' if declare_charset else ""
        paras = "\n".join(f"<p>{self.body_html(p)}</p>" for p in a.markup)
        return f"""<!DOCTYPE html>
<html lang="en">
<head>
{meta}<title>{e(a.title)} - Hostile Herald</title>
<link rel="canonical" href="{e(self.url(a.path))}">
<meta property="og:type" content="article">
<meta name="author" content="{e(_byline(a.authors))}">
<meta property="article:published_time" content="{a.published.isoformat()}">
</head>
<body>
<header><a href="/">Hostile Herald</a></header>
<main><article>
<h1>{e(a.title)}</h1>
<p class="byline">By {e(_byline(a.authors))}</p>
{paras}
</article></main>
<footer><p>{e(HOSTILE_FOOTER)}</p></footer>
</body>
</html>
"""

    def listing(self, listing: Listing) -> str:
        items = "".join(f'<li><a href="{e(a.path)}">{e(a.title)}</a></li>' for a in listing.articles)
        return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Hostile Herald</title></head>
<body><header><a href="/">Hostile Herald</a></header><main><h1>Latest</h1><ul>{items}</ul></main>
<footer><p>{e(HOSTILE_FOOTER)}</p></footer></body></html>
"""

    def boilerplate(self, a: Article) -> list[str]:
        return [f"By {_byline(a.authors)}", HOSTILE_FOOTER]


TEMPLATES: dict[str, type[Template]] = {
    "harbor": HarborTemplate,
    "valley": ValleyTemplate,
    "plain": PlainTemplate,
    "hostile": HostileTemplate,
}


def template_for(pub: Publisher, base_url: str) -> Template:
    return TEMPLATES[pub.key](pub, base_url)
