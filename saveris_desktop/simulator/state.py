"""The simulated cloud's data and rules: accounts, sites, devices, sensors, alarms, virtual loggers.

Every method expects the caller to hold `World.lock` (the API handlers and the facade do) and
raises `Refusal` with the HTTP status and a one-sentence reason when a request breaks a rule.
Rules and decisions the real API does not document (see also the package docstring):

- Site names: 1-64 characters without leading or trailing blanks; letters and digits of any
  script, blanks and . , ( ) & ' / # + - _ (validation.check_site_name).
- Site names are per account: two accounts may both have a "Kitchen". A resource (device, sensor,
  measuring object) of another account, or of another site of the same account, answers 404
  exactly like an unknown uuid, so a caller learns nothing about other tenants.
- PUT replaces the writable fields: one left out returns to its default, read-only fields sent
  back are ignored, unknown fields are refused. A client that drops fields it does not model
  therefore loses data visibly, as it would on a strict real server.
- Measuring objects (measuring.py): a sensor channel feeds at most one logical channel of the site
  (409 otherwise), and measuring object names are unique within a site (409).
- Accounts are configuration (Simulator(accounts=...)): never written to the state file.
"""

from __future__ import annotations

import copy
import hmac
import random
import threading
import uuid
import zoneinfo
from dataclasses import asdict, dataclass
from functools import cache
from typing import Any

from .auth import Principal
from .catalog import (
    MAX_ALARM_DELAY_MS,
    MAX_OFFSET,
    SEVERITIES,
    UNITS_BY_VALUE,
)
from .clock import Clock, iso_utc
from .documents import (
    default_alarms,
    default_device_name,
    device_alarm_kinds,
    device_document,
    display_settings,
    duration,
    kind_of,
    listing,
    same_uuid,
    sensor_alarm_kinds,
    sensor_document,
)
from .loggers import CONNECT_KEY_ALPHABET, KIND_SPECS, LoggerKind, VirtualLogger
from .validation import Obj, check_site_name, fail

NAME_MAX = 64
DEFAULT_TIMEZONE = "Etc/UTC"
STATE_FORMAT = 1


@dataclass
class Account:
    username: str
    password: str

    @property
    def customer_uuid(self) -> str:
        # Stable across restarts, so a saved state file still belongs to the same account.
        return str(uuid.uuid5(uuid.NAMESPACE_URL, f"saveris-sim:customer:{self.username}"))

    @property
    def principal(self) -> Principal:
        return Principal(self.customer_uuid, self.username)


@dataclass
class Site:
    customer_uuid: str
    name: str
    connect_key: str
    timezone: str
    created_at: str


@dataclass(frozen=True)
class Scope:
    """The account and site a site-scoped request acts in."""

    customer_uuid: str
    site: str


@cache
def _known_timezones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


class World:
    def __init__(self, *, clock: Clock, seed: int, join_delay: float, accounts: dict[str, str]) -> None:
        self.lock = threading.RLock()
        self.clock = clock
        self.join_delay = join_delay
        self._seed = seed
        self._rng = random.Random(seed)
        self.accounts = {name: Account(name, password) for name, password in accounts.items()}
        self.revision = 0
        self._reset_data()

    def _reset_data(self) -> None:
        self.sites: dict[tuple[str, str], Site] = {}
        self.devices: dict[str, dict[str, Any]] = {}
        self.sensors: dict[str, dict[str, Any]] = {}
        self.device_alarms: dict[str, dict[str, Any]] = {}
        self.sensor_alarms: dict[str, dict[str, Any]] = {}
        self.measuring_objects: dict[str, dict[str, Any]] = {}
        self.instruction_sets: dict[str, dict[str, Any]] = {}
        self.object_alarms: dict[str, dict[str, Any]] = {}
        self.loggers: dict[str, VirtualLogger] = {}
        self._next_logger = 1

    def reset(self) -> None:
        """Forget every site, device and logger; accounts stay. The seed restarts."""
        self._rng = random.Random(self._seed)
        self._reset_data()
        self.changed()

    def changed(self) -> None:
        self.revision += 1

    # --- ids ---------------------------------------------------------------------------------

    def new_uuid(self) -> str:
        return str(uuid.UUID(int=self._rng.getrandbits(128), version=4))

    def _digits(self, count: int) -> str:
        return "".join(self._rng.choice("0123456789") for _ in range(count))

    def _new_connect_key(self) -> str:
        taken = {site.connect_key for site in self.sites.values()}
        while True:
            raw = "".join(self._rng.choice(CONNECT_KEY_ALPHABET) for _ in range(12))
            key = f"{raw[0:4]}-{raw[4:8]}-{raw[8:12]}"
            if key not in taken:
                return key

    def now_iso(self) -> str:
        return iso_utc(self.clock.wall())

    # --- accounts and sites ------------------------------------------------------------------

    def authenticate(self, username: str, password: str) -> Principal | None:
        account = self.accounts.get(username)
        # Compare in constant time and always do the work, so timing does not reveal user names.
        expected = account.password if account else "\0never\0"
        if hmac.compare_digest(expected.encode(), password.encode()) and account is not None:
            return account.principal
        return None

    def create_site(self, principal: Principal, name: str) -> Site:
        check_site_name(name)
        key = (principal.customer_uuid, name)
        site = self.sites.get(key)
        if site is None:
            site = Site(
                principal.customer_uuid, name, self._new_connect_key(), DEFAULT_TIMEZONE, self.now_iso()
            )
            self.sites[key] = site
            self.changed()
        return site

    def site(self, scope: Scope) -> Site:
        site = self.sites.get((scope.customer_uuid, scope.site))
        if site is None:
            fail(f"site {scope.site!r} not found", status=404)
        return site

    def site_of_key(self, connect_key: str) -> Site | None:
        for site in self.sites.values():
            if site.connect_key.replace("-", "") == connect_key:
                return site
        return None

    def global_settings(self, scope: Scope) -> dict[str, Any]:
        site = self.site(scope)
        return {"timezone": site.timezone}

    def put_global_settings(self, scope: Scope, value: Any) -> dict[str, Any]:
        site = self.site(scope)
        body = Obj(value)
        body.only(("timezone",))
        timezone = body.string("timezone", max_length=64)
        if timezone not in _known_timezones():
            fail(f"timezone must be an IANA time zone name such as Europe/Berlin (got {timezone!r})")
        site.timezone = timezone
        self.changed()
        return {"timezone": timezone}

    # --- devices -----------------------------------------------------------------------------

    def owned(self, docs: dict[str, dict[str, Any]], what: str, scope: Scope, item: str) -> dict[str, Any]:
        self.site(scope)
        doc = docs.get(item)
        if doc is None or doc["customer_uuid"] != scope.customer_uuid or doc["customer_site"] != scope.site:
            fail(f"{what} {item!r} not found in site {scope.site!r}", status=404)
        return doc

    def list_devices(self, scope: Scope) -> list[dict[str, Any]]:
        self.site(scope)
        return [
            copy.deepcopy(doc)
            for doc in self.devices.values()
            if doc["customer_uuid"] == scope.customer_uuid and doc["customer_site"] == scope.site
        ]

    def device(self, scope: Scope, device_uuid: str) -> dict[str, Any]:
        return copy.deepcopy(self.owned(self.devices, "device", scope, device_uuid))

    def put_device(self, scope: Scope, device_uuid: str, value: Any) -> dict[str, Any]:
        doc = self.owned(self.devices, "device", scope, device_uuid)
        capability = doc["capability"]
        spec = KIND_SPECS[kind_of(doc)]
        body = Obj(value)
        writable = {"name", "measuring_cycle", "communication_cycle", "tags"}
        if capability.get("display"):
            writable.add("display_settings")
        body.only(set(doc) | writable)
        same_uuid(body, device_uuid)
        name = body.opt_string("name", max_length=NAME_MAX, allow_empty=False)
        measuring = body.opt_integer("measuring_cycle")
        communication = body.opt_integer("communication_cycle")
        for field, cycle in (("measuring_cycle", measuring), ("communication_cycle", communication)):
            if cycle is not None:
                low, high = capability[f"{field}_min"], capability[f"{field}_max"]
                if not low <= cycle <= high:
                    fail(
                        f"{field} must be between {low} and {high} ms ({duration(low)} to "
                        f"{duration(high)}) for this {doc['model_code']} device (got {cycle})"
                    )
        tags = body.strings("tags")
        display = body.opt_obj("display_settings")
        doc["name"] = name if name is not None else default_device_name(doc)
        doc["measuring_cycle"] = measuring if measuring is not None else spec.default_measuring_cycle
        doc["communication_cycle"] = (
            communication if communication is not None else spec.default_communication_cycle
        )
        doc["tags"] = tags
        if capability.get("display"):
            doc["display_settings"] = display_settings(display)
        doc["last_modified"] = self.now_iso()
        self.changed()
        return copy.deepcopy(doc)

    # --- sensors -----------------------------------------------------------------------------

    def sensor(self, scope: Scope, sensor_uuid: str) -> dict[str, Any]:
        return copy.deepcopy(self.owned(self.sensors, "sensor", scope, sensor_uuid))

    def put_sensor(self, scope: Scope, sensor_uuid: str, value: Any) -> dict[str, Any]:
        doc = self.owned(self.sensors, "sensor", scope, sensor_uuid)
        body = Obj(value)
        body.only(set(doc) | {"name", "channels"})
        same_uuid(body, sensor_uuid)
        name = body.opt_string("name", max_length=NAME_MAX, allow_empty=False)
        current = {channel["channel_index"]: channel for channel in doc["channels"]}
        updates: dict[int, dict[str, Any]] = {}
        for channel in body.objects("channels", max_items=len(current) + 1, required=False):
            channel.only(set(next(iter(current.values()))) | {"name", "offset", "physical_unit_id"})
            index = channel.integer("channel_index", minimum=0)
            if index not in current:
                fail(f"{channel.where}: this sensor has no channel {index} (it has {listing(current)})")
            if index in updates:
                fail(f"{channel.where}: channel {index} is listed twice")
            value_id = current[index]["physical_value_id"]
            sent_value_id = channel.opt_string("physical_value_id")
            if sent_value_id is not None and sent_value_id != value_id:
                fail(f"{channel.where}.physical_value_id is read-only: channel {index} measures {value_id}")
            units = UNITS_BY_VALUE[value_id]
            unit = channel.opt_string("physical_unit_id", max_length=64, allow_empty=False) or units[0]
            if unit not in units:
                fail(f"{channel.where}.physical_unit_id must be one of {', '.join(units)} for {value_id}")
            limit = MAX_OFFSET[value_id]
            offset = channel.opt_number("offset", minimum=-limit, maximum=limit)
            updates[index] = {
                "name": channel.opt_string("name", max_length=NAME_MAX) or current[index]["factory_name"],
                "physical_unit_id": unit,
                "offset": offset or 0.0,
            }
        missing = sorted(set(current) - set(updates))
        if missing and updates:
            fail(f"channels must list every channel of the sensor (missing {listing(missing)})")
        for index in missing:  # no channels at all: every channel back to its factory settings
            channel_doc = current[index]
            updates[index] = {
                "name": channel_doc["factory_name"],
                "physical_unit_id": UNITS_BY_VALUE[channel_doc["physical_value_id"]][0],
                "offset": 0.0,
            }
        for index, update in updates.items():
            current[index].update(update)
        doc["name"] = name if name is not None else doc["factory_name"]
        doc["last_modified"] = self.now_iso()
        self.changed()
        return copy.deepcopy(doc)

    # --- system alarm configurations ---------------------------------------------------------

    def device_alarm_configuration(self, scope: Scope, device_uuid: str) -> dict[str, Any]:
        self.owned(self.devices, "device", scope, device_uuid)
        return copy.deepcopy(self.device_alarms[device_uuid])

    def put_device_alarm_configuration(self, scope: Scope, device_uuid: str, value: Any) -> dict[str, Any]:
        doc = self.owned(self.devices, "device", scope, device_uuid)
        kinds = device_alarm_kinds(doc)
        self.device_alarms[device_uuid] = self._system_alarms(value, kinds, "device")
        self.changed()
        return copy.deepcopy(self.device_alarms[device_uuid])

    def sensor_alarm_configuration(self, scope: Scope, sensor_uuid: str) -> dict[str, Any]:
        self.owned(self.sensors, "sensor", scope, sensor_uuid)
        return copy.deepcopy(self.sensor_alarms[sensor_uuid])

    def put_sensor_alarm_configuration(self, scope: Scope, sensor_uuid: str, value: Any) -> dict[str, Any]:
        doc = self.owned(self.sensors, "sensor", scope, sensor_uuid)
        kinds = sensor_alarm_kinds(doc)
        self.sensor_alarms[sensor_uuid] = self._system_alarms(value, kinds, "sensor")
        self.changed()
        return copy.deepcopy(self.sensor_alarms[sensor_uuid])

    def _system_alarms(self, value: Any, kinds: tuple[str, ...], what: str) -> dict[str, Any]:
        body = Obj(value)
        body.only(("alarms", "updated_at"))
        alarms: list[dict[str, Any]] = []
        seen: set[str] = set()
        for alarm in body.objects("alarms", max_items=len(kinds), required=False):
            alarm.only(("alarm_type", "enabled", "severity", "delay"))
            kind = alarm.string("alarm_type", max_length=64)
            if kind not in kinds:
                fail(f"{alarm.where}.alarm_type: this {what} supports {', '.join(kinds)} (not {kind!r})")
            if kind in seen:
                fail(f"{alarm.where}: alarm_type {kind} is listed twice")
            seen.add(kind)
            alarms.append(
                {
                    "alarm_type": kind,
                    "enabled": alarm.boolean("enabled", default=True),
                    "severity": alarm.choice("severity", SEVERITIES)
                    if alarm.has("severity")
                    else "ASV_ALARM",
                    "delay": alarm.opt_integer("delay", minimum=0, maximum=MAX_ALARM_DELAY_MS) or 0,
                }
            )
        return {"alarms": alarms, "updated_at": self.now_iso()}

    def objects_of(self, scope: Scope) -> list[dict[str, Any]]:
        return [
            doc
            for doc in self.measuring_objects.values()
            if doc["customer_uuid"] == scope.customer_uuid and doc["customer_site"] == scope.site
        ]

    # --- virtual loggers ---------------------------------------------------------------------

    def create_logger(self, kind: LoggerKind) -> VirtualLogger:
        spec = KIND_SPECS[kind]
        logger = VirtualLogger(
            logger_id=f"vl-{self._next_logger}",
            kind=kind,
            serial_number=spec.serial_prefix + self._digits(6),
            device_uuid=self.new_uuid(),
            sensor_uuids=tuple(self.new_uuid() for _ in spec.sensors),
            sensor_serials=tuple("7" + self._digits(8) for _ in spec.sensors),
        )
        self._next_logger += 1
        self.loggers[logger.id] = logger
        self.changed()
        return logger

    def logger(self, logger_id: str) -> VirtualLogger:
        logger = self.loggers.get(logger_id)
        if logger is None:
            fail(f"virtual logger {logger_id!r} not found", status=404)
        return logger

    def tick(self) -> None:
        """Let every logger whose join delay has passed join its site (or be refused)."""
        now = self.clock.now()
        for logger in self.loggers.values():
            if logger.join_due is None or logger.join_due > now:
                continue
            site = self.site_of_key(logger.pending_key or "")
            if site is None:
                logger.refused()
            else:
                self._attach(logger, site)
                logger.joined(site.name, site.customer_uuid)
            self.changed()

    def _attach(self, logger: VirtualLogger, site: Site) -> None:
        doc = self.devices.get(logger.device_uuid)
        if doc is not None:
            if (doc["customer_uuid"], doc["customer_site"]) != (site.customer_uuid, site.name):
                self._detach(logger)
            for sensor_uuid in logger.sensor_uuids:
                self.sensors[sensor_uuid].update(customer_uuid=site.customer_uuid, customer_site=site.name)
            doc.update(customer_uuid=site.customer_uuid, customer_site=site.name)
            doc["connection"]["wifi_ssid"] = logger.wifi_ssid
            return
        joined = self.now_iso()
        self.devices[logger.device_uuid] = device_document(logger, site, joined)
        for slot, (sensor_uuid, serial, sensor_spec) in enumerate(
            zip(logger.sensor_uuids, logger.sensor_serials, logger.spec.sensors, strict=True)
        ):
            self.sensors[sensor_uuid] = sensor_document(sensor_uuid, serial, sensor_spec, logger, site, slot)
            self.sensor_alarms[sensor_uuid] = {
                "alarms": default_alarms(sensor_alarm_kinds(self.sensors[sensor_uuid])),
                "updated_at": joined,
            }
        self.device_alarms[logger.device_uuid] = {
            "alarms": default_alarms(device_alarm_kinds(self.devices[logger.device_uuid])),
            "updated_at": joined,
        }

    def _detach(self, logger: VirtualLogger) -> None:
        """A logger moving to another site stops feeding the measuring objects of its old one."""
        moving = set(logger.sensor_uuids)
        for doc in self.measuring_objects.values():
            for channel in doc["logical_channels"]:
                ref = channel.get("sensor_channel")
                if ref is not None and ref["sensor_uuid"] in moving:
                    channel["sensor_channel"] = None

    # --- persistence -------------------------------------------------------------------------

    def snapshot(self) -> dict[str, Any]:
        now = self.clock.now()
        return copy.deepcopy(
            {
                "format": STATE_FORMAT,
                "rng": _rng_state(self._rng),
                "next_logger": self._next_logger,
                "sites": [asdict(site) for site in self.sites.values()],
                **{name: getattr(self, name) for name in _DOCUMENT_TABLES},
                "loggers": [logger.persisted(now) for logger in self.loggers.values()],
            }
        )

    def restore(self, data: Any) -> None:
        """Take over a snapshot's data. A damaged one raises ValueError and leaves the world as it was."""
        if not isinstance(data, dict) or data.get("format") != STATE_FORMAT:
            found = data.get("format") if isinstance(data, dict) else type(data).__name__
            raise ValueError(f"unsupported simulator state format {found!r}")
        now = self.clock.now()
        try:
            rng = random.Random()
            rng.setstate(_rng_from_json(data["rng"]))
            next_logger = int(data["next_logger"])
            sites = [Site(**raw) for raw in data["sites"]]
            documents = {name: data[name] for name in _DOCUMENT_TABLES}
            if not all(
                isinstance(table, dict) and all(isinstance(doc, dict) for doc in table.values())
                for table in documents.values()
            ):
                raise TypeError("a document table is not an object of objects")
            loggers = [VirtualLogger.restore(raw, now) for raw in data["loggers"]]
        except (KeyError, TypeError, AttributeError, ValueError) as exc:
            raise ValueError(f"damaged simulator state: {exc!r}") from exc
        self._reset_data()
        self._rng = rng
        self._next_logger = next_logger
        self.sites = {(site.customer_uuid, site.name): site for site in sites}
        for name, table in documents.items():
            setattr(self, name, table)
        self.loggers = {logger.id: logger for logger in loggers}
        self.changed()


#: The World attributes holding API documents by uuid, saved and restored as they are.
_DOCUMENT_TABLES = (
    "devices",
    "sensors",
    "device_alarms",
    "sensor_alarms",
    "measuring_objects",
    "instruction_sets",
    "object_alarms",
)


def _rng_state(rng: random.Random) -> list[Any]:
    version, internal, gauss = rng.getstate()
    return [version, list(internal), gauss]


def _rng_from_json(data: list[Any]) -> tuple[Any, ...]:
    version, internal, gauss = data
    return (version, tuple(internal), gauss)
