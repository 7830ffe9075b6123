"""Where the app keeps its files: platformdirs folders, overridable for tests and portable use.

`SAVERIS_DESKTOP_HOME` (set by the test suite) puts data, logs and the UI settings under one folder.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from saveris_desktop import APP_ID, ORGANISATION

HOME_ENV = "SAVERIS_DESKTOP_HOME"


def _override() -> Path | None:
    value = os.environ.get(HOME_ENV)
    return Path(value) if value else None


def _ensure(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def data_dir(*, create: bool = True) -> Path:
    """Drafts database, cache of last-known server state, audit log; `create=False` only names it
    (the single-instance check must not fail on a folder that cannot be created)."""
    base = _override()
    folder = base / "data" if base else Path(platformdirs.user_data_dir(APP_ID, ORGANISATION))
    return _ensure(folder) if create else folder


def settings_dir() -> Path | None:
    """Where the UI settings file goes under `SAVERIS_DESKTOP_HOME`; None: the platform's own place
    (registry on Windows, a plist on macOS, ~/.config on Linux)."""
    base = _override()
    return base / "settings" if base else None


def log_dir() -> Path:
    base = _override()
    return _ensure(base / "logs" if base else Path(platformdirs.user_log_dir(APP_ID, ORGANISATION)))
