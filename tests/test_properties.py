"""Property tests: realistic articles mixed with boilerplate, CRLF, blanks and arbitrary text."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stripper import strip_text
from stripper.lines import split_lines

SENTENCES = [
    "The minister said on Monday that the talks would resume next week in Geneva after a long pause.",
    "Officials from both countries have met several times this year without reaching any agreement.",
    "Analysts expect the negotiations to focus on trade, border security and the fate of prisoners.",
    "By the end of the year, prices had risen sharply across the region.",
    "Reuters reported the figures on Monday.",
    "Comments from the minister were not welcome.",
    "He looked at the picture: it showed his grandfather in uniform.",
    "North Korean soldier defects to South Korea across heavily fortified border",
    "Tens of thousands of North Koreans have fled to South Korea since the 1950s war.",
    "Der Minister sagte am Montag, die Gespräche würden nächste Woche fortgesetzt.",
    "朝鲜一名陆军中士周日越过戒备森严的军事分界线投奔韩国，这是本月已知的第二起越境事件。",
    "    for item in items: total += item  # code",
    "Passport",
    "Member",
    "Ynetnews",
    "😀 Emoji 🇰🇷 sentence with astral 𝔘𝔫𝔦 characters.",
]
BOILERPLATE = [
    "Photo: Reuters", "(Photo: Kim Hong-Ji/Pool Photo via AP, File)", "1 View gallery", "Getty Images",
    "The Korean Peninsula DMZ", "גבול דרום קוריאה צפון קוריאה האזור הביטחוני המשותף",
    "By Jane Smith", "Published: June 2, 2025", "Staff Writer",
    "Read more: Inside the DMZ", "Sign up for our free daily newsletter", "Advertisement",
    "<< Follow Ynetnews on Facebook | Twitter | Instagram >>", "Comments", "12 comments",
    "© 2025 M10News. All rights reserved.", "Contact: world@m10news.com",
    "This article was written in collaboration with Generative AI news company Alchemiq",
    "Sources: Bloomberg, The Guardian, UPI.", "Original URL: https://example.com/a/b",
    "SEOUL, South Korea (AP) — A North Korean soldier crossed the border on Sunday.",
    "— with Post wires", "CatLover99", "Well-known member", "Joined: Mar 3, 2019", "Messages: 1,204",
    '""', "---", "* * *", "World", "Loading...", "Click to expand...",
]

line_st = st.one_of(
    st.sampled_from(SENTENCES),
    st.sampled_from(BOILERPLATE),
    st.just(""),
    st.sampled_from(["  ", "\t", " \u00a0 "]),
    st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\n"), max_size=40),
)


@st.composite
def documents(draw) -> str:
    lines = draw(st.lists(line_st, max_size=40))
    if lines and draw(st.booleans()):  # a paragraph pasted twice
        lines.append(draw(st.sampled_from(lines)))
    eols = draw(st.lists(st.sampled_from(["\n", "\n", "\r\n"]), min_size=len(lines), max_size=len(lines)))
    text = "".join(ln + e for ln, e in zip(lines, eols))
    if text and draw(st.booleans()):
        text = text[:-1] if not text.endswith("\r\n") else text[:-2]
    return text


# derandomize: the same 200 documents every run, so CI is never flaky; raise max_examples locally to explore.
SETTINGS = settings(max_examples=200, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(documents())
def test_second_pass_changes_nothing(text: str) -> None:
    once = strip_text(text).text
    assert strip_text(once).text == once


@SETTINGS
@given(documents())
def test_kept_lines_are_a_subsequence_of_input_lines(text: str) -> None:
    res = strip_text(text)
    inp = [ln.text for ln in split_lines(text)]
    out = [ln.text for ln in split_lines(res.text)]
    it = iter(inp)
    assert all(any(o == i for i in it) for o in out)
    kept = [v.text for v in res.verdicts if not v.stripped]
    assert [t for t in out if t.strip()] == kept


@SETTINGS
@given(documents())
def test_output_never_longer_and_unchanged_when_nothing_stripped(text: str) -> None:
    res = strip_text(text)
    assert len(res.text) <= len(text)
    if not res.changed:
        assert res.text == text
    else:
        assert len(res.text) < len(text)


@SETTINGS
@given(documents())
def test_verdict_offsets_valid(text: str) -> None:
    res = strip_text(text)
    prev_end = -1
    for v in res.verdicts:
        assert 0 <= v.start <= v.end <= len(text)
        assert v.start > prev_end
        assert text[v.start:v.end] == v.text
        assert v.text.strip()
        assert v.action in ("keep", "strip")
        if v.stripped:
            assert v.rule and v.category
        prev_end = v.end
    assert len(res.verdicts) == sum(1 for ln in split_lines(text) if not ln.blank)
    assert sum(res.counts.values()) == len(res.stripped)


@settings(max_examples=100, deadline=None, derandomize=True)
@given(documents())
def test_line_endings_survive(text: str) -> None:
    out = strip_text(text).text
    if "\r\n" not in text:
        assert "\r\n" not in out
    elif "\n" not in text.replace("\r\n", ""):
        assert "\n" not in out.replace("\r\n", "")
    if out and text:
        assert out.endswith("\n") == text.endswith("\n")
