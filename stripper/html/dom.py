"""The DOM pass: remove what the markup makes plain before trafilatura sees the page.

Class names and tags say "caption", "byline", "share", "newsletter" far more reliably than
the flattened text does, so these blocks go here, once, on the selectolax tree. Every
removal is recorded ({"rule", "category", "selector", "text"}) for `stripper explain`.

The pass is conservative: a node that holds the article body, or much of the page's
paragraph text, is never removed, whatever its class says (a body class like
"comments-open" or an article class like "post-author-jane" must not take the story with it).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import regex
from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..lines import looks_like_sentence, words
from .story import MIN_STORY_BLOCK, clean, inside, rescue_lead, unhide_story, wrap_loose_text

EXCERPT = 120
NEVER_REMOVE = frozenset({"html", "head", "body", "main", "title", "meta", "link"})
# Wrappers that never stand for one widget: a class match on these is a theme class.
_CONTAINERS = frozenset({"article", "section"})


@dataclass(frozen=True)
class DomRule:
    """One selector family. max_share: the largest share of the page's paragraph text a
    matched node may hold and still be removed; max_paragraphs caps its <p> count and
    max_chars its length (a 600-character "caption" on a gallery page is the story)."""

    code: str
    category: str
    selectors: tuple[str, ...]
    max_share: float = 0.25
    max_paragraphs: int = 3
    max_chars: int = 100_000
    # A widget (gallery, carousel, player) can hold more text than the story (50 slides of
    # captions): size says nothing, so it is kept only when too little article would remain.
    widget: bool = False
    # Below this a gallery is the story's own two or three photos, whose captions readers
    # (and gold extracts) keep; a long one is a slide show of other stories.
    min_chars: int = 0


DOM_RULES: tuple[DomRule, ...] = (
    DomRule("DOM001", "caption", (
        "figcaption", "[class*=caption i]", "[class*=credit i]", "[itemprop=caption]",
        "[itemprop=copyrightHolder]",
        # the same in the class names of French, German, Italian, Spanish and Dutch templates
        "[class*=legende i]", "[class*=bildunterschrift i]", "[class*=didascalia i]",
        "[class*=pie-de-foto i]", "[class*=onderschrift i]",
    ), max_share=0.2, max_paragraphs=2, max_chars=300),
    DomRule("DOM002", "byline", (
        "[class*=byline i]", "[rel=author]", "[itemprop=author]", "[class*=dateline i]",
        "[class*=author i]", "[class*=posted-on i]", "[class*=post-meta i]", "[class*=entry-meta i]",
    ), max_share=0.15, max_paragraphs=1, max_chars=300),
    DomRule("DOM003", "comment_notice", (
        # an opinion page's "commentary…" wrapper is the story (Tumblr's "with_commentary" notes are not)
        "#comments", "#disqus_thread", "#respond", "[id*=comment i]:not([id^=commentary i])",
        "[class*=comment i]:not([class^=commentary i]):not([class*=' commentary' i])", "[class*=disqus i]",
    ), max_share=0.9, max_paragraphs=10_000),
    DomRule("DOM004", "social", (
        "[class*=share i]", "[class*=social i]", "[class*=follow-us i]", "[class*=sharing i]",
        "[class*=partage i]", "[class*=compartir i]", "[class*=condividi i]", "[class*=compartilhar i]",
    ), max_share=0.1, max_paragraphs=1),
    DomRule("DOM005", "promo", (
        # "subscriber-preview" / "subscriber-only" (BLOX) wrap the story itself, behind a paywall
        "[class*=newsletter i]", "[class*=subscribe i]:not([class*=subscriber i])", "[class*=signup i]",
        "[class*=promo i]",
        "[id*=newsletter i]",
    ), max_share=0.15, max_paragraphs=2),
    DomRule("DOM006", "promo", (
        "aside", "[class*=related i]", "[class*=read-more i]", "[class*=readmore i]",
        "[class*=recommended i]", "[class*=more-stories i]",
        "[class*=lire-aussi i]", "[class*=leggi-anche i]", "[class*=lesen-sie-auch i]",
        "[class*=mehr-zum-thema i]", "[class*=relacionad i]", "[class*=correlat i]",
    ), max_share=0.25, max_paragraphs=6),
    DomRule("DOM007", "promo", (
        "[class*=ad-label i]", "[class*=advert i]", "[class*=sponsor i]",
        "[class*=werbung i]", "[class*=publicite i]", "[class*=publicidad i]", "[class*=pubblicita i]",
    ), max_share=0.1, max_paragraphs=1),
    DomRule("DOM008", "caption", (
        "[class*=gallery i]", "[class*=slideshow i]", "[class*=carousel i]", "[class*=slider i]",
        "[class*=swiper i]", "[class*=lightbox i]",
    ), widget=True, min_chars=1000),
    DomRule("DOM009", "residue", (
        "[class*=vjs-control i]", "[class*=vjs-menu i]", "[class*=vjs-modal i]",
        "[class*=vjs-text-track i]", "[class*=control-bar i]", "[class*=controlbar i]",
        "[class*=player-controls i]", "[class*=yvp-bottom i]", "[class*=yvp-settings i]",
        "[class*=jw-controls i]", "[class*=ytp-chrome i]",
    ), widget=True),
    DomRule("DOM010", "promo", (
        "[class*=most-popular i]", "[class*=mostpopular i]", "[class*=most-read i]",
        "[class*=trending i]", "[class*=more-from i]", "[class*=teaser i]", "[class*=outbrain i]",
        "[class*=taboola i]", "[class*=also-read i]", "[class*=you-may-like i]",
    ), widget=True),
    # Lists of teaser cards (other stories: picture, headline link, a line of summary) have no
    # telling class name; their shape gives them away (is_teaser_list), so no selectors.
    DomRule("DOM011", "promo", (), widget=True),
)
# What must stay outside a removed widget: the story, not just its headline.
MIN_REMAINING = 500
# Captions holding more text than this share of the page's paragraphs are the story itself.
CAPTION_STORY_SHARE = 0.5
TEASER_RULE = DOM_RULES[-1]
TEASER_MIN_ITEMS = 3
TEASER_MAX_ITEM_CHARS = 400
# Outside the story's container a card may carry a paragraph of summary ("Recommended for
# you" streams); inside it, long linked items are the story's own list (a listicle).
TEASER_MAX_OUTSIDE_CHARS = 600
TEASER_SHARE = 0.7


class _Page:
    """Paragraph text totals and the article container, measured once before removals."""

    def __init__(self, tree: LexborHTMLParser) -> None:
        by_parent: dict[int, int] = {}
        parents: dict[int, LexborNode] = {}
        total = 0
        for p in tree.css("p"):
            n = len(p.text(deep=True, strip=True))
            total += n
            par = p.parent
            if par is not None:
                by_parent[par.mem_id] = by_parent.get(par.mem_id, 0) + n
                parents[par.mem_id] = par
        body = tree.body
        body_len = len(clean(body.text(deep=True))) if body is not None and total < 500 else 0
        # Pages built from <div>s and <br>s have little <p> text: measure against the body then.
        self.total = max(total, body_len // 2, 200)
        self.p_total = total
        self.chain: list[LexborNode] = []  # the main block's container and its ancestors
        self.main_block = max(by_parent.values(), default=0)
        self.main: LexborNode | None = None
        if by_parent:
            main_id = max(by_parent, key=by_parent.__getitem__)
            self.main = parents[main_id]
            cur: LexborNode | None = parents[main_id]
            while cur is not None:
                self.chain.append(cur)
                cur = cur.parent
        self.protected = {node.mem_id for node in self.chain}

    def captions_are_story(self, nodes: list[LexborNode]) -> bool:
        """On a photo-story page the captions carry the text (a gallery with a paragraph of
        story under each picture): when they add up to more than the paragraphs outside
        them, they are the article, not leftovers."""
        total = sum(len(clean(node.text(deep=True, separator=" "))) for node in nodes)
        return total > CAPTION_STORY_SHARE * self.p_total and total >= 150

    def removable(self, node: LexborNode, rule: DomRule, text: str) -> bool:
        if node.mem_id in self.protected or node.tag in NEVER_REMOVE or inside(node, INLINE_HOSTS):
            return False
        if rule.category != "comment_notice" and node.tag in _CONTAINERS and len(text) > 300:
            return False
        if len(text) < rule.min_chars:
            return False
        if rule.widget:
            within = sum(len(p.text(deep=True, strip=True)) for p in node.css("p"))
            return self.p_total - within >= MIN_REMAINING
        if len(text) > rule.max_chars or len(text) > rule.max_share * self.total:
            return False
        if rule.max_paragraphs < 10_000 and len(node.css("p")) > rule.max_paragraphs:
            return False
        if rule.category == "caption" and narrative_caption(text):
            return False  # the text core still sees it, and strips it if a credit follows
        return True


_CREDIT = regex.compile(
    r"(?i)\b(?:credit|photo(?:graph)?|picture|image|illustration|courtesy|getty|reuters|afp|ap\s+photo|epa|"
    r"shutterstock|alamy|foto|bild)\b|©|\(c\)"
)
NARRATIVE_WORDS = 15


def narrative_caption(text: str) -> bool:
    """A caption told in full sentences and naming no credit reads as article text to many
    readers: the DOM pass leaves it, conservatively, for the text core to judge."""
    return len(words(text)) > NARRATIVE_WORDS and looks_like_sentence(text) and not _CREDIT.search(text)


# Never cut into these: syntax highlighters mark code comments with class "comment"
# (hljs-comment), and a dateline or author span inside a paragraph ("CAIRO —") is part of
# the article's sentence. Whatever its class says, a node in here is article text.
INLINE_HOSTS = frozenset({"pre", "code", "kbd", "samp", "p"})


def _in_link(node: LexborNode, stop: LexborNode) -> bool:
    cur = node.parent
    while cur is not None and cur.mem_id != stop.mem_id:
        if cur.tag == "a":
            return True
        cur = cur.parent
    return False


def _teaser_card(item: LexborNode, max_chars: int = TEASER_MAX_ITEM_CHARS) -> bool:
    """A list item that is a card for another page: a headline link, a picture or a heading,
    little text. The link must carry the headline: a feature list whose items end in
    "Learn more" describes this page's subject, not other stories."""
    if not any(len(words(clean(a.text(deep=True, separator=" ")))) >= 3 for a in item.css("a[href]")):
        return False
    heading = item.css_first("h2, h3, h4, h5, h6")
    if heading is not None and heading.css_first("a[href]") is None and not _in_link(heading, item):
        return False  # a heading that links nowhere titles a section of this page
    if item.css_first("img, picture, h2, h3, h4, h5, h6") is None:
        return False
    return len(clean(item.text(deep=True, separator=" "))) <= max_chars


def _within(node: LexborNode, ancestor: LexborNode | None) -> bool:
    """node is ancestor or below it; with the root, False once an ancestor was removed
    earlier in the pass (the node floats detached)."""
    cur: LexborNode | None = node
    while ancestor is not None and cur is not None:
        if cur.mem_id == ancestor.mem_id:
            return True
        cur = cur.parent
    return False


def is_teaser_list(node: LexborNode, max_chars: int = TEASER_MAX_ITEM_CHARS) -> bool:
    """Three or more list items, nearly all of them teaser cards."""
    items = [c for c in node.iter() if c.tag == "li"]
    if len(items) < TEASER_MIN_ITEMS:
        return False
    allowed_misses = len(items) - TEASER_SHARE * len(items)
    misses = 0
    for c in items:  # menus fail at once: stop as soon as the share cannot be reached
        if not _teaser_card(c, max_chars):
            misses += 1
            if misses > allowed_misses:
                return False
    return True


_NAME_PART = regex.compile(r"^\[(?:class|id)\*=([\w-]+) i\](?::not\([^()]*\))*$|^#([\w-]+)$")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _name_part(selector: str) -> str | None:
    """The class or id fragment a selector looks for; None for tag and other attribute selectors."""
    m = _NAME_PART.match(selector)
    return None if m is None else (m.group(1) or m.group(2)).translate(_ASCII_LOWER)


_NAME_PARTS = {sel: _name_part(sel) for rule in DOM_RULES for sel in rule.selectors}


def _page_names(body: LexborNode) -> str:
    """Every class and id value of the page, lower-cased (ASCII, as CSS's `i` flag does)."""
    values = [node.attrs.get("class") or "" for node in body.css("[class]")]
    values += [node.attrs.get("id") or "" for node in body.css("[id]")]
    return "\n".join(values).translate(_ASCII_LOWER)


def _on_page(selectors: tuple[str, ...], names: str) -> list[str]:
    """The selectors that can match here. Each one costs a walk of the tree, and a page holds
    few of the ~80 class names: one read of its class and id values rules out the rest."""
    return [s for s in selectors if (part := _NAME_PARTS.get(s)) is None or part in names]


def dom_pass(tree: LexborHTMLParser, enabled: frozenset[str] | None = None) -> list[dict[str, Any]]:
    """Remove matched nodes from tree in place; return one record per removal, in rule order.

    enabled, when given, holds the rule codes to run (options --select/--ignore decide).
    """
    root = tree.root
    if root is None or tree.body is None:
        return []
    page = _Page(tree)
    story = page.main is not None and page.main_block >= MIN_STORY_BLOCK
    if story:
        unhide_story(page.chain)
    removed: list[dict[str, Any]] = []
    names = _page_names(tree.body)
    for rule in DOM_RULES:
        if enabled is not None and rule.code not in enabled:
            continue
        selectors = _on_page(rule.selectors, names)
        matched = tree.body.css(", ".join(selectors)) if selectors else []
        if rule.category == "caption" and not rule.widget and page.captions_are_story(matched):
            continue
        # One query per rule (a tree walk per selector costs more than the rest of the pass);
        # the selector that matched is named only for the nodes that go.
        for node in matched:
            if not _within(node, root):
                continue
            text = clean(node.text(deep=True, separator=" "))
            if not text or not page.removable(node, rule, text):
                continue
            selector = next((sel for sel in selectors if node.css_matches(sel)), selectors[0])
            node.remove()
            removed.append({"rule": rule.code, "category": rule.category, "selector": selector,
                            "text": text[:EXCERPT]})
    if (enabled is None or TEASER_RULE.code in enabled) and page.main_block >= MIN_STORY_BLOCK:
        for node in tree.body.css("ul, ol"):
            if not _within(node, root):
                continue
            limit = TEASER_MAX_ITEM_CHARS if _within(node, page.main) else TEASER_MAX_OUTSIDE_CHARS
            if not is_teaser_list(node, limit):
                continue
            text = clean(node.text(deep=True, separator=" "))
            if not text or not page.removable(node, TEASER_RULE, text):
                continue
            node.remove()
            removed.append({"rule": TEASER_RULE.code, "category": TEASER_RULE.category,
                            "selector": "ul/ol of teaser cards", "text": text[:EXCERPT]})
    if story and page.main is not None:
        rescue_lead(page.main)
        wrap_loose_text(page.main)
    return removed


def main_container(tree: LexborHTMLParser, max_chars: int) -> LexborNode | None:
    """The largest ancestor of the page's main paragraph block whose markup stays under
    max_chars: what a huge page is cut down to before extraction."""
    node = _Page(tree).main
    if node is None:
        return None
    while node.parent is not None and node.parent.tag not in ("html", "body", None):
        html = node.parent.html or ""
        if len(html) > max_chars:
            break
        node = node.parent
    return node

