"""Sign-in page details: Remember me only with a usable keyring, region choice, keyboard-only use."""

from __future__ import annotations

from keyring.backends import fail
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from saveris_desktop.api.regions import Endpoint, Environment, Region
from saveris_desktop.core.runtime.credentials import CredentialStore, account_key
from saveris_desktop.simulator import DEMO_PASSWORD, DEMO_USERNAME, Simulator
from saveris_desktop.simulator.clock import ManualClock
from saveris_desktop.ui.ui_state import UiState, scope_for
from saveris_desktop.ui.wizard import OnboardingWizard, PageId
from tests.ui.user_input import choose, set_checked, type_text
from tests.ui.wizard_harness import FAST_TIMING, make_harness, make_services


def _real_server_wizard(qtbot, credentials: CredentialStore | None = None) -> tuple[OnboardingWizard, list]:
    """Services as against a real server: region choice offered, no demo prefill."""
    sim = Simulator(seed=5, clock=ManualClock())
    services = make_services(sim, demo=False)
    services.endpoint_fixed = False
    if credentials is not None:
        services.credentials = credentials
    endpoints: list[Endpoint] = []
    original = services.client_factory

    def factory(endpoint: Endpoint):
        endpoints.append(endpoint)
        return original(endpoint)

    services.client_factory = factory
    wizard = OnboardingWizard(services, ui_state=UiState(scope=scope_for(demo=False)), timing=FAST_TIMING)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard, endpoints


def test_remember_me_stores_the_password_in_the_keyring_only(qtbot, qloop, memory_keyring) -> None:
    wizard, endpoints = _real_server_wizard(qtbot)
    page = wizard.pages[PageId.SIGN_IN]
    assert page.remember.isVisible() and not page.no_keyring_note.isVisible()
    assert page.username.text() == ""  # no demo prefill against a real server
    choose(qtbot, page.region, data=Region.AMERICAS.value)
    choose(qtbot, page.environment, data=Environment.INTEGRATION.value)
    type_text(qtbot, page.username, DEMO_USERNAME)
    type_text(qtbot, page.password, DEMO_PASSWORD)
    set_checked(qtbot, page.remember, True)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.SITE, timeout=5000)
    chosen = Endpoint.for_region(Region.AMERICAS, Environment.INTEGRATION)
    assert endpoints[-1] == chosen  # the shared client was re-created for the chosen region
    assert wizard.services.endpoint == chosen
    key = account_key(DEMO_USERNAME, chosen)
    assert memory_keyring.secrets == {("saveris-desktop", key): DEMO_PASSWORD}
    state = UiState()
    assert (state.last_region(), state.last_environment(), state.last_username()) == (
        Region.AMERICAS,
        Environment.INTEGRATION,
        DEMO_USERNAME,
    )

    # Next time the password comes back from the keyring, and "Remember me" is still ticked.
    wizard2, _ = _real_server_wizard(qtbot)
    page2 = wizard2.pages[PageId.SIGN_IN]
    assert page2.username.text() == DEMO_USERNAME and page2.remember.isChecked()
    qtbot.waitUntil(lambda: page2.password.text() == DEMO_PASSWORD, timeout=3000)


def test_unticking_remember_me_forgets_the_saved_password(qtbot, qloop, memory_keyring) -> None:
    chosen = Endpoint.for_region(Region.EUROPE, Environment.PRODUCTION)
    memory_keyring.secrets[("saveris-desktop", account_key(DEMO_USERNAME, chosen))] = "old"
    wizard, _ = _real_server_wizard(qtbot)
    page = wizard.pages[PageId.SIGN_IN]
    type_text(qtbot, page.username, DEMO_USERNAME)
    type_text(qtbot, page.password, DEMO_PASSWORD)
    set_checked(qtbot, page.remember, False)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.SITE, timeout=5000)
    assert memory_keyring.secrets == {}


def test_without_a_secure_keyring_remember_me_is_not_offered(qtbot, qloop) -> None:
    wizard, _ = _real_server_wizard(qtbot, CredentialStore(fail.Keyring()))
    page = wizard.pages[PageId.SIGN_IN]
    assert not page.remember.isVisible()
    assert page.no_keyring_note.isVisible()
    assert "no secure password storage" in page.no_keyring_note.text()


def test_the_whole_sign_in_and_site_work_with_the_keyboard_only(qtbot, qloop) -> None:
    h = make_harness(qtbot)
    h.wizard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=2000)
    page = h.wizard.pages[PageId.SIGN_IN]
    assert QApplication.focusWidget() is page.password  # demo prefilled: the cursor waits in the password
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: h.page() is PageId.SITE, timeout=5000)
    site = h.wizard.pages[PageId.SITE]
    assert QApplication.focusWidget() in (site.site, site.site.lineEdit())
    qtbot.keyClicks(QApplication.focusWidget(), "Keyboard Shop")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: h.page() is PageId.CONNECT_KEY, timeout=5000)
    assert h.wizard.flow.data.site == "Keyboard Shop"
    key_page = h.wizard.pages[PageId.CONNECT_KEY]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is key_page.copy_button, timeout=2000)
    qtbot.keyClick(key_page.copy_button, Qt.Key.Key_Space)
    assert QApplication.clipboard().text() == h.wizard.flow.data.connect_key
    assert "clipboard" in key_page.status.text()
    next_button = h.wizard.button(h.wizard.WizardButton.NextButton)
    for _ in range(30):  # Tab through the page to the Next button
        if QApplication.focusWidget() is next_button:
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is next_button
    qtbot.keyClick(next_button, Qt.Key.Key_Space)
    assert h.page() is PageId.HOTSPOT_GUIDE
    qtbot.keyClick(h.wizard, Qt.Key.Key_Escape)  # Cancel
    assert not h.wizard.isVisible()


def test_a_real_sign_in_is_never_prefilled_from_the_demo(qtbot, qloop) -> None:
    """The demo and the real cloud remember their own user and sites (ui_state.scope_for)."""
    demo = make_harness(qtbot)  # the demo wizard, signing in with the demo account
    demo.wizard.ctx.ui_state.add_recent_site("Demo bakery")
    demo.wizard.next()
    qtbot.waitUntil(lambda: demo.wizard.currentId() == PageId.SITE, timeout=5000)
    assert UiState(scope=scope_for(demo=True)).last_username() == DEMO_USERNAME

    wizard, _ = _real_server_wizard(qtbot)  # the real cloud's scope, as app.py builds it
    page = wizard.pages[PageId.SIGN_IN]
    assert page.username.text() == "" and page.password.text() == ""
    assert wizard.ctx.ui_state.recent_sites() == []
    assert UiState(scope=scope_for(demo=False, base_url="http://127.0.0.1:8765")).recent_sites() == []
