"""Keep tokens and passwords out of logs and off the screen.

Two layers, because one is not enough:
- patterns catch the shapes secrets take in text (`Authorization: ...`, `Bearer ...`, JWTs,
  `"password": "..."`), whoever wrote them;
- the client registers the exact password and token it holds (`remember_secret`), so even a
  secret with no recognisable shape is replaced wherever it appears.

A value stays registered for the life of the process: after a sign-out, a renewal or a refused
sign-in the old password or token may still sit in a pending log record, an exception's text or a
traceback shown later, and a refused password is often a mistyped real one.

Secrets shorter than 6 characters ("demo", "Kuh1") would shred ordinary text if replaced wherever
they occur ("demo mode started", "port 12345"), so they are replaced only where they stand as a
whole value: inside quotes (JSON, Python reprs), right after `=`, or (when they hold more than
letters) as a whole token between spaces or punctuation. Letters-only short secrets in running prose
are left: they cannot be told apart from words.

`redact()` is the one function for every place a text may carry a secret: `RedactingFilter` applies
it to each log record and its traceback, and the crash dialog (ui/excepthook.py) to what it shows.
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

# A secret shorter than this is replaced only where it stands as a whole value (see the docstring);
# Cognito's default policy asks for 8 characters, but accounts with older or custom policies exist.
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
_short_secret_patterns: dict[str, re.Pattern[str]] = {}
_known_lock = threading.Lock()

# What may stand right before and after a short secret for it to count as a whole value.
_VALUE_EDGE = r"""\s"'=:,;&()\[\]{}<>/"""
_VALUE_END = _VALUE_EDGE + ".!?"


def _spellings(value: str) -> set[str]:
    """`value` as it is, and as it looks inside JSON and inside a Python repr (quotes, `\\`, `\\u00e9`)."""
    return {value, json.dumps(value)[1:-1], json.dumps(value, ensure_ascii=False)[1:-1], repr(value)[1:-1]}


def _short_secret_pattern(value: str) -> re.Pattern[str]:
    """Where a short secret stands as a whole value: quoted, after `=`, or as a token of its own."""
    spellings = "|".join(re.escape(s) for s in sorted(_spellings(value), key=len, reverse=True))
    quoted = rf"(?<=[\"'])(?:{spellings})(?=[\"'])"
    assigned = rf"(?<==)(?:{spellings})(?![^{_VALUE_END}])"
    alternatives = [quoted, assigned]
    if not value.isalpha():  # "demo" may be a word of the text; "Kuh1" or "a.b!" is not
        alternatives.append(rf"(?<![^{_VALUE_EDGE}])(?:{spellings})(?![^{_VALUE_END}])")
    return re.compile("|".join(alternatives))


def remember_secret(value: str | None) -> None:
    """Replace `value` in every text redacted from now on, for the life of the process."""
    if not value or not value.strip():
        return
    with _known_lock:
        if len(value) >= _MIN_SECRET_LENGTH:
            _known_secrets.update(_spellings(value))
        elif value not in _short_secret_patterns:
            _short_secret_patterns[value] = _short_secret_pattern(value)


def is_secret_name(name: str) -> bool:
    """True for a field name such as `password`, `IdToken` or `RefreshToken`: never show its value."""
    return _SECRET_NAME.search(name) is not None


def redact(text: str) -> str:
    """`text` with every recognisable or registered secret replaced by [REDACTED]."""
    with _known_lock:
        # Longest first, so a secret containing another one is replaced as a whole.
        secrets = sorted(_known_secrets, key=len, reverse=True)
        short_patterns = [
            _short_secret_patterns[k] for k in sorted(_short_secret_patterns, key=len, reverse=True)
        ]
    for secret in secrets:
        text = text.replace(secret, REDACTED)
    for short in short_patterns:
        text = short.sub(REDACTED, text)
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
