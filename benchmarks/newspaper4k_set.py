"""Build a small multilingual news set from newspaper4k's test pages, for benchmarks/quality.py.

Usage: python benchmarks/newspaper4k_set.py OUT_DIR [--sdist newspaper4k-X.tar.gz]

The dev sets (mozilla-readability, dragnet-2012) are mostly English, and tuning on them
tells little about unseen pages. newspaper4k (MIT licence) ships, in its source
distribution, 23 saved news pages with the text its extractor is expected to return:
Arabic, Burmese, Chinese, Japanese, Latvian, Spanish, Thai, Korean and English sites.
That text is an extractor's output, not a human annotation: it keeps bylines, "Read more"
links and editor lines that stripper removes on purpose, so read its recall with that in
mind. Without --sdist the source distribution is fetched with pip (the package registry
is the only network this needs); nothing is copied into the repository.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path, PurePosixPath

PACKAGE = "newspaper4k==0.9.6"


def fetch_sdist(into: Path) -> Path:
    subprocess.run([sys.executable, "-m", "pip", "download", PACKAGE, "--no-binary", ":all:",
                    "--no-deps", "-q", "-d", str(into)], check=True)
    found = sorted(into.glob("newspaper4k-*.tar.gz"))
    if not found:
        raise SystemExit(f"error: pip did not leave a newspaper4k source archive in {into}")
    return found[0]


def pairs(sdist: Path) -> dict[str, dict[str, bytes]]:
    """{page id: {"html": ..., "txt": ...}} for the pages that have both."""
    found: dict[str, dict[str, bytes]] = {}
    with tarfile.open(sdist) as tar:
        for member in tar.getmembers():
            path = PurePosixPath(member.name)
            if not member.isfile() or len(path.parts) < 4 or path.parts[-4:-2] != ("tests", "data"):
                continue
            kind = path.parts[-2]
            if (kind, path.suffix) not in (("html", ".html"), ("txt", ".txt")):
                continue
            data = tar.extractfile(member)
            if data is not None:
                found.setdefault(path.stem, {})[kind] = data.read()
    return {k: v for k, v in sorted(found.items()) if "html" in v and "txt" in v}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--sdist", type=Path, help="a newspaper4k source archive already on disk")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        sdist = args.sdist or fetch_sdist(Path(tmp))
        pages = pairs(sdist)
    if not pages:
        print(f"error: {sdist}: no tests/data/html + tests/data/txt pairs", file=sys.stderr)
        return 1
    for page_id, files in pages.items():
        folder = args.out / page_id
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "source.html").write_bytes(files["html"])
        (folder / "gold.txt").write_bytes(files["txt"])
    print(f"{len(pages)} pages written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
