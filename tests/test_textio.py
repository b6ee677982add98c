"""Decoding with BOMs and explicit encodings, reading, and atomic writes."""
from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

import pytest

from stripper.textio import InputError, atomic_write, decode, read_bytes

TEXT = "Grüße aus Köln — 😀\r\nzweite Zeile\n"


@pytest.mark.parametrize("bom,codec", [
    (b"", "utf-8"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
])
def test_decode_and_encode_round_trip_bytes(bom: bytes, codec: str) -> None:
    data = bom + TEXT.encode(codec)
    d = decode(data)
    assert d.text == TEXT
    assert "\ufeff" not in d.text
    assert d.encode(d.text) == data
    edited = d.encode("zweite Zeile\n")
    assert edited.startswith(bom) and edited[len(bom):] == "zweite Zeile\n".encode(codec)


def test_explicit_encoding() -> None:
    data = "café".encode("cp1252")
    with pytest.raises(InputError, match="not valid UTF-8 at byte 3"):
        decode(data)
    d = decode(data, "cp1252")
    assert d.text == "café" and d.encode(d.text) == data


def test_explicit_encoding_errors() -> None:
    with pytest.raises(InputError, match="unknown encoding"):
        decode(b"abc", "no-such-codec")
    with pytest.raises(InputError, match="not valid ascii"):
        decode("é".encode(), "ascii")


def test_binary_is_refused() -> None:
    with pytest.raises(InputError, match="binary"):
        decode(b"abc\x00def")


def test_bad_bytes_after_bom() -> None:
    with pytest.raises(InputError, match="byte-order mark"):
        decode(codecs.BOM_UTF8 + b"ok \xff\xfe\xfd")


def test_read_bytes_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_bytes(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="is a directory"):
        read_bytes(tmp_path)
    f = tmp_path / "f.txt"
    f.write_bytes(b"x")
    assert read_bytes(f) == b"x"


def test_atomic_write_replaces_and_keeps_mode(tmp_path: Path) -> None:
    f = tmp_path / "doc.txt"
    f.write_bytes(b"old")
    os.chmod(f, 0o640)
    atomic_write(f, b"new")
    assert f.read_bytes() == b"new"
    assert stat.S_IMODE(f.stat().st_mode) == 0o640
    assert os.listdir(tmp_path) == ["doc.txt"]


def test_atomic_write_new_file_gets_umask_mode(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        atomic_write(tmp_path / "new.txt", b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o644


def test_atomic_write_failure_leaves_no_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "doc.txt"
    f.write_bytes(b"old")

    def boom(*a: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        atomic_write(f, b"new")
    assert f.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["doc.txt"]
