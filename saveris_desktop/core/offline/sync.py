"""The sync engine: sends the outbox to the cloud, in order, safely.

For each open item, oldest first:
1. Items whose target still carries a placeholder (an object not created yet) wait.
2. The server's current version is read first. For a change (PUT) it is three-way merged with the
   item's base and payload: if the result is what the server already has, the item is done without
   sending (this is how a change sent just before a crash is never sent twice); fields changed on
   both sides stop the item as a conflict for the technician; otherwise the merge is sent.
   For a creation (POST /measuring-objects) the site's objects are listed and one the client's
   `same_measuring_object` recognises counts as already created.
   The reads are mostly undocumented (api/optional.py): where the server does not offer one, the
   item's base (the last known server version) stands in for it and the result says that conflicts
   cannot be detected for that kind; a creation never sent before is sent without looking, one that
   may have arrived already waits for the technician instead of risking a twin.
3. The item is marked "sending" (with an audit entry) in one transaction BEFORE the request, and
   "done"/"failed" (audit completed) in one transaction after. Both check that the item is still the
   version that was judged: an edit coalesced into it (or a discard) during the server read makes
   the run judge the newest version again, never send or settle an older one.
A network failure ends the run (the item keeps its state and the next run checks again); a
conflict or refusal blocks later items of the same object, never items of other objects, and a site
whose creation failed blocks the rest of that site.

One bad item never stops the queue: an item that cannot be sent as it is (a value nested too deep,
NaN, see core.offline.json_limits), whose object's version in the cloud cannot be used, or that fails in a
way nobody foresaw is marked *needs attention* with the reason, and the run goes on. It holds back
what depends on it like a refusal does (later changes to the same object, the rest of a site whose
creation it is, the settings of an object it creates), so nothing is sent out of order.

The engine talks to a `SyncClient` protocol (the real `DeviceManagementClient` fits it), so tests can
use a small fake as well as the simulator.
"""

from __future__ import annotations

import asyncio
import copy
import logging
import sqlite3
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol

from pydantic import ValidationError

from saveris_desktop.api.client import same_measuring_object
from saveris_desktop.api.errors import (
    ApiError,
    AuthenticationError,
    ConflictError,
    NetworkError,
    NotFoundError,
    OperationNotOfferedError,
    RateLimitedError,
    ServerError,
)
from saveris_desktop.api.models import ConnectKey, MeasuringObject
from saveris_desktop.core.offline import audit as audit_rows
from saveris_desktop.core.offline import reasons
from saveris_desktop.core.offline.audit import AuditLog, AuditResult
from saveris_desktop.core.offline.cache import put_in
from saveris_desktop.core.offline.drafts import DraftKey, DraftKind, DraftStore
from saveris_desktop.core.offline.json_limits import UnsafeJsonError, check_json
from saveris_desktop.core.offline.merge import FieldPath, Side, same_json, three_way_merge
from saveris_desktop.core.offline.outbox import (
    STOPPED_STATES,
    Outbox,
    OutboxItem,
    OutboxState,
    bind_placeholders,
    contains_placeholder,
    fetch_item,
    set_state,
)
from saveris_desktop.core.offline.resources import RESOURCES, SITE_KIND, Resource, Role
from saveris_desktop.core.offline.store import Store, to_json
from saveris_desktop.core.runtime.sentences import QT_TRANSLATE_NOOP, Sentence
from saveris_desktop.core.runtime.tasks import TaskOwner
from saveris_desktop.foundation.signal import Signal

log = logging.getLogger(__name__)

NOT_LISTABLE_NOTE = Sentence(reasons.CREATED_UNCHECKED)
NOT_LISTABLE_MAY_EXIST = Sentence(reasons.MAY_EXIST_ALREADY)


class SyncClient(Protocol):
    """The client operations the sync engine needs besides the resource table's (core.offline.resources),
    which it calls by name: the site's creation (positional-only: any parameter names fit)."""

    async def create_connect_key(self, site: str, /) -> ConnectKey: ...
    async def get_connect_key(self, site: str, /) -> ConnectKey: ...
    async def list_measuring_objects(self, site: str, /) -> list[MeasuringObject]: ...
    async def create_measuring_object(self, site: str, obj: MeasuringObject, /) -> MeasuringObject: ...


#: the kinds whose changes are a PUT of a whole document (read first, merged, written)
_RESOURCES: dict[str, Resource] = {
    kind: resource for kind, resource in RESOURCES.items() if resource.operation(Role.WRITE) is not None
}


def unchecked_note(what: str) -> str:
    """The result of a change sent without reading the cloud's version first."""
    return Sentence(reasons.SENT_UNCHECKED, what)


SUPPORTED_KINDS = frozenset({*_RESOURCES, DraftKind.MEASURING_OBJECT.value, SITE_KIND})


class Outcome(StrEnum):
    SENT = "sent"
    ALREADY_APPLIED = "already applied"
    CONFLICT = "conflict"
    FAILED = "failed"
    ATTENTION = "needs attention"  # cannot be sent as it is; the rest of the queue went on
    WAITING = "waiting"  # blocked by an earlier item or a placeholder; untouched
    OFFLINE = "offline"  # the run stopped here; the item stays queued


@dataclass(frozen=True)
class ItemResult:
    item_id: int
    kind: str
    object_id: str
    outcome: Outcome
    message: str | None = None


@dataclass(frozen=True)
class SyncStatus:
    """What the status bar shows: online state, changes waiting, and what the last run did."""

    online: bool | None
    open_changes: int
    conflicts: int
    failed: int
    running: bool
    last_results: tuple[ItemResult, ...] = ()
    attention: int = 0  # changes that cannot be sent as they are (OutboxState.ATTENTION)


def _covers(server: Any, payload: Any) -> bool:
    """True when every field of `payload` already has that value on the server."""
    if isinstance(server, dict) and isinstance(payload, dict):
        return all(key in server and _covers(server[key], value) for key, value in payload.items())
    return same_json(server, payload)


class _ChangedMeanwhileError(Exception):
    """The item was replaced by a newer edit (or discarded) while the run was reading the server."""


#: how often an item that keeps changing under the run is read again before it waits for the next run
_FRESH_READS = 3


class _UnusableServerVersionError(Exception):
    """The cloud's current version of the item's object is outside core.offline.json_limits."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class _StopRunError(Exception):
    def __init__(self, outcome: Outcome, message: str) -> None:
        super().__init__(message)
        self.outcome = outcome
        self.message = message


@dataclass
class _Blocks:
    targets: set[tuple[str, str, str, str]] = field(default_factory=set)
    sites: set[str] = field(default_factory=set)

    def reason(self, item: OutboxItem) -> str | None:
        if item.site in self.sites:
            return Sentence(QT_TRANSLATE_NOOP("CoreSentences", "Waiting: the site could not be created yet."))
        if item.target in self.targets:
            return Sentence(
                QT_TRANSLATE_NOOP("CoreSentences", "Waiting for an earlier change to the same object.")
            )
        # a creation carries its own placeholder as id; anything else with one waits for that creation
        own_id = item.kind == DraftKind.MEASURING_OBJECT
        if (not own_id and contains_placeholder(item.object_id)) or contains_placeholder(item.payload):
            return Sentence(
                QT_TRANSLATE_NOOP(
                    "CoreSentences", "Waiting until the measuring object it belongs to is created."
                )
            )
        return None

    def block(self, item: OutboxItem) -> None:
        self.targets.add(item.target)
        if item.kind == SITE_KIND:
            self.sites.add(item.site)


class SyncEngine:
    """Owns the outbox of one endpoint (region) and one client."""

    def __init__(
        self,
        store: Store,
        client: SyncClient,
        *,
        endpoint: str,
        user: str,
        tasks: TaskOwner | None = None,
        probe_delays: Sequence[float] = (5.0, 15.0, 30.0, 60.0),
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.store = store
        self.client = client
        self.endpoint = endpoint
        self.user = user
        self.outbox = Outbox(store)
        self.drafts = DraftStore(store)
        self.audit = AuditLog(store)
        self._tasks = tasks or TaskOwner("sync")
        self._lock = asyncio.Lock()
        #: the status after every change of state
        self.sig_status: Signal[SyncStatus] = Signal("sync status")
        self._online: bool | None = None
        self._running = False
        self._last_results: tuple[ItemResult, ...] = ()
        self._pending_runs: set[asyncio.Task[list[ItemResult]]] = set()
        self._probe_delays = tuple(probe_delays) or (30.0,)
        self._sleep = sleep
        self._probe: asyncio.Task[None] | None = None

    # --- observing ------------------------------------------------------------------------------

    @property
    def online(self) -> bool | None:
        return self._online

    async def status(self) -> SyncStatus:
        items = await self.outbox.items(endpoint=self.endpoint)
        return SyncStatus(
            online=self._online,
            open_changes=len(items),
            conflicts=sum(1 for i in items if i.state is OutboxState.CONFLICT),
            failed=sum(1 for i in items if i.state is OutboxState.FAILED),
            running=self._running,
            last_results=self._last_results,
            attention=sum(1 for i in items if i.state is OutboxState.ATTENTION),
        )

    async def _notify(self) -> None:
        if not self.sig_status.listeners:
            return
        self.sig_status.emit(await self.status())

    # --- intents --------------------------------------------------------------------------------

    def set_online(self, online: bool) -> None:
        """Connectivity listener: going online starts a sync by itself."""
        changed = online is not self._online
        self._online = online
        if self._tasks.closed:
            return
        if online and changed:
            self.request_sync()
        elif changed:
            self._tasks.spawn(self._notify(), name="notify")
            self._start_probe()

    def _start_probe(self) -> None:
        """While offline with changes waiting, try again now and then: nothing else may be polling."""
        if self._tasks.closed or (self._probe is not None and not self._probe.done()):
            return
        self._probe = self._tasks.spawn(self._probe_until_online(), name="probe")

    async def _probe_until_online(self) -> None:
        attempt = 0
        while self._online is False:
            await self._sleep(self._probe_delays[min(attempt, len(self._probe_delays) - 1)])
            attempt += 1
            if self._online is not False:
                return  # the connectivity listener saw the network come back and started a run
            if not await self.outbox.count_open(self.endpoint):
                return
            results = await self.sync_now()
            if not any(r.outcome is Outcome.OFFLINE for r in results):
                return  # nothing was sent, or the cloud answered: no reason to keep probing

    def request_sync(self) -> None:
        """Start a run in the background (one at a time; a request during a run is served by it or next)."""
        if not self._tasks.closed:
            run = self._tasks.spawn(self.sync_now(), name="sync")
            self._pending_runs.add(run)
            run.add_done_callback(self._pending_runs.discard)

    async def wait_until_idle(self) -> None:
        """Wait for the runs requested so far (tests, and a clean shutdown that lets a run finish)."""
        while self._pending_runs:
            await asyncio.gather(*list(self._pending_runs), return_exceptions=True)

    async def submit(
        self, site: str, kind: str, object_id: str, payload: Any, base: Any = None
    ) -> OutboxItem:
        """Queue a change and, when online, send it soon. `base`: the server version the edit started from."""
        if kind not in SUPPORTED_KINDS:
            raise ValueError(f"the outbox cannot send changes of kind {kind!r}")
        item = await self.outbox.enqueue(self.endpoint, site, kind, object_id, payload, base)
        await self.queue_changed()
        if self._online is False:
            self._start_probe()  # nothing else may notice when the cloud is back
        return item

    async def queue_changed(self) -> None:
        """Tell listeners and, when online, send soon (after items were queued by other means)."""
        await self._notify()
        if self._online is not False:
            self.request_sync()

    async def resolve_conflict(self, item_id: int, choices: Mapping[FieldPath, Side]) -> OutboxItem:
        """Apply the technician's choice per field; the item is queued again against that server version."""
        item = await self.outbox.get(item_id)
        if item.state is not OutboxState.CONFLICT:
            raise ValueError(f"change {item_id} has no conflict to resolve")
        merged = three_way_merge(item.base, item.payload, item.server)
        resolved = merged.resolve(choices)
        updated = await self.outbox.resolve(item_id, resolved, item.server)
        await self._notify()
        if self._online is not False:
            self.request_sync()
        return updated

    async def retry(self, item_id: int) -> OutboxItem:
        item = await self.outbox.retry(item_id)
        await self._notify()
        self.request_sync()
        return item

    async def discard(self, item_id: int) -> None:
        await self.outbox.discard(item_id)
        await self._notify()

    async def aclose(self) -> None:
        await self._tasks.aclose()

    # --- the run --------------------------------------------------------------------------------

    async def sync_now(self) -> list[ItemResult]:
        """Send every open item that can go now; per-item results in queue order."""
        async with self._lock:
            self._running = True
            await self._notify()
            results: list[ItemResult] = []
            try:
                blocks = _Blocks()
                for listed in await self.outbox.items(endpoint=self.endpoint):
                    # re-read: an earlier item of this run may have bound a placeholder in it, and
                    # the technician may have discarded it meanwhile
                    try:
                        item = await self.outbox.get(listed.id)
                    except KeyError:
                        continue
                    if item.state in STOPPED_STATES:
                        blocks.block(item)
                        continue
                    reason = blocks.reason(item)
                    if reason is not None:
                        results.append(
                            ItemResult(item.id, item.kind, item.object_id, Outcome.WAITING, reason)
                        )
                        continue
                    try:
                        result = await self._process_latest(item)
                    except _StopRunError as stop:
                        results.append(
                            ItemResult(item.id, item.kind, item.object_id, stop.outcome, stop.message)
                        )
                        break
                    if result is None:
                        continue  # discarded by the technician meanwhile
                    results.append(result)
                    self._online = True  # the cloud answered
                    if result.outcome not in (Outcome.SENT, Outcome.ALREADY_APPLIED):
                        blocks.block(item)
            finally:
                self._running = False
                if results:  # an idle run keeps the previous run's report visible
                    self._last_results = tuple(results)
            await self._notify()
            if self._online is False:
                self._start_probe()
            return results

    async def _process_latest(self, item: OutboxItem) -> ItemResult | None:
        """`_process` the item's newest version: an edit coalesced into it during the server read
        must not be marked done with the older payload sent. None: it was discarded meanwhile."""
        for _ in range(_FRESH_READS):
            try:
                return await self._process_isolated(item)
            except _ChangedMeanwhileError:
                try:
                    item = await self.outbox.get(item.id)
                except KeyError:
                    return None
                if item.state not in (OutboxState.PENDING, OutboxState.SENDING):
                    return None  # e.g. retried/resolved elsewhere: the next run takes it as it is
        message = Sentence(reasons.CHANGED_WHILE_SENDING)
        return ItemResult(item.id, item.kind, item.object_id, Outcome.WAITING, message)

    async def _process_isolated(self, item: OutboxItem) -> ItemResult:
        """`_process`, but whatever is wrong with this one item stays with it (see module doc)."""
        try:
            try:
                check_json(item.payload)
                check_json(item.base)
            except UnsafeJsonError as error:
                return await self._needs_attention(
                    item,
                    Sentence(reasons.CANNOT_BE_SENT, error.reason),
                )
            return await self._process(item)
        except (_ChangedMeanwhileError, _StopRunError):
            raise
        except _UnusableServerVersionError as error:
            return await self._needs_attention(
                item,
                Sentence(reasons.UNUSABLE_CLOUD_VERSION, error.reason),
            )
        except RecursionError:
            return await self._needs_attention(
                item,
                Sentence(reasons.NESTED_TOO_DEEPLY),
            )
        except Exception:
            log.exception("outbox item %s (%s) could not be processed", item.id, item.kind)
            return await self._needs_attention(
                item,
                Sentence(reasons.UNEXPECTED_PROBLEM),
            )

    async def _process(self, item: OutboxItem) -> ItemResult:
        if item.kind == SITE_KIND:
            return await self._create_site(item)
        if item.kind == DraftKind.MEASURING_OBJECT:
            return await self._create_measuring_object(item)
        resource = _RESOURCES.get(item.kind)
        if resource is None:
            return await self._fail(item, f"Changes of kind '{item.kind}' cannot be sent by this version.")
        return await self._put(item, resource)

    async def _put(self, item: OutboxItem, resource: Resource) -> ItemResult:
        note: str | None = None
        try:
            server = (await resource.read(self.client, item.site, item.object_id)).to_payload()
        except OperationNotOfferedError:
            # The read is optional and this server lacks it: the version the edit started from is the
            # last one known. Merging against it sends the change as made; what someone else changed
            # meanwhile is not seen, and the result says so.
            server = copy.deepcopy(item.base) if item.base is not None else {}
            note = unchecked_note(resource.what)
        except ApiError as error:
            return await self._api_failure(item, error, during_send=False)
        try:
            check_json(server)  # it is merged, compared and cached below
        except UnsafeJsonError as error:
            raise _UnusableServerVersionError(error.reason) from error
        if item.base is None:
            # Nothing known about where the edit started (a new object's settings): the payload wins
            # field by field, fields it does not name stay as the server has them.
            target = {**server, **item.payload}  # `server` is a document here (the base is None)
            if note is None and _covers(server, item.payload):
                return await self._already_applied(item, server)
        else:
            merge = three_way_merge(item.base, item.payload, server)
            if not merge.clean:
                return await self._conflict(item, merge.conflicts, server)
            target = merge.merged
            if same_json(target, server):
                return await self._already_applied(item, server)
        try:
            model = resource.model.model_validate(target)
        except ValidationError as error:
            return await self._fail(item, _unfit(error))
        await self._mark_sending(item, before=server, after=target)
        try:
            answer = await resource.write(self.client, item.site, item.object_id, model)
        except ApiError as error:
            return await self._api_failure(item, error, during_send=True)
        return await self._done(item, Outcome.SENT, after=answer.to_payload(), sent=target, note=note)

    async def _create_measuring_object(self, item: OutboxItem) -> ItemResult:
        try:
            wanted = MeasuringObject.model_validate(item.payload)
        except ValidationError as error:
            return await self._fail(item, _unfit(error))
        note: str | None = None
        try:
            existing = await self.client.list_measuring_objects(item.site)
        except OperationNotOfferedError:
            if item.state is OutboxState.SENDING:
                # An earlier send may have created it, and the cloud does not let us look: sending
                # again could make a twin. The technician checks and then retries or discards.
                return await self._fail(item, NOT_LISTABLE_MAY_EXIST)
            existing, note = [], NOT_LISTABLE_NOTE  # never sent: nothing of ours can be there yet
        except ApiError as error:
            return await self._api_failure(item, error, during_send=False)
        found = next((obj for obj in existing if same_measuring_object(obj, wanted)), None)
        if found is not None:
            return await self._done(item, Outcome.ALREADY_APPLIED, after=found.to_payload(), created=found)
        await self._mark_sending(item, before=None, after=item.payload)
        try:
            created = await self.client.create_measuring_object(item.site, wanted)
        except ApiError as error:
            return await self._api_failure(item, error, during_send=True)
        return await self._done(item, Outcome.SENT, after=created.to_payload(), created=created, note=note)

    async def _create_site(self, item: OutboxItem) -> ItemResult:
        # Like every item: look first. A site that exists (made by us before a crash, or by the
        # wizard, or by a colleague) is not created again; it has exactly one connect key [V].
        try:
            existing: ConnectKey | None = await self.client.get_connect_key(item.site)
        except NotFoundError:
            existing = None
        except ApiError as error:
            return await self._api_failure(item, error, during_send=False)
        if existing is not None:
            return await self._done(item, Outcome.ALREADY_APPLIED, after={"site": existing.site or item.site})
        await self._mark_sending(item, before=None, after=item.payload)
        try:
            key = await self.client.create_connect_key(item.site)
        except ConflictError:  # created meanwhile: it exists, which is all this item asks for
            return await self._done(item, Outcome.ALREADY_APPLIED, after={"site": item.site})
        except ApiError as error:
            return await self._api_failure(item, error, during_send=True)
        return await self._done(item, Outcome.SENT, after={"site": key.site})

    # --- recording outcomes (each one transaction) ----------------------------------------------

    async def _mark_sending(self, item: OutboxItem, *, before: Any, after: Any) -> None:
        def work(connection: sqlite3.Connection) -> None:
            current = _unchanged(connection, item)
            if current.state is OutboxState.SENDING and current.audit_id is not None:
                # the earlier attempt's verdict never arrived: its entry describes this same send
                audit_id = current.audit_id
                audit_rows.update_entry(connection, audit_id, AuditResult.SENDING, after=after)
            else:  # every attempt after a known verdict (e.g. a retry after a refusal) is its own entry
                audit_id = audit_rows.insert_entry(
                    connection,
                    user=self.user,
                    endpoint=item.endpoint,
                    site=item.site,
                    kind=item.kind,
                    object_id=item.object_id,
                    before=before,
                    after=after,
                    result=AuditResult.SENDING,
                )
            set_state(connection, item.id, OutboxState.SENDING, count_attempt=True, audit_id=audit_id)

        await self.store.write(work)

    async def _done(
        self,
        item: OutboxItem,
        outcome: Outcome,
        *,
        after: Any,
        sent: Any = None,
        created: MeasuringObject | None = None,
        note: str | None = None,
    ) -> ItemResult:
        """`note`: what the technician should know about a sent change (e.g. it was not checked)."""
        result_id = created.uuid if created is not None else None
        interrupted = item.state is OutboxState.SENDING
        try:
            check_json(after)
        except UnsafeJsonError as error:
            # the cloud has the change; its answer is not kept (audit, cache): what was sent is
            log.warning("the cloud's answer to outbox item %s is not kept: %s", item.id, error.reason)
            after = sent if sent is not None else item.payload
        if outcome is Outcome.SENT:
            message, audit_result = note, AuditResult.OK
        elif interrupted:
            # sent by a run that stopped before the answer was recorded: confirmed, not re-sent
            message, audit_result = (
                Sentence(reasons.CONFIRMED_AFTER_INTERRUPTION),
                AuditResult.OK,
            )
        else:
            message, audit_result = (
                Sentence(reasons.ALREADY_ON_THE_SERVER),
                AuditResult.ALREADY_APPLIED,
            )

        def work(connection: sqlite3.Connection) -> None:
            current = _judged(connection, item)
            if current.audit_id is not None:
                audit_rows.update_entry(
                    connection,
                    current.audit_id,
                    audit_result,
                    message=message,
                    object_id=result_id,
                    after=after,
                )
                audit_id = current.audit_id
            else:
                audit_id = audit_rows.insert_entry(
                    connection,
                    user=self.user,
                    endpoint=item.endpoint,
                    site=item.site,
                    kind=item.kind,
                    object_id=result_id or item.object_id,
                    before=None,
                    after=after,
                    result=audit_result,
                    message=message,
                )
            set_state(
                connection, item.id, OutboxState.DONE, message=message, result_id=result_id, audit_id=audit_id
            )
            if created is not None and created.uuid:
                bind_placeholders(connection, item.endpoint, _placeholder_mapping(item, created))
                put_in(connection, item.endpoint, item.site, item.kind, created.uuid, after)
            elif item.kind in _RESOURCES and isinstance(after, dict):
                # what the server has now is the freshest "last known" version for offline editing
                put_in(connection, item.endpoint, item.site, item.kind, item.object_id, after)

        await self.store.write(work)
        await self._settle_draft(item, sent if sent is not None else after)
        return ItemResult(item.id, item.kind, result_id or item.object_id, outcome, message)

    async def _settle_draft(self, item: OutboxItem, on_server: Any) -> None:
        """The draft has reached the server: drop it, or keep later edits on top of the new base."""
        key = DraftKey(item.endpoint, item.site, item.kind, item.object_id)
        draft = await self.drafts.get(key)
        if draft is None:
            return
        if same_json(draft.mine, item.payload) or same_json(draft.mine, on_server):
            await self.drafts.delete(key)
        else:
            await self.drafts.rebase(key, on_server, draft.mine)

    async def _conflict(self, item: OutboxItem, conflicts: list[Any], server: Any) -> ItemResult:
        message = reasons.fields_changed_in_the_cloud(len(conflicts))

        def work(connection: sqlite3.Connection) -> None:
            _judged(connection, item)
            set_state(
                connection, item.id, OutboxState.CONFLICT, message=message, conflicts=conflicts, server=server
            )

        await self.store.write(work)
        return ItemResult(item.id, item.kind, item.object_id, Outcome.CONFLICT, message)

    async def _already_applied(self, item: OutboxItem, server: Any) -> ItemResult:
        # `server` passed check_json in _put: it is kept as it is, in the audit and for the draft
        return await self._done(item, Outcome.ALREADY_APPLIED, after=server)

    async def _fail(self, item: OutboxItem, message: str) -> ItemResult:
        def work(connection: sqlite3.Connection) -> None:
            audit_id = _judged(connection, item).audit_id
            if audit_id is not None:
                audit_rows.update_entry(connection, audit_id, AuditResult.FAILED, message=message)
            set_state(connection, item.id, OutboxState.FAILED, message=message)

        await self.store.write(work)
        return ItemResult(item.id, item.kind, item.object_id, Outcome.FAILED, message)

    async def _needs_attention(self, item: OutboxItem, message: str) -> ItemResult:
        """Stop this item for the technician, with the reason, and let the run go on.

        Compared as stored text, not with `_unchanged`: NaN is never equal to itself, so a value
        with NaN would look "changed meanwhile" forever. A change that may be on its way (sending)
        stays so, never discardable; it only gets the reason. A verdict already recorded stays."""

        def work(connection: sqlite3.Connection) -> OutboxItem:
            current = _stored(connection, item)
            if not _same_text(current.payload, item.payload) or not _same_text(current.base, item.base):
                raise _ChangedMeanwhileError
            if current.state is OutboxState.PENDING:
                set_state(connection, item.id, OutboxState.ATTENTION, message=message)
            elif current.state is OutboxState.SENDING:
                connection.execute("UPDATE outbox SET message = ? WHERE id = ?", (message, item.id))
            return current

        current = await self.store.write(work)
        log.warning(
            "outbox item %s (%s) needs attention (was %s): %s", item.id, item.kind, current.state, message
        )
        if current.state is OutboxState.DONE:  # failed after the cloud had it (tidying up the draft)
            outcome = Outcome.SENT if current.message is None else Outcome.ALREADY_APPLIED
            return ItemResult(
                item.id, item.kind, current.result_id or item.object_id, outcome, current.message
            )
        return ItemResult(item.id, item.kind, item.object_id, Outcome.ATTENTION, message)

    async def _api_failure(self, item: OutboxItem, error: ApiError, *, during_send: bool) -> ItemResult:
        message = error.message + (f" ({error.server_reason})" if error.server_reason else "")
        if isinstance(error, NetworkError | ServerError | RateLimitedError | AuthenticationError):
            # Not the change's fault: keep it queued. After a send it stays "sending" (maybe
            # arrived); the next run reads the server before anything is sent again.
            state = OutboxState.SENDING if during_send else OutboxState.PENDING
            await self.store.write(lambda connection: set_state(connection, item.id, state, message=message))
            if isinstance(error, NetworkError):
                self._online = False
                raise _StopRunError(Outcome.OFFLINE, message)
            raise _StopRunError(Outcome.WAITING, message)
        if isinstance(error, ConflictError):
            # The server changed under us between read and write: the next run merges again.
            await self.store.write(
                lambda connection: set_state(connection, item.id, OutboxState.PENDING, message=message)
            )
            return ItemResult(item.id, item.kind, item.object_id, Outcome.WAITING, message)
        return await self._fail(item, message)


def _stored(connection: sqlite3.Connection, item: OutboxItem) -> OutboxItem:
    """The item as stored; _ChangedMeanwhileError when it was discarded during the run."""
    try:
        return fetch_item(connection, item.id)
    except KeyError:
        raise _ChangedMeanwhileError from None


def _unchanged(connection: sqlite3.Connection, item: OutboxItem) -> OutboxItem:
    """The item as stored, if it is still the version the run judged; else _ChangedMeanwhileError
    (raised inside the transaction, so it rolls back: nothing is marked, nothing is sent)."""
    current = _stored(connection, item)
    if (
        current.state is not item.state
        or not same_json(current.payload, item.payload)
        or not same_json(current.base, item.base)
    ):
        raise _ChangedMeanwhileError
    return current


def _judged(connection: sqlite3.Connection, item: OutboxItem) -> OutboxItem:
    """The item a verdict is recorded on. Marked "sending" by this run, no edit can have joined it;
    otherwise it must still be the version that was judged (`_unchanged`)."""
    current = _stored(connection, item)
    return current if current.state is OutboxState.SENDING else _unchanged(connection, item)


def _same_text(a: Any, b: Any) -> bool:
    """Equal as the outbox stores them (NaN equals NaN here, unlike `same_json`)."""
    return to_json(a) == to_json(b)


def _unfit(error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"]) or "the change"
    return Sentence(reasons.UNFIT, where, str(first["msg"]))


def _placeholder_mapping(item: OutboxItem, created: MeasuringObject) -> dict[str, str]:
    """placeholder -> uuid, and `placeholder#channel name` -> the logical channel's uuid."""
    if created.uuid is None:
        return {}
    mapping = {item.object_id: created.uuid}
    for channel in created.logical_channels:
        if channel.uuid:
            mapping[f"{item.object_id}#{channel.name}"] = channel.uuid
    return mapping
