"""What the windows share: the one API client, where it points, who is signed in, the current site.

Built once by app.py and handed to the main window, the wizard and the device editors. The client is
replaced (never duplicated) when the technician picks another region on the sign-in page; listeners
registered here survive that, because the services forward the client's connectivity events.
`aclose()` ends everything the services own and may be called more than once.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from saveris_desktop.api.regions import Endpoint
from saveris_desktop.core.devices.listing_feed import ListingFeeds
from saveris_desktop.core.runtime.credentials import CredentialStore
from saveris_desktop.core.runtime.tasks import TaskOwner
from saveris_desktop.foundation.signal import Signal

if TYPE_CHECKING:  # imported lazily at run time: httpx and the simulator are slow to import
    from saveris_desktop.api.client import DeviceManagementClient
    from saveris_desktop.api.models import Device
    from saveris_desktop.simulator import Simulator

log = logging.getLogger(__name__)

ClientFactory = Callable[[Endpoint], "DeviceManagementClient"]


class ChangeQueue(Protocol):
    """Where a change the cloud did not take goes to wait (the offline outbox, core/offline/work.py)."""

    async def queue_change(self, site: str, kind: str, object_id: str, payload: Any, base: Any) -> Any: ...


@dataclass(eq=False)
class AppServices:
    endpoint: Endpoint
    client_factory: ClientFactory
    tasks: TaskOwner = field(default_factory=lambda: TaskOwner("app"))
    credentials: CredentialStore = field(default_factory=CredentialStore)
    #: the in-process simulator behind --demo; None against a real server
    simulator: Simulator | None = None
    #: True with --demo or --base-url: the region/environment choice is not offered
    endpoint_fixed: bool = False
    username: str | None = None
    site: str | None = None
    #: the connect key of each site the site step created or read in this run, so no window reads it
    #: again (the demo's virtual logger types it); in memory only, forgotten at sign-out
    connect_keys: dict[str, str] = field(default_factory=dict)
    #: coroutines run by aclose(), newest first (a loopback server, a watcher ...)
    closers: list[Callable[[], Awaitable[None]]] = field(default_factory=list)
    #: the outbox, once the offline work is open (it registers itself); None without one
    change_queue: ChangeQueue | None = None

    def __post_init__(self) -> None:
        self.sig_site_changed: Signal[str | None] = Signal("site changed")
        self.sig_signed_in: Signal[str | None] = Signal("signed in")
        self.sig_connectivity: Signal[bool] = Signal("connectivity")
        self.online: bool | None = None
        self._closed = False
        self.client: DeviceManagementClient = self._new_client(self.endpoint)
        #: one device-list poller per site for every watcher (wizard, devices view), on the current client
        self.listing_feeds = ListingFeeds(_CurrentClient(self), name="site-listing")

    @property
    def demo(self) -> bool:
        return self.simulator is not None

    @property
    def closed(self) -> bool:
        return self._closed

    @property
    def signed_in(self) -> bool:
        return self.username is not None and self.client.is_signed_in

    async def use_endpoint(self, endpoint: Endpoint) -> DeviceManagementClient:
        """Point the shared client at `endpoint` (a new client; the old one is closed)."""
        if endpoint == self.endpoint:
            return self.client
        if self.endpoint_fixed:
            raise ValueError("the server was fixed on the command line")
        old = self.client
        self.endpoint = endpoint
        self.client = self._new_client(endpoint)
        self.set_signed_in(None)
        await old.aclose()
        return self.client

    def set_signed_in(self, username: str | None) -> None:
        if username != self.username:
            self.username = username
            self.sig_signed_in.emit(username)

    def set_site(self, site: str | None, *, connect_key: str | None = None) -> None:
        """The current site changed (to None at sign-out); `connect_key`: its key, when just read."""
        if site is not None and connect_key:
            self.connect_keys[site] = connect_key  # before the news: listeners may want it
        if site != self.site:
            self.site = site
            self.sig_site_changed.emit(site)

    async def sign_out(self) -> None:
        await self.client.sign_out()
        self.connect_keys.clear()  # another account's keys are not this one's
        self.set_site(None)
        self.set_signed_in(None)

    async def aclose(self) -> None:
        """Cancel background work, then close what talks to the network. Idempotent."""
        if self._closed:
            return
        self._closed = True
        await self.tasks.aclose()
        for closer in reversed(self.closers):
            try:
                await closer()
            except Exception:  # shutting down: log and keep closing the rest
                log.exception("closing %r failed", closer)
        self.closers.clear()
        await self.listing_feeds.aclose()  # a poller whose watcher was not closed must not outlive the client
        await self.client.aclose()
        log.info("background work cancelled, API client closed")

    def _new_client(self, endpoint: Endpoint) -> DeviceManagementClient:
        client = self.client_factory(endpoint)

        def forward(online: bool) -> None:
            self._on_connectivity(client, online)

        client.sig_connectivity.connect(forward)
        return client

    def _on_connectivity(self, source: DeviceManagementClient, online: bool) -> None:
        if source is not self.client or online is self.online:
            return  # a replaced client's late news does not count
        self.online = online
        self.sig_connectivity.emit(online)


class _CurrentClient:
    """The listing feeds' source: always the services' current client (replaced on a region change)."""

    def __init__(self, services: AppServices) -> None:
        self._services = services

    async def list_devices(self, site: str) -> list[Device]:
        return await self._services.client.list_devices(site)
