"""Error wording for every feature: what went wrong, in a technician's words, with the server's reason."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from saveris_desktop.api.errors import (
    ApiError,
    AuthenticationError,
    NetworkError,
    OperationNotOfferedError,
    PermissionDeniedError,
    RateLimitedError,
    RequestValidationError,
    ServerError,
)


def explain_error(error: BaseException) -> str:
    """Plain words for a failure, with the server's own reason when it gave one."""
    if isinstance(error, OperationNotOfferedError):
        # Not a refusal of this account: the operation does not exist on this server. The message
        # names which one ("this server does not offer reading the logger's alarms").
        return error.message
    if isinstance(error, AuthenticationError) and error.operation == "token" and error.status in (400, 401):
        text = QCoreApplication.translate(
            "Errors",
            "The user name or the password is not right, the account belongs to another region or "
            "environment, or it is a Saveris 2 (saveris.net) account, which cannot sign in here. "
            "Check them and try again.",
        )
    elif isinstance(error, AuthenticationError):
        text = QCoreApplication.translate(
            "Errors", "The user name or the password is not right. Check both and try again."
        )
    elif isinstance(error, NetworkError):
        text = QCoreApplication.translate(
            "Errors",
            "The testo cloud cannot be reached. Check that this laptop is connected to the internet.",
        )
    elif isinstance(error, PermissionDeniedError):
        text = QCoreApplication.translate(
            "Errors", "This account is not allowed to do this. Ask your Saveris administrator."
        )
    elif isinstance(error, RateLimitedError):
        text = QCoreApplication.translate("Errors", "The testo cloud is busy. Wait a minute and try again.")
    elif isinstance(error, ServerError):
        text = QCoreApplication.translate(
            "Errors", "The testo cloud has a problem right now. Try again in a few minutes."
        )
    elif isinstance(error, RequestValidationError):
        text = QCoreApplication.translate("Errors", "The testo cloud refused this.")
    elif isinstance(error, ApiError):
        return error.message
    else:
        return QCoreApplication.translate(
            "Errors", "Something unexpected went wrong; the details are in the log file."
        )
    reason = error.server_reason if isinstance(error, ApiError) else None
    return f"{text} ({reason})" if reason else text


def describe_error(error: BaseException) -> str:
    """What an editor, a dialog or a list says when its request failed: an ApiError's message with the
    server's reason below it; anything else is unforeseen and gets `explain_error`'s words (its
    traceback is in the log: see TaskOwner), never raw exception text."""
    if isinstance(error, ApiError):
        if error.server_reason and error.server_reason not in error.message:
            return f"{error.message}\n{error.server_reason}"
        return error.message
    return explain_error(error)
