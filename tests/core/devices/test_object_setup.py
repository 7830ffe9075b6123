"""core.devices.object_setup: the create-object dialog's rules and the preset step, shared with
saveris-cli."""

from __future__ import annotations

from saveris_desktop.api.client import DeviceManagementClient
from saveris_desktop.api.regions import Endpoint
from saveris_desktop.core.devices.object_setup import (
    ChannelProblem,
    apply_preset_to_object,
    channel_problems,
    logical_channel_for,
    new_measuring_object,
)
from saveris_desktop.core.devices.presets import preset
from saveris_desktop.simulator import DEMO_PASSWORD, DEMO_USERNAME, LoggerKind, ManualClock, Simulator
from tests.virtual_loggers import set_up_logger


def test_channel_rules_name_the_first_problem_of_each_row() -> None:
    taken = {("s1", 0): "“Door” of “Fridge 1”"}
    rows = [
        ("Inside", ("s2", 0)),
        ("", ("s2", 1)),
        ("inside ", ("s2", 1)),
        ("Door", None),
        ("Old", ("s1", 0)),
        ("Again", ("s2", 0)),
    ]
    assert channel_problems(rows, taken) == [
        None,
        ChannelProblem.NO_NAME,
        ChannelProblem.DUPLICATE_NAME,
        ChannelProblem.NO_SENSOR_CHANNEL,
        ChannelProblem.TAKEN,
        ChannelProblem.PICKED_TWICE,
    ]


async def test_created_object_gets_the_preset_on_its_matching_channels() -> None:
    clock = ManualClock()
    sim = Simulator(seed=5, join_delay=0.0, clock=clock)
    client = DeviceManagementClient(Endpoint.custom("http://127.0.0.1:9", "sim"), transport=sim.transport())
    try:
        await client.sign_in(DEMO_USERNAME, DEMO_PASSWORD)
        key = await client.create_connect_key("Pharmacy")
        set_up_logger(sim, LoggerKind.SAVERIS2, key.connect_key, "Shop", "secret-wifi", wait_s=None)
        (device,) = await client.list_devices("Pharmacy")
        sensor = await client.get_sensor("Pharmacy", device.sensors_connections[0].sensor_uuid)
        channel = sensor.channels[0]
        obj = new_measuring_object(
            "Fridge 1", [logical_channel_for(" Inside ", sensor, channel.channel_index)]
        )
        assert obj.logical_channels[0].physical_value_id == channel.physical_value_id
        created = await client.create_measuring_object("Pharmacy", obj)
        chosen = preset("fridge" if channel.physical_value_id == "PV_TEMPERATURE" else "humidity")
        applied = await apply_preset_to_object(client, "Pharmacy", created, chosen)
        assert [c.name for c in applied] == ["Inside"]
        config = await client.get_measuring_object_alarm_configuration("Pharmacy", created.uuid or "")
        (channel_config,) = config.channel_alarm_configurations
        assert channel_config.logical_channel_uuid == applied[0].uuid
        assert len(channel_config.measurementAlarmConditionSet[0].measurementAlarmConditions) == 4
    finally:
        await client.aclose()
