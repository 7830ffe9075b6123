"""Error wording for every feature: what went wrong, in a technician's words and the user's language,
with the server's reason. The words are core's (core/runtime/error_words.py, shared with saveris-cli)."""

from __future__ import annotations

from saveris_desktop.api.errors import ApiError
from saveris_desktop.core.runtime.error_words import OPERATION_WORDS, explain
from saveris_desktop.ui import core_words, i18n

__all__ = ["OPERATION_WORDS", "describe_error", "explain_error"]


def explain_error(error: BaseException) -> str:
    """Plain words for a failure in the user's language, with the server's own reason when it gave
    one. Each error class has its sentence in core; the API's English sentence (`error.message`) is
    shown as it is only in English, where it is the most precise (it names the field, the status)."""
    english = i18n.current_language() == i18n.SOURCE_LANGUAGE
    return core_words.translated(explain(error, api_words=english))


def describe_error(error: BaseException) -> str:
    """What an editor, a dialog or a list says when its request failed: an ApiError's message with the
    server's reason below it; anything else is unforeseen and gets `explain_error`'s words (its
    traceback is in the log: see TaskOwner), never raw exception text."""
    if not isinstance(error, ApiError):
        return explain_error(error)
    # English shows the API's own sentence (it names the operation and the status); another
    # language shows explain_error's translated one. The server's words follow either way.
    english = i18n.current_language() == i18n.SOURCE_LANGUAGE
    text = error.message if english else explain_error(error)
    if error.server_reason and error.server_reason not in text:
        return f"{text}\n{error.server_reason}"
    return text
