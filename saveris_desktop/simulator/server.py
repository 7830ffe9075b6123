"""Run the simulator as a real HTTP server: the `saveris-sim` command, or a background thread.

    saveris-sim [--port 8765] [--seed 0] [--state FILE] [--join-delay 8] [--token-lifetime 86400]
                [--profile assumed|documented [--response-size-limit BYTES]]
                [--no-control] [--host 127.0.0.1 [--allow-remote]]

`--profile documented` plays the real gateway (profile.py): documented operations only, API
Gateway's errors and the payload shapes seen in testo's sibling APIs; "assumed" (the default) is
the contract this project assumed.

It binds 127.0.0.1 unless told otherwise: the simulator has no TLS and its control API no login,
so another host is refused unless `--allow-remote` is given too. Served on loopback it answers only
requests for its own address and port (DNS rebinding), and it takes changes only from its own pages
or from clients that are not browsers (loopback.py). `--port 0` picks a free port.
With `--state FILE` every change is written atomically and reloaded at the next start, so a demo
site (and its connect key, devices and loggers) survives a restart; tokens do not (new secret).
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import socket
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path

import uvicorn

from saveris_desktop.api.regions import is_loopback_host

from .facade import DEFAULT_TOKEN_LIFETIME, DEMO_PASSWORD, DEMO_USERNAME, Simulator
from .loopback import LoopbackGuard
from .profile import PROFILES, profile_named
from .responses import QUIET_DELIBERATE_CUTS

DEFAULT_PORT = 8765


def bind(host: str, port: int) -> socket.socket:
    """A listening socket; port 0 lets the system choose (read it back with getsockname)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP spelled out: asyncio turns Nagle off (TCP_NODELAY) only on sockets that say TCP,
    # and with Nagle on every keep-alive answer waits ~40 ms for a delayed ACK.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    if os.name != "nt":  # on Windows SO_REUSEADDR would let a second server take the same port
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def url_of(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def _server(sim: Simulator, sock: socket.socket, *, log_level: str) -> uvicorn.Server:
    host, port = sock.getsockname()[:2]
    config = uvicorn.Config(
        LoopbackGuard(sim.app, port=port if is_loopback_host(host) else None),
        lifespan="off",
        log_level=log_level,
        access_log=False,
        # A hung request (timeout fault) must not hold a stopping server for long.
        timeout_graceful_shutdown=2,
    )
    # After Config: it (re)configures uvicorn's loggers. Adding the same filter twice is a no-op.
    logging.getLogger("uvicorn.error").addFilter(QUIET_DELIBERATE_CUTS)
    return uvicorn.Server(config)


@contextlib.contextmanager
def serve_in_thread(sim: Simulator, *, host: str = "127.0.0.1", log_level: str = "warning") -> Iterator[str]:
    """Serve `sim` over a real socket on a free loopback port; yields the base URL (tests, demo mode)."""
    if not is_loopback_host(host):
        raise ValueError(f"serve_in_thread binds loopback only, not {host!r}")
    sock = bind(host, 0)
    server = _server(sim, sock, log_level=log_level)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="saveris-sim", daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 10.0
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the simulator server did not start")
            time.sleep(0.01)
        yield url_of(sock)
    finally:
        server.should_exit = True
        thread.join(timeout=10.0)
        sock.close()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="saveris-sim",
        description="Simulated Saveris Device Management API with virtual loggers (demos, training, tests).",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument(
        "--allow-remote",
        action="store_true",
        help="allow a non-loopback --host (no TLS, and the control API has no login: trusted networks only)",
    )
    parser.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT}; 0 = pick)"
    )
    parser.add_argument("--seed", type=int, default=0, help="seed for ids, connect keys and random faults")
    parser.add_argument("--state", type=Path, help="keep the state in this JSON file (written atomically)")
    parser.add_argument(
        "--join-delay", type=float, default=8.0, help="seconds a logger takes to join (default 8)"
    )
    parser.add_argument(
        "--token-lifetime", type=float, default=DEFAULT_TOKEN_LIFETIME, help="token lifetime in seconds"
    )
    parser.add_argument(
        "--profile",
        default="assumed",
        choices=list(PROFILES),
        help="assumed (default): this project's contract; documented: the documented operations "
        "behind API Gateway, as the public evidence shows the real service",
    )
    parser.add_argument(
        "--response-size-limit",
        type=int,
        metavar="BYTES",
        help="answers larger than this get API Gateway's 413 (documented profile: 6 MB)",
    )
    parser.add_argument("--no-control", action="store_true", help="do not serve the /_sim/ control API")
    parser.add_argument(
        "--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"]
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if not is_loopback_host(args.host) and not args.allow_remote:
        print(
            f"saveris-sim: refusing to bind {args.host}: the simulator is for this computer only. "
            "Add --allow-remote to serve other hosts (no TLS, control API without login).",
            file=sys.stderr,
        )
        return 2
    if not 0 <= args.port <= 65535:
        print("saveris-sim: --port must be 0-65535", file=sys.stderr)
        return 2
    profile = profile_named(args.profile)
    if args.response_size_limit is not None:
        if args.response_size_limit < 1:
            print("saveris-sim: --response-size-limit must be at least 1 byte", file=sys.stderr)
            return 2
        profile = replace(profile, response_size_limit=args.response_size_limit)
    try:
        sim = Simulator(
            seed=args.seed,
            join_delay=args.join_delay,
            token_lifetime=args.token_lifetime,
            control_enabled=not args.no_control,
            profile=profile,
        )
    except ValueError as exc:
        print(f"saveris-sim: {exc}", file=sys.stderr)
        return 2
    if args.state is not None:
        try:
            restored = sim.load_state(args.state)
        except (OSError, ValueError) as exc:  # a damaged file is reported and left as it is
            print(f"saveris-sim: cannot read the state file {args.state}: {exc}", file=sys.stderr)
            return 2
        print(f"State file: {args.state} ({'restored' if restored else 'new'})")
    try:
        sock = bind(args.host, args.port)
    except OSError as exc:
        print(f"saveris-sim: cannot listen on {args.host}:{args.port}: {exc}", file=sys.stderr)
        return 2
    url = url_of(sock)
    print(f"Saveris Device Management API simulator on {url} (profile: {sim.profile.name})")
    print(f"Demo account: {DEMO_USERNAME} / password {DEMO_PASSWORD}")
    if sim.control_enabled:
        print(f"Control API: {url}/_sim/  (virtual loggers, time, faults)")
    sys.stdout.flush()
    try:
        _server(sim, sock, log_level=args.log_level).run(sockets=[sock])
    finally:
        sock.close()
    try:
        sim.save_state()
    except OSError as exc:
        print(f"saveris-sim: cannot write the state file {args.state}: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
