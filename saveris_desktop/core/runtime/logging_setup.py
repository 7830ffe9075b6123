"""Logging for the app: a rotating file in the platform's log folder, secrets redacted.

The redaction filter sits on the handlers, so every record that reaches the file or the console is
cleaned, whichever logger wrote it (our code, httpx, a traceback from the exception hook). Even so
the log names users, sites and loggers: its files are readable by the user only (0600 on POSIX),
also the ones a rotation starts, and those an earlier version left world-readable.
"""

from __future__ import annotations

import contextlib
import io
import logging
import logging.handlers
import os
import sys
from pathlib import Path

from saveris_desktop.api.redaction import RedactingFilter, install_redaction
from saveris_desktop.core.runtime import paths

LOG_FILE_NAME = "saveris-desktop.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"

_HANDLER_MARK = "_saveris_desktop_handler"
#: Log files: readable and writable by the user only.
FILE_MODE = 0o600


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A RotatingFileHandler whose files are created with FILE_MODE instead of the umask's default."""

    def _open(self) -> io.TextIOWrapper:
        flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if "a" in self.mode else os.O_TRUNC)
        handle = os.open(self.baseFilename, flags, FILE_MODE)
        # text mode: open() gives a TextIOWrapper, as the base class returns
        return open(handle, self.mode, encoding=self.encoding, errors=self.errors)  # type: ignore[return-value]


def _restrict_existing(path: Path) -> None:
    """The current file and its rotated predecessors, if an earlier version made them readable to all."""
    if os.name != "posix":
        return
    for candidate in [path, *(Path(f"{path}.{number}") for number in range(1, BACKUP_COUNT + 1))]:
        with contextlib.suppress(OSError):
            if candidate.stat().st_mode & 0o077:
                candidate.chmod(FILE_MODE)


def log_file(name: str = LOG_FILE_NAME) -> Path:
    return paths.log_dir() / name


def configure_logging(
    level: int = logging.INFO, *, console: bool = True, file_name: str = LOG_FILE_NAME
) -> Path:
    """Install the file (and console) handlers on the root logger; calling again replaces them.

    `file_name`: each program its own file (the app, saveris-cli), since two processes rotating one
    file would lose each other's lines."""
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, _HANDLER_MARK, False)]:
        root.removeHandler(handler)
        handler.close()

    path = log_file(file_name)
    redacting = RedactingFilter()
    # delay=True: the file is opened by the first record, not during start-up.
    _restrict_existing(path)
    file_handler = PrivateRotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True
    )
    file_handler.setFormatter(logging.Formatter(FORMAT))
    handlers: list[logging.Handler] = [file_handler]
    if console and sys.stderr is not None:  # a windowed frozen app has no stderr
        console_handler = logging.StreamHandler(sys.stderr)
        console_handler.setLevel(logging.WARNING)
        console_handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        handlers.append(console_handler)
    for handler in handlers:
        handler.addFilter(redacting)
        setattr(handler, _HANDLER_MARK, True)
        root.addHandler(handler)
    root.setLevel(level)
    # httpx logs every request at INFO: useful in the file, but only with the filter in place.
    install_redaction()
    logging.captureWarnings(True)
    return path
