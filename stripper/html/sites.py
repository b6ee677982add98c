"""Which site a URL belongs to: the registered domain, with a small public-suffix heuristic.

Markup provenance compares a canonical or source URL with the page's own site; www., m.,
amp. and other subdomains of one registered domain are the same site.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

_SECOND_LEVEL = frozenset(
    "co com net org gov edu ac or ne go gob nic mil gv nom ltd plc sch web info".split()
)
_IP_RE = re.compile(r"^[\d.]+$|^\[?[0-9a-f:]+\]?$", re.I)


def host_of(url: str | None) -> str | None:
    if not url:
        return None
    url = url.strip()
    if url.startswith("//"):
        url = "http:" + url
    try:
        parts = urlsplit(url)
        hostname = parts.hostname
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not hostname:
        return None
    return hostname.lower().rstrip(".") or None


def registered_domain(host: str | None) -> str | None:
    """news.example.co.uk -> example.co.uk; www.example.com -> example.com (a heuristic PSL)."""
    if not host:
        return None
    host = host.lower().rstrip(".")
    if _IP_RE.match(host):
        return host
    labels = [p for p in host.split(".") if p]
    if len(labels) <= 2:
        return ".".join(labels) or None
    if len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def site_of(url: str | None) -> str | None:
    return registered_domain(host_of(url))


def looks_like_url(value: str) -> bool:
    return bool(re.match(r"^(?:https?:)?//[^\s/]+\.[^\s/]+", value.strip(), re.I))
