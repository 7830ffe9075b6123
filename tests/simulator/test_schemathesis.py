"""An independent tool checks the simulator against the OpenAPI contract: no 5xx on any input.

schemathesis generates requests from resources/openapi/device-management-api.yaml (valid and
invalid ones), a bounded number per operation, deterministic. Half of the cases are steered to a
real site and real uuids, so bodies reach the deep validation and not only the 404 path.
"""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance

from saveris_desktop.simulator import LoggerKind, ManualClock, Simulator, measuring
from saveris_desktop.simulator.state import Scope

SPEC = Path(__file__).resolve().parents[2] / "resources" / "openapi" / "device-management-api.yaml"
SITE = "Fuzz site"
EXAMPLES_PER_OPERATION = 25


def _prepared() -> tuple[Simulator, str, dict[str, str]]:
    """A simulator with a site, a joined gateway and a measuring object; a token; uuids per kind."""
    sim = Simulator(seed=11, join_delay=0.0, clock=ManualClock())
    with sim.world.lock:
        principal = sim.world.accounts["technician@demo.saveris"].principal
        site = sim.world.create_site(principal, SITE)
        token = sim.tokens.issue(principal)
    logger = sim.create_logger(LoggerKind.GATEWAY_164)
    sim.press_button(logger.id, 3.0)
    assert sim.submit_configuration(logger.id, site.connect_key, "Fuzz Wi-Fi", "fuzz-password").ok
    with sim.world.lock:
        fridge = measuring.create_measuring_object(
            sim.world,
            Scope(principal.customer_uuid, SITE),
            {"name": "Fridge", "logical_channels": [{"name": "T", "physical_value_id": "PV_TEMPERATURE"}]},
        )
    uuids = {
        "devices": logger.device_uuid,
        "sensors": logger.sensor_uuids[1],
        "measuring-objects": fridge["uuid"],
    }
    return sim, token, uuids


SIM, TOKEN, UUIDS = _prepared()

config = SchemathesisConfig()
config.projects.override.generation.update(
    modes=["positive", "negative"], max_examples=EXAMPLES_PER_OPERATION, deterministic=True
)
schema = schemathesis.openapi.from_path(SPEC, config=config)
schema.app = SIM.app


@pytest.mark.slow
@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_no_server_error_on_any_generated_request(case: schemathesis.Case) -> None:
    steer = zlib.crc32(repr((case.path_parameters, case.query, case.body)).encode()) % 2 == 0
    if steer:
        if isinstance(case.query, dict) and "site" in case.query:
            case.query["site"] = SITE
        if isinstance(case.path_parameters, dict) and "uuid" in case.path_parameters:
            case.path_parameters["uuid"] = UUIDS[case.path.strip("/").split("/")[0]]
    case.call_and_validate(
        base_url="http://127.0.0.1",
        headers={"Authorization": f"Bearer {TOKEN}"},
        checks=[not_a_server_error, response_schema_conformance, content_type_conformance],
    )
