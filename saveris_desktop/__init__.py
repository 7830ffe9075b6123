"""Saveris Desktop: put testo data loggers into service through the Saveris Device Management API."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("saveris-desktop")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"

APP_NAME = "Saveris Desktop"
APP_ID = "saveris-desktop"
ORGANISATION = "Saveris Desktop"
