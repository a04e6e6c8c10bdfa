"""Our boilerplate rules on our own hand-written pages: every article paragraph kept, the boilerplate gone."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import trafilatura
from lxml import html as lxml_html

from pipelines.extract import RULES, extract_article

PAGES = Path(__file__).parent / "fixtures" / "pages"


def _page(name: str) -> str:
    return (PAGES / name).read_text(encoding="utf-8")


def _article_paragraphs(source: str, container_xpath: str) -> list[str]:
    """The story's own paragraphs, read from the fixture (those in the story container before any box)."""
    tree = lxml_html.fromstring(source)
    return [" ".join(p.text_content().split()) for p in tree.xpath(container_xpath)]


CASES = {
    # name: (url, xpath of the paragraphs that must all be kept, boilerplate strings that must be absent,
    #        strings bare trafilatura leaks on the same page, rule expected to fire)
    "wild_bold_links_comment_form.html": (
        "https://coastline.example/news/2024/03/03/harbour-town-votes-to-restore-the-old-ferry-pier",
        "/html/body/div/div[2]/p[not(b)]",
        [
            "Lifeboat crew honoured",
            "Fish market reopens",
            "Village school wins",
            "Leave a Reply",
            "Your email address will not be published",
            "Required fields are marked",
        ],
        [
            "Lifeboat crew honoured",
            "Fish market reopens",
            "Leave a Reply",
            "Your email address will not be published",
        ],
        "headline_link_runs",
    ),
    "related_stories_list.html": (
        "https://valley.example/transport/night-trains-return-to-the-valley-line",
        "//article/p",
        ["Related Stories", "Bus fares frozen", "Station lifts finally repaired", "New cycle path opens"],
        ["Related Stories", "Bus fares frozen"],
        "related_blocks",
    ),
    "read_more_teasers.html": (
        "https://plains.example/farming/drought-forces-farmers-to-sell-cattle-early",
        "//main/p[not(a)]",
        ["READ MORE", "Hay prices hit record", "Related:", "Forecasters see little rain"],
        ["READ MORE: Hay prices hit record", "Related: Forecasters see little rain"],
        "teaser_paragraphs",
    ),
    "newsletter_box.html": (
        "https://city.example/local/city-library-extends-opening-hours",
        "//div[@id='content']/p",
        [
            "Get the morning briefing",
            "Sign up for our newsletter",
            "unsubscribe at any time",
            "privacy policy",
        ],
        ["Sign up for our newsletter", "unsubscribe at any time"],
        # the box is built around its e-mail field's button; without that rule its words take it
        "button_boxes",
    ),
    "chrome_crumbs_share_words.html": (
        "https://waitaha-star.example/news/regional/rail-freight-line-reopens",
        "//article/p[not(@class)]",
        ["Print this article", "View 42 comments", "Join the conversation"],
        ["Join the conversation"],
        "boilerplate_blocks",
    ),
    "reader_comments.html": (
        "https://museum.example/culture/museum-returns-carved-doors",
        "//div[@class='main']/p",
        ["About time", "most beautiful thing in the whole museum", "Great news, well done", "thoughts on"],
        ["About time", "Great news, well done"],
        "comment_forms",
    ),
    "share_bar.html": (
        "https://county.example/environment/volunteers-plant-ten-thousand-trees",
        "//div[@class='wrapper']/p",
        ["Share this article", "Facebook", "Twitter", "WhatsApp", "Tweet"],
        [],
        "class_boxes",
    ),
    "site_chrome_lines.html": (
        "https://garden.example/herbs/keep-basil-alive-on-a-windowsill",
        "//p[@class='story']",
        [
            "Written by Ana Ruiz",
            "6 min read",
            "As an Amazon Associate",
            "Pin it for later",
            "© 2025",
            "I may earn a small commission",
            "We may be compensated",
            "Join our mailing list",
            "Already have an account",
        ],
        ["Written by Ana Ruiz", "6 min read", "As an Amazon Associate", "Pin it for later"],
        "chrome_lines",
    ),
    "rule_closing_calls.html": (
        "https://allotment.example/diary/why-we-switched-to-leaf-mould",
        "//p[@class='story']",
        [
            "garden writer who has kept a plot",
            "delivered to your inbox",
            "Follow the allotment diary",
            "Mastodon | Bluesky",
            "affiliate links",
            "monthly donations",
            "Tags:",
            "editor of the allotment diary",
            "Ready to start a leaf bay",
            "member FDIC",
        ],
        ["garden writer who has kept a plot", "delivered to your inbox", "Tags: compost"],
        "tail_calls",
    ),
    "rule_call_lines.html": (
        "https://islands.example/travel/ferry-timetable-moves-to-one-app",
        "//p[@class='story']",
        [
            "Islands > Travel",
            "Last updated",
            "Table of Contents",
            "exclusive to Harbour Pass",
            "Book a demo",
            "Advertisement:",
            "Read our full Island Hopper",
            "Get the latest updates",
            "updates from this writer",
            "interested in these stories",
            "Continue reading",
            "Related articles",
            "By entering your email",
            "(Sponsored)",
            "Save up to 20%",
            "spread the word",
            "Talk to our island travel experts",
            "free trial",
            "packing checklist",
        ],
        ["Table of Contents", "exclusive to Harbour Pass", "Book a demo", "By entering your email"],
        "call_lines",
    ),
    "rule_cta_box.html": (
        "https://homes.example/kitchens/how-long-does-a-refit-take",
        "//p[@class='story']",
        [
            "Planning a refit of your own",
            "Our planners will draw up",
            "Talk to a planner today",
            "check with your own supplier",
            "kitchen style quiz",
            "Choosing a worktop",
            "wet room costs",
        ],
        ["Planning a refit of your own", "check with your own supplier", "kitchen style quiz"],
        "class_boxes",
    ),
    "rule_hidden_dialogs.html": (
        "https://valley.example/health/rural-clinics-share-one-night-time-doctor",
        "//div[@class='story']/p",
        ["Republish this article", "Creative Commons", "tracking image", "first published by"],
        ["Republish this article", "Creative Commons Attribution", "first published by"],
        "hidden_dialogs",
    ),
    "cookie_notice.html": (
        "https://business.example/retail/bakery-chain-promises-to-cut-food-waste",
        "//div[@class='story']/p",
        ["We use cookies", "cookie policy", "Accept all cookies", "Manage cookie settings"],
        [],
        "class_boxes",
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_rules_keep_every_paragraph_and_drop_the_boilerplate(name):
    url, xpath, absent, _, rule = CASES[name]
    source = _page(name)
    expected = _article_paragraphs(source, xpath)
    assert len(expected) >= 4, "fixture must have a real story"

    result = extract_article(source, url)

    assert result.is_article, result.reason
    record = result.record
    assert record["text"].split("\n\n") == expected
    for snippet in absent:
        assert snippet.lower() not in record["text"].lower(), snippet
    assert record["extraction"]["rules"].get(rule, 0) >= 1, record["extraction"]
    assert record["word_count"] == len(record["text"].split())


def test_rules_named_in_full_are_all_the_rules_and_one_left_out_is_off():
    """``rules=`` restricts by name (benchmarks switch one rule off): every name that fires is known."""
    for name, (url, *_, rule) in CASES.items():
        source = _page(name)
        everything = extract_article(source, url).record
        named = extract_article(source, url, rules=set(RULES)).record
        assert set(everything["extraction"]["rules"]) <= set(RULES), name
        assert named["text"] == everything["text"], name
        without = extract_article(source, url, rules=set(RULES) - {rule}).record
        assert rule not in without["extraction"]["rules"], name


@pytest.mark.parametrize("name", sorted(n for n, case in CASES.items() if case[3]))
def test_bare_trafilatura_leaks_what_we_remove(name):
    """The fixtures prove the point: trafilatura on its own keeps this boilerplate."""
    url, _, _, leaked, _ = CASES[name]
    bare = trafilatura.extract(_page(name), url=url) or ""
    for snippet in leaked:
        assert snippet in bare, snippet


def test_text_is_plain_paragraphs_separated_by_one_blank_line():
    result = extract_article(_page("related_stories_list.html"), CASES["related_stories_list.html"][0])
    text = result.record["text"]
    assert "\n\n\n" not in text
    assert not re.search(r"<[a-z/][^>]*>", text)
    assert all(par.strip() == par and par for par in text.split("\n\n"))


def test_component_class_names_and_code_comments_are_not_boilerplate():
    """ "cmp-*" (the component prefix of a common CMS) is not a consent banner, and a highlighted code
    comment is not a reader comment: the story and its code stay, the real cookie banner goes."""
    url = "https://council.example/news/council-publishes-bin-day-checker-code"
    source = _page("component_classes_code_comments.html")
    result = extract_article(source, url)
    assert result.is_article, result.reason
    text = result.record["text"]
    for paragraph in _article_paragraphs(source, "//div[@class='cmp-text']/p"):
        assert paragraph in text
    assert "compare in local time, not UTC" in text
    assert "We use cookies" not in text
    assert "comment_forms" not in result.record["extraction"]["rules"]


def test_section_front_is_not_an_article():
    result = extract_article(_page("section_front.html"), "https://coastline.example/news/")
    assert result.is_article is False
    assert result.reason.startswith("not-article:")
    assert result.record is None


def test_headline_repeat_drops_other_stories_headlines_but_keeps_section_headings():
    from pipelines.cleanup import text_rules, word_key

    body = (
        "Tutors who meet a pupil three times a week for a whole term help far more than occasional "
        "drop-in sessions, the review found across forty schools."
    )
    paragraphs = [
        "Why high-dosage tutoring works",  # a heading of this story, also a link to a guide elsewhere
        body,
        "Harbour town votes to restore the old ferry pier",  # teaser headlines after the story
        "Fish market reopens after the storm repairs",
    ]
    headlines = {word_key(p) for p in (paragraphs[0], paragraphs[2], paragraphs[3])}
    kept, fired = text_rules(paragraphs, "Tutoring that works", headlines)
    assert kept == paragraphs[:2]
    assert fired == {"headline_repeat": 2}
    # a product's name, linked to its page, over the list of its specs heads a part of the story
    review = [body, "Harbour Glide 40 Electric Longboard", "- Range: 40 km", "- Top speed: 32 km/h", body]
    kept, fired = text_rules(review, None, {word_key(review[1])})
    assert kept == review and not fired


def test_other_headlines_are_links_to_the_same_site_only():
    from lxml.html import fromstring

    from pipelines.cleanup import other_headlines

    tree = fromstring(
        "<html><body>"
        "<a href='/transport/bus-fares-frozen-for-another-year'>Bus fares frozen for another year</a>"
        "<a href='https://www.valley.example/news/station-lifts-repaired'>"
        "Station lifts finally repaired at last</a>"
        "<a href='https://clinic.example/'>Hyde Street Community Services Clinic</a>"
        "</body></html>"
    )
    found = other_headlines(tree, "https://valley.example/transport/night-trains-return")
    assert found == {"bus fares frozen for another year", "station lifts finally repaired at last"}


def test_headline_link_runs_keep_the_lists_the_story_gives():
    """Links in a row that lead to other sites (the sources, products or places a story lists) and a list
    the story announces with a sentence are the story's; the same site's headlines in a row still go,
    with or without a label over them."""
    from lxml.html import fromstring

    from pipelines.cleanup import rule_headline_link_runs

    def items(links):
        return "".join(f"<li><a href='{href}'>{text}</a></li>" for href, text in links)

    sources = [
        ("https://weather.example/reports/2023-storms", "Winter storm report for the coast, 2023"),
        ("https://www.engineers.example/piers/survey", "Survey of timber piers on the east coast"),
    ]
    guides = [
        ("/guides/ferry-timetables", "Ferry timetables for the islands this summer"),
        ("/guides/parking-by-the-quay", "Where to park by the quay on market days"),
    ]
    teasers = [
        ("/news/lifeboat-crew-honoured", "Lifeboat crew honoured for daring winter rescue"),
        ("/news/fish-market-reopens", "Fish market reopens after six month refit"),
    ]
    tree = fromstring(
        "<html><body><article>"
        "<p>The council voted on Tuesday to restore the wooden ferry pier, closed since the storms.</p>"
        f"<p>Engineers drew on two studies published this year.</p><ul>{items(sources)}</ul>"
        f"<p>Visitors planning a trip can read the harbour's own guides before they come:</p>"
        f"<ul>{items(guides)}</ul>"
        f"<p>Related stories:</p><ul>{items(teasers)}</ul>"
        "</article>"
        + "".join(f"<p><a href='{href}'>{text}</a></p>" for href, text in teasers)
        + "</body></html>"
    )
    removed = rule_headline_link_runs(tree, {"url": "https://www.coastline.example/news/ferry-pier"})
    text = tree.text_content()
    assert removed == 4
    assert all(label in text for _, label in sources + guides)
    assert not any(label in text for _, label in teasers)


def test_byline_repeat_drops_the_byline_paragraph_only():
    from pipelines.cleanup import text_rules

    story = "By the end of the meeting the commissioners had approved all 31 miles of the plan."
    paragraphs = ["By Harold J. Whitcomb", story, "The work starts in April."]
    kept, fired = text_rules(paragraphs, "Road plan approved", set(), authors=["Harold J. Whitcomb"])
    assert kept == paragraphs[1:] and fired == {"byline_repeat": 1}
    # without declared authors, a line of capitalised names still reads as a byline; a sentence does not
    kept, fired = text_rules(["By Ana Ruiz and Tom Lee", story], None, set())
    assert kept == [story] and fired == {"byline_repeat": 1}
    kept, fired = text_rules([story, "By then, most residents had left."], None, set())
    assert kept == [story, "By then, most residents had left."] and not fired


def test_closing_run_goes_only_from_the_end_and_keeps_the_story_words():
    """Calls to act are taken from the last paragraph backwards, up to the first line of the story: the
    same words inside the story ("follow us", "sign up") stay, and so does everything above the run."""
    from pipelines.cleanup import text_rules

    story = [
        "Residents can sign up for flood alerts by email, and the harbour master asked them to follow us.",
        "Fishermen can sign up for a mooring at the harbour office from the first of the month.",
        "The first boats are expected back in the water by Easter, weather permitting.",
        "Repairs to the slipway will be paid for from the harbour reserve, not from mooring fees.",
    ]
    closing = [
        "Meet the reporter",
        "Ruth Okafor is a reporter who has covered the coast for the paper since 2015.",
        "Get the harbour letter delivered to your inbox every Friday.",
        "Tags: harbour, moorings",
    ]
    kept, fired = text_rules(story + closing, None, set(), authors=["Ruth Okafor"])
    assert kept == story
    assert fired == {"tail_calls": 2, "author_bio": 1}  # the heading above the run goes uncounted
    # the run ends where the story goes on: a call followed by a story paragraph is the story's own
    kept, fired = text_rules([*story, closing[2], story[0]], None, set())
    assert kept == [*story, closing[2], story[0]] and not fired
    # a one-word "author" is usually the site: its sentences about itself are not a bio to drop
    site = "Harbourside is a community paper run by volunteers since 1998."
    kept, _ = text_rules([*story, site], None, set(), authors=["Harbourside"])
    assert kept[-1] == site


def test_class_boxes_take_small_named_boxes_and_never_the_story_holder():
    """A box named as a call to action, a pop-up or a list of other posts goes when it is small; the
    story's own container keeps its paragraphs even when its class says "posts"."""
    from lxml.html import fromstring

    from pipelines.cleanup import apply_dom_rules

    story = [
        "The county's last working watermill will grind flour again from June, after a two-year repair "
        "of its wheel, sluice and the oak shaft that drives the stones.",
        "Volunteers rebuilt the wheel's forty paddles from larch felled on the estate, and a millwright "
        "from the next valley dressed the stones by hand over the winter.",
        "The trust expects to sell the flour in the mill shop and to bakeries in the market town, and it "
        "will open the mill to school visits twice a week.",
    ]
    tree = fromstring(
        "<html><body><div class='posts single-post'>"
        + "".join(f"<p>{p}</p>" for p in story[:2])
        + "<div class='cta'><p>Love old mills? Become a friend.</p><a href='/join'>Join</a></div>"
        + "<ul class='recent-posts'><li><a href='/a'>Spring fair dates announced</a></li>"
        "<li><a href='/b'>New guided walks along the leat</a></li></ul>"
        + "<div class='popup'><p>Before you go: sign the mill's visitor book online.</p></div>"
        + f"<p>{story[2]}</p></div></body></html>"
    )
    fired = apply_dom_rules(tree, "https://mills.example/news/watermill-grinds-again")
    assert fired.get("class_boxes") == 3
    assert [p.text_content() for p in tree.iter("p")] == story


def test_date_stamps_go_from_the_top_only_and_dates_in_sentences_stay():
    from pipelines.cleanup import text_rules

    story = [
        "The new ferry made its first crossing on 3 May 2025, two years after the old one was retired.",
        "Passengers queued from dawn at the slipway, and the first sailing left ten minutes late.",
        "The operator expects to carry a hundred thousand passengers in the first full year of service.",
    ]
    top = ["Home > Travel > Ferries", "Last updated: 4 May 2025", "3 MIN. READ", "Mai 4, 2025"]
    kept, fired = text_rules(top + story, None, set())
    assert kept == story and fired == {"date_stamps": 4}
    # further down, a line holding a date is a heading of the story's own timeline: it stays
    timeline = [
        *story,
        "The crew trained on the old route for a month before the handover.",
        "Fares stay the same until the end of the season, the operator said.",
        "Two more ships are on order, and the yard has published its timetable:",
        "Apr 2",
        "Jun 9",
        "The second ship arrives in June.",
    ]
    kept, fired = text_rules(timeline, None, set())
    assert kept == timeline and not fired


def test_repeated_runs_drop_the_second_copy_of_the_story_and_keep_its_own_repeats():
    """A page that carries the story twice (one copy per screen size) gives it once; the same two list
    items under two headings of the story are the story's and stay both times."""
    url = "https://wendle.example/news/2025/04/02/river-ferry-timetable"
    source = _page("rule_repeated_runs.html")
    bare = trafilatura.extract(source, url=url) or ""
    assert bare.count("repaint the ferry in October") == 2  # trafilatura keeps both copies

    result = extract_article(source, url)

    assert result.is_article, result.reason
    paragraphs = result.record["text"].split("\n\n")
    first_copy = _article_paragraphs(source, "//div[@class='layout-wide']/p")
    assert [p for p in paragraphs if not p.startswith("- ")] == first_copy
    assert paragraphs.count("- the bell to call the ferry") == 2
    assert result.record["extraction"]["rules"]["repeated_runs"] >= 1


def test_repeated_runs_leave_short_runs_and_lists_alone():
    from pipelines.cleanup import text_rules

    legend = ["s = slow pace", "m = medium pace", "f = fast pace"]
    pros = ["- Light and easy to fold", "- Long battery life", "- Bright front lamp", "- Solid tyres"]
    story = [f"Week {n}: run three times, and keep one day between the runs for rest." for n in range(1, 7)]
    paragraphs = [*legend, story[0], *pros, story[1], *legend, story[2], *pros, *story[3:]]
    kept, fired = text_rules(paragraphs, None, set())
    assert kept == paragraphs and "repeated_runs" not in fired


def test_author_note_above_the_story_goes_only_when_it_describes_the_writer():
    from pipelines.cleanup import text_rules

    story = [
        "The county's bus company will run a late service from the station to the hospital from May.",
        "Nurses on the night shift had asked for it for years, the union said at the council meeting.",
        "The first bus leaves the station at eleven and the last comes back shortly after midnight.",
        "Tickets cost the same as on the day routes, and season tickets are valid on the new service.",
    ]
    bio = "Priya Nair is a transport reporter who has covered the county's buses and trains since 2019."
    kept, fired = text_rules([bio, *story], None, set(), authors=["Priya Nair"])
    assert kept == story and fired.get("author_bio", 0) >= 1
    # the author named at the top for something else than being a writer is the story's own lead
    lead = "Priya Nair has waited for the last bus home from the hospital every Friday for six years."
    kept, fired = text_rules([lead, *story], None, set(), authors=["Priya Nair"])
    assert kept == [lead, *story] and not fired


def test_class_boxes_take_a_consent_dialog_with_its_cookie_table_whatever_its_length():
    """A consent dialog that lists every cookie is far longer than a banner, but it is about cookies
    line after line: it goes, table and all, and the story stays."""
    from lxml.html import fromstring

    from pipelines.cleanup import apply_dom_rules

    source = _page("cookie_notice.html")
    story = _article_paragraphs(source, "//div[@class='story']/p")
    recipe = _article_paragraphs(source, "//div[@class='cookie-recipe']/p")
    tree = fromstring(source)
    dialog = " ".join(tree.get_element_by_id("cookie-settings").text_content().split())
    assert len(dialog) > 1000  # past what a small box may hold

    fired = apply_dom_rules(tree, CASES["cookie_notice.html"][0])

    assert fired.get("class_boxes", 0) >= 1
    text = " ".join(tree.text_content().split())
    assert "This cookie is set" not in text and "Your privacy choices" not in text
    assert "We use cookies" not in text
    assert all(paragraph in text for paragraph in story)
    # a recipe box named "cookie-recipe" says "cookie" as often as a dialog, but asks for no consent
    assert recipe and all(paragraph in text for paragraph in recipe)


def test_closing_run_takes_picture_credits_revision_notes_trademarks_and_date_stamps():
    from pipelines.cleanup import text_rules

    story = [
        "The market hall reopens on Saturday after a year of repairs to its cast-iron roof and gutters.",
        "Traders who moved to the car park during the work get their old stalls back at the same rent.",
        "Photos by the hall's own volunteers hang along the east wall, showing the roof before and after.",
        "The council says the next job is the clock tower, which has not kept time since the winter storms.",
    ]
    closing = [
        "Header image by the market trust; all other photos by Sam Okoro.",
        "We updated this article in June with the new opening hours.",
        "Market Hall Fresh is a registered trademark of the market trust.",
        "Last updated: June 4, 2025",
    ]
    kept, fired = text_rules(story + closing, None, set())
    assert kept == story and fired.get("tail_calls", 0) >= 1
    # a picture credit that says more than whose the pictures are, not closing the text, is the story's
    # (or a caption's) business; a bare "Photo: Sam Okoro" goes wherever it stands (credit_lines)
    kept, fired = text_rules([closing[0], *story], None, set())
    assert kept == [closing[0], *story] and not fired


def test_credit_lines_take_a_bare_picture_credit_and_keep_the_caption():
    """A caption box read as text leaves its credit on a line of its own between the story's paragraphs:
    the credit goes wherever it stands; a caption that says what the picture shows, with or without the
    credit after it, is the story's and stays, and so do the story's sentences about photographers."""
    from pipelines.cleanup import text_rules

    story = [
        "The lifeboat station on the north pier is to be rebuilt after storms cracked its slipway in March.",
        "Photo: volunteers haul the old boat up the damaged slipway",
        "Crew members said the boat could only be launched at high tide for most of the spring.",
        "The new slipway will be built at the station on the north pier. Photo: Sam Okoro",
        "Photos by the crew's own photographer will go on show at the station when it reopens.",
        "Credit unions in the town have raised £40,000 towards the rebuild, the station manager said.",
    ]
    credits = [
        "Credit: Wendle Lifeboat Trust",
        "Photo courtesy of the RNLI",
        "Image: © Sam Okoro/Shutterstock",
        "Jane Doe/AFP via Getty Images",
        "Photo credit:",
    ]
    mixed = [story[0], credits[0], story[1], story[2], credits[1], credits[2], *story[3:5], credits[3]]
    mixed += [story[5], credits[4]]
    kept, fired = text_rules(mixed, None, set())
    assert kept == story
    assert fired == {"credit_lines": len(credits)}
    kept, fired = text_rules(mixed, None, set(), enabled={"chrome_lines"})
    assert kept == mixed


def test_button_boxes_take_a_pitch_built_around_a_button_and_keep_repeated_cards():
    """A small box with a line of pitch and one button goes, whatever its class; three cards built alike
    (a list of recipes, each with its button) are the story's list and stay; so does the story."""
    from lxml.html import fromstring

    from pipelines.cleanup import apply_dom_rules

    url = "https://village.example/news/2025/09/14/show-winners-bakes"
    source = _page("rule_button_boxes.html")
    story = _article_paragraphs(source, "//p[@class='story']")
    bare = trafilatura.extract(source, url=url) or ""
    assert "Planning a visit next year?" in bare

    result = extract_article(source, url)

    assert result.is_article, result.reason
    paragraphs = result.record["text"].split("\n\n")
    assert all(paragraph in paragraphs for paragraph in story)
    assert not any("Join our baking club" in p or "Planning a visit" in p for p in paragraphs)
    assert result.record["extraction"]["rules"]["button_boxes"] >= 1
    tree = fromstring(source)
    apply_dom_rules(tree, url, {"button_boxes"})
    text = " ".join(tree.text_content().split())
    assert "Join the club" not in text and "Book your tickets" not in text
    assert text.count("See the recipe") == 3 and "Seeded rye" in text
    # the lead beside a jump to the comments, a caption beside its picture's zoom, a long paragraph
    # beside a link to the full results, a description under a menu of files to download (a button
    # that opens something in the page): the story's, not a pitch
    assert all(paragraph in text for paragraph in story)
    assert "Judges tasting the entries on the long trestle tables" in text


def test_byline_repeat_drops_the_authors_name_alone_over_or_under_the_story():
    from pipelines.cleanup import text_rules

    story = [
        "The lighthouse keeper's cottage on the point opens as a small museum of the coast this summer.",
        "Volunteers spent two winters cataloguing the logbooks, lamps and charts left in the attic.",
        "Entry is free, and the museum will open on weekends from Easter until the end of October.",
        "Rosa Delgado, who chairs the trust, said the next step is to repaint the tower itself.",
    ]
    kept, fired = text_rules(
        ["Tomás Ferreira", *story, "Tomás Ferreira"], None, set(), authors=["Tomás Ferreira"]
    )
    assert kept == story and fired.get("byline_repeat", 0) >= 1
    # a name the page does not declare as its author, or a one-word author (often the site), stays
    kept, fired = text_rules(["Rosa Delgado", *story], None, set(), authors=["Tomás Ferreira"])
    assert kept == ["Rosa Delgado", *story] and not fired
    kept, fired = text_rules(["Harbourside", *story], None, set(), authors=["Harbourside"])
    assert kept == ["Harbourside", *story] and not fired


def test_closing_run_takes_the_tip_line_self_promotion_and_appointment_calls():
    from pipelines.cleanup import text_rules

    story = [
        "Tenants in the tower block on Quay Street have gone three weeks without hot water this winter.",
        "The landlord says a replacement boiler has been ordered, but it will not arrive before March.",
        "Do you have a tip for us? The council's housing officer said she would visit the block this week.",
        "Until then, the council will pay for residents to use the showers at the leisure centre nearby.",
    ]
    closing = [
        "----------",
        "SHARE YOUR STORY",
        "Do you have an issue with your landlord that you have not been able to fix? Our reporters can help.",
        "Check out my podcast on housing law for more stories like this one.",
        "Submit an appointment request form and we will call you back.",
        "Request an appointment",
    ]
    # the story's third paragraph asks for tips too, but it is not in the closing run: it stays
    kept, fired = text_rules(story + closing, None, set())
    assert kept == story and fired.get("tail_calls", 0) >= 1


class _CountedLine(str):
    """A paragraph that counts how often it is compared with another (and gives up past a budget)."""

    compared = 0
    budget = 200_000

    def __eq__(self, other: object) -> bool:
        _CountedLine.compared += 1
        if _CountedLine.compared > _CountedLine.budget:
            raise AssertionError("repeated_runs compares far more lines than the page holds")
        return str.__eq__(self, other)

    __hash__ = str.__hash__


def test_repeated_runs_read_a_long_list_in_one_pass():
    """A story over a poll's 10,000 "- Yes" rows: the rows stay (a list is the story's), and finding
    that out takes a few comparisons per row, not one per earlier row (which took minutes)."""
    from pipelines.cleanup import text_rules

    story = [f"Paragraph {n} of the story about the village poll on the new bypass." for n in range(6)]
    rows = [_CountedLine("- Yes") for _ in range(10_000)]
    paragraphs = [*story, *rows]
    _CountedLine.compared = 0
    kept, fired = text_rules(paragraphs, None, set())
    assert kept == paragraphs and "repeated_runs" not in fired
    assert _CountedLine.compared < 5 * len(rows)


def test_button_boxes_read_each_wrapper_once(monkeypatch):
    """2,000 buttons with labels of their own in one long list: each wrapper's text is read once, not
    once per button under it (the page's whole text 2,000 times over)."""
    from lxml.html import fromstring

    from pipelines import cleanup

    rows = "".join(
        f'<div class="row"><a class="btn" href="/stall/{n}">Stall {n}</a> <span>Pitch {n}, row {n % 40},'
        " by the east gate of the market hall</span></div>"
        for n in range(2000)
    )
    source = (
        "<html><body><article><p>The market's stall list for the summer.</p>"
        f"<div class='list'>{rows}</div></article></body></html>"
    )
    read = 0
    real = cleanup.element_text

    def counted(el):
        nonlocal read
        text = real(el)
        read += len(text)
        return text

    monkeypatch.setattr(cleanup, "element_text", counted)
    tree = fromstring(source)
    page_len = len(real(tree))
    cleanup.apply_dom_rules(tree, "https://market.example/news/stalls", {"button_boxes"})
    assert "Stall 1999" in real(tree)
    assert read < 5 * page_len


def test_author_note_above_the_story_needs_a_greeting_not_a_name_starting_hi():
    from pipelines.cleanup import text_rules

    story = [
        "The county's bus company will run a late service from the station to the hospital from May.",
        "Nurses on the night shift had asked for it for years, the union said at the council meeting.",
        "The first bus leaves the station at eleven and the last comes back shortly after midnight.",
        "Tickets cost the same as on the day routes, and season tickets are valid on the new service.",
    ]
    lead = "Hilary Fox has waited for the last bus home from the hospital every Friday for six years."
    kept, fired = text_rules([lead, *story], None, set(), authors=["Hilary Fox"])
    assert kept == [lead, *story] and "author_bio" not in fired
    greeting = "Hi, I'm Hilary Fox, and I have written about the county's buses since 2019."
    kept, fired = text_rules([greeting, *story], None, set(), authors=["Hilary Fox"])
    assert kept == story and fired.get("author_bio", 0) >= 1


_MONEY_STORY = [
    "The high street had its busiest weekend since the spring, the traders' association said on Monday.",
    "Footfall rose by a fifth on Saturday, helped by dry weather and the opening of the new car park.",
    "Several shops said the rise had not yet made up for a slow summer, and two have cut their hours.",
    "The association will publish its full figures for the quarter at the end of the month, it said.",
]


@pytest.mark.parametrize(
    "line",
    [
        "Shoppers can get up to 50% off at the outlet on Friday, the retailer said.",
        "\u201cHelp us spread the word,\u201d said the charity's founder, who opened the food bank in 2019.",
        "Start a free trial, the app urges users, then it charges \u00a39.99 a month.",
        "Speak to an independent financial adviser.",
        "\u201cWe may be compensated eventually, but farmers lose money now,\u201d said the minister.",
        "We may be compensated eventually, the growers' union said, but not before the next harvest.",
    ],
)
def test_call_lines_keep_the_same_words_reported_in_a_story(line):
    from pipelines.cleanup import text_rules

    paragraphs = [*_MONEY_STORY[:2], line, *_MONEY_STORY[2:]]
    kept, fired = text_rules(paragraphs, None, set())
    assert kept == paragraphs, fired


@pytest.mark.parametrize(
    "line",
    [
        "Get up to 50% off your first box!",
        "Help us spread the word!",
        "Start a free trial today",
        "Talk to one of our mortgage advisers",
        "Start your 14-day free trial with Shopfront today!",
        "Learn a new language this summer! Unlock up to 55% off your first year today!",
        "Learn a new language this summer! \U0001f31f Unlock up to 55% off your first year today!",
        "We may be compensated when you click the links to our partners' products.",
        "We may be compensated by the brands featured on this page.",
    ],
)
def test_call_lines_take_the_prompt_on_its_own_line(line):
    from pipelines.cleanup import text_rules

    kept, fired = text_rules([*_MONEY_STORY[:2], line, *_MONEY_STORY[2:]], None, set())
    assert kept == _MONEY_STORY and fired


@pytest.mark.parametrize(
    "line",
    [
        "Most payday loans are made by lenders who operate only online, the report found.",
        "He had worked as a registered investment adviser before he was charged with fraud in 2021.",
        "The figures are for informational purposes only, the agency said, and may yet be revised.",
        "Monopoly is a registered trademark of Hasbro, which declined to comment on the lawsuit.",
        "The foundation owns the trademarks to the name, the court heard on Wednesday.",
        "The firm does not offer financial advice, a spokesperson said on Tuesday.",
        "Photos by local artist Jane Doe are on show at the library until the end of May.",
        "Ready to see it for yourself? The exhibition runs until May at the town museum.",
        "Got a problem with potholes? The council says residents should report them on its website.",
        "\u201cYou should check out my book first,\u201d the mayor told the planning panel.",
        "We updated this story to correct the name of the school's head teacher.",
        "Residents can submit a request for a refund until the end of March, the council said.",
        # the topics of a debate, not the page's tags
        "Topics: the budget, the new bus station and the future of the pool were all raised on Thursday.",
        "Themen: Haushalt, Verkehr und Schulen standen am Abend auf der Tagesordnung des Rates.",
    ],
)
def test_closing_run_keeps_a_last_paragraph_that_reports_the_same_words(line):
    from pipelines.cleanup import text_rules

    paragraphs = [*_MONEY_STORY, line]
    kept, fired = text_rules(paragraphs, None, set())
    assert kept == paragraphs, fired


@pytest.mark.parametrize(
    "line",
    [
        "This article is for informational purposes only and is not financial advice.",
        "We do not provide investment advice.",
        "Photo by Sam Okoro, taken from the market hall roof",
        "Ready to book your place? Call the box office on 01234 567890.",
        "Ready to get started?",
        "Got a news tip? Email us at desk@example.news.",
        "Do you have a problem with a company that you cannot solve? If so, our team wants to help you!",
        "Ready to find your course? Explore all of our evening classes today!",
        "This material has been prepared for informational purposes only.",
        "Check out my podcast on small business for more.",
        "We updated this article in June with the new opening hours.",
        "High Street Saver is a registered trademark of the traders' association.",
        "Submit the form below and our team will be in touch.",
        "Topics: Libraries, Books, Harrowgate Council",
        "Schlagwörter: Verkehr · Stadtrat · Radwege in der Innenstadt",
    ],
)
def test_closing_run_takes_the_publishers_own_small_print(line):
    from pipelines.cleanup import text_rules

    kept, fired = text_rules([*_MONEY_STORY, line], None, set())
    assert kept == _MONEY_STORY and fired.get("tail_calls", 0) >= 1


_STORY_DIV = "".join(
    f"<p>{line}</p>"
    for line in (
        "The ferry between the two islands runs twice a day again from Monday, after a winter of repairs.",
        "Islanders had relied on a borrowed boat since November, when a storm damaged the ramp.",
        "The operator said the timetable would return to four crossings a day once summer begins.",
    )
)


@pytest.mark.parametrize(
    "box",
    [
        # a pitch for the app: "Play" names the store, not a player's control
        "<div class='box'><h3>Get our news app</h3><p>Ferry times and island news, on your phone.</p>"
        "<a class='btn' href='/app'>Get it on Google Play</a></div>",
        # a sign-up box with the newsletter's logo beside its pitch
        "<div class='box'><img src='/logo.png' alt=''><p>Get the morning briefing from our newsroom.</p>"
        "<a class='btn' href='/newsletter'>Sign me up</a></div>",
    ],
)
def test_button_boxes_take_a_pitch_with_a_logo_or_a_store_name(box):
    from lxml.html import fromstring

    from pipelines.cleanup import apply_dom_rules

    tree = fromstring(f"<html><body><article>{_STORY_DIV}{box}</article></body></html>")
    fired = apply_dom_rules(tree, "https://isles.example/news/ferry-returns", {"button_boxes"})
    text = " ".join(tree.text_content().split())
    assert fired.get("button_boxes") == 1
    assert "Google Play" not in text and "Sign me up" not in text
    assert "borrowed boat since November" in text


def test_class_boxes_take_a_consent_dialog_in_another_language():
    from lxml.html import fromstring

    from pipelines.cleanup import apply_dom_rules

    rows = "".join(
        f"<p>Cookie {i}: Dieses Cookie wird vom Anbieter gesetzt und speichert Ihre Einwilligung.</p>"
        for i in range(16)
    )
    dialog = (
        "<div class='cookie-dialog'><h2>Ihre Privatsphäre</h2><p>Wir verwenden Cookies. Notwendige Cookies "
        f"sind immer aktiv.</p>{rows}<button>Alle akzeptieren</button></div>"
    )
    # a story long enough that the dialog is not mistaken for the page's main text
    story = _STORY_DIV + "".join(
        f"<p>Crossing {i}: the morning boat leaves the north pier at seven and the evening boat at six, "
        f"weather permitting, with room for twelve cars and a hundred foot passengers.</p>"
        for i in range(12)
    )
    tree = fromstring(f"<html><body><article>{story}</article>{dialog}</body></html>")
    (box,) = tree.xpath("//div[@class='cookie-dialog']")
    assert len(" ".join(box.text_content().split())) > 600  # past what a small box may hold
    fired = apply_dom_rules(tree, "https://isles.example/news/ferry-returns", {"class_boxes"})
    text = " ".join(tree.text_content().split())
    assert fired.get("class_boxes", 0) >= 1
    assert "Dieses Cookie" not in text and "borrowed boat since November" in text


def test_hidden_dialogs_keep_a_hidden_dialog_that_holds_the_story():
    # a story shown in a viewer the page opens by script: hidden in the markup, and still the article
    source = _page("rule_hidden_dialogs.html")
    story = source[source.index('<div class="story">') : source.index('<p><button class="republish-button"')]
    start, end = source.index("<main>"), source.index("</main>") + len("</main>")
    viewer = '<main><div class="viewer" role="dialog" aria-modal="true" hidden><h1>Rural clinics</h1>'
    viewer += story + "</div></main>"
    result = extract_article(source[:start] + viewer + source[end:], CASES["rule_hidden_dialogs.html"][0])
    assert result.is_article, result.reason
    assert result.record["text"].count("Four clinics in the upper valley") == 1
    assert "hidden_dialogs" not in result.record["extraction"]["rules"]


def test_teaser_lines_keep_a_table_row_that_starts_with_a_teaser_word():
    # "| Watch | Price |" is the table's header row, not a "Watch: …" teaser
    paragraph = (
        "<p>The testers wore each watch for a month and logged its battery life, its comfort on a long "
        "walk and how well it kept time against a radio clock ({}).</p>"
    )
    before = "".join(paragraph.format(n) for n in ("spring", "summer"))
    after = "".join(paragraph.format(n) for n in ("autumn", "winter"))
    table = (
        "<table><tr><th>Watch</th><th>Price</th><th>Battery</th></tr>"
        "<tr><td>Harbour One</td><td>£120</td><td>9 days</td></tr>"
        "<tr><td>Ridge Pro</td><td>£240</td><td>14 days</td></tr></table>"
    )
    html = (
        "<html><head><title>Three field watches tested</title><meta property='og:type' content='article'>"
        "</head><body><article><h1>Three field watches tested</h1>"
        f"{before}{table}{after}</article></body></html>"
    )
    result = extract_article(html, "https://gear.example/reviews/three-field-watches-tested")
    assert "| Watch | Price | Battery |" in result.record["text"].split("\n\n")
    assert "teaser_lines" not in result.record["extraction"]["rules"]


_VIEWER_STORY = [
    "The ferry to the outer isles sailed again on Monday after six weeks in dry dock at Leith.",
    "Islanders had relied on a borrowed landing craft since November, with room for four cars only.",
    "The operator said the new propeller shaft should keep the boat in service until the spring refit.",
    "Timetables for the winter crossings go up at the pier office and on the harbour noticeboard.",
]


def _viewer_page(body_attrs: str, viewer: str, after: str = "") -> str:
    return (
        "<html lang='en'><head><title>Ferry returns to the isles - Isles Courier</title>"
        "<meta property='og:type' content='article'></head>"
        f"<body{body_attrs}><header><a href='/'>Isles Courier</a></header>{viewer}{after}</body></html>"
    )


@pytest.mark.parametrize(
    "body_attrs, viewer",
    [
        # the story in a viewer inside the app's aria-hidden wrapper, its paragraphs as <div> lines
        (
            "",
            "<div id='app' aria-hidden='true'><div role='dialog' aria-modal='true'><h1>Ferry returns</h1>"
            + "".join(f"<div>{p}</div>" for p in _VIEWER_STORY)
            + "</div></div>",
        ),
        # a page that hides its <body> until its fonts load: a visible viewer holding the story
        (
            " style='visibility:hidden'",
            "<div role='dialog' aria-modal='true'><article><h1>Ferry returns</h1>"
            + "".join(f"<p>{p}</p>" for p in _VIEWER_STORY)
            + "</article></div>",
        ),
    ],
)
def test_hidden_dialogs_keep_a_story_shown_in_a_dialog(body_attrs, viewer):
    teasers = "".join(
        f"<p><a href='/news/other-{i}'>Harbour works delay the {i}th sailing of the season again</a></p>"
        for i in range(10)
    )
    result = extract_article(_viewer_page(body_attrs, viewer, teasers), "https://isles.example/news/ferry")
    assert result.is_article, result.reason
    assert all(p in result.record["text"] for p in _VIEWER_STORY)


def _card_page(cards: str) -> str:
    story = "".join(
        f"<p>{p}</p>"
        for p in (
            "The night bus from the coast to the city is to run every half hour from May, the operator said.",
            "Passengers have asked for a later service since the last train was cut to 10pm in 2023.",
            "The council will pay for the extra buses for a year while the operator counts who uses them.",
            "Drivers' unions said the timetable was fair but asked for two drivers on the longest routes.",
        )
    )
    return (
        "<html lang='en'><head><title>Night buses every half hour from May - Coast Courier</title>"
        "<meta property='og:type' content='article'></head><body><main><article>"
        f"<h1>Night buses every half hour from May</h1>{story}{cards}</article></main></body></html>"
    )


def _cards(items: list[tuple[str, str, str]]) -> str:
    """Cards as page builders make them: a picture linking to the story, a date and a section over the
    headline, a one-line summary under it; classes that name nothing."""
    return (
        "<div class='mt-8'>"
        + "".join(
            f"<div class='w-full shadow'><a href='{href}'><img src='/img/{i}.jpg' alt=''></a>"
            "<div class='pt-4'>"
            f"<div><span>March {20 + i}, 2025</span> / <a href='/transport'>Transport</a></div>"
            f"<h3><a href='{href}'>{headline}</a></h3><p>{dek}</p></div></div>"
            for i, (href, headline, dek) in enumerate(items)
        )
        + "</div>"
    )


def test_story_card_grids_take_a_grid_of_the_sites_other_stories_and_keep_a_grid_that_says_more():
    """Three cards alike, each a headline linking to another of the site's stories over a one-line
    summary, are the site's other stories whatever the grid is named; cards that lead to other sites (the
    places a story lists), or that say more than a line, are the story's and stay."""
    url = "https://coast-courier.example/transport/2025/04/02/night-buses-every-half-hour"
    teasers = [
        (
            "/transport/2025/03/30/ferry-fares-rise",
            "Ferry fares rise for the summer",
            "Day returns go up by a pound for adults and children",
        ),
        (
            "/transport/2025/03/28/harbour-car-park",
            "Harbour car park to close",
            "Work on the sea wall starts in June and runs to the autumn",
        ),
        (
            "/news/2025/03/27/station-lifts",
            "Station lifts finally repaired",
            "Both platforms have step-free access again after a year",
        ),
    ]
    text = extract_article(_card_page(_cards(teasers)), url).record
    assert "Ferry fares rise" not in text["text"] and "Day returns go up" not in text["text"]
    assert "Both platforms" not in text["text"] and text["extraction"]["rules"].get("story_card_grids") == 1
    assert "Drivers' unions said the timetable was fair" in text["text"]
    # the places a story lists, each card leading to its own site: the story's, and they stay
    places = [
        (
            f"https://{name.lower()}.example/",
            f"The {name} Inn at the harbour",
            f"Open late for the {name} bus",
        )
        for name in ("Anchor", "Lantern", "Pilot")
    ]
    result = extract_article(_card_page(_cards(places)), url).record
    assert "story_card_grids" not in result["extraction"]["rules"]
    # cards that say more than a line are the story's own sections, whatever they link to
    long_dek = " ".join(["The stop by the pier gets a shelter, a timetable board and a light on a pole."] * 5)
    sections = [(href, headline, long_dek) for href, headline, _ in teasers]
    result = extract_article(_card_page(_cards(sections)), url).record
    assert "story_card_grids" not in result["extraction"]["rules"]


def test_story_card_grids_keep_cards_the_story_goes_on_after():
    """A roundup lists the site's own stories as cards between its paragraphs ("the five we reviewed"):
    a sentence of the story after the grid makes the cards the story's list, and they stay."""
    url = "https://coast-courier.example/transport/2025/04/02/night-buses-every-half-hour"
    reviews = [
        (
            f"/reviews/2025/03/{20 + i}/{name.lower()}",
            f"The {name} night bus reviewed",
            f"Our verdict: {verdict}",
        )
        for i, (name, verdict) in enumerate(
            (
                ("Coastliner", "warm, on time and the only one of the three with a toilet on board."),
                ("Harbour Hopper", "the cheapest ride to the city, though it stops at every village."),
                ("Owl", "the fastest of them, with seats that recline and a driver who knows the way."),
            )
        )
    ]
    closing = "<p>Fares on all three routes were checked on 1 April and may change in the summer.</p>"
    record = extract_article(_card_page(_cards(reviews) + closing), url).record
    assert "story_card_grids" not in record["extraction"]["rules"]
    assert all(dek in record["text"] for _, _, dek in reviews)
    assert "Fares on all three routes were checked" in record["text"]


_MILL_STORY = [
    "The county's last working watermill will grind flour again from June, after a two-year repair "
    "of its wheel, sluice and the oak shaft that drives the stones.",
    "Volunteers rebuilt the wheel's forty paddles from larch felled on the estate, and a millwright "
    "from the next valley dressed the stones by hand over the winter.",
]


def test_info_tables_take_the_byline_and_date_set_out_as_labels_and_keep_the_storys_tables():
    """A small table or definition list of "Reporter | name", "Date | day", counters: the story's record,
    read by the metadata. A table of the story's own (a timetable, a film's credits) has other labels."""
    from lxml.html import fromstring

    from pipelines.cleanup import apply_dom_rules

    info = [
        "<table><tr><td><b>Reporter:</b></td><td>Ann Lowe</td></tr>"
        "<tr><td><b>Date:</b></td><td>May 3, 2025</td></tr><tr><td>Section:</td><td>Local</td></tr></table>",
        "<dl><dt>Written by</dt><dd>Ann Lowe</dd><dt>Published</dt><dd>03 May 2025</dd>"
        "<dt>Hits</dt><dd>412</dd></dl>",
        "<dl class='article-info'><dd>Written by Ann Lowe</dd><dd>Published: 03 May 2025</dd></dl>",
    ]
    story_tables = [
        # the opening days: dates, but no writer
        "<table><tr><td>Date</td><td>Opening hours</td></tr>"
        "<tr><td>3 May</td><td>9am to 5pm</td></tr></table>",
        # a film's credits, and a table whose rows say more than a label and its value
        "<dl><dt>Director</dt><dd>Ines Carvalho</dd><dt>Running time</dt><dd>128 min</dd></dl>",
        "<table><tr><td>Author</td><td>Ann Lowe</td></tr><tr><td>Date</td>"
        "<td>The mill was first recorded in 1086, in the Domesday survey of the manor and its lands.</td>"
        "</tr>"
        "</table>",
    ]
    for box in info:
        tree = fromstring(f"<html><body><h1>Mill grinds again</h1>{box}<p>{_MILL_STORY[0]}</p></body></html>")
        assert apply_dom_rules(tree, "https://mills.example/news/mill").get("info_tables") == 1, box
        assert tree.find(".//table") is None and tree.find(".//dl") is None
    for table in story_tables:
        tree = fromstring(f"<html><body><p>{_MILL_STORY[0]}</p>{table}</body></html>")
        assert "info_tables" not in apply_dom_rules(tree, "https://mills.example/news/mill"), table


@pytest.mark.parametrize(
    "box, kept",
    [
        # a book review's fact box over the review: the book's author, and a month for its date
        (
            "<dl><dt>Author</dt><dd>Ann Lowe</dd><dt>Published</dt><dd>March 2025, Harbour Press</dd>"
            "<dt>Category</dt><dd>Local history</dd></dl>",
            ["Harbour Press", "Local history"],
        ),
        # a quake's key facts inside the story: a full date, but after the story's opening paragraphs
        (
            "<dl><dt>Date</dt><dd>3 May 2025, 04:12 local time</dd>"
            "<dt>By</dt><dd>Coastal Seismic Network</dd><dt>Source</dt><dd>Seismic bulletin 12</dd></dl>",
            ["Coastal Seismic Network", "Seismic bulletin 12"],
        ),
    ],
)
def test_info_tables_keep_a_fact_box_of_the_storys_own(box, kept):
    story = [
        *_MILL_STORY,
        "The trust's history of the mill, written by a volunteer over six winters, is on sale in the shop "
        "and tells how the family that ran it for two centuries kept the stones turning through two wars.",
    ]
    top = "<p>" + "</p><p>".join(story[:2]) + "</p>"
    where = (box + top) if "Author" in box else (top + box)
    page = (
        "<html><head><title>Mill grinds again</title></head><body><article><h1>Mill grinds again</h1>"
        f"<p>By Ann Lowe | 3 May 2025</p>{where}<p>{story[2]}</p></article></body></html>"
    )
    record = extract_article(page.encode(), "https://mills.example/news/2025/05/03/mill-grinds-again").record
    assert record is not None
    for words in [*kept, *story]:
        assert words in record["text"], words


def test_contents_lists_take_the_pages_own_contents_and_keep_an_announced_list():
    from lxml.html import fromstring

    from pipelines.cleanup import apply_dom_rules

    contents = (
        "<h2>Key events</h2><ul><li><a href='#wheel'>The wheel turns</a></li>"
        "<li><a href='#flour'>First flour sold</a></li></ul>"
    )
    tree = fromstring(f"<html><body>{contents}<p>{_MILL_STORY[0]}</p><p>{_MILL_STORY[1]}</p></body></html>")
    assert apply_dom_rules(tree, "https://mills.example/news/mill-live").get("contents_lists") == 1
    assert [" ".join(el.text_content().split()) for el in tree.find("body")] == _MILL_STORY
    kept = [
        # announced by the story's sentence
        f"<p>{_MILL_STORY[0]}</p><p>The trust's report covers three stages of the work:</p>"
        "<ul><li><a href='#wheel'>The wheel</a></li><li><a href='#sluice'>The sluice</a></li></ul>",
        # items that say more than their link, and links to other pages
        "<ul><li><a href='#wheel'>The wheel</a>, rebuilt in larch</li>"
        "<li><a href='#sluice'>The sluice</a></li></ul>",
        "<ul><li><a href='/wheel'>The wheel</a></li><li><a href='/sluice'>The sluice</a></li></ul>",
    ]
    for html in kept:
        tree = fromstring(f"<html><body>{html}<p>{_MILL_STORY[1]}</p></body></html>")
        assert "contents_lists" not in apply_dom_rules(tree, "https://mills.example/news/mill"), html


@pytest.mark.parametrize("lead", ["Here is what we know.", "It was a long night!", "What happens now?"])
def test_contents_lists_keep_the_storys_short_sentence_over_its_contents(lead):
    # the contents go (its entries are the headings below), the sentence of the story over them stays
    sections = ["The wheel", "The sluice"]
    contents = "<ul>" + "".join(f"<li><a href='#s{i}'>{h}</a></li>" for i, h in enumerate(sections)) + "</ul>"
    body = "".join(f"<h2 id='s{i}'>{h}</h2><p>{_MILL_STORY[i]}</p>" for i, h in enumerate(sections))
    story = "The trust expects to sell the flour in the mill shop and to bakeries in the market town."
    page = (
        "<html><head><title>Mill grinds again</title></head><body><article><h1>Mill grinds again</h1>"
        f"<p>By Ann Lowe</p><p>{story}</p><p>{lead}</p>{contents}{body}</article></body></html>"
    )
    record = extract_article(page.encode(), "https://mills.example/news/2025/05/03/mill-grinds-again").record
    assert record is not None and "contents_lists" in record["extraction"]["rules"]
    for words in [story, lead, *_MILL_STORY]:
        assert words in record["text"], words


def test_chrome_lines_take_a_row_of_menu_labels_over_the_story_only():
    from pipelines.cleanup import text_rules

    story = [
        *_MILL_STORY,
        "The trust expects to sell the flour in the mill shop and to bakeries in the market town.",
        "School visits start in September, twice a week, the trust said.",
    ]
    kept, fired = text_rules(["Home | News | Sport | Classifieds", *story], None, set())
    assert kept == story and fired == {"chrome_lines": 1}
    # a byline set out the same way, with its date, and such a row further down are left to the other rules
    byline = ["Ann Lowe | Senior Writer | May 3, 2025", *story]
    assert text_rules(byline, None, set())[0] == byline
    more = [
        "The millwright will train two apprentices over the summer, paid for by the heritage grant.",
        "The wheel's old paddles will be shown in the barn beside the shop.",
    ]
    deep = [*story, *more, "Wheel | Sluice | Stones | Shaft", "Each has its own display board."]
    assert text_rules(deep, None, set())[0] == deep
    # a row of the story's own near its top: the side a sentence announces, the towns after the lead
    for row in (
        ["The trust's volunteers, in the order they joined:", "Ann Lowe | Sam Okoro | Ruth Hale | Tom Patel"],
        [story[0], "Dover | Deal | Folkestone | Hythe"],
    ):
        announced = [*row, *story[1:]]
        assert text_rules(announced, None, set())[0] == announced


def test_layout_tables_turn_a_page_laid_out_in_a_table_into_blocks_and_keep_the_storys_tables():
    """A table laying out the page (a menu column, the story's cell, a footer row) is read as the blocks it
    stands for; a table of the story's own values, and a grid of cards each with its text, stay tables."""
    from lxml.html import fromstring

    from pipelines.cleanup import apply_dom_rules

    story = "<br><br>".join(_MILL_STORY * 2)
    timetable = (
        "<table><tr><th>Day</th><th>Opening hours</th></tr><tr><td>Saturday</td><td>10am to 4pm</td></tr>"
        "<tr><td>Sunday</td><td>11am to 3pm</td></tr></table>"
    )
    page = (
        "<html><body><table><tr><td><table><tr><td><a href='/'>Home</a></td></tr>"
        "<tr><td><a href='/news/'>News</a></td></tr></table></td>"
        f"<td><b>Mill grinds again</b><br>{story}{timetable}</td></tr>"
        "<tr><td colspan='2'>Copyright 2001 The Mill Gazette</td></tr></table></body></html>"
    )
    tree = fromstring(page)
    # the page's table and the menu's table inside it; the timetable in the story stays a table
    assert apply_dom_rules(tree, "https://mills.example/news/mill").get("layout_tables") == 2
    assert [t.xpath("string(.//th)") for t in tree.iter("table")] == ["Day"]
    result = extract_article(page, "https://mills.example/news/mill")
    lines = result.record["text"].split("\n")
    assert all(p in lines for p in _MILL_STORY), lines
    # three columns: a long menu of section links (mostly links: not a text of its own), the story, and a
    # column of teasers, each a linked headline over a sentence
    menu = "<br><br>".join(f"<a href='/s{i}/'>Section number {i} of the paper</a>" for i in range(20))
    teasers = "".join(
        f"<p><a href='/news/{i}/'>Bakery opens on the quay</a> The new bakery on the quay sells bread made "
        "with the mill's flour, and the queue on its first morning ran past the harbour office.</p>"
        for i in range(3)
    )
    columns = (
        f"<html><body><table><tr><td>{menu}</td><td>{story}</td><td>{teasers}</td></tr></table></body></html>"
    )
    tree = fromstring(columns)
    assert apply_dom_rules(tree, "https://mills.example/news/mill").get("layout_tables") == 1
    # a grid of cards, each its heading and paragraphs: the content is the table's, not the page's layout
    card = "<td><h3>The mill</h3>" + "".join(f"<p>{p}</p>" for p in _MILL_STORY) + "</td>"
    grid = fromstring(f"<html><body><table><tr>{card * 3}</tr></table></body></html>")
    assert "layout_tables" not in apply_dom_rules(grid, "https://mills.example/news/mill")


def test_layout_tables_leave_a_table_whose_columns_are_named():
    """A review's table of what the writer liked and did not, each cell two paragraphs long: its header row
    names the columns, as a layout table's rows never do, and the reader keeps both names with their text."""
    liked = [
        "The smaller unit was almost silent at night, even at full output in the coldest week of the year, "
        "and the neighbours on both sides never noticed that it was there at all until we told them about "
        "it.",
        "Its app showed the running cost of each day in pounds, which made plain what the thermostat setting "
        "cost, and the installer fitted it in a single morning without lifting a floorboard or moving a "
        "radiator.",
    ]
    disliked = [
        "The larger unit needed a new hot water cylinder, which took up half the airing cupboard and added "
        "nearly a thousand pounds to the bill before any grant was paid at all, and its pipes ran up the "
        "stairs.",
        "Its outdoor fan hummed loudly enough to be heard in the garden next door, and the controller on the "
        "wall was hard to read without glasses in a dim hallway late at night, and its manual ran to ninety "
        "pages.",
    ]
    cells = "".join("<td>" + "".join(f"<p>{p}</p>" for p in ps) + "</td>" for ps in (liked, disliked))
    story = "".join(f"<p>{p}</p>" for p in _MILL_STORY)
    page = (
        "<html><head><title>Two heat pumps compared</title><meta property='og:type' content='article'>"
        "</head><body><article><h1>Two heat pumps compared</h1>"
        f"{story}<table><thead><tr><th>What we liked</th><th>What we did not</th></tr></thead>"
        f"<tbody><tr>{cells}</tr></tbody></table>{story}</article></body></html>"
    )
    result = extract_article(page, "https://mills.example/reviews/heat-pumps")
    text = " ".join(result.record["text"].split())
    assert "What we liked" in text and "What we did not" in text, text
    assert all(p in text for p in liked + disliked), text
    assert "layout_tables" not in result.record["extraction"]["rules"]


def test_layout_tables_leave_a_table_of_questions_and_answers():
    """An interview set out as a table, each row a question and its answer of two paragraphs: the first cell
    of each row is a label (short, no link), as a layout table's menu column is not; the questions stay."""
    answers = [
        [
            "We started with one van and a list of forty households that the food bank could not reach, and "
            "by the spring we had three vans and nearly two hundred households on the rounds every single "
            "week of the year.",
            "The hardest part was never the driving, it was finding people who could give a whole morning "
            "every week without being paid for it, and keeping them, which took most of the first winter and "
            "the spring.",
        ],
        [
            "The council gave us the depot for a pound a year, so the money we raised went on food rather "
            "than rent, and the big new supermarket out on the ring road now sends its surplus straight to "
            "us each night.",
            "Next year we want a cold store, so that we can take fresh milk and meat as well as tins, and "
            "that will cost about twelve thousand pounds that we do not have yet, so the summer raffle is "
            "back again.",
        ],
    ]
    questions = ["How did the rounds start?", "What changed this year?"]
    rows = "".join(
        f"<tr><td><b>{q}</b></td><td>" + "".join(f"<p>{p}</p>" for p in ps) + "</td></tr>"
        for q, ps in zip(questions, answers, strict=True)
    )
    page = (
        "<html><head><title>Five minutes with the food bank's driver</title>"
        "<meta property='og:type' content='article'></head><body><article>"
        "<h1>Five minutes with the food bank's driver</h1>"
        + "".join(f"<p>{p}</p>" for p in _MILL_STORY)
        + f"<table>{rows}</table></article></body></html>"
    )
    result = extract_article(page, "https://mills.example/news/food-bank-driver")
    text = " ".join(result.record["text"].split())
    assert all(q in text for q in questions), text
    assert all(p in text for ps in answers for p in ps), text


def test_chrome_lines_take_a_row_of_menu_labels_set_apart_with_dashes_or_dots():
    from pipelines.cleanup import text_rules

    story = [
        *_MILL_STORY,
        "The trust expects to sell the flour in the mill shop and to bakeries in the market town.",
    ]
    for menu in ("HOME - NEWS - SPORTS - SOCIAL NEWS - CLASSIFIED ADS", "News · Sport · Business · Jobs"):
        kept, fired = text_rules([menu, *story], None, set())
        assert kept == story and fired == {"chrome_lines": 1}, menu
    # two dashes around an aside, a product's facts between dots: the story's lines
    for line in ("The vote - the third - was close", "1-2 Players • Ages 14+ • 60 minutes • $59"):
        assert text_rules([line, *story], None, set())[0] == [line, *story], line
    # a match report's line-ups, its last lines: a side's name, then its players by line, with commas
    lineups = [
        "Rovers: Hale - Okoro, Patel, Lowe, Banks - Smith, Jones - Brown",
        "United: Marsh - Reid, Quinn, Doyle - Fenn, Carter, Ames - Lyle, Roper",
    ]
    report = [*story, "Rovers stay third, two points behind the leaders with four games left.", *lineups]
    assert text_rules(report, None, set())[0] == report


def test_date_stamps_take_a_date_with_its_day_and_zone_and_a_two_step_trail():
    from pipelines.cleanup import text_rules

    story = [
        "The new ferry made its first crossing on Monday, 3 March 2008, two years after the old one retired.",
        "Passengers queued from dawn at the slipway, and the first sailing left ten minutes late.",
    ]
    top = [
        "Vie locale > Saint-Aubin-des-Prés",
        "Monday, March 3, 2008",
        "Last Updated: Wednesday, 21 November 2007, 14:32 GMT",
    ]
    kept, fired = text_rules(top + story, None, set())
    assert kept == story and fired == {"date_stamps": 3}
    # a two-step line that reads as the story's (it ends as a sentence ends) stays
    line = "Prices > wages, the union said."
    assert text_rules([line, *story], None, set())[0] == [line, *story]
    # a guide's steps, as items of its list or under its lead: menus of the app, not the page's trail
    for steps in (
        ["- Open Settings > Privacy", "- Tap Location > App permissions"],
        ["Open Settings > Privacy", "Tap Location > App permissions"],
    ):
        guide = [story[0], *steps, story[1]]
        assert text_rules(guide, None, set())[0] == guide, steps
    assert text_rules(["- Sport > Football", *story], None, set())[0] == ["- Sport > Football", *story]


def test_byline_repeat_takes_the_writers_job_on_the_line_under_the_byline_only():
    from pipelines.cleanup import text_rules

    story = [*_MILL_STORY, "The trust's editor said the first loaves would be sold at the spring fair."]
    kept, fired = text_rules(
        ["By Ann Lowe", "Gazette Staff Writer", *story], None, set(), authors=["Ann Lowe"]
    )
    assert kept == story and fired == {"byline_repeat": 2}
    # without the byline over it, a short line naming a job is left alone
    alone = ["Gazette Staff Writer", *story]
    assert text_rules(alone, None, set(), authors=["Ann Lowe"])[0] == alone


def test_chrome_lines_take_a_blog_templates_feed_line_and_a_mail_us_link():
    from pipelines.cleanup import text_rules

    story = [*_MILL_STORY, "Readers can subscribe to the trust's newsletter at the mill shop, it said."]
    for line in ("Subscribe to: Post Comments (Atom)", "Subscribe to: Posts (Atom)", "Send us E-mail"):
        kept, fired = text_rules([*story, line], None, set())
        assert kept == story, line


def test_other_headlines_take_another_query_of_a_page_that_names_its_story_by_query():
    from lxml.html import fromstring

    from pipelines.cleanup import other_headlines

    tree = fromstring(
        "<html><body><a href='article.php?id=2201'>Apple fair growers count the cost of the frost</a>"
        "<a href='article.php?id=2214#comments'>Read the comments on this story here</a></body></html>"
    )
    assert other_headlines(tree, "http://echo.example/article.php?id=2214") == {
        "apple fair growers count the cost of the frost"
    }
    # a page without a query: a link to its own address with one is a link to itself (a reply, a share)
    assert other_headlines(tree, "http://echo.example/article.php") == set()
    # a story fetched with a feed's tracking query: its own address with another query (the next page of
    # the story, a share) is the story's, not another story's
    paged = fromstring(
        "<html><body><a href='/news/frost-hits-apple-growers?page=2'>How the growers plan to recover</a>"
        "</body></html>"
    )
    assert other_headlines(paged, "http://echo.example/news/frost-hits-apple-growers?utm_source=rss") == set()


def test_title_repeat_takes_the_kicker_over_the_headline_and_keeps_a_sentence_or_the_sites_pitch_there():
    from pipelines.cleanup import text_rules

    title = "Parking zones: what they mean for you"
    story = [
        "Residents' parking zones will cover eleven streets around the station from May, the council said.",
        "The first permit for a household will cost £45 a year and a second one £90.",
    ]
    kept, fired = text_rules(["Explainer", title, *story], title, set())
    assert kept == story and fired == {"title_repeat": 2}
    for lead in ("The council voted on Wednesday night.", "Our Services"):
        kept, fired = text_rules([lead, title, *story], title, set())
        assert kept == [lead, *story] and fired == {"title_repeat": 1}


def _scrolled(first: str, *appended: str) -> str:
    paragraphs = "".join(
        f"<p>Paragraph {n} of the library story tells how the town's new library came to be built.</p>"
        for n in range(1, 5)
    )
    return (
        "<html><head><title>Library reopens | Mercury</title></head><body><main>"
        f"<article class='story'><h1>Library reopens after two-year rebuild</h1>{first}{paragraphs}</article>"
        f"{''.join(appended)}</main></body></html>"
    )


def test_appended_stories_take_the_next_story_below_the_first_and_keep_entries_and_cards():
    from pipelines.cleanup import rule_appended_stories

    brewery = "".join(
        f"<p>Paragraph {n} of the brewery story says the firm will hire thirty more staff at the wharf.</p>"
        for n in range(1, 5)
    )
    for appended in (
        f"<article class='story'><h1>Brewery to double in size</h1>{brewery}</article>",
        f"<article class='story'><h2>Brewery to double in size</h2>{brewery}</article>",
        f"<article class='other'><header><h1>Brewery to double in size</h1></header>{brewery}</article>",
    ):
        tree = lxml_html.fromstring(_scrolled("", appended))
        assert rule_appended_stories(tree, {"p_len": 1000}) == 1
        assert "brewery" not in tree.text_content()
    # a live blog's entries beside the story, teaser cards under it, an embedded post inside it: they stay
    entry = f"<article class='live-entry'><h2>10:42 Brewery update</h2>{brewery}</article>"
    card = "<article class='story'><h2>Brewery to double in size</h2><p>A teaser.</p></article>"
    embed = f"<article class='embed'><h1>Brewery to double in size</h1>{brewery}</article>"
    for page in (_scrolled("", entry, entry), _scrolled("", card, card), _scrolled(embed)):
        tree = lxml_html.fromstring(page)
        assert rule_appended_stories(tree, {"p_len": 1000}) == 0
    # the headline over the story's <article>, outside it: a later article with an <h1> of its own goes,
    # a live blog's entries (built alike, under <h2>s) stay
    header = "<header><h1>Library reopens after two-year rebuild</h1></header>"
    for appended, count in (
        (f"<article class='story'><h1>Brewery to double in size</h1>{brewery}</article>", 1),
        (entry, 0),
    ):
        story = (
            f"<article class='{'story' if count else 'live-entry'}'>{brewery.replace('brewery', 'library')}"
        )
        tree = lxml_html.fromstring(f"<html><body>{header}{story}</article>{appended}</body></html>")
        assert rule_appended_stories(tree, {"p_len": 1000}) == count
        assert ("brewery" in tree.text_content()) == (count == 0)
    # nor does an article before the story's own go
    tree = lxml_html.fromstring(
        _scrolled("").replace("<main>", f"<main><article class='story'>{brewery}</article>")
    )
    assert rule_appended_stories(tree, {"p_len": 1000}) == 0


def test_appended_stories_keep_the_story_after_a_masthead_a_banner_or_cards_built_as_articles():
    from pipelines.cleanup import rule_appended_stories

    library = "".join(
        f"<p>Paragraph {n} of the library story tells how the town's new library came to be built.</p>"
        for n in range(1, 5)
    )
    story = f"<article class='post'><h1>Library reopens after two-year rebuild</h1>{library}</article>"
    logo = "<h1 class='site-title'><a href='/'>Harwick Mercury</a></h1>"
    cards = "".join(
        f"<article class='card'><h3><a href='/n/{n}'>Trending story {n}</a></h3></article>" for n in range(3)
    )
    banner = "<article class='breaking'><h2>Breaking</h2><p><a href='/n/9'>Bypass shut</a></p></article>"
    for before in (
        # the site's name in an <h1> over a strip of teaser cards, or over a "breaking news" banner
        f"<header>{logo}</header><div class='trending'>{cards}</div>",
        f"<header>{logo}</header>{banner}",
        # the masthead itself an <article>
        f"<article class='masthead'>{logo}</article>",
    ):
        tree = lxml_html.fromstring(f"<html><body>{before}<main>{story}</main></body></html>")
        assert rule_appended_stories(tree, {"p_len": 1000}) == 0
        assert tree.text_content().count("Paragraph") == 4
    # and the story found past them still loses the next one appended below it
    brewery = library.replace("library", "brewery")
    appended = f"<article class='post'><h1>Brewery to double in size</h1>{brewery}</article>"
    tree = lxml_html.fromstring(f"<html><body><header>{logo}</header>{cards}{story}{appended}</body></html>")
    assert rule_appended_stories(tree, {"p_len": 1000}) == 1
    assert "brewery" not in tree.text_content() and tree.text_content().count("Paragraph") == 4


def test_drop_invisible_opens_a_noscript_that_holds_the_story_only():
    from pipelines.cleanup import drop_invisible

    story = "".join(
        f"<p>Paragraph {n} of the story says the volunteers counted the nests in the church tower.</p>"
        for n in range(1, 5)
    )
    notice = "<noscript><p>Please enable JavaScript to read this story on our website today.</p></noscript>"

    def page(body: str) -> lxml_html.HtmlElement:
        return lxml_html.fromstring(f"<html><body><h1>Nests counted</h1>{body}</body></html>")

    # the story only there: opened
    tree = page(f"<div id='root'></div><noscript><div class='body'>{story}</div></noscript>{notice}")
    drop_invisible(tree)
    assert tree.text_content().count("Paragraph") == 4 and "enable JavaScript" not in tree.text_content()
    # a copy of the story the page renders, a notice beside paragraphs as <div>s, teasers: they go
    divs = story.replace("<p>", "<div>").replace("</p>", "</div>")
    for body in (
        f"<div class='body'>{story}</div><noscript>{story}</noscript>",
        f"<div class='body'>{divs}</div><noscript>{story}</noscript>",
        f"<div class='body'>{divs}</div>{notice}",
    ):
        tree = page(body)
        drop_invisible(tree)
        assert tree.text_content().count("Paragraph") == 4 and "enable JavaScript" not in tree.text_content()


def test_drop_invisible_leaves_shut_a_noscript_beside_a_story_the_page_shows():
    from pipelines.cleanup import drop_invisible

    story = "".join(
        f"<div class='para'>Paragraph {n} of the story says the volunteers counted the nests in the church "
        "tower.</div>"
        for n in range(1, 6)
    )
    comments = "".join(
        f"<p>Comment {n}: what a lovely thing to read about our church, well done to all the volunteers.</p>"
        for n in range(1, 4)
    )
    # the story is on the page, in <div>s: the comments' copy for readers without scripts stays shut
    noscript = f"<noscript><p>Please enable JavaScript to view the comments.</p>{comments}</noscript>"
    tree = lxml_html.fromstring(
        f"<html><body><h1>Nests counted</h1><div class='body'>{story}{noscript}</div></body></html>"
    )
    drop_invisible(tree)
    assert tree.text_content().count("Paragraph") == 5 and "Comment" not in tree.text_content()
    # a brief of two paragraphs, a paywall's first two, beside a <noscript> consent text or pitch that is
    # longer than they are: the story is on the page, and the <noscript> stays shut
    brief = "".join(
        f"<p>Paragraph {n} of the brief says the bypass reopened on Monday after the weekend's repairs.</p>"
        for n in (1, 2)
    )
    consent = "<noscript><h2>Your privacy</h2>" + "".join(
        f"<p>Notice {n}: we and our partners use cookies on this site to measure how our pages are read.</p>"
        for n in range(1, 5)
    )
    tree = lxml_html.fromstring(f"<html><body><h1>Bypass reopens</h1><article>{brief}{consent}</noscript>")
    drop_invisible(tree)
    assert tree.text_content().count("Paragraph") == 2 and "Notice" not in tree.text_content()


def test_appended_stories_keep_articles_built_like_a_story_under_a_site_name_h1():
    from pipelines.cleanup import rule_appended_stories

    def part(n: int) -> str:
        return "".join(
            f"<p>Sentence {k} of part {n} tells how the ferry crossing was first run by the islanders.</p>"
            for k in range(1, 4)
        )

    # the page's first <h1> is the site's name: the parts of a series set out as <article>s like the
    # first, under <h2>s, are not told apart from it by a headline of the page's own, and stay
    tree = lxml_html.fromstring(
        "<html><body><header><h1><a href='/'>Quillmoor Observer</a></h1></header>"
        f"<article class='post'><h1>The ferry, a history</h1>{part(1)}</article>"
        f"<article class='post'><h2>Part two: the steamers</h2>{part(2)}</article></body></html>"
    )
    assert rule_appended_stories(tree, {"p_len": 1000}) == 0
    assert "part 2" in tree.text_content()
