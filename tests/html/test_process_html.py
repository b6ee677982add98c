"""process_html end to end on fixtures/html, and the CLI's HTML path (clean, explain, exit 3)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from stripper.cli import main
from stripper.documents import Outcome, process
from stripper.html import has_article_text, process_html
from stripper.provenance import merge_provenance
from stripper.options import DEFAULT_OPTIONS, Options
from stripper.result import Evidence, Provenance
from stripper.textio import InputError, NoContent

FIXTURES = Path(__file__).resolve().parent.parent.parent / "fixtures" / "html"
ARTICLE = FIXTURES / "article.html"
EMPTY = FIXTURES / "empty.html"


def run(*args: str, input: bytes | None = None):
    return CliRunner().invoke(main, list(args), input=input)


def test_article_outcome() -> None:
    data = ARTICLE.read_bytes()
    out = process_html(data, str(ARTICLE), DEFAULT_OPTIONS)
    assert isinstance(out, Outcome)
    assert out.fmt == "html" and out.original == data and out.decoded is None
    text = out.result.text
    lines = text.splitlines()
    assert lines[0] == "Harbour town votes to rebuild its old sea wall"  # heading kept
    assert "Fishermen welcome the plan" in lines
    assert any(ln.startswith("The council of the small harbour town") and ln.endswith("length.") for ln in lines)
    for junk in ("Jane Doe", "Waves break", "John Smith", "Share on", "newsletter", "Advertisement",
                 "Storm damages", "3 comments", "my boat was nearly lost", "All rights reserved"):
        assert junk not in text, junk
    assert {d["rule"] for d in out.dom_removed} >= {"DOM001", "DOM002", "DOM003", "DOM004", "DOM005"}
    assert out.output == text.encode("utf-8")


def test_one_paragraph_per_line() -> None:
    html = ("<html><body><article><p>First paragraph is written\n   over several source lines, as CMSes do,"
            " and it keeps going for a while.</p><ul><li>one item</li><li>two items</li></ul>"
            "<p>Second paragraph with enough words to be kept by the extractor as text.</p></article></body></html>")
    lines = process_html(html.encode(), "x.html").result.text.splitlines()
    assert lines[0].startswith("First paragraph is written over several source lines")
    assert "one item" in lines and "two items" in lines


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.html") if p.name != "empty.html"))
def test_every_fixture_has_text(name: str) -> None:
    out = process_html((FIXTURES / name).read_bytes(), name)
    assert out.result.text.strip()


def test_commentary_container_is_not_removed() -> None:
    out = process_html((FIXTURES / "commentary.html").read_bytes(), "c.html")
    assert out.dom_removed == ()
    assert "public library" in out.result.text and "doors stayed shut" in out.result.text


def test_no_article_text() -> None:
    with pytest.raises(NoContent, match="no article text"):
        process_html(EMPTY.read_bytes(), "empty.html")
    with pytest.raises(InputError):
        process_html(b"", "e.html")
    assert not has_article_text("Home About")
    assert has_article_text("Short but a sentence.")


def test_select_ignore_reach_the_dom_pass() -> None:
    out = process_html(ARTICLE.read_bytes(), "a.html", Options(ignore=frozenset({"caption"})))
    assert out.dom_removed and all(d["category"] != "caption" for d in out.dom_removed)
    only = process_html(ARTICLE.read_bytes(), "a.html", Options(select=frozenset({"DOM002"})))
    assert {d["rule"] for d in only.dom_removed} == {"DOM002"}


def test_process_routes_html() -> None:
    out = process(ARTICLE.read_bytes(), "-", DEFAULT_OPTIONS)  # sniffed from content
    assert out.fmt == "html"
    assert process(ARTICLE.read_bytes(), "page.txt", DEFAULT_OPTIONS, fmt="html").fmt == "html"


def test_merge_provenance() -> None:
    ev = Evidence(0, "META001", "provenance_syndication", "Reuters", source="html")
    merged = merge_provenance(Provenance(), [(ev, {"agencies": "Reuters"})])
    assert merged.syndicated and not merged.ai_generated
    assert merged.evidence == (ev,)
    assert merged.details["agencies"] == ["Reuters"]
    assert merge_provenance(Provenance(), []) == Provenance()


def test_markup_provenance_in_result() -> None:
    html = (b"<html><head><meta name='generator' content='x'><script type='application/ld+json'>"
            b'{"@type":"NewsArticle","isBasedOn":"https://apnews.com/article/x","sourceOrganization":'
            b'{"name":"Associated Press"}}</script></head><body><article>'
            + ARTICLE.read_bytes().split(b"<article class=\"post\">", 1)[1])
    out = process_html(html, "p.html")
    d = out.to_dict()
    assert "provenance" in d and "dom" in d  # evidence content is the metadata helper's to test


_STORY = ("<p>The regional council approved the new budget on Tuesday after a debate that lasted"
          " well into the night, with several members voting against the plan.</p>"
          "<p>The budget includes money for schools, roads and a new swimming pool in the north of"
          " the district, which residents have asked for since the old one closed.</p>")


@pytest.mark.parametrize("byline, agency", [
    ("Von Max Muster (mit dpa)", "dpa"), ("By THE ASSOCIATED PRESS", "AP"), ("AFP", "AFP")])
def test_wire_credit_in_a_removed_byline_box_flags_the_page(byline: str, agency: str) -> None:
    html = (f"<html><body><article><h1>Council passes budget</h1><div class='article__author'>{byline}</div>"
            f"{_STORY}</article></body></html>").encode()
    out = process_html(html, "p.html")
    assert any(d["rule"] == "DOM002" for d in out.dom_removed)
    assert out.result.provenance.syndicated
    assert agency in out.result.provenance.details["agencies"]
    ev = out.result.provenance.evidence[-1]
    assert ev.source == "html" and byline.split()[-1].strip("()") in ev.text


@pytest.mark.parametrize("box", ["<div class='article__author'>Von Max Muster</div>",
                                 "<figure><img src='a.jpg'><figcaption class='caption'>The pool. Photo: Reuters"
                                 "</figcaption></figure>"])
def test_byline_without_agency_and_photo_credit_do_not_flag(box: str) -> None:
    html = f"<html><body><article><h1>Council passes budget</h1>{box}{_STORY}</article></body></html>".encode()
    assert not process_html(html, "p.html").result.provenance.syndicated


# -- CLI -------------------------------------------------------------------------------------


def test_cli_clean_file() -> None:
    r = run("clean", str(ARTICLE))
    assert r.exit_code == 0, r.output
    assert "Fishermen welcome the plan" in r.stdout and "Jane Doe" not in r.stdout


def test_cli_stdin_format_html() -> None:
    r = run("clean", "--format", "html", "-", input=ARTICLE.read_bytes())
    assert r.exit_code == 0
    assert "rebuild the sea wall" in r.stdout and "<p>" not in r.stdout


def test_cli_stdin_sniffed() -> None:
    r = run("clean", input=ARTICLE.read_bytes())
    assert r.exit_code == 0
    assert "rebuild the sea wall" in r.stdout and "<html" not in r.stdout


def test_cli_output_dir(tmp_path: Path) -> None:
    r = run("clean", str(ARTICLE), "-o", str(tmp_path))
    assert r.exit_code == 0
    assert "rebuild the sea wall" in (tmp_path / "article.txt").read_text(encoding="utf-8")


def test_cli_explain_json_has_dom() -> None:
    r = run("explain", "--json", str(ARTICLE))
    assert r.exit_code == 0
    d = json.loads(r.stdout.splitlines()[0])
    assert d["format"] == "html"
    assert any(x["rule"] == "DOM001" and x["category"] == "caption" and x["selector"] for x in d["dom"])


def test_cli_explain_text_shows_dom() -> None:
    r = run("explain", "--no-color", str(ARTICLE))
    assert r.exit_code == 0
    assert "DOM002" in r.stdout and "byline" in r.stdout


def test_cli_no_article_text_exit_3() -> None:
    r = run("clean", str(EMPTY))
    assert r.exit_code == 3
    assert "warning" in r.stderr and "no article text found" in r.stderr
    assert r.stdout == ""


# -- COM101 (stripper/sections.py): comments that an extractor appended to the article -----------

ARTICLE_TEXT = "\n".join(
    f"Paragraph {i} of the story says something about the harbour wall and the storms this winter." for i in range(8))


def test_comment_section_after_counted_header_is_stripped() -> None:
    from stripper.pipeline import strip_text
    text = ARTICLE_TEXT + "\n37 comments\nGreat post, thanks!\nI disagree with all of it.\n"
    res = strip_text(text)
    assert res.text == ARTICLE_TEXT + "\n"
    assert "COM101" in {v.rule for v in res.stripped}  # a rule may claim the header first


def test_bare_comments_header_needs_comment_markers() -> None:
    from stripper.pipeline import strip_text
    heading_only = ARTICLE_TEXT + "\nComments\nThe council will take comments from residents until May.\n"
    assert "COM101" not in {v.rule for v in strip_text(heading_only).stripped}
    section = ARTICLE_TEXT + "\nComments\nJane says:\nNice.\nMark says:\nAgreed.\n"
    assert strip_text(section).text == ARTICLE_TEXT + "\n"


def test_comment_header_without_article_above_is_kept() -> None:
    from stripper.pipeline import strip_text
    assert "COM101" not in {v.rule for v in strip_text("Intro line\n12 comments\nFirst!\n").stripped}


def test_loose_text_in_trafilatura_body_is_kept() -> None:
    """trafilatura leaves a paragraph as bare text after a heading; it must not be dropped."""
    from lxml import etree

    from stripper.html.extract import body_lines
    body = etree.fromstring("<body>Intro line.<head>Title</head>Loose paragraph after the heading."
                            "<p>Second paragraph.</p>Tail text.</body>")
    assert body_lines(body) == ["Intro line.", "Title", "Loose paragraph after the heading.",
                                "Second paragraph.", "Tail text."]


def test_huge_page_is_cut_to_its_main_container_with_a_warning() -> None:
    article = "<article><h1>Big page</h1>" + "".join(
        f"<p>Paragraph {i} of the story tells what the soldiers saw at the border on Sunday.</p>"
        for i in range(30)) + "</article>"
    padding = "<div class='x'>" + "<span>menu item</span>" * 160_000 + "</div>"
    page = f"<html><head><title>t</title></head><body>{article}{padding}</body></html>".encode()
    assert len(page) > 3_000_000
    outcome = process_html(page, "big.html")
    assert "Paragraph 29 of the story" in outcome.result.text
    assert "menu item" not in outcome.result.text
    assert any("huge page" in w for w in outcome.warnings)


@pytest.mark.parametrize("head, syndicated", [
    ("<meta property='og:site_name' content='Reuters'>", False),
    ("<meta property='og:url' content='https://www.reuters.com/world/x'>", False),
    ("<meta property='og:site_name' content='The Harbour Times'>", True),
    ("", True),
    # a local paper naming the agency as publisher of the wire story it runs is syndication
    ("<meta property='og:site_name' content='The Harbour Times'><script type='application/ld+json'>"
     "{\"@type\":\"NewsArticle\",\"publisher\":{\"name\":\"Reuters\"}}</script>", True),
])
def test_an_agency_dateline_on_the_agency_own_site_is_not_syndication(head: str, syndicated: bool) -> None:
    html = (f"<html><head>{head}</head><body><article><h1>Council passes budget</h1>"
            "<p>LONDON (Reuters) - The regional council approved the new budget on Tuesday after a"
            " debate that lasted well into the night.</p>" f"{_STORY}</article></body></html>").encode()
    prov = process_html(html, "p.html").result.provenance
    assert prov.syndicated is syndicated
    assert ("Reuters" in prov.details.get("agencies", [])) is syndicated
