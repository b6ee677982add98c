"""Provenance that a page declares in its markup rather than in its text.

`markup_provenance(tree, page_url)` reads <meta>, <link rel="canonical">, JSON-LD and IPTC
digital-source-type attributes and returns (Evidence, groups) pairs for
`stripper.provenance.build_provenance(..., extra=...)`. Rule codes, one per convention:

  HTM001  <meta name="syndication-source">             provenance_syndication
  HTM002  <meta name="original-source">                provenance_syndication
  HTM003  <link rel="canonical"> to another site       provenance_syndication
  HTM004  <meta name|property="article:source">        provenance_syndication
  HTM005  <meta name="dc.source"> / "dcterms.source"   provenance_syndication
  HTM006  JSON-LD isBasedOn / isBasedOnUrl             provenance_syndication
  HTM007  JSON-LD sourceOrganization                   provenance_syndication
  HTM008  JSON-LD creditText                           provenance_syndication
  HTM009  JSON-LD copyrightHolder                      provenance_syndication
  HTM010  JSON-LD provider                             provenance_syndication
  HTM011  JSON-LD author that is a wire agency         provenance_syndication
  HTM012  JSON-LD publisher that is a wire agency      provenance_syndication
  HTM013  JSON-LD digitalSourceType (IPTC, AI)         provenance_ai
  HTM014  IPTC AI source type in a <meta> or attribute provenance_ai
  HTM015  <meta name="ai-generated" content="true"> (or "partial") provenance_ai

Every syndication signal is checked against the page's own identity (its registered
domain, og:site_name, the JSON-LD WebSite and publisher names): Reuters crediting Reuters
on reuters.com, or a canonical URL on the page's own site, is not syndication.
"""
from __future__ import annotations

import html as _html
import json
import re
from dataclasses import dataclass, field
from typing import Any, Iterable
from urllib.parse import urljoin

import regex

from ..provenance import AGENCIES, AGENCY_RE, agencies_in
from ..result import Evidence
from .jsonld import BROKEN_KEYS, parse_jsonld, source_names, type_of, value_names, value_urls, walk
from .sites import host_of, looks_like_url, site_of

SYND = "provenance_syndication"
AI = "provenance_ai"
MAX_EVIDENCE = 300

# -- wire agencies --------------------------------------------------------------------------

# Words that may surround an agency name in an author/publisher field ("Reuters Staff").
_FILLER = frozenset(
    "the staff news agency wire wires service services reporters reporter reporting writers writer "
    "editors editorial desk team via by from with and & inc ltd llc lp l.p. media group international "
    "global english online digital newswire feed content".split()
)
_CREDIT_SEP = regex.compile(r"(?:[,/|(\[;–—-]|\b(?:via|and|with|by|from)\b)\s*$", regex.I)
_AGENCY_DOMAINS = {
    "reuters.com": "Reuters", "thomsonreuters.com": "Reuters", "apnews.com": "AP", "ap.org": "AP",
    "afp.com": "AFP", "dpa.com": "dpa", "dpa-international.com": "dpa", "efe.com": "EFE",
    "ansa.it": "ANSA", "upi.com": "UPI", "xinhuanet.com": "Xinhua", "news.cn": "Xinhua",
    "kyodonews.net": "Kyodo", "kyodonews.jp": "Kyodo", "yna.co.kr": "Yonhap", "yonhapnews.co.kr": "Yonhap",
    "bloomberg.com": "Bloomberg", "thecanadianpress.com": "The Canadian Press", "aap.com.au": "AAP",
    "europapress.es": "Europa Press", "pa.media": "PA", "tass.com": "TASS", "tass.ru": "TASS",
    "aa.com.tr": "Anadolu", "ptinews.com": "PTI", "interfax.ru": "Interfax", "interfax.com": "Interfax",
    "lusa.pt": "Lusa", "bernama.com": "Bernama", "ria.ru": "RIA Novosti", "ukrinform.ua": "Ukrinform",
    "ukrinform.net": "Ukrinform", "irna.ir": "IRNA", "isna.ir": "ISNA", "bta.bg": "BTA", "hina.hr": "HINA",
    "tanjug.rs": "Tanjug", "ctk.cz": "ČTK", "tasr.sk": "TASR", "pap.pl": "PAP", "mti.hu": "MTI",
    "agerpres.ro": "Agerpres", "amna.gr": "ANA-MPA", "antaranews.com": "Antara", "vna.vn": "VNA",
    "vietnamplus.vn": "VNA", "wam.ae": "WAM", "spa.gov.sa": "SPA", "jiji.com": "Jiji",
    "ntb.no": "NTB", "tt.se": "TT", "ritzau.dk": "Ritzau", "stt.fi": "STT", "belga.be": "Belga", "anp.nl": "ANP",
    "apa.at": "APA", "keystone-sda.ch": "Keystone-SDA", "agenciabrasil.ebc.com.br": "Agência Brasil",
    "telam.com.ar": "Télam", "notimex.gob.mx": "Notimex",
}


def credited_agencies(name: str) -> list[str]:
    """Agencies a name field credits: "Reuters", "AP Staff", "Jane Doe, AFP"; not "Michael Bloomberg"."""
    found: list[str] = []
    for m in reversed(list(AGENCY_RE.finditer(name))):
        before = name[: m.start()].strip()
        words = (before + " " + name[m.end():]).lower().split()
        leftover = [w for w in words if w.strip(".,") not in _FILLER]
        if not leftover or not before or _CREDIT_SEP.search(before) or before.lower() in _FILLER:
            agency = AGENCIES[m.group(1)]
            if agency not in found:
                found.insert(0, agency)
    return found


def _norm(name: str) -> str:
    name = _html.unescape(name).lower().strip()
    name = re.sub(r"^the\s+", "", name)
    return re.sub(r"[\W_]+", "", name)


@dataclass
class _Own:
    """Who the page says it is."""

    site: str | None = None          # registered domain
    site_names: list[str] = field(default_factory=list)   # og:site_name, WebSite.name, ...
    publishers: list[str] = field(default_factory=list)   # JSON-LD publisher names

    def _is(self, value: str, names: Iterable[str]) -> bool:
        value = value.strip()
        if not value:
            return True
        if looks_like_url(value):
            other = site_of(value if "//" in value[:8] else "http:" + value)
            return other is not None and other == self.site
        n = _norm(value)
        if not n:
            return True
        names = [x for x in names if x]
        norms = [_norm(x) for x in names]
        for o in norms:
            if not o:
                continue
            if n == o or (min(len(n), len(o)) >= 4 and (n.startswith(o) or o.startswith(n))):
                return True
        if self.site:
            label = _norm(self.site.split(".")[0])
            if len(label) >= 3 and (n == label or (min(len(n), len(label)) >= 4
                                                  and (n.startswith(label) or label.startswith(n)))):
                return True
        mine = set(self.agencies())
        for x in names:
            mine.update(agencies_in(x))
        return bool(mine & set(agencies_in(value)))

    def known(self, with_publishers: bool = True) -> bool:
        return bool(self.site or self.site_names or (with_publishers and self.publishers))

    def agencies(self) -> frozenset[str]:
        """The agencies the site itself is. The declared publisher does not count: a local
        paper's JSON-LD may name AP as the publisher of the wire story it runs."""
        mine = {_AGENCY_DOMAINS[self.site]} if self.site in _AGENCY_DOMAINS else set()
        for name in self.site_names:
            mine.update(agencies_in(name))
        return frozenset(mine)

    def is_self(self, value: str) -> bool:
        """Same organisation as the page (site, site name or publisher)."""
        return self._is(value, self.site_names + self.publishers)

    def is_site(self, value: str) -> bool:
        """Same organisation as the site itself (not counting the declared publisher)."""
        return self._is(value, self.site_names)


# -- evidence text ----------------------------------------------------------------------------

def _shorten(text: str, limit: int = MAX_EVIDENCE) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _start_tag(node) -> str:
    parts = [node.tag]
    for k, v in (node.attributes or {}).items():
        parts.append(k if v is None else f'{k}="{_html.escape(v, quote=True)}"')
    return _shorten("<" + " ".join(parts) + ">")


def _ld_text(key: str, value: Any) -> str:
    try:
        dumped = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        dumped = str(value)
    return _shorten(f'<script type="application/ld+json"> "{key}": {dumped}')


# -- IPTC digital source type ----------------------------------------------------------------

_IPTC_AI = re.compile(
    r"(?<![A-Za-z])(compositeWithTrainedAlgorithmicMedia|trainedAlgorithmicMedia|algorithmicMedia)"
    r"(?![A-Za-z])",
    re.I,
)
_TRUE = frozenset({"true", "yes", "1", "y", "on"})
# "partly written by AI" is still an AI-generation disclosure for a curator
_AI_PARTLY = frozenset({"partial", "partially", "partly", "assisted", "ai-assisted", "mixed"})


def _meta_key(node) -> str:
    attrs = node.attributes or {}
    return (attrs.get("name") or attrs.get("property") or attrs.get("itemprop") or "").strip().lower()


_ATTR_BEFORE_TERM = re.compile(rb"""([^\s"'<>/=]+)\s*=\s*["']?[^"'<>]*$""")
_CSS_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_:.-]*$")


def _all_elements(tree) -> list:
    return list(tree.root.traverse()) if tree.root is not None else []


def _candidates(tree, low: bytes | None) -> list:
    """The elements to look at, in document order: meta/link/script/base, plus any element with
    an IPTC AI term in an attribute. low is the lowercased raw page (None: unknown, walk it all)."""
    if low is None:
        return _all_elements(tree)
    selectors = ["meta", "link", "script", "base"]
    names: set[str] = set()
    pos = low.find(b"algorithmicmedia")
    while pos != -1:
        # the attribute the term sits in: the last name= before it within the same tag
        m = _ATTR_BEFORE_TERM.search(low, max(0, pos - 400), pos)
        if m:
            names.add(m.group(1).decode("ascii", "replace"))
        if len(names) > 50:
            return _all_elements(tree)
        pos = low.find(b"algorithmicmedia", pos + 16)
    if not all(_CSS_NAME.match(n) for n in names):
        return _all_elements(tree)
    for n in sorted(names):
        esc = re.sub(r"([:.])", r"\\\1", n)
        selectors.append(f'[{esc}*="algorithmicmedia" i]')
    try:
        return list(tree.css(", ".join(selectors)))
    except Exception:  # noqa: BLE001 - a selector lexbor rejects: walk the tree instead
        return _all_elements(tree)


# -- the scan ---------------------------------------------------------------------------------

@dataclass
class _Found:
    out: list[tuple[Evidence, dict[str, str]]] = field(default_factory=list)
    seen: set[tuple[str, str]] = field(default_factory=set)

    def add(self, rule: str, category: str, text: str, groups: dict[str, str] | None = None) -> None:
        key = (rule, text)
        if key in self.seen:
            return
        self.seen.add(key)
        clean = {k: v for k, v in (groups or {}).items() if v}
        self.out.append((Evidence(0, rule, category, text, "html"), clean))


def _value_groups(value: str) -> dict[str, str]:
    value = _html.unescape(value).strip()
    if looks_like_url(value):
        return {"original_url": value}
    return {"original_source": value, "agencies": ", ".join(agencies_in(value))}


def markup_provenance(tree, page_url: str | None = None) -> list[tuple[Evidence, dict[str, str]]]:
    """Provenance evidence declared in the page's markup, in document order, without duplicates."""
    return read_markup(tree, page_url)[0]


def read_markup(tree, page_url: str | None = None) -> tuple[list[tuple[Evidence, dict[str, str]]], frozenset[str]]:
    """markup_provenance, and the wire agencies the page's own site is (apnews.com, an
    og:site_name "РИА Новости"): an agency's dateline on the agency's own page is not syndication.

    tree is a selectolax LexborHTMLParser (or the legacy HTMLParser) of the whole page, before
    scripts are removed. page_url, when given, must be an absolute http(s) URL; it is the page's
    own address for the canonical-URL check (else og:url, else <base href>).
    """
    try:
        raw = tree.raw_html
        if not isinstance(raw, bytes):
            raw = str(raw or "").encode("utf-8", "replace")
    except Exception:  # noqa: BLE001 - selectolax variants
        raw = b""
    low = raw.lower() if raw else None
    nodes = _candidates(tree, low)
    scan_attrs = low is None or b"algorithmicmedia" in low

    # Pass 1: who is the page, and what does its JSON-LD say.
    own = _Own()
    og_url = base_href = None
    blocks: list[tuple[Any, list[Any] | None, str]] = []  # (node, parsed, raw)
    ids: dict[str, dict] = {}
    for node in nodes:
        tag = node.tag
        attrs = node.attributes or {}
        if tag == "meta":
            key = _meta_key(node)
            content = (attrs.get("content") or "").strip()
            if key == "og:url" and content and og_url is None:
                og_url = content
            elif key in ("og:site_name", "application-name") and content:
                own.site_names.append(_html.unescape(content))
        elif tag == "base" and base_href is None and attrs.get("href"):
            base_href = attrs["href"].strip()
        elif tag == "script" and "ld+json" in (attrs.get("type") or "").lower():
            text = node.text(deep=True) or ""
            parsed = parse_jsonld(text)
            blocks.append((node, parsed, text))
            for obj, _top in walk(parsed or []):
                if isinstance(obj.get("@id"), str) and len(obj) > 2:
                    ids.setdefault(obj["@id"], obj)
    page_site = site_of(page_url) or site_of(og_url) or site_of(base_href)
    own.site = page_site
    resolve_base = page_url if host_of(page_url) else (og_url if host_of(og_url) else (
        base_href if host_of(base_href) else None))
    for _node, parsed, _raw in blocks:
        for obj, top in walk(parsed or []):
            if not top:
                continue
            types = type_of(obj)
            if "website" in types:
                own.site_names.extend(value_names(obj.get("name"), ids))
            if "publisher" in obj:
                for n in value_names(obj["publisher"], ids):
                    if n not in own.publishers:
                        own.publishers.append(n)

    # Pass 2: evidence in document order.
    found = _Found()
    for node in nodes:
        tag = node.tag
        attrs = node.attributes or {}
        if tag == "meta":
            _meta(node, attrs, own, found)
        elif tag == "link":
            _canonical(node, attrs, own, resolve_base, found)
        elif tag == "script" and "ld+json" in (attrs.get("type") or "").lower():
            block = next((b for b in blocks if b[0] is node or b[0].mem_id == node.mem_id), None)
            if block is not None:
                _jsonld(block[1], block[2], own, ids, found)
        if scan_attrs and tag != "meta" and attrs:
            for k, v in attrs.items():
                if v and _IPTC_AI.search(v):
                    found.add("HTM014", AI, _start_tag(node))
                    break
    return found.out, own.agencies()


def _meta(node, attrs: dict, own: _Own, found: _Found) -> None:
    key = _meta_key(node)
    content = _html.unescape(attrs.get("content") or "").strip()
    compact = re.sub(r"[\s_.:-]+", "", key)
    if key == "syndication-source" and content:
        if not (looks_like_url(content) and own.is_self(content)):
            found.add("HTM001", SYND, _start_tag(node), _value_groups(content))
    elif key == "original-source" and content:
        if not own.is_self(content):
            found.add("HTM002", SYND, _start_tag(node), _value_groups(content))
    elif key in ("article:source", "og:article:source") and content:
        if not own.is_self(content):
            found.add("HTM004", SYND, _start_tag(node), _value_groups(content))
    elif key in ("dc.source", "dcterms.source", "dc:source", "dcterms:source") and content:
        if own.known() and not own.is_self(content):
            found.add("HTM005", SYND, _start_tag(node), _value_groups(content))
    elif compact in ("aigenerated", "aicontent") and content.lower() in _TRUE | _AI_PARTLY:
        found.add("HTM015", AI, _start_tag(node))
    elif any(v and _IPTC_AI.search(v) for v in attrs.values()):
        found.add("HTM014", AI, _start_tag(node))


def _canonical(node, attrs: dict, own: _Own, resolve_base: str | None, found: _Found) -> None:
    rels = (attrs.get("rel") or "").lower().split()
    href = (attrs.get("href") or "").strip()
    if "canonical" not in rels or not href or own.site is None:
        return
    try:
        target = urljoin(resolve_base, href) if resolve_base else href
    except ValueError:
        return
    other = site_of(target)
    if other is None or other == own.site:
        return
    found.add("HTM003", SYND, _start_tag(node), {"original_url": target})


_SYND_PROPS = {
    "sourceOrganization": "HTM007", "creditText": "HTM008", "copyrightHolder": "HTM009", "provider": "HTM010",
}


def _jsonld(parsed: list[Any] | None, raw: str, own: _Own, ids: dict[str, dict], found: _Found) -> None:
    if parsed is None:
        # Broken beyond repair: still read the plain "key": "value" pairs we care about.
        for m in BROKEN_KEYS.finditer(raw):
            key, value = m.group(1), m.group(2)
            try:
                value = json.loads(f'"{value}"')
            except ValueError:
                pass
            _ld_pair(key, value, True, own, ids, found)
        return
    for obj, top in walk(parsed):
        authors = [_norm(n) for n in value_names(obj.get("author"), ids)] if top else []
        for key, value in obj.items():
            _ld_pair(key, value, top, own, ids, found, authors)


def _ld_pair(key: str, value: Any, top: bool, own: _Own, ids: dict[str, dict], found: _Found,
             authors: list[str] = ()) -> None:
    if key == "digitalSourceType":
        vals = value if isinstance(value, list) else [value]
        for v in vals:
            v = v.get("@id") or v.get("url") or v.get("name") if isinstance(v, dict) else v
            if isinstance(v, str) and _IPTC_AI.search(v):
                found.add("HTM013", AI, _ld_text(key, value))
                return
        return
    if not top:
        return  # photo credits, logo owners, cited works: not the article's own provenance
    if key in ("isBasedOn", "isBasedOnUrl"):
        urls = value_urls(value)
        names = source_names(value, ids)
        if isinstance(value, str) and not urls and value.strip():
            names = [value.strip()]
        if urls and all(own.site and site_of(u if "//" in u[:8] else "http:" + u) == own.site for u in urls):
            return
        if not urls and (not names or all(own.is_self(n) for n in names)):
            return
        groups = {"original_url": urls[0] if urls else "", "original_source": names[0] if names else ""}
        if names:
            groups["agencies"] = ", ".join(a for n in names for a in agencies_in(n))
        found.add("HTM006", SYND, _ld_text(key, value), groups)
    elif key in _SYND_PROPS:
        names = value_names(value, ids)
        if key == "creditText" and isinstance(value, str):
            names = [value.strip()]
        # the page's own organisation, or the article's author holding the copyright, is no source
        others = [n for n in names if not own.is_self(n) and _norm(n) not in authors]
        if not others:
            return
        agencies = [a for n in others for a in agencies_in(n)]
        if key != "sourceOrganization" and not (own.site_names or own.publishers) and not agencies:
            return  # a credit with no site or publisher name to compare it to says little
        found.add(_SYND_PROPS[key], SYND, _ld_text(key, value),
                  {"original_source": others[0], "agencies": ", ".join(dict.fromkeys(agencies))})
    elif key == "author":
        names = value_names(value, ids)
        agencies = [a for n in names if not own.is_self(n) for a in credited_agencies(n)]
        if agencies:
            found.add("HTM011", SYND, _ld_text(key, value), {"agencies": ", ".join(dict.fromkeys(agencies))})
    elif key == "publisher":
        if not own.known(with_publishers=False):
            return
        names = value_names(value, ids)
        agencies = [a for n in names if not own.is_site(n) for a in credited_agencies(n)]
        if agencies:
            found.add("HTM012", SYND, _ld_text(key, value), {"agencies": ", ".join(dict.fromkeys(agencies))})
