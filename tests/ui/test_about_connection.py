"""About shows how the app reaches the cloud: the proxy in use and the trusted roots, no credentials."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from saveris_desktop.api.regions import Endpoint, Environment, Region
from saveris_desktop.simulator import Simulator
from saveris_desktop.ui.main_window import MainWindow
from saveris_desktop.ui.ui_state import UiState
from tests.ui.wizard_harness import make_services


@pytest.fixture(autouse=True)
def no_machine_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("http_proxy", "https_proxy", "all_proxy", "no_proxy", "SSL_CERT_FILE", "SSL_CERT_DIR"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)


def _about_text(qtbot, endpoint: Endpoint | None) -> str:
    services = make_services(Simulator(seed=11))
    if endpoint is not None:
        services.endpoint = endpoint  # as after choosing a region on the sign-in page
    window = MainWindow(UiState(), demo=True)
    qtbot.addWidget(window)
    window.show()
    window.attach_services(services)
    window.about_action.trigger()
    box = window.findChild(QMessageBox, "aboutDialog")
    assert box is not None
    qtbot.waitUntil(box.isVisible, timeout=2000)
    text = box.informativeText()
    box.close()
    return text


def test_about_names_the_proxy_in_use_without_its_password(qtbot, qloop, monkeypatch) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "http://bob:Proxy-Secret-9@proxy.corp:3128")
    text = _about_text(qtbot, Endpoint.for_region(Region.EUROPE, Environment.PRODUCTION))
    assert "Connection: through the proxy http://proxy.corp:3128 (HTTPS_PROXY)" in text
    assert "Trusted certificates: certifi" in text
    assert "Proxy-Secret-9" not in text and "bob" not in text


def test_about_says_direct_for_the_simulator_on_this_computer(qtbot, qloop, monkeypatch) -> None:
    monkeypatch.setenv("HTTP_PROXY", "http://proxy.corp:3128")
    text = _about_text(qtbot, None)  # the demo's loopback address is never proxied
    assert "Connection: direct, no proxy" in text


def test_about_says_why_a_configured_proxy_is_not_used(qtbot, qloop, monkeypatch) -> None:
    monkeypatch.setenv("ALL_PROXY", "socks5://127.0.0.1:1080")
    text = _about_text(qtbot, Endpoint.for_region(Region.AMERICAS, Environment.PRODUCTION))
    assert "Connection: direct, no proxy" in text
    assert "(ALL_PROXY) is of a kind this app cannot use; connecting directly." in text
