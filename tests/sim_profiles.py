"""Run an end-to-end test against both simulator profiles ("assumed" and "documented").

A test asks for the `sim_profile` fixture (tests/conftest.py) and builds its simulator with
`Simulator(profile=sim_profile, ...)`; it then runs once per profile. Where today's client cannot
yet do the flow against the documented server, decorate it with
`@both_profiles(documented_missing="what the client lacks")`: the documented case becomes
`xfail(strict=True)`, so it turns red the moment the missing piece lands and the mark must go.
"""

from __future__ import annotations

from typing import Any

import pytest

from saveris_desktop.simulator import PROFILES

SIM_PROFILES = tuple(PROFILES)


def both_profiles(
    *, documented_missing: str | None = None, fixture: str = "sim_profile"
) -> pytest.MarkDecorator:
    """Parametrize `sim_profile` over every profile; the documented case xfail while something is missing.

    `fixture`: another fixture to hand the profile name to instead (it reads `request.param`), for a
    module whose simulator fixture is shared with tests that run against one profile only.
    """
    cases: list[Any] = []
    for name in SIM_PROFILES:
        if name == "documented" and documented_missing is not None:
            reason = f"today's client against the documented server: {documented_missing}"
            cases.append(pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=reason)))
        else:
            cases.append(name)
    return pytest.mark.parametrize(fixture, cases, indirect=True)
