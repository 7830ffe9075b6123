"""The UI's words for API errors: never a false 'no permission'; a refused sign-in names its causes."""

from __future__ import annotations

import httpx

from saveris_desktop.api import errors
from saveris_desktop.api.regions import Endpoint, Environment, Region
from saveris_desktop.api.responses import error_for_response
from saveris_desktop.api.routes import ROUTES
from saveris_desktop.ui.error_text import explain_error
from saveris_desktop.ui.wizard import PageId
from tests.ui.wizard_harness import make_harness

EUROPE = Endpoint.for_region(Region.EUROPE, Environment.PRODUCTION)


def _error(route: str, response: httpx.Response) -> errors.ApiError:
    return error_for_response(response, ROUTES[route], EUROPE)


def test_an_operation_the_server_does_not_offer_is_not_called_a_permission_problem(qapp) -> None:
    error = _error(
        "get_device_alarm_configuration",
        httpx.Response(403, json={"message": "Missing Authentication Token"}),
    )
    assert isinstance(error, errors.OperationNotOfferedError)
    text = explain_error(error)
    assert "this server does not offer reading the logger's alarms" in text
    assert "not allowed" not in text and "administrator" not in text


def test_a_real_refusal_is_still_a_permission_problem(qapp) -> None:
    text = explain_error(_error("list_devices", httpx.Response(403, json={"message": "Site locked"})))
    assert "not allowed" in text and "(Site locked)" in text


def test_a_refused_sign_in_names_the_likely_causes_on_the_sign_in_page(qtbot, qloop) -> None:
    h = make_harness(qtbot)
    page = h.wizard.pages[PageId.SIGN_IN]
    page.password.clear()
    qtbot.keyClicks(page.password, "not the password")
    h.wizard.next()
    qtbot.waitUntil(lambda: page.error.isVisible(), timeout=5000)
    text = page.error.text()
    assert "password is not right" in text
    assert "another region or environment" in text
    assert "a Saveris 2 (saveris.net) account, which cannot sign in here" in text


def test_an_expired_session_is_not_explained_with_account_types(qapp) -> None:
    text = explain_error(_error("list_devices", httpx.Response(401, json={"message": "Unauthorized"})))
    assert "saveris.net" not in text
