"""Recovery of article blocks trafilatura dropped: tables, lists and sub-headings inside the story come
back in place; captions, link lists, end matter and headings over removed boxes do not."""

from __future__ import annotations

from pathlib import Path

import trafilatura
from lxml import html as lxml_html

from pipelines.extract import extract_article
from pipelines.recover import recover_dropped_blocks

PAGE = Path(__file__).parent / "fixtures" / "pages" / "recover_dropped_blocks.html"
URL = "https://greenfield.example/gardens/winter-proof-allotment"
ROWS = [
    "Clean and oil the tools | Early November",
    "Net the brassicas against pigeons | Mid November",
    "Order seed potatoes for spring | Late November",
]


def test_table_inside_the_story_comes_back_in_place() -> None:
    source = PAGE.read_text(encoding="utf-8")
    bare = trafilatura.extract(source, url=URL) or ""
    assert "Net the brassicas" not in bare  # the loss this rule exists for

    record = extract_article(source, URL).record
    paragraphs = record["text"].split("\n\n")
    for row in ROWS:
        assert row in paragraphs
    before = next(i for i, p in enumerate(paragraphs) if p.startswith("The society's secretary"))
    after = next(i for i, p in enumerate(paragraphs) if p.startswith("Most of all"))
    assert [paragraphs.index(row) for row in ROWS] == list(range(before + 2, after))
    assert record["extraction"]["rules"]["recovered_blocks"] >= len(ROWS)


def test_captions_and_end_matter_stay_out() -> None:
    text = extract_article(PAGE.read_text(encoding="utf-8"), URL).record["text"]
    assert "Photo: The allotment shed" not in text
    assert "Mara Quill writes" not in text
    assert "All rights reserved" not in text


def _story(middle: str) -> lxml_html.HtmlElement:
    return lxml_html.fromstring(
        "<html><body><nav><a href='/'>Home</a></nav><div class='story'>"
        "<p>The council met on Tuesday to settle the budget for the coming year at last.</p>"
        f"{middle}"
        "<p>The vote will be held again in March if the auditors ask for changes to it.</p>"
        "</div><div class='bio'><p>Our reporter covers the council every week.</p></div></body></html>"
    )


KEPT = [
    "The council met on Tuesday to settle the budget for the coming year at last.",
    "The vote will be held again in March if the auditors ask for changes to it.",
]


def test_heading_and_list_between_kept_paragraphs_come_back() -> None:
    tree = _story(
        "<h2>What was agreed</h2><ul><li>Libraries stay open on Saturdays</li>"
        "<li>Two new crossings near the school</li></ul>"
    )
    out, added = recover_dropped_blocks(tree, list(KEPT))
    assert out == [
        KEPT[0],
        "What was agreed",
        "Libraries stay open on Saturdays",
        "Two new crossings near the school",
        KEPT[1],
    ]
    assert added == 3


def test_heading_over_nothing_link_lists_and_widgets_do_not_come_back() -> None:
    tree = _story(
        "<h3>More from the council</h3>"
        "<ul><li><a href='/a'>Parking fees to rise in the town centre</a></li>"
        "<li><a href='/b'>New mayor sworn in at the town hall</a></li></ul>"
        "<div class='newsletter-signup'>Get the council briefing in your inbox every Friday, free.</div>"
    )
    out, added = recover_dropped_blocks(tree, list(KEPT))
    assert out == KEPT
    assert added == 0


def test_nothing_is_added_when_the_kept_text_is_not_from_the_page() -> None:
    tree = _story("<h2>What was agreed</h2><p>Libraries stay open on Saturdays across the district.</p>")
    declared = ["A different story told in the page's structured data, one line.", "And its second line."]
    assert recover_dropped_blocks(tree, declared) == (declared, 0)


def test_story_inside_a_never_closed_masthead_is_found_in_recall_mode() -> None:
    page = PAGE.with_name("recover_recall_mode.html")
    source = page.read_text(encoding="utf-8")
    url = "https://ridgeline.example/news/night-buses-return"
    assert not trafilatura.extract(source, url=url)  # bare trafilatura prunes the <header> it sits in

    record = extract_article(source, url).record
    story = [" ".join(p.text_content().split()) for p in lxml_html.fromstring(source).xpath("//article//p")]
    assert record["text"].split("\n\n") == story
    assert record["extraction"]["method"] == "trafilatura-recall"
    assert "morning briefing" not in record["text"]


def test_a_word_found_further_on_does_not_end_the_story_early() -> None:
    tree = lxml_html.fromstring(
        "<html><body><div class='story'>"
        "<p>The ferry company will add a second boat to the island route from May onwards.</p>"
        "<h3>Timetable</h3><ul><li>Weekdays: every ninety minutes</li><li>Weekends: every hour</li></ul>"
        "<p>Tickets go on sale next week, and season passes will cost the same as last year.</p>"
        "<p>The first sailing leaves at seven and the last returns at ten, after the timetable.</p>"
        "</div></body></html>"
    )
    kept = [
        "The ferry company will add a second boat to the island route from May onwards.",
        "Tickets go on sale next week, and season passes will cost the same as last year.",
        "The first sailing leaves at seven and the last returns at ten, after the timetable.",
    ]
    out, _ = recover_dropped_blocks(tree, list(kept))
    # "Timetable" is also a word of the last paragraph; the list under it is still the story's
    assert out == [
        kept[0],
        "Weekdays: every ninety minutes",
        "Weekends: every hour",
        kept[1],
        kept[2],
    ]


def test_a_phrase_set_apart_inside_a_kept_paragraph_is_not_a_block_to_put_back() -> None:
    # a bold run that a page's editor cut mid-word: trafilatura kept its paragraph whole
    middle = (
        "<p><span>Councillors went through <span>what the budget covers</span>, <span>why it is "
        "importan</span>t to the town and <span>who will pay</span> for the harbour repairs.</span></p>"
    )
    paragraph = (
        "Councillors went through what the budget covers, why it is important to the town and who will "
        "pay for the harbour repairs."
    )
    kept = [KEPT[0], paragraph, KEPT[1]]
    assert recover_dropped_blocks(_story(middle), list(kept)) == (kept, 0)


def _cut_short(after: str) -> lxml_html.HtmlElement:
    # trafilatura keeps the story's first paragraphs and stops where the rest sits one level down
    return lxml_html.fromstring(
        "<html><body><div class='story'>"
        f"<p>{KEPT[0]}</p><p>{KEPT[1]}</p><div class='embed'>{after}</div>"
        "</div><footer><p>All rights reserved by the Valley Courier and its partners.</p></footer>"
        "</body></html>"
    )


def test_the_rest_of_a_story_cut_short_comes_back_after_its_last_paragraph() -> None:
    rest = [
        "Residents asked the council to publish the auditors' report before the March vote.",
        "The treasurer said the report would be ready by the end of February at the latest.",
        "Opposition members want the harbour repairs split off into a budget of their own.",
        "A public meeting on the repairs is planned for the last Thursday of the month.",
    ]
    tree = _cut_short("<h3>What residents said</h3>" + "".join(f"<p>{p}</p>" for p in rest))
    out, added = recover_dropped_blocks(tree, list(KEPT))
    assert out == [*KEPT, "What residents said", *rest]
    assert added == 5


def test_a_box_or_footnotes_after_the_last_paragraph_stay_out() -> None:
    appeal = (
        "<p>Stories like this one cost money to report, and we do it without a paywall for you.</p>"
        "<p>If you valued it, please consider a small monthly donation to keep our newsroom going.</p>"
    )
    notes = "".join(
        f"<ol><li>Council minutes, budget session of {day} January, item four, page {n}.</li></ol>"
        for n, day in enumerate(("3", "10", "17", "24", "31"), start=2)
    )
    for after in (appeal, notes):
        out, added = recover_dropped_blocks(_cut_short(after), list(KEPT))
        assert (out, added) == (KEPT, 0)


def test_a_long_notice_kept_from_the_page_foot_does_not_hide_the_story() -> None:
    # trafilatura kept the page's legal notice: a fifth of its text lies outside the story's element
    notice = "Valley Courier Ltd is a member of the regional press standards board and follows its code."
    more = [
        "Councillors from both groups said the agreement was the best the town could hope for.",
        "The auditors will report on the harbour repairs before the final vote is held in March.",
    ]
    tree = lxml_html.fromstring(
        "<html><body><div class='story'>"
        f"<p>{KEPT[0]}</p><ul><li>Libraries stay open on Saturdays</li>"
        f"<li>Two new crossings near the school</li></ul><p>{more[0]}</p><p>{more[1]}</p>"
        f"<p>{KEPT[1]}</p></div>"
        "<div class='signup'><p>Sign up for the Valley Courier morning briefing, sent out at seven.</p>"
        f"</div><div class='site-info'><p>{notice}</p></div></body></html>"
    )
    out, added = recover_dropped_blocks(tree, [KEPT[0], *more, KEPT[1], notice])
    assert out == [
        KEPT[0],
        "Libraries stay open on Saturdays",
        "Two new crossings near the school",
        *more,
        KEPT[1],
        notice,
    ]
    assert added == 2


def test_a_summary_list_over_the_first_paragraph_comes_back_a_heading_alone_does_not() -> None:
    tree = lxml_html.fromstring(
        "<html><body><div class='story'><h2>In short</h2>"
        "<ul><li>The budget passed by nine votes to four</li><li>Harbour repairs start in May</li></ul>"
        f"<p>{KEPT[0]}</p><p>{KEPT[1]}</p></div>"
        "<ul class='menu'><li>Sign up for the Valley Courier morning briefing</li></ul></body></html>"
    )
    out, added = recover_dropped_blocks(tree, list(KEPT))
    assert out == [
        "The budget passed by nine votes to four",
        "Harbour repairs start in May",
        *KEPT,
    ]
    assert added == 2


def test_a_run_in_the_first_person_after_the_last_paragraph_stays_out() -> None:
    # five sentences each: the site speaking of itself, and readers' comments, in divs of the story's element
    about = [
        "The Valley Courier has published news about the town and the valley since the year 1898.",
        "Our small team of reporters covers the council, the courts, the schools and sport every day.",
        "We are owned by a charitable trust and all of our profits go back into local reporting.",
        "Our offices are on Market Street, next to the old post office, and readers may drop in.",
        "We follow the press standards board's code of practice and correct our mistakes quickly.",
    ]
    comments = [
        "I walk over that bridge every single morning and had no idea it was in such a bad state.",
        "The council has known about these cracks for years and did nothing until now, it seems.",
        "My grandfather helped to build that bridge in the thirties, it would be a shame to lose it.",
        "Good decision by the mayor, I would rather walk the long way round than see it collapse.",
        "We moved here last year and the bridge was the first thing that made us love the town.",
    ]
    for run in (about, comments):
        tree = _cut_short("".join(f"<div>{line}</div>" for line in run))
        assert recover_dropped_blocks(tree, list(KEPT)) == (KEPT, 0)


def test_the_rest_of_a_story_cut_short_comes_back_with_its_quotes() -> None:
    rest = [
        "\u201cWe will not let the harbour crumble while the money sits in the bank,\u201d the mayor said.",
        "The treasurer said the auditors' report would be ready by the end of February at the latest.",
        "Opposition members want the harbour repairs split off into a budget of their own this year.",
        "A public meeting on the repairs is planned for the last Thursday of the month at the library.",
    ]
    out, added = recover_dropped_blocks(
        _cut_short("".join(f"<div>{line}</div>" for line in rest)), list(KEPT)
    )
    assert (out, added) == ([*KEPT, *rest], 4)


def test_a_list_of_labels_over_the_first_paragraph_stays_out() -> None:
    # the page's labels set out as a list above the story: a date, a reading time, a byline, tags
    for labels in (
        ["1 May 2025", "5 min read", "Jane Doe", "Local news"],
        ["Weather", "Sport", "Elections"],
    ):
        items = "".join(f"<li>{label}</li>" for label in labels)
        story = f"<ul>{items}</ul><p>{KEPT[0]}</p><p>{KEPT[1]}</p>"
        tree = lxml_html.fromstring(f"<html><body><div class='story'>{story}</div></body></html>")
        assert recover_dropped_blocks(tree, list(KEPT)) == (KEPT, 0)


def test_a_run_under_a_heading_naming_end_matter_stays_out() -> None:
    # the writer's bio in the third person, set out in divs of the story's element under its heading
    bio = [
        "Jane Doe has covered the council and its committees for the Valley Courier since 2015.",
        "Before joining the paper she reported on transport and housing for a regional radio station.",
        "She grew up in the valley and still lives a short walk from the harbour with her two children.",
        "She studied history at the university and wrote her thesis on the town's industrial past.",
    ]
    for heading in ("About the writer", "More from the Valley Courier"):
        tree = _cut_short(f"<h3>{heading}</h3>" + "".join(f"<div>{line}</div>" for line in bio))
        assert recover_dropped_blocks(tree, list(KEPT)) == (KEPT, 0)


def test_a_summary_box_over_the_storys_body_comes_back_a_sidebar_list_does_not() -> None:
    # the "Key points" box beside the story's body in its element, an <aside> or a <div>; a most-read list
    # of the same build in the same element has no summary heading and stays out
    for box in ("aside", "div"):
        tree = lxml_html.fromstring(
            "<html><body><article><h1>Budget passes</h1>"
            f"<{box} class='key-points'><h2>Key points</h2>"
            "<ul><li>The budget passed by nine votes to four</li><li>Harbour repairs start in May</li></ul>"
            f"</{box}><div class='body'><p>{KEPT[0]}</p><p>{KEPT[1]}</p></div>"
            f"<{box} class='rail'><h2>Most read</h2><ul><li>Ferry fares rise by a third from April</li></ul>"
            f"</{box}></article></body></html>"
        )
        out, added = recover_dropped_blocks(tree, list(KEPT))
        assert out == ["The budget passed by nine votes to four", "Harbour repairs start in May", *KEPT]
        assert added == 2


def test_a_summary_box_under_the_headline_comes_back_under_it_and_the_headline_repeat_still_goes() -> None:
    # the <h1> kept as the output's first line, then the "Key points" box, then the body: the items come
    # back after the headline, where they stand, and the headline's repeat is still taken out of the text
    items = [
        "The budget passed by nine votes to four",
        "Harbour repairs start in May",
        "Parking charges rise by ten pence an hour",
    ]
    page = (
        "<html><head><title>Budget passes</title></head><body><article><h1>Budget passes</h1>"
        "<aside class='box'><h2>Key points</h2><ul>"
        + "".join(f"<li>{item}</li>" for item in items)
        + f"</ul></aside><div class='body'><p>{KEPT[0]}</p><p>{KEPT[1]}</p></div></article></body></html>"
    )
    out, added = recover_dropped_blocks(lxml_html.fromstring(page), ["Budget passes", *KEPT])
    assert out == ["Budget passes", *items, *KEPT] and added == 3
    record = extract_article(page, "https://courier.example/news/budget-passes", force=True).record
    assert record["text"].split("\n\n") == [*items, *KEPT]


def test_a_rail_headed_in_brief_over_the_storys_article_does_not_come_back() -> None:
    # the story's element is the page's <main>: a rail of other stories before its <article>, under a
    # summary heading, is not the story's summary, and the headline stays the text's first line to go
    rail = (
        "<aside class='rail'><h3>In brief</h3><ul><li>Summer fair returns to the green on Saturday</li>"
        "<li>Dunmore bridge closes for two nights in March</li></ul></aside>"
    )
    page = (
        f"<html><head><title>Budget passes</title></head><body><main>{rail}<article><h1>Budget passes</h1>"
        f"<p>{KEPT[0]}</p><p>{KEPT[1]}</p></article></main></body></html>"
    )
    assert recover_dropped_blocks(lxml_html.fromstring(page), ["Budget passes", *KEPT]) == (
        ["Budget passes", *KEPT],
        0,
    )
    record = extract_article(page, "https://courier.example/news/budget-passes", force=True).record
    assert record["text"].split("\n\n") == KEPT
