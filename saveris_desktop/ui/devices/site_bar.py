"""The device view's site switcher: pick one of the sites known, or "New site…"; and the site's zone.

The site box is a pick-from-list control, never a text field: after Apply the focus once landed in
an editable box with its text selected, and typing "x" + Enter opened a site "x" (which the cloud
did not know) and kept "x" in the recent sites. Its entries are the recent sites (one list with the
wizard) and the sites the cloud listed before (the offline cache, `offer_sites`); a new site is
created with "New site…" (the view opens the dialog on `sig_new_site`), by core's one sequence.
A key that would change the entry of the closed box opens the list instead, so a stray key never
switches the whole app to another site; the wheel never does (wheel_guard.never_by_wheel).

Picking a site reports it through `sig_site_chosen`; the view decides what showing it means and
calls `remember` once the cloud has listed the site, so a name it does not know is never recent.
The time zone line says where it came from: the cloud, this laptop's wizard (when the cloud does not
let us read it), or that it is unknown and times are in UTC.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QToolButton, QWidget

from saveris_desktop.api.errors import NotFoundError, OperationNotOfferedError
from saveris_desktop.api.models import GlobalSettings
from saveris_desktop.ui.error_text import describe_error
from saveris_desktop.ui.ui_state import UiState
from saveris_desktop.ui.wheel_guard import never_by_wheel

# Keys that move the current entry of a closed combo box (Qt switches at once, with `activated`).
_MOVING_KEYS = frozenset(
    {
        Qt.Key.Key_Up,
        Qt.Key.Key_Down,
        Qt.Key.Key_PageUp,
        Qt.Key.Key_PageDown,
        Qt.Key.Key_Home,
        Qt.Key.Key_End,
    }
)


#: The time zone line's least width (average characters): a zone's name on one line ("Zeitzone:
#: Europe/Berlin"), the same whether a site is loaded, loading or none is chosen yet.
TIMEZONE_MIN_CHARS = 20


class SiteBox(QComboBox):
    """A combo box whose entry changes only by a choice in its open list.

    Qt's closed combo box switches entries on arrow keys and on typed letters (keyboard search),
    each emitting `activated`: for the site that reloads the whole view. Here those keys open the
    list, where the arrows move a highlight and Enter (or a click) chooses; Escape leaves it as it was.
    """

    def keyPressEvent(self, event: QKeyEvent) -> None:
        view = self.view()
        popup_open = view is not None and view.isVisible()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        plain = modifiers == Qt.KeyboardModifier.NoModifier
        if not popup_open and plain and (event.key() in _MOVING_KEYS or event.text().strip()):
            if self.count():
                self.showPopup()
            event.accept()
            return
        super().keyPressEvent(event)


class SiteBar(QWidget):
    sig_site_chosen = Signal(str)  # a site picked from the list
    sig_new_site = Signal()  # "New site…" pressed: the view opens the dialog
    sig_timezone = Signal(object)  # the zone the table's times are shown in (str), None: UTC

    def __init__(self, ui_state: UiState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("site_bar")
        self.ui_state = ui_state
        # sites the cloud listed before, from the offline cache, offered after the recent ones
        self._known: list[str] = []
        # the site the view shows (it may not be recent yet: the cloud has not listed it so far)
        self._current: str | None = None
        self.site_box = SiteBox(self)
        self.site_box.setObjectName("site_switcher")
        self.site_box.setAccessibleName(self.tr("Site"))
        self.site_box.setPlaceholderText(self.tr("Choose a site"))
        never_by_wheel(self.site_box)  # one notch over it switched the whole app to another site
        self.site_box.setMinimumWidth(120)  # its size hint is its longest site; this is for narrow windows
        # Short beside the site box it belongs to (the toolbar must fit a 1280 px window in German and
        # in the layout tests' stretched words too); the tooltip and the accessible name say it in full.
        self.new_site_button = QToolButton(self)
        self.new_site_button.setText(self.tr("New…"))
        self.new_site_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.new_site_button.setObjectName("site_new")
        self.new_site_button.setAccessibleName(self.tr("Create a new site"))
        self.new_site_button.setToolTip(self.tr("Create a new site"))
        self.timezone_label = QLabel(self)
        self.timezone_label.setObjectName("site_timezone")
        # It wraps in the room beside the site: its text changes with the state (loading, the zone,
        # "unknown (the cloud does not let us read it …)"), and the window's least width must not.
        self.timezone_label.setWordWrap(True)
        self.timezone_label.setMinimumWidth(self.fontMetrics().averageCharWidth() * TIMEZONE_MIN_CHARS)
        label = QLabel(self.tr("Site:"), self)
        label.setBuddy(self.site_box)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.site_box)
        layout.addWidget(self.new_site_button)
        layout.addWidget(self.timezone_label, 1)
        # `activated` only: a choice of the technician, never the refills below
        self.site_box.activated.connect(self._picked)
        self.new_site_button.clicked.connect(self.sig_new_site.emit)
        self.load_recent_sites()

    def sites(self) -> list[str]:
        """The entries offered, in order: the current site, the recent ones, then those cached."""
        return [self.site_box.itemText(i) for i in range(self.site_box.count())]

    def load_recent_sites(self) -> None:
        # One list with the wizard's site page: a site opened here is offered there, and back.
        names: list[str] = []
        seen: set[str] = set()
        current = [self._current] if self._current else []
        for name in (*current, *self.ui_state.recent_sites(), *self._known):
            if name and name.casefold() not in seen:  # the same site in another case is listed once
                seen.add(name.casefold())
                names.append(name)
        self.site_box.blockSignals(True)
        self.site_box.clear()
        self.site_box.addItems(names)
        self.site_box.setCurrentIndex(names.index(self._current) if self._current in names else -1)
        self.site_box.blockSignals(False)

    def offer_sites(self, sites: Iterable[str]) -> None:
        """Sites the cloud listed before (e.g. from the offline cache), offered after the recent ones."""
        self._known = [site for site in sites if site]
        self.load_recent_sites()

    def show_current(self, site: str) -> None:
        """The view now shows `site`: the box says so (it is offered until another site is shown)."""
        self._current = site
        self.load_recent_sites()

    def remember(self, site: str) -> None:
        """The cloud has listed `site`: it becomes the most recent site (here and in the wizard)."""
        self.ui_state.add_recent_site(site)
        self.load_recent_sites()  # most recent first, no duplicates (whatever their case)

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

    def _picked(self, index: int) -> None:
        site = self.site_box.itemText(index)
        if site:
            self.sig_site_chosen.emit(site)
