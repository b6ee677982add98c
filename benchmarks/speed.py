#!/usr/bin/env python3
"""Throughput and memory of the text core. Figures are printed, never asserted.

Builds a corpus from the dataset gold texts (or any folder of *.txt / */gold.txt) and the
seeds, repeats it to N documents, and reports docs/s, MB/s and peak RSS for strip_text in
one process and in a process pool.

    python benchmarks/speed.py ../shared/datasets/mozilla-readability -n 5000 --jobs 2
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from stripper import strip_text


def corpus(paths: list[Path]) -> list[str]:
    docs = []
    for p in paths:
        files = [p] if p.is_file() else sorted(p.glob("*/gold.txt")) + sorted(p.glob("*.txt"))
        docs.extend(f.read_text(encoding="utf-8", errors="replace") for f in files)
    return docs


def _work(batch: list[str]) -> int:
    return sum(len(strip_text(d).text) for d in batch)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", type=Path, default=[Path(__file__).resolve().parent.parent / "seeds"])
    ap.add_argument("-n", "--docs", type=int, default=3000)
    ap.add_argument("--jobs", type=int, default=1)
    args = ap.parse_args()
    base = corpus(args.paths)
    if not base:
        print("no documents found", file=sys.stderr)
        return 2
    docs = (base * (args.docs // len(base) + 1))[: args.docs]
    mb = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    strip_text("warm up: compile rule packs")
    t0 = time.perf_counter()
    if args.jobs == 1:
        _work(docs)
    else:
        chunks = [docs[i: i + 200] for i in range(0, len(docs), 200)]
        with ProcessPoolExecutor(args.jobs) as pool:
            list(pool.map(_work, chunks))
    dt = time.perf_counter() - t0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"docs: {len(docs)}  size: {mb:.1f} MB  jobs: {args.jobs}")
    print(f"time: {dt:.2f} s  throughput: {len(docs) / dt:.0f} docs/s  {mb / dt:.2f} MB/s")
    print(f"peak RSS (this process): {rss:.0f} MB")
    print(f"projection: {1e6 / (len(docs) / dt) / 3600:.2f} h per million docs at this size")
    return 0


if __name__ == "__main__":
    sys.exit(main())
