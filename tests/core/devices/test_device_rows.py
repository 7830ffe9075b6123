from __future__ import annotations

import random
from dataclasses import replace

from saveris_desktop.api.models import Device
from saveris_desktop.core.devices.device_rows import (
    COLUMNS,
    DeviceRow,
    apply_plan,
    device_type,
    plan_refresh,
    row_from_device,
)


def _row(uuid: str, status: str = "OK") -> DeviceRow:
    return DeviceRow(uuid, f"SN{uuid}", "QSR", "QSR / WiFi logger", "1.0", "1 of 1", "", status)


def test_row_from_device_reads_every_column() -> None:
    device = Device.model_validate(
        {
            "uuid": "u1",
            "serial_number": "61234567",
            "model_code": "SAVERIS2_T2",
            "firmware": {"firmware_version": "2.4.1"},
            "valid_from": "2026-01-01T10:00:00Z",
            "sensors_connections": [
                {
                    "slot_index": 0,
                    "sensor_uuid": "s1",
                    "connected": True,
                    "connected_change_date": "2026-03-01T08:00:00Z",
                },
                {
                    "slot_index": 1,
                    "sensor_uuid": "s2",
                    "connected": False,
                    "connected_change_date": "2026-02-01T08:00:00Z",
                },
            ],
        }
    )
    row = row_from_device(device)
    assert row.serial_number == "61234567"
    assert row.device_type == "Saveris 2 logger"
    assert row.firmware == "2.4.1"
    assert row.sensors == "1 of 2"
    assert row.last_change == "2026-03-01T08:00:00Z"
    assert row.status == "1 sensor(s) disconnected"
    assert row.value(COLUMNS.index("serial_number")) == "61234567"


def test_last_change_takes_the_latest_of_modification_and_contact() -> None:
    device = Device.model_validate(
        {
            "uuid": "u",
            "valid_from": "2026-01-01T00:00:00Z",
            "last_modified": "2026-03-01T00:00:00Z",
            "connection": {"last_communication": "2026-02-01T00:00:00Z"},
        }
    )
    assert row_from_device(device).last_change == "2026-03-01T00:00:00Z"


def test_status_from_server_field_comes_first() -> None:
    device = Device.model_validate({"uuid": "u", "online": False})
    assert row_from_device(device).status == "Offline · No sensors"
    assert row_from_device(_device(connection_status="LOST_CONTACT")).status == "Lost contact"


def test_device_types() -> None:
    assert device_type("TESTO_164_GATEWAY") == "testo 164 gateway"
    assert device_type("QSR_LOGGER") == "QSR / WiFi logger"
    assert device_type("unknown", "PF_ANY") == "Logger"
    assert device_type("0572 3010", "PF_ANY", "PT_QSR_TEMPERATURE") == "QSR / WiFi logger"
    assert device_type("0572 2032", "PF_ANY", "PT_SAVERIS2") == "Saveris 2 logger"


def test_search_matches_any_column() -> None:
    row = _row("abc")
    assert row.matches("snab")
    assert row.matches("wifi")
    assert not row.matches("gateway")


def test_unchanged_poll_plans_nothing() -> None:
    rows = [_row(str(i)) for i in range(10)]
    assert plan_refresh(rows, list(rows)).empty


def test_changed_rows_are_updated_in_place_with_their_columns() -> None:
    rows = [_row(str(i)) for i in range(5)]
    fresh = list(rows)
    fresh[3] = replace(rows[3], status="Offline")
    plan = plan_refresh(rows, fresh)
    assert plan.removals == [] and plan.appends == []
    assert plan.updates == [(3, fresh[3], [COLUMNS.index("status")])]


def test_removals_are_contiguous_ranges_highest_first() -> None:
    rows = [_row(str(i)) for i in range(8)]
    fresh = [rows[0], rows[3], rows[4], rows[7]]
    plan = plan_refresh(rows, fresh)
    assert plan.removals == [(5, 6), (1, 2)]


def test_random_polls_reach_the_fresh_list() -> None:
    rng = random.Random(7)
    rows = [_row(str(i)) for i in range(200)]
    for _ in range(30):
        fresh = [r for r in rows if rng.random() > 0.05]
        fresh = [replace(r, status="Offline") if rng.random() < 0.05 else r for r in fresh]
        fresh += [_row(f"n{rng.randrange(10**9)}") for _ in range(rng.randrange(5))]
        rng.shuffle(fresh)  # the server's order must not matter
        plan = plan_refresh(rows, fresh)
        apply_plan(rows, plan)
        assert sorted(rows, key=lambda r: r.uuid) == sorted(fresh, key=lambda r: r.uuid)


def _device(**fields) -> Device:
    connections = [{"slot_index": 0, "sensor_uuid": "s1", "connected": True}]
    return Device.model_validate({"uuid": "u", "sensors_connections": connections, **fields})


def test_status_says_ok_with_the_charge_when_nothing_needs_attention() -> None:
    assert row_from_device(_device()).status == "OK"
    assert row_from_device(_device(battery={"level_percent": 87})).status == "OK · battery 87 %"


def test_status_lists_what_needs_attention_most_important_first() -> None:
    device = _device(
        online=False,
        battery={"level_percent": 20},
        firmware={"firmware_version": "2.4.1", "update_available": True},
    )
    assert row_from_device(device).status == "Offline · Battery low (20 %) · Firmware update available"
    assert row_from_device(_device(battery={"level_percent": 21})).status == "OK · battery 21 %"
    assert row_from_device(_device(battery={"level_percent": True})).status == "OK"  # not a level
    assert row_from_device(Device.model_validate({"uuid": "u"})).status == "No sensors"


def test_an_empty_slot_is_no_sensor_and_an_unknown_state_no_warning() -> None:
    from tests.api.payloads import redoc_device_with_gaps

    row = row_from_device(Device.model_validate(redoc_device_with_gaps()))
    assert row.sensors == "1 of 1"  # the empty slot (sensor_uuid null) is not counted
    assert row.status == "OK" and row.readable
    assert row.serial_number == "61234567" and row.device_type == "PF_SAVERIS_QSR"  # shown verbatim

    unknown = redoc_device_with_gaps()
    unknown["sensors_connections"][0]["connected"] = None
    assert "disconnected" not in row_from_device(Device.model_validate(unknown)).status


def test_a_device_that_cannot_be_read_is_a_row_keyed_apart_from_devices() -> None:
    from saveris_desktop.api.listing import UnreadableItem
    from saveris_desktop.core.devices.device_rows import row_from_unreadable

    item = UnreadableItem(4, {"uuid": "u1", "serial_number": 60000001, "name": "Fridge"}, "uuid", "missing")
    row = row_from_unreadable(item)
    assert (row.serial_number, row.name, row.status) == ("60000001", "Fridge", "Not readable")
    assert not row.readable and row.unreadable_reason == "uuid: missing"
    assert row.uuid == "unreadable:u1" != "u1"  # selecting it never opens the device "u1"
    assert row.matches("not readable")
