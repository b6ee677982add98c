"""Repairs to the story's container, so that trafilatura's own extractor keeps all of it.

trafilatura picks the article's container and drops what lies outside it or what it cannot
read as a paragraph; on a raw page its fallback extractors often rescue that text together
with the widgets. Once the DOM pass has removed the widgets, the fallback no longer wins and
those parts of the story go missing: hidden folds, bare text between <div>s, and a lead
paragraph printed just above the body container. These functions put them where trafilatura
reads them. They only move or unwrap existing text; they never add words.
"""
from __future__ import annotations

import regex
from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..lines import looks_like_sentence

# A page whose largest run of paragraphs is shorter than this is an index or front page:
# its teasers are what the page says, so they stay (and its container is no story to repair).
MIN_STORY_BLOCK = 300


def clean(text: str) -> str:
    return " ".join(text.split())


def _move_into_paragraph(nodes: list[LexborNode], before: LexborNode) -> bool:
    """Move nodes, in order, into a new <p> placed right before `before`."""
    paragraph = LexborHTMLParser("<p></p>").css_first("p")
    if paragraph is None:
        return False
    before.insert_before(paragraph)
    target = before.prev
    if target is None or target.tag != "p":
        return False
    for k in nodes:
        target.insert_child(k, move=True)
    return True


_HIDING_CLASS = regex.compile(r"(?i)^(?:[\w-]*-)?hid(?:e|den)(?:[\w-]*)$")
_HIDING_STYLE = regex.compile(r"(?i)(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*;?")


def unhide_story(chain: list[LexborNode]) -> int:
    """Un-hide the containers of the article's main paragraph block; returns how many.

    Sites fold the rest of a story into a block with a "hideOnInit"/"hidden" class that a
    "Read more" button opens. trafilatura drops hidden blocks, but only when that leaves
    more than a seventh of the page: on the raw page the widgets' text keeps it under that
    line, and once the DOM pass has removed them the same page loses half its story.
    The block holding the most paragraph text is the story, whatever its class says: chain
    is that block's container and its ancestors.
    """
    changed = 0
    for node in chain:
        if not node.tag or node.tag.startswith("-"):
            continue  # the document node has no attributes
        attrs = node.attrs
        before = dict(attrs)
        cls = attrs.get("class")
        if cls:
            kept = [c for c in cls.split() if not _HIDING_CLASS.match(c)]
            if len(kept) != len(cls.split()):
                attrs["class"] = " ".join(kept)
        style = attrs.get("style")
        if style and _HIDING_STYLE.search(style):
            attrs["style"] = _HIDING_STYLE.sub("", style)
        for name in ("aria-hidden", "hidden"):
            if name in attrs:
                del attrs[name]
        if "hidden" in (attrs.get("id") or "").lower():
            del attrs["id"]
        changed += dict(attrs) != before
    return changed


# Block-level tags end a run of bare text; anything else (a, em, del, span, img ...) is part of
# the sentence. Scripts and comments inside a run are skipped, not ends.
_BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "details", "dialog", "dd", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary",
    "table", "tbody", "thead", "tfoot", "tr", "td", "th", "ul", "iframe", "video", "audio",
    "canvas", "object", "embed", "select", "textarea", "button",
})
_BLOCK_SELECTOR = ", ".join(sorted(_BLOCK_TAGS))
_SKIP = frozenset({"-comment", "script", "style", "noscript", "template"})
LOOSE_MIN_CHARS = 80


def _ends_run(node: LexborNode) -> bool:
    """A block tag, or an inline one wrapping a block (<span><div class=share>...)."""
    if node.tag in _BLOCK_TAGS:
        return True
    return node.tag != "-text" and node.css_first(_BLOCK_SELECTOR) is not None


def _loose_runs(node: LexborNode) -> list[list[LexborNode]]:
    runs: list[list[LexborNode]] = []
    run: list[LexborNode] = []
    child = node.child
    while child is not None:
        if child.tag in _SKIP:
            if run:
                run.append(child)
        elif _ends_run(child):
            if run:
                runs.append(run)
            run = []
        else:
            run.append(child)
        child = child.next
    if run:
        runs.append(run)
    return runs


def _own_text(node: LexborNode) -> str:
    """Text outside links: a row of links with " | " between them is a menu, not a paragraph."""
    if node.tag == "-text":
        return node.text(deep=False)
    if node.tag == "a" or node.tag in _SKIP:
        return ""
    parts = []
    child = node.child
    while child is not None:
        parts.append(_own_text(child))
        child = child.next
    return "".join(parts)


def wrap_loose_text(node: LexborNode) -> int:
    """Wrap bare text runs of the story container in <p>; returns how many.

    Old templates write a paragraph as text between two <div>s ("</div>The Federal Flag
    Code has ..."). trafilatura's extractor drops such text, and keeps it only when it falls
    back to a whole-page extractor, which happens when widgets made the page look noisy: once
    the DOM pass has removed them, the same story loses its bare paragraphs. As a <p> the
    text is a paragraph to every extractor. It runs after the removals, so a byline or share
    span inside the text has already gone (a <p> would shelter it from the rules).
    """
    if node.tag in ("html", "head"):
        return 0
    wrapped = 0
    for run in _loose_runs(node):
        if len(clean("".join(_own_text(k) for k in run))) < LOOSE_MIN_CHARS:
            continue  # links and pictures with a little glue are a menu or a banner
        if _move_into_paragraph(run, run[0]):
            wrapped += 1
    return wrapped

# The lead (standfirst, deck, "perex", "chapô", "entradilla") above the body container, by the
# class names templates give it: the lead word ends a class token (article__lead, story-intro,
# standfirst), so "lead-image" or "lead-story" are not leads.
_LEAD_TOKEN = regex.compile(
    r"(?i)^(?:(?P<owner>[\w-]*[-_])?)(?:lead|lede|perex|bajada|standfirst|intro|summary|deck|dek|chapo|"
    r"chapeau|sapo|entradilla|vorspann|excerpt|abstract|subtitle|subhead(?:line)?)$")
# ...and no token names something else that may sit above a story with a sentence in it.
_NOT_LEAD_TOKEN = regex.compile(
    r"(?i)(?:image|img|photo|picture|media|video|gallery|card|teaser|item|author|contributor|writer|byline|bio|"
    r"about|profile|site|brand|"
    r"newsletter|promo|sponsor|advert|banner|cta|signup|subscribe|member|related|hid(?:e|den))")
_OWNED = frozenset({"article", "main"})  # a bare "lead" class counts only inside one of these
LEAD_SIBLINGS = 3  # how far above the container a lead may sit (headline, info bar, lead)
_NOT_LEAD = ", ".join(sorted((_BLOCK_TAGS - {"p"}) | {"img", "picture", "svg", "video"}))


def inside(node: LexborNode, tags: frozenset[str]) -> bool:
    """Some ancestor of node has one of these tags."""
    cur = node.parent
    while cur is not None:
        if cur.tag in tags:
            return True
        cur = cur.parent
    return False


def _lead_text(node: LexborNode) -> bool:
    attrs = node.attrs
    tokens = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".split()
    matches = [m for m in map(_LEAD_TOKEN.match, tokens) if m]
    if not matches or any(_NOT_LEAD_TOKEN.search(t) for t in tokens):
        return False
    if not any(m.group("owner") for m in matches) and not inside(node, _OWNED):
        return False  # Bootstrap's p.lead is any large print, an appeal as well as a story's lead
    if "hidden" in attrs or attrs.get("aria-hidden") == "true" or _HIDING_STYLE.search(attrs.get("style") or ""):
        return False  # trafilatura drops hidden text: SEO summaries must not surface through us
    if any(d.mem_id != node.mem_id for d in node.css(_NOT_LEAD)):
        return False
    text = clean(node.text(deep=True, separator=" "))
    own = clean(_own_text(node))
    # a sentence of its own, not a link to another story with a summary under it
    return len(own) >= LOOSE_MIN_CHARS and len(own) >= 0.7 * len(text) and looks_like_sentence(text)


def _children(node: LexborNode) -> list[LexborNode]:
    out = []
    k = node.child
    while k is not None:
        out.append(k)
        k = k.next
    return out


def rescue_lead(main: LexborNode) -> int:
    """Move a lead paragraph printed just above the story's container into it; returns how many.

    Templates print the lead (the story's first paragraph, in bold) in its own <div
    class="article__lead"> above the body container. trafilatura extracts the container and
    loses the lead; on the raw page its fallback kept it, with the widgets, which the DOM pass
    has removed. Only visible text-only blocks named as a lead, within three elements above
    the container, are moved to the container's start, in page order: their <p>s as they are,
    bare text as a new <p>.
    """
    if main.tag in ("html", "head", "body") or main.child is None:
        return 0
    leads: list[LexborNode] = []
    sibling, seen = main.prev, 0
    while sibling is not None and seen < LEAD_SIBLINGS:
        if sibling.tag and not sibling.tag.startswith("-"):
            seen += 1
            if _lead_text(sibling):
                leads.append(sibling)
        sibling = sibling.prev
    moved = 0
    for lead in leads:  # nearest first: each goes in front of the one moved before it
        first = main.child
        children = _children(lead)
        if first is None or not children:
            continue
        if lead.tag == "p" or not any(k.tag == "p" for k in children):
            ok = _move_into_paragraph(children, first)
        else:
            for k in children:
                first.insert_before(k, move=True)
            ok = True
        if ok:
            lead.decompose()
            moved += 1
    return moved
