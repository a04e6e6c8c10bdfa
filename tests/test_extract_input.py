"""Robust input: lying charsets, bodies that are not HTML, pathological HTML; URL keys; metadata."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from pipelines.decode import decode_html, fix_mojibake
from pipelines.extract import Extraction, extract_article
from pipelines.urls import choose_key_url, clean_url

PAGES = Path(__file__).parent / "fixtures" / "pages"

STORY = (
    "<html><head><meta charset='{charset}'><title>Café owners protest</title>"
    "<meta property='og:type' content='article'></head><body><div>"
    "<h1>Café owners protest new terrace fees</h1>"
    "<p>By Anne Roux, <time datetime='2024-05-02'>2 May 2024</time></p>"
    + "".join(
        f"<p>Paragraph {i}: the owners of the café on the Rue de l'Église say the new fees — up to 400 € a "
        f"month — will force them to close their terraces, a blow to the neighbourhood’s évening life.</p>"
        for i in range(6)
    )
    + "</div></body></html>"
)


def test_header_says_utf8_but_body_is_cp1252():
    body = STORY.format(charset="windows-1252").encode("cp1252")
    text = decode_html(body, "text/html; charset=utf-8")
    assert "Café owners protest new terrace fees" in text
    assert "400 €" in text and "neighbourhood’s" in text
    result = extract_article(body, "https://news.example/city/cafe-owners-protest", declared_encoding="utf-8")
    assert result.is_article
    assert "Rue de l'Église" in result.record["text"]


def test_meta_charset_latin1_without_header():
    body = STORY.replace("€", "EUR").replace("’", "'").replace("—", "-").format(charset="iso-8859-1")
    assert "Église" in decode_html(body.encode("latin-1"), None)


def test_utf8_body_under_a_latin1_header_stays_utf8():
    body = STORY.format(charset="utf-8").encode("utf-8")
    assert "Café" in decode_html(body, "text/html; charset=ISO-8859-1")


def test_bom_wins():
    body = "\ufeff".encode() + STORY.format(charset="utf-8").encode("utf-8")
    assert decode_html(body, "text/html; charset=cp1251").startswith("<html>")
    utf16 = STORY.format(charset="utf-16").encode("utf-16")
    assert "Café owners" in decode_html(utf16, None)


def test_double_encoded_utf8_is_repaired():
    # what a browser-like decoder makes of UTF-8 bytes read as windows-1252 (undefined bytes kept as C1)
    raw = "The café’s owner said “no” to the fee — twice.".encode()
    mangled = "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in raw)
    assert "Ã©" in mangled and "â€" in mangled
    assert fix_mojibake(mangled) == "The café’s owner said “no” to the fee — twice."
    # one stray sequence in real text is left alone
    assert fix_mojibake("Ã© is how it looks") == "Ã© is how it looks"


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"", "empty"),
        (b"   \n\t ", "empty"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "not-html:pdf"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not-html:image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "not-html:image"),
        (b"GIF89a\x01\x00\x01\x00", "not-html:image"),
        (bytes(range(256)) * 40, "not-html:binary"),
        (b"just some words without any markup at all", "not-html:text"),
    ],
)
def test_not_html_bodies_give_a_reason_not_an_exception(body, reason):
    result = extract_article(body, "https://news.example/file")
    assert isinstance(result, Extraction)
    assert result.is_article is False
    assert result.reason == reason
    assert result.record is None


def test_broken_addresses_in_the_page_do_not_lose_the_story():
    # urljoin/urlsplit raise ValueError on "http://[…": a headline, a teaser or an image pointing there
    # must cost the page nothing, least of all the story ("unparseable")
    broken = {
        "</head>": '<meta property="og:image" content="http://[broken/terrace.jpg"></head>',
        "<h1>Café owners protest new terrace fees</h1>": (
            '<header><h1><a href="http://[broken">Café owners protest new terrace fees</a></h1></header>'
        ),
        "</div></body>": (
            '<p><a href="http://[broken/story">Read more about the fees the city charges</a></p></div></body>'
        ),
    }
    html = STORY.format(charset="utf-8")
    for old, new in broken.items():
        html = html.replace(old, new)
    result = extract_article(html, "https://news.example/city/cafe-owners-protest")
    assert result.is_article, result.reason
    assert result.record["title"] == "Café owners protest new terrace fees"
    assert "Rue de l'Église" in result.record["text"]


def test_a_story_printed_after_a_premature_html_end_tag_is_kept():
    # a theme that closes the document after its header and then prints the story: browsers show it
    # (the body reopens), libxml2 drops everything after </html> unless we step in
    head, story = STORY.format(charset="utf-8").split("<div>", 1)
    html = head + "<nav><a href='/'>Home</a> <a href='/city'>City</a></nav></body></html>\n<div>" + story
    result = extract_article(html, "https://news.example/city/cafe-owners-protest")
    assert result.is_article, result.reason
    assert result.record["title"] == "Café owners protest new terrace fees"
    assert result.record["text"].count("Rue de l'Église") == 6
    assert result.record["authors"] == ["Anne Roux"]


def test_scripts_after_the_html_end_tag_change_nothing():
    html = STORY.format(charset="utf-8")
    tracked = html + "\n<script>track('view')</script>\n<!-- served by cache 3 -->\n"
    url = "https://news.example/city/cafe-owners-protest"
    assert extract_article(tracked, url).record["text"] == extract_article(html, url).record["text"]


def test_absurdly_nested_html_does_not_crash_and_is_fast():
    deep = "<html><body>" + "<div>" * 50_000 + "<p>deep</p>" + "</div>" * 50_000 + "</body></html>"
    start = time.process_time()
    result = extract_article(deep.encode(), "https://news.example/deep")
    assert result.is_article is False
    assert time.process_time() - start < 20


def test_huge_page_is_bounded():
    para = "<p>" + "word " * 200 + "</p>"
    huge = ("<html><body><article>" + para * 12_000 + "</article></body></html>").encode()
    assert len(huge) > 10_000_000
    start = time.process_time()
    result = extract_article(huge, "https://news.example/huge-page-of-words")
    assert time.process_time() - start < 60
    assert result.reason is None or isinstance(result.reason, str)


def test_clean_url_drops_tracking_and_fragment():
    url = "HTTPS://News.Example:443/a/story?id=7&utm_source=x&utm_medium=y&fbclid=abc&gclid=1&mc_cid=2&mc_eid=3#top"
    assert clean_url(url) == "https://news.example/a/story?id=7"
    assert clean_url("https://news.example/a?b=1&c=2") == "https://news.example/a?b=1&c=2"


@pytest.mark.parametrize(
    ("url", "clean"),
    [
        ("http://127.0.0.1:8000/news/2026/11/story/", "http://127.0.0.1:8000/news/2026/11/story/"),
        (" https://news.example/a/b.html ", "https://news.example/a/b.html"),
        ("http://news.example:80/a", "http://news.example/a"),
        ("https://news.example:443/a", "https://news.example/a"),
        ("http://news.example:443/a", "http://news.example:443/a"),
        ("http://News.Example/a", "http://news.example/a"),
        ("http://news.example", "http://news.example/"),
        ("http://news.example/a?", "http://news.example/a"),
        ("http://news.example/a#top", "http://news.example/a"),
        ("http://news.example/a\tb", "http://news.example/ab"),
    ],
)
def test_clean_url_keeps_a_clean_url_and_normalises_the_rest(url, clean):
    assert clean_url(url) == clean


def test_canonical_used_only_when_trustworthy():
    fetched = "https://www.news.example/2024/05/story-slug?utm_campaign=feed"
    good = "https://news.example/2024/05/story-slug?utm_source=canonical"
    assert choose_key_url(fetched, [good]) == "https://news.example/2024/05/story-slug"
    # another site, the home page, a section front: not trusted -> the fetched URL, cleaned
    for bad in [
        "https://other.example/2024/05/story-slug",
        "https://news.example/",
        "https://news.example/news/",
    ]:
        assert choose_key_url(fetched, [bad]) == "https://www.news.example/2024/05/story-slug"
    assert choose_key_url(fetched, ["/2024/05/story-slug"]) == "https://www.news.example/2024/05/story-slug"


def test_record_metadata_and_shape():
    source = (PAGES / "related_stories_list.html").read_text(encoding="utf-8")
    fetched = "https://valley.example/transport/night-trains-return-to-the-valley-line?fbclid=zz"
    record = extract_article(source, fetched).record
    assert set(record) == {
        "url",
        "fetched_url",
        "title",
        "authors",
        "published",
        "modified",
        "language",
        "site_name",
        "description",
        "image",
        "tags",
        "text",
        "word_count",
        "content_hash",
        "page_type",
        "extraction",
    }
    assert record["url"] == "https://valley.example/transport/night-trains-return-to-the-valley-line"
    assert record["fetched_url"] == fetched
    assert record["title"] == "Night trains return to the valley line"
    assert record["authors"] == ["Jonas Weber"]
    assert record["published"] == "2024-05-14T08:30:00+02:00"
    assert record["language"] == "en"
    assert record["site_name"] == "Valley Courier"
    assert record["page_type"] == "article"
    assert len(record["content_hash"]) == 64
    assert record["extraction"]["version"] == 1
    assert record["extraction"]["method"].startswith("trafilatura")


def test_jsonld_metadata():
    source = """<html><head><title>x</title><script type="application/ld+json">
    {"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Hill Post"},
     {"@type":"NewsArticle","headline":"Snow closes mountain pass","datePublished":"2023-12-01T06:00:00Z",
      "dateModified":"2023-12-02",
      "author":[{"@type":"Person","name":"Ana Ruiz"},{"@type":"Person","name":"Li Wei"}],
      "keywords":"weather, roads","inLanguage":"es-ES",
      "publisher":{"@type":"Organization","name":"Hill Post"}}]}
    </script></head><body><article>"""
    source += "".join(
        f"<p>Snow paragraph {i} about the closed pass and the stranded drivers waiting for ploughs.</p>"
        for i in range(6)
    )
    source += "</article></body></html>"
    record = extract_article(source, "https://hill.example/2023/12/01/snow-closes-mountain-pass").record
    assert record["title"] == "Snow closes mountain pass"
    assert record["authors"] == ["Ana Ruiz", "Li Wei"]
    assert record["published"] == "2023-12-01T06:00:00+00:00"
    assert record["modified"] == "2023-12-02"
    assert record["tags"] == ["weather", "roads"]
    assert record["language"] == "es"
    assert record["site_name"] == "Hill Post"


SPANISH = (
    "<html><head><title>Vecinos</title></head><body><h1>La señora Muñoz abre su panadería</h1>"
    + "<p>La señora Muñoz, que vive en la calle Peñalver, dijo que el año pasado fue difícil para la "
    "panadería y que el pequeño negocio sobrevivió gracias a sus vecinos. Mañana abrirá de nuevo.</p>"
    * 3
    + "</body></html>"
)


def test_latin1_body_under_a_utf8_header_is_not_read_as_central_european():
    # a detector calls this cp1250 ("Seńora Muńoz"); both readings are clean Latin, so windows-1252 wins
    text = decode_html(SPANISH.encode("latin-1"), "text/html; charset=utf-8")
    assert "La señora Muñoz, que vive en la calle Peñalver" in text
    assert "ń" not in text
    result = extract_article(
        SPANISH.encode("latin-1"),
        "https://news.example/barrio/panaderia-munoz",
        declared_encoding="utf-8",
        force=True,
    )
    assert "La señora Muñoz, que vive" in result.record["text"]


@pytest.mark.parametrize(
    ("sentence", "codec"),
    [
        ("Городской совет обсуждал новый бюджет на следующий год, и депутаты спорили до ночи. ", "cp1251"),
        ("Zażółć gęślą jaźń. Rada miasta dyskutowała wczoraj o nowym budżecie na przyszły rok. ", "cp1250"),
    ],
)
def test_other_codepages_under_a_lying_utf8_header_still_read_right(sentence, codec):
    body = f"<html><body><p>{sentence * 6}</p></body></html>".encode(codec)
    assert sentence.strip() in decode_html(body, "text/html; charset=utf-8")


def test_valid_utf8_is_read_as_utf8_whatever_the_header_says():
    body = SPANISH.encode("utf-8")
    for header in ("text/html; charset=windows-1250", "text/html; charset=iso-8859-1", None):
        assert "La señora Muñoz, que vive" in decode_html(body, header)


def test_a_latin1_page_with_a_single_accent_keeps_it():
    body = "<html><body>" + "<p>The council met on Tuesday to discuss the budget.</p>" * 20
    body += "<p>Afterwards they went to the café.</p></body></html>"
    assert "the café." in decode_html(body.encode("latin-1"), "text/html; charset=utf-8")


def test_utf8_with_a_stray_byte_stays_utf8():
    body = ("<html><body><p>Señora Muñoz’s garden — " + "open daily. " * 50 + "</p></body></html>").encode()
    body = body[:100] + b"\xff" + body[100:]
    assert "Señora Muñoz’s garden" in decode_html(body, None)


def test_jsonld_article_body_replaces_a_partial_extraction_of_the_same_story():
    import json

    story = [
        f"Paragraph {i}: the harbour board agreed on Monday to rebuild the north pier, which storms "
        f"damaged twice last winter, and to reopen it to fishing boats by the spring of next year."
        for i in range(8)
    ]
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Pier to be rebuilt",
          "articleBody": "\n".join(story)}  # fmt: skip
    # the page shows the first three paragraphs; the rest loads behind a "read more" button
    page = (
        "<html><head><title>Pier to be rebuilt</title><script type='application/ld+json'>"
        + json.dumps(ld)
        + "</script></head><body><article><h1>Pier to be rebuilt</h1>"
        + "".join(f"<p>{p}</p>" for p in story[:3])
        + "</article></body></html>"
    )
    result = extract_article(page, "https://harbour.example/news/pier-to-be-rebuilt", force=True)
    assert result.record["extraction"]["method"] == "jsonld"
    assert result.record["text"].split("\n\n") == story
    # a declared body about something else is not taken
    ld["articleBody"] = "\n".join(f"Unrelated words about gardening number {i} " * 20 for i in range(4))
    other = (
        "<html><head><title>Pier</title><script type='application/ld+json'>" + json.dumps(ld) + "</script>"
        "</head><body><article>" + "".join(f"<p>{p}</p>" for p in story[:3]) + "</article></body></html>"
    )
    result = extract_article(other, "https://harbour.example/news/pier-to-be-rebuilt", force=True)
    assert result.record["extraction"]["method"] != "jsonld"


def _declaring_page(title: str, ld: dict, paragraphs: list[str], after: str = "") -> str:
    """A story page of ``paragraphs`` under ``title`` that declares ``ld`` in JSON-LD."""
    import json

    return (
        f"<html><head><title>{title}</title><script type='application/ld+json'>{json.dumps(ld)}</script>"
        f"</head><body><article><h1>{title}</h1>{''.join(f'<p>{p}</p>' for p in paragraphs)}{after}"
        "</article></body></html>"
    )


def test_jsonld_article_body_with_the_pages_furniture_run_in_does_not_replace_the_story_set_out():

    story = [
        "Harwick's central library reopened on Tuesday after a two-year rebuild that cost the council just "
        "over £14 million.",
        "The building on Market Street now has a whole floor set aside for teenagers, with study booths, a "
        "recording room and a games corner.",
        "Librarian Ruth Okafor said the idea came from a survey of pupils at the town's three secondary "
        "schools in 2022.",
        '"They told us they had nowhere to go after school that was warm, quiet and free," she said.',
        "The old library closed in the spring of 2023 when surveyors found the roof timbers had rotted "
        "beyond repair.",
        "Books were moved to a temporary branch in the former post office, which will now close at the end "
        "of the month.",
        "Councillor Dev Patel, who chairs the culture committee, said the rebuild had come in on budget "
        "despite rising prices.",
        "The reopening was marked with a reading by children's author Maisie Quill and a brass band from "
        "Harwick Academy.",
        "Opening hours will be longer than before, from 8am to 8pm on weekdays and 9am to 5pm at weekends.",
        "Membership remains free for residents, and the council hopes to sign up a thousand new readers "
        "by Christmas.",
    ]
    # the CMS declares the story with the lines the page shows apart (a related link, an ad slot's label)
    # run into it, each a paragraph of its own: more paragraphs than ours, and the same story's text
    declared = [
        *story[:3],
        "RELATED: Council sets out its budget for road repairs",
        *story[3:7],
        "ADVERTISEMENT",
    ]
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Library reopens",
          "articleBody": "\n\n".join([*declared, *story[7:]])}  # fmt: skip
    related = "<aside><a href='/news/road-repairs'>Council sets out its budget for road repairs</a></aside>"
    page = _declaring_page("Library reopens", ld, story, related)
    result = extract_article(page, "https://harwick.example/news/library-reopens", force=True)
    assert result.record["extraction"]["method"] != "jsonld"
    assert result.record["text"].split("\n\n") == story


def test_jsonld_article_body_of_template_white_space_is_measured_as_text():

    story = [
        f"Paragraph {i}: the library&rsquo;s reading room reopens on Saturday after a year of repairs "
        f"to its roof, with longer opening hours on weekdays and a new corner for children&#39;s books."
        for i in range(4)
    ]
    shown = [p.replace("&rsquo;", "’").replace("&#39;", "'") for p in story]
    # the CMS declares its template's text: the story's paragraphs and a deal box, deep in indentation
    indent = "\n" + " " * 120
    body = indent.join([story[0], "Get Deal", "Sign Me Up", *story[1:]]) + indent * 20
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "articleBody": body}
    page = _declaring_page("Reading room reopens", ld, shown)
    assert len(body) > 2 * len("\n\n".join(shown))
    result = extract_article(page, "https://library.example/news/reading-room-reopens", force=True)
    assert result.record["extraction"]["method"] != "jsonld"
    assert result.record["text"].split("\n\n") == shown
    assert "Get Deal" not in result.record["text"]


_FERRY_STORY = [
    "The Bramwick ferry will run to a new timetable from Monday, the harbour board said on Thursday.",
    "Crews asked for the change in the spring, when the evening boats ran half empty and the morning ones "
    "left passengers behind.",
    "The board's chair, Ilse Varga, said the new times had been tried on two weekends in October.",
    "Season tickets bought before Monday stay valid, and the board will refund any that no longer suit.",
    "The harbour office on Quay Street answers questions about the change every weekday this month.",
]


def _ferry_page(byline: str, middle: str = "") -> str:
    story = [f"<p>{s}</p>" for s in _FERRY_STORY]
    return (
        "<html><head><title>Bramwick ferry moves to a new timetable | Bramwick Post</title></head><body>"
        "<header><a href='/'>Bramwick Post</a></header><article>"
        f"<h1>Bramwick ferry moves to a new timetable</h1>{byline}{''.join(story[:3])}{middle}"
        f"{''.join(story[3:])}</article><footer>© 2026 Bramwick Post</footer></body></html>"
    )


_FERRY_URL = "https://bramwickpost.example/news/2026/11/03/ferry-timetable"


def test_a_byline_over_two_lines_is_taken_for_the_byline_not_story_text():
    # "By Jana Holt<br>Staff Writer": read without the break's space as "By Jana HoltStaff Writer", a
    # block trafilatura "lost", put back above the story beside the two lines it had kept
    record = extract_article(_ferry_page("<p>By Jana Holt<br>Staff Writer</p>"), _FERRY_URL).record
    assert record["authors"] == ["Jana Holt"]
    assert record["text"].split("\n\n")[0] == _FERRY_STORY[0]
    assert "Jana Holt" not in record["text"] and "Staff Writer" not in record["text"]


def test_line_breaks_in_a_table_of_the_story_part_its_words():
    table = (
        "<table><tr><th>Days</th><th>Boats</th></tr>"
        "<tr><td>Weekdays</td><td>first boat at 6.40<br>last boat at 21.10</td></tr>"
        "<tr><td>Weekends</td><td>first boat at 8.00<br>last boat at 19.30</td></tr></table>"
    )
    # without the break's space a row read "first boat at 6.40last boat at 21.10", found nowhere in
    # trafilatura's text, and came back a second time, glued so
    text = extract_article(_ferry_page("", table), _FERRY_URL).record["text"]
    rows = [line for line in text.split("\n") if "boat at" in line]
    assert rows == [
        "| Weekdays | first boat at 6.40 last boat at 21.10 |",
        "| Weekends | first boat at 8.00 last boat at 19.30 |",
    ]
    assert all(sentence in text for sentence in _FERRY_STORY)
