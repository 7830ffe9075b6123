from __future__ import annotations

import json

import pytest

from saveris_desktop.core.offline.merge import (
    MISSING,
    Conflict,
    ItemKey,
    Side,
    UnresolvedConflictError,
    diff,
    format_path,
    three_way_merge,
)


def test_disjoint_changes_merge_on_their_own() -> None:
    base = {"name": "Logger", "measuring_cycle": 60000, "communication_cycle": 900000, "extra": {"a": 1}}
    mine = {**base, "measuring_cycle": 120000}
    server = {**base, "communication_cycle": 600000, "extra": {"a": 1, "b": 2}}
    result = three_way_merge(base, mine, server)
    assert result.clean
    assert result.merged == {
        "name": "Logger",
        "measuring_cycle": 120000,
        "communication_cycle": 600000,
        "extra": {"a": 1, "b": 2},
    }


def test_same_field_changed_on_both_sides_is_a_conflict_until_chosen() -> None:
    base = {"name": "Fridge", "measuring_cycle": 60000, "comment": "x"}
    mine = {"name": "Fridge 3", "measuring_cycle": 60000, "comment": "y"}
    server = {"name": "Freezer", "measuring_cycle": 30000, "comment": "x"}
    result = three_way_merge(base, mine, server)
    assert result.conflicts == [Conflict(("name",), "Fridge", "Fridge 3", "Freezer")]
    with pytest.raises(UnresolvedConflictError):
        result.resolve({})
    assert result.resolve({("name",): Side.MINE}) == {
        "name": "Fridge 3",
        "measuring_cycle": 30000,
        "comment": "y",
    }
    assert result.resolve({("name",): Side.SERVER})["name"] == "Freezer"
    assert result.resolve({("name",): Side.BASE})["name"] == "Fridge"


def test_both_sides_making_the_same_change_is_no_conflict() -> None:
    result = three_way_merge({"a": 1}, {"a": 2}, {"a": 2})
    assert result.clean and result.merged == {"a": 2}


def test_true_is_not_one() -> None:
    result = three_way_merge({"enabled": 1}, {"enabled": True}, {"enabled": 2})
    assert not result.clean


def test_keyed_lists_merge_per_item() -> None:
    base = {
        "alarms": [
            {"alarm_type": "BATTERY_LOW", "enabled": True},
            {"alarm_type": "CONNECTION_TIMEOUT", "delay": 0},
        ]
    }
    mine = {
        "alarms": [
            {"alarm_type": "BATTERY_LOW", "enabled": False},
            {"alarm_type": "CONNECTION_TIMEOUT", "delay": 0},
        ]
    }
    server = {
        "alarms": [
            {"alarm_type": "BATTERY_LOW", "enabled": True},
            {"alarm_type": "CONNECTION_TIMEOUT", "delay": 600000},
            {"alarm_type": "SENSOR_BROKEN", "enabled": True},
        ]
    }
    result = three_way_merge(base, mine, server)
    assert result.clean
    assert result.merged["alarms"] == [
        {"alarm_type": "BATTERY_LOW", "enabled": False},
        {"alarm_type": "CONNECTION_TIMEOUT", "delay": 600000},
        {"alarm_type": "SENSOR_BROKEN", "enabled": True},
    ]


def test_item_removed_here_but_changed_on_server_is_a_conflict() -> None:
    base = {"channels": [{"uuid": "a", "name": "T"}, {"uuid": "b", "name": "H"}]}
    mine = {"channels": [{"uuid": "a", "name": "T"}]}
    server = {"channels": [{"uuid": "a", "name": "T"}, {"uuid": "b", "name": "Humidity"}]}
    result = three_way_merge(base, mine, server)
    [conflict] = result.conflicts
    assert conflict.path == ("channels", ItemKey(("uuid",), ("b",)))
    assert conflict.mine is MISSING
    assert format_path(conflict.path) == "channels[uuid=b]"
    assert result.resolve({conflict.path: Side.MINE}) == mine
    assert result.resolve({conflict.path: Side.SERVER}) == server


def test_unkeyed_lists_are_one_value() -> None:
    result = three_way_merge({"l": [1, 2]}, {"l": [1, 2, 3]}, {"l": [0, 1, 2]})
    assert [c.path for c in result.conflicts] == [("l",)]


def test_composite_key_for_alarm_conditions() -> None:
    def cond(kind: str, severity: str, value: float) -> dict[str, object]:
        return {"measurementAlarmConditionTypeId": kind, "alarmSeverityId": severity, "limitValue": value}

    base = {"c": [cond("MACT_LOWER_LIMIT", "ASV_ALARM", 2.0), cond("MACT_UPPER_LIMIT", "ASV_ALARM", 8.0)]}
    mine = {"c": [cond("MACT_LOWER_LIMIT", "ASV_ALARM", 3.0), cond("MACT_UPPER_LIMIT", "ASV_ALARM", 8.0)]}
    server = {"c": [cond("MACT_LOWER_LIMIT", "ASV_ALARM", 2.0), cond("MACT_UPPER_LIMIT", "ASV_ALARM", 7.0)]}
    result = three_way_merge(base, mine, server)
    assert result.clean
    assert [c["limitValue"] for c in result.merged["c"]] == [3.0, 7.0]


def test_diff_names_changed_fields() -> None:
    changes = diff({"a": 1, "b": {"c": 2}, "d": 5}, {"a": 1, "b": {"c": 3}, "e": 6})
    assert [(c.label, c.before, c.after) for c in changes] == [
        ("b.c", 2, 3),
        ("d", 5, MISSING),
        ("e", MISSING, 6),
    ]


def test_conflict_round_trips_through_json() -> None:
    conflict = Conflict(("x", ItemKey(("uuid",), ("u1",)), "y"), MISSING, 1, {"k": [1]})
    assert Conflict.from_json(conflict.to_json()) == conflict


def test_an_order_changed_on_one_side_only_is_kept() -> None:
    base = {"channels": [{"uuid": "a", "v": 1}, {"uuid": "b", "v": 1}]}
    mine = {"channels": [{"uuid": "b", "v": 1}, {"uuid": "a", "v": 1}]}  # moved up here
    server = {"channels": [{"uuid": "a", "v": 2}, {"uuid": "b", "v": 1}, {"uuid": "c", "v": 1}]}
    result = three_way_merge(base, mine, server)
    assert result.clean
    assert result.merged == {
        "channels": [{"uuid": "b", "v": 1}, {"uuid": "a", "v": 2}, {"uuid": "c", "v": 1}]
    }
    # the same when the server moved them and this side changed an item
    result = three_way_merge(base, server, mine)
    assert result.clean and [c["uuid"] for c in result.merged["channels"]] == ["b", "a", "c"]


def test_orders_changed_differently_on_both_sides_are_a_conflict() -> None:
    base = {"l": [{"uuid": "a"}, {"uuid": "b"}, {"uuid": "c"}]}
    mine = {"l": [{"uuid": "c"}, {"uuid": "a"}, {"uuid": "b"}]}
    server = {"l": [{"uuid": "b"}, {"uuid": "a"}, {"uuid": "c"}]}
    result = three_way_merge(base, mine, server)
    [conflict] = result.conflicts
    assert conflict.path == ("l",)
    assert result.resolve({("l",): Side.MINE}) == mine


@pytest.mark.parametrize("key", ["measuring_object_uuid", "mo_uuid"])
def test_measuring_objects_in_the_sibling_shape_merge_per_object(key: str) -> None:
    base = {"objects": [{key: "a", "x": 1}, {key: "b", "x": 1}]}
    mine = {"objects": [{key: "a", "x": 2}, {key: "b", "x": 1}]}
    server = {"objects": [{key: "b", "x": 3}, {key: "a", "x": 1}, {key: "c", "x": 1}]}
    result = three_way_merge(base, mine, server)
    assert result.clean
    assert result.merged == {"objects": [{key: "b", "x": 3}, {key: "a", "x": 2}, {key: "c", "x": 1}]}


def test_sensor_channels_numbered_by_channel_id_merge_per_channel() -> None:
    base = {"channels": [{"channel_id": 9241001, "u": "°C"}, {"channel_id": 9241002, "u": "%rF"}]}
    mine = {"channels": [{"channel_id": 9241001, "u": "°F"}, {"channel_id": 9241002, "u": "%rF"}]}
    server = {"channels": [{"channel_id": 9241002, "u": "%rF", "n": 1}, {"channel_id": 9241001, "u": "°C"}]}
    result = three_way_merge(base, mine, server)
    assert result.clean
    assert result.merged["channels"] == [
        {"channel_id": 9241002, "u": "%rF", "n": 1},
        {"channel_id": 9241001, "u": "°F"},
    ]


def test_an_item_the_server_removed_comes_back_when_the_technician_keeps_theirs() -> None:
    base = {"channels": [{"uuid": "a", "name": "T"}, {"uuid": "b", "name": "H", "limits": {"upper": 80}}]}
    mine = {
        "channels": [{"uuid": "a", "name": "T"}, {"uuid": "b", "name": "Humidity", "limits": {"upper": 70}}]
    }
    server = {"channels": [{"uuid": "a", "name": "T"}]}
    result = three_way_merge(base, mine, server)
    [conflict] = result.conflicts
    assert conflict.server is MISSING
    kept = result.resolve({conflict.path: Side.MINE})
    assert kept == mine
    kept["channels"][1]["limits"]["upper"] = 1  # the document is the caller's to change
    assert result.resolve({conflict.path: Side.MINE}) == mine
    assert mine["channels"][1]["limits"] == {"upper": 70}  # and the technician's edit is not touched
    assert result.resolve({conflict.path: Side.SERVER}) == server


def test_a_choice_inside_a_list_item_lands_in_that_item() -> None:
    base = {"channels": [{"uuid": "a", "name": "T"}, {"uuid": "b", "name": "H"}]}
    mine = {"channels": [{"uuid": "a", "name": "T"}, {"uuid": "b", "name": "Mine"}]}
    server = {"channels": [{"uuid": "a", "name": "T"}, {"uuid": "b", "name": "Theirs"}]}
    result = three_way_merge(base, mine, server)
    [conflict] = result.conflicts
    assert conflict.label == "channels[uuid=b].name"
    assert result.resolve({conflict.path: Side.MINE}) == mine


def test_resolving_leaves_the_merge_result_as_it_was() -> None:
    """The technician may change their mind: every resolve starts from the same merge."""
    base = {"settings": {"name": "T", "cycle": {"s": 60}}}
    mine = {"settings": {"name": "Mine", "cycle": {"s": 120}}}
    server = {"settings": {"name": "Theirs", "cycle": {"s": 30}}}
    result = three_way_merge(base, mine, server)
    choices = {c.path: Side.MINE for c in result.conflicts}
    first = result.resolve(choices)
    assert first == mine
    first["settings"]["cycle"]["s"] = 1  # whoever got the document goes on editing it
    assert result.merged == server
    assert result.resolve(choices) == mine
    assert result.resolve({c.path: Side.SERVER for c in result.conflicts}) == server


def test_an_object_or_list_added_on_both_sides_merges_per_field() -> None:
    base: dict[str, object] = {}
    result = three_way_merge(base, {"extra": {"a": 1}}, {"extra": {"b": 2}})
    assert result.clean and result.merged == {"extra": {"b": 2, "a": 1}}
    result = three_way_merge(base, {"l": [{"uuid": "m"}]}, {"l": [{"uuid": "s"}]})
    assert result.clean and result.merged == {"l": [{"uuid": "s"}, {"uuid": "m"}]}
    # a field that was a number and became an object on both sides: nothing to merge per field
    result = three_way_merge({"x": 5}, {"x": {"a": 1}}, {"x": {"b": 2}})
    assert [c.path for c in result.conflicts] == [("x",)]
    result = three_way_merge({"x": 5}, {"x": [{"uuid": "m"}]}, {"x": [{"uuid": "s"}]})
    assert [c.path for c in result.conflicts] == [("x",)]


def test_items_added_on_both_sides_follow_the_servers_order() -> None:
    base = {"l": [{"uuid": "a"}]}
    mine = {"l": [{"uuid": "a"}, {"uuid": "mine"}]}
    server = {"l": [{"uuid": "a"}, {"uuid": "theirs"}]}
    result = three_way_merge(base, mine, server)
    assert result.clean
    assert [item["uuid"] for item in result.merged["l"]] == ["a", "theirs", "mine"]


def test_orders_changed_differently_show_all_three_orders() -> None:
    base = {"l": [{"uuid": "a"}, {"uuid": "b"}, {"uuid": "c"}]}
    mine = {"l": [{"uuid": "c"}, {"uuid": "a"}, {"uuid": "b"}]}
    server = {"l": [{"uuid": "b"}, {"uuid": "a"}, {"uuid": "c"}]}
    [conflict] = three_way_merge(base, mine, server).conflicts
    assert (conflict.base, conflict.mine, conflict.server) == (base["l"], mine["l"], server["l"])


def test_lists_inside_list_items_merge_per_item_too() -> None:
    def logger(channels: list[dict[str, object]]) -> dict[str, object]:
        return {"objects": [{"uuid": "o1", "channels": channels}]}

    base = logger([{"channel_no": 1, "v": 1}, {"channel_no": 2, "v": 1}])
    mine = logger([{"channel_no": 1, "v": 2}, {"channel_no": 2, "v": 1}])
    server = logger([{"channel_no": 1, "v": 1}, {"channel_no": 2, "v": 3}])
    result = three_way_merge(base, mine, server)
    assert result.clean
    assert result.merged == logger([{"channel_no": 1, "v": 2}, {"channel_no": 2, "v": 3}])


def test_a_list_whose_items_share_an_id_is_one_value_and_loses_no_item() -> None:
    base = {"l": [{"uuid": "a", "v": 1}, {"uuid": "a", "v": 2}]}
    mine = {"l": [{"uuid": "a", "v": 1}, {"uuid": "a", "v": 2}, {"uuid": "b", "v": 1}]}
    server = {"l": [{"uuid": "a", "v": 1}, {"uuid": "a", "v": 5}]}
    result = three_way_merge(base, mine, server)
    [conflict] = result.conflicts
    assert conflict.path == ("l",)
    assert result.resolve({("l",): Side.MINE}) == mine
    # one item without any id: the list is one value too, not an item keyed by "nothing"
    result = three_way_merge({"l": [{"v": 1}]}, {"l": [{"v": 2}]}, {"l": [{"v": 3}]})
    assert [c.path for c in result.conflicts] == [("l",)]


def test_diff_names_the_list_item_that_changed() -> None:
    before = {"channels": [{"uuid": "a", "name": "T"}, {"uuid": "b", "name": "H"}]}
    after = {"channels": [{"uuid": "b", "name": "Humidity"}, {"uuid": "c", "name": "P"}]}
    changes = diff(before, after)
    assert [(c.label, c.before, c.after) for c in changes] == [
        ("channels[uuid=a]", {"uuid": "a", "name": "T"}, MISSING),
        ("channels[uuid=b].name", "H", "Humidity"),
        ("channels[uuid=c]", MISSING, {"uuid": "c", "name": "P"}),
    ]
    assert diff({"l": [1, 2]}, {"l": [2, 1]})[0].label == "l"  # unkeyed: the whole list
    nested = diff(
        {"objects": [{"uuid": "o", "channels": [{"channel_no": 1, "v": 1}]}]},
        {"objects": [{"uuid": "o", "channels": [{"channel_no": 1, "v": 2}]}]},
    )
    assert [c.label for c in nested] == ["objects[uuid=o].channels[channel_no=1].v"]


def test_labels_for_composite_keys_and_the_whole_object() -> None:
    key = ItemKey(("measurementAlarmConditionTypeId", "alarmSeverityId"), ("MACT_LOWER_LIMIT", "ASV_ALARM"))
    assert (
        format_path(("c", key))
        == "c[measurementAlarmConditionTypeId=MACT_LOWER_LIMIT, alarmSeverityId=ASV_ALARM]"
    )
    [conflict] = three_way_merge("a", "b", "c").conflicts
    assert conflict.label == "(whole object)"


def test_a_conflict_with_an_absent_side_survives_storage_as_json_text() -> None:
    conflict = Conflict(("x",), 1, MISSING, 2)
    stored = json.loads(json.dumps(conflict.to_json()))
    assert Conflict.from_json(stored) == conflict and Conflict.from_json(stored).mine is MISSING


def test_each_side_removing_a_different_one_of_two_items_with_the_same_id_is_a_conflict() -> None:
    base = {"l": [{"uuid": "a", "v": 1}, {"uuid": "a", "v": 2}]}
    mine = {"l": [{"uuid": "a", "v": 1}]}
    server = {"l": [{"uuid": "a", "v": 2}]}
    result = three_way_merge(base, mine, server)
    assert [c.path for c in result.conflicts] == [("l",)]  # never a silent pick of one of them


@pytest.mark.parametrize("key", [0.5, True], ids=["decimal", "true"])
def test_only_text_and_whole_numbers_identify_list_items(key: object) -> None:
    base = {"l": [{"slot_index": key, "v": 1}]}
    mine = {"l": [{"slot_index": key, "v": 2}]}
    server = {"l": [{"slot_index": key, "v": 3}]}
    assert [c.path for c in three_way_merge(base, mine, server).conflicts] == [("l",)]
