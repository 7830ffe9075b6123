"""ROUTES, the models and resources/openapi/device-management-api.yaml must tell the same story."""

from __future__ import annotations

import types
import typing
from pathlib import Path
from typing import Any, get_args, get_origin

import pytest
import yaml
from pydantic import BaseModel

from saveris_desktop.api import models as m
from saveris_desktop.api.routes import ROUTES, Route

SPEC_PATH = Path(__file__).resolve().parents[2] / "resources" / "openapi" / "device-management-api.yaml"

#: The schema name of each model in the YAML.
SCHEMAS: dict[str, type[BaseModel]] = {
    "Credentials": m.Credentials,
    "TokenResponse": m.TokenResponse,
    "ConnectKey": m.ConnectKey,
    "GlobalSettings": m.GlobalSettings,
    "Firmware": m.Firmware,
    "SensorConnection": m.SensorConnection,
    "Capability": m.Capability,
    "Device": m.Device,
    "DeviceList": m.DeviceList,
    "SensorChannel": m.SensorChannel,
    "Sensor": m.Sensor,
    "SystemAlarm": m.SystemAlarm,
    "SystemAlarmConfiguration": m.SystemAlarmConfiguration,
    "SensorChannelRef": m.SensorChannelRef,
    "LogicalChannel": m.LogicalChannel,
    "MeasuringObject": m.MeasuringObject,
    "MeasuringObjectList": m.MeasuringObjectList,
    "MeasuringInstructionSet": m.MeasuringInstructionSet,
    "PhysicalProperty": m.PhysicalProperty,
    "MeasurementAlarmCondition": m.MeasurementAlarmCondition,
    "MeasurementAlarmConditionSet": m.MeasurementAlarmConditionSet,
    "ChannelAlarmConfiguration": m.ChannelAlarmConfiguration,
    "MeasurementAlarmConfiguration": m.MeasurementAlarmConfiguration,
    "Error": m.ServerErrorBody,
}
SCHEMA_NAMES = {model: name for name, model in SCHEMAS.items()}

#: (request body, success answer) of each route, as the client sends and reads them.
BODIES: dict[str, tuple[str | None, str]] = {
    "token": ("Credentials", "TokenResponse"),
    "create_connect_key": (None, "ConnectKey"),
    "get_connect_key": (None, "ConnectKey"),
    "get_global_settings": (None, "GlobalSettings"),
    "put_global_settings": ("GlobalSettings", "GlobalSettings"),
    "list_devices": (None, "DeviceList"),
    "get_device": (None, "Device"),
    "put_device": ("Device", "Device"),
    "get_sensor": (None, "Sensor"),
    "put_sensor": ("Sensor", "Sensor"),
    "get_device_alarm_configuration": (None, "SystemAlarmConfiguration"),
    "put_device_alarm_configuration": ("SystemAlarmConfiguration", "SystemAlarmConfiguration"),
    "get_sensor_alarm_configuration": (None, "SystemAlarmConfiguration"),
    "put_sensor_alarm_configuration": ("SystemAlarmConfiguration", "SystemAlarmConfiguration"),
    "list_measuring_objects": (None, "MeasuringObjectList"),
    "get_measuring_object": (None, "MeasuringObject"),
    "create_measuring_object": ("MeasuringObject", "MeasuringObject"),
    "get_measuring_instruction_set": (None, "MeasuringInstructionSet"),
    "put_measuring_instruction_set": ("MeasuringInstructionSet", "MeasuringInstructionSet"),
    "get_measuring_object_alarm_configuration": (None, "MeasurementAlarmConfiguration"),
    "put_measuring_object_alarm_configuration": (
        "MeasurementAlarmConfiguration",
        "MeasurementAlarmConfiguration",
    ),
}

_JSON_TYPES = {str: "string", int: "integer", float: "number", bool: "boolean"}


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    loaded = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def _operation(spec: dict[str, Any], route: Route) -> dict[str, Any]:
    operation = spec["paths"].get(route.path, {}).get(route.method.lower())
    assert operation is not None, f"{route.method} {route.path} ({route.name}) is missing from the YAML"
    return operation


def _resolve(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        *_, section, name = node["$ref"].split("/")
        node = spec["components"][section][name]
    return node


def _ref_name(schema: dict[str, Any]) -> str:
    return str(schema["$ref"]).rsplit("/", 1)[-1]


def test_every_route_is_in_the_yaml_and_nothing_else(spec: dict[str, Any]) -> None:
    in_yaml = {(path, method.upper()) for path, ops in spec["paths"].items() for method in ops}
    assert in_yaml == {(r.path, r.method) for r in ROUTES.values()}
    assert set(BODIES) == set(ROUTES)


@pytest.mark.parametrize("route", ROUTES.values(), ids=list(ROUTES))
def test_operation_matches_route(spec: dict[str, Any], route: Route) -> None:
    operation = _operation(spec, route)
    assert operation["operationId"] == route.name
    assert operation["x-documented"] is route.documented
    assert operation["x-source"] == ("overview" if route.documented else "assumed")
    assert operation["description"].startswith("[V] Documented" if route.documented else "[A] Assumed")
    parameters = [_resolve(spec, p) for p in operation.get("parameters", [])]
    query = {p["name"]: p for p in parameters if p["in"] == "query"}
    path = {p["name"] for p in parameters if p["in"] == "path"}
    assert ("site" in query) is route.site_scoped
    if route.site_scoped:
        assert query["site"]["required"] is True and query["site"]["schema"]["type"] == "string"
    assert path == set(route.path_params)
    assert all(p["required"] is True for p in parameters if p["in"] == "path")


@pytest.mark.parametrize("route", ROUTES.values(), ids=list(ROUTES))
def test_operation_bodies_match_the_client(spec: dict[str, Any], route: Route) -> None:
    operation = _operation(spec, route)
    request_model, answer_model = BODIES[route.name]
    if request_model is None:
        assert "requestBody" not in operation
    else:
        body = operation["requestBody"]
        assert body["required"] is True
        assert _ref_name(body["content"]["application/json"]["schema"]) == request_model
    successes = {code: r for code, r in operation["responses"].items() if code.startswith("2")}
    assert successes, f"{route.name} has no success answer"
    for code, answer in successes.items():
        if code == "204":
            assert route.method == "PUT" and "content" not in answer
        else:
            assert _ref_name(answer["content"]["application/json"]["schema"]) == answer_model
    assert _resolve(spec, operation["responses"]["default"])["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Error"
    }


def test_security_is_bearer_except_for_the_token(spec: dict[str, Any]) -> None:
    scheme = spec["components"]["securitySchemes"]["bearerAuth"]
    assert (scheme["type"], scheme["scheme"]) == ("http", "bearer")
    assert spec["security"] == [{"bearerAuth": []}]
    for route in ROUTES.values():
        operation = _operation(spec, route)
        assert operation.get("security") == ([] if route.name == "token" else None)


def _expected(annotation: Any) -> dict[str, Any]:
    """The JSON schema a model field's annotation stands for."""
    origin = get_origin(annotation)
    if origin is typing.Annotated:
        return _expected(get_args(annotation)[0])
    if origin in (types.UnionType, typing.Union) and Any in get_args(annotation):
        # read as the model when it fits, else kept as received: anything goes
        (inner,) = [a for a in get_args(annotation) if a is not Any]
        return {"anyOf": [_expected(inner), {}]}
    if origin in (types.UnionType, typing.Union):
        (inner,) = [a for a in get_args(annotation) if a is not type(None)]
        schema = _expected(inner)
        if "$ref" in schema:
            return {"anyOf": [schema, {"type": "null"}]}
        return {**schema, "type": [schema["type"], "null"]}
    if origin is list:
        return {"type": "array", "items": _expected(get_args(annotation)[0])}
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return {"$ref": f"#/components/schemas/{SCHEMA_NAMES[annotation]}"}
    return {"type": _JSON_TYPES[annotation]}


def _shape(schema: dict[str, Any]) -> dict[str, Any]:
    """The part of a property schema that says what type it is (descriptions and limits left out)."""
    if "allOf" in schema:
        (schema,) = schema["allOf"]
    keep = {"type", "items", "anyOf", "$ref"}
    shape = {key: value for key, value in schema.items() if key in keep}
    if isinstance(shape.get("items"), dict):
        shape["items"] = _shape(shape["items"])
    return shape


@pytest.mark.parametrize("name", list(SCHEMAS))
def test_schema_matches_model(spec: dict[str, Any], name: str) -> None:
    schema = spec["components"]["schemas"][name]
    model = SCHEMAS[name]
    fields = {(f.serialization_alias or f.alias or key): f for key, f in model.model_fields.items()}
    assert schema["type"] == "object"
    assert schema["additionalProperties"] is True, "unknown fields must be allowed: they round-trip"
    assert set(schema["properties"]) == set(fields)
    assert set(schema.get("required", [])) == {key for key, f in fields.items() if f.is_required()}
    for key, field in fields.items():
        assert _shape(schema["properties"][key]) == _expected(field.annotation), f"{name}.{key}"


def test_every_field_names_its_source(spec: dict[str, Any]) -> None:
    """Each property says where its evidence comes from, with a source the legend explains."""
    legend = spec["x-sources"]
    assert "assumed" in legend and "overview" in legend
    unsourced = [
        f"{name}.{key}"
        for name, schema in spec["components"]["schemas"].items()
        for key, prop in schema["properties"].items()
        if prop.get("x-source") not in legend
    ]
    assert unsourced == []
    used = {
        prop["x-source"]
        for schema in spec["components"]["schemas"].values()
        for prop in schema["properties"].values()
    }
    used |= {op["x-source"] for ops in spec["paths"].values() for op in ops.values()}
    assert used == set(legend), "every source in the legend is used, and only those"


async def test_the_documented_simulator_offers_exactly_the_overviews_operations(spec: dict[str, Any]) -> None:
    """The simulator's documented profile, the route table and this file agree on what is documented."""
    import httpx

    from saveris_desktop.simulator import Simulator

    sim = Simulator(profile="documented")
    async with httpx.AsyncClient(transport=sim.transport(), base_url="http://simulator") as raw:
        for path, operations in spec["paths"].items():
            for method, operation in operations.items():
                answer = await raw.request(method.upper(), path.replace("{uuid}", "x"), params={"site": "S"})
                not_offered = (
                    answer.status_code == 403
                    and answer.content == b'{"message":"Missing Authentication Token"}'
                )
                assert not_offered is (operation["x-source"] != "overview"), (
                    method,
                    path,
                    answer.status_code,
                )


def test_every_schema_is_a_model(spec: dict[str, Any]) -> None:
    assert set(spec["components"]["schemas"]) == set(SCHEMAS)


def test_schemathesis_can_load_it() -> None:
    import schemathesis  # a dev dependency: the simulator's conformance run uses it on this file

    schema = schemathesis.openapi.from_path(str(SPEC_PATH))
    labels = {result.ok().label for result in schema.get_all_operations()}
    assert labels == {f"{r.method} {r.path}" for r in ROUTES.values()}
