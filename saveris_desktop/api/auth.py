"""The id token and the credentials that renew it, kept in memory only.

testo documents no refresh endpoint [V]: the token is renewed by calling `/token` again with the
credentials the technician signed in with. Expiry comes from the JWT `exp` claim (read without
checking the signature: the app only needs the time, the server checks the rest), else 24 hours [V].
The token is renewed `margin` before it expires, so a long form save never meets an expired token.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable

import jwt

from saveris_desktop.api import redaction
from saveris_desktop.api.errors import AuthenticationError
from saveris_desktop.api.models import Credentials

DEFAULT_LIFETIME = 24 * 3600.0
MAX_RENEW_MARGIN = 300.0
# Even a token that claims to be expired (laptop clock wrong) is used this long before renewing,
# so a skewed clock cannot turn into a sign-in per request; a real expiry ends in a 401 and one renewal.
MIN_LIFETIME = 60.0

TokenFetcher = Callable[[Credentials], Awaitable[str]]


def token_lifetime(token: str, now: float) -> float:
    """Seconds the token is valid from `now` on, judged by its own claims."""
    try:
        claims = jwt.decode(token, options={"verify_signature": False})
    except jwt.PyJWTError:
        return DEFAULT_LIFETIME
    exp, iat = claims.get("exp"), claims.get("iat")
    if not isinstance(exp, int | float):
        return DEFAULT_LIFETIME
    # exp - iat does not depend on the laptop's clock being right; exp - now does.
    lifetime = exp - iat if isinstance(iat, int | float) and iat < exp else exp - now
    return max(float(lifetime), MIN_LIFETIME)


class TokenManager:
    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        # Wall clock on purpose: it keeps running while the laptop sleeps, and so does the token's exp.
        self._clock = clock
        self._credentials: Credentials | None = None
        self._token: str | None = None
        self._renew_at = 0.0
        self._lock = asyncio.Lock()

    def __repr__(self) -> str:
        return f"TokenManager(username={self.username!r}, has_token={self._token is not None})"

    @property
    def username(self) -> str | None:
        return self._credentials.username if self._credentials else None

    @property
    def has_credentials(self) -> bool:
        return self._credentials is not None

    def sign_in(self, credentials: Credentials, token: str) -> None:
        """Keep credentials and their first token (after `/token` accepted them)."""
        self.sign_out()
        self._credentials = credentials
        redaction.remember_secret(credentials.password)
        self._accept(token)

    def sign_out(self) -> None:
        # The password and tokens stay registered with redaction: a log line or a crash dialog after
        # the sign-out may still quote them (see redaction's docstring).
        self._credentials = None
        self._token = None

    def current(self) -> str | None:
        """The token, unless it is missing or due for renewal."""
        if self._token is not None and self._clock() < self._renew_at:
            return self._token
        return None

    def discard(self, token: str) -> None:
        """The server refused `token`: the next `valid_token` renews (once, for all waiting callers)."""
        if self._token == token:
            self._renew_at = 0.0

    async def valid_token(self, fetch: TokenFetcher) -> str | None:
        """A token fit for the next request, renewed through `fetch` if needed; None if signed out.

        A refused renewal (AuthenticationError) signs out, so the technician is asked again.
        """
        token = self.current()
        if token is not None:
            return token
        async with self._lock:  # concurrent requests share one renewal
            token = self.current()
            if token is not None or self._credentials is None:
                return token
            credentials = self._credentials
            try:
                fresh = await fetch(credentials)
            except AuthenticationError:
                if self._credentials is not credentials:  # someone else signed in meanwhile
                    return self.current()
                # The stored password no longer works (changed elsewhere): ask the technician again.
                self.sign_out()
                raise
            if self._credentials is not credentials:  # signed out, or in as someone else, meanwhile
                return self.current()
            self._accept(fresh)
            return fresh

    def _accept(self, token: str) -> None:
        now = self._clock()
        lifetime = token_lifetime(token, now)
        margin = min(MAX_RENEW_MARGIN, lifetime / 10)
        self._token = token
        self._renew_at = now + lifetime - margin
        redaction.remember_secret(token)
