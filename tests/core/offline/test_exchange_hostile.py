"""Hostile exchange files: each is refused with one sentence (ExchangeError), never a raw Python
error, and changes nothing; importing many templates of one name is linear."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from saveris_desktop.core.offline.exchange import Exchange, ExchangeError, parse_document, write_import
from saveris_desktop.core.offline.site_plan import SitePlan
from saveris_desktop.core.offline.store import MIGRATIONS, Store
from tests.benchmarks.template_import import same_name_document
from tests.core.offline.exchange_documents import exchange_document


def _text(**changes: Any) -> str:
    return json.dumps(exchange_document(**changes))


def _mine(value_json: str) -> bytes:
    """The valid document with the draft's `mine` holding `{"value": <value_json>}` verbatim."""
    return _text().replace('{"name": "new"}', '{"value": ' + value_json + "}").encode()


def _plan_draft(plan: Any) -> dict[str, Any]:
    return {
        "endpoint": "Europe, production",
        "site": "Bakery",
        "kind": "site_plan",
        "object_id": "Bakery",
        "base": None,
        "mine": plan,
        "updated_at": "2026-01-01T00:00:00+00:00",
    }


_PLAN = SitePlan(site="Bakery", timezone="Europe/Berlin").model_dump(mode="json")

HOSTILE: dict[str, tuple[bytes, str]] = {
    "a list at the top": (b"[]", "not a Saveris Desktop export"),
    "a number at the top": (b"42", "not a Saveris Desktop export"),
    "drafts as an object": (_text(drafts={"0": {}}).encode(), "damaged at 'drafts'"),
    "a draft that is a text": (_text(drafts=["draft"]).encode(), "damaged at 'drafts.0'"),
    "a template name that is a list": (
        _text(templates=[{"kind": "alarm_preset", "name": ["x"], "payload": {}}]).encode(),
        "templates.0.name",
    ),
    "a template payload of the wrong shape": (
        _text(
            templates=[
                {
                    "kind": "alarm_preset",
                    "name": "t",
                    "payload": {"physical_value_id": "PV", "condition_sets": 3},
                }
            ]
        ).encode(),
        "damaged at 'condition_sets'",
    ),
    "an integer of 5,000 digits": (_mine("1" + "0" * 5000), "number too large"),
    "a version of 5,000 digits": (
        _text().replace('"version": 1', '"version": 1' + "0" * 5000).encode(),
        "number too large",
    ),
    "an integer beyond 64 bits": (_mine(str(2**70)), "number too large"),
    "1e400 (infinite as a float)": (_mine("1e400"), "not finite"),
    "a NaN literal": (_mine("NaN"), "'NaN'"),
    "an Infinity literal": (_mine("-Infinity"), "'-Infinity'"),
    "100,000 levels deep": (_mine("[" * 100_000 + "]" * 100_000), "nested more than 64 levels"),
    "900 levels deep (parses, breaks recursion later)": (_mine("[" * 900 + "]" * 900), "nested more than 64"),
    "invalid UTF-8": (_text().replace("new", "n\udcffw").encode("utf-8", "surrogateescape"), "not UTF-8"),
    "UTF-16 with its byte order mark": (_text().encode("utf-16"), "not UTF-8"),
    "two byte order marks": (b"\xef\xbb\xbf\xef\xbb\xbf" + _text().encode(), "not valid JSON"),
    "a lone surrogate escape": (_mine('"\\ud800"'), "not valid Unicode"),
    "a key given twice": (
        b'{"format": "saveris-desktop-exchange", "version": 1, "version": 2, "exported_at": "", '
        b'"app_version": ""}',
        "'version' twice",
    ),
    "not JSON at all": (b"PK\x03\x04 a zip file", "not valid JSON"),
    "empty": (b"", "not valid JSON"),
    "a site plan whose alarms are a list": (
        _text(
            drafts=[_plan_draft({**_PLAN, "objects": [{"name": "Fridge", "alarms": [["Temperature", []]]}]})]
        ).encode(),
        "site plan in drafts.0 is damaged",
    ),
    "a site plan whose objects are an object": (
        _text(drafts=[_plan_draft({**_PLAN, "objects": {"Fridge": {}}})]).encode(),
        "site plan in drafts.0 is damaged",
    ),
    "a site plan whose site is a number": (
        _text(drafts=[_plan_draft({**_PLAN, "site": 7})]).encode(),
        "site plan in drafts.0 is damaged",
    ),
}


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    opened = await Store.open(tmp_path / "db.sqlite3")
    yield opened
    await opened.close()


async def _contents(store: Store) -> list[Any]:
    def work(connection: sqlite3.Connection) -> list[Any]:
        return [
            [tuple(row) for row in connection.execute(f"SELECT * FROM {table} ORDER BY 1")]  # noqa: S608
            for table in ("drafts", "templates")
        ]

    return await store.read(work)


@pytest.mark.parametrize("name", list(HOSTILE))
async def test_a_hostile_file_is_refused_with_one_sentence_and_changes_nothing(
    store: Store, tmp_path: Path, name: str
) -> None:
    data, reason = HOSTILE[name]
    before = await _contents(store)
    path = tmp_path / "hostile.json"
    path.write_bytes(data)
    with pytest.raises(ExchangeError) as refused:
        await Exchange(store).import_file(path)
    assert reason in refused.value.reason
    assert "\n" not in refused.value.reason and refused.value.reason.endswith(".")
    assert await _contents(store) == before


async def test_a_byte_order_mark_written_by_a_windows_editor_is_accepted(
    store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "notepad.json"
    path.write_bytes(b"\xef\xbb\xbf" + _text().encode())
    report = await Exchange(store).import_file(path)
    assert len(report.drafts_imported) == 1


async def test_a_200_mb_file_is_refused_without_being_read(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as handle:
        handle.truncate(200_000_000)  # sparse: costs no disk
    with pytest.raises(ExchangeError, match="too large"):
        await Exchange(store).import_file(path)


# --- fuzzing: whatever the bytes, the importer says ExchangeError or imports ------------------------

_json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(st.characters(exclude_categories=()), max_size=20),  # lone surrogates too
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)
_field_names = st.sampled_from(
    [
        "format",
        "version",
        "drafts",
        "templates",
        "exported_at",
        "app_version",
        "kind",
        "name",
        "payload",
        "mine",
        "base",
        "site",
        "object_id",
        "endpoint",
        "updated_at",
        "objects",
        "alarms",
        "timezone",
    ]
)


def _replace_somewhere(document: Any, path: list[int], value: Any) -> Any:
    """`document` with one nested value (chosen by `path`) replaced by `value`."""
    if not path or not isinstance(document, dict | list) or not document:
        return value
    if isinstance(document, dict):
        key = sorted(document)[path[0] % len(document)]
        return {**document, key: _replace_somewhere(document[key], path[1:], value)}
    index = path[0] % len(document)
    return [*document[:index], _replace_somewhere(document[index], path[1:], value), *document[index + 1 :]]


def _rich_document() -> dict[str, Any]:
    document = exchange_document()
    document["drafts"].append(_plan_draft({**_PLAN, "objects": [{"name": "Fridge", "alarms": {"T": []}}]}))
    document["templates"] = same_name_document(2)["templates"]
    return document


def _memory_database() -> sqlite3.Connection:
    connection = sqlite3.connect(":memory:", isolation_level=None)
    connection.row_factory = sqlite3.Row
    for script in MIGRATIONS:
        connection.executescript(script)
    return connection


def _import_or_refuse(data: bytes) -> None:
    try:
        parsed = parse_document(data)
    except ExchangeError as error:
        assert error.reason and "\n" not in error.reason
        return
    connection = _memory_database()  # what an accepted file writes must be writable too
    try:
        connection.execute("BEGIN")
        write_import(connection, parsed)
        connection.execute("ROLLBACK")
    finally:
        connection.close()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.integers(min_value=0, max_value=50), max_size=6), _json_values | _field_names)
def test_fuzz_a_valid_file_with_one_value_replaced(path: list[int], value: Any) -> None:
    document = _replace_somewhere(_rich_document(), path, value)
    _import_or_refuse(json.dumps(document, allow_nan=True).encode("utf-8", "surrogatepass"))


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_fuzz_arbitrary_bytes(data: bytes) -> None:
    _import_or_refuse(data)


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0), st.binary(min_size=1, max_size=8))
def test_fuzz_a_valid_file_with_bytes_overwritten(position: int, garbage: bytes) -> None:
    data = bytearray(json.dumps(_rich_document()).encode())
    start = position % len(data)
    data[start : start + len(garbage)] = garbage
    _import_or_refuse(bytes(data))


# --- many templates with one name ---------------------------------------------------------------


def _statements_to_import(count: int) -> int:
    """How many SQL statements importing `count` different templates named "Fridge" runs."""
    parsed = parse_document(json.dumps(same_name_document(count)).encode())
    connection = _memory_database()
    statements: list[str] = []
    connection.set_trace_callback(statements.append)
    connection.execute("BEGIN")
    report = write_import(connection, parsed)
    connection.execute("COMMIT")
    connection.close()
    assert len(report.templates_renamed) == count - 1
    assert report.templates_renamed[-1] == ("Fridge", f"Fridge (imported {count - 1})")
    return len(statements)


def test_importing_templates_of_one_name_costs_statements_in_proportion() -> None:
    # The quadratic importer looked for a free name from "(imported)" upwards for each template:
    # 400 templates ran ~4x the statements of 200, not ~2x. (The time figure: tests.benchmarks.)
    small, large = _statements_to_import(200), _statements_to_import(400)
    assert large < 2.2 * small


async def test_two_families_of_names_in_one_file_never_overwrite_each_other(
    store: Store, tmp_path: Path
) -> None:
    body = same_name_document(3)["templates"]
    templates = [
        {**body[0], "name": "A"},
        {**body[1], "name": "A"},  # becomes "A (imported)"
        {**body[2], "name": "A (imported)"},  # its own name is taken now: renamed, not overwritten
    ]
    path = tmp_path / "families.json"
    path.write_text(_text(drafts=[], templates=templates), encoding="utf-8")
    report = await Exchange(store).import_file(path)
    assert report.templates_imported == ["A"]
    assert report.templates_renamed == [("A", "A (imported)"), ("A (imported)", "A (imported) (imported)")]
    stored = await store.read(lambda c: c.execute("SELECT COUNT(*) FROM templates").fetchone()[0])
    assert stored == 3
