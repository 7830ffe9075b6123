"""Reads that fall back to the last known version: the editors open without a network.

`CacheBackedClient` wraps the API client for the editors only. Every successful read or listing of
a kind in the resource table (core.offline.resources) is kept in the offline cache; one that fails because
the cloud cannot be reached answers the cached version instead (and tells
`on_cached(kind, object_id, fetched_at)` so the UI can show its age). A read the server does not
offer (OperationNotOfferedError) is not answered from the cache: the callers fall back in their own
way and say that the cloud's values are unknown. Writes are passed through untouched, so a write
without a network still fails with NetworkError (and the editors queue it in the outbox). Anything
not in the table is the client's own.

`read_or_cached` and `list_or_cached` are the same rule for one call, for a caller that must say
how old what it got is (the templates dialog: "from the values last read at 10:42").
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from saveris_desktop.api.errors import NetworkError
from saveris_desktop.api.models import ApiModel
from saveris_desktop.core.offline.cache import Cache
from saveris_desktop.core.offline.resources import OPERATIONS, Operation, Resource, Role, object_id_of

CachedListener = Callable[[str, str, str], None]

T = TypeVar("T")


@dataclass(frozen=True)
class Answer(Generic[T]):
    """What a read gave, and whether it came from the cloud just now or from the offline cache."""

    value: T
    #: when the cached copy was read from the cloud (ISO date-time); None: the cloud answered now
    cached_at: str | None = None


async def read_or_cached(
    cache: Cache,
    endpoint: str,
    site: str,
    resource: Resource,
    object_id: str,
    read: Callable[[], Awaitable[ApiModel]],
) -> Answer[ApiModel]:
    """The cloud's version of one document (kept in the cache); when the cloud cannot be reached,
    the cached one. NetworkError when it cannot be reached and nothing is cached; other errors
    (the server's refusal, "not found") are the caller's."""
    kind = resource.kind.value
    try:
        answer = await read()
    except NetworkError:
        cached = await cache.get(endpoint, site, kind, object_id)
        if cached is None:
            raise
        return Answer(resource.model.model_validate(cached.payload), cached.fetched_at)
    await cache.put(endpoint, site, kind, object_id, answer.to_payload())
    return Answer(answer)


async def list_or_cached(
    cache: Cache,
    endpoint: str,
    site: str,
    resource: Resource,
    listing: Callable[[], Awaitable[list[ApiModel]]],
) -> Answer[list[ApiModel]]:
    """The site's documents of one kind (the cached list replaced by them); offline the cached ones,
    with the oldest one's age. NetworkError when the cloud cannot be reached and nothing is cached."""
    kind = resource.kind.value
    try:
        answer = await listing()
    except NetworkError:
        rows = await cache.find(endpoint, site, kind)
        if not rows:
            raise
        # The offline copy holds the readable documents (a device listing's unreadable ones
        # are not kept); it comes back in the shape the client's listing has.
        documents = resource.as_listing([resource.model.model_validate(r.payload) for r in rows])
        return Answer(documents, min(r.fetched_at for r in rows))
    await cache.replace_all(
        endpoint, site, kind, {getattr(item, "uuid", None) or "": item.to_payload() for item in answer}
    )
    return Answer(answer)


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
        answer = await read_or_cached(
            self._cache, self._endpoint(), site, resource, object_id, lambda: method(site, *args, **kwargs)
        )
        if answer.cached_at is not None and self.on_cached is not None:
            self.on_cached(kind, object_id, answer.cached_at)
        return answer.value

    async def _read_list(
        self, resource: Resource, method: Callable[[str], Awaitable[list[ApiModel]]], site: str
    ) -> list[ApiModel]:
        answer = await list_or_cached(self._cache, self._endpoint(), site, resource, lambda: method(site))
        if answer.cached_at is not None and self.on_cached is not None:
            self.on_cached(resource.kind.value, "", answer.cached_at)
        return answer.value
