"""Section-level heuristics: runs of lines that are boilerplate as a block (a comment section).

Registered into heuristics.HEURISTICS on import, after the line-level ones.
"""
from __future__ import annotations
