"""The selectolax DOM pass: each selector family, and the guards that keep the article."""
from __future__ import annotations

from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from stripper.html.dom import DOM_RULES, dom_pass, _Page
from stripper.html.story import rescue_lead, wrap_loose_text

FIXTURES = Path(__file__).resolve().parent.parent.parent / "fixtures" / "html"
PARA = ("<p>The council voted on Tuesday to rebuild the sea wall that has protected the quay since "
        "the nineteenth century, after two winters of storms left long cracks along its length.</p>")


def page(widget: str, paragraphs: int = 4) -> LexborHTMLParser:
    body = PARA * paragraphs
    return LexborHTMLParser(f"<html><body><article><div class='body'>{body}</div>{widget}</article></body></html>")


@pytest.mark.parametrize("widget, rule, category", [
    ("<figure><img src=a.jpg><figcaption>Waves over the wall</figcaption></figure>", "DOM001", "caption"),
    ("<div class='image-caption'>The wall in 1900</div>", "DOM001", "caption"),
    ("<span class='photo-credit'>Photo: J. Smith</span>", "DOM001", "caption"),
    ("<div class='byline'>By Jane Doe</div>", "DOM002", "byline"),
    ("<a rel='author' href='/jane'>Jane Doe</a>", "DOM002", "byline"),
    ("<p class='dateline'>LONDON, March 3</p>", "DOM002", "byline"),
    ("<section id='comments'><p>Great post!</p><p>I disagree.</p></section>", "DOM003", "comment_notice"),
    ("<div class='comment-list'><p>First!</p></div>", "DOM003", "comment_notice"),
    ("<div class='share-buttons'>Share on Facebook</div>", "DOM004", "social"),
    ("<div class='social-follow'>Follow us on X</div>", "DOM004", "social"),
    ("<div class='newsletter-box'>Sign up for our newsletter</div>", "DOM005", "promo"),
    ("<div class='promo'>Subscribe for 1 euro</div>", "DOM005", "promo"),
    ("<aside><a href=#>Read this next</a></aside>", "DOM006", "promo"),
    ("<div class='related-stories'><a href=#>Other story</a></div>", "DOM006", "promo"),
    ("<div class='ad-label'>Advertisement</div>", "DOM007", "promo"),
    ("<p class='legende'>Le maire sur le quai, mardi.</p>", "DOM001", "caption"),
    ("<div class='bildunterschrift'>Der Bürgermeister am Kai</div>", "DOM001", "caption"),
    ("<span class='didascalia'>Il sindaco sul molo</span>", "DOM001", "caption"),
    ("<div class='barre-partage'>Partager sur Facebook</div>", "DOM004", "social"),
    ("<div class='botones-compartir'>Compartir en X</div>", "DOM004", "social"),
    ("<div class='bloc-lire-aussi'><a href=#>Un autre article</a></div>", "DOM006", "promo"),
    ("<div class='noticias-relacionadas'><a href=#>Otra noticia</a></div>", "DOM006", "promo"),
    ("<div class='articoli-correlati'><a href=#>Un altro articolo</a></div>", "DOM006", "promo"),
    ("<div class='werbung-label'>Werbung</div>", "DOM007", "promo"),
    ("<div class='bloc-publicite'>Publicité</div>", "DOM007", "promo"),
])
def test_each_family_removed_and_recorded(widget: str, rule: str, category: str) -> None:
    tree = page(widget)
    removed = dom_pass(tree)
    assert [(r["rule"], r["category"]) for r in removed][:1] == [(rule, category)]
    item = removed[0]
    assert set(item) == {"rule", "category", "selector", "text"}
    assert item["text"] and item["text"] in " ".join(LexborHTMLParser(widget).body.text(separator=" ").split())
    assert tree.css_first("div.body") is not None
    assert tree.body.text().count("council voted") == 4


def test_article_container_with_matching_class_is_kept() -> None:
    html = f"<html><body class='comments-open'><div class='commentary author-page'>{PARA * 5}</div></body></html>"
    tree = LexborHTMLParser(html)
    assert dom_pass(tree) == []
    assert tree.body.text().count("council voted") == 5


def test_node_with_many_paragraphs_is_kept() -> None:
    tree = page(f"<div class='related'>{PARA * 5}</div>", paragraphs=2)
    dom_pass(tree)
    assert tree.body.text().count("council voted") == 7


def test_a_paywall_preview_wrapper_is_the_story_not_a_subscribe_box() -> None:
    # BLOX prints the first paragraph in .subscriber-preview and the rest in .subscriber-only
    first = "<p>Councillors approved the caravan park expansion at Wednesday night's meeting.</p>"
    html = (f"<html><body><article><div class='subscriber-preview'>{first}</div>"
            f"<div class='subscriber-only'>{PARA * 5}</div>"
            "<div class='subscribe-box'>Subscribe for $1</div></article></body></html>")
    tree = LexborHTMLParser(html)
    removed = dom_pass(tree)
    assert [r["text"] for r in removed] == ["Subscribe for $1"]
    assert "caravan park" in tree.body.text()


def test_a_commentary_block_beside_the_story_is_not_a_comment_section() -> None:
    lead = "<p>Opinion: the sea wall vote shows how little the council has learned since 2019.</p>"
    html = (f"<html><body><article><div class='commentary-lead'>{lead}</div>"
            f"<div class='body'>{PARA * 5}</div></article></body></html>")
    tree = LexborHTMLParser(html)
    assert dom_pass(tree) == []
    assert "sea wall vote" in tree.body.text()


def test_empty_widgets_are_not_recorded() -> None:
    tree = page("<div class='share'><img src=x.png></div>")
    assert dom_pass(tree) == []


def test_nested_matches_recorded_once() -> None:
    tree = page("<div id='comments'><div class='comment'><p>Nice</p></div><div class='comment'><p>Bad</p></div></div>")
    removed = dom_pass(tree)
    assert [r["selector"] for r in removed] == ["#comments"]


def test_enabled_codes_limit_the_pass() -> None:
    tree = page("<div class='byline'>By Jane Doe</div><figcaption>Waves</figcaption>")
    removed = dom_pass(tree, frozenset({"DOM002"}))
    assert [r["rule"] for r in removed] == ["DOM002"]
    assert "Waves" in tree.body.text()


def test_rule_codes_are_unique() -> None:
    codes = [r.code for r in DOM_RULES]
    assert len(codes) == len(set(codes))


def test_fixture_article_families() -> None:
    tree = LexborHTMLParser((FIXTURES / "article.html").read_text(encoding="utf-8"))
    cats = {r["category"] for r in dom_pass(tree)}
    assert cats == {"caption", "byline", "comment_notice", "social", "promo"}
    text = tree.body.text()
    assert "rebuild the sea wall" in text and "storm surge" in text and "Fishermen welcome" in text


# --- widgets: galleries, player chrome, popular lists, teaser cards -----------------------

SLIDE = ("<div class='slide'><img src=s.jpg><p>{n}/20 Shares in the harbour company fell sharply "
         "on Monday after the regulator questioned the cost of the new container terminal.</p></div>")


def test_long_gallery_of_other_stories_removed() -> None:
    slides = "".join(SLIDE.format(n=n) for n in range(1, 21))
    tree = page(f"<div class='inline-gallery'>{slides}</div>", paragraphs=6)
    removed = dom_pass(tree)
    assert [r["rule"] for r in removed] == ["DOM008"]
    assert "harbour company" not in tree.body.text()
    assert tree.body.text().count("council voted") == 6


def test_short_gallery_of_the_storys_own_photos_kept() -> None:
    tree = page("<div class='slideshow'><img src=a.jpg><p>The sea wall in 1900.</p></div>", paragraphs=6)
    dom_pass(tree)
    assert "sea wall in 1900" in tree.body.text()


def test_gallery_kept_when_it_is_the_story() -> None:
    slides = "".join(SLIDE.format(n=n) for n in range(1, 21))
    tree = LexborHTMLParser(f"<html><body><h1>Harbour in pictures</h1><div class='gallery'>{slides}</div></body></html>")
    assert dom_pass(tree) == []
    assert tree.body.text().count("harbour company") == 20


def test_video_player_chrome_removed() -> None:
    chrome = ("<div class='vjs-control-bar'><button>Play</button><div class='vjs-menu'>"
              "<li>Chapters</li><li>descriptions off, selected</li></div></div>")
    tree = page(f"<div class='video'>{chrome}</div>", paragraphs=6)
    removed = dom_pass(tree)
    assert removed and removed[0]["rule"] == "DOM009" and "Chapters" not in tree.body.text()


def test_most_popular_box_removed_but_not_a_trending_topic_article() -> None:
    tree = page("<div class='most-popular'><a href=/a>Mayor resigns over budget row</a></div>", paragraphs=6)
    assert [r["rule"] for r in dom_pass(tree)] == ["DOM010"]
    html = f"<html><body><div class='trending-story'>{PARA * 6}</div></body></html>"
    tree = LexborHTMLParser(html)
    assert dom_pass(tree) == [] and tree.body.text().count("council voted") == 6


CARD = ("<li><a href='/s{n}'><img src=t{n}.jpg></a><h3><a href='/s{n}'>Ferry strike called off after "
        "late talks {n}</a></h3><p>Unions and operators agreed a deal.</p></li>")


def test_list_of_teaser_cards_removed() -> None:
    cards = "".join(CARD.format(n=n) for n in range(5))
    tree = page(f"<ul class='stream'>{cards}</ul>", paragraphs=6)
    removed = dom_pass(tree)
    assert [r["rule"] for r in removed] == ["DOM011"]
    assert "Ferry strike" not in tree.body.text() and tree.body.text().count("council voted") == 6


def test_teaser_cards_with_a_paragraph_of_summary_removed() -> None:
    """A "Recommended for you" stream gives each story its headline and a long summary."""
    summary = ("The regional council approved a new budget on Monday that raises spending on roads and "
               "schools, while cutting the grants paid to sports clubs and museums. Opposition members said "
               "the cuts would hit small towns hardest, and the mayor promised a review next spring when "
               "the figures for the first quarter are in and the new tax rates are known to every "
               "household in the region.")
    cards = "".join(f"<li><a href='/s{n}'><img src=t{n}.jpg></a><h3><a href='/s{n}'>Council passes budget "
                    f"after long night {n}</a></h3><p>{summary}</p></li>" for n in range(5))
    tree = page(f"<ul id='Stream'>{cards}</ul>", paragraphs=6)
    assert len(tree.css_first("li").text()) > 400  # a card, not a one-line teaser
    assert [r["rule"] for r in dom_pass(tree)] == ["DOM011"]
    assert "regional council" not in tree.body.text()


def test_feature_list_with_unlinked_headings_kept() -> None:
    items = "".join(f"<li><img src=f{n}.jpg><h2>Inspector {n}</h2><p>Examine the page layout.</p>"
                    f"<a href='/docs/{n}'>Learn more about Inspector {n}</a></li>" for n in range(5))
    tree = page(f"<ul class='features'>{items}</ul>", paragraphs=6)
    assert dom_pass(tree) == []


def test_teasers_kept_on_a_front_page_without_a_story() -> None:
    cards = "".join(CARD.format(n=n) for n in range(8))
    tree = LexborHTMLParser(f"<html><body><p>Today's news.</p><ul>{cards}</ul><ul>{cards}</ul></body></html>")
    assert dom_pass(tree) == []


def test_bullet_list_of_links_in_article_kept() -> None:
    items = "".join(f"<li><a href='/r{n}'>Report number {n} on the sea wall</a></li>" for n in range(5))
    tree = page(f"<ul>{items}</ul>", paragraphs=6)
    assert dom_pass(tree) == []


def test_captions_that_carry_the_story_are_kept() -> None:
    cap = ("<div class='caption'>The swimsuit of the summer is the monokini, worn on every beach from "
           "Miami to Cannes by stars who want to show a little more than a one-piece allows.</div>")
    tree = LexborHTMLParser(f"<html><body><h1>Summer swimsuits</h1><img src=a.jpg>{cap}</body></html>")
    assert dom_pass(tree) == []
    assert "monokini" in tree.body.text()


def test_code_comments_in_a_highlighted_block_stay() -> None:
    from selectolax.lexbor import LexborHTMLParser

    from stripper.html.dom import dom_pass

    html = ("<html><body><article>" + "<p>" + "Story text about the compiler. " * 30 + "</p>"
            "<pre><code><span class='hljs-comment'>// add.c</span>\nint add(int a, int b);</code></pre>"
            "</article><div id='comments'><p>Great post!</p></div></body></html>")
    tree = LexborHTMLParser(html)
    removed = dom_pass(tree)
    assert "// add.c" in tree.html
    assert [r["rule"] for r in removed] == ["DOM003"] and "Great post" in removed[0]["text"]


def test_a_dateline_span_inside_a_paragraph_stays() -> None:
    from selectolax.lexbor import LexborHTMLParser

    from stripper.html.dom import dom_pass

    body = "Gunmen stormed the national museum on Wednesday, killing visitors, officials said. " * 8
    html = (f"<html><body><article><p><span class='dateline'>CAIRO —</span> {body}</p>"
            f"<p>{body}</p></article></body></html>")
    tree = LexborHTMLParser(html)
    dom_pass(tree)
    assert "CAIRO —" in tree.html


def test_narrative_caption_without_credit_is_left_to_the_text_core() -> None:
    from stripper.html.dom import narrative_caption

    story = "Soldiers stand guard at the border village on Sunday as families wait for news of the talks."
    assert narrative_caption(story)
    assert not narrative_caption(story + " Photo: Reuters")
    assert not narrative_caption("The Korean Peninsula DMZ")


def test_story_folded_behind_a_read_more_toggle_is_unhidden() -> None:
    rest = f"<div class='toggle-group hideOnInit' style='display: none' aria-hidden='true'>{PARA * 6}</div>"
    tree = LexborHTMLParser(f"<html><body><div class='story'>{PARA}{rest}</div></body></html>")
    dom_pass(tree)
    block = tree.css_first("div.toggle-group")
    assert block is not None and block.css("p")
    assert block.attributes.get("class") == "toggle-group"
    assert "display" not in (block.attributes.get("style") or "")
    assert "aria-hidden" not in block.attributes


def test_hidden_blocks_outside_the_story_stay_hidden() -> None:
    modal = "<div class='modal hidden'><p>Sign up now to read on.</p></div>"
    tree = page(modal, paragraphs=5)
    dom_pass(tree)
    assert tree.css_first("div.modal").attributes.get("class") == "modal hidden"


def test_unhidden_story_reaches_trafilaturas_own_extraction() -> None:
    """trafilatura drops hidden blocks unless that leaves too little of the page, then falls
    back to readability, which loses paragraphs of its own: once the DOM pass has removed the
    widgets, a story folded behind a toggle must reach trafilatura's own extractor whole."""
    from stripper.html.extract import extract_lines

    opening = "".join(f"<p>Opening paragraph {n} says the council voted on Tuesday to rebuild the sea "
                      f"wall that has protected the quay since the nineteenth century.</p>" for n in range(2))
    rest = "".join(f"<p>Paragraph {n} of the folded story explains how the harbour board paid for "
                   f"the repairs, and why the work took until the spring to finish.</p>" for n in range(8))
    slides = "".join(SLIDE.format(n=n) for n in range(1, 21))
    tree = LexborHTMLParser(
        f"<html><body><article><div class='content'>{opening}</div><div class='toggle hideOnInit'>{rest}</div>"
        f"<div class='slideshow'>{slides}</div></article></body></html>")
    dom_pass(tree)
    lines = extract_lines(tree.html or "", None, fast=True)  # no fallback: the own extractor only
    assert sum("folded story" in ln for ln in lines) == 8


def test_bare_text_between_blocks_of_the_story_becomes_a_paragraph() -> None:
    bare = ("The Federal Flag Code has guidelines for the proper treatment of the flag, but there are "
            "no rules for punishment")
    tree = LexborHTMLParser(f"<html><body><div class='story'>{PARA * 3}<div class='figure'><img src=a.jpg>"
                            f"</div>{bare} <a href='/x'>related to violations</a>.<p>Closing words.</p>"
                            f"<div>x</div>Short.<div>y</div><a href='/m'>a menu link that is long enough to "
                            f"pass the length test</a></div></body></html>")
    main = _Page(tree).main
    assert main is not None and wrap_loose_text(main) == 1
    wrapped = [p.text() for p in tree.css("div.story > p")]
    assert f"{bare} related to violations." in wrapped
    assert "Short." not in wrapped and not any("menu link" in t for t in wrapped)


def test_bare_paragraph_reaches_trafilaturas_own_extraction() -> None:
    from stripper.html.extract import extract_lines

    bare = ("Paragraph without tags explains how the harbour board paid for the repairs, and why the "
            "work took until the spring to finish.")
    tree = LexborHTMLParser(f"<html><body><article><div class='content'>{PARA * 4}<div class='pic'>"
                            f"<img src=a.jpg></div>{bare}{PARA * 2}</div></article></body></html>")
    dom_pass(tree)
    lines = extract_lines(tree.html or "", None, fast=True)
    assert bare in lines


def _story_with(middle: str) -> LexborHTMLParser:
    return LexborHTMLParser(f"<html><body><article><div class='story'>{PARA * 4}<div>x</div>{middle}"
                            f"<div>y</div>{PARA * 2}</div></article></body></html>")


def test_bare_text_is_wrapped_after_the_rules_remove_its_byline() -> None:
    """A <p> would shelter a byline span from DOM002 (nothing inside a paragraph is removed)."""
    tree = _story_with("Posted by <span class='byline'>Jane Doe, Staff Writer at the Daily Planet</span> on "
                       "March 3, 2015 at 10:00 in the News category of this blog, which covers the harbour.")
    assert [r["rule"] for r in dom_pass(tree)] == ["DOM002"]
    assert "Jane Doe" not in tree.body.text()


def test_a_row_of_links_between_blocks_is_not_a_paragraph() -> None:
    tree = _story_with(" | ".join(f"<a href=/{i}>Section number {i}</a>" for i in range(6)))
    dom_pass(tree)
    assert not any("Section number" in p.text() for p in tree.css("p"))


def test_any_inline_tag_stays_in_the_wrapped_sentence() -> None:
    tree = _story_with("The harbour board said the repairs, first estimated at <del>two million</del> "
                       "<ins>three million</ins> euros<script>ad()</script>, would be paid from the port's reserves.")
    dom_pass(tree)
    [wrapped] = [p for p in tree.css("p") if "harbour board" in p.text()]
    assert "two million" in wrapped.text() and "port's reserves" in wrapped.text()


def test_a_listicle_inside_the_story_is_kept_even_with_long_linked_items() -> None:
    review = ("These over-ear headphones cancel noise better than anything else we tried, and the battery "
              "lasted thirty-one hours in our test, well beyond the claim on the box. They fold flat, the case "
              "is small, and the touch controls worked even with gloves on. The sound is warm without being "
              "muddy. Our only complaint is the price, which is high, and the ear pads get warm on long summer flights.")
    items = "".join(f"<li><h3><a href='https://shop.example/p{n}'>Best pick {n}: Acme Quiet {n}</a></h3>"
                    f"<img src=h{n}.jpg><p>{review} ({n})</p></li>" for n in range(5))
    tree = LexborHTMLParser(f"<html><body><article><h1>The best headphones</h1>{PARA * 4}<ol>{items}</ol>"
                            f"</article></body></html>")
    assert len(tree.css_first("li").text()) > 400
    assert dom_pass(tree) == []
    assert tree.body.text().count("over-ear") == 5


LEAD = ("Rescue teams found a fifth victim four days after the landslide buried several houses in the "
        "village; five people, two of them children, are still missing.")


def _with_lead(lead_html: str) -> LexborHTMLParser:
    return LexborHTMLParser(f"<html><body><article><h1>Landslide</h1>{lead_html}<div class='info'>Today, "
                            f"17:40</div><div class='article__body'>{PARA * 4}</div></article></body></html>")


def test_lead_above_the_body_container_is_moved_into_it_first() -> None:
    from stripper.html.extract import extract_lines

    tree = _with_lead(f"<div class='article__lead'>\n  {LEAD}  </div>")
    dom_pass(tree)
    body = tree.css_first("div.article__body")
    assert body is not None and body.css_first("p") is not None
    assert body.css_first("p").text().strip() == LEAD  # type: ignore[union-attr]
    assert tree.css_first("div.article__lead") is None
    lines = extract_lines(tree.html or "", None, fast=True)
    assert lines[0] == LEAD


@pytest.mark.parametrize("lead_html", [
    f"<div class='info-box'>{LEAD}</div>",  # not named as a lead
    f"<div class='story-intro'><a href='/other'>{LEAD}</a></div>",  # a link to another story
    f"<div class='lead'><div class='card'>{LEAD}</div></div>",  # a box of blocks, not text
    "<div class='lead'>Live: follow our coverage of the landslide below</div>",  # too short
    f"<div class='lead-image'><img src='a.jpg'><span>{LEAD}</span></div>",  # a picture's caption
    f"<div class='lead-story'><a href='/x'>Mayor resigns</a> {LEAD}</div>",  # another story's teaser
    f"<div class='contributor-summary'>{LEAD}</div>",  # an author bio
    f"<div class='site-intro'>{LEAD}</div>",  # the site describing itself
    f"<div class='summary' style='display:none'>{LEAD}</div>",  # hidden SEO text
    f"<div class='article-lead' hidden>{LEAD}</div>",
    f"<div class='article-lead'>{LEAD}<hr><span>Sponsored: try our app</span></div>",  # not text only
])
def test_blocks_that_are_not_a_lead_stay_where_they_are(lead_html: str) -> None:
    tree = _with_lead(lead_html)
    main = _Page(tree).main
    assert main is not None and rescue_lead(main) == 0
    assert not any("fifth victim" in p.text() for p in main.css("p"))


def test_a_lead_far_above_the_container_stays() -> None:
    tree = _with_lead(f"<div class='lead'>{LEAD}</div><div>a</div><div>b</div><div>c</div>")
    main = _Page(tree).main
    assert main is not None and rescue_lead(main) == 0


def test_a_bare_lead_class_counts_only_inside_an_article() -> None:
    outside = LexborHTMLParser(f"<html><body><div class='wrap'><p class='lead'>{LEAD}</p>"
                               f"<div class='article__body'>{PARA * 4}</div></div></body></html>")
    main = _Page(outside).main
    assert main is not None and rescue_lead(main) == 0
    inside = _with_lead(f"<p class='lead'>{LEAD}</p>")
    main = _Page(inside).main
    assert main is not None and rescue_lead(main) == 1


def test_a_lead_made_of_paragraphs_moves_them_without_nesting() -> None:
    tree = _with_lead(f"<div class='standfirst'><p>{LEAD}</p><p>{LEAD.replace('fifth', 'sixth')}</p></div>")
    main = _Page(tree).main
    assert main is not None and rescue_lead(main) == 1
    texts = [p.text() for p in main.css("p")]
    assert texts[0] == LEAD and "sixth victim" in texts[1]
    assert main.css_first("p p") is None


@pytest.mark.parametrize("widget", [
    "<div class='PhotoCAPTION'>Harbour at dawn. Photo: Jane Roe</div>",  # class names match in any case
    "<div id='Article-Comments'><p>First!</p></div>",
    "<div id='comments'><p>First!</p></div>",
])
def test_selectors_match_class_and_id_values_in_any_case(widget: str) -> None:
    tree = page(widget)
    removed = dom_pass(tree)
    assert removed and "First!" not in (tree.html or "") and "Jane Roe" not in (tree.html or "")
