"""Everything offline in one object for the app: store, drafts, cache, templates, exchange, audit, sync.

Built once at start-up (`await OfflineWork.open(services)`), next to `AppServices`. It follows the
services: a sign-in starts a sync engine for the current client and region (a sign-out or another
region stops it; queued changes stay on disk and go out after the next sign-in to that region),
and the client's connectivity events drive it. `sig_status` carries what the status bar shows,
`sig_served_from_cache` the age of data read from the cache (core.runtime.cloud_access wires it in).
The editors' drafts (`editor_drafts`) live here too, so a change queued by `queue_change` always
finds its draft on disk first. If the database file was damaged, `problem` says so (the app runs
on a fresh one).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from saveris_desktop.api.models import ApiModel, Device
from saveris_desktop.core.offline.audit import AuditLog
from saveris_desktop.core.offline.cache import Cache, Cached
from saveris_desktop.core.offline.cached_client import Answer, list_or_cached, read_or_cached
from saveris_desktop.core.offline.change_words import Names
from saveris_desktop.core.offline.drafts import DraftKind, DraftStore
from saveris_desktop.core.offline.editor_drafts import EditorDrafts
from saveris_desktop.core.offline.editor_status import OutboxFollower
from saveris_desktop.core.offline.exchange import Exchange
from saveris_desktop.core.offline.outbox import SENT_KEPT_FOR, Outbox, OutboxItem, OutboxState
from saveris_desktop.core.offline.resources import RESOURCES, SITE_KIND, Role, call
from saveris_desktop.core.offline.site_plan import SitePlanner
from saveris_desktop.core.offline.store import OpenProblem, Store
from saveris_desktop.core.offline.sync import SyncEngine, SyncStatus
from saveris_desktop.core.offline.templates import TemplateStore
from saveris_desktop.core.onboarding.onboarding_drafts import OnboardingDrafts
from saveris_desktop.core.runtime.tasks import TaskOwner
from saveris_desktop.foundation.signal import Signal

if TYPE_CHECKING:
    from saveris_desktop.core.runtime.services import AppServices

log = logging.getLogger(__name__)


class OfflineWork:
    def __init__(self, store: Store, services: AppServices) -> None:
        self.store = store
        self.services = services
        self.drafts = DraftStore(store)
        self.cache = Cache(store)
        self.outbox = Outbox(store)
        self.templates = TemplateStore(store)
        self.exchange = Exchange(store)
        self.audit = AuditLog(store)
        self.engine: SyncEngine | None = None
        self.sig_status: Signal[SyncStatus] = Signal("offline status")
        #: a read was answered from the cache: when that version was fetched (ISO date-time)
        self.sig_served_from_cache: Signal[str] = Signal("served from cache")
        self._tasks = TaskOwner("offline")
        self.onboarding_drafts = OnboardingDrafts(
            self.drafts,
            self.audit,
            self._tasks,
            endpoint=lambda: self.endpoint,
            user=lambda: services.username,
        )
        self.editor_drafts = EditorDrafts(
            self.drafts, lambda: self.endpoint, lambda: services.site, self._tasks
        )
        #: the outbox as the editors see it, read again after every status report (their status)
        self.outbox_follower = OutboxFollower(self.outbox, self.cache, lambda: self.endpoint, self._tasks)
        self.sig_status.connect(self.outbox_follower.status_changed)
        self._closed = False
        services.sig_signed_in.connect(self._on_signed_in)
        services.sig_connectivity.connect(self._on_connectivity)
        services.change_queue = self  # e.g. the wizard queues a time zone the cloud did not take
        if services.signed_in:
            self._start_engine()

    @classmethod
    async def open(cls, services: AppServices, path: Path | None = None) -> OfflineWork:
        """Open the local database (recovering from a damaged file), prune long-sent changes, and
        register for shutdown."""
        return await cls.start(await Store.open(path), services)

    @classmethod
    async def start(cls, store: Store, services: AppServices) -> OfflineWork:
        """`open()` on a database opened already (app.py opens it while the services are built)."""
        work = cls(store, services)
        services.closers.append(work.aclose)
        pruned = await work.outbox.prune_sent()
        if pruned:
            log.info("removed %d changes sent more than %s ago from the outbox", pruned, SENT_KEPT_FOR)
        return work

    @property
    def problem(self) -> OpenProblem | None:
        return self.store.problem

    @property
    def endpoint(self) -> str:
        """The drafts' and outbox's region key: the endpoint's label ("Europe, production")."""
        return self.services.endpoint.label

    # --- sync -----------------------------------------------------------------------------------

    def _on_signed_in(self, username: str | None) -> None:
        self._stop_engine()
        if username is not None:
            self._start_engine()
        else:
            self._tasks.spawn(self._emit_status(), name="status")

    def _on_connectivity(self, online: bool) -> None:
        if self.engine is not None:
            self.engine.set_online(online)
        else:
            self._tasks.spawn(self._emit_status(), name="status")

    def _start_engine(self) -> None:
        if self._closed:
            return
        engine = SyncEngine(
            self.store, self.services.client, endpoint=self.endpoint, user=self.services.username or ""
        )
        engine.sig_status.connect(self.sig_status.emit)
        self.engine = engine
        if self.services.online is not None:
            engine.set_online(self.services.online)
        else:
            engine.request_sync()  # left over from the last session: try once; a failure marks us offline

    def _stop_engine(self) -> None:
        engine, self.engine = self.engine, None
        if engine is not None:
            self._tasks.spawn(engine.aclose(), name="engine-close")

    async def status(self) -> SyncStatus:
        if self.engine is not None:
            return await self.engine.status()
        items = await self.outbox.items(endpoint=self.endpoint)
        return SyncStatus(
            online=self.services.online,
            open_changes=len(items),
            conflicts=sum(1 for i in items if i.state is OutboxState.CONFLICT),
            failed=sum(1 for i in items if i.state is OutboxState.FAILED),
            running=False,
            attention=sum(1 for i in items if i.state is OutboxState.ATTENTION),
        )

    async def _emit_status(self) -> None:
        self.sig_status.emit(await self.status())

    async def queue_change(self, site: str, kind: str, object_id: str, payload: Any, base: Any) -> OutboxItem:
        """Apply while offline (or on a network failure): queued, sent when the cloud is reachable.

        Typed edits waiting for their idle second are written first: the draft is on disk before
        the change that will replace it is (the sync drops the draft once the change is sent).
        The editors learn of it before this returns (`outbox_follower`): the one that applied it
        says "queued" at once, never "unsaved" first."""
        await self.editor_drafts.flush_all()
        if self.engine is not None:
            item = await self.engine.submit(site, kind, object_id, payload, base)
        else:
            item = await self.outbox.enqueue(self.endpoint, site, kind, object_id, payload, base)
            await self._emit_status()
        await self.outbox_follower.refresh()
        return item

    def planner(self) -> SitePlanner:
        if self.engine is None:
            raise RuntimeError("sign in first: site plans are created through the sync engine")
        return SitePlanner(self.engine)

    # --- cache conveniences for the device list and editors --------------------------------------

    async def remember_devices(self, site: str, devices: Sequence[Device]) -> None:
        await self.cache.replace_all(
            self.endpoint, site, DraftKind.DEVICE, {d.uuid: d.to_payload() for d in devices}
        )
        await self.cache.remember_site(self.endpoint, site)

    async def cached_devices(self, site: str) -> tuple[list[Device], str | None]:
        """The last-known device list and when it was fetched (None: never)."""
        rows = await self.cache.find(self.endpoint, site, DraftKind.DEVICE)
        return [Device.model_validate(r.payload) for r in rows], _oldest(rows)

    async def remember(self, site: str, kind: str, object_id: str, payload: Any) -> None:
        await self.cache.put(self.endpoint, site, kind, object_id, payload)

    async def cached(self, site: str, kind: str, object_id: str) -> Cached | None:
        return await self.cache.get(self.endpoint, site, kind, object_id)

    async def names(self, site: str) -> Names:
        """What the technician calls the site's loggers, sensors and measuring objects, from the
        cache (core.offline.change_words): names instead of uuids in lists of changes."""
        rows = {
            kind: [row.payload for row in await self.cache.find(self.endpoint, site, kind)]
            for kind in (DraftKind.DEVICE, DraftKind.SENSOR, DraftKind.MEASURING_OBJECT)
        }
        return Names.from_documents(
            devices=rows[DraftKind.DEVICE],
            sensors=rows[DraftKind.SENSOR],
            objects=rows[DraftKind.MEASURING_OBJECT],
        )

    async def object_label(self, site: str, kind: str, object_id: str) -> str:
        """What a technician calls the object a change is about ("Fridge 3", "Logger 4711"), from
        the cache; one not known by the end of its uuid ("logger …1a2b")."""
        if kind in (SITE_KIND, DraftKind.GLOBAL_SETTINGS, DraftKind.SITE_PLAN):
            return site
        return (await self.names(site)).of(kind, object_id, site)

    async def read_through(self, client: Any, site: str, kind: str, object_id: str) -> Answer[ApiModel]:
        """The cloud's version of a `kind` document through `client`, or, when the cloud cannot be
        reached, the last known one with when it was read (core.offline.cached_client.read_or_cached)."""
        resource = RESOURCES[kind]
        return await read_or_cached(
            self.cache,
            self.endpoint,
            site,
            resource,
            object_id,
            lambda: resource.read(client, site, object_id),
        )

    async def list_through(self, client: Any, site: str, kind: str) -> Answer[list[ApiModel]]:
        """The site's `kind` documents through `client`, or offline the last known ones with their age."""
        resource = RESOURCES[kind]
        op = resource.operation(Role.LIST)
        if op is None:
            raise ValueError(f"{kind} cannot be listed")
        listing = op
        return await list_or_cached(
            self.cache, self.endpoint, site, resource, lambda: call(client, listing, site, "")
        )

    async def known_sites(self) -> list[str]:
        return [c.object_id for c in await self.cache.sites(self.endpoint)]

    # --- shutdown -------------------------------------------------------------------------------

    async def aclose(self) -> None:
        """Stop syncing and close the database. Idempotent."""
        if self._closed:
            return
        self._closed = True
        self.services.sig_signed_in.disconnect(self._on_signed_in)
        self.services.sig_connectivity.disconnect(self._on_connectivity)
        if self.services.change_queue is self:
            self.services.change_queue = None
        engine, self.engine = self.engine, None
        if engine is not None:
            await engine.aclose()
        # typed edits are written before the database closes
        await self.editor_drafts.flush_all()
        await self.onboarding_drafts.flush()
        await self._tasks.aclose()
        await self.store.close()


def _oldest(rows: Iterable[Cached]) -> str | None:
    stamps = [r.fetched_at for r in rows]
    return min(stamps) if stamps else None
