"""A measuring object whose sensor channels cannot be read: channels by number and value, and the
object as created, completed from what was sent where the answer leaves it out [R]."""

from __future__ import annotations

from saveris_desktop.api.models import MeasuringObject
from saveris_desktop.core.devices.known_objects import KnownObjects
from saveris_desktop.core.devices.object_setup import (
    as_created,
    logical_channel_by_number,
    measured_value_of,
    new_measuring_object,
)


def test_what_a_channel_measures_is_read_from_words_or_codes() -> None:
    assert measured_value_of("temperature") == "PV_TEMPERATURE"
    assert measured_value_of(" Humidity ") == "PV_HUMIDITY"
    assert measured_value_of("door") == "PV_DOOR_STATE"
    assert measured_value_of("PV_DOOR_STATE") == "PV_DOOR_STATE"
    assert measured_value_of("PV_WIND_SPEED") is None  # a code the app does not know by name
    assert measured_value_of("weather") is None


def test_a_channel_by_number_leaves_the_unit_to_the_cloud() -> None:
    channel = logical_channel_by_number(" Air ", "sensor-1", 1, "PV_HUMIDITY")
    assert channel.to_payload() == {
        "name": "Air",
        "physical_value_id": "PV_HUMIDITY",
        "sensor_channel": {"sensor_uuid": "sensor-1", "channel_index": 1},
    }


def test_the_created_object_keeps_the_name_and_sensor_channels_it_was_sent_with() -> None:
    sent = new_measuring_object(
        "Fridge 3", [logical_channel_by_number("Air", "sensor-1", 0, "PV_TEMPERATURE")]
    )
    answer = MeasuringObject.model_validate(
        {
            "measuring_object_uuid": "mo-1",
            "customer_site": "Shop",
            "logical_channels": [
                {
                    "uuid": "lc-1",
                    "name": "Air",
                    "physical_value_id": "PV_TEMPERATURE",
                    "physical_unit_id": "PU_DEGREE_CELSIUS",
                    "channel_assignments": [{"channel_id": 9241001, "equipment_parts_uuid": "sensor-1"}],
                }
            ],
        }
    )
    shown = as_created(sent, answer)
    assert (shown.uuid, shown.name) == ("mo-1", "Fridge 3")
    (channel,) = shown.logical_channels
    assert channel.sensor_channel is not None
    assert (channel.sensor_channel.sensor_uuid, channel.sensor_channel.channel_index) == ("sensor-1", 0)
    assert channel.physical_unit_id == "PU_DEGREE_CELSIUS"  # the cloud's choice
    assert (
        answer.name is None and answer.logical_channels[0].sensor_channel is None
    )  # the answer is untouched
    named = as_created(sent, answer.with_changes(name="Fridge 3 (cloud)"))
    assert named.name == "Fridge 3 (cloud)"  # a name the cloud sends wins


def test_known_objects_are_kept_per_site_and_only_once_created() -> None:
    known = KnownObjects()
    known.remember("Shop", MeasuringObject(uuid="mo-1", name="Fridge"))
    known.remember("Shop", MeasuringObject(name="not created"))
    known.remember("Bakery", MeasuringObject(uuid="mo-2", name="Oven"))
    assert [o.name for o in known.of_site("Shop")] == ["Fridge"]
    assert known.get("Bakery", "mo-2") is not None and known.get("Shop", "mo-2") is None
