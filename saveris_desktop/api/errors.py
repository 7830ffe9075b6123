"""The one error hierarchy of the app.

Every error carries `message`: one sentence a technician understands, safe to show and to log
(never a token, a password or a raw traceback). `server_reason` is the server's own words, when it
gave any, so the UI can show them next to the field that was refused.
"""

from __future__ import annotations

from typing import Any


class ApiError(Exception):
    """Base of every failure talking to the Device Management API."""

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        server_reason: str | None = None,
        operation: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.server_reason = server_reason
        self.operation = operation

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}(status={self.status!r}, message={self.message!r})"


class AuthenticationError(ApiError):
    """Wrong user name or password, or a token the server no longer accepts (401)."""


class PermissionDeniedError(ApiError):
    """The account may not do this, e.g. a site of another customer (403)."""


class OperationNotOfferedError(ApiError):
    """The server does not offer this operation at all (API Gateway's 403 "Missing Authentication
    Token", 405, 501). Not a permission problem: the route or method does not exist there.

    Every operation beyond testo's overview is an assumption of this project, so callers treat this
    as "cannot read/write this kind here" and fall back, never as a refusal of the technician.
    """


class NotFoundError(ApiError):
    """The site, device, sensor or measuring object does not exist (404)."""


class ConflictError(ApiError):
    """The server state changed under us (409 / 412)."""


class RateLimitedError(ApiError):
    """Too many requests (429); `retry_after` seconds is the server's hint, when given."""

    def __init__(self, message: str, *, retry_after: float | None = None, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.retry_after = retry_after


class ServerError(ApiError):
    """The cloud failed (5xx)."""


class NetworkError(ApiError):
    """The cloud could not be reached: offline, DNS, TLS, timeout or a dropped connection."""


class CertificateNotTrustedError(NetworkError):
    """The server's TLS certificate is not signed by a root this computer trusts (often a network
    that inspects encrypted connections with its own root): not retried, and said as such."""


class InvalidResponseError(ApiError):
    """The server answered with something the app cannot read; `field` names the culprit."""

    def __init__(self, message: str, *, field: str | None = None, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.field = field


class RequestValidationError(ApiError):
    """The server refused the request's content (400, 413, 422) and said why in `server_reason`."""
