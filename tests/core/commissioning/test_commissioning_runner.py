"""The commissioning runner end to end against the in-process simulator, in both profiles.

Ten loggers of a plan are unpacked and put through the hotspot procedure; the runner applies each
row once its logger is listed. In the middle the laptop goes offline (on a logger's hotspot), and
half-way the app is restarted: the board comes back where it was and nothing is applied twice.
"""

from __future__ import annotations

from pathlib import Path

from saveris_desktop.core.commissioning.plan import PlanRow
from saveris_desktop.core.commissioning.runner import LoggerState
from saveris_desktop.core.offline.outbox import OutboxState
from tests.core.commissioning.commissioning_world import SITE, World, new_world
from tests.sim_profiles import both_profiles


def _stored_objects(world: World) -> dict[str, dict]:
    return {
        o["name"]: o
        for o in world.sim.world.measuring_objects.values()
        if o.get("customer_site", SITE) == SITE
    }


def _check_server(world: World) -> None:
    """What the cloud received for each planned logger: name, cycles, object on its sensor, limits."""
    objects = _stored_objects(world)
    assert len(objects) == 10  # one each: never created twice
    for index, logger in enumerate(world.loggers):
        device = world.sim.world.devices[logger.device_uuid]
        assert device["name"] == f"Logger fridge {index + 1}"
        if index % 3 == 0:
            assert (device["measuring_cycle"], device["communication_cycle"]) == (300_000, 900_000)
        obj = objects[f"Fridge {index + 1}"]
        (channel,) = obj["logical_channels"]
        assert channel["sensor_channel"] == {"sensor_uuid": logger.sensor_uuids[0], "channel_index": 0}
        (configured,) = world.sim.world.object_alarms[obj["uuid"]]["channel_alarm_configurations"]
        assert configured["logical_channel_uuid"] == channel["uuid"]
        limits = configured["measurementAlarmConditionSet"][0]["measurementAlarmConditions"]
        upper_alarm = [
            c["limitValue"] for c in limits if "ALARM" in str(c).upper() and "UPPER" in str(c).upper()
        ]
        assert upper_alarm, limits


@both_profiles()
async def test_ten_loggers_from_a_plan_offline_in_the_middle_and_a_restart_half_way(
    sim_profile: str, tmp_path: Path
) -> None:
    world = await new_world(sim_profile, tmp_path / "laptop.sqlite3")
    boxes = world.unpack(10)
    runner = await world.start()
    await world.save_plan(world.plan_rows(boxes))
    board = await world.poll()
    assert board.summary() == "0 of 10 configured"
    assert {p.state for p in board.loggers} == {LoggerState.WAITING}

    # the first four loggers: hotspot procedure, they join, the runner applies their rows
    world.hotspot_procedure(boxes[:4])
    world.sim.advance_time(8.0)
    board = await world.poll()
    assert board.summary() == "4 of 10 configured"
    assert [p.state for p in board.loggers[:5]] == [LoggerState.CONFIGURED] * 4 + [LoggerState.WAITING]

    # two more join; while their changes go out the connection drops (the laptop joins the next
    # logger's hotspot): the first PUT arrives but its answer is lost, then nothing gets through
    world.hotspot_procedure(boxes[4:6])
    world.sim.advance_time(8.0)
    world.sim.add_fault("drop_connection", route="put_device", after=True)
    board = await world.poll()
    world.sim.set_network_down(True)
    world.sim.clear_faults()
    board = await runner.board()
    assert [p.state for p in board.loggers[4:6]] == [LoggerState.CONFIGURING] * 2
    assert board.configured == 4
    await runner.apply_listed([])  # a listing while offline changes nothing that was queued
    assert (await runner.board()).configured == 4

    # the app is closed (or crashes) while those changes wait: a restart finds the board as it was
    await world.stop()
    world.sim.set_network_down(False)
    runner = await world.start()
    board = await runner.board()
    assert board.configured == 4
    assert [p.state for p in board.loggers[4:6]] == [LoggerState.CONFIGURING] * 2
    board = await world.poll()
    assert board.summary() == "6 of 10 configured"

    # the rest join; everything is configured, each object exists once
    world.hotspot_procedure(boxes[6:])
    world.sim.advance_time(8.0)
    board = await world.poll()
    assert board.summary() == "10 of 10 configured" and board.done
    assert board.unexpected == ()
    _check_server(world)
    await world.stop()
    await world.client.aclose()


@both_profiles()
async def test_a_logger_outside_the_plan_is_unexpected_and_can_be_added(
    sim_profile: str, tmp_path: Path
) -> None:
    world = await new_world(sim_profile, tmp_path / "laptop.sqlite3")
    planned, stranger = world.unpack(2)
    runner = await world.start()
    await world.save_plan(world.plan_rows([planned]))
    await world.poll()  # the baseline: nothing was on the site
    world.hotspot_procedure([planned, stranger])
    world.sim.advance_time(8.0)
    board = await world.poll()
    assert board.summary() == "1 of 1 configured"
    assert [u.serial for u in board.unexpected] == [stranger.serial_number]

    plan = await runner.add_to_plan(board.unexpected[0].uuid)
    assert plan is not None and plan.rows[-1].serial == stranger.serial_number
    board = await runner.board()
    assert board.unexpected == ()
    (added,) = [p for p in board.loggers if p.serial == stranger.serial_number]
    assert added.state is LoggerState.ATTENTION and "measuring object" in (added.detail or "")

    # the technician completes the row: it is applied with the next listing
    rows = [*plan.rows[:-1], plan.rows[-1].model_copy(update={"object": "Cold room", "preset": "room"})]
    await world.save_plan(rows)
    board = await world.poll()
    assert board.summary() == "2 of 2 configured"
    assert "Cold room" in _stored_objects(world)
    await world.stop()
    await world.client.aclose()


async def test_a_cycle_the_logger_refuses_needs_attention_and_a_retry_applies_the_fixed_row(
    tmp_path: Path,
) -> None:
    world = await new_world("assumed", tmp_path / "laptop.sqlite3")
    (box,) = world.unpack(1)
    runner = await world.start()
    row = PlanRow(serial=box.serial_number, object="Freezer 1", preset="freezer", measuring_cycle="10 s")
    await world.save_plan([row])
    world.hotspot_procedure([box])
    world.sim.advance_time(8.0)
    board = await world.poll()
    (progress,) = board.loggers
    assert progress.state is LoggerState.ATTENTION
    assert "measuring cycle" in (progress.detail or "") and "1 min" in (progress.detail or "")
    assert world.sim.world.measuring_objects == {}  # nothing was sent for it

    await world.save_plan([row.model_copy(update={"measuring_cycle": "2 min"})])
    board = await runner.retry(box.serial_number)
    await world.engine.wait_until_idle()  # type: ignore[union-attr]
    board = await runner.board()
    assert board.summary() == "1 of 1 configured"
    assert world.sim.world.devices[box.device_uuid]["measuring_cycle"] == 120_000
    await world.stop()
    await world.client.aclose()


async def test_a_refused_object_shows_the_servers_reason_and_retry_sends_it_again(tmp_path: Path) -> None:
    world = await new_world("assumed", tmp_path / "laptop.sqlite3")
    (box,) = world.unpack(1)
    runner = await world.start()
    await world.save_plan([PlanRow(serial=box.serial_number, object="Fridge A", preset="fridge")])
    world.hotspot_procedure([box])
    world.sim.advance_time(8.0)
    world.sim.add_fault("error_status", status=422, route="create_measuring_object", count=1)
    board = await world.poll()
    (progress,) = board.loggers
    assert progress.state is LoggerState.ATTENTION and progress.detail
    assert progress.detail.startswith("Measuring object:")
    failed = [s for s in progress.steps if s.state is OutboxState.FAILED]
    assert failed and failed[0].message

    await runner.retry(box.serial_number)
    await world.engine.wait_until_idle()  # type: ignore[union-attr]
    board = await runner.board()
    assert board.summary() == "1 of 1 configured"
    assert len(_stored_objects(world)) == 1
    await world.stop()
    await world.client.aclose()


async def test_without_a_plan_every_logger_that_joins_is_unexpected(tmp_path: Path) -> None:
    """'Add several loggers' without a plan: the board lists them, ready to be added to a plan."""
    world = await new_world("documented", tmp_path / "laptop.sqlite3")
    (box,) = world.unpack(1)
    await world.start()
    board = await world.poll()
    assert board.loggers == () and board.unexpected == ()
    world.hotspot_procedure([box])
    world.sim.advance_time(8.0)
    board = await world.poll()
    assert [u.serial for u in board.unexpected] == [box.serial_number]
    await world.stop()
    await world.client.aclose()


async def test_the_runners_own_writes_never_replace_rows_the_editor_saved(tmp_path: Path) -> None:
    """The runner creates an empty plan only where there is none, and adds an unexpected logger's row
    in the same transaction as it reads the plan: rows saved by the editor a moment before stay."""
    from saveris_desktop.core.commissioning.plan import PlanStore
    from saveris_desktop.core.offline.store import Store

    store = await Store.open(tmp_path / "laptop.sqlite3")
    plans = PlanStore(store, "EU")
    typed = [PlanRow(serial="61100042", object="Fridge 1", preset="fridge")]
    await plans.save_rows("Shop", typed)
    assert (await plans.ensure("Shop")).rows == typed
    plan = await plans.add_serial("Shop", "611669074")
    assert [r.serial for r in plan.rows] == ["61100042", "611669074"]
    assert (await plans.add_serial("Shop", "611 669 074")).rows == plan.rows  # already planned
    await store.close()


async def test_a_discarded_object_needs_attention_and_retry_applies_the_row_again(tmp_path: Path) -> None:
    world = await new_world("documented", tmp_path / "laptop.sqlite3")
    (box,) = world.unpack(1)
    runner = await world.start()
    row = PlanRow(serial=box.serial_number, object="Fridge A", preset="fridge", logger_name="Fridge A")
    await world.save_plan([row])
    world.hotspot_procedure([box])
    world.sim.advance_time(8.0)
    listing = await world.listing()
    # queued, but the cloud is failing (503) before the object goes out; the technician discards it
    world.sim.add_fault("error_status", route="list_devices", status=503)
    await runner.apply_listed(listing)
    await world.engine.wait_until_idle()  # type: ignore[union-attr]
    assert world.engine is not None
    (creation,) = [
        i for i in await world.engine.outbox.items(endpoint="simulator") if i.kind == "measuring_object"
    ]
    await world.engine.discard(creation.id)
    (progress,) = (await runner.board()).loggers
    assert progress.state is LoggerState.ATTENTION and "discarded" in (progress.detail or "")

    world.sim.clear_faults()
    await runner.retry(box.serial_number)
    await world.engine.wait_until_idle()
    board = await world.poll()
    assert board.summary() == "1 of 1 configured"
    assert len(_stored_objects(world)) == 1
    await world.stop()
    await world.client.aclose()
