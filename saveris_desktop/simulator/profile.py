"""Which server the simulator plays: a profile is a set of named switches, each testable alone.

- "assumed" (the default): the contract this project assumed and wrote down in
  resources/openapi/device-management-api.yaml: every route of api/routes.py ROUTES, every error
  with a `{"status": "Error", "message": ...}` body, the shapes of api/models.py. No switch is on.
- "documented": the real service as the public evidence of docs/saveris-api.md ("Added 2026-11-28")
  shows it: AWS API Gateway with Lambda in front of the operations testo's overview names, with the
  payload shapes seen in testo's sibling APIs. Every switch is on.

A test that needs one behaviour alone builds its own: `Profile(name="x", plain_text_alarms=True)`
or `replace(DOCUMENTED, response_size_limit=2_000)` (the gateway's 6 MB, cheap to reach).
The world (world.py, rules.py, joining.py, measuring.py) never looks at the profile: the gateway
switches act on the way in and out of endpoints.py, the shape switches translate documents in
shapes.py, so both profiles share one set of rules and one stored state.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

#: Lambda's limit for a synchronous answer ("6 MB"; AWS means MiB): API Gateway answers 413 above it.
GATEWAY_RESPONSE_LIMIT = 6 * 1024 * 1024


@dataclass(frozen=True)
class Profile:
    name: str = "assumed"
    #: Serve only the routes with `documented=True`; any other path or method answers API Gateway's
    #: 403 `{"message": "Missing Authentication Token"}` (before the token is looked at).
    documented_routes_only: bool = False
    #: 400, 401 and 403 answers carry no body (testo's Data API); 5xx keep `{"status", "message"}`.
    bodiless_client_errors: bool = False
    #: An answer larger than this many bytes is replaced by API Gateway's 413 (None: no limit).
    #: The request was carried out all the same: Lambda ran, only its answer is lost.
    response_size_limit: int | None = None
    #: Devices list their free slots (`"sensor_uuid": null`) and carry nulls in fields the docs do
    #: not promise (battery types, firmware details, validity end, hardware revision, signal).
    sparse_devices: bool = False
    #: Measurement alarm conditions are answered in plain text ("Lower limit", "Warning",
    #: "Temperature", "°C") instead of codes; both forms are accepted in requests.
    plain_text_alarms: bool = False
    #: Measuring objects in the shape of testo's sibling APIs: `measuring_object_uuid`, no name,
    #: logical channels with `channel_assignments` [{"channel_id", "equipment_parts_uuid"}], the
    #: instruction set as `measuring_rate_ms`. Both shapes are accepted in requests.
    sibling_measuring_objects: bool = False

    @property
    def switches(self) -> dict[str, object]:
        """Every switch and its value (for the control API's overview and the banner)."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "name"}


ASSUMED = Profile()
DOCUMENTED = Profile(
    name="documented",
    documented_routes_only=True,
    bodiless_client_errors=True,
    response_size_limit=GATEWAY_RESPONSE_LIMIT,
    sparse_devices=True,
    plain_text_alarms=True,
    sibling_measuring_objects=True,
)
PROFILES: dict[str, Profile] = {profile.name: profile for profile in (ASSUMED, DOCUMENTED)}


def profile_named(name: str) -> Profile:
    """The profile called `name`; ValueError naming the choices otherwise."""
    try:
        return PROFILES[name]
    except KeyError:
        raise ValueError(f"unknown simulator profile {name!r} (choose {' or '.join(PROFILES)})") from None
