from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest

from saveris_desktop.api.models import SensorChannelRef
from saveris_desktop.core.offline.outbox import OutboxState
from saveris_desktop.core.offline.site_plan import (
    ObjectState,
    PlannedChannel,
    PlannedObject,
    SitePlan,
    SitePlanner,
    validate_plan,
)
from saveris_desktop.core.offline.store import Store, utc_now
from saveris_desktop.core.offline.sync import SyncEngine
from saveris_desktop.core.onboarding.flow import SITE_NAME_MAX_LENGTH, check_site_name
from tests.core.offline.fake_sync_client import FakeServer, FakeSyncClient

EU = "Europe, production"
LIMITS = [
    {
        "measurementAlarmConditions": [
            {
                "measurementAlarmConditionTypeId": "MACT_UPPER_LIMIT",
                "alarmSeverityId": "ASV_ALARM",
                "physicalProperty": {"physicalValueId": "PV_TEMPERATURE"},
                "limitValue": 8.0,
                "physicalUnitId": "PU_DEGREE_CELSIUS",
            }
        ]
    }
]


def plan() -> SitePlan:
    return SitePlan(
        site="Bakery Nord",
        timezone="Europe/Berlin",
        objects=[
            PlannedObject(
                name="Fridge 1",
                logical_channels=[
                    PlannedChannel(
                        name="Internal temperature",
                        physical_value_id="PV_TEMPERATURE",
                        physical_unit_id="PU_DEGREE_CELSIUS",
                        sensor_channel=SensorChannelRef(sensor_uuid="sensor-known", channel_index=0),
                    )
                ],
                instruction_set={"measuring_cycle": 300000},
                alarms={"Internal temperature": LIMITS},
            ),
            PlannedObject(
                name="Cold room",
                logical_channels=[PlannedChannel(name="Air", physical_value_id="PV_TEMPERATURE")],
            ),
        ],
    )


@pytest.fixture
async def engine(tmp_path: Path) -> AsyncIterator[SyncEngine]:
    store = await Store.open(tmp_path / "db.sqlite3")
    sync = SyncEngine(store, FakeSyncClient(FakeServer()), endpoint=EU, user="tech")
    yield sync
    await sync.aclose()
    await store.close()


def server_of(engine: SyncEngine) -> FakeServer:
    client = engine.client
    assert isinstance(client, FakeSyncClient)
    return client.server


async def test_prepared_offline_then_created_in_order_with_waiting_channels(engine: SyncEngine) -> None:
    server = server_of(engine)
    planner = SitePlanner(engine)
    server.offline = True
    engine.set_online(False)
    await planner.save(plan())
    loaded = await planner.load("Bakery Nord")
    assert loaded == plan()

    report = await planner.create_in_cloud(loaded)
    assert report.queued == ["Fridge 1"]
    assert [(w.name, w.state) for w in report.waiting] == [("Cold room", ObjectState.WAITING_FOR_SENSOR)]
    assert "Air" in (report.waiting[0].detail or "")
    await engine.wait_until_idle()
    assert server.writes == []
    stored = await planner.load("Bakery Nord")
    assert stored is not None and stored.site_queued

    server.offline = False
    engine.set_online(True)
    await engine.wait_until_idle()
    assert [kind for kind, _ in server.writes] == [
        "site",
        "global_settings",
        "measuring_object",
        "instruction_set",
        "measurement_alarms",
    ]
    [fridge] = server.measuring_objects["Bakery Nord"]
    progress = {p.name: p for p in await planner.progress(stored)}
    assert progress["Fridge 1"].state is ObjectState.CREATED and progress["Fridge 1"].uuid == fridge["uuid"]
    assert progress["Cold room"].state is ObjectState.WAITING_FOR_SENSOR
    alarms = server.objects[("measurement_alarms", fridge["uuid"])]["channel_alarm_configurations"]
    assert alarms[0]["logical_channel_uuid"] == fridge["logical_channels"][0]["uuid"]

    # the logger joined; the technician maps the cold room's channel and creates again
    stored.objects[1].logical_channels[0].sensor_channel = SensorChannelRef(sensor_uuid="new-sensor")
    again = await planner.create_in_cloud(stored)
    assert again.queued == ["Cold room"] and again.waiting == []
    await engine.wait_until_idle()
    assert [o["name"] for o in server.measuring_objects["Bakery Nord"]] == ["Fridge 1", "Cold room"]
    assert [kind for kind, _ in server.writes].count("site") == 1
    final = await planner.load("Bakery Nord")
    assert final is not None
    assert {p.state for p in await planner.progress(final)} == {ObjectState.CREATED}


async def test_invalid_plan_is_refused_with_reasons(engine: SyncEngine) -> None:
    bad = plan()
    bad.site = " "
    bad.timezone = "Mars/Olympus"
    bad.objects[1].name = "fridge 1"
    bad.objects[0].alarms["Door"] = []
    fields = {p.field for p in validate_plan(bad)}
    assert fields == {"site", "timezone", "objects[1].name", "objects[0].alarms"}
    report = await SitePlanner(engine).create_in_cloud(bad)
    assert report.refused and report.queued == []
    assert await engine.outbox.items() == []


@pytest.mark.parametrize("site", ["N" * (SITE_NAME_MAX_LENGTH + 1), "Bakery\tNord\u0007"])
def test_a_site_name_the_wizard_refuses_is_refused_by_the_plan_too(site: str) -> None:
    assert not check_site_name(site).ok
    bad = plan()
    bad.site = site
    [problem] = validate_plan(bad)
    assert problem.field == "site"


def test_a_site_name_the_wizard_accepts_is_accepted_by_the_plan() -> None:
    fine = plan()
    fine.site = "N" * SITE_NAME_MAX_LENGTH
    assert validate_plan(fine) == []


async def test_discarding_a_creation_discards_its_settings_and_allows_queueing_again(
    engine: SyncEngine,
) -> None:
    engine.set_online(False)
    planner = SitePlanner(engine)
    await planner.create_in_cloud(plan())
    items = await engine.outbox.items()
    creation = next(i for i in items if i.kind == "measuring_object")
    await engine.discard(creation.id)
    assert [i.kind for i in await engine.outbox.items()] == ["site", "global_settings"]
    stored = await planner.load("Bakery Nord")
    assert stored is not None
    assert (await planner.progress(stored))[0].state is ObjectState.READY
    report = await planner.create_in_cloud(stored)
    assert report.queued == ["Fridge 1"]


async def test_sent_changes_older_than_the_limit_are_pruned_but_a_plan_keeps_its_creations(
    engine: SyncEngine,
) -> None:
    planner = SitePlanner(engine)
    await planner.save(plan())
    stored = await planner.load("Bakery Nord")
    assert stored is not None
    await planner.create_in_cloud(stored)
    await engine.outbox.enqueue(EU, "Other site", "device", "dev-1", {"name": "x"}, None)
    server_of(engine).objects[("device", "dev-1")] = {"uuid": "dev-1", "name": "old"}
    await engine.sync_now()
    done = await engine.outbox.items(states=[OutboxState.DONE])
    assert len(done) == 6 and await engine.outbox.items() == []
    audit_before = len(await engine.audit.entries())
    now = utc_now()

    assert await engine.outbox.prune_sent(older_than=timedelta(days=30), now=now) == 0  # all recent
    pruned = await engine.outbox.prune_sent(older_than=timedelta(days=30), now=now + timedelta(days=31))
    kept = await engine.outbox.items(states=[OutboxState.DONE])
    # the plan still shows its object as created (and never queues it again) from its creation item
    assert pruned == 5 and [i.kind for i in kept] == ["measuring_object"]
    final = await planner.load("Bakery Nord")
    assert final is not None
    assert (await planner.progress(final))[0].state is ObjectState.CREATED
    assert (await planner.create_in_cloud(final)).queued == []
    assert len(await engine.audit.entries()) == audit_before  # the history stays in the audit log

    await planner.delete("Bakery Nord")  # without the plan, nothing needs the creation any more
    assert await engine.outbox.prune_sent(older_than=timedelta(days=30), now=now + timedelta(days=31)) == 1
