"""Keep tokens and passwords out of logs.

Two layers, because one is not enough:
- patterns catch the shapes secrets take in text (`Authorization: ...`, `Bearer ...`, JWTs,
  `"password": "..."`), whoever wrote them;
- the client registers the exact password and token it holds (`remember_secret`), so even a
  secret with no recognisable shape is replaced wherever it appears.

`RedactingFilter` applies both to a log record's message and to its formatted traceback. The client
installs it on the API logger and on httpx/httpcore; the app adds it to its log handlers as well.
"""

from __future__ import annotations

import json
import logging
import re
import threading

REDACTED = "[REDACTED]"

#: Logger every module of saveris_desktop.api writes to, so one filter covers them all.
API_LOGGER_NAME = "saveris_desktop.api"

# Records are filtered where they are created, so each library logger that may see a request needs it.
_LIBRARY_LOGGERS = (
    "httpx",
    "httpcore.connection",
    "httpcore.http11",
    "httpcore.http2",
    "httpcore.proxy",
    "httpcore.socks",
)

# A secret shorter than this is not replaced by value: it would shred ordinary words ("demo") in the
# log. Real passwords are longer (Cognito's default policy asks for 8); patterns still catch the rest.
_MIN_SECRET_LENGTH = 6

_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?i)(authorization['\"]?\s*[:=]\s*['\"]?)[^'\",}\r\n]+"), r"\1" + REDACTED),
    (re.compile(r"(?i)\bbearer\s+[A-Za-z0-9._~+/=-]+"), "Bearer " + REDACTED),
    (re.compile(r"\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*"), REDACTED),
    (
        re.compile(
            r"(?i)(['\"]?\b(?:password|passwd|pwd|secret|(?:id_?|access_?|refresh_?)?token)['\"]?\s*[:=]\s*['\"]?)[^'\"\s,}&]+"
        ),
        r"\1" + REDACTED,
    ),
)

#: Names of fields whose value is a secret, however a server or a caller spells them.
_SECRET_NAME = re.compile(r"(?i)passw|passwd|pwd|secret|token|authori[sz]ation|credential")

_known_secrets: set[str] = set()
_known_lock = threading.Lock()


def _spellings(value: str) -> set[str]:
    """`value` as it is, and as it looks inside JSON and inside a Python repr (quotes, `\\`, `\\u00e9`)."""
    return {value, json.dumps(value)[1:-1], json.dumps(value, ensure_ascii=False)[1:-1], repr(value)[1:-1]}


def remember_secret(value: str | None) -> None:
    """Replace `value` wherever it appears in a log line from now on."""
    if value and len(value) >= _MIN_SECRET_LENGTH:
        with _known_lock:
            _known_secrets.update(_spellings(value))


def forget_secret(value: str | None) -> None:
    if value:
        with _known_lock:
            _known_secrets.difference_update(_spellings(value))


def is_secret_name(name: str) -> bool:
    """True for a field name such as `password`, `IdToken` or `RefreshToken`: never show its value."""
    return _SECRET_NAME.search(name) is not None


def redact(text: str) -> str:
    """`text` with every recognisable or registered secret replaced by [REDACTED]."""
    with _known_lock:
        # Longest first, so a secret containing another one is replaced as a whole.
        secrets = sorted(_known_secrets, key=len, reverse=True)
    for secret in secrets:
        text = text.replace(secret, REDACTED)
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class RedactingFilter(logging.Filter):
    """Rewrites a record's message (and traceback) without secrets; never drops the record."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            # A format string that does not fit its arguments: raising here would break the caller,
            # and the handler's error report would print msg and args unredacted.
            message = f"{record.msg} {record.args!r}"
            record.msg, record.args = message, None
        cleaned = redact(message)
        if cleaned != message:
            record.msg = cleaned
            record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True


_FILTER = RedactingFilter()


def install_redaction() -> None:
    """Attach the filter to the API logger and to the HTTP libraries' loggers (idempotent)."""
    for name in (API_LOGGER_NAME, *_LIBRARY_LOGGERS):
        logger = logging.getLogger(name)
        if not any(isinstance(existing, RedactingFilter) for existing in logger.filters):
            logger.addFilter(_FILTER)
