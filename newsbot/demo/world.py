"""The demo world as pure data: publishers, their stories and listing pages. No HTTP here.

A DemoWorld is deterministic for a given (extra_articles, faults, seed): tests can build one,
serve it, and know exactly which stories a correct crawl must store. Generated articles keep
only their metadata until someone reads their paragraphs, so a world with thousands of them is
built in milliseconds.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from newsbot.demo import content, generate
from newsbot.demo.content import Story

_LINK = re.compile(r"\[([^\]]+)\]\(@([a-z0-9-]+)\)")

# Sections and their display names, per publisher kind.
SECTIONS: dict[str, dict[str, str]] = {
    "harbor": {"local": "Local", "business": "Business", "culture": "Culture", "en-espanol": "En Español"},
    "valley": {"news": "News", "sport": "Sport"},
    "plain": {"news": "News", "county": "County", "schools": "Schools", "people": "People"},
    "hostile": {"news": "News"},
}


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def plain_text(markup: str) -> str:
    """What a reader sees of a paragraph written with [text](@slug) links."""
    return _LINK.sub(r"\1", markup)


@dataclass(eq=False)
class Article:
    publisher: str  # Publisher.key
    slug: str
    path: str  # canonical path on the publisher's server
    title: str
    authors: list[str]
    published: datetime
    modified: datetime
    section: str
    tags: list[str]
    language: str = "en"
    # Related stories as (slug, headline override or None for the target's current title).
    related: list[tuple[str, str | None]] = field(default_factory=list)
    comments: list[tuple[str, str]] = field(default_factory=list)
    teasers: list[tuple[int, str]] = field(default_factory=list)  # (after paragraph N, slug)
    alt_paths: list[str] = field(default_factory=list)  # other paths (with query) serving it
    # "story", or the fault it carries on the Hostile Herald ("missing_charset", "lying_charset").
    kind: str = "story"
    generated: int | None = None  # seed of a generated article's body
    _markup: list[str] | None = None

    @property
    def markup(self) -> list[str]:
        """Body paragraphs with [text](@slug) links; generated bodies are built on first use."""
        if self._markup is None:
            assert self.generated is not None
            self._markup = generate.body(self.generated)
        return self._markup

    @property
    def paragraphs(self) -> list[str]:
        return [plain_text(p) for p in self.markup]

    @property
    def summary(self) -> str:
        first = self.paragraphs[0]
        return first if len(first) <= 220 else first[:217].rsplit(" ", 1)[0] + "…"


@dataclass(eq=False)
class Listing:
    """A non-article page that lists stories: home, section front, tag or author page."""

    path: str
    title: str
    articles: list[Article]
    page: int = 1
    pages: int = 1
    base: str = "/"  # path of page 1, for building pagination links

    def page_path(self, n: int) -> str:
        return self.base if n == 1 else f"{self.base}page/{n}/"


@dataclass(eq=False)
class Publisher:
    key: str  # "harbor", "valley", "plain", "hostile": also selects the HTML template
    name: str
    tagline: str
    articles: list[Article] = field(default_factory=list)  # stories a crawler should store
    extra_pages: dict[str, Article] = field(default_factory=dict)  # private story, gallery
    by_slug: dict[str, Article] = field(default_factory=dict)

    def add(self, article: Article) -> None:
        self.articles.append(article)
        self.by_slug[article.slug] = article

    def sections(self) -> dict[str, str]:
        return SECTIONS[self.key]

    def latest(self) -> list[Article]:
        return sorted(self.articles, key=lambda a: a.published, reverse=True)

    def listings(self) -> dict[str, Listing]:
        """Every listing page of this publisher by path (its home page first)."""
        latest = self.latest()
        pages: dict[str, Listing] = {}
        if self.key == "plain":
            # An old-fashioned front page: the latest 30 headlines, no pagination.
            pages["/"] = Listing("/", "Front page", latest[:30])
            return pages
        if self.key == "hostile":
            pages["/"] = Listing("/", "Latest", latest)
            return pages
        size = 10 if self.key == "harbor" else 3  # small Valley pages so pagination shows up
        pages.update(_paginate("/", "Latest news", latest, 10))
        prefix = "/category/" if self.key == "harbor" else "/"
        for sec, label in self.sections().items():
            items = [a for a in latest if a.section == sec]
            pages.update(_paginate(f"{prefix}{sec}/", label, items, size))
        for tag, items in _group(latest, lambda a: a.tags).items():
            pages.update(_paginate(f"/tag/{slugify(tag)}/", f"Tag: {tag}", items, size))
        for author, items in _group(latest, lambda a: a.authors).items():
            pages.update(_paginate(f"/author/{slugify(author)}/", author, items, size))
        return pages


def _group(articles: list[Article], keys) -> dict[str, list[Article]]:
    groups: dict[str, list[Article]] = {}
    for article in articles:
        for key in keys(article):
            groups.setdefault(key, []).append(article)
    return groups


def _paginate(base: str, title: str, items: list[Article], size: int) -> dict[str, Listing]:
    count = max(1, -(-len(items) // size))
    pages = {}
    for n in range(1, count + 1):
        listing = Listing("", title, items[(n - 1) * size : n * size], n, count, base)
        listing.path = listing.page_path(n)
        pages[listing.path] = listing
    return pages


def _from_story(publisher: str, story: Story, path: str) -> Article:
    published = datetime.fromisoformat(story.published)
    return Article(
        publisher=publisher,
        slug=story.slug,
        path=path,
        title=story.title,
        authors=list(story.authors),
        published=published,
        modified=datetime.fromisoformat(story.modified) if story.modified else published,
        section=story.section,
        tags=list(story.tags),
        language=story.language,
        comments=list(story.comments),
        teasers=list(story.teasers),
        _markup=list(story.paragraphs),
    )


def harbor_path(slug: str, published: datetime) -> str:
    return f"/{published:%Y/%m/%d}/{slug}/"


def valley_path(slug: str, section: str, published: datetime) -> str:
    return f"/{section}/{published:%Y/%m}/{slug}/"


def plain_path(slug: str) -> str:
    return f"/stories/{slug}.html"


# Valley Courier's duplicate-URL cases (see DemoWorld.__init__).
VALLEY_AMP_SLUG = "kettleby-town-late-winner-fa-trophy"
VALLEY_REDIRECT_SLUG = "bus-firm-axes-evening-services"
VALLEY_OLD_URL = "/story.php?id=4412"
UTM_SOCIAL = "?utm_source=twitter&utm_medium=social"
UTM_RSS = "?utm_source=rss&utm_medium=rss"


class DemoWorld:
    """All publishers of the demo world. Pure data: serve it with ``site.serve_world``."""

    def __init__(self, extra_articles: int = 0, faults: bool = False, seed: int = 0) -> None:
        self.extra_articles = extra_articles
        self.faults = faults
        self.seed = seed
        self.version = 0  # bumped by every edit, so servers drop cached pages
        self._lock = threading.Lock()

        harbor = Publisher("harbor", "Harbor Gazette", "News from the waterfront since 1898")
        for story in content.HARBOR_STORIES:
            harbor.add(_from_story("harbor", story, harbor_path(story.slug, _date(story))))
        private = content.HARBOR_PRIVATE_STORY
        harbor.extra_pages["private"] = _from_story("harbor", private, f"/private/2026/11/{private.slug}/")

        valley = Publisher("valley", "Valley Courier", "Serving Kettleby and the Aldwater Valley")
        for story in content.VALLEY_STORIES:
            valley.add(_from_story("valley", story, valley_path(story.slug, story.section, _date(story))))
        amp = valley.by_slug[VALLEY_AMP_SLUG]
        # The same match report under its AMP URL and under a tracking-tagged URL; both name the
        # first as canonical.
        amp.alt_paths += [f"/amp/{amp.slug}/", amp.path + UTM_SOCIAL]
        valley.by_slug[VALLEY_REDIRECT_SLUG].alt_paths.append(VALLEY_OLD_URL)
        gallery = content.VALLEY_GALLERY
        gallery_date = datetime.fromisoformat(gallery["published"])
        valley.extra_pages["gallery"] = Article(
            "valley",
            gallery["slug"],
            f"/galleries/{gallery['slug']}/",
            gallery["title"],
            ["Courier Photographers"],
            gallery_date,
            gallery_date,
            "news",
            [],
            kind="gallery",
            _markup=list(gallery["captions"]),
        )

        plain = Publisher("plain", "The Plain Dealer Times", "Brackett County's newspaper of record")
        for story in content.PLAIN_STORIES:
            plain.add(_from_story("plain", story, plain_path(story.slug)))

        self.publishers: list[Publisher] = [harbor, valley, plain]

        if extra_articles:
            staff = {p.key: sorted({a for s in p.articles for a in s.authors}) for p in self.publishers}
            for meta in generate.metadata(extra_articles, seed, staff):
                # Half to the Gazette, so 2,000 extras already split its sitemap in two files.
                pub = self.publishers[_SHARE[meta.index % 10]]
                pub.add(self._generated_article(pub, meta))

        if faults:
            hostile = Publisher("hostile", "Hostile Herald", "Everything that can go wrong, does")
            for story, kind in (
                (content.HOSTILE_GOOD_STORY, "story"),
                (content.HOSTILE_MISSING_CHARSET_STORY, "missing_charset"),
                (content.HOSTILE_LYING_CHARSET_STORY, "lying_charset"),
            ):
                article = _from_story("hostile", story, f"/{story.slug}/")
                article.kind = kind
                hostile.add(article)
            self.publishers.append(hostile)

        for pub in self.publishers:
            _link_related(pub)
        self._by_path: dict[str, Article] = {}
        for article in self.articles:
            for path in (article.path, *article.alt_paths):
                if path in self._by_path:
                    raise ValueError(f"two stories share the path {path!r}")
                self._by_path[path] = article

    def _generated_article(self, pub: Publisher, meta: generate.Meta) -> Article:
        section = meta.section_for(list(pub.sections()))
        slug = meta.slug
        if pub.key == "harbor":
            path = harbor_path(slug, meta.published)
        elif pub.key == "valley":
            path = valley_path(slug, section, meta.published)
        else:
            path = plain_path(slug)
        published = meta.published.replace(tzinfo=_TZ[pub.key])
        return Article(
            publisher=pub.key,
            slug=slug,
            path=path,
            title=meta.title,
            authors=meta.authors[pub.key],
            published=published,
            modified=published + timedelta(hours=meta.updated_after_hours),
            section=section,
            tags=meta.tags,
            comments=meta.comments if pub.key == "harbor" else [],
            generated=meta.body_seed,
        )

    @property
    def articles(self) -> list[Article]:
        """Every story a correct crawl stores, publisher by publisher (the index for edit_article)."""
        return [a for pub in self.publishers for a in pub.articles]

    def publisher(self, key: str) -> Publisher:
        return next(p for p in self.publishers if p.key == key)

    def find(self, url_or_index: str | int) -> Article:
        """A story by index into ``articles``, or by any of its URLs or paths."""
        if isinstance(url_or_index, int):
            return self.articles[url_or_index]
        parts = urlsplit(url_or_index)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        article = self._by_path.get(path) or self._by_path.get(parts.path)
        if article is None:
            raise KeyError(f"no story at {url_or_index!r}")
        return article

    def edit_article(
        self,
        url_or_index: str | int,
        new_paragraphs: list[str] | None = None,
        new_title: str | None = None,
        new_related: list[str] | None = None,
    ) -> Article:
        """Change a story between crawls. Any edit, even of the related links alone, moves its
        modification time past every other story's and changes feed/sitemap ETags, as a CMS
        does on save; whether the *text* changed is for the archive to find out."""
        article = self.find(url_or_index)
        with self._lock:
            if new_paragraphs is not None:
                article._markup = list(new_paragraphs)
                article.generated = None
            if new_title is not None:
                article.title = new_title
            if new_related is not None:
                pub = self.publisher(article.publisher)
                targets = [a.slug for a in pub.articles if a is not article and a.kind == "story"]
                article.related = [(targets[i % len(targets)], h) for i, h in enumerate(new_related)]
            latest = max(a.modified for a in self.articles)
            article.modified = max(latest, article.modified) + timedelta(hours=1)
            self.version += 1
        return article


_SHARE = (0, 0, 0, 0, 0, 1, 1, 1, 2, 2)  # publisher index by article index % 10

_TZ = {
    "harbor": datetime.fromisoformat("2026-11-01T00:00:00-05:00").tzinfo,
    "valley": datetime.fromisoformat("2026-11-01T00:00:00+00:00").tzinfo,
    "plain": datetime.fromisoformat("2026-11-01T00:00:00-06:00").tzinfo,
}


def _date(story: Story) -> datetime:
    return datetime.fromisoformat(story.published)


def _link_related(pub: Publisher) -> None:
    """Each story's related-links box: three (Plain: four) other stories of the same paper,
    hand-written ones first, so the boxes show real headlines."""
    stories = [a for a in pub.articles if a.kind == "story"]
    count = 4 if pub.key == "plain" else 3
    for i, article in enumerate(stories):
        others = [s for s in stories[: count + 9] if s is not article][: count + 8]
        if not others:
            continue
        # Rotate so neighbouring stories do not all show the same box.
        picks = [others[(i + k) % len(others)] for k in range(min(count, len(others)))]
        article.related = [(p.slug, None) for p in picks]
