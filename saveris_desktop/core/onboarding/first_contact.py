"""First contact with a cloud account: what the server offers, and what its answers look like.

Most of the API is this project's reading of testo's overview, so the first sign-in against a real
account is where every guess meets the truth. This check signs in (when asked to), reads the
documented operations the app needs (`GET /devices`, `GET /connect-keys` of an existing site) the
way the app reads them, probes every read that is not documented (routes with documented=False),
and writes a *shape report* support can read: each operation offered or not with its status code,
and per answer the JSON keys, the JSON types seen for each and the enum-like values seen.

It only ever reads (GET), never changes anything in the cloud. The report holds no secrets: no
password, token or connect key, no ids, serial numbers only shortened (`…1234`), no free text the
server stored (names, descriptions); only values that look like codes (`PV_TEMPERATURE`) or sit in
type-like fields (`physical_unit`, `…TypeId`). `saveris-cli check-api` and the app's Help menu run it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from saveris_desktop import __version__
from saveris_desktop.api import redaction
from saveris_desktop.api.errors import (
    ApiError,
    InvalidResponseError,
    NetworkError,
    NotFoundError,
    OperationNotOfferedError,
    ServerError,
)
from saveris_desktop.api.routes import ROUTES, Route
from saveris_desktop.core.runtime import paths
from saveris_desktop.core.runtime.files import write_text_atomically_blocking
from saveris_desktop.core.runtime.sentences import QT_TRANSLATE_NOOP, Sentence

if TYPE_CHECKING:  # the client (httpx, pydantic) is imported by whoever calls the check
    from saveris_desktop.api.client import DeviceManagementClient

REPORT_FORMAT = "saveris-first-contact"
REPORT_VERSION = 1

#: Enum-like values kept per field; more are counted, not listed.
MAX_VALUES_PER_FIELD = 25


class Outcome(StrEnum):
    WORKS = "works"
    NOT_OFFERED = "not offered"  # 403 Missing Authentication Token, 405, 501 (404 for assumed reads)
    REFUSED = "refused"  # the server answered no: permission, unknown site, refused values
    FAILED = "failed"  # no connection, server error, or an answer the app cannot read
    NOT_TRIED = "not tried"  # an earlier step failed, or nothing to read it for


@dataclass
class Probe:
    operation: str
    method: str
    path: str
    documented: bool
    #: the app cannot work without it (the token and the documented reads)
    needed: bool
    outcome: Outcome = Outcome.NOT_TRIED
    status: int | None = None
    #: one sentence: what went wrong, or why it was not tried; empty when it works
    message: str = ""
    error: ApiError | None = field(default=None, repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "operation": self.operation,
            "method": self.method,
            "path": self.path,
            "documented": self.documented,
            "needed": self.needed,
            "outcome": str(self.outcome),
            "status": self.status,
            "message": redaction.redact(self.message),
        }


def short_serial(serial: str | None) -> str:
    """`…1234`: enough for support to tell loggers apart, not enough to identify one."""
    text = (serial or "").strip()
    return f"…{text[-4:]}" if text else "?"


_CODE = re.compile(r"^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$")
_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_TYPE_LIKE_KEY = re.compile(r"(?:Id|_id|type|Type|unit|Unit|severity|Severity|status|Status|family|kind)$")
#: Fields whose values are never written, whatever they look like.
_NEVER_SHOWN = frozenset({"connect_key", "serial_number", "name", "description", "site", "customer_site"})


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def _enum_like(key: str, value: str) -> bool:
    if key in _NEVER_SHOWN or redaction.is_secret_name(key) or key.endswith("uuid"):
        return False
    text = value.strip()
    if not text or len(text) > 40 or _UUID.match(text) or text.replace(" ", "").isdigit():
        return False
    if _CODE.match(text):
        return True
    return bool(_TYPE_LIKE_KEY.search(key)) and not any(ch.isdigit() for ch in text[:4])


@dataclass
class Shapes:
    """Per kind of answer (the operation's name): field path -> JSON types and enum-like values."""

    types: dict[str, dict[str, set[str]]] = field(default_factory=dict)
    values: dict[str, dict[str, set[str]]] = field(default_factory=dict)
    more_values: dict[str, dict[str, int]] = field(default_factory=dict)

    def add(self, kind: str, document: Any) -> None:
        self._walk(kind, document, "", "")

    def _walk(self, kind: str, value: Any, path: str, key: str) -> None:
        self.types.setdefault(kind, {}).setdefault(path or "(root)", set()).add(_json_type(value))
        if isinstance(value, dict):
            for child_key, child in value.items():
                name = str(child_key)
                self._walk(kind, child, f"{path}.{name}" if path else name, name)
        elif isinstance(value, list):
            for item in value:
                self._walk(kind, item, f"{path}[]", key)
        elif isinstance(value, str) and _enum_like(key, value):
            seen = self.values.setdefault(kind, {}).setdefault(path, set())
            if value in seen or len(seen) < MAX_VALUES_PER_FIELD:
                seen.add(value)
            else:
                more = self.more_values.setdefault(kind, {})
                more[path] = more.get(path, 0) + 1

    def to_dict(self) -> dict[str, Any]:
        report: dict[str, Any] = {}
        for kind in sorted(self.types):
            fields = {path: " | ".join(sorted(types)) for path, types in sorted(self.types[kind].items())}
            values = {path: sorted(found) for path, found in sorted(self.values.get(kind, {}).items())}
            report[kind] = {"fields": fields, "enum_values": values}
            if self.more_values.get(kind):
                report[kind]["enum_values_not_listed"] = dict(sorted(self.more_values[kind].items()))
        return report


@dataclass
class FirstContact:
    """What the check found; `to_dict()` is the report (no secrets)."""

    endpoint: str
    base_url: str
    site: str | None
    started_at: str
    probes: list[Probe] = field(default_factory=list)
    shapes: Shapes = field(default_factory=Shapes)
    device_count: int | None = None
    #: the logger whose own reads were probed, shortened serial number
    probed_device: str | None = None
    report_path: Path | None = None

    @property
    def ok(self) -> bool:
        """Everything the app needs works (what can be tested without writing)."""
        return all(p.outcome is Outcome.WORKS for p in self.probes if p.needed)

    @property
    def first_failure(self) -> Probe | None:
        return next((p for p in self.probes if p.needed and p.outcome is not Outcome.WORKS), None)

    def probe(self, operation: str) -> Probe:
        return next(p for p in self.probes if p.operation == operation)

    def summary(self) -> str:
        """One sentence for the technician."""
        failure = self.first_failure
        if failure is not None:
            return failure.message or f"{failure.operation}: {failure.outcome}"
        offered = sum(1 for p in self.probes if not p.documented and p.outcome is Outcome.WORKS)
        optional = sum(1 for p in self.probes if not p.documented and p.outcome is not Outcome.NOT_TRIED)
        if self.site is None:
            return Sentence(
                QT_TRANSLATE_NOOP("CoreSentences", "Sign-in works. Give an existing site to check the rest.")
            )
        return Sentence(
            QT_TRANSLATE_NOOP(
                "CoreSentences",
                "Everything the app needs works; %1 of %2 reads beyond testo's documentation are offered.",
            ),
            str(offered),
            str(optional),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": REPORT_FORMAT,
            "version": REPORT_VERSION,
            "app_version": __version__,
            "started_at": self.started_at,
            "endpoint": self.endpoint,
            "base_url": self.base_url,
            "site": self.site,
            "ok": self.ok,
            "summary": redaction.redact(self.summary()),
            "device_count": self.device_count,
            "probed_device": self.probed_device,
            "operations": [p.to_dict() for p in self.probes],
            "shapes": self.shapes.to_dict(),
        }


def default_report_path(now: datetime | None = None) -> Path:
    """`<data folder>/first-contact/first-contact-<UTC time>.json`: kept, one file per check."""
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
    folder = paths.data_dir() / "first-contact"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"first-contact-{stamp}.json"


def write_report(result: FirstContact, path: Path) -> Path:
    """Write the report atomically (blocking: run it in a worker thread on an event loop)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(result.to_dict(), indent=2, ensure_ascii=False, sort_keys=False)
    write_text_atomically_blocking(path, redaction.redact(text) + "\n")
    result.report_path = path
    return path


def _outcome_of(error: ApiError, route: Route) -> Outcome:
    if isinstance(error, OperationNotOfferedError):
        return Outcome.NOT_OFFERED
    # An assumed read answering 404 for an object that was just listed: the route is not there.
    if isinstance(error, NotFoundError) and not route.documented and route.path_params:
        return Outcome.NOT_OFFERED
    if isinstance(error, NetworkError | ServerError | InvalidResponseError):
        return Outcome.FAILED
    return Outcome.REFUSED


def _new_probe(name: str, *, needed: bool | None = None) -> Probe:
    route = ROUTES[name]
    return Probe(
        operation=name,
        method=route.method,
        path=route.path,
        documented=route.documented,
        needed=route.documented if needed is None else needed,
    )


def _failed(probe: Probe, error: ApiError) -> None:
    probe.outcome = _outcome_of(error, ROUTES[probe.operation])
    probe.status = error.status
    probe.message = error.message
    probe.error = error


#: Which listed thing fills `{uuid}` of an assumed read, by the path's first segment.
_ID_SOURCES = {"devices": "device", "sensors": "sensor", "measuring-objects": "measuring object"}


def _first_id(items: Any, *keys: str) -> str | None:
    if not isinstance(items, list):
        return None
    for item in items:
        if isinstance(item, dict):
            for key in keys:
                value = item.get(key)
                if isinstance(value, str) and value:
                    return value
    return None


class _Check:
    def __init__(self, client: DeviceManagementClient, site: str | None, result: FirstContact) -> None:
        self.client = client
        self.site = site
        self.result = result
        self.ids: dict[str, str | None] = {}

    async def raw(self, probe: Probe, **path_params: str) -> Any | None:
        """The answer's JSON (None when the read failed; the probe says why)."""
        assert self.site is not None  # noqa: S101  (reads run only with a site)
        try:
            response = await self.client.read_raw(probe.operation, self.site, **path_params)
        except ApiError as error:
            _failed(probe, error)
            return None
        probe.status = response.status_code
        try:
            document = response.json() if response.content.strip() else None
        except ValueError:
            probe.outcome = Outcome.FAILED
            probe.message = f"The answer of {probe.method} {probe.path} is not JSON."
            return None
        probe.outcome = Outcome.WORKS
        self.result.shapes.add(probe.operation, document)
        return document

    async def parsed(self, probe: Probe, read: Callable[[], Awaitable[object]]) -> None:
        """Read it again the way the app does: the app must understand what arrived, too."""
        if probe.outcome is not Outcome.WORKS:
            return
        try:
            await read()
        except ApiError as error:
            _failed(probe, error)

    async def run(self) -> None:
        assert self.site is not None  # noqa: S101
        site, client = self.site, self.client
        listing = _new_probe("list_devices")
        self.result.probes.append(listing)
        document = await self.raw(listing)
        await self.parsed(listing, lambda: client.list_devices(site))
        devices = document.get("devices") if isinstance(document, dict) else None
        if isinstance(devices, list):
            self.result.device_count = len(devices)
            first = next((d for d in devices if isinstance(d, dict) and d.get("uuid")), None)
            if first is not None:
                self.ids["device"] = str(first["uuid"])
                self.result.probed_device = short_serial(first.get("serial_number"))
                self.ids["sensor"] = _first_id(first.get("sensors_connections"), "sensor_uuid")
        key = _new_probe("get_connect_key")
        self.result.probes.append(key)
        await self.raw(key)
        await self.parsed(key, lambda: client.get_connect_key(site))
        if listing.outcome is not Outcome.WORKS:
            return  # the site itself cannot be read: the assumed reads would only repeat that
        await self.probe_assumed_reads()

    async def probe_assumed_reads(self) -> None:
        reads = [r for r in ROUTES.values() if r.method == "GET" and not r.documented]
        # Lists first: they supply the ids the single-object reads need.
        for route in sorted(reads, key=lambda r: len(r.path_params)):
            probe = _new_probe(route.name)
            self.result.probes.append(probe)
            if not route.path_params:
                document = await self.raw(probe)
                if route.name == "list_measuring_objects" and isinstance(document, dict):
                    items = document.get("measuring_objects")
                    self.ids["measuring object"] = _first_id(
                        items, "uuid", "measuring_object_uuid", "mo_uuid"
                    )
                continue
            source = _ID_SOURCES.get(route.path.split("/")[1])
            uuid = self.ids.get(source) if source else None
            if uuid is None:
                probe.message = f"No {source or 'object'} on the site to read it for."
                continue
            await self.raw(probe, uuid=uuid)


async def check_first_contact(
    client: DeviceManagementClient,
    site: str | None,
    *,
    sign_in: Callable[[], Awaitable[None]] | None = None,
) -> FirstContact:
    """Run the check (reads only). `sign_in`: sign the client in first and report how that went;
    None when the client is signed in already (the app). Failures are in the result, not raised;
    only a cancellation ends it early."""
    result = FirstContact(
        endpoint=client.endpoint.label,
        base_url=client.endpoint.base_url,
        site=site,
        started_at=datetime.now(UTC).isoformat(timespec="seconds"),
    )
    token = _new_probe("token", needed=True)
    result.probes.append(token)
    try:
        if sign_in is not None:
            await sign_in()
            token.status = 200
        elif not client.is_signed_in:
            raise ApiError("Nobody is signed in; please sign in first.", operation="token")
        token.outcome = Outcome.WORKS
    except ApiError as error:
        _failed(token, error)
        return result
    if site is None:
        return result
    await _Check(client, site, result).run()
    return result
