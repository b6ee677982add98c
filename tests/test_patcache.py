"""The compiled-pattern cache: a hit skips compiling, and nothing wrong with it is an error."""
from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest
import regex

from stripper import patcache

SOURCES = [r"(?i)^read\s+more:", r"^\p{Lu}{2,}$", r"^(?:foto|photo):\s+\w+"]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("STRIPPER_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("STRIPPER_NO_CACHE", raising=False)
    return tmp_path


def _no_compiling(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*a: object, **k: object) -> None:
        raise AssertionError("compiled although the cache holds the patterns")
    monkeypatch.setattr(patcache.regex, "compile", fail)


def test_second_call_reads_the_cache(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = patcache.compile_many(SOURCES)
    assert len(list(cache.glob("patterns-*.pickle"))) == 1
    _no_compiling(monkeypatch)
    second = patcache.compile_many(SOURCES)
    assert list(second) == SOURCES
    for src in SOURCES:
        assert second[src].pattern == first[src].pattern
    assert second[SOURCES[0]].match("Read more: the budget") is not None
    assert second[SOURCES[1]].match("NATO") and not second[SOURCES[1]].match("Nato")


def test_other_sources_get_their_own_file(cache: Path) -> None:
    patcache.compile_many(SOURCES)
    patcache.compile_many(SOURCES[:2])
    assert len(list(cache.glob("patterns-*.pickle"))) == 2


@pytest.mark.parametrize("content", [b"", b"not a pickle", pickle.dumps(["^x$"])])
def test_a_broken_cache_file_means_compiling_again(cache: Path, content: bytes) -> None:
    patcache.compile_many(SOURCES)
    path, = cache.glob("patterns-*.pickle")
    path.write_bytes(content)
    out = patcache.compile_many(SOURCES)
    assert out[SOURCES[2]].match("foto: Reuters")
    assert patcache._read(path, SOURCES) is not None  # rewritten


class _Evil:
    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (os.system, ("echo owned > owned.txt",))


def test_a_cache_file_cannot_run_code(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(cache)
    patcache.compile_many(SOURCES)
    path, = cache.glob("patterns-*.pickle")
    path.write_bytes(pickle.dumps([_Evil()]))
    out = patcache.compile_many(SOURCES)
    assert not (cache / "owned.txt").exists()
    assert set(out) == set(SOURCES)


def test_a_pattern_that_does_not_compile_is_left_out_and_nothing_cached(cache: Path) -> None:
    out = patcache.compile_many(SOURCES + ["(unclosed"])
    assert set(out) == set(SOURCES)
    assert list(cache.glob("patterns-*.pickle")) == []


def test_no_cache_switch(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STRIPPER_NO_CACHE", "1")
    assert patcache.cache_dir() is None
    assert set(patcache.compile_many(SOURCES)) == set(SOURCES)
    assert list(cache.glob("*")) == []


def test_an_unwritable_cache_folder_is_no_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("STRIPPER_CACHE_DIR", str(blocker / "sub"))  # a folder inside a file
    monkeypatch.delenv("STRIPPER_NO_CACHE", raising=False)
    assert set(patcache.compile_many(SOURCES)) == set(SOURCES)


def test_default_folder_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("STRIPPER_CACHE_DIR", raising=False)
    monkeypatch.delenv("STRIPPER_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert patcache.cache_dir() == tmp_path / "stripper"


def test_bundled_rules_load_the_same_from_the_cache(cache: Path) -> None:
    from stripper import rules
    srcs = [s for f in rules.pack_files([rules.bundled_rules_dir()]) for s in rules._sources(f, rules._read_pack(f)[0])]
    fresh = patcache.compile_many(srcs)
    cached = patcache.compile_many(srcs)
    probes = ["Read more: Council votes", "Photo: AP", "Фото: ТАСС", "图为城南区的电梯。", "Loading..."]
    for src, pat in fresh.items():
        assert cached[src].pattern == pat.pattern and cached[src].flags == pat.flags
        for probe in probes:
            assert bool(pat.search(probe)) == bool(cached[src].search(probe))
    assert isinstance(next(iter(cached.values())), regex.Pattern)
