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
        (501, None, errors.OperationNotOfferedError, "this server does not offer this operation"),
        (405, None, errors.OperationNotOfferedError, "this server does not offer this operation"),
        (
            403,
            {"message": "Missing Authentication Token"},
            errors.OperationNotOfferedError,
            "this server does not offer this operation",
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


@pytest.mark.parametrize("status", [400, 413, 422])
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
    with pytest.raises(errors.PermissionDeniedError) as caught:
        await signed_in.list_devices(p.SITE)
    assert caught.value.server_reason is None

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
