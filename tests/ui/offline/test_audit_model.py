"""The audit log's table model passes Qt's model checks, before and after its entries are replaced."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Qt

from saveris_desktop.core.offline.audit import AuditEntry
from saveris_desktop.core.offline.change_words import Names
from saveris_desktop.ui.offline.audit_dialog import AuditTableModel


def _entry(number: int, result: str = "ok", message: str | None = None) -> AuditEntry:
    return AuditEntry(
        id=number,
        at=f"2026-11-28T08:{number:02d}:00.000+00:00",
        user="technician",
        endpoint="Europe, production",
        site="Bakery",
        kind="device",
        object_id=f"uuid-{number}",
        before={"name": "Fridge"},
        after={"name": f"Fridge {number}"},
        result=result,
        message=message,
    )


def test_the_audit_model_passes_the_model_tester_and_resets_cleanly(qtmodeltester: Any, qtbot: Any) -> None:
    model = AuditTableModel()
    model.set_entries([_entry(1), _entry(2, "failed", "the server refused the values")])
    qtmodeltester.check(model, force_py=True)
    assert model.index(1, 6).data() == "Refused — the server refused the values"
    assert model.index(0, 4).data() == "Logger name Fridge → Fridge 1"  # the change in plain words
    assert model.index(0, 5).data() == "logger …id-1"  # a logger the cache does not know: never its uuid
    assert model.headerData(0, Qt.Orientation.Horizontal) == "When"

    with qtbot.waitSignals([model.modelAboutToBeReset, model.modelReset]):
        model.set_entries([_entry(3)])
    qtmodeltester.check(model, force_py=True)
    local = datetime(2026, 11, 28, 8, 3, tzinfo=UTC).astimezone()  # stored in UTC, shown in local time
    assert model.rowCount() == 1 and model.index(0, 0).data() == local.strftime("%Y-%m-%d %H:%M")


def test_the_audit_model_names_loggers_from_the_cache(qtbot: Any) -> None:
    model = AuditTableModel()
    names = Names.from_documents(
        devices=[{"uuid": "uuid-1", "serial_number": "61100042", "name": "Fridge 3"}]
    )
    model.set_entries([_entry(1)], {"Bakery": names})
    assert model.index(0, 5).data() == "Fridge 3"
