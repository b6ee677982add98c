"""Markup provenance: one convention per test, each with its positive and negative cases."""
from __future__ import annotations

from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from stripper.html.decode import decode_html
from stripper.html.sites import registered_domain
from stripper.html.metadata import (
    credited_agencies,
    markup_provenance,
)
from stripper.provenance import build_provenance

META = Path(__file__).resolve().parent.parent.parent / "fixtures" / "html" / "meta"
IPTC = "http://cv.iptc.org/newscodes/digitalsourcetype/"


def scan(head: str = "", body: str = "", page_url: str | None = None):
    html = f"<!DOCTYPE html><html><head><title>t</title>{head}</head><body>{body}<p>Text.</p></body></html>"
    return markup_provenance(LexborHTMLParser(html), page_url)


def rules(found) -> list[str]:
    return [ev.rule for ev, _ in found]


def ld(obj: str) -> str:
    return f'<script type="application/ld+json">{obj}</script>'


def fixture(name: str):
    return markup_provenance(LexborHTMLParser(decode_html((META / name).read_bytes())))


SITE = '<meta property="og:site_name" content="Harbor Town Gazette">'
OG = '<meta property="og:url" content="https://www.harbortown.example/news/a">'


# -- evidence shape ---------------------------------------------------------------------------

def test_evidence_shape_and_build_provenance():
    found = scan('<meta name="syndication-source" content="https://www.nytimes.com/2024/01/01/x.html">'
                 '<meta name="ai-generated" content="true">', page_url="https://www.harbortown.example/a")
    assert rules(found) == ["HTM001", "HTM015"]
    for ev, _ in found:
        assert ev.line == 0 and ev.source == "html" and ev.text.startswith("<meta ")
    assert found[0][0].category == "provenance_syndication"
    assert found[1][0].category == "provenance_ai"
    prov = build_provenance([], {}, extra=found)
    assert prov.syndicated and prov.ai_generated
    assert prov.details["original_url"] == "https://www.nytimes.com/2024/01/01/x.html"


def test_evidence_text_is_shortened():
    url = "https://www.other.example/" + "x" * 1000
    (ev, groups), = scan(f'<meta name="syndication-source" content="{url}">')
    assert len(ev.text) <= 300 and ev.text.endswith("…")
    assert groups["original_url"] == url


def test_document_order_and_no_duplicates():
    head = ('<meta name="ai-generated" content="yes">'
            '<link rel="canonical" href="https://elsewhere.example/a">'
            '<meta name="ai-generated" content="yes">'
            + ld('{"@type":"NewsArticle","isBasedOn":"https://origin.example/a"}')
            + ld('{"@type":"NewsArticle","isBasedOn":"https://origin.example/a"}'))
    found = scan(head, '<img src="a.jpg" data-source-type="trainedAlgorithmicMedia">',
                 page_url="https://harbortown.example/a")
    assert rules(found) == ["HTM015", "HTM003", "HTM006", "HTM014"]


def test_plain_page_has_no_evidence():
    assert scan(SITE + OG + '<link rel="canonical" href="https://www.harbortown.example/news/a">'
                '<meta name="description" content="Reuters reports that AP said so.">') == []


# -- HTM001 syndication-source / HTM002 original-source ----------------------------------------

def test_syndication_source():
    (ev, groups), = scan('<meta name="syndication-source" content="https://www.latimes.com/story">', page_url=None)
    assert ev.rule == "HTM001" and groups == {"original_url": "https://www.latimes.com/story"}


def test_syndication_source_pointing_at_own_site_is_not_syndication():
    assert scan('<meta name="syndication-source" content="https://harbortown.example/news/a">',
                page_url="https://www.harbortown.example/news/a") == []


def test_original_source():
    (ev, groups), = scan('<meta name="original-source" content="https://www.example.org/scoop">',
                         page_url="https://harbortown.example/a")
    assert ev.rule == "HTM002" and groups["original_url"] == "https://www.example.org/scoop"
    assert scan('<meta name="original-source" content="https://m.harbortown.example/a">',
                page_url="https://harbortown.example/a") == []


# -- HTM003 canonical to another site ---------------------------------------------------------

def test_canonical_to_another_site():
    (ev, groups), = scan('<link rel="canonical" href="https://www.theguardian.com/world/2024/x">',
                         page_url="https://www.harbortown.example/world/x")
    assert ev.rule == "HTM003" and ev.category == "provenance_syndication"
    assert ev.text == '<link rel="canonical" href="https://www.theguardian.com/world/2024/x">'
    assert groups == {"original_url": "https://www.theguardian.com/world/2024/x"}


@pytest.mark.parametrize("canonical, page", [
    ("https://www.example.com/a", "https://www.example.com/a"),          # self-canonical
    ("https://example.com/a", "https://www.example.com/amp/a"),          # www vs bare
    ("https://www.example.com/a", "https://amp.example.com/a"),          # amp. subdomain
    ("https://www.example.com/a", "https://m.example.com/a"),            # m. subdomain
    ("https://edition.example.com/a", "https://www.example.com/a"),      # same registered domain
    ("https://www.example.co.uk/a", "https://news.example.co.uk/a"),     # two-part public suffix
    ("/a/relative", "https://www.example.com/x"),                         # relative: own site
    ("//www.example.com/a", "https://example.com/x"),                    # scheme-relative, same site
    ("HTTPS://WWW.EXAMPLE.COM/a", "https://example.com/x"),              # case
])
def test_canonical_on_own_site_is_not_syndication(canonical, page):
    assert scan(f'<link rel="canonical" href="{canonical}">', page_url=page) == []


def test_canonical_same_suffix_different_site_is_syndication():
    found = scan('<link rel="canonical" href="https://www.guardian.co.uk/a">', page_url="https://www.bbc.co.uk/news/a")
    assert rules(found) == ["HTM003"]


def test_canonical_without_known_page_site_is_not_syndication():
    assert scan('<link rel="canonical" href="https://www.theguardian.com/world/x">') == []
    assert scan('<link rel="canonical" href="https://www.theguardian.com/world/x">', page_url="article.html") == []


def test_canonical_page_site_from_og_url_then_base():
    canon = '<link rel="canonical" href="https://www.theguardian.com/world/x">'
    assert rules(scan(OG + canon)) == ["HTM003"]
    assert rules(scan('<base href="https://harbortown.example/">' + canon)) == ["HTM003"]
    # page_url wins over og:url
    assert scan(OG + canon, page_url="https://theguardian.com/world/x") == []


def test_canonical_rel_tokens_and_other_rels():
    assert rules(scan('<link rel="Canonical nofollow" href="https://other.example/a">', page_url="https://a.example/")) \
        == ["HTM003"]
    assert scan('<link rel="amphtml" href="https://other.example/a">', page_url="https://a.example/") == []
    assert scan('<link rel="alternate" href="https://other.example/a">', page_url="https://a.example/") == []


def test_registered_domain():
    assert registered_domain("www.example.com") == "example.com"
    assert registered_domain("news.bbc.co.uk") == "bbc.co.uk"
    assert registered_domain("www.abc.net.au") == "abc.net.au"
    assert registered_domain("example.com.") == "example.com"
    assert registered_domain("localhost") == "localhost"
    assert registered_domain("127.0.0.1") == "127.0.0.1"


# -- HTM004 article:source / HTM005 dc.source ------------------------------------------------

@pytest.mark.parametrize("attr", ["name", "property"])
def test_article_source(attr):
    (ev, groups), = scan(f'<meta {attr}="article:source" content="Agence France-Presse">', page_url="https://a.example/")
    assert ev.rule == "HTM004" and groups["original_source"] == "Agence France-Presse"
    assert groups["agencies"] == "AFP"
    assert scan(f'<meta {attr}="article:source" content="https://a.example/other">', page_url="https://a.example/") == []


def test_dc_source():
    head = SITE + '<meta name="DC.Source" content="https://www.spiegel.de/politik/a">'
    (ev, groups), = scan(head, page_url="https://harbortown.example/a")
    assert ev.rule == "HTM005" and groups["original_url"] == "https://www.spiegel.de/politik/a"
    assert scan('<meta name="dcterms.source" content="Harbor Town Gazette">' + SITE) == []
    # nothing to compare against: dc.source alone is too weak
    assert scan('<meta name="dc.source" content="https://www.spiegel.de/politik/a">') == []


# -- HTM006 isBasedOn -------------------------------------------------------------------------

def test_is_based_on_url():
    (ev, groups), = scan(ld('{"@type":"NewsArticle","isBasedOn":"https://www.afp.com/en/a"}'),
                         page_url="https://harbortown.example/a")
    assert ev.rule == "HTM006" and groups == {"original_url": "https://www.afp.com/en/a"}
    assert ev.text.startswith('<script type="application/ld+json">') and "isBasedOn" in ev.text


def test_is_based_on_url_property_and_object():
    found = scan(ld('{"@type":"NewsArticle","isBasedOnUrl":"https://origin.example/a"}'))
    assert rules(found) == ["HTM006"]
    (ev, groups), = scan(ld('{"@type":"NewsArticle","isBasedOn":{"@type":"NewsArticle",'
                            '"url":"https://apnews.com/article/x","publisher":{"name":"Associated Press"}}}'))
    assert groups["original_url"] == "https://apnews.com/article/x"
    assert groups["original_source"] == "Associated Press" and groups["agencies"] == "AP"


def test_is_based_on_own_site_is_not_syndication():
    assert scan(ld('{"@type":"NewsArticle","isBasedOn":"https://www.harbortown.example/earlier"}'), OG) == []
    assert scan(OG + ld('{"@type":"NewsArticle","isBasedOn":"https://harbortown.example/earlier"}')) == []


# -- HTM007..HTM010 sourceOrganization, creditText, copyrightHolder, provider --------------------

@pytest.mark.parametrize("prop, rule", [
    ("sourceOrganization", "HTM007"), ("copyrightHolder", "HTM009"), ("provider", "HTM010"),
])
def test_credit_properties_that_differ_from_publisher(prop, rule):
    obj = ('{"@type":"NewsArticle","publisher":{"@type":"Organization","name":"Harbor Town Gazette"},'
           f'"{prop}":{{"@type":"Organization","name":"Reuters"}}}}')
    (ev, groups), = scan(ld(obj))
    assert ev.rule == rule and groups == {"original_source": "Reuters", "agencies": "Reuters"}
    same = obj.replace('"name":"Reuters"', '"name":"Harbor Town Gazette"')
    assert scan(ld(same)) == []


def test_credit_text():
    (ev, groups), = scan(SITE + ld('{"@type":"NewsArticle","creditText":"dpa"}'))
    assert ev.rule == "HTM008" and groups["agencies"] == "dpa"
    assert scan(SITE + ld('{"@type":"NewsArticle","creditText":"Harbor Town Gazette staff"}')) == []


def test_credit_on_images_and_logos_is_not_article_provenance():
    obj = ('{"@type":"NewsArticle","publisher":{"name":"Harbor Town Gazette","logo":{"@type":"ImageObject",'
           '"copyrightHolder":"Logo Design Co"}},"image":[{"@type":"ImageObject","creditText":"AFP",'
           '"copyrightHolder":{"name":"Getty Images"}}],"video":{"@type":"VideoObject","provider":"Reuters"}}')
    assert scan(ld(obj)) == []


def test_copyright_holder_with_nothing_to_compare_needs_an_agency():
    assert scan(ld('{"@type":"NewsArticle","copyrightHolder":"Some Company"}')) == []
    assert rules(scan(ld('{"@type":"NewsArticle","copyrightHolder":"Kyodo News"}'))) == ["HTM009"]


# -- HTM011 author / HTM012 publisher that is a wire agency -----------------------------------

@pytest.mark.parametrize("author, agency", [
    ('"Associated Press"', "AP"),
    ('{"@type":"Organization","name":"Reuters"}', "Reuters"),
    ('[{"@type":"Person","name":"Jane Roe"},{"@type":"Organization","name":"AFP"}]', "AFP"),
    ('{"@type":"Person","name":"Jane Roe, EFE"}', "EFE"),
    ('{"name":"Australian Associated Press"}', "AAP"),
    ('{"name":"Yonhap News Agency"}', "Yonhap"),
])
def test_author_is_a_wire_agency(author, agency):
    (ev, groups), = scan(SITE + ld(f'{{"@type":"NewsArticle","author":{author}}}'))
    assert ev.rule == "HTM011" and groups == {"agencies": agency}


@pytest.mark.parametrize("author", ['"Jane Roe"', '{"name":"Michael Bloomberg"}', '{"name":"Harbor Town Gazette"}'])
def test_author_not_an_agency(author):
    assert scan(SITE + ld(f'{{"@type":"NewsArticle","author":{author}}}')) == []


def test_publisher_agency_on_another_site():
    (ev, groups), = scan(SITE + ld('{"@type":"NewsArticle","publisher":{"name":"Agence France-Presse"}}'))
    assert ev.rule == "HTM012" and groups == {"agencies": "AFP"}
    # nothing known about the site: the declared publisher is the page's own
    assert scan(ld('{"@type":"NewsArticle","publisher":{"name":"Agence France-Presse"}}')) == []


def test_agency_on_its_own_site_is_not_syndication():
    assert fixture("reuters_own_site.html") == []
    obj = '{"@type":"NewsArticle","author":{"name":"AP"},"publisher":{"name":"Associated Press"},"creditText":"AP"}'
    assert scan(ld(obj), page_url="https://apnews.com/article/x") == []
    assert scan('<meta property="og:site_name" content="AP News">' + ld(obj)) == []


def test_credited_agencies():
    assert credited_agencies("The Associated Press") == ["AP"]
    assert credited_agencies("Reuters Staff") == ["Reuters"]
    assert credited_agencies("Jane Roe (Reuters)") == ["Reuters"]
    assert credited_agencies("Jane Roe and AP") == ["AP"]
    assert credited_agencies("Michael Bloomberg") == []
    assert credited_agencies("Jane Roe") == []


def test_graph_with_id_references():
    obj = ('{"@context":"https://schema.org","@graph":['
           '{"@type":"NewsArticle","author":{"@id":"#wire"},"publisher":{"@id":"#org"}},'
           '{"@type":"Organization","@id":"#org","name":"Harbor Town Gazette","url":"https://harbortown.example"},'
           '{"@type":"Organization","@id":"#wire","name":"Deutsche Presse-Agentur","url":"https://dpa.com"}]}')
    (ev, groups), = scan(ld(obj))
    assert ev.rule == "HTM011" and groups == {"agencies": "dpa"}


def test_main_entity_is_read_but_cited_works_are_not():
    obj = ('{"@type":"WebPage","mainEntity":{"@type":"NewsArticle","sourceOrganization":{"name":"UPI"}},'
           '"citation":{"@type":"NewsArticle","author":{"name":"Reuters"},"sourceOrganization":{"name":"AFP"}}}')
    found = scan(SITE + ld(obj))
    assert rules(found) == ["HTM007"] and found[0][1]["agencies"] == "UPI"


def test_fixture_wire_syndicated():
    found = fixture("wire_syndicated.html")
    assert rules(found) == ["HTM003", "HTM011"]  # copyrightHolder is the author: no second entry
    prov = build_provenance([], {}, extra=found)
    assert prov.syndicated and not prov.ai_generated
    assert prov.details["original_url"].startswith("https://apnews.com/article/")
    assert prov.details["agencies"] == ["AP"]


def test_fixture_yoast_graph_self():
    assert fixture("yoast_graph_self.html") == []


# -- HTM013 / HTM014 IPTC digital source type -------------------------------------------------

@pytest.mark.parametrize("value", [
    IPTC + "trainedAlgorithmicMedia", IPTC + "compositeWithTrainedAlgorithmicMedia", IPTC + "algorithmicMedia",
    "trainedAlgorithmicMedia", "https://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia",
])
def test_jsonld_digital_source_type(value):
    (ev, groups), = scan(ld(f'{{"@type":"NewsArticle","digitalSourceType":"{value}"}}'))
    assert ev.rule == "HTM013" and ev.category == "provenance_ai" and groups == {}


def test_jsonld_digital_source_type_not_ai():
    assert scan(ld(f'{{"@type":"NewsArticle","digitalSourceType":"{IPTC}digitalCapture"}}')) == []
    assert scan(ld(f'{{"@type":"NewsArticle","digitalSourceType":"{IPTC}humanEdits"}}')) == []


def test_meta_digital_source_type():
    (ev, _), = scan(f'<meta name="iptc:digitalsourcetype" content="{IPTC}trainedAlgorithmicMedia">')
    assert ev.rule == "HTM014" and ev.category == "provenance_ai"
    assert scan(f'<meta name="DigitalSourceType" content="{IPTC}digitalCapture">') == []


def test_digital_source_type_in_any_attribute():
    (ev, _), = scan(body=f'<figure data-iptc-source="{IPTC}compositeWithTrainedAlgorithmicMedia"><img src="a.jpg">'
                         '<figcaption>Illustration</figcaption></figure>')
    assert ev.rule == "HTM014" and ev.text.startswith("<figure data-iptc-source=") and "figcaption" not in ev.text
    # the term as part of a longer word, or in text, is not a declaration
    assert scan(body='<p class="notalgorithmicMediaX">trainedAlgorithmicMedia</p>') == []


# -- HTM015 ai-generated ------------------------------------------------------------------------

@pytest.mark.parametrize("value", ["true", "TRUE", "yes", "1", " True ", "partial", "AI-assisted"])
def test_ai_generated_meta(value):
    (ev, _), = scan(f'<meta name="ai-generated" content="{value}">')
    assert ev.rule == "HTM015" and ev.category == "provenance_ai"


@pytest.mark.parametrize("value", ["false", "no", "0", "", "maybe"])
def test_ai_generated_meta_false_is_not_a_flag(value):
    assert scan(f'<meta name="ai-generated" content="{value}">') == []


# -- broken input -------------------------------------------------------------------------------

def test_broken_jsonld_does_not_crash_and_still_reads_what_it_can():
    found = fixture("broken_jsonld.html")
    assert rules(found) == ["HTM006", "HTM013", "HTM011"]


@pytest.mark.parametrize("body", [
    "{", "}", "[", "null", "42", '"string"', "[[[[[[[[[[", '{"@graph": null}', '{"@graph": [null, 1, "x"]}',
    '{"author": {"@id": "#a"}, "@id": "#a", "name": "x"}',              # self-reference
    '{"@graph":[{"@id":"#a","author":{"@id":"#b"},"x":1},{"@id":"#b","author":{"@id":"#a"},"x":1}]}',
    "[" * 5000 + "]" * 5000,                                           # deep nesting
    "<!-- " + '{"@type":"NewsArticle","isBasedOn":"https://o.example/a"}' + " -->",
    '{"isBasedOn": 42, "author": 7, "publisher": [null], "creditText": {"x": 1}, "digitalSourceType": null}',
])
def test_odd_jsonld_does_not_crash(body):
    assert isinstance(scan(SITE + ld(body)), list)


def test_jsonld_in_html_comment_wrapper_is_read():
    assert rules(scan(ld('<!-- {"@type":"NewsArticle","isBasedOn":"https://o.example/a"} -->'))) == ["HTM006"]


def test_attributes_without_values_and_odd_metas():
    head = ('<meta name><meta content="true"><meta name="ai-generated"><link rel="canonical">'
            '<link href="https://x.example"><link rel="canonical" href="javascript:void(0)">'
            '<link rel="canonical" href="http://[bad">')
    assert scan(head, page_url="https://a.example/") == []


def test_digital_source_type_in_a_url_attribute():
    (ev, _), = scan(body='<img src="a.jpg" data-src="https://cdn.example/a.jpg?dst=trainedAlgorithmicMedia&w=2">')
    assert ev.rule == "HTM014" and ev.text.startswith('<img src="a.jpg"')
    found = scan(body='<span data-x?y="algorithmicMedia"></span>')  # odd attribute name: whole-tree walk
    assert rules(found) == ["HTM014"]


def test_copyright_held_by_the_author_or_compared_only_to_a_domain_is_not_syndication():
    obj = ('{"@type":"NewsArticle","author":{"name":"Jane Roe"},"publisher":{"name":"Harbor Town Gazette"},'
           '"copyrightHolder":{"name":"Jane Roe"}}')
    assert scan(ld(obj)) == []
    # only the domain is known: "The New York Times Company" on nytimes.com must not count
    assert scan(ld('{"@type":"NewsArticle","copyrightHolder":"The New York Times Company"}'),
                page_url="https://www.nytimes.com/2024/x.html") == []
    assert rules(scan(ld('{"@type":"NewsArticle","copyrightHolder":"Reuters"}'),
                      page_url="https://www.nytimes.com/2024/x.html")) == ["HTM009"]


def test_is_based_on_plain_name():
    (ev, groups), = scan(SITE + ld('{"@type":"NewsArticle","isBasedOn":"Xinhua News Agency"}'))
    assert ev.rule == "HTM006" and groups == {"original_source": "Xinhua News Agency", "agencies": "Xinhua"}
