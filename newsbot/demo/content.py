"""The hand-written stories of the demo world.

Every word here is our own: the places, people and events are invented. Stories are data,
not HTML, so each publisher's template can dress the same kind of story its own way.

Paragraph text may hold inline links written ``[link text](@slug)``, pointing at another
story of the same publisher; readers (and ExpectedArticle) see only the link text.
Dates are fixed (November 2026) so tests never depend on the clock.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Story:
    slug: str
    title: str
    authors: tuple[str, ...]
    published: str  # ISO 8601 with the publisher's UTC offset
    section: str
    tags: tuple[str, ...]
    paragraphs: tuple[str, ...]
    comments: tuple[tuple[str, str], ...] = ()  # (commenter, text)
    # Valley Courier: READ MORE teaser placed after body paragraph N, pointing at a story slug.
    teasers: tuple[tuple[int, str], ...] = ()
    language: str = "en"
    modified: str | None = None


# --- Harbor Gazette: a waterfront town's WordPress paper (US Eastern time) -------------------

HARBOR_STORIES: tuple[Story, ...] = (
    Story(
        slug="gull-island-ferry-cut-to-three-sailings",
        title="Gull Island ferry cut to three sailings a day as crew shortage bites",
        authors=("Margaret Okafor",),
        published="2026-11-24T07:30:00-05:00",
        section="local",
        tags=("ferries", "transport", "Gull Island"),
        paragraphs=(
            "Residents of Gull Island will have three ferry crossings a day to the mainland from "
            "December 1, down from seven, after the operator said it could no longer find enough "
            "licensed deckhands to keep the full winter timetable running.",
            "Bay Transit Authority told island households in a letter on Monday that the 6:15 a.m., "
            "12:40 p.m. and 5:30 p.m. sailings would be kept, and that the cuts would last “at least "
            "until the spring hiring round is complete.”",
            "The authority employs 22 deckhands across its three vessels and needs 31 to run the "
            "full schedule, according to figures presented at a board meeting last month. Four "
            "deckhands retired in October and two more have moved to better-paid jobs with "
            "offshore wind contractors.",
            "“We have a school bus that meets the 6:15 and a clinic that relies on the midday boat,” "
            "said Teresa Lund, who chairs the Gull Island Residents’ Association. “Anyone who works "
            "a late shift on the mainland now has to find a bed over there. That is not a small ask "
            "in November.”",
            "The island has about 640 year-round residents, roughly a third of them over 65. Lund "
            "said the association would ask for an emergency water-taxi contract for medical "
            "appointments, similar to the one the authority paid for during the 2019 engine "
            "failure on the MV Carrow.",
            "Authority spokesman Ben Achterberg said the agency was offering a $4,000 signing bonus "
            "and paying for the Coast Guard training that new hires need. “We would rather run "
            "fewer boats reliably than cancel sailings at the dock with people standing there,” he "
            "said.",
            "The authority’s board meets again on December 9 at the Harbor Street terminal. Public "
            "comment is open to anyone who registers by noon the day before.",
        ),
        comments=(
            ("islandgirl54", "Three boats a day in winter is going to empty this island. Who decided this?"),
            (
                "R. Tamsin",
                "They knew these retirements were coming for years. Shameful planning by the authority.",
            ),
            ("Pete from Dock Road", "Anyone organizing carpools to the 5:30? Count me in."),
        ),
    ),
    Story(
        slug="cannery-warehouse-affordable-apartments-vote",
        title="Old cannery warehouse to become 84 affordable apartments after council vote",
        authors=("Daniel Reyes", "Priya Nandakumar"),
        published="2026-11-19T18:05:00-05:00",
        section="business",
        tags=("housing", "city council", "waterfront"),
        paragraphs=(
            "The brick warehouse that once stored tinned sardines for half of New England will be "
            "turned into 84 apartments for households earning less than the area median, after "
            "the city council voted 6–1 on Tuesday night to approve the rezoning.",
            "The developer, Saltworks Housing Partners, plans to keep the building’s exterior and "
            "its painted “Calder Bros. Packing Co.” sign, and to add a fifth floor set back from "
            "the street so it cannot be seen from the harbor walk.",
            "Rents will range from about $1,100 for a studio to $1,750 for a three-bedroom unit, "
            "fixed for 40 years under a deed restriction. Twelve of the apartments are set aside "
            "for people who work in the fishing industry, a condition added after the fishermen’s "
            "cooperative asked for it at a hearing in September.",
            "Councilor Alma Bruno, who cast the only vote against, said she supported the housing "
            "but not the plan to provide just 40 parking spaces. “We are pretending people on the "
            "waterfront do not own trucks,” she said. “They do. They have to.”",
            "Supporters pointed to the city’s own housing study, which found that two in five "
            "renters in Marrow Bay spend more than half their income on rent. Construction is "
            "expected to start next summer and take about 20 months.",
            "The warehouse has been empty since 2011. A previous plan to turn it into a boutique "
            "hotel collapsed in 2022 when its financing fell through, a saga the Gazette followed "
            "closely. The [ferry cuts announced this week](@gull-island-ferry-cut-to-three-sailings) "
            "were also raised during the hearing by islanders who said mainland housing was their "
            "only fallback.",
        ),
        comments=(
            ("Marcus W.", "Finally something sensible on that lot. Good call by the council."),
            ("harborwatcher", "Forty spaces for 84 units is a joke. Bruno is right."),
        ),
    ),
    Story(
        slug="lighthouse-keeper-logbooks-found-in-attic",
        title="Lighthouse keeper’s logbooks, lost for 60 years, turn up in a Portland attic",
        authors=("Priya Nandakumar",),
        published="2026-11-12T10:00:00-05:00",
        section="culture",
        tags=("history", "Skerry Point Light", "museums"),
        paragraphs=(
            "For six decades, historians of Skerry Point Light assumed the keepers’ logbooks from "
            "1931 to 1958 had gone down with the supply boat that sank off the point in the winter "
            "of 1962. They had not. They were in a cardboard box in an attic in Portland, Maine.",
            "The eleven leather-bound volumes were found in August by Ruth Ellison, 74, while she "
            "cleared out the house of her late uncle, who had served as an assistant keeper at "
            "Skerry Point for three years after the Second World War.",
            "“I almost put them out with the recycling,” Ellison said. “Then I opened one and saw "
            "an entry about a storm, with the wind speed and the names of a fishing boat’s crew "
            "that the keepers had pulled out of the water. I sat down on the attic floor and read "
            "for two hours.”",
            "The logbooks record the weather four times a day, the hours the lamp was lit, every "
            "ship that passed, and the small business of a remote station: coal deliveries, a "
            "broken pump, a dog named Admiral who is mentioned on more than 200 pages.",
            "They also contain the only written account of the night of January 9, 1947, when the "
            "keepers rowed out in a gale to the schooner Laura Pike. Until now, the rescue was known "
            "only from a short newspaper item and family stories passed down in Marrow Bay.",
            "Ellison has donated the volumes to the Marrow Bay Maritime Museum, which will scan "
            "every page and put the images online next year. Curator Owen Faircloth said volunteers "
            "were already transcribing the entries by hand.",
            "“People assume the history of a lighthouse is the history of the building,” Faircloth "
            "said. “It is really the history of the people who kept it, and until now we barely "
            "knew their handwriting.”",
            "A selection of pages, including the entry for the Laura Pike rescue, goes on display "
            "at the museum on Front Street from December 3. Admission is free on the first "
            "Sunday of each month.",
        ),
        comments=(
            ("Gloria Haines", "My grandfather was on the Laura Pike! I cannot wait to see this entry."),
            ("seaglass_sam", "What a find. Please tell us more about Admiral the dog."),
        ),
    ),
    Story(
        slug="robotics-team-nationals-salvaged-boat-parts",
        title="High school robotics team heads to nationals with robot built from salvaged boat parts",
        authors=("Daniel Reyes",),
        published="2026-11-06T15:45:00-05:00",
        section="local",
        tags=("education", "Marrow Bay High School", "robotics"),
        paragraphs=(
            "A robot made partly from a bilge pump, two outboard-motor throttle cables and the "
            "aluminum frame of a wrecked skiff has earned the Marrow Bay High School robotics team "
            "a place at the national championship in Houston next spring.",
            "The team of nine students, who call themselves the Bilge Rats, won the regional "
            "qualifier in Worcester on Saturday, beating 38 other schools. Their robot, named "
            "Barnacle, had to pick up and stack foam cubes and climb a bar in under two minutes.",
            "Team captain Imani Scott, a senior, said the boat parts were a matter of budget, not "
            "style. “Other teams buy their motors from catalogs,” she said. “We went to the boatyard "
            "and asked what they were throwing away.”",
            "Coach Walter Brisco, who teaches physics at the school, said the trip to Houston will "
            "cost about $18,000 for travel, hotel rooms and entry fees. The team has raised $6,200 "
            "so far from a car wash and a chowder supper.",
            "The boatyard’s owner, Len Pacheco, has offered to match every dollar raised by the end "
            "of January. “Those kids took apart an engine faster than some of my mechanics,” he "
            "said.",
        ),
        comments=(("Coach B's former student", "Go Bilge Rats! Proud of you all."),),
    ),
    Story(
        slug="feria-de-pescadores-vuelve-al-muelle",
        title="La feria de pescadores vuelve al muelle tras cuatro años de ausencia",
        authors=("Lucía Fernández",),
        published="2026-11-15T09:20:00-05:00",
        section="en-espanol",
        tags=("comunidad", "muelle"),
        language="es",
        paragraphs=(
            "La feria de pescadores de Marrow Bay, que reunía cada otoño a cientos de familias en "
            "el muelle municipal, volverá a celebrarse el próximo sábado después de cuatro años "
            "sin organizarse por falta de voluntarios y de dinero.",
            "La cooperativa de pescadores y la asociación de vecinos hispanos de la ciudad se han "
            "repartido el trabajo: la cooperativa pondrá el pescado y los barcos abiertos al "
            "público, y la asociación se encargará de la música, los puestos de comida y los "
            "juegos para niños.",
            "«Mi padre montaba el puesto de empanadas de pescado todos los años», contó Rosa "
            "Villalobos, presidenta de la asociación. «Cuando dejó de hacerse la feria, mucha gente "
            "joven ya no conocía a los pescadores del puerto. Queremos recuperar eso».",
            "Habrá demostraciones de cómo se reparan las redes, una subasta de langosta a beneficio "
            "del fondo de becas de la escuela secundaria y un concurso de sopa de pescado con un "
            "jurado formado por tres cocineros del barrio.",
            "La entrada es gratuita. La feria empieza a las diez de la mañana y termina con fuegos "
            "artificiales sobre el agua a las siete de la tarde, si el tiempo lo permite. Los "
            "organizadores recomiendan llegar a pie o en bicicleta, porque el aparcamiento del "
            "muelle estará cerrado.",
        ),
        comments=(("Carmen R.", "¡Por fin! Allí estaremos con toda la familia."),),
    ),
)

# A story-looking page under /private/, linked from the home page but disallowed by robots.txt:
# a polite crawler must never fetch it, so it must never be in the archive.
HARBOR_PRIVATE_STORY = Story(
    slug="embargoed-harbor-budget-draft",
    title="EMBARGOED: Draft harbor budget shows dredging plan doubled in cost",
    authors=("Margaret Okafor",),
    published="2026-11-26T06:00:00-05:00",
    section="local",
    tags=("budget",),
    paragraphs=(
        "This draft is for subscribers only and is under embargo until the harbor commission meets.",
        "The draft budget, seen by the Gazette, puts the cost of dredging the inner channel at "
        "$9.1 million, twice the figure in last year's capital plan.",
        "Commissioners are expected to debate the figure in closed session before it is published.",
        "A final version of this story will appear once the embargo lifts.",
    ),
)


# --- Valley Courier: an older British regional paper (UTC in November) ------------------------

VALLEY_STORIES: tuple[Story, ...] = (
    Story(
        slug="river-wend-flood-defences-finished-late",
        title="River Wend flood defences finished two years late and £3m over budget",
        authors=("Tom Hadley",),
        published="2026-11-25T09:14:00+00:00",
        section="news",
        tags=("flooding", "River Wend", "Environment Agency"),
        teasers=((2, "kettleby-library-volunteers-save-closure"), (5, "bus-firm-axes-evening-services")),
        paragraphs=(
            "The £11.4m flood defence scheme protecting 900 homes along the River Wend in Kettleby "
            "has finally been completed, two years behind schedule and £3m over its original "
            "budget.",
            "The scheme, which includes 1.8km of raised embankments, a new pumping station at "
            "Mill Lane and demountable barriers that can be bolted across the bottom of Bridge "
            "Street, was first promised after the floods of Boxing Day 2020.",
            "Contractors blamed the delays on ground conditions that were worse than surveys had "
            "suggested, a shortage of steel sheet piling in 2024 and two wet winters that left "
            "the riverside too soft for heavy machinery for months at a time.",
            "Margaret Pell, 68, whose house on Wendside Terrace flooded twice in three years, said "
            "she would believe the defences worked “when I see the river come up and stay on the "
            "other side of the wall”.",
            "“I’ve had my insurance go from £300 to £2,100 a year,” she said. “I’m glad it’s done, "
            "but people round here have lived with sandbags in the hallway for six years.”",
            "The Environment Agency’s area manager, Colin Strand, apologised for the delays but "
            "said the finished scheme would protect the town against a flood of a size expected "
            "once in every 100 years, allowing for climate change.",
            "The agency will test the barriers in a full rehearsal on Bridge Street next month. "
            "The road will be closed from 7am to 3pm on December 6, with diversions signed via "
            "Station Road.",
            "Residents can ask for a copy of the updated flood plan for their street from the "
            "agency’s Kettleby office or at the town council’s monthly drop-in sessions.",
        ),
    ),
    Story(
        slug="kettleby-library-volunteers-save-closure",
        title="Kettleby library saved from closure as volunteers take over running it",
        authors=("Gwen Pritchard",),
        published="2026-11-20T16:30:00+00:00",
        section="news",
        tags=("libraries", "volunteers", "Aldwater Council"),
        teasers=((3, "kettleby-moor-homes-plan-thrown-out"),),
        paragraphs=(
            "Kettleby’s library on Market Street will stay open after a group of 46 volunteers "
            "agreed to run it, three months after Aldwater Council said it could no longer afford "
            "to staff the building.",
            "The Friends of Kettleby Library will take over on January 5 under a five-year lease. "
            "The council will keep paying for the building’s heating, the book stock and the "
            "computer system, which means borrowers will not notice much difference.",
            "Opening hours will drop from 38 a week to 30. The library will close on Wednesdays, "
            "but will open on Saturday afternoons for the first time since 2015, something the "
            "volunteers said parents had asked for repeatedly.",
            "The group’s chair, retired head teacher Pauline Ashworth, said the hardest part had "
            "been the paperwork. “We’ve had to learn about insurance, safeguarding, fire "
            "regulations and how to run a till,” she said. “The books were the easy bit.”",
            "The council’s cabinet member for communities, Cllr Raj Mistry, said the arrangement "
            "was “a lifeline, not a blueprint” and that the authority was still looking at the "
            "future of four other branch libraries in the district.",
            "Anyone who wants to volunteer can sign up at the library’s front desk. The Friends "
            "say they are especially short of people who can help on Saturday afternoons.",
        ),
    ),
    Story(
        slug="bus-firm-axes-evening-services",
        title="Bus firm axes evening services on three valley routes",
        authors=("Tom Hadley",),
        published="2026-11-13T11:02:00+00:00",
        section="news",
        tags=("buses", "transport"),
        paragraphs=(
            "Evening buses on three routes through the Aldwater Valley will stop running after "
            "7pm from January, Wendbus has confirmed.",
            "The 21 from Kettleby to Harnforth, the 23 to Upper Ashby and the 30 circular via the "
            "hospital will all lose their late services. The company said the last departures "
            "carried an average of four passengers each over the past year.",
            "Hospital staff say the change will hit shift workers hardest. “The 10.40pm is how "
            "half the night cleaners get in,” said porter Dave Okonjo, who has worked at Aldwater "
            "General for 19 years. “Taxis are £18 each way. Nobody on our wages can do that.”",
            "Wendbus managing director Fiona Kerr said the routes lost £410,000 last year and the "
            "company could not keep them going without help from the council. The county’s "
            "transport committee will discuss a possible subsidy on December 15.",
            "A petition calling for the evening services to be saved had gathered more than 3,000 "
            "signatures by Thursday afternoon.",
        ),
    ),
    Story(
        slug="kettleby-moor-homes-plan-thrown-out",
        title="Plans for 400 homes on edge of Kettleby Moor thrown out by inspector",
        authors=("Gwen Pritchard",),
        published="2026-11-05T14:20:00+00:00",
        section="news",
        tags=("planning", "housing", "Kettleby Moor"),
        paragraphs=(
            "A government planning inspector has dismissed an appeal by developers who wanted to "
            "build 400 homes on farmland at the edge of Kettleby Moor.",
            "Aldwater Council refused the plan in 2025, saying it would spoil views from the moor "
            "and put too much traffic on the narrow Moor Road. The developer, Heatherfield Land, "
            "appealed, arguing that the district was falling short of its housing targets.",
            "In a 38-page decision published on Wednesday, inspector Harriet Coyle agreed the "
            "district needed more homes but said the harm to the landscape “would be serious and "
            "permanent” and outweighed the benefits.",
            "Campaigners from Save Kettleby Moor, who raised £22,000 to pay for a barrister at the "
            "two-week inquiry in the summer, gathered at the Drovers Arms on Wednesday evening to "
            "celebrate.",
            "Heatherfield Land said it was “disappointed” and would consider whether to challenge "
            "the decision in the High Court. It has six weeks to do so.",
        ),
    ),
    Story(
        slug="kettleby-town-late-winner-fa-trophy",
        title="Kettleby Town snatch late winner to reach FA Trophy second round",
        authors=("Sam Oduya",),
        published="2026-11-22T17:48:00+00:00",
        section="sport",
        tags=("Kettleby Town", "FA Trophy", "football"),
        teasers=((3, "harriers-runner-71-age-group-record"),),
        paragraphs=(
            "Substitute Jordan Ainsley headed in a stoppage-time winner as Kettleby Town beat "
            "Brenfield Rovers 2–1 at Wend Park to reach the second round of the FA Trophy for the "
            "first time in eleven years.",
            "The visitors, who play a division higher, took the lead after 14 minutes when Kai "
            "Mortimer turned in a low cross at the far post, and for long spells Town struggled to "
            "get out of their own half.",
            "Manager Lee Doherty changed shape at half-time, pushing Callum Rudd up alongside "
            "striker Ollie Fenwick, and the switch paid off on the hour when Rudd ran on to a "
            "long ball and fired across the keeper to make it 1–1.",
            "With the game heading for a replay, Ainsley, on for only six minutes, met Tom "
            "Blackett’s corner at the near post and glanced it into the far corner in front of "
            "the Shed End.",
            "“I told the lads at half-time that we hadn’t shown them any respect, we’d shown them "
            "too much,” Doherty said. “The second half was the best we’ve played all season.”",
            "A crowd of 1,206, the biggest at Wend Park since 2019, saw the win, which is worth "
            "£4,500 in prize money to the club.",
            "The draw for the second round takes place on Monday lunchtime. Town are away at "
            "Harnforth Athletic in the league on Saturday.",
        ),
    ),
    Story(
        slug="harriers-runner-71-age-group-record",
        title="Valley Harriers runner, 71, sets British age-group record at parkrun",
        authors=("Sam Oduya",),
        published="2026-11-09T12:00:00+00:00",
        section="sport",
        tags=("athletics", "Valley Harriers", "parkrun"),
        paragraphs=(
            "A 71-year-old grandmother from Upper Ashby has set a British age-group record for "
            "5km, running 21 minutes and 38 seconds at Kettleby parkrun on Saturday morning.",
            "Brenda Hollis, who took up running at 58 after her doctor told her to get more "
            "exercise, beat the previous women’s 70–74 best by nine seconds. The time still "
            "needs to be ratified because parkrun courses are not officially measured.",
            "“I didn’t know I was close until the marshal at the last corner started shouting the "
            "time at me,” said Hollis, who trains with Valley Harriers three times a week. “I "
            "think I frightened a few of the young lads at the finish.”",
            "Her club coach, Andy Fairbairn, said she would now try to have the record confirmed "
            "on a measured road course at the Aldwater 5K in February. “She’s going to go quicker,” "
            "he said. “She always does when someone tells her what the number is.”",
        ),
    ),
)

# A picture gallery: images and one-line captions, no article text. Listed in the sitemap and
# marked up like a story (og:type article, a date), so only a text-length test can reject it.
VALLEY_GALLERY = {
    "slug": "bonfire-night-2026-in-pictures",
    "title": "In pictures: Bonfire night 2026 across the valley",
    "published": "2026-11-06T08:00:00+00:00",
    "captions": (
        "The bonfire at Wend Park.",
        "Sparklers on Market Street.",
        "Fireworks over the river.",
        "Queueing for toffee apples.",
        "The Guy, before.",
        "Upper Ashby's display.",
    ),
}


# --- The Plain Dealer Times: plain markup with no telling class names (US Central time) -------

PLAIN_STORIES: tuple[Story, ...] = (
    Story(
        slug="commissioners-approve-road-resurfacing-plan",
        title="County commissioners approve $4.2 million road resurfacing plan",
        authors=("Harold J. Whitcomb",),
        published="2026-11-23T20:10:00-06:00",
        section="county",
        tags=("roads", "county commission"),
        paragraphs=(
            "Brackett County commissioners voted unanimously Monday to spend $4.2 million "
            "resurfacing 31 miles of county roads next year, the largest single road program the "
            "county has approved in more than a decade.",
            "The list, drawn up by county engineer Gary Stoltz, puts the worst stretches first: "
            "County Road 14 between Dunmore and the state highway, the Millrace Road bridge "
            "approaches, and most of Schoolhouse Road, which Stoltz described as “more patch "
            "than pavement.”",
            "About $2.6 million will come from the state’s road fund and the rest from the "
            "county’s half-cent sales tax for roads, which voters renewed in 2024.",
            "Commissioner Dale Harnish said he had heard from more farmers about Schoolhouse Road "
            "than about any other issue since he took office. “You can’t move a combine down it "
            "without losing a filling,” he said.",
            "Work will be put out to bid in January and is expected to start in April, weather "
            "permitting. Stoltz said residents should expect one-lane closures with flaggers "
            "rather than full detours on most of the routes.",
            "Roads not on this year’s list will be considered for a second phase in 2028, "
            "depending on what the sales tax brings in.",
        ),
    ),
    Story(
        slug="dunmore-grain-elevator-fire-contained",
        title="Grain elevator fire in Dunmore contained after eleven hours",
        authors=("Eleanor Voss",),
        published="2026-11-17T06:45:00-06:00",
        section="news",
        tags=("fire", "Dunmore", "agriculture"),
        paragraphs=(
            "Firefighters from six departments spent eleven hours fighting a fire inside a grain "
            "elevator in Dunmore before bringing it under control early Tuesday.",
            "The fire started around 5 p.m. Monday in a leg of the Dunmore Farmers Co-op elevator "
            "on Depot Street, where grain is lifted to the top of the bins. Nobody was hurt. Two "
            "employees who were on site got out on their own.",
            "Dunmore Fire Chief Roy Kessler said the crews had to work slowly because of the risk "
            "of a dust explosion. “Grain dust is about as dangerous as it gets,” Kessler said. "
            "“You don’t rush into a bin fire. You starve it and you wait.”",
            "Crews cut holes in the side of the leg and pumped in foam while a crane crew from "
            "Hadley lifted off damaged sections. Depot Street and the rail crossing were closed "
            "overnight.",
            "The co-op’s general manager, Janet Brill, said about 40,000 bushels of soybeans stored "
            "in the affected bin would probably be a loss, but the other seven bins were not "
            "damaged. The elevator will stay closed while insurers inspect it.",
            "Brill said farmers with grain contracts should call the co-op office, which has "
            "arranged to take deliveries at its Hadley location for the rest of the season.",
            "The state fire marshal’s office is investigating the cause, though Kessler said "
            "there was no sign of anything suspicious.",
        ),
    ),
    Story(
        slug="retired-teacher-88-finishes-degree",
        title="Retired teacher, 88, finishes the degree she started in 1956",
        authors=("Eleanor Voss",),
        published="2026-11-10T13:00:00-06:00",
        section="people",
        tags=("education", "community"),
        paragraphs=(
            "When Dorothy Amsel left Prairie State Teachers College in 1956, she was 18 credits "
            "short of a bachelor’s degree and three months from her wedding. On Saturday, at 88, "
            "she walked across the stage to collect it.",
            "Amsel taught first grade in Brackett County schools for 34 years on a teaching "
            "certificate, which was allowed at the time. She always meant to finish the degree, "
            "she said, “and then it was 1990, and then it was 2020.”",
            "Her granddaughter, a student adviser at the college, found her old transcript while "
            "helping her clear out a closet and persuaded her to enroll in the college’s online "
            "program for returning students.",
            "Amsel took her final two courses, in children’s literature and American history, "
            "from her kitchen table on a laptop her great-grandson set up. She finished with a "
            "3.9 grade point average. “The history course had changed a good deal since 1956,” "
            "she said. “For the better.”",
            "Four generations of her family were in the audience. Several of her former pupils, "
            "now in their seventies, came too.",
        ),
    ),
    Story(
        slug="school-board-weighs-four-day-week",
        title="School board weighs four-day week as it struggles to hire bus drivers",
        authors=("Harold J. Whitcomb",),
        published="2026-11-03T21:30:00-06:00",
        section="schools",
        tags=("schools", "school board", "transportation"),
        paragraphs=(
            "The Brackett County school board will hold two public forums this month on whether "
            "to move the district to a four-day school week starting next fall.",
            "Superintendent Carla Dominguez told the board Tuesday that the district had eight "
            "bus routes without a regular driver. Mechanics, office staff and two principals have "
            "been driving routes since August.",
            "A four-day week, with longer school days Monday through Thursday, would cut the "
            "number of bus runs by a fifth and let the district offer drivers a full-time schedule "
            "with Fridays off, which Dominguez said recruiters had told her would help.",
            "At least 11 districts in the state have made the switch since 2020. Dominguez said "
            "the evidence on test scores was mixed, and that the district would have to offer "
            "some kind of Friday child care for working parents.",
            "Board member Ken Albers said he was skeptical. “I’ve heard from teachers who love "
            "the idea and parents who are frankly panicking about it,” he said. “We need to hear "
            "a lot more before anybody votes.”",
            "Board member Lisa Haugen asked the district to survey families about what they would "
            "do with children on Fridays, and to price out a child-care program run at the "
            "elementary schools.",
            "The district pays drivers $19.40 an hour, about $3 less than neighboring Hadley "
            "County. A proposal to raise the rate to $21 is on the agenda for the board’s "
            "December meeting.",
            "The forums will be held at 6:30 p.m. on November 18 at Dunmore Elementary and "
            "November 20 in the high school auditorium.",
            "No vote is planned before February.",
        ),
    ),
)


# --- Hostile Herald: a site that misbehaves (only built with faults=True) ---------------------

HOSTILE_GOOD_STORY = Story(
    slug="night-market-returns-to-quarry-street",
    title="Night market returns to Quarry Street with forty stalls",
    authors=("Iris Calder",),
    published="2026-11-21T19:00:00+00:00",
    section="news",
    tags=("markets",),
    paragraphs=(
        "The Quarry Street night market is back. Forty stalls will line the street from 5pm to "
        "10pm every Friday until Christmas, selling street food, crafts and secondhand records.",
        "The market stopped in 2023 when its organiser retired. A group of traders has now formed "
        "a cooperative to run it, sharing the cost of lighting, toilets and the street closure.",
        "“We all lost a good chunk of trade when it stopped,” said Nadia Orr, who sells dumplings "
        "from a converted horsebox. “We decided that if nobody else was going to bring it back, "
        "we would.”",
        "The council has agreed to close Quarry Street to traffic from 4pm on market nights. "
        "Buses will divert along Canal Road.",
        "The first market this Friday will have a brass band and a lantern parade for children, "
        "starting at the old quarry gates at 6pm.",
    ),
)

# Served with no charset anywhere (header or meta): the bytes are UTF-8.
HOSTILE_MISSING_CHARSET_STORY = Story(
    slug="cafe-owner-wins-pastry-prize",
    title="Café owner wins regional pastry prize for crème brûlée tart",
    authors=("Iris Calder",),
    published="2026-11-18T10:30:00+00:00",
    section="news",
    tags=("food",),
    paragraphs=(
        "Zoë Marchetti, who runs the Café Lumière on Tanner’s Row, has won the regional pastry "
        "prize for a crème brûlée tart she first made for her daughter’s christening.",
        "The judges praised the tart’s “crisp, glassy top” and a pâte sucrée base that Marchetti "
        "rolls out by hand every morning before the café opens at seven.",
        "She beat 63 entries, including a mille-feuille from a hotel kitchen and a Sachertorte "
        "that one judge called “almost perfect.”",
        "Marchetti said she would spend the £500 prize on a second oven. The tart will stay on the "
        "café’s menu at £4.20 a slice, and she has promised not to put the price up.",
    ),
)

# Served with "charset=utf-8" in the header while the bytes are Latin-1, so every character
# here must exist in Latin-1 (straight quotes, no dashes or euro signs).
HOSTILE_LYING_CHARSET_STORY = Story(
    slug="senora-munoz-garden-opens",
    title="Señora Muñoz's garden opens to the public for the first time",
    authors=("Iris Calder",),
    published="2026-11-14T09:00:00+00:00",
    section="news",
    tags=("gardens",),
    paragraphs=(
        "For thirty years, the walled garden behind Señora Inés Muñoz's house on Orchard Lane has "
        "been visible only to her neighbours, over the fence. On Sunday it opens to everyone.",
        "Muñoz, 81, grew up in Córdoba and brought cuttings of jasmine and a lemon tree in a "
        "suitcase when she moved here in 1971. The lemon tree now fills a glasshouse.",
        '"People think a garden like this is about plants," she said. "It is about patience. '
        'The lemons took eleven years." Her grandson José and his friend Björn built the new '
        "gate so that visitors in wheelchairs can get in.",
        "The garden will open on the first Sunday of each month. Entry is free, and donations go "
        "to the hospice that cared for her husband, Raúl. Tea and a slice of tarta de Santiago "
        "will be served in the façade's shade.",
    ),
)
