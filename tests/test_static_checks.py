"""Lint and type checks are part of the test suite, so the README's one test command runs them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )


def test_ruff_check_is_clean() -> None:
    result = _run("ruff", "check", "saveris_desktop", "tests", "packaging")
    assert result.returncode == 0, result.stdout + result.stderr


def test_code_is_formatted() -> None:
    result = _run("ruff", "format", "--check", "saveris_desktop", "tests", "packaging")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_is_clean() -> None:
    result = _run("mypy", "--no-error-summary")
    assert result.returncode == 0, result.stdout + result.stderr


def test_qt_is_imported_only_by_the_ui_layer() -> None:
    offenders = []
    for path in (ROOT / "saveris_desktop").rglob("*.py"):
        relative = path.relative_to(ROOT / "saveris_desktop").as_posix()
        if relative.startswith("ui/") or relative in ("app.py", "__main__.py"):
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            stripped = line.strip()
            if stripped.startswith(("import PySide6", "from PySide6", "import qasync", "from qasync")):
                offenders.append(relative)
    assert offenders == []
