"""The simulator's sense of time: real time plus an offset that tests and the control API can move.

`now()` is monotonic seconds (for delays such as a logger's join delay); `wall()` is epoch seconds
(for JWT `exp` and the date-times the API returns). Moving the clock moves both, so advancing it
by a day both expires tokens and lets pending loggers join.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import Protocol


class Clock(Protocol):
    def now(self) -> float: ...

    def wall(self) -> float: ...

    def advance(self, seconds: float) -> None: ...


class RealClock:
    """Real time plus an offset: a demo logger joins by itself once its delay has really passed."""

    def __init__(self) -> None:
        self._monotonic_base = time.monotonic()
        self._wall_base = time.time()
        self._offset = 0.0

    def now(self) -> float:
        return time.monotonic() + self._offset

    def wall(self) -> float:
        return self._wall_base + (time.monotonic() - self._monotonic_base) + self._offset

    def advance(self, seconds: float) -> None:
        _check_forward(seconds)
        self._offset += seconds


class ManualClock:
    """A clock that only moves when told to: deterministic tests."""

    def __init__(self, start_wall: float | None = None) -> None:
        self._now = 0.0
        # Starts at the real date by default: clients compare token expiry with their own clock.
        self._wall_base = time.time() if start_wall is None else start_wall

    def now(self) -> float:
        return self._now

    def wall(self) -> float:
        return self._wall_base + self._now

    def advance(self, seconds: float) -> None:
        _check_forward(seconds)
        self._now += seconds


def _check_forward(seconds: float) -> None:
    # Time only moves forward: tokens and join schedules assume it never goes back.
    if not seconds >= 0:  # also refuses NaN
        raise ValueError(f"the simulated clock only moves forward (got {seconds!r} s)")


def iso_utc(epoch_seconds: float) -> str:
    """The API's date-time format: ISO 8601, UTC, milliseconds, `Z` suffix."""
    moment = datetime.fromtimestamp(epoch_seconds, tz=UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"
