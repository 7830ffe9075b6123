"""Turn HTTP answers into models or into one technician-readable error.

Every message is one sentence: what failed, why in plain words, and which server (the endpoint
label), e.g. "Sign-in failed: wrong user name or password (Europe, production)." The server's own
words, if any, go to `server_reason` (redacted) so the UI can show them next to the field.
A body the app cannot read raises InvalidResponseError naming the field, never a pydantic traceback.
"""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Any, TypeVar

import httpx
from pydantic import BaseModel, ValidationError

from saveris_desktop.api import redaction
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
from saveris_desktop.api.json_stream import JsonShapeError, iter_array_member_text
from saveris_desktop.api.listing import UnreadableItem
from saveris_desktop.api.models import ServerDocument
from saveris_desktop.api.regions import Endpoint
from saveris_desktop.api.routes import Route

M = TypeVar("M", bound=BaseModel)
log = logging.getLogger(redaction.API_LOGGER_NAME)

#: What the technician was doing, per route: the start of every message.
ACTIONS: dict[str, str] = {
    "token": "Sign-in",
    "create_connect_key": "Creating the site and its connect key",
    "get_connect_key": "Reading the connect key",
    "get_global_settings": "Reading the site's time zone",
    "put_global_settings": "Saving the site's time zone",
    "list_devices": "Listing the site's loggers",
    "get_device": "Reading the logger",
    "put_device": "Saving the logger's settings",
    "get_sensor": "Reading the sensor",
    "put_sensor": "Saving the sensor's settings",
    "get_device_alarm_configuration": "Reading the logger's alarms",
    "put_device_alarm_configuration": "Saving the logger's alarms",
    "get_sensor_alarm_configuration": "Reading the sensor's alarms",
    "put_sensor_alarm_configuration": "Saving the sensor's alarms",
    "list_measuring_objects": "Listing the measuring objects",
    "get_measuring_object": "Reading the measuring object",
    "create_measuring_object": "Creating the measuring object",
    "get_measuring_instruction_set": "Reading the measuring object's measurement settings",
    "put_measuring_instruction_set": "Saving the measuring object's measurement settings",
    "get_measuring_object_alarm_configuration": "Reading the measuring object's alarm limits",
    "put_measuring_object_alarm_configuration": "Saving the measuring object's alarm limits",
}


def action(route: Route) -> str:
    return ACTIONS.get(route.name, route.summary)


def sentence(route: Route, endpoint: Endpoint, reason: str) -> str:
    return f"{action(route)} failed: {reason} ({endpoint.label})."


def server_reason(response: httpx.Response) -> str | None:
    """The `message` of `{"status": "Error", "message": ...}` / `{"message": ...}`, else short plain text."""
    try:
        body = response.json()
    except (json.JSONDecodeError, UnicodeDecodeError):
        text = response.text.strip()
        return redaction.redact(text[:200]) if text and "<" not in text[:1] else None
    if isinstance(body, dict):
        for key in ("message", "Message", "error_description", "error"):
            value = body.get(key)
            if isinstance(value, str) and value.strip():
                return redaction.redact(value.strip()[:500])
    return None


#: API Gateway's answer for a path or method that does not exist (AWS documents it as a 403).
MISSING_AUTHENTICATION_TOKEN = "missing authentication token"  # noqa: S105 - a message, no secret


def is_not_offered(status: int, detail: str | None) -> bool:
    """True when the answer means "no such operation here", not "you may not"."""
    if status == 403 and detail is not None and detail.strip().lower() == MISSING_AUTHENTICATION_TOKEN:
        return True
    return status in (405, 501)


def _status_reason(route: Route, status: int, retry_after: float | None) -> tuple[type[ApiError], str]:
    if route.name == "token" and status in (400, 401):
        return AuthenticationError, "wrong user name or password"
    if route.name == "token" and status == 403:
        return PermissionDeniedError, "this account may not use the Device Management API"
    if status == 401:
        return AuthenticationError, "the sign-in is no longer accepted, please sign in again"
    if status == 403:
        return PermissionDeniedError, "this account may not do this on this site"
    if status == 404:
        return NotFoundError, "the server does not know this site or object (any more)"
    if status in (409, 412):
        return ConflictError, "it was changed elsewhere in the meantime; reload and try again"
    if status == 429:
        wait = f"try again in {retry_after:.0f} seconds" if retry_after else "try again in a minute"
        return RateLimitedError, f"the server is receiving too many requests; {wait}"
    if status in (400, 413, 422):
        return RequestValidationError, "the server refused the values"
    if status >= 500:
        return ServerError, f"the testo cloud has a problem (HTTP {status}); try again later"
    return ApiError, f"the server gave an unexpected answer (HTTP {status})"


def error_for_response(
    response: httpx.Response, route: Route, endpoint: Endpoint, *, retry_after: float | None = None
) -> ApiError:
    """The error for a non-2xx answer."""
    detail = server_reason(response)
    cls: type[ApiError]
    if is_not_offered(response.status_code, detail):
        cls, reason = OperationNotOfferedError, "this server does not offer this operation"
    else:
        cls, reason = _status_reason(route, response.status_code, retry_after)
    if cls is RequestValidationError and detail:
        reason = f"{reason}: {detail.rstrip('.')}"
    message = sentence(route, endpoint, reason)
    common: dict[str, Any] = {
        "status": response.status_code,
        "server_reason": detail,
        "operation": route.name,
    }
    if cls is RateLimitedError:
        return RateLimitedError(message, retry_after=retry_after, **common)
    return cls(message, **common)


def network_error(error: httpx.TransportError, route: Route, endpoint: Endpoint) -> NetworkError:
    if isinstance(error, httpx.TimeoutException):
        reason = "the testo cloud did not answer in time; check the internet connection"
    else:
        reason = "no connection to the testo cloud; check the internet connection"
    return NetworkError(sentence(route, endpoint, reason), operation=route.name)


def invalid_response(route: Route, endpoint: Endpoint, field: str, problem: str) -> InvalidResponseError:
    reason = f"the server's answer could not be read ({field}: {problem})"
    return InvalidResponseError(sentence(route, endpoint, reason), field=field, operation=route.name)


def json_body(response: httpx.Response, route: Route, endpoint: Endpoint) -> Any:
    try:
        return response.json()
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise invalid_response(route, endpoint, "body", "not JSON") from None


def field_path(location: tuple[int | str, ...]) -> str:
    """pydantic's error location as `devices[0].firmware.firmware_version`."""
    path = ""
    for part in location:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or "body"


def _first_problem(error: ValidationError) -> tuple[tuple[int | str, ...], str]:
    """Where and what, in words, of pydantic's first complaint (the input is never echoed)."""
    first = error.errors(include_input=False, include_url=False)[0]
    problem = "missing" if first["type"] == "missing" else first["msg"].lower()
    return tuple(first["loc"]), problem


def parse_model(
    data: Any, model: type[M], route: Route, endpoint: Endpoint, location: tuple[int | str, ...] = ()
) -> M:
    """Validate `data`; the first problem becomes InvalidResponseError (inputs are never echoed).

    `location` is where `data` sits in the whole answer, so the error names the full field path.
    """
    try:
        return model.model_validate(data)
    except ValidationError as error:
        where, problem = _first_problem(error)
        raise invalid_response(route, endpoint, field_path((*location, *where)), problem) from None


def read_model(response: httpx.Response, model: type[M], route: Route, endpoint: Endpoint) -> M:
    return parse_model(json_body(response, route, endpoint), model, route, endpoint)


#: Elements validated between two yields to the event loop: about 5 ms of work for devices.
ITEMS_PER_BATCH = 50


async def read_items(
    response: httpx.Response,
    key: str,
    model: type[M],
    route: Route,
    endpoint: Endpoint,
    *,
    unreadable: list[UnreadableItem] | None = None,
) -> list[M]:
    """The list `body[key]` as models, decoded and validated in batches that yield to the event loop.

    A listing of thousands of devices would otherwise freeze the window for a few hundred ms.
    Without `unreadable`, one element that cannot be read fails the whole answer. With it, such an
    element is appended there (as received, with the reason) and the others are still read: only a
    body that is not JSON or not shaped `{key: [...]}` fails then.
    """
    try:
        text = response.content.decode(json.detect_encoding(response.content))
    except UnicodeDecodeError:
        raise invalid_response(route, endpoint, "body", "not JSON") from None
    items: list[M] = []
    set_aside: list[UnreadableItem] = []
    try:
        for index, (raw, raw_text) in enumerate(iter_array_member_text(text, key)):
            if index and index % ITEMS_PER_BATCH == 0:
                await asyncio.sleep(0)
            if unreadable is None:
                item = parse_model(raw, model, route, endpoint, location=(key, index))
            else:
                try:
                    item = model.model_validate(raw)
                except ValidationError as error:
                    where, problem = _first_problem(error)
                    field = field_path(where) if where else "the whole entry"
                    set_aside.append(UnreadableItem(index, raw, field, problem))
                    continue
            if isinstance(item, ServerDocument):
                # Kept as text, not as the decoded dicts: thousands of those would slow down every
                # garbage collection pass and cost twice the memory.
                item.keep_received_text(raw_text)
            items.append(item)
    except JsonShapeError as error:
        raise invalid_response(route, endpoint, error.field, error.problem) from None
    except ValueError:
        raise invalid_response(route, endpoint, "body", "not JSON") from None
    if unreadable is not None:
        # Only once the whole body proved to be JSON: a truncated answer sets nothing aside.
        unreadable.extend(set_aside)
        for entry in set_aside:
            log.warning(
                "%s: element %d of %r could not be read (%s)", route.name, entry.position, key, entry.reason
            )
    return items
