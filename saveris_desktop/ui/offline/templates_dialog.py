"""Templates: save an object's alarm limits or whole setup, and apply a template to many objects at once.

Applying is the one "apply or queue" operation (core.devices.apply) without a direct send: one change per
object goes to the outbox (so it works offline, merges with what the cloud has, never overwrites
silently, and lands in the audit log); the list shows what happens.

Reading works offline: the objects, their alarm limits and instruction sets come from the cloud
when it answers and are kept in the offline cache; when it cannot be reached, the last known
versions are used and the dialog says from when ("from the values last read at …"). While a read
runs (the client retries a lost network for a few seconds) a busy row says what is read.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from saveris_desktop.api.errors import ApiError, NetworkError, NotFoundError
from saveris_desktop.api.models import MeasuringObject
from saveris_desktop.core.devices.apply import Change, apply_or_queue
from saveris_desktop.core.offline.drafts import DraftKind
from saveris_desktop.core.offline.templates import (
    Application,
    Template,
    TemplateKind,
    alarm_preset_from_channel,
    apply_to_many,
    object_setup_from_object,
)
from saveris_desktop.core.offline.work import OfflineWork
from saveris_desktop.core.runtime.tasks import TaskOwner
from saveris_desktop.ui.error_text import describe_error
from saveris_desktop.ui.offline.common import name_widget
from saveris_desktop.ui.stale_list import local_time, not_refreshed
from saveris_desktop.ui.widgets.busy_row import BusyRow

ID_ROLE = Qt.ItemDataRole.UserRole
WHOLE_SETUP = "__whole_setup__"


@dataclass
class _SavedFrom:
    """Where a saved template's values came from: the oldest cached version used (None: all read
    from the cloud just now), and whether a whole setup went without its instruction set."""

    cached_at: str | None = None
    without_instruction_set: bool = False

    def note(self, cached_at: str | None) -> None:
        if cached_at is not None and (self.cached_at is None or cached_at < self.cached_at):
            self.cached_at = cached_at


class TemplatesDialog(QDialog):
    def __init__(self, work: OfflineWork, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        name_widget(self, "templatesDialog", self.tr("Templates"))
        self.setWindowTitle(self.tr("Templates"))
        self.work = work
        self.tasks = TaskOwner("templates")
        self.templates: dict[int, Template] = {}
        self.objects: list[MeasuringObject] = []
        self.site = work.services.site
        self.saving = False

        # --- the templates --------------------------------------------------------------------
        self.template_list = QListWidget(self)
        name_widget(self.template_list, "templateList", self.tr("Saved templates"))
        self.template_list.itemSelectionChanged.connect(self._update_buttons)
        self.delete_button = QPushButton(self.tr("&Delete"), self)
        name_widget(self.delete_button, "templateDelete", self.tr("Delete the selected template"))
        self.delete_button.clicked.connect(self.delete_selected)
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Saved templates:"), self))
        left.addWidget(self.template_list, 1)
        left.addWidget(self.delete_button)

        # --- saving ---------------------------------------------------------------------------
        save_box = QGroupBox(self.tr("Save a new template from a measuring object"), self)
        save_box.setObjectName("templateSaveBox")
        self.source_object = QComboBox(save_box)
        name_widget(self.source_object, "templateSourceObject", self.tr("Measuring object to copy"))
        self.source_object.currentIndexChanged.connect(lambda _i: self._fill_parts())
        self.source_part = QComboBox(save_box)
        name_widget(self.source_part, "templateSourcePart", self.tr("What to save"))
        self.template_name = QLineEdit(save_box)
        name_widget(self.template_name, "templateName", self.tr("Template name"))
        self.template_name.setPlaceholderText(self.tr("e.g. Medicine fridge 2–8 °C"))
        self.template_name.textChanged.connect(lambda _t: self._update_buttons())
        self.save_button = QPushButton(self.tr("&Save as template"), save_box)
        name_widget(self.save_button, "templateSave", self.tr("Save as template"))
        self.save_button.clicked.connect(self.save_template)
        save_form = QFormLayout(save_box)
        save_form.addRow(self.tr("Object:"), self.source_object)
        save_form.addRow(self.tr("Save:"), self.source_part)
        save_form.addRow(self.tr("Name:"), self.template_name)
        save_form.addRow(self.save_button)

        # --- applying -------------------------------------------------------------------------
        apply_box = QGroupBox(self.tr("Apply the selected template to measuring objects"), self)
        apply_box.setObjectName("templateApplyBox")
        self.target_list = QListWidget(apply_box)
        name_widget(self.target_list, "templateTargets", self.tr("Objects to apply the template to"))
        self.target_list.itemChanged.connect(lambda _i: self._update_buttons())
        self.apply_button = QPushButton(self.tr("&Apply to the ticked objects"), apply_box)
        name_widget(self.apply_button, "templateApply", self.tr("Apply the template to the ticked objects"))
        self.apply_button.clicked.connect(self.apply_selected)
        self.results = QListWidget(apply_box)
        name_widget(self.results, "templateResults", self.tr("Result per object"))
        apply_layout = QVBoxLayout(apply_box)
        apply_layout.addWidget(self.target_list, 1)
        apply_layout.addWidget(self.apply_button)
        apply_layout.addWidget(QLabel(self.tr("Result per object:"), apply_box))
        apply_layout.addWidget(self.results, 1)

        self.status = QLabel(self)
        self.status.setObjectName("templatesStatus")
        self.status.setWordWrap(True)
        self.busy = BusyRow("templatesBusy", self)
        right = QVBoxLayout()
        right.addWidget(save_box)
        right.addWidget(apply_box, 1)
        columns = QHBoxLayout()
        columns.addLayout(left, 2)
        columns.addLayout(right, 3)
        close = QPushButton(self.tr("Close"), self)
        name_widget(close, "templatesClose", self.tr("Close"))
        close.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.busy)
        layout.addLayout(bottom)
        self.resize(self.fontMetrics().averageCharWidth() * 140, self.fontMetrics().height() * 34)
        self._update_buttons()
        self.refresh_templates()
        self.tasks.spawn(self._load_objects(), name="objects")

    # --- loading ------------------------------------------------------------------------------

    def refresh_templates(self) -> None:
        self.tasks.spawn(self.work.templates.find(), name="templates", on_result=self._show_templates)

    def _show_templates(self, templates: list[Template]) -> None:
        selected = self.selected_template()
        self.templates = {t.id: t for t in templates}
        self.template_list.clear()
        for template in templates:
            kind = (
                self.tr("Alarm limits")
                if template.kind == TemplateKind.ALARM_PRESET
                else self.tr("Object setup")
            )
            item = QListWidgetItem(f"{template.name}  ({kind})")
            item.setData(ID_ROLE, template.id)
            self.template_list.addItem(item)
            if selected is not None and template.id == selected.id:
                item.setSelected(True)
        self._update_buttons()

    async def _load_objects(self) -> None:
        if not self.site:
            self.status.setText(self.tr("Choose a site first to save or apply templates."))
            return
        self.busy.start(self.tr("Reading the measuring objects of %1…").replace("%1", self.site))
        try:
            answer = await self.work.list_through(self.work.services.client, self.site, "measuring_object")
        except ApiError as error:
            self.status.setText(
                self.tr("The measuring objects could not be read: %1").replace("%1", describe_error(error))
            )
            return
        finally:
            self.busy.stop()
        self.objects = [o for o in answer.value if isinstance(o, MeasuringObject)]
        if answer.cached_at is not None:  # the list is filled: say from when, not that it failed
            self.status.setText(not_refreshed(answer.cached_at, self.tr("the cloud cannot be reached")))
        self.source_object.clear()
        self.target_list.clear()
        for obj in self.objects:
            self.source_object.addItem(obj.label, obj.uuid)
            target = QListWidgetItem(obj.label)
            target.setData(ID_ROLE, obj.uuid)
            target.setFlags(target.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            target.setCheckState(Qt.CheckState.Unchecked)
            self.target_list.addItem(target)
        self._fill_parts()

    def _fill_parts(self) -> None:
        self.source_part.clear()
        obj = self._object(self.source_object.currentData())
        if obj is None:
            return
        self.source_part.addItem(
            self.tr("The whole setup (channels, instruction set, alarm limits)"), WHOLE_SETUP
        )
        for channel in obj.logical_channels:
            self.source_part.addItem(
                self.tr("Alarm limits of “%1”").replace("%1", channel.name), channel.name
            )
        self._update_buttons()

    def _object(self, uuid: Any) -> MeasuringObject | None:
        return next((o for o in self.objects if o.uuid == uuid), None)

    def selected_template(self) -> Template | None:
        items = self.template_list.selectedItems()
        return self.templates.get(int(items[0].data(ID_ROLE))) if items else None

    def ticked_objects(self) -> list[MeasuringObject]:
        ticked = []
        for row in range(self.target_list.count()):
            item = self.target_list.item(row)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                obj = self._object(item.data(ID_ROLE))
                if obj is not None:
                    ticked.append(obj)
        return ticked

    def _update_buttons(self) -> None:
        self.delete_button.setEnabled(self.selected_template() is not None)
        self.save_button.setEnabled(
            bool(self.template_name.text().strip()) and self.source_object.currentData() is not None
        )
        self.apply_button.setEnabled(self.selected_template() is not None and bool(self.ticked_objects()))
        if self.saving:  # one save at a time: the name field keeps its text until it is saved
            self.save_button.setEnabled(False)

    # --- actions ------------------------------------------------------------------------------

    def delete_selected(self) -> None:
        template = self.selected_template()
        if template is not None:
            self.tasks.spawn(
                self.work.templates.delete(template.id),
                name="delete",
                on_result=lambda _r: self.refresh_templates(),
            )

    def save_template(self) -> None:
        obj = self._object(self.source_object.currentData())
        part = self.source_part.currentData()
        name = self.template_name.text().strip()
        if obj is None or obj.uuid is None or not name or not self.site:
            return
        self.saving = True
        self._update_buttons()
        self.status.clear()
        self.busy.start(self.tr("Reading the alarm limits of “%1”…").replace("%1", obj.label))
        self.tasks.spawn(
            self._save(obj, part, name),
            name="save",
            on_result=partial(self._saved, name),
            on_error=self._save_failed,
        )

    async def _save(self, obj: MeasuringObject, part: str, name: str) -> _SavedFrom:
        assert self.site is not None and obj.uuid is not None  # noqa: S101 (checked by the caller)
        client = self.work.services.client
        source = _SavedFrom()
        answer = await self.work.read_through(client, self.site, "measurement_alarms", obj.uuid)
        source.note(answer.cached_at)
        alarms = answer.value.to_payload()
        if part == WHOLE_SETUP:
            instruction: dict[str, Any]
            try:
                instruction_answer = await self.work.read_through(
                    client, self.site, "instruction_set", obj.uuid
                )
            except NotFoundError:
                instruction = {}  # the object has none in the cloud
            except NetworkError:
                instruction = {}  # never read on this laptop: saved without, and said so
                source.without_instruction_set = True
            else:
                source.note(instruction_answer.cached_at)
                instruction = instruction_answer.value.to_payload()
            body = object_setup_from_object(obj, instruction, alarms)
            await self.work.templates.save(TemplateKind.OBJECT_SETUP, name, body)
            return source
        body = alarm_preset_from_channel(obj, part, alarms)
        await self.work.templates.save(TemplateKind.ALARM_PRESET, name, body)
        return source

    def _saved(self, name: str, source: _SavedFrom) -> None:
        self.saving = False
        self.busy.stop()
        if source.cached_at is None:
            text = self.tr("Saved the template “%1”.").replace("%1", name)
        else:
            text = (
                self.tr(
                    "Saved the template “%1” from the values last read at %2 (the cloud cannot be reached)."
                )
                .replace("%1", name)
                .replace("%2", local_time(source.cached_at))
            )
        if source.without_instruction_set:
            text += " " + self.tr(
                "It has no measurement settings: they were never read on this laptop. Save it again "
                "while online to include them."
            )
        self.status.setText(text)
        if self.template_name.text().strip() == name:  # a name typed meanwhile is the next one: kept
            self.template_name.clear()
        self._update_buttons()
        self.refresh_templates()

    def _save_failed(self, error: BaseException) -> None:
        self.saving = False
        self.busy.stop()
        if isinstance(error, NetworkError):
            reason = self.tr(
                "the cloud cannot be reached, and this object's alarm limits were never read on this "
                "laptop. Open them once while online; then they can be saved as a template offline too."
            )
        else:
            reason = describe_error(error)
        self.status.setText(self.tr("Not saved: %1").replace("%1", reason))
        self._update_buttons()

    def apply_selected(self) -> None:
        template = self.selected_template()
        targets = self.ticked_objects()
        if template is None or not targets or not self.site:
            return
        self.results.clear()
        self.apply_button.setEnabled(False)
        self.busy.start(self.tr("Reading the current alarm limits of the ticked objects…"))
        self.tasks.spawn(
            self._apply(template, targets),
            name="apply",
            on_result=self._applied,
            on_error=lambda e: self._apply_failed(e),
        )

    async def _apply(
        self, template: Template, targets: list[MeasuringObject]
    ) -> list[tuple[Application, str]]:
        site = self.site or ""
        alarms_now: dict[str, dict[str, Any] | None] = {}
        sets_now: dict[str, dict[str, Any] | None] = {}
        for obj in targets:
            uuid = obj.uuid or ""
            alarms_now[uuid] = await self._current("measurement_alarms", uuid)
            if template.kind == TemplateKind.OBJECT_SETUP:
                sets_now[uuid] = await self._current("instruction_set", uuid)
        outcome: list[tuple[Application, str]] = []
        for application in apply_to_many(template, [(obj, alarms_now[obj.uuid or ""]) for obj in targets]):
            uuid = application.object_uuid
            queued = []
            if application.alarm_configuration is not None:
                change = Change(
                    site,
                    DraftKind.MEASUREMENT_ALARMS,
                    uuid,
                    application.alarm_configuration,
                    alarms_now[uuid],
                )
                if (await apply_or_queue(change, None, self.work)).queued:
                    queued.append(self.tr("alarm limits"))
            if application.instruction_set is not None:
                change = Change(
                    site, DraftKind.INSTRUCTION_SET, uuid, application.instruction_set, sets_now.get(uuid)
                )
                if (await apply_or_queue(change, None, self.work)).queued:
                    queued.append(self.tr("instruction set"))
            outcome.append((application, ", ".join(queued)))
        return outcome

    async def _current(self, kind: str, uuid: str) -> dict[str, Any] | None:
        """The server's version (cached for next time); offline, the last known one; None if unknown."""
        site = self.site or ""
        try:
            answer = await self.work.read_through(self.work.services.client, site, kind, uuid)
        except (NotFoundError, NetworkError):
            return None  # none in the cloud, or never read here
        except ApiError:
            cached = await self.work.cached(site, kind, uuid)
            return None if cached is None else dict(cached.payload)
        payload: dict[str, Any] = answer.value.to_payload()
        return payload

    def _applied(self, outcome: list[tuple[Application, str]]) -> None:
        self.busy.stop()
        for application, queued in outcome:
            if queued:
                text = self.tr("%1: queued (%2)").replace("%1", application.object_name).replace("%2", queued)
            else:
                text = self.tr("%1: nothing to change").replace("%1", application.object_name)
            if application.skipped:
                text += " — " + " ".join(application.skipped)
            self.results.addItem(text)
        self.status.setText(
            self.tr(
                "The changes are sent in the background; see “Changes waiting for the cloud” for each result."
            )
        )
        self._update_buttons()

    def _apply_failed(self, error: BaseException) -> None:
        self.busy.stop()
        self.status.setText(self.tr("Not applied: %1").replace("%1", describe_error(error)))
        self._update_buttons()
