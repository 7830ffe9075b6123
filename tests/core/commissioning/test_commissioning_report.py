"""core.commissioning.report: the report's data against the simulator in both profiles, CSV and JSON."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from saveris_desktop.core.commissioning.report import (
    CommissioningReport,
    ObjectsPart,
    OpenPlanRow,
    PartState,
    SiteTimezone,
    TimezoneSource,
    gather_report,
)
from saveris_desktop.core.commissioning.report_files import CSV_COLUMNS, to_csv, to_json, write_report_file
from tests.core.commissioning.commissioning_site import SITE, ZONE, CommissionedSite, commission, simulator

NOW = datetime(2026, 11, 28, 9, 30, tzinfo=UTC)
OPEN_ROWS = [OpenPlanRow("61100042", "Freezer 2", "the logger did not join within 30 min")]


async def _report(site: CommissionedSite, **options: object) -> CommissioningReport:
    return await gather_report(
        site.client,
        SITE,
        technician="demo@example.com",
        server="sim",
        app_version="1.2.3",
        now=lambda: NOW,
        **options,  # type: ignore[arg-type]
    )


async def test_report_data_in_both_profiles(sim_profile: str) -> None:
    site = await commission(simulator(sim_profile))
    try:
        report = await _report(site, open_plan_rows=OPEN_ROWS)
    finally:
        await site.client.aclose()
    documented = sim_profile == "documented"

    assert report.site == SITE and report.technician == "demo@example.com"
    assert report.app_version == "1.2.3" and report.server == "sim"
    assert sorted(logger.serial_number for logger in report.loggers) == sorted(site.serials.values())
    for logger in report.loggers:
        assert logger.model_code.startswith("0572 ")
        assert logger.firmware and logger.name
        assert logger.measuring_cycle_ms and logger.communication_cycle_ms
        assert logger.first_listed and logger.first_listed_at is not None
        assert logger.status.startswith("OK")
        (sensor,) = logger.sensors
        assert sensor.slot == 1 and sensor.connected
        if documented:  # GET /sensors/{uuid} is not documented: said, not guessed
            assert sensor.state is PartState.NOT_READABLE and sensor.channels == ()
        else:
            assert sensor.state is PartState.READ
            assert sensor.channels[0].physical_value_id == "PV_TEMPERATURE"
            assert sensor.channels[0].number == 1

    if documented:
        # Neither the zone nor the objects can be read from this cloud; the report is made anyway.
        assert report.timezone.zone is None and report.timezone.state is PartState.NOT_READABLE
        assert report.created_at == NOW and report.created_at.utcoffset() == UTC.utcoffset(None)
        assert report.objects.state is PartState.NOT_READABLE and report.objects.objects == ()
        assert report.incomplete
    else:
        assert report.timezone.zone == ZONE and report.timezone.source is TimezoneSource.CLOUD
        assert report.created_at == NOW.astimezone(ZoneInfo(ZONE))
        assert report.created_at.utcoffset() is not None and report.created_at.hour == 10
        by_name = {obj.name: obj for obj in report.objects.objects}
        assert set(by_name) == set(site.serials)
        for name, serial in site.serials.items():
            (logger,) = [lg for lg in report.loggers if lg.serial_number == serial]
            assert [obj.name for obj in report.objects_of(logger)] == [name]
            (channel,) = by_name[name].channels
            assert channel.name == "Inside" and channel.sensor_channel == 1
            limits = channel.limits
            assert limits is not None and limits.unit == "PU_DEGREE_CELSIUS"
            assert (limits.lower_alarm, limits.lower_warning) == (2.0, 3.0)
            assert (limits.upper_warning, limits.upper_alarm) == (7.0, 8.0)
            assert limits.hysteresis == 0.5 and limits.delay_ms == 15 * 60_000
        assert report.objects_without_logger() == []
        assert not report.incomplete
    assert report.open_plan_rows == tuple(OPEN_ROWS)


async def test_plain_text_alarms_and_sibling_objects_are_read_where_the_routes_exist() -> None:
    """The documented profile's shapes (text limits, objects as sibling APIs list them) with the
    undocumented reads offered: alarm_rules reads the text form, assignments find the logger."""
    from dataclasses import replace

    from saveris_desktop.simulator import DOCUMENTED, ManualClock, Simulator

    profile = replace(DOCUMENTED, name="shapes", documented_routes_only=False, sparse_devices=False)
    site = await commission(Simulator(seed=11, join_delay=0.0, clock=ManualClock(), profile=profile))
    try:
        report = await _report(site)
    finally:
        await site.client.aclose()
    assert report.objects.state is PartState.READ
    for logger in report.loggers:
        (obj,) = report.objects_of(logger)
        (channel,) = obj.channels
        assert channel.limits is not None and channel.limits.upper_alarm == 8.0
        assert channel.limits.delay_ms == 15 * 60_000
    assert report.open_plan_rows is None


async def test_a_cloud_without_the_zone_takes_the_laptops_and_says_so() -> None:
    site = await commission(simulator("documented"))
    try:
        report = await _report(site, laptop_timezone="Europe/Vienna")
    finally:
        await site.client.aclose()
    assert report.timezone.zone == "Europe/Vienna"
    assert report.timezone.source is TimezoneSource.THIS_LAPTOP
    assert report.created_at.tzinfo is not None and report.created_at.hour == 10


async def test_an_optional_read_that_fails_is_a_hole_not_a_failed_report() -> None:
    sim = simulator("assumed")
    site = await commission(sim)
    sim.add_fault("error_status", route="list_measuring_objects", status=503, count=10)
    try:
        report = await _report(site)
    finally:
        await site.client.aclose()
    assert report.objects.state is PartState.FAILED and report.objects.problem
    assert len(report.loggers) == 2 and report.incomplete


async def test_csv_and_json_hold_the_same_data_and_never_the_connect_key(
    sim_profile: str, tmp_path: Path
) -> None:
    site = await commission(simulator(sim_profile))
    try:
        report = await _report(site, open_plan_rows=[*OPEN_ROWS, OpenPlanRow("=1+1", "@SUM(A1)", "-x")])
    finally:
        await site.client.aclose()
    await write_report_file(report, tmp_path / "r.csv")
    await write_report_file(report, tmp_path / "r.json")
    raw_csv = (tmp_path / "r.csv").read_bytes()
    raw_json = (tmp_path / "r.json").read_bytes()
    for raw in (raw_csv, raw_json):
        assert site.connect_key.encode() not in raw
    assert raw_csv.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw_csv

    rows = list(csv.DictReader(io.StringIO(raw_csv.decode("utf-8-sig"))))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert {row["site"] for row in rows} == {SITE}
    assert {row["technician"] for row in rows} == {"demo@example.com"}
    for serial in site.serials.values():
        (logger_row, *_) = [row for row in rows if row["serial_number"] == serial]
        assert logger_row["model"].startswith("0572 ")
        assert logger_row["measuring_cycle"].endswith(("min", "s", "h"))
        assert logger_row["first_listed_by_cloud"]
    open_rows = [row for row in rows if row["not_completed_reason"]]
    assert [row["serial_number"] for row in open_rows] == ["61100042", "'=1+1"]  # formula-safe
    assert open_rows[1]["measuring_object"] == "'@SUM(A1)" and open_rows[1]["not_completed_reason"] == "'-x"

    data = json.loads(raw_json)
    assert data == json.loads(to_json(report))
    assert data["format_version"] == 1 and data["site"] == SITE
    assert len(data["loggers"]) == 2
    assert data["open_plan_rows"][0] == {
        "serial_number": "61100042",
        "measuring_object": "Freezer 2",
        "reason": "the logger did not join within 30 min",
    }
    if sim_profile == "documented":
        assert data["objects"]["state"] == "not_readable"
        assert all("not readable from this cloud" in row["measuring_object"] for row in rows[:2])
    else:
        fridge = [row for row in rows if row["measuring_object"] == "Vaccine fridge"]
        assert [(r["lower_alarm"], r["upper_alarm"], r["hysteresis"], r["delay"]) for r in fridge] == [
            ("2", "8", "0.5", "15 min")
        ]
        (obj,) = [o for o in data["objects"]["objects"] if o["name"] == "Vaccine fridge"]
        assert obj["channels"][0]["limits"]["upper_alarm"] == 8.0
        (logger,) = [lg for lg in data["loggers"] if lg["serial_number"] == site.serials["Vaccine fridge"]]
        assert logger["measuring_objects"] == [obj["uuid"]]
        assert datetime.fromisoformat(data["created_at"]).utcoffset() is not None


def test_only_csv_and_json_are_written_without_qt(tmp_path: Path) -> None:
    import asyncio

    report = CommissioningReport(
        site="S",
        timezone=SiteTimezone(None, TimezoneSource.NONE, PartState.NOT_SET),
        created_at=NOW,
        technician=None,
        server="sim",
        app_version="1",
        loggers=(),
        objects=ObjectsPart(PartState.READ),
    )
    with pytest.raises(ValueError, match=r"\.csv, \.json or \.pdf"):
        asyncio.run(write_report_file(report, tmp_path / "r.txt"))
    assert to_csv(report).count("\r\n") == 1  # the header alone


def test_open_plan_rows_come_in_as_plain_data() -> None:
    assert OpenPlanRow.from_mapping(
        {"serial": "6110", "object": "Fridge 3", "reason": "refused"}
    ) == OpenPlanRow("6110", "Fridge 3", "refused")
    assert OpenPlanRow.from_mapping({"serial_number": "6111"}) == OpenPlanRow("6111", "", "")
