"""Measuring objects of the site: list, create, and per object its instruction set and alarms.

Several objects selected: "Apply alarm preset…" sets one preset on every matching logical channel
of each, through the bulk dialog (per-object result, retry the failed ones).

Against a cloud that offers only testo's documented operations, objects cannot be listed or read:
the tab says so and lists the objects this app created in this session (core.devices.known_objects); their
instruction set and alarms are set as complete documents, with the editor saying that what is
applied replaces what the cloud has.
"""

from __future__ import annotations

import contextlib
import html
from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from saveris_desktop.api.errors import ApiError, NotFoundError, OperationNotOfferedError
from saveris_desktop.api.models import (
    ChannelAssignment,
    MeasuringObject,
    Sensor,
)
from saveris_desktop.core.devices import object_setup
from saveris_desktop.core.devices.known_objects import KnownObjects
from saveris_desktop.core.devices.presets import PRESETS, preset
from saveris_desktop.core.devices.ranges import DurationRange
from saveris_desktop.core.offline.drafts import DraftKind
from saveris_desktop.core.offline.resources import session_key
from saveris_desktop.ui import core_words
from saveris_desktop.ui.devices.bulk_dialog import BulkApplyDialog, Change
from saveris_desktop.ui.devices.create_object import CreateObjectDialog
from saveris_desktop.ui.devices.editor import SessionEditor
from saveris_desktop.ui.devices.editor_context import EditorContext
from saveris_desktop.ui.devices.measuring_editors import (
    DEFAULT_CYCLE_RANGE,
    InstructionSetEditor,
    MeasurementAlarmsEditor,
)
from saveris_desktop.ui.devices.sensor_directory import SensorDirectory, channel_label
from saveris_desktop.ui.error_text import describe_error, explain_error
from saveris_desktop.ui.stale_list import not_refreshed
from saveris_desktop.ui.style import TARGET_SIZE
from saveris_desktop.ui.widgets.glove import TallRows


def _assigned_channel(sensor: Sensor | None, assignment: ChannelAssignment) -> Any:
    """The sensor channel a channel assignment [R] names by its `channel_id`, if the sensor is known."""
    if sensor is None:
        return None
    return next((c for c in sensor.channels if c.cloud_channel_id == assignment.channel_id), None)


# Reading objects is not among testo's documented operations (api/optional.py).
UNREADABLE_INSTRUCTION_SET = QT_TRANSLATE_NOOP(
    "ObjectsTab",
    "The cloud does not let us read the current instruction set; what you apply here replaces it.",
)
UNREADABLE_OBJECT_ALARMS = QT_TRANSLATE_NOOP(
    "ObjectsTab", "The cloud does not let us read the current alarms; what you apply here replaces them."
)


async def apply_preset_to_object(
    context: EditorContext, uuid: str, preset_key: str, known: MeasuringObject | None = None
) -> str:
    """One bulk item: set the preset on every logical channel of the object that measures its value.

    `known`: the object as this app knows it, used where the cloud does not let us read it."""
    chosen = preset(preset_key)
    try:
        obj = await context.client.get_measuring_object(context.site, uuid)
    except OperationNotOfferedError:
        if known is None:
            raise
        obj = known
    channels = await object_setup.apply_preset_to_object(context.client, context.site, obj, chosen)
    if not channels:
        return QCoreApplication.translate(
            "ObjectsTab", "nothing to do: no logical channel measures %1"
        ).replace("%1", core_words.value_name(chosen.physical_value_id))
    return (
        QCoreApplication.translate("ObjectsTab", "%1 on %2")
        .replace("%1", core_words.translated(chosen.title))
        .replace("%2", ", ".join(c.name for c in channels))
    )


class ObjectsTab(QWidget):
    def __init__(
        self,
        context: EditorContext,
        directory: SensorDirectory,
        device_cycle_ranges: Callable[[list[str]], tuple[DurationRange, DurationRange] | None],
        parent: QWidget | None = None,
        *,
        known: KnownObjects | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("objects_tab")
        self.context = context
        #: the objects this app created (longer-lived than the tab: the view keeps it per session)
        self.known = known or KnownObjects()
        #: True once the cloud answered that it does not list measuring objects
        self.listing_not_offered = False
        self.directory = directory
        self.device_cycle_ranges = device_cycle_ranges
        self.objects: dict[str, MeasuringObject] = {}
        #: when the cloud last listed the objects shown (None: not listed yet)
        self.listed_at: datetime | None = None
        self.current_device: str | None = None
        self._loads = 0  # object loads started: only the latest one's answer is shown

        self.list = QListWidget(self)
        self.list.setObjectName("objects_list")
        self.list.setAccessibleName(self.tr("Measuring objects"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setItemDelegate(TallRows(self.list))  # rows a gloved finger hits
        self.new_button = QPushButton(self.tr("New measuring object…"), self)
        self.new_button.setObjectName("objects_new")
        self.new_button.setAccessibleName(self.tr("New measuring object"))
        self.preset_button = QPushButton(self.tr("Apply alarm preset to selected…"), self)
        self.preset_button.setObjectName("objects_bulk_preset")
        self.preset_button.setAccessibleName(self.tr("Apply alarm preset to the selected measuring objects"))
        self.status = QLabel(self)
        self.status.setObjectName("objects_status")
        self.status.setWordWrap(True)
        # The list is a compact strip above the object's editors, which get the tab's full width
        # (beside the device list, a column of its own left the alarm limits too narrow to read).
        left = QWidget(self)
        left.setObjectName("objects_list_pane")
        actions = QVBoxLayout()
        actions.addWidget(self.new_button)
        actions.addWidget(self.preset_button)
        actions.addWidget(self.status)
        actions.addStretch(1)
        left_layout = QHBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list, 1)
        left_layout.addLayout(actions)
        rows = TARGET_SIZE
        self.list.setMinimumHeight(2 * rows + 2 * self.list.frameWidth())

        self.details = QWidget(self)
        self.channels_label = QLabel(self.details)
        self.channels_label.setObjectName("object_channels")
        self.channels_label.setWordWrap(True)
        self.channels_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.instruction_editor = InstructionSetEditor(context, self.details)
        self.alarms_editor = MeasurementAlarmsEditor(context, self.details)
        # No scroll area around the two editors: each scrolls its own fields above its own Apply
        # (a scroll area around them put the alarm limits in scroll areas inside scroll areas and
        # scrolled Apply out of sight). The alarm limits get the height that is left.
        # The alarm limits are what is set on nearly every object: they come first and get the
        # height; the instruction set (overrides, rarely used) is the second page.
        self.editor_pages = QTabWidget(self.details)
        self.editor_pages.setObjectName("object_editor_pages")
        self.editor_pages.setAccessibleName(self.tr("Settings of the measuring object"))
        self.editor_pages.setDocumentMode(True)
        self.editor_pages.addTab(self.alarms_editor, self.tr("Alarm limits"))
        self.editor_pages.addTab(self.instruction_editor, self.tr("Instruction set"))
        for editor in (self.alarms_editor, self.instruction_editor):
            # A page with unsaved changes says so on its tab, also while the other page is shown.
            editor.sig_state_changed.connect(self._mark_unsaved_pages)
        details_layout = QVBoxLayout(self.details)
        details_layout.setContentsMargins(0, 0, 0, 0)
        details_layout.addWidget(self.channels_label)
        details_layout.addWidget(self.editor_pages, 1)
        self.placeholder = QLabel(
            self.tr(
                "Select a measuring object to set its instruction set and alarms, or create one with "
                "“New measuring object…”. Select several to apply an alarm preset to all of them."
            ),
            self,
        )
        self.placeholder.setObjectName("objects_placeholder")
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        details_layout.insertWidget(0, self.placeholder, 1)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setObjectName("objects_splitter")
        splitter.addWidget(left)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([3 * rows + 2 * self.list.frameWidth(), 10_000])
        layout = QHBoxLayout(self)
        layout.addWidget(splitter)

        self.new_button.clicked.connect(self.open_create_dialog)
        self.preset_button.clicked.connect(self.open_bulk_preset)
        self.list.itemSelectionChanged.connect(self._selection_changed)
        self.instruction_editor.sig_applied.connect(lambda _a: self._reload_selected())
        self._selection_changed()

    def _mark_unsaved_pages(self) -> None:
        for index, title in ((0, self.tr("Alarm limits")), (1, self.tr("Instruction set"))):
            editor = self.editor_pages.widget(index)
            unsaved = isinstance(editor, SessionEditor) and editor.dirty
            self.editor_pages.setTabText(index, f"{title} ●" if unsaved else title)

    # --- loading -----------------------------------------------------------------------------

    def set_device(self, uuid: str | None) -> None:
        """The logger shown in the other tabs: its objects are marked (the list shows it on its next fill)."""
        self.current_device = uuid

    def reload(self) -> None:
        self.status.setText(self.tr("Loading measuring objects…"))
        self.context.tasks.spawn(
            self.context.client.list_measuring_objects(self.context.site),
            name="list-objects",
            on_result=self._listed,
            on_error=self._listing_failed,
        )

    def _listed(self, objects: list[MeasuringObject]) -> None:
        self.listed_at = datetime.now(UTC)
        self.set_objects(objects)

    def _listing_failed(self, error: BaseException) -> None:
        if not isinstance(error, OperationNotOfferedError):
            if self.objects:  # the list is there: say from when, not that it failed
                self.status.setText(not_refreshed(self.listed_at, explain_error(error)))
            else:
                self.status.setText(describe_error(error))
            return
        self.listing_not_offered = True
        self.set_objects(self.known.of_site(self.context.site))

    def set_objects(self, objects: list[MeasuringObject]) -> None:
        selected = set(self.selected_uuids())
        self.objects = {o.uuid: o for o in objects if o.uuid}
        for obj in self.objects.values():  # their channels' names, for changes told in plain words
            self.context.names.learn(DraftKind.MEASURING_OBJECT, obj.to_payload())
        self.list.blockSignals(True)
        existing = {
            self.list.item(i).data(Qt.ItemDataRole.UserRole): self.list.item(i)
            for i in range(self.list.count())
        }
        for uuid, item in existing.items():
            if uuid not in self.objects:
                self.list.takeItem(self.list.row(item))
        for uuid, obj in self.objects.items():
            found = existing.get(uuid)
            if found is None:
                item = QListWidgetItem()
                item.setData(Qt.ItemDataRole.UserRole, uuid)
                self.list.addItem(item)
            else:
                item = found
            uses_device = self.current_device is not None and self.current_device in self._devices_of(obj)
            item.setText(self.object_label(obj) + (self.tr("  (this logger)") if uses_device else ""))
            item.setSelected(uuid in selected)
        self.list.blockSignals(False)
        if self.listing_not_offered:
            self.status.setText(
                self.tr(
                    "The cloud does not list measuring objects, so only the %n created here since the "
                    "app started are shown.",
                    "",
                    len(self.objects),
                )
            )
        else:
            self.status.setText(self.tr("%n measuring object(s) in this site.", "", len(self.objects)))
        self._selection_changed()

    def _sensors_of(self, obj: MeasuringObject) -> list[str]:
        """The sensors feeding `obj`: through its logical channels, or its channel assignments [R]."""
        fed = [c.sensor_channel.sensor_uuid for c in obj.logical_channels if c.sensor_channel]
        return fed + [a.equipment_parts_uuid for a in obj.assignments() if a.equipment_parts_uuid]

    def _devices_of(self, obj: MeasuringObject) -> list[str]:
        return [d for s in self._sensors_of(obj) for d in [self.directory.device_of(s)] if d]

    def object_label(self, obj: MeasuringObject) -> str:
        """The name; an object the cloud sent without one [R] is named by what feeds it."""
        if obj.name and obj.name.strip():
            return obj.name
        sensors = self._sensors_of(obj)
        hint = self.directory.label(sensors[0]) if sensors else (obj.uuid or "")[:8]
        return self.tr("Unnamed object (%1)").replace("%1", hint)

    def _assignment_lines(self, obj: MeasuringObject) -> list[str]:
        lines = []
        for assignment in obj.assignments():
            sensor_uuid = assignment.equipment_parts_uuid or ""
            channel = _assigned_channel(self.directory.sensors.get(sensor_uuid), assignment)
            sensor = self.directory.sensors.get(sensor_uuid)
            what = (
                channel_label(sensor, channel.channel_index)
                if sensor is not None and channel is not None
                else self.tr("channel %1").replace("%1", str(assignment.channel_id))
            )
            lines.append(
                f"• {what} ← {self.directory.label(sensor_uuid) if sensor_uuid else self.tr('no sensor')}"
            )
        return lines

    def _editor_channels(self, obj: MeasuringObject) -> list[dict[str, Any]]:
        """What the alarm editor shows a box for: the logical channels, or for an object with channel
        assignments only [R], each assigned sensor channel whose sensor is known."""
        if obj.logical_channels or not obj.assignments():
            return [c.to_payload() for c in obj.logical_channels]
        channels = []
        for assignment in obj.assignments():
            sensor = self.directory.sensors.get(assignment.equipment_parts_uuid or "")
            channel = _assigned_channel(sensor, assignment)
            if sensor is None or channel is None:
                continue
            channels.append(
                {
                    "uuid": f"{sensor.uuid}:{assignment.channel_id}",
                    "name": channel.name or core_words.value_name(channel.physical_value_id),
                    "physical_value_id": channel.physical_value_id,
                    "physical_unit_id": channel.physical_unit_id,
                    "assigned": True,  # no logical channel: limits can only go to a per-object set
                }
            )
        return channels

    def selected_uuids(self) -> list[str]:
        return [item.data(Qt.ItemDataRole.UserRole) for item in self.list.selectedItems()]

    def select(self, uuid: str) -> None:
        for index in range(self.list.count()):
            item = self.list.item(index)
            if item is not None:
                item.setSelected(item.data(Qt.ItemDataRole.UserRole) == uuid)

    def _selection_changed(self) -> None:
        selected = self.selected_uuids()
        self.preset_button.setEnabled(bool(selected))
        one = selected[0] if len(selected) == 1 else None
        for widget in (self.channels_label, self.editor_pages):
            widget.setVisible(one is not None)
        self.placeholder.setVisible(one is None)
        if len(selected) > 1:
            self.placeholder.setText(
                self.tr("%1 measuring objects selected: use “Apply alarm preset to selected…”.").replace(
                    "%1", str(len(selected))
                )
            )
        if one is None:
            return
        obj = self.objects[one]
        lines = [
            f"• {c.name} ← "
            + (
                self.directory.mapping_label(c.sensor_channel.sensor_uuid, c.sensor_channel.channel_index)
                if c.sensor_channel
                else self.tr("no sensor")
            )
            for c in obj.logical_channels
        ]
        if obj.assignments() and not obj.logical_channels:
            text = self.tr("<b>%1</b><br>Assigned sensor channels:<br>%2")
            lines = self._assignment_lines(obj)
        else:
            text = self.tr("<b>%1</b><br>Logical channels:<br>%2")
        self.channels_label.setText(
            text.replace("%1", html.escape(self.object_label(obj))).replace("%2", "<br>".join(lines))
        )
        devices = self._devices_of(obj)
        ranges = self.device_cycle_ranges(devices) or (DEFAULT_CYCLE_RANGE, DEFAULT_CYCLE_RANGE)
        self.instruction_editor.uuid = one
        self.instruction_editor.set_ranges(*ranges)
        self.alarms_editor.set_object(one, self._editor_channels(obj))
        self._load_sessions(one)

    def _reload_selected(self) -> None:
        selected = self.selected_uuids()
        if len(selected) == 1:
            self._load_sessions(selected[0])

    def _load_sessions(self, uuid: str) -> None:
        context = self.context
        key_set, key_alarms = (
            session_key(DraftKind.INSTRUCTION_SET, uuid),
            session_key(DraftKind.MEASUREMENT_ALARMS, uuid),
        )
        # Show what is known at once (edits kept), then refresh from the server.
        self._loads += 1
        load = self._loads
        self.instruction_editor.set_session(context.sessions.get(key_set))
        self.alarms_editor.set_session(context.sessions.get(key_alarms))

        obj = self.objects.get(uuid)
        assigned = (
            [a.equipment_parts_uuid for a in obj.assignments() if a.equipment_parts_uuid] if obj else []
        )

        async def read(get: Callable[[], Any], missing: dict[str, Any]) -> tuple[dict[str, Any], bool]:
            """The cloud's document (`missing` where it has none), and whether it could be read."""
            try:
                return (await get()).to_payload(), True
            except NotFoundError:
                return missing, True
            except OperationNotOfferedError:
                return missing, False

        async def fetch() -> list[tuple[dict[str, Any], bool]]:
            for sensor_uuid in assigned:  # their channels name what an assignment-only object measures
                # Unreadable: shown as "channel <id>" then; the object's alarms stay readable.
                with contextlib.suppress(ApiError):
                    await self.directory.sensor(sensor_uuid)
            client, site = context.client, context.site
            return [
                await read(partial(client.get_measuring_instruction_set, site, uuid), {}),
                await read(
                    partial(client.get_measuring_object_alarm_configuration, site, uuid),
                    {"channel_alarm_configurations": []},
                ),
            ]

        def fetched(result: list[tuple[dict[str, Any], bool]]) -> None:
            # A later load (e.g. after an Apply) has the newer state: an earlier one must not undo it.
            if self.selected_uuids() != [uuid] or load != self._loads:
                return
            if obj is not None and assigned:
                self.alarms_editor.set_object(uuid, self._editor_channels(obj))
                self.channels_label.setText(
                    self.tr("<b>%1</b><br>Assigned sensor channels:<br>%2")
                    .replace("%1", html.escape(self.object_label(obj)))
                    .replace("%2", "<br>".join(self._assignment_lines(obj)))
                )
            for editor, key, (base, readable), reason in (
                (self.instruction_editor, key_set, result[0], UNREADABLE_INSTRUCTION_SET),
                (self.alarms_editor, key_alarms, result[1], UNREADABLE_OBJECT_ALARMS),
            ):
                context.set_unreadable(key, None if readable else self.tr(str(reason)))
                if readable or key not in context.sessions:  # keep what an Apply made known, and edits
                    context.session(key, base)
                editor.show_session(context.sessions[key])

        context.tasks.spawn(
            fetch(),
            name=f"load-object:{uuid}",
            on_result=fetched,
            on_error=lambda e: self.status.setText(describe_error(e)),
        )

    # --- actions -----------------------------------------------------------------------------

    def open_create_dialog(self) -> CreateObjectDialog:
        preferred = [
            uuid for uuid, slot in self.directory.slots.items() if slot.device_uuid == self.current_device
        ]
        taken = {
            (
                c.sensor_channel.sensor_uuid,
                c.sensor_channel.channel_index,
            ): f"“{c.name}” of “{self.object_label(obj)}”"
            for obj in self.objects.values()
            for c in obj.logical_channels
            if c.sensor_channel is not None
        }
        # A sensor channel assigned to an object without logical channels [R] feeds it just the same.
        for obj in self.objects.values():
            for assignment in obj.assignments():
                sensor = self.directory.sensors.get(assignment.equipment_parts_uuid or "")
                channel = _assigned_channel(sensor, assignment)
                if sensor is not None and channel is not None:
                    taken.setdefault((sensor.uuid, channel.channel_index), f"“{self.object_label(obj)}”")
        dialog = CreateObjectDialog(
            self.directory, self.context.tasks, preferred_sensors=preferred, taken=taken, parent=self
        )

        def created(obj: MeasuringObject) -> None:
            self.known.remember(self.context.site, obj)
            self.objects[obj.uuid or ""] = obj
            self.set_objects(list(self.objects.values()))
            if obj.uuid:
                self.select(obj.uuid)

        dialog.sig_created.connect(created)
        dialog.setModal(True)
        dialog.show()
        return dialog

    def open_bulk_preset(self) -> BulkApplyDialog:
        form = QWidget()
        picker = QComboBox(form)
        picker.setObjectName("bulk_preset_picker")
        picker.setAccessibleName(self.tr("Alarm preset"))
        for candidate in PRESETS:
            picker.addItem(core_words.translated(candidate.title), candidate.key)
        layout = QFormLayout(form)
        layout.addRow(self.tr("Alarm preset"), picker)
        layout.addRow(QLabel(self.tr("It is set on each logical channel that measures the preset's value.")))

        def change_factory() -> Change:
            key = picker.currentData()

            async def change(uuid: str) -> str:
                return await apply_preset_to_object(self.context, uuid, key, self.objects.get(uuid))

            return change

        items = [
            (uuid, self.object_label(self.objects[uuid]))
            for uuid in self.selected_uuids()
            if uuid in self.objects
        ]
        dialog = BulkApplyDialog(
            self.tr("Apply alarm preset"),
            items,
            change_factory,
            self.context.tasks,
            form=form,
            heading=self.tr("%n measuring object(s) selected.", "", len(items)),
            item_header=self.tr("Measuring object"),
            parent=self,
        )
        dialog.sig_finished.connect(lambda _ok, _failed: self._reload_selected())
        dialog.show()
        return dialog
