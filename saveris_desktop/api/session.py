"""How one API call travels: token, request, log line, retries, one 401 renewal, error mapping.

One shared `httpx.AsyncClient` per session (TLS verification on, redirects off, connect and read
timeouts). Resending rules:
- GET and PUT (idempotent) and `/token` (creates nothing) are retried with backoff on connection
  errors and on 429/502/503/504, up to the policy's cap;
- any other POST is re-sent only when it certainly never reached the server (connect error) or the
  server refused it outright (429). After an *ambiguous* failure (dropped connection, read timeout,
  502/503/504) it is not re-sent here: with `report_ambiguous=True` the caller receives
  AmbiguousFailure and looks for the object before sending again (see client.py).
- a 401 renews the token once and repeats the request once; a second 401 is an AuthenticationError.

Proxy and certificates (decided in connection.py, shown in About/diagnostics, logged once):
- The system proxy is respected as a desktop app should (`HTTPS_PROXY`/`ALL_PROXY`/`NO_PROXY`, and
  on Windows/macOS the system's proxy settings when no variable is set). httpx no longer reads the
  environment on its own (`trust_env=False`): the session passes exactly what was decided.
- TLS to the origin is always verified, end to end: an https origin is reached through the proxy
  with CONNECT, so an `http://` proxy sees only the host name and encrypted bytes, never the token
  or the password. An `https://` proxy adds TLS to the proxy, verified with the same roots.
- Plain http (allowed only to this computer, regions.py) never goes through a proxy: there the
  request, and the password in `POST /token`, would reach the proxy in clear text.
- A proxy that cannot be used (SOCKS, unknown scheme, malformed setting) is left out and the
  session connects directly, saying so in About and the log instead of failing every request.
  PAC files and WPAD are not evaluated.
- The proxy's own credentials (`http://user:pw@proxy:3128`) are sent to the proxy, as every client
  does, but are registered as secrets and never shown.
- Trusted roots are certifi's always; `SSL_CERT_FILE`/`SSL_CERT_DIR` (a company's TLS-inspecting
  proxy root) are added to them, never replace them, and verification is never switched off.

Limits (RequestLimits), because httpx's timeouts are per network read: a server dribbling one byte
every 10 s kept a call alive past 75 s despite the 30 s read timeout.
- every attempt has an overall deadline, from connecting to the last byte of the body; running out
  of it counts as a read timeout (the request may have arrived: a POST is ambiguous);
- the decoded body is capped (bounded_body.py); a larger answer is an InvalidResponseError
  "the answer is too large", and memory stays near the cap even for a gzip bomb.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import httpx

from saveris_desktop import __version__
from saveris_desktop.api import bounded_body, connection, redaction, responses
from saveris_desktop.api.auth import TokenManager
from saveris_desktop.api.errors import ApiError, AuthenticationError, NetworkError, RequestValidationError
from saveris_desktop.api.models import Credentials, TokenResponse
from saveris_desktop.api.regions import Endpoint, validate_base_url
from saveris_desktop.api.retry import (
    AMBIGUOUS_STATUSES,
    RETRYABLE_STATUSES,
    RetryPolicy,
    parse_retry_after,
    request_never_left,
)
from saveris_desktop.api.routes import ROUTES, Route
from saveris_desktop.foundation.signal import Signal

log = logging.getLogger(redaction.API_LOGGER_NAME)

DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)


@dataclass(frozen=True)
class RequestLimits:
    """How long one attempt may take in all, and how large its decoded answer may be."""

    #: Seconds from sending to the last byte of the answer. The documented answers are small and
    #: API Gateway delivers at most 6 MB; a minute covers that on a weak mobile link.
    deadline: float = 60.0
    #: Bytes of decoded body. A site's listing of thousands of loggers is a few MB.
    max_body_bytes: int = 64 * 1024 * 1024


class AmbiguousFailure(Exception):  # noqa: N818 - not an error for the UI: a signal to the caller
    """A non-idempotent request failed after it may have been carried out; `error` is what to show.

    `attempt` is how many attempts of the retry budget are used up, so the caller's resends share it.
    """

    def __init__(self, error: ApiError, attempt: int, retry_after: float | None = None) -> None:
        super().__init__(error.message)
        self.error = error
        self.attempt = attempt
        self.retry_after = retry_after


@dataclass(frozen=True)
class _Resend:
    safe: bool  # the request may be sent again after any failure (idempotent, or /token)
    report_ambiguous: bool  # raise AmbiguousFailure instead of the error when the outcome is unknown


class ApiSession:
    def __init__(
        self,
        endpoint: Endpoint,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        timeout: httpx.Timeout | None = None,
        retry: RetryPolicy | None = None,
        clock: Callable[[], float] | None = None,
        limits: RequestLimits | None = None,
    ) -> None:
        validate_base_url(endpoint.base_url)  # an Endpoint built by hand gets the same http rule
        redaction.install_redaction()
        self.endpoint = endpoint
        self.retry = retry or RetryPolicy()
        self.limits = limits or RequestLimits()
        self.tokens = TokenManager(clock or time.time)
        #: False when the cloud cannot be reached, True once it answers again (only on a change)
        self.sig_connectivity: Signal[bool] = Signal("connectivity")
        self._online: bool | None = None
        #: How this session goes out (proxy, trusted roots); an injected transport goes nowhere else.
        self.connection = connection.connection_settings(endpoint.base_url) if transport is None else None
        if self.connection is not None:
            connection.log_settings(self.connection, endpoint.label)
        self._http = httpx.AsyncClient(
            base_url=endpoint.base_url,
            transport=transport,
            timeout=timeout or DEFAULT_TIMEOUT,
            verify=self.connection.ssl_context if self.connection else True,
            proxy=self.connection.proxy.url if self.connection else None,
            trust_env=False,
            follow_redirects=False,
            headers={
                "Accept": "application/json",
                "Accept-Encoding": bounded_body.ACCEPT_ENCODING,
                "User-Agent": f"saveris-desktop/{__version__}",
            },
        )

    @property
    def closed(self) -> bool:
        return self._http.is_closed

    async def aclose(self) -> None:
        if not self._http.is_closed:
            await self._http.aclose()

    # --- connectivity ---------------------------------------------------------------------------

    def _set_online(self, online: bool) -> None:
        if online == self._online:
            return
        self._online = online
        self.sig_connectivity.emit(online)  # a broken listener is logged; it never breaks the request

    # --- token ----------------------------------------------------------------------------------

    async def fetch_token(self, credentials: Credentials) -> str:
        route = ROUTES["token"]
        response = await self.call(route, body=credentials.model_dump(mode="json"), authorised=False)
        return responses.read_model(response, TokenResponse, route, self.endpoint).id_token

    async def _bearer(self, route: Route) -> str:
        token = await self.tokens.valid_token(self.fetch_token)
        if token is None:
            reason = "nobody is signed in; please sign in first"
            raise AuthenticationError(responses.sentence(route, self.endpoint, reason), operation=route.name)
        return token

    # --- requests -------------------------------------------------------------------------------

    async def call(
        self,
        route: Route,
        *,
        path_params: Mapping[str, str] | None = None,
        site: str | None = None,
        body: Any = None,
        authorised: bool = True,
        report_ambiguous: bool = False,
        attempts_used: int = 0,
    ) -> httpx.Response:
        """Send `route` and return its 2xx response, or raise the matching ApiError.

        `attempts_used`: attempts an earlier call for the same change already took from the budget.
        """
        path = route.format(**(path_params or {}))
        query = self._site_query(route, site)
        rules = _Resend(route.idempotent or route.name == "token", report_ambiguous)
        attempt = attempts_used
        renewed = False
        while True:
            attempt += 1
            token = await self._bearer(route) if authorised else None
            try:
                response = await self._send(route, path, query, body, token)
            except httpx.DecodingError:  # e.g. a broken gzip stream: the server answered, unreadably
                self._set_online(True)
                raise responses.invalid_response(
                    route, self.endpoint, "body", "could not be decoded"
                ) from None
            except bounded_body.BodyTooLargeError as exc:
                self._set_online(True)
                raise responses.answer_too_large(route, self.endpoint, exc.limit) from None
            except httpx.TransportError as exc:
                await self._wait_after_transport_error(exc, route, path, attempt, rules)
                continue
            self._set_online(True)
            if response.status_code == 401 and token is not None and not renewed:
                renewed = True
                attempt -= 1  # the renewal is not a failed attempt of the policy's budget
                self.tokens.discard(token)
                log.debug("%s %s: token refused, renewing once", route.method, path)
                continue
            if response.is_success:
                return response
            await self._wait_after_error_status(response, route, path, attempt, rules)

    async def _wait_after_transport_error(
        self, exc: httpx.TransportError, route: Route, path: str, attempt: int, rules: _Resend
    ) -> None:
        """Sleep before the next attempt, or raise the NetworkError (or AmbiguousFailure)."""
        never_left = request_never_left(exc)
        retry = (rules.safe or never_left) and not responses.certificate_not_trusted(exc)
        delay = self.retry.delay_before_retry(attempt) if retry else None
        if delay is not None:
            log.debug("%s %s: %s; retrying in %.1f s", route.method, path, type(exc).__name__, delay)
            await self.retry.sleep(delay)
            return
        error = responses.network_error(exc, route, self.endpoint)
        ambiguous = rules.report_ambiguous and not never_left
        # Reported only once retrying is over, so one lost packet does not flash "offline"; after an
        # ambiguous failure the caller looks and may send again while the budget lasts.
        if not ambiguous or self.retry.delay_before_retry(attempt) is None:
            self._set_online(False)
        if ambiguous:
            raise AmbiguousFailure(error, attempt) from None
        raise error from None

    async def _wait_after_error_status(
        self, response: httpx.Response, route: Route, path: str, attempt: int, rules: _Resend
    ) -> None:
        """Sleep before the next attempt, or raise the ApiError for this answer (or AmbiguousFailure)."""
        status = response.status_code
        retry_after = parse_retry_after(response.headers.get("Retry-After"), self.retry.now)
        error = responses.error_for_response(response, route, self.endpoint, retry_after=retry_after)
        # A 429 was refused before doing anything, so even a POST may go again.
        if status in RETRYABLE_STATUSES and (rules.safe or status == 429):
            delay = self.retry.delay_before_retry(attempt, retry_after)  # a 503 may carry the hint too
            if delay is not None:
                log.debug("%s %s: HTTP %d; retrying in %.1f s", route.method, path, status, delay)
                await self.retry.sleep(delay)
                return
        if rules.report_ambiguous and status in AMBIGUOUS_STATUSES:
            raise AmbiguousFailure(error, attempt, retry_after)
        raise error

    def _site_query(self, route: Route, site: str | None) -> dict[str, str] | None:
        if not route.site_scoped:
            return None
        if not site or not site.strip():
            reason = "no site was given; choose or enter a site first"
            raise RequestValidationError(
                responses.sentence(route, self.endpoint, reason), operation=route.name
            )
        return {"site": site}

    async def _send(
        self, route: Route, path: str, query: dict[str, str] | None, body: Any, token: str | None
    ) -> httpx.Response:
        if self.closed:  # httpx would raise a bare RuntimeError
            reason = "the app has already closed its connection to the testo cloud"
            raise NetworkError(responses.sentence(route, self.endpoint, reason), operation=route.name)
        headers = {"Authorization": f"Bearer {token}"} if token else None
        request = self._http.build_request(route.method, path, params=query, json=body, headers=headers)
        started = time.perf_counter()
        try:
            async with asyncio.timeout(self.limits.deadline):
                response = await self._receive(request)
        except TimeoutError:
            elapsed = (time.perf_counter() - started) * 1000
            log.debug(
                "%s %s -> deadline of %.0f s passed after %.0f ms",
                route.method,
                path,
                self.limits.deadline,
                elapsed,
            )
            raise httpx.ReadTimeout(
                "the answer did not complete within the deadline", request=request
            ) from None
        except httpx.TransportError as exc:
            elapsed = (time.perf_counter() - started) * 1000
            log.debug("%s %s -> %s after %.0f ms", route.method, path, type(exc).__name__, elapsed)
            raise
        elapsed = (time.perf_counter() - started) * 1000
        log.debug("%s %s -> %d in %.0f ms", route.method, path, response.status_code, elapsed)
        return response

    async def _receive(self, request: httpx.Request) -> httpx.Response:
        """Send `request` and read its body within the size cap; the answer comes back decoded."""
        streamed = await self._http.send(request, stream=True)
        try:
            content = await bounded_body.read_capped(streamed, self.limits.max_body_bytes)
        finally:
            await streamed.aclose()
        # The body is decoded now: drop the headers that described the encoded form.
        headers = [
            (name, value)
            for name, value in streamed.headers.multi_items()
            if name.lower() not in ("content-encoding", "content-length", "transfer-encoding")
        ]
        return httpx.Response(
            streamed.status_code,
            headers=headers,
            content=content,
            request=request,
            extensions=streamed.extensions,
        )
