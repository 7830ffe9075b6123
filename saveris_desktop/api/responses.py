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
import ssl
from typing import Any, TypeGuard, TypeVar

import httpx
from pydantic import BaseModel, ValidationError

from saveris_desktop.api import redaction
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


#: Status phrases servers send as their "reason" although they say nothing the status does not.
_GENERIC_REASONS = frozenset(
    {
        "bad request",
        "unauthorized",
        "forbidden",
        "not found",
        "conflict",
        "internal server error",
        "internal error",
        "service unavailable",
        "bad gateway",
        "gateway timeout",
        "too many requests",
        "error",
    }
)


def is_html(response: httpx.Response) -> bool:
    """True when the answer is a web page: a proxy, a captive portal or a CDN answered, not the API."""
    content_type = response.headers.get("Content-Type", "").lower()
    if "html" in content_type:
        return True
    start = response.content[:64].lstrip().lower()
    return start.startswith((b"<!doctype", b"<html", b"<head", b"<body", b"<?xml"))


def _decoded_json(response: httpx.Response) -> Any:
    """The body as JSON, or None when it is empty, not JSON or too deeply nested to read."""
    if not response.content.strip():
        return None
    try:
        return response.json()
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError):
        return None


def _reason_from_document(body: Any) -> str | None:
    """The human words of an error document, in each shape seen (see saveris-api.md, 2026-11-28).

    `{"message"}` and `{"Message"}` (API Gateway, Lambda), `{"status", "message"}` (testo's sibling
    APIs), RFC 9457 problem details `{"type", "title", "status", "detail"}` (detail says more than
    title), OAuth's `{"error", "error_description"}`, or a bare JSON string.
    """
    if isinstance(body, str):
        return body
    if not isinstance(body, dict):
        return None
    for key in ("message", "Message", "detail", "error_description", "title", "error"):
        value = body.get(key)
        if isinstance(value, str) and value.strip():
            return value
    return None


def server_reason(response: httpx.Response) -> str | None:
    """The server's own words for a failure, redacted and short; None for empty bodies and web pages.

    A web page is never passed on: it is a proxy's or portal's, may carry scripts and tracking, and
    would not fit in one line next to a field.
    """
    if is_html(response):
        return None
    body = _decoded_json(response)
    if body is not None:
        words = _reason_from_document(body)
        return redaction.redact(" ".join(words.split())[:500]) if words and words.strip() else None
    try:
        text = response.text.strip()
    except (UnicodeDecodeError, LookupError):
        return None
    if not text or text.startswith(("<", "{", "[")):
        return None
    return redaction.redact(" ".join(text.split())[:200])


#: API Gateway's answer for a path or method that does not exist (AWS documents it as a 403).
MISSING_AUTHENTICATION_TOKEN = "missing authentication token"  # noqa: S105 - a message, no secret


def is_not_offered(status: int, detail: str | None) -> bool:
    """True when the answer means "no such operation here", not "you may not"."""
    if status == 403 and detail is not None and detail.strip().lower() == MISSING_AUTHENTICATION_TOKEN:
        return True
    return status in (405, 501)


def _lowercase_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _says_more(detail: str | None) -> TypeGuard[str]:
    """True when the server's words say more than the status code does."""
    return detail is not None and detail.strip().rstrip(".").lower() not in _GENERIC_REASONS


#: Characters of the server's words quoted inside a message; `server_reason` keeps all of them.
_QUOTED_REASON_LENGTH = 160


def _quoted(detail: str) -> str:
    words = detail.strip().rstrip(".")
    return words if len(words) <= _QUOTED_REASON_LENGTH else words[: _QUOTED_REASON_LENGTH - 1].rstrip() + "…"


def _server_says(detail: str | None) -> str:
    """` (the server says: …)` to put inside a sentence, or nothing when the words add nothing."""
    return f" (the server says: {_quoted(detail)})" if _says_more(detail) else ""


def _with_detail(reason: str, detail: str | None) -> str:
    """`reason`, followed by the server's words when they say more than the status does."""
    if not _says_more(detail):
        return reason
    return f"{reason}: {_quoted(detail)}"


def _sign_in_refused(detail: str | None) -> str:
    # The three causes seen in the field, in the order of likelihood (saveris-api.md, "Account type").
    words = f"wrong user name or password{_server_says(detail)}"
    return (
        f"{words}; also check that the account belongs to this region and environment, and note that "
        "a Saveris 2 (saveris.net) account cannot sign in here"
    )


def _too_large(detail: str | None) -> str:
    # API Gateway answers 413 "Response size is larger than 6 MB" for a synchronous answer it cannot
    # deliver; the values sent were fine. Only a server that names the request means the request.
    if detail and "request" in detail.lower():
        return _with_detail("the request is too large for the server", detail)
    return _with_detail("the answer is too large for the server to send", detail)


def _status_reason(
    route: Route, status: int, retry_after: float | None, detail: str | None
) -> tuple[type[ApiError], str]:
    if route.name == "token" and status in (400, 401):
        return AuthenticationError, _sign_in_refused(detail)
    if route.name == "token" and status == 403:
        return PermissionDeniedError, _with_detail(
            "this account may not use the Device Management API", detail
        )
    if status == 401:
        return AuthenticationError, "the sign-in is no longer accepted, please sign in again"
    if status == 403:
        return PermissionDeniedError, _with_detail("this account may not do this on this site", detail)
    if status == 404:
        return NotFoundError, _with_detail("the server does not know this site or object (any more)", detail)
    if status == 407:
        return NetworkError, "the proxy server asks for a sign-in; check the proxy settings of this computer"
    if status in (409, 412):
        return ConflictError, (
            f"it was changed elsewhere in the meantime{_server_says(detail)}; reload and try again"
        )
    if status == 413:
        return InvalidResponseError, _too_large(detail)
    if status == 429:
        wait = f"try again in {retry_after:.0f} seconds" if retry_after else "try again in a minute"
        return RateLimitedError, f"the server is receiving too many requests; {wait}"
    if status in (400, 422):
        return RequestValidationError, _with_detail("the server refused the values", detail)
    if 300 <= status < 400:
        # Redirects are not followed (a token must not travel to another host); a hotel or guest
        # network's sign-in page redirects like this.
        return NetworkError, (
            f"the network sent the request elsewhere (HTTP {status}), as the sign-in page of a guest "
            "network does; open a web page in a browser and sign in to the network first"
        )
    if status >= 500:
        return (
            ServerError,
            f"the testo cloud has a problem (HTTP {status}){_server_says(detail)}; try again later",
        )
    return ApiError, _with_detail(f"the server gave an unexpected answer (HTTP {status})", detail)


def _web_page_answered(status: int) -> tuple[type[ApiError], str]:
    """A web page instead of the API's answer: something between this computer and the cloud spoke."""
    reason = (
        f"a proxy or the sign-in page of the network (captive portal) answered instead of the testo "
        f"cloud (HTTP {status}); check the network connection"
    )
    # 429 and 5xx keep their class, so retrying and the "maybe sent" rules of POST stay as they were
    # (CloudFront in front of the API answers its 5xx as web pages, too).
    if status == 429:
        return RateLimitedError, reason
    if status >= 500:
        return ServerError, reason
    return NetworkError, reason


def not_offered_reason(route: Route) -> str:
    """ "this server does not offer reading the logger's alarms": said alike wherever it is learnt."""
    return f"this server does not offer {_lowercase_first(action(route))}"


def error_for_response(
    response: httpx.Response, route: Route, endpoint: Endpoint, *, retry_after: float | None = None
) -> ApiError:
    """The error for a non-2xx answer: one sentence, with the server's reason when it gave one."""
    status = response.status_code
    detail = server_reason(response)
    cls: type[ApiError]
    if is_html(response):
        cls, reason = _web_page_answered(status)
    elif is_not_offered(status, detail):
        cls, reason = OperationNotOfferedError, not_offered_reason(route)
    else:
        cls, reason = _status_reason(route, status, retry_after, detail)
    message = sentence(route, endpoint, reason)
    common: dict[str, Any] = {"status": status, "server_reason": detail, "operation": route.name}
    if cls is RateLimitedError:
        return RateLimitedError(message, retry_after=retry_after, **common)
    if cls is InvalidResponseError:
        return InvalidResponseError(message, field="body", **common)
    return cls(message, **common)


def certificate_not_trusted(error: BaseException) -> bool:
    """True when `error` (httpx's, wrapping httpcore's, wrapping the ssl module's) is a refused server
    certificate: retrying cannot help, and "no connection" would send the technician the wrong way."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        if isinstance(current, ssl.SSLCertVerificationError):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False


def network_error(error: httpx.TransportError, route: Route, endpoint: Endpoint) -> NetworkError:
    if certificate_not_trusted(error):
        reason = (
            "the server's certificate is not trusted by this computer; a network that inspects "
            "encrypted connections needs its root certificate in SSL_CERT_FILE"
        )
        return CertificateNotTrustedError(sentence(route, endpoint, reason), operation=route.name)
    if isinstance(error, httpx.ProxyError):
        reason = (
            "the proxy server of this computer refused or failed the connection; check the proxy settings"
        )
    elif isinstance(error, httpx.TimeoutException):
        reason = "the testo cloud did not answer in time; check the internet connection"
    else:
        reason = "no connection to the testo cloud; check the internet connection"
    return NetworkError(sentence(route, endpoint, reason), operation=route.name)


#: The problem named when an answer nests deeper than the app reads.
NESTED_TOO_DEEPLY = "nested too deeply"

#: Levels of arrays/objects an answer may nest. Real documents nest under 10; a few hundred levels
#: decode but make pydantic's serialisation fail later, in every sync run that touches the value.
MAX_NESTING = 64


def nests_too_deeply(value: Any, limit: int = MAX_NESTING) -> bool:
    """True when `value` has more than `limit` levels of lists and dicts (checked without recursion)."""
    pending: list[tuple[Any, int]] = [(value, 1)]
    while pending:
        item, depth = pending.pop()
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else None
        if children is None:
            continue
        if depth > limit:
            return True
        pending.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return False


def invalid_response(route: Route, endpoint: Endpoint, field: str, problem: str) -> InvalidResponseError:
    reason = f"the server's answer could not be read ({field}: {problem})"
    return InvalidResponseError(sentence(route, endpoint, reason), field=field, operation=route.name)


def refuse_web_page(response: httpx.Response, route: Route, endpoint: Endpoint) -> None:
    """Raise when a 2xx answer is a web page: a captive portal answers any address with its sign-in page."""
    if is_html(response):
        cls, reason = _web_page_answered(response.status_code)
        raise cls(sentence(route, endpoint, reason), status=response.status_code, operation=route.name)


def answer_too_large(route: Route, endpoint: Endpoint, limit: int) -> InvalidResponseError:
    """The body passed the app's cap (RequestLimits.max_body_bytes); reading stopped there."""
    reason = f"the answer is too large (more than {limit // (1024 * 1024)} MB); reading it was stopped"
    return InvalidResponseError(sentence(route, endpoint, reason), field="body", operation=route.name)


def json_body(response: httpx.Response, route: Route, endpoint: Endpoint) -> Any:
    """The decoded body of a 2xx answer; a web page or unreadable JSON is an error, never a crash."""
    refuse_web_page(response, route, endpoint)
    try:
        body = response.json()
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise invalid_response(route, endpoint, "body", "not JSON") from None
    except RecursionError:
        # The C scanner recurses per level: 100,000 nested brackets overflow the stack guard.
        raise invalid_response(route, endpoint, "body", NESTED_TOO_DEEPLY) from None
    return body


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
    if nests_too_deeply(data):  # checked here, so each element of a listing is judged on its own
        raise invalid_response(route, endpoint, field_path(location), NESTED_TOO_DEEPLY)
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
    refuse_web_page(response, route, endpoint)
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
            elif nests_too_deeply(raw):  # the same limit parse_model applies, judged per element
                set_aside.append(UnreadableItem(index, raw, "the whole entry", NESTED_TOO_DEEPLY))
                continue
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
    except RecursionError:
        raise invalid_response(route, endpoint, "body", NESTED_TOO_DEEPLY) from None
    if unreadable is not None:
        # Only once the whole body proved to be JSON: a truncated answer sets nothing aside.
        unreadable.extend(set_aside)
        for entry in set_aside:
            log.warning(
                "%s: element %d of %r could not be read (%s)", route.name, entry.position, key, entry.reason
            )
    return items
