"""Our boilerplate rules: small named units applied before (DOM) and after (text) trafilatura.

Each rule returns how many things it removed; ``extract_article`` records non-zero counts under
``record["extraction"]["rules"][name]``. Rules are written against what boilerplate says and how it
is built (headings such as "Related stories", runs of headline links, comment forms, sign-up boxes),
not against any one site's class names.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from itertools import accumulate, islice
from urllib.parse import parse_qs, urljoin, urlsplit

from lxml import etree
from lxml.html import HtmlElement

from pipelines.classify import CHARACTERS_PER_WORD, count_words
from pipelines.metadata import WEEKDAYS, printed_date

_SPACE = re.compile(r"\s+")


def element_text(el: HtmlElement) -> str:
    """An element's text with its white space collapsed."""
    return " ".join(el.text_content().split())


def _remove(el: HtmlElement) -> None:
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail and tail.strip():
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def _link_text_len(el: HtmlElement) -> int:
    return sum(len(element_text(a)) for a in el.iter("a"))


# --- phrase lists (several languages) ---------------------------------------------------------

# the heading of the writer's note ("About the author", "About the reporters", "About me", "Author bio")
AUTHOR_NOTE_HEADING = r"about (the )?(author|writer|reporter|editor)s?|about me|author bio"
# a heading over readers' comments or the form to add one ("3 Comments", "Leave a Reply", "Kommentare")
COMMENT_HEADING = re.compile(
    r"^(\d+\s+)?(leave a (reply|comment)|post a comment|add a comment"
    r"|join the (discussion|conversation)"
    r"|(\d+\s+)?(comments?|responses?|replies|thoughts on .{1,150})"
    r"|what do you think\??|reader comments"
    # an obituary's guestbook ("Memories & Condolences", "Sign the guestbook", "Share a memory"); not a
    # story's section of the tributes paid ("Condolences" alone heads the messages of leaders it quotes),
    # nor one of its own about a guestbook ("Guestbook" alone heads a feature's section on an inn's book)
    r"|memories (and|&) condolences|(leave|offer|send|share|post) (a |your )?condolences?( message)?"
    r"|(sign|view) the (guest ?book|book of condolence)|guest ?book (entries|messages)"
    r"|share (a|your) memor(y|ies)( of .{1,60})?"
    r"|commentaires?|kommentare?|comentarios?|commenti|comentários|reacties|reageer( op dit artikel)?"
    r"|komentarze|skomentuj|kommentarer|kommentera|комментарии|yorumlar|yorum yap|komentar"
    r"|tinggalkan balasan|コメント|评论|发表评论|댓글|التعليقات|أضف تعليقك|टिप्पणियाँ|टिप्पणी करें)"
    r"\s*(\(\d+\))?\W*$",
    re.I,
)
RELATED_HEADING = re.compile(
    r"^\W*(related( (stories|articles|posts|content|reading|coverage|news|links|topics|guides|resources))?"
    r"|more (stories|articles|news|posts|from|on|in|like this|to read|to explore|reading|videos|coverage)\b.*"
    r"|recommended( (for you|stories|articles|reading|posts|videos))?|read (next|more|also)|also read"
    r"|see also"
    r"|you (may|might|could) (also )?(like|enjoy|be interested in)|(trending|popular"
    r"|most (read|popular|viewed|shared))"
    r"( (now|stories|articles|posts|news|this week|today))?|(today'?s )?(latest|top|recent) (news"
    r"|stories|articles|posts|headlines)"
    r"|what to read next|keep reading|don'?t miss|editor'?s'? picks|further reading|must read"
    r"|explore more on these topics|watch next|featured (stories|articles|posts)"
    r"|similar (posts|articles|stories)"
    r"|other (stories|articles|posts|news)|in (other|case you missed)|more in .{1,40}"
    r"|up next|related video(s)?"
    # the grids of sponsored links under a story ("Around the web", "Sponsored Links by Outbrain")
    r"|(from )?around the web|(sponsored|promoted|partner) (links|stories|content|posts)( by \w+)?"
    r"|from our (partners|sponsors)|from the web|paid post"
    r"|voir aussi|siehe auch|ver también|vedi anche"
    r"|à lire aussi|lire aussi|sur le même sujet|articles? (similaires|liés|connexes)|dans la même rubrique"
    r"|les plus lus|mehr zum thema|das könnte sie auch interessieren|weitere artikel"
    r"|lesen sie auch|auch interessant|weitere nachrichten|mehr aus .{1,40}"
    r"|plus d['’]actualités|à lire également|te recomendamos|quizás te interese|también te puede interesar"
    r"|(i )?più letti|meest gelezen"
    r"|meistgelesen|verwandte artikel|te puede interesar|noticias relacionadas|lee también"
    r"|leer más|más noticias|lo más visto|(las )?más leídas|meistgesehen|les plus (partagés|commentés"
    r"|populaires)"
    r"|artículos relacionados|lo más leído|leggi anche|articoli correlati"
    r"|potrebbe interessarti|notizie correlate"
    r"|leia também|veja também|notícias relacionadas|mais lidas|lees ook|gerelateerde artikelen|meer nieuws"
    r"|czytaj też|czytaj także|zobacz też|läs också|læs også|les også|читайте также|похожие статьи"
    r"|najczęściej czytane|mest läst|самое читаемое|ilgili haberler|çok okunanlar|benzer haberler"
    r"|baca juga|berita terkait|terpopuler|関連記事|アクセスランキング|相关新闻|相关阅读|热门排行"
    r"|관련기사|많이 본 뉴스|اقرأ أيضا|اقرأ أيضاً|الأكثر قراءة|ये भी पढ़ें|यह भी पढ़ें|सबसे ज़्यादा पढ़ी गई)\W*$",
    re.I,
)

TEASER_PREFIX = re.compile(
    r"^(?!\s*\|)\W*(read more|read also|also read|read next|related|see also|more|recommended|watch|listen|"
    r"related (story|article|coverage|content|video)|more on this( story)?|click here|don'?t miss|"
    r"lire aussi|à lire aussi|lesen sie auch|mehr dazu|auch interessant|lee también"
    r"|leer más|te puede interesar|"
    r"leggi anche|leia também|veja também|lees ook|czytaj też|czytaj także|zobacz też|läs också"
    r"|читайте также|baca juga|ilgili haber|関連記事|相关阅读|관련기사|اقرأ أيضا|اقرأ أيضاً|ये भी पढ़ें"
    r"|यह भी पढ़ें)"
    r"\s*[:：>»|\-–—]+\s*\S",
    re.I,
)

BOILERPLATE_LINE = re.compile(
    r"(your email address will not be published|required fields are marked|leave a (reply|comment)"
    r"|^(comments?|kommentare?|commentaires?|comentarios?|commenti)\s*(\(\d+\))?$|^\d+\s+(comments?"
    r"|responses?|replies)$"
    # the links to the comments under a story and the prompt over them ("View 42 comments")
    r"|^(view|show|read|see|hide|load)( all)?( \d+)? (comments?|replies)$|^(join|start) the (conversation"
    r"|discussion)$"
    r"|post a comment|cancel reply|comments powered by disqus"
    r"|^(comments|commenting) (are|is|has been|have been) (now )?(closed|disabled|turned off)\b"
    r"|^(log|sign) in to (reply|comment)|save my name, email|notify me of (follow-up|new) (comments|posts)"
    r"|this site uses akismet|sign up (for|to) (our|the) .{0,40}(newsletter|briefing|bulletin|digest)"
    r"|^sign up (for|to) [^.]{0,60}\bnewsletter"
    r"|subscribe to (our|the) .{0,30}newsletter"
    r"|get (our|the) .{0,30}(newsletter|briefing|bulletin|digest)|join (our|the) .{0,30}(newsletter"
    r"|mailing list)|newsletter sign[- ]?up"
    r"|already (have an account|a (subscriber|member)|subscribed|registered)\s*\??\s*(log|sign) ?in"
    r"|^déjà abonnée?\s*\?\s*(se connecter|connectez-vous)|^¿?ya eres suscriptor\s*\??\s*(inicia sesión"
    r"|entra)"
    r"|^(sie haben |sie sind )?bereits (ein abo|abonnent(in)?)\s*\??\s*(hier |jetzt )?(anmelden|einloggen)"
    r"|enter your (e-?mail|email address)"
    r"|by (signing up|subscribing|clicking .{0,20}), you agree|you('re"
    r"| are) (now )?subscribed|unsubscribe at any time"
    # a consent dialog's lines and buttons, and the opt-out link under it
    r"|we use cookies|this (web)?site uses cookies|^we value your privacy$"
    r"|^(accept|reject|refuse|allow|decline) (all|selected)( cookies)?$"
    r"|^\W*do not sell (or share )?my (personal )?info(rmation)?\W*$"
    # the consent framework's sentence says what it stores, not a column's "We and our partners use every
    # boat we have…"
    r"|(\bwe and our (\d+ )?(partners|vendors) (store|use|process|access)|nos partenaires et nous utilisons"
    r"|nous et nos partenaires (utilisons|stockons)"
    r"|wir und unsere (\d+ )?partner (speichern|verwenden|nutzen|verarbeiten)"
    r"|nosotros y nuestros (\d+ )?(socios|proveedores) (almacenamos|accedemos|utilizamos|usamos|tratamos))"
    r"(?=[^.]{0,120}(cookie|device|personal data|identifier|appareil|données|gerät|daten|dispositivo|datos))"
    r"|^(alle (akzeptieren|ablehnen)|tout (accepter|refuser)|accepter et fermer|continuer sans accepter"
    r"|aceptar (todo|todas|y cerrar)|rechazar (todo|todas)|accetta tutti|rifiuta tutti)$"
    r"|^(paramétrer|configurar|gérer) (les |mes )?(cookies|choix)$"
    r"|^(datenschutz-?einstellungen|einstellungen verwalten|cookie-einstellungen)$"
    r"|cookie (policy|settings|preferences)"
    r"|accept (all )?cookies"
    r"|manage (cookie|consent)|^share (this|on|via)\b|^(share|tweet|email|print|pin it"
    r"|whatsapp|facebook|twitter"
    r"|linkedin|reddit|copy link)(\s*[|/·]\s*\w+)*$|^(print|e-?mail|share|save|copy) (this|the) (article"
    r"|story|page|link)$"
    r"|^link copied( to (the )?clipboard)?$|^follow us on"
    r"|^(share|gift|save) (the |this )?(full )?(article|story)$|^read in (the )?app$"
    # an advert's label, and the line under it that says the story goes on, in several languages
    r"|^\W*(advertisements?|ad|sponsored( content)?|paid( partner)? content|anzeige|werbung|publicité"
    r"|publicidad|pubblicità|publicidade|advertentie|reklame)\W*$|^ad feedback$"
    r"|^\W*(advertisement\W*)?((the )?(story|article|content|text) continues|continue reading) (below|after)"
    r"( (this|the))?( (advertisement|ad))?\W*$"
    r"|^continue reading the main story$|^scroll (down )?to continue( with content| reading)?$"
    # the sponsor's line over a paid piece ("Sponsored by Acme Bank"), not a sentence that goes on
    r"|^(paid |partner )?(content|sponsored|presented) by [^.,;:]{1,40}$"
    r"|^skip (advertisement|ad)$|^(supported|paid for|presented|brought to you|sponsored) by$"
    r"|abonnez-vous à (notre|la) newsletter|inscrivez-vous à|newsletter abonnieren"
    r"|melden sie sich .{0,30}newsletter"
    r"|suscríbete a|recibe (nuestro|el) boletín|iscriviti alla newsletter|assine (a|nossa) newsletter"
    r"|^((artikel )?teilen|partager( l['’]article)?|compartir( (el )?artículo| (la )?noticia)?|condividi"
    r"|compartilhar|delen)$"
    r"|^(teilen|partager|compartir|condividi|compartilhar|delen) (sur|auf|en|su|no|op|via|per)"
    r" (facebook|x|twitter|whatsapp|linkedin|e-?mail|telegram|bluesky)$"
    r"|^(copiar|copier|kopieren|copia|copiare) (el |le |den |il )?(enlace|lien|link)$|^link kopieren$"
    r"|nous utilisons des cookies|wir verwenden cookies"
    r"|utilizamos cookies|utilizziamo i cookie|usamos cookies"
    # the same notices and prompts in more languages
    r"|szanujemy twoją prywatność|wykorzystujemy pliki cookie|vi använder kakor|мы используем файлы cookie"
    r"|sitemizde çerezler|^çerez politikası\W*$|kami menggunakan cookie|クッキー（cookie）を使用"
    r"|本网站使用cookie"
    r"|쿠키를 사용합니다|نستخدم ملفات تعريف الارتباط"
    r"|^чтобы оставить комментарий|yorumunuz editör onayından|dodając komentarz akceptujesz"
    r"|alamat email anda tidak akan dipublikasikan"
    r"|^\W*receba (as|nossas) notícias .{0,60}(whatsapp|telegram))",
    re.I,
)

# --- the story's own sentences ------------------------------------------------------------------
# The line rules below look for the words of a call, a label or a notice; a story can say the same words
# in a sentence of its own ("Readers can sign up for the newsletter…", "Tags on the stolen bikes helped
# police…", "Don't hesitate to call 999 if you see him, police said"). What the site says to its reader
# is short, opens with the verb it asks for or with "you"/"we", and names no one who said it; what the
# story says opens with its own subject, says who said it, and speaks of third parties.

# who said it, not the site nor the reader: ", police said", "said the head teacher", "according to",
# "the court heard"
_REPORTED = re.compile(
    r"[,;”\"’]\s*(?:(?!(?:you|your|we|our|i|us)\b)[\w'’.-]+\s+){0,5}?"
    r"(said|says|told|tells|added|adds|warned|explained|announced|confirmed|claimed|reported|wrote|admitted"
    r"|insisted|argued|found|heard|advised|urged|urges|ruled|stated|shows|showed|suggested|estimated|noted)\b"
    r"|\baccording to (?!(our|your)\b)"  # not "moderated according to our terms"
)
# the words a call to the reader starts with: the verb it asks for, a thanks, a "Ready to…?"
_CALL_VERBS = frozenset({
    "sign", "subscribe", "join", "get", "leave", "post", "accept", "manage", "enter", "click", "tap",
    "read", "share", "follow", "register", "log", "login", "download", "watch", "listen", "contact",
    "email", "e-mail", "call", "don't", "dont", "do", "be", "make", "stay", "keep", "tell", "send", "check",
    "find", "see", "learn", "discover", "visit", "try", "start", "begin", "book", "explore", "support",
    "donate", "help", "like", "save", "unlock", "claim", "grab", "request", "let", "never", "please",
    "fill", "submit", "reach", "go", "buy", "shop", "order", "add", "view", "hear", "connect", "receive",
    "opt", "become", "consider", "thanks", "thank", "want", "looking", "ready", "got", "love", "enjoy",
    "catch", "stop", "schedule", "upgrade", "install", "print", "tweet", "pin", "copy", "continue",
    "scroll", "jump", "skip", "apply", "create", "choose", "compare", "ask", "text", "message", "give",
    "select", "allow", "agree", "confirm", "review", "meet", "discuss",
})  # fmt: skip
# speaking to the reader (on the line as written: "US" is a country, "us" the reader), of the page
# itself, of what pays for it, or its legal small print and copyright
# the site, its writer or its readers speaking of themselves ("us", not the country "US")
_FIRST_PERSON_WORDS = r"[Ww]e|[Oo]ur|[Oo]urs|us|[Mm]e|[Mm]y|I"
FIRST_PERSON = re.compile(rf"\b({_FIRST_PERSON_WORDS})\b")
_TO_READER = re.compile(
    rf"\b([Yy]ou|[Yy]our|[Yy]ours|[Yy]ourself|{_FIRST_PERSON_WORDS})\b|!"
    r"|\b([Tt]his|[Oo]ur) (article|post|page|site|website|blog|story|newsletter|content|material|video"
    r"|episode)\b|\b[Tt]he (full|rest of the|remainder of the) (story|article)\b"
    r"|\b([Aa]ffiliate|commissions?|links?|purchases?|trademarks?|informational purposes)\b"
    r"|\b(share|portion) of (the )?(sales|revenue)\b"
    r"|\b[Rr]eader[- ]supported\b|\b[Ff]unded by (its )?readers\b"
    r"|©|\b[Aa]ll [Rr]ights [Rr]eserved\b|\b[Pp]ast performance\b|\bFDIC\b|\b[Ee]qual [Hh]ousing [Ll]ender\b"
    r"|\bNMLS\b|\b[Rr]equired fields are marked\b"
    r"|\bhas an? [Dd]isclosure [Pp]olicy\W*$"
)
# a finite verb: an auxiliary, a past tense, or a common verb in the present
_FINITE = re.compile(
    r"\b(is|are|was|were|has|have|had|will|would|can|could|might|must|shall|should|did|does|do)\b"
    r"|(?<!\d )\bmay\b(?! \d)"  # not the month of "3 May 2025"
    # a past tense, not a participle after a comma or an "and" ("Photo courtesy of X, used with
    # permission", "Posted by X at 9:14 and updated at 11:02")
    r"|(?<!, )(?<!and )\b[a-z]{2,}ed\b"
    r"|\b(found|said|told|made|took|gave|went|came|saw|got|left|began|ran|won|lost|hit|set|put"
    r"|kept|paid|sold|met|held|brought|became|fell|rose|spent|built|stood|sent|broke|drove|wrote|chose|led"
    r"|hung|shut|cut|drew|grew|flew|knew|threw|struck|caught|taught|fought|bought|sought|thought)\b"
    r"|\b(says?|shows?|opens?|closes?|joins?|takes?|makes?|hangs?|runs?|goes|comes?|gets?|wants?|needs?"
    r"|includes?|plans?|hopes?|expects?|faces?|costs?|leads?|holds?|stands?|lies|sits?|means?|helps?|keeps?"
    r"|gives?|finds?|tells?|calls?|uses?|lives?|works?|meets?|pays?|sells?|buys?|starts?|ends?|remains?)\b"
)
# (the lead possessive: a line of punctuation given back one character at a time cost its length squared)
_LABEL = re.compile(r"\W*+(\S+\s+)?\S+:(\s|$)")
# the other languages' calls and notices the line rules know: the tests above read English only (the
# Portuguese "do", the Spanish "has", the German "was" pass for verbs), so these are calls as found
_OTHER_LANGUAGE = re.compile(
    r"\W*(abonn|inscri|suiv|folgen|melden|newsletter abonn|suscr|s[íi]gu|recib|iscriv|segui|siga|assine"
    r"|nous utilisons|wir verwenden|utiliz|usamos|teilen|partager|compartir|condividi|compartilhar|delen"
    r"|receba"
    r"|anzeige|publicit)"
)
_SENTENCE_END = re.compile(r"[.!?…](?=[\"'”’)\]]*(\s|$))")
_WORD = re.compile(r"\w[\w'’-]*")
# a call after a clause of support or remembrance ("To support the Review buy a copy from…", "To plant
# trees in memory, please visit…"): the publisher's or the funeral home's line, not a story's "To buy a
# copy, readers must…". (Not every purpose: "To apply, call the office, which opens at 9am" is a guide's
# sentence, and its readers need it.)
_PURPOSE_CALL = re.compile(
    r"\W*to (support|send flowers|plant (a )?trees?)\b[^.,;!?]{0,60}?,? (please )?(buy|order|visit|call|click"
    r"|go to|contact|e-?mail|sign up|subscribe|donate|book|register|download)\b"
)


def _first_words(low: str, starts: list[int]) -> list[tuple[str, int] | None]:
    """The first word at or after each of ``starts`` and where it ends: what ``\\W*([\\w'’-]+)`` matches
    there, found in one pass over the line (a match from each start ran to the end of a line of dots, a
    cost of its length squared)."""
    words = list(_WORD.finditer(low))
    at_word = [word.start() for word in words]
    # past the last word, that pattern matched the last apostrophe or hyphen, if any
    mark = max(low.rfind("'"), low.rfind("’"), low.rfind("-"))
    firsts: list[tuple[str, int] | None] = []
    for start in starts:
        k = bisect_left(at_word, start)
        if k < len(words):
            firsts.append((words[k].group(), words[k].end()))
        else:
            firsts.append((low[mark], mark + 1) if mark >= start else None)
    return firsts


def reads_as_story(line: str, at: int = 0) -> bool:
    """``line`` is the story's own sentence, not the site speaking to its reader, though a line rule found
    a call's or a label's words in it at ``at``.

    It is when it does not open with a label and its colon ("Tags:", "Related:") and either says who
    said it (", police said", "according to"), or speaks neither to the reader ("you", "our", "!") nor
    of the page itself, of what pays for it or of its small print, none of its sentences opens with a
    call ("Sign up…", "Don't…", "Thanks…"), and the sentence holding ``at`` ends as a sentence does,
    runs to six words or more and has a finite verb after its first word ("Written by pupils, the play
    opens…"; "Posted by Jane Doe on 3 May" has none)."""
    low = line.lower()
    if _LABEL.match(low):
        return False  # "Related: …, study shows", "Tags: …": a label, whatever follows its colon
    if _OTHER_LANGUAGE.match(low, at):
        return False  # "Assine nossa newsletter e receba as notícias do dia."
    if _REPORTED.search(low):
        return True
    if _TO_READER.search(line):
        return False
    ends = [0, *(end.end() for end in _SENTENCE_END.finditer(low))]
    if ends[-1] <= at:
        return False  # a label, a button, a heading: no sentence ends where the words are
    # a call in any of its sentences makes the line a call ("The Gazette is funded by readers. Become…")
    starts = ends if low[ends[-1] :].strip() else ends[:-1]
    firsts = _first_words(low, starts)
    if any(first is None or first[0].replace("’", "'") in _CALL_VERBS for first in firsts):
        return False
    if any(
        first[0] == "to" and _PURPOSE_CALL.match(low, start)
        for first, start in zip(firsts, starts, strict=True)
    ):
        return False
    i = bisect_right(ends, at) - 1  # the sentence that holds the words
    sentence = low[firsts[i][1] : ends[i + 1]]
    return (
        len(sentence.split()) >= 5 and not _LABEL.match(low, ends[i]) and _FINITE.search(sentence) is not None
    )


CLASS_TOKENS = {
    "share": re.compile(
        r"(^|[\s_-])(share|sharing|social|sharebar|share-?buttons|addtoany|a2a|sharethis)([\s_-]|$)", re.I
    ),
    "newsletter": re.compile(
        r"newsletter|subscribe|sign-?up|signup|mailchimp|optin|opt-in|mc4wp|email-?capture", re.I
    ),
    # not a bare "cmp-": that is also the prefix of every Adobe AEM core component (cmp-container, cmp-text)
    "cookie": re.compile(r"cookie|consent|gdpr|onetrust|didomi|cookiebot|qc-cmp", re.I),
    "related": re.compile(
        r"related|recommend|read-?next|more-?(stories|articles|news|posts|from)|also-?read"
        r"|you-?may|you-?might"
        r"|popular|trending|most-?read|outbrain|taboola|ob-widget|jp-relatedposts|yarpp"
        r"|crp_related|further-?reading"
        # a list of the site's other posts ("recent-posts", "posts-grid"): links, unlike the post itself
        r"|(^|[\s_-])posts([\s_-]|$)|(recent|latest|other|similar|next)-?posts",
        re.I,
    ),
    "comments": re.compile(
        r"(^|[\s_-])(comments?|respond|disqus|discussion|replies|reply-?form|comment-?form)([\s_-]|$)", re.I
    ),
    # a call-to-action box ("cta" is what most page builders name it) or a house promotion
    "promo": re.compile(r"(^|[\s_-])(cta|call-?to-?action|promos?|promotion)([\s_-]|$)", re.I),
    # legal small print and the boxes that pop over or slide past the page
    "disclaimer": re.compile(r"(^|[\s_-])(disclaimers?|disclosures?)([\s_-]|$)", re.I),
    "overlay": re.compile(r"(^|[\s_-])(modal|popup|pop-up)([\s_-]|$)", re.I),
}


# CLASS_TOKENS for class/id text already lower-cased (the case-insensitive search costs twice as much)
_TOKENS = {kind: re.compile(pattern.pattern) for kind, pattern in CLASS_TOKENS.items()}

# Every CLASS_TOKENS pattern needs one of these lower-case substrings: a literal alternation is ten
# times faster than the token patterns, so it screens the attributes first.
_CLASS_KEYWORDS = re.compile(
    "shar|social|addtoany|a2a|newsletter|subscri|sign|optin|opt-in|mc4wp|mailchimp|email|cookie|consent"
    "|gdpr|qc-cmp|onetrust|didomi|related|recommend|read|more|also|you|popular|trending|most|outbrain"
    "|taboola|ob-widget|yarpp|further|comment|respond|disqus|discussion|repl|cta|call|promo|disclaim|disclos"
    "|modal|pop|carousel|posts"
)


def _attrs(el: HtmlElement) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''}"


def _screened_blocks(tree: HtmlElement, ctx: dict) -> list[tuple[HtmlElement, str]]:
    """Block elements whose class/id names any boxed boilerplate, with that class/id lower-cased (the
    rules test it with ``_TOKENS``): one walk shared by the rules."""
    if "screened" not in ctx:
        screened, buttons = [], []
        for el in tree.iter(*_BLOCKS, "a", "button"):
            cls = el.get("class")
            if el.tag in _BUTTON_TAGS:  # most links have no class, and only a class names a button
                # (in any case: a CSS module's "Btn_primary__9s", "Button_root__x81")
                low = cls.lower() if cls is not None else ""
                if ("btn" in low or "utton" in low) and _BUTTON.search(low):
                    buttons.append(el)
                continue
            id_ = el.get("id")
            if cls is None and id_ is None:
                continue
            attrs = f"{cls or ''} {id_ or ''}".lower()
            if _CLASS_KEYWORDS.search(attrs):
                screened.append((el, attrs))
        ctx["screened"], ctx["buttons"] = screened, buttons
    return ctx["screened"]


# a link or a button styled as a button: what a call-to-action box is built around
_BUTTON_TAGS = frozenset({"a", "button"})
_BUTTON = re.compile(r"(^|[\s_-])(btn|button)s?([\s_-]|$)")


def _attached(el: HtmlElement, root: HtmlElement) -> bool:
    """Still in the page (an earlier rule may have removed it or one of its ancestors)."""
    top = el
    for top in el.iterancestors():  # noqa: B007 - the last ancestor is what we want
        pass
    return top is root


_BLOCKS = (
    "div",
    "section",
    "aside",
    "ul",
    "ol",
    "nav",
    "footer",
    "form",
    "p",
    "span",
    "figure",
    "dl",
    "table",
)


def _is_main_holder(el: HtmlElement, main_len: int) -> bool:
    """Never remove an element that holds most of the page's paragraph text."""
    if main_len <= 0:
        return False
    p_len = sum(len(element_text(p)) for p in el.iter("p"))
    return p_len > 0.4 * main_len


def _paragraph_text_len(tree: HtmlElement) -> int:
    return sum(len(element_text(p)) for p in tree.iter("p"))


_INVISIBLE = etree.XPath(
    "//script[not(@type='application/ld+json')]|//style|//noscript|//template|//svg|//iframe|//object"
)


_NOSCRIPT = etree.XPath("//noscript")


def _shown_sentences(tree: HtmlElement) -> int:
    """How many of the page's paragraphs outside <noscript> are sentences: <p>s, and <div>s with no block
    inside (a modern front end's story between its ad slots)."""
    return sum(
        1
        for el in tree.iter("p", "div")
        if (el.tag == "p" or not any(child.tag in _BLOCKS for child in el.iterdescendants()))
        and is_sentence(element_text(el))
        and next(el.iterancestors("noscript"), None) is None
    )


def drop_invisible(tree: HtmlElement) -> None:
    """Scripts, styles, SVG and frames are never article text: out before the rules and trafilatura,
    so neither copies nor walks them (JSON-LD stays: trafilatura reads it). So is what <noscript> holds
    (an "enable JavaScript" notice, a copy of the story the page renders), unless its paragraphs are
    the story: three sentences at least, found nowhere else on the page, more text than all the page's
    other paragraphs, on a page that shows no story of its own (a sentence at most outside <noscript>,
    in a <p> or a <div>): a page that renders its story with a script prints it there for readers
    without one. A page that shows its story, however short (a brief, a paywall's first paragraphs, a
    story set in <div>s), holds other things there: a consent box's text, a subscription pitch, a copy of
    the comments. That <noscript> is opened, as a browser without scripts opens it."""
    held = [(el, _paragraph_text_len(el)) for el in _NOSCRIPT(tree)]
    inside = sum(size for _, size in held)
    if inside and inside > _paragraph_text_len(tree) - inside and _shown_sentences(tree) < 2:
        page = None
        for el, size in held:
            sentences = [text for text in map(element_text, el.iter("p")) if is_sentence(text)]
            if size and len(sentences) >= 3:
                page = element_text(tree) if page is None else page
                if page.count(sentences[0]) == 1:
                    el.drop_tag()
    for el in _INVISIBLE(tree):
        _remove(el)


# --- DOM rules ----------------------------------------------------------------------------------


_DIALOGS = etree.XPath(
    "//*[@role='dialog' or @role='alertdialog' or @aria-modal='true'] | //dialog[not(@open)]"
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def _hidden(el: HtmlElement) -> bool:
    return (
        el.get("hidden") is not None
        or el.get("aria-hidden") == "true"
        or bool(_HIDDEN_STYLE.search(el.get("style") or ""))
        or (el.tag == "dialog" and el.get("open") is None)
    )


def _own_text_len(el: HtmlElement) -> int:
    """The length of ``el``'s text that is not link text (teasers and menus)."""
    return len(element_text(el)) - _link_text_len(el)


def rule_hidden_dialogs(tree: HtmlElement, ctx: dict) -> int:
    """Modal dialogs the page keeps hidden until the reader opens them ("Republish this story" with its
    licence and a copy of the story, a sign-up or share pop-over), whatever their length: the reader
    does not see them. A hidden dialog that holds most of the page's paragraph text, or of its text, stays
    (a story shown in a viewer); a hidden <body> (a page waiting for its fonts) hides no dialog."""
    removed, page_len = 0, -1
    for el in _DIALOGS(tree):
        # the page's <body> or <html> hidden is a page waiting for its fonts or scripts, not a hidden dialog
        outer = (a for a in el.iterancestors() if a.tag not in ("body", "html"))
        if not (_hidden(el) or any(map(_hidden, outer))) or not _attached(el, tree):
            continue
        inside = _paragraph_text_len(el)
        if inside and ctx["p_len"] - inside < inside / 2:
            continue
        # ... and so does one holding most of the page's text that is not links, in blocks of any kind
        if page_len < 0:  # the JSON-LD left in (an articleBody copy) is not the page's text
            page_len = _own_text_len(tree) - sum(len(element_text(js)) for js in tree.iter("script"))
        held = _own_text_len(el)
        if held > page_len * 2 / 3:
            continue
        _remove(el)
        ctx["p_len"] -= inside
        page_len -= held
        removed += 1
    return removed


def _story_sentences(el: HtmlElement) -> int:
    return sum(1 for p in el.iter("p") if is_sentence(element_text(p)))


def rule_appended_stories(tree: HtmlElement, ctx: dict) -> int:
    """The next stories an infinite-scroll page appends below the story, each its own <article> after the
    story's: one with an <h1> of its own, or built like the story's (the same class) with a heading of its
    own when the story's holds the page's first <h1>, and three sentences at least (a teaser card has
    none). The story's <article> is the one that holds the page's first <h1>, or else the first after it,
    with three sentences itself: a site's name set in <h1> over a strip of teaser cards, a masthead or a
    "breaking news" banner built as an <article>, is not the story, and the story after them, with an
    <h1> of its own, stays. Must keep: articles inside the story's (a live blog's entries, an embedded
    post), any article before it, and a live blog's entries under a headline of the page's own (no <h1>)."""
    first_h1 = next(tree.iter("h1"), None)
    if first_h1 is None:
        return 0
    candidates = [*islice(first_h1.iterancestors("article"), 1), *first_h1.xpath("following::article")]
    main = next((article for article in candidates if _story_sentences(article) >= 3), None)
    if main is None:
        return 0
    holds_h1 = main in set(first_h1.iterancestors("article"))
    inside = set(main.iter("article"))
    above = set(main.iterancestors("article"))
    removed, after = 0, False
    for article in list(tree.iter("article")):
        if article is main:
            after = True
            continue
        if not after or article in inside or article in above or not _attached(article, tree):
            continue
        own_h1 = next(article.iter("h1"), None) is not None
        twin = (
            holds_h1 and (main.get("class") or "").strip() != "" and article.get("class") == main.get("class")
        )
        headed = own_h1 or twin and next(article.iter("h2", "h3"), None) is not None
        if headed and _story_sentences(article) >= 3:
            ctx["p_len"] -= _paragraph_text_len(article)
            _remove(article)
            removed += 1
    return removed


def rule_comment_forms(tree: HtmlElement, ctx: dict) -> int:
    """Comment/reply forms and reader-comment sections ("Leave a Reply" + form, lists of comments)."""
    removed = 0
    for form in list(tree.iter("form")):
        if form.find(".//textarea") is None and not re.search(
            r"comment|reply|respond", _attrs(form) + " " + (form.get("action") or ""), re.I
        ):
            continue
        if _is_main_holder(form, ctx["p_len"]):
            continue
        _remove(form)
        removed += 1
    for el, attrs in _screened_blocks(tree, ctx):
        # spans named "comment" are code highlighting (<span class="token comment">), not reader comments
        if el.tag in ("p", "span") or not _attached(el, tree):
            continue
        if not _TOKENS["comments"].search(attrs):
            continue
        if re.search(r"comment-?(count|link|icon|button|s-?link)|no-?comments", attrs):
            continue
        if _is_main_holder(el, ctx["p_len"]):
            continue
        _remove(el)
        removed += 1
    # headings that introduce a comment area, removed with everything after them in their container
    for heading in list(tree.iter(_HEADINGS)):
        text = element_text(heading)
        if COMMENT_HEADING.match(text):
            removed += _remove_heading_section(heading, ctx)
    return removed


def _remove_heading_section(heading: HtmlElement, ctx: dict, limit: int = 40) -> int:
    """Remove a heading and the siblings after it up to the next heading of the same or higher rank."""
    rank = int(heading.tag[1]) if re.fullmatch(r"h[1-6]", heading.tag) else 7
    removed = 0
    sibling = heading.getnext()
    steps = 0
    while sibling is not None and steps < limit:
        nxt = sibling.getnext()
        if re.fullmatch(r"h[1-6]", sibling.tag or "") and int(sibling.tag[1]) <= rank:
            break
        if isinstance(sibling.tag, str) and _is_main_holder(sibling, ctx["p_len"]):
            break
        if isinstance(sibling.tag, str):
            _remove(sibling)
            removed += 1
        sibling = nxt
        steps += 1
    _remove(heading)
    return removed + 1


_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_EMPHASIS = frozenset({"b", "strong", "span", "em"})


def _heading_like(tree: HtmlElement) -> list[HtmlElement]:
    """What can carry a heading, in page order (one walk): h1-h6, <strong>, <b>, <header>, a <p> holding
    only text and emphasis, a <div> or <span> holding only text."""
    out = []
    for el in tree.iter(*_HEADINGS, "p", "div", "span", "strong", "b", "header"):
        tag = el.tag
        allowed = _EMPHASIS if tag == "p" else () if tag in ("div", "span") else None
        if allowed is not None and any(isinstance(c.tag, str) and c.tag not in allowed for c in el):
            continue
        out.append(el)
    return out


def rule_related_blocks(tree: HtmlElement, ctx: dict) -> int:
    """Headed blocks of links to other stories: "Related Stories", "More from", "Read next"…"""
    removed = 0
    for heading in _heading_like(tree):
        if heading.getparent() is None:
            continue
        text = element_text(heading)
        if not text or len(text) > 60 or not RELATED_HEADING.match(text):
            continue
        target = heading
        # climb out of inline wrappers: <p><strong>Related</strong></p>
        while target.getparent() is not None and target.getparent().tag in (
            "strong",
            "b",
            "p",
            "span",
            "em",
            "header",
        ):
            if len(element_text(target.getparent())) > len(text) + 5:
                break
            target = target.getparent()
        sibling = target.getnext()
        followers = []
        while sibling is not None and len(followers) < 15:
            if not isinstance(sibling.tag, str):
                sibling = sibling.getnext()
                continue
            if re.fullmatch(r"h[1-6]", sibling.tag):
                break
            stext = element_text(sibling)
            if not stext and sibling.find(".//img") is None and sibling.find(".//a") is None:
                sibling = sibling.getnext()
                continue
            links = _link_text_len(sibling)
            if stext and links >= 0.6 * len(stext):
                followers.append(sibling)
                sibling = sibling.getnext()
                continue
            if not stext or (
                sibling.find(".//a") is not None and len(stext) < 160 and links > 0.3 * len(stext)
            ):
                followers.append(sibling)
                sibling = sibling.getnext()
                continue
            break
        container = target.getparent()
        if not followers and container is not None and container.tag not in ("body", "article", "main"):
            # heading is the first thing in a small box whose other content is links
            ctext = element_text(container)
            if (
                ctext
                and len(ctext) < 1500
                and _link_text_len(container) >= 0.5 * (len(ctext) - len(text))
                and not _is_main_holder(container, ctx["p_len"])
            ):
                _remove(container)
                removed += 1
                continue
        if not followers:
            continue
        for el in followers:
            _remove(el)
        _remove(target)
        removed += 1
    return removed


_BOX_KINDS = ("share", "newsletter", "cookie", "related", "promo", "disclaimer", "overlay")


def _about_cookies(text: str) -> bool:
    """A consent dialog's text, however long: it lists its cookies one by one ("This cookie is set by…"),
    so the word comes back every few lines. A consent word must be there too: a recipe box named
    "cookie-recipe" says "cookie" as often."""
    low = text.lower()
    return low.count("cookie") * 200 >= len(text) and _CONSENT_WORD.search(low) is not None


_CONSENT_WORD = re.compile(
    r"consent|accept|necessary|analytics|preferences|essential|third[- ]party"
    r"|akzeptier|zustimm|notwendig|einstellung|drittanbieter|accepter|nécessaire|paramètres|tiers"
    r"|acept|necesari|terceros|configuraci|accett|necessari|terze parti|statisti"
)


def rule_class_boxes(tree: HtmlElement, ctx: dict) -> int:
    """Share bars, sign-up boxes, cookie banners and related-story widgets named as such in class/id,
    removed only when they are small (their own text, not the article around them)."""
    removed = 0
    for el, attrs in _screened_blocks(tree, ctx):
        if el.tag == "table" or not _attached(el, tree):
            continue
        kind = next((k for k in _BOX_KINDS if _TOKENS[k].search(attrs)), None)
        # a paragraph goes as a box of its own only when named as the site's small print ("affiliate-
        # disclaimer": the notice under each entry of a list of books, which trafilatura glues to the
        # entry's text); the other kinds name the boxes around their paragraphs
        if kind is None or el.tag == "p" and kind != "disclaimer":
            continue
        if kind == "related" and re.search(r"related-?(post-?)?(content|body|article)\b", attrs):
            continue
        # a call to action calls to a link, a button or a field; a "call-to-action" box with none, that the
        # story announces ("The minister said:"), is the story's callout (GOV.UK's govspeak prints quotes
        # in one). (Unannounced, it may be a pitch whose form a script adds.)
        if kind == "promo" and _announced_callout(el):
            continue
        if len(el.text_content()) > 4000:
            continue
        text = element_text(el)
        limit = 600 if kind in ("share", "cookie") else 1500
        if len(text) > limit and not (kind == "cookie" and _about_cookies(text)):
            continue
        if _is_main_holder(el, ctx["p_len"]):
            continue
        if kind == "related" and text and _link_text_len(el) < 0.4 * len(text):
            continue
        if (
            kind == "newsletter"
            and el.find(".//input") is None
            and not BOILERPLATE_LINE.search(text)
            and len(text) > 300
        ):
            continue
        _remove(el)
        removed += 1
    return removed


_BOX_TAGS = frozenset({"div", "section", "aside"})


def rule_button_boxes(tree: HtmlElement, ctx: dict) -> int:
    """A small box built around one button ("Save your spot", "View premium services") with a line or a
    heading of pitch beside it: a call to action placed in or after the story, whatever it is named.
    The box is the largest wrapper of the button (four levels up at most) that stays small and reads as
    a pitch. Boxes that repeat (the same button label three times, or the box beside others built like
    it) are the entries of a list of products or projects, which are the story. The button that sends
    an e-mail field is one whatever its class: a sign-up box ("The Morning: the day's news, straight to
    your inbox")."""
    _screened_blocks(tree, ctx)
    buttons = ctx["buttons"]
    styled = set(buttons)
    buttons = buttons + [b for b in _email_submits(tree) if b not in styled]
    labels = [element_text(button) for button in buttons]
    label_of = dict(zip(buttons, labels, strict=True))
    seen: dict[str, int] = {}
    for label in labels:
        seen[label] = seen.get(label, 0) + 1
    # an ancestor's text is read once per run, however many buttons sit under it (a page of 2,000
    # buttons read its big wrappers 2,000 times each)
    texts: dict[HtmlElement, str] = {}
    cards: dict[HtmlElement, dict[tuple[str, str | None], int]] = {}
    removed = 0
    for button, label in zip(buttons, labels, strict=True):
        if not label or len(label) > 40 or seen[label] >= 3 or _in_page_control(button, label):
            continue
        if not _attached(button, tree):
            continue
        boxes = []
        el = button.getparent()
        for _ in range(4):
            if el is None or el.tag in ("body", "html", "main", "article") or len(el) > 30:
                break
            if el.tag in _BOX_TAGS:
                text = texts.get(el)
                if text is None:
                    text = texts[el] = element_text(el)
                if len(text) > 400:
                    break
                if len(text) > len(label) + 20:
                    boxes.append(el)
            el = el.getparent()
        # the largest that reads as a pitch: a sign-up box in a rail of links is the box, not the rail;
        # the box's other buttons ("Start free trial" beside "Book a demo") are no line of pitch either
        box = next(
            (b for b in reversed(boxes) if _is_pitch(b, texts[b], label, _other_labels(b, button, label_of))),
            None,
        )
        if box is None:
            continue
        if _is_main_holder(box, ctx["p_len"]) or _repeated_card(box, cards):
            continue
        _remove(box)
        removed += 1
    return removed


_EMAIL_FIELDS = etree.XPath("//input[@type='email']")


def _email_submits(tree: HtmlElement) -> list[HtmlElement]:
    """The button beside each e-mail field (in the field's parent or two levels further up), in page
    order."""
    found: list[HtmlElement] = []
    for field in _EMAIL_FIELDS(tree):
        el = field.getparent()
        for _ in range(3):
            if el is None or el.tag in ("body", "html", "main", "article"):
                break
            button = next(el.iter("button"), None)
            if button is not None:
                found.append(button)
                break
            el = el.getparent()
    return list(dict.fromkeys(found))


# a button that works the page itself (a jump to the comments, a picture's zoom or a player's play),
# placed by the story's lead or a caption, not a call to go somewhere
# a picture's or a player's own control: the whole label ("Enlarge", "View gallery"), or a class token
_MEDIA_LABEL = re.compile(
    r"\W*((click to |tap to )?(enlarge|zoom( in| out)?|expand|full ?screen|play|pause|replay|mute|unmute)"
    r"|(view|open|see|show) (the )?(image|photo|picture|gallery|video|slides?|slideshow|caption)s?"
    r"|(next|previous|prev) (image|photo|slide)?)\W*$"
)
_MEDIA_CLASS = re.compile(
    r"(^|[\s_-])(zoom|lightbox|gallery|player|play|pause|slider?|caption|enlarge)([\s_-]|$)"
)


def _in_page_control(button: HtmlElement, label: str) -> bool:
    # a jump within the page, or a toggle that opens something in it (a menu of files, an accordion)
    if (button.get("href") or "").strip().startswith("#") or button.get("aria-expanded") is not None:
        return True
    low = label.lower()
    return (
        _MEDIA_LABEL.match(low) is not None
        or _MEDIA_CLASS.search((button.get("class") or "").lower()) is not None
    )


# (a bare <img> is no such sign: sign-up boxes carry a logo or an icon)
_MEDIA_TAGS = ("figure", "figcaption", "picture", "video")


def _is_pitch(box: HtmlElement, text: str, label: str, other_labels: int = 0) -> bool:
    """The box reads like a pitch: a heading over the button, or a line or two beside it (beside its
    buttons: ``other_labels`` is the length of the other buttons' labels in it); a box that holds a
    picture, or a long paragraph, is the story's (its lead, a caption)."""
    if next(box.iter(*_MEDIA_TAGS), None) is not None:
        return False
    if next(box.iter("h2", "h3", "h4", "h5", "h6", "strong"), None) is not None:
        return True
    return len(text) - len(label) - other_labels < 150


def _other_labels(box: HtmlElement, button: HtmlElement, label_of: dict[HtmlElement, str]) -> int:
    """The length of the labels of the buttons in ``box`` besides ``button`` (the box is small: its own
    walk, not one over every button of the page)."""
    return sum(len(label_of.get(b, "")) for b in box.iter() if b is not button and b in label_of)


def _repeated_card(box: HtmlElement, cards: dict[HtmlElement, dict[tuple[str, str | None], int]]) -> bool:
    """The box has siblings of its own tag and class: one card of a grid or a list. ``cards`` keeps each
    parent's count of children by tag and class for the run (a list of 2,000 cards was counted 2,000
    times)."""
    parent = box.getparent()
    if parent is None:
        return False
    counts = cards.get(parent)
    if counts is None:
        counts = cards[parent] = {}
        for sib in parent:
            key = (sib.tag, sib.get("class"))
            counts[key] = counts.get(key, 0) + 1
    return counts.get((box.tag, box.get("class")), 0) >= 3


def rule_headline_link_runs(tree: HtmlElement, ctx: dict) -> int:
    """Runs of two or more paragraphs that are nothing but a link to another page (teaser headlines),
    e.g. ``<p><b><a href="/other-story">Other headline</a></b></p>`` after the article.

    Not a list the story announces ("Here are the courses you can take for free:"), nor a run whose
    links all lead to other sites (the sources, products or places the story lists): teasers lead to
    the site's own stories."""
    removed = 0
    page_url = ctx["url"]
    page_path = urlsplit(page_url).path.rstrip("/")
    host = urlsplit(page_url).netloc.lower().removeprefix("www.")
    # in document order (a set's order would make nested runs come out differently from run to run)
    parents = dict.fromkeys(p.getparent() for p in tree.iter("p", "h3", "h4", "li"))
    parents.pop(None, None)
    for parent in parents:
        if parent.tag in ("ul", "ol") and announced_list(parent):
            continue
        run: list[HtmlElement] = []
        runs: list[list[HtmlElement]] = []
        for child in parent:
            if not isinstance(child.tag, str):
                continue
            if child.tag in ("p", "h3", "h4", "div", "li") and _is_headline_link(child, page_url, page_path):
                run.append(child)
                continue
            if not run:
                continue  # nothing open that this child could end
            if child.tag in ("br",) or (
                not element_text(child) and child.find(".//img") is None and child.tag not in ("img",)
            ):
                continue
            if len(run) >= 2:
                runs.append(run)
            run = []
        if len(run) >= 2:
            runs.append(run)
        for run in runs:
            if host and all(_leaves_site(el, page_url, host) for el in run):
                continue
            for el in run:
                _remove(el)
                removed += 1
    return removed


_CARD_TAGS = frozenset({"div", "article", "li", "section"})
_CARD_HEADINGS = ("h2", "h3", "h4", "h5", "h6")


def rule_story_card_grids(tree: HtmlElement, ctx: dict) -> int:
    """A grid of three or more cards built alike (same tag and class, side by side), each a headline
    linking to another page of the site with at most a short line under it (a date, a section, a one-line
    summary): the site's other stories, in a grid that no heading names. A card that says more, that links
    elsewhere or has no headline link makes the grid the story's (a list of places or products)."""
    page_url = ctx["url"]
    parts = urlsplit(page_url)
    page_path = parts.path.rstrip("/")
    host = parts.netloc.lower().removeprefix("www.")
    # the cards a headline link stands in, by their parent and their (tag, class): up to three levels up
    grids: dict[HtmlElement, dict[tuple[str, str | None], list[HtmlElement]]] = {}
    for heading in tree.iter(*_CARD_HEADINGS):
        if next(heading.iter("a"), None) is None:
            continue
        el = heading.getparent()
        for _ in range(3):
            if el is None:
                break
            parent = el.getparent()
            if parent is None or el.tag in ("body", "html", "main"):
                break
            if el.tag in _CARD_TAGS:
                grids.setdefault(parent, {}).setdefault((el.tag, el.get("class")), []).append(el)
            el = parent
    removed = 0
    for parent, kinds in grids.items():
        for (tag, cls), cards in kinds.items():
            cards = list(dict.fromkeys(cards))
            if len(cards) < 3 or not _attached(parent, tree):
                continue
            alike = [c for c in parent if c.tag == tag and c.get("class") == cls]
            if len(alike) != len(cards) or not all(
                _is_story_card(c, page_url, page_path, host) for c in cards
            ):
                continue
            if sum(_paragraph_text_len(c) for c in cards) > 0.4 * ctx["p_len"] or _story_goes_on(cards[-1]):
                continue
            for card in cards:
                _remove(card)
            removed += 1
    return removed


# (and the full stops of Chinese and Japanese, their closing quotes, Devanagari's danda and Arabic's question
# mark)
_SENTENCE_ENDINGS = tuple('.!?:;"”)。！？」』।؟')


def is_sentence(text: str) -> bool:
    """A sentence of the story's length (eight words or more, ended as sentences end), not a label. Words
    are counted as the page-type thresholds count them, so a Chinese or Japanese sentence, written without
    spaces, has its words too."""
    text = text.rstrip()
    return text.endswith(_SENTENCE_ENDINGS) and count_words(text, CHARACTERS_PER_WORD) >= 8


def _story_goes_on(card: HtmlElement) -> bool:
    """A sentence of the story follows the last card, right after it or after its grid: the cards are the
    story's own list (the reviews a roundup links to), not the grid of other stories under it."""
    grid = card.getparent()
    after = (*islice(card.itersiblings(), 3), *(islice(grid.itersiblings(), 3) if grid is not None else ()))
    for el in after:
        if el.tag == "p":
            text = element_text(el)
            if is_sentence(text):
                return True
    return False


def _is_story_card(card: HtmlElement, page_url: str, page_path: str, host: str) -> bool:
    """One headline in the card, one link in it, to another page of this site, and little else."""
    headings = list(card.iter(*_CARD_HEADINGS))
    if len(headings) != 1:
        return False
    links = list(headings[0].iter("a"))
    if len(links) != 1:
        return False
    netloc, path = _link_target(page_url, links[0].get("href") or "")
    if netloc and netloc.lower().removeprefix("www.") != host or not path or path.rstrip("/") == page_path:
        return False
    headline = element_text(headings[0])
    return len(headline.split()) >= 3 and len(element_text(card)) - len(headline) <= 300


_SAYS = re.compile(r"\b(said|says|added|adds|explained|commented|told [\w ]{1,30})\s*:$")


def _announced_callout(box: HtmlElement) -> bool:
    """A box with nothing to click or fill in, right after the story's sentence that announces it: "…are
    still worth a look:" (``announced_list``), or a speaker's "The minister said:"."""
    if next(box.iter("a", "button", "input", "form", "select", "textarea"), None) is not None:
        return False
    prev = box.getprevious()
    if prev is None or prev.tag != "p":
        return False
    return announced_list(box) or _SAYS.search(element_text(prev)) is not None


def announced_list(lst: HtmlElement) -> bool:
    """The list comes right after a sentence of the story that ends by announcing it ("…are still worth
    a look:"); a label over a box ("Related stories:", "Read more:") is no such sentence."""
    prev = lst.getprevious()
    if prev is None or prev.tag != "p":
        return False
    text = element_text(prev)
    return text.endswith(":") and len(text.split()) >= 6 and not RELATED_HEADING.match(text)


def links_leave_site(el: HtmlElement, page_url: str) -> bool:
    """``el`` holds links and every one of them leads to another site than ``page_url``'s."""
    host = urlsplit(page_url).netloc.lower().removeprefix("www.")
    links = [a.get("href") or "" for a in el.iter("a")]
    if not host or not links:
        return False
    netlocs = [_link_target(page_url, href)[0] for href in links]
    return all(netloc and netloc.lower().removeprefix("www.") != host for netloc in netlocs)


def _leaves_site(el: HtmlElement, page_url: str, host: str) -> bool:
    link = next(el.iterdescendants("a"), None)
    netloc = _link_target(page_url, link.get("href") or "")[0] if link is not None else None
    return bool(netloc) and netloc.lower().removeprefix("www.") != host


def _is_headline_link(el: HtmlElement, page_url: str, page_path: str | None = None) -> bool:
    # exactly one link: stop at the second rather than collecting every link of a large block
    links = el.iterdescendants("a")
    link = next(links, None)
    if link is None or next(links, None) is not None:
        return False
    href = link.get("href") or ""
    if not href or href.startswith("#"):
        return False
    raw = el.text_content()
    if len(raw) > 2000:  # far past 200 characters whatever its white space
        return False
    text = " ".join(raw.split())
    if not text or len(text) > 200 or len(text.split()) < 3:
        return False
    link_text = element_text(link)
    if link_text != text and len(link_text) < 0.9 * len(text):
        return False
    if page_path is None:
        page_path = urlsplit(page_url).path.rstrip("/")
    return _link_target(page_url, href)[1].rstrip("/") != page_path


def _link_target(page_url: str, href: str) -> tuple[str | None, str]:
    """(host or None when it is the page's own, path) of where ``href`` on ``page_url`` leads.

    A site-relative "/section/story" (most links) is read directly: what ``urljoin`` would give for it,
    without its cost. Anything else (other hosts, "../x", dot segments, stray white space) goes through
    ``urljoin``."""
    if href[:1] == "/" and href[1:2] != "/" and "/." not in href and not _URL_ODD.search(href):
        return None, href.split("#", 1)[0].split("?", 1)[0]
    try:
        target = urlsplit(urljoin(page_url, href) if page_url else href)
    except ValueError:  # "http://[broken": leads nowhere a reader could go, so not to another story
        return None, ""
    return target.netloc, target.path


_URL_ODD = re.compile(r"[\x00-\x20\x7f]")


_TEASER_LEAD = re.compile(
    r"^\W*(read|related|see|also|more|recommended|watch|listen|click|don|lire|à|lesen|mehr|auch|lee|leer|te |"
    r"leggi|leia|veja|lees|czytaj|zobacz|läs|читайте)",
    re.I,
)


def _is_teaser(text: str) -> bool:
    """ "READ MORE: …", "Related: …": a teaser's lead, not the story's sentence that opens with the word."""
    return TEASER_PREFIX.match(text) is not None and not reads_as_story(text)


def rule_teaser_paragraphs(tree: HtmlElement, ctx: dict) -> int:
    """Inline teasers inside the body: "READ MORE: <headline>", "Related: ...", "See also: ..."."""
    removed = 0
    for el in list(tree.iter("p", "li", "div", "h3", "h4", "h5", "h6", "blockquote")):
        if el.getparent() is None:
            continue
        lead = (el.text or "") + (el[0].text or "" if len(el) else "")
        if not _TEASER_LEAD.match(lead):
            continue
        if el.tag == "div" and any(isinstance(c.tag, str) and c.tag in ("p", "div") for c in el):
            continue
        if el.find(".//a") is None:
            continue
        text = element_text(el)
        if not text or len(text) > 250:
            continue
        if el.find(".//a") is not None and _is_teaser(text):
            _remove(el)
            removed += 1
    return removed


_INLINE = frozenset(
    {
        "a",
        "b",
        "strong",
        "em",
        "i",
        "span",
        "small",
        "u",
        "font",
        "label",
        "abbr",
        "time",
        "mark",
        "sup",
        "sub",
    }
)


def _block_of(el: HtmlElement) -> HtmlElement:
    while el.tag in _INLINE and el.getparent() is not None and el.getparent().tag not in ("body", "html"):
        el = el.getparent()
    return el


# Every alternative of BOILERPLATE_LINE contains one of these (lower-case) words: a plain substring
# scan (C speed) finds the few text pieces worth the full, much slower, regex.
BOILERPLATE_KEYWORDS = (
    "publish", "required", "leave a", "comment", "respons", "repl", "save my", "notify", "akismet",
    "newsletter", "enter your", "you agree", "subscri", "cookie", "consent", "share", "tweet", "email",
    "e-mail", "print", "pin it", "whatsapp", "facebook", "twitter", "linkedin", "reddit", "copy link",
    "follow us", "advert", "ad", "sponsored", "abonn", "inscrivez", "melden sie", "suscr", "bolet",
    "iscriviti", "assine", "teilen", "partager", "compartir", "condividi", "compartilhar", "delen",
    "mailing list", "already a", "already have", "already subscribed", "already registered", "briefing",
    "bulletin", "digest", "kommentar", "comentar", "join the", "copy the", "copy this", "copiar", "copier",
    "copia", "kopieren", "link copied", "your privacy", "accept all", "accept selected", "reject all",
    "refuse all", "allow all", "allow selected", "decline all", "personal info", "we and our", "partenaires",
    "déjà abonn", "suscriptor", "bereits", "anzeige", "werbung", "publicit", "publicid", "pubblicit",
    "reklame", "paid content", "paid partner", "paid for by", "continues below", "continues after",
    "continue reading", "scroll", "supported by", "presented by", "brought to you", "gift", "save article",
    "save story", "save this", "save the", "read in app", "read in the app", "skip ad", "content by",
    "ad feedback", "wir und unsere", "nosotros y nuestros", "akzeptieren", "ablehnen", "accepter", "refuser",
    "aceptar", "rechazar", "accetta", "rifiuta", "paramétrer", "configurar", "gérer", "einstellungen",
    "prywatność", "kakor", "çerez", "쿠키", "الارتباط", "комментарий", "yorumunuz", "komentarz",
)  # fmt: skip


def maybe_boilerplate(text: str) -> bool:
    low = text.lower()
    return any(k in low for k in BOILERPLATE_KEYWORDS)


# BOILERPLATE_LINE for text already lower-cased (several times faster than the case-insensitive one);
# "ad" is in most sentences, so only the one alternative that needs it ("^ad$") is tested for it
_BOILERPLATE_LOWER = re.compile(BOILERPLATE_LINE.pattern)
_KEYWORDS_BUT_AD = tuple(k for k in BOILERPLATE_KEYWORDS if k != "ad")


def _boilerplate_low(low: str, line: str) -> bool:
    """``low`` (``line`` lower-cased) is a boilerplate line, not the story's sentence with the same words."""
    if low == "ad":
        return True
    if not any(k in low for k in _KEYWORDS_BUT_AD):
        return False
    found = _BOILERPLATE_LOWER.search(low)
    return found is not None and not reads_as_story(line, found.start())


# every text node; the JSON-LD scripts (all that drop_invisible leaves of scripts) have theirs in too,
# which a predicate on each node's parent would cost five times more to leave out, and which can only
# come out as a script (skipped below as an owner) unless a visible text node says the very same thing
_TEXT_NODES = etree.XPath("//text()", smart_strings=False)
_INVISIBLE_TAGS = frozenset({"script", "style", "noscript", "template", "title"})


def _keyword_pieces(pieces: list[str]) -> list[int]:
    """Indices of the pieces shorter than 300 characters that contain a boilerplate keyword."""
    # longer pieces are left out as empty ones, so that the offsets still say which piece they are in
    low = "\x00".join(p if len(p) < 300 else "" for p in pieces).lower()
    hits: set[int] = set()
    for k in _KEYWORDS_BUT_AD:  # "ad" (only ever a whole line) is left to the text rules
        i = low.find(k)
        while i >= 0:
            hits.add(i)
            end = low.find("\x00", i)  # one hit per piece is enough: on to the next piece
            i = low.find(k, end) if end >= 0 else -1
    if not hits:
        return []
    starts = list(accumulate((len(p) + 1 if len(p) < 300 else 1 for p in pieces), initial=0))
    return sorted({bisect_right(starts, o) - 1 for o in hits})


def _owners(tree: HtmlElement, pieces: list[str]) -> list[HtmlElement]:
    """The elements that hold each piece as a text node of their own (their text, or a child's tail):
    grouped by piece in the pieces' order, each group in page order, found in one walk for all."""
    names = {f"t{i}": piece for i, piece in enumerate(pieces)}
    found = tree.xpath("//*[text()[" + " or ".join(f". = ${n}" for n in names) + "]]", **names)
    groups: dict[str, list[HtmlElement]] = {piece: [] for piece in pieces}
    for el in found:
        own = {el.text, *(child.tail for child in el)}
        for piece in pieces:
            if piece in own:
                groups[piece].append(el)
    return [el for piece in pieces for el in groups[piece]]


def rule_boilerplate_blocks(tree: HtmlElement, ctx: dict) -> int:
    """Short blocks whose wording is a sign-up call, a cookie notice or a comment-form prompt.

    Driven by text nodes rather than by element text, so nested containers are not re-read; a
    substring scan for keywords picks the few nodes that the full regex then checks."""
    plain = _TEXT_NODES(tree)
    candidates = _keyword_pieces(plain)
    if not candidates:
        return 0
    # in page order: a set's order follows str hashes, which change from one process to the next, and
    # which of two nested blocks goes first decides what is removed
    found = list(
        dict.fromkeys(plain[i] for i in candidates if _BOILERPLATE_LOWER.search(plain[i].strip().lower()))
    )
    if not found:
        return 0
    hits = [el for el in _owners(tree, found) if el.tag not in _INVISIBLE_TAGS]
    removed = 0
    for owner in hits:
        block = _block_of(owner)
        if block.getparent() is None or block.tag in ("body", "html", "main", "article"):
            continue
        text = element_text(block)
        if not text or len(text) > 300:
            continue
        # found in the lower-cased text the veto reads ("İ" lower-cased is two characters)
        found = _BOILERPLATE_LOWER.search(text.lower())
        if found is None or reads_as_story(text, found.start()):
            continue
        # take the small box around it too (a sign-up box's own heading, a reply form's title)
        box = block.getparent()
        while (
            box is not None
            and box.tag in ("div", "section", "aside", "form", "footer")
            and box.getparent() is not None
            and len(element_text(box)) < 400
            and not _is_main_holder(box, ctx["p_len"])
        ):
            block, box = box, box.getparent()
        _remove(block)
        removed += 1
    return removed


# The labels of the story's own record, set out as a small table or a definition list beside the
# headline ("Written by | Jane Doe", "Published | 3 May 2025", "Hits | 1843"): the metadata read it before
# the rules run, and as text it is a list of labels and values over the story
_INFO_AUTHOR = (
    r"written by|posted by|published by|by|authors?|reporters?|writers?|byline|correspondents?|autor(?:in)?"
    r"|auteur|von|par|por"
)
_INFO_DATE = (
    r"date|dated|published|posted|created|updated|last updated|modified|datum|veröffentlicht|publié(?: le)?"
    r"|publicado|fecha"
)
_INFO_ROW = re.compile(
    rf"\W*(?:(?P<author>{_INFO_AUTHOR})|(?P<date>{_INFO_DATE})|section|category|categories|filed under|source"
    r"|hits|views|reads|rubrik|rubrique|sección)\s*:?\s+\S",
    re.I,
)


def _info_rows(el: HtmlElement) -> list[str]:
    """The rows of a table (two cells each) or of a definition list (a term and its value, or a value
    alone), as "label value" lines; [] when the element is not built of such rows."""
    rows: list[str] = []
    if el.tag == "table":
        for tr in el.xpath("./tr|./tbody/tr|./thead/tr"):
            cells = tr.xpath("./td|./th")
            if len(cells) != 2 or any(c.find(".//table") is not None for c in cells):
                return []
            rows.append(" ".join(element_text(c) for c in cells))
    else:
        label = ""
        for child in el:
            if child.tag == "dt":
                label = element_text(child)
            elif child.tag == "dd":
                rows.append(f"{label} {element_text(child)}".strip())
                label = ""
            elif isinstance(child.tag, str):
                return []
    return rows


def rule_info_tables(tree: HtmlElement, ctx: dict) -> int:
    """A small table or definition list of the story's byline, date and counters ("Reporter: | Jane Doe",
    "Date: | 3 May 2025", "Hits | 1843"): every row a short label and its value, one of them naming the
    writer and one the date. A table of the story's own (a timetable, a film's credits) has other labels."""
    removed = 0
    for el in list(tree.iter("table", "dl")):
        if not _attached(el, tree):
            continue
        rows = _info_rows(el)
        if not 2 <= len(rows) <= 8 or any(len(row) > 80 for row in rows):
            continue
        found = [_INFO_ROW.match(row) for row in rows]
        if not all(found) or not any(m.group("author") for m in found):
            continue
        # the date of a story's record is a day ("3 May 2025"), not a book's "March 2025"; and the record
        # stands over the story, not after its opening paragraphs (a quake's key facts: date, by, source)
        days = [m["date"] and _INFO_DAY.search(row, m.end() - 1) for m, row in zip(found, rows, strict=True)]
        if not any(days):
            continue
        if _after_story_text(el):
            continue
        _remove(el)
        removed += 1
    return removed


def _after_story_text(el: HtmlElement) -> bool:
    """A paragraph of the story's (150 characters or more) stands before ``el``, beside it or beside one of
    its three nearest wrappers."""
    for node in [el, *islice(el.iterancestors(), 3)]:
        if any(len(element_text(p)) >= 150 for p in node.itersiblings("p", preceding=True)):
            return True
    return False


_CONTENTS_HEADINGS = frozenset(("h2", "h3", "h4", "h5", "h6", "p", "strong", "b", "span", "div"))


def rule_contents_lists(tree: HtmlElement, ctx: dict) -> int:
    """A list of links to the page's own sections (a live blog's key events, a guide's contents), each item
    one link to a "#" anchor and nothing else, with the short heading right above it: what the links point
    to is the story below, which the text keeps. A list the story announces with a sentence stays."""
    removed = 0
    for lst in list(tree.iter("ul", "ol")):
        items = [li for li in lst if isinstance(li.tag, str)]
        if len(items) < 2 or not _attached(lst, tree):
            continue
        # a sentence of the story that announces the list ("Jump to the section you need:"), or a list
        # inside another list's item (an outline's branch): the story's own outline, which stays
        parent = lst.getparent()
        if announced_list(lst) or parent is None or parent.tag == "li":
            continue
        if not all(
            li.tag == "li"
            and len(links := li.findall(".//a")) == 1
            and (links[0].get("href") or "").startswith("#")
            and len(element_text(links[0])) == len(element_text(li)) > 0
            for li in items
        ):
            continue
        heading = lst.getprevious()
        label = element_text(heading) if heading is not None else ""
        if (
            heading is not None
            and heading.tag in _CONTENTS_HEADINGS
            and len(label.split()) <= 5
            # a label ("Key events", "In this article"), not the story's short sentence ("That was all.")
            and not label.endswith((".", "!", "?"))
            and heading.find(".//a") is None
        ):
            _remove(heading)
        _remove(lst)
        removed += 1
    return removed


_TABLE_ROWS = etree.XPath("./tr|./tbody/tr|./thead/tr|./tfoot/tr")
_ROW_CELLS = etree.XPath("./td|./th")
_TABLE_PARTS = etree.XPath("./tbody|./thead|./tfoot|./caption|./colgroup")


def _story_cell(cell: HtmlElement) -> bool:
    """A cell that holds a page's text as blocks, not a value: 400 characters or more, in paragraphs (two
    <p> or two <br><br> breaks), under a heading, or around a table of its own; not mostly links (a
    column of section links, however long, is the menu)."""
    size = len(element_text(cell))
    if size < 400 or _link_text_len(cell) > 0.5 * size:
        return False
    if cell.find(".//table") is not None or any(True for _ in cell.iter(*_HEADINGS)):
        return True
    if sum(1 for _ in cell.iter("p")) >= 2:
        return True
    breaks = sum(
        1
        for br in cell.iter("br")
        if not (br.tail or "").strip() and br.getnext() is not None and br.getnext().tag == "br"
    )
    return breaks >= 2


def _label_cell(cell: HtmlElement) -> bool:
    """A cell naming what the next one holds: a short text and no link (an interview's question, a review's
    "Verdict"), not a column of section links, an empty spacer or a picture."""
    size = len(element_text(cell))
    return 0 < size <= 150 and cell.find(".//a") is None


def rule_layout_tables(tree: HtmlElement, ctx: dict) -> int:
    """Tables used to lay out the page (the 1998-2010 way: a column of section links, the story in a <td>
    of <font> tags, a footer row), turned into the blocks they stand for. trafilatura prints a table's
    row as one line of "| cell | cell |": the story's paragraphs, the menu and the copyright all became one
    line. A table is a layout one when a cell of its own holds the page's text in blocks (``_story_cell``);
    a one-column table inside it, or one of links anywhere (a menu, a row of section links), goes the same
    way. A table of values stays a table: a timetable, a byline table of labels and values, a grid of
    cards each with its own text, a table whose header row names its columns."""
    laid_out: set[HtmlElement] = set()
    for table in list(tree.iter("table")):
        rows = {tr: _ROW_CELLS(tr) for tr in _TABLE_ROWS(table)}
        if not rows or any(len(cells) >= 2 and all(c.tag == "th" for c in cells) for cells in rows.values()):
            # a header row names the columns ("Argument | Description | Default", "Pros | Cons"): a table of
            # values, however long its cells; a layout table's rows are the page's parts, not named columns
            continue
        inside = any(a in laid_out for a in table.iterancestors("div"))
        one_column = all(len(cells) <= 1 for cells in rows.values())
        # one cell (or two) with the page's text: a grid of such cells (a table of cards, each a heading
        # and its paragraphs) is content laid out as a table, and trafilatura reads it as well as it can
        found = [(cells, sum(map(_story_cell, cells))) for cells in rows.values()]
        stories = sum(n for _, n in found)
        if stories and all(len(cells) >= 2 and _label_cell(cells[0]) for cells, n in found if n):
            continue  # each text beside its label ("How did it start?" | the answer): a table of values
        if not 0 < stories <= 2 and not (
            one_column and (inside or _link_text_len(table) > 0.6 * len(element_text(table)))
        ):
            continue
        for tr, cells in rows.items():
            for cell in cells:
                cell.tag = "div"
            tr.tag = "div"
        for part in _TABLE_PARTS(table):
            part.tag = "div"
        table.tag = "div"
        laid_out.add(table)
    return len(laid_out)


_PULL_CLASS = re.compile(r"pull[\s_-]?quote|pull[\s_-]?out", re.I)
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+")


def _story_of(el: HtmlElement) -> HtmlElement | None:
    """The nearest <article>, <main> or <body> holding ``el``."""
    return next(el.iterancestors("article", "main", "body"), None)


def rule_pull_quotes(tree: HtmlElement, ctx: dict) -> int:
    """A pull quote: a sentence or two of the story set again in large type beside it, in a
    ``<blockquote>`` or an ``<aside>`` (or a box whose class says so, "pullquote"), each of its
    sentences found word for word in one paragraph of the story outside it ("You can read the whole of
    the 1950s in them." beside ``"You can read the whole of the 1950s in them," he said.``). The reader
    has read it once. A quoted passage that the story does not print elsewhere (a letter, a diary, an
    embedded post with its author and date) stays, and so does a passage printed twice as quotes (an
    essay quoted whole with a line of it quoted again, a form letter shown twice)."""
    candidates = [
        el
        for el in tree.iter("blockquote", "aside", "div", "figure", "p")
        if el.tag in ("blockquote", "aside") or _PULL_CLASS.search(el.get("class") or "")
    ]
    if not candidates:
        return 0
    # the story's paragraphs (not those quoted in a blockquote themselves, nor a box's beside the story),
    # read once a box needs them; each with the story element that holds it
    paragraphs: list[tuple[HtmlElement, str, HtmlElement | None]] | None = None
    removed = 0
    for box in candidates:
        if not _attached(box, tree) or box.find(".//blockquote") is not None:
            continue
        text = element_text(box)
        if not 4 <= len(text.split()) <= 60:
            continue
        if paragraphs is None:
            paragraphs = [
                (p, f" {word_key(element_text(p))} ", _story_of(p))
                for p in tree.iter("p")
                if next(p.iterancestors("blockquote", "aside"), None) is None
            ]
        sentences = [f" {key} " for key in map(word_key, _SENTENCE_SPLIT.split(text)) if key]
        # (a paragraph that holds the box, an <aside> set inside a <p>, holds its words too); a paragraph
        # of the story's element, not a reader's comment under it that quotes the statement the story
        # gives in a blockquote
        near = {*box.iter("p"), *box.iterancestors("p")}
        story = _story_of(box)
        if any(
            all(sentence in key for sentence in sentences)
            and p not in near
            and holder is story
            and _attached(p, tree)
            for p, key, holder in paragraphs
        ):
            _remove(box)
            removed += 1
    return removed


# what makes a figure a picture's (or a video's, a chart's) rather than a table's
_PICTURE_TAGS = ("img", "picture", "video", "iframe", "svg", "canvas", "object", "embed")


def rule_table_captions(tree: HtmlElement, ctx: dict) -> int:
    """The caption of a table of figures set as a <figure>'s <figcaption> (the block editors' way) made a
    paragraph where it stands: trafilatura keeps the table and leaves out every figcaption, the story's
    line that says what the figures are and where they come from with it. A picture's caption (a figure
    with an image, a video, a chart drawn in SVG) is left to trafilatura as before."""
    made = 0
    for caption in list(tree.iter("figcaption")):
        figure = caption.getparent()
        if (
            figure is None
            or figure.tag != "figure"
            or next(figure.iter("table"), None) is None
            or next(figure.iter(*_PICTURE_TAGS), None) is not None
        ):
            continue
        caption.tag = "p"
        # (a caption's class names it one: trafilatura's and our rules would take it for a photo's)
        for name in ("class", "id"):
            caption.attrib.pop(name, None)
        made += 1
    return made


DOM_RULES: list[tuple[str, Callable[[HtmlElement, dict], int]]] = [
    ("hidden_dialogs", rule_hidden_dialogs),
    ("appended_stories", rule_appended_stories),
    ("comment_forms", rule_comment_forms),
    ("class_boxes", rule_class_boxes),
    ("button_boxes", rule_button_boxes),
    ("related_blocks", rule_related_blocks),
    ("headline_link_runs", rule_headline_link_runs),
    ("story_card_grids", rule_story_card_grids),
    ("teaser_paragraphs", rule_teaser_paragraphs),
    ("pull_quotes", rule_pull_quotes),
    ("boilerplate_blocks", rule_boilerplate_blocks),
    ("info_tables", rule_info_tables),
    ("contents_lists", rule_contents_lists),
    ("layout_tables", rule_layout_tables),
    ("table_captions", rule_table_captions),
]


def apply_dom_rules(
    tree: HtmlElement, url: str, enabled: set[str] | None = None, p_len: int | None = None
) -> dict[str, int]:
    """Run the DOM rules in order; ``p_len`` is the page's paragraph text length when already known."""
    ctx = {"url": url, "p_len": _paragraph_text_len(tree) if p_len is None else p_len}
    fired: dict[str, int] = {}
    for name, rule in DOM_RULES:
        if enabled is not None and name not in enabled:
            continue
        count = rule(tree, ctx)
        if count:
            fired[name] = count
    return fired


# --- text rules ---------------------------------------------------------------------------------

_WORDS = re.compile(r"\w+")


def word_key(text: str) -> str:
    """The words of ``text``, case-folded, one space apart: what two copies of a line share whatever
    their punctuation, spacing and line breaks."""
    return " ".join(_WORDS.findall(text.casefold()))


class LinePattern:
    """A line test in two parts, both run on lower-cased text: alternatives that must start the line
    (one ``match`` at its first character) and alternatives that may stand anywhere in it (``search``).

    One case-insensitive regex holding both is tried at every position of every line with every
    alternative, which made these tests most of the text rules' cost."""

    def __init__(self, start: str, anywhere: str = "") -> None:
        self.start = re.compile(start)
        self.anywhere = re.compile(anywhere) if anywhere else None

    def __call__(self, low: str) -> bool:
        return self.find(low) >= 0

    def find(self, low: str) -> int:
        """Where in ``low`` the pattern matched (0 for the start part), or -1."""
        if self.start.match(low) is not None:
            return 0
        found = self.anywhere.search(low) if self.anywhere is not None else None
        return found.start() if found is not None else -1


# A whole short line that is the site's furniture rather than the story: account and navigation
# links, legal links, reading-time and byline stamps, "pin for later" (checked after trafilatura,
# where such a line stands alone), and affiliate/sponsorship disclosures wherever they stand.
CHROME_LINE = LinePattern(
    r"\W*(sign (up|in|out)|log ?(in|out)|register|subscribe( now| today)?|home|menu|search"
    r"|skip to( main| the)? (content|navigation|main|article|search|footer|menu)|skip to content"
    r"|zum inhalt( springen)?|aller au contenu( principal)?|(saltar|ir) al contenido( principal)?"
    # the story's audio player ("Listen to this article · 4 min") and its reading time
    r"|listen( to (this )?(article|story))?\W+\d+(:\d{2}| ?min(ute)?s?)|listen to (this )?(article|story)"
    r"|\d+ ?min(ute)?s? listen"
    r"|listen\W+\d+:\d{2}"
    r"|audio version|(estimated )?reading time\W+\d+ ?min(ute)?s?|listen now|voiced by amazon polly"
    r"|\d{1,2}:\d{2} / \d{1,2}:\d{2}"
    r"|back to (top|blogs?|home|news|articles?|posts?|all .{1,30})|(previous|next) (article|post|story|page)"
    # the credit line of such a box ("Availability data supplied by WatchGuide", "Prices provided by …")
    r"|(availability|price|pricing|prices|listings?) (data )?(supplied|provided|powered) by [^.]{1,40}"
    # an event's controls, one or several in a row ("Add to calendar Get directions")
    r"|(add to (my |your )?calendar|get directions|(view|show) (on )?map)"
    r"( (add to (my |your )?calendar|get directions|(view|show) (on )?map))*"
    r"|top of (the )?page|report an? (error|typo|correction( or typo)?)|send us (a (news )?tip|(an )?e-?mail)"
    # a Blogger template's feed links under every post ("Subscribe to: Post Comments (Atom)")
    r"|subscribe to: (posts|post comments|comments)( \((atom|rss)\))?"
    # a gallery's controls
    r"|view (the )?gallery|((image|photo|picture|slide) )?\d+ of \d+"
    r"|privacy (policy|notice)|cookie policy|terms (and|&) conditions|terms of (use|service)"
    r"|advertising policy|sitemap|blog index"
    # the label of a teaser, a byline or an author box whose content went with the box
    r"|read more|continue reading|written by|about the author|this slideshow requires javascript|you are here"
    r"|pin (it )?for later|\d+\s*min(ute)?s?\s*read|(written|posted|published) by .{2,80}"
    r"|follow (us|me)( on .{1,40})?"
    # the label of a table of contents (its entries repeat the headings that the text keeps)
    r"|table of contents|contents|in this (article|post|guide)|on this page|jump to( section)?"
    r"|inhaltsverzeichnis|sommaire|índice|indice)\W*$"
    r"|\W*(previous|next|prev|older|newer) (article|post|story|entry)\s*[:»>]"
    r"|(©|\(c\)\s*\d{4}|copyright\s*(©|\(c\))?\s*\d{4})",
    r"as an amazon associate,? (we|i) earn|(we|i) earn from qualifying purchases"
    r"|supported by (commissions|our readers)"
    r"|chosen independently by our editors|\bindependently (chosen|selected) by (us|our editors)\b"
    r"|(we|i) may (earn|receive) (an? )?(small )?(financial |affiliate )?(commission|compensation)"
    # a book review's shop line ("To support the Review buy a copy from …"), not a sentence of the story
    r"|^to support (the )?[^.,;]{1,60},? (buy|order|get) (a|your) copy (from|at)\b"
    # a funeral home's flower shop under its notices ("To send flowers to the family, please visit our
    # floral store.")
    r"|\bto (send flowers|plant (a )?trees?)\b[^.]{0,120}\b(visit|go to) (our|the) ([\w-]+ ){0,2}"
    r"(store|shop)\b"
    r"|\bmay (earn|receive|get|collect) (a )?(small |tiny )?(share|portion|commission|compensation)"
    r"|\bearns? us a (small )?commission\b"
    # the publisher's own line ("Business Daily earns commissions from some listed providers."), not a
    # story's clause about a company that does ("Shares in the app, which earns commissions from…")
    r"|^[^,;]{1,40}\bearns? commissions from\b"
    # the pointer to the publisher's own policies under its stories ("Learn more about our editorial
    # process.", "The Daily Ledger has a disclosure policy.")
    r"|\b(our|its) (editorial|disclosure|fact[- ]checking) (process|policy|policies|standards|guidelines)\b"
    r"|\bhas an? disclosure policy\W*$"
    # a news agency's copy terms under its stories
    r"|\bmay not be (re)?published, broadcast, rewritten,? or redistributed\b",
)


# A paragraph that opens with the publisher's disclosure of how it is paid ("We may be compensated when
# you click…"): the whole paragraph is the disclosure, however long its explanation runs on
DISCLOSURE_LEAD = re.compile(
    r"[^\w\"'“”‘’«»„]*((advertiser|advertising|affiliate|editorial|ftc) disclosure\W+)?"
    r"(we|i|this (site|website|blog|page|post|article)) (may )?(be compensated"
    r"|(earn|receive|get) (a )?(small )?(commission|compensation)"
    r"|(is|are) (compensated|supported) by (our )?(advertisers|partners|commissions))",
    re.I,
)
# ... and says what pays: an opening "We may be compensated…" without any of these is a quote
DISCLOSURE_WORD = re.compile(
    r"click|links?\b|purchases?|products|advertis|partners|commission|brands|companies|featured|review", re.I
)


# Lines that are a prompt to the reader wherever they stand: a button's text ("Book a demo", "Get started
# today", the heading of a call-to-action band in the column as much as a button under the story), a paywall
# notice, the consent small print under a sign-up field, an invitation to follow or join elsewhere.
CALL_LINE = LinePattern(
    r"(book|request|get|schedule)( a| your| my)? (free )?(demo|quote|consultation|estimate)"
    r"( today| now)?\W*$|get started( today| now| for free| free)?\W*$"
    # a paywall's or a registration wall's prompt, in several languages
    r"|subscribe( now| today)? (to|for) (get access|(continue|keep) reading|read (more|the full|the rest)"
    r"|unlimited( digital)? access|full access)"
    r"|(register|sign up|sign in|log in|create a (free )?account)( for free| now)?"
    r"( or (register|log in|sign in|subscribe))? to (continue|keep) reading|get unlimited (digital )?access\b"
    r"|this is your last free (article|story)"
    r"|abonnez-vous pour (lire|continuer)|il vous reste \d+ ?(%|articles?)|suscríbete para (seguir"
    r"|continuar) leyendo"
    r"|(jetzt |diesen artikel )?weiterlesen mit\b|dieser artikel ist (nur )?(für|exklusiv für) abonnenten"
    r"|(cet )?article (est )?réservé aux abonnés|(este )?contenido (es )?exclusivo para suscriptores"
    r"|(hazte suscriptor|jetzt abonnieren|suscríbete( ahora)?|abonnez-vous( dès maintenant)?)\W*$"
    r"|see (all )?subscription (options|plans|offers)\W*$"
    r"|become a (member|subscriber|supporter)( today| now)?\W*$"
    r"|unlock unlimited( digital)? access|cancel any ?time\W*$|want to read more\?"
    r"|want more (news|stories|articles) like this\?"
    r"|(sign|log) in to (read|continue|keep reading)( the (full|rest of the) (article|story))?\W*$"
    r"|continue reading with a (free )?(account|subscription)"
    r"|support (independent|local|quality) journalism\W*$|your subscription (supports|makes|helps)\b"
    r"|only [$£€]\d+([.,]\d+)? (for|a|per) (\d+ )?(weeks?|months?|year)\W*$"
    r"|\W*this (article|story|content|post) is (only )?for (subscribers|members)\b"
    # a metered paywall's count ("You have 2 free articles left this month")
    r"|\W*you have (\d+|one|two|three|no) (more )?(free )?(articles?|stories|reads) (left|remaining)\b"
    r"|\W*you('ve| have) (reached|used) (your|all (of )?your|the) (limit of )?(free|monthly)\b"
    # the label of a bar of trending topics over the story
    r"|trending( now)?\s*:"
    # the app's and the push notifications' promotions
    r"|(get|download) (the|our) (free )?([\w-]+ ){0,3}app( now| today)?( for [^.]{0,40})?\W*$"
    r"|(turn on|allow|enable) (push |browser )?notifications\W*$"
    r"|get (breaking )?news alerts\b|(breaking )?news alerts\b[^.]{0,60}\W*$"
    r"|sign up for (breaking news |e-?mail |push |text )?alerts\W*$|never miss a (story|thing|beat)\W*$"
    r"|be the first to know\W*$|download (it )?now\W*$|(available|download) on the app store\W*$"
    r"|get it on google play\W*$|join (us on|our) (whatsapp|telegram|signal)( channel| group)?\b"
    r"|add us on google( news)?\b|add [^.]{1,40} as a preferred source on google\b"
    r"|unlock (this|the full) (article|story)"
    r"|\W*stay connected with (me|us)\b|\W*follow (us|me) on\b"
    r"|get the latest (news|updates|posts|articles|stories)\b"
    r"|you (may|might|could) (also )?(like|enjoy|be interested in)( the following| these)?( \w+){0,2}"
    r"( as well)?\W*$"
    r"|read (our|the) (full|complete) .{1,80} review\W*$|read more .{0,60}\bon \S+\.(com|org|net|co\.uk)\W*$"
    r"|(advertisement|sponsored|anzeige|publicité|publicidad)\s*[:|–—-]"
    r"|(start|begin|claim) (your|a|my) (\d+[- ]day )?free trial( (of|with|on|at) [^.,;]{1,40})?"
    r"( today| now)?\W*$"
    r"|start shopping( now| today)?\W*$"
    r"|\W*help (me|us) spread the word( about [^.,;\"”]{1,60})?\W*$"
    r"|(request|download|get|grab|claim) (our|the|your|a|my) free ([\w-]+ ){0,3}(e-?book|guide|report"
    r"|checklist|template)s?\W*$",
    r"\bthis (article|story|content|post) is (exclusive|only available|available only|reserved) (to|for) "
    r".{0,30}\b(subscribers|members)\b"
    r"|\bby (entering|providing|submitting) your (e-?mail|phone|information|details|contact)"
    r"|\b(and|you) agree to (our|the) (terms|privacy)|\bi agree (that|to) .{0,80}\b(contact|terms|privacy)"
    r"|\bjoin (the|our|my) facebook group\b|\bthank(s| you) for subscribing\b"
    # an offer told to the reader, as the line's first sentence or after one ("Shoppers can get up to…"
    # reports it)
    r"|(^|[.!?]\s?[^\w\s]{0,3}\s)(save|get|unlock|claim|enjoy) up to \d+ ?% off\b"
    r"|\bget updates from (this|the) (writer|author|creator)\b"
    # a pitch to hire the publisher, as the line's last sentence
    r"|(^|[.!?] )(talk|speak) (to|with) (our|one of our) ([\w&-]+ ){0,4}"
    r"(experts?|specialists?|advis[eo]rs?|consultants?|team)\W*$"
    # a sponsor's slot in a newsletter, headed "… (Sponsored)"
    r"|[(\[](sponsored|advertisement|paid (post|content)|partner content|anzeige|publicité|publicidad)"
    r"[)\]]\W*$",
)

# What sites put after the story, read from the last paragraph backwards (``tail_calls``): sign-up and
# follow prompts, support appeals, affiliate disclosures, tag lines, contact lines. In the body the same
# words can be the story's own ("the union urged members to sign up"), so only the closing run goes.
TAIL_CALL = LinePattern(
    r"(subscribe|sign up|sign me up|join now|register|log ?in)( now| today| for free| here)?\W*$"
    r"|(book|request|get|schedule|start)( a| your| my)? (free )?(demo|quote|trial|estimate)( today| now)?\W*$"
    r"|follow [^.]{1,40}$"
    # ... in its own voice ("We are reader-supported", "… on our site"), or in the line's opening words
    # ("Quayside News is reader-supported.", "The Gazette is a reader-supported, independent newsroom")
    r"|(?=.*\b(we|we're|our|us|my|me)\b).*\b(funded by (its |our )?readers|reader[- ]supported)\b"
    r"|[^.]{1,60} is (an? )?(proudly |fully |100% )?(reader[- ](supported|funded)|funded by (its )?readers)\b"
    r"|(book|reserve|schedule|request) (a|an|your) [^.]{1,40}$"
    # the newsroom's call for tips, under its stories
    r"|(share|tell us|send us) your (story|stories|tips?|experience)\W*$"
    # the paper's call for letters under its letters and columns
    r"|(e-?mail|send|write) (us )?your (letters?|views)\b[^.]{0,40}\b(to|at)\b"
    r"|write to (us|the editor|the letters editor)\b[^.]{0,40}\b(at|to)\b"
    r"|(?=.*\b(us|our|e-?mail|contact|get in touch|help you)\b)(do you have|got|have) (a|an) (news )?"
    r"(tip|story|issue|problem)\b[^.]{0,100}\?"
    r"|stay connected|share (this|the) (post|article|story|blog)"
    r"|if you (enjoyed|liked|found|loved) (this|my|our|the)\b"
    r"|(thanks|thank you) for (reading|visiting|stopping by)\b|enjoy(ed)? (this|the) (post|article)"
    r"|(tags|tagged|posted in|filed under|categories)\b"
    # the page's tags: short labels in a row, not a sentence on the topics of a debate ("Topics: the budget,
    # the bus station and the pool were raised…")
    r"|(topics|related topics|themen|schlagwörter|stichwörter|etiquetas|temas|mots[- ]clés|sujets)\s*:"
    r"(\s*[^\s,|·•;/]+( [^\s,|·•;/]+){0,3}(\s*[,|·•;/]\s*[^\s,|·•;/]+( [^\s,|·•;/]+){0,3})*)?\W*$"
    # a contact line of a guide's or a service page's foot, in the languages of its label
    r"|(e-?mail|phone|tel|telephone|fax|call us|contact|web ?site|kontakt|telefon|téléphone|tél|courriel"
    r"|site (web|internet)|contacto|teléfono|correo( electrónico)?|sitio web|contatti|telefono)"
    r"( number| us)?\.?\s*:"
    r"|unlock (this|the full) (article|story)"
    # "Ready to …?" alone, or followed by the call it leads to (not "Ready to see it? The show runs…")
    r"|ready to (get started|grow|start|begin|take|talk|see|try|learn|find|book|join|switch|scale)\b"
    r"[^.?]{0,80}\?(\W*$|.{0,80}\b(contact|call|book|sign up|get in touch|visit our|click|schedule|request)"
    r"|.{0,80}\b(today|now)!\W*$)"
    # who took the pictures: a short credit, not a sentence about photos ("Photos by … are on show")
    r"|(?!.{81})(?!.*\b(is|are|was|were|will|has|have)\b)((featured?|header|cover|top|hero|lead|title) )?"
    r"(image|photo|picture)s?( credits?)?\s*(by|via|courtesy|:)\s*\S"
    r"|(this|the) (article|post|content|information|site|page|material)\b.{0,40}for (general )?informational "
    r"purposes only"
    r"|(we|i|this (article|site|post|content|page)) (do|does) not (provide|give|offer) "
    r"(tax|legal|investment|financial)\b.{0,40}\badvice\b"
    r"|check out my ([\w-]+ ){0,4}(course|book|channel|podcast|shop|store|newsletter|program)\b"
    # the publisher selling its own space under the story or the issue
    r"|(advertise with us|sponsor (this|our) (newsletter|podcast|blog|site))\W*$"
    # a trademark notice on its own line ("X is a registered trademark of Y."), not a sentence going on
    r"|[^.,;]{1,60} (is|are) (a )?(registered )?trademarks? of [^.,;]{1,60}\.?$",
    # told to the reader (a sentence that starts with the verb, or "our"/"my" list), not reported in a story
    r"(^|[.!?] )(subscribe|sign up|join)\b.{0,60}\b(newsletters?|mailing list|inbox|updates|e-?mails?)\b"
    r"|\b(subscribe|sign up|join)\b.{0,20}\b(our|my)\b.{0,40}\b(newsletters?|mailing list|updates|blog)\b"
    r"|(delivered|sent|straight) (straight |directly )?to your (inbox|e-?mail)|\bin your inbox\b"
    r"|no credit card required"
    r"|(^|[.!?] )((be|make) sure to |please )?follow (us|me|along)\b|\bon google news\b"
    r"|\bfollow (us|me) on (facebook|twitter|x|instagram|tiktok|youtube|linkedin|pinterest|threads|bluesky"
    r"|mastodon|social)"
    r"|\b(stay connected|keep in touch|stay in touch) with (us|me)\b"
    r"|\bjoin (us|me|our|my) on\b|\bconnect with me\b"
    r"|\bshare (it|this) with (your )?friends\b"
    r"|\btell your friends\b"
    r"|\b(patreon|buy me a coffee|ko-fi)\b"
    # the site saying how it is paid for ("… is a reader-supported publication"), not a story's sentence about
    # another outlet's funding ("…, which has been reader-supported since 2019")
    r"|\bis an? (proudly |fully |100% )?(reader[- ]supported|reader[- ]funded) (publication|newsletter|site"
    r"|website|blog|podcast|magazine|outlet|newsroom)\b"
    # the copyright line of a page's foot, wherever it stands in the line ("… is reader-funded. © 2025 …",
    # "… copyright © 2002 by …"), not a sentence's "every print stamped © 1962 Clarion Newspapers"
    r"|(^\W*|[.!?|·•]\s+|copyright\s*)©\s*\d{4}\b"
    r"|\byour ([\w-]+ ){0,3}(donations?|contributions?)\b|\byour first (order|purchase|month|box|lesson)\b"
    r"|\bsupport (us|our|my) (work|journalism|mission|newsroom|site|blog|reporting)\b"
    # a nonprofit newsroom's appeal under its stories ("We rely on readers like you. Donate today")
    # (not "people like you and me", which are anyone, not the reader the appeal leans on)
    r"|\b(rely|relies|depend|depends) on (readers|listeners|supporters|members|donors|people) like you\b"
    r"(?!,? (and|or) (me|i|us)\b)"
    r"|(^|[.!?] )(donate|give)( now| today| here)?\W*$"
    r"|\b(contains?|uses?|includes?) affiliate links\b|affiliate links? (are|is) used|\baffiliate marketer\b"
    r"|\b(we|i) may (earn|receive|get) (a )?(small )?(commission|compensation)|earn from qualifying purchases"
    r"|\b(do not|don'?t) hesitate to (contact|reach out|get in touch|call)|\bfill out (the|this|our) form\b"
    # the publisher's invitation to buy its space, told to the reader ("Explore sponsorship opportunities…")
    r"|(^|[.!?] )(explore|view|see|discover|check out) (our )?(sponsorship|advertising)"
    r" (opportunities|options|packages|rates)\b"
    # told to the reader ("Submit the form…", "…, please submit a request"), not reported ("Residents can…")
    r"|(^|[.!?,] |\bplease )submit (an?|the|this|our|your) ([\w-]+ ){0,3}(form|request)\b"
    r"|not fdic insured|past performance (is|does) not"
    # the small print of a bank, a lender or an adviser under their posts
    r"|\bmember fdic\b|equal housing (lender|opportunity)"
    # the editors' note on when they last revised the piece (a correction is the story's record: it stays),
    # or on how they keep their pieces up to date
    r"|^(?!.*correct).*\b(we|i) (last )?(updated|revised|refreshed) this (article|post|page|guide|story"
    r"|review|list)\b"
    r"|\b(we|i) (regularly |continually |constantly |routinely )?(update|revise|refresh|review)"
    r" (our|these|this) (articles?|content|guides?|pages?|posts?)( when| as| regularly|\W*$)"
    # the page's feedback widget ("Was this article helpful?", "Did this guide help you?")
    r"|(was|is) (this|the) (article|page|post|guide|information|answer|content) (helpful|useful)\W*$"
    r"|did (this|the) (article|page|post|guide|answer) help( you)?\W*$"
    r"|\b(exclusive to|available (only )?to) .{0,30}\b(subscribers|members)\b"
    r"|abonnez-vous|inscrivez-vous|suivez-nous|folgen sie uns|abonnieren sie|suscríbete|síguenos|seguici"
    r"|iscriviti|siga-nos",
)


def _line_hit(pattern: LinePattern, low: str, line: str) -> bool:
    """``pattern`` finds its words in ``low`` (``line`` lower-cased), and ``line`` is not the story's
    sentence that says them."""
    at = pattern.find(low)
    return at >= 0 and not reads_as_story(line, at)


_CREDIT = re.compile(r"\W*(written|posted|published) by (.+)")


def _credits_author(low: str, authors: list[str]) -> bool:
    """``low`` credits a declared author ("Written by Jane Doe, who has covered the council since 2019."):
    the byline, however it reads on, not "Written by pupils, the play opens…"."""
    credit = _CREDIT.match(low)
    return credit is not None and _names_author_first(word_key(credit.group(2)), authors)


def _names_author_first(rest: str, authors: list[str]) -> bool:
    """``rest`` (a ``word_key``) starts with a declared author's name."""
    return any(key and rest.startswith(key) for key in map(word_key, authors))


def _is_sentence(line: str) -> bool:
    """Six words or more ending as a sentence does, or as one that announces a list (":")."""
    line = line.rstrip()
    return line.endswith((".", ":", "!", "?", "”", '"')) and len(line.split()) >= 6


# what a menu's labels are set apart with: bars, middle dots and bullets, or dashes (from three on, as
# a sentence has two dashes around an aside: "The vote - the third this year - was close")
_ROW_SEPARATORS = ((" | ", 2), (" · ", 2), (" • ", 2), (" - ", 3), (" – ", 3))


def _is_link_row(line: str) -> bool:
    """ "About us | Mission | Write for us", "HOME - NEWS - SPORTS - CLASSIFIED ADS": link labels in a row,
    not a sentence (table rows start "|")."""
    if line.startswith("|"):
        return False
    for separator, fewest in _ROW_SEPARATORS:
        if line.count(separator) >= fewest:
            if separator != " | " and (any(c.isdigit() for c in line) or any(c in line for c in ",:;")):
                # "1-2 Players • Ages 14+ • $59": a product's facts; "Rovers: Hale - Okoro, Patel - Brown": a
                # side's line-up under a match report; a menu's labels hold no numbers and no commas
                return False
            segments = map(str.strip, line.split(separator.strip()))
            return all(0 < len(seg.split()) <= 4 and not seg.endswith(".") for seg in segments)
    return False


def _is_author_bio(paragraph: str, authors: list[str]) -> bool:
    """ "Jane Doe is a staff writer who covers…", "Hi, I'm Jane Doe": the author's note about themself."""
    if len(paragraph) > 700:
        return False
    heading = re.match(rf"({AUTHOR_NOTE_HEADING})\b(?P<mark>\s*[:|–—-])?", paragraph, re.I)
    if heading:
        # not "About the author of the letter, police have said nothing."; the heading with its colon is
        # the bio's, whatever it reports ("About the author: … has reported on politics since 2010")
        return heading.group("mark") is not None or _REPORTED.search(paragraph.lower()) is None
    for name in authors:
        name = name.strip()
        if " " not in name:  # a one-word "author" is often the site or the company
            continue
        if paragraph.startswith(name) and re.match(
            re.escape(name) + r",? (is|was|has|holds|covers|writes|joined|\()", paragraph
        ):
            return True
        if re.match(r"(hi|hello),? i['’]?m " + re.escape(name), paragraph, re.I):
            return True
    return False


def _is_closing_bio(paragraph: str, authors: list[str]) -> bool:
    """The author's note under the story: an ``_is_author_bio``, or one that names the author by first
    name only ("Hi, I'm Philippa! I bake…", "Anneliese leads the platform team…"), as blogs and company
    blogs print it in the box under their posts. (Over the story, the same greeting opens the post.)"""
    if _is_author_bio(paragraph, authors):
        return True
    if len(paragraph) > 700:
        return False
    for name in authors:
        first = name.split()[0] if " " in name.strip() else ""
        if len(first) < 3 or not first[0].isupper():
            continue
        if re.match(r"(hi|hello|hey)( there)?,? i['’]?m " + re.escape(first) + r"\s*[!,.]", paragraph, re.I):
            return True
        if re.match(re.escape(first) + _FIRST_NAME_BIO, paragraph):
            return True
    return False


# what a note says of its author after the first name: a job, a past, a home
_FIRST_NAME_BIO = (
    r" (is an? |was an? |has (been|written|worked|covered|spent)|leads |heads |runs |writes |covers |joined "
    r"|works (as|at|for|on) |lives (in|with) )"
)


# The sections a press office prints under each of its releases for the journalists it sends them to:
# whom to call, the notes for editors. The sender's description of itself ("About Acme" over "Acme is…")
# is part of the release as wire services and news sites carry it, and stays.
_RELEASE_HEADING = re.compile(
    r"\W*((media|press|news)( and [a-z]+)? (contacts?|enquiries|inquiries|office|relations)"
    r"|notes? (to|for) (editors|journalists)|editors['’]? notes?"
    r"|for (further|more) information,? (please )?contact)\W*$",
    re.I,
)
_ABOUT_SENDER = re.compile(r"\W*about (?P<name>[^.:;!?]{2,60}?)\W*$", re.I)
_RELEASE_SECTION = 6  # lines under one such heading, at most


def _release_sections(paragraphs: list[str]) -> list[int]:
    """The lines of a press release's end sections for journalists (``_RELEASE_HEADING``, each with the
    lines under it down to the next such heading, to an "About X" section or to the end), read up from the
    end of the text; an "About X" section (over a line that opens with X's name) is passed over."""
    gone: list[int] = []
    if len(paragraphs) < 4:  # (as ``_tail_run``)
        return gone
    under = 0  # lines seen since the last section's heading
    for i in range(len(paragraphs) - 1, max(len(paragraphs) - 4 * _RELEASE_SECTION, 0) - 1, -1):
        line = paragraphs[i].strip()
        if 0 < under <= _RELEASE_SECTION and len(line) < 80:
            if _RELEASE_HEADING.match(line):
                gone.extend(range(i, i + under + 1))
                under = 0
                continue
            about = _ABOUT_SENDER.match(line)
            if about is not None and _names_sender(about.group("name"), paragraphs[i + 1]):
                under = 0
                continue
        under += 1
        if under > _RELEASE_SECTION or len(line) > 1000:
            break
    return sorted(gone)


def _names_sender(name: str, line: str) -> bool:
    """``line`` opens with ``name`` (a "The" before either aside), its longer words capitalised: "About the
    University of Caldermere" over "The University of Caldermere is…", not "About the study" over "The
    study followed…"."""
    name = re.sub(r"^the\s+", "", name.strip(), flags=re.I)
    line = re.sub(r"^\W*the\s+", "", line.strip(), flags=re.I)
    head = line[: len(name)]
    if not name or head.casefold() != name.casefold():
        return False
    return all(word[:1].isupper() for word in head.split() if len(word) >= 4)


def _tail_run(
    paragraphs: list[str], authors: list[str], calls: bool = True, bios: bool = True
) -> tuple[int, int, int]:
    """Where the closing run of calls, disclosures and author notes starts; how many calls and bios it has.

    Walks back from the last paragraph (at most ten) and stops at the first that is none of these; the
    short line right above the run goes with it ("Discover more from…", "About the author")."""
    n = len(paragraphs)
    cut, n_calls, n_bios = n, 0, 0
    if n < 4:  # a story this short has no furniture worth the risk
        return cut, n_calls, n_bios
    for i in range(n - 1, max(n - 11, 0), -1):
        line = paragraphs[i].strip().lstrip("-•*> ").strip()
        low = line.lower()
        # a date stamp under the story ("Updated October 17, 2025") closes it like the calls do, and so
        # does a rule drawn under it ("----------")
        stamp = not line or len(line) < 100 and DATE_STAMP(low)
        if calls and len(line) < 400 and (_line_hit(TAIL_CALL, low, line) or _is_link_row(line) or stamp):
            cut, n_calls = i, n_calls + 1
            continue
        if bios and _is_closing_bio(line, authors):
            cut, n_bios = i, n_bios + 1
            continue
        # a list item or table row is the end of the story's own list, not the heading of the box below it
        raw = paragraphs[i].lstrip()
        if cut == i + 1 < n and len(line) < 60 and not line.endswith(".") and raw[:1] not in "-•*|":
            cut = i
        break
    return cut, n_calls, n_bios


_WRITER = re.compile(
    r"\W+(is|was) (an? |the )?([\w-]+ ){0,4}(writer|editor|reporter|journalist|contributor|correspondent"
    r"|columnist|critic|author|blogger)\b"
)


def _is_lead_bio(paragraph: str, authors: list[str]) -> bool:
    """ "Jane Doe is a staff writer who…" above the story: a declared author (two words or more) said to
    be a writer or an editor, or introducing themself ("Hi, I'm Jane Doe")."""
    if not _is_author_bio(paragraph, authors):
        return False
    low = paragraph.lower()
    return re.match(r"(hi|hello)\b", low) is not None or any(
        " " in name.strip()
        and paragraph.startswith(name.strip())
        and _WRITER.match(low, len(name.strip())) is not None
        for name in authors
    )


_BYLINE = re.compile(r"^(by|par|von|por|di|door|af|av)\s+(\S.{0,100})$", re.I)


_NAMES = re.compile(r"([A-Z][\w.'’-]*\s*){1,4}((,|and|&)\s*([A-Z][\w.'’-]*\s*){1,4})*")


_JOB_LINE = re.compile(
    r"[\w .'’&-]{0,40}\b(staff( writer| reporter| correspondent)?|correspondent|reporter|writer|editor"
    r"|columnist|contributor|photographer)s?$",
    re.I,
)


_NAME_DATE_SEPARATOR = re.compile(r"\s+[·|•–—]\s+")


def _name_and_date(line: str, names: set[str]) -> bool:
    """``line`` is one of the authors' names, a separator and a date stamp: "Jane Doe · 13 March 2026"."""
    if len(line) > 80:
        return False
    parts = _NAME_DATE_SEPARATOR.split(line.strip(), maxsplit=1)
    return len(parts) == 2 and word_key(parts[0]) in names and DATE_STAMP(parts[1].lower())


def _is_byline(paragraph: str, authors: list[str]) -> bool:
    """ "By Jane Doe", "By Jane Doe and John Roe, Staff Writers": the byline trafilatura keeps as text."""
    match = _BYLINE.match(paragraph.strip())
    if not match:
        return False
    rest = word_key(match.group(2))
    if authors:
        if _names_author_first(rest, authors):
            return True
        # the name further on: "By Staff Writer Jane Doe", not "By the time Jane Doe arrived, the fire…"
        names = [key for key in map(word_key, authors) if key]
        return any(key in rest for key in names) and not reads_as_story(paragraph)
    # no declared author: a short run of capitalised names only
    return _NAMES.fullmatch(match.group(2)) is not None


_MONTH = (
    r"(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?"
    r"|nov(ember)?|dec(ember)?|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre"
    r"|novembre|décembre|januar|februar|märz|juni|juli|oktober|dezember|enero|febrero|marzo|abril|mayo"
    r"|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)\.?"
)
_DATE = (
    rf"({_MONTH}\s+\d{{1,2}}(st|nd|rd|th)?,?(\s+\d{{4}})?|\d{{1,2}}(st|nd|rd|th|\.)?\s+{_MONTH},?(\s+\d{{4}})?"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})"
)
_STAMP_WORD = (
    r"(((page|article) )?(last )?(updated|modified|reviewed|published|posted|date|aktualisiert|veröffentlicht"
    r"|publié|mis à jour|publicado|actualizado)"
    # a health page's schedule under its review date ("Next review due: 22 January 2029")
    r"|next review( due| date)?)"
)
# the day's name before the date ("Monday, March 3, 2008") and the time's zone after it ("14:32 GMT"), as
# papers and blog templates of the 2000s print the date over their stories
_WEEKDAY = rf"({WEEKDAYS},?\s+)"
_ZONE = r"(\s*(gmt|utc|bst|cet|cest|[ecmp][sd]t))?"
# The page's own date stamps and counters at the top of the text: "Last updated: 3 May 2025",
# "Updated 3 hours ago", "Jan 23", "3 min read", "1,204 views" (the date is kept as metadata, not as a
# paragraph)
DATE_STAMP = LinePattern(
    rf"\W*({_STAMP_WORD}( on| at| am| le| el)?\s*:?\s*)?{_WEEKDAY}?{_DATE}"
    rf"(\s*,?\s*(at\s*)?\d{{1,2}}:\d{{2}}\s*(am|pm)?{_ZONE})?\W*$"
    rf"|\W*{_STAMP_WORD}( on)?\s*:?\s*$"
    rf"|\W*({_STAMP_WORD}\s*:?\s*)?(\d+|an?|one) (min(ute)?s?|hours?|hrs?|days?|weeks?|months?) ago\W*$"
    r"|\W*\d+\s*(min(ute)?s?\.?|minutes?)\s*(read|reading)\W*$|\W*(estimated )?reading time\W*$"
    r"|\W*[\d,.]+[km]?\s+views\W*$"
)


# a line of the story that holds a date: a sentence (its end) or an entry of a timeline or a schedule (the
# date, a colon, then what happened: "March 4, 2026: Road closed")
_DATED_STORY_LINE = re.compile(r"[.!?…][\"'”’)\]]*$|\d\s*[:：]\s*[^\W\d_]")


_ENTRY_DASH = re.compile(r"\s[–—-]\s")


def _timeline_entry(para: str, line: str) -> bool:
    """An item of a list that gives a date, a dash and what happened then ("- March 4, 2026 – Road
    closed"), not a date and another date or a reading time ("– Updated March 5, 2026", "– 5 min read")."""
    if para.lstrip()[:1] not in "-•*":
        return False
    parts = _ENTRY_DASH.split(line, maxsplit=1)
    return (
        len(parts) == 2
        and printed_date(parts[0]) is not None
        and printed_date(parts[1]) is None
        and not DATE_STAMP(parts[1].lower())
    )


# a day in a story record's date row ("3 May 2025", "2025-05-03"), not a month ("March 2025")
_INFO_DAY = re.compile(rf"(?<!\w){_DATE}(?!\d)", re.I)


_CRUMB_SEPARATOR = re.compile(r" [>›»] ")
# the first step of a trail written with slashes ("Home / News / Local"): a slash alone also stands between
# the story's own words ("and / or", "Jan / Feb / Mar")
_CRUMB_HOME = re.compile(r"(home|startseite|accueil|inicio|portada|home ?page)$", re.I)


def _is_crumbs(line: str, two_steps: bool = True) -> bool:
    """ "Home > Guides > Moving", "Home › News", "Home / News / Local": the breadcrumb trail over the
    headline; with ``two_steps``, "Section > Town" too."""
    segments = _CRUMB_SEPARATOR.split(line)
    if len(segments) == 2 and all(0 < len(seg.split()) <= 5 for seg in segments):
        # "Vie locale > Saint-Aubin": a section and its town, two steps; a sentence has more words, or ends
        return two_steps and not line.rstrip().endswith((".", "!", "?", ":"))
    if len(segments) < 3:
        # a slash also separates a story's words ("Home / News / Local is how the old site listed it.")
        segments = line.split(" / ")
        if not _CRUMB_HOME.match(segments[0].strip()) or is_sentence(line):
            return False
    return len(segments) >= 3 and all(0 < len(seg.split()) <= 12 for seg in segments)


def _is_related_label(line: str) -> bool:
    return len(line.split()) <= 4 and not line.endswith(".") and RELATED_HEADING.match(line) is not None


# A picture's credit left on a line of its own when trafilatura reads the caption box: "Credit: Jane Doe",
# "Photo: Shutterstock", "Image courtesy of the Harbour Trust", "Jane Doe/AFP via Getty Images"
_CREDIT_LINE = re.compile(
    r"\W*(?:(?:(?:featured?|header|cover|top|hero|lead|main|title) )?(?:image|photo|picture|illustration)s?"
    r"(?: credits?)?|credits?)\s*(?::|\bby\b|\bvia\b|\bcourtesy(?: of)?\b|\bprovided by\b"
    r"|\bused under licen[cs]e from\b)(?P<who>.{0,80}?)[\s.|]*$"
    r"|(?P<agent>.{1,60}?)\s*(?:\bvia\b|/)\s*(?:getty images|shutterstock|istock(?:photo)?|alamy|unsplash"
    r"|pexels|reuters|afp|ap photo)[\s.|]*$",
    re.I,
)
# what may stand lower-case in a credit's name ("courtesy of the Harbour Trust", "Jane Doe for Wendle News")
_CREDIT_SMALL = frozenset({"of", "the", "and", "for", "via", "by", "from", "de", "da", "van", "von", "&"})


def _is_credit_line(line: str) -> bool:
    """The whole line credits a picture to a name, an agency or a library: not a caption that says what the
    picture shows ("Photo: protesters outside the town hall"), whose words are not a name's."""
    if len(line) > 140:
        return False
    found = _CREDIT_LINE.match(line)
    if found is None:
        return False
    who = (found.group("who") if found.group("who") is not None else found.group("agent")).strip(" :©")
    words = who.replace("/", " ").split()
    return (
        len(words) <= 8
        and all(w in _CREDIT_SMALL or not w[0].islower() for w in words)
        and not reads_as_story(line)
    )


# a longer copy goes in several runs of this length: the cap bounds the work of a line repeated many times
_MAX_RUN = 200


def _repeated_runs(paragraphs: list[str], min_run: int = 4, min_chars: int = 400) -> set[int]:
    """Indices of paragraphs that repeat, in the same order, a run of earlier paragraphs (at least
    ``min_run`` of them, ``min_chars`` long, not list items only): the page's second copy of the story
    (a mobile and a desktop layout, a print version) that trafilatura reads as more text. The first copy
    stays; lines that recur on their own or in short runs (a table's header row, the same pros under two
    products, a plan's legend) are the story's and stay too."""
    first: dict[str, int] = {}
    drop: set[int] = set()
    n = len(paragraphs)
    i = 0
    while i < n:
        # runs start at a line that is not a list item: a run of list items only is never dropped, and
        # trying one at every row of a long list ("- Yes" 20,000 times) compared each row with all the
        # rows before it
        if paragraphs[i].lstrip()[:1] in "-•*":
            i += 1
            continue
        j = first.get(paragraphs[i])
        if j is not None:
            k = 0
            while k < _MAX_RUN and i + k < n and j + k < i and paragraphs[j + k] == paragraphs[i + k]:
                k += 1
            run = paragraphs[i : i + k]
            if (
                k >= min_run
                and sum(map(len, run)) >= min_chars
                and not all(p.lstrip()[:1] in "-•*" for p in run)
            ):
                drop.update(range(i, i + k))
                i += k
                continue
        first.setdefault(paragraphs[i], i)
        i += 1
    return drop


# the names ``text_rules`` answers to, in the order it applies them
TEXT_RULES = (
    "repeated_runs",
    "title_repeat",
    "byline_repeat",
    "author_bio",
    "headline_repeat",
    "boilerplate_lines",
    "chrome_lines",
    "credit_lines",
    "date_stamps",
    "teaser_lines",
    "call_lines",
    "tail_calls",
)


_GET_STARTED = re.compile(r"get started\W*$", re.I)


def _guide_subhead(lines: list[str], i: int) -> bool:
    """Line ``i`` is a guide's sub-heading made of a button's words ("Get started" bare) between the story's
    sentences, over one that tells the steps (not a pitch in the site's voice, nor another call)."""
    if not (0 < i < len(lines) - 1 and _GET_STARTED.match(lines[i].strip())):
        return False
    after = lines[i + 1].strip()
    return (
        _is_sentence(lines[i - 1])
        and _is_sentence(after)
        and FIRST_PERSON.search(after) is None
        and CALL_LINE.find(after.lower()) < 0
    )


def text_rules(
    paragraphs: list[str],
    title: str | None,
    headlines: set[str],
    enabled: set[str] | None = None,
    authors: list[str] | None = None,
) -> tuple[list[str], dict[str, int]]:
    """Paragraph filters on trafilatura's output (one paragraph per line)."""
    fired: dict[str, int] = {}

    def on(name: str) -> bool:
        return enabled is None or name in enabled

    def bump(name: str, lines: int = 1) -> None:
        fired[name] = fired.get(name, 0) + lines

    out = list(paragraphs)
    if on("repeated_runs") and len(out) >= 6:
        repeated = _repeated_runs(out)
        if repeated:
            out = [p for i, p in enumerate(out) if i not in repeated]
            fired["repeated_runs"] = len(repeated)
    if on("title_repeat") and title and out:
        norm_title = word_key(title)
        for i in range(min(3, len(out))):
            if word_key(out[i]) == norm_title and norm_title:
                # and the kicker over it, a label of three words at most ("Explainer", "Analysis", "Local
                # news"); a sentence there stays, and so does a label in the site's own voice ("Our
                # Services"): a pitch, which the page-type model reads
                kicker = all(
                    len(p.split()) <= 3
                    and not p.rstrip().endswith(_SENTENCE_ENDINGS)
                    and FIRST_PERSON.search(p) is None
                    for p in out[:i]
                )
                first = 0 if kicker else i
                del out[first : i + 1]
                bump("title_repeat", i + 1 - first)
                break
    if on("byline_repeat"):
        for i in range(min(4, len(out))):
            if len(out[i]) <= 150 and _is_byline(out[i], authors or []):
                del out[i]
                bump("byline_repeat")
                # the byline's second line, the writer's job ("Gazette Staff Writer", "Staff correspondent")
                if i < len(out) and len(out[i].split()) <= 6 and _JOB_LINE.match(out[i].strip()):
                    del out[i]
                    bump("byline_repeat")
                break
        # the author's name alone on a line, over the story or signing it off: the byline without "By"
        names = {word_key(name) for name in authors or () if " " in name.strip()}
        if names and len(out) >= 4:
            ends = [*range(min(4, len(out))), *range(max(4, len(out) - 3), len(out))]
            alone = [i for i in ends if len(out[i]) <= 60 and word_key(out[i]) in names]
            # over the story, the name and the date the page prints beside it ("Jane Doe · 13 March 2026")
            alone += [i for i in range(min(4, len(out))) if i not in alone and _name_and_date(out[i], names)]
            for i in reversed(alone):
                del out[i]
                bump("byline_repeat")
    if on("author_bio") and authors:
        # the author's note can stand above the story too, where only a writer's description is taken
        for i in range(min(2, len(out))):
            if len(out[i]) <= 500 and _is_lead_bio(out[i], authors):
                del out[i]
                bump("author_bio")
                break
    # a paragraph that repeats another page's link text is that page's headline, unless it heads a
    # section of this story (a table of contents links to the headings the text goes on to explain):
    # it goes only when what follows is another such headline, a short line that is not an item of
    # a list (a product's name links to its page, over the list of its specs), or nothing
    is_headline = [
        bool(headlines)
        and on("headline_repeat")
        and 3 <= len(p.split()) <= 25
        and word_key(p.strip().lstrip("-•*> ")) in headlines
        for p in out
    ]
    boiler_on, chrome_on, credits_on, teaser_on, call_on, stamps_on = map(
        on, ("boilerplate_lines", "chrome_lines", "credit_lines", "teaser_lines", "call_lines", "date_stamps")
    )
    kept: list[str] = []
    for i, para in enumerate(out):
        stripped = para.strip().lstrip("-•*> ").strip()
        # longer than any line these rules look at (but a disclosure, which runs on)
        disclosure = (
            chrome_on
            and len(stripped) < 600
            and DISCLOSURE_LEAD.match(stripped) is not None
            and DISCLOSURE_WORD.search(stripped) is not None
        )
        if len(stripped) >= 300 and not is_headline[i] and not disclosure:
            kept.append(para)
            continue
        low = stripped.lower()
        if boiler_on and len(stripped) < 300 and _boilerplate_low(low, stripped):
            bump("boilerplate_lines")
            continue
        chrome = CHROME_LINE.find(low) if chrome_on and len(stripped) < 200 else -1
        if (
            disclosure
            or chrome >= 0
            and (not reads_as_story(stripped, chrome) or _credits_author(low, authors or []))
            # a row of link labels over the story ("Home | News | Sport"): the site's menu (a row with a
            # number in it is a byline's: "Jane Doe | Senior Writer | July 2, 2025"); after a sentence (the
            # lead, or one that announces it: "Rovers started with:") the row is the story's own
            or chrome_on
            and i < 6
            and _is_link_row(stripped)
            and not any(c.isdigit() for c in stripped)
            and not any(_is_sentence(p) for p in out[:i])
        ):
            bump("chrome_lines")
            continue
        if credits_on and _is_credit_line(stripped):
            bump("credit_lines")
            continue
        # a two-step trail stands over the story, not as an item of a list nor under the lead: "Open
        # Settings > Privacy" is a guide's step
        if (
            stamps_on
            and i < 6
            and len(stripped) < 100
            and (
                DATE_STAMP(low)
                # a date line in any language the metadata reads ("1º de junho de 2026 às 08h30 · Atualizado
                # há 2 horas", "2026年11月5日 18時30分") over the story, not the story's "Effective 6/2/2025:"
                # over a list, its short sentence ("Polls close May 7, 2026.") or a timeline's entry ("May 4,
                # 2026: Road closed"), nor a line in a short story's text, under more than its standfirst
                # ("Tickets on sale 1 April 2026")
                or (
                    not stripped.endswith((":", "："))
                    and sum(map(_is_sentence, out[:i])) < 2
                    and not _DATED_STORY_LINE.search(stripped)
                    and not _timeline_entry(para, stripped)
                    and printed_date(stripped) is not None
                )
                or _is_crumbs(
                    stripped,
                    two_steps=para.lstrip()[:1] not in "-•*" and not any(_is_sentence(p) for p in out[:i]),
                )
            )
        ):
            bump("date_stamps")
            continue
        if teaser_on and len(stripped) < 250 and _is_teaser(stripped):
            bump("teaser_lines")
            continue
        # a "Related articles" / "More from…" heading left on its own line (what it headed went as links)
        if teaser_on and len(stripped) < 60 and _is_related_label(stripped):
            bump("teaser_lines")
            continue
        if is_headline[i] and (
            i + 1 == len(out)
            or is_headline[i + 1]
            or len(out[i + 1]) < 80
            and not out[i + 1].startswith("- ")
        ):
            bump("headline_repeat")
            continue
        if (
            call_on
            and len(stripped) < 200
            and _line_hit(CALL_LINE, low, stripped)
            and not _guide_subhead(out, i)
        ):
            bump("call_lines")
            continue
        kept.append(para)
    if on("tail_calls"):
        gone = set(_release_sections(kept))
        if gone:
            kept = [p for i, p in enumerate(kept) if i not in gone]
            bump("tail_calls", len(gone))
    if on("tail_calls") or on("author_bio"):
        cut, calls, bios = _tail_run(kept, authors or [], on("tail_calls"), on("author_bio"))
        for name, count in (("tail_calls", calls), ("author_bio", bios)):
            if count:
                fired[name] = fired.get(name, 0) + count
        del kept[cut:]
    return kept, fired


def other_headlines(tree: HtmlElement, url: str) -> set[str]:
    """Normalised anchor texts of links to other pages of the same site that look like headlines.

    Links to other sites are left out: on a page that lists places or products, the link to each
    one's own site is the list entry itself, not a teaser for another story."""
    found: set[str] = set()
    parts = urlsplit(url)
    path = parts.path.rstrip("/")
    host = parts.netloc.lower().removeprefix("www.")
    own_query = parse_qs(parts.query)
    for a in tree.iter("a"):
        href = a.get("href") or ""
        if not href or href.startswith(("#", "javascript:", "mailto:", "tel:")):
            continue
        words = a.text_content().split()
        if not 4 <= len(words) <= 25:
            continue
        netloc, target_path = _link_target(url, href)
        if host and netloc and netloc.lower().removeprefix("www.") != host:
            continue
        if target_path.rstrip("/") == path:
            # "article.php?id=2201" from "article.php?id=2214": where the page's address names its story by a
            # query, another value of one of its keys is another story; elsewhere a link to the page itself (a
            # share, a reply, "?page=2" from the feed's "?utm_source=rss")
            query = parse_qs(href.split("#", 1)[0].partition("?")[2])
            if not any(query[key] != values for key, values in own_query.items() if key in query):
                continue
        found.add(word_key(" ".join(words)))
    return found
