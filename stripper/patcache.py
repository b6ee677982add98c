"""A disk cache of compiled rule patterns, so that a process starts in a blink.

The `regex` module parses a pattern in Python: the ~800 patterns of the bundled packs take
two seconds to compile, paid by every `stripper` run, every pre-commit hook call and every
worker. A compiled pattern pickles to the engine's own code (`_regex.compile(...)` with the
parsed program), which loads fifty times faster. The cache holds one file per exact list of
pattern sources and per `regex` and Python version, written atomically; anything wrong with
it (missing, stale, corrupt, unwritable) means compiling as before, never an error.

Only `_regex.compile` may be called while loading a cache file: a file someone else wrote
into the cache folder cannot run code.

`STRIPPER_CACHE_DIR` chooses the folder (default `$XDG_CACHE_HOME/stripper`, else
`~/.cache/stripper`); `STRIPPER_NO_CACHE=1` turns the cache off.
"""
from __future__ import annotations

import hashlib
import io
import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import Iterable

import regex

_ALLOWED = {("_regex", "compile"), ("regex._regex", "compile")}


class _PatternUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str):  # type: ignore[no-untyped-def]
        if (module, name) not in _ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name} is not allowed in a pattern cache")
        return super().find_class(module, name)


def cache_dir() -> Path | None:
    if os.environ.get("STRIPPER_NO_CACHE", "").strip() not in ("", "0"):
        return None
    explicit = os.environ.get("STRIPPER_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "stripper"


def _key(sources: list[str]) -> str:
    h = hashlib.sha256()
    h.update(f"{regex.__version__}\0{sys.version}\0".encode())
    for src in sources:
        h.update(src.encode("utf-8", "surrogatepass") + b"\0")
    return h.hexdigest()[:24]


def _read(path: Path, sources: list[str]) -> list[regex.Pattern[str]] | None:
    try:
        data = path.read_bytes()
        loaded = _PatternUnpickler(io.BytesIO(data)).load()
    except Exception:  # noqa: BLE001 - a bad cache file is a cache miss
        return None
    if (not isinstance(loaded, list) or len(loaded) != len(sources)
            or any(not isinstance(p, regex.Pattern) or p.pattern != s for p, s in zip(loaded, sources))):
        return None
    return loaded


def _write(path: Path, patterns: list[regex.Pattern[str]]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".patterns-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(patterns, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except OSError:
        pass  # a read-only home or a full disk: next time compiles again


def compile_many(sources: Iterable[str]) -> dict[str, regex.Pattern[str]]:
    """Every source that compiles, by source. A source that does not compile is left out
    (the caller compiles it again to report the error) and the set is not cached."""
    srcs = list(dict.fromkeys(sources))
    folder = cache_dir()
    path = folder / f"patterns-{_key(srcs)}.pickle" if folder is not None else None
    if path is not None and path.is_file():
        cached = _read(path, srcs)
        if cached is not None:
            return dict(zip(srcs, cached))
    out: dict[str, regex.Pattern[str]] = {}
    for src in srcs:
        try:
            out[src] = regex.compile(src)
        except regex.error:
            continue
    if path is not None and len(out) == len(srcs):
        _write(path, [out[s] for s in srcs])
    return out
