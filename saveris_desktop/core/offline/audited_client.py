"""Writes the editors send directly (online Apply) recorded in the audit log, like the outbox's.

`AuditedClient` wraps the API client: before each write or creation of a kind in the resource
table (core.offline.resources) an entry "sending" is written with the last known server version as
"before" (the editors' reads keep it in the cache), after it the verdict and what the cloud
answered. A write that ends in NetworkError leaves no entry here: the editors hand it to the
outbox, which checks the server before sending and records what happened. Reads and everything
else pass through.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import Any

from saveris_desktop.api.errors import ApiError, NetworkError
from saveris_desktop.api.models import ApiModel
from saveris_desktop.core.offline.audit import AuditLog, AuditResult
from saveris_desktop.core.offline.cache import Cache
from saveris_desktop.core.offline.resources import OPERATIONS, Operation, Resource, Role, object_id_of


class AuditedClient:
    def __init__(
        self,
        client: Any,
        audit: AuditLog,
        cache: Cache,
        *,
        endpoint: Callable[[], str],
        user: Callable[[], str | None],
    ) -> None:
        self._client = client
        self._audit = audit
        self._cache = cache
        self._endpoint = endpoint
        self._user = user

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self._client, name)
        known = OPERATIONS.get(name)
        if known is None or known[1].role not in (Role.WRITE, Role.CREATE):
            return attribute
        resource, op = known
        return functools.partial(self._write, resource, op, attribute)

    async def _write(
        self,
        resource: Resource,
        op: Operation,
        method: Callable[..., Awaitable[ApiModel]],
        site: str,
        *args: Any,
    ) -> ApiModel:
        kind, object_id = resource.kind.value, object_id_of(op, site, args)
        body: ApiModel = args[-1]  # every write and creation takes the document last
        endpoint = self._endpoint()
        known = await self._cache.get(endpoint, site, kind, object_id) if object_id else None
        entry = await self._audit.record(
            user=self._user() or "",
            endpoint=endpoint,
            site=site,
            kind=kind,
            object_id=object_id,
            before=None if known is None else known.payload,
            after=body.to_payload(),
            result=AuditResult.SENDING,
        )
        try:
            answer = await method(site, *args)
        except NetworkError:
            await self._audit.forget(entry)  # the outbox takes over: it checks first, then records
            raise
        except ApiError as error:
            reason = error.message + (f" ({error.server_reason})" if error.server_reason else "")
            await self._audit.complete(entry, AuditResult.FAILED, message=reason)
            raise
        except BaseException:
            await self._audit.complete(
                entry, AuditResult.FAILED, message="interrupted; the verdict is unknown"
            )
            raise
        payload = answer.to_payload()
        created_id = getattr(answer, "uuid", None) or object_id
        await self._audit.complete(entry, AuditResult.OK, after=payload, object_id=created_id or None)
        if created_id:
            await self._cache.put(endpoint, site, kind, created_id, payload)
        return answer
