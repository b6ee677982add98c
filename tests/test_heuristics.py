"""One test (positive and negative) per context heuristic, through the public core."""
from __future__ import annotations

import pytest

from stripper import Options, strip_text
from stripper.heuristics import HEURISTICS, code_like
from stripper.rules import load_rules

B = [
    "The minister said on Monday that the talks would resume next week in Geneva after a long pause.",
    "Officials from both countries have met several times this year without reaching any agreement.",
    "Analysts expect the negotiations to focus on trade, border security and the fate of prisoners.",
    "The opposition called the plan reckless and promised to fight it in parliament next month.",
]


def verdicts(doc: str, **opts: object) -> dict[str, tuple[str, str | None]]:
    res = strip_text(doc, Options(**opts) if opts else None)
    return {v.text.strip(): (v.action, v.rule) for v in res.verdicts}


def test_every_heuristic_is_registered_once() -> None:
    codes = [h.code for h in HEURISTICS]
    assert len(codes) == len(set(codes))
    for code in ("RES101", "FRM101", "MAS101", "CAP101", "CAP102", "CAP103", "DUP001"):
        assert code in codes


# --- RES101 --------------------------------------------------------------------

@pytest.mark.parametrize("line", ['""', "“”", "«»", "---", "*", "* * *", "===", "•", "…", "|", "】"])
def test_res101_strips_residue(line: str) -> None:
    v = verdicts("\n".join([B[0], line, B[1]]))
    assert v[line] == ("strip", "RES101")


@pytest.mark.parametrize("line", ["A - B", "1.", "--verbose", "OK", '"Yes"', "5 * 3 = 15"])
def test_res101_keeps_lines_with_words(line: str) -> None:
    v = verdicts("\n".join([B[0], line, B[1]]))
    assert v[line][0] == "keep"


# --- FRM101 --------------------------------------------------------------------

def test_frm101_strips_forum_header_block() -> None:
    doc = "\n".join([B[0], "CatLover99", "Well-known member", "Joined: Mar 3, 2019",
                     "Messages: 1,204", B[1]])
    v = verdicts(doc)
    for line in ("CatLover99", "Well-known member", "Joined: Mar 3, 2019", "Messages: 1,204"):
        assert v[line] == ("strip", "FRM101"), line
    assert v[B[0]][0] == v[B[1]][0] == "keep"


def test_frm101_member_card_as_definition_list() -> None:
    """XenForo's member card is a <dl>: the extractor writes each term and value as a line."""
    card = ["frostbitten_vt", "Member", "- Joined", "- Jan 4, 2023", "- Messages", "- 87",
            "- Reaction score", "- 41", "- Location", "- Northern Vermont"]
    v = verdicts("\n".join([B[0], *card, B[1]]))
    for line in card:
        assert v[line] == ("strip", "FRM101"), line
    assert v[B[1]][0] == "keep"


def test_frm101_definition_list_value_must_be_short() -> None:
    line = "Location scouts found the old mill a perfect set for the film."
    v = verdicts("\n".join([B[0], "Moderator", "Location", line, B[1]]))
    assert v[line][0] == "keep"


def test_frm101_rank_with_stats_only() -> None:
    v = verdicts("\n".join([B[0], "Moderator", "Posts: 512", B[1]]))
    assert v["Moderator"] == ("strip", "FRM101") and v["Posts: 512"] == ("strip", "FRM101")


@pytest.mark.parametrize("header", [
    ["gatto_nero", "Utente attivo", "Iscritto il: 3 marzo 2019", "Messaggi: 1.204"],
    ["Joana_S", "Membro ativo", "Mensagens: 88"],
    ["kaaskop", "Actief lid", "Lid sinds: mei 2015", "Berichten: 310"],
    ["Sepp", "Aktives Mitglied", "Beiträge: 2.045"],
])
def test_frm101_headers_in_other_languages(header: list[str]) -> None:
    v = verdicts("\n".join([B[0], *header, B[1]]))
    for line in header:
        assert v[line] == ("strip", "FRM101"), line


@pytest.mark.parametrize("board", [
    ["Piet Jansen", "Lid", "Karen de Vries", "Lid"],
    ["Maria Santos", "Moderador"],
    ["Jane Doe", "Member"],
    ["Giulia Bianchi", "Membro"],
])
def test_frm101_keeps_people_listed_with_their_role(board: list[str]) -> None:
    v = verdicts("\n".join([B[0], *board, B[1], B[2]]))
    for line in board:
        assert v[line][0] == "keep", line


def test_frm101_handle_and_rank_without_counts() -> None:
    v = verdicts("\n".join([B[0], "kaaskop77", "Lid", B[1], B[2]]))
    assert v["kaaskop77"] == ("strip", "FRM101") and v["Lid"] == ("strip", "FRM101")


def test_frm101_keeps_bare_member_line() -> None:
    v = verdicts("\n".join([B[0], "Member", B[1], B[2]]))
    assert v["Member"][0] == "keep"


def test_frm101_keeps_rank_word_in_prose() -> None:
    line = "Every member of the committee voted against the proposal on Monday."
    v = verdicts("\n".join([B[0], line, "Joined: March 2019", B[1]]))
    assert v[line][0] == "keep"


# --- MAS101 --------------------------------------------------------------------

def test_mas101_strips_site_name_above_headline() -> None:
    doc = "\n".join(["Ynetnews", "North Korean soldier defects to South Korea across border", B[0], B[1]])
    v = verdicts(doc)
    assert v["Ynetnews"] == ("strip", "MAS101")
    assert v["North Korean soldier defects to South Korea across border"][0] == "keep"


def test_mas101_strips_breadcrumb() -> None:
    doc = "\n".join(["News > World > Asia", "North Korean soldier defects to South Korea across border",
                     B[0], B[1]])
    assert verdicts(doc)["News > World > Asia"] == ("strip", "MAS101")


def test_mas101_keeps_heading_above_list() -> None:
    doc = "\n".join(["Checklist", "Things you need to know before you travel", "Passport", "Visa",
                     "Insurance", B[0]])
    v = verdicts(doc)
    assert v["Checklist"][0] == "keep"


def test_mas101_only_at_top() -> None:
    doc = "\n".join([B[0], "Ynetnews", "North Korean soldier defects to South Korea across border", B[1]])
    assert verdicts(doc)["Ynetnews"][0] == "keep"


def test_mas101_keeps_sentence_label() -> None:
    doc = "\n".join(["It rained.", "North Korean soldier defects to South Korea across border", B[0], B[1]])
    assert verdicts(doc)["It rained."][0] == "keep"


# --- CAP101 --------------------------------------------------------------------

def test_cap101_strips_caption_above_credit() -> None:
    doc = "\n".join([B[0], "The Korean Peninsula DMZ", "(Photo: Kim Hong-Ji/Pool Photo via AP, File)", B[1]])
    v = verdicts(doc)
    assert v["The Korean Peninsula DMZ"] == ("strip", "CAP101")
    assert v["(Photo: Kim Hong-Ji/Pool Photo via AP, File)"] == ("strip", "CAP001")


def test_cap101_keeps_sentence_above_credit() -> None:
    doc = "\n".join([B[0], B[1], "Photo: Reuters", B[2]])
    v = verdicts(doc)
    assert v[B[1]][0] == "keep"
    assert v["Photo: Reuters"] == ("strip", "CAP001")


def test_cap101_keeps_the_headline_over_a_lead_picture_without_caption() -> None:
    doc = "\n".join(["Harbour town votes to rebuild its old sea wall", "Photo: Reuters", B[0], B[1]])
    v = verdicts(doc)
    assert v["Harbour town votes to rebuild its old sea wall"][0] == "keep"
    assert v["Photo: Reuters"] == ("strip", "CAP001")


def test_cap101_needs_a_caption_rule_below() -> None:
    # a short line above a promo (not a caption) stays
    doc = "\n".join([B[0], "The Korean Peninsula DMZ", "Read more: Inside the DMZ", B[1]])
    v = verdicts(doc)
    assert v["The Korean Peninsula DMZ"][0] == "keep"
    assert v["Read more: Inside the DMZ"] == ("strip", "PRO001")


def test_cap101_off_when_caption_rules_ignored() -> None:
    doc = "\n".join([B[0], "The Korean Peninsula DMZ", "Photo: Reuters", B[1]])
    caption_rules = frozenset(r.code for r in load_rules().rules if r.category == "caption")
    v = verdicts(doc, ignore=caption_rules)  # every caption rule, not the heuristics
    assert v["The Korean Peninsula DMZ"][0] == "keep"
    assert v["Photo: Reuters"][0] == "keep"


# --- CAP102 --------------------------------------------------------------------

def test_cap102_strips_second_copy_of_short_line() -> None:
    res = strip_text("\n".join([B[0], "Soldiers at the border", "Soldiers at the border", B[1]]))
    acts = [(v.line, v.action, v.rule) for v in res.verdicts]
    assert acts[1] == (2, "keep", None)
    assert acts[2] == (3, "strip", "CAP102")


@pytest.mark.parametrize("pair", [("It rained.", "It rained."), ("x = f(1)", "x = f(1)"),
                                  ("Soldiers at the border", "Police in the city"),
                                  # the writer's joke, not a caption printed twice
                                  ("* Lots and lots of other changes", "* LOTS AND LOTS of other changes")])
def test_cap102_keeps_sentences_code_and_different_lines(pair: tuple[str, str]) -> None:
    res = strip_text("\n".join([B[0], *pair, B[1]]))
    assert not res.changed


def test_cap102_needs_adjacent_copies() -> None:
    res = strip_text("\n".join([B[0], "Soldiers at the border", B[1], "Soldiers at the border", B[2]]))
    assert not res.changed


# --- CAP103 --------------------------------------------------------------------

HE = "גבול דרום קוריאה צפון קוריאה האזור הביטחוני המשותף"
ZH = [
    "朝鲜一名陆军中士周日越过戒备森严的军事分界线投奔韩国，这是本月已知的第二起越境事件。",
    "韩国联合参谋本部表示，该士兵在东部江原道高城郡附近穿越雷区后被军方发现并控制。",
    "分析人士指出，由于边境地区布满地雷和监控设备，直接越过军事分界线的投诚事件相对罕见。",
    "自上世纪五十年代战争结束以来，已有数万名朝鲜人逃往韩国，其中大多数人先进入中国境内。",
    "据报道，朝鲜在二零二零年因防疫封锁边境，此后越境人数明显下降，直到去年才有所回升。",
]


def test_cap103_strips_other_script_caption_in_english_doc() -> None:
    doc = "\n".join([B[0], B[1], HE, B[2], B[3]])
    assert verdicts(doc)[HE] == ("strip", "CAP103")


def test_cap103_keeps_latin_lines_in_chinese_doc() -> None:
    doc = "\n".join([ZH[0], "Kim Jong Un Pyongyang DMZ", ZH[1], ZH[2], "Korean Central News Agency",
                     ZH[3], ZH[4]])
    v = verdicts(doc)
    assert v["Kim Jong Un Pyongyang DMZ"][0] == "keep"
    assert v["Korean Central News Agency"][0] == "keep"


def test_cap103_strips_hebrew_in_chinese_doc() -> None:
    doc = "\n".join([ZH[0], ZH[1], "גבול דרום קוריאה צפון", ZH[2], ZH[3], ZH[4]])
    assert verdicts(doc)["גבול דרום קוריאה צפון"] == ("strip", "CAP103")


def test_cap103_keeps_other_script_sentence() -> None:
    line = "הוא אמר שהגבול סגור."
    doc = "\n".join([B[0], B[1], line, B[2], B[3]])
    assert verdicts(doc)[line][0] == "keep"


def test_cap103_not_in_short_document() -> None:
    doc = "\n".join(["A short note in English only.", HE])
    assert verdicts(doc)[HE][0] == "keep"


def test_cap103_not_in_mixed_script_document() -> None:
    ru = "Министр заявил в понедельник, что переговоры возобновятся на следующей неделе в Женеве."
    doc = "\n".join([B[0], ru, ru.replace("Министр", "Премьер"), B[1], HE, B[2]])
    assert verdicts(doc)[HE][0] == "keep"


# --- DUP001 --------------------------------------------------------------------

def test_dup001_strips_later_copy_keeps_first() -> None:
    res = strip_text("\n".join([B[0], B[1], B[0], B[2]]))
    by_line = {v.line: v for v in res.verdicts}
    assert by_line[1].action == "keep"
    assert (by_line[3].action, by_line[3].rule, by_line[3].category) == ("strip", "DUP001", "duplicate")
    assert res.text.count(B[0]) == 1


def test_dup001_ignores_case_punctuation_and_spacing() -> None:
    variant = B[0].upper().replace(",", "").replace(" ", "  ") + "  "
    res = strip_text("\n".join([B[0], B[1], variant, B[2]]))
    assert {v.line: v.rule for v in res.verdicts}[3] == "DUP001"


def test_dup001_ignores_repeated_headings() -> None:
    heading = "Chapter One Of The Long Report About Trade And Border Security Issues"
    res = strip_text("\n".join([heading, B[0], B[1], heading, B[2]]))
    assert all(v.rule != "DUP001" for v in res.verdicts)
    assert res.text.count(heading) == 2


def test_dup001_ignores_code_lines() -> None:
    code = "    result = compute(values, weights, bias, scale, offset, clip, norm);"
    res = strip_text("\n".join([B[0], code, B[1], code, B[2]]))
    assert res.text.count(code) == 2


def test_dup001_ignores_short_lines() -> None:
    short = "The vote was held on Monday."
    res = strip_text("\n".join([B[0], short, B[1], short, B[2]]))
    assert res.text.count(short) == 2


def test_dup001_can_be_ignored() -> None:
    res = strip_text("\n".join([B[0], B[1], B[0], B[2]]), Options(ignore=frozenset({"duplicate"})))
    assert res.text.count(B[0]) == 2


def test_code_like() -> None:
    assert code_like("    indented")
    assert code_like("if (x) { y; }")
    assert not code_like("Plain words here.")


def test_cap101_keeps_a_section_heading_above_a_credit() -> None:
    doc = ("Title of the story goes here today\n"
           "A soldier crossed the border on Sunday, officials said in a statement.\n"
           "Rare Border Crossing\nPhoto: Reuters\n"
           "It marks the first known case in years, the military said.\n"
           "Past Defections\nSuch crossings are rare because of the defences, experts said.\n"
           "Regional Reaction\nSeoul has not released the soldier's identity, officials said.\n")
    res = strip_text(doc)
    assert [(v.line, v.rule) for v in res.stripped] == [(4, "CAP001")]


def test_cap101_strips_a_caption_below_other_captions_even_with_headings() -> None:
    doc = ("Title of the story goes here today\n"
           "A soldier crossed the border on Sunday, officials said in a statement.\n"
           "Rare Border Crossing\n1 View gallery\nThe Korean Peninsula DMZ\nPhoto: Reuters\n"
           "It marks the first known case in years, the military said.\n"
           "Past Defections\nSuch crossings are rare because of the defences, experts said.\n"
           "Regional Reaction\nSeoul has not released the soldier's identity, officials said.\n")
    res = strip_text(doc)
    assert [(v.line, v.rule) for v in res.stripped] == [(4, "CAP003"), (5, "CAP101"), (6, "CAP001")]


# --- RES102 --------------------------------------------------------------------

MENU = "Home | Video | World | U.S. | Africa | Asia | Europe | Latin America | Middle East | Business"


def test_res102_strips_menu_rows_joined_by_pipes() -> None:
    other = "Tools & Widgets | RSS | Podcasts | Blogs | CNN Mobile | My Profile | Site map"
    got = verdicts("\n".join([B[0], B[1], MENU, other]) + "\n")
    assert got[MENU] == ("strip", "RES102") and got[other] == ("strip", "RES102")


def test_res102_strips_a_four_item_footer_menu_after_the_article() -> None:
    footer = "Impresszum | Adatvédelem | Médiaajánlat | Kapcsolat"
    body = [f"{line} And the council met again on day {i} to talk it over." for i, line in enumerate(B * 3)]
    res = strip_text("\n".join([*body, footer]) + "\n")
    assert [(v.text, v.rule) for v in res.stripped] == [(footer, "RES102")]
    # the same row higher up is left alone: four items could be a table's lone row
    doc = "\n".join([*body[:2], footer, *body[2:]]) + "\n"
    assert strip_text(doc).text == doc


@pytest.mark.parametrize("table", [
    ["Candidate | Party | State | Result | Notes", "Jane Smith | Democratic | Ohio | Elected | Incumbent",
     "John Roe | Republican | Ohio | Defeated | First run"],
    ["Team | Played | Won | Drawn | Lost | Points", "Arsenal | 10 | 7 | 2 | 1 | 23"],
    ["| Home | Video | World | U.S. | Africa |"],
    ["Home | Video | World | Business"],
])
def test_res102_keeps_table_rows(table: list[str]) -> None:
    doc = "\n".join([B[0], *table, B[1]]) + "\n"
    assert strip_text(doc).text == doc


def test_cap103_keeps_hard_wrapped_prose_in_another_script() -> None:
    """A Japanese paragraph wrapped mid-sentence in an English page: no line ends like a
    sentence, but each holds one, so it is prose and not a caption."""
    ja = ["本の皆さんも、オリンピックの熱気が冷めやらぬロンドンでのトレーニングに参加しませんか？今のところ、日本を含む",
          "す。ロンドンが無理なら、10月4日に東京で開催される1日集中セミナーにぜひご参加ください。ロンドンでも東京でも"]
    doc = "\n".join(B + B[::-1] + [ja[0], ja[1]] + B[1:] + B[:1])
    v = verdicts(doc)
    assert v[ja[0]][0] == "keep" and v[ja[1]][0] == "keep"
