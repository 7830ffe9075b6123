"""Id tokens as real signed JWTs (HS256 with a random per-simulator secret, PyJWT).

Expiry is checked against the simulated clock, so advancing it expires tokens; `expire_all`
revokes every token issued so far (the "token expiry now" fault). A restart makes a new secret:
old tokens become invalid, as they would when the cloud rotates keys, and the client signs in again.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

import jwt

from .clock import Clock

ISSUER = "saveris-sim"


@dataclass(frozen=True)
class Principal:
    customer_uuid: str
    username: str


class TokenIssuer:
    def __init__(self, clock: Clock, lifetime: float) -> None:
        if not lifetime >= 1:  # `exp` is whole seconds: a shorter token would be born expired
            raise ValueError("token lifetime must be at least 1 second")
        self._clock = clock
        self.lifetime = lifetime
        self._secret = secrets.token_bytes(32)
        self._serial = 0
        self._valid_from_serial = 1

    def issue(self, principal: Principal) -> str:
        self._serial += 1
        issued = self._clock.wall()
        claims: dict[str, Any] = {
            "iss": ISSUER,
            "sub": principal.customer_uuid,
            "cognito:username": principal.username,
            "token_use": "id",
            "iat": int(issued),
            "exp": int(issued + self.lifetime),
            "jti": secrets.token_hex(8),
            "sim_serial": self._serial,
        }
        return jwt.encode(claims, self._secret, algorithm="HS256")

    def verify(self, token: str) -> Principal | None:
        """The token's principal, or None when it is garbled, forged, expired or revoked."""
        try:
            claims = jwt.decode(
                token,
                self._secret,
                algorithms=["HS256"],
                issuer=ISSUER,
                # exp is checked against the simulated clock below; iat may lie in the real future.
                options={"verify_exp": False, "verify_iat": False, "require": ["exp", "sub", "iat"]},
            )
        except jwt.PyJWTError:
            return None
        exp, serial, sub, username = (
            claims.get("exp"),
            claims.get("sim_serial"),
            claims.get("sub"),
            claims.get("cognito:username"),
        )
        if not isinstance(exp, int | float) or exp <= self._clock.wall():
            return None
        if not isinstance(serial, int) or serial < self._valid_from_serial:
            return None
        if not isinstance(sub, str) or not isinstance(username, str):
            return None
        return Principal(sub, username)

    @property
    def issued(self) -> int:
        """How many tokens were issued so far (tests check that a client renewed its token)."""
        return self._serial

    def expire_all(self) -> None:
        self._valid_from_serial = self._serial + 1
