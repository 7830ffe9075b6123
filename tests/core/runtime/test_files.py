from __future__ import annotations

from pathlib import Path

import pytest

from saveris_desktop.core.runtime.files import write_text_atomically, write_text_atomically_blocking


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "report.csv"
    write_text_atomically_blocking(target, "old\r\n")
    with pytest.raises(UnicodeEncodeError):  # fails half-way, after the temp file was opened
        write_text_atomically_blocking(target, "new Café", encoding="ascii")
    assert target.read_bytes() == b"old\r\n"  # newline="": line ends are written as given
    assert [p.name for p in tmp_path.iterdir()] == ["report.csv"]


async def test_the_async_writer_replaces_the_file_with_the_encoding_asked_for(tmp_path: Path) -> None:
    target = tmp_path / "audit.csv"
    target.write_text("stale", encoding="utf-8")
    await write_text_atomically(target, "Café", encoding="utf-8-sig")
    assert target.read_bytes() == "\ufeffCafé".encode()
    assert [p.name for p in tmp_path.iterdir()] == ["audit.csv"]
