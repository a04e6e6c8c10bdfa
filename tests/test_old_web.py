"""News and blog pages in the markup of 1998-2014, which the dev pages (mostly 2024-2025) rarely show:
layout tables with <font> tags and <br><br> paragraphs, uppercase tag soup, Blogger, Movable Type and early
WordPress templates with their trackbacks and comment lists, XHTML with a "Related links" box, a page
declared ISO-8859-1, a date printed only as text, a phpBB-like comment table, a story split over pages.
Each page is our own (invented outlets, people and text). Each must be taken for an article, keep every
paragraph of its story, lose the furniture around it and give the title, date and author it prints
plainly; and no rule of ours may cost a story paragraph that bare trafilatura finds on the same page."""

from __future__ import annotations

from tests.news_pages import ArticlePageChecks, Page, pages_fixture

OLD_PAGES = [
    # a 1999 newspaper laid out in nested tables: a left column of section links, the story in a <td> of
    # <font> tags, its paragraphs separated by <br><br>, the date printed in a cell over the headline
    Page(
        "oldweb_table_layout.html",
        "http://www.marrowbygazette.example/local/story.asp?id=10141",
        "//td[@class='story']/font[@size='3']/text()[normalize-space()]",
        "Mill pond dam to be rebuilt after 140 years",
        "1999-10-14",
        ["Harold Pennick"],
        [
            "SECTIONS",
            "Front Page",
            "Classifieds",
            "Get the Gazette delivered",
            "Gazette Staff Writer",
            "Back to Local News",
            "E-mail the newsroom",
            "All rights reserved",
        ],
        min_story=6,
    ),
    # 2003: <p> inside a layout <td>, a "Printer-friendly version | E-mail this story" row above and below
    # the story, a side column of related stories and headlines
    Page(
        "oldweb_printer_friendly.html",
        "http://www.cvrecord.example/news/2003/02/08/030208bus.html",
        "//td[@width='75%']/p[not(font)]",
        "Bus drivers accept contract after two-day strike",
        "2003-02-08",
        ["Joanne Whitlock"],
        [
            "Record Staff Writer",
            "Published: Saturday, February 8, 2003",
            "Printer-friendly version",
            "E-mail this story",
            "Related stories",
            "Talks with drivers break down",
            "Today's headlines",
            "Fire destroys barn on Route 9",
            "Jobs",
            "All rights reserved",
        ],
        min_story=6,
    ),
    # a Blogger post of 2006: <br /> paragraphs, the post footer, the empty comments block, the archive tree
    Page(
        "oldweb_blogger_2006.html",
        "http://plot47.blogspot.example/2006/05/year-leeks-won.html",
        "//div[contains(@class,'post-body')]/text()[normalize-space()]",
        "The year the leeks won",
        "2006-05-16",
        ["Winifred Astley"],
        [
            "Tuesday, May 16, 2006",
            "Posted by",
            "0 comments",
            "Links to this post",
            "Labels:",
            "Post a Comment",
            "Create a Link",
            "Newer Post",
            "Subscribe to: Post Comments (Atom)",
            "Blog Archive",
            "Netting the currants",
            "View my complete profile",
            "Notes from an allotment",
        ],
        min_story=5,
    ),
    # a TypePad (Movable Type) entry: "Permalink | Comments (3) | TrackBack (0)", a trackback, comments
    Page(
        "oldweb_movable_type.html",
        "http://transitnotes.typepad.example/transit/2004/03/timetable.html",
        "//div[@class='entry-body']/p",
        "The number 9 tram and the missing timetable",
        "2004-03-09",
        ["Desmond Achterberg"],
        [
            "Permalink",
            "Comments (3)",
            "TrackBack (0)",
            "TrackBack URL for this entry",
            "Listed below are links to weblogs",
            "Blank frames",
            "Same at the Hafenplatz stop",
            "Posted by: Piet",
            "Post a comment",
            "Remember personal info",
            "Fare rise, again",
            "Stops and shelters",
            "Riding, and reading",
        ],
        min_story=5,
    ),
    # WordPress 2.5 with the default (Kubrick) theme: a share row, the "This entry was posted" paragraph,
    # <ol class="commentlist">, "Leave a Reply", a blogroll
    Page(
        "oldweb_wordpress_kubrick.html",
        "http://harbourlights.example/2008/06/12/ferry-timetable/",
        "//div[@class='entry']/p[not(@class)]",
        "The ferry timetable nobody asked for",
        "2008-06-12",
        ["Ingrid Solberg"],
        [
            "Digg this",
            "del.icio.us",
            "StumbleUpon",
            "This entry was posted",
            "RSS 2.0",
            "3 Responses to",
            "Half past nine! I work the late shift",
            "Says:",
            "Leave a Reply",
            "Blogroll",
            "The Island Kitchen",
            "Log in",
            "proudly powered by",
            "School fete raises record sum",
            "News and grumbles",
        ],
        min_story=5,
    ),
    # XHTML 1.0 Strict: <div id="content">, a "Last Updated" line, a byline over the staff line, a box of
    # related and external links, story tools
    Page(
        "oldweb_xhtml_related.html",
        "http://news.northfell.example/news/scotland/7112233.stm",
        "//div[@id='content']/p[not(@class) or @class='intro']",
        "Lost hill walker found after two nights on the moor",
        "2007-11-21",
        ["Ruth Okonkwo-Hale"],
        [
            "Last Updated",
            "Northfell News, Inverard",
            "Related links",
            "Rescue teams report record year",
            "External links",
            "Mountain Safety Council",
            "not responsible for the content of external internet sites",
            "E-mail this to a friend",
            "Printable version",
            "News Front Page",
            "TV listings",
        ],
        min_story=6,
    ),
    # 2003: <center>ed headline and byline, <hr> rules around the story, a copyright and counter footer
    Page(
        "oldweb_center_hr.html",
        "http://www.tillbrookfreepress.example/news/library0926.htm",
        "//body/p[not(@align)]",
        "Library reopens in old railway station",
        "2003-09-26",
        ["Marguerite Dunphy"],
        [
            "Community Calendar",
            "Free Press correspondent",
            "Posted September 26, 2003",
            "Back to top",
            "More news",
            "All rights reserved",
            "best viewed at 800x600",
            "visitors since",
        ],
        min_story=6,
    ),
    # a French weekly's page declared ISO-8859-1 in <meta http-equiv>, in a layout table, the date printed
    # as "publié le 19/10/2005"
    Page(
        "oldweb_latin1.html",
        "http://www.echoduvallon.example/article.php?id=2214",
        "//td[@class='article']/p[not(@class)]",
        "Saint-Aubin-des-Prés : la fête de la châtaigne attire un record de visiteurs",
        "2005-10-19",
        ["Hélène Maréchal"],
        [
            "Vie locale",
            "Petites annonces",
            "Imprimer",
            "Envoyer à un ami",
            "Réagir à cet article",
            "Voir aussi",
            "Foire aux pommes",
            "Tous droits réservés",
            "Mentions légales",
        ],
        min_story=6,
    ),
    # no meta at all, a <title> of the paper's name only: the headline, the date ("Monday, March 3, 2008")
    # and the byline are spans over the story
    Page(
        "oldweb_text_date.html",
        "http://www.pemburysentinel.example/news/2008/elevator-fire.html",
        "//div[@class='storybody']/p",
        "Grain elevator fire burns through the night",
        "2008-03-03",
        ["Wendell Marsh"],
        [
            "Monday, March 3, 2008",
            "Serving Pembury Creek",
            "Legal Notices",
            "More local news",
            "Write a letter to the editor",
            "Phone 555-0148",
            "Copyright 2008",
        ],
        min_story=6,
    ),
    # FrontPage 1998: uppercase tags, unclosed <P>, <FONT FACE=...>, a row of uppercase section links
    Page(
        "oldweb_uppercase_soup.html",
        "http://www.keswincourier.example/NEWS/980819A.HTM",
        # (the unclosed <P>s nest inside the first one's <FONT>: each paragraph is a text node of its own)
        "//p[not(@align)]/text()[normalize-space()] | //p[not(@align)]/font/text()[normalize-space()]",
        "Township buys first computer for clerk's office",
        "1998-08-19",
        ["Eugene Thorsby"],
        [
            "HOME - NEWS",
            "CLASSIFIED ADS",
            "Courier Staff",
            "Copyright 1998",
            "Last updated",
            "Send us E-mail",
        ],
        min_story=6,
    ),
    # reader comments under the story in a phpBB-like table: "Joined: 14 Mar 2007", "Posted: ...", "Quote"
    Page(
        "oldweb_phpbb_comments.html",
        "http://www.ashgrovestar.example/news/article.php?id=88123",
        "//div[@class='storytext']/p",
        "Council approves skate park for Millbrook Road site",
        "2009-01-08",
        ["Callum Rushworth"],
        [
            "What's On",
            "Reader comments (3)",
            "Joined: 14 Mar 2007",
            "Posts: 212",
            "Post subject",
            "Quote",
            "Good news at last",
            "I live on Millbrook Road and nobody asked me",
            "Back to top",
            "View all comments",
            "to post a comment",
            "Terms and conditions",
        ],
        min_story=5,
    ),
    # the first page of a story split over three: "Page 1 2 3 Next »", "View as one page", a most-read box
    Page(
        "oldweb_paged_story.html",
        "http://www.midshirebusiness.example/companies/2011/04/harker-lowe/",
        "//div[@class='text']/p",
        "How the Dunmere shoe factory kept its last 40 jobs",
        "2011-04-14",
        ["Theodora Blaine"],
        [
            "Page 1 2 3",
            "Next »",
            "View as one page",
            "Print this article",
            "Email to a friend",
            "Most read this week",
            "Quayside offices find first tenant",
            "Registered in England",
        ],
        min_story=4,
    ),
]


extracted = pages_fixture(OLD_PAGES)


class TestOldWeb(ArticlePageChecks):
    pass
