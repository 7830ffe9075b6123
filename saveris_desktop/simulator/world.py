"""The simulated cloud's tables (accounts, sites, API documents, virtual loggers) and their scoped lookups.

Every method expects the caller to hold `World.lock` (the API handlers and the facade do) and
raises `Refusal` with the HTTP status and a one-sentence reason when a lookup finds nothing.
What is written by a request lives elsewhere: PUT rules in rules.py, measuring objects in
measuring.py, loggers joining a site in joining.py, the state file in persistence.py.
Decisions about the tables the real API does not document (see also the package docstring):

- Site names: 1-64 characters without leading or trailing blanks; letters and digits of any
  script, blanks and . , ( ) & ' / # + - _ (validation.check_site_name).
- Site names are per account: two accounts may both have a "Kitchen". A resource (device, sensor,
  measuring object) of another account, or of another site of the same account, answers 404
  exactly like an unknown uuid, so a caller learns nothing about other tenants.
- Accounts are configuration (Simulator(accounts=...)): never written to the state file.
"""

from __future__ import annotations

import copy
import hmac
import random
import threading
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .auth import Principal
from .clock import Clock, iso_utc
from .loggers import CONNECT_KEY_ALPHABET, VirtualLogger
from .validation import check_site_name, fail

NAME_MAX = 64
DEFAULT_TIMEZONE = "Etc/UTC"

#: The World attributes holding API documents by uuid (persistence.py saves them as they are).
DOCUMENT_TABLES = (
    "devices",
    "sensors",
    "device_alarms",
    "sensor_alarms",
    "measuring_objects",
    "instruction_sets",
    "object_alarms",
)


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


class World:
    def __init__(self, *, clock: Clock, seed: int, join_delay: float, accounts: dict[str, str]) -> None:
        self.lock = threading.RLock()
        self.clock = clock
        self.join_delay = join_delay
        self._seed = seed
        #: Every id and serial number comes from here, so a seed replays the same world.
        self.rng = random.Random(seed)
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
        #: The number of the next virtual logger's id (vl-1, vl-2, ...).
        self.next_logger = 1

    def reset(self) -> None:
        """Forget every site, device and logger; accounts stay. The seed restarts."""
        self.rng = random.Random(self._seed)
        self._reset_data()
        self.changed()

    def replace_data(
        self,
        *,
        rng: random.Random,
        next_logger: int,
        sites: Iterable[Site],
        documents: dict[str, dict[str, dict[str, Any]]],
        loggers: Iterable[VirtualLogger],
    ) -> None:
        """Take over every table at once (a restored state file); accounts stay."""
        self._reset_data()
        self.rng = rng
        self.next_logger = next_logger
        self.sites = {(site.customer_uuid, site.name): site for site in sites}
        for name in DOCUMENT_TABLES:
            setattr(self, name, documents[name])
        self.loggers = {logger.id: logger for logger in loggers}
        self.changed()

    def changed(self) -> None:
        self.revision += 1

    # --- ids ---------------------------------------------------------------------------------

    def new_uuid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def new_digits(self, count: int) -> str:
        return "".join(self.rng.choice("0123456789") for _ in range(count))

    def new_logger_id(self) -> str:
        logger_id = f"vl-{self.next_logger}"
        self.next_logger += 1
        return logger_id

    def _new_connect_key(self) -> str:
        taken = {site.connect_key for site in self.sites.values()}
        while True:
            raw = "".join(self.rng.choice(CONNECT_KEY_ALPHABET) for _ in range(12))
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

    # --- documents ---------------------------------------------------------------------------

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

    def sensor(self, scope: Scope, sensor_uuid: str) -> dict[str, Any]:
        return copy.deepcopy(self.owned(self.sensors, "sensor", scope, sensor_uuid))

    def device_alarm_configuration(self, scope: Scope, device_uuid: str) -> dict[str, Any]:
        self.owned(self.devices, "device", scope, device_uuid)
        return copy.deepcopy(self.device_alarms[device_uuid])

    def sensor_alarm_configuration(self, scope: Scope, sensor_uuid: str) -> dict[str, Any]:
        self.owned(self.sensors, "sensor", scope, sensor_uuid)
        return copy.deepcopy(self.sensor_alarms[sensor_uuid])

    def objects_of(self, scope: Scope) -> list[dict[str, Any]]:
        return [
            doc
            for doc in self.measuring_objects.values()
            if doc["customer_uuid"] == scope.customer_uuid and doc["customer_site"] == scope.site
        ]

    # --- virtual loggers ---------------------------------------------------------------------

    def logger(self, logger_id: str) -> VirtualLogger:
        logger = self.loggers.get(logger_id)
        if logger is None:
            fail(f"virtual logger {logger_id!r} not found", status=404)
        return logger
