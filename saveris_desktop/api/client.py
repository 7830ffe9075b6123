"""The async client of testo's Saveris Device Management API: one method per operation.

Contract as the app understands it (see resources/openapi/device-management-api.yaml; [A] marks
this project's assumptions, to be checked against a real account):
- every site-scoped call sends `?site=<site>` [V];
- list endpoints answer `{"devices": [...]}` [V] / `{"measuring_objects": [...]}` [A];
- PUT answers 200 with the stored object [A]; on 204 (or an empty body) the object sent is returned;
- bodies are `model.to_payload()`, so fields the app does not model go back unchanged.

Creating is never blindly repeated: after an ambiguous failure (the request may have reached the
server) the client first looks for what it tried to create and only sends again if it is not there.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Awaitable, Callable
from typing import TypeVar

import httpx

from saveris_desktop.api import redaction, responses
from saveris_desktop.api.coalesce import InFlight
from saveris_desktop.api.errors import (
    ApiError,
    NotFoundError,
    OperationNotOfferedError,
    RequestValidationError,
)
from saveris_desktop.api.listing import DeviceListing, UnreadableItem
from saveris_desktop.api.models import (
    ApiModel,
    ConnectKey,
    Credentials,
    Device,
    GlobalSettings,
    MeasurementAlarmConfiguration,
    MeasuringInstructionSet,
    MeasuringObject,
    Sensor,
    SystemAlarmConfiguration,
)
from saveris_desktop.api.optional import OptionalOperations
from saveris_desktop.api.regions import Endpoint
from saveris_desktop.api.retry import RetryPolicy
from saveris_desktop.api.routes import ROUTES, Route
from saveris_desktop.api.session import AmbiguousFailure, ApiSession, RequestLimits
from saveris_desktop.foundation.signal import Signal

log = logging.getLogger(redaction.API_LOGGER_NAME)

M = TypeVar("M", bound=ApiModel)
T = TypeVar("T")


def same_measuring_object(a: MeasuringObject, b: MeasuringObject) -> bool:
    """How the app recognises an object it created: same name and the same logical channels.

    A channel is its name, what it measures and the sensor channel feeding it, so an older "Fridge 3"
    on another sensor is not taken for the one just created. Names are compared without the
    surrounding spaces a server may strip. A listing in the shape of related APIs [R] may have no
    name and `channel_assignments` instead of logical channels: then the sensors feeding the object
    are what both sides can tell (and the names, when both have one).
    """

    def name(obj: MeasuringObject) -> str:
        return (obj.name or "").strip()

    def channels(obj: MeasuringObject) -> Counter[tuple[str, str, str | None, int | None]]:
        return Counter(
            (
                c.name.strip(),
                c.physical_value_id,
                c.sensor_channel.sensor_uuid if c.sensor_channel else None,
                c.sensor_channel.channel_index if c.sensor_channel else None,
            )
            for c in obj.logical_channels
        )

    def sensors(obj: MeasuringObject) -> set[str]:
        fed = {c.sensor_channel.sensor_uuid for c in obj.logical_channels if c.sensor_channel}
        return fed | {a.equipment_parts_uuid for a in obj.assignments() if a.equipment_parts_uuid}

    if (a.logical_channels and b.logical_channels) or not (a.assignments() or b.assignments()):
        return name(a) == name(b) and channels(a) == channels(b)
    names_agree = not name(a) or not name(b) or name(a) == name(b)
    return names_agree and bool(sensors(a)) and sensors(a) == sensors(b)


class DeviceManagementClient:
    def __init__(
        self,
        endpoint: Endpoint,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        timeout: httpx.Timeout | None = None,
        retry: RetryPolicy | None = None,
        clock: Callable[[], float] | None = None,
        limits: RequestLimits | None = None,
    ) -> None:
        """Raises regions.InvalidBaseUrlError for plain http to anything but this computer."""
        self._session = ApiSession(
            endpoint, transport=transport, timeout=timeout, retry=retry, clock=clock, limits=limits
        )
        self.endpoint = endpoint
        #: which undocumented operations this server offers, learnt once in this client's life
        self.optional = OptionalOperations(endpoint)
        #: identical reads in flight share one request (api/coalesce.py)
        self.in_flight = InFlight()

    def __repr__(self) -> str:
        return (
            f"DeviceManagementClient(endpoint={self.endpoint.label!r}, username={self.username!r}, "
            f"signed_in={self.is_signed_in})"
        )

    @property
    def username(self) -> str | None:
        return self._session.tokens.username

    @property
    def is_signed_in(self) -> bool:
        return self._session.tokens.has_credentials

    @property
    def sig_connectivity(self) -> Signal[bool]:
        """False when the cloud cannot be reached, True once it answers again."""
        return self._session.sig_connectivity

    async def aclose(self) -> None:
        await self._session.aclose()

    # --- sign-in --------------------------------------------------------------------------------

    async def sign_in(self, username: str, password: str) -> None:
        """`POST /token`. The credentials stay in memory (never on disk) to renew the token."""
        if not username.strip() or not password:
            reason = "enter the user name and the password"
            route = ROUTES["token"]
            raise RequestValidationError(
                responses.sentence(route, self.endpoint, reason), operation=route.name
            )
        # Registered before the request, so a server that echoes it cannot leak it; a refused
        # password stays registered, since it is often a mistyped real one.
        redaction.remember_secret(password)
        credentials = Credentials(username=username, password=password)
        token = await self._session.fetch_token(credentials)
        self._session.tokens.sign_in(credentials, token)
        log.info("signed in to %s as %s", self.endpoint.label, username)

    async def sign_out(self) -> None:
        """Forget token and credentials; the API has no sign-out call."""
        self._session.tokens.sign_out()

    # --- sites ----------------------------------------------------------------------------------

    async def create_connect_key(self, site: str) -> ConnectKey:
        """`POST /connect-keys?site=`: creates the site if it is new; one key per site [V]."""

        async def find() -> ConnectKey | None:
            try:
                return await self.get_connect_key(site)
            except NotFoundError:
                return None

        return await self._create("create_connect_key", site, None, ConnectKey, find)

    async def get_connect_key(self, site: str) -> ConnectKey:
        return await self._get("get_connect_key", ConnectKey, site)

    async def get_global_settings(self, site: str) -> GlobalSettings:
        return await self._get("get_global_settings", GlobalSettings, site)

    async def put_global_settings(self, site: str, settings: GlobalSettings) -> GlobalSettings:
        return await self._put("put_global_settings", settings, site)

    # --- devices and sensors --------------------------------------------------------------------

    async def list_devices(self, site: str) -> DeviceListing:
        """`GET /devices?site=` [V]. A device that cannot be read does not fail the listing: it is
        in `.unreadable` with its JSON as received and the reason; the others are the list itself."""
        route = ROUTES["list_devices"]

        async def request() -> DeviceListing:
            response = await self._session.call(route, path_params={}, site=site)
            unreadable: list[UnreadableItem] = []
            devices = await responses.read_items(
                response, "devices", Device, route, self.endpoint, unreadable=unreadable
            )
            return DeviceListing(devices, unreadable)

        return await self._read_once("list_devices", site, {}, request)

    async def get_device(self, site: str, uuid: str) -> Device:
        """`GET /devices/{uuid}` [A]: undocumented; callers that only need the document use read_device."""
        return await self._get("get_device", Device, site, uuid=uuid)

    async def read_device(self, site: str, uuid: str, *, listed: Device | None = None) -> Device:
        """The device document: `GET /devices/{uuid}` where the server offers it, else from the
        documented listing [V], which carries full device documents.

        `listed`: the device as a recent listing had it, used instead of listing again when the
        single read is known not to be offered. A 404 on the single read is checked against a fresh
        listing: a device listed there makes the route, not the device, the missing part
        (OptionalOperations.missing_known_resource); a device listed nowhere is gone (NotFoundError).
        """
        if self.optional.offered("get_device"):
            try:
                return await self.get_device(site, uuid)
            except OperationNotOfferedError:
                pass
            except NotFoundError:
                found = await self._listed_device(site, uuid)
                if found is None:
                    raise
                self.optional.missing_known_resource("get_device")
                return found
        if listed is not None and listed.uuid == uuid:
            return listed
        found = await self._listed_device(site, uuid)
        if found is None:
            route = ROUTES["list_devices"]
            reason = "the logger is no longer listed in this site"
            raise NotFoundError(
                responses.sentence(route, self.endpoint, reason), status=404, operation="get_device"
            )
        return found

    async def _listed_device(self, site: str, uuid: str) -> Device | None:
        return next((device for device in await self.list_devices(site) if device.uuid == uuid), None)

    async def put_device(self, site: str, device: Device) -> Device:
        return await self._put("put_device", device, site, uuid=device.uuid)

    async def get_sensor(self, site: str, uuid: str) -> Sensor:
        return await self._get("get_sensor", Sensor, site, uuid=uuid)

    async def put_sensor(self, site: str, sensor: Sensor) -> Sensor:
        return await self._put("put_sensor", sensor, site, uuid=sensor.uuid)

    async def get_device_alarm_configuration(self, site: str, uuid: str) -> SystemAlarmConfiguration:
        return await self._get("get_device_alarm_configuration", SystemAlarmConfiguration, site, uuid=uuid)

    async def put_device_alarm_configuration(
        self, site: str, uuid: str, config: SystemAlarmConfiguration
    ) -> SystemAlarmConfiguration:
        return await self._put("put_device_alarm_configuration", config, site, uuid=uuid)

    async def get_sensor_alarm_configuration(self, site: str, uuid: str) -> SystemAlarmConfiguration:
        return await self._get("get_sensor_alarm_configuration", SystemAlarmConfiguration, site, uuid=uuid)

    async def put_sensor_alarm_configuration(
        self, site: str, uuid: str, config: SystemAlarmConfiguration
    ) -> SystemAlarmConfiguration:
        return await self._put("put_sensor_alarm_configuration", config, site, uuid=uuid)

    # --- measuring objects ----------------------------------------------------------------------

    async def list_measuring_objects(self, site: str) -> list[MeasuringObject]:
        return await self._list("list_measuring_objects", "measuring_objects", MeasuringObject, site)

    async def get_measuring_object(self, site: str, uuid: str) -> MeasuringObject:
        return await self._get("get_measuring_object", MeasuringObject, site, uuid=uuid)

    async def create_measuring_object(self, site: str, obj: MeasuringObject) -> MeasuringObject:
        """`POST /measuring-objects?site=` [V]; answers the created object with its uuid [A].

        Never creates a duplicate: after an ambiguous failure the site's objects are listed and one
        with the same name and logical channel names is taken as the one this call created. (An
        identical object that existed before counts as well; the app treats such twins as the same.)
        """

        async def find() -> MeasuringObject | None:
            existing = await self.list_measuring_objects(site)
            return next((o for o in existing if same_measuring_object(o, obj)), None)

        return await self._create("create_measuring_object", site, obj, MeasuringObject, find)

    async def get_measuring_instruction_set(self, site: str, uuid: str) -> MeasuringInstructionSet:
        return await self._get("get_measuring_instruction_set", MeasuringInstructionSet, site, uuid=uuid)

    async def put_measuring_instruction_set(
        self, site: str, uuid: str, instruction_set: MeasuringInstructionSet
    ) -> MeasuringInstructionSet:
        return await self._put("put_measuring_instruction_set", instruction_set, site, uuid=uuid)

    async def get_measuring_object_alarm_configuration(
        self, site: str, uuid: str
    ) -> MeasurementAlarmConfiguration:
        return await self._get(
            "get_measuring_object_alarm_configuration", MeasurementAlarmConfiguration, site, uuid=uuid
        )

    async def put_measuring_object_alarm_configuration(
        self, site: str, uuid: str, config: MeasurementAlarmConfiguration
    ) -> MeasurementAlarmConfiguration:
        return await self._put("put_measuring_object_alarm_configuration", config, site, uuid=uuid)

    # --- first contact --------------------------------------------------------------------------

    async def read_raw(self, name: str, site: str, **path_params: str) -> httpx.Response:
        """The 2xx answer of the read `name` as it arrived, unparsed (else the usual ApiError).

        For the first-contact check (core.onboarding.first_contact), which reports the shape of what a real
        server sends. Reads only: the check must never change anything in the cloud.
        """
        route = ROUTES[name]
        if route.method != "GET":
            raise ValueError(f"{name} is not a read")
        return await self._session.call(route, path_params=path_params, site=site)

    # --- plumbing -------------------------------------------------------------------------------

    async def _get(self, name: str, model: type[M], site: str, **path_params: str) -> M:
        route = ROUTES[name]

        async def request() -> M:
            response = await self._session.call(route, path_params=path_params, site=site)
            return responses.read_model(response, model, route, self.endpoint)

        return await self._read_once(name, site, path_params, lambda: self.optional.call(route, request))

    async def _list(self, name: str, key: str, model: type[M], site: str) -> list[M]:
        route = ROUTES[name]

        async def request() -> list[M]:
            response = await self._session.call(route, path_params={}, site=site)
            return await responses.read_items(response, key, model, route, self.endpoint)

        return await self._read_once(name, site, {}, lambda: self.optional.call(route, request))

    async def _read_once(
        self, name: str, site: str, path_params: dict[str, str], read: Callable[[], Awaitable[T]]
    ) -> T:
        """`read()`, unless the same read (route, site, path parameters) is in flight: then its answer."""
        return await self.in_flight.run((name, site, tuple(sorted(path_params.items()))), read)

    async def _put(self, name: str, obj: M, site: str, **path_params: str) -> M:
        route = ROUTES[name]
        body = obj.to_payload()
        try:
            response = await self._session.call(route, path_params=path_params, site=site, body=body)
        finally:
            self.in_flight.forget_all()  # a read asked for from now on must see this write
        if response.status_code == 204 or not response.content.strip():
            return obj.model_copy(deep=True)
        return responses.read_model(response, type(obj), route, self.endpoint)

    async def _create(
        self,
        name: str,
        site: str,
        obj: ApiModel | None,
        model: type[M],
        find: Callable[[], Awaitable[M | None]],
    ) -> M:
        route = ROUTES[name]
        body = obj.to_payload() if obj is not None else None
        try:
            return await self._create_sending(route, site, body, model, find)
        finally:
            self.in_flight.forget_all()  # a read asked for from now on must see what was created

    async def _create_sending(
        self,
        route: Route,
        site: str,
        body: object,
        model: type[M],
        find: Callable[[], Awaitable[M | None]],
    ) -> M:
        policy = self._session.retry
        attempts_used = 0  # one budget for every send of this change, whichever loop re-sends it
        while True:
            try:
                response = await self._session.call(
                    route, site=site, body=body, report_ambiguous=True, attempts_used=attempts_used
                )
                return responses.read_model(response, model, route, self.endpoint)
            except AmbiguousFailure as failure:
                attempts_used = failure.attempt
                delay = policy.delay_before_retry(attempts_used, failure.retry_after)
                if delay is None:
                    raise failure.error from None
                log.info("%s %s may have failed; looking before sending again", route.method, route.path)
                await policy.sleep(delay)
                # a listing sent before this POST cannot tell whether it arrived: look afresh
                self.in_flight.forget_all()
                found = await self._look_for(find, failure.error)
                if found is not None:
                    log.info("%s %s had succeeded; using what it created", route.method, route.path)
                    return found

    @staticmethod
    async def _look_for(find: Callable[[], Awaitable[M | None]], original: ApiError) -> M | None:
        try:
            return await find()
        except ApiError:
            # Cannot look, so cannot know: sending again might duplicate. Report the first failure.
            raise original from None
