"""`Simulator`: the simulated cloud plus its virtual loggers, as one object (see the package docstring)."""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import anyio
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response
from starlette.routing import BaseRoute

from saveris_desktop.api.regions import Endpoint
from saveris_desktop.core.runtime.files import write_text_atomically_blocking

from . import persistence
from .auth import TokenIssuer
from .clock import Clock, RealClock
from .control import control_routes, is_control_path
from .endpoints import api_routes
from .faults import Fault, FaultKind, FaultPlan
from .joining import create_logger, tick
from .loggers import ConfigurationResult, LoggerKind, VirtualLogger
from .profile import ASSUMED, Profile, profile_named
from .responses import error, missing_authentication_token
from .shapes import Shapes
from .transport import SimulatorTransport
from .world import Account, World

log = logging.getLogger(__name__)

DEMO_USERNAME = "technician@demo.saveris"
DEMO_PASSWORD = "demo"  # noqa: S105  (the documented demo account of the simulator)
DEFAULT_TOKEN_LIFETIME = 24 * 3600.0  # testo documents 24 hours
DEFAULT_MAX_BODY_BYTES = 64 * 1024


#: The demo's base URL (see Simulator.demo_endpoint).
DEMO_ENDPOINT_URL = "http://127.0.0.1"


class Simulator:
    """The simulated cloud and its virtual loggers.

    seed: ids, connect keys, serial numbers and probabilistic faults repeat under the same seed.
    join_delay: seconds (simulated clock) from saving a logger's page to it joining the site.
    token_lifetime: seconds an id token is valid (`exp`); testo documents 24 hours.
    control_enabled: serve the /_sim/ control API (see control.py).
    clock: RealClock (default: real time plus an offset) or ManualClock for tests.
    accounts: user name -> password; default the demo account DEMO_USERNAME / DEMO_PASSWORD.
    max_body_bytes: larger request bodies are refused with 413.
    profile: which server to play, "assumed" (default) or "documented", or a Profile (profile.py).
    """

    def __init__(
        self,
        *,
        seed: int = 0,
        join_delay: float = 8.0,
        token_lifetime: float = DEFAULT_TOKEN_LIFETIME,
        control_enabled: bool = True,
        clock: Clock | None = None,
        accounts: Mapping[str, str] | None = None,
        max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
        profile: Profile | str = ASSUMED,
    ) -> None:
        if not join_delay >= 0:
            raise ValueError("join_delay must be zero or more seconds")
        self.seed = seed
        self.clock: Clock = clock or RealClock()
        self.control_enabled = control_enabled
        self.max_body_bytes = max_body_bytes
        self.profile = profile_named(profile) if isinstance(profile, str) else profile
        self.shapes = Shapes(self.profile)
        self.world = World(
            clock=self.clock,
            seed=seed,
            join_delay=join_delay,
            accounts=dict(accounts) if accounts is not None else {DEMO_USERNAME: DEMO_PASSWORD},
        )
        self.tokens = TokenIssuer(self.clock, token_lifetime)
        self.faults = FaultPlan(seed)
        self.network_down = False
        self._state_file: Path | None = None
        self._saved_revision = -1
        self._save_lock = threading.Lock()
        self.app = self._build_app()

    def _build_app(self) -> Starlette:
        routes: list[BaseRoute] = list(api_routes(self))
        if self.control_enabled:
            routes.extend(control_routes(self))
        app = Starlette(
            routes=routes,
            exception_handlers={
                HTTPException: self._http_error,
                ClientDisconnect: _client_left,
                Exception: _internal_error,
            },
        )
        # `/devices/` is not `/devices`: no 307 to the path without the slash, which a strict
        # server never sends and a client following redirects would hide.
        app.router.redirect_slashes = False
        return app

    async def _http_error(self, request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)  # noqa: S101  (registered for HTTPException only)
        # API Gateway knows only the operations it was given: any other path or method of the API
        # is a 403 before the token is even looked at. The control API is not behind the gateway.
        if (
            self.profile.documented_routes_only
            and exc.status_code in (404, 405)
            and not (self.control_enabled and is_control_path(request.url.path))
        ):
            return missing_authentication_token()
        messages = {404: "No such resource", 405: f"Method {request.method} is not allowed here"}
        return error(exc.status_code, messages.get(exc.status_code, exc.detail), headers=exc.headers)

    def transport(self) -> SimulatorTransport:
        """An httpx transport into this simulator, with no socket (see transport.py)."""
        return SimulatorTransport(self)

    @staticmethod
    def demo_endpoint() -> Endpoint:
        """The endpoint the app's and the CLI's demo talk to through `transport()`: a loopback
        address, so the plain-http rule holds; requests never leave the process."""
        return Endpoint.custom(DEMO_ENDPOINT_URL, "built-in simulator (demo)")

    # --- time --------------------------------------------------------------------------------

    def now(self) -> float:
        return self.clock.now()

    def advance_time(self, seconds: float) -> None:
        with self.world.lock:
            self.clock.advance(seconds)
            tick(self.world)

    # --- virtual loggers ---------------------------------------------------------------------

    def create_logger(self, kind: LoggerKind) -> VirtualLogger:
        with self.world.lock:
            logger = create_logger(self.world, LoggerKind(kind))
            logger.refresh = self._tick
            return logger

    @property
    def loggers(self) -> list[VirtualLogger]:
        with self.world.lock:
            tick(self.world)
            return list(self.world.loggers.values())

    def logger(self, logger_id: str) -> VirtualLogger:
        with self.world.lock:
            tick(self.world)
            return self.world.logger(logger_id)

    def press_button(self, logger_id: str, seconds: float = 3.0) -> str:
        """Hold the logger's button; returns what happened (a short press is ignored, and says so)."""
        with self.world.lock:
            tick(self.world)
            message = self.world.logger(logger_id).press_button(seconds)
            self.world.changed()
            return message

    def submit_configuration(
        self, logger_id: str, account_id: str, wifi_ssid: str, wifi_password: str
    ) -> ConfigurationResult:
        """Fill in and save the logger's configuration page (only reachable in hotspot mode)."""
        with self.world.lock:
            tick(self.world)
            result = self.world.logger(logger_id).submit_configuration(
                account_id, wifi_ssid, wifi_password, now=self.clock.now(), join_delay=self.world.join_delay
            )
            self.world.changed()
            if result.ok and self.world.join_delay == 0:
                tick(self.world)
            return result

    def _tick(self) -> None:
        with self.world.lock:
            tick(self.world)

    # --- the laptop's network, faults, accounts ----------------------------------------------

    def set_network_down(self, down: bool) -> None:
        """True: the laptop is on a logger's hotspot, so every API request fails like a dropped line."""
        self.network_down = bool(down)

    def add_fault(self, fault: Fault | FaultKind | str, **options: Any) -> int:
        """Add a fault (a Fault, or a kind plus Fault's fields as keywords); returns its id."""
        if not isinstance(fault, Fault):
            fault = Fault(FaultKind(fault), **options)
        with self.world.lock:
            return self.faults.add(fault)

    def clear_faults(self) -> None:
        with self.world.lock:
            self.faults.clear()

    def expire_tokens(self) -> None:
        with self.world.lock:
            self.tokens.expire_all()

    def add_account(self, username: str, password: str) -> None:
        """Another account (a second tenant). Accounts are configuration: never written to --state."""
        with self.world.lock:
            self.world.accounts[username] = Account(username, password)

    def reset(self) -> None:
        """Forget sites, devices, loggers and faults (accounts and tokens stay)."""
        with self.world.lock:
            self.world.reset()
            self.faults.clear()
            self.network_down = False

    # --- persistence -------------------------------------------------------------------------

    def load_state(self, path: Path) -> bool:
        """Restore what `path` holds (False when it does not exist yet) and keep saving there.

        A file that cannot be read or is damaged raises OSError or ValueError; the simulator then
        keeps its state and does not save to `path`, so the damaged file is never overwritten.
        """
        if not path.exists():
            self._state_file = path
            return False
        data = json.loads(path.read_text(encoding="utf-8"))
        with self.world.lock:
            persistence.restore(self.world, data)
            for logger in self.world.loggers.values():
                logger.refresh = self._tick
            self._saved_revision = self.world.revision
        self._state_file = path
        return True

    def save_state(self) -> None:
        """Write the state atomically (temp file + os.replace): a crash never leaves half a file."""
        if self._state_file is None:
            return
        with self._save_lock:
            with self.world.lock:
                if self.world.revision == self._saved_revision:
                    return
                revision = self.world.revision
                data = persistence.snapshot(self.world)
            self._state_file.parent.mkdir(parents=True, exist_ok=True)
            write_text_atomically_blocking(self._state_file, json.dumps(data, indent=1, sort_keys=True))
            self._saved_revision = revision

    async def autosave(self) -> None:
        """Save after a request changed something. A failed save is logged, not answered with a 500:
        the request itself succeeded, and the next change (or the shutdown) writes the file again."""
        if self._state_file is not None and self.world.revision != self._saved_revision:
            try:
                await anyio.to_thread.run_sync(self.save_state)
            except OSError as exc:
                log.warning("could not save the simulator state to %s: %s", self._state_file, exc)


async def _client_left(request: Request, exc: Exception) -> Response:
    """The client hung up before its request was complete: nobody to answer and nothing failed,
    so one INFO line and no traceback (a 500 and its traceback would send the reader looking for a bug)."""
    log.info("the client hung up during %s %s; nothing was changed", request.method, request.url.path)
    return Response(status_code=400)  # goes nowhere: the connection is gone


async def _internal_error(request: Request, exc: Exception) -> Response:
    log.exception("simulator failed on %s %s", request.method, request.url.path)
    return error(500, "The simulator failed; see its log")
