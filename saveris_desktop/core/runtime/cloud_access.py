"""The client stack, built once at start-up and handed to whoever talks to the cloud.

`build_cloud_access()` composes it from the services and (when the local database opened) the
offline work, so no feature wraps another's client after construction:

- `client`: what the editors and the sensor directory use. With the offline work, reads keep the
  offline cache current and fall back to it without a network (CacheBackedClient, which reports
  the data's age through OfflineWork.sig_served_from_cache); writes are recorded in the audit log
  (AuditedClient). Both are generic over the resource table (core.offline.resources).
- `changes`: the outbox, where `core.devices.apply.apply_or_queue` puts what could not be sent.

The device list is not read through this stack: its poller is the services' shared listing feed
(services.listing_feeds), on the live client, never the cache (a listing answered from the cache
would hide that the cloud is unreachable; the device view shows the last known list on its own).

Every layer forwards to the services' *current* client (CurrentClient): a region change replaces
that client, and the stack built at start-up keeps working. When the local database could be
opened only later (ui/offline/unavailable.py tried again), `open_offline()` adds the cache, the
audit log and the outbox under the same `client` object, so whoever holds it gains them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from saveris_desktop.api.client import DeviceManagementClient
    from saveris_desktop.core.offline.work import OfflineWork
    from saveris_desktop.core.runtime.services import AppServices, ChangeQueue


class CurrentClient:
    """Forwards every call to the services' client of the moment (replaced on a region change)."""

    def __init__(self, services: AppServices) -> None:
        self._services = services

    def __getattr__(self, name: str) -> Any:
        return getattr(self._services.client, name)


class _Stack:
    """The `client` handed out: forwards to the stack of the moment (live, or with the offline layer)."""

    def __init__(self, top: Any) -> None:
        self._top = top

    def __getattr__(self, name: str) -> Any:
        return getattr(self._top, name)


class CloudAccess:
    def __init__(self, services: AppServices) -> None:
        self._services = services
        self._live = CurrentClient(services)
        self._stack = _Stack(self._live)
        self._work: OfflineWork | None = None

    @property
    def client(self) -> DeviceManagementClient:
        return cast("DeviceManagementClient", self._stack)

    @property
    def changes(self) -> ChangeQueue | None:
        """The outbox once the offline work is open; None without it (nothing can be queued)."""
        return self._work

    def open_offline(self, work: OfflineWork) -> None:
        """Add the offline layer (cache, audit log, outbox) under `client`; once only."""
        if self._work is not None:
            return
        from saveris_desktop.core.offline.audited_client import AuditedClient
        from saveris_desktop.core.offline.cached_client import CacheBackedClient

        def served_from_cache(_kind: str, _object_id: str, fetched_at: str) -> None:
            work.sig_served_from_cache.emit(fetched_at)

        services = self._services
        audited = AuditedClient(
            self._live, work.audit, work.cache, endpoint=lambda: work.endpoint, user=lambda: services.username
        )
        self._stack._top = CacheBackedClient(audited, work.cache, lambda: work.endpoint, served_from_cache)
        self._work = work


def build_cloud_access(services: AppServices, work: OfflineWork | None = None) -> CloudAccess:
    """The stack on `services`; with `work`, its cache, audit log and outbox (else only the live client)."""
    access = CloudAccess(services)
    if work is not None:
        access.open_offline(work)
    return access
