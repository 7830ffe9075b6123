"""The Device Management API endpoints, registered from the one route table (api/routes.py ROUTES).

Each request passes what a real cloud gateway would do, in order: simulated network faults,
the bearer token, the `site` parameter, the body (JSON only, size-limited), then the state rules.
The profile (profile.py) decides which routes exist, how bodies are shaped on the way in and out
(shapes.py) and what the gateway does to the answer (`_through_gateway`).
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

import anyio
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route as StarletteRoute

from saveris_desktop.api.routes import ROUTES, Route

from . import measuring, rules
from .auth import Principal
from .faults import TERMINAL_KINDS, Fault, FaultKind
from .joining import tick
from .responses import (
    DroppedConnection,
    HungConnection,
    error,
    malformed,
    response_too_large,
    without_body,
)
from .validation import Obj, Refusal, check_site_name, fail
from .world import Scope, World

if TYPE_CHECKING:
    from .facade import Simulator


#: Routes that carry a JSON body; every other route ignores one.
BODY_ROUTES = frozenset(name for name, route in ROUTES.items() if route.method in ("POST", "PUT")) - {
    "create_connect_key"
}
MAX_JSON_DEPTH = 32

Handler = Callable[[World, Scope, str, Any], Any]


def _site_call(method: Callable[[World, Scope], Any]) -> Handler:
    return lambda world, scope, _uuid, _body: method(world, scope)


def _item_call(method: Callable[[World, Scope, str], Any]) -> Handler:
    return lambda world, scope, item, _body: method(world, scope, item)


#: Route name -> what the world does; `token` and the connect-key routes are handled apart.
HANDLERS: dict[str, Handler] = {
    "get_global_settings": _site_call(World.global_settings),
    "put_global_settings": lambda world, scope, _uuid, body: rules.put_global_settings(world, scope, body),
    "list_devices": _site_call(lambda world, scope: {"devices": world.list_devices(scope)}),
    "get_device": _item_call(World.device),
    "put_device": rules.put_device,
    "get_sensor": _item_call(World.sensor),
    "put_sensor": rules.put_sensor,
    "get_device_alarm_configuration": _item_call(World.device_alarm_configuration),
    "put_device_alarm_configuration": rules.put_device_alarm_configuration,
    "get_sensor_alarm_configuration": _item_call(World.sensor_alarm_configuration),
    "put_sensor_alarm_configuration": rules.put_sensor_alarm_configuration,
    "list_measuring_objects": _site_call(
        lambda world, scope: {"measuring_objects": measuring.list_measuring_objects(world, scope)}
    ),
    "get_measuring_object": _item_call(measuring.measuring_object),
    "create_measuring_object": lambda world, scope, _uuid, body: measuring.create_measuring_object(
        world, scope, body
    ),
    "get_measuring_instruction_set": _item_call(measuring.instruction_set),
    "put_measuring_instruction_set": measuring.put_instruction_set,
    "get_measuring_object_alarm_configuration": _item_call(measuring.object_alarm_configuration),
    "put_measuring_object_alarm_configuration": measuring.put_object_alarm_configuration,
}


#: The statuses testo's Data API answers without a body (the `bodiless_client_errors` switch).
BODILESS_STATUSES = frozenset({400, 401, 403})


def api_routes(sim: Simulator) -> list[StarletteRoute]:
    """The routes the profile offers; what is left out answers as the gateway does (facade._http_error)."""
    return [
        StarletteRoute(route.path, _endpoint(sim, route), methods=[route.method], name=route.name)
        for route in ROUTES.values()
        if route.documented or not sim.profile.documented_routes_only
    ]


def _endpoint(sim: Simulator, route: Route) -> Callable[[Request], Awaitable[Response]]:
    async def endpoint(request: Request) -> Response:
        # The world lock is a thread lock (uvicorn's thread and the app's thread share one world);
        # it is held only for in-memory work of microseconds, never across an await.
        with sim.world.lock:
            tick(sim.world)
            if sim.network_down:
                return DroppedConnection()
            struck = sim.faults.draw(route.name)
            if any(fault.kind is FaultKind.EXPIRE_TOKEN for fault in struck):
                sim.tokens.expire_all()
        delay = sum(fault.latency for fault in struck if fault.kind is FaultKind.LATENCY)
        if delay:
            await anyio.sleep(delay)
        terminal = next((fault for fault in struck if fault.kind in TERMINAL_KINDS), None)
        if terminal is not None and not terminal.after:
            return _through_gateway(sim, _fault_answer(terminal))
        try:
            response = await _answer(sim, route, request)
        except Refusal as refusal:
            response = error(refusal.status, refusal.message)
        await sim.autosave()
        if terminal is not None:  # carried out, and then the answer is lost
            return _through_gateway(sim, _fault_answer(terminal))
        response = _through_gateway(sim, response)
        if any(fault.kind is FaultKind.MALFORMED_JSON for fault in struck):
            return malformed(response)
        return response

    endpoint.__name__ = route.name
    return endpoint


def _through_gateway(sim: Simulator, response: Response) -> Response:
    """What API Gateway makes of Lambda's answer under the profile's switches."""
    limit = sim.profile.response_size_limit
    if limit is not None and len(response.body) > limit:
        return response_too_large()  # the request was carried out; only its answer is lost
    if sim.profile.bodiless_client_errors and response.status_code in BODILESS_STATUSES:
        return without_body(response)
    return response


def _fault_answer(fault: Fault) -> Response:
    if fault.kind is FaultKind.RATE_LIMIT:
        return error(
            429,
            f"Too many requests: try again in {fault.retry_after} seconds",
            headers={"Retry-After": str(fault.retry_after)},
        )
    if fault.kind is FaultKind.DROP_CONNECTION:
        return DroppedConnection()
    if fault.kind is FaultKind.TIMEOUT:
        return HungConnection(fault.hang)
    return error(fault.status, f"The service failed (simulated HTTP {fault.status})")


async def _answer(sim: Simulator, route: Route, request: Request) -> Response:
    # Like an API gateway: the authoriser runs before the request itself is looked at.
    principal = None if route.name == "token" else _principal(sim, request)
    if principal is None and route.name != "token":
        return error(401, "Unauthorized")
    _check_query(route, request)
    body = await read_json(request, sim.max_body_bytes) if route.name in BODY_ROUTES else None
    body = sim.shapes.request(route.name, body)
    if principal is None:
        return _token(sim, body)
    site = request.query_params["site"]
    scope = Scope(principal.customer_uuid, site)
    item = str(request.path_params.get("uuid", ""))
    with sim.world.lock:
        if route.name == "create_connect_key":
            created = sim.world.create_site(principal, site)
            return JSONResponse({"site": created.name, "connect_key": created.connect_key})
        if route.name == "get_connect_key":
            found = sim.world.site(scope)
            return JSONResponse({"site": found.name, "connect_key": found.connect_key})
        result = sim.shapes.answer(route.name, HANDLERS[route.name](sim.world, scope, item, body))
    return JSONResponse(result, status_code=201 if route.method == "POST" else 200)


def _check_query(route: Route, request: Request) -> None:
    allowed = {"site"} if route.site_scoped else set()
    for key in request.query_params:
        if key not in allowed:
            fail(f"unknown query parameter {key!r}")
    if route.site_scoped:
        values = request.query_params.getlist("site")
        if not values:
            fail("query parameter 'site' is required")
        if len(values) > 1:
            fail("query parameter 'site' is given more than once")
        # A name no site can have is a bad request on every route (the contract says minLength 1),
        # not a "site not found".
        check_site_name(values[0])


def _principal(sim: Simulator, request: Request) -> Principal | None:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    with sim.world.lock:
        return sim.tokens.verify(token.strip())


def _token(sim: Simulator, value: Any) -> Response:
    body = Obj(value)
    body.only(("username", "password"))
    username = body.string("username", max_length=256)
    password = body.string("password", max_length=256, allow_empty=True)
    with sim.world.lock:
        principal = sim.world.authenticate(username, password)
        if principal is None:
            return JSONResponse({"status": "Error", "message": "Incorrect username or password."}, 401)
        return JSONResponse({"IdToken": sim.tokens.issue(principal)})


async def read_json(request: Request, limit: int) -> Any:
    """The body as JSON: 415 unless JSON, 413 over `limit` bytes, 400 when it does not parse."""
    media_type = request.headers.get("content-type", "").partition(";")[0].strip().lower()
    if media_type != "application/json":
        fail("Content-Type must be application/json", status=415)
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        fail(f"request body is larger than {limit} bytes", status=413)
    chunks = bytearray()
    async for chunk in request.stream():
        chunks += chunk
        if len(chunks) > limit:
            fail(f"request body is larger than {limit} bytes", status=413)
    if not chunks.strip():
        fail("request body is empty: a JSON object is expected")
    try:
        text = bytes(chunks).decode("utf-8")
        value = json.loads(text, parse_constant=_refuse_constant)
    except UnicodeDecodeError:
        fail("request body is not UTF-8 text")
    except RecursionError:
        fail(f"request body nests deeper than {MAX_JSON_DEPTH} levels")
    except ValueError as exc:
        fail(f"request body is not valid JSON: {exc}")
    if _depth(value) > MAX_JSON_DEPTH:
        fail(f"request body nests deeper than {MAX_JSON_DEPTH} levels")
    return value


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _depth(value: Any, level: int = 0) -> int:
    if level > MAX_JSON_DEPTH:
        return level
    if isinstance(value, dict):
        return max((_depth(item, level + 1) for item in value.values()), default=level + 1)
    if isinstance(value, list):
        return max((_depth(item, level + 1) for item in value), default=level + 1)
    return level
