"""System alarms of a logger and of its sensors -> `PUT /devices|sensors/{uuid}/alarm-configuration`.

One row per alarm kind the device (or sensor) can raise: on/off, alarm or warning, and a delay.
Kinds the server sends but this screen does not know are kept and shown too; a kind the server
does not list yet is only added to the request once the technician switches it on.

Reading the current alarms is not among testo's documented operations. Where the cloud does not
let us (EditorContext.unreadable), the editor says so, offers the kinds the device's documented
`capability` implies, and sends a complete document: every row, on or off, since what it sends
replaces whatever the cloud has.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from saveris_desktop.api.models import SystemAlarmConfiguration
from saveris_desktop.core.devices.alarm_rules import ALARM, DELAY_RANGE, WARNING
from saveris_desktop.core.offline.drafts import DraftKind
from saveris_desktop.core.offline.resources import session_key
from saveris_desktop.ui.devices.editor import SessionEditor
from saveris_desktop.ui.devices.editor_context import EditorContext
from saveris_desktop.ui.devices.fields import (
    ON_THE_FIELD_LINE,
    DurationField,
    labels_beside_fields,
    refill_keeping_choice,
)
from saveris_desktop.ui.devices.focus import set_tab_chain
from saveris_desktop.ui.style import glove_sized
from saveris_desktop.ui.widgets.glove import GloveCheckBox

DEVICE_ALARM_KINDS = ("BATTERY_LOW", "EXTERNAL_POWER_LOST", "CONNECTION_TIMEOUT")
SENSOR_ALARM_KINDS = ("SENSOR_BROKEN", "CALIBRATION_OVERDUE", "BATTERY_LOW")


def device_alarm_kinds(device: dict[str, Any]) -> tuple[str, ...]:
    """The system alarms a logger can raise, from its documented `capability`: a battery alarm needs
    a battery, a power-loss alarm external power; every logger can miss its communication."""
    capability = device.get("capability") or {}
    return tuple(
        kind
        for kind in DEVICE_ALARM_KINDS
        if (kind != "BATTERY_LOW" or capability.get("supported_battery_types"))
        and (kind != "EXTERNAL_POWER_LOST" or capability.get("powersupply"))
    )


def sensor_alarm_kinds(device: dict[str, Any]) -> tuple[str, ...]:
    """The system alarms of a sensor of `device`, when the sensor itself cannot be read: only radio
    sensors (those of a device with `capability.radio`, e.g. the testo 164 gateway) have a battery."""
    radio = bool((device.get("capability") or {}).get("radio"))
    return tuple(kind for kind in SENSOR_ALARM_KINDS if kind != "BATTERY_LOW" or radio)


# QT_TRANSLATE_NOOP marks the titles for lupdate; they are translated where shown.
_KIND_TITLES = {
    "BATTERY_LOW": QT_TRANSLATE_NOOP("SystemAlarmsEditor", "Battery nearly empty"),
    "EXTERNAL_POWER_LOST": QT_TRANSLATE_NOOP("SystemAlarmsEditor", "External power lost"),
    "CONNECTION_TIMEOUT": QT_TRANSLATE_NOOP(
        "SystemAlarmsEditor", "No connection (logger did not report in time)"
    ),
    "SENSOR_BROKEN": QT_TRANSLATE_NOOP("SystemAlarmsEditor", "Sensor broken or unplugged"),
    "CALIBRATION_OVERDUE": QT_TRANSLATE_NOOP("SystemAlarmsEditor", "Calibration overdue"),
}


class _AlarmRow:
    def __init__(self, editor: SystemAlarmsEditor, position: int, kind: str) -> None:
        prefix = f"{editor.objectName()}_{kind.lower()}"
        title = editor.tr(str(_KIND_TITLES.get(kind, kind.replace("_", " ").capitalize())))
        self.kind = kind
        self.enabled = GloveCheckBox(title)
        self.enabled.setObjectName(f"{prefix}_enabled")
        self.enabled.setAccessibleName(title)
        self.severity = QComboBox()
        self.severity.setObjectName(f"{prefix}_severity")
        self.severity.setAccessibleName(
            QCoreApplication.translate("SystemAlarmsEditor", "Severity of %1").replace("%1", title)
        )
        self.severity.addItem(QCoreApplication.translate("SystemAlarmsEditor", "Alarm"), ALARM)
        self.severity.addItem(QCoreApplication.translate("SystemAlarmsEditor", "Warning"), WARNING)
        self.delay = DurationField(
            f"{prefix}_delay",
            QCoreApplication.translate("SystemAlarmsEditor", "Delay of %1").replace("%1", title),
        )
        self.delay.set_allowed(DELAY_RANGE)
        glove_sized(self.severity)
        self.position = position


class SystemAlarmsEditor(SessionEditor):
    """Device or sensor system alarms; `target` is "devices" or "sensors"."""

    def __init__(
        self,
        context: EditorContext,
        target: str,
        kinds: tuple[str, ...],
        title: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, f"{target}_alarms", title, parent)
        self.target = target
        self.kinds = kinds
        self.uuid = ""
        self.target_kinds: tuple[str, ...] | None = None
        self.grid = QGridLayout(self.form)
        self.rows: dict[str, _AlarmRow] = {}
        self._shown_kinds: tuple[str, ...] = ()

    def set_target(self, uuid: str, kinds: tuple[str, ...] | None = None) -> None:
        """`kinds`: what this device or sensor can raise as far as the app knows (else the usual)."""
        self.uuid = uuid
        self.target_kinds = kinds

    def _kinds_for(self, alarms: list[dict[str, Any]]) -> tuple[str, ...]:
        """The kinds this device or sensor supports: the server lists them (a battery-less logger has no
        battery alarm); only when it lists none are the kinds known from the device offered."""
        listed = tuple(a.get("alarm_type", "") for a in alarms if a.get("alarm_type"))
        if self.values_unknown:  # what the form sends replaces everything: offer every known kind
            known = self.target_kinds or self.kinds
            return (*known, *(kind for kind in listed if kind not in known))
        return listed or self.target_kinds or self.kinds

    def _build(self, kinds: tuple[str, ...]) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.rows = {}
        headings = [
            QLabel(self.tr("Alarm")),
            QLabel(self.tr("Severity")),
            QLabel(self.tr("Delay before alarm")),
        ]
        for column, heading in enumerate(headings):
            self.grid.addWidget(heading, 0, column)
        for position, kind in enumerate(kinds):
            row = _AlarmRow(self, position, kind)
            # Every row allows the same delays: said once under the heading, not beside each field,
            # which made the rows wider than a laptop's editor pane.
            row.delay.hint.hide()
            headings[2].setText(f"{self.tr('Delay before alarm')}\n{row.delay.hint.text()}")
            self.grid.addWidget(row.enabled, position + 1, 0, ON_THE_FIELD_LINE)
            self.grid.addWidget(row.severity, position + 1, 1, ON_THE_FIELD_LINE)
            self.grid.addWidget(row.delay, position + 1, 2)
            row.enabled.toggled.connect(lambda _on, k=kind: self._changed(k))
            row.severity.activated.connect(lambda _i, k=kind: self._changed(k))
            row.delay.sig_value_changed.connect(lambda _ms, k=kind: self._changed(k))
            row.delay.sig_problem_changed.connect(
                lambda message, k=kind: self.set_problem(f"delay:{k}", message)
            )
            self.rows[kind] = row
        self.grid.setColumnStretch(2, 1)
        self._shown_kinds = kinds

    def _changed(self, kind: str) -> None:
        if self.session is None or self._loading:
            return
        row = self.rows[kind]
        on = row.enabled.isChecked()
        row.severity.setEnabled(on)
        row.delay.setEnabled(on)
        # A switched-off alarm's delay is not used: what is wrong with it must not block Apply (its
        # field is greyed out); switched on again, the typed text and its message are back.
        row.delay.message.show_message(row.delay.problem() if on else "")
        self.set_problem(f"delay:{kind}", row.delay.problem() if on else "")
        alarms: list[dict[str, Any]] = self.session.get(("alarms",)) or []
        if self.values_unknown:
            # A complete document: every row as shown, on or off, since it replaces the cloud's alarms.
            self.edit(("alarms",), [self._row_alarm(other) for other in self.rows.values()])
            return
        existing = next((a for a in alarms if a.get("alarm_type") == kind), None)
        wanted = self._row_alarm(row)
        del wanted["alarm_type"]
        if existing is None:
            if not row.enabled.isChecked():
                return  # not on the server and still off: nothing to send
            alarms.append({"alarm_type": kind, **wanted})
        else:
            existing.update(wanted)
        self.edit(("alarms",), alarms)

    @staticmethod
    def _row_alarm(row: _AlarmRow) -> dict[str, Any]:
        return {
            "alarm_type": row.kind,
            "enabled": row.enabled.isChecked(),
            "severity": row.severity.currentData(),
            "delay": row.delay.value() or 0,
        }

    def load(self) -> None:
        assert self.session is not None  # noqa: S101
        alarms: list[dict[str, Any]] = self.session.get(("alarms",)) or []
        kinds = self._kinds_for(alarms)
        if self.force_load or kinds != self._shown_kinds:
            self._build(kinds)
        by_kind = {a.get("alarm_type"): a for a in alarms}
        for kind, row in self.rows.items():
            alarm = by_kind.get(kind)
            enabled = bool(alarm and alarm.get("enabled", True))
            row.enabled.setChecked(enabled)
            position = row.severity.findData((alarm or {}).get("severity", ALARM))
            row.severity.setCurrentIndex(max(position, 0))
            row.delay.set_value(int((alarm or {}).get("delay", 0)), force=self.force_load)
            row.severity.setEnabled(enabled)
            row.delay.setEnabled(enabled)

    def request_label(self) -> str:
        return f"PUT /{self.target}/{self.uuid}/alarm-configuration?site={self.context.site}"

    async def send(self, payload: dict[str, Any]) -> dict[str, Any]:
        config = SystemAlarmConfiguration.model_validate(payload)
        client = self.context.client
        if self.target == "devices":
            answer = await client.put_device_alarm_configuration(self.context.site, self.uuid, config)
        else:
            answer = await client.put_sensor_alarm_configuration(self.context.site, self.uuid, config)
        return answer.to_payload()


class AlarmsTab(QWidget):
    """Two pages: the logger's system alarms, and the alarms of a picked sensor.

    Pages, not one above the other: each editor gets the tab's full height, so "What will be sent"
    opens below its fields without squeezing them or moving Apply (stacked, the two editors and a
    changes view did not fit a laptop screen)."""

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alarms_tab")
        self.context = context
        # what the shown logger and its sensors can raise, from the logger's document (set_device)
        self._device_kinds: tuple[str, ...] | None = None
        self._sensor_kinds: tuple[str, ...] | None = None
        self.device_editor = SystemAlarmsEditor(
            context, "devices", DEVICE_ALARM_KINDS, self.tr("Logger alarms"), self
        )
        self.sensor_picker = QComboBox(self)
        self.sensor_picker.setObjectName("alarm_sensor_picker")
        self.sensor_picker.setAccessibleName(self.tr("Sensor whose alarms are shown"))
        glove_sized(self.sensor_picker)
        self.sensor_editor = SystemAlarmsEditor(
            context, "sensors", SENSOR_ALARM_KINDS, self.tr("Sensor alarms"), self
        )
        picker_row = QFormLayout()
        picker_row.addRow(self.tr("Sensor"), self.sensor_picker)
        labels_beside_fields(picker_row)
        # The editor brings its own margins; the picker above it lines up with its fields.
        editor_layout = self.sensor_editor.layout()
        if editor_layout is not None:
            picker_row.setContentsMargins(editor_layout.contentsMargins())
        sensor_page = QWidget(self)
        sensor_page.setObjectName("sensor_alarms_page")
        sensor_layout = QVBoxLayout(sensor_page)
        sensor_layout.setContentsMargins(0, 0, 0, 0)
        sensor_layout.setSpacing(0)
        sensor_layout.addLayout(picker_row)
        sensor_layout.addWidget(self.sensor_editor, 1)
        self.pages = QTabWidget(self)
        self.pages.setObjectName("alarm_pages")
        self.pages.setAccessibleName(self.tr("Alarms of the logger and of its sensors"))
        self.pages.setDocumentMode(True)
        self.pages.addTab(self.device_editor, self.tr("Logger alarms"))
        self.pages.addTab(sensor_page, self.tr("Sensor alarms"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        for editor in (self.device_editor, self.sensor_editor):
            # A page with unsaved changes says so on its tab, also while the other page is shown.
            editor.sig_state_changed.connect(self._mark_unsaved_pages)
        self.sensor_picker.currentIndexChanged.connect(self._picked)
        self.device_editor.sig_form_loaded.connect(self._order_tabs)
        self.sensor_editor.sig_form_loaded.connect(self._order_tabs)

    def _mark_unsaved_pages(self) -> None:
        for index, (editor, title) in enumerate(
            ((self.device_editor, self.tr("Logger alarms")), (self.sensor_editor, self.tr("Sensor alarms")))
        ):
            self.pages.setTabText(index, f"{title} ●" if editor.dirty else title)

    def _order_tabs(self) -> None:
        # Rows are built when alarms load, after the picker exists: keep Tab in the on-screen order.
        set_tab_chain([*self.device_editor.tab_chain(), self.sensor_picker, *self.sensor_editor.tab_chain()])

    def set_device(self, uuid: str, device: dict[str, Any] | None = None) -> None:
        """`device`: the logger's document (its capability tells which alarms it can raise)."""
        if device is not None:
            self._device_kinds = device_alarm_kinds(device)
            self._sensor_kinds = sensor_alarm_kinds(device)
        self.device_editor.set_target(uuid, self._device_kinds)
        self.device_editor.show_session(self.context.sessions.get(session_key(DraftKind.DEVICE_ALARMS, uuid)))

    def set_sensors(self, entries: list[tuple[str, str]]) -> None:
        refill_keeping_choice(self.sensor_picker, entries)
        self._picked()

    def _picked(self, *_: object) -> None:
        uuid = self.sensor_picker.currentData()
        session = self.context.sessions.get(session_key(DraftKind.SENSOR_ALARMS, uuid)) if uuid else None
        self.sensor_editor.set_target(uuid or "", self._sensor_kinds)
        self.sensor_editor.show_session(session)
