"""Small file helpers for exports: written off the event loop, atomically (never a half-written file)."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path


def write_text_atomically_blocking(path: Path, text: str, *, encoding: str = "utf-8") -> None:
    temporary = path.with_name(path.name + ".part")
    with temporary.open("w", encoding=encoding, newline="") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    temporary.replace(path)


async def write_text_atomically(path: Path, text: str, *, encoding: str = "utf-8") -> None:
    await asyncio.to_thread(write_text_atomically_blocking, path, text, encoding=encoding)


async def read_bytes_limited(path: Path, limit: int) -> bytes:
    """The file's bytes; ValueError when it is larger than `limit` (an import is never that big)."""

    def work() -> bytes:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
        if len(data) > limit:
            raise ValueError(f"the file is larger than {limit // 1_000_000} MB")
        return data

    return await asyncio.to_thread(work)
