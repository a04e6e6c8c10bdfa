"""News and blog pages in the languages the other page tests lack (they hold English, French, German and
Spanish): Italian, Brazilian Portuguese, Dutch, Polish, Swedish, Russian, Turkish, Japanese, Simplified
Chinese, Korean, Arabic (right to left), Hindi and Indonesian. Each page is our own (invented outlets,
people and text) and prints the furniture such a site prints in its own language: a cookie or consent
notice, a "read also" box inside the story, a newsletter box, share bars, tag lists, a comment prompt, a
most-read rail and a copyright line; its byline and date in the local form ("di …", "Por …", "Autor: …",
"Автор: …", "… 기자", "بقلم: …", "लेखक: …"; "1º de junho de 2026", "14 października 2026", "3 марта
2026", "2026年11月5日", "2026.08.27", "١٧ سبتمبر ٢٠٢٦", "24 नवंबर 2026"), some only printed on the page,
some also in meta or JSON-LD.

A reader expects of each what the other page tests expect (``ArticlePageChecks``): it is taken for an
article, keeps every paragraph of its story, loses the furniture and gives the title, date and author it
prints; and the record says the page's language (the one it declares, or, where it declares none or a
template's wrong one, the one its text is in).

Japanese and Chinese put no spaces between words: a furniture line is looked for there as a plain
substring (the word-boundary test of the other languages would never match a line run into the story's
characters), and the record's word count counts their characters, as word processors count them."""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.html
import pytest

from pipelines.classify import count_words
from pipelines.cleanup import text_rules
from pipelines.extract import extract_article
from pipelines.metadata import extract_metadata, visible_date
from tests.news_pages import ArticlePageChecks, Page, page_tree, pages_fixture, story_paragraphs, words


@dataclass
class WorldPage(Page):
    language: str = ""
    # whether the language writes spaces between its words (not Japanese or Chinese)
    spaced: bool = True


PAGES_UNDER_TEST = [
    # Italian: consent banner, "Leggi anche" box inside the story, byline "di …", JSON-LD date
    WorldPage(
        "world_italian.html",
        "https://gazzettadelpo.example/cultura/2026/11/28/biblioteca-civica-riapre",
        "//div[@class='testo-articolo']/p",
        "Cremona, la biblioteca civica riapre dopo due anni di lavori: sale nuove e orari fino alle 23",
        "2026-11-28",
        ["Giulia Ferraresi"],
        [
            "Noi e terze parti selezionate",
            "Leggi anche",
            "Museo del Violino, record di visitatori",
            "La newsletter della Gazzetta",
            "Iscriviti",
            "Argomenti:",
            "Condividi",
            "Per commentare devi essere registrato",
            "I più letti",
            "Tutti i diritti riservati",
            "Lettura 3 min.",
        ],
        min_story=7,
        language="it",
    ),
    # Brazilian Portuguese: LGPD notice, "Veja também", a WhatsApp channel pitch; the date only printed
    # ("1º de junho de 2026 às 08h30"), no date in the URL
    WorldPage(
        "world_portuguese.html",
        "https://jornaldovaleverde.example/cidade/feira-agricultores-volta-praca-da-estacao",
        "//div[@class='materia__corpo']/p",
        "Feira de agricultores familiares volta à Praça da Estação depois de três anos",
        "2026-06-01",
        ["Mariana Albuquerque"],
        [
            "Utilizamos cookies essenciais",
            "Veja também",
            "Reforma da Praça da Estação é concluída",
            "Receba as notícias do Jornal do Vale Verde",
            "Compartilhe",
            "Tópicos:",
            "Os comentários são de responsabilidade",
            "Mais lidas",
            "Todos os direitos reservados",
            "Atualizado há 2 horas",
        ],
        min_story=6,
        language="pt",
    ),
    # Dutch: consent wall, "Lees ook", "Door …" byline, og date
    WorldPage(
        "world_dutch.html",
        "https://dagbladrivierenland.example/regio/zutphen/oude-ijsselbrug-dicht",
        "//div[@class='artikel-tekst']/p",
        "Oude IJsselbrug in Zutphen gaat drie maanden dicht voor groot onderhoud",
        "2026-05-12",
        ["Sanne de Vries"],
        [
            "Wij vragen je toestemming",
            "Wij en onze partners gebruiken cookies",
            "Lees ook",
            "Parkeergarage Houtwal langer open",
            "Schrijf je in voor onze nieuwsbrief",
            "Deel dit artikel",
            "Reageer op dit artikel",
            "Meest gelezen",
            "Alle rechten voorbehouden",
        ],
        min_story=6,
        language="nl",
    ),
    # Polish: no language declared, the date only printed ("14 października 2026, 09:12"), "Autor: …",
    # "Czytaj także:" inside the story, RODO notice
    WorldPage(
        "world_polish.html",
        "https://kuriernadwarcianski.example/wiadomosci/tramwaj-wroci-na-kosciuszki",
        "//div[@class='art-tekst']/p",
        "Tramwaj wróci na ulicę Kościuszki. Miasto podpisało umowę z wykonawcą",
        "2026-10-14",
        ["Katarzyna Nowak"],
        [
            "Szanujemy Twoją prywatność",
            "Czytaj także",
            "Nowe autobusy elektryczne",
            "Zapisz się do newslettera",
            "Tagi:",
            "Udostępnij",
            "Skomentuj",
            "Najczęściej czytane",
            "Wszelkie prawa zastrzeżone",
        ],
        min_story=6,
        language="pl",
    ),
    # Swedish: "Av …" byline, "Publicerad 3 februari 2026 kl. 07.30", JSON-LD date, "Läs också"
    WorldPage(
        "world_swedish.html",
        "https://norrkustenstidning.example/nyheter/skargardsbatarna-ny-vinterturlista",
        "//div[@class='brodtext']/p",
        "Skärgårdsbåtarna får ny vinterturlista – tre bryggor tappar sina turer",
        "2026-02-03",
        ["Erik Lindqvist"],
        [
            "Vi använder kakor",
            "Läs också",
            "Isbrytaren kommer sent",
            "Prenumerera på vårt nyhetsbrev",
            "Dela artikeln",
            "Logga in för att kommentera",
            "Mest läst",
            "Ansvarig utgivare",
        ],
        min_story=6,
        language="sv",
    ),
    # Russian: no language declared, "Автор: …", the date only printed ("3 марта 2026, 10:45")
    WorldPage(
        "world_russian.html",
        "https://vecherniy-privolzhsk.example/gorod/poliklinika-zarechny",
        "//div[@class='material__tekst']/p",
        "В Заречном районе откроют новую поликлинику к концу года",
        "2026-03-03",
        ["Ольга Смирнова"],
        [
            "Мы используем файлы cookie",
            "Читайте также",
            "Ремонт моста через Волгу",
            "Подпишитесь на нашу рассылку",
            "Поделиться",
            "Теги:",
            "Чтобы оставить комментарий",
            "Самое читаемое",
            "Все права защищены",
        ],
        min_story=6,
        language="ru",
    ),
    # Turkish: KVKK notice, "Haber: …" byline, "İlgili Haberler", og date and a printed one
    WorldPage(
        "world_turkish.html",
        "https://anadolupostasi.example/yerel/eskisehir-tramvay-osb-hatti",
        "//div[@class='haber-metni']/p",
        "Eskişehir'de tramvay hattı Organize Sanayi Bölgesi'ne uzatılıyor",
        "2026-10-22",
        ["Ayşe Karataş"],
        [
            "Sitemizde çerezler kullanılmaktadır",
            "İlgili Haberler",
            "Toplu taşıma ücretlerine yeni düzenleme",
            "Etiketler:",
            "Bültenimize abone olun",
            "Yorum yap",
            "Çok Okunanlar",
            "Tüm hakları saklıdır",
            "Paylaş",
        ],
        min_story=6,
        language="tr",
    ),
    # Japanese: the date only printed ("2026年11月5日 18時30分"), "… 記者" byline, 関連記事 box in the story
    WorldPage(
        "world_japanese.html",
        "https://shinshu-asahi.example/local/20261105-matsunoyu",
        "//div[@class='kiji-honbun']/p",
        "創業90年の銭湯「松の湯」、クラウドファンディングで存続へ 目標の1.5倍集まる",
        "2026-11-05",
        ["佐藤美咲"],
        [
            "クッキー（Cookie）を使用しています",
            "関連記事",
            "浅間温泉の共同浴場",
            "この記事をシェアする",
            "メールマガジンのご案内",
            "コメントを書くにはログインが必要です",
            "アクセスランキング",
            "無断転載を禁じます",
            "タグ：",
        ],
        min_story=6,
        language="ja",
        spaced=False,
    ),
    # Simplified Chinese: JSON-LD date, "记者 …", 相关新闻 inside the story, an editor's credit, ICP line
    WorldPage(
        "world_chinese.html",
        "https://jiangchengwanbao.example/city/2026-09-18/jiazhuang-dianti.html",
        "//div[@class='art-content']/p",
        "老城区首批加装电梯投入使用 六百多户居民告别“爬楼难”",
        "2026-09-18",
        ["王晓燕"],
        [
            "本网站使用Cookie",
            "相关新闻",
            "我市启动第二批老旧小区改造",
            "责任编辑",
            "分享到",
            "发表评论",
            "热门排行",
            "扫码关注官方微信公众号",
            "版权所有",
            "ICP备",
        ],
        min_story=6,
        language="zh",
        spaced=False,
    ),
    # Korean: "입력 2026.08.27 14:02" only printed, "… 기자" byline and again with an e-mail under the story,
    # 관련기사 inside the story, the "무단전재 및 재배포 금지" line
    WorldPage(
        "world_korean.html",
        "https://honamilbo.example/news/articleView.html?idxno=101234",
        "//div[@id='article-view-content-div']/p[not(@class)]",
        "전주 한옥마을 골목에 '차 없는 거리' 시범 운영… 주민 의견은 엇갈려",
        "2026-08-27",
        ["김민준"],
        [
            "쿠키를 사용합니다",
            "관련기사",
            "한옥마을 관광객 올해 1000만 명 넘을 듯",
            "minjun.kim@honamilbo.example",
            "무단전재 및 재배포 금지",
            "뉴스레터",
            "로그인 후 댓글을 남길 수 있습니다",
            "많이 본 뉴스",
            "URL 복사",
        ],
        min_story=6,
        language="ko",
    ),
    # Arabic, right to left: "بقلم: …", the date only printed in Arabic-Indic digits
    # ("الخميس ١٧ سبتمبر ٢٠٢٦"), "اقرأ أيضا" inside the story
    WorldPage(
        "world_arabic.html",
        "https://alsahil.example/economy/salalah-solar-desalination",
        "//div[@class='news-text']/p",
        "افتتاح أول محطة لتحلية المياه بالطاقة الشمسية في صلالة",
        "2026-09-17",
        ["سارة المنصوري"],
        [
            "نستخدم ملفات تعريف الارتباط",
            "اقرأ أيضا",
            "توسعة ميناء صلالة",
            "الكلمات المفتاحية",
            "اشترك في النشرة البريدية",
            "أضف تعليقك",
            "الأكثر قراءة",
            "جميع الحقوق محفوظة",
        ],
        min_story=6,
        language="ar",
    ),
    # Hindi: "लेखक: …", the date printed in Devanagari month names ("24 नवंबर 2026"), "ये भी पढ़ें:" between
    # paragraphs
    WorldPage(
        "world_hindi.html",
        "https://malwasamachar.example/shahar/narmada-pipeline-kaam-poora",
        "//div[@class='khabar-matter']/p[not(strong)]",
        "नर्मदा पाइपलाइन का काम पूरा, अब पश्चिमी इलाके में रोज़ मिलेगा पानी",
        "2026-11-24",
        ["राकेश शर्मा"],
        [
            "कुकीज़ का उपयोग करते हैं",
            "ये भी पढ़ें",
            "नए बस स्टैंड भवन",
            "शेयर करें",
            "हमारा न्यूज़लेटर",
            "लॉग इन करें",
            "सबसे ज़्यादा पढ़ी गई",
            "सर्वाधिकार सुरक्षित",
        ],
        min_story=6,
        language="hi",
    ),
    # Indonesian, a WordPress blog whose theme still declares en-US: "Oleh: …", the date only printed
    # ("Jumat, 9 Oktober 2026"), a "Baca Juga:" line between paragraphs, the comment form
    WorldPage(
        "world_indonesian.html",
        "https://kabarlerengmerapi.example/lingkungan/kampung-pelangi-kebun-sayur/",
        "//div[@class='entry-content']/p[not(strong)]",
        "Warga Kampung Pelangi Ubah Bantaran Sungai Jadi Kebun Sayur",
        "2026-10-09",
        ["Budi Santoso"],
        [
            "Baca Juga",
            "Jalur Evakuasi Merapi Diperbaiki",
            "Bagikan ini",
            "Berita Terkait",
            "Tinggalkan Balasan",
            "Alamat email Anda tidak akan dipublikasikan",
            "Terpopuler",
            "Hak Cipta",
        ],
        min_story=6,
        language="id",
    ),
]


extracted = pages_fixture(PAGES_UNDER_TEST)


def _holds(page: WorldPage, text: str, line: str) -> bool:
    if page.spaced:
        return re.search(rf"(?<!\w){re.escape(line)}(?!\w)", text) is not None
    return line in words(text)


class TestWorldNews(ArticlePageChecks):
    def test_the_furniture_around_the_story_goes(self, extracted):
        page, result = extracted
        kept = [line for line in page.furniture if _holds(page, result.record["text"], line)]
        assert not kept, (kept, result.record["extraction"])

    def test_the_furniture_asserted_gone_is_on_the_page(self, extracted):
        page = extracted[0]
        text = words(" ".join(page_tree(page).itertext()))
        absent = [line for line in page.furniture if not _holds(page, text, line)]
        assert not absent, absent

    def test_the_record_says_the_pages_language(self, extracted):
        page, result = extracted
        assert result.record["language"] == page.language

    def test_the_word_count_is_of_the_storys_length(self, extracted):
        # a Japanese or Chinese story of 500 characters is not "8 words" (their word count is their
        # characters'), nor is any story counted short of its own paragraphs' words
        page, result = extracted
        story = sum(count_words(p) for p in story_paragraphs(page))
        assert story <= result.record["word_count"] <= 1.3 * story


# --- the rules these pages asked for, on pages of our own: what each takes, what each must leave ---------


def test_chinese_and_japanese_count_their_characters_as_words_and_a_short_caption_is_still_short():
    assert count_words("The bridge reopens on Monday") == 5
    # 12 characters and the number "5", not "、" or "。"
    assert count_words("市は5日、新しい橋を公開した。") == 13
    assert count_words("老城区首批加装电梯投入使用") == 13
    # a photo's caption of thirty characters is no story, whatever its script
    caption = "紅葉が見頃を迎えた松本城の堀。週末は多くの観光客でにぎわった（5日午後）"
    page = (
        f"<html lang='ja'><head><title>写真</title></head><body><h1>松本城</h1><p>{caption}</p></body></html>"
    )
    result = extract_article(page, "https://shinshu-asahi.example/photo/20261105-matsumoto-castle")
    assert not result.is_article and result.reason == "not-article:too-short"


def _printed_day(line: str) -> str | None:
    page = f"<html><body><h1>A headline over the date</h1><div><span>{line}</span></div></body></html>"
    return visible_date(lxml.html.fromstring(page))


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("1º de junho de 2026 às 08h30 · Atualizado há 2 horas", "2026-06-01"),
        ("12 mei 2026, 14:05", "2026-05-12"),
        ("14 października 2026, 09:12", "2026-10-14"),
        ("Publicerad 3 februari 2026 kl. 07.30", "2026-02-03"),
        ("3 марта 2026, 10:45", "2026-03-03"),
        ("22 Ekim 2026 Perşembe 11:20", "2026-10-22"),
        ("Jumat, 9 Oktober 2026", "2026-10-09"),
        ("2026年11月5日 18時30分", "2026-11-05"),
        ("2026년 8월 27일", "2026-08-27"),
        ("입력 2026.08.27 14:02", "2026-08-27"),
        ("2026-09-18 08:15 来源：江城晚报", "2026-09-18"),
        ("الخميس ١٧ سبتمبر ٢٠٢٦", "2026-09-17"),
        # Devanagari's vowel signs are no word characters to a regex: the month's name holds them
        ("प्रकाशित: 24 नवंबर 2026, 10:15 AM", "2026-11-24"),
        ("3 मई 2026", "2026-05-03"),
        # a sentence that holds a date is not the page's date line, nor is a version number
        ("A feira foi criada em 1º de junho de 2026 pela associação dos produtores rurais", None),
        ("Строительство началось 3 марта 2026 года и продлится два года", None),
        ("Versão 2026.1 do aplicativo", None),
    ],
)
def test_a_date_printed_in_the_pages_own_language_is_read_and_one_in_a_sentence_is_not(line, day):
    assert _printed_day(line) == day


def test_a_date_line_at_the_top_of_the_text_goes_and_a_line_over_the_storys_list_stays():
    story = [
        "A feira dos agricultores voltou à praça neste sábado, com sessenta barracas de onze comunidades.",
        "A prefeitura promete banheiros e uma rua reservada para os caminhões dos feirantes.",
        "Os organizadores pedem que os clientes levem as próprias sacolas a partir de julho.",
    ]
    kept, fired = text_rules(["1º de junho de 2026 às 08h30 · Atualizado há 2 horas", *story], None, set())
    assert kept == story and fired == {"date_stamps": 1}
    # "A partir de 1º de julho de 2026:" opens the story's own list of new rules
    listed = ["A partir de 1º de julho de 2026:", *story]
    kept, fired = text_rules(listed, None, set())
    assert kept == listed and not fired


def _authors(head: str) -> list[str]:
    story = "<p>" + "Ein Absatz der Geschichte, lang genug für eine Seite. " * 6 + "</p>"
    page = f"<html><body><h1>Eine Überschrift über der Zeile</h1>{head}{story}</body></html>"
    return extract_metadata(lxml.html.fromstring(page), "https://example.org/a").authors


@pytest.mark.parametrize(
    ("head", "names"),
    [
        ('<div class="kiji-info"><span>2026年11月5日</span> <span>佐藤美咲 記者</span></div>', ["佐藤美咲"]),
        ('<ul class="info"><li><i class="icon-user"></i> 김민준 기자</li></ul>', ["김민준"]),
        ('<p class="meta">김민준 기자 minjun.kim@honamilbo.example</p>', ["김민준"]),
        ('<span class="writer">بقلم: سارة المنصوري</span>', ["سارة المنصوري"]),
        ('<span class="material__avtor">Автор: Ольга Смирнова</span>', ["Ольга Смирнова"]),
        ('<span class="muhabir">Haber: Ayşe Karataş</span>', ["Ayşe Karataş"]),
        ('<span class="lekhak">लेखक: राकेश शर्मा</span>', ["राकेश शर्मा"]),
        # marked as the author, the word for reporter around the name is not part of it
        ('<span class="author">记者 王晓燕</span>', ["王晓燕"]),
        ('<span class="author">文/李明远</span>', ["李明远"]),
        ('<span class="byline">김민준 기자</span>', ["김민준"]),
        # the story's sentences that speak of a reporter, not a byline
        ("<p>김 기자는 현장에서 주민들을 만났다.</p>", []),
        ("<p>記者会見で市長は新しい計画を発表した。</p>", []),
        # a desk, not a person, and no label's colon
        ("<p>Haber Merkezi</p>", []),
        # one long word of a script without capitals is no name; "our reporter" names nobody
        ("<p>クラウドファンディング記者</p>", []),
        ('<span class="author">本报记者</span>', []),
    ],
)
def test_a_byline_in_the_pages_own_form_names_the_writer_and_a_sentence_names_nobody(head, names):
    assert _authors(head) == names


def _language(sentence: str, lang: str | None) -> str | None:
    declared = f' lang="{lang}"' if lang else ""
    text = f"{sentence} " * 4
    page = f"<html{declared}><head><title>T</title></head><body><h1>Headline</h1><p>{text}</p></body></html>"
    return extract_metadata(lxml.html.fromstring(page), "https://example.org/a").language


_INDONESIAN = "Warga kampung membersihkan bantaran sungai dan menanam sayur karena sampah yang menumpuk."
_ENGLISH = "The council said on Monday that the work on the bridge will be finished by the end of the year."
_SENTENCES = {
    "pl": "Prezydent podpisał we wtorek umowę, która jest dla mieszkańców ważna, że tak mówią.",
    "sv": "Trafikbolaget presenterade den nya turlistan och sade att det inte blir fler turer.",
    "tr": "Belediye meclisi projeyi kabul etti ve yeni hat için bir ihale yapılacak, ancak tarih değil.",
    "ru": "Строительство поликлиники выходит на финишную прямую, жители ждали этого десять лет.",
    "uk": "Будівництво поліклініки виходить на фінішну пряму, і мешканці чекали цього десять років.",
    "fa": "ساخت این درمانگاه به مرحله پایانی رسیده است و ساکنان محله ده سال منتظر آن بودند.",
    "ar": "افتتحت هيئة المياه أول محطة لتحلية مياه البحر تعمل بالطاقة الشمسية في الولاية.",
    "ja": "松本市中央の銭湯が、ボイラーの故障で廃業の危機に陥っていたが、営業を続けられることになった。",
    "zh": "本周一上午，老城区幸福里小区的新电梯正式启用，住在六楼的居民第一个走进电梯。",
    "ko": "전주시가 다음 달부터 한옥마을 골목 구간을 차 없는 거리로 시범 운영한다고 밝혔다.",
}


@pytest.mark.parametrize(
    ("sentence", "declared", "code"),
    [
        # a theme's default "en" over a text plainly in another language
        (_INDONESIAN, "en-US", "id"),
        (_ENGLISH, "en-US", "en"),
        # any other declared language stands: a French site quoting an Indonesian report is French
        (_INDONESIAN, "fr", "fr"),
        (_INDONESIAN, None, "id"),
        *((_SENTENCES[code], None, code) for code in ("pl", "sv", "tr", "ru", "ar", "ja", "zh", "ko")),
        # Ukrainian and Persian are written in the scripts of Russian and Arabic: no guess
        (_SENTENCES["uk"], None, None),
        (_SENTENCES["fa"], None, None),
    ],
)
def test_the_language_is_the_declared_one_or_the_texts(sentence, declared, code):
    assert _language(sentence, declared) == code


@pytest.mark.parametrize(
    ("furniture", "story_line"),
    [
        # the box's label goes with its links; the same words inside a sentence are the story's
        (
            "Baca Juga: Jalur Evakuasi Merapi Diperbaiki Jelang Musim Hujan",
            "Baca juga papan pengumuman di balai desa, kata Sri kepada para tetangganya sore itu.",
        ),
        (
            "İlgili Haberler",
            "İlgili haberler sosyal medyada hızla yayıldı ve belediye açıklama yapmak zorunda kaldı.",
        ),
        ("関連記事", "関連記事を読んだ住民から、店を残してほしいという声が相次いだ。"),
        ("ये भी पढ़ें: नए बस स्टैंड भवन का लोकार्पण", "ये भी पढ़ें, उन्होंने लोगों से कहा, और नोटिस बाँटे।"),
        ("اقرأ أيضا", "اقرأ أيضا ما كتبه السكان في رسائلهم إلى الهيئة، قالت أم سالم للصحفيين أمس."),
    ],
)
def test_a_read_also_label_goes_and_the_story_sentence_with_its_words_stays(furniture, story_line):
    story = [
        "Warga kampung itu membersihkan bantaran sungai sepanjang tiga ratus meter sejak awal tahun ini.",
        "Setiap keluarga mendapat petak seluas dua kali tiga meter yang dirawat secara bergiliran.",
        story_line,
        "Hasil panen sebagian dikonsumsi sendiri, sebagian lagi dijual di warung kampung setiap pagi.",
    ]
    kept, _ = text_rules([*story[:2], furniture, *story[2:]], None, set())
    assert kept == story


_NOTICES = {
    "pl": (
        "Szanujemy Twoją prywatność. Wykorzystujemy pliki cookie w celach statystycznych i marketingowych.",
        "Rzecznik ratusza zapewnił, że miasto szanuje prywatność mieszkańców i nie będzie nagrywać rozmów.",
    ),
    "ru": (
        "Чтобы оставить комментарий, войдите через социальные сети.",
        "Жители оставили комментарий в книге жалоб, чтобы поликлиника открылась раньше.",
    ),
    "tr": (
        "Yorumunuz editör onayından sonra yayınlanacaktır.",
        "Belediye, vatandaşların yorumlarını dikkate alarak güzergâhı değiştirdiğini açıkladı.",
    ),
    "pt": (
        "📲 Receba as notícias do Jornal do Vale Verde no seu WhatsApp. Entre no nosso canal",
        "Os feirantes recebem os pedidos dos clientes pelo WhatsApp e entregam as compras no sábado.",
    ),
}


@pytest.mark.parametrize("language", sorted(_NOTICES))
def test_a_sites_notice_in_the_pages_language_goes_and_the_storys_sentence_stays(language):
    notice, sentence = _NOTICES[language]
    story = "".join(f"<p>{_LONG[language]} ({n})</p>" for n in range(1, 5))
    page = (
        f"<html lang='{language}'><head><title>T</title></head><body><article><h1>Headline</h1>"
        f"{story}<p>{sentence}</p><div class='note'><p>{notice}</p></div></article></body></html>"
    )
    text = extract_article(page, "https://example.org/2026/10/14/story", force=True).record["text"]
    assert notice not in text and sentence in text


_LONG = {
    "pl": "Budowa ma potrwać dwadzieścia dwa miesiące, a ulica będzie zamykana odcinkami dla samochodów.",
    "ru": "Строительство поликлиники на улице Луговой в Заречном районе выходит на финишную прямую.",
    "tr": "Bölgede çalışan yaklaşık yirmi bin işçi şu anda servis araçlarıyla işe gidip geliyor.",
    "pt": "A feira funciona todos os sábados, das seis da manhã à uma da tarde, na praça central.",
}


_TIMELINE = [
    "The council closed Harbour Road on Wednesday after engineers found cracks in the sea wall.",
    "Here is how the week unfolded:",
    "- March 3, 2026 – Engineers called",
    "- 4 March 2026 — Road closed",
]


@pytest.mark.parametrize(
    "story",
    [
        # a sentence of its lead, and the entries of the timeline it opens with (date, colon, what happened)
        [
            "Voters in Harbour ward will choose a new councillor after the death of Agnes Rennie.",
            "Polls close May 7, 2026.",
            "It was March 3, 2020.",
            "Here is how the week unfolded:",
            "- March 3, 2026: Engineers called",
            "- March 4, 2026: Road closed",
        ],
        # the entries written with a dash
        _TIMELINE,
        # in a story of four paragraphs every line is among the first six: a line with a date under its
        # sentences is the story's (when the tickets go on sale), not the date line over it
        [
            "The harbour festival returns in July after two years away, with a fish market and a regatta.",
            "The organisers expect eight thousand visitors over the weekend.",
            "Children under twelve will get in free, as before.",
            "Tickets on sale 1 April 2026",
        ],
        # a program's calendar version heading its release note (year.month.patch)
        [
            "Version 2024.10.2",
            "The October release fixes the energy dashboard and adds two new weather integrations.",
            "Upgrading from 2024.9 needs no change to your configuration.",
        ],
    ],
    ids=["sentence-and-timeline", "timeline-with-dashes", "short-story", "calendar-version"],
)
def test_the_storys_own_lines_with_a_date_and_two_words_at_the_top_stay(story):
    # the date line goes ("1º de junho…" above); these lines of the story hold a date and two words too
    kept, fired = text_rules(story, None, set())
    assert kept == story and not fired


def test_a_date_line_listed_with_its_reading_time_or_its_update_goes_over_a_timeline():
    lines = ["- March 4, 2026 – 5 min read", "- August 16, 2019 - Updated July 9, 2025", *_TIMELINE]
    kept, fired = text_rules(lines, None, set())
    assert kept == _TIMELINE and fired == {"date_stamps": 2}


def test_a_programs_calendar_version_is_no_date():
    # year.month.patch, the way many programs number their releases: a Korean paper's dotted date prints
    # the month and the day in two digits ("입력 2026.08.27 14:02", above)
    for line in ("Version 2024.10.2", "Release 2026.1.5", "v2025.11.03"):
        assert _printed_day(line) is None, line


def _declared_en(title: str, paragraphs: list[str]) -> str | None:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    page = f"<html lang='en'><head><title>{title}</title></head><body><h1>{title}</h1>{body}</body></html>"
    return extract_metadata(lxml.html.fromstring(page), "https://example.org/a").language


def test_an_english_story_quoting_another_script_at_length_stays_english():
    # the poem in Russian is most of the text, under an English headline: the story declares "en" and is
    # English; the same text under a Russian headline is a Russian site that left its theme's "en"
    poem = [_SENTENCES["ru"] * 3, "The translator said the poem had been read aloud but never printed."]
    assert _declared_en("A lost poem from wartime Kazan", poem) == "en"
    assert _declared_en("Новая поликлиника откроется весной", poem) == "ru"
    # a phrase guide in English gives each phrase in kana beside its English: a tenth of its letters are
    # kana, but the English words are most of them
    phrases = [
        "いただきます (itadakimasu): said before eating, a thank-you to the cook.",
        "ごちそうさまでした (gochisousama deshita): said after the meal.",
        "いらっしゃいませ (irasshaimase): the welcome shouted as you enter a shop.",
        "すみません (sumimasen): excuse me, sorry, and the way to call a waiter.",
        "ありがとうございます (arigatou gozaimasu): the polite thank-you.",
    ]
    assert _declared_en("Five Japanese phrases every visitor should know", phrases) == "en"
    assert _language(" ".join(phrases), None) != "ja"


def test_a_photo_pages_caption_of_three_sentences_is_too_short_in_japanese_as_in_english():
    # the same caption in both, on a page that declares itself an article with its date: 46 English words
    # are too few for a story, and so are the 78 characters that say it in Japanese
    head = (
        "<meta property='og:type' content='article'>"
        "<meta property='article:published_time' content='2026-11-05T15:00:00+09:00'>"
    )
    captions = {
        "ja": "紅葉が見頃を迎えた松本城の堀。週末は多くの観光客でにぎわい、"
        "天守閣の前では記念写真を撮る人の列ができた。市によると、見頃は来週半ばまで続く見込み（5日午後）",
        "en": "Autumn leaves at their best around the moat of Matsumoto Castle. Crowds of visitors filled the"
        " grounds at the weekend, and a queue formed in front of the keep for photographs. The city says the"
        " colours will last until the middle of next week (Saturday afternoon).",
    }
    for lang, caption in captions.items():
        page = (
            f"<html lang='{lang}'><head><title>写真</title>{head}</head><body><h1>松本城</h1><p>{caption}</p>"
            "</body></html>"
        )
        result = extract_article(page, "https://shinshu-asahi.example/photo/20261105-matsumoto-castle-leaves")
        assert (result.is_article, result.reason) == (False, "not-article:too-short"), lang


@pytest.mark.parametrize(
    ("head", "names"),
    [
        # the reporter and, after the word for correspondent, a second writer
        ('<span class="author">本报记者 王晓燕 通讯员 李明远</span>', ["王晓燕", "李明远"]),
        # the reporter who also took the photograph ("摄")
        ('<span class="author">记者 王晓燕 摄</span>', ["王晓燕"]),
    ],
)
def test_a_chinese_bylines_other_roles_are_not_part_of_the_names(head, names):
    assert _authors(head) == names


def test_a_turkish_story_sentence_about_a_sites_cookie_policy_stays():
    # "Çerez Politikası" is the label of the notice's link; the story of a fine may say the words too
    story = [
        "İstanbul merkezli bir alışveriş sitesi, kullanıcı verilerini izinsiz paylaştığı için ceza aldı.",
        "Kurul, sitenin çerez politikasının kullanıcıları yanılttığına karar verdi ve şirkete ceza verdi.",
        "Şirket, karara itiraz edeceğini açıkladı.",
        "Kurulun kararı Resmî Gazete’de yayımlandı.",
    ]
    kept, fired = text_rules([*story, "Çerez Politikası"], None, set())
    assert kept == story and fired == {"boilerplate_lines": 1}
