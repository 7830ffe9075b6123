"""The main window as a technician sees it on a laptop, measured: how much room the editors get.

`open_demo_window` builds the demo app's main window (device view, editors, virtual logger panel)
at a given logical size with a logger selected and a measuring object in the site; `usable_height`
measures an editor's room for fields: from the top of its form down to where the scroll area it
sits in cuts off (what the fields can use without scrolling). `save_shot` keeps a small PNG.

Used by tests/ui/devices/test_editor_room.py; with SAVERIS_EDITOR_SHOTS set it writes the
screenshots there (resources/screenshots/layout-after/ is made that way).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QScrollArea, QWidget

from saveris_desktop.api.models import LogicalChannel, MeasuringObject, SensorChannelRef
from saveris_desktop.simulator import LoggerKind
from saveris_desktop.ui.main_window import MainWindow
from saveris_desktop.ui.ui_state import DEMO_SCOPE, UiState
from tests.ui.devices_harness import SITE, DevicesHarness, close_harness, make_devices_harness, run

#: A logger name as technicians write them: umlauts, a dash, long enough to be elided in a narrow column.
LONG_NAME = "Kühlraum 3 – Tür links"
OBJECT_NAME = "Kühlraum 3"


@dataclass
class DemoWindow:
    harness: DevicesHarness
    window: MainWindow
    object_uuid: str

    @property
    def view(self) -> Any:
        view = self.window.devices_view
        assert view is not None
        return view

    def close(self, qtbot: Any) -> None:
        run(qtbot, self.window.aclose())
        close_harness(qtbot, self.harness)


def make_object(qtbot: Any, harness: DevicesHarness) -> MeasuringObject:
    """A measuring object fed by every channel of the first logger's first sensor."""
    device = run(qtbot, harness.client.get_device(SITE, harness.device_uuids[0]))
    sensor = run(qtbot, harness.client.get_sensor(SITE, device.sensors_connections[0].sensor_uuid))
    obj = MeasuringObject(
        name=OBJECT_NAME,
        logical_channels=[
            LogicalChannel(
                name=c.name or "",
                physical_value_id=c.physical_value_id,
                physical_unit_id=c.physical_unit_id,
                sensor_channel=SensorChannelRef(sensor_uuid=sensor.uuid, channel_index=c.channel_index),
            )
            for c in sensor.channels
        ],
    )
    return run(qtbot, harness.client.create_measuring_object(SITE, obj))


def open_demo_window(
    qtbot: Any,
    width: int,
    height: int,
    kinds: Sequence[LoggerKind] = (LoggerKind.QSR_TEMPERATURE_HUMIDITY, LoggerKind.SAVERIS2),
    names: Sequence[str] = (LONG_NAME,),
) -> DemoWindow:
    """The demo main window at `width`×`height` logical pixels with loggers of `kinds` (the first ones
    given `names`), the first selected, a measuring object of its sensor in the site."""
    harness = make_devices_harness(qtbot, list(kinds))
    harness.view.hide()  # the harness's own view; the window below gets one of its own
    for uuid, name in zip(harness.device_uuids, names, strict=False):
        device = run(qtbot, harness.client.get_device(SITE, uuid))
        run(qtbot, harness.client.put_device(SITE, device.model_copy(update={"name": name})))
    obj = make_object(qtbot, harness)
    window = MainWindow(UiState(scope=DEMO_SCOPE), demo=True)
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    window.attach_services(harness.services)
    view = window.devices_view
    assert view is not None
    view.show_site(SITE)
    window.stack.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.model.rowCount() == len(harness.device_uuids), timeout=5000)
    uuid = harness.device_uuids[0]
    view.open_device(uuid)
    qtbot.waitUntil(
        lambda: (
            view.current_uuid == uuid
            and view.settings_editor.session is not None
            and view.detail_status.text() == ""
        ),
        timeout=5000,
    )
    return DemoWindow(harness, window, obj.uuid or "")


def scroll_host(widget: QWidget) -> QAbstractScrollArea | None:
    """The nearest scroll area `widget` scrolls in, if any."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


def usable_height(form: QWidget) -> int:
    """The room the editor's fields have without scrolling: from the top of its form down to where
    the scroll area it sits in cuts off (0 when the form starts out of sight)."""
    host = scroll_host(form)
    if host is None:
        return form.visibleRegion().boundingRect().height()
    port = host.viewport()
    top = form.mapTo(port, QPoint(0, 0)).y()
    return max(0, min(port.height(), port.height() - top))


def visible_in_window(widget: QWidget, window: QWidget) -> bool:
    """True when the whole widget is on screen: shown, inside the window and not scrolled away."""
    if not widget.isVisible():
        return False
    rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    if not window.rect().contains(rect):
        return False
    host = scroll_host(widget)
    while host is not None:
        port = host.viewport()
        port_rect = QRect(port.mapTo(window, QPoint(0, 0)), port.size())
        if not port_rect.contains(rect):
            return False
        host = scroll_host(host)
    return True


def nested_scroll_areas(root: QWidget) -> list[str]:
    """Each QScrollArea under `root` that sits inside another QScrollArea."""
    found = []
    for area in root.findChildren(QScrollArea):
        parent = area.parentWidget()
        while parent is not None and parent is not root:
            if isinstance(parent, QScrollArea):
                found.append(f"{area.objectName() or area} inside {parent.objectName() or parent}")
                break
            parent = parent.parentWidget()
    return found


def save_shot(widget: QWidget, folder: Path, name: str) -> Path:
    """A small PNG of `widget` (256 colours: screens of text keep well and stay small)."""
    QApplication.sendPostedEvents()
    QApplication.processEvents()
    widget.repaint()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    flags = Qt.ImageConversionFlag.ThresholdDither | Qt.ImageConversionFlag.AvoidDither
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_Indexed8, flags)
    assert image.save(str(path), "PNG", 9)
    return path
