"""Small file helpers for exports: written off the event loop, atomically (never a half-written file)."""

from __future__ import annotations

import asyncio
import os
import tempfile
from pathlib import Path


def write_text_atomically_blocking(path: Path, text: str, *, encoding: str = "utf-8") -> None:
    """Write through a temp file beside `path` and rename it over: a crash never leaves half a file.

    The temp name is unique (two writers never share one); on any failure it is removed and `path`
    keeps its old content.
    """
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding=encoding, newline="") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _sync_directory(path.parent)


def _sync_directory(directory: Path) -> None:
    """Make the rename itself durable: after a power cut the directory holds the new file (POSIX)."""
    if os.name == "nt":  # Windows cannot open a directory to flush it; the file itself is synced
        return
    handle = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


async def write_text_atomically(path: Path, text: str, *, encoding: str = "utf-8") -> None:
    await asyncio.to_thread(write_text_atomically_blocking, path, text, encoding=encoding)


async def read_bytes_limited(path: Path, limit: int) -> bytes:
    """The file's bytes; ValueError when it is larger than `limit` (an import is never that big)."""

    too_large = f"the file is larger than {limit // 1_000_000} MB"

    def work() -> bytes:
        with path.open("rb") as handle:
            if os.fstat(handle.fileno()).st_size > limit:  # refused before a byte is read
                raise ValueError(too_large)
            data = handle.read(limit + 1)  # still bounded: a file may grow, a device has no size
        if len(data) > limit:
            raise ValueError(too_large)
        return data

    return await asyncio.to_thread(work)
