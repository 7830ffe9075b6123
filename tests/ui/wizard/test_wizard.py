"""The whole onboarding wizard against the in-process simulator (pytest-qt, offscreen)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QWidget, QWizard

from saveris_desktop.core.onboarding.flow import DeviceType, Step
from saveris_desktop.simulator import DEMO_PASSWORD, DEMO_USERNAME, LoggerKind
from saveris_desktop.ui.wizard import PageId
from tests.sim_profiles import both_profiles
from tests.ui.user_input import click, paste_text, set_checked, type_text
from tests.ui.wizard_harness import Harness, make_harness
from tests.virtual_loggers import WIFI_PASSWORD, set_up_logger


def _next(qtbot, h: Harness) -> None:
    click(qtbot, h.wizard.button(h.wizard.WizardButton.NextButton))


def sign_in(qtbot, h: Harness) -> None:
    page = h.wizard.pages[PageId.SIGN_IN]
    assert page.username.text() == DEMO_USERNAME and page.password.text() == DEMO_PASSWORD
    _next(qtbot, h)
    qtbot.waitUntil(lambda: h.page() is PageId.SITE, timeout=5000)


def create_site(qtbot, h: Harness, name: str = "Bakery North") -> str:
    page = h.wizard.pages[PageId.SITE]
    type_text(qtbot, page.site, name)
    type_text(qtbot, page.timezone, "Europe/Berlin")
    _next(qtbot, h)
    qtbot.waitUntil(lambda: h.page() is PageId.CONNECT_KEY, timeout=5000)
    return h.wizard.flow.data.connect_key


def to_waiting(qtbot, h: Harness, device_type: DeviceType = DeviceType.SAVERIS_2) -> None:
    _next(qtbot, h)  # connect key -> guide
    assert h.page() is PageId.HOTSPOT_GUIDE
    guide = h.wizard.pages[PageId.HOTSPOT_GUIDE]
    set_checked(qtbot, guide.type_buttons[device_type], True)
    type_text(qtbot, guide.ssid, "Bakery-WLAN")
    qtbot.waitUntil(lambda: h.wizard.flow.data.baseline_uuids is not None, timeout=5000)
    _next(qtbot, h)
    assert h.page() is PageId.WAITING


@both_profiles()
def test_a_logger_that_joins_is_found_and_shown(qtbot, qloop, sim_profile) -> None:
    h = make_harness(qtbot, profile=sim_profile)
    sign_in(qtbot, h)
    assert h.services.signed_in
    key = create_site(qtbot, h)
    assert h.services.site == "Bakery North"
    to_waiting(qtbot, h)
    logger = set_up_logger(h.sim, LoggerKind.SAVERIS2, key)
    qtbot.waitUntil(lambda: h.page() is PageId.FOUND, timeout=5000)
    found = h.wizard.pages[PageId.FOUND]
    assert found.serial.text() == logger.serial_number
    assert logger.model_code in found.model.text()
    assert found.firmware.text() == "1.17.0"
    if sim_profile == "assumed":
        qtbot.waitUntil(lambda: "NTC probe" in found.sensors.text(), timeout=5000)
    else:  # no GET /sensors/{uuid}: named by slot, counted from 1, and said why; never a uuid
        qtbot.waitUntil(lambda: "does not let us read the sensors" in found.sensors.text(), timeout=5000)
        assert found.sensors.text().startswith("Slot 1: sensor<br>")
    (slot,) = h.sim.world.devices[logger.device_uuid]["sensors_connections"]
    assert slot["sensor_uuid"] not in found.sensors.text()
    assert h.wizard.flow.step is Step.FOUND
    assert not h.wizard.button(h.wizard.WizardButton.CancelButton).isVisible()  # nothing to cancel
    assert h.wizard.button(h.wizard.WizardButton.FinishButton).isVisible()


@both_profiles()
def test_a_qsr_logger_that_joins_is_found_with_documented_operations_only(qtbot, qloop, sim_profile) -> None:
    """The wizard's one job against both profiles: a QSR logger (no free slot) is found and shown."""
    h = make_harness(qtbot, profile=sim_profile)
    sign_in(qtbot, h)
    key = create_site(qtbot, h)
    to_waiting(qtbot, h, DeviceType.QSR_WIFI)
    logger = set_up_logger(h.sim, LoggerKind.QSR_TEMPERATURE_HUMIDITY, key)
    qtbot.waitUntil(lambda: h.page() is PageId.FOUND, timeout=5000)
    found = h.wizard.pages[PageId.FOUND]
    assert found.serial.text() == logger.serial_number
    assert found.firmware.text() == "2.4.1"
    assert h.wizard.flow.data.found_uuids == [logger.device_uuid]
    (site,) = h.sim.world.sites.values()
    assert site.timezone == "Europe/Berlin"  # what the server received


def test_a_wrong_password_is_explained_inline_and_the_form_stays_editable(qtbot, qloop) -> None:
    h = make_harness(qtbot)
    page = h.wizard.pages[PageId.SIGN_IN]
    type_text(qtbot, page.password, "not the password")
    _next(qtbot, h)
    qtbot.waitUntil(lambda: page.error.isVisible(), timeout=5000)
    assert h.page() is PageId.SIGN_IN
    assert "password is not right" in page.error.text()
    assert page.username.isEnabled() and page.password.isEnabled()
    assert page.username.text() == DEMO_USERNAME  # nothing typed is lost
    assert not page.busy_row.isVisible()
    assert not h.services.signed_in
    type_text(qtbot, page.password, DEMO_PASSWORD)
    _next(qtbot, h)
    qtbot.waitUntil(lambda: h.page() is PageId.SITE, timeout=5000)


def test_no_network_at_sign_in_is_said_in_plain_words(qtbot, qloop) -> None:
    h = make_harness(qtbot)
    h.sim.set_network_down(True)
    page = h.wizard.pages[PageId.SIGN_IN]
    _next(qtbot, h)
    qtbot.waitUntil(lambda: page.error.isVisible(), timeout=5000)
    assert "cannot be reached" in page.error.text()


def test_a_server_error_at_sign_in_is_said_in_plain_words_and_retry_works(qtbot, qloop) -> None:
    h = make_harness(qtbot)
    h.sim.add_fault("error_status", route="token", status=500)
    page = h.wizard.pages[PageId.SIGN_IN]
    _next(qtbot, h)
    qtbot.waitUntil(lambda: page.error.isVisible(), timeout=5000)
    assert "problem right now" in page.error.text()
    h.sim.clear_faults()
    _next(qtbot, h)
    qtbot.waitUntil(lambda: h.page() is PageId.SITE, timeout=5000)
    assert not page.error.isVisible()


def test_a_failing_device_list_while_waiting_is_shown_and_polling_goes_on(qtbot, qloop) -> None:
    h = make_harness(qtbot)
    sign_in(qtbot, h)
    key = create_site(qtbot, h)
    to_waiting(qtbot, h)
    waiting = h.wizard.pages[PageId.WAITING]
    h.sim.add_fault("error_status", route="list_devices", status=503)
    qtbot.waitUntil(lambda: waiting.error.isVisible(), timeout=5000)
    assert "Trying again automatically" in waiting.error.text()
    assert not waiting.offline_banner.isVisible()  # the server answered: not an offline state
    h.sim.clear_faults()
    set_up_logger(h.sim, LoggerKind.QSR_TEMPERATURE_HUMIDITY, key)
    qtbot.waitUntil(lambda: h.page() is PageId.FOUND, timeout=5000)


def test_a_refused_site_name_shows_the_reason_next_to_the_field(qtbot, qloop) -> None:
    h = make_harness(qtbot)
    sign_in(qtbot, h)
    page = h.wizard.pages[PageId.SITE]
    type_text(qtbot, page.site, "   ")
    assert not page.isComplete()
    type_text(qtbot, page.site, "x" * 80)
    assert page.site_error.isVisible() and "at most 64" in page.site_error.text()
    assert "position 65" in page.site_error.text()
    assert not page.isComplete()
    type_text(qtbot, page.site, "Bakery North")
    type_text(qtbot, page.timezone, "Mars/Olympus")
    _next(qtbot, h)
    assert h.page() is PageId.SITE
    assert page.timezone_error.isVisible()


def test_the_site_name_is_checked_while_typing_pointing_at_the_character(qtbot, qloop) -> None:
    h = make_harness(qtbot)
    sign_in(qtbot, h)
    page = h.wizard.pages[PageId.SITE]
    next_button = h.wizard.button(QWizard.WizardButton.NextButton)
    assert not page.site_error.isVisible()  # an untouched form is not scolded
    # a zero-width space pasted along with the name, invisible in the field
    paste_text(qtbot, page.site, "Bakery\u200b North")
    assert page.site_error.isVisible()
    assert "position 7" in page.site_error.text() and "U+200B" in page.site_error.text()
    assert not next_button.isEnabled()
    # '/' is fine: testo documents no character set, the simulator takes it too
    type_text(qtbot, page.site, "Bakery 7/8")
    assert not page.site_error.isVisible() and next_button.isEnabled()
    # all blank: the message next to the field says why Next is disabled
    type_text(qtbot, page.site, "   ")
    assert not next_button.isEnabled()
    assert page.site_error.isVisible() and "stays disabled" in page.site_error.text()
    assert "Next" in page.site_error.text()
    type_text(qtbot, page.site, "Bakery 7/8")
    _next(qtbot, h)
    qtbot.waitUntil(lambda: h.page() is PageId.CONNECT_KEY, timeout=5000)
    assert h.services.site == "Bakery 7/8"


def test_losing_the_network_while_waiting_shows_the_banner_and_resumes_by_itself(qtbot, qloop) -> None:
    h = make_harness(qtbot)
    sign_in(qtbot, h)
    key = create_site(qtbot, h)
    to_waiting(qtbot, h, DeviceType.QSR_WIFI)
    waiting = h.wizard.pages[PageId.WAITING]
    qtbot.waitUntil(lambda: waiting.watcher is not None and waiting.watcher.status().polls >= 1, timeout=5000)
    assert not waiting.offline_banner.isVisible()

    logger = h.sim.create_logger(LoggerKind.QSR_TEMPERATURE)
    h.sim.press_button(logger.id, 3.0)
    h.sim.set_network_down(True)  # the laptop joins the logger's hotspot
    qtbot.waitUntil(lambda: waiting.offline_banner.isVisible(), timeout=5000)
    # On the hotspot the key is still to be typed: the banner says what to do there, with the key,
    # not yet "reconnect" alone; the key and the steps are on the page itself.
    banner = waiting.offline_banner.label.text()
    assert (
        "as expected on the logger's Wi-Fi" in banner
        and f"accountId <b style='font-size:large'>{key}" in banner
    )
    assert banner.index("accountId") < banner.index("reconnect to your normal Wi-Fi")
    assert waiting.steps_box.isVisible() and waiting.key_label.text() == f"accountId: {key}"
    assert "Bakery-WLAN" in waiting.steps_label.text()
    assert not waiting.error.isVisible()  # offline is a state, not an error
    assert h.page() is PageId.WAITING
    assert h.sim.submit_configuration(logger.id, key, "Bakery-WLAN", WIFI_PASSWORD).ok
    h.sim.advance_time(10)
    h.sim.set_network_down(False)  # back on the site Wi-Fi: nobody presses anything
    qtbot.waitUntil(lambda: h.page() is PageId.FOUND, timeout=5000)
    assert h.wizard.pages[PageId.FOUND].serial.text() == logger.serial_number


def test_a_logger_with_a_wrong_key_never_joins_and_hints_appear_after_five_minutes(qtbot, qloop) -> None:
    h = make_harness(qtbot)
    sign_in(qtbot, h)
    create_site(qtbot, h)
    to_waiting(qtbot, h, DeviceType.GATEWAY_164)
    waiting = h.wizard.pages[PageId.WAITING]
    logger = set_up_logger(h.sim, LoggerKind.GATEWAY_164, "ABCD-EFGH-JKLM", wait_s=60)
    assert logger.led.value == "error"  # the cloud refused the key
    qtbot.waitUntil(lambda: waiting.watcher.status().polls >= 5, timeout=5000)
    assert h.page() is PageId.WAITING and not waiting.hints.isVisible()
    h.clock[0] += 301  # five minutes later, still nothing
    qtbot.waitUntil(lambda: waiting.hints.isVisible(), timeout=3000)
    assert "5:01" in waiting.elapsed_label.text()
    key = h.wizard.flow.data.connect_key
    assert f"accountId on the logger's page is exactly <b>{key}</b>" in waiting.hints_label.text()
    assert waiting.watcher is not None and waiting.watcher.running  # keeps waiting
    h.wizard.reject()  # Cancel works at any moment
    assert waiting.watcher is None


def test_cancel_during_sign_in_stops_the_request(qtbot, qloop) -> None:
    h = make_harness(qtbot)
    page = h.wizard.pages[PageId.SIGN_IN]
    _next(qtbot, h)
    assert page.busy and page.busy_row.isVisible()
    h.wizard.reject()
    assert not page.busy
    qtbot.waitUntil(lambda: not h.wizard.isVisible(), timeout=2000)


def test_add_another_logger_returns_to_the_guide_of_the_same_site(qtbot, qloop) -> None:
    h = make_harness(qtbot)
    sign_in(qtbot, h)
    key = create_site(qtbot, h)
    to_waiting(qtbot, h)
    first = set_up_logger(h.sim, LoggerKind.SAVERIS2, key)
    qtbot.waitUntil(lambda: h.page() is PageId.FOUND, timeout=5000)
    click(qtbot, h.wizard.pages[PageId.FOUND].another_button)
    assert h.page() is PageId.HOTSPOT_GUIDE
    assert h.wizard.flow.step is Step.HOTSPOT_GUIDE
    qtbot.waitUntil(lambda: h.wizard.flow.data.baseline_uuids is not None, timeout=5000)
    assert first.device_uuid in h.wizard.flow.data.baseline_uuids
    _next(qtbot, h)
    second = set_up_logger(h.sim, LoggerKind.QSR_TEMPERATURE_HUMIDITY, key)
    qtbot.waitUntil(lambda: h.page() is PageId.FOUND, timeout=5000)
    assert h.wizard.pages[PageId.FOUND].serial.text() == second.serial_number
    assert h.wizard.flow.data.found_uuids == [first.device_uuid, second.device_uuid]


def test_configure_this_logger_hands_the_uuid_over_and_closes(qtbot, qloop) -> None:
    h = make_harness(qtbot)
    sign_in(qtbot, h)
    key = create_site(qtbot, h)
    to_waiting(qtbot, h)
    logger = set_up_logger(h.sim, LoggerKind.SAVERIS2, key)
    qtbot.waitUntil(lambda: h.page() is PageId.FOUND, timeout=5000)
    with qtbot.waitSignal(h.wizard.sig_configure_device) as blocker:
        click(qtbot, h.wizard.pages[PageId.FOUND].configure_button)
    assert blocker.args == [logger.device_uuid]
    assert not h.wizard.isVisible()


def test_back_walks_the_flow_back_and_keeps_what_was_typed(qtbot, qloop) -> None:
    h = make_harness(qtbot)
    sign_in(qtbot, h)
    create_site(qtbot, h)
    h.wizard.back()
    assert h.page() is PageId.SITE and h.wizard.flow.step is Step.SITE
    assert h.wizard.pages[PageId.SITE].site.currentText() == "Bakery North"
    _next(qtbot, h)
    qtbot.waitUntil(lambda: h.page() is PageId.CONNECT_KEY, timeout=5000)


def test_recent_sites_are_offered_next_time(qtbot, qloop) -> None:
    h = make_harness(qtbot)
    sign_in(qtbot, h)
    create_site(qtbot, h, "Bakery North")
    h2 = make_harness(qtbot)
    sign_in(qtbot, h2)
    combo = h2.wizard.pages[PageId.SITE].site
    assert [combo.itemText(i) for i in range(combo.count())] == ["Bakery North"]


def test_a_name_the_cloud_refuses_shows_its_reason_next_to_the_field(qtbot, qloop) -> None:
    h = make_harness(qtbot)
    sign_in(qtbot, h)
    page = h.wizard.pages[PageId.SITE]
    type_text(qtbot, page.site, "Bakery: North")
    _next(qtbot, h)
    qtbot.waitUntil(lambda: page.site_error.isVisible(), timeout=5000)
    assert h.page() is PageId.SITE
    assert "The cloud refused this name" in page.site_error.text()
    assert "letters, digits" in page.site_error.text()  # the server's own words
    assert page.site.currentText() == "Bakery: North"  # nothing typed is lost
    type_text(qtbot, page.site, "Bakery North")
    _next(qtbot, h)
    qtbot.waitUntil(lambda: h.page() is PageId.CONNECT_KEY, timeout=5000)


def test_offline_from_the_guide_on_a_logger_that_joins_meanwhile_is_still_new(qtbot, qloop) -> None:
    """The most common field case: the laptop is already on the logger's hotspot when waiting begins.

    The baseline was taken online when the site was created; the first listing after reconnecting
    already contains the logger, and it must still be flagged new.
    """
    h = make_harness(qtbot)
    sign_in(qtbot, h)
    key = create_site(qtbot, h)
    assert h.wizard.flow.data.baseline_uuids == []  # a new site: nothing is there yet
    h.sim.set_network_down(True)  # off to the logger's hotspot before the guide opens
    _next(qtbot, h)  # connect key -> guide: its listing fails
    guide = h.wizard.pages[PageId.HOTSPOT_GUIDE]
    assert "no devices yet" in guide.baseline_note.text()
    _next(qtbot, h)  # guide -> waiting, offline
    waiting = h.wizard.pages[PageId.WAITING]
    qtbot.waitUntil(lambda: waiting.offline_banner.isVisible(), timeout=5000)
    assert "since this page opened" in waiting.detail_label.text()
    logger = set_up_logger(h.sim, LoggerKind.SAVERIS2, key)
    h.sim.set_network_down(False)
    qtbot.waitUntil(lambda: h.page() is PageId.FOUND, timeout=5000)
    assert h.wizard.flow.data.found_uuids == [logger.device_uuid]


def test_an_existing_site_lists_its_devices_online_and_only_a_newcomer_is_new(qtbot, qloop) -> None:
    h = make_harness(qtbot)
    sign_in(qtbot, h)
    key = create_site(qtbot, h, "Depot")
    old = set_up_logger(h.sim, LoggerKind.QSR_TEMPERATURE, key, "Depot-WLAN")
    h.wizard.back()  # the same site again, now with a logger on it
    _next(qtbot, h)
    qtbot.waitUntil(lambda: h.page() is PageId.CONNECT_KEY, timeout=5000)
    assert h.wizard.flow.data.baseline_uuids == [old.device_uuid]
    h.sim.set_network_down(True)
    _next(qtbot, h)
    _next(qtbot, h)
    new = set_up_logger(h.sim, LoggerKind.SAVERIS2, key, "Depot-WLAN")
    h.sim.set_network_down(False)
    qtbot.waitUntil(lambda: h.page() is PageId.FOUND, timeout=5000)
    assert h.wizard.flow.data.found_uuids == [new.device_uuid]


def test_going_back_from_waiting_after_a_logger_joined_offline_does_not_hide_it(qtbot, qloop) -> None:
    h = make_harness(qtbot)
    sign_in(qtbot, h)
    key = create_site(qtbot, h)
    _next(qtbot, h)
    h.sim.set_network_down(True)
    _next(qtbot, h)
    assert h.page() is PageId.WAITING
    logger = set_up_logger(h.sim, LoggerKind.SAVERIS2, key)
    h.wizard.back()  # re-reading the guide ...
    h.sim.set_network_down(False)  # ... back online there: its listing already holds the logger
    _next(qtbot, h)
    qtbot.waitUntil(lambda: h.page() is PageId.FOUND, timeout=5000)
    assert h.wizard.flow.data.found_uuids == [logger.device_uuid]


def test_the_password_can_be_shown_with_a_visible_button(qtbot, qloop) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLineEdit

    h = make_harness(qtbot)
    page = h.wizard.pages[PageId.SIGN_IN]
    button = page.show_password
    assert button.isVisible() and button.text().replace("&", "") == "Show"
    assert button.focusPolicy() & Qt.FocusPolicy.TabFocus  # reachable by keyboard
    click(qtbot, button)
    assert page.password.echoMode() is QLineEdit.EchoMode.Normal
    assert button.accessibleName() == "Hide the password"
    click(qtbot, button)
    assert page.password.echoMode() is QLineEdit.EchoMode.Password


def test_a_logger_whose_data_cannot_be_read_is_still_found(qtbot, qloop) -> None:
    h = make_harness(qtbot)
    sign_in(qtbot, h)
    key = create_site(qtbot, h)
    to_waiting(qtbot, h)
    logger = set_up_logger(h.sim, LoggerKind.SAVERIS2, key)
    # The cloud describes it in a way the app cannot read (before the next poll sees it).
    h.sim.world.devices[logger.device_uuid]["sensors_connections"][0]["slot_index"] = "first"
    qtbot.waitUntil(lambda: h.page() is PageId.FOUND, timeout=5000)
    found = h.wizard.pages[PageId.FOUND]
    assert found.serial.text() == logger.serial_number
    assert "cannot read its data (sensors_connections[0].slot_index" in found.sensors.text()
    assert not found.configure_button.isEnabled()  # it cannot be opened in the editors
    assert h.wizard.flow.data.found_uuids == [logger.device_uuid]


def test_a_device_already_there_that_cannot_be_read_is_not_taken_for_the_new_one(qtbot, qloop) -> None:
    h = make_harness(qtbot)
    sign_in(qtbot, h)
    key = create_site(qtbot, h, "Depot")
    old = set_up_logger(h.sim, LoggerKind.QSR_TEMPERATURE, key, "Depot-WLAN")
    h.sim.world.devices[old.device_uuid]["sensors_connections"][0]["slot_index"] = "first"  # not readable
    h.wizard.back()  # the same site again, now with a logger on it that the app cannot read
    _next(qtbot, h)
    qtbot.waitUntil(lambda: h.page() is PageId.CONNECT_KEY, timeout=5000)
    assert h.wizard.flow.data.baseline_uuids == [old.device_uuid]
    to_waiting(qtbot, h)
    new = set_up_logger(h.sim, LoggerKind.SAVERIS2, key, "Depot-WLAN")
    qtbot.waitUntil(lambda: h.page() is PageId.FOUND, timeout=5000)
    assert h.wizard.flow.data.found_uuids == [new.device_uuid]


def test_a_message_on_the_site_page_moves_no_field(qtbot, qloop) -> None:
    """The site name's and the time zone's messages have their lines reserved: nothing below jumps."""
    h = make_harness(qtbot)
    sign_in(qtbot, h)
    page = h.wizard.pages[PageId.SITE]

    def place(widget: QWidget) -> QRect:
        return QRect(widget.mapTo(page, QPoint(0, 0)), widget.size())

    timezone_before, form_error_before = place(page.timezone), place(page.error)
    type_text(qtbot, page.site, "x" * 80)
    assert page.site_error.isVisible()
    assert place(page.timezone) == timezone_before
    assert place(page.error) == form_error_before
    type_text(qtbot, page.site, "Bakery North")
    assert not page.site_error.isVisible()
    assert place(page.timezone) == timezone_before
    type_text(qtbot, page.timezone, "Mars/Olympus")
    _next(qtbot, h)
    assert h.page() is PageId.SITE and page.timezone_error.isVisible()
    assert place(page.timezone) == timezone_before
    assert place(page.error) == form_error_before
