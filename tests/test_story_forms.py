"""Story forms of news and magazine sites beyond the plain news story, each page our own (invented outlets,
people and text) with the furniture such sites print around it: a football match report (score header,
line-ups, match stats, a betting-odds widget), an agency story on a local TV station's site, a funeral
home's obituary page, a letters page, a "what we know" explainer whose questions are numbered subheads, a
phone review with a score box, "The good / The bad" and a price-comparison widget, a public-radio story
with its transcript, a fact check with its claim and verdict, a story with a correction over it and a
clarification under it, a book review, a magazine interview whose questions are subheads, an advice
column answering a reader's letter, a podcast episode with a timestamped transcript, a club's own match
report, a paid obituary on a newspaper's obituary platform, an agency story on a newspaper's site, a
restaurant review with a table-booking widget, an interview of "Q." / "A." paragraphs, a TV station's own
story, and a film review with a "Where to watch" box.

What a reader expects (``ArticlePageChecks``): every paragraph of the story is kept, once and on its own
line, and the furniture around it goes. Where these pages differ from a plain story:
- a match report: the report is the story; the odds widget ("Bet now", "18+. Gamble responsibly"), the link
  to the live commentary and the league-table box are furniture. The score header, line-ups and stats table
  are not asserted either way (the report tells the goals; reference texts differ on the boxes);
- an agency story on a partner's site: the dateline "CITY (Agency) —" and "… contributed to this report."
  are the story's; the agency's "Copyright … All rights reserved. This material may not be published,
  broadcast, rewritten or redistributed." is the licence line the station prints under every such story,
  and goes with the station's newscast player, app promo and weather rail; a byline in capitals with the
  agency after it ("By MARCUS ELWOOD Allied Press") names the person in capitals;
- a funeral home's obituary: the notice and its service details (visitation, funeral, burial, "in lieu of
  flowers") are the story; "Send Flowers", "Plant a Tree", the flower shop box, the guestbook's form and
  its entries, "To plant trees in memory, please visit the Sympathy Store." and the notification sign-up
  are furniture. It names no writer;
- a letters page: each letter's heading, its paragraphs and its writer's name and town are the story; the
  paper's "Have your say" call for letters is furniture;
- an explainer: its numbered questions ("2. Is the dam going to fail?") are subheads of the story;
- a review: its "The good / The bad" lists and the bottom line are the review's; the affiliate note, the
  "Today's best … deals" widget and the writer's bio box are furniture (the score and the spec table are
  not asserted);
- a radio transcript: each speaker's label ("TOBIAS REINHOLT, HOST:", on a line of its own or opening the
  speech) is the transcript's; the player, "Subscribe on: Apple Podcasts …" and the donation box are
  furniture (the station's transcript notice is not asserted);
- a fact check: the claim and the verdict, in a box over the story, are its lead (the sources list is not
  asserted); the "Send us a claim" box is furniture;
- a correction or a clarification, over or under the story, is the newsroom's note on it and stays;
- a newsroom's appeal closing the story ("We rely on readers like you. Donate today") is furniture;
- a film review: the writer's name and date on one line over it ("Jane Doe · 13 March 2026") are its
  byline, not its text; its "Where to watch" box of streaming links is furniture (a strict xfail: out of
  reach for now, see there);
- a book review: the review is the story; the affiliate line "To support … buy a copy from …" is furniture
  (the line naming the publisher and price is not asserted);
- an interview whose questions are subheads: each question is the story, as is its "edited for length and
  clarity" note;
- an advice column: the reader's letter (in a blockquote, signed with a pen name) and the answer are the
  story (the standing "Write to … in confidence" box is not asserted)."""

from __future__ import annotations

import lxml.html
import pytest

from pipelines.extract import extract_article
from pipelines.recover import recover_dropped_blocks
from tests.news_pages import ArticlePageChecks, Page, page_source, pages_fixture, words

PAGES_UNDER_TEST = [
    # a football match report: a score header with the scorers and a "live commentary" link over the
    # story, then line-ups, a stats table, a betting-odds widget, topics and share links; a league table
    # and "More sport" in the rail
    Page(
        "forms_match_report.html",
        "https://dunmore-evening-press.example/sport/football/harlow-vale-2-1-brackenford-report",
        "//div[@class='story-copy']/p",
        "Harlow Vale 2-1 Brackenford: Okonjo double sends Vale top of the table",
        "2026-02-14",
        ["Tomasz Greenhalgh"],
        [
            "Relive the match with our live commentary",
            "Next match odds",
            "Bet now with Betcastle",
            "Gamble responsibly",
            "More sport",
            "Dunmore RFC edge past Kestrel Park in seven-try thriller",
            "Full table",
            "Registered in England",
        ],
        min_story=8,
    ),
    # an agency story on a local TV station's site: a dateline with the agency's name, an uppercase
    # byline, the station's app promo between the paragraphs, "… contributed to this report." and the
    # agency's licence line closing it; a newscast player over it, alerts, a weather rail
    Page(
        "forms_wire_tv_station.html",
        "https://kvrm7.example/news/2026/08/18/wildfire-near-meridian-falls-forces-evacuations/",
        "//div[@class='story__body']/p[not(@class)]",
        "Wildfire near Meridian Falls forces evacuation of 3,000 homes as winds shift",
        "2026-08-18",
        ["Marcus Elwood"],
        [
            "Copyright 2026 Allied Press",
            "This material may not be published, broadcast, rewritten or redistributed",
            "Watch the latest newscast",
            "Download the KVRM 7 News app for breaking news alerts",
            "Report a typo",
            "Latest News",
            "School board delays bond vote until November",
            "First Alert Forecast",
            "Closings & Delays",
            "FCC Public File",
        ],
        min_story=8,
    ),
    # a funeral home's obituary page: the notice, its service schedule (two events and a note), the flower
    # shop's buttons and box, the guestbook (form and entries), the notification sign-up and recent notices
    Page(
        "forms_funeral_home_obituary.html",
        "https://hollisandcrane.example/obituaries/walter-eugene-pruitt",
        "//section[@id='obit']/p | //div[@class='tribute-event']/* | //p[@class='tribute-events__note']",
        "Walter Eugene Pruitt",
        "2026-03-05",
        None,
        [
            "Send Flowers",
            "Plant a Tree",
            "Share a Memory",
            "Shop Sympathy Flowers",
            "Memories & Condolences",
            "Coach Pruitt taught me how to catch a fly ball",
            "Our deepest sympathy to Dolores and the family",
            "A tree was planted in memory of Walter Eugene Pruitt",
            "Obituary Notifications",
            "Recent Obituaries",
            "Margaret Ellen Sowby",
            "Call us 24/7",
            "Add to calendar",
            "Get directions",
            "Website by Tributeworks",
        ],
        min_story=15,
    ),
    # a letters page: four letters, each under its own heading and signed with a name and a town; the
    # paper's call for letters, share links, "Most read" and "More letters" around them
    Page(
        "forms_letters_page.html",
        "https://wendleburyclarion.example/opinion/letters/2026/04/09/letters-ring-road-lifeboat-library/",
        "//div[@class='wc-article__text']/*",
        "Letters: The ring road will not fix Hollowmere's traffic, and other letters",
        "2026-04-09",
        None,
        [
            "Have your say",
            "Email your letter to letters@wendleburyclarion.example",
            "Most read",
            "Boy rescued from rocks at Scarrow Point",
            "More letters",
            "Letters: Parking charges will empty the high street",
            "Subscribe from £1 a week",
            "Complaints",
        ],
        min_story=15,
    ),
    # an explainer: six numbered questions as h2s, a "Read more:" link between them, a newsletter box and
    # related cards under it
    Page(
        "forms_numbered_explainer.html",
        "https://eastmarchobserver.example/environment/2026/01/22/tarrow-reservoir-what-we-know",
        "//div[@class='eo-story__content']/*[self::h2 or self::p]",
        "Tarrow reservoir leak: what we know so far",
        "2026-01-22",
        ["Ingrid Achebe-Solberg"],
        [
            "Read more:",
            "Half of the county's dams are over 90 years old, report warns",
            "Environment correspondent",
            "More on:",
            "Copy link",
            "The Observer Morning",
            "Start every weekday with the stories that matter in Eastmarch.",
            "Related stories",
            "Cracks found in Tarrow dam wall",
            "Marchland Media",
        ],
        min_story=14,
    ),
    # a phone review: a score box over it (score, stars, "The good" and "The bad" lists, the bottom line),
    # subheads, a spec table, a price-comparison widget, the writer's bio box
    Page(
        "forms_gadget_review.html",
        "https://circuitry.example/reviews/lumora-fold-2-review",
        "//div[@class='cx-review__body']/*[self::p or self::h2] | //div[@class='cx-scorecard__col']/h3"
        " | //div[@class='cx-scorecard__col']//li | //p[@class='cx-scorecard__bottom']",
        "Lumora Fold 2 review: the folding phone that finally survives a pocket",
        "2026-05-19",
        ["Yusuf Brannigan-Oke"],
        [
            "we may earn an affiliate commission",
            "Today's best Lumora Fold 2 deals",
            "View Deal",
            "£1,629",
            "We check over 130 million products every day for the best prices",
            "is Circuitry's mobile editor",
            "You might also like",
            "The best folding phones of 2026",
            "Brightline Publishing",
        ],
        min_story=20,
    ),
    # a public-radio story: an episode player, "Subscribe on:" badges, a one-paragraph summary, then the
    # transcript with uppercase speaker labels; a donation box and the show's other episodes
    Page(
        "forms_radio_transcript.html",
        "https://wqrt.example/shows/heartland-hour/2026/03/27/pellston-mills-grocery-store",
        "//div[@class='radio-story__text']/p",
        "Why a small Ohio town bought its own grocery store",
        "2026-03-27",
        ["Celestine Marsh-Adeyemi"],
        [
            "Listen Live",
            "Download",
            "Embed",
            "Subscribe on:",
            "Apple Podcasts",
            "Support local public radio",
            "Give now",
            "More from Heartland Hour",
            "The barn quilt trail that brought tourists to Keel County",
            "FCC Applications",
        ],
        min_story=13,
    ),
    # a fact check: the claim and the verdict in a box over the story (ClaimReview beside the
    # NewsArticle), its sources, a box asking for claims, a share bar
    Page(
        "forms_fact_check.html",
        "https://northfoldrecord.example/verify/2026/06/02/ravensholm-roundabout-2m-claim/",
        "//div[@class='nr-claimcard']/p | //div[@class='nr-article__body']/p",
        "Fact check: Did Ravensholm's council really spend £2m on one roundabout?",
        "2026-06-02",
        ["Anouk Delacroix-Mbeki"],
        [
            "Seen something that doesn't look right?",
            "Send us a claim",
            "Share this fact check",
            "More from Verify Desk",
            "No, this photo does not show Ravensholm's bin depot",
            "code of principles",
        ],
        min_story=9,
    ),
    # a WordPress story: a correction in a coloured block over its first paragraph, a clarification in
    # italics under its last; the membership box, post navigation and the comment form after it
    Page(
        "forms_correction_top.html",
        "https://tallowcreeksentinel.example/2026/09/10/grainger-county-jail-expansion-approved/",
        "//div[@class='entry-content']//p",
        "Grainger County approves $18 million jail expansion over residents' objections",
        "2026-09-10",
        ["Roberta Quintanilla"],
        [
            "Posted in",
            "Tagged",
            "Local news needs local support",
            "Become a member",
            "Post navigation",
            "Tallow Creek homecoming parade route announced",
            "Leave a Reply",
            "Recent Posts",
            "Independent news for Grainger County since 1919",
        ],
        min_story=9,
    ),
    # a book review: a star rating, the review, the book's details with an affiliate line under them,
    # "Reuse this content", "More on this story" and "Most viewed"
    Page(
        "forms_book_review.html",
        "https://quillmoorreview.example/books/2026/07/04/the-salt-orchard-imogen-vale-adeleke-review",
        "//div[@class='qm-piece__text']/p",
        "The Salt Orchard by Imogen Vale-Adeleke review – a family, a flood and forty years of silence",
        "2026-07-04",
        ["Fenella Oduya-Marsh"],
        [
            "To support the Quillmoor Review buy a copy from",
            "Delivery charges may apply.",
            "Reuse this content",
            "More on this story",
            "The best debut novels of the summer",
            "Most viewed",
            "Become a supporter",
        ],
        min_story=6,
    ),
    # a magazine interview: two paragraphs of introduction, "This interview has been edited for length and
    # clarity." in italics, then five questions as h3s, each over its answer
    Page(
        "forms_qa_heading_questions.html",
        "https://terrainmag.example/people/conversations/ottoline-reyes-harrow-caves",
        "//div[@class='tm-article__rte']/*",
        "Ottoline Reyes-Harrow on 40 years of mapping caves: 'You learn to trust the dark'",
        "2026-10-14",
        ["Jasper Nwankwo-Lindgren"],
        [
            "Our Winter issue is here.",
            "Subscribe to Terrain",
            "Four issues a year, delivered to your door, from $29.",
            "Keep exploring",
            "The glacier pilot who has landed on every icefield in Alaska",
            "Terms of Use",
        ],
        min_story=13,
    ),
    # a podcast's episode page: a player with speed buttons, "Listen on" badges, show notes with the
    # episode's chapters (not asserted), a transcript of timestamped lines with bold speaker names, the
    # show's credits (not asserted), an appeal for ratings and the episode pager
    Page(
        "forms_podcast_timestamps.html",
        "https://fieldhours.example/episodes/112-the-people-who-count-the-birds",
        "//div[@class='ep__notes']/p | //section[@class='ep__transcript']/p",
        "Episode 112: The people who count the birds",
        "2026-04-30",
        ["Priyanka Delacourt"],
        [
            "Listen on",
            "Apple Podcasts",
            "Pocket Casts",
            "1.5x",
            "Enjoying Field Hours?",
            "Leave us a rating and review wherever you listen.",
            "Become a patron",
            "Episode 111: Salt marsh sheep",
        ],
        min_story=9,
    ),
    # a club's own match report: partners' logos, a scoreline card with its scorers and "Match centre",
    # the starting eleven, a ticket box for the next match, a highlights promo, tiles of the latest news;
    # its author is the club (not asserted)
    Page(
        "forms_club_match_report.html",
        "https://ashwellunited.example/news/report-corrby-rovers-0-3-ashwell-united",
        "//div[@class='article-body rich-text']/p",
        "Report: Corrby Rovers 0-3 Ashwell United",
        "2026-10-03",
        None,
        [
            "Official partners",
            "Match centre",
            "Tuesday 6 October, 7.45pm, Ferrier Park",
            "Buy tickets",
            "Watch the highlights",
            "All three goals and the best of the action are on AUFC TV now.",
            "Watch now",
            "Share this article",
            "Latest news",
            "Hartigan signs new three-year deal",
            "Company no. 00412269",
        ],
        min_story=8,
    ),
    # a paid obituary on the newspaper's obituary platform: the notice (its service and memorials last),
    # "Send Flowers", the tree line, the guest book's entries, an alert sign-up; the "Published by … from
    # … to …" line under it is not asserted
    Page(
        "forms_newspaper_paid_obituary.html",
        "https://tributes.example/us/obituaries/cedarbluffregister/name/rosalind-okafor-lindell-88121",
        "//div[@class='ob-body__text']/p",
        "Rosalind Mae Okafor-Lindell",
        "2026-01-12",
        None,
        [
            "Obituaries powered by Tributes Online",
            "Send Flowers",
            "To plant trees in memory, please visit the Sympathy Store.",
            "Sign the Guest Book",
            "6 Entries",
            "Mrs. Okafor-Lindell was my third grade teacher in 1971.",
            "View All Guest Book Entries",
            "Get obituary alerts",
            "More obituaries for Okafor-Lindell",
            "Do Not Sell My Personal Information",
        ],
        min_story=8,
    ),
    # an agency story on a newspaper's site: the byline in capitals with the agency after it (so in its
    # head too), a "___" rule (not asserted), the writers who contributed, the agency's licence line
    Page(
        "forms_wire_partner_paper.html",
        "https://pinecrestledger.example/news/national/drought-pushes-rio-seco-ranchers-to-sell-herds-early/",
        "//div[@class='asset__body']/p[position() < 7 or contains(., 'contributed')]",
        "Drought pushes Rio Seco cattle ranchers to sell herds early",
        "2026-07-22",
        ["LUCIA BRANDVOLD-ORTIZ"],
        [
            "Copyright 2026 The Allied Press",
            "may not be published, broadcast, rewritten or redistributed",
            "Trending Now",
            "County fair parade route changes this year",
            "Unlimited digital access for $1 for the first 3 months.",
            "Subscribe for $1",
            "a Highplains Media company",
        ],
        min_story=7,
    ),
    # a restaurant review: the review, a box of the details (address, hours, prices, scores: not asserted),
    # a table-booking widget, sponsored places to stay, more reviews
    Page(
        "forms_restaurant_booking.html",
        "https://kernowweekender.example/food/reviews/salt-and-ember-porthkerris",
        "//div[@class='kw-article__copy']/p",
        "Salt & Ember, Porthkerris: restaurant review – fish cooked over fire, and a view to match",
        "2026-08-08",
        ["Bethan Achterberg-Nwosu"],
        [
            "Reserve a table at Salt & Ember",
            "Party size",
            "Find a time",
            "Powered by TableFinder",
            "Sponsored: Places to stay near Porthkerris",
            "Harbour Cottage, sleeps 4, from £120 a night",
            "More restaurant reviews",
            "The Net Loft, St Ives: restaurant review",
        ],
        min_story=7,
    ),
    # an interview on a nonprofit newsroom's site: "Q." questions in bold paragraphs, "A." answers, its
    # "edited for length and clarity" note in the introduction; the appeal for donations and "Republish
    # this story" under it
    Page(
        "forms_qa_prefixed.html",
        "https://brennanvalleyvoice.example/2026/05/06/qa-public-defender-thibodeaux-kane/",
        "//div[@class='entry-content']/p",
        "Q&A: The county's new public defender on caseloads, bail and why she took the job",
        "2026-05-06",
        ["Desmond Achebe-Farrow"],
        [
            "We rely on readers like you.",
            "Donate today",
            "Republish this story",
            "Related",
            "County names new chief public defender",
            "Proudly powered by Newspack",
        ],
        min_story=12,
    ),
    # a TV station's own story: "Published: … | Updated: …" by the byline, a video player over the body,
    # the station's copyright line closing it, a typo link, a rail of related videos, an app promo
    Page(
        "forms_tv_station_own_story.html",
        "https://whlt12.example/2026/11/04/ferry-service-garnet-island-suspended-after-dock-damage/",
        "//div[@class='whlt-story__body']/p[not(@class)]",
        "Ferry service to Garnet Island suspended after dock damage",
        "2026-11-04",
        ["Keisha Vandermolen"],
        [
            "Watch live: County commission meeting",
            "Updated: 2 hours ago",
            "Copyright 2026 WHLT. All rights reserved.",
            "See a spelling or grammar error?",
            "Related Video",
            "Garnet Island digs out after winter storm",
            "Download the WHLT 12 app.",
            "FCC Public Inspection File",
        ],
        min_story=7,
    ),
    # a film review: the writer's name and the date on one line, stars, the review, the film's details
    # (not asserted), a "Where to watch" box of streaming and rental links (its credit line goes; the box
    # itself: see the xfail below), the latest reviews
    Page(
        "forms_film_review_streaming.html",
        "https://northlightarts.example/screen/2026/03/13/the-lantern-keepers-review",
        "//div[@class='nl-review__text']/p",
        "The Lantern Keepers review: a quiet, luminous film about two sisters and a lighthouse",
        "2026-03-13",
        ["Ottilie Brennan-Asante"],
        [
            "Ottilie Brennan-Asante · 13 March 2026",
            "Availability data supplied by WatchGuide",
            "Latest reviews",
            "Night Ferry review: a thriller that runs aground",
        ],
        min_story=4,
    ),
    # an advice column: the reader's letter in a blockquote signed with a pen name and a town, then the
    # answer; the columnist's standing box, share links, more columns and a puzzles promo
    Page(
        "forms_advice_column.html",
        "https://brackwatercourant.example/life/ask-marguerite/2026/11/21/sister-mortgage-guarantor",
        "//blockquote[@class='bc-letter']/p | //div[@class='bc-post__body']/p",
        "Ask Marguerite: My sister wants me to co-sign her mortgage and I don't trust her with money",
        "2026-11-21",
        ["Marguerite Obi-Castellanos"],
        [
            "Share on WhatsApp",
            "More Ask Marguerite",
            "My neighbour's hedge is blocking all our light",
            "Today's puzzles",
            "Play now",
        ],
        min_story=8,
    ),
]


extracted = pages_fixture(PAGES_UNDER_TEST)


class TestStoryForms(ArticlePageChecks):
    pass


# --- the rules these pages asked for, each on a small page of our own: what it removes and what it keeps

_STORY = [
    "The parish council voted on Monday to buy the old chapel on Mill Lane for £1 from the diocese.",
    "The chapel, built in 1868, has been empty since its last service in 2011.",
    '"It is the last public building in the village," said the council\'s chair, Rhian Adeyemi-Stowe.',
    "The council plans to open it as a hall for clubs and a polling station by the spring.",
    "Volunteers have already cleared the graveyard and repaired the gate.",
    "The purchase must still be approved by the charity commission.",
]
_URL = "https://millbridgeherald.example/news/2026/03/02/chapel-bought-for-a-pound"


def _page(body: str, byline: str = "<p class='by'>By Nia Castellanos-Reid</p>", head: str = "") -> str:
    return (
        "<html lang='en'><head><title>Village buys old chapel for £1 - Millbridge Herald</title>"
        "<meta property='og:type' content='article'>"
        f"<meta property='article:published_time' content='2026-03-02T09:00:00Z'>{head}</head><body>"
        "<header><nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a></nav></header>"
        f"<main><article><h1>Village buys old chapel for £1</h1>{byline}{body}</article></main>"
        "<footer><a href='/about'>About us</a> <a href='/contact'>Contact</a></footer></body></html>"
    )


def _story(inserts: dict[int, str] | None = None, story: list[str] = _STORY) -> str:
    inserts = inserts or {}
    return (
        "<div class='txt'>"
        + "".join(f"<p>{p}</p>{inserts.get(i, '')}" for i, p in enumerate(story))
        + "</div>"
    )


def _extract(html: str):
    result = extract_article(html, _URL)
    assert result.is_article, result.reason
    return [words(line) for line in result.record["text"].split("\n") if line.strip()], result.record


def test_an_obituarys_guestbook_goes_and_the_storys_own_condolences_stay():
    story = [
        *_STORY[:3],
        "Messages of condolence came from as far as Canada, where her brother emigrated in 1961.",
        *_STORY[3:],
    ]
    guestbook = (
        "<section class='wall'><h2>Memories &amp; Condolences</h2><div class='entry'><p>She taught me to"
        " swim in the river. Thinking of you all.</p><span>Owen Mabry</span></div><div class='entry'><p>Our"
        " deepest sympathy to the family at this sad time.</p><span>The Tegid family</span></div></section>"
    )
    lines, _ = _extract(_page(_story(story=story) + guestbook))
    assert [p for p in story if p not in lines] == []
    gone = ["Memories & Condolences", "She taught me to swim in the river. Thinking of you all."]
    assert [line for line in gone if line in lines] == []


def test_a_storys_section_headed_condolences_stays():
    # a news story's own section of the tributes it reports, under a sub-heading of one word
    tributes = [
        "The county council lowered its flag on Monday, and the lord lieutenant sent a letter to the family.",
        "Former pupils wrote from three continents, the school said, many of them recalling her choir.",
    ]
    section = "<h2>Condolences</h2>" + "".join(f"<p>{p}</p>" for p in tributes)
    lines, _ = _extract(_page(_story({4: section})))
    assert "Condolences" in lines
    assert [p for p in [*_STORY, *tributes] if p not in lines] == []


def test_an_events_controls_go_and_a_sentence_that_says_their_words_stays():
    # the links sit in the story's own box of details (too much text for a button's box)
    details = [
        "Open day: Saturday 14 March, 10am to 4pm, at the chapel on Mill Lane. Tours of the bell tower run"
        " every hour, and the parish archive will show the chapel's building accounts of 1867 and 1868.",
        "Parking is at the village school, whose field will be open from 9am. The lane itself will be"
        " closed to cars for the day, except for blue badge holders, who can park by the lychgate.",
    ]
    schedule = (
        "<div class='when'>" + "".join(f"<p>{p}</p>" for p in details) + "<a class='cal-link'"
        " href='/ics/chapel.ics'>Add to calendar</a> <a class='map-link'"
        " href='https://maps.example/?q=mill+lane'>Get directions</a></div>"
    )
    story = [
        *_STORY[:5],
        "Visitors without a phone can get directions from the post office, the council said.",
    ]
    lines, _ = _extract(_page(_story({3: schedule}, story)))
    assert [p for p in [*story, *details] if p not in lines] == []
    assert [line for line in lines if "Add to calendar" in line] == []


def test_an_affiliate_line_goes_and_a_quoted_one_stays():
    line = "When you purchase through links on our site, we may earn an affiliate commission."
    note = f"<p class='note'>{line}</p>"
    quoted = (
        '"We may earn an affiliate commission on some of those sales," the diocese\'s spokesman, Emlyn Farr,'
        " said of its online shop."
    )
    story = [*_STORY[:5], quoted]
    lines, _ = _extract(_page(note + _story(story=story)))
    assert line not in lines
    assert quoted in lines


def test_a_book_reviews_shop_line_goes_and_a_story_sentence_about_buying_a_copy_stays():
    shop = "<p>To support the Herald buy a copy from heraldbookshop.example. Delivery charges may apply.</p>"
    told = "To support the library, the council will buy a copy of every book written by a villager."
    story = [*_STORY[:5], told]
    lines, _ = _extract(_page(_story(story=story) + shop))
    assert [line for line in lines if line.startswith("To support the Herald")] == []
    assert told in lines


def test_a_call_for_letters_goes_and_the_last_letters_signature_stays():
    letters = [
        "Your report on the chapel (2 March) said the purchase would cost the parish nothing. The roof leaks,"
        " the windows are cracked and the heating was taken out in 2012. Who will pay for all that?",
        "Martha Ebdon-Quayle, Lower Millbridge",
        "The bus to the station no longer runs on Sundays. Those of us without cars are expected to walk"
        " three miles along a road without a pavement to get to work, in the dark for half the year.",
        "Ifan Rowlatt, Millbridge",
        "Thank you to the two strangers who pushed my car out of the ford on Tuesday night and would not"
        " give their names. I hope they read this.",
        "Gwenllian Sapsford, Upper Millbridge",
    ]
    call = (
        "<div class='write'><h3>Have your say</h3><p>Email your letter to letters@millbridgeherald.example."
        " Please include your address, not for publication.</p></div>"
    )
    lines, _ = _extract(_page(_story(story=letters) + call, byline=""))
    assert [p for p in letters if p not in lines] == []
    assert [line for line in lines if "Have your say" in line or "Email your letter" in line] == []


def test_a_wire_bylines_name_in_capitals_is_taken_without_its_agency():
    # the name, not "MARCUS ELWOOD Allied Press"; two of them are two names; a name alone stays whole (its
    # short words, "ELWOOD", are not read as credentials such as "MD")
    for byline, authors in [
        ("By MARCUS ELWOOD Allied Press", ["MARCUS ELWOOD"]),
        ("By ANA RUIZ-PEREZ and TOM OKAFOR Allied Press", ["ANA RUIZ-PEREZ", "TOM OKAFOR"]),
        ("By HELGA ASHWORTH", ["HELGA ASHWORTH"]),
        # an agency's letters in capitals are no person's name
        ("By CNN WIRE", []),
        ("By Nia Castellanos-Reid", ["Nia Castellanos-Reid"]),
    ]:
        _, record = _extract(_page(_story(), byline=f"<div class='by'>{byline}</div>"))
        assert record["authors"] == authors, byline
    # the head's name with the agency after it, when no byline prints it
    head = "<meta name='author' content='MARCUS ELWOOD Allied Press'>"
    _, record = _extract(_page(_story(), byline="", head=head))
    assert record["authors"] == ["MARCUS ELWOOD"]
    # the head's name stands when the byline prints the same name in capitals with the agency after it
    head = "<meta name='author' content='Marcus Elwood'>"
    _, record = _extract(
        _page(_story(), byline="<div class='by'>By MARCUS ELWOOD Allied Press</div>", head=head)
    )
    assert record["authors"] == ["Marcus Elwood"]


_CLAIM = "<p><strong>The claim:</strong> A leaflet says the chapel was sold to a developer for £400,000.</p>"
_VERDICT = "<p><strong>Our verdict:</strong> False. The council bought it for £1, and no developer bid.</p>"


def _recovered(box: str) -> list[str]:
    """What comes back of ``box``, over a story of which trafilatura kept every paragraph."""
    tree = lxml.html.fromstring(_page(box + _story()))
    out, _ = recover_dropped_blocks(tree, list(_STORY), _URL)
    assert out[len(out) - len(_STORY) :] == _STORY
    return out[: len(out) - len(_STORY)]


def test_a_fact_checks_claim_and_verdict_over_the_story_come_back():
    # trafilatura keeps the story's element and leaves the box over it out (a "card", which names a
    # widget elsewhere)
    assert _recovered(f"<div class='fc-card'>{_CLAIM}{_VERDICT}</div>") == [
        "The claim: A leaflet says the chapel was sold to a developer for £400,000.",
        "Our verdict: False. The council bought it for £1, and no developer bid.",
    ]


def test_a_verdict_or_a_claim_alone_over_the_story_stays_out():
    # a review's verdict line over its text, a box quoting a claim with no verdict: no fact check
    assert _recovered(f"<div class='fc-card'>{_VERDICT}</div>") == []
    assert _recovered(f"<div class='fc-card'>{_CLAIM}</div>") == []


def test_a_funeral_homes_flower_shop_line_goes_and_a_sentence_about_flowers_stays():
    notice = [
        "Olwen Tegwyn Ashdown, 91, of Millbridge, died peacefully on Sunday, 1 March 2026, at home.",
        "She ran the village post office for forty years and knew every dog in the parish by name.",
        "Mourners who wish to send flowers were asked to visit the shop on Mill Lane, which she opened.",
        "A service will be held at the old chapel at 11am on Friday, 13 March, then burial at St Non's.",
    ]
    shop = "<p>To send flowers to the family or plant a tree in memory, please visit our floral store.</p>"
    lines, _ = _extract(_page(_story(story=notice) + shop, byline=""))
    assert [p for p in notice if p not in lines] == []
    assert [line for line in lines if "floral store" in line] == []


def test_a_newsrooms_appeal_for_donations_goes_and_a_reported_one_stays():
    reported = "The shelter depends on people like you, its director, Aled Prosser-Nkemelu, told the council."
    appeal = (
        "<div class='appeal'><p><em>The Millbridge Herald is a nonprofit newsroom. We rely on readers like"
        " you.</em> <a href='/donate'>Donate today</a></p></div>"
    )
    story = [*_STORY[:5], reported]
    lines, _ = _extract(_page(_story(story=story) + appeal))
    assert [p for p in story if p not in lines] == []
    assert [line for line in lines if "nonprofit newsroom" in line] == []


@pytest.mark.xfail(
    strict=True,
    reason="a headed list of shop or streaming links stays: taking 'Where to watch/buy' boxes out also took "
    "the story's own 'Where to watch: Netflix' lines of a streaming roundup and the 'Where to buy' of a "
    "product roundup's cards on dev pages (quick run: 0106 F1 0.932 -> 0.889, 4787 0.990 -> 0.984), and "
    "nothing but the heading tells the review's box from a roundup's entry",
)
def test_a_where_to_watch_box_under_a_review_goes():
    page = next(page for page in PAGES_UNDER_TEST if page.name == "forms_film_review_streaming.html")
    result = extract_article(page_source(page), page.url)
    assert [line for line in ("Where to watch", "Rent from £3.49") if line in result.record["text"]] == []


def test_a_where_to_watch_boxs_credit_line_goes_and_the_story_stays():
    box = (
        "<div class='providers'><h3>Where to watch</h3><ul><li>Flixly <a href='https://flixly.example/t/1'>"
        "Stream</a></li><li>Reelbox <a href='https://reelbox.example/t/1'>Rent from £3.49</a></li></ul>"
        "<p>Availability data supplied by WatchGuide</p></div>"
    )
    lines, _ = _extract(_page(_story() + box))
    assert [p for p in _STORY if p not in lines] == []
    assert "Availability data supplied by WatchGuide" not in lines


def test_the_writers_name_and_date_over_the_story_go():
    byline = "<p class='by'>Nia Castellanos-Reid · 2 March 2026</p>"
    head = "<meta name='author' content='Nia Castellanos-Reid'>"
    lines, _ = _extract(_page(_story(), byline=byline, head=head))
    assert lines == _STORY
