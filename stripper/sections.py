"""Section-level heuristics: runs of lines that are boilerplate as a block (a comment section).

Registered into heuristics.HEURISTICS on import, after the line-level ones.

Extractors run with comments on (trafilatura's default) append the reader comments after
the article, usually behind a header such as "37 comments" or "{ 14 comments… read them
below or add one }". Line rules cannot see that everything after such a header is
comments; a section heuristic can. It is conservative: the header must be short, there
must be an article before it, and a header without a count needs comment-like lines after it.
"""
from __future__ import annotations

from typing import Iterator

import regex

from .heuristics import View, heuristic
from .lines import words

_WORD_NUM = r"(?:one|two|three|four|five|six|seven|eight|nine|ten)"
# Words that name comments and nothing else ...
_COMMENTS = (r"(?:comments?|replies|kommentare?|commentaires?|comentarios?|"
             r"comentários?|commenti|reacties|комментари[йиея]|komentarz[ey]?|komentáře|komentářů|"
             r"yorum(?:lar)?|komentar(?:a|i|e|ov)?|komentár(?:a|e|ov)?|коментар(?:а|и|і|ів)|comentaris?|"
             r"kommentarer|kommentit|hozzászólás(?:ok)?|σχόλια|תגובות|نظر(?:ات)?|"
             r"bình\s+luận|ý\s+kiến|diskuse|تعليقات|التعليقات|تعليقات\s+القراء)")
# ... and words a subheading uses too ("Three reactions", "Five thoughts on Arsenal's win"):
# WordPress prints them with the post title in quotes ("3 thoughts on “Title”").
_SOFT = r"(?:responses?|reactions?|thoughts?)"
_QUOTED_TAIL = r"\s+(?:to|on)\s*[“\"‘'«„].*"
# A header that states a count: strong evidence on its own. A number in words or a bare "no"
# also opens a speaker's answer ("No comment.", "One thought: the tax is regressive."), so
# only digits may run on after a colon or a full stop.
_COUNTED = regex.compile(
    rf"""^[\[{{(]?\s*(?:
        \d{{1,6}}\s+{_COMMENTS}(?:\s+(?:so\s+far|to|on)\b.*)?     # 37 comments / 12 comments on this story
      | \d{{1,6}}\s+{_SOFT}(?:{_QUOTED_TAIL})?                    # 19 Responses to “…”
      | {_WORD_NUM}\s+{_SOFT}{_QUOTED_TAIL}                       # One thought on “…”
      | {_WORD_NUM}\s+{_COMMENTS}(?:\s+so\s+far|{_QUOTED_TAIL})?   # One comment / Two comments so far
      | no\s+(?:comments|replies|responses)(?:\s+yet|{_QUOTED_TAIL})?  # No comments yet
      | {_COMMENTS}\s*[(\[]\s*\d{{1,6}}\s*[)\]]                   # Comments (3)
      | reader\s+comments?\s*[(\[]?\s*\d{{0,6}}\s*[)\]]?          # Reader Comments (3)
      | \d{{1,6}}\s+posts
      | \d{{1,6}}\s+{_COMMENTS}\s*[…:.]+.*                        # 2 comments… read them below
      | (?:留言列表|留言|评论|評論|回应|回應|网友评论|網友評論|コメント|댓글)\s*[(（\[]?\s*\d{{1,6}}\s*[)）\]]?  # 留言列表 (42)
    )\s*[\]}})]?\s*:?$""",
    regex.IGNORECASE | regex.VERBOSE,
)
# A bare header: needs comment-like lines after it.
_BARE = regex.compile(
    r"""^(?:comments?|reader\s+comments|user\s+comments|discussion|responses|
        leave\s+a\s+(?:reply|comment)|post\s+a\s+comment|add\s+(?:a\s+|your\s+)?comment|
        join\s+the\s+(?:discussion|conversation)|what\s+(?:say\s+you|do\s+you\s+think))\s*[?:.!]?$""",
    regex.IGNORECASE | regex.VERBOSE,
)
# The same in other languages. "Réactions" or "Reacties" also head a section of quotes in a
# news story, so these need two short marker lines below them, wherever they stand.
_BARE_OTHER = regex.compile(
    r"""^(?:kommentare|kommentieren|commentaires|commenter|réagir|réactions|comentarios|comentar|comenta|
        deja\s+(?:tu|un)\s+comentario|commenti|commenta|lascia\s+un\s+commento|comentários|comente|
        deixe\s+(?:seu|um)\s+comentário|reacties|reageer|reageren|
        комментарии|комментарии\s+читателей|komentarze|komentar|yorumlar|komentáře|diskuse|
        diskusia|diskusija|дискусија|komentari|komentáre|коментари|коментарі|comentaris|kommentarer|
        kommentit|hozzászólások|σχόλια|תגובות|نظرات|
        bình\s+luận|ý\s+kiến|التعليقات|تعليقات\s+القراء|
        留言|评论|評論|网友评论|網友評論|コメント|댓글)\s*[?:.!：]?$""",
    regex.IGNORECASE | regex.VERBOSE,
)
# Lines that mark individual comments: "X says:", "Reply", time stamps, Slashdot scores.
_MARKER = regex.compile(
    r"""(?:\bsays?:?$|\bwrote:?$|^reply$|^(?:reply|report|flag)(?:\s+\w+)?$|\(score:\s*-?\d
       |\b\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\b|\b\d+\s+(?:minutes?|hours?|days?|weeks?|months?|years?)\s+ago\b
       |^posted\s+(?:by|on)\b|^\#$|^\d+\s+(?:likes?|points?)$
       # the same time stamps and reply links in es, fr, de, it, pt, nl
       |^hace\s+(?:\d+|una?|unos)\s+(?:segundos?|minutos?|horas?|días?|semanas?|mes(?:es)?|años?)$
       |^il\s+y\s+a\s+(?:\d+|une?)\s+(?:secondes?|minutes?|heures?|jours?|semaines?|mois|ans?)$
       |^vor\s+(?:\d+|einer?|einem)\s+(?:sekunden?|minuten?|stunden?|tag(?:en)?|wochen?|monat(?:en)?|jahr(?:en)?)$
       |^(?:\d+|un(?:a|o|['’])?)\s*(?:minut[oi]|or[ae]|giorn[oi]|settiman[ae]|mes[ei]|ann[oi])\s+fa$
       |^há\s+(?:\d+|uma?)\s+(?:minutos?|horas?|dias?|semanas?|mes(?:es)?|anos?)$
       |^\d+\s+(?:minuten|minuut|uur|dagen|dag|weken|week|maanden|maand|jaar)\s+geleden$
       |^(?:\d+|одну|один)\s+(?:минут[уы]?|час(?:а|ов)?|дн(?:я|ей)|день)\s+назад$
       |^(?:\d+|godzinę|minutę)\s+(?:minut[ay]?|godzin[ay]?|dni|dzień)\s+temu$
       |^(?:responder|répondre|antworten|rispondi|beantwoorden|reageer|ответить|odpowiedz|balas|yanıtla
          |odpovědět|trả\s+lời|رد|답글)$
       # cs, vi, ar: "před 2 hodinami", "2 giờ trước", "منذ ساعتين"
       |^před\s+(?:\d+|minutou|hodinou|dnem)\s*(?:minutami|hodinami|dny)?$
       |^\d+\s+(?:phút|giờ|ngày|tuần|tháng|năm)\s+trước$
       |^منذ\s+\S+(?:\s+\S+)?$
       |\b(?:escribió|a\s+écrit|schrieb|scrive|ha\s+scritto|escreveu|schreef)\s*:$)""",
    regex.IGNORECASE | regex.VERBOSE,
)
MIN_ARTICLE_WORDS = 60
MARKERS_NEEDED = 2
# A marker under a foreign bare header must be a line of its own ("Hace 2 horas", "Marie a
# écrit :"), not a sentence that quotes someone or gives the time of a vote.
MARKER_MAX_WORDS = 8


def _policy_below(view: View, k: int) -> bool:
    """A bare header with a commenting policy under it ("Kommentare" / "Bitte beachten Sie
    unsere Netiquette ...", "コメント" / "※コメントは個人の見解であり ...") heads the comments as
    surely as a count does; the extractor may have dropped the time stamps and reply links."""
    for j in (k + 1, k + 2):
        d = view.decision(j) if j < len(view) else None
        if d is not None and d.from_rule and d.category == "comment_notice" and len(view.text(j)) >= 20:
            return True
    return False


@heuristic("COM101", "comment_notice", "reader comment section after the article (header and everything below)")
def comment_section(view: View) -> Iterator[int]:
    n = len(view)
    for k in range(1, n):
        text = view.text(k)
        if len(text) > 90 or len(words(text)) > 14:
            continue
        counted = bool(_COUNTED.match(text))
        english = not counted and bool(_BARE.match(text))
        if not counted and not english and not _BARE_OTHER.match(text):
            continue
        if view.words_before(k) < MIN_ARTICLE_WORDS:
            continue
        if not counted and not _policy_below(view, k):
            tail = [view.text(j) for j in range(k + 1, min(n, k + 60))]
            if not english:
                tail = [t for t in tail if len(words(t)) <= MARKER_MAX_WORDS]
            needed = 1 if english and k >= 0.6 * n else MARKERS_NEEDED
            if sum(1 for t in tail if _MARKER.search(t)) < needed:
                continue
        yield from (j for j in range(k, n) if view.free(j))
        return


# A comment thread with no header: commenters shown as "Anonymous", "Guest"... The
# placeholder must repeat; distinct names alone look like speaker labels in a transcript,
# and a transcript is article text.
_PLACEHOLDER = regex.compile(
    r"^(?:anonymous(?:\s+(?:coward|user|reader|commenter|poster))?|anon|guest|gast|anonym|anonyme|"
    r"anónimo|anonimo|anônimo|visitor|besucher|invité|invitado|unregistered(?:\s+user)?)$",
    regex.IGNORECASE,
)
PLACEHOLDERS_NEEDED = 3


@heuristic("COM102", "comment_notice", "reader comments without a header: a placeholder commenter name repeats")
def anonymous_thread(view: View) -> Iterator[int]:
    n = len(view)
    hits = [k for k in range(n // 2, n) if _PLACEHOLDER.match(view.text(k))]
    if len(hits) < PLACEHOLDERS_NEEDED or view.words_before(hits[0]) < MIN_ARTICLE_WORDS:
        return
    yield from (j for j in range(hits[0], n) if view.free(j))


# A thread without a header, each comment signed with its author and a full date and time:
# "Posted by: Jane | October 30, 2012 at 08:58 AM" below the text (TypePad, Movable Type),
# "Kovács J. – 2025. 06. 05. 11:17" above it, or the name on one line and "Thu, 22/05/2025 -
# 12:40" on the next (Drupal). A blog's own post footer has the first shape, and a live blog
# stamps its entries, so it takes three signatures, two names or more, a full date in each
# (live blogs print the time alone), and short gaps between them: posts on a front page are
# long, comments a few lines each. Text signed below stays for the first comment: nothing
# tells it from the article.
_DATE = (r"(?:\d{1,4}\s?[./-]\s?\d{1,2}\s?[./-]\s?\d{2,4}\.?"
         r"|\d{1,2}\.?\s+\p{L}{3,12}\.?,?\s+\d{4}|\p{L}{3,12}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})")
_TIME = r"\d{1,2}:\d{2}(?:\s*[ap]\.?\s?m\.?)?"
_STAMP = (rf"(?:\p{{L}}{{2,10}}\.?,?\s+)?(?:{_DATE}\s*(?:,|\||-|–|—|at|um|à|a\s+las|alle|às|kl\.?|klo|o|в)?\s*{_TIME}"
          rf"|{_TIME}\s*(?:,|\||-|–|—)?\s*{_DATE})")
_SIGNED_BELOW = regex.compile(
    rf"^posted\s+by\s*:?\s+(?P<name>[^|]{{1,60}}?)\s*(?:\||\bat\b|\bon\b|,)\s*(?:on\s+)?{_STAMP}"
    r"(?:\s*\|.{0,30})?$", regex.IGNORECASE)
_SIGNED_ABOVE = regex.compile(
    rf"^(?P<name>[^\s|–—:,.][^|–—:]{{0,38}}?)\s*(?:[–—|,]|\s-\s)\s*{_STAMP}$", regex.IGNORECASE)
_BARE_STAMP = regex.compile(rf"^{_STAMP}$", regex.IGNORECASE)
_SENTENCE_END = regex.compile(r"(?:[!?…:;]|(?<!\b\p{L})\.)$")  # "Maria K." is a name
SIGNATURES_NEEDED = 3
MAX_SIGNATURE_GAP = 6
MAX_NAME_WORDS = 5


def _signature(view: View, k: int) -> tuple[int, str] | None:
    """(first line of the signature, author) when line k signs a comment."""
    text = view.text(k)
    if len(text) > 120 or ":" not in text:  # every signature gives a time
        return None
    if _BARE_STAMP.match(text):  # "Thu, 22/05/2025 - 12:40": the name is the line above
        name = view.text(k - 1) if k else ""
        # three words at most: a live blog's entry headline above its time stamp is longer
        if 0 < len(name) <= 40 and len(name.split()) <= 3 and not _SENTENCE_END.search(name):
            return (k - 1, name.casefold())
        return None
    m = _SIGNED_BELOW.match(text) or _SIGNED_ABOVE.match(text)
    if m:
        name = m.group("name")
        return None if len(name.split()) > MAX_NAME_WORDS else (k, name.casefold())
    return None


@heuristic("COM103", "comment_notice", "reader comments without a header, each signed with a name and a full date and time")
def signed_thread(view: View) -> Iterator[int]:
    n = len(view)
    hits = [sig for k in range(n) if (sig := _signature(view, k)) is not None]
    if len(hits) < SIGNATURES_NEEDED:
        return
    gaps = sorted(b[0] - a[0] for a, b in zip(hits, hits[1:]))
    if len({name for _, name in hits}) < 2 or gaps[len(gaps) // 2] > MAX_SIGNATURE_GAP:
        return
    first = hits[0][0]
    if view.words_before(first) < MIN_ARTICLE_WORDS:
        return
    yield from (j for j in range(first, n) if view.free(j))


# A thread without a header whose comments end in their action links, with or without the
# like count: "Reageer 12 likes", "Like · Reply · 3h", "赞 56 回复", "Beğen (15) Yanıtla".
# As with signed threads, the text above the first action line stays: nothing tells the
# first comment from the article's last paragraph. A forum thread is content, not comments:
# where a forum header was found, replies are the page's text.
_REPLY = (r"reply|respond|antworten|répondre|responder|rispondi|reageer|reageren|odpowiedz|"
          r"yanıtla|cevapla|ответить|відповісти|odpovědět|svara|svar|vastaa|válasz|balas|"
          r"回复|回覆|返信|답글|رد")
_LIKE = (r"likes?|gefällt\s+mir|j['’]aime|me\s+gusta|mi\s+piace|curtir|vind\s+ik\s+leuk|beğen|"
         r"нравится|подобається|lubię\s+to|to\s+se\s+mi\s+líbí|gilla|tykkää|suka|赞|讚|いいね|좋아요|إعجاب")
_ACTION = regex.compile(
    rf"""^(?:[\s·•|/()+\-–—]*(?:\d{{1,6}}|\d{{1,3}}\s*[smhdwy]|{_REPLY}|{_LIKE}|report|share|flag|melden|
        signaler|denunciar|segnala|ago|vor|il\s+y\s+a)){{1,8}}[\s·•|/()+\-–—]*$""",
    regex.IGNORECASE | regex.VERBOSE,
)
_ACTION_WORD = regex.compile(rf"(?:{_REPLY}|{_LIKE})", regex.IGNORECASE)
ACTIONS_NEEDED = 3
MAX_ACTION_GAP = 6


@heuristic("COM104", "comment_notice", "reader comments without a header, each ending in its reply and like links")
def action_thread(view: View) -> Iterator[int]:
    n = len(view)
    hits = [k for k in range(n // 2, n) if len(view.text(k)) <= 60 and _ACTION.match(view.text(k))
            and _ACTION_WORD.search(view.text(k))]
    if len(hits) < ACTIONS_NEEDED or any(b - a > MAX_ACTION_GAP for a, b in zip(hits, hits[1:])):
        return
    if view.words_before(hits[0]) < MIN_ARTICLE_WORDS:
        return
    if any((d := view.decision(k)) is not None and d.category == "forum_header" for k in range(n)):
        return
    yield from (j for j in range(hits[0], n) if view.free(j))


# Slideshow items flattened into text: "- 31/50 Williams F1 team drives into the red ...".
# Recipes say "1/2 cup" on every line: a slide counter has a total of 5 or more, three or
# more different slide numbers, and a capitalised headline after it.
_SLIDE = regex.compile(r"^[-–•*]?\s*(\d{1,3})\s*/\s*(\d{1,3})\s+\p{Lu}")
SLIDES_NEEDED = 3
MIN_SLIDE_TOTAL = 5


@heuristic("CAP104", "caption", "gallery slide caption ('12/50 ...'): three or more with the same count")
def gallery_slides(view: View) -> Iterator[int]:
    by_total: dict[int, dict[int, int]] = {}
    for k in range(len(view)):
        m = _SLIDE.match(view.text(k))
        if m:
            n, total = int(m.group(1)), int(m.group(2))
            if 1 <= n <= total and total >= MIN_SLIDE_TOTAL:
                by_total.setdefault(total, {}).setdefault(n, k)
    for slides in by_total.values():
        if len(slides) >= SLIDES_NEEDED:
            yield from (k for k in slides.values() if view.free(k))


# A slideshow flattened by the extractor: each slide's caption sits between the widget's own
# buttons ("- Next" / "- Previous", or a gallery label CAP003 already matched: "1 of 5",
# "Fullscreen"). One line between two buttons could be a one-paragraph story between page
# links; two or more are slides.
_NAV_BUTTON = regex.compile(r"^(?:[-–•*]\s*)?(?:previous|prev|next|close)$", regex.IGNORECASE)
SLIDE_MAX_WORDS = 80
SANDWICHED_NEEDED = 2


def _control(view: View, k: int) -> bool:
    d = view.decision(k)
    return (d is not None and d.code == "CAP003") or bool(_NAV_BUTTON.match(view.text(k)))


@heuristic("CAP105", "caption", "slide caption between slideshow buttons ('Next' / 'Previous', '1 of 5')")
def slide_between_controls(view: View) -> Iterator[int]:
    hits = [k for k in range(1, len(view) - 1)
            if view.free(k) and _control(view, k - 1) and _control(view, k + 1)
            and not _control(view, k) and len(words(view.text(k))) <= SLIDE_MAX_WORDS]
    if len(hits) >= SANDWICHED_NEEDED:
        yield from hits


# "Other Opinion Columns" / "More stories" / "You may also like" at the foot of the page,
# followed by teaser headlines and blurbs to the end. The header must be one of these
# phrases exactly (a heading "More stories of survival" is the article's), the block must
# stand in the second half, and every line in it must be teaser-sized.
_MORE_HEADER = regex.compile(
    r"""^(?:(?:more|other|latest|related|recommended|popular|recent|top|similar)\s+
            (?:[\p{L}'’]+\s+){0,2}?(?:\p{L}+-)?
            (?:stories|articles|news|columns|posts|reads|coverage|videos|headlines|links|features)
            (?:\s+(?:from|on|at)\s+(?-i:(?:[Tt]he\s+)?[\p{Lu}\p{N}][\p{L}\p{N}'’&.\-]*(?:\s+[\p{Lu}\p{N}&][\p{L}\p{N}'’&.\-]*){0,3}))?      # More Must-Reads From TIME
          | more\s+(?:from|in|on)\s+[\p{L}\p{N}'’&. ]{2,40}
          | you\s+(?:may|might)\s+also\s+(?:like|enjoy)
          | (?:most|more)\s+(?:read|popular|viewed|shared|e-?mailed)(?:\s+stories)?(?:\s+(?:from|on|at)\s+(?-i:(?:[Tt]he\s+)?[\p{Lu}\p{N}][\p{L}\p{N}'’&.\-]*(?:\s+[\p{Lu}\p{N}&][\p{L}\p{N}'’&.\-]*){0,3}))?
          | read\s+(?:this\s+)?next|what\s+to\s+read\s+next|don['’]t\s+miss
          | editors?['’]?s?['’]?\s+picks?|must[\s-]reads?|recommended\s+for\s+you
          | trending(?:\s+now|\s+stories)?|popular\s+now
          | lesen\s+sie\s+auch|mehr\s+zum\s+thema|à\s+lire\s+aussi|sur\s+le\s+même\s+sujet
          | das\s+könnte\s+sie\s+auch\s+interessieren|meistgelesen|weitere\s+artikel
          | les\s+plus\s+lus|à\s+lire\s+également|nos\s+derniers\s+articles
          | (?:también\s+)?te\s+puede\s+interesar|más\s+noticias|noticias\s+relacionadas|lo\s+más\s+leído
          | potrebbe\s+interessarti|altre\s+notizie|articoli\s+correlati|i\s+più\s+letti
          | (?:leia|veja)\s+também|mais\s+lidas|notícias\s+relacionadas|(?:você\s+)?pode\s+gostar\s+também
          | meer\s+nieuws|gerelateerde\s+artikelen|meest\s+gelezen
        )\s*[:.]?$""",
    regex.IGNORECASE | regex.VERBOSE,
)
MAX_TEASER_WORDS = 60
MIN_ARTICLE_WORDS_BEFORE_PROMO = 150
# Teasers are headlines, with a line of blurb at most: half the lines or more end without a
# full stop. Paragraphs under an article heading ("Editors' picks" in a buying guide) do not.
_FULL_STOP = regex.compile(r"[.。]\W{0,2}$")
MIN_HEADLINE_SHARE = 0.5


@heuristic("PRO101", "promo", "'more stories' block at the foot: header and the teasers below it")
def more_stories_block(view: View) -> Iterator[int]:
    n = len(view)
    for k in range(n // 2, n - 1):
        if not _MORE_HEADER.match(view.text(k)):
            continue
        block = range(k + 1, n)
        if any(len(words(view.text(j))) > MAX_TEASER_WORDS for j in block):
            return
        headlines = sum(1 for j in block if not _FULL_STOP.search(view.text(j)))
        if headlines < MIN_HEADLINE_SHARE * len(block):
            return
        if view.words_before(k) < MIN_ARTICLE_WORDS_BEFORE_PROMO:
            return
        yield from (j for j in range(k, n) if view.free(j))
        return
