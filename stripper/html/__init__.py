"""HTML pages: DOM pass, extraction, markup provenance (issue 3)."""
from __future__ import annotations

from ..textio import InputError


def process_html(data: bytes, path: str, options, encoding=None):  # pragma: no cover - replaced in issue 3
    raise InputError("HTML input is not supported yet")
