"""Provenance flags and the details a careful reader takes from the evidence lines.

Rules name what they capture with regex groups (ai_partner, original_source,
original_url, sources, agencies, wires); this module only tidies and merges them, so a new
pack gets details extraction for free.
"""
from __future__ import annotations

from typing import Any, Iterable, Mapping

import regex

from .heuristics import Decision
from .lines import Line
from .result import Evidence, Provenance

# Wire services recognised inside evidence lines, as they are printed in credits.
AGENCIES: dict[str, str] = {
    "AP": "AP", "Associated Press": "AP", "Reuters": "Reuters", "AFP": "AFP",
    "Agence France-Presse": "AFP", "Agence France Presse": "AFP", "dpa": "dpa", "DPA": "dpa",
    "EFE": "EFE", "ANSA": "ANSA", "Kyodo": "Kyodo", "Xinhua": "Xinhua", "PA": "PA",
    "Press Association": "PA", "PA Media": "PA", "Bloomberg": "Bloomberg", "UPI": "UPI",
    "TASS": "TASS", "Yonhap": "Yonhap", "KNA": "KNA", "epd": "epd", "APA": "APA",
    "Keystone-SDA": "Keystone-SDA", "SDA": "Keystone-SDA", "Belga": "Belga", "ANP": "ANP",
    "Europa Press": "Europa Press", "Notimex": "Notimex", "The Canadian Press": "The Canadian Press",
    "Canadian Press": "The Canadian Press", "La Presse Canadienne": "The Canadian Press",
    "La Presse canadienne": "The Canadian Press", "Presse Canadienne": "The Canadian Press",
    "Presse canadienne": "The Canadian Press", "Agence QMI": "Agence QMI", "AAP": "AAP", "NTB": "NTB", "Ritzau": "Ritzau",
    "CNA": "CNA", "Anadolu": "Anadolu", "IANS": "IANS", "PTI": "PTI", "Lusa": "Lusa",
    "Agencia Brasil": "Agência Brasil", "Agência Brasil": "Agência Brasil", "SID": "SID",
    "Interfax": "Interfax", "RIA Novosti": "RIA Novosti", "Bernama": "Bernama", "WAM": "WAM",
    "Australian Associated Press": "AAP", "Deutsche Presse-Agentur": "dpa",
    "United Press International": "UPI", "Press Trust of India": "PTI",
    "Agencia EFE": "EFE", "Agenzia Nazionale Stampa Associata": "ANSA", "Agenzia ANSA": "ANSA",
    "Thomson Reuters": "Reuters", "Kyodo News": "Kyodo", "Xinhua News Agency": "Xinhua",
    "Yonhap News Agency": "Yonhap", "Anadolu Agency": "Anadolu",
    "新华社": "Xinhua", "中新社": "China News Service", "中新网": "China News Service", "路透社": "Reuters",
    "法新社": "AFP", "美联社": "AP", "共同": "Kyodo", "時事": "Jiji", "ロイター": "Reuters",
    "AFP=時事": "AFP", "ＡＦＰ＝時事": "AFP", "연합뉴스": "Yonhap", "뉴스1": "News1", "뉴시스": "Newsis",
    "Jiji Press": "Jiji", "共同通信": "Kyodo", "時事通信": "Jiji",
    # Europe beyond the big four, as their own and their neighbours' papers print them
    "PAP": "PAP", "Polska Agencja Prasowa": "PAP", "ČTK": "ČTK", "CTK": "ČTK", "STT": "STT",
    "MTI": "MTI", "BTA": "BTA", "IRNA": "IRNA", "ISNA": "ISNA", "ایرنا": "IRNA", "ایسنا": "ISNA",
    "خبرگزاری تسنیم": "Tasnim", "خبرگزاری فارس": "Fars", "خبرگزاری مهر": "Mehr", "NAN": "NAN",
    "News Agency of Nigeria": "NAN", "Noticias Argentinas": "NA", "TASR": "TASR", "VNA": "VNA", "Agerpres": "Agerpres", "HINA": "HINA", "Tanjug": "Tanjug",
    "Ukrinform": "Ukrinform", "UNIAN": "UNIAN", "Adnkronos": "Adnkronos", "LaPresse": "LaPresse",
    "ATS": "Keystone-ATS", "Keystone-ATS": "Keystone-ATS", "Agência Lusa": "Lusa", "Télam": "Télam",
    "Prensa Latina": "Prensa Latina", "ТАСС": "TASS", "ИТАР-ТАСС": "TASS", "РИА Новости": "RIA Novosti",
    "Интерфакс": "Interfax", "Укрінформ": "Ukrinform", "УНІАН": "UNIAN",
    # Turkey, Indonesia, Malaysia, the Philippines, the Arab world, Thailand
    "Anadolu Ajansı": "Anadolu", "İHA": "İHA", "DHA": "DHA", "Antara": "Antara", "ANTARA": "Antara",
    "PNA": "PNA", "رويترز": "Reuters", "فرانس برس": "AFP", "أ ف ب": "AFP", "أسوشيتد برس": "AP",
    "الأناضول": "Anadolu", "وكالة الصحافة الفرنسية": "AFP", "وام": "WAM", "واس": "SPA", "รอยเตอร์": "Reuters",
    "เอเอฟพี": "AFP",
    # the Nordic, Finnish, Hungarian, Romanian, Greek, Ukrainian, Hebrew and Hindi packs
    "TT": "TT", "ritzau": "Ritzau", "RITZAU": "Ritzau", "FNB": "FNB", "AGERPRES": "Agerpres",
    "Mediafax": "Mediafax", "MEDIAFAX": "Mediafax", "News.ro": "News.ro", "Moldpres": "Moldpres",
    "ΑΠΕ-ΜΠΕ": "ANA-MPA", "ΑΠΕ": "ANA-MPA", "ANA-MPA": "ANA-MPA", "ΚΥΠΕ": "CNA",
    "Ρόιτερς": "Reuters", "Γαλλικό Πρακτορείο": "AFP", "Interfax-Ukraine": "Interfax-Ukraine",
    "Інтерфакс-Україна": "Interfax-Ukraine", "ІНТЕРФАКС-УКРАЇНА": "Interfax-Ukraine", "УНН": "UNN",
    "Укрінформу": "Ukrinform", "רויטרס": "Reuters", "סוכנות הידיעות AP": "AP", "ANI": "ANI", "UNI": "UNI",
    "भाषा": "PTI", "पीटीआई": "PTI", "आईएएनएस": "IANS", "वार्ता": "UNI", "रॉयटर्स": "Reuters",
}
# Longest names first, so "Australian Associated Press" is AAP and not AP.
AGENCY_RE = regex.compile(
    r"(?<![\p{L}\p{N}])(" + "|".join(regex.escape(a) for a in sorted(AGENCIES, key=len, reverse=True))
    + r")(?![\p{L}\p{N}])"
)
_LIST_SPLIT = regex.compile(r"\s*[,;]\s*|\s+(?:and|und|et|y|e)\s+(?=[\p{Lu}\p{N}])")
# around a captured name: ASCII and typographic quotes of the languages we read, brackets
_TRIM = " .,;:\"'“”„‟‘’‚«»‹›「」『』()（）"
_SINGLE_KEYS = ("ai_partner", "original_source", "original_url")
_LIST_KEYS = ("sources", "agencies", "wires")


def split_list(raw: str) -> list[str]:
    """'Bloomberg, The Guardian and UPI.' -> ['Bloomberg', 'The Guardian', 'UPI']."""
    items = [p.strip(" .\u00a0\"'“”") for p in _LIST_SPLIT.split(raw.strip())]
    return [p for p in items if p]


_GENERIC_AGENCY = frozenset({
    "agencies", "agency", "wires", "wire services", "news agencies", "agencias", "agencia",
    "agences", "agence", "agenturen", "agentur", "nachrichtenagenturen", "agenzie",
    "סוכנויות הידיעות", "סוכנויות", "एजेंसी", "एजेंसियां", "агенції", "агентства", "πρακτορεία",
    "ügynökségek", "agenții", "agentuurit", "byråer", "bureauer",
})


# Short forms that are agencies only where a rule captured them as one ("(ant/rih)", "(AA)",
# "الفرنسية" after a source label): as words inside a line they are an insect, batteries and
# "the French", so they are not in AGENCIES, which is also searched in whole lines.
_CAPTURED_ALIASES = {
    "ant": "Antara", "aa": "Anadolu", "iha": "İHA", "i̇ha": "İHA", "ilkha": "İLKHA", "i̇lkha": "İLKHA",
    "anka": "ANKA", "afp": "AFP", "ap": "AP", "الفرنسية": "AFP", "الألمانية": "dpa", "د ب أ": "dpa",
    "د.ب.أ": "dpa", "أ ب": "AP", "ا ف ب": "AFP", "أ ف ب": "AFP", "أ.ف.ب": "AFP",
}


def canonical_agency(name: str) -> str | None:
    """'The Associated Press' -> 'AP'; unknown names stay as written; 'agencias' is no name."""
    if name.casefold() in _GENERIC_AGENCY:
        return None
    alias = _CAPTURED_ALIASES.get(name.casefold())
    if alias:
        return alias
    found = agencies_any_case(name)
    return found[0] if len(found) == 1 else name


def agencies_in(text: str) -> list[str]:
    out: list[str] = []
    for m in AGENCY_RE.finditer(text):
        name = AGENCIES[m.group(1)]
        if name not in out:
            out.append(name)
    return out


def agencies_any_case(text: str) -> list[str]:
    """agencies_in, and in a line set in capitals ("By THE ASSOCIATED PRESS") too."""
    return agencies_in(text) or agencies_in(text.title())


def merge_details(details: dict[str, Any], groups: Mapping[str, str], text: str, syndicated: bool) -> None:
    for key in _SINGLE_KEYS:
        val = groups.get(key)
        if val and key not in details:
            details[key] = val.strip(_TRIM)
    for key in _LIST_KEYS:
        if groups.get(key):
            items = split_list(groups[key])
            if key == "agencies":  # "dpa/AFP" names two agencies
                items = [c for i in items for part in i.split("/") if (c := canonical_agency(part.strip()))]
            for item in items:
                details.setdefault(key, [])
                if item not in details[key]:
                    details[key].append(item)
    if syndicated:
        for name in agencies_in(text):
            details.setdefault("agencies", [])
            if name not in details["agencies"]:
                details["agencies"].append(name)


def merge_provenance(prov: Provenance, extra: Iterable[tuple[Evidence, Mapping[str, str]]]) -> Provenance:
    """More evidence (tags from the page's markup) joins a document's provenance; flags OR."""
    extra = list(extra)
    if not extra:
        return prov
    details: dict[str, Any] = {k: (list(v) if isinstance(v, list) else v) for k, v in prov.details.items()}
    ai, synd = prov.ai_generated, prov.syndicated
    evidence = list(prov.evidence)
    for ev, groups in extra:
        ai = ai or ev.category == "provenance_ai"
        synd = synd or ev.category == "provenance_syndication"
        evidence.append(ev)
        merge_details(details, groups, ev.text, ev.category == "provenance_syndication")
    return Provenance(ai, synd, tuple(evidence), details)


def without_own_agency(prov: Provenance, own: frozenset[str]) -> Provenance:
    """Drop the syndication evidence that names only the page's own agency: "MOSCOW, March 14
    - RIA Novosti." on RIA's own site is the agency's story, not a story it syndicated."""
    if not own or not prov.syndicated:
        return prov

    def only_own(names: list[str]) -> bool:
        return bool(names) and set(names) <= own

    evidence = tuple(ev for ev in prov.evidence
                     if ev.category == "provenance_ai" or not only_own(agencies_any_case(ev.text)))
    if len(evidence) == len(prov.evidence):
        return prov
    details: dict[str, Any] = {}
    for key, val in prov.details.items():
        if isinstance(val, list) and key in _LIST_KEYS:
            val = [v for v in val if not only_own(agencies_any_case(v) or [canonical_agency(v)])]
            if not val:
                continue
        details[key] = val
    syndicated = any(ev.category != "provenance_ai" for ev in evidence)
    return Provenance(prov.ai_generated, syndicated, evidence, details)


def build_provenance(lines: list[Line], decided: Mapping[int, Decision],
                     extra: Iterable[tuple[Evidence, Mapping[str, str]]] = ()) -> Provenance:
    """Flags from every decision that carries one; evidence in document order."""
    ai = synd = False
    evidence: list[Evidence] = []
    details: dict[str, Any] = {}
    for idx in sorted(decided):
        d = decided[idx]
        if not d.flags:
            continue
        ln = lines[idx]
        ai = ai or "ai_generated" in d.flags
        synd = synd or "syndicated" in d.flags
        evidence.append(Evidence(ln.number, d.code, d.category, ln.text.strip()))
        merge_details(details, d.groups, ln.text, "syndicated" in d.flags)
    return merge_provenance(Provenance(ai, synd, tuple(evidence), details), extra)
