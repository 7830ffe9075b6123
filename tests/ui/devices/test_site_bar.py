"""The toolbar's site box: picked from a list, never typed; "New site…" creates with the wizard's rule.

Driven with real key and mouse events. The bug these tests were written for (issue 15): after Apply
the focus landed in the site box with its text selected; typing "x" + Enter opened a site "x" the
cloud did not know, and "x" stayed among the recent sites.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from saveris_desktop.ui.devices.new_site_dialog import NewSiteDialog
from saveris_desktop.ui.ui_state import UiState
from tests.ui.devices_harness import SITE, DevicesHarness, close_harness, make_devices_harness, run
from tests.ui.user_input import click, type_text


def _focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def _keys(qtbot: Any, *keys: Qt.Key | str) -> None:
    """Press keys wherever the keyboard focus is (the site box, or its open list), as a technician does."""
    for key in keys:
        if isinstance(key, str):
            qtbot.keyClicks(_focused(), key)
        else:
            qtbot.keyClick(_focused(), key)


def _focus_site_box(qtbot: Any, h: DevicesHarness) -> None:
    h.view.window().activateWindow()
    h.view.site_box.setFocus()
    qtbot.waitUntil(lambda: h.view.site_box.hasFocus() or h.view.site_box.isAncestorOf(_focused()))
    # as after Apply in the report: the text of the box selected, ready to be typed over
    qtbot.keyClick(_focused(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)


def _close_popup(qtbot: Any, h: DevicesHarness) -> None:
    popup = h.view.site_box.view()
    if popup is not None and popup.isVisible():
        qtbot.keyClick(_focused(), Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: not popup.isVisible())


def test_typing_x_and_enter_in_the_site_box_never_opens_a_site(qtbot: Any, qloop: Any) -> None:
    UiState().add_recent_site("X-ray lab")  # a site starting with the letter typed: not switched to either
    h = make_devices_harness(qtbot)
    recent = UiState().recent_sites()
    assert recent == [SITE, "X-ray lab"]
    _focus_site_box(qtbot, h)
    polls = h.view.watcher.status().polls
    _keys(qtbot, "x", Qt.Key.Key_Return)
    # A show_site would run synchronously from the key; a site made recent would be so once the
    # cloud listed it: the next listing after the keys is the point by which either has happened.
    qtbot.waitUntil(lambda: h.view.watcher.status().polls > polls, timeout=5000)
    assert h.view.site == SITE and h.services.site == SITE
    assert h.view.site_box.currentText() == SITE
    assert UiState().recent_sites() == recent  # no "x" among the recent sites
    assert not h.view.site_box.isEditable()
    _close_popup(qtbot, h)
    close_harness(qtbot, h)


def test_arrow_keys_on_the_closed_box_open_the_list_instead_of_switching(qtbot: Any, qloop: Any) -> None:
    run_site = "Second site"
    h = make_devices_harness(qtbot)
    run(qtbot, h.client.create_connect_key(run_site))
    UiState().add_recent_site(run_site)
    h.view.site_bar.load_recent_sites()
    _focus_site_box(qtbot, h)
    _keys(qtbot, Qt.Key.Key_Down)
    popup = h.view.site_box.view()
    assert popup is not None
    qtbot.waitUntil(popup.isVisible)
    assert h.view.site == SITE  # moving through the list changes nothing yet
    _keys(qtbot, Qt.Key.Key_Down, Qt.Key.Key_Return)  # the choice: the next entry, Enter
    qtbot.waitUntil(lambda: h.view.site == run_site and h.view.watcher.status().polls > 0, timeout=5000)
    assert h.services.site == run_site
    assert UiState().recent_sites()[0] == run_site
    close_harness(qtbot, h)


def _open_dialog(qtbot: Any, h: DevicesHarness) -> NewSiteDialog:
    click(qtbot, h.view.site_bar.new_site_button)
    qtbot.waitUntil(lambda: h.view.findChild(NewSiteDialog) is not None)
    dialog = h.view.findChild(NewSiteDialog)
    assert isinstance(dialog, NewSiteDialog)
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_new_site_creates_it_with_the_wizards_rule_and_shows_it(qtbot: Any, qloop: Any) -> None:
    h = make_devices_harness(qtbot)
    dialog = _open_dialog(qtbot, h)
    assert not dialog.name_error.isVisible()  # an untouched form is not scolded
    assert not dialog.create_button.isEnabled()
    type_text(qtbot, dialog.name, "   ")
    assert not dialog.create_button.isEnabled()
    assert dialog.name_error.isVisible() and "“Create site” stays disabled" in dialog.name_error.text()
    type_text(qtbot, dialog.name, "x" * 70)
    assert "position 65" in dialog.name_error.text() and not dialog.create_button.isEnabled()
    type_text(qtbot, dialog.name, "Cold store 2/3")
    assert not dialog.name_error.isVisible() and dialog.create_button.isEnabled()
    type_text(qtbot, dialog.timezone, "Europe/Vienna")
    click(qtbot, dialog.create_button)
    qtbot.waitUntil(
        lambda: h.view.site == "Cold store 2/3" and h.view.watcher.status().polls > 0, timeout=5000
    )
    assert h.services.site == "Cold store 2/3"
    assert UiState().recent_sites()[0] == "Cold store 2/3"
    assert UiState().site_timezone("Cold store 2/3") == "Europe/Vienna"
    assert h.view.site_box.currentText() == "Cold store 2/3"
    assert run(qtbot, h.client.get_connect_key("Cold store 2/3")).connect_key  # the cloud has it
    close_harness(qtbot, h)


def test_a_name_the_cloud_refuses_is_never_shown_as_the_site_nor_recent(qtbot: Any, qloop: Any) -> None:
    h = make_devices_harness(qtbot)
    recent = UiState().recent_sites()
    dialog = _open_dialog(qtbot, h)
    type_text(qtbot, dialog.name, "Bakery: North")  # the simulator takes no ':' (testo documents nothing)
    click(qtbot, dialog.create_button)
    qtbot.waitUntil(dialog.name_error.isVisible, timeout=5000)
    assert "The cloud refused this name" in dialog.name_error.text()
    assert dialog.isVisible() and dialog.name.text() == "Bakery: North"  # nothing typed is lost
    assert h.view.site == SITE and h.services.site == SITE
    assert h.view.site_bar.sites() == recent
    assert UiState().recent_sites() == recent
    click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Cancel))
    close_harness(qtbot, h)


def test_a_site_the_cloud_does_not_list_never_becomes_recent(qtbot: Any, qloop: Any) -> None:
    h = make_devices_harness(qtbot)
    recent = UiState().recent_sites()
    h.view.show_site("Nowhere")  # e.g. given by another part of the app, the cloud answers 404
    qtbot.waitUntil(lambda: h.view.watcher.status().failures > 0, timeout=5000)
    assert UiState().recent_sites() == recent
    close_harness(qtbot, h)


def test_sites_the_cloud_listed_before_are_offered(qtbot: Any, qloop: Any) -> None:
    h = make_devices_harness(qtbot)
    h.view.offer_sites(["Warehouse", SITE.upper()])  # as the offline cache has them
    assert h.view.site_bar.sites() == [SITE, "Warehouse"]  # the same site in another case once
    close_harness(qtbot, h)


def test_a_listing_of_the_previous_site_never_lands_in_the_new_sites_table(qtbot: Any, qloop: Any) -> None:
    h = make_devices_harness(qtbot)
    run(qtbot, h.client.create_connect_key("Empty site"))
    h.sim.set_network_down(True)  # the new site's own listing does not come to cover it up
    h.view.live.devices_arrived(list(h.view.watcher.devices))  # a refresh of the old site under way
    h.view.show_site("Empty site")  # switched before that refresh is applied
    qtbot.waitUntil(lambda: h.view.watcher.status().online is False, timeout=5000)
    qtbot.waitUntil(lambda: not h.view.live.refreshing, timeout=5000)
    assert h.view.model.rowCount() == 0  # not the loggers of the site shown before
    h.sim.set_network_down(False)
    close_harness(qtbot, h)


def test_the_offline_ui_offers_the_sites_the_cloud_listed_before(
    qtbot: Any, qloop: Any, tmp_path: Any
) -> None:
    from PySide6.QtWidgets import QMainWindow

    from saveris_desktop.ui.offline.integration import install_offline

    h = make_devices_harness(qtbot, offline_db=tmp_path / "db.sqlite3")
    assert h.work is not None
    run(qtbot, h.work.remember_devices("Warehouse", []))  # listed on an earlier day
    window = QMainWindow()
    qtbot.addWidget(window)
    install_offline(window, h.work, devices_view=h.view)
    qtbot.waitUntil(lambda: "Warehouse" in h.view.site_bar.sites(), timeout=5000)
    assert "Warehouse" not in UiState().recent_sites()  # offered, not made recent
    close_harness(qtbot, h)
