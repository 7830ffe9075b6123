"""Create a site, read its connect key, set its time zone and read its devices: the wizard's site step.

One sequence for every caller (the wizard's site page, `saveris-cli site create`), so they cannot
drift apart. A failure says which stage failed, so the wizard shows it next to the right field;
once the site exists the error carries its connect key, so a later stage's failure never loses it.
The time zone is optional in testo's procedure: its failure is a result (`SiteReady.timezone`,
queued in the outbox when a queue is given), never a stop.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol

from saveris_desktop.api.errors import ApiError, ConflictError
from saveris_desktop.api.listing import DeviceListing
from saveris_desktop.api.models import ConnectKey, GlobalSettings
from saveris_desktop.core.onboarding.flow import TimezoneResult, set_site_timezone

if TYPE_CHECKING:
    from saveris_desktop.core.runtime.services import ChangeQueue


class SiteClient(Protocol):
    """What the sequence needs from the API client."""

    async def create_connect_key(self, site: str) -> ConnectKey: ...

    async def get_connect_key(self, site: str) -> ConnectKey: ...

    async def put_global_settings(self, site: str, settings: GlobalSettings) -> GlobalSettings: ...

    async def list_devices(self, site: str) -> DeviceListing: ...


class SetupStage(StrEnum):
    SITE = "site"
    DEVICES = "devices"


class SiteSetupError(Exception):
    """`error` failed at `stage`; `key` is the site's connect key when the site exists already."""

    def __init__(self, stage: SetupStage, error: BaseException, key: ConnectKey | None = None) -> None:
        super().__init__(str(stage))
        self.stage = stage
        self.error = error
        self.key = key


@dataclass(frozen=True)
class SiteReady:
    key: ConnectKey
    #: the site's devices right after creation: the baseline of "new" loggers
    devices: DeviceListing = field(default_factory=DeviceListing)
    #: what became of the time zone; None when none was asked for
    timezone: TimezoneResult | None = None

    @property
    def site(self) -> str:
        return self.key.site


async def create_site(
    client: SiteClient,
    site: str,
    timezone: str | None,
    *,
    queue: ChangeQueue | None = None,
    describe: Callable[[ApiError], str] = str,
) -> SiteReady:
    """Create `site` (or take the existing one), set `timezone` unless None, list its devices.

    `site` must already be normalised by onboarding.check_site_name. Raises SiteSetupError when the
    site cannot be created or its devices not listed; a time zone the cloud did not take is in the
    result (words from `describe`) and waits in `queue` when one is given.
    """
    try:
        try:
            key = await client.create_connect_key(site)
        except ConflictError:  # the site exists already: read its key instead
            key = await client.get_connect_key(site)
    except Exception as error:
        raise SiteSetupError(SetupStage.SITE, error) from error
    if not key.site:  # a server that answers without the name: the site is the one asked for
        key = key.with_changes(site=site)
    zone_result = None
    if timezone is not None:
        zone_result = await set_site_timezone(client, key.site, timezone, queue, describe)
    # The baseline of "new" devices, read now while the laptop is surely online: later, on the
    # logger's hotspot, the first listing may already hold the logger being set up.
    try:
        devices = await client.list_devices(key.site)
    except Exception as error:
        raise SiteSetupError(SetupStage.DEVICES, error, key) from error
    return SiteReady(key, devices, zone_result)
