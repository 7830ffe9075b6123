"""Small parts of the simulator: clocks, body checks, fault plans, JWTs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import jwt
import pytest

from saveris_desktop.simulator import Fault, FaultKind, ManualClock, RealClock
from saveris_desktop.simulator.auth import Principal, TokenIssuer
from saveris_desktop.simulator.clock import iso_utc
from saveris_desktop.simulator.faults import FaultPlan
from saveris_desktop.simulator.server import main
from saveris_desktop.simulator.validation import Obj, Refusal


def test_clocks_only_move_forward_and_move_both_scales() -> None:
    manual = ManualClock(start_wall=1_800_000_000.0)
    manual.advance(90.5)
    assert (manual.now(), manual.wall()) == (90.5, 1_800_000_090.5)
    real = RealClock()
    before = real.wall()
    real.advance(3600)
    assert real.wall() - before >= 3600
    for bad in (-1.0, float("nan")):
        with pytest.raises(ValueError, match="only moves forward"):
            manual.advance(bad)
    assert iso_utc(1_800_000_000.25) == "2027-01-15T08:00:00.250Z"


@pytest.mark.parametrize(
    ("body", "check", "reason"),
    [
        ({"n": True}, lambda o: o.integer("n"), "n must be an integer, not a boolean"),
        ({"n": 1.5}, lambda o: o.integer("n"), "n must be an integer, not a number"),
        ({"n": 5}, lambda o: o.integer("n", minimum=10), "n must be at least 10 (got 5)"),
        ({"x": "1"}, lambda o: o.number("x"), "x must be a number, not a string"),
        ({"b": 1}, lambda o: o.boolean("b"), "b must be true or false, not a number"),
        ({"l": {}}, lambda o: o.objects("l"), "l must be a list, not an object"),
        ({"l": [1]}, lambda o: o.objects("l"), "l[0] must be a JSON object, not a number"),
        ({"s": ""}, lambda o: o.string("s"), "s must not be empty"),
        ({"o": {"p": None}}, lambda o: o.obj("o").string("p"), "o.p must be a string, not null"),
    ],
)
def test_body_checks_name_the_field_in_plain_words(
    body: dict[str, object], check: Callable[[Obj], object], reason: str
) -> None:
    with pytest.raises(Refusal) as refused:
        check(Obj(body))
    assert refused.value.message == reason and refused.value.status == 400


def test_whole_floats_count_as_integers() -> None:
    assert Obj({"n": 900000.0}).integer("n") == 900000


def test_a_fault_with_a_count_is_used_up_and_only_strikes_its_route() -> None:
    plan = FaultPlan(seed=1)
    plan.add(Fault(FaultKind.ERROR_STATUS, route="list_devices", count=2))
    assert plan.draw("get_device") == []
    assert len(plan.draw("list_devices")) == 1
    assert plan.describe()[0]["remaining"] == 1
    assert len(plan.draw("list_devices")) == 1
    assert plan.draw("list_devices") == [] and plan.describe() == []


def test_tokens_are_hs256_jwts_with_exp_and_expire_on_the_simulated_clock() -> None:
    clock = ManualClock()
    issuer = TokenIssuer(clock, lifetime=600)
    token = issuer.issue(Principal("customer-1", "tech@example.com"))
    header = jwt.get_unverified_header(token)
    claims = jwt.decode(token, options={"verify_signature": False})
    assert header["alg"] == "HS256" and claims["exp"] - claims["iat"] == 600
    assert issuer.verify(token) == Principal("customer-1", "tech@example.com")
    forged = jwt.encode(
        {**claims, "sub": "customer-2"}, "a-guessed-secret-of-32-bytes-len", algorithm="HS256"
    )
    assert issuer.verify(forged) is None
    unsigned = jwt.encode(claims, None, algorithm="none")
    assert issuer.verify(unsigned) is None
    clock.advance(601)
    assert issuer.verify(token) is None
    with pytest.raises(ValueError, match="at least 1 second"):
        TokenIssuer(clock, lifetime=0.5)
    assert main(["--token-lifetime", "0"]) == 2


def test_a_damaged_state_file_is_reported_not_overwritten(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    state = tmp_path / "state.json"
    state.write_text("{not json", encoding="utf-8")
    assert main(["--port", "0", "--state", str(state)]) == 2
    assert "cannot read the state file" in capsys.readouterr().err
    assert state.read_text(encoding="utf-8") == "{not json"


def test_every_route_of_the_one_route_table_is_served() -> None:
    from saveris_desktop.api.routes import ROUTES
    from saveris_desktop.simulator.endpoints import HANDLERS

    assert set(HANDLERS) | {"token", "create_connect_key", "get_connect_key"} == set(ROUTES)
