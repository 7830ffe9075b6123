"""The real app, started on a damaged database: it starts, keeps a backup, says so, and closes cleanly."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.skipif(sys.platform == "win32", reason="stops the app with SIGINT")
def test_app_starts_on_a_damaged_database(tmp_path: Path) -> None:
    home = tmp_path / "home"
    data = home / "data"
    data.mkdir(parents=True)
    damaged = data / "demo-saveris-desktop.sqlite3"
    damaged.write_bytes(b"not a database " * 500)
    env = {**os.environ, "SAVERIS_DESKTOP_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    app = subprocess.Popen(
        [sys.executable, "-m", "saveris_desktop", "--demo"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    log_file = home / "logs" / "saveris-desktop.log"
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            text = log_file.read_text(encoding="utf-8") if log_file.exists() else ""
            if "migrated from schema 0" in text:
                break
            assert app.poll() is None, "the app ended early"
            time.sleep(0.1)
        else:
            pytest.fail("the app did not open a fresh database in time")
    finally:
        app.send_signal(signal.SIGINT)
        app.wait(timeout=30)
    text = log_file.read_text(encoding="utf-8")
    assert "is unusable" in text and "closed cleanly" in text
    backups = list(data.glob("demo-saveris-desktop.sqlite3.damaged-*"))
    assert len(backups) == 1 and backups[0].read_bytes().startswith(b"not a database")
    assert damaged.read_bytes().startswith(b"SQLite format 3")
