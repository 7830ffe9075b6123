"""Screenshots of every screen at 100, 125 and 150 % scaling, light and dark, German and English.

Each scaling runs in a process of its own (tests/ui/screenshots.py; Qt reads the scaling only at
start), all three at once: they mostly wait on the simulator, not on the processor. Every screen must
fit its text and 1280×720 logical pixels at each scaling. The pictures stay for a person to look at:
in $SAVERIS_SCREENSHOTS if set, else in test-artefacts/screenshots/ (ignored by git); the path and
the time taken are printed. Deselect with `-m "not screenshots"` while iterating on something else.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.ui.screenshots import folder_name

ROOT = Path(__file__).resolve().parents[2]
#: The larger scalings walk one logger's editor tabs and one hotspot guide (the rest is the same
#: layout at another size): the three runs together stay near half a minute.
SCALES = {1.0: False, 1.25: True, 1.5: True}


@pytest.mark.screenshots
def test_every_screen_fits_at_100_125_and_150_percent(capsys: pytest.CaptureFixture[str]) -> None:
    out = Path(os.environ.get("SAVERIS_SCREENSHOTS") or ROOT / "test-artefacts" / "screenshots")
    started = time.monotonic()
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    runs = {
        scale: subprocess.Popen(
            [sys.executable, "-m", "tests.ui.screenshots", "--scale", str(scale), "--out", str(out)]
            + (["--fewer"] if fewer else []),
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for scale, fewer in SCALES.items()
    }
    outputs = {scale: run.communicate(timeout=600)[0] for scale, run in runs.items()}
    took = time.monotonic() - started
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu_after.ru_utime + cpu_after.ru_stime) - (cpu_before.ru_utime + cpu_before.ru_stime)
    pictures = {scale: sorted((out / folder_name(scale)).glob("*.png")) for scale in SCALES}
    with capsys.disabled():
        counts = ", ".join(f"{folder_name(s)}: {len(p)}" for s, p in pictures.items())
        print(f"\nscreenshots in {out} ({counts}) in {took:.0f} s ({cpu:.0f} s of processor time)")
    failed = {scale: outputs[scale] for scale, run in runs.items() if run.returncode != 0}
    assert not failed, "\n\n".join(f"--- at {s:.0%} ---\n{text[-6000:]}" for s, text in failed.items())
    for scale, found in pictures.items():
        # light and dark, German and English: each screen four times
        assert len(found) >= 4 * 20, f"only {len(found)} pictures at {scale:.0%}"
        names = {p.name for p in found}
        for expected in ("dark-de-wizard-found.png", "light-en-commissioning-report.png"):
            assert expected in names, f"{expected} missing at {scale:.0%}"
