"""Guards for the simulator served over a socket (server.py): only this computer's own pages get in.

The simulator has no login on its control API, and the logger's configuration page takes a plain
HTML form, which any web page may post. Two attacks a browser makes possible, and their guard:

- DNS rebinding: a page on `evil.example` has its name re-resolved to 127.0.0.1 and then talks to
  the simulator as if it were its own origin; its requests carry `Host: evil.example:PORT`. Served
  on loopback, only `127.0.0.1`, `localhost` and `[::1]` with the served port are answered.
- Cross-site posts: a foreign page's form posted to the configuration page (or any request that
  changes something) carries that page's `Origin`, or `Sec-Fetch-Site: cross-site` where a browser
  leaves Origin out. Such requests are refused; requests without either header (the app, httpx,
  curl: no browser, no ambient victim) pass.

The in-process transport has no socket and no browser, so it is not guarded.
"""

from __future__ import annotations

import logging

from starlette.datastructures import Headers
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

log = logging.getLogger(__name__)

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")
#: Methods that change something; GET and HEAD only read (and a page cannot read the answer cross-site).
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
#: `Sec-Fetch-Site` values of a request the user made on this origin or typed in (not another site).
_OWN_FETCH_SITES = frozenset({"same-origin", "none"})


def allowed_hosts(port: int) -> frozenset[str]:
    """The `Host` values a browser on this computer sends for the simulator on `port`."""
    hosts = {f"{name}:{port}" for name in LOOPBACK_NAMES}
    if port == 80:  # a browser leaves the default port out
        hosts.update(LOOPBACK_NAMES)
    return frozenset(hosts)


class LoopbackGuard:
    """ASGI middleware: `Host` checked when `port` is given (loopback serving), `Origin` always."""

    def __init__(self, app: ASGIApp, *, port: int | None) -> None:
        self.app = app
        self.hosts = allowed_hosts(port) if port is not None else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        host = headers.get("host", "").lower()
        if self.hosts is not None and host not in self.hosts:
            log.warning("refused a request for host %r (not this computer's simulator)", host[:100])
            await _refuse(
                "This simulator answers only http://127.0.0.1, http://localhost or http://[::1] "
                "with its own port.",
                scope,
                receive,
                send,
            )
            return
        if scope["method"] in UNSAFE_METHODS and not _from_own_page(headers, host):
            log.warning(
                "refused %s %s from another web page (Origin %r)",
                scope["method"],
                scope["path"],
                headers.get("origin", "")[:100],
            )
            await _refuse(
                "This simulator accepts changes only from its own pages, not from another web site.",
                scope,
                receive,
                send,
            )
            return
        await self.app(scope, receive, send)


def _from_own_page(headers: Headers, host: str) -> bool:
    origin = headers.get("origin")
    if origin is not None:
        # `null` (a sandboxed frame, a file:// page) is never this simulator's own page.
        return origin.lower() in (f"http://{host}", f"https://{host}")
    fetch_site = headers.get("sec-fetch-site")
    return fetch_site is None or fetch_site.lower() in _OWN_FETCH_SITES


async def _refuse(message: str, scope: Scope, receive: Receive, send: Send) -> None:
    await JSONResponse({"status": "Error", "message": message}, status_code=403)(scope, receive, send)
