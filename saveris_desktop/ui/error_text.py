"""Error wording for every feature: what went wrong, in a technician's words and the user's language,
with the server's reason."""

from __future__ import annotations

import logging
from typing import cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from saveris_desktop.api.errors import (
    ApiError,
    AuthenticationError,
    ConflictError,
    InvalidResponseError,
    NetworkError,
    NotFoundError,
    OperationNotOfferedError,
    PermissionDeniedError,
    RateLimitedError,
    RequestValidationError,
    ServerError,
)
from saveris_desktop.ui import i18n

#: What the technician was doing, per operation (api.responses.ACTIONS, route names), in words that
#: complete "This server does not offer …" and "… failed". The API's own sentences are English by
#: design (they are logged and read by support); the UI says the same in the user's language.
#: (QT_TRANSLATE_NOOP returns its text; PySide types it as object.)
OPERATION_WORDS = cast(
    dict[str, str],
    {
        "token": QT_TRANSLATE_NOOP("Errors", "signing in"),
        "create_connect_key": QT_TRANSLATE_NOOP("Errors", "creating the site and its connect key"),
        "get_connect_key": QT_TRANSLATE_NOOP("Errors", "reading the connect key"),
        "get_global_settings": QT_TRANSLATE_NOOP("Errors", "reading the site's time zone"),
        "put_global_settings": QT_TRANSLATE_NOOP("Errors", "saving the site's time zone"),
        "list_devices": QT_TRANSLATE_NOOP("Errors", "listing the site's loggers"),
        "get_device": QT_TRANSLATE_NOOP("Errors", "reading the logger"),
        "put_device": QT_TRANSLATE_NOOP("Errors", "saving the logger's settings"),
        "get_sensor": QT_TRANSLATE_NOOP("Errors", "reading the sensor"),
        "put_sensor": QT_TRANSLATE_NOOP("Errors", "saving the sensor's settings"),
        "get_device_alarm_configuration": QT_TRANSLATE_NOOP("Errors", "reading the logger's alarms"),
        "put_device_alarm_configuration": QT_TRANSLATE_NOOP("Errors", "saving the logger's alarms"),
        "get_sensor_alarm_configuration": QT_TRANSLATE_NOOP("Errors", "reading the sensor's alarms"),
        "put_sensor_alarm_configuration": QT_TRANSLATE_NOOP("Errors", "saving the sensor's alarms"),
        "list_measuring_objects": QT_TRANSLATE_NOOP("Errors", "listing the measuring objects"),
        "get_measuring_object": QT_TRANSLATE_NOOP("Errors", "reading the measuring object"),
        "create_measuring_object": QT_TRANSLATE_NOOP("Errors", "creating the measuring object"),
        "get_measuring_instruction_set": QT_TRANSLATE_NOOP(
            "Errors", "reading the measuring object's measurement settings"
        ),
        "put_measuring_instruction_set": QT_TRANSLATE_NOOP(
            "Errors", "saving the measuring object's measurement settings"
        ),
        "get_measuring_object_alarm_configuration": QT_TRANSLATE_NOOP(
            "Errors", "reading the measuring object's alarm limits"
        ),
        "put_measuring_object_alarm_configuration": QT_TRANSLATE_NOOP(
            "Errors", "saving the measuring object's alarm limits"
        ),
    },
)


def _operation(error: ApiError) -> str | None:
    words = OPERATION_WORDS.get(error.operation or "")
    return QCoreApplication.translate("Errors", words) if words else None


def explain_error(error: BaseException) -> str:
    """Plain words for a failure in the user's language, with the server's own reason when it gave
    one. Each error class has its sentence here; the API's English sentence (`error.message`) is
    shown as it is only in English, where it is the most precise (it names the field, the status)."""
    if isinstance(error, OperationNotOfferedError):
        # Not a refusal of this account: the operation does not exist on this server. The message
        # names which one ("this server does not offer reading the logger's alarms").
        operation = _operation(error)
        if i18n.current_language() == i18n.SOURCE_LANGUAGE or operation is None:
            return error.message
        return QCoreApplication.translate("Errors", "This server does not offer %1.").replace("%1", operation)
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
        if i18n.current_language() == i18n.SOURCE_LANGUAGE:
            return error.message
        text = _other_api_error(error)
    else:
        return QCoreApplication.translate(
            "Errors", "Something unexpected went wrong; the details are in the log file."
        )
    reason = error.server_reason if isinstance(error, ApiError) else None
    return f"{text} ({reason})" if reason else text


def _other_api_error(error: ApiError) -> str:
    """The sentence for the classes English shows as the API words them; the API's words go to the
    log (in English, as support reads them), so nothing of them is lost."""
    logging.getLogger(__name__).info("shown translated: %s", error.message)
    if isinstance(error, NotFoundError):
        text = QCoreApplication.translate(
            "Errors", "The testo cloud does not know this site or object (any more)."
        )
    elif isinstance(error, ConflictError):
        text = QCoreApplication.translate(
            "Errors", "It was changed elsewhere in the meantime. Reload and try again."
        )
    elif isinstance(error, InvalidResponseError):
        text = QCoreApplication.translate(
            "Errors", "The testo cloud sent an answer this app cannot read; the details are in the log file."
        )
    else:
        text = QCoreApplication.translate(
            "Errors", "The testo cloud gave an unexpected answer (HTTP %1)."
        ).replace("%1", str(error.status or "?"))
    operation = _operation(error)
    if operation is None:
        return text
    return QCoreApplication.translate("Errors", "Failed: %1. %2").replace("%1", operation).replace("%2", text)


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
