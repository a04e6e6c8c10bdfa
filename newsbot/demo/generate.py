"""Generated local-news articles for load tests: deterministic from a seed, cheap to make.

Metadata for N articles is made up front (microseconds each); a body is assembled from
sentence templates only when first read, from its own seed, so the same article always has
the same text no matter which pages were served first.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta

TOWNS = (
    "Marrow Bay",
    "Kettleby",
    "Dunmore",
    "Hadley",
    "Upper Ashby",
    "Harnforth",
    "Brenfield",
    "Gull Island",
    "Wendside",
    "Millrace",
    "Otter Cove",
    "Saltmarsh",
    "Prairie Junction",
)
BODIES = (
    "town council",
    "county commission",
    "school board",
    "planning committee",
    "harbor commission",
    "parish council",
    "library trust",
    "water board",
    "parks department",
    "transport authority",
)
THINGS = (
    "community center",
    "swimming pool",
    "bridge repair",
    "bike lane",
    "car park",
    "skate park",
    "flood barrier",
    "farmers market",
    "bus shelter",
    "primary school extension",
    "sewer upgrade",
    "youth club",
    "recycling depot",
    "sports pavilion",
    "footpath",
    "allotment site",
    "clinic",
)
PEOPLE_FIRST = (
    "Ann",
    "Marcus",
    "Helen",
    "Ravi",
    "Grace",
    "Tomás",
    "Ellen",
    "Desmond",
    "Fatima",
    "Noah",
    "Bridget",
    "Kwame",
    "Lorna",
    "Stefan",
    "Mei",
    "Callum",
    "Rosa",
    "Victor",
    "Joan",
    "Idris",
)
PEOPLE_LAST = (
    "Harwood",
    "Pellegrini",
    "Osei",
    "MacLeod",
    "Brandt",
    "Quigley",
    "Nakamura",
    "Fenn",
    "Abernathy",
    "Duarte",
    "Whitlow",
    "Kaminski",
    "Carver",
    "Lindqvist",
    "Ogunleye",
    "Price",
)
ROLES = (
    "who chairs the committee",
    "a local business owner",
    "the project manager",
    "a parent of two",
    "the council's finance officer",
    "a retired engineer",
    "the head teacher",
    "a longtime resident",
    "the volunteer coordinator",
    "a spokeswoman for the contractor",
    "a member of the residents' group",
)
AMOUNTS = ("$40,000", "$1.2 million", "£85,000", "$310,000", "£2.4m", "$6,500", "£640,000", "$75,000")
MONTHS = ("January", "February", "March", "April", "May", "June", "September", "October")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
VERBS_PAST = ("approved", "delayed", "rejected", "debated", "postponed", "backed", "questioned")
FEELINGS = ("frustrated", "relieved", "cautiously optimistic", "surprised", "worried", "delighted")
TAGS = (
    "council",
    "schools",
    "roads",
    "housing",
    "parks",
    "budget",
    "transport",
    "weather",
    "health",
    "business",
    "history",
    "volunteers",
    "planning",
    "environment",
)
COMMENTS = (
    "About time somebody looked at this properly.",
    "Does anyone know if the meeting will be streamed online?",
    "This has been going on for years and nothing ever changes.",
    "Great reporting, thank you for covering this.",
    "I drove past there yesterday and it already looks different.",
)
COMMENTERS = ("localreader", "J. Moss", "bayside_bob", "Concerned Parent", "old salt", "K.T.")

TITLES = (
    "{town} {body} {verb} plan for new {thing}",
    "{town} {thing} to close for {months} months of repairs",
    "Residents {feeling} as {town} {thing} costs rise to {amount}",
    "{body_cap} {verb} {amount} for {town} {thing}",
    "Work on {town} {thing} finally begins after {years}-year wait",
    "Volunteers raise {amount} to save {town} {thing}",
    "Questions over {town} {thing} as deadline slips to {month}",
)
SENTENCES = (
    "The {body} {verb} the proposal at its meeting on {day}, after more than two hours of debate.",
    "The {thing} was first proposed in {year} but stalled when the money ran out.",
    "Officials said the work would cost about {amount}, most of it paid for by a state grant.",
    "“{quote},” said {person}, {role}.",
    "{person}, {role}, said the news had left people in {town} {feeling}.",
    "A public consultation drew {count} responses, the most the {body} has ever received.",
    "The contractor expects to finish by {month}, weather permitting.",
    "Not everyone is convinced. “{quote},” said {person}, {role}.",
    "Traffic will be diverted along the main road while the work is carried out.",
    "The {body} will hold a drop-in session at the library on {day} evening for anyone with questions.",
    "Figures released this week show the cost has risen by {percent} per cent since the first estimate.",
    "{person} said the {thing} had been used by {count} people last year alone.",
    "Supporters say the {thing} will bring new visitors to {town} and help local shops.",
    "Critics argue the money would be better spent on roads and school buildings.",
    "The plan now goes to a final vote in {month}.",
    "A report to the {body} warned that delaying the work again could add {amount} to the bill.",
    "Several residents spoke at the meeting, most of them in favour.",
    "The last time the {thing} was upgraded was in {year}, when it cost a fraction of today's price.",
    "{person} told the meeting that the {body} had “a duty to get this right”.",
    "Local businesses have been asked to display posters explaining the changes.",
    "Neighbouring {town2} went through a similar process two years ago.",
    "The decision was welcomed by {count} people who had signed a petition in support.",
    "Officials promised to publish a full timetable before the end of {month}.",
    "“{quote},” {person} said.",
    "{person} added: “{quote}.”",
)
QUOTES = (
    "We have waited a long time for this",
    "I will believe it when I see it",
    "It is not perfect, but it is a start",
    "Nobody wants to see the costs go up again",
    "The people of {town} deserve better than another delay",
    "We listened to every comment and changed the plans as a result",
    "I have lived here for forty years and never seen anything like it",
    "The money has to come from somewhere",
    "We will be watching closely to make sure the promises are kept",
    "My children will be the ones who use it, so of course I care",
    "There are still questions nobody has answered",
    "This is what happens when people turn up and speak",
)


@dataclass
class Meta:
    index: int
    title: str
    slug: str
    published: datetime  # naive; the publisher supplies its offset
    section_pick: float
    authors: dict[str, list[str]]
    tags: list[str]
    comments: list[tuple[str, str]] = field(default_factory=list)
    updated_after_hours: int = 0
    body_seed: int = 0

    def section_for(self, sections: list[str]) -> str:
        # Hand-written-only sections (Spanish) are skipped: generated stories are English.
        usable = [s for s in sections if s != "en-espanol"]
        return usable[int(self.section_pick * len(usable))]


def _slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def metadata(count: int, seed: int, staff: dict[str, list[str]]) -> list[Meta]:
    """Titles, dates and bylines for `count` generated stories, dated September–October 2026
    so the hand-written November stories stay on top of every front page."""
    rng = random.Random(f"newsbot-demo-meta-{seed}")
    start = datetime(2026, 9, 1, 6, 0)
    span_minutes = 60 * 24 * 60  # sixty days
    metas = []
    for i in range(count):
        town, town2 = rng.sample(TOWNS, 2)
        body = rng.choice(BODIES)
        title = rng.choice(TITLES).format(
            town=town,
            town2=town2,
            body=body,
            body_cap=body[0].upper() + body[1:],
            verb=rng.choice(VERBS_PAST),
            thing=rng.choice(THINGS),
            months=rng.randint(2, 9),
            feeling=rng.choice(FEELINGS),
            amount=rng.choice(AMOUNTS),
            years=rng.randint(3, 12),
            month=rng.choice(MONTHS),
        )
        published = start + timedelta(minutes=rng.randrange(span_minutes))
        authors = {key: [rng.choice(names)] for key, names in staff.items()}
        comments = [(rng.choice(COMMENTERS), rng.choice(COMMENTS)) for _ in range(rng.randint(0, 2))]
        metas.append(
            Meta(
                index=i,
                title=title,
                slug=f"{_slugify(title)[:70].strip('-')}-{i + 1}",
                published=published,
                section_pick=rng.random(),
                authors=authors,
                tags=rng.sample(TAGS, rng.randint(1, 3)),
                comments=comments,
                updated_after_hours=rng.choice((0, 0, 0, 2, 26)),
                body_seed=rng.getrandbits(48),
            )
        )
    return metas


def body(seed: int) -> list[str]:
    """Paragraphs of a generated story: 300–1,200 words, 2–6 sentences a paragraph."""
    rng = random.Random(seed)
    target = rng.randint(300, 1160)  # the last sentence may overshoot by up to ~40 words
    words = 0
    paragraphs: list[str] = []
    town, town2 = rng.sample(TOWNS, 2)
    body_name = rng.choice(BODIES)
    thing = rng.choice(THINGS)
    cast = [(f"{rng.choice(PEOPLE_FIRST)} {rng.choice(PEOPLE_LAST)}", rng.choice(ROLES)) for _ in range(3)]
    introduced: set[str] = set()
    deck: list[str] = []
    while words < target or len(paragraphs) < 4:
        sentences = []
        for _ in range(rng.randint(2, 6)):
            person, role = rng.choice(cast)
            # Deal templates like cards so a story does not repeat itself more than it must.
            if not deck:
                deck = rng.sample(SENTENCES, len(SENTENCES))
            template = deck.pop()
            if "{role}" in template and person in introduced:
                template = rng.choice(("“{quote},” {person} said.", "{person} added: “{quote}.”"))
            sentence = template.format(
                body=body_name,
                thing=thing,
                town=town,
                town2=town2,
                person=person,
                role=role,
                verb=rng.choice(VERBS_PAST),
                day=rng.choice(DAYS),
                year=rng.randint(1998, 2022),
                amount=rng.choice(AMOUNTS),
                count=f"{rng.randint(40, 4000):,}",
                quote=rng.choice(QUOTES).format(town=town),
                month=rng.choice(MONTHS),
                feeling=rng.choice(FEELINGS),
                percent=rng.randint(5, 60),
            )
            if "{role}" in template:
                introduced.add(person)
            sentences.append(sentence[0].upper() + sentence[1:])
            words += sentence.count(" ") + 1
            if words >= target and len(paragraphs) >= 3:
                break
        paragraphs.append(" ".join(sentences))
    return paragraphs
