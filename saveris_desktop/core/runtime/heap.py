"""Keep the garbage collector's full passes off the UI thread's critical path.

With a site of 5,000 loggers the app holds a few hundred thousand objects. CPython's automatic
full (generation 2) collection walks all of them: measured 230 ms, during which the window froze
in the middle of a device-list refresh. The policy here:

- `settle()` after start-up and after a large listing has been applied: collect the young
  generations, then `gc.freeze()` what is alive, so later full passes skip those objects.
  Frozen objects are still freed by reference counting when released; only reference cycles
  among them wait for `collect_everything()`.
- Automatic full passes are rarer (every 100 instead of 10 generation-1 passes), so they do not
  land in the middle of parsing a listing.
- `collect_everything()` runs one real full collection, at a moment when nobody watches the
  window (it is minimised): nothing leaks for long, and the stall is not seen.

Measured with `python -m tests.benchmarks device_table`: longest stall of a 5,000-device poll
from ~240 ms to ~18 ms.
"""

from __future__ import annotations

import gc
import logging
import time

log = logging.getLogger(__name__)

#: Generation-1 passes between automatic full passes (CPython's default is 10).
FULL_PASS_EVERY = 100
#: A listing at least this long is worth a settle() after it has been applied.
LARGE_LISTING = 500


def tune() -> None:
    """Make automatic full passes rare; call once at start-up."""
    young, middle, _ = gc.get_threshold()
    gc.set_threshold(young, middle, FULL_PASS_EVERY)


def settle() -> None:
    """Collect the young generations and freeze what survives out of future full passes."""
    gc.collect(1)
    gc.freeze()


def collect_everything() -> float:
    """One full collection over frozen objects too; returns its duration in seconds."""
    started = time.perf_counter()
    gc.unfreeze()
    found = gc.collect()
    gc.freeze()
    took = time.perf_counter() - started
    log.debug("full garbage collection: %d objects found in %.0f ms", found, took * 1000)
    return took
