"""Cold start to the first painted window: `saveris-desktop --demo` against a bare PySide6 QMainWindow.

Both start the same way in the same run: a fresh Python process (offscreen Qt), timed by this process
from spawn until the child prints "first-paint" from its window's first paint. The ratio of the
medians is the figure to watch (goal <= 1.5x); peak memory (RSS) of each child is reported too. The
app also prints "ready" once the API client, simulator and device view are loaded after the paint.

Run: `python -m tests.benchmarks startup` (REPEATS=n in the environment changes the repetitions).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

BASELINE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class Window(QMainWindow):
    painted = False
    def paintEvent(self, event):
        super().paintEvent(event)
        if not self.painted:
            self.painted = True
            QTimer.singleShot(0, self.done)
    def done(self):
        print("first-paint", flush=True)
        QApplication.quit()

app = QApplication(sys.argv)
window = Window()
window.setWindowTitle("baseline")
window.resize(1000, 700)
window.show()
sys.exit(app.exec())
"""


@dataclass
class Sample:
    first_paint: float  # seconds from spawn
    ready: float | None
    peak_rss_mb: float | None


def _peak_rss_mb(rusage: object) -> float | None:
    value = getattr(rusage, "ru_maxrss", None)
    if not value:
        return None
    # Linux reports KiB, macOS bytes.
    return value / (1024 * 1024) if sys.platform == "darwin" else value / 1024


def measure(command: list[str], home: Path) -> Sample:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SAVERIS_DESKTOP_HOME": str(home)}
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    assert process.stdout is not None
    first_paint = ready = None
    for line in process.stdout:
        now = time.perf_counter() - started
        if line.startswith("first-paint") and first_paint is None:
            first_paint = now
        elif line.startswith("ready"):
            ready = now
    rss = None
    if hasattr(os, "wait4"):
        _pid, status, rusage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        rss = _peak_rss_mb(rusage)
    else:
        process.wait()
    if process.returncode != 0 or first_paint is None:
        raise RuntimeError(f"{command} failed (exit {process.returncode})")
    return Sample(first_paint, ready, rss)


def _median(values: list[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return statistics.median(present) if present else None


def run() -> list[str]:
    repeats = int(os.environ.get("REPEATS", "7"))
    app_cmd = [sys.executable, "-m", "saveris_desktop", "--demo", "--exit-after-paint"]
    base_cmd = [sys.executable, "-c", BASELINE]
    home = Path(tempfile.gettempdir()) / "saveris-startup-bench"  # never the user's own data
    measure(base_cmd, home)  # warm the OS file cache for both: we compare code, not disk
    measure(app_cmd, home)
    app: list[Sample] = []
    base: list[Sample] = []
    for _ in range(repeats):  # interleaved, so load changes on the shared machine hit both alike
        base.append(measure(base_cmd, home))
        app.append(measure(app_cmd, home))
    app_paint = statistics.median(s.first_paint for s in app)
    base_paint = statistics.median(s.first_paint for s in base)
    app_ready = _median([s.ready for s in app])
    app_rss = _median([s.peak_rss_mb for s in app])
    base_rss = _median([s.peak_rss_mb for s in base])
    ratio = app_paint / base_paint
    lines = [
        f"repetitions: {repeats} each, medians, offscreen Qt, {sys.platform}",
        f"bare QMainWindow first paint: {base_paint * 1000:.0f} ms",
        f"saveris-desktop --demo first paint: {app_paint * 1000:.0f} ms",
        f"ratio: {ratio:.2f}x (goal <= 1.5x) {'OK' if ratio <= 1.5 else 'OVER GOAL'}",
    ]
    if app_ready is not None:
        lines.append(
            f"saveris-desktop --demo ready (client, simulator, device view loaded): {app_ready * 1000:.0f} ms"
        )
    if app_rss is not None and base_rss is not None:
        lines.append(
            f"peak RSS: app {app_rss:.0f} MB, bare QMainWindow {base_rss:.0f} MB ({app_rss / base_rss:.2f}x)"
        )
    return lines
