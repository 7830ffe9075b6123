"""Start the real `saveris-sim` command line in a child process (same module the console script runs)."""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT = 30.0


@contextmanager
def saveris_sim(*options: str) -> Iterator[tuple[str, str]]:
    """Start the real command line in a child process; yields its URL and its banner.

    The banner is read by a helper thread with a deadline, so a server that dies or hangs before
    it is ready fails the test with its output instead of blocking the whole run.
    """
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
    assert process.stdout is not None
    lines: queue.Queue[str | None] = queue.Queue()

    def read() -> None:
        for line in process.stdout or ():
            lines.put(line)
        lines.put(None)  # the child closed its output: it has ended

    threading.Thread(target=read, name="saveris-sim-output", daemon=True).start()
    last_banner_line = "Demo account" if "--no-control" in options else "Control API"
    try:
        banner: list[str] = []
        while not (banner and banner[-1].startswith(last_banner_line)):
            try:
                line = lines.get(timeout=START_TIMEOUT)
            except queue.Empty:
                raise AssertionError(f"saveris-sim did not start in time:\n{''.join(banner)}") from None
            if line is None:
                raise AssertionError(f"saveris-sim ended before it was ready:\n{''.join(banner)}")
            banner.append(line)
        text = "".join(banner)
        url = next(word for word in text.split() if word.startswith("http://127.0.0.1:"))
        yield url, text
    finally:
        process.terminate()
        process.wait(timeout=15)
