"""The control API under `/_sim/` (only when the simulator is built with control enabled).

It stands in for the physical world: creating loggers, pressing their button, their configuration
page (a browser can open `/_sim/loggers/{id}/config` when the simulator runs on loopback), moving
the simulated clock, faults and the laptop's network. It is never subject to faults or to the
simulated network outage. Every POST but the configuration page takes a JSON body (`{}` where
there is nothing to say) with `Content-Type: application/json`, so a web page cannot drive it with
a plain cross-site form post (and without CORS it cannot send JSON).

    GET    /_sim/                          overview: time, network, loggers, faults
    GET    /_sim/loggers                   POST {"kind": "saveris2"} creates one (201)
    GET    /_sim/loggers/{id}
    POST   /_sim/loggers/{id}/button       {"seconds": 3.0}
    GET    /_sim/loggers/{id}/config       the logger's configuration page (HTML, hotspot mode only)
    POST   /_sim/loggers/{id}/config       form fields accountId, wifi_ssid, wifi_password (or JSON)
    GET    /_sim/time                      POST {"advance": seconds}
    GET    /_sim/faults                    POST a fault (see faults.py), DELETE clears all
    DELETE /_sim/faults/{id}
    POST   /_sim/tokens/expire             {} - every token issued so far stops being valid
    POST   /_sim/network                   {"down": true} = the laptop is on a logger's hotspot
    POST   /_sim/accounts                  {"username": ..., "password": ...} (201)
    POST   /_sim/reset                     {} - forget sites, devices, loggers and faults
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import BaseRoute, Mount, Route

from . import config_page
from .clock import iso_utc
from .endpoints import read_json
from .faults import Fault
from .joining import tick
from .loggers import PAGE_UNREACHABLE, LoggerKind
from .responses import error
from .validation import Obj, Refusal, fail

if TYPE_CHECKING:
    from .facade import Simulator

CONTROL_PREFIX = "/_sim"


def is_control_path(path: str) -> bool:
    """True for the control API's paths (the physical world), which no profile or fault touches."""
    return path == CONTROL_PREFIX or path.startswith(CONTROL_PREFIX + "/")


Endpoint = Callable[[Request], Awaitable[Response]]


def control_routes(sim: Simulator) -> list[BaseRoute]:
    def guarded(handler: Callable[[Simulator, Request], Awaitable[Response]]) -> Endpoint:
        async def endpoint(request: Request) -> Response:
            try:
                with sim.world.lock:
                    tick(sim.world)
                response = await handler(sim, request)
            except Refusal as refusal:
                return error(refusal.status, refusal.message)
            await sim.autosave()
            return response

        return endpoint

    mounted: list[BaseRoute] = [
        Route("/", guarded(_overview), methods=["GET"]),
        Route("/loggers", guarded(_list_loggers), methods=["GET"]),
        Route("/loggers", guarded(_create_logger), methods=["POST"]),
        Route("/loggers/{logger_id}", guarded(_get_logger), methods=["GET"]),
        Route("/loggers/{logger_id}/button", guarded(_press_button), methods=["POST"]),
        Route("/loggers/{logger_id}/config", guarded(_config_page), methods=["GET"]),
        Route("/loggers/{logger_id}/config", guarded(_submit_config), methods=["POST"]),
        Route("/time", guarded(_time), methods=["GET"]),
        Route("/time", guarded(_advance_time), methods=["POST"]),
        Route("/faults", guarded(_list_faults), methods=["GET"]),
        Route("/faults", guarded(_add_fault), methods=["POST"]),
        Route("/faults", guarded(_clear_faults), methods=["DELETE"]),
        Route("/faults/{fault_id:int}", guarded(_remove_fault), methods=["DELETE"]),
        Route("/tokens/expire", guarded(_expire_tokens), methods=["POST"]),
        Route("/network", guarded(_network), methods=["POST"]),
        Route("/accounts", guarded(_add_account), methods=["POST"]),
        Route("/reset", guarded(_reset), methods=["POST"]),
    ]
    # The overview also without the slash: the app does not redirect (an API gateway does not either).
    return [Route(CONTROL_PREFIX, guarded(_overview), methods=["GET"]), Mount(CONTROL_PREFIX, routes=mounted)]


async def _body(sim: Simulator, request: Request) -> Obj:
    return Obj(await read_json(request, sim.max_body_bytes))


def _time_json(sim: Simulator) -> dict[str, Any]:
    return {"now": sim.now(), "wall": iso_utc(sim.clock.wall())}


async def _overview(sim: Simulator, request: Request) -> Response:
    with sim.world.lock:
        return JSONResponse(
            {
                "time": _time_json(sim),
                "profile": {"name": sim.profile.name, **sim.profile.switches},
                "network_down": sim.network_down,
                "join_delay": sim.world.join_delay,
                "logger_kinds": [kind.value for kind in LoggerKind],
                "loggers": [logger.to_json(sim.now()) for logger in sim.world.loggers.values()],
                "faults": sim.faults.describe(),
            }
        )


async def _list_loggers(sim: Simulator, request: Request) -> Response:
    with sim.world.lock:
        return JSONResponse({"loggers": [logger.to_json(sim.now()) for logger in sim.world.loggers.values()]})


async def _create_logger(sim: Simulator, request: Request) -> Response:
    body = await _body(sim, request)
    body.only(("kind",))
    kind = LoggerKind(body.choice("kind", [kind.value for kind in LoggerKind]))
    logger = sim.create_logger(kind)
    with sim.world.lock:
        return JSONResponse(logger.to_json(sim.now()), status_code=201)


async def _get_logger(sim: Simulator, request: Request) -> Response:
    with sim.world.lock:
        return JSONResponse(sim.world.logger(request.path_params["logger_id"]).to_json(sim.now()))


async def _press_button(sim: Simulator, request: Request) -> Response:
    body = await _body(sim, request)
    body.only(("seconds",))
    seconds = body.opt_number("seconds", minimum=0.0, maximum=600.0)
    logger_id = request.path_params["logger_id"]
    message = sim.press_button(logger_id, 3.0 if seconds is None else seconds)
    with sim.world.lock:
        return JSONResponse({"message": message, "logger": sim.world.logger(logger_id).to_json(sim.now())})


async def _config_page(sim: Simulator, request: Request) -> Response:
    with sim.world.lock:
        logger = sim.world.logger(request.path_params["logger_id"])
        if not logger.in_hotspot:
            return HTMLResponse(config_page.unreachable(logger), status_code=409)
        return HTMLResponse(config_page.render(logger))


async def _submit_config(sim: Simulator, request: Request) -> Response:
    logger_id = request.path_params["logger_id"]
    media_type = request.headers.get("content-type", "").partition(";")[0].strip().lower()
    as_json = media_type == "application/json"
    with sim.world.lock:  # a closed hotspot serves no page to post to: the same 409 as GET
        logger = sim.world.logger(logger_id)
        if not logger.in_hotspot:
            if as_json:
                return JSONResponse({"ok": False, "message": PAGE_UNREACHABLE, "field_errors": {}}, 409)
            return HTMLResponse(config_page.unreachable(logger), status_code=409)
    if as_json:
        body = await _body(sim, request)
        body.only(name for name, _, _ in config_page.FIELDS)
        values = {
            name: body.string(name, max_length=256, allow_empty=True) for name, _, _ in config_page.FIELDS
        }
    elif media_type == "application/x-www-form-urlencoded":
        values = await _form(request, sim.max_body_bytes)
    else:
        fail("send the configuration page as a form or as JSON", status=415)
    result = sim.submit_configuration(
        logger_id, values["accountId"], values["wifi_ssid"], values["wifi_password"]
    )
    status = 200 if result.ok else 400
    if as_json:
        return JSONResponse(
            {"ok": result.ok, "message": result.message, "field_errors": result.field_errors},
            status_code=status,
        )
    with sim.world.lock:
        page = config_page.render(sim.world.logger(logger_id), result=result, values=values)
    return HTMLResponse(page, status_code=status)


async def _form(request: Request, limit: int) -> dict[str, str]:
    raw = bytearray()
    async for chunk in request.stream():
        raw += chunk
        if len(raw) > limit:
            fail(f"request body is larger than {limit} bytes", status=413)
    try:
        fields = parse_qs(raw.decode("utf-8"), keep_blank_values=True, strict_parsing=False)
    except UnicodeDecodeError:
        fail("the form is not UTF-8 text")
    return {name: fields.get(name, [""])[0] for name, _, _ in config_page.FIELDS}


async def _time(sim: Simulator, request: Request) -> Response:
    return JSONResponse(_time_json(sim))


async def _advance_time(sim: Simulator, request: Request) -> Response:
    body = await _body(sim, request)
    body.only(("advance",))
    sim.advance_time(body.number("advance", minimum=0.0, maximum=10 * 365 * 86_400.0))
    return JSONResponse(_time_json(sim))


async def _list_faults(sim: Simulator, request: Request) -> Response:
    with sim.world.lock:
        return JSONResponse({"faults": sim.faults.describe()})


async def _add_fault(sim: Simulator, request: Request) -> Response:
    fault = Fault.from_json(await read_json(request, sim.max_body_bytes))
    return JSONResponse({"id": sim.add_fault(fault)}, status_code=201)


async def _clear_faults(sim: Simulator, request: Request) -> Response:
    sim.clear_faults()
    return JSONResponse({"faults": []})


async def _remove_fault(sim: Simulator, request: Request) -> Response:
    with sim.world.lock:
        if not sim.faults.remove(request.path_params["fault_id"]):
            fail("no such fault", status=404)
        return JSONResponse({"faults": sim.faults.describe()})


async def _expire_tokens(sim: Simulator, request: Request) -> Response:
    (await _body(sim, request)).only(())  # `{}`: JSON, so no cross-site form can sign everybody out
    sim.expire_tokens()
    return JSONResponse({"message": "Every token issued so far has expired."})


async def _network(sim: Simulator, request: Request) -> Response:
    body = await _body(sim, request)
    body.only(("down",))
    sim.set_network_down(body.boolean("down"))
    return JSONResponse({"network_down": sim.network_down})


async def _add_account(sim: Simulator, request: Request) -> Response:
    body = await _body(sim, request)
    body.only(("username", "password"))
    username = body.string("username", max_length=256)
    sim.add_account(username, body.string("password", max_length=256))
    return JSONResponse({"username": username}, status_code=201)


async def _reset(sim: Simulator, request: Request) -> Response:
    (await _body(sim, request)).only(())  # `{}`: JSON, so no cross-site form can wipe the simulator
    sim.reset()
    return JSONResponse({"message": "Simulator reset."})
