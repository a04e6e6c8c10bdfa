"""Put back article text that trafilatura dropped from the middle of the article.

trafilatura is strict: lists, tables, sub-headings and text sitting directly in ``<div>``s are often left
out of an article whose other paragraphs it found. The paragraphs it kept say where the article is: the
deepest element holding nearly all of them. Blocks inside that element which it passed over come back,
in document order between the paragraphs they stand between on the page, when they read as part of the
article's run of text:

- they lie between the first and the last kept paragraph (what comes before or after is front and end
  matter: datelines, bios, reference lists, sign-up boxes), or they are the rest of a story trafilatura
  cut short: sentences and their sub-headings after its last paragraph, a run of four at least (one to
  three are a box at the story's end: an appeal, a note about the publisher, but for a review's verdict in
  a box headed as one; list items there are footnotes, references, a site's profiles), or the items of a
  summary list over the first one (beside it, or in a box over the story's body, an <aside> too, under a
  summary heading: "Key points", "In brief"); an <aside> between the kept paragraphs is read when it is
  the story's own headed box of text ("By the numbers", "Key dates"), not one of links or cards;
- or they are the paragraphs of a fact check's box under the headline, over the story: a claim and the
  verdict on it after their labels ("The claim: …", "Our verdict: …"), put back over the first paragraph
  whatever the box's class (the rules below do not apply to them);
- they are not link lists (but for a list of other sites that a sentence of the story announces: the
  schools, sources or places it names) or controls, neither they nor a wrapper of theirs inside the
  article is named as a widget (its id or first class says button, caption, price, share, newsletter,
  ...), and they sit beside a kept paragraph (same parent, or through lists and tables only) or read as
  sentences;
- a heading comes back only over text of its own (a heading whose section was boilerplate, already
  removed by our rules, is a leftover label).

The tree given here is the one our DOM rules have already cleaned, so nothing they removed comes back.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate, islice

from lxml.html import HtmlElement

from pipelines.cleanup import (
    AUTHOR_NOTE_HEADING,
    CALL_LINE,
    COMMENT_HEADING,
    FIRST_PERSON,
    RELATED_HEADING,
    announced_list,
    element_text,
    is_sentence,
    links_leave_site,
    word_key,
)

__all__ = ["recover_dropped_blocks", "word_runs"]

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# (a <summary> is the question of an FAQ's <details>, or its label: the heading of what it opens)
_BLOCKS = frozenset({"p", "li", "blockquote", "dt", "dd", "tr", "summary"} | _HEADINGS)
# elements whose own text (outside any block) makes them a block of their own
_TEXT_HOLDERS = frozenset({"div", "section", "article", "main", "td", "span", "font", "center"})
# text holders that are also inline: inside a paragraph they are a phrase of it (a bold run)
_INLINE_HOLDERS = frozenset({"span", "font"})
_INLINE = frozenset({"span", "font", "a", "b", "strong", "em", "i", "u", "small", "mark", "sup", "sub"})
_SKIP = (
    "script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside", "form",
    "button", "select", "textarea", "iframe", "figure", "figcaption", "label", "menu", "dialog", "pre",
)  # fmt: skip
# what lies between a kept paragraph's parent and a block in the same run of text
_FLOW = frozenset(
    {"ul", "ol", "li", "table", "tbody", "thead", "tfoot", "tr", "dl", "blockquote", "td", "th"}
)
# components that are not the story even inside its body; editorial ones (a summary, a callout, a
# section's header) are, and are not named here
_WIDGET = re.compile(
    r"button|btn|cta|price|promo|caption|credit|author|bio\b|share|social|newsletter|subscri|signup|widget"
    r"|\bads?\b|advert|sponsor|related|toc\b|breadcrumb|meta\b|byline|\bdate|\btags?\b|badge"
    r"|rating|banner|modal|popup|cookie|disclaimer|\bnav|sidebar|card|product|deal|affiliate|form\b"
    r"|comment|hero",
    re.I,
)
# a card that says it is a callout or a toggle (Ghost's "kg-card kg-callout-card") is the writer's own box
# in the story: its generic "card" does not make it a widget ("kg-card newsletter-callout" still is one)
_EDITORIAL_CARD = re.compile(r"callout|toggle-card", re.I)
_CARD = re.compile(r"card", re.I)
# the labels of a fact check's box over its story ("The claim:", "Our verdict:", "Rating:")
_CLAIM_LABEL = re.compile(r"\W*(?:the |our |what was )?(claim|verdict|rating|conclusion)(?:ed)?\s*:", re.I)
_LONGEST_BLOCK = 300  # words: a "block" this long is a mis-nested page region, not a paragraph
# after trafilatura's last paragraph: this many sentences are the rest of the story, fewer are a box;
# list items there are footnotes, references, a site's profiles
_TAIL_RUN = 4
_TAIL_TAGS = frozenset({"p", "div", "span"})
# a block there in the first person, outside quotation marks, is the site or its readers speaking (an
# appeal, an "about us", readers' comments), not the story's narration (cleanup's FIRST_PERSON; what
# stands between quotation marks is not counted)
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")
# a heading there that names end matter makes the run that box, whatever its sentences say
# (besides comment and related-stories headings, cleanup's COMMENT_HEADING and RELATED_HEADING)
_END_HEADING = re.compile(rf"\W*({AUTHOR_NOTE_HEADING}|about us|support (us|our))\b", re.I)
# the heading of the story's own summary box over it ("Key points", "At a glance", "Das Wichtigste in Kürze")
_SUMMARY_HEADING = re.compile(
    r"\W*(key (points|facts|takeaways)|summary|in (brief|short)|at a glance|the essentials|highlights"
    r"|what (you need|we know)( to know)?|das wichtigste( in kürze)?|in kürze|l'essentiel|l’essentiel|en bref"
    r"|(las )?claves|en resumen|lo esencial|in sintesi|in breve)\W*$",
    re.I,
)
# the heading of a review's verdict box: the writer's last word on what the story reviewed, which after the
# story's last paragraph is no box of the site's however short it is
_VERDICT_HEADING = re.compile(
    r"\W*(((our|the|my|final) )?(verdict|bottom line)|fazit|unser urteil|notre (avis|verdict)|le verdict"
    r"|(el |nuestro )?veredicto|il (nostro )?verdetto|ons oordeel|het oordeel)\W*$",
    re.I,
)


def recover_dropped_blocks(tree: HtmlElement, paragraphs: list[str], url: str = "") -> tuple[list[str], int]:
    """``paragraphs`` (trafilatura's output) of the page at ``url`` with the dropped blocks of the
    article put back in place, and how many were put back."""
    if len(paragraphs) < 2:
        return paragraphs, 0
    body = tree.find("body")
    blocks = _blocks(body if body is not None else tree)
    if not blocks:
        return paragraphs, 0
    texts = [_text(b) for b in blocks]
    keys = [word_key(t) for t in texts]
    output = _Output(paragraphs)
    where = [output.exact(k) for k in keys]
    kept = [(b, len(t)) for b, t, w in zip(blocks, texts, where, strict=True) if w is not None]
    kept_chars = sum(size for _, size in kept)
    if len(kept) < 2 or kept_chars < 0.5 * sum(len(p) for p in paragraphs):
        return paragraphs, 0  # trafilatura's text is not from the page's blocks: nothing to anchor on
    # a long notice that trafilatura kept from the page's foot can hold more than a tenth of the text:
    # the story's element still holds three quarters of it
    container = _container(kept, kept_chars, 0.9)
    if container is None:
        container = _container(kept, kept_chars, 0.75)
    if container is None:
        return paragraphs, 0
    position = {b: i for i, b in enumerate(blocks)}
    inside = [position[el] for el in container.iter(*_BLOCKS, *_TEXT_HOLDERS) if el in position]
    start, end = min(inside), max(inside) + 1
    # the story's summary box can stand over its body, beside it in the story's element, under its
    # headline: a box over the headline (a rail of other stories headed "In brief" or "Highlights" before
    # the story's <article>, when the story's element is the page's <main>) is not the story's
    story = container.getparent()
    if story is not None and story.tag not in ("body", "html"):
        ahead = [li for li in story.iter("li") if position.get(li, start) < start and _summary_item(li)]
        headline = next(story.iter("h1"), None) if ahead else None
        if headline is not None:
            under = set(headline.xpath("following::li"))
            ahead = [li for li in ahead if li in under]
        start = min((position[li] for li in ahead), default=start)
        claims = _claim_box(story, position, start)
        start = min((position[p] for p in claims), default=start)
    else:
        claims = set()
    # the output's first paragraphs from blocks over that range (the headline trafilatura kept from an <h1>
    # over the summary box): what comes back over the story's first paragraph comes back after them
    above = {where[i] for i in range(start) if where[i] is not None}
    lead_at = -1
    while lead_at + 1 in above:
        lead_at += 1
    parents = {b.getparent() for b, _ in kept}
    # lists of links that a sentence of the story announces, to other sites: the schools, sources or
    # places it names (a list of the site's own pages there is its pointer to more of them)
    sources = {
        lst for lst in container.iter("ul", "ol") if announced_list(lst) and links_leave_site(lst, url)
    }

    # every block of the container in order: (tag, "kept" | "back" | "lead" | "tail" | "verdict" | "out",
    # after which paragraph, text)
    flow: list[tuple[str, str, int, str]] = []
    last = -1
    for i in range(start, end):
        block, text, w = blocks[i], texts[i], where[i]
        if w is not None:
            fate = None
        elif block in claims:
            fate = "lead"
        else:
            fate = _fate(block, text, last, len(paragraphs), parents, container, sources)
        if fate is not None:
            # trafilatura may have kept it slightly changed (a link or a footnote mark dropped):
            # matched by its 4-word runs it is not put back twice; nor is a phrase of a paragraph it
            # kept ("…why it is <span>importan</span>t…"); not an item of the summary over the story,
            # which says again in short what a paragraph under it says at length ("Bottled water is being
            # handed out at three sites." over "Bottled water is being handed out at Corran leisure centre…")
            w = output.near(keys[i]) if fate != "lead" else None
            if w is None and block.tag in _INLINE_HOLDERS:
                w = _in_kept_paragraph(block, output)
            if w is None:
                flow.append((block.tag, fate, last, text))
                continue
        if w is not None:
            if w <= last + 1 or keys[i].count(" ") >= 3:
                # a word or three ("Pros", a town's name) can be found anywhere in the output: it does
                # not move the reading position far ahead
                last = max(last, w)
            flow.append((block.tag, "kept", last, text))
        else:
            flow.append((block.tag, "out", last, text))

    # after trafilatura's last paragraph, sentences of the article's own element: the rest of a story it
    # cut short comes back when it runs on (a few paragraphs at least); one to three are a box at its
    # end (an appeal for donations, a note about the publisher), which stay out; so does a run of which
    # a quarter or more speaks in the first person (the site's box, its readers' comments), and one under a
    # heading that names such a box ("About the author", "Comments", "Related stories")
    tail = [text for tag, fate, _, text in flow if fate == "tail" and tag not in _HEADINGS]
    speaking = sum(1 for text in tail if FIRST_PERSON.search(_QUOTED.sub("", text)))
    labelled = any(
        fate == "tail"
        and tag in _HEADINGS
        and (_END_HEADING.match(text) or COMMENT_HEADING.match(text) or RELATED_HEADING.match(text.lower()))
        for tag, fate, _, text in flow
    )
    if len(tail) < _TAIL_RUN or 4 * speaking >= len(tail) or labelled:
        flow = [step if step[1] != "tail" else (step[0], "out", step[2], step[3]) for step in flow]
    inserts: dict[int, list[str]] = {}
    added = 0
    for i, (tag, fate, after, text) in enumerate(flow):
        if fate not in ("back", "tail", "lead", "verdict"):
            continue
        if tag in _HEADINGS:
            following = flow[i + 1] if i + 1 < len(flow) else None
            if following is None or following[1] == "out" or following[0] in _HEADINGS:
                continue  # a heading over nothing we keep: the label of a box, not of the story
        inserts.setdefault(lead_at if fate == "lead" else after, []).append(text)
        added += 1
    if not added:
        return paragraphs, 0
    out: list[str] = list(inserts.get(-1, ()))
    for i, paragraph in enumerate(paragraphs):
        out.append(paragraph)
        out.extend(inserts.get(i, ()))
    return out, added


def _fate(
    block: HtmlElement,
    text: str,
    last: int,
    count: int,
    parents: set[HtmlElement],
    container: HtmlElement,
    sources: set[HtmlElement],
) -> str | None:
    """How a block trafilatura passed over, after its paragraph ``last`` of ``count``, may come back:
    "back" between its paragraphs, "lead" over the first, "tail" after the last ("verdict" there, in a
    review's verdict box, needs no run of sentences); None: it stays out."""
    if last < 0:
        # over the first paragraph, a list beside it or under a summary heading is the story's summary
        # ("Key points"), its items phrases of four words at least; the rest there is front matter: a
        # standfirst, a byline, the page's own labels, a list of them ("1 May 2025", "5 min read", "Local
        # news", a tag's name)
        lead = (
            block.tag == "li"
            and len(text.split()) >= 4
            and (_beside_kept(block, parents) or _summary_item(block))
        )
        fate = "lead" if lead else None
    elif last < count - 1:
        fate = "back" if _beside_kept(block, parents) or _prose(block, text) else None
    elif block.tag in _HEADINGS or (block.tag in _TAIL_TAGS and _prose(block, text)):
        fate = "verdict" if _in_verdict_box(block, container) else "tail"
    else:
        fate = None
    if fate is None or not _reads_like_content(block, text, sources) or _named_widget(block, container):
        return None
    return fate


def _in_verdict_box(block: HtmlElement, container: HtmlElement) -> bool:
    """``block`` is in an <aside> (the nearest) inside the article's element, whose first heading names a
    review's verdict ("Our verdict", "Fazit")."""
    box = next(block.iterancestors("aside"), None)
    if box is None or not any(a is container for a in box.iterancestors()):
        return False
    heading = next(box.iter(*_HEADINGS), None)
    return heading is not None and _VERDICT_HEADING.match(element_text(heading)) is not None


def _blocks(root: HtmlElement) -> list[HtmlElement]:
    """Leaf text blocks under ``root``, in document order: block elements holding no other block, and
    ``div``-like elements with text of their own and no block inside. A table row is one block."""
    skipped: set[HtmlElement] = set()
    for el in root.iter(*_SKIP):
        if el not in skipped and not (el.tag == "aside" and (_summary_box(el) or _story_box(el))):
            skipped.update(el.iter())
    for row in root.iter("tr"):
        if row not in skipped:
            skipped.update(islice(row.iter(), 1, None))
    candidates = [
        el
        for el in root.iter(*_BLOCKS, *_TEXT_HOLDERS)
        if el not in skipped and (el.tag in _BLOCKS or (el.text and not el.text.isspace()))
    ]
    holding: set[HtmlElement] = set()
    for el in candidates:
        # the nearest enclosing candidate holds a block; it marks its own, and so on up
        holder = next(el.iterancestors(*_BLOCKS, *_TEXT_HOLDERS), None)
        if holder is not None:
            holding.add(holder)
    return [el for el in candidates if el.tag == "tr" or el not in holding]


_LABEL_TAGS = frozenset({*_HEADINGS, "p", "strong", "b", "div", "span"})


def _summary_box(el: HtmlElement) -> bool:
    """A box that says it is a summary (its label or its first heading: "Key points", "In brief") and
    holds a list."""
    label = el.get("aria-label") or ""
    heading = next(el.iter(*_HEADINGS, "strong", "b"), None)
    if heading is not None and not _SUMMARY_HEADING.match(label):
        label = element_text(heading)
    return _SUMMARY_HEADING.match(label) is not None and next(el.iter("ul", "ol"), None) is not None


def _story_box(el: HtmlElement) -> bool:
    """A box of the story's own set beside its text ("By the numbers", "Key dates", a review's verdict):
    headed, made of text rather than links, not named as a widget, and no cards in it (an <article>, a
    picture that links elsewhere: the site's other stories in a box of their own). (Only one inside the
    story's element, between the paragraphs trafilatura kept, comes back: the page's sidebar lies outside
    it.)"""
    heading = next(el.iter(*_HEADINGS), None)
    if heading is None or _WIDGET.search(_role(el)):
        return False
    # a heading that names the site's box ("Most read", "From our partners", "Support local journalism"):
    # the rules take the heading off the text, and what it heads is theirs too
    label = element_text(heading)
    if (
        RELATED_HEADING.match(label.lower())
        or COMMENT_HEADING.match(label)
        or _END_HEADING.match(label)
        or CALL_LINE.find(label.lower()) >= 0
    ):
        return False
    if next(el.iter("article"), None) is not None or any(
        a.find(".//img") is not None and not (a.get("href") or "#").startswith("#") for a in el.iter("a")
    ):
        return False
    text = len(element_text(el))
    return text > 0 and _link_chars(el) <= 0.3 * text


def _claim_box(story: HtmlElement, position: dict[HtmlElement, int], start: int) -> set[HtmlElement]:
    """The paragraphs of a fact check's box over its story, under its headline: a claim and the verdict on
    it, each a sentence after its label ("The claim: A post says…", "Our verdict: Misleading. The…"). Its
    box is often a "card", which names a widget elsewhere: the labels say what it is."""
    headline = next(story.iter("h1"), None)
    after = position.get(headline, -1) if headline is not None else -1
    boxes: dict[HtmlElement, list[tuple[HtmlElement, str]]] = {}
    for p in story.iter("p"):
        at = position.get(p)
        if at is None or not after < at < start:
            continue
        text = element_text(p)
        label = _CLAIM_LABEL.match(text)
        if label is not None and len(text.split()) >= 6:
            boxes.setdefault(p.getparent(), []).append((p, label.group(1).lower()))
    for items in boxes.values():
        kinds = {kind for _, kind in items}
        if "claim" in kinds and kinds & {"verdict", "rating", "conclusion"}:
            return {p for p, _ in items}
    return set()


def _link_chars(el: HtmlElement) -> int:
    """How much of ``el``'s text is the text of its links."""
    return sum(len(element_text(a)) for a in el.iter("a"))


def _summary_item(li: HtmlElement) -> bool:
    """An item of a list under a summary heading: the heading right over the list, or the list's box
    (two levels up at most) named a summary."""
    lst = li.getparent()
    if lst is None or lst.tag not in ("ul", "ol"):
        return False
    over = lst.getprevious()
    label = element_text(over) if over is not None and over.tag in _LABEL_TAGS else ""
    if len(label) < 40 and _SUMMARY_HEADING.match(label):
        return True
    box = lst.getparent()
    for _ in range(2):
        if box is None or box.tag in ("body", "html", "article", "main"):
            return False
        if _summary_box(box):
            return True
        box = box.getparent()
    return False


def _in_kept_paragraph(el: HtmlElement, output: _Output) -> int | None:
    """Where the paragraph, list item or heading holding ``el`` (through inline elements only) is in
    the output, if it is."""
    for anc in el.iterancestors():
        if anc.tag not in _INLINE:
            if anc.tag not in _BLOCKS:
                return None
            key = word_key(_text(anc))
            at = output.exact(key)
            return at if at is not None else output.near(key)
    return None


def word_runs(key: str) -> list[tuple[str, ...]]:
    """The 4-word runs (shingles) of a ``word_key``."""
    words = key.split()
    return [tuple(words[i : i + 4]) for i in range(len(words) - 3)]


def _text(el: HtmlElement) -> str:
    if el.tag == "tr":
        cells = (element_text(c) for c in el if c.tag in ("td", "th"))
        return " | ".join(c for c in cells if c)
    return element_text(el)


class _Output:
    """trafilatura's paragraphs, searchable by a block's words: exactly (the words in a row, across its
    line breaks, which are not the page's) or nearly (half the block's 4-word runs)."""

    def __init__(self, paragraphs: list[str]) -> None:
        keys = [word_key(p) for p in paragraphs]
        self.joined = " " + " ".join(keys) + " "
        self.starts = list(accumulate(len(k) + 1 for k in keys[:-1]))
        self.starts.insert(0, 0)
        self.keys = keys
        self.words = set(self.joined.split())
        # most blocks found are a whole paragraph: looked up at once, not searched for through the whole
        # output (a search per block costs blocks x output, seconds on a page of thousands of paragraphs);
        # a word or three ("Pros", a sub-heading) may stand earlier inside another and is searched for
        self.whole: dict[str, int] = {}
        for i, k in enumerate(keys):
            if k.count(" ") >= 3:
                self.whole.setdefault(k, i)
        self._runs: dict[tuple[str, ...], int] | None = None

    def exact(self, key: str) -> int | None:
        if not key or not self.words.issuperset(key.split(" ", 3)[:3]):
            return None  # (a cheap test first: most of a page is not in the output)
        whole = self.whole.get(key)
        if whole is not None:
            return whole
        at = self.joined.find(f" {key} ")
        return None if at < 0 else bisect_right(self.starts, at) - 1

    def near(self, key: str) -> int | None:
        if self._runs is None:
            self._runs = {}
            for i, k in enumerate(self.keys):
                for run in word_runs(k):
                    self._runs.setdefault(run, i)
        runs = word_runs(key)
        hits = [self._runs[r] for r in runs if r in self._runs]
        return min(hits) if runs and len(hits) >= 0.5 * len(runs) else None


def _container(kept: list[tuple[HtmlElement, int]], total: int, share: float) -> HtmlElement | None:
    """The deepest element holding at least ``share`` of the kept text (not the whole body)."""
    weight: dict[HtmlElement, int] = {}
    for el, size in kept:
        for anc in el.iterancestors():
            weight[anc] = weight.get(anc, 0) + size
    best, best_depth = None, -1
    for el, w in weight.items():
        if w >= share * total:
            depth = sum(1 for _ in el.iterancestors())
            if depth > best_depth:
                best, best_depth = el, depth
    if best is None or best.tag in ("body", "html"):
        return None
    return best


def _reads_like_content(block: HtmlElement, text: str, sources: set[HtmlElement]) -> bool:
    words = len(text.split())
    if not words or words >= _LONGEST_BLOCK:
        return False
    links = _link_chars(block)
    if links > 0.5 * len(text) and block.getparent() not in sources:
        # a link list, a tag cloud, a "read more"; not the list of other sites a sentence of the story
        # announces ("Five schools are running collections:")
        return False
    if block.tag in _HEADINGS or block.tag in ("li", "tr", "dt", "dd", "summary"):
        return True
    return words >= 4


def _beside_kept(block: HtmlElement, parents: set[HtmlElement]) -> bool:
    """A sibling of a kept paragraph, or reached from a kept paragraph's parent through lists and
    tables only."""
    for anc in block.iterancestors():
        if anc in parents:
            return True
        if anc.tag not in _FLOW:
            return False
    return False


def _role(el: HtmlElement) -> str:
    """What an element says it is: its id and its first class (the component's name; later classes
    are mostly modifiers such as ``pane-header-alignment-left``)."""
    classes = (el.get("class") or "").split(None, 1)
    return f"{classes[0] if classes else ''} {el.get('id') or ''}"


def _named_widget(block: HtmlElement, container: HtmlElement) -> bool:
    """The block, or a wrapper of it inside the article, is named as a widget (a caption, a button, a
    price box, a share bar...)."""
    el: HtmlElement | None = block
    while el is not None and el is not container:
        role = _role(el)
        classes = el.get("class") or ""
        if _EDITORIAL_CARD.search(classes):
            # all its classes are read then, a later one may name what the callout is for
            role = _CARD.sub(" ", f"{classes} {el.get('id') or ''}")
        if _WIDGET.search(role):
            return True
        el = el.getparent()
    return False


def _prose(block: HtmlElement, text: str) -> bool:
    """Away from the kept paragraphs, only sentences (or list items, rows, headings) come back."""
    if block.tag in ("p", "div", "span"):
        return is_sentence(text)
    return True
