"""Faults found on pages of our own in many families and mended here, each on a page (or a few lines of
HTML) of our own: invented outlets, people and text.

What a reader expects:

- a review's verdict, set in a box after the story's last paragraph, is the writer's text and stays; the
  site's "Most read" box after the story is not and stays out;
- the caption of a table of figures (a <figure> holding the table and its <figcaption>) stays, beside the
  table as the page shows it;
- the closing contact lines of a guide or a service page ("Website:", "Téléphone :", "Kontakt:") go as the
  English "Phone:" and "Email:" lines go; a story sentence that says whom to phone stays;
- a Thai, Lao, Khmer or Burmese story, written without spaces between words, counts its words as a
  reader would, is taken for an article and says it is in Thai;
- a Hindi story is said to be in Hindi when the page declares no language or a template's "en"; Marathi
  and Nepali, written in the same script, are not taken for Hindi;
- a Chinese byline printed under the headline with the word for reporter glued to the name ("记者王晓燕")
  names the reporter; "写真記者" (photo reporter) is no one's name; a date printed with the Levantine
  Arabic month names ("18 آذار 2025") is the story's date;
- a headline broken over two lines by <br> comes out as one headline, and not as two lines of the text;
- the story's last sentence about another outlet that is "reader-supported" stays; the site's own
  "reader-supported" notice goes;
- a story's sub-heading "Get started" over the steps of a guide stays; the button's "Get started" goes;
- the next story an infinite-scroll page appends under a Japanese story goes, as under an English one: the
  rules that look for a story's sentences find them in a script written without spaces.
"""

from __future__ import annotations

import lxml.html
import pytest

from pipelines.classify import count_words
from pipelines.extract import extract_article
from pipelines.metadata import extract_metadata
from tests.news_pages import words
from tests.test_story_structures import _STORY, _URL, _lines, _story_page
from tests.test_world_news import _authors, _printed_day

# --- a verdict box closing the story, and the site's box there ----------------------------------------------


@pytest.mark.parametrize(
    ("heading", "verdict"),
    [
        ("Our verdict", "A generous, unhurried bistro that deserves a better street than the one it is on."),
        (
            "The verdict",
            "Four stars for the cooking and two for the chairs, which nobody should sit on for long.",
        ),
        ("Fazit", "Ein großzügiges Bistro, das eine bessere Straße verdient hätte als die, in der es steht."),
    ],
)
def test_a_verdict_box_after_the_storys_last_paragraph_stays(heading, verdict):
    box = f"<aside class='review-box'><h3>{heading}</h3><p>{verdict}</p></aside>"
    lines, _ = _lines(_story_page({len(_STORY) - 1: box}))
    assert verdict in lines
    assert lines[-1] == verdict


@pytest.mark.parametrize(
    ("heading", "text"),
    [
        ("Most read", "Lifeboat crew praised for night rescue off the point after a six-hour search."),
        (
            "About Quayside News",
            "Quayside News has reported on this town since 1887 and is owned by its staff.",
        ),
    ],
)
def test_the_sites_box_after_the_storys_last_paragraph_stays_out(heading, text):
    box = f"<aside class='panel'><h3>{heading}</h3><p>{text}</p></aside>"
    lines, _ = _lines(_story_page({len(_STORY) - 1: box}))
    assert text not in lines and heading not in lines
    assert lines[-1] == _STORY[-1]


# --- a table's caption --------------------------------------------------------------------------------------

_TABLE = (
    "<table><thead><tr><th>Year</th><th>Open days</th><th>Visitors</th></tr></thead><tbody>"
    "<tr><td>2023</td><td>6</td><td>1,204</td></tr><tr><td>2024</td><td>9</td><td>1,877</td></tr></tbody></table>"
)
_CAPTION = "Visitors to the loft on open days, by year. Source: Quayside Harbour Trust."


@pytest.mark.parametrize("above", [False, True], ids=["caption-under", "caption-over"])
def test_a_tables_figcaption_stays_beside_its_table(above):
    caption = f"<figcaption>{_CAPTION}</figcaption>"
    inside = f"{caption}{_TABLE}" if above else f"{_TABLE}{caption}"
    figure = f"<figure class='wp-block-table'>{inside}</figure>"
    lines, _ = _lines(_story_page({2: figure}))
    assert _CAPTION in lines
    rows = [i for i, line in enumerate(lines) if line.startswith("| 20")]
    at = lines.index(_CAPTION)
    assert (at < min(rows)) if above else (at == max(rows) + 1)
    # between the paragraphs the figure stands between
    assert lines.index(_STORY[2]) < at < lines.index(_STORY[3])


def test_a_photos_caption_is_not_made_a_paragraph():
    # a figure of a picture keeps its caption the way it always did (trafilatura's choice): only a
    # table's caption is the text's
    photo = (
        "<figure><img src='/img/loft.jpg' alt=''><figcaption>The net loft from the quay, photographed in"
        " March.</figcaption></figure>"
    )
    bare = _lines(_story_page({}))[0]
    lines, _ = _lines(_story_page({2: photo}))
    assert [line for line in lines if line not in bare] in (
        [],
        ["The net loft from the quay, photographed in March."],
    )
    assert "table_captions" not in _lines(_story_page({2: photo}))[1]


# --- a guide's closing contact lines ------------------------------------------------------------------------

_GUIDE = [
    "Marlow's repair café opens on the first Saturday of every month in the old library hall.",
    "Bring one broken item per visit: lamps, toasters, bicycles and clothes are the most common.",
    "Volunteers fix what they can while you wait, and show you how to do it yourself next time.",
    "There is no charge, though a donation towards spare parts is welcome.",
    "Parking is free in the Mill Lane car park behind the hall.",
]


def _guide(lang: str, closing: list[str], story: list[str] = _GUIDE) -> list[str]:
    body = "".join(f"<p>{p}</p>" for p in [*story, *closing])
    page = (
        f"<html lang='{lang}'><head><title>Repair café - Marlow Town Guide</title>"
        "<meta property='og:type' content='article'></head><body><nav><a href='/'>Home</a></nav>"
        f"<main><article><h1>Repair café</h1>{body}</article></main></body></html>"
    )
    result = extract_article(page, "https://marlow-guide.example/community/repair-cafe", force=True)
    return [words(line) for line in result.record["text"].split("\n") if line.strip()]


@pytest.mark.parametrize(
    ("lang", "closing"),
    [
        ("en", ["Phone: 01632 960 418", "Email: repairs@marlowcafe.example", "Website: marlowcafe.example"]),
        (
            "fr",
            ["Contact : Tamsin Orford", "Téléphone : 01632 960 418", "Courriel : repairs@marlowcafe.example"],
        ),
        (
            "es",
            [
                "Contacto: Tamsin Orford",
                "Teléfono: 01632 960 418",
                "Correo electrónico: repairs@marlowcafe.example",
            ],
        ),
        ("de", ["Kontakt: Tamsin Orford", "Telefon: 01632 960 418", "E-Mail: repairs@marlowcafe.example"]),
    ],
)
def test_a_guides_closing_contact_lines_go_in_any_of_these_languages(lang, closing):
    assert _guide(lang, closing) == _GUIDE


def test_a_closing_story_sentence_that_says_whom_to_phone_stays():
    story = [
        *_GUIDE[:4],
        "Anyone with a broken lamp can phone Tamsin Orford on 01632 960 418 to book a slot before noon.",
        "The café's website lists what the volunteers cannot fix, from microwaves to gas heaters.",
    ]
    assert _guide("en", [], story) == story


# --- Thai, Lao, Khmer and Burmese words ---------------------------------------------------------------------

_THAI = [
    "เทศบาลเมืองบ้านน้ำใสประกาศเมื่อวันอังคารว่าจะเปิดตลาดน้ำแห่งใหม่ริมคลองสายหลักในเดือนหน้า",
    "ตลาดแห่งนี้จะมีร้านค้ากว่าหกสิบร้าน ซึ่งส่วนใหญ่เป็นของชาวบ้านในชุมชนที่ขายผลไม้ อาหารพื้นบ้าน และงานหัตถกรรม",
    "นายวีรพล ศรีสุขเจริญ นายกเทศมนตรี กล่าวว่าโครงการนี้ใช้งบประมาณราวสามล้านบาท"
    " และคาดว่าจะดึงดูดนักท่องเที่ยวได้มากขึ้นในช่วงวันหยุดยาว",
    "ชาวบ้านหลายคนแสดงความยินดี แต่บางส่วนกังวลเรื่องที่จอดรถและขยะที่อาจเพิ่มขึ้นริมคลอง",
    "เทศบาลระบุว่าจะจัดเจ้าหน้าที่ดูแลความสะอาดทุกเช้าและเย็น และจะเปิดลานจอดรถชั่วคราวที่โรงเรียนใกล้เคียง",
    "ตลาดจะเปิดทุกวันเสาร์และวันอาทิตย์ ตั้งแต่เจ็ดโมงเช้าถึงหนึ่งทุ่ม",
]


def test_words_written_without_spaces_are_counted_in_thai_lao_khmer_and_burmese():
    # one clause each, a dozen words or so as a reader counts them, not the one or two that spaces part
    clauses = {
        "th": "เทศบาลประกาศว่าจะเปิดตลาดน้ำแห่งใหม่ในเดือนหน้า",
        "lo": "ເທດສະບານປະກາດວ່າຈະເປີດຕະຫຼາດໃໝ່ໃນເດືອນໜ້າ",
        "km": "សាលាក្រុងបានប្រកាសថានឹងបើកផ្សារថ្មីនៅខែក្រោយ",
        "my": "မြို့တော်စည်ပင်က နောက်လတွင် ဈေးသစ်ဖွင့်မည်ဟု ကြေညာခဲ့သည်",
    }
    for code, clause in clauses.items():
        assert 6 <= count_words(clause) <= 16, code
    # mixed with numbers and Latin words, each of those is a word too
    assert count_words("ตลาดเปิด 7 วัน Floating Market") == count_words("ตลาดเปิด") + 4


@pytest.mark.parametrize("declared", [None, "en"], ids=["no-language", "template-en"])
def test_a_thai_story_is_an_article_in_thai(declared):
    lang = f" lang='{declared}'" if declared else ""
    body = "".join(f"<p>{p}</p>" for p in _THAI)
    page = (
        f"<html{lang}><head><title>เทศบาลเตรียมเปิดตลาดน้ำแห่งใหม่ริมคลอง - ข่าวบ้านน้ำใส</title>"
        "<meta property='article:published_time' content='2026-02-10T08:30:00+07:00'></head><body>"
        "<nav><a href='/'>หน้าแรก</a> <a href='/local'>ข่าวท้องถิ่น</a></nav><article>"
        f"<h1>เทศบาลเตรียมเปิดตลาดน้ำแห่งใหม่ริมคลอง</h1>{body}</article></body></html>"
    )
    result = extract_article(page, "https://baannamsai-news.example/local/2026/02/10/floating-market")
    assert result.is_article, result.reason
    assert result.record["language"] == "th"
    assert result.record["title"] == "เทศบาลเตรียมเปิดตลาดน้ำแห่งใหม่ริมคลอง"
    assert result.record["text"].split("\n\n")[0] == _THAI[0]
    # some 700 letters: a story of a hundred and fifty words or so, not of the thirty its spaces part
    assert 120 <= result.record["word_count"] <= 250


# --- Hindi from its script ----------------------------------------------------------------------------------

_HINDI = (
    "नगर निगम ने मंगलवार को घोषणा की कि पुराने बाज़ार में नया सब्ज़ी मंडी भवन अगले महीने खुलेगा। इस भवन में साठ से"
    " अधिक दुकानें हैं और किसानों के लिए अलग से जगह रखी गई है। महापौर रीना कश्यप ने कहा कि इस परियोजना पर"
    " लगभग चार करोड़ रुपये खर्च हुए हैं।"
)
_MARATHI = (
    "महानगरपालिकेने मंगळवारी जाहीर केले की जुन्या बाजारात नवीन भाजी मंडई पुढील महिन्यात सुरू होईल. या इमारतीत"
    " साठहून अधिक दुकाने आहेत आणि शेतकऱ्यांसाठी स्वतंत्र जागा ठेवण्यात आली आहे. महापौर रीना कश्यप म्हणाल्या की"
    " या प्रकल्पावर सुमारे चार कोटी रुपये खर्च झाले आहेत."
)
_NEPALI = (
    "नगरपालिकाले मंगलबार पुरानो बजारमा नयाँ तरकारी बजार भवन अर्को महिना खुल्ने घोषणा गरेको छ। यो भवनमा साठभन्दा"
    " बढी पसल छन् र किसानका लागि छुट्टै ठाउँ राखिएको छ। मेयर रीना कश्यपले यो आयोजनामा झण्डै चार करोड रुपैयाँ"
    " खर्च भएको बताइन्।"
)


def _language(text: str, lang: str | None) -> str | None:
    # (test_world_news's page has an English headline, which keeps an "en" page English)
    declared = f' lang="{lang}"' if lang else ""
    page = f"<html{declared}><head><title>मंडी</title></head><body><h1>मंडी</h1><p>{text}</p></body></html>"
    return extract_metadata(lxml.html.fromstring(page), "https://example.org/a").language


@pytest.mark.parametrize(
    ("text", "declared", "code"),
    [
        (_HINDI, None, "hi"),
        (_HINDI, "en", "hi"),
        # Marathi and Nepali share the script and not Hindi's own words: no guess, the declared one stands
        (_MARATHI, None, None),
        (_MARATHI, "en", "en"),
        (_NEPALI, None, None),
        (_NEPALI, "ne", "ne"),
        # a declared language other than "en" is never overruled
        (_HINDI, "mr", "mr"),
    ],
)
def test_hindi_is_told_from_its_script_and_its_words_and_marathi_and_nepali_are_not_taken_for_it(
    text, declared, code
):
    assert _language(text, declared) == code


# --- bylines and dates --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "names"),
    [
        # the word for reporter glued to the name, under the headline, marked or not
        ("<p>记者王晓燕</p>", ["王晓燕"]),
        ("<p>本报记者 王晓燕</p>", ["王晓燕"]),
        ('<div class="info"><span>2026-09-18 08:15</span> <span>记者王晓燕</span></div>', ["王晓燕"]),
        ('<p class="byline">记者王晓燕 通讯员李明远</p>', ["王晓燕", "李明远"]),
        # a story sentence that opens with a reporter's name names no author
        ("<p>记者王晓燕昨天走访了幸福里小区的十几户居民。</p>", []),
        # the photo reporter (Japanese, Korean) is a role, not a name
        ("<p>写真記者</p>", []),
        ('<p class="byline">写真記者</p>', []),
        ("<p>사진기자</p>", []),
        ('<p class="byline">佐藤美咲 記者</p>', ["佐藤美咲"]),
    ],
)
def test_a_chinese_reporters_byline_names_the_reporter_and_a_photo_reporter_is_no_name(head, names):
    assert _authors(head) == names


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("الثلاثاء 18 آذار 2025", "2025-03-18"),
        ("18 كانون الثاني 2025", "2025-01-18"),
        ("٣ تشرين الأول ٢٠٢٥", "2025-10-03"),
        ("نُشر في 7 آب 2025 - 10:30", "2025-08-07"),
        ("12 أيار 2025", "2025-05-12"),
        ("1 ايلول 2025", "2025-09-01"),
        ("29 كانون الاول 2024", "2024-12-29"),
        ("14 حزيران 2025", "2025-06-14"),
    ],
)
def test_a_date_printed_with_the_levantine_month_names_is_read(line, day):
    assert _printed_day(line) == day


# --- a headline broken by <br> ------------------------------------------------------------------------------


def test_a_headline_broken_over_two_lines_is_one_headline_and_not_text():
    story = "".join(f"<p>{p}</p>" for p in _STORY)
    page = (
        "<html lang='en'><head><title>Quayside News</title></head><body><main><article>"
        "<h1>Old net loft sold<br>to sailing club for £1</h1><p class='byline'>By Isla Petrakis</p>"
        f"{story}</article></main></body></html>"
    )
    result = extract_article(page, _URL)
    assert result.record["title"] == "Old net loft sold to sailing club for £1"
    lines = [words(line) for line in result.record["text"].split("\n") if line.strip()]
    assert lines == _STORY


def test_a_line_break_in_a_subhead_or_in_a_paragraph_stays():
    # only the headline is one line whatever its breaks: sites set lists of products, of steps or of
    # questions in lower headings, one item a line
    page = _story_page({2: "<h2>Number 1:<br>The Skerrow dinghy</h2>"}).replace(
        f"<p>{_STORY[5]}</p>", "<p>The Quay Bar, 4 Harbour Row<br>Open daily from noon</p>"
    )
    lines, _ = _lines(page)
    assert "Number 1:" in lines and "The Skerrow dinghy" in lines
    assert "The Quay Bar, 4 Harbour Row" in lines and "Open daily from noon" in lines


# --- "reader-supported" in the story's last sentence --------------------------------------------------------


@pytest.mark.parametrize(
    "closing",
    [
        "Their model is the Eastgate Ledger, which has been reader-supported since 2019 and now employs six.",
        "The Ledger became reader-supported in 2019; it now has 4,000 members and six reporters.",
    ],
)
def test_the_storys_closing_sentence_about_a_reader_supported_outlet_stays(closing):
    lines, rules = _lines(_story_page({}, [*_STORY[:5], closing]))
    assert lines[-1] == closing and "tail_calls" not in rules


@pytest.mark.parametrize(
    "notice",
    [
        "Quayside News is reader-supported. When you buy through links on our site, we may earn a fee.",
        "Quayside Weekly is a reader-supported publication. To receive new posts, become a subscriber.",
        "We are reader-supported: every member keeps a reporter at the council.",
    ],
)
def test_the_sites_reader_supported_notice_under_the_story_goes(notice):
    lines, _ = _lines(_story_page({}, [*_STORY, notice]))
    assert lines == _STORY


# --- a "Get started" sub-heading ----------------------------------------------------------------------------

_STEPS = [
    "Anyone can borrow a boat from the club's new scheme, which opens to the public on Saturday.",
    "Members say most first-timers are on the water within an hour of arriving at the slipway.",
    "Get started",
    "First, fill in the club's short safety form at the boathouse desk, which takes ten minutes.",
    "Then book a half-hour lesson with one of the volunteer instructors, who are there every weekend.",
    "Lifejackets and wetsuits are lent free of charge to anyone who completes the lesson.",
]


def test_a_get_started_subhead_over_a_guides_steps_stays():
    page = "".join(f"<h2>{p}</h2>" if p == "Get started" else f"<p>{p}</p>" for p in _STEPS)
    lines, _ = _lines(
        _story_page({}, []).replace("<div class='story'></div>", f"<div class='story'>{page}</div>")
    )
    assert lines == _STEPS


@pytest.mark.parametrize(
    "after",
    [
        [],
        ["Book a free consultation with our team today."],
        ["We help clubs like yours fill their boats every weekend of the year, whatever the weather."],
    ],
    ids=["alone", "call", "pitch"],
)
def test_a_get_started_button_or_pitch_heading_goes(after):
    story = [*_STEPS[:2], *_STEPS[3:]]
    page = (
        "".join(f"<p>{p}</p>" for p in story) + "<h3>Get started</h3>" + "".join(f"<p>{p}</p>" for p in after)
    )
    lines, _ = _lines(
        _story_page({}, []).replace("<div class='story'></div>", f"<div class='story'>{page}</div>")
    )
    assert "Get started" not in lines


# --- the next story appended under a story written without spaces -------------------------------------------

_JA_STORY = [
    "北浜市の市立図書館は十二日、二年間の改修工事を終えて再開した。初日には開館前から約三百人が列を作った。",
    "改修では耐震補強に加え、児童書のコーナーを二倍に広げ、屋上には読書用のテラスを新たに設けた。",
    "館長の森川由紀さんは「子どもたちが一日中過ごせる場所にしたかった」と話し、来館者を出迎えた。",
    "市によると、工事費は約十八億円で、その半分を国の補助金でまかなった。蔵書は約四十万冊に増える。",
]
_JA_NEXT = [
    "北浜港では十二日、今年初めてのサンマが水揚げされた。漁協によると、昨年より一週間ほど早いという。",
    "初日の水揚げ量は約二十トンで、例年並みだった。市場では威勢のいい掛け声とともに競りが行われた。",
    "漁協の担当者は「脂の乗りもよく、今年は期待できそうだ」と話し、今後の漁に期待を寄せた。",
]


def _ja_article(headline: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<article class='news-detail'><h1>{headline}</h1>{body}</article>"


def test_the_next_story_appended_under_a_japanese_story_goes():
    # an infinite-scroll page appends the next story below the first, each in its own <article> with its own
    # <h1>: a story in Japanese has sentences too, though they hold no spaces
    page = (
        "<html lang='ja'><head><meta charset='utf-8'><title>市立図書館が再開 | 北浜新報</title></head><body>"
        "<header><a href='/'>北浜新報</a></header><main>"
        + _ja_article("市立図書館、二年ぶりに再開", _JA_STORY)
        + _ja_article("サンマ初水揚げ、例年より早く", _JA_NEXT)
        + "</main><footer>© 北浜新報社</footer></body></html>"
    )
    result = extract_article(page.encode(), "https://kitahama-shimpo.example/news/2026/09/12/library")
    assert result.is_article, result.reason
    text = result.record["text"]
    assert [p for p in _JA_STORY if p not in text] == []
    assert [p for p in _JA_NEXT if p in text] == []
