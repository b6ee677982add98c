"""Bad HTML input: encodings declared wrong or not at all, truncated markup, huge pages."""
from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from stripper.html.decode import declared_charset, decode_html
from stripper.html.metadata import markup_provenance
from stripper.textio import InputError

TEXT = "Café “quoted” — naïve façade, 10 €"


def page(head: str = "", body: bytes = b"") -> bytes:
    return (b"<!DOCTYPE html><html><head>" + head.encode("ascii") + b"<title>t</title></head><body><p>"
            + body + b"</p></body></html>")


def body_of(text: str) -> str:
    return text.split("<p>", 1)[1].split("</p>", 1)[0]


# -- byte-order marks ---------------------------------------------------------------------------

@pytest.mark.parametrize("codec, bom", [
    ("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE),
    ("utf-32-le", codecs.BOM_UTF32_LE), ("utf-32-be", codecs.BOM_UTF32_BE),
])
def test_bom(codec, bom):
    html = f'<html><head><meta charset="iso-8859-1"></head><body><p>{TEXT}</p></body></html>'
    out = decode_html(bom + html.encode(codec))
    assert out == html  # the BOM wins over the meta tag and is not part of the text


# -- declared charsets ------------------------------------------------------------------------

@pytest.mark.parametrize("head", [
    '<meta charset="windows-1252">', "<meta charset=windows-1252>", "<META CHARSET='Windows-1252'>",
    '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">',
    '<meta content="text/html;charset=cp1252" http-equiv="content-type">',
])
def test_meta_charset_and_http_equiv(head):
    assert declared_charset(page(head)) == "cp1252"
    assert body_of(decode_html(page(head, TEXT.encode("cp1252")))) == TEXT


def test_xml_declaration():
    data = b'<?xml version="1.0" encoding="ISO-8859-15"?><html><body><p>' + "10 €".encode("iso-8859-15") + b"</p>"
    assert declared_charset(data) == "iso8859-15"
    assert body_of(decode_html(data)) == "10 €"


@pytest.mark.parametrize("label", ["iso-8859-1", "latin1", "ISO_8859-1", "us-ascii", "ascii"])
def test_latin1_and_ascii_labels_mean_cp1252(label):
    head = f'<meta charset="{label}">'
    assert declared_charset(page(head)) == "cp1252"
    assert body_of(decode_html(page(head, TEXT.encode("cp1252")))) == TEXT


def test_legacy_cjk_and_cyrillic_declared():
    jp = "東京で会議が開かれた。"
    assert body_of(decode_html(page('<meta charset="shift_jis">', jp.encode("shift_jis")))) == jp
    ru = "Москва объявила о новых мерах"
    assert body_of(decode_html(page('<meta charset="koi8-r">', ru.encode("koi8_r")))) == ru


def test_charset_after_the_first_4k_is_not_read():
    late = page("<!--" + "x" * 5000 + '--><meta charset="koi8-r">')
    assert declared_charset(late) is None


def test_unknown_declared_charset_is_ignored():
    assert declared_charset(page('<meta charset="x-no-such-thing">')) is None
    assert body_of(decode_html(page('<meta charset="x-no-such-thing">', TEXT.encode()))) == TEXT


def test_declared_utf16_in_ascii_markup_is_utf8():
    assert body_of(decode_html(page('<meta charset="utf-16">', TEXT.encode()))) == TEXT


# -- wrong or missing declarations ----------------------------------------------------------

def test_declared_latin1_but_bytes_are_utf8():
    assert body_of(decode_html(page('<meta charset="iso-8859-1">', TEXT.encode("utf-8")))) == TEXT
    assert body_of(decode_html(page('<meta charset="windows-1251">', TEXT.encode("utf-8")))) == TEXT


def test_declared_utf8_but_bytes_are_cp1252():
    assert body_of(decode_html(page('<meta charset="utf-8">', TEXT.encode("cp1252")))) == TEXT


def test_missing_charset_with_cp1252_bytes():
    assert body_of(decode_html(page("", TEXT.encode("cp1252")))) == TEXT
    german = "Der Bürgermeister äußerte sich über die Straße."
    assert body_of(decode_html(page("", german.encode("cp1252")))) == german


def test_missing_charset_with_utf8_bytes():
    assert body_of(decode_html(page("", TEXT.encode()))) == TEXT


def test_utf8_page_with_a_stray_cp1252_byte():
    data = page('<meta charset="utf-8">', "Café über ".encode() + b"\x93x\x94 " + "naïve".encode())
    assert body_of(decode_html(data)) == "Café über \ufffdx\ufffd naïve"


def test_declared_cp1252_with_an_undefined_byte():
    out = body_of(decode_html(page('<meta charset="windows-1252">', "Café".encode("cp1252") + b"\x81")))
    assert out.startswith("Café") and len(out) == 5


# -- explicit encoding --------------------------------------------------------------------------

def test_explicit_encoding_wins():
    data = page('<meta charset="utf-8">', TEXT.encode("cp1252"))
    assert body_of(decode_html(data, "cp1252")) == TEXT
    assert body_of(decode_html(codecs.BOM_UTF8 + page("", "é".encode("latin-1")), "latin-1")).endswith("é")


def test_explicit_encoding_never_raises_on_bytes():
    assert "\ufffd" in decode_html(b"<p>\xff\xfe\xfd</p>", "utf-8")


def test_unknown_explicit_encoding_is_an_input_error():
    with pytest.raises(InputError) as exc:
        decode_html(page(), "klingon-8")
    assert "klingon-8" in str(exc.value) and "\n" not in str(exc.value)


# -- never raise on bytes -------------------------------------------------------------------------

@pytest.mark.parametrize("data", [
    b"", b"\x00", b"\xff", b"\xfe\xff\x00", b"\xef\xbb", b"\x00\x00\xfe\xff\x00", b"\xff\xfe\x00\x00\x00",
    b"<meta charset=", b'<meta charset="', b"<meta charset=utf-8", b"\x00<\x00h\x00t\x00m\x00l\x00>",
    bytes(range(256)), b"<html>" + bytes(range(128, 256)) * 50,
])
def test_odd_bytes_decode(data):
    assert isinstance(decode_html(data), str)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000), st.sampled_from(["", '<meta charset="utf-8">', '<meta charset="latin1">',
                                                  '<meta charset="shift_jis">', '<meta charset="utf-16">']))
def test_random_bytes_never_raise(data, head):
    text = decode_html(page(head) + data)
    assert isinstance(text, str)
    assert isinstance(markup_provenance(LexborHTMLParser(text)), list)


# -- truncated and malformed markup ------------------------------------------------------------

FULL = (
    '<!DOCTYPE html><html><head><meta charset="utf-8"><meta property="og:url" content="https://a.example/x">'
    '<link rel="canonical" href="https://b.example/x"><meta name="ai-generated" content="true">'
    '<script type="application/ld+json">{"@type":"NewsArticle","isBasedOn":"https://c.example/y",'
    '"author":{"name":"Reuters"}}</script></head><body><article><p>Text é “x”.</p></article></body></html>'
)


@pytest.mark.parametrize("cut", list(range(0, len(FULL), 7)))
def test_truncated_markup(cut):
    data = FULL[:cut].encode()
    text = decode_html(data)
    found = markup_provenance(LexborHTMLParser(text), "https://a.example/x")
    assert isinstance(found, list)
    # whatever survived the cut is still well-formed evidence
    for ev, groups in found:
        assert ev.source == "html" and ev.line == 0 and isinstance(groups, dict)


def test_complete_page_finds_everything():
    found = markup_provenance(LexborHTMLParser(decode_html(FULL.encode())))
    assert [ev.rule for ev, _ in found] == ["HTM003", "HTM015", "HTM006", "HTM011"]


@pytest.mark.parametrize("markup", [
    "<html><head><meta name='ai-generated' content='true'",                # unclosed tag at EOF
    "<script type='application/ld+json'>{\"isBasedOn\": \"https://c.example/",  # unclosed script
    "<<<>>><meta name=ai-generated content=yes/><</",
    "<html><head></head><body>" + "<div>" * 5000 + "x",                   # deep unclosed nesting
    "<svg><meta name='ai-generated' content='true'></svg><math><link rel=canonical href=//z.example></math>",
    "\x00<meta\x00 name=ai-generated content=1>",
])
def test_malformed_markup_does_not_crash(markup):
    assert isinstance(markup_provenance(LexborHTMLParser(markup), "https://a.example/"), list)


# -- huge pages --------------------------------------------------------------------------------

def _huge_page(size: int, tail: str = "") -> bytes:
    head = ('<!DOCTYPE html><html><head><meta charset="windows-1252"><title>Big</title>'
            '<meta property="og:url" content="https://big.example/a">'
            '<link rel="canonical" href="https://www.origin.example/a"></head><body>')
    para = "<div class='c'><p>Paragraph with caf\xe9 and \u201cquotes\u201d and a <a href='/x'>link</a>.</p></div>\n"
    n = size // len(para) + 1
    return (head + para * n + tail + "</body></html>").encode("cp1252")


def test_huge_page_decodes_and_scans():
    data = _huge_page(20 * 1024 * 1024, tail='<img src="x.jpg" data-dst="trainedAlgorithmicMedia">')
    assert len(data) >= 20 * 1024 * 1024
    text = decode_html(data)
    assert text.count("caf\xe9") > 100_000
    found = markup_provenance(LexborHTMLParser(text))
    assert [ev.rule for ev, _ in found] == ["HTM003", "HTM014"]


def test_huge_page_without_iptc_terms():
    text = decode_html(_huge_page(20 * 1024 * 1024))
    assert [ev.rule for ev, _ in markup_provenance(LexborHTMLParser(text))] == ["HTM003"]


def test_huge_undeclared_cp1252_page():
    data = _huge_page(5 * 1024 * 1024).replace(b'<meta charset="windows-1252">', b"")
    text = decode_html(data)
    assert "caf\xe9" in text and "\u201cquotes\u201d" in text
