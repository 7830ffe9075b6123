"""A strict, in-memory implementation of the Device Management API with virtual loggers. No Qt.

It is what the tests, the app's demo mode and technician training run against, since the real
cloud is out of reach. It serves every route of api/routes.py ROUTES (the one route table) and is
strict where a real server would be; see world.py, rules.py and measuring.py for the rules
the API leaves open.

Facade (used by demo mode and the "Virtual logger" panel)::

    from saveris_desktop.simulator import Simulator, LoggerKind, LedState, DEMO_USERNAME, DEMO_PASSWORD

    sim = Simulator(seed=0, join_delay=8.0, token_lifetime=24 * 3600, control_enabled=True)
    sim.app                      # the Starlette ASGI app
    sim.transport()              # httpx transport into sim.app, no socket (httpx.ASGITransport)
    logger = sim.create_logger(LoggerKind.SAVERIS2)
    logger.id, logger.kind, logger.serial_number, logger.model_code, logger.hotspot_ssid
    logger.led, logger.status_text, logger.joined_site   # LedState, str, site name or None
    sim.loggers                  # every virtual logger
    sim.press_button(logger.id, seconds=3.0)             # >= 3 s opens (or closes) the hotspot
    sim.submit_configuration(logger.id, account_id=connect_key, wifi_ssid="Shop", wifi_password="...")
                                 # -> ConfigurationResult(ok, message, field_errors)
    sim.set_network_down(True)   # laptop on the logger's hotspot: API calls fail like a dropped line
    sim.advance_time(60)         # move the simulated clock; sim.now() reads it
    sim.add_fault("rate_limit", route="list_devices", count=1)   # see faults.py; sim.clear_faults()

Profiles (profile.py): `Simulator(profile="documented")` plays the real service as the public
evidence shows it (API Gateway + Lambda in front of the documented operations only, answers in the
sibling APIs' shapes); the default "assumed" plays the contract this project assumed. Each
difference is a switch of `Profile`, testable alone.

The clock is real monotonic time plus an offset, so a demo logger joins by itself `join_delay`
seconds after its page was saved; tests pass `clock=ManualClock()`. Joining is evaluated lazily,
whenever a request arrives or a logger's state is read.

Running it: in-process with `sim.transport()`; as a real server with the `saveris-sim` command
(uvicorn on 127.0.0.1, see server.py), or `server.serve_in_thread(sim)` for tests and demo mode.
The control API for the physical world is under `/_sim/` (see control.py).

Threads: one Simulator may be served by uvicorn in a background thread while the facade is driven
from another (demo panel plus the loopback configuration page). All state sits behind
`sim.world.lock`, held only for in-memory work, never across an await or file I/O.

What `--state FILE` (Simulator.load_state) keeps: sites with their connect keys and time zones,
devices, sensors, every configuration, measuring objects and the virtual loggers (a pending join
resumes with its remaining delay). What it does not keep, on purpose: accounts, which are the
simulator's configuration (the demo account, `Simulator(accounts=...)`, `/_sim/accounts`), and
tokens, which are signed with a secret made anew at each start, so a restart signs every client
out like a key rotation in the cloud; the client signs in again by itself. A site belongs to an
account by its user name, so it comes back for the same account after a restart.
"""

from .clock import ManualClock, RealClock
from .facade import DEMO_PASSWORD, DEMO_USERNAME, Simulator
from .faults import Fault, FaultKind
from .loggers import ConfigurationResult, LedState, LoggerKind, VirtualLogger
from .profile import ASSUMED, DOCUMENTED, PROFILES, Profile
from .validation import Refusal

__all__ = [
    "ASSUMED",
    "DEMO_PASSWORD",
    "DEMO_USERNAME",
    "DOCUMENTED",
    "PROFILES",
    "ConfigurationResult",
    "Fault",
    "FaultKind",
    "LedState",
    "LoggerKind",
    "ManualClock",
    "Profile",
    "RealClock",
    "Refusal",
    "Simulator",
    "VirtualLogger",
]
