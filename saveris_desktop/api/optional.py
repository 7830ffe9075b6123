"""Which undocumented operations this server offers: probed once per session, remembered, never guessed.

testo's overview names a handful of operations (`documented=True` in api/routes.py); everything else
the app uses (the single-resource GETs, `GET /measuring-objects`, `GET /settings/global`) is this
project's assumption. The documented procedure must work without them, so each is optional:

- The first call of an undocumented route in a session (one API client, i.e. one server and one
  sign-in) is its probe. Concurrent callers wait for that probe's verdict instead of probing too.
- "Not offered" is learnt from `OperationNotOfferedError` (API Gateway's 403 "Missing Authentication
  Token", 405, 501; see api/responses.is_not_offered) and from a 404 on a single-resource GET of a
  resource the caller KNOWS exists, e.g. a device that the documented listing has just returned:
  then the route, not the resource, is missing (`missing_known_resource`). A 404 alone proves nothing
  (the resource may really be gone), so the client never concludes that by itself.
- From then on that route raises `OperationNotOfferedError` at once, without a request, until the
  session ends (a new client: another region, another server). Callers fall back; they never show it
  as "no permission".
- A network failure or a server error says nothing about the route: it stays unknown and the next
  call probes again.

This module is the one place for that memory and that rule (no Qt, used by api/client.py).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from enum import StrEnum
from typing import TypeVar

from saveris_desktop.api import redaction, responses
from saveris_desktop.api.errors import OperationNotOfferedError
from saveris_desktop.api.regions import Endpoint
from saveris_desktop.api.routes import ROUTES, Route

log = logging.getLogger(redaction.API_LOGGER_NAME)

T = TypeVar("T")


class Availability(StrEnum):
    UNKNOWN = "unknown"  # not probed yet in this session (or the probe failed for another reason)
    OFFERED = "offered"
    NOT_OFFERED = "not offered"


class OptionalOperations:
    """The per-session memory of which undocumented routes the server offers."""

    def __init__(self, endpoint: Endpoint) -> None:
        self._endpoint = endpoint
        self._known: dict[str, Availability] = {}
        self._probes: dict[str, asyncio.Lock] = {}

    @staticmethod
    def is_optional(route: Route) -> bool:
        return not route.documented

    def availability(self, name: str) -> Availability:
        route = ROUTES[name]
        if not self.is_optional(route):
            return Availability.OFFERED
        return self._known.get(name, Availability.UNKNOWN)

    def offered(self, name: str) -> bool:
        """False once the route is known not to be offered in this session (unknown counts as offered)."""
        return self.availability(name) is not Availability.NOT_OFFERED

    def not_offered_error(self, route: Route) -> OperationNotOfferedError:
        return OperationNotOfferedError(
            responses.sentence(route, self._endpoint, responses.not_offered_reason(route)),
            operation=route.name,
        )

    async def call(self, route: Route, request: Callable[[], Awaitable[T]]) -> T:
        """Run `request` for `route`, probing and remembering if the route is undocumented."""
        if not self.is_optional(route):
            return await request()
        if self._known.get(route.name) is Availability.OFFERED:
            try:
                return await request()
            except OperationNotOfferedError:  # offered before, gone now (e.g. a deployment changed)
                self._mark(route, Availability.NOT_OFFERED)
                raise
        lock = self._probes.setdefault(route.name, asyncio.Lock())
        async with lock:  # one probe at a time per route: the others wait for its verdict
            state = self._known.get(route.name, Availability.UNKNOWN)
            if state is Availability.NOT_OFFERED:
                raise self.not_offered_error(route)
            try:
                answer = await request()
            except OperationNotOfferedError:
                self._mark(route, Availability.NOT_OFFERED)
                raise
            self._mark(route, Availability.OFFERED)
            return answer

    def missing_known_resource(self, name: str) -> bool:
        """A single-resource GET answered 404 for a resource the caller knows exists (the documented
        listing has it). Unless the route has answered before in this session, the route is what is
        missing, not the resource: remember it as not offered. True when that was concluded.

        A route that has answered 200 before is offered; its 404 is about this one resource (e.g. a
        cloud that has not caught up yet), and the caller falls back for that resource only."""
        route = ROUTES[name]
        if not self.is_optional(route):
            raise ValueError(f"{name} is documented; a 404 there means the resource is gone")
        if self._known.get(name) is Availability.OFFERED:
            return False
        log.info("%s %s answered 404 for a resource the listing has", route.method, route.path)
        self._mark(route, Availability.NOT_OFFERED)
        return True

    def _mark(self, route: Route, state: Availability) -> None:
        if self._known.get(route.name) is not state:
            log.info("%s %s: %s by %s", route.method, route.path, state, self._endpoint.label)
        self._known[route.name] = state
