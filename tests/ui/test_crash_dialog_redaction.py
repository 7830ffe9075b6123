"""The crash dialog shows what the log shows: no token, no password (issue 11 §4)."""

from __future__ import annotations

import logging

from saveris_desktop.api import redaction
from saveris_desktop.ui.excepthook import ExceptionHook

TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1MSJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ"
PASSWORD = "Kühlhaus-7!"
SHORT_PASSWORD = "Ku7"


def _crash(message: str) -> tuple[type[BaseException], BaseException, object]:
    try:
        raise RuntimeError(message)
    except RuntimeError as error:
        return RuntimeError, error, error.__traceback__


def test_the_crash_dialog_hides_what_the_log_hides(qtbot, caplog) -> None:
    redaction.remember_secret(PASSWORD)
    redaction.remember_secret(SHORT_PASSWORD)
    hook = ExceptionHook()
    try:
        kind, error, tb = _crash(
            f"request failed: Authorization: Bearer {TOKEN}; "
            f"body {{'password': '{PASSWORD}', 'pw': '{SHORT_PASSWORD}'}}"
        )
        with caplog.at_level(logging.CRITICAL):
            hook.handle(kind, error, tb)  # type: ignore[arg-type]
        qtbot.waitUntil(lambda: hook.dialog is not None and hook.dialog.isVisible(), timeout=2000)
        assert hook.dialog is not None
        shown = hook.dialog.informativeText() + hook.dialog.detailedText() + hook.dialog.text()
        for secret in (TOKEN, PASSWORD, SHORT_PASSWORD):
            assert secret not in shown
        assert "RuntimeError: request failed: Authorization: [REDACTED]" in hook.dialog.informativeText()
        assert "Traceback" in hook.dialog.detailedText() and "_crash" in hook.dialog.detailedText()
        hook.dialog.close()
    finally:
        hook.uninstall()
