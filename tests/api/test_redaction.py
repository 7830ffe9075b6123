"""Tokens and passwords never appear in logs, reprs or exception texts."""

from __future__ import annotations

import json
import logging
import traceback

import httpx
import pytest

from saveris_desktop.api import redaction
from saveris_desktop.api.client import DeviceManagementClient
from saveris_desktop.api.errors import AuthenticationError, NetworkError
from saveris_desktop.api.models import Credentials, Device, TokenResponse
from tests.api import payloads as p
from tests.api.fakes import PASSWORD, USERNAME, FakeApi, FakeClock, make_jwt, reply


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("headers={'Authorization': 'Bearer abc.def.ghi'}", "abc.def.ghi"),
        ("Authorization: Basic dXNlcjpwYXNz", "dXNlcjpwYXNz"),
        ("sent bearer opaque-token-123", "opaque-token-123"),
        ("token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1MSJ9.c2lnbmF0dXJl here", "eyJzdWIiOiJ1MSJ9"),
        ('{"username": "tech", "password": "hunter22"}', "hunter22"),
        ("password=hunter22&user=tech", "hunter22"),
        ('{"IdToken": "opaque-99"}', "opaque-99"),
        ("access_token=opaque-77&x=1", "opaque-77"),
        ("token: opaque-55", "opaque-55"),
    ],
)
def test_patterns(text: str, secret: str) -> None:
    cleaned = redaction.redact(text)
    assert secret not in cleaned
    assert redaction.REDACTED in cleaned


def test_registered_secrets_are_replaced_anywhere() -> None:
    assert redaction.redact("plain-looking-secret") == "plain-looking-secret"
    redaction.remember_secret("plain-looking-secret")
    assert redaction.redact("oops plain-looking-secret leaked") == "oops [REDACTED] leaked"


def test_registered_secrets_are_replaced_in_json_and_repr_spellings_too() -> None:
    secret = 'Kühl"schrank\\7'  # a quote, a backslash and an umlaut: each is escaped differently
    redaction.remember_secret(secret)
    for text in (
        json.dumps({"pw": secret}),
        repr({"pw": secret}),
        json.dumps([secret], ensure_ascii=False),
    ):
        cleaned = redaction.redact(text)
        assert "schrank" not in cleaned and redaction.REDACTED in cleaned, text


def test_the_client_filters_every_http_library_logger(
    api: FakeApi, client: DeviceManagementClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    for name in ("httpx", "httpcore.http11", "httpcore.connection", "httpcore.proxy", "httpcore.socks"):
        logging.getLogger(name).debug("sent Authorization: Bearer %s", api.token)
    assert api.token not in caplog.text and caplog.text.count(redaction.REDACTED) == 5


@pytest.mark.parametrize(
    ("secret", "text", "cleaned"),
    [
        # where a short password stands as a whole value, it is replaced ...
        ("Kuh1", '{"username": "tech", "pw": "Kuh1"}', '{"username": "tech", "pw": "[REDACTED]"}'),
        ("Kuh1", "Credentials(pw='Kuh1')", "Credentials(pw='[REDACTED]')"),
        ("Kuh1", "login?user=tech&pw=Kuh1&x=1", "login?user=tech&pw=[REDACTED]&x=1"),
        (
            "Kuh1",
            "User tech with password Kuh1 not authorised",
            "User tech with password [REDACTED] not authorised",
        ),
        ("Kuh1", "password was Kuh1.", "password was [REDACTED]."),
        ("a.b!", "secret: a.b! end", "secret: [REDACTED] end"),
        ("Kü1", json.dumps({"pw": "Kü1"}), '{"pw": "[REDACTED]"}'),  # JSON's \u00fc spelling
        ("demo", '{"password": "demo"}', '{"password": "[REDACTED]"}'),
        ("demo", "POST /token body=demo", "POST /token body=[REDACTED]"),
        ("demo", "KeyError: 'demo'", "KeyError: '[REDACTED]'"),
        # ... never inside other words, numbers or ordinary prose
        ("demo", "demo mode started", "demo mode started"),
        ("demo", "the demo site is ready", "the demo site is ready"),
        ("demo", "demonstration", "demonstration"),
        ("1234", "listening on port 12345", "listening on port 12345"),
        ("1234", "logger 81234 found", "logger 81234 found"),
        ("1234", "x=12345", "x=12345"),
        ("Kuh1", "Kuh12 and aKuh1", "Kuh12 and aKuh1"),
        ("abc", "abcdef", "abcdef"),
    ],
)
def test_short_passwords_are_replaced_where_they_stand_as_a_whole_value(
    secret: str, text: str, cleaned: str
) -> None:
    redaction.remember_secret(secret)
    assert redaction.redact(text) == cleaned


def test_filter_cleans_args_and_tracebacks(caplog: pytest.LogCaptureFixture) -> None:
    logger = logging.getLogger("saveris_desktop.api.test")
    logger.addFilter(redaction.RedactingFilter())
    caplog.set_level(logging.DEBUG)
    try:
        raise ValueError("Authorization: Bearer sekret-token-1")
    except ValueError:
        logger.exception("request with %s failed", "password=hunter22")
    assert "hunter22" not in caplog.text and "sekret-token-1" not in caplog.text
    assert "request with password=[REDACTED] failed" in caplog.text


def test_filter_survives_a_format_string_that_does_not_fit(caplog: pytest.LogCaptureFixture) -> None:
    logger = logging.getLogger("saveris_desktop.api.test.format")
    logger.addFilter(redaction.RedactingFilter())
    caplog.set_level(logging.DEBUG)
    token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1MSJ9.c2lnbmF0dXJl"
    logger.warning("sent %s with %d", f"Authorization: Bearer {token}", "not a number")
    assert token not in caplog.text and "Authorization: [REDACTED]" in caplog.text


async def test_nothing_secret_is_logged_during_sign_in_and_calls(
    api: FakeApi, client: DeviceManagementClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    api.on(
        "GET", "/devices", reply(401, {"message": "Unauthorized"}), reply(503), reply(200, {"devices": []})
    )
    api.on("PUT", f"/devices/{p.DEVICE_UUID}", httpx.ReadTimeout("timed out"), reply(204))

    await client.sign_in(USERNAME, PASSWORD)
    await client.list_devices(p.SITE)
    await client.put_device(p.SITE, Device.model_validate(p.device()))
    api.on("POST", "/token", reply(401, {"message": f"password {PASSWORD} is wrong"}))
    with pytest.raises(AuthenticationError) as caught:
        await client.sign_in(USERNAME, PASSWORD)

    assert "GET /devices -> 200 in" in caplog.text  # the request log line exists ...
    assert "POST /token -> 200 in" in caplog.text
    for secret in (PASSWORD, api.token):  # ... and carries no secret
        assert secret not in caplog.text
        assert secret not in str(caught.value) and secret not in repr(caught.value)
        assert secret not in (caught.value.server_reason or "")


async def test_reprs_hold_no_secret(api: FakeApi, signed_in: DeviceManagementClient) -> None:
    credentials = Credentials(username=USERNAME, password=PASSWORD)
    # A Cognito-style answer carries more tokens than the one the app uses; they are unknown fields.
    token = TokenResponse.model_validate(
        {"IdToken": api.token, "AccessToken": "access-" + PASSWORD, "RefreshToken": "refresh-" + PASSWORD}
    )
    device = p.device()
    device["firmware"]["update_token"] = PASSWORD
    nested = Device.model_validate(device)
    texts = [repr(signed_in), str(signed_in), repr(credentials), str(credentials), repr(token), str(token)]
    texts += [repr(signed_in._session.tokens), repr(nested), str(nested)]
    for text in texts:
        assert PASSWORD not in text and api.token not in text
    assert USERNAME in repr(signed_in) and USERNAME in repr(credentials)
    assert "firmware_version='1.4.2'" in repr(nested)  # only secret-named fields are left out


async def test_network_errors_hold_no_secret(api: FakeApi, signed_in: DeviceManagementClient) -> None:
    api.on("GET", "/devices", httpx.ConnectError(f"failed with Authorization: Bearer {api.token}"))
    with pytest.raises(NetworkError) as caught:
        await signed_in.list_devices(p.SITE)
    assert api.token not in str(caught.value) and api.token not in repr(caught.value)
    assert caught.value.__cause__ is None
    assert api.token not in "".join(traceback.format_exception(caught.value))


async def test_the_password_and_old_tokens_stay_masked_after_sign_out_and_renewal(
    api: FakeApi, signed_in: DeviceManagementClient, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    first_token = api.token
    fresh_token = make_jwt(issued_at=clock.now + 7200)
    api.on("POST", "/token", reply(200, {"IdToken": fresh_token}))
    api.on("GET", "/devices", reply(200, {"devices": []}))
    clock.now += 7200  # the first token is due: the next call renews it
    await signed_in.list_devices(p.SITE)
    assert len(api.calls("POST", "/token")) == 2
    await signed_in.sign_out()

    caplog.set_level(logging.DEBUG)
    logging.getLogger(redaction.API_LOGGER_NAME).warning(
        "after sign-out: %s / %s / %s", PASSWORD, first_token, fresh_token
    )
    for secret in (PASSWORD, first_token, fresh_token):
        assert redaction.redact(f"x {secret} y") == f"x {redaction.REDACTED} y"
        assert secret not in caplog.text


async def test_a_refused_first_sign_in_does_not_echo_the_password(
    api: FakeApi, client: DeviceManagementClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    typo = "Pa55-w0rd!fridgf"
    api.on("POST", "/token", reply(400, {"message": f"User tech with password {typo} not authorised"}))
    with pytest.raises(AuthenticationError) as caught:
        await client.sign_in(USERNAME, typo)
    assert typo not in (caught.value.server_reason or "") and typo not in caplog.text
    assert typo not in caught.value.message
    assert caught.value.message.startswith("Sign-in failed: wrong user name or password (the server says: ")
