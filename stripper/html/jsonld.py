"""JSON-LD as pages really ship it: tolerant parsing and walking of schema.org values."""
from __future__ import annotations

import json
import re
from typing import Any, Iterator

from .sites import looks_like_url

MEDIA_TYPES = frozenset("imageobject videoobject audioobject mediaobject photograph imagegallery".split())
# Keys through which a nested object still describes the page itself; any other key (image,
# author, isBasedOn, citation, itemListElement...) leads to some other thing.
CONTAINER_KEYS = frozenset("@graph mainentity mainentityofpage".split())


def parse_jsonld(raw: str) -> list[Any] | None:
    """Tolerant JSON-LD parsing: comments/CDATA wrappers, trailing commas, several objects."""
    text = raw.strip()
    text = re.sub(r"^\s*(?:<!--|<!\[CDATA\[|//\s*<!\[CDATA\[)", "", text)
    text = re.sub(r"(?:-->|\]\]>|//\s*\]\]>)\s*$", "", text).strip()
    if not text:
        return None
    attempts = [text, re.sub(r",\s*([}\]])", r"\1", text)]
    for cand in attempts:
        try:
            return [json.loads(cand, strict=False)]
        except (ValueError, RecursionError):
            pass
        out: list[Any] = []
        dec = json.JSONDecoder(strict=False)
        pos = 0
        try:
            while pos < len(cand):
                while pos < len(cand) and cand[pos] in " \t\r\n;,":
                    pos += 1
                if pos >= len(cand):
                    break
                obj, pos = dec.raw_decode(cand, pos)
                out.append(obj)
        except (ValueError, RecursionError):
            pass
        if out:
            return out
    return None


BROKEN_KEYS = re.compile(
    r'"(isBasedOn|isBasedOnUrl|digitalSourceType|creditText)"\s*:\s*"((?:[^"\\]|\\.){1,500})"'
)


def type_of(obj: dict) -> set[str]:
    t = obj.get("@type")
    ts = t if isinstance(t, list) else [t]
    return {str(x).lower().rsplit("/", 1)[-1] for x in ts if isinstance(x, str)}


def walk(obj: Any, top: bool = True, depth: int = 0) -> Iterator[tuple[dict, bool]]:
    """Every dict in a JSON-LD value, with whether it describes the page itself: reached from
    the top only through @graph/mainEntity and not an image, video or other media object."""
    if depth > 40:
        return
    if isinstance(obj, list):
        for item in obj:
            yield from walk(item, top, depth + 1)
    elif isinstance(obj, dict):
        top = top and not (type_of(obj) & MEDIA_TYPES)
        yield obj, top
        for k, v in obj.items():
            if isinstance(v, (dict, list)):
                yield from walk(v, top and k.lower() in CONTAINER_KEYS, depth + 1)


def value_names(value: Any, ids: dict[str, dict], depth: int = 0) -> list[str]:
    """Names in a JSON-LD person/organisation value (string, object, @id reference, list)."""
    if depth > 5 or value is None:
        return []
    if isinstance(value, str):
        return [value.strip()] if value.strip() else []
    if isinstance(value, list):
        out: list[str] = []
        for v in value:
            for n in value_names(v, ids, depth + 1):
                if n not in out:
                    out.append(n)
        return out
    if isinstance(value, dict):
        if "@id" in value and len(value) <= 2 and isinstance(value.get("@id"), str) and value["@id"] in ids:
            target = ids[value["@id"]]
            if target is not value:
                return value_names(target, ids, depth + 1)
        for key in ("name", "legalName", "alternateName", "@value"):
            v = value.get(key)
            if isinstance(v, str) and v.strip():
                return [v.strip()]
            if isinstance(v, list):
                return value_names(v, ids, depth + 1)
    return []


def source_names(value: Any, ids: dict[str, dict]) -> list[str]:
    """Who made the work an isBasedOn value points at: its publisher/author, or an organisation."""
    out: list[str] = []
    for v in value if isinstance(value, list) else [value]:
        if not isinstance(v, dict):
            continue
        if isinstance(v.get("@id"), str) and len(v) <= 2 and v["@id"] in ids:
            v = ids[v["@id"]]
        names: list[str] = []
        for key in ("publisher", "sourceOrganization", "provider", "author", "creator"):
            names = value_names(v.get(key), ids)
            if names:
                break
        if not names and type_of(v) & {"organization", "newsmediaorganization", "person"}:
            names = value_names(v, ids)
        out.extend(n for n in names if n not in out)
    return out


def value_urls(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value.strip()] if looks_like_url(value) else []
    if isinstance(value, list):
        return [u for v in value for u in value_urls(v)]
    if isinstance(value, dict):
        for key in ("url", "@id", "sameAs", "mainEntityOfPage"):
            v = value.get(key)
            if isinstance(v, str) and looks_like_url(v):
                return [v.strip()]
    return []
