"""stripper: removes boilerplate from news and web-article text and flags its provenance."""
from __future__ import annotations

from .options import CATEGORIES, DEFAULT_OPTIONS, Options
from .pipeline import strip_text
from .result import Evidence, Provenance, Result, Verdict
from .rules import RulePackError, load_rules

__version__ = "0.1.0"

__all__ = [
    "CATEGORIES", "DEFAULT_OPTIONS", "Evidence", "Options", "Provenance", "Result",
    "RulePackError", "Verdict", "load_rules", "strip_text", "__version__",
]
