"""HTTP requests of the whole demo onboarding, against the fewest the flow needs.

Sign in → site → the logger joins and is found → it opens in the devices view → a measuring object
is created on its sensor and gets an alarm preset: the real main window against the in-process
simulator, every request counted at the transport with a 30 ms round trip so that requests overlap
as they do against the cloud (tests/ui/onboarding_requests.py). The minimum is stated request by
request with the reason the flow needs it; the polls while the logger joins depend on how long it
takes and count as the one listing that found it.

The walk is the request-budget test (tests/ui/test_request_budget.py), run in a child process so
that Qt, the simulator and the test fixtures are this figure's alone.

Run: `python -m tests.benchmarks requests`.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.ui.onboarding_requests import PHASES, REPORT_MARKER

ROOT = Path(__file__).resolve().parents[2]
TEST = "tests/ui/test_request_budget.py"


def run() -> list[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_API="pyside6")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-s", "-p", "no:cacheprovider", TEST],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    lines = result.stdout.splitlines()
    if REPORT_MARKER not in lines:
        return ["FAILED:", *(result.stdout + result.stderr).strip().splitlines()[-15:]]
    start = lines.index(REPORT_MARKER) + 1
    report = [line for line in lines[start:] if line.strip() and not line.startswith(".")]
    figures = [line for line in report if line.split(":")[0] in (*PHASES, "whole onboarding")]
    minimum = [line for line in report if line.startswith("minimum of")]
    verdict = "within the budget" if result.returncode == 0 else "OVER the budget (the test failed)"
    return [*figures, f"request-budget test: {verdict}", *minimum]
