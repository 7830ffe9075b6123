"""Measuring objects, their logical channels, instruction sets and measurement alarm configurations.

Functions over the World (the caller holds `World.lock`), raising `Refusal` like the World and rules.py do.
A logical channel names a physical channel of a sensor of the same site ([V]: "the sensor channel
with the sensor uuid"); a sensor channel feeds at most one logical channel of the site (409).
"""

from __future__ import annotations

import copy
from typing import Any

from .catalog import CONDITION_TYPES, CYCLE_BOUNDS_MS, MAX_ALARM_DELAY_MS, SEVERITIES, UNITS_BY_VALUE
from .documents import listing
from .validation import Obj, fail
from .world import NAME_MAX, Scope, World


def list_measuring_objects(world: World, scope: Scope) -> list[dict[str, Any]]:
    world.site(scope)
    return [copy.deepcopy(doc) for doc in world.objects_of(scope)]


def measuring_object(world: World, scope: Scope, object_uuid: str) -> dict[str, Any]:
    return copy.deepcopy(world.owned(world.measuring_objects, "measuring object", scope, object_uuid))


def create_measuring_object(world: World, scope: Scope, value: Any) -> dict[str, Any]:
    world.site(scope)
    body = Obj(value)
    body.only(("uuid", "customer_site", "name", "description", "logical_channels"))
    if body.data.get("uuid") is not None:
        fail("uuid is assigned by the server: leave it out when creating a measuring object")
    sent_site = body.opt_string("customer_site")
    if sent_site is not None and sent_site != scope.site:
        fail(f"customer_site {sent_site!r} differs from the site parameter {scope.site!r}")
    name = body.string("name", max_length=NAME_MAX).strip()
    if any(doc["name"].casefold() == name.casefold() for doc in world.objects_of(scope)):
        fail(f"a measuring object named {name!r} already exists in site {scope.site!r}", status=409)
    description = body.opt_string("description", max_length=500)
    channels = body.objects("logical_channels", max_items=16)
    if not channels:
        fail("logical_channels must name at least one channel")
    taken = _fed_channels(world, scope)
    logical: list[dict[str, Any]] = []
    for channel in channels:
        logical.append(_logical_channel(world, scope, channel, logical, taken))
    object_uuid = world.new_uuid()
    created = world.now_iso()
    doc: dict[str, Any] = {
        "uuid": object_uuid,
        "customer_uuid": scope.customer_uuid,
        "customer_site": scope.site,
        "name": name,
        "description": description,
        "logical_channels": logical,
        "created_at": created,
    }
    world.measuring_objects[object_uuid] = doc
    world.instruction_sets[object_uuid] = {"measuring_cycle": None, "communication_cycle": None}
    world.object_alarms[object_uuid] = {"channel_alarm_configurations": [], "updated_at": created}
    world.changed()
    return copy.deepcopy(doc)


def _fed_channels(world: World, scope: Scope) -> dict[tuple[str, int], str]:
    """(sensor uuid, channel index) -> "channel 'X' of measuring object 'Y'" for this site."""
    fed: dict[tuple[str, int], str] = {}
    for doc in world.objects_of(scope):
        for channel in doc["logical_channels"]:
            ref = channel.get("sensor_channel")
            if ref is not None:
                fed[(ref["sensor_uuid"], ref["channel_index"])] = (
                    f"logical channel {channel['name']!r} of measuring object {doc['name']!r}"
                )
    return fed


def _logical_channel(
    world: World, scope: Scope, channel: Obj, earlier: list[dict[str, Any]], taken: dict[tuple[str, int], str]
) -> dict[str, Any]:
    channel.only(("uuid", "name", "physical_value_id", "physical_unit_id", "sensor_channel"))
    if channel.data.get("uuid") is not None:
        fail(f"{channel.where}.uuid is assigned by the server: leave it out")
    name = channel.string("name", max_length=NAME_MAX).strip()
    if any(other["name"].casefold() == name.casefold() for other in earlier):
        fail(f"{channel.where}.name {name!r} is used twice in this measuring object")
    value_id = channel.choice("physical_value_id", UNITS_BY_VALUE)
    unit = channel.opt_string("physical_unit_id", max_length=64, allow_empty=False)
    reference: dict[str, Any] | None = None
    ref = channel.opt_obj("sensor_channel")
    if ref is not None:
        ref.only(("sensor_uuid", "channel_index"))
        sensor_uuid = ref.string("sensor_uuid", max_length=64)
        index = ref.opt_integer("channel_index", minimum=0, maximum=1_000) or 0
        sensor = world.sensors.get(sensor_uuid)
        if sensor is None or sensor["customer_uuid"] != scope.customer_uuid:
            fail(f"{ref.where}.sensor_uuid: no sensor {sensor_uuid!r} in site {scope.site!r}")
        if sensor["customer_site"] != scope.site:
            fail(
                f"{ref.where}.sensor_uuid: sensor {sensor_uuid!r} belongs to site "
                f"{sensor['customer_site']!r}, not to {scope.site!r}"
            )
        physical = {c["channel_index"]: c for c in sensor["channels"]}
        if index not in physical:
            fail(
                f"{ref.where}.channel_index: sensor {sensor_uuid!r} has no channel {index} "
                f"(it has {listing(physical)})"
            )
        if physical[index]["physical_value_id"] != value_id:
            fail(
                f"{ref.where}: channel {index} of sensor {sensor_uuid!r} measures "
                f"{physical[index]['physical_value_id']}, not {value_id}"
            )
        if (sensor_uuid, index) in taken:
            fail(
                f"{ref.where}: this sensor channel already feeds {taken[(sensor_uuid, index)]}",
                status=409,
            )
        taken[(sensor_uuid, index)] = f"logical channel {name!r} of this request"
        unit = unit or physical[index]["physical_unit_id"]
        reference = {"sensor_uuid": sensor_uuid, "channel_index": index}
    unit = unit or UNITS_BY_VALUE[value_id][0]
    if unit not in UNITS_BY_VALUE[value_id]:
        fail(f"{channel.where}.physical_unit_id must be one of {', '.join(UNITS_BY_VALUE[value_id])}")
    return {
        "uuid": world.new_uuid(),
        "name": name,
        "physical_value_id": value_id,
        "physical_unit_id": unit,
        "sensor_channel": reference,
    }


def instruction_set(world: World, scope: Scope, object_uuid: str) -> dict[str, Any]:
    world.owned(world.measuring_objects, "measuring object", scope, object_uuid)
    return copy.deepcopy(world.instruction_sets[object_uuid])


def put_instruction_set(world: World, scope: Scope, object_uuid: str, value: Any) -> dict[str, Any]:
    doc = world.owned(world.measuring_objects, "measuring object", scope, object_uuid)
    body = Obj(value)
    body.only(("measuring_cycle", "communication_cycle", "updated_at"))
    devices = _feeding_devices(world, doc)
    result: dict[str, Any] = {}
    for field in ("measuring_cycle", "communication_cycle"):
        low, high = CYCLE_BOUNDS_MS
        for device in devices:
            low = max(low, device["capability"][f"{field}_min"])
            high = min(high, device["capability"][f"{field}_max"])
        cycle = body.opt_integer(field)
        if cycle is not None and not low <= cycle <= high:
            who = "the devices feeding this measuring object" if devices else "a measuring object"
            fail(f"{field} must be between {low} and {high} ms for {who} (got {cycle})")
        result[field] = cycle
    result["updated_at"] = world.now_iso()
    world.instruction_sets[object_uuid] = result
    world.changed()
    return copy.deepcopy(result)


def _feeding_devices(world: World, doc: dict[str, Any]) -> list[dict[str, Any]]:
    devices = []
    for channel in doc["logical_channels"]:
        ref = channel.get("sensor_channel")
        sensor = world.sensors.get(ref["sensor_uuid"]) if ref else None
        if sensor is not None and sensor["device_uuid"] in world.devices:
            devices.append(world.devices[sensor["device_uuid"]])
    return devices


def object_alarm_configuration(world: World, scope: Scope, object_uuid: str) -> dict[str, Any]:
    world.owned(world.measuring_objects, "measuring object", scope, object_uuid)
    return copy.deepcopy(world.object_alarms[object_uuid])


def put_object_alarm_configuration(
    world: World, scope: Scope, object_uuid: str, value: Any
) -> dict[str, Any]:
    doc = world.owned(world.measuring_objects, "measuring object", scope, object_uuid)
    channels = {channel["uuid"]: channel for channel in doc["logical_channels"]}
    body = Obj(value)
    body.only(("channel_alarm_configurations", "updated_at"))
    configurations = []
    seen: set[str] = set()
    for config in body.objects("channel_alarm_configurations", max_items=len(channels), required=False):
        config.only(("logical_channel_uuid", "measurementAlarmConditionSet"))
        channel_uuid = config.string("logical_channel_uuid", max_length=64)
        if channel_uuid not in channels:
            fail(
                f"{config.where}.logical_channel_uuid {channel_uuid!r} is not a channel of measuring "
                f"object {doc['name']!r}"
            )
        if channel_uuid in seen:
            fail(f"{config.where}: logical channel {channel_uuid!r} is configured twice")
        seen.add(channel_uuid)
        sets = [
            {"measurementAlarmConditions": _alarm_conditions(condition_set, channels[channel_uuid])}
            for condition_set in config.objects("measurementAlarmConditionSet", max_items=8, required=False)
        ]
        configurations.append({"logical_channel_uuid": channel_uuid, "measurementAlarmConditionSet": sets})
    result = {"channel_alarm_configurations": configurations, "updated_at": world.now_iso()}
    world.object_alarms[object_uuid] = result
    world.changed()
    return copy.deepcopy(result)


def _alarm_conditions(condition_set: Obj, channel: dict[str, Any]) -> list[dict[str, Any]]:
    condition_set.only(("measurementAlarmConditions",))
    value_id, unit = channel["physical_value_id"], channel["physical_unit_id"]
    limits: dict[tuple[str, str], tuple[float, float]] = {}
    conditions = []
    for condition in condition_set.objects("measurementAlarmConditions", max_items=8, required=False):
        condition.only(
            (
                "measurementAlarmConditionTypeId",
                "alarmSeverityId",
                "physicalProperty",
                "limitValue",
                "limitHysteresis",
                "delay",
                "physicalUnitId",
            )
        )
        kind = condition.choice("measurementAlarmConditionTypeId", CONDITION_TYPES)
        severity = condition.choice("alarmSeverityId", SEVERITIES)
        prop = condition.obj("physicalProperty")
        prop.only(("physicalValueId",))
        sent_value_id = prop.string("physicalValueId", max_length=64)
        if sent_value_id != value_id:
            fail(f"{prop.where}.physicalValueId {sent_value_id!r} does not match the channel's {value_id}")
        sent_unit = condition.string("physicalUnitId", max_length=64)
        if sent_unit != unit:
            fail(f"{condition.where}.physicalUnitId {sent_unit!r} does not match the channel's unit {unit}")
        limit = condition.number("limitValue", minimum=-1e6, maximum=1e6)
        hysteresis = condition.opt_number("limitHysteresis", minimum=0.0, maximum=1e6) or 0.0
        delay = condition.opt_integer("delay", minimum=0, maximum=MAX_ALARM_DELAY_MS) or 0
        if (kind, severity) in limits:
            fail(f"{condition.where}: a second {kind} with severity {severity}")
        limits[(kind, severity)] = (limit, hysteresis)
        conditions.append(
            {
                "measurementAlarmConditionTypeId": kind,
                "alarmSeverityId": severity,
                "physicalProperty": {"physicalValueId": value_id},
                "limitValue": limit,
                "limitHysteresis": hysteresis,
                "delay": delay,
                "physicalUnitId": unit,
            }
        )
    _check_limits(limits, condition_set.where)
    return conditions


def _check_limits(limits: dict[tuple[str, str], tuple[float, float]], where: str) -> None:
    for severity in SEVERITIES:
        lower = limits.get(("MACT_LOWER_LIMIT", severity))
        upper = limits.get(("MACT_UPPER_LIMIT", severity))
        if lower and upper:
            if not lower[0] < upper[0]:
                fail(
                    f"{where}: the {severity} lower limit ({lower[0]:g}) must be below "
                    f"the upper limit ({upper[0]:g})"
                )
            widest = max(lower[1], upper[1])
            if widest >= upper[0] - lower[0]:
                fail(
                    f"{where}: the {severity} hysteresis ({widest:g}) must be smaller than "
                    "the band between the lower and upper limit"
                )
    for kind, tighter in (("MACT_LOWER_LIMIT", 1), ("MACT_UPPER_LIMIT", -1)):
        alarm, warning = limits.get((kind, "ASV_ALARM")), limits.get((kind, "ASV_WARNING"))
        if alarm and warning and (warning[0] - alarm[0]) * tighter < 0:
            side = "lower" if tighter == 1 else "upper"
            fail(
                f"{where}: the {side} warning limit ({warning[0]:g}) must lie inside "
                f"the {side} alarm limit ({alarm[0]:g})"
            )
