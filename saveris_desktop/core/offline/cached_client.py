"""Reads that fall back to the last known version: the editors open without a network.

`CacheBackedClient` wraps the API client for the editors only. Every successful read or listing of
a kind in the resource table (core.offline.resources) is kept in the offline cache; one that fails because
the cloud cannot be reached answers the cached version instead (and tells
`on_cached(kind, object_id, fetched_at)` so the UI can show its age). A read the server does not
offer (OperationNotOfferedError) is not answered from the cache: the callers fall back in their own
way and say that the cloud's values are unknown. Writes are passed through untouched, so a write
without a network still fails with NetworkError (and the editors queue it in the outbox). Anything
not in the table is the client's own.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import Any

from saveris_desktop.api.errors import NetworkError
from saveris_desktop.api.models import ApiModel
from saveris_desktop.core.offline.cache import Cache
from saveris_desktop.core.offline.resources import OPERATIONS, Operation, Resource, Role, object_id_of

CachedListener = Callable[[str, str, str], None]


class CacheBackedClient:
    def __init__(
        self, client: Any, cache: Cache, endpoint: Callable[[], str], on_cached: CachedListener | None = None
    ) -> None:
        self._client = client
        self._cache = cache
        self._endpoint = endpoint
        self.on_cached = on_cached

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self._client, name)
        known = OPERATIONS.get(name)
        if known is None:
            return attribute
        resource, op = known
        if op.role is Role.READ:
            return functools.partial(self._read, resource, op, attribute)
        if op.role is Role.LIST:
            return functools.partial(self._read_list, resource, attribute)
        return attribute  # writes and creations: the caller's (and the outbox's) business

    async def _read(
        self,
        resource: Resource,
        op: Operation,
        method: Callable[..., Awaitable[ApiModel]],
        site: str,
        *args: Any,
        **kwargs: Any,
    ) -> ApiModel:
        kind, object_id = resource.kind.value, object_id_of(op, site, args)
        try:
            answer = await method(site, *args, **kwargs)
        except NetworkError:
            cached = await self._cache.get(self._endpoint(), site, kind, object_id)
            if cached is None:
                raise
            if self.on_cached is not None:
                self.on_cached(kind, object_id, cached.fetched_at)
            return resource.model.model_validate(cached.payload)
        await self._cache.put(self._endpoint(), site, kind, object_id, answer.to_payload())
        return answer

    async def _read_list(
        self, resource: Resource, method: Callable[[str], Awaitable[list[ApiModel]]], site: str
    ) -> list[ApiModel]:
        kind = resource.kind.value
        try:
            answer = await method(site)
        except NetworkError:
            rows = await self._cache.find(self._endpoint(), site, kind)
            if not rows:
                raise
            if self.on_cached is not None:
                self.on_cached(kind, "", min(r.fetched_at for r in rows))
            # The offline copy holds the readable documents (a device listing's unreadable ones
            # are not kept); it comes back in the shape the client's listing has.
            return resource.as_listing([resource.model.model_validate(r.payload) for r in rows])
        await self._cache.replace_all(
            self._endpoint(),
            site,
            kind,
            {getattr(item, "uuid", None) or "": item.to_payload() for item in answer},
        )
        return answer
