"""Start the real `saveris-sim` command line in a child process (same module the console script runs)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@contextmanager
def saveris_sim(*options: str) -> Iterator[tuple[str, str]]:
    """Start the real command line in a child process; yields its URL and its banner."""
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "saveris_desktop.simulator.server",
            "--port",
            "0",
            "--log-level",
            "warning",
            *options,
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert process.stdout is not None
        banner = []
        for line in process.stdout:
            banner.append(line)
            if line.startswith("Control API"):
                break
        text = "".join(banner)
        url = next(word for word in text.split() if word.startswith("http://127.0.0.1:"))
        yield url, text
    finally:
        process.terminate()
        process.wait(timeout=15)
