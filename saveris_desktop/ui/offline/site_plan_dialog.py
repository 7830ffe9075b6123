"""Prepare a site offline: name, timezone, measuring objects with channels and alarm presets; later
"Create in cloud", and map the channels that wait for a sensor once the logger has joined.

Every change is saved as a draft at once (no Save button to forget); the plan survives a restart
and can be exported to another laptop with the other drafts. What makes a plan, an object or a
channel row valid, and what an edit changes with it, are the plan's rules in core/offline/site_plan.py
(problem codes); this dialog only shows the plan and words those codes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPushButton,
    QSpinBox,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from saveris_desktop.api.models import Sensor
from saveris_desktop.core.offline.drafts import DraftKind
from saveris_desktop.core.offline.outbox import OutboxState
from saveris_desktop.core.offline.site_plan import (
    ObjectProgress,
    ObjectState,
    PlannedChannel,
    PlannedObject,
    PlanProblem,
    PlanProblemCode,
    SitePlan,
    object_progress,
    plan_key,
    rename_object,
    validate_plan,
)
from saveris_desktop.core.offline.site_plan import remove_channel as remove_planned_channel
from saveris_desktop.core.offline.templates import Template, TemplateKind, planned_object_from_setup
from saveris_desktop.core.offline.work import OfflineWork
from saveris_desktop.core.onboarding.flow import SITE_NAME_MAX_LENGTH, check_site_name
from saveris_desktop.core.runtime.tasks import TaskOwner
from saveris_desktop.ui import core_words
from saveris_desktop.ui.error_text import describe_error
from saveris_desktop.ui.offline.common import name_widget
from saveris_desktop.ui.offline.plan_channels import (
    COLUMN_MEASURES,
    COLUMN_PRESET,
    COLUMN_SENSOR,
    PlanChannelsModel,
)
from saveris_desktop.ui.style import TextRole, set_text_role
from saveris_desktop.ui.widgets.choice_delegate import ChoiceDelegate
from saveris_desktop.ui.wizard.site_page import available_timezones, system_timezone

MINUTE_MS = 60_000


class SitePlanDialog(QDialog):
    def __init__(self, work: OfflineWork, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        name_widget(self, "sitePlanDialog", self.tr("Prepare a site offline"))
        self.setWindowTitle(self.tr("Prepare a site offline"))
        self.work = work
        self.tasks = TaskOwner("site-plan")
        self.plan = SitePlan(site="", timezone=system_timezone())
        self.saved_site: str | None = None
        self._filling = False
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(400)
        self._save_timer.timeout.connect(self.save_now)

        # --- site -----------------------------------------------------------------------------
        self.site_box = QComboBox(self)
        name_widget(self.site_box, "planSite", self.tr("Site name"))
        self.site_box.setEditable(True)
        self.site_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        site_line = self.site_box.lineEdit()
        assert site_line is not None  # noqa: S101 (editable combo boxes have one)
        site_line.setPlaceholderText(self.tr("e.g. Bakery Nord"))
        site_line.textEdited.connect(self._site_edited)
        self.site_box.activated.connect(lambda _i: self.load_site(self.site_box.currentText()))
        self.timezone_box = QComboBox(self)
        name_widget(self.timezone_box, "planTimezone", self.tr("Timezone of the site"))
        self.timezone_box.setEditable(True)
        self.timezone_box.addItems(available_timezones())
        self.timezone_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = QCompleter(available_timezones(), self.timezone_box)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.timezone_box.setCompleter(completer)
        self.timezone_box.currentTextChanged.connect(self._timezone_edited)
        site_form = QFormLayout()
        site_form.addRow(self.tr("Site:"), self.site_box)
        site_form.addRow(self.tr("Timezone:"), self.timezone_box)

        # --- objects --------------------------------------------------------------------------
        self.object_list = QListWidget(self)
        name_widget(self.object_list, "planObjects", self.tr("Measuring objects of the plan"))
        self.object_list.currentRowChanged.connect(lambda _r: self._show_object())
        self.add_object_button = QPushButton(self.tr("Add &object"), self)
        name_widget(self.add_object_button, "planAddObject", self.tr("Add a measuring object"))
        self.add_object_button.clicked.connect(self.add_object)
        self.remove_object_button = QPushButton(self.tr("Remove object"), self)
        name_widget(self.remove_object_button, "planRemoveObject", self.tr("Remove the measuring object"))
        self.remove_object_button.clicked.connect(self.remove_object)
        self.template_button = QToolButton(self)
        name_widget(
            self.template_button, "planAddFromTemplate", self.tr("Add a measuring object from a template")
        )
        self.template_button.setText(self.tr("From &template"))
        self.template_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.template_menu = QMenu(self.template_button)
        self.template_menu.setObjectName("planTemplateMenu")
        self.template_button.setMenu(self.template_menu)
        self.template_button.setEnabled(False)
        object_buttons = QHBoxLayout()
        object_buttons.addWidget(self.add_object_button)
        object_buttons.addWidget(self.template_button)
        object_buttons.addWidget(self.remove_object_button)
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Measuring objects:"), self))
        left.addWidget(self.object_list, 1)
        left.addLayout(object_buttons)

        self.object_box = QGroupBox(self.tr("Measuring object"), self)
        self.object_box.setObjectName("planObjectBox")
        self.object_name = QLineEdit(self.object_box)
        name_widget(self.object_name, "planObjectName", self.tr("Name of the measuring object"))
        self.object_name.textEdited.connect(self._object_name_edited)
        self.cycle = QSpinBox(self.object_box)
        name_widget(self.cycle, "planCycle", self.tr("Measuring cycle in minutes"))
        self.cycle.setRange(0, 24 * 60)
        self.cycle.setSpecialValueText(self.tr("the logger's own"))
        self.cycle.setSuffix(self.tr(" min"))
        self.cycle.valueChanged.connect(self._cycle_edited)
        self.channel_model = PlanChannelsModel(self)
        self.channel_model.sig_edited.connect(self._channel_edited)
        self.channels = QTableView(self.object_box)
        name_widget(self.channels, "planChannels", self.tr("Logical channels"))
        self.channels.setModel(self.channel_model)
        self.channels.setEditTriggers(
            QTableView.EditTrigger.DoubleClicked
            | QTableView.EditTrigger.EditKeyPressed
            | QTableView.EditTrigger.AnyKeyPressed
        )
        self.choice_delegates = {
            column: ChoiceDelegate(prefix, self.channels)
            for column, prefix in (
                (COLUMN_MEASURES, "planMeasures"),
                (COLUMN_PRESET, "planPreset"),
                (COLUMN_SENSOR, "planSensor"),
            )
        }
        for column, delegate in self.choice_delegates.items():
            self.channels.setItemDelegateForColumn(column, delegate)
        # The choices are boxes that are always there (a large target, visibly a choice), not editors
        # that appear on a double-click; they are reopened whenever the rows are shown anew.
        self.channel_model.modelReset.connect(self._open_choice_boxes)
        self.channels.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.channels.horizontalHeader().setStretchLastSection(True)
        self.channels.verticalHeader().hide()
        self.add_channel_button = QPushButton(self.tr("Add c&hannel"), self.object_box)
        name_widget(self.add_channel_button, "planAddChannel", self.tr("Add a logical channel"))
        self.add_channel_button.clicked.connect(self.add_channel)
        self.remove_channel_button = QPushButton(self.tr("Remove channel"), self.object_box)
        name_widget(self.remove_channel_button, "planRemoveChannel", self.tr("Remove the logical channel"))
        self.remove_channel_button.clicked.connect(self.remove_channel)
        channel_buttons = QHBoxLayout()
        channel_buttons.addWidget(self.add_channel_button)
        channel_buttons.addWidget(self.remove_channel_button)
        channel_buttons.addStretch(1)
        object_form = QFormLayout(self.object_box)
        object_form.addRow(self.tr("Name:"), self.object_name)
        object_form.addRow(self.tr("Measuring cycle:"), self.cycle)
        object_form.addRow(self.channels)
        object_form.addRow(channel_buttons)

        columns = QHBoxLayout()
        columns.addLayout(left, 2)
        columns.addWidget(self.object_box, 5)

        # --- state and actions ----------------------------------------------------------------
        self.problems = QLabel(self)
        self.problems.setObjectName("planProblems")
        self.problems.setWordWrap(True)
        set_text_role(self.problems, TextRole.ERROR)
        self.progress = QLabel(self)
        self.progress.setObjectName("planProgress")
        self.progress.setWordWrap(True)
        self.sensors_button = QPushButton(self.tr("Load the site's &sensors"), self)
        name_widget(self.sensors_button, "planLoadSensors", self.tr("Load the sensors of the site's loggers"))
        self.sensors_button.clicked.connect(self.load_sensors)
        self.create_button = QPushButton(self.tr("Create in &cloud"), self)
        name_widget(self.create_button, "planCreate", self.tr("Create the site and its objects in the cloud"))
        self.create_button.clicked.connect(self.create_in_cloud)
        close = QPushButton(self.tr("Close"), self)
        name_widget(close, "planClose", self.tr("Close"))
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.sensors_button)
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addLayout(site_form)
        layout.addLayout(columns, 1)
        layout.addWidget(self.problems)
        layout.addWidget(self.progress)
        layout.addLayout(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 150, self.fontMetrics().height() * 36)
        self.finished.connect(self._finished)
        work.sig_status.connect(self._status_changed)
        self._fill()
        self.tasks.spawn(self._load_plan_names(), name="plans")
        self.tasks.spawn(
            self.work.templates.find(TemplateKind.OBJECT_SETUP), name="templates", on_result=self._templates
        )

    def _templates(self, templates: list[Template]) -> None:
        self.template_menu.clear()
        for template in templates:
            action = self.template_menu.addAction(template.name)
            action.setObjectName(f"planTemplate{template.id}")
            action.triggered.connect(lambda _checked=False, t=template: self.add_from_template(t))
        self.template_button.setEnabled(bool(templates))
        self.template_button.setToolTip(
            "" if templates else self.tr("Save an object setup as a template first (Offline ▸ Templates).")
        )

    def add_from_template(self, template: Template) -> None:
        taken = {o.name for o in self.plan.objects}
        number = 1
        name = template.name
        while name in taken:
            number += 1
            name = f"{template.name} {number}"
        self.plan.objects.append(planned_object_from_setup(template, name))
        self._fill()
        self.object_list.setCurrentRow(len(self.plan.objects) - 1)
        self._changed()

    # --- loading ------------------------------------------------------------------------------

    async def _load_plan_names(self) -> None:
        drafts = await self.work.drafts.find(endpoint=self.work.endpoint, kind=DraftKind.SITE_PLAN)
        for draft in drafts:
            self.site_box.addItem(draft.key.site)
        if drafts:
            self.load_site(drafts[0].key.site)

    def load_site(self, site: str) -> None:
        if self._save_timer.isActive():
            self.save_now()  # the plan on screen keeps its last edits before another one is shown
        self.tasks.spawn(self._load(site.strip()), name="load")

    async def _load(self, site: str) -> None:
        draft = await self.work.drafts.get(plan_key(self.work.endpoint, site))
        if draft is None:
            return
        self.plan = SitePlan.model_validate(draft.mine)
        self.saved_site = site
        self._fill()
        await self._show_progress()

    def _fill(self) -> None:
        self._filling = True
        try:
            self.site_box.setEditText(self.plan.site)
            site_line = self.site_box.lineEdit()
            if site_line is not None:
                # sent to the cloud already: that site is this plan's, renaming would make another one
                site_line.setReadOnly(self.plan.site_queued)
                site_line.setToolTip(
                    self.tr("The site exists in the cloud (or is queued): its name cannot change here.")
                    if self.plan.site_queued
                    else ""
                )
            self.timezone_box.setEditText(self.plan.timezone)
            current = max(0, self.object_list.currentRow())
            self.object_list.clear()
            for obj in self.plan.objects:
                self.object_list.addItem(obj.name)
            if self.plan.objects:
                self.object_list.setCurrentRow(min(current, len(self.plan.objects) - 1))
        finally:
            self._filling = False
        self._show_object()

    def current_object(self) -> PlannedObject | None:
        row = self.object_list.currentRow()
        return self.plan.objects[row] if 0 <= row < len(self.plan.objects) else None

    def _locked(self, obj: PlannedObject | None) -> bool:
        """An object already queued for the cloud is not edited here any more (the editors take over)."""
        return obj is not None and obj.placeholder is not None

    def _show_object(self) -> None:
        obj = self.current_object()
        self._filling = True
        try:
            self.object_box.setEnabled(obj is not None and not self._locked(obj))
            self.remove_object_button.setEnabled(obj is not None and not self._locked(obj))
            self.object_name.setText(obj.name if obj else "")
            cycle = (obj.instruction_set or {}).get("measuring_cycle") if obj else None
            self.cycle.setValue(int(cycle) // MINUTE_MS if cycle else 0)
            self.channel_model.show_object(
                self.plan, self.object_list.currentRow(), editable=not self._locked(obj)
            )
        finally:
            self._filling = False
        self._validate()

    def _open_choice_boxes(self) -> None:
        for row in range(self.channel_model.rowCount()):
            for column in self.choice_delegates:
                self.channels.openPersistentEditor(self.channel_model.index(row, column))

    def choice_box(self, row: int, column: int) -> QWidget | None:
        """The box in which the technician chooses the cell's value (None: no such row)."""
        return self.channels.indexWidget(self.channel_model.index(row, column))

    # --- editing (each edit lands in the plan and is saved) ------------------------------------

    def _changed(self) -> None:
        if self._filling:
            return
        self._validate()
        self._save_timer.start()

    def _site_edited(self, text: str) -> None:
        if self.plan.site_queued:
            return
        self.plan.site = check_site_name(
            text
        ).name  # trimmed and inner blanks collapsed, as the wizard sends it
        self._changed()

    def _timezone_edited(self, text: str) -> None:
        if not self._filling:
            self.plan.timezone = text.strip()
            self._changed()

    def add_object(self) -> None:
        number = len(self.plan.objects) + 1
        obj = PlannedObject(
            name=self.tr("Fridge %1").replace("%1", str(number)),
            logical_channels=[
                PlannedChannel(
                    name=self.tr("Temperature"),
                    physical_value_id="PV_TEMPERATURE",
                    physical_unit_id="PU_DEGREE_CELSIUS",
                )
            ],
        )
        self.plan.objects.append(obj)
        self._fill()
        self.object_list.setCurrentRow(len(self.plan.objects) - 1)
        self.object_name.setFocus()
        self.object_name.selectAll()
        self._changed()

    def remove_object(self) -> None:
        obj = self.current_object()
        if obj is None or self._locked(obj):
            return
        self.plan.objects.remove(obj)
        self._fill()
        self._changed()

    def _object_name_edited(self, text: str) -> None:
        obj = self.current_object()
        if obj is None:
            self._validate()
            return
        refused = rename_object(self.plan, self.object_list.currentRow(), text)
        if refused is not None:
            self._validate(extra=refused)
            return
        item = self.object_list.currentItem()
        if item is not None:
            item.setText(obj.name)
        self._changed()

    def _cycle_edited(self, minutes: int) -> None:
        obj = self.current_object()
        if obj is None or self._filling:
            return
        obj.instruction_set = {"measuring_cycle": minutes * MINUTE_MS} if minutes else None
        self._changed()

    def add_channel(self) -> None:
        obj = self.current_object()
        if obj is None:
            return
        taken = {c.name for c in obj.logical_channels}
        number = len(obj.logical_channels) + 1
        name = self.tr("Channel %1").replace("%1", str(number))
        while name in taken:
            number += 1
            name = self.tr("Channel %1").replace("%1", str(number))
        obj.logical_channels.append(
            PlannedChannel(
                name=name, physical_value_id="PV_TEMPERATURE", physical_unit_id="PU_DEGREE_CELSIUS"
            )
        )
        self._show_object()
        self._changed()

    def remove_channel(self) -> None:
        obj = self.current_object()
        row = self.channels.currentIndex().row()
        if obj is None or not 0 <= row < len(obj.logical_channels):
            return
        remove_planned_channel(obj, row)
        self._show_object()
        self._changed()

    def _channel_edited(self, refused: PlanProblem | None) -> None:
        if self._filling:
            return
        if refused is not None:
            self._validate(extra=refused)
            return
        self._changed()

    def _validate(self, extra: PlanProblem | None = None) -> None:
        """Show every problem of the plan after `extra`, an edit that was refused (so not in the plan)."""
        problems = [self.problem_text(p) for p in ([extra] if extra else []) + validate_plan(self.plan)]
        self.problems.setText("\n".join(problems))
        self.problems.setVisible(bool(problems))
        self.create_button.setEnabled(not problems and self.work.engine is not None)
        self.create_button.setToolTip(
            self.tr("Sign in first.") if self.work.engine is None else "\n".join(problems)
        )

    def problem_text(self, problem: PlanProblem) -> str:
        """The plan's rules (core/offline/site_plan.py) say what is wrong; this says it to the technician."""
        code = problem.code
        if code is PlanProblemCode.SITE_NAME_EMPTY:
            return self.tr("Enter a site name.")
        if code is PlanProblemCode.SITE_NAME_TOO_LONG:
            return self.tr("A site name has at most %1 characters.").replace("%1", str(SITE_NAME_MAX_LENGTH))
        if code is PlanProblemCode.SITE_NAME_CONTROL_CHARACTERS:
            return self.tr("A site name cannot contain control characters.")
        if code is PlanProblemCode.UNKNOWN_TIMEZONE:
            return self.tr("'%1' is not a known time zone.").replace("%1", problem.value)
        if code is PlanProblemCode.OBJECT_NAME_EMPTY:
            return self.tr("An object needs a name.")
        if code is PlanProblemCode.DUPLICATE_OBJECT_NAME:
            return self.tr("There is already an object named '%1'.").replace("%1", problem.value)
        if code is PlanProblemCode.NO_CHANNELS:
            return self.tr("Add at least one channel.")
        if code is PlanProblemCode.CHANNEL_NAME_EMPTY:
            return self.tr("A channel needs a name.")
        if code is PlanProblemCode.DUPLICATE_CHANNEL_NAME:
            return self.tr("Two channels are named '%1'.").replace("%1", problem.value)
        return self.tr("Alarm limits for an unknown channel '%1'.").replace("%1", problem.value)

    # --- saving -------------------------------------------------------------------------------

    def save_now(self) -> None:
        self._save_timer.stop()
        if not self.plan.site:
            return
        plan = self.plan.model_copy(deep=True)
        previous = self.saved_site
        self.saved_site = plan.site
        self.tasks.spawn(self._save(plan, previous), name="save")

    async def _save(self, plan: SitePlan, previous: str | None) -> None:
        key = plan_key(self.work.endpoint, plan.site)
        if previous != plan.site and await self.work.drafts.get(key) is not None:
            # typing another plan's site name must not overwrite that plan
            self.saved_site = previous
            self.problems.setText(
                self.tr(
                    "There is already a plan for “%1”: pick it from the list, or use another name."
                ).replace("%1", plan.site)
            )
            self.problems.show()
            self.create_button.setEnabled(False)
            return
        await self.work.drafts.rebase(key, None, plan.model_dump(mode="json"))
        if previous and previous != plan.site:  # renamed before it was created: one plan, new name
            await self.work.drafts.delete(plan_key(self.work.endpoint, previous))

    # --- cloud --------------------------------------------------------------------------------

    def load_sensors(self) -> None:
        if self.plan.site:
            self.progress.setText(self.tr("Loading the loggers of %1…").replace("%1", self.plan.site))
            self.tasks.spawn(self._load_sensors(self.plan.site), name="sensors", on_error=self._cloud_error)

    async def _load_sensors(self, site: str) -> None:
        client = self.work.services.client
        found: list[tuple[str, Sensor]] = []
        for device in await client.list_devices(site):
            for connection in device.slot_sensors():
                sensor = await client.get_sensor(site, connection.sensor_uuid)
                label = self.tr("Logger %1 · slot %2").replace("%1", device.serial_number or device.uuid)
                found.append((label.replace("%2", str(connection.slot_index + 1)), sensor))
        self.channel_model.set_sensors(found)
        self.progress.setText(
            self.tr("%n sensor(s) found.", "", len(found))
            if found
            else self.tr("No logger has joined %1 yet.").replace("%1", site)
        )

    def create_in_cloud(self) -> None:
        self.save_now()
        self.create_button.setEnabled(False)
        self.tasks.spawn(self._create(), name="create", on_error=self._cloud_error)

    async def _create(self) -> None:
        report = await self.work.planner().create_in_cloud(self.plan)
        if report.refused:
            self.problems.setText("\n".join(self.problem_text(p) for p in report.problems))
            self.problems.show()
        else:
            self.plan = report.plan
            self.saved_site = self.plan.site
            self._fill()
        await self._show_progress()

    def _cloud_error(self, error: BaseException) -> None:
        # an unforeseen failure gets plain words too (its traceback is in the log: TaskOwner)
        self.progress.setText(describe_error(error))
        self._validate()

    async def _show_progress(self) -> None:
        items = await self.work.outbox.items(
            endpoint=self.work.endpoint, site=self.plan.site, states=tuple(OutboxState)
        )
        site_item = next((i for i in items if i.kind == "site"), None)
        lines = []
        if site_item is None:
            lines.append(self.tr("The site is not in the cloud yet."))
        elif site_item.state is OutboxState.DONE:
            lines.append(self.tr("The site exists in the cloud."))
        else:
            lines.append(self.tr("The site waits to be created: %1").replace("%1", site_item.message or ""))
        for progress in (object_progress(obj, items) for obj in self.plan.objects):
            lines.append(self._progress_line(progress))
        self.progress.setText("\n".join(lines))

    def _progress_line(self, progress: ObjectProgress) -> str:
        words = {
            ObjectState.WAITING_FOR_SENSOR: self.tr("waiting for a sensor"),
            ObjectState.READY: self.tr("ready to create"),
            ObjectState.QUEUED: self.tr("queued for the cloud"),
            ObjectState.CREATED: self.tr("created in the cloud"),
            ObjectState.FAILED: self.tr("refused"),
        }
        line = f"• {progress.name}: {words[progress.state]}"
        return line + (f" — {core_words.translated(progress.detail)}" if progress.detail else "")

    def _status_changed(self, _status: object) -> None:
        if self.plan.site and not self.tasks.closed:
            self.tasks.spawn(self._show_progress(), name="progress")

    def _finished(self, _result: int) -> None:
        if self._save_timer.isActive():
            self.save_now()  # typed edits are never lost by closing
        self.work.sig_status.disconnect(self._status_changed)
