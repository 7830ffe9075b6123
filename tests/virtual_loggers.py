"""The hotspot procedure on a virtual logger, done as a technician does it, for tests of any layer."""

from __future__ import annotations

from saveris_desktop.simulator import LoggerKind, Simulator, VirtualLogger

#: The site Wi-Fi's password the tests type on a logger's configuration page.
WIFI_PASSWORD = "correct horse battery"


def set_up_logger(
    sim: Simulator,
    kind: LoggerKind,
    key: str,
    wifi: str = "Bakery-WLAN",
    password: str = WIFI_PASSWORD,
    *,
    wait_s: float | None = 10.0,
) -> VirtualLogger:
    """A new virtual logger: the button held 3 s, the connect key as accountId and the site Wi-Fi
    typed on its page (which must take them), then `wait_s` seconds of the simulated clock for it to
    join (or, with a key the cloud does not know, to give up); None: the clock is left alone."""
    logger = sim.create_logger(kind)
    sim.press_button(logger.id, 3.0)
    result = sim.submit_configuration(logger.id, key, wifi, password)
    assert result.ok, result.message
    if wait_s is not None:
        sim.advance_time(wait_s)
    return logger
