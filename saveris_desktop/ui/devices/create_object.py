"""Create a measuring object (`POST /measuring-objects`) with logical channels picked from lists.

Each logical channel names what is monitored ("Internal temperature") and which sensor channel of
this site feeds it: the technician picks the logger/slot and then one of its channels; uuids stay
out of sight. The channel's physical value and unit come from the sensor, so they always match.

Where the cloud does not let us read the sensor's channels (`GET /sensors/{uuid}` is not among
testo's documented operations), the row asks for the channel's number and what it measures instead;
the cloud then checks that the channel measures that, and a refusal is shown in its own words.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from saveris_desktop.api.errors import NotFoundError, OperationNotOfferedError
from saveris_desktop.api.models import LogicalChannel, MeasuringObject, Sensor
from saveris_desktop.core.devices.object_setup import (
    MEASURABLE_VALUES,
    ChannelKey,
    ChannelProblem,
    as_created,
    channel_problems,
    logical_channel_by_number,
    logical_channel_for,
    new_measuring_object,
)
from saveris_desktop.core.devices.units import value_name
from saveris_desktop.core.runtime.tasks import TaskOwner
from saveris_desktop.ui.announce import announce
from saveris_desktop.ui.devices.fields import FieldMessage
from saveris_desktop.ui.devices.focus import set_tab_chain
from saveris_desktop.ui.devices.sensor_directory import SensorDirectory, channel_label
from saveris_desktop.ui.error_text import describe_error
from saveris_desktop.ui.style import TIGHT_SPACING, TextRole, set_text_role


class _ChannelInputs:
    def __init__(self, dialog: CreateObjectDialog, index: int) -> None:
        number = str(index + 1)
        self.name = QLineEdit()
        self.name.setObjectName(f"new_channel_{index}_name")
        self.name.setAccessibleName(
            QCoreApplication.translate("CreateObjectDialog", "Name of logical channel %1").replace(
                "%1", number
            )
        )
        self.name.setPlaceholderText(
            QCoreApplication.translate("CreateObjectDialog", "e.g. Internal temperature")
        )
        self.name.setMinimumWidth(170)
        self.name.setMaxLength(64)
        self.sensor = QComboBox()
        self.sensor.setObjectName(f"new_channel_{index}_sensor")
        self.sensor.setAccessibleName(
            QCoreApplication.translate("CreateObjectDialog", "Sensor of logical channel %1").replace(
                "%1", number
            )
        )
        self.channel = QComboBox()
        self.channel.setMinimumWidth(200)
        self.channel.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.channel.setObjectName(f"new_channel_{index}_channel")
        self.channel.setAccessibleName(
            QCoreApplication.translate("CreateObjectDialog", "Sensor channel of logical channel %1").replace(
                "%1", number
            )
        )
        # For a sensor whose channels the cloud does not let us read: the channel by its number
        # (from 1, as on the probe's label) and what it measures, said by the technician.
        self.number = QSpinBox()
        self.number.setRange(1, 1000)
        self.number.setPrefix(QCoreApplication.translate("CreateObjectDialog", "Channel "))
        self.number.setObjectName(f"new_channel_{index}_number")
        self.number.setAccessibleName(
            QCoreApplication.translate("CreateObjectDialog", "Channel number of logical channel %1").replace(
                "%1", number
            )
        )
        self.measures = QComboBox()
        self.measures.setObjectName(f"new_channel_{index}_measures")
        self.measures.setAccessibleName(
            QCoreApplication.translate(
                "CreateObjectDialog", "What channel of logical channel %1 measures"
            ).replace("%1", number)
        )
        self.measures.addItem(QCoreApplication.translate("CreateObjectDialog", "It measures…"), "")
        for value_id in MEASURABLE_VALUES:
            self.measures.addItem(value_name(value_id), value_id)
        self.channel_cell = QWidget()
        cell = QHBoxLayout(self.channel_cell)
        cell.setContentsMargins(0, 0, 0, 0)
        for widget in (self.channel, self.number, self.measures):
            cell.addWidget(widget)
        self.remove = QPushButton(QCoreApplication.translate("CreateObjectDialog", "Remove"))
        self.remove.setObjectName(f"new_channel_{index}_remove")
        self.remove.setAccessibleName(
            QCoreApplication.translate("CreateObjectDialog", "Remove logical channel %1").replace(
                "%1", number
            )
        )
        self.message = FieldMessage()
        self.sensor_object: Sensor | None = None
        #: the uuid of a sensor whose channels cannot be read: the row asks for number and value
        self.unreadable_sensor: str | None = None
        self.set_by_number(None)
        #: the name this dialog proposed from the picked channel; replaced when another channel is
        #: picked, while a name the technician typed is kept
        self.proposed_name = ""

    def set_by_number(self, sensor_uuid: str | None) -> None:
        """Ask for the channel by number and what it measures (a sensor whose channels cannot be
        read), or (None) pick it from the sensor's channels."""
        self.unreadable_sensor = sensor_uuid
        self.channel.setVisible(sensor_uuid is None)
        self.number.setVisible(sensor_uuid is not None)
        self.measures.setVisible(sensor_uuid is not None)

    def channel_inputs(self) -> list[QWidget]:
        """The inputs that pick the sensor channel in this row's current mode."""
        return [self.channel] if self.unreadable_sensor is None else [self.number, self.measures]

    def key(self) -> ChannelKey | None:
        """The sensor channel picked: (sensor uuid, channel index), None while none is."""
        if self.unreadable_sensor is not None:
            if not self.measures.currentData():
                return None
            return (self.unreadable_sensor, self.number.value() - 1)
        if self.sensor_object is None or self.channel.currentData() is None:
            return None
        return (self.sensor_object.uuid, int(self.channel.currentData()))

    def logical_channel(self) -> LogicalChannel | None:
        key = self.key()
        if key is None:
            return None
        if self.unreadable_sensor is not None:
            return logical_channel_by_number(self.name.text(), key[0], key[1], self.measures.currentData())
        assert self.sensor_object is not None  # noqa: S101  (key() is None otherwise)
        return logical_channel_for(self.name.text(), self.sensor_object, key[1])

    def propose_name(self) -> None:
        """Name the logical channel after the picked sensor channel unless the technician named it."""
        typed = self.name.text().strip()
        if typed and typed != self.proposed_name:
            return
        sensor, index = self.sensor_object, self.channel.currentData()
        if self.unreadable_sensor is not None and self.measures.currentData():
            self.proposed_name = value_name(self.measures.currentData())
        elif sensor is not None and index is not None:
            self.proposed_name = channel_label(sensor, int(index)).split(" (")[0]
        else:
            return
        self.name.setText(self.proposed_name)


class CreateObjectDialog(QDialog):
    sig_created = Signal(object)  # MeasuringObject

    def __init__(
        self,
        directory: SensorDirectory,
        tasks: TaskOwner,
        *,
        preferred_sensors: list[str] | None = None,
        taken: dict[tuple[str, int], str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("create_object_dialog")
        self.setWindowTitle(self.tr("New measuring object"))
        self.directory = directory
        self.tasks = tasks
        self.preferred = preferred_sensors or []
        #: (sensor uuid, channel index) -> what it already feeds; one sensor channel feeds one object
        self.taken = dict(taken or {})
        self.created: MeasuringObject | None = None

        self.name = QLineEdit(self)
        self.name.setObjectName("new_object_name")
        self.name.setAccessibleName(self.tr("Measuring object name"))
        self.name.setPlaceholderText(self.tr("e.g. Fridge 3, cold room door"))
        self.name.setMaxLength(64)
        self.name_message = FieldMessage(self)
        self.description = QLineEdit(self)
        self.description.setObjectName("new_object_description")
        self.description.setAccessibleName(self.tr("Description"))
        name_box = QWidget(self)  # the message sits right under the field, not a form row further down
        name_column = QVBoxLayout(name_box)
        name_column.setContentsMargins(0, 0, 0, 0)
        name_column.setSpacing(TIGHT_SPACING)
        name_column.addWidget(self.name)
        name_column.addWidget(self.name_message)
        form = QFormLayout()
        form.addRow(self.tr("Name"), name_box)
        form.addRow(self.tr("Description"), self.description)

        self.channels_host = QWidget(self)
        self.grid = QGridLayout(self.channels_host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        for column, title in enumerate(
            [self.tr("Logical channel"), self.tr("Sensor (logger · slot)"), self.tr("Sensor channel"), ""]
        ):
            self.grid.addWidget(QLabel(title), 0, column)
        # The channel name's column wide enough for its hint ("e.g. Internal temperature") when translated
        self.grid.setColumnStretch(0, 3)
        self.grid.setColumnStretch(1, 4)
        self.grid.setColumnStretch(2, 2)
        self.rows: list[_ChannelInputs] = []
        self.channels_note = QLabel(
            self.tr(
                "The cloud does not let us read the sensors' channels. Give each channel's number, "
                "counted from 1 as on the sensor, and say what it measures; the cloud checks it."
            ),
            self,
        )
        self.channels_note.setObjectName("new_object_channels_note")
        self.channels_note.setWordWrap(True)
        self.channels_note.hide()
        self.add_button = QPushButton(self.tr("Add logical channel"), self)
        self.add_button.setObjectName("new_object_add_channel")
        self.add_button.setAccessibleName(self.tr("Add logical channel"))

        self.verdict = QLabel(self)
        self.verdict.setObjectName("new_object_verdict")
        self.verdict.setWordWrap(True)
        set_text_role(self.verdict, TextRole.ERROR)
        self.verdict.hide()
        self.progress = QProgressBar(self)
        self.progress.setObjectName("new_object_progress")
        self.progress.setAccessibleName(self.tr("Creating"))
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.create_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.create_button.setText(self.tr("Create"))
        self.create_button.setObjectName("new_object_create")
        self.create_button.setAccessibleName(self.tr("Create measuring object"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("new_object_cancel")
        cancel.setAccessibleName(self.tr("Cancel"))

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(
            QLabel(self.tr("Logical channels: what is monitored, and which sensor channel measures it."))
        )
        layout.addWidget(self.channels_host)
        layout.addWidget(self.channels_note)
        layout.addWidget(self.add_button)
        layout.addWidget(self.verdict)
        layout.addWidget(self.progress)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.resize(1020, 360)

        self.name.textEdited.connect(lambda _t: self.validate())
        self.add_button.clicked.connect(self.add_channel)
        self.buttons.accepted.connect(self.create_object)
        self.buttons.rejected.connect(self.reject)
        self.add_channel()
        self.validate()

    # --- channels ----------------------------------------------------------------------------

    def _sensor_choices(self) -> list[tuple[str, str]]:
        uuids = list(self.directory.slots)
        # Sensors of the logger being configured first: that is what the technician is standing at.
        uuids.sort(key=lambda u: (u not in self.preferred, self.directory.label(u)))
        return [(uuid, self.directory.label(uuid)) for uuid in uuids]

    def add_channel(self) -> None:
        index = len(self.rows)
        row = _ChannelInputs(self, index)
        row.sensor.addItem(self.tr("Choose a sensor…"), "")
        for uuid, label in self._sensor_choices():
            row.sensor.addItem(label, uuid)
        row.channel.setEnabled(False)
        self.grid.addWidget(row.name, 2 * index + 1, 0)
        self.grid.addWidget(row.sensor, 2 * index + 1, 1)
        self.grid.addWidget(row.channel_cell, 2 * index + 1, 2)
        self.grid.addWidget(row.remove, 2 * index + 1, 3)
        self.grid.addWidget(row.message, 2 * index + 2, 0, 1, 4)
        row.name.textEdited.connect(lambda _t: self.validate())
        row.sensor.currentIndexChanged.connect(lambda _i, r=row: self._sensor_picked(r))
        row.channel.currentIndexChanged.connect(lambda _i, r=row: self._channel_picked(r))
        row.number.valueChanged.connect(lambda _v, r=row: self._channel_picked(r))
        row.measures.currentIndexChanged.connect(lambda _i, r=row: self._channel_picked(r))
        row.remove.clicked.connect(lambda _c=False, r=row: self.remove_channel(r))
        self.rows.append(row)
        self._order_tabs()
        if index == 0 and self.preferred and row.sensor.count() > 1:
            row.sensor.setCurrentIndex(1)
        self.validate()

    def _order_tabs(self) -> None:
        # Rows are created after the buttons: without this, Tab jumped from Description to "Add".
        rows = [w for r in self.rows for w in (r.name, r.sensor, *r.channel_inputs(), r.remove)]
        buttons = [
            self.add_button,
            self.create_button,
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel),
        ]
        set_tab_chain([self.name, self.description, *rows, *buttons])

    def remove_channel(self, row: _ChannelInputs) -> None:
        if len(self.rows) <= 1:
            return
        for widget in (row.name, row.sensor, row.channel_cell, row.remove, row.message):
            widget.hide()
            widget.deleteLater()
        self.rows.remove(row)
        self.validate()

    def _sensor_picked(self, row: _ChannelInputs) -> None:
        uuid = row.sensor.currentData()
        row.channel.clear()
        row.channel.setEnabled(False)
        row.sensor_object = None
        row.set_by_number(None)
        self.validate()
        if not uuid:
            return
        row.channel.addItem(self.tr("Loading channels…"), None)

        def loaded(sensor: Sensor) -> None:
            if row.sensor.currentData() != sensor.uuid:
                return  # the technician picked another sensor meanwhile
            row.sensor_object = sensor
            row.channel.clear()
            free_first = -1
            for channel in sensor.channels:
                label = channel_label(sensor, channel.channel_index)
                if (sensor.uuid, channel.channel_index) in self.taken:
                    label += self.tr(" — in use")
                elif free_first < 0:
                    free_first = row.channel.count()
                row.channel.addItem(label, channel.channel_index)
            row.channel.setCurrentIndex(max(free_first, 0))
            row.channel.setEnabled(bool(sensor.channels))
            self._channel_picked(row)

        def failed(error: BaseException) -> None:
            row.channel.clear()
            if row.sensor.currentData() != uuid:
                return
            if self._channels_not_offered(error):
                self.channels_note.show()
                row.set_by_number(uuid)
                self._order_tabs()
                self._channel_picked(row)
                return
            row.message.show_message(
                self.tr("Could not read the sensor: %1").replace("%1", describe_error(error))
            )

        self.tasks.spawn(self.directory.sensor(uuid), name="load-sensor", on_result=loaded, on_error=failed)

    def _channels_not_offered(self, error: BaseException) -> bool:
        """True when the cloud does not let us read sensors at all (not: this one sensor failed).
        The sensor is listed on a logger, so a 404 means the read is missing (api/optional.py)."""
        if isinstance(error, OperationNotOfferedError):
            return True
        optional = self.directory.client.optional
        return isinstance(error, NotFoundError) and optional.missing_known_resource("get_sensor")

    def _channel_picked(self, row: _ChannelInputs) -> None:
        row.propose_name()
        self.validate()

    # --- validation and create ---------------------------------------------------------------

    def validate(self) -> bool:
        ok = True
        name = self.name.text().strip()
        self.name_message.show_message("" if name else self.tr("Give the measuring object a name."))
        ok &= bool(name)
        keys = [row.key() for row in self.rows]
        problems = channel_problems(
            [(row.name.text(), key) for row, key in zip(self.rows, keys, strict=True)], self.taken
        )
        for row, key, problem in zip(self.rows, keys, problems, strict=True):
            message = ""
            if problem is ChannelProblem.NO_NAME:
                message = self.tr("Name the logical channel.")
            elif problem is ChannelProblem.DUPLICATE_NAME:
                message = self.tr("Each logical channel needs its own name.")
            elif problem is ChannelProblem.NO_SENSOR_CHANNEL and not row.sensor.currentData():
                message = self.tr("Pick the sensor that measures it.")
            elif problem is ChannelProblem.NO_SENSOR_CHANNEL and row.unreadable_sensor is not None:
                message = self.tr("Say what this channel measures.")
            elif problem is ChannelProblem.NO_SENSOR_CHANNEL:
                message = self.tr("Pick the sensor channel.")
            elif problem is ChannelProblem.TAKEN and key is not None:
                message = self.tr("This sensor channel already feeds %1.").replace("%1", self.taken[key])
            elif problem is ChannelProblem.PICKED_TWICE:
                message = self.tr("This sensor channel is already used above.")
            row.message.show_message(message)
            ok &= not message
        self.create_button.setEnabled(ok and not self.progress.isVisible())
        return ok

    def build_object(self) -> MeasuringObject:
        channels = [channel for row in self.rows for channel in [row.logical_channel()] if channel]
        return new_measuring_object(self.name.text(), channels, self.description.text())

    def create_object(self) -> None:
        if not self.validate():
            return
        obj = self.build_object()
        self.progress.show()
        self.verdict.hide()
        self.create_button.setEnabled(False)
        client, site = self.directory.client, self.directory.site

        def done(answer: MeasuringObject) -> None:
            self.progress.hide()
            self.created = as_created(obj, answer)
            self.sig_created.emit(self.created)
            self.accept()

        def refused(error: BaseException) -> None:
            self.progress.hide()
            self.verdict.setText(
                self.tr("Not created — everything you entered is still here.\n%1").replace(
                    "%1", describe_error(error)
                )
            )
            self.verdict.show()
            announce(self.verdict, self.verdict.text(), urgent=True)
            self.validate()

        self.tasks.spawn(
            client.create_measuring_object(site, obj), name="create-object", on_result=done, on_error=refused
        )
