"""Help → Show the site's connect key: the key again, large and as a QR code, read from the cloud."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

from saveris_desktop.simulator import DEMO_PASSWORD, DEMO_USERNAME, Simulator
from saveris_desktop.ui.connect_key_dialog import ConnectKeyDialog
from saveris_desktop.ui.main_window import MainWindow
from saveris_desktop.ui.ui_state import UiState
from tests.ui.user_input import click
from tests.ui.wizard_harness import make_services


def test_the_help_menu_shows_the_sites_connect_key_again(qtbot, qloop) -> None:
    services = make_services(Simulator(seed=13, join_delay=0.0))
    window = MainWindow(UiState(), demo=True)
    qtbot.addWidget(window)
    window.show()
    assert not window.connect_key_action.isEnabled()  # no cloud to ask before the client exists
    window.attach_services(services)
    keys: list[str] = []

    async def sign_in_and_create() -> None:
        await services.client.sign_in(DEMO_USERNAME, DEMO_PASSWORD)
        keys.append((await services.client.create_connect_key("Cold Store")).connect_key)
        services.set_signed_in(DEMO_USERNAME)
        services.set_site("Cold Store")

    services.tasks.spawn(sign_in_and_create())
    qtbot.waitUntil(lambda: len(keys) == 1, timeout=5000)
    window.connect_key_action.trigger()
    dialog = window.findChild(ConnectKeyDialog, "connectKeyDialog")
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.key_label.text() == keys[0], timeout=5000)
    assert "accountId" in dialog.site_label.text() and "Cold Store" in dialog.site_label.text()
    assert dialog.qr.pixmap() is not None and not dialog.qr.pixmap().isNull()  # the QR code is drawn
    click(qtbot, dialog.copy_button)
    assert QGuiApplication.clipboard().text() == keys[0]
    for widget in (dialog.key_label, dialog.copy_button, dialog.qr):
        assert widget.objectName() and widget.accessibleName()


def test_without_a_site_the_dialog_says_what_to_do_first(qtbot, qloop) -> None:
    services = make_services(Simulator(seed=13, join_delay=0.0))
    dialog = ConnectKeyDialog(services)
    qtbot.addWidget(dialog)
    assert "Open a site first" in dialog.site_label.text()
    assert not dialog.copy_button.isEnabled() and dialog.key_label.text() == ""
