"""The boilerplate of news sites, as their CMSs and widget vendors print it: most-read lists, sponsored link
grids, paywall and registration prompts, advert labels inside the story, sign-up and app boxes placed
mid-story, consent dialogs, breadcrumbs, share bars with words, comment links, audio players, in English,
German, French and Spanish. Each page of our own holds a story of six paragraphs or more, one of them using
the same words in a sentence of its own ("the most read book of the year", "an advertisement campaign",
"readers who subscribe to the theory"): every story paragraph must come out of ``extract_article``, the
boilerplate must not."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html as lxml_html

from pipelines.extract import extract_article
from tests.test_cleanup_keeps_news import _STORY, _paragraphs, assert_stays_wherever_it_stands

PAGES = Path(__file__).parent / "fixtures" / "pages"

CASES = {
    # name: (url, xpath of the story's paragraphs, boilerplate that must be absent)
    "chrome_most_read_topics.html": (
        "https://harrowgate-courier.example/culture/books/2025/03/14/library-lending-rises",
        "//div[@class='article__body']/p",
        ["Most read", "Bypass closed overnight", "Topics:", "Skip to content", "Books"],
    ),
    "chrome_outbrain_taboola.html": (
        "https://triledger.example/business/dairy-co-op-rejects-buyout/",
        "//div[@class='entry-content']/p",
        [
            "Recommended for you",
            "Belly Fat",
            "Sponsored Links",
            "Around the Web",
            "Roofing Savings",
            "centennial",
        ],
    ),
    "chrome_paywall_prompt.html": (
        "https://bayside-herald.example/national/2025/09/18/water-meters-overcharged",
        "//div[@class='story__body']/p",
        ["free articles left", "Subscribe to continue reading", "Already a subscriber", "$1 a week"],
    ),
    "chrome_paywall_inline_hashed.html": (
        "https://piedmont-sentinel.example/education/2025/11/04/four-day-week-vote-delayed",
        "//p[@class='sc-u7i8o9']",
        ["free articles left", "Subscribe for unlimited access", "Already a subscriber", "Log in"],
    ),
    "chrome_ad_labels_audio.html": (
        "https://northshore-post.example/local-news/2025/04/07/late-ferry-sailing",
        "//section[@class='article-body']/p",
        ["Story continues below advertisement", "\nAdvertisement", "Listen to this article", "4 min"],
    ),
    "chrome_listen_app_push.html": (
        "https://southcoast-mail.example/environment/2025/12/08/shelly-point-dunes-fenced",
        "//div[@class='content']/p[not(@class)]",
        ["Listen to this article", "4 min", "Get the South Coast Mail app", "Turn on notifications"],
    ),
    "chrome_briefing_push_hashed.html": (
        "https://midland-standard.example/society/2025/feb/20/hospital-parking-night-shift",
        "//p[@class='dcr-s23rjr']",
        ["Morning Briefing", "Enter your email", "Privacy notice", "breaking news alerts", "notifications"],
    ),
    "chrome_onetrust_breadcrumbs.html": (
        "https://rivertondaily.example/local/transportation/grand-avenue-bike-lanes",
        "//div[@class='RichTextArticleBody']/p",
        [
            "Skip to main content",
            "We value your privacy",
            "our partners use cookies",
            "Accept All",
            "Reject All",
        ],
    ),
    "chrome_crumbs_share_words.html": (
        "https://waitaha-star.example/news/regional/rail-freight-line-reopens",
        "//article/p[not(@class)]",
        ["Home › News", "Print this article", "Topics:", "42 comments", "Join the conversation"],
    ),
    "chrome_share_comments_count.html": (
        "https://cascade-times.example/news/2025/08/09/state-fair-cancels-rodeo",
        "//div[@class='body-text']/p",
        ["42 comments", "Copy link", "Print\n", "Join the conversation", "Please keep it civil"],
    ),
    "chrome_more_from_app_promo.html": (
        "https://western-tribune.example/business/2025/05/28/credit-union-profits-double",
        "//div[@class='story-text']/p",
        ["Get the app", "Download our free app", "More from Business", "Dairy prices fall"],
    ),
    "chrome_sponsored_grid_plain.html": (
        "https://lakeshore-gazette.example/arts/2025/10/14/museum-returns-canoe",
        "//div[@class='story']/p[not(@class)]",
        ["Around the web", "Hearing Aids", "Promoted stories", "Quiet Town"],
    ),
    # class names a CSS-in-JS build hashes: only the words and the form say what each box is
    "chrome_hashed_signup_consent.html": (
        "https://mesatribune.example/news/2025/07/15/drought-ranchers-sell-herds",
        "//p[@class='css-para']",
        [
            "Trending:",
            "Listen",
            "5:02",
            "The Mesa Morning",
            "straight to your inbox",
            "ADVERTISEMENT",
            "Share full article",
            "38 Comments",
            "Recommended for you",
            "Hearing Aid",
            "We care about your privacy",
            "I Accept",
        ],
    ),
    "chrome_inline_must_read_topics.html": (
        "https://western-chronicle.example/environment/2025/apr/29/tidal-lagoon-plan-revived",
        "//div[@class='article-body']/p",
        ["Must read", "Severn bore is getting smaller", "Explore more on these topics", "Renewable energy"],
    ),
    "chrome_nyt_style_controls.html": (
        "https://lakeport-record.example/2025/05/19/nyregion/lakeport-fire-stations-budget.html",
        # the correction under the story is the story's record: it stays
        "//p[@class='css-at9mc1 evys1bk0'] | //p[@class='css-1pd4v6p']",
        [
            "Share full article",
            "Gift this article",
            "Save article",
            "212",
            "SKIP ADVERTISEMENT",
            "\nAdvertisement",
            "Continue reading the main story",
            "Report an error",
            "Supported by",
        ],
    ),
    # a wire story as a broadcaster's CMS prints it, its inserts as paragraphs of the body
    "chrome_wire_story_inserts.html": (
        "https://kwld7.example/news/wildfire-smoke-closes-schools",
        "//div[contains(@class, 'field--name-body')]/p[not(strong or em) and not(contains(., 'Associated'))]"
        "[not(contains(., 'alerts'))][not(contains(., 'WhatsApp'))]",
        [
            "Listen",
            "0:00",
            "ADVERTISEMENT",
            "Story continues below",
            "breaking news alerts",
            "KWLD 7 app",
            "WhatsApp",
            "may not be published",
        ],
    ),
    "chrome_de_meistgelesen_anzeige.html": (
        "https://weserland-kurier.example/lokales/hameln/fernwaermepreis-sinkt",
        "//div[@class='c-article__text']/p",
        [
            "Meistgelesen",
            "Umgehungsstraße",
            "Mehr zum Thema",
            "Artikel teilen",
            "Kommentare (17)",
            "\nAnzeige",
        ],
    ),
    "chrome_fr_didomi_les_plus_lus.html": (
        "https://courrier-estuaire.example/actualite/transports/2025/01/16/tram-aeroport-juin",
        "//div[@class='texte']/p",
        [
            "Les plus lus",
            "Le pont fermera",
            "Publicité\n",
            "nos partenaires et nous",
            "Continuer sans accepter",
        ],
    ),
    "chrome_fr_paywall_reserve.html": (
        "https://echo-ponant.example/economie/2025/03/05/brest-chantier-naval-soudeurs",
        "//p[@class='article__paragraph']",
        ["Article réservé aux abonnés", "Il vous reste 72%", "Déjà abonné", "Abonnez-vous"],
    ),
    "chrome_de_consent_hashed.html": (
        "https://heidebote.example/lokales/radschnellweg-celle-hannover",
        "//div[@class='q9w6']/p[not(@class)]",
        ["Wir und unsere Partner speichern", "Datenschutzeinstellungen", "Alle ablehnen", "\nAnzeige\n"],
    ),
    # the small print named as such under each entry of a list, which trafilatura glues to the entry's text
    "chrome_books_affiliate_small_print.html": (
        "https://wendle-gazette.example/culture/books/2025/12/06/winter-reading-valley-novels",
        "//article//p[not(@class)] | //article//h3",
        ["We are paid a small fee", "Prices were checked"],
    ),
    # a newsletter's call in the column and the publisher selling its own space under the issue
    "chrome_newsletter_sales_pitch.html": (
        "https://wendle-gazette.example/newsletters/harbour-briefing/2025/06/13/lido-sponsor-ferry-fares-late-bus",
        "//div[@class='issue-body']/p[position() < last()]",
        ["\nGet started today\n", "Advertise with us", "12,000 readers", "book your slot"],
    ),
    "chrome_es_lo_mas_leido.html": (
        "https://levante-sur.example/local/2025/06/30/bibliotecas-horario-verano",
        "//div[@class='cuerpo']/p",
        [
            "Lo más leído",
            "Cortes de tráfico",
            "Publicidad",
            "Etiquetas",
            "Compartir en Facebook",
            "Copiar enlace",
        ],
    ),
}


def _story(source: str, xpath: str) -> list[str]:
    return [" ".join(p.text_content().split()) for p in lxml_html.fromstring(source).xpath(xpath)]


@pytest.mark.parametrize("name", sorted(CASES))
def test_news_boilerplate_goes_and_the_story_stays(name):
    url, xpath, absent = CASES[name]
    source = (PAGES / name).read_bytes()
    story = _story(source.decode("utf-8"), xpath)
    assert len(story) >= 6, "fixture must have a real story"

    result = extract_article(source, url)

    assert result.is_article, result.reason
    text = result.record["text"]
    paragraphs = text.split("\n\n")
    for paragraph in story:
        assert paragraph in paragraphs, paragraph
    # nothing but the story: the boilerplate is neither a paragraph of its own nor inside one
    assert [p for p in paragraphs if p not in story] == []
    for snippet in absent:
        assert snippet not in f"\n{text}\n", snippet


# The same furniture as it comes out of other CMSs, one line standing in the story: it goes from its middle
# (and so from the top and the end)
LINES = [
    "Advertisements",
    "Story continues below advertisement",
    "Article continues below",
    "Scroll to continue with content",
    "Sponsored content",
    "Anzeige",
    "Werbung",
    "Publicité",
    "Publicidad",
    "Around the web",
    "Sponsored Links by Outbrain",
    "Promoted stories",
    "From our partners",
    "Lo más visto",
    "Must read",
    "Watch next",
    "Featured stories",
    "I più letti",
    "Meest gelezen",
    "Te recomendamos",
    "À lire également",
    "You have 2 free articles left this month.",
    "You've reached your free article limit.",
    "This is your last free article.",
    "Subscribe for unlimited access",
    "Register for free to continue reading",
    "Log in or register to continue reading",
    "This article is for subscribers only.",
    "Already a subscriber? Log in",
    "Déjà abonné ? Se connecter",
    "¿Ya eres suscriptor? Inicia sesión",
    "Sie haben bereits ein Abo? Hier anmelden",
    "Il vous reste 2 articles gratuits",
    "Il vous reste 80% de cet article à lire.",
    "Cet article est réservé aux abonnés.",
    "Sie sind bereits Abonnent? Hier anmelden",
    "Este contenido es exclusivo para suscriptores",
    "Hazte suscriptor",
    "Jetzt abonnieren",
    "See subscription options",
    "Become a member",
    "Unlock unlimited access",
    "Cancel anytime.",
    "Only $1 for 6 months",
    "Want to read more? Subscribe today.",
    "Sign in to read the full article",
    "Continue reading with a free account",
    "Support independent journalism",
    "Your subscription supports local journalism.",
    "Trending: Monsoon season Water rights State fair",
    "Continue reading the main story",
    "SKIP ADVERTISEMENT",
    "Supported by",
    "Share full article",
    "Gift this article",
    "Save article",
    "Read in app",
    "Report a correction or typo",
    "Send us a tip",
    "Top of page",
    "View gallery",
    "Image 1 of 12",
    "Please enable JavaScript to view the comments powered by Disqus.",
    "— Advertisement —",
    "ADVERTISEMENT CONTINUE READING BELOW",
    "(Story continues below)",
    "Ad Feedback",
    "Sponsored by Acme Bank",
    "Paid Content by Acme Bank",
    "Recommended Videos",
    "More Coverage",
    "Get breaking news alerts sent straight to your phone.",
    "Sign up for alerts",
    "Never miss a story.",
    "Be the first to know.",
    "Available on the App Store",
    "Get it on Google Play",
    "Download the Beacon app for breaking news alerts.",
    "Join our WhatsApp channel",
    "Add us on Google News",
    "Add the Beacon as a preferred source on Google",
    "Listen now",
    "Voiced by Amazon Polly",
    "0:00 / 4:12",
    "This material may not be published, broadcast, rewritten or redistributed.",
    "Abonnez-vous pour lire la suite",
    "Suscríbete para seguir leyendo",
    "Diesen Artikel weiterlesen mit Kurier Plus",
    "Sign up for our morning briefing",
    "Sign up to First Edition, our free daily newsletter",
    "Get the morning briefing in your inbox",
    "Skip to navigation",
    "Zum Inhalt springen",
    "Home › News › Local",
    "Home / News / Local",
    "Print this article",
    "Email this story",
    "Link copied",
    "View 42 comments",
    "Show comments",
    "Join the conversation",
    "Kommentare (17)",
    "Artikel teilen",
    "Partager sur Facebook",
    "Copiar enlace",
    "Get the app",
    "Download our free app for iPhone and Android.",
    "Get breaking news alerts from the Wendle Gazette",
    "Turn on notifications",
    "Listen to this article · 4 min",
    "Listen (4 min)",
    "4 min listen",
    "Reading time: 4 minutes",
    "We value your privacy",
    "Reject All",
    "Accept selected",
    "Do Not Sell or Share My Personal Information",
    "We and our partners store and/or access information on a device, such as cookies.",
    "Wir und unsere Partner speichern und/oder greifen auf Informationen auf einem Gerät zu.",
    "Nosotros y nuestros socios almacenamos o accedemos a información en un dispositivo.",
    "Alle akzeptieren",
    "Tout refuser",
    "Continuer sans accepter",
    "Aceptar y cerrar",
    "Rechazar todo",
    "Einstellungen verwalten",
    "Paramétrer les cookies",
    "Get started today",
    "Get started for free",
]


@pytest.mark.parametrize("line", LINES)
def test_a_news_site_furniture_line_goes_from_the_middle_of_the_story(line):
    assert _paragraphs([*_STORY[:2], line, *_STORY[2:]]) == _STORY


# ... the topics line goes from under the story (over its last paragraph, the same words can be the story's)
TOPICS = [
    "Topics: Libraries, Books, Council",
    "Related topics: Transport, Trams",
    "Etiquetas: Bibliotecas, Cultura",
    "Schlagwörter: Fernwärme, Stadtwerke",
    "Mots-clés : tram, transports",
]


@pytest.mark.parametrize("line", TOPICS)
def test_the_topics_line_goes_from_under_the_story(line):
    assert _paragraphs([*_STORY, line]) == _STORY


# The story's own sentences with those words stay wherever they stand
NEWS = [
    "A memoir by a retired coxswain was the most read book of the year, the library said.",
    "The firm ran an advertisement campaign on local radio before the vote.",
    "Some readers who subscribe to the theory that the board knew earlier have asked for its emails.",
    "Advertisement revenue at the paper fell by a fifth last year, its owner said.",
    "The story continues below the waterline, where divers found the second wreck.",
    "Viewers can listen to the debate on local radio from 7pm, the council said.",
    "Topics discussed at the meeting included the budget and the new bus depot.",
    "Most popular among the new names were Olivia and Noah, the registry said.",
    "Trending now on local forums is a petition to save the old lido.",
    "Already a subscriber to three streaming services, Mr Patel said he would cancel one.",
    "Readers who get the app will see the election results first, the editor said.",
    "Eine Anzeige des Mietervereins gegen die Stadtwerke ist noch beim Kartellamt anhängig.",
    "La publicité à la télévision régionale annoncera l'ouverture de la ligne.",
    "La novela más leída del año fue una historia sobre pescadores de la comarca.",
    "Residents can join the conversation about the plan at the town hall on Monday.",
    "The council will print the new bin calendar and email it to every household in May.",
    "Around the web of canals, boatyards are struggling to find staff, the trust said.",
    "Home / away shirts will cost £45 this season, the club said.",
    "Home / News / Local is how the old website listed the story, the court heard.",
    "Reject all the amendments, the party whip told councillors before the vote.",
    "Sponsored links between the two charities were cut after the scandal, auditors found.",
    "Only $5 for a month's pass, the new bus fare is half the old one, the council said.",
    "Become a member of the allotment society and you get a plot within a year, its chairman said.",
    "Customers can cancel anytime, the regulator said, but the firm kept charging them.",
    "Three of 12 candidates were women, the party said.",
    "Your subscription supports the local paper, the editor told readers at the meeting.",
    "Presented by the Wendle Players, the pantomime opens at the town hall on Friday.",
    "Supported by local firms, the food bank opened a second site in March.",
    "Gift aid added £12,000 to the appeal, the hospice said.",
    "Save the Children said the camp had run out of clean water.",
    "Skip hire firms raised prices by a fifth, the survey found.",
    "News alerts were sent to two million phones during the storm, the agency said.",
    "Content by the pupils was shown at the gallery on Monday.",
    "Sponsored by the bank, the race raised £40,000 for the hospice.",
    "Be the first to know when the results are out, the council told voters.",
    "Never miss a bin day again with the council's new text service, officials promised.",
    "Wir und unsere Partner haben das Projekt gemeinsam finanziert, sagte die Bürgermeisterin.",
    "Aceptar todo lo que pide el sindicato costaría 40 millones, según el ayuntamiento.",
    # an opinion column's own first person, a story on a privacy law quoting the link it demands
    "We and our partners use every boat we have to keep the river clean.",
    'The law requires a "Do not sell or share my personal information" link on every shop\'s website.',
    # the words of an affiliate notice, of a call and of a sales pitch, in the story's own sentences
    "Amazon Associates, the union of the retailer's warehouse staff, voted for a book fair at the library.",
    "Get started today, the coach told the squad, and the new pitch will be ready by May.",
    "Explore sponsorship opportunities before the lido reopens, the council told local firms in a letter.",
    "Advertise with us, the council urged shops on the high street, and the lido will stay open all summer.",
]


@pytest.mark.parametrize("sentence", NEWS)
def test_a_story_sentence_with_those_words_stays(sentence):
    assert_stays_wherever_it_stands(sentence)
