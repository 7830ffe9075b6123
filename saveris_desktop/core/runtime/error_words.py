"""Plain words for a failure of the cloud, in a technician's words, with the server's reason; translatable.

The API's own sentences (ApiError.message) are English by design: they are logged and read by
support, and they name the operation and the status. What the window and the command line show in
another language is one sentence per error class here, marked for translation in the context
"Errors" (core.runtime.sentences.Sentence), with the server's reason after it.
"""

from __future__ import annotations

import logging

from saveris_desktop.api.errors import (
    ApiError,
    AuthenticationError,
    CertificateNotTrustedError,
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
from saveris_desktop.core.runtime.sentences import QT_TRANSLATE_NOOP, Sentence

CONTEXT = "Errors"

#: What the technician was doing, per operation (api.responses.ACTIONS, route names), in words that
#: complete "This server does not offer …" and "… failed".
OPERATION_WORDS: dict[str, str] = {
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
}


def _said(template: str, *values: str) -> Sentence:
    return Sentence(template, *values, context=CONTEXT)


def _operation(error: ApiError) -> Sentence | None:
    words = OPERATION_WORDS.get(error.operation or "")
    return _said(words) if words else None


def explain(error: BaseException, *, api_words: bool) -> str:
    """Plain words for a failure, with the server's own reason when it gave one. `api_words`: show
    the API's English sentence (error.message) where it is the most precise (it names the field,
    the status): in English; another language gets the class's sentence, translated by the caller
    (ui/core_words.translated, or the CLI's words)."""
    if isinstance(error, OperationNotOfferedError):
        # Not a refusal of this account: the operation does not exist on this server. The message
        # names which one ("this server does not offer reading the logger's alarms").
        operation = _operation(error)
        if api_words or operation is None:
            return error.message
        return _said(QT_TRANSLATE_NOOP("Errors", "This server does not offer %1."), operation)
    if isinstance(error, AuthenticationError) and error.operation == "token" and error.status in (400, 401):
        text = _said(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The user name or the password is not right, the account belongs to another region or "
                "environment, or it is a Saveris 2 (saveris.net) account, which cannot sign in here. "
                "Check them and try again.",
            )
        )
    elif isinstance(error, AuthenticationError):
        text = _said(
            QT_TRANSLATE_NOOP(
                "Errors", "The user name or the password is not right. Check both and try again."
            )
        )
    elif isinstance(error, CertificateNotTrustedError):
        text = _said(
            QT_TRANSLATE_NOOP(
                "Errors",
                "This computer does not trust the certificate of the server it reached. If your company's "
                "network inspects encrypted connections, ask IT for its root certificate and set "
                "SSL_CERT_FILE to it (see the README).",
            )
        )
    elif isinstance(error, NetworkError):
        text = _said(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The testo cloud cannot be reached. Check that this laptop is connected to the internet.",
            )
        )
    elif isinstance(error, PermissionDeniedError):
        text = _said(
            QT_TRANSLATE_NOOP(
                "Errors", "This account is not allowed to do this. Ask your Saveris administrator."
            )
        )
    elif isinstance(error, RateLimitedError):
        text = _said(QT_TRANSLATE_NOOP("Errors", "The testo cloud is busy. Wait a minute and try again."))
    elif isinstance(error, ServerError):
        text = _said(
            QT_TRANSLATE_NOOP(
                "Errors", "The testo cloud has a problem right now. Try again in a few minutes."
            )
        )
    elif isinstance(error, RequestValidationError):
        text = _said(QT_TRANSLATE_NOOP("Errors", "The testo cloud refused this."))
    elif isinstance(error, ApiError):
        if api_words:
            return error.message
        text = _other_api_error(error)
    else:
        return _said(
            QT_TRANSLATE_NOOP("Errors", "Something unexpected went wrong; the details are in the log file.")
        )
    reason = error.server_reason if isinstance(error, ApiError) else None
    return _said("%1 (%2)", text, reason) if reason else text


def _other_api_error(error: ApiError) -> Sentence:
    """The sentence for the classes English shows as the API words them; the API's words go to the
    log (in English, as support reads them), so nothing of them is lost."""
    logging.getLogger(__name__).info("shown translated: %s", error.message)
    if isinstance(error, NotFoundError):
        text = _said(
            QT_TRANSLATE_NOOP("Errors", "The testo cloud does not know this site or object (any more).")
        )
    elif isinstance(error, ConflictError):
        text = _said(
            QT_TRANSLATE_NOOP("Errors", "It was changed elsewhere in the meantime. Reload and try again.")
        )
    elif isinstance(error, InvalidResponseError):
        text = _said(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The testo cloud sent an answer this app cannot read; the details are in the log file.",
            )
        )
    else:
        text = _said(
            QT_TRANSLATE_NOOP("Errors", "The testo cloud gave an unexpected answer (HTTP %1)."),
            str(error.status or "?"),
        )
    operation = _operation(error)
    if operation is None:
        return text
    return _said(QT_TRANSLATE_NOOP("Errors", "Failed: %1. %2"), operation, text)
