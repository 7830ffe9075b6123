"""The one route table: every path the client calls and the simulator serves.

`documented` is True where testo's overview names the operation; everything else is this
project's assumption and is marked so in resources/openapi/device-management-api.yaml as well.
"""

from __future__ import annotations

from dataclasses import dataclass
from string import Formatter
from urllib.parse import quote


@dataclass(frozen=True)
class Route:
    name: str
    method: str
    path: str
    site_scoped: bool
    documented: bool
    summary: str

    @property
    def path_params(self) -> tuple[str, ...]:
        return tuple(field for _, field, _, _ in Formatter().parse(self.path) if field)

    @property
    def idempotent(self) -> bool:
        """GET and PUT may be re-sent after an ambiguous failure; POST may not."""
        return self.method in ("GET", "PUT", "DELETE")

    def format(self, **params: str) -> str:
        missing = set(self.path_params) - params.keys()
        if missing:
            raise KeyError(f"route {self.name} needs {sorted(missing)}")
        return self.path.format(**{k: quote(str(v), safe="") for k, v in params.items()})


def _r(name: str, method: str, path: str, *, site: bool = True, documented: bool, summary: str) -> Route:
    return Route(name, method, path, site, documented, summary)


ROUTES: dict[str, Route] = {
    r.name: r
    for r in (
        _r("token", "POST", "/token", site=False, documented=True, summary="Get an id token"),
        _r(
            "create_connect_key",
            "POST",
            "/connect-keys",
            documented=True,
            summary="Create a site (if new) and return its connect key",
        ),
        _r("get_connect_key", "GET", "/connect-keys", documented=True, summary="Read a site's connect key"),
        _r(
            "get_global_settings",
            "GET",
            "/settings/global",
            documented=False,
            summary="Read the site's global settings (timezone)",
        ),
        _r(
            "put_global_settings",
            "PUT",
            "/settings/global",
            documented=True,
            summary="Set the site's global settings (timezone)",
        ),
        _r("list_devices", "GET", "/devices", documented=True, summary="List the site's devices"),
        _r("get_device", "GET", "/devices/{uuid}", documented=False, summary="Read one device"),
        _r(
            "put_device",
            "PUT",
            "/devices/{uuid}",
            documented=True,
            summary="Write a device's measurement settings",
        ),
        _r("get_sensor", "GET", "/sensors/{uuid}", documented=False, summary="Read one sensor"),
        _r("put_sensor", "PUT", "/sensors/{uuid}", documented=True, summary="Write a sensor's settings"),
        _r(
            "get_device_alarm_configuration",
            "GET",
            "/devices/{uuid}/alarm-configuration",
            documented=False,
            summary="Read a device's system alarm configuration",
        ),
        _r(
            "put_device_alarm_configuration",
            "PUT",
            "/devices/{uuid}/alarm-configuration",
            documented=True,
            summary="Write a device's system alarm configuration",
        ),
        _r(
            "get_sensor_alarm_configuration",
            "GET",
            "/sensors/{uuid}/alarm-configuration",
            documented=False,
            summary="Read a sensor's alarm configuration",
        ),
        _r(
            "put_sensor_alarm_configuration",
            "PUT",
            "/sensors/{uuid}/alarm-configuration",
            documented=True,
            summary="Write a sensor's alarm configuration",
        ),
        _r(
            "list_measuring_objects",
            "GET",
            "/measuring-objects",
            documented=False,
            summary="List the site's measuring objects",
        ),
        _r(
            "get_measuring_object",
            "GET",
            "/measuring-objects/{uuid}",
            documented=False,
            summary="Read one measuring object",
        ),
        _r(
            "create_measuring_object",
            "POST",
            "/measuring-objects",
            documented=True,
            summary="Create a measuring object with logical channels",
        ),
        _r(
            "get_measuring_instruction_set",
            "GET",
            "/measuring-objects/{uuid}/measuring-instruction-set",
            documented=False,
            summary="Read a measuring object's instruction set",
        ),
        _r(
            "put_measuring_instruction_set",
            "PUT",
            "/measuring-objects/{uuid}/measuring-instruction-set",
            documented=True,
            summary="Write a measuring object's instruction set",
        ),
        _r(
            "get_measuring_object_alarm_configuration",
            "GET",
            "/measuring-objects/{uuid}/alarm-configuration",
            documented=False,
            summary="Read a measuring object's measurement alarm configuration",
        ),
        _r(
            "put_measuring_object_alarm_configuration",
            "PUT",
            "/measuring-objects/{uuid}/alarm-configuration",
            documented=True,
            summary="Write a measuring object's measurement alarm configuration",
        ),
    )
}
