"""HTML pages: decode, one selectolax parse and DOM pass, trafilatura, then the text core.

The page is parsed once with selectolax (fast, C): the DOM pass removes captions, bylines,
widgets and comment sections there, the metadata helper reads <meta>/JSON-LD from the same
tree, and trafilatura gets the cleaned HTML string. Its text then goes through strip_text
like any text document, so `explain` shows both stages.
"""
from __future__ import annotations

from dataclasses import replace

from selectolax.lexbor import LexborHTMLParser

from ..documents import Outcome
from ..lines import looks_like_sentence, words
from ..options import DEFAULT_OPTIONS, Options
from ..pipeline import strip_text
from ..provenance import agencies_any_case, merge_provenance, without_own_agency
from ..result import Evidence, Result
from ..textio import InputError, NoContent
from .decode import decode_html
from .dom import DOM_RULES, EXCERPT, dom_pass, main_container
from .extract import extract_lines
from .metadata import read_markup

MIN_WORDS = 8
HUGE_PAGE_CHARS = 3_000_000  # markup left after inert tags go; real articles stay far below
INERT_TAGS = ("script", "style", "noscript", "svg", "template", "iframe", "link", "object", "embed", "canvas")


def _cut_down(tree: LexborHTMLParser, html: str, warnings: list[str]) -> str:
    """trafilatura's time grows much faster than the page: a 26 MB page takes a minute. A huge
    page is cut to the container of its main paragraphs, so a batch job never stalls on one."""
    node = main_container(tree, HUGE_PAGE_CHARS)
    size = f"{len(html) / 1e6:.1f} MB of markup"
    if node is None:
        warnings.append(f"huge page ({size}) without paragraphs: extracted as it is")
        return html
    warnings.append(f"huge page ({size}): extracted from its main text container only")
    title = tree.css_first("title")
    head = f"<head>{title.html}</head>" if title is not None and title.html else ""
    return f"<html>{head}<body>{node.html or ''}</body></html>"


def _enabled_dom(options: Options) -> frozenset[str] | None:
    if not options.select and not options.ignore:
        return None
    return frozenset(r.code for r in DOM_RULES if options.enabled(r.code, r.category))


def credits_in_removed(removed: list[dict[str, str]], options: Options) -> list[tuple[Evidence, dict[str, str]]]:
    """A byline box may carry the only wire credit of a page ("Von Max Muster (mit dpa)"):
    the DOM pass removes the box, so its short texts go through the core's provenance
    rules too, or the page would lose its syndication flag with the box."""
    extra: list[tuple[Evidence, dict[str, str]]] = []
    for rec in removed:
        text = rec["text"]
        # A photo credit ("Reuters" under a picture) says where the picture came from, not
        # the text; an excerpt cut at EXCERPT is not one line. A wire credit names an agency,
        # which is a cheap test before the rules ("By THE ASSOCIATED PRESS": in any case).
        if rec["category"] != "byline" or len(text) >= EXCERPT:
            continue
        if not agencies_any_case(text):
            continue
        prov = strip_text(text, options).provenance
        groups = {k: ", ".join(v) if isinstance(v, list) else str(v) for k, v in prov.details.items()}
        # a byline rule may flag too (BYL007 "By NAME, Reuters"): the flag names the category
        category = "provenance_syndication" if prov.syndicated else "provenance_ai"
        for ev in prov.evidence:
            extra.append((Evidence(0, ev.rule, category, f"{rec['selector']}: {ev.text}", "html"), groups))
    return extra


def has_article_text(text: str) -> bool:
    """A few menu words ("Home About") that trafilatura's fallbacks return are not an article."""
    n = len(words(text))
    return n >= MIN_WORDS or (n > 0 and any(looks_like_sentence(ln) for ln in text.splitlines()))


def process_html(data: bytes, path: str, options: Options | None = None,
                 encoding: str | None = None) -> Outcome:
    """Raises NoContent when the page has no article text, InputError when it is not HTML."""
    options = options or DEFAULT_OPTIONS
    if not data:
        raise InputError("empty file")
    html = decode_html(data, encoding)
    if "\x00" in html:
        html = html.replace("\x00", "")
    tree = LexborHTMLParser(html)
    warnings: list[str] = []
    url: str | None = None  # a page read from a file or stdin has no address of its own
    extra: list[tuple[Evidence, dict[str, str]]] = []
    own: frozenset[str] = frozenset()
    try:
        extra, own = read_markup(tree, url)
    except Exception as exc:  # noqa: BLE001 - broken metadata must never lose the article
        warnings.append(f"markup provenance skipped: {type(exc).__name__}: {exc}")
    removed = dom_pass(tree, _enabled_dom(options))
    # trafilatura drops these anyway; cut before it parses the page again they halve the bytes
    # it reads (JSON-LD was read above). Output is the same, about a tenth faster.
    tree.strip_tags(list(INERT_TAGS))
    html = tree.html or ""
    if len(html) > HUGE_PAGE_CHARS:
        html = _cut_down(tree, html, warnings)
    lines = extract_lines(html, url) if tree.body is not None else []
    if not lines:
        raise NoContent("no article text found")
    result: Result = strip_text("\n".join(lines) + "\n", options)
    if not has_article_text(result.text):
        raise NoContent("no article text found")
    extra += credits_in_removed(removed, options)
    if extra or own:
        result = replace(result, provenance=without_own_agency(merge_provenance(result.provenance, extra), own))
    return Outcome(path, "html", data, result, None, dom_removed=tuple(removed), warnings=tuple(warnings))
