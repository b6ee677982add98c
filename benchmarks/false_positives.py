#!/usr/bin/env python3
"""How much real article text does the core strip? Target: at most 1% of characters.

Runs stripper's text core over every <id>/gold.txt under the dataset folders given
(article bodies a human or Readability kept) and prints the share of characters stripped,
the rules behind it, and the stripped lines themselves for review.

    python benchmarks/false_positives.py ../shared/datasets/mozilla-readability ../shared/datasets/dragnet-2012
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

from stripper import strip_text


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("datasets", nargs="+", type=Path)
    ap.add_argument("--show", type=int, default=40, help="stripped lines to print (0: none)")
    ap.add_argument("--target", type=float, default=1.0, help="percent of characters; exit 1 above it")
    args = ap.parse_args()
    total_chars = stripped_chars = docs = 0
    by_rule: Counter[str] = Counter()
    lines_by_rule: dict[str, list[str]] = defaultdict(list)
    for ds in args.datasets:
        for gold in sorted(ds.glob("*/gold.txt")):
            text = gold.read_text(encoding="utf-8")
            docs += 1
            total_chars += len(text)
            res = strip_text(text)
            for v in res.stripped:
                n = v.end - v.start
                stripped_chars += n
                by_rule[f"{v.rule} {v.category}"] += n
                lines_by_rule[v.rule or "?"].append(f"{gold.parent.name}:{v.line}: {v.text.strip()[:140]}")
    share = 100.0 * stripped_chars / max(total_chars, 1)
    print(f"docs: {docs}  characters: {total_chars}  stripped: {stripped_chars} ({share:.3f}%)  target: <= {args.target}%")
    print("top rules by stripped characters:")
    for rule, n in by_rule.most_common(15):
        print(f"  {n:>8}  {100.0 * n / max(total_chars, 1):.3f}%  {rule}")
    if args.show:
        shown = 0
        print("stripped gold lines (review: each should be a caption/byline the gold kept, or a bug):")
        for rule, items in sorted(lines_by_rule.items(), key=lambda kv: -len(kv[1])):
            for item in items[: max(3, args.show // max(len(lines_by_rule), 1))]:
                if shown >= args.show:
                    break
                print(f"  [{rule}] {item}")
                shown += 1
    return 0 if share <= args.target else 1


if __name__ == "__main__":
    sys.exit(main())
