"""The one sentence an editor, the bulk dialog or the device view shows when something failed."""

from __future__ import annotations

from saveris_desktop.api.errors import ApiError
from saveris_desktop.ui.wizard.common import explain_error


def describe_error(error: BaseException) -> str:
    """An ApiError's message with the server's reason below it; anything else is unforeseen and gets
    the wizard's words for that (its traceback is in the log: see TaskOwner), never raw exception text."""
    if isinstance(error, ApiError):
        if error.server_reason and error.server_reason not in error.message:
            return f"{error.message}\n{error.server_reason}"
        return error.message
    return explain_error(error)
