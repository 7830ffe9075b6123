"""The client stack, built once at start-up and handed to whoever talks to the cloud.

`build_cloud_access()` composes it from the services and (when the local database opened) the
offline work, so no feature wraps another's client after construction:

- `listing`: what the device list's poller reads through. The live client, never the cache: a
  listing answered from the cache would hide that the cloud is unreachable, and the poller's
  "offline" state is what the technician sees (the last known list is shown by the device view
  on its own, see DevicesView.show_cached_devices).
- `client`: what the editors and the sensor directory use. Reads keep the offline cache current
  and fall back to it without a network (CacheBackedClient, which reports the data's age through
  OfflineWork.sig_served_from_cache); writes are recorded in the audit log (AuditedClient).
- `changes`: the outbox, where `core.apply.apply_or_queue` puts what could not be sent.

Every layer forwards to the services' *current* client (CurrentClient): a region change replaces
that client, and the stack built at start-up keeps working.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from saveris_desktop.api.client import DeviceManagementClient
    from saveris_desktop.core.offline import OfflineWork
    from saveris_desktop.core.services import AppServices, ChangeQueue


class CurrentClient:
    """Forwards every call to the services' client of the moment (replaced on a region change)."""

    def __init__(self, services: AppServices) -> None:
        self._services = services

    def __getattr__(self, name: str) -> Any:
        return getattr(self._services.client, name)


@dataclass(frozen=True)
class CloudAccess:
    listing: DeviceManagementClient
    client: DeviceManagementClient
    changes: ChangeQueue | None = None


def build_cloud_access(services: AppServices, work: OfflineWork | None = None) -> CloudAccess:
    live = cast("DeviceManagementClient", CurrentClient(services))
    if work is None:  # no local database: no cache, no audit log, no outbox
        return CloudAccess(listing=live, client=live)
    from saveris_desktop.core.audited_client import AuditedClient
    from saveris_desktop.core.cached_client import CacheBackedClient

    def served_from_cache(_kind: str, _object_id: str, fetched_at: str) -> None:
        work.sig_served_from_cache.emit(fetched_at)

    audited = AuditedClient(
        live, work.audit, work.cache, endpoint=lambda: work.endpoint, user=lambda: services.username
    )
    cached = CacheBackedClient(audited, work.cache, lambda: work.endpoint, served_from_cache)
    return CloudAccess(listing=live, client=cast("DeviceManagementClient", cached), changes=work)
