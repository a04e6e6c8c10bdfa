"""Metadata of our own hand-written pages: the title, authors and date a reader sees on each."""

from __future__ import annotations

from pathlib import Path

import pytest
from trafilatura.utils import load_html

from pipelines.extract import extract_article
from pipelines.metadata import extract_metadata, fallback_date, normalise_authors, url_date

PAGES = Path(__file__).parent / "fixtures" / "pages"


def _story_authors(head: str = "", byline: str = "", words: str = "Story text. ") -> list[str]:
    """The authors found on a short story page: ``head`` in <head>, ``byline`` under the headline."""
    page = (
        f"<html><head>{head}</head><body><h1>A headline of several words</h1>{byline}"
        f"<p>{words * 40}</p></body></html>"
    )
    return extract_metadata(load_html(page), "https://example.org/a").authors


def _meta(name: str, url: str):
    tree = load_html((PAGES / name).read_text(encoding="utf-8"))
    meta = extract_metadata(tree, url)
    return meta, meta.published or fallback_date(tree, url)


def test_jsonld_graph_authors_by_reference_and_title_without_site_suffix():
    meta, published = _meta("meta_jsonld_graph.html", "https://courier.example/news/harbour-ferry/")
    # Yoast-style @graph: the article names its authors only by @id
    assert meta.authors == ["Ann Lowther", "Raj Patel"]
    assert meta.title == "Harbour ferry returns after winter repairs"
    # datePublished wins over dateModified and over the "Updated" line printed on the page
    assert published[:10] == "2025-03-14"
    assert meta.modified[:10] == "2025-03-20"
    assert meta.site_name == "The Coastal Courier"
    assert meta.language == "en"


def test_byline_only_page():
    meta, published = _meta("meta_byline_only.html", "https://gazette.example/news/allotments")
    assert meta.authors == ["Maria Okafor", "Tom Brennan"]
    # no og:site_name: the " - Riverside Gazette" suffix of <title> goes, the <h1> agrees
    assert meta.title == "Allotment waiting list falls for the first time in a decade"
    assert published == "2024-06-05"


def test_utc_timestamp_keeps_the_publishers_calendar_day():
    url = "https://metroledger.example/2025/12/18/late-night-buses/"
    meta, published = _meta("meta_timezone_day.html", url)
    # 02:41 UTC on the 19th is the evening of the 18th where the story was published, as its URL says
    assert published[:10] == "2025-12-18"
    # article:author is a profile URL, not a name: the rel=author byline names the writer
    assert meta.authors == ["Dana Ruiz"]


def test_date_printed_under_the_headline_and_person_over_organisation():
    meta, published = _meta("meta_visible_date.html", "https://valleytimes.example/story/old-mill")
    assert published == "2018-11-21"
    # the first <h1> is the masthead; the second is the one og:title confirms
    assert meta.title == "Why the old mill is being turned into flats"
    # JSON-LD names the paper as author, the page names the reporter
    assert meta.authors == ["Li Wei"]


def test_extract_article_carries_the_metadata():
    html = (PAGES / "meta_byline_only.html").read_text(encoding="utf-8")
    record = extract_article(html, "https://gazette.example/news/allotments", force=True).record
    assert record["authors"] == ["Maria Okafor", "Tom Brennan"]
    assert record["published"] == "2024-06-05"
    assert record["title"] == "Allotment waiting list falls for the first time in a decade"


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("<p>Written byJane Doe</p>", ["Jane Doe"]),
        ("<p>By Jane Doe | Senior Reporter</p>", ["Jane Doe"]),
        ("<p>By Jane Doe, MD</p>", ["Jane Doe, MD"]),
        ("<p>By: Jane Doe &amp; Ravi Shah on March 3, 2024</p>", ["Jane Doe", "Ravi Shah"]),
        ("<div><p>Written by</p><p>Jane Doe</p></div>", ["Jane Doe"]),
        ("<p>Sort by Industry</p>", []),
        # a label in its own element, the name in the text after it
        ("<div><strong>Contributors:</strong> Jane Doe</div>", ["Jane Doe"]),
        # the names, then what the writers do
        (
            '<p class="authors">Authors: Jane Doe and Ravi Shah, extension educators</p>',
            ["Jane Doe", "Ravi Shah"],
        ),
        ("<p>By Jane Doe, MD, cardiologist, Riverside Health</p>", ["Jane Doe, MD"]),
        # the expert who reviewed the story is not its author; a co-author is
        (
            '<div class="author">By <a href="/author/jane-doe">Jane Doe, DVM</a>. Reviewed by '
            '<a href="/author/ravi-shah">Ravi Shah, DVM</a></div>',
            ["Jane Doe, DVM"],
        ),
        (
            '<div class="author">By <a href="/author/jane-doe">Jane Doe</a> and '
            '<a href="/author/ravi-shah">Ravi Shah</a></div>',
            ["Jane Doe", "Ravi Shah"],
        ),
        # a marketing job title after the name goes; a firm named "... Marketing" keeps its name
        (
            '<div class="author-info"><span>Jane Doe</span> <span>Marketing Director</span></div>',
            ["Jane Doe"],
        ),
        ('<p class="author">By Harbour Growth Marketing</p>', ["Harbour Growth Marketing"]),
        # a lower-case word after "and" is not a description after a comma: no names in it
        ('<p class="authors">Authors: Jane Doe and friends</p>', []),
        # "par" and "door" are "by" in French and Dutch, but not inside English words
        ('<p><a href="/parenting">PARENTING PROGRAM</a> <a href="/s">Door &amp; Window Sensors</a></p>', []),
        # nor the first letters of a name or an agency in capitals ("BYRON", "DIANA", "AFP")
        ('<p class="byline">BYRON COLE</p>', ["BYRON COLE"]),
        ('<p class="byline">By DIANA HOLT</p>', ["DIANA HOLT"]),
        ('<p class="byline">By AFP</p>', []),
        # a template that runs the label into the name
        ('<p class="byline"><span>By</span><a href="/staff/jane-doe">Jane Doe</a></p>', ["Jane Doe"]),
    ],
)
def test_byline_text_cleanup(byline, expected):
    assert _story_authors(byline=byline) == expected


def test_author_names_drop_urls_handles_and_ids():
    assert normalise_authors(["By Jane Doe", "https://x.example/jane", "@jdoe", "262588213843476"]) == [
        "Jane Doe"
    ]


def test_url_dates():
    assert url_date("https://example.org/2023/october/03/wine-styles") == "2023-10-03"
    assert url_date("https://example.org/news/2024/02/30/bad-day") is None
    assert url_date("https://example.org/news/20240105/story") == "2024-01-05"


def test_title_drops_a_date_printed_inside_the_h1():
    page = (
        "<html><head><title>Preparing a transition in Debusine | Colin's blog</title></head><body>"
        "<h1><span>Dec 18 2025</span> Preparing a transition in Debusine</h1>"
        f"<p>{'Story text. ' * 40}</p></body></html>"
    )
    assert (
        extract_metadata(load_html(page), "https://example.org/a").title
        == "Preparing a transition in Debusine"
    )


def test_title_suffix_naming_the_domain_goes():
    page = (
        # two words before the separator: too short for the generic "short trailing part" rule
        "<html><head><title>Barrier reopens | Valleynews.co.uk</title></head><body>"
        f"<p>{'Story text. ' * 40}</p></body></html>"
    )
    meta = extract_metadata(load_html(page), "https://www.valleynews.co.uk/story/1")
    assert meta.title == "Barrier reopens"


def test_repeated_author_meta_tags_are_all_kept():
    page = (
        '<html><head><meta name="parsely-author" content="Jane Doe">'
        '<meta name="parsely-author" content="Ravi Shah"></head>'
        f"<body><h1>A headline of several words</h1><p>{'Story text. ' * 40}</p></body></html>"
    )
    assert extract_metadata(load_html(page), "https://example.org/a").authors == ["Jane Doe", "Ravi Shah"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "The council said on Monday that the work on the bridge will be finished by the end of the year. "
            * 4,
            "en",
        ),
        (
            "El ayuntamiento dijo el lunes que las obras del puente se terminarán para el final del año. "
            * 4,
            "es",
        ),
    ],
)
def test_language_of_a_page_that_declares_none(text, code):
    page = f"<html><head><title>T</title></head><body><h1>A headline here</h1><p>{text}</p></body></html>"
    assert extract_metadata(load_html(page), "https://example.org/a").language == code


def test_heading_text_reads_line_breaks_as_spaces_and_unescapes_double_escaped_entities():
    meta, _ = _meta("meta_title_heading_break.html", "https://riverbankpost.example/garden/diary")
    # text_content() gives "WEEKENDGARDENDIARY: SEEDS &#x26; SOIL"
    assert meta.title == "WEEKEND GARDEN DIARY: SEEDS & SOIL"


def test_an_h1_that_shares_no_words_with_the_head_titles_is_not_the_headline():
    meta, _ = _meta("meta_title_widget_h1.html", "https://northfieldecho.example/news/mill-road")
    # the only <h1> is a sidebar widget's title; og:title and <title> agree on the story
    assert meta.title == "Council approves new cycle lanes on Mill Road"


def test_an_h1_reworded_from_the_head_title_still_wins():
    page = (
        "<html><head><title>Best apps to learn a language in 2025 | Lingo Desk</title></head><body>"
        "<h1>Top 10: the best language learning app, tested</h1>"
        f"<p>{'Story text. ' * 40}</p></body></html>"
    )
    meta = extract_metadata(load_html(page), "https://lingodesk.example/apps")
    assert meta.title == "Top 10: the best language learning app, tested"
    # a <title> that only names the site says nothing against the <h1>
    page = page.replace("Best apps to learn a language in 2025 | Lingo Desk", "Lingo Desk")
    meta = extract_metadata(load_html(page), "https://lingodesk.example/apps")
    assert meta.title == "Top 10: the best language learning app, tested"


def test_blog_name_before_a_colon_in_the_title_is_the_masthead_not_the_headline():
    meta, _ = _meta(
        "meta_title_blog_name_prefix.html", "https://harbournotes.example/2024/01/four-weeks.html"
    )
    # <title> "Harbour Notes: Four weeks tied up on the quay"; the page's only <h1> is "Harbour Notes"
    assert meta.title == "Four weeks tied up on the quay"


def test_section_and_site_after_the_headline_both_go():
    meta, _ = _meta("meta_title_section_and_site.html", "https://harbourledger.example/transport/ferry-fares")
    # "Headline | Section | Site": stripping the site alone leaves "... | Transport"
    assert meta.title == "Ferry fares rise for the third year running"
    page = "<html><head><title>Fares rise again | Harbour Ledger | Harbour Ledger</title></head></html>"
    assert extract_metadata(load_html(page), "https://harbourledger.example/a").title == "Fares rise again"


def test_the_sites_own_domain_leading_the_title_goes_without_a_separator():
    meta, _ = _meta("meta_title_domain_word.html", "https://lakeside.example/night-swimming")
    assert meta.title == "Night swimming returns to the lido"


def test_the_visible_headline_keeps_its_own_subtitle():
    meta, _ = _meta("meta_title_h1_own_subtitle.html", "https://towpathguide.example/canal-walks/")
    # the head's titles end in " - Towpath Guide"; a short part after a dash in the <h1> is the headline's
    assert meta.title == "Canal walks worth the train fare – our top five"


def test_identical_published_and_modified_stamps_yield_to_the_date_printed_by_the_headline():
    meta, published = _meta("meta_date_template_stamp.html", "https://oldtownnotes.example/bakery-history/")
    # datePublished == dateModified (a theme migration): the page prints the story's own date
    assert published == "2023-10-03"
    page = (PAGES / "meta_date_template_stamp.html").read_text(encoding="utf-8")
    # when the stamps differ they are an editor's, and datePublished stands
    page = page.replace(
        '"dateModified": "2025-02-11T07:30:00+00:00"', '"dateModified": "2025-03-01T07:30:00+00:00"'
    )
    meta = extract_metadata(load_html(page), "https://oldtownnotes.example/bakery-history/")
    assert meta.published[:10] == "2025-02-11"


def test_meta_name_published():
    meta, _ = _meta("meta_date_published_meta.html", "https://budgetdesk.example/explainers/council-budgets")
    assert meta.published == "2024-03-04"


def test_date_printed_after_an_icon_is_read_from_the_tail():
    url = "https://allotment.example/blog/bees"
    meta, published = _meta("meta_date_after_icon.html", url)
    # "<svg>calendar</svg> Mar 3, 2024": the date is the text after the icon, not any element's own text;
    # the first element text with a date is a related post's
    assert meta.published is None
    assert published == "2024-03-03"


def test_author_box_name_before_the_bio():
    meta, _ = _meta("meta_author_box.html", "https://hallkeepers.example/blog/booked-all-year")
    assert meta.authors == ["Nadia Brook"]


def test_name_role_date_line_under_the_headline_is_a_byline():
    meta, _ = _meta("meta_byline_without_by.html", "https://coastnews.example/transport/night-buses")
    assert meta.authors == ["Marta Kowal"]


def test_wire_byline_at_the_top_of_the_description():
    meta, _ = _meta("meta_description_byline.html", "https://wire.example/regional/drip-irrigation")
    assert meta.authors == ["Tamsin Avery"]


def test_an_author_description_is_not_a_list_of_names():
    meta, _ = _meta("meta_author_description.html", "https://cellarnotes.example/winter-reds")
    # "author-description" holds the writer's credentials, which read like two capitalised "names"
    assert meta.authors == []


def test_the_storys_own_header_h1_beats_a_reworded_head_title_but_not_the_masthead_or_a_menu():
    meta, _ = _meta("meta_title_story_header_h1.html", "https://marshledger.example/news/flood-barrier")
    # the story's <h1> sits in a <header> outside any <article>, like the site's masthead; the masthead
    # (a link to the front page) and the menu's promotion are not headlines, the story's <h1> is
    assert meta.title == "When will the new flood barrier close? Costs, dates and the first test"
    assert meta.h1 == "When will the new flood barrier close? Costs, dates and the first test"
    # without the story's <h1>, the head's title is the headline, not the masthead nor the menu promotion
    page = (PAGES / "meta_title_story_header_h1.html").read_text(encoding="utf-8")
    page = page.replace("<h1>When will the new flood barrier close? Costs, dates and the first test</h1>", "")
    meta = extract_metadata(load_html(page), "https://marshledger.example/news/flood-barrier")
    assert meta.title == "Flood barrier guide 2025: costs, dates and more"


def test_a_byline_in_the_column_that_holds_the_headline_is_the_storys_whatever_its_class():
    meta, _ = _meta("meta_byline_in_story_column.html", "https://deskwise.example/blog/standing-desks")
    # the story column's class ("sidebar_content") reads like a sidebar's, but it holds the headline;
    # the real sidebar's teaser byline (earlier in the page) stays out
    assert meta.authors == ["Ines Carvalho"]
    page = (PAGES / "meta_byline_in_story_column.html").read_text(encoding="utf-8")
    # with the headline elsewhere, the column is not known to be the story's, and neither byline is taken
    page = page.replace("<h1>Standing desks: a month of trying them out</h1>", "").replace(
        '<div class="layout">', '<div class="layout"><h1>Standing desks: a month of trying them out</h1>'
    )
    assert extract_metadata(load_html(page), "https://deskwise.example/blog/standing-desks").authors == [
        "Deskwise"
    ]


@pytest.mark.parametrize(
    ("head", "byline", "expected"),
    [
        # a CMS log-in name in JSON-LD or the meta tags yields to the full name the page prints
        (
            '<script type="application/ld+json">{"@type": "NewsArticle", "author": {"@type": "Person", '
            '"name": "mdoyle"}}</script>',
            "By Maeve Doyle",
            ["Maeve Doyle"],
        ),
        ('<meta name="author" content="maeve.d">', "By Maeve Doyle", ["Maeve Doyle"]),
        # one user name for another: JSON-LD's stands
        (
            '<script type="application/ld+json">{"@type": "NewsArticle", "author": {"@type": "Person", '
            '"name": "mdoyle"}}</script>',
            'By <a href="/member/MaeveD/">MaeveD</a>',
            ["mdoyle"],
        ),
        # a full name in the meta tags is not second-guessed by a name in an author box
        ('<meta name="author" content="Maeve Doyle">', "Ciaran Hale", ["Maeve Doyle"]),
    ],
)
def test_a_user_name_in_the_head_yields_to_the_full_name_in_the_byline(head, byline, expected):
    assert _story_authors(head, f'<p class="byline">{byline}</p>') == expected


def test_written_by_sentence_at_the_top_of_the_description():
    page = (
        '<html><head><meta name="description" content="This post was written by Jane Doe, MD, cardiologist, '
        'Riverside Health. Walking every day is one of the simplest things you can do for your heart.">'
        f"</head><body><h1>A headline of several words</h1><p>{'Story text. ' * 40}</p></body></html>"
    )
    assert extract_metadata(load_html(page), "https://example.org/a").authors == ["Jane Doe, MD"]
    # a description that only mentions someone's writing names no author of this page
    page = page.replace("This post was written by", "A guide inspired by a book written by")
    assert extract_metadata(load_html(page), "https://example.org/a").authors == []


def test_template_stamp_yields_only_to_a_day_before_it_in_every_time_zone():
    page = (PAGES / "meta_date_template_stamp.html").read_text(encoding="utf-8")
    # 00:57 UTC on the 12th is the evening of the 11th in America: a page printing "February 11" shows
    # the same moment, and the stamp's own day stands
    page = page.replace("October 3, 2023", "February 11, 2025").replace("T07:30:00+00:00", "T00:57:00+00:00")
    page = page.replace("2025-02-11T", "2025-02-12T")
    meta = extract_metadata(load_html(page), "https://oldtownnotes.example/bakery-history/")
    assert meta.published[:10] == "2025-02-12"
    # at 22:00 UTC on the 12th it is the 12th or the 13th everywhere: "February 11" is an earlier day
    page = page.replace("T00:57:00+00:00", "T22:00:00+00:00")
    meta = extract_metadata(load_html(page), "https://oldtownnotes.example/bakery-history/")
    assert meta.published == "2025-02-11"


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        # the stamp in UTC, the printed day the publisher's
        ('<time datetime="2026-02-24T04:13:00Z">February 23, 2026</time>', "2026-02-23"),
        # a printed day far from the stamp is some other date: the stamp stands
        ('<time datetime="2026-02-24T04:13:00Z">March 2, 2026</time>', "2026-02-24"),
        # the slashes some CMSs write in their meta tags
        ('<meta name="date" content="2019/1/22">', "2019-01-22"),
    ],
)
def test_publish_date_markup(markup, expected):
    page = (
        f"<html><head>{markup if markup.startswith('<meta') else ''}</head><body>"
        f"<h1>A headline of several words</h1>{'' if markup.startswith('<meta') else markup}"
        f"<p>{'Story text. ' * 40}</p></body></html>"
    )
    meta = extract_metadata(load_html(page), "https://example.org/a")
    assert (meta.published or "")[:10] == expected


def test_a_byline_printed_under_the_headline_beats_the_cms_user_named_in_the_head():
    url = "https://harbourpost.example/news/ferry-winter"
    meta, _ = _meta("meta_byline_printed_over_uploader.html", url)
    # JSON-LD and the meta tag name who filed the page; "By ..." under the headline names the reporters,
    # and the paper's own name after them is not a third author
    assert meta.authors == ["Amara Okoye", "Tom Reid"]
    page = (PAGES / "meta_byline_printed_over_uploader.html").read_text(encoding="utf-8")
    # the same when only the meta tag names the CMS user
    meta_only = page.replace('"author": {"@type": "Person", "name": "Luca Ferri"}, ', "")
    assert extract_metadata(load_html(meta_only), url).authors == ["Amara Okoye", "Tom Reid"]
    # a "By ..." line far down the page (a quoted letter, a teaser) says nothing against the head
    far = page.replace("<p>By Amara Okoye and Tom Reid, The Harbour Post</p>", "").replace(
        "</article>", "<p>Story text.</p>" * 30 + "<p>By Amara Okoye and Tom Reid</p></article>"
    )
    assert extract_metadata(load_html(far), url).authors == ["Luca Ferri"]


def test_author_names_lose_a_stray_full_stop_but_not_an_initial():
    assert normalise_authors(["Jeff Cobb .", "Jane Doe Jr."]) == ["Jeff Cobb", "Jane Doe Jr."]


def test_the_citation_tags_list_the_authors_a_first_author_tag_leaves_out():
    head = (
        '<meta name="DC.Creator" content="Jane Doe">'
        '<meta name="citation_authors" content="Jane Doe"><meta name="citation_authors" content="Ravi Shah">'
        '<meta name="citation_authors" content="Tom Reid">'
    )
    body = f"<h1>A headline of several words</h1><p>{'Text. ' * 40}</p>"
    page = f"<html><head>{head}</head><body>{body}</body></html>"
    assert extract_metadata(load_html(page), "https://example.org/a").authors == [
        "Jane Doe",
        "Ravi Shah",
        "Tom Reid",
    ]
    # a longer list that does not begin with the same author is another list, not the full one
    page = page.replace(
        'content="Jane Doe"><meta name="citation_authors" content="Ravi',
        'content="Ann Lee"><meta name="citation_authors" content="Ravi',
    )
    assert extract_metadata(load_html(page), "https://example.org/a").authors == ["Jane Doe"]


def test_a_summary_of_several_sentences_set_as_h1_is_not_the_headline():
    # (it shares enough words with the head's title to pass for a reworded headline)
    summary = (
        "Which garden projects do buyers notice first? We asked landscapers about the garden projects "
        "buyers notice first. Here are the 8 garden projects and what each one costs."
    )
    page = (
        "<html><head><title>The 8 garden projects buyers notice first | Plot Notes</title></head><body>"
        f"<h1>{summary}</h1><p>{'Story text. ' * 40}</p></body></html>"
    )
    assert extract_metadata(load_html(page), "https://plotnotes.example/a").title == (
        "The 8 garden projects buyers notice first"
    )
    # a long headline of one sentence (and a question before it) is still the headline
    long_h1 = (
        "Struggling to choose? We tested twenty garden hoses over a whole summer of watering to find "
        "the ones that never kink, leak or fade in the sun"
    )
    page = page.replace(summary, long_h1).replace(
        "The 8 garden projects buyers notice first", "Best garden hoses: twenty tested over a summer"
    )
    assert extract_metadata(load_html(page), "https://plotnotes.example/a").title == long_h1


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        # a job title after a comma, and the "Published:" label after it, are not names
        ("By Jane Doe, Local Democracy Reporter<br>Published: 3 November 2026", ["Jane Doe"]),
        ("By Jane Doe, Ravi Shah and Tom Reid", ["Jane Doe", "Ravi Shah", "Tom Reid"]),
    ],
)
def test_printed_byline_names_without_job_titles(byline, expected):
    assert _story_authors('<meta name="author" content="Luca Ferri">', f"<p>{byline}</p>") == expected


@pytest.mark.parametrize(
    ("link", "image"),
    [("http://[broken", "/ferry.jpg"), ("/news/ferry", "http://[broken/ferry.jpg")],
)
def test_a_broken_address_in_the_page_does_not_lose_its_metadata(link, image):
    # (extract_article turns any ValueError into "unparseable": the whole article would be lost)
    story = "<p>" + "The harbour ferry returned to service on Monday after its winter repairs. " * 12 + "</p>"
    html = (
        "<html><head><title>Harbour ferry returns after winter repairs</title>"
        f'<meta property="og:image" content="{image}"></head><body>'
        f'<header><h1><a href="{link}">Harbour ferry returns after winter repairs</a></h1></header>'
        f"<article>{story}</article></body></html>"
    )
    meta = extract_metadata(load_html(html), "https://courier.example/news/ferry")
    assert meta.title == "Harbour ferry returns after winter repairs"
    assert meta.image == (None if "[" in image else "https://courier.example/ferry.jpg")


@pytest.mark.parametrize(
    ("contents", "expected"),
    [
        (["Doe, Jane"], ["Jane Doe"]),
        (["Doe, Jane", "Shah, Ravi"], ["Jane Doe", "Ravi Shah"]),
        # one tag listing all the authors, "Family, Given" or "Given Family"
        (["Doe, Jane; Shah, Ravi; Reid, Tom"], ["Jane Doe", "Ravi Shah", "Tom Reid"]),
        (["Jane Doe, Ravi Shah, Tom Reid"], ["Jane Doe", "Ravi Shah", "Tom Reid"]),
        (["Jane Doe; Ravi Shah"], ["Jane Doe", "Ravi Shah"]),
        (["Jane Doe, Ravi Shah"], ["Jane Doe", "Ravi Shah"]),
        (["Jane Doe, PhD"], ["Jane Doe, PhD"]),  # as written, not "PhD Jane Doe"
        (["van der Berg, Anna Maria"], ["Anna Maria van der Berg"]),
    ],
)
def test_citation_author_tags_in_either_name_order_and_as_lists(contents, expected):
    head = "".join(f'<meta name="citation_author" content="{c}">' for c in contents)
    assert _story_authors(head, words="Text. ") == expected


def test_three_names_before_what_the_writers_do():
    assert _story_authors(byline="<p>By Jane Doe, Ravi Shah and Tom Reid, extension educators</p>") == [
        "Jane Doe",
        "Ravi Shah",
        "Tom Reid",
    ]


@pytest.mark.parametrize(
    "quoted",
    [
        "<blockquote><p>By Mark Stone</p></blockquote>",
        "<figure><img src='/a.jpg'><figcaption>By Mark Stone</figcaption></figure>",
        "<p>He signed the letter <q>By Mark Stone</q></p>",
        '<aside class="pull"><p>By Mark Stone</p></aside>',
    ],
)
def test_a_quoted_or_captioned_by_line_under_the_headline_does_not_replace_the_jsonld_author(quoted):
    ld = '{"@type": "NewsArticle", "headline": "A headline of several words", "author": {"name": "Jane Doe"}}'
    page = (
        f'<html><head><script type="application/ld+json">{ld}</script></head><body><article>'
        f"<h1>A headline of several words</h1>{quoted}<p>{'Story text. ' * 40}</p></article></body></html>"
    )
    assert extract_metadata(load_html(page), "https://example.org/a").authors == ["Jane Doe"]
    # a plain byline in the same place names the story's writer
    plain = page.replace(quoted, "<p>By Mark Stone</p>")
    assert extract_metadata(load_html(plain), "https://example.org/a").authors == ["Mark Stone"]


def test_an_unlinked_masthead_h1_in_the_header_is_not_the_headline():
    meta, _ = _meta("meta_masthead_over_h2.html", "https://tidewaterledger.example/news/boardwalk")
    assert meta.title == "Salt marsh boardwalk reopens after storm repairs"
    assert meta.h1 is None
    # a header <h1> the <title> confirms is the story's headline
    page = (PAGES / "meta_masthead_over_h2.html").read_text(encoding="utf-8")
    page = page.replace("<title>Salt marsh", "<title>Boardwalk news: Salt marsh")
    page = page.replace("<h1>Tidewater Ledger Daily</h1>", "<h1>Salt marsh boardwalk open again</h1>")
    meta = extract_metadata(load_html(page), "https://tidewaterledger.example/news/boardwalk")
    assert meta.h1 == "Salt marsh boardwalk open again"


def test_a_template_date_stamp_yields_to_a_day_printed_one_day_before_it():
    # a date-only stamp is a calendar day, not a moment: no time zone can put the day before on it
    page = (PAGES / "meta_date_template_stamp.html").read_text(encoding="utf-8")
    page = page.replace("October 3, 2023", "February 11, 2025")
    page = page.replace("2025-02-11T07:30:00+00:00", "2025-02-12")
    meta = extract_metadata(load_html(page), "https://oldtownnotes.example/bakery-history/")
    assert meta.published == "2025-02-11"


def test_a_reporter_label_names_the_writer_and_a_story_sentence_does_not():
    assert _story_authors(byline="<p><b>Reporter:</b> Ann Lowe</p>") == ["Ann Lowe"]
    assert _story_authors(byline="<p>Reporters Without Borders said the ban was unlawful.</p>") == []


def test_without_an_h1_a_masthead_h2_naming_the_site_is_not_the_headline():
    # an old hand-made page: the site's name as <h2> over the story's own <h3>, the head's title naming both
    story = "<p>The council voted to keep the old river bridge open to buses for another two years.</p>" * 4
    page = (
        "<html><head><title>Bridge stays open to buses | Riverside Gazette Daily</title></head><body>"
        "<h2>Riverside Gazette Daily</h2><h3>Bridge stays open to buses</h3><p>By Jane Doe</p>"
        f"{story}</body></html>"
    )
    meta = extract_metadata(load_html(page), "https://riverside-gazette.example/news/bridge.html")
    assert meta.title == "Bridge stays open to buses"
    assert meta.authors == ["Jane Doe"]


def _old_page(head: str, body: str, url: str = "http://www.millgazette.example/news/story.asp?id=7"):
    return extract_metadata(load_html(f"<html><head>{head}</head><body>{body}</body></html>"), url)


_OLD_STORY = "<p>" + "The county's last working watermill will grind flour again from June. " * 6 + "</p>"


@pytest.mark.parametrize(
    "title, url",
    [
        # a double hyphen typed for a dash, the paper's name as a colon's label, WordPress's "Blog Archive"
        ("The Mill Gazette -- Watermill grinds flour again", "http://www.millgazette.example/news/7.htm"),
        ("The Mill Gazette: Watermill grinds flour again", "http://www.millgazette.example/news/7.htm"),
        (
            "Mill Notes » Blog Archive » Watermill grinds flour again",
            "http://millnotes.example/2008/06/12/wheel/",
        ),
    ],
)
def test_an_old_pages_title_loses_the_sites_name_however_it_is_set_apart(title, url):
    meta = _old_page(f"<title>{title}</title>", _OLD_STORY, url)
    assert meta.title == "Watermill grinds flour again"


def test_a_headline_printed_with_the_sites_name_as_its_label_keeps_it():
    # the <h1> as printed, and the head's title saying the same: "Mill Gazette: …" on millgazette.example is
    # the paper writing about itself, or the town's name as a headline's label on the town's own site
    for headline, url in (
        ("Mill Gazette: Our first hundred years", "https://millgazette.example/news/2025/centenary"),
        ("Wendle: Market hall reopens after repairs", "https://www.wendle.example/news/market-hall"),
    ):
        meta = _old_page(f"<title>{headline}</title>", f"<h1>{headline}</h1>{_OLD_STORY}", url)
        assert meta.title == headline


def test_a_blogs_name_over_the_post_is_cut_from_the_title_only_when_its_h1_links_away():
    # Blogger: "Blog name: Post title" under an <h1> of the blog's name, linking to the blog
    blog = _old_page(
        "<title>Mill Notes: Watermill grinds flour again</title>",
        "<h1><a href='http://millnotes.example/'>Mill Notes</a></h1><h3>Watermill grinds flour again</h3>"
        + _OLD_STORY,
        "http://millnotes.example/2006/05/watermill.html",
    )
    assert blog.title == "Watermill grinds flour again"
    # a guide's <h1> that is the first half of its own title ("How to X: a complete guide") stays whole,
    # and so does a headline naming the firm on the firm's own site
    guide = _old_page(
        "<title>How to Grind Flour: a Complete Guide</title>", "<h1>How to Grind Flour</h1>" + _OLD_STORY
    )
    assert guide.title == "How to Grind Flour: a Complete Guide"
    firm = _old_page(
        "<title>Mill Gazette Archive: Ten years of flour</title>", _OLD_STORY, "https://millgazette.example/a"
    )
    assert firm.title == "Mill Gazette Archive: Ten years of flour"
    # an <h1> naming the story's series, linking to the series' page beside the story's: the title's label
    # is the headline's own (a masthead links to the site's or the blog's front page, above the post)
    series = _old_page(
        "<title>Budget 2025: What it means for the mill</title>",
        "<h1><a href='/news/budget-2025/'>Budget 2025</a></h1>" + _OLD_STORY,
        "https://millgazette.example/news/2025/03/budget-mill",
    )
    assert series.title == "Budget 2025: What it means for the mill"


def test_without_an_h1_the_one_element_marked_headline_beats_a_title_naming_the_site_alone():
    body = "<span class='headline'>Watermill grinds flour again</span>" + _OLD_STORY
    assert _old_page("<title>Mill Gazette</title>", body).title == "Watermill grinds flour again"
    # teasers marked alike, or a <title> that says more than the site's name: the <title> stands
    teasers = body + "<span class='headline'>Bakery opens on the quay</span>"
    assert _old_page("<title>Mill Gazette</title>", teasers).title == "Mill Gazette"
    longer = "<title>Mill Gazette - Flour from the old watermill</title>"
    assert _old_page(longer, body).title == "Flour from the old watermill"


@pytest.mark.parametrize(
    "byline",
    [
        "<font size='2'>By Ann Lowe<br>Gazette Staff Writer</font>",
        "<p class='byline'>By Ann Lowe<br>The Mill Gazette, Dunmere</p>",
        "<center><i>by Ann Lowe</i><br>Gazette correspondent</center>",
    ],
)
def test_an_old_pages_byline_is_its_first_line_with_or_without_an_h1(byline):
    for headline in ("<font size='5'><b>Watermill grinds flour again</b></font><br>", "<h1>Watermill</h1>"):
        meta = _old_page("<title>Mill Gazette</title>", headline + byline + _OLD_STORY)
        assert meta.authors == ["Ann Lowe"], (headline, byline)


@pytest.mark.parametrize(
    "byline, authors",
    [
        # a first line that goes on below ("and", a comma) or holds the label alone is not the name's line
        ("<p class='byline'>By Ann Lowe and<br>Sam Okoro</p>", ["Ann Lowe", "Sam Okoro"]),
        ("<p>By<br>Ann Lowe</p>", ["Ann Lowe"]),
    ],
)
def test_a_byline_set_over_two_lines_keeps_every_name(byline, authors):
    meta = _old_page(
        "<title>Mill Gazette</title>", "<h1>Watermill grinds flour again</h1>" + byline + _OLD_STORY
    )
    assert meta.authors == authors


@pytest.mark.parametrize(
    "line, day",
    [
        ("Local News | Thursday, October 14, 1999", "1999-10-14"),
        ("Par Hélène Maréchal — publié le 19/10/2005", "2005-10-19"),
    ],
)
def test_a_date_printed_with_its_days_name_or_after_the_byline_is_read(line, day):
    tree = load_html(
        f"<html><body><p>{line}</p><font size='5'>Watermill grinds</font>{_OLD_STORY}</body></html>"
    )
    assert fallback_date(tree, "http://www.millgazette.example/news/story.asp?id=7") == day
