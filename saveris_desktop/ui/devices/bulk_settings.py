"""Measurement settings for several loggers at once: the form, and the change run for each logger.

The allowed range of each cycle is what every selected logger accepts. Each logger's change is the
one "apply or queue" operation (core.devices.apply) the editors use: read the logger (the cache answers
offline), send it with the new cycles, or, without a network, queue it on the last known version
(the outbox checks the cloud's state and merges before it sends).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from saveris_desktop.api.errors import NetworkError
from saveris_desktop.api.models import Device
from saveris_desktop.core.devices.apply import Change as QueuedChange
from saveris_desktop.core.devices.apply import apply_or_queue
from saveris_desktop.core.devices.ranges import DurationRange, cycle_ranges
from saveris_desktop.core.offline.drafts import DraftKind
from saveris_desktop.ui import locale_format
from saveris_desktop.ui.devices.bulk_dialog import BulkApplyDialog, Change
from saveris_desktop.ui.devices.editor_context import EditorContext
from saveris_desktop.ui.devices.fields import DurationField
from saveris_desktop.ui.widgets.glove import GloveCheckBox


def intersect(ranges: list[DurationRange]) -> DurationRange:
    """What every one of several devices accepts."""
    lows = [r.minimum_ms for r in ranges if r.minimum_ms is not None]
    highs = [r.maximum_ms for r in ranges if r.maximum_ms is not None]
    return DurationRange(max(lows) if lows else None, min(highs) if highs else None)


def common_cycle_ranges(devices: list[Device]) -> tuple[DurationRange, DurationRange] | None:
    """(measuring, communication) cycle ranges every one of `devices` accepts; None without devices."""
    if not devices:
        return None
    pairs = [cycle_ranges(d.to_payload()) for d in devices]
    return intersect([p[0] for p in pairs]), intersect([p[1] for p in pairs])


class BulkSettingsForm(QWidget):
    """Which cycles to set, and to what."""

    def __init__(self, ranges: tuple[DurationRange, DurationRange], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.measuring_on = GloveCheckBox(self.tr("Measuring cycle"), self)
        self.measuring_on.setObjectName("bulk_measuring_on")
        self.measuring_on.setAccessibleName(self.tr("Set the measuring cycle"))
        self.measuring = DurationField("bulk_measuring_cycle", self.tr("Measuring cycle for all"), self)
        self.measuring.set_allowed(ranges[0])
        self.communication_on = GloveCheckBox(self.tr("Communication cycle"), self)
        self.communication_on.setObjectName("bulk_communication_on")
        self.communication_on.setAccessibleName(self.tr("Set the communication cycle"))
        self.communication = DurationField(
            "bulk_communication_cycle", self.tr("Communication cycle for all"), self
        )
        self.communication.set_allowed(ranges[1])
        layout = QFormLayout(self)
        layout.addRow(self.measuring_on, self.measuring)
        layout.addRow(self.communication_on, self.communication)
        layout.addRow(QLabel(self.tr("The allowed range is what every selected logger accepts.")))

    def changes(self) -> dict[str, int] | str:
        """The payload changes, or why there are none yet (one sentence for the technician)."""
        changes: dict[str, int] = {}
        for switch, field, key in (
            (self.measuring_on, self.measuring, "measuring_cycle"),
            (self.communication_on, self.communication, "communication_cycle"),
        ):
            if switch.isChecked():
                value = field.value()
                if field.problem() or value is None:
                    return field.problem() or self.tr("Enter the %1.").replace("%1", switch.text().lower())
                changes[key] = value
        if not changes:
            return self.tr("Tick at least one setting to apply.")
        return changes

    def describe(self, changes: dict[str, int]) -> str:
        # Translated phrases, not the payload's key names: the result column is read by technicians.
        phrases = {
            "measuring_cycle": self.tr("measuring cycle %1"),
            "communication_cycle": self.tr("communication cycle %1"),
        }
        return ", ".join(phrases[k].replace("%1", locale_format.duration(v)) for k, v in changes.items())


def open_bulk_settings(
    context: EditorContext,
    uuids: list[str],
    listed: Callable[[str], Device | None],
    parent: QWidget,
) -> BulkApplyDialog:
    """The dialog for the loggers `uuids` of the site of `context`; `listed`: a logger as last listed."""
    devices = [d for d in (listed(u) for u in uuids) if d is not None]
    ranges = common_cycle_ranges(devices) or (DurationRange(None, None), DurationRange(None, None))
    form = BulkSettingsForm(ranges)

    def change_factory() -> Change | str:
        changes = form.changes()
        if isinstance(changes, str):
            return changes
        words = form.describe(changes)

        async def change(uuid: str) -> str:
            client, site, known = context.client, context.site, listed(uuid)
            try:
                device = await client.read_device(site, uuid, listed=known)
            except NetworkError:
                if known is None or context.queue is None:
                    raise
                device = known  # the last listing: the outbox checks the cloud's state before sending
            changed = device.with_changes(**changes)
            applied = await apply_or_queue(
                QueuedChange(site, DraftKind.DEVICE, uuid, changed.to_payload(), device.to_payload()),
                lambda: client.put_device(site, changed),
                context.queue,
            )
            if applied.queued:
                return form.tr("queued (no connection), sent by itself later: %1").replace("%1", words)
            return words

        return change

    items = []
    for uuid in uuids:
        device = listed(uuid)
        label = form.tr("Logger %1").replace("%1", (device.serial_number if device else None) or uuid)
        items.append((uuid, label))
    return BulkApplyDialog(
        form.tr("Apply settings to loggers"),
        items,
        change_factory,
        context.tasks,
        form=form,
        heading=form.tr("%n logger(s) selected.", "", len(items)),
        item_header=form.tr("Logger"),
        parent=parent,
    )
