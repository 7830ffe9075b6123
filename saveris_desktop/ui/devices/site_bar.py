"""The device view's site switcher: the recent sites (one list with the wizard), and the site's zone.

Typing or picking a site reports it through `sig_site_chosen`; the view decides what showing it means.
The time zone line says where it came from: the cloud, this laptop's wizard (when the cloud does not
let us read it), or that it is unknown and times are in UTC.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from saveris_desktop.api.errors import NotFoundError, OperationNotOfferedError
from saveris_desktop.api.models import GlobalSettings
from saveris_desktop.ui.error_text import describe_error
from saveris_desktop.ui.ui_state import UiState
from saveris_desktop.ui.wheel_guard import never_by_wheel


class SiteBar(QWidget):
    sig_site_chosen = Signal(str)  # the text as typed or picked (the view normalises it)
    sig_timezone = Signal(object)  # the zone the table's times are shown in (str), None: UTC

    def __init__(self, ui_state: UiState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("site_bar")
        self.ui_state = ui_state
        self.site_box = QComboBox(self)
        self.site_box.setObjectName("site_switcher")
        self.site_box.setAccessibleName(self.tr("Site"))
        self.site_box.setEditable(True)
        self.site_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        never_by_wheel(self.site_box)  # one notch over it switched the whole app to another site
        self.site_box.setMinimumWidth(200)
        self.timezone_label = QLabel(self)
        self.timezone_label.setObjectName("site_timezone")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Site:"), self))
        layout.addWidget(self.site_box)
        layout.addWidget(self.timezone_label)
        self.site_box.activated.connect(lambda _i: self._chosen())
        line_edit = self.site_box.lineEdit()
        if line_edit is not None:
            line_edit.setAccessibleName(self.tr("Site"))  # the editable combo's text field has focus
            line_edit.returnPressed.connect(self._chosen)
        self.load_recent_sites()

    def load_recent_sites(self) -> None:
        # One list with the wizard's site page: a site opened here is offered there, and back.
        self.site_box.clear()
        self.site_box.addItems(self.ui_state.recent_sites())
        self.site_box.setCurrentIndex(-1)

    def remember(self, site: str) -> None:
        self.ui_state.add_recent_site(site)
        self.load_recent_sites()  # most recent first, no duplicates (whatever their case)
        self.site_box.setCurrentIndex(max(0, self.site_box.findText(site)))

    def timezone_loading(self) -> None:
        self.timezone_label.setText(self.tr("Timezone: loading…"))

    def show_timezone(self, settings: GlobalSettings) -> None:
        zone = settings.timezone or ""
        self.timezone_label.setText(self.tr("Timezone: %1").replace("%1", zone or self.tr("not set")))
        self.sig_timezone.emit(zone or None)

    def timezone_failed(self, site: str | None, error: BaseException) -> None:
        if isinstance(error, OperationNotOfferedError):
            # Reading it is not documented; the zone chosen in the wizard on this laptop is the best
            # we know (it may wait in the outbox), and it is labelled as such.
            zone = self.ui_state.site_timezone(site) if site else None
            if zone:
                self.timezone_label.setText(
                    self.tr(
                        "Timezone: %1 (as chosen on this laptop; the cloud does not let us read it)"
                    ).replace("%1", zone)
                )
                self.sig_timezone.emit(zone)
            else:
                self.timezone_label.setText(
                    self.tr("Timezone: unknown (the cloud does not let us read it; times in UTC)")
                )
        elif isinstance(error, NotFoundError):
            self.timezone_label.setText(self.tr("Timezone: not set (times in UTC)"))
        else:
            self.timezone_label.setText(
                self.tr("Timezone: unknown (%1)").replace("%1", describe_error(error))
            )

    def _chosen(self) -> None:
        self.sig_site_chosen.emit(self.site_box.currentText())
