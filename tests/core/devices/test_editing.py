from __future__ import annotations

from typing import Any

from saveris_desktop.core.devices.editing import EditSession, diff, dotted, leaves

SERVER: dict[str, Any] = {
    "uuid": "d-1",
    "serial_number": "12345678",
    "measuring_cycle": 900_000,
    "communication_cycle": 3_600_000,
    "firmware": {"firmware_version": "1.2", "firmware_code": "X"},
    "sensors_connections": [{"slot_index": 0, "sensor_uuid": "s-1", "connected": True}],
    "vendor_secret_field": {"keep": [1, 2, 3]},
}


def test_a_fresh_session_is_clean_and_sends_the_server_payload() -> None:
    session = EditSession(SERVER)
    assert not session.dirty
    assert session.changes() == []
    assert session.payload() == SERVER


def test_edit_marks_dirty_and_payload_keeps_unknown_fields() -> None:
    session = EditSession(SERVER)
    session.set(("measuring_cycle",), 60_000)
    assert session.dirty
    payload = session.payload()
    assert payload["measuring_cycle"] == 60_000
    assert payload["vendor_secret_field"] == {"keep": [1, 2, 3]}
    assert {k: v for k, v in payload.items() if k != "measuring_cycle"} == {
        k: v for k, v in SERVER.items() if k != "measuring_cycle"
    }
    [change] = session.changes()
    assert change.path == ("measuring_cycle",)
    assert (change.before, change.after) == (900_000, 60_000)


def test_setting_the_server_value_again_is_no_edit() -> None:
    session = EditSession(SERVER)
    session.set(("measuring_cycle",), 60_000)
    session.set(("measuring_cycle",), 900_000)
    assert not session.dirty
    assert list(session.edits) == []


def test_nested_edit_and_dotted_name() -> None:
    session = EditSession(SERVER)
    session.set(("sensors_connections", 0, "connected"), False)
    [change] = session.changes()
    assert change.dotted == "sensors_connections[0].connected"
    assert session.payload()["sensors_connections"][0]["sensor_uuid"] == "s-1"


def test_revert_restores_the_server_state() -> None:
    session = EditSession(SERVER)
    session.set(("measuring_cycle",), 60_000)
    session.revert()
    assert not session.dirty
    assert session.payload() == SERVER


def test_rebase_keeps_the_edit_and_takes_new_server_fields() -> None:
    session = EditSession(SERVER)
    session.set(("measuring_cycle",), 60_000)
    refreshed = {**SERVER, "communication_cycle": 7_200_000, "new_field": "x"}
    session.rebase(refreshed)
    assert session.get(("measuring_cycle",)) == 60_000
    assert session.payload()["communication_cycle"] == 7_200_000
    assert session.payload()["new_field"] == "x"
    assert [c.path for c in session.changes()] == [("measuring_cycle",)]


def test_accept_makes_the_answer_the_new_clean_base() -> None:
    session = EditSession(SERVER)
    session.set(("measuring_cycle",), 60_000)
    session.accept({**SERVER, "measuring_cycle": 60_000})
    assert not session.dirty
    assert session.base["measuring_cycle"] == 60_000


def test_on_change_fires_for_every_change_and_drafts_restore() -> None:
    seen: list[bool] = []
    session = EditSession(SERVER, key="device:d-1", on_change=lambda s: seen.append(s.dirty))
    session.set(("measuring_cycle",), 60_000)
    session.set(("name",), "Fridge 1")
    saved = session.edits_as_json()
    session.revert()
    assert seen == [True, True, False]

    restored = EditSession(SERVER)
    restored.restore(saved)
    assert restored.payload() == {**SERVER, "measuring_cycle": 60_000, "name": "Fridge 1"}
    added = [c for c in restored.changes() if c.added]
    assert [c.path for c in added] == [("name",)]


def test_parent_edit_replaces_child_edits_and_child_edit_updates_parent() -> None:
    session = EditSession(SERVER)
    session.set(("firmware", "firmware_code"), "Y")
    session.set(("firmware",), {"firmware_version": "2.0", "firmware_code": "Z"})
    assert session.get(("firmware",)) == {"firmware_version": "2.0", "firmware_code": "Z"}
    session.set(("firmware", "firmware_code"), "W")
    assert session.payload()["firmware"] == {"firmware_version": "2.0", "firmware_code": "W"}


def test_session_state_cannot_be_changed_through_returned_copies() -> None:
    session = EditSession(SERVER)
    session.payload()["measuring_cycle"] = 1
    session.current["firmware"]["firmware_code"] = "hack"
    assert not session.dirty


def test_diff_lists_added_and_removed_list_items() -> None:
    changes = diff({"a": [1, 2]}, {"a": [1], "b": True})
    assert [(c.path, c.removed, c.added) for c in changes] == [(("a", 1), True, False), (("b",), False, True)]
    # 1 and 1.0 compare equal in Python but are different JSON: the before/after view must show it.
    assert diff({"x": 1}, {"x": 1.0}) != []


def test_an_int_edited_into_a_float_is_a_change() -> None:
    session = EditSession({"offset": 1})
    session.set(("offset",), 1.0)
    assert session.dirty
    assert session.payload()["offset"] == 1.0


def test_a_whole_new_object_is_listed_value_by_value() -> None:
    session = EditSession({"alarms": []})
    session.set(("alarms",), [{"kind": "battery", "delay": 0, "channels": [], "limits": {"upper": 8.0}}])
    [change] = session.changes()
    assert change.added and change.dotted == "alarms[0]"
    assert change.whole_object == {"kind": "battery", "delay": 0, "channels": [], "limits": {"upper": 8.0}}
    assert [(dotted(path), value) for path, value in leaves(change.whole_object)] == [
        ("kind", "battery"),
        ("delay", 0),
        ("channels", []),
        ("limits.upper", 8.0),
    ]
    assert leaves(5) == [((), 5)]


def test_a_changed_plain_value_is_no_whole_object() -> None:
    session = EditSession(SERVER)
    session.set(("measuring_cycle",), 60_000)
    [change] = session.changes()
    assert change.whole_object is None
    session.set(("sensors_connections",), [])
    removed = next(c for c in session.changes() if c.removed)
    assert removed.whole_object == SERVER["sensors_connections"][0]
