"""The DOM pass: remove what the markup makes plain before trafilatura sees the page.

Class names and tags say "caption", "byline", "share", "newsletter" far more reliably than
the flattened text does, so these blocks go here, once, on the selectolax tree. Every
removal is recorded ({"rule", "category", "selector", "text"}) for `stripper explain`.

The pass is conservative: a node that holds the article body, or much of the page's
paragraph text, is never removed, whatever its class says (a body class like
"comments-open" or an article class like "post-author-jane" must not take the story with it).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

EXCERPT = 120
_WS = re.compile(r"\s+")
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


DOM_RULES: tuple[DomRule, ...] = (
    DomRule("DOM001", "caption", (
        "figcaption", "[class*=caption i]", "[class*=credit i]", "[itemprop=caption]",
        "[itemprop=copyrightHolder]",
    ), max_share=0.2, max_paragraphs=2, max_chars=300),
    DomRule("DOM002", "byline", (
        "[class*=byline i]", "[rel=author]", "[itemprop=author]", "[class*=dateline i]",
        "[class*=author i]", "[class*=posted-on i]", "[class*=post-meta i]", "[class*=entry-meta i]",
    ), max_share=0.15, max_paragraphs=1, max_chars=300),
    DomRule("DOM003", "comment_notice", (
        "#comments", "#disqus_thread", "#respond", "[id*=comment i]", "[class*=comment i]",
        "[class*=disqus i]",
    ), max_share=0.9, max_paragraphs=10_000),
    DomRule("DOM004", "social", (
        "[class*=share i]", "[class*=social i]", "[class*=follow-us i]", "[class*=sharing i]",
    ), max_share=0.1, max_paragraphs=1),
    DomRule("DOM005", "promo", (
        "[class*=newsletter i]", "[class*=subscribe i]", "[class*=signup i]", "[class*=promo i]",
        "[id*=newsletter i]",
    ), max_share=0.15, max_paragraphs=2),
    DomRule("DOM006", "promo", (
        "aside", "[class*=related i]", "[class*=read-more i]", "[class*=readmore i]",
        "[class*=recommended i]", "[class*=more-stories i]",
    ), max_share=0.25, max_paragraphs=6),
    DomRule("DOM007", "promo", (
        "[class*=ad-label i]", "[class*=advert i]", "[class*=sponsor i]",
    ), max_share=0.1, max_paragraphs=1),
)


def _clean(text: str) -> str:
    return _WS.sub(" ", text).strip()


def _attached(node: LexborNode, root_id: int) -> bool:
    """False once an ancestor was removed earlier in the pass (the node floats detached)."""
    cur: LexborNode | None = node
    while cur is not None:
        if cur.mem_id == root_id:
            return True
        cur = cur.parent
    return False


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
        body_len = len(_clean(body.text(deep=True))) if body is not None and total < 500 else 0
        # Pages built from <div>s and <br>s have little <p> text: measure against the body then.
        self.total = max(total, body_len // 2, 200)
        self.protected: set[int] = set()
        if by_parent:
            main_id = max(by_parent, key=by_parent.__getitem__)
            cur: LexborNode | None = parents[main_id]
            while cur is not None:
                self.protected.add(cur.mem_id)
                cur = cur.parent

    def removable(self, node: LexborNode, rule: DomRule, text: str) -> bool:
        if node.mem_id in self.protected or node.tag in NEVER_REMOVE:
            return False
        if rule.category != "comment_notice" and node.tag in _CONTAINERS and len(text) > 300:
            return False
        if len(text) > rule.max_chars or len(text) > rule.max_share * self.total:
            return False
        if rule.max_paragraphs < 10_000 and len(node.css("p")) > rule.max_paragraphs:
            return False
        return True


def dom_pass(tree: LexborHTMLParser, enabled: frozenset[str] | None = None) -> list[dict[str, Any]]:
    """Remove matched nodes from tree in place; return one record per removal, in rule order.

    enabled, when given, holds the rule codes to run (options --select/--ignore decide).
    """
    root = tree.root
    if root is None or tree.body is None:
        return []
    page = _Page(tree)
    removed: list[dict[str, Any]] = []
    root_id = root.mem_id
    for rule in DOM_RULES:
        if enabled is not None and rule.code not in enabled:
            continue
        for selector in rule.selectors:
            for node in tree.body.css(selector):
                if not _attached(node, root_id):
                    continue
                text = _clean(node.text(deep=True, separator=" "))
                if not text or not page.removable(node, rule, text):
                    continue
                node.remove()
                removed.append({"rule": rule.code, "category": rule.category, "selector": selector,
                                "text": text[:EXCERPT]})
    return removed
