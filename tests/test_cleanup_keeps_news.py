"""The line rules look for the words of a call to the reader, a label or a notice; a story can say the same
words in a sentence of its own. Each sentence below opens or closes with such words, sits first, in the
middle and last in an invented story page, and must come out of ``extract_article`` whole; the real
furniture built from the same words must still go."""

from __future__ import annotations

import pytest

from pipelines.extract import extract_article

_URL = "https://wendle-gazette.example/news/2025/05/03/market-hall-reopens"

_STORY = [
    "The market hall reopened on Saturday after a year of repairs to its cast-iron roof and its gutters.",
    "Traders who moved to the car park during the work got their old stalls back at the same rent.",
    "The council spent £1.2m on the roof, most of it from a heritage grant awarded two years ago.",
    "A fishmonger who has traded in the hall since 1987 said the new glass made the stalls brighter.",
    "The clock tower is next, the council said, though no date has been set for that work.",
]


def _page(paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        "<html lang='en'><head><title>Market hall reopens after roof repairs - Wendle Gazette</title>"
        "<meta property='og:type' content='article'><meta name='author' content='Ruth Okafor'>"
        "<meta property='article:published_time' content='2025-05-03T09:00:00Z'></head><body>"
        "<header><nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a></nav></header>"
        "<main><article><h1>Market hall reopens after roof repairs</h1>"
        f"<p class='byline'>By Ruth Okafor</p>{body}</article></main>"
        "<footer><a href='/about'>About us</a> <a href='/contact'>Contact</a></footer></body></html>"
    )


def _linked(sentence: str) -> str:
    """The sentence with its last words a link to another page (a story links what it reports)."""
    head, _, last = sentence.rstrip(".").rpartition(" ")
    return f"{head} <a href='/news/2025/04/30/background'>{last}</a>{sentence[len(sentence.rstrip('.')) :]}"


def _paragraphs(paragraphs: list[str]) -> list[str]:
    result = extract_article(_page(paragraphs), _URL)
    assert result.is_article, result.reason
    return result.record["text"].split("\n\n")


NEWS = [
    # labels' words opening a sentence: tags, filing, bylines, credits, sponsorship, teasers
    "Tags on the stolen bikes helped police trace them to a yard in Leeds.",
    "Tagged salmon from the river were found as far away as Greenland, the researchers said.",
    "Filed under the wrong name, the claim sat unread for two years, the ombudsman found.",
    "Posted in a brown envelope, the fine reached the driver three weeks late.",
    "Categories of waste that the tip will no longer take include plasterboard and tyres.",
    "Written by pupils, the play opens at the town hall on Friday.",
    "Written by hand in 1916, the letters were found in a loft in Hull last year.",
    "Published by the council on Monday, the report found that bus use had doubled.",
    "Published by the museum in March, the guide sold out within a week.",
    "Posted by a neighbour on social media, the video shows the fire spreading to the roof.",
    "Posted on the door of the church, the notice warned of the closure.",
    "Sponsored - the walk raised £3,000 for the hospice.",
    "Sponsored by local firms, the new scoreboard was unveiled before Saturday's match.",
    "Advertisement-free viewing will cost £3 a month more from June, the streaming service said.",
    "Advertisements for the fake tickets appeared on social media days before the concert.",
    "Photos by the pupils hang in the library until the end of term.",
    "Images by Nasa show the comet's tail.",
    "Pictures by the students went on show at the gallery on Monday.",
    "Image courtesy of a passer-by, the footage shows the car leaving the road.",
    "Photos via the drone show the flooded fields.",
    "Credit card debt rose by 8% last year, the Bank of England said.",
    "Credits roll over footage of the real family.",
    "Copyright claims against the artist were dropped, his lawyer said.",
    "Updated figures released on Thursday show unemployment fell to 4.1%.",
    "Related-party loans of £2m were not disclosed, the auditors found.",
    "More-than-expected rainfall flooded the valley on Sunday night.",
    "More than 300 homes lost power after the storm, the network operator said.",
    "Recommended by the inspectors, the changes will be in place by September.",
    "Read aloud in court, the letter described years of threats.",
    "Watched by 40,000 fans, the final went to a penalty shoot-out.",
    "By Monday, Leeds City Council had cleared the last of the snow.",
    "By the time Ruth Okafor's train arrived, the hall was already full of shoppers.",
    "Contents of the safe were never recovered, detectives said.",
    "Search teams found the walker's rucksack near the summit on Sunday.",
    "About the author of the letter, police have said nothing.",
    "Published in the journal Nature, the study found the reef had shrunk by half.",
    "Filed by the prosecution on Tuesday, the papers run to 2,000 pages.",
    "Posted at the gate, the guard turned away the reporters.",
    "Tags, the footballer's nickname, was painted on the wall of the stadium.",
    "Sponsors of the festival pulled out after the row, organisers said.",
    "Copyright lawyers for the band say the song was copied note for note.",
    "Recommended retail prices for bread rose by 5% last month, the survey found.",
    "Related to the victim, the driver was cleared of all charges on Friday.",
    "Home Office figures show 1,200 people crossed the Channel last week.",
    "Next month the council will vote on the plan for the harbour.",
    # share, follow, sign up, subscribe, join, register, newsletters, comments
    "Share prices in the company fell by a third after the profit warning.",
    "Shares in the water firm rose 4% on Tuesday after the regulator approved its plans.",
    "Share this burden fairly, the union told ministers, or nurses will strike again.",
    "Follow-up checks on the bridge found no further damage, engineers said.",
    "Followers of the band queued overnight for tickets outside the arena.",
    "Following the ruling, the landlord must repay £12,000 to his former tenants.",
    "\u201cFollow me on Instagram,\u201d the singer told the crowd before the encore.",
    "Readers can sign up for the newsletter on the council's website.",
    "About 4,000 residents subscribe to the parish newsletter, the clerk said.",
    "Subscribers to the water company's alert service were told to boil their water.",
    "Sign-up rates for the free school meals scheme fell last year, figures show.",
    "Newsletter sign-ups rose by a third after the redesign, the paper's owner said.",
    "Households that get the council newsletter will find the new bin dates inside.",
    "Parents were asked to join the school's mailing list for news of closures.",
    "Sign up to the council's newsletter for updates on the roadworks, residents were told.",
    "Join the queue early, the organisers advised, as only 500 tickets will be sold on the day.",
    "Registered voters can check their polling station on the council's website.",
    "More than 2,000 people join the Facebook group each month to swap tips on the allotments.",
    "Click-and-collect orders rose by half over Christmas, the retailer said.",
    "Listen to the nurses, the union's leader told the health minister on Tuesday.",
    "Comments made by the councillor at the meeting are being investigated.",
    "Users who post a comment under a false name will be banned, the forum's owners said.",
    "Mourners were invited to leave a comment in the book of condolence at the town hall.",
    # contact, calls, appeals and thanks reported in a story
    "Download speeds in the village have tripled since the new cable was laid.",
    "Contact with the missing climbers was lost on Tuesday evening, the coastguard said.",
    "Emails between the two officials were read out at the tribunal.",
    "Email addresses of 3,000 customers were stolen, the company said.",
    "Don't hesitate to call 999 if you see the man, police said.",
    "Anyone with information should call police on 101, quoting incident 452.",
    "Residents must fill out the form by Friday to claim the rebate, the council said.",
    "Don't expect miracles, the manager warned fans after the defeat.",
    "Please be patient, the airport told travellers as queues grew on Friday.",
    "Subscribe buttons on the app were removed after complaints, the company said.",
    "Sign language interpreters will be at every council meeting from May.",
    "Email scams targeting pensioners have doubled, trading standards said.",
    "If you found the dog, please call the shelter, its owner said.",
    "Thank you for visiting us, the King told the pupils, according to the head teacher.",
    "Thanks for stopping by, the mayor told the visiting pupils.",
    "\u201cTell your friends,\u201d the chef said, and the queue doubled by lunchtime.",
    "\u201cYour donations kept the shelter open this winter,\u201d the manager told volunteers.",
    "\u201cThousands came to support our work,\u201d the food bank's manager said.",
    "\u201cJoin us on the picket line,\u201d the union's leader told nurses at the rally.",
    "Ready to go by June, the new stand will hold 8,000 fans.",
    # revisions, small print, money and privacy as the story's subject
    "We last updated this list of road closures on Monday, the council said.",
    "\u201cWe revised this guide after the floods,\u201d said the harbour master.",
    "The retailer's site uses affiliate links, the watchdog found.",
    "Equal housing opportunity laws were broken, the jury found.",
    "The new gym is available only to members, the council said.",
    "The podcast, funded by listeners on Patreon, now has 20,000 subscribers.",
    "The story trended on Google News for two days, the firm said.",
    "Victims may receive compensation of up to £5,000, the ombudsman said.",
    "Staff may get a share of the profits, the firm said.",
    "If both sides sign and agree to the terms, the strike will end, the union said.",
    "\u201cIt lands in your inbox looking like a real bill,\u201d the detective said of the scam.",
    "Most visitors accept cookies without reading the notice, the study found.",
    "The regulator fined the retailer over its cookie policy, which it said misled shoppers.",
    "Customers can unsubscribe at any time, the regulator said, but the firm kept sending texts.",
    "\u201cWe use cookies as a reward,\u201d said the head teacher.",
    "Shares in the US firm that runs the cookie settings service fell 8% on Friday.",
    "The bank has a disclosure policy for its staff's shares, which critics call weak.",
    "The paper reviewed its editorial guidelines after the complaint about the photograph.",
    "The broker earns commissions from the insurers it recommends, the regulator found.",
    "Shares in the ticket app, which earns commissions from every sale, fell 4% on Monday.",
    # Turkish capitals lower-case to two characters: the words are still read in their own sentence
    "Crowds filled İzmir and İstanbul. Newsletter sign-ups at the Gazette rose by a third after the launch.",
]


def assert_stays_wherever_it_stands(sentence: str) -> None:
    """First paragraph, in the middle (with a link in it, as stories link what they report), last
    paragraph: ``sentence`` comes out whole, and the story around it too."""
    pages = {
        "first": [sentence, *_STORY],
        "middle": [*_STORY[:2], _linked(sentence), *_STORY[2:]],
        "last": [*_STORY, sentence],
    }
    for where, paragraphs in pages.items():
        expected = [sentence if p == _linked(sentence) else p for p in paragraphs]
        assert _paragraphs(paragraphs) == expected, where


@pytest.mark.parametrize("sentence", NEWS)
def test_a_news_sentence_with_the_words_of_a_call_or_a_label_stays_wherever_it_stands(sentence):
    assert_stays_wherever_it_stands(sentence)


# the furniture made of the same words: in the middle of the text (these go wherever they stand) ...
ANYWHERE = [
    "Share this article",
    "Sign up for our newsletter",
    "Sign up for the Wendle Gazette newsletter.",
    "Subscribe to our weekly newsletter and get the best stories delivered to your inbox.",
    "Join our mailing list",
    "Leave a comment",
    "There are no comments yet. Be the first to leave a comment.",
    "Comments are closed.",
    "Commenting has been disabled for this article.",
    "Advertisement",
    "Advertisement - Story continues below",
    "Sponsored: Five ways to save on your energy bill this winter.",
    "Written by Ruth Okafor",
    "Posted by Ruth Okafor on 3 May 2025.",
    "Published by Ruth Okafor, Local Democracy Reporter",
    "Follow us on Facebook, Instagram and X for the latest news.",
    "Join the Facebook group to hear about the next market day.",
    "By entering your email, you agree to our terms and privacy policy.",
    "We use cookies to give you the best experience on our website.",
    "You may also like",
    "Copyright © 2025 Wendle Gazette. All rights reserved.",
    "As an Amazon Associate, we earn from qualifying purchases.",
    "Traders Weekly may receive a commission on purchases made through links on this page.",
    # a picture's credit alone on its line, its caption gone (the caption that says what it shows stays)
    "Photo: Sam Okoro/Wendle Gazette",
    "Credit: Wendle Market Trust",
    "Image courtesy of the Wendle Market Trust",
    "Sam Okoro/AFP via Getty Images",
    # the pointer to the publisher's own policies
    "Learn more about our editorial process.",
    "The Wendle Gazette has a disclosure policy.",
    "Read our editorial standards and how we correct mistakes.",
    "Wendle Deals earns commissions from some of the shops listed on this page.",
    # third person, a verb and six words: still the site's furniture
    "Required fields are marked with an asterisk.",
    "Wendle Gazette may collect a share of sales from products featured in the article.",
    "Posted by Ruth Okafor at 9:14 am and updated at 11:02 am.",
    "Written by Ruth Okafor, who has covered the council since 2019.",
    # other languages' calls, which the English reading of a sentence cannot tell (the Portuguese "do",
    # the Spanish "has", the German "was" look like verbs)
    "Assine nossa newsletter e receba as principais notícias do dia.",
    "Usamos cookies para melhorar a sua experiência e personalizar o conteúdo do site.",
    "Recibe nuestro boletín con las noticias que te has perdido durante la semana.",
    "Melden Sie sich jetzt für unseren Newsletter an und erfahren Sie, was in der Stadt los ist.",
]
# ... and closing the text (the same words above the last paragraph can be the story's)
CLOSING = [
    "Tags: market hall, roof, council",
    "Tagged: Wendle, markets",
    "Filed under: News, Council",
    "Posted in News, Local",
    "Photo: Jane Doe/Agency",
    "Updated 3 hours ago",
    "Photo by Sam Okoro",
    "Header image by the market trust; all other photos by Sam Okoro.",
    "Don't hesitate to contact us with your questions.",
    "Fill out the form below and our team will be in touch.",
    "If you enjoyed this article, please share it with your friends.",
    "Thanks for reading!",
    "We updated this article on 4 May with the new opening hours.",
    "Wendle Market is a registered trademark of the market trust.",
    "Follow Wendle Gazette on Google News",
    "Support our journalism with a donation today.",
    "The Gazette is funded by readers. Become a supporter.",
    "Past performance is not a guide to future returns.",
    "This article contains affiliate links.",
    "Image via Wikimedia Commons, licensed under CC BY-SA 4.0.",
    "Photo courtesy of the market trust, used with permission.",
    "The Gazette is a reader-supported, independent local newsroom.",
    "Wendle Building Society is an Equal Housing Lender. NMLS #12345.",
    "The rest of the article is available to subscribers only.",
    "Siga-nos nas redes sociais e acompanhe as notícias do dia.",
    "About the author: Ruth Okafor edits the Gazette, and has reported on local politics since 2010.",
    # the publisher selling its own space
    "Advertise with us",
    "Sponsor this newsletter",
    "The Gazette reaches 12,000 readers a week. Explore sponsorship opportunities with our team.",
]


@pytest.mark.parametrize("line", ANYWHERE)
def test_the_furniture_made_of_the_same_words_goes_from_the_middle(line):
    assert _paragraphs([*_STORY[:2], line, *_STORY[2:]]) == _STORY


@pytest.mark.parametrize("line", CLOSING + ANYWHERE)
def test_the_furniture_made_of_the_same_words_goes_from_the_end(line):
    assert _paragraphs([*_STORY, line]) == _STORY
