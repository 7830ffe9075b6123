"""Saveris Desktop: put testo data loggers into service through the Saveris Device Management API."""

from __future__ import annotations

APP_NAME = "Saveris Desktop"
APP_ID = "saveris-desktop"
ORGANISATION = "Saveris Desktop"

_version: str | None = None


def __getattr__(name: str) -> str:
    # `__version__` is read from the package metadata on first use: importlib.metadata costs tens of
    # milliseconds, which the start-up (first paint) should not pay.
    global _version
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    if _version is None:
        from importlib.metadata import PackageNotFoundError, version

        try:
            _version = version("saveris-desktop")
        except PackageNotFoundError:  # running from a source tree that was never installed
            _version = "0.0.0+unknown"
    return _version
