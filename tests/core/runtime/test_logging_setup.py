"""The log file: in the platform log folder, rotating, and never with a secret in it."""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

import pytest

from saveris_desktop.core.runtime import logging_setup


def test_the_log_file_is_rotating_and_redacted(tmp_path) -> None:
    root = logging.getLogger()
    before = list(root.handlers)
    level = root.level
    try:
        path = logging_setup.configure_logging(console=False)
        path_again = logging_setup.configure_logging(console=False)  # replaces, does not add
        assert path == path_again == logging_setup.log_file()
        ours = [h for h in root.handlers if h not in before]
        assert len(ours) == 1 and isinstance(ours[0], logging.handlers.RotatingFileHandler)
        logging.getLogger("anything").info("sending Authorization: Bearer abc.def.ghi with password=hunter22")
        ours[0].flush()
        text = path.read_text(encoding="utf-8")
        assert "sending Authorization" in text
        assert "abc.def.ghi" not in text and "hunter22" not in text
        assert "[REDACTED]" in text
    finally:
        for handler in [h for h in root.handlers if h not in before]:
            root.removeHandler(handler)
            handler.close()
        root.setLevel(level)
        logging.captureWarnings(False)


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_log_files_are_readable_by_the_user_only_also_after_a_rotation() -> None:
    root = logging.getLogger()
    before = list(root.handlers)
    level = root.level
    old_umask = os.umask(0o022)  # the usual default: a plain open() would make the file world-readable
    try:
        path = logging_setup.log_file()
        older = Path(f"{path}.1")
        older.write_text("from an earlier version\n", encoding="utf-8")
        older.chmod(0o644)
        logging_setup.configure_logging(console=False)
        [handler] = [h for h in root.handlers if h not in before]
        logging.getLogger("anything").warning("first")
        handler.flush()
        assert path.stat().st_mode & 0o777 == 0o600
        assert older.stat().st_mode & 0o777 == 0o600
        assert isinstance(handler, logging.handlers.RotatingFileHandler)
        handler.doRollover()
        logging.getLogger("anything").warning("after the rotation")
        handler.flush()
        assert path.stat().st_mode & 0o777 == 0o600
        assert "after the rotation" in path.read_text(encoding="utf-8")
    finally:
        os.umask(old_umask)
        for handler in [h for h in root.handlers if h not in before]:
            root.removeHandler(handler)
            handler.close()
        root.setLevel(level)
