"""Section heuristics: blocks that are boilerplate as a whole (comment threads, slideshows)."""
from __future__ import annotations

import pytest

from stripper import strip_text

ARTICLE = "\n".join(
    f"Paragraph {i} of the story explains what happened at the border on Sunday, officials said."
    for i in range(1, 8)
)


def _codes(text: str) -> list[tuple[int, str]]:
    return [(v.line, v.rule) for v in strip_text(text).stripped]


def test_com102_strips_a_headerless_thread_of_anonymous_comments() -> None:
    thread = "\n".join(["Anonymous", "Great article, thanks.", "Lars", "Could I just block it?",
                        "Anonymous", "Privacy Badger helps.", "Anonymous", "Well written."])
    res = strip_text(f"{ARTICLE}\n{thread}\n")
    assert res.text == ARTICLE + "\n"
    assert {v.rule for v in res.stripped} == {"COM102"}


def test_com102_keeps_a_transcript_with_speaker_labels() -> None:
    transcript = "\n".join(["Smith", "We will not leave the talks.", "Jones", "Nobody asked you to.",
                            "Smith", "Then we agree on that.", "Jones", "For now, yes."])
    doc = f"{ARTICLE}\n{transcript}\n"
    assert strip_text(doc).text == doc


def test_com102_needs_three_placeholders() -> None:
    doc = f"{ARTICLE}\nAnonymous\nNice.\nAnonymous\nAgreed.\n"
    assert strip_text(doc).text == doc


_SIGNED = "\n".join([
    "Posted by: Bob James | October 30, 2012 at 08:58 AM",
    "I am grateful for your post.",
    "Posted by: Samantha Stone | October 30, 2012 at 09:10 AM",
    "Samantha - yes, thank you for those.",
    "Posted by: David Scott | October 30, 2012 at 9:40 PM",
])


def test_com103_strips_a_thread_signed_below_each_comment() -> None:
    first_comment = "Slips like these tell you who is behind these brands."
    res = strip_text(f"{ARTICLE}\n{first_comment}\n{_SIGNED}\n")
    assert res.text == f"{ARTICLE}\n{first_comment}\n"  # the first comment's text cannot be told apart
    assert {v.rule for v in res.stripped} == {"COM103"}


@pytest.mark.parametrize("thread", [
    # the name above, the date and time on the next line (Drupal)
    "Lefteris\nThu, 22/05/2025 - 12:40\nAt last!\nMaria K.\nThu, 22/05/2025 - 13:05\nAnd the sewage?\n"
    "Guest\nThu, 22/05/2025 - 14:22\nThirty years we waited.",
    # name and stamp on one line, above the text
    "tiszaparti – 2025. 06. 05. 10:51\nJust in time for summer.\nKovács J. – 2025. 06. 05. 11:17\nFinally.\n"
    "Béla bácsi – 2025. 06. 05. 13:40\nWe will see.",
])
def test_com103_strips_threads_signed_above_each_comment(thread: str) -> None:
    res = strip_text(f"{ARTICLE}\n{thread}\n")
    assert res.text == f"{ARTICLE}\n"
    assert {v.rule for v in res.stripped} == {"COM103"}


def test_com103_keeps_a_live_blog_whose_entries_have_headlines_and_dates() -> None:
    entries = "\n".join(f"Minister arrives at the summit venue {d}\n22 May 2025, 12:4{d}\nShe waved at reporters."
                        for d in range(1, 5))
    doc = f"{ARTICLE}\n{entries}\n"
    assert "COM103" not in {v.rule for v in strip_text(doc).stripped}


@pytest.mark.parametrize("doc", [
    # two signatures only
    f"{ARTICLE}\n" + "\n".join(_SIGNED.splitlines()[:3]) + "\n",
    # one author's posts on a blog front page: a single name
    f"{ARTICLE}\n" + "\n".join(f"Posted by: Jane Roe | May {d}, 2012 at 10:0{d} AM\nPost {d}." for d in range(1, 5)) + "\n",
    # long posts between the signatures, several authors
    "\n".join(ARTICLE.replace("Sunday", f"day {d}") + f"\nPosted by: Author {d} | May {d}, 2012 at 10:0{d} AM"
              for d in range(1, 5)) + "\n",
    # no article above the thread
    f"Short intro.\n{_SIGNED}\n",
])
def test_com103_keeps_what_is_not_a_comment_thread(doc: str) -> None:
    assert "COM103" not in {v.rule for v in strip_text(doc).stripped}


def test_cap104_strips_slideshow_items() -> None:
    slides = "\n".join(f"- {i}/50 Company {i} reports results Shares rose after the report." for i in range(1, 5))
    res = strip_text(f"{ARTICLE}\n{slides}\n")
    assert res.text == ARTICLE + "\n"
    assert {v.rule for v in res.stripped} == {"CAP104"}


def test_cap104_keeps_recipe_fractions() -> None:
    recipe = "\n".join(["1/2 cup heavy cream", "1/2 teaspoon salt", "3/4 cup sugar", "1/4 cup milk",
                        "1/8 teaspoon Nutmeg", "3/8 cup Flour", "5/8 cup Water"])
    doc = f"{ARTICLE}\n{recipe}\n"
    assert strip_text(doc).text == doc


def test_cap104_keeps_dates_and_scores() -> None:
    doc = f"{ARTICLE}\n24/7 Support is available.\n9/11 Memorial opens.\n3/10 Critics agree.\n"
    assert strip_text(doc).text == doc


LONG_ARTICLE = "\n".join(
    f"Paragraph {i} tells how the crossing at post {i * 7} was seen by {i + 2} soldiers on duty, officials said."
    for i in range(1, 12)
)


def test_pro101_strips_a_more_stories_block_at_the_foot() -> None:
    block = "\n".join(["Other Opinion Columns", "Editorial Fraser's lasting legacy",
                       "MALCOLM Fraser was an effective prime minister, soundly elected and re-elected.",
                       "Wave of stupidity Doctor knows best"])
    res = strip_text(f"{LONG_ARTICLE}\n{block}\n")
    assert res.text == LONG_ARTICLE + "\n"
    assert {v.rule for v in res.stripped} <= {"PRO101", "PRO001"}


def test_pro101_keeps_an_article_heading_that_starts_like_a_promo() -> None:
    doc = f"{LONG_ARTICLE}\nMore stories of survival\nShe walked for three days before she reached the river.\n"
    assert strip_text(doc).text == doc


def test_pro101_keeps_a_block_with_a_long_paragraph_after_it() -> None:
    long_para = " ".join(["The long paragraph goes on and on about the border."] * 8)
    doc = f"{LONG_ARTICLE}\nMore stories\n{long_para}\n"
    assert "More stories" not in strip_text(doc).text or long_para in strip_text(doc).text
    assert long_para in strip_text(doc).text


SLIDESHOW = """Featured Slide Shows
- 1 of 5
- Close
- Fullscreen
- Thumbnails
  - Previous
  - Next
“A nation of girls telling their stories” slideshow A photo contest winner
  - Previous
  - Next
“A nation of girls telling their stories” slideshow Superhero Project “In life many people have two faces.”
  - Previous
  - Next
“A nation of girls telling their stories” slideshow Superhero Project “I pray every night for a hero.”
- Recent Slide Shows
"""


def test_cap105_strips_slides_between_slideshow_buttons() -> None:
    res = strip_text(f"{ARTICLE}\n{SLIDESHOW}")
    assert res.text == ARTICLE + "\n"
    assert [v.rule for v in res.stripped if "slideshow" in v.text] == ["CAP105"] * 3


def test_cap105_keeps_one_story_between_page_links() -> None:
    doc = f"Previous\n{ARTICLE.splitlines()[0]}\nNext\n"
    assert strip_text(doc).text.splitlines() == [ARTICLE.splitlines()[0]]


def test_cap105_keeps_paragraphs_next_to_a_single_button() -> None:
    doc = f"{ARTICLE}\nNext\n{ARTICLE}\n"
    assert sum("Paragraph 3" in ln for ln in strip_text(doc).text.splitlines()) >= 1
    assert all(v.rule != "CAP105" for v in strip_text(doc).stripped)


ARTICULO = "\n".join(
    f"El párrafo {i} cuenta cómo el juez recibió a los {i + 2} abogados en el juzgado de Palma, según fuentes del caso."
    for i in range(1, 8)
)


def test_com101_strips_a_spanish_comment_section_with_relative_time_stamps() -> None:
    thread = "\n".join(["Comentar", "Vaya comportamiento tan poco ejemplar del fiscal.", "Hace 37 minutos",
                        "Lo importante no es si imputa o no.", "Hace una hora", "¡A sus órdenes!", "Hace 2 horas"])
    res = strip_text(f"{ARTICULO}\n{thread}\n")
    assert res.text == ARTICULO + "\n"
    assert "COM101" in {v.rule for v in res.stripped}


def test_com101_needs_time_stamps_after_a_bare_foreign_header() -> None:
    said = "El fiscal recurrirá el auto, según dijo hace 2 horas a los periodistas."
    res = strip_text(f"{ARTICULO}\nComentar\n{said}\n")
    assert said in res.text and "COM101" not in {v.rule for v in res.stripped}


def test_pro101_reads_a_more_header_naming_the_site() -> None:
    block = "\n".join(["More Must-Reads From TIME", "- The Struggle to Save Lives Inside Gaza’s Hospitals",
                       "- Is Using the Snooze Button Bad for You?", "- The Best Inventions of 2023"])
    res = strip_text(f"{LONG_ARTICLE}\n{block}\n")
    assert res.text == LONG_ARTICLE + "\n"


def test_pro101_reads_a_portuguese_header() -> None:
    block = "\n".join(["Leia também", "Governo anuncia novo pacote de obras", "Chuvas atingem o litoral"])
    assert strip_text(f"{LONG_ARTICLE}\n{block}\n").text == LONG_ARTICLE + "\n"


def test_pro101_reads_editors_picks_and_must_reads_headers() -> None:
    for header in ("Editors’ Picks", "Must-Reads", "Most Read from Bloomberg"):
        block = f"{header}\nMayor resigns after audit\nTeachers strike for a second day"
        assert strip_text(f"{LONG_ARTICLE}\n{block}\n").text == LONG_ARTICLE + "\n", header


ARTICLE_FR = "\n".join(
    f"Le paragraphe {i} raconte comment le conseil a voté la reconstruction de la digue du port, selon la mairie."
    for i in range(1, 9)
)


@pytest.mark.parametrize("section", [
    ["Réactions", "Le maire s'est félicité d'un « tournant » pour la commune.",
     "Sur X, la députée de la circonscription a écrit :", "« Enfin une bonne nouvelle pour nos côtes. »",
     "L'opposition dénonce un projet « pharaonique » et promet un recours."],
    ["Réactions", "La séance a été levée à 23:15 après un débat tendu sur le financement.",
     "L'opposition promet un recours devant le tribunal administratif."],
    ["Reacties", "De burgemeester sprak van een keerpunt voor de gemeente.",
     "De volgende raadsvergadering begint om 20:00 uur in het gemeentehuis."],
])
def test_com101_keeps_a_section_of_quotes_under_a_foreign_header(section: list[str]) -> None:
    doc = "\n".join([ARTICLE_FR, *section]) + "\n"
    assert "COM101" not in {v.rule for v in strip_text(doc).stripped}


@pytest.mark.parametrize("header", ["Editors' Picks", "Must-Reads", "Top stories from the trial", "More e-mailed stories"])
def test_pro101_keeps_paragraphs_under_a_heading_that_reads_like_a_promo(header: str) -> None:
    products = ["Sony WH-1000XM5: the best noise cancelling we tested, with a light fit and 30 hours of battery.",
                "Bose QuietComfort Ultra: nearly as quiet as the Sony, with a warmer sound and better calls.",
                "Sennheiser Momentum 4: the best battery life on the list, at 60 hours, and detailed sound."]
    res = strip_text("\n".join([LONG_ARTICLE, header, *products]) + "\n")
    assert all(p in res.text for p in products)


def test_com101_reads_a_russian_comment_section() -> None:
    article = "\n".join(f"Абзац {i} рассказывает, как городской совет проголосовал за ремонт набережной, сообщили в мэрии."
                        for i in range(1, 8))
    thread = "\n".join(["Комментарии", "Наконец-то!", "5 минут назад", "Давно пора было.", "2 часа назад"])
    res = strip_text(f"{article}\n{thread}\n")
    assert res.text == article + "\n"


@pytest.mark.parametrize("thread", [
    ["Comentários (4)", "Ana Souza", "Finalmente uma boa notícia!", "Responder"],  # pt: counted header
    ["Ý kiến (3)", "Minh Anh", "Rất hữu ích, cảm ơn tòa soạn.", "Trả lời"],          # vi
    ["التعليقات (2)", "أحمد", "خبر رائع، شكرا.", "رد"],                                # ar
    ["Diskuse", "Petr N.", "Konečně!", "před 2 hodinami", "Jana K.", "Souhlasím.", "Odpovědět"],  # cs, bare
])
def test_com101_reads_comment_sections_in_more_languages(thread: list[str]) -> None:
    res = strip_text(f"{ARTICLE}\n" + "\n".join(thread) + "\n")
    assert res.text == ARTICLE + "\n"
    assert any(v.rule == "COM101" for v in res.stripped)


@pytest.mark.parametrize("line", [
    "No comment.", "Three thoughts on the Budget", "Five thoughts on Arsenal's win", "Three reactions",
    "Two responses", "Ten responses.", "Three responses to the crisis:", "One thought: the tax is regressive.",
    "Two replies to the critics", "3 thoughts on the Budget"])
def test_com101_keeps_an_answer_or_a_subheading_that_counts_thoughts(line: str) -> None:
    """A spokesman's "No comment." or a "Three reactions" subheading must not cut the story."""
    doc = f"{ARTICLE}\n{line}\nDocuments seen by this newspaper show the contract was signed early.\n" \
          "The commission said it had opened an inquiry and would question the minister.\n"
    assert strip_text(doc).text == doc


@pytest.mark.parametrize("header", [
    "37 comments", "19 Responses to “Harbour wall”", "3 thoughts on “Harbour wall”",
    "One thought on “Harbour wall”", "One comment", "No comments yet", "Comments (3)",
    "2 comments… read them below", "Two comments so far"])
def test_com101_counted_headers_open_the_comment_section(header: str) -> None:
    doc = f"{ARTICLE}\n{header}\nGreat piece, thanks.\nI disagree with most of it.\n"
    assert strip_text(doc).text == ARTICLE + "\n"


@pytest.mark.parametrize("section", [
    ["Kommentare", "Bitte beachten Sie unsere Netiquette. Kommentare werden vor der Veröffentlichung geprüft.",
     "Habe dort 1976 schwimmen gelernt. Schade, aber wohl nicht zu ändern.",
     "Zwei Jahre? Beim Hauptbad hieß es auch zwei Jahre. Ich wette auf drei."],
    ["Comments", "Please keep comments civil and on topic. We moderate all comments before they appear.",
     "I learned to swim there in 1976. A shame.", "Two years? They said that last time too."],
])
def test_com101_a_bare_header_over_a_commenting_policy_opens_the_section(section: list[str]) -> None:
    res = strip_text(ARTICLE + "\n" + "\n".join(section) + "\n")
    assert res.text == ARTICLE + "\n"
    assert "COM101" in {v.rule for v in res.stripped}


@pytest.mark.parametrize("thread", [
    ["Eindelijk. Na 1995 en 2011 hadden ze dit al lang moeten doen.", "Reageer 12 likes",
     "Sterkte aan de bewoners van de Bovenhaven.", "Reageer 4 likes", "61 miljoen voor 4 kilometer.", "Reageer 2 likes"],
    ["Great reporting.", "Like · Reply · 3h", "Jane Roe", "The tender was rigged from the start.", "Like · Reply · 2h",
     "Not surprised at all.", "Like · Reply · 1h"],
])
def test_com104_strips_a_headerless_thread_after_its_first_comment(thread: list[str]) -> None:
    res = strip_text(ARTICLE + "\n" + "\n".join(thread) + "\n")
    assert res.text == ARTICLE + "\n" + thread[0] + "\n"  # the first comment looks like article text
    assert {v.rule for v in res.stripped} == {"COM104"}


@pytest.mark.parametrize("tail", [
    # a forum thread: the replies are the page's content
    ["kaaskop77", "Actief lid", "Berichten: 310", "Eens, de dijk moet omhoog.", "Reageer", "Ik woon er vlakbij.",
     "Reageer", "Het waterschap heeft gelijk.", "Reageer"],
    # two action lines are not a thread
    ["Eindelijk.", "Reageer 12 likes", "Sterkte aan de bewoners.", "Reageer 4 likes"],
])
def test_com104_keeps_forum_replies_and_short_runs(tail: list[str]) -> None:
    doc = ARTICLE + "\n" + "\n".join(tail) + "\n"
    assert "COM104" not in {v.rule for v in strip_text(doc).stripped}


@pytest.mark.parametrize("header", ["12 komentara", "5 komentárov", "3 коментари", "7 comentaris", "12 kommentarer"])
def test_com101_counted_headers_in_more_languages(header: str) -> None:
    doc = f"{ARTICLE}\n{header}\nOdličan tekst.\nSlažem se sa autorom.\n"
    assert strip_text(doc).text == ARTICLE + "\n"
