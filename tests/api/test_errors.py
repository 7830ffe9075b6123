"""Each HTTP status becomes the right error with one technician sentence naming the endpoint."""

from __future__ import annotations

import httpx
import pytest

from saveris_desktop.api import errors
from saveris_desktop.api.client import DeviceManagementClient
from saveris_desktop.api.responses import ACTIONS
from saveris_desktop.api.routes import ROUTES
from tests.api import payloads as p
from tests.api.fakes import FakeApi, reply


@pytest.mark.parametrize(
    ("status", "body", "error_type", "message"),
    [
        (
            403,
            {"message": "Forbidden"},
            errors.PermissionDeniedError,
            "this account may not do this on this site",
        ),
        (
            404,
            {"status": "Error", "message": "device unknown"},
            errors.NotFoundError,
            "does not know this site",
        ),
        (409, {"message": "revision mismatch"}, errors.ConflictError, "changed elsewhere in the meantime"),
        (412, None, errors.ConflictError, "changed elsewhere in the meantime"),
        (418, None, errors.ApiError, "unexpected answer (HTTP 418)"),
        (501, None, errors.OperationNotOfferedError, "this server does not offer reading the logger ("),
        (405, None, errors.OperationNotOfferedError, "this server does not offer reading the logger ("),
        (
            403,
            {"message": "Missing Authentication Token"},
            errors.OperationNotOfferedError,
            "this server does not offer reading the logger (",
        ),
    ],
)
async def test_status_mapping(
    api: FakeApi,
    signed_in: DeviceManagementClient,
    status: int,
    body: object,
    error_type: type[errors.ApiError],
    message: str,
) -> None:
    api.on("GET", f"/devices/{p.DEVICE_UUID}", reply(status, body))
    with pytest.raises(errors.ApiError) as caught:
        await signed_in.get_device(p.SITE, p.DEVICE_UUID)
    assert type(caught.value) is error_type
    assert caught.value.message.startswith("Reading the logger failed: ")
    assert message in caught.value.message
    assert caught.value.message.endswith("(Europe, production).")
    assert caught.value.status == status and caught.value.operation == "get_device"
    if isinstance(body, dict):
        assert caught.value.server_reason == body["message"]


@pytest.mark.parametrize("status", [400, 422])
async def test_refused_values_carry_the_servers_reason(
    api: FakeApi, signed_in: DeviceManagementClient, status: int
) -> None:
    from saveris_desktop.api.models import GlobalSettings

    api.on(
        "PUT",
        "/settings/global",
        reply(status, {"status": "Error", "message": "Unknown timezone 'Mars/Base'."}),
    )
    with pytest.raises(errors.RequestValidationError) as caught:
        await signed_in.put_global_settings(p.SITE, GlobalSettings(timezone="Mars/Base"))
    assert caught.value.message == (
        "Saving the site's time zone failed: the server refused the values: Unknown timezone 'Mars/Base' "
        "(Europe, production)."
    )
    assert caught.value.server_reason == "Unknown timezone 'Mars/Base'."


async def test_plain_text_reason_is_kept_short_and_html_is_ignored(
    api: FakeApi, signed_in: DeviceManagementClient
) -> None:
    api.on("GET", "/devices", httpx.Response(403, text="<html>denied</html>"))
    with pytest.raises(errors.NetworkError) as caught:  # a proxy spoke, not the account's permissions
        await signed_in.list_devices(p.SITE)
    assert caught.value.server_reason is None and "denied" not in caught.value.message

    api.on("GET", "/devices", httpx.Response(403, text="site locked by admin " + "x" * 400))
    with pytest.raises(errors.PermissionDeniedError) as caught:
        await signed_in.list_devices(p.SITE)
    assert caught.value.server_reason is not None
    assert (
        caught.value.server_reason.startswith("site locked by admin")
        and len(caught.value.server_reason) == 200
    )


def test_every_route_has_an_action_phrase() -> None:
    assert set(ACTIONS) == set(ROUTES)


# --- every error shape of issue 10 §3 (saveris-api.md, "Added 2026-11-28") ----------------------

GET_ALARMS = f"/devices/{p.DEVICE_UUID}/alarm-configuration"


async def _read_alarms_error(
    api: FakeApi, client: DeviceManagementClient, answer: httpx.Response
) -> errors.ApiError:
    api.on("GET", GET_ALARMS, answer)
    with pytest.raises(errors.ApiError) as caught:
        await client.get_device_alarm_configuration(p.SITE, p.DEVICE_UUID)
    assert caught.value.message.startswith("Reading the logger's alarms failed: ")
    assert caught.value.message.endswith("(Europe, production).")
    assert caught.value.message.count(".") >= 1 and "\n" not in caught.value.message
    return caught.value


@pytest.mark.parametrize(
    ("answer", "error_type", "words", "reason"),
    [
        # API Gateway / the sibling Data API: 4xx without a body
        (httpx.Response(400), errors.RequestValidationError, "the server refused the values (", None),
        (httpx.Response(404), errors.NotFoundError, "does not know this site or object (any more) (", None),
        # {"message"} and {"Message"} (API Gateway, Lambda)
        (
            reply(404, {"message": "device 42 unknown"}),
            errors.NotFoundError,
            "(any more): device 42 unknown",
            "device 42 unknown",
        ),
        (
            reply(404, {"Message": "device 42 unknown"}),
            errors.NotFoundError,
            "(any more): device 42 unknown",
            "device 42 unknown",
        ),
        # {"status","message"} (testo's sibling APIs, 5xx)
        (
            reply(500, {"status": "Error", "message": "database timeout"}),
            errors.ServerError,
            "(HTTP 500) (the server says: database timeout); try again later",
            "database timeout",
        ),
        # RFC 9457 problem details: detail says more than title
        (
            httpx.Response(
                409,
                content=b'{"type":"about:blank","title":"Conflict","status":409,'
                b'"detail":"revision 7 is outdated"}',
                headers={"Content-Type": "application/problem+json"},
            ),
            errors.ConflictError,
            "in the meantime (the server says: revision 7 is outdated); reload",
            "revision 7 is outdated",
        ),
        (
            httpx.Response(
                422,
                content=b'{"type":"https://testo.example/limits","title":"Limit below range","status":422}',
                headers={"Content-Type": "application/problem+json"},
            ),
            errors.RequestValidationError,
            "the server refused the values: Limit below range (",
            "Limit below range",
        ),
        # a bare status phrase adds nothing and is not repeated in the sentence
        (
            reply(500, {"message": "Internal server error"}),
            errors.ServerError,
            "(HTTP 500); try again later (",
            "Internal server error",
        ),
        # API Gateway's 403 for an operation it does not offer: never a permission problem
        (
            reply(403, {"message": "Missing Authentication Token"}),
            errors.OperationNotOfferedError,
            "this server does not offer reading the logger's alarms (",
            "Missing Authentication Token",
        ),
        # 413 from API Gateway: the ANSWER was too large, the values were fine
        (
            reply(413, {"message": "Response size is larger than 6 MB"}),
            errors.InvalidResponseError,
            "the answer is too large for the server to send: Response size is larger than 6 MB (",
            "Response size is larger than 6 MB",
        ),
        (
            httpx.Response(413),
            errors.InvalidResponseError,
            "the answer is too large for the server to send (",
            None,
        ),
        # plain text
        (
            httpx.Response(503, text="upstream connect error"),
            errors.ServerError,
            "(the server says: upstream connect error)",
            "upstream connect error",
        ),
        # a captive portal's redirect (redirects are never followed)
        (
            httpx.Response(302, headers={"Location": "http://portal.hotel.example/login"}),
            errors.NetworkError,
            "the network sent the request elsewhere (HTTP 302)",
            None,
        ),
        (reply(407), errors.NetworkError, "the proxy server asks for a sign-in", None),
    ],
)
async def test_every_error_shape_becomes_one_sentence_with_the_servers_reason(
    api: FakeApi,
    signed_in: DeviceManagementClient,
    answer: httpx.Response,
    error_type: type[errors.ApiError],
    words: str,
    reason: str | None,
) -> None:
    error = await _read_alarms_error(api, signed_in, answer)
    assert type(error) is error_type
    assert words in error.message
    assert error.server_reason == reason
    assert error.status == answer.status_code and error.operation == "get_device_alarm_configuration"


async def test_413_on_a_write_is_not_a_refusal_of_the_values(
    api: FakeApi, signed_in: DeviceManagementClient
) -> None:
    from saveris_desktop.api.models import GlobalSettings

    api.on("PUT", "/settings/global", reply(413, {"message": "Response size is larger than 6 MB"}))
    with pytest.raises(errors.InvalidResponseError) as caught:
        await signed_in.put_global_settings(p.SITE, GlobalSettings(timezone="Europe/Berlin"))
    assert "refused the values" not in caught.value.message
    assert "the answer is too large" in caught.value.message


@pytest.mark.parametrize(
    "page",
    [
        "<!DOCTYPE html><html><head><title>Blocked</title></head><body>Access denied by policy</body></html>",
        "\n  <html><body><script>location='http://portal/'</script></body></html>",
    ],
)
@pytest.mark.parametrize(
    ("status", "error_type"),
    [(403, errors.NetworkError), (401, errors.NetworkError), (502, errors.ServerError)],
)
async def test_a_web_page_from_a_proxy_is_never_shown_and_says_who_answered(
    api: FakeApi,
    signed_in: DeviceManagementClient,
    page: str,
    status: int,
    error_type: type[errors.ApiError],
) -> None:
    error = await _read_alarms_error(api, signed_in, httpx.Response(status, text=page))
    assert type(error) is error_type  # a proxy's 401/403 is not the account's; a 5xx is still retried
    assert (
        "a proxy or the sign-in page of the network (captive portal) answered instead of the testo "
        f"cloud (HTTP {status})" in error.message
    )
    assert "<" not in error.message and "Blocked" not in error.message and "script" not in error.message
    assert error.server_reason is None
    assert signed_in.is_signed_in  # a proxy's 401 does not sign the technician out


async def test_a_captive_portal_answering_200_with_its_page(
    api: FakeApi, signed_in: DeviceManagementClient
) -> None:
    api.on(
        "GET",
        "/devices",
        httpx.Response(
            200,
            text="<html><body>Welcome to Hotel Wi-Fi</body></html>",
            headers={"Content-Type": "text/html"},
        ),
    )
    with pytest.raises(errors.NetworkError) as caught:
        await signed_in.list_devices(p.SITE)
    assert "captive portal" in caught.value.message and "(HTTP 200)" in caught.value.message
    assert "Hotel" not in caught.value.message


@pytest.mark.parametrize(
    ("answer", "server_reason"),
    [
        (httpx.Response(401), None),
        (reply(401, {"message": "Incorrect username or password."}), "Incorrect username or password."),
        (reply(400, {"Message": "User does not exist."}), "User does not exist."),
    ],
)
async def test_a_refused_sign_in_names_the_likely_causes(
    api: FakeApi, client: DeviceManagementClient, answer: httpx.Response, server_reason: str | None
) -> None:
    api.on("POST", "/token", answer)
    with pytest.raises(errors.AuthenticationError) as caught:
        await client.sign_in("tech@example.com", "Wrong-Password-1")
    message = caught.value.message
    assert message.startswith("Sign-in failed: wrong user name or password")
    assert "account belongs to this region and environment" in message
    assert "a Saveris 2 (saveris.net) account cannot sign in here" in message
    assert caught.value.server_reason == server_reason
    if server_reason:
        assert f"(the server says: {server_reason.rstrip('.')})" in message


async def test_long_server_words_are_shortened_in_the_sentence_and_kept_whole_in_server_reason(
    api: FakeApi, signed_in: DeviceManagementClient
) -> None:
    words = "Validation failed: " + "limit out of range; " * 20
    error = await _read_alarms_error(api, signed_in, reply(422, {"message": words}))
    assert len(error.message) < 300 and "…" in error.message
    assert error.server_reason == " ".join(words.split())
