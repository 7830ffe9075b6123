"""AppServices: one shared client, replaced (not duplicated) on a region change; idempotent close."""

from __future__ import annotations

from saveris_desktop.api.regions import Endpoint, Environment, Region
from saveris_desktop.core.runtime.services import AppServices
from saveris_desktop.foundation.signal import Signal


class FakeClient:
    def __init__(self, endpoint: Endpoint) -> None:
        self.endpoint = endpoint
        self.closed = 0
        self.signed_out = 0
        self.is_signed_in = False
        self.sig_connectivity: Signal[bool] = Signal("connectivity")

    async def aclose(self) -> None:
        self.closed += 1

    async def sign_out(self) -> None:
        self.signed_out += 1
        self.is_signed_in = False


EU = Endpoint.for_region(Region.EUROPE, Environment.PRODUCTION)
AM = Endpoint.for_region(Region.AMERICAS, Environment.PRODUCTION)


def _services(**kwargs) -> tuple[AppServices, list[FakeClient]]:
    made: list[FakeClient] = []

    def factory(endpoint: Endpoint) -> FakeClient:
        made.append(FakeClient(endpoint))
        return made[-1]

    return AppServices(endpoint=EU, client_factory=factory, **kwargs), made  # type: ignore[arg-type]


async def test_a_region_change_replaces_the_client_and_closes_the_old_one() -> None:
    services, made = _services()
    assert services.client is made[0]
    assert await services.use_endpoint(EU) is made[0]  # same server: same client
    services.set_signed_in("tech")
    client = await services.use_endpoint(AM)
    assert client is made[1] is services.client and made[0].closed == 1
    assert services.endpoint == AM and services.username is None  # a new server means a new sign-in


async def test_connectivity_of_the_current_client_is_forwarded_once_per_change() -> None:
    services, made = _services()
    seen: list[bool] = []
    services.sig_connectivity.connect(seen.append)
    made[0].sig_connectivity.emit(False)
    made[0].sig_connectivity.emit(False)
    made[0].sig_connectivity.emit(True)
    await services.use_endpoint(AM)
    made[0].sig_connectivity.emit(False)  # the replaced client's late news does not count
    made[1].sig_connectivity.emit(False)
    assert seen == [False, True, False]
    assert services.online is False


async def test_site_and_user_changes_are_announced() -> None:
    services, made = _services()
    sites: list[str | None] = []
    users: list[str | None] = []
    services.sig_site_changed.connect(sites.append)
    services.sig_signed_in.connect(users.append)
    services.set_signed_in("tech")
    services.set_site("Shop")
    services.set_site("Shop")
    await services.sign_out()
    assert (sites, users, made[0].signed_out) == (["Shop", None], ["tech", None], 1)


async def test_close_runs_closers_newest_first_and_only_once() -> None:
    services, made = _services()
    order: list[str] = []

    async def first() -> None:
        order.append("first")

    async def broken() -> None:
        raise RuntimeError("closing failed")

    async def last() -> None:
        order.append("last")

    services.closers.extend([first, broken, last])
    await services.aclose()
    await services.aclose()
    assert order == ["last", "first"]  # a failing closer does not stop the others
    assert made[0].closed == 1 and services.closed and services.tasks.closed


async def test_a_fixed_endpoint_cannot_be_switched() -> None:
    import pytest

    services, _ = _services(endpoint_fixed=True)
    with pytest.raises(ValueError, match="command line"):
        await services.use_endpoint(AM)
