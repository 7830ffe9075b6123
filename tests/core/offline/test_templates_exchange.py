from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from saveris_desktop.api.models import LogicalChannel, MeasuringObject
from saveris_desktop.core.offline.drafts import DraftKey, DraftStore
from saveris_desktop.core.offline.exchange import FORMAT_NAME, Exchange, ExchangeError, ReplaceOutcome
from saveris_desktop.core.offline.site_plan import PlannedObject, SitePlan
from saveris_desktop.core.offline.store import Store
from saveris_desktop.core.offline.templates import (
    TemplateKind,
    TemplateStore,
    alarm_preset_from_channel,
    apply_to_many,
    object_setup_from_object,
    planned_object_from_setup,
)
from tests.core.offline.exchange_documents import exchange_document

SETS = [
    {
        "measurementAlarmConditions": [
            {
                "measurementAlarmConditionTypeId": "MACT_LOWER_LIMIT",
                "alarmSeverityId": "ASV_ALARM",
                "physicalProperty": {"physicalValueId": "PV_TEMPERATURE"},
                "limitValue": 2.0,
                "physicalUnitId": "PU_DEGREE_CELSIUS",
            }
        ]
    }
]


def fridge(uuid: str, *, unit: str = "PU_DEGREE_CELSIUS") -> MeasuringObject:
    return MeasuringObject(
        uuid=uuid,
        name=f"Fridge {uuid}",
        logical_channels=[
            LogicalChannel(
                uuid=f"{uuid}-t",
                name="Temperature",
                physical_value_id="PV_TEMPERATURE",
                physical_unit_id=unit,
            ),
            LogicalChannel(uuid=f"{uuid}-d", name="Door", physical_value_id="PV_DOOR_STATE"),
        ],
    )


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    opened = await Store.open(tmp_path / "db.sqlite3")
    yield opened
    await opened.close()


async def test_alarm_preset_from_one_object_applied_to_many(store: Store) -> None:
    source = fridge("a")
    config = {
        "channel_alarm_configurations": [
            {"logical_channel_uuid": "a-t", "measurementAlarmConditionSet": SETS}
        ]
    }
    templates = TemplateStore(store)
    saved = await templates.save(
        TemplateKind.ALARM_PRESET,
        " Medicine fridge ",
        alarm_preset_from_channel(source, "Temperature", config),
    )
    assert saved.name == "Medicine fridge"
    assert [t.name for t in await templates.find(TemplateKind.ALARM_PRESET)] == ["Medicine fridge"]

    keep = {"logical_channel_uuid": "b-d", "measurementAlarmConditionSet": [], "server_extra": 1}
    results = apply_to_many(
        saved,
        [
            (fridge("b"), {"channel_alarm_configurations": [keep], "other": True}),
            (fridge("c", unit="PU_DEGREE_FAHRENHEIT"), None),
            (source, config),
        ],
    )
    b, c, a = results
    assert b.applied_channels == ["Temperature"] and b.alarm_configuration is not None
    assert b.alarm_configuration["other"] is True
    assert b.alarm_configuration["channel_alarm_configurations"] == [
        keep,
        {"logical_channel_uuid": "b-t", "measurementAlarmConditionSet": SETS},
    ]
    assert any("Door" in reason for reason in b.skipped)
    assert c.alarm_configuration is None and any("unit" in reason for reason in c.skipped)
    assert not a.changes_anything  # already has exactly these limits


async def test_object_setup_round_trip(store: Store) -> None:
    source = fridge("a")
    config = {
        "channel_alarm_configurations": [
            {"logical_channel_uuid": "a-t", "measurementAlarmConditionSet": SETS}
        ]
    }
    body = object_setup_from_object(source, {"measuring_cycle": 60000}, config)
    saved = await TemplateStore(store).save(TemplateKind.OBJECT_SETUP, "Fridge setup", body)
    [applied] = apply_to_many(saved, [(fridge("z"), None)])
    assert applied.instruction_set == {"measuring_cycle": 60000}
    assert applied.alarm_configuration == {
        "channel_alarm_configurations": [
            {"logical_channel_uuid": "z-t", "measurementAlarmConditionSet": SETS}
        ]
    }
    planned = planned_object_from_setup(saved, "Fridge 9")
    assert [c.name for c in planned.logical_channels] == ["Temperature", "Door"]
    assert planned.waiting_for_sensor == ["Temperature", "Door"]


async def test_template_bodies_are_validated(store: Store) -> None:
    with pytest.raises(ValueError, match="physical_value_id"):
        await TemplateStore(store).save(TemplateKind.ALARM_PRESET, "x", {"condition_sets": []})
    with pytest.raises(ValueError, match="name"):
        await TemplateStore(store).save(TemplateKind.ALARM_PRESET, "  ", {})


async def _fill(store: Store) -> None:
    drafts = DraftStore(store)
    await drafts.save(
        DraftKey("Europe, production", "Kitchen", "device", "dev-1"), {"name": "A"}, base={"name": "B"}
    )
    plan = SitePlan(site="Bakery", timezone="Europe/Berlin")
    await drafts.save(
        DraftKey("Europe, production", "Bakery", "site_plan", "Bakery"), plan.model_dump(mode="json")
    )
    await TemplateStore(store).save(
        TemplateKind.ALARM_PRESET, "Fridge", {"physical_value_id": "PV_TEMPERATURE", "condition_sets": SETS}
    )


async def test_export_then_import_on_another_laptop(store: Store, tmp_path: Path) -> None:
    await _fill(store)
    target = tmp_path / "export.json"
    summary = await Exchange(store).export(target)
    assert (summary.drafts, summary.templates) == (2, 1)
    assert json.loads(target.read_text(encoding="utf-8"))["format"] == FORMAT_NAME

    other = await Store.open(tmp_path / "other.sqlite3")
    try:
        # the other laptop already has its own version of one draft and a different "Fridge" template
        mine_there = DraftKey("Europe, production", "Kitchen", "device", "dev-1")
        await DraftStore(other).save(mine_there, {"name": "theirs"})
        await TemplateStore(other).save(
            TemplateKind.ALARM_PRESET, "Fridge", {"physical_value_id": "PV_X", "condition_sets": []}
        )
        report = await Exchange(other).import_file(target)
        assert report.drafts_skipped == [mine_there]
        assert [k.kind for k in report.drafts_imported] == ["site_plan"]
        assert report.templates_renamed == [("Fridge", "Fridge (imported)")]
        kept = await DraftStore(other).get(mine_there)
        assert kept is not None and kept.mine == {"name": "theirs"}
        # importing again changes nothing new
        again = await Exchange(other).import_file(target)
        assert again.drafts_imported == [] and again.templates_unchanged == ["Fridge"]
    finally:
        await other.close()


def _broken(change: str) -> bytes:
    document = exchange_document()
    if change == "not json":
        return b"{not json"
    if change == "foreign":
        document["format"] = "some-other-tool"
    elif change == "newer":
        document["version"] = 7
    elif change == "bad kind":
        document["drafts"][0]["kind"] = "rocket"
    elif change == "second entry broken":
        document["drafts"].append({**document["drafts"][0], "object_id": "dev-10", "mine": "not an object"})
    elif change == "bad template":
        document["templates"] = [{"kind": "alarm_preset", "name": "t", "payload": {"condition_sets": 3}}]
    elif change == "bad plan":
        document["drafts"].append({**document["drafts"][0], "kind": "site_plan", "mine": {"site": "x"}})
    elif change == "plan under another site":
        plan = SitePlan(site="Bakery West", timezone="Europe/Berlin").model_dump(mode="json")
        document["drafts"].append(
            {**document["drafts"][0], "kind": "site_plan", "site": "New", "object_id": "New", "mine": plan}
        )
    return json.dumps(document).encode()


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ("not json", "is not valid JSON"),
        ("foreign", "not a Saveris Desktop export"),
        ("newer", "newer Saveris Desktop"),
        ("bad kind", "drafts.0.kind"),
        ("second entry broken", "drafts.1.mine"),
        ("bad template", "template 't'"),
        ("bad plan", "site plan"),
        ("plan under another site", "filed under 'New'"),
    ],
)
async def test_bad_file_is_refused_with_the_reason_and_changes_nothing(
    store: Store, tmp_path: Path, change: str, reason: str
) -> None:
    await _fill(store)
    before = await store.read(lambda c: [tuple(r) for r in c.execute("SELECT * FROM drafts ORDER BY kind")])
    templates_before = await store.read(lambda c: [tuple(r) for r in c.execute("SELECT * FROM templates")])
    path = tmp_path / "bad.json"
    path.write_bytes(_broken(change))
    with pytest.raises(ExchangeError) as refused:
        await Exchange(store).import_file(path)
    assert reason in refused.value.reason
    assert (
        await store.read(lambda c: [tuple(r) for r in c.execute("SELECT * FROM drafts ORDER BY kind")])
        == before
    )
    assert (
        await store.read(lambda c: [tuple(r) for r in c.execute("SELECT * FROM templates")])
        == templates_before
    )


async def test_valid_control_document_imports(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "ok.json"
    path.write_bytes(json.dumps(exchange_document()).encode())
    report = await Exchange(store).import_file(path)
    assert len(report.drafts_imported) == 1


async def test_missing_file_is_refused(store: Store, tmp_path: Path) -> None:
    with pytest.raises(ExchangeError, match="cannot be read"):
        await Exchange(store).import_file(tmp_path / "nope.json")


async def test_an_imported_plan_starts_unqueued_on_this_laptop(store: Store, tmp_path: Path) -> None:
    # what was queued on the other laptop is in ITS outbox; here the plan is queued afresh (the sync
    # checks the cloud first, so a site or object the other laptop created is not created twice)
    plan = SitePlan(
        site="Bakery West",
        timezone="Europe/Berlin",
        site_queued=True,
        objects=[PlannedObject(name="Fridge", placeholder="local:elsewhere")],
    )
    document = exchange_document()
    document["drafts"] = [
        {
            "endpoint": "Europe, production",
            "site": "Bakery West",
            "kind": "site_plan",
            "object_id": "Bakery West",
            "base": None,
            "mine": plan.model_dump(mode="json"),
            "updated_at": "2026-01-01T00:00:00+00:00",
        }
    ]
    path = tmp_path / "plan.json"
    path.write_bytes(json.dumps(document).encode())
    await Exchange(store).import_file(path)
    [draft] = await DraftStore(store).find()
    imported = SitePlan.model_validate(draft.mine)
    assert not imported.site_queued and imported.objects[0].placeholder is None


async def test_a_skipped_draft_is_compared_and_replaced_only_by_choice(store: Store, tmp_path: Path) -> None:
    key = DraftKey("Europe, production", "New", "device", "dev-9")
    file = tmp_path / "colleague.json"
    document = exchange_document()
    document["drafts"][0].update(base={"name": "cloud", "cycle": 60}, mine={"name": "Colleague", "cycle": 60})
    file.write_text(json.dumps(document), encoding="utf-8")
    drafts = DraftStore(store)
    await drafts.save(key, {"name": "Mine", "cycle": 300}, base={"name": "cloud", "cycle": 60})

    report = await Exchange(store).import_file(file)
    [skipped] = report.skipped
    assert report.drafts_skipped == [key] and skipped.key == key
    assert skipped.local.mine == {"name": "Mine", "cycle": 300}  # both versions, for the choice
    assert skipped.incoming.mine == {"name": "Colleague", "cycle": 60}
    differences = {(c.label, c.before, c.after) for c in skipped.differences()}
    assert differences == {("name", "Mine", "Colleague"), ("cycle", 300, 60)}
    kept = await drafts.get(key)
    assert kept is not None and kept.mine == {"name": "Mine", "cycle": 300}  # nothing lost by importing

    replaced = await Exchange(store).replace_with_file(skipped)
    assert replaced is ReplaceOutcome.REPLACED
    now = await drafts.get(key)
    assert now is not None and (now.base, now.mine) == ({"name": "cloud", "cycle": 60}, skipped.incoming.mine)


async def test_a_draft_edited_after_the_import_is_not_replaced_unseen(store: Store, tmp_path: Path) -> None:
    key = DraftKey("Europe, production", "New", "device", "dev-9")
    file = tmp_path / "colleague.json"
    file.write_text(json.dumps(exchange_document()), encoding="utf-8")
    drafts = DraftStore(store)
    await drafts.save(key, {"name": "Mine"})
    [skipped] = (await Exchange(store).import_file(file)).skipped
    await drafts.save(key, {"name": "Mine, typed on"})  # an editor saved meanwhile

    assert await Exchange(store).replace_with_file(skipped) is ReplaceOutcome.CHANGED_SINCE
    kept = await drafts.get(key)
    assert kept is not None and kept.mine == {"name": "Mine, typed on"}
