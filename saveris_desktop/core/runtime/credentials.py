"""Remembered passwords, kept in the operating system's keyring and nowhere else.

The keyring library silently falls back to a backend that fails (or does nothing) when no secure
store exists, e.g. on a headless Linux box or in a frozen app that lost its backend modules. The
store detects those backends up front, so the UI can say "no secure storage available" and not
offer "Remember me" at all instead of failing later. Plain-text backends (keyrings.alt) count as
unavailable too: a password must never end up in a file.

Keyring calls can block (D-Bus, Keychain prompts), so the UI uses the `a*` coroutines, which run
them in a worker thread.
"""

from __future__ import annotations

import asyncio
import logging

import keyring
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null
from keyring.errors import KeyringError, PasswordDeleteError

from saveris_desktop.api.regions import Endpoint

log = logging.getLogger(__name__)

SERVICE_NAME = "saveris-desktop"

#: Backends that would store a secret in a plain or merely obfuscated file.
_INSECURE_MODULE_PREFIXES = ("keyrings.alt",)


class CredentialStoreError(Exception):
    """The keyring refused an operation; `message` is safe to show."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def account_key(username: str, endpoint: Endpoint) -> str:
    """One entry per user and server: the same name may exist in several regions."""
    return f"{username.strip()}@{endpoint.base_url}"


def _unusable_reason(backend: KeyringBackend) -> str | None:
    """Why `backend` cannot keep a password safely, or None when it can."""
    if isinstance(backend, fail.Keyring | null.Keyring):
        return "No secure password storage (keyring) is available on this computer."
    if type(backend).__module__.startswith(_INSECURE_MODULE_PREFIXES):
        return "The only password storage available keeps passwords in a file, which is not secure."
    if isinstance(backend, chainer.ChainerBackend):
        chained = [b for b in backend.backends if _unusable_reason(b) is None]
        if not chained:
            return "No secure password storage (keyring) is available on this computer."
    return None


class CredentialStore:
    """Save, load and forget passwords in the OS keyring, if a secure one exists."""

    def __init__(self, backend: KeyringBackend | None = None, service: str = SERVICE_NAME) -> None:
        self._backend = backend
        self._service = service

    @property
    def backend(self) -> KeyringBackend:
        # Resolved on use, not at construction: tests and the app may install a keyring later.
        return self._backend if self._backend is not None else keyring.get_keyring()

    @property
    def unavailable_reason(self) -> str | None:
        """A sentence for the UI when passwords cannot be remembered; None when they can."""
        try:
            return _unusable_reason(self.backend)
        except Exception:  # a broken backend module must not break sign-in
            log.warning("keyring backend could not be inspected", exc_info=True)
            return "The password storage (keyring) of this computer does not work."

    @property
    def available(self) -> bool:
        return self.unavailable_reason is None

    def save(self, key: str, password: str) -> None:
        self._require_available()
        try:
            self.backend.set_password(self._service, key, password)
        except (KeyringError, OSError) as error:
            log.warning("could not save a password in the keyring: %s", type(error).__name__)
            raise CredentialStoreError("The password could not be saved in the keyring.") from error

    def load(self, key: str) -> str | None:
        if not self.available:
            return None
        try:
            return self.backend.get_password(self._service, key)
        except (KeyringError, OSError) as error:
            # Reading is best effort: the user can still type the password.
            log.warning("could not read a password from the keyring: %s", type(error).__name__)
            return None

    def forget(self, key: str) -> None:
        """Remove a remembered password; forgetting one that is not there is fine."""
        if not self.available:
            return
        try:
            self.backend.delete_password(self._service, key)
        except PasswordDeleteError:
            pass
        except (KeyringError, OSError) as error:
            log.warning("could not delete a password from the keyring: %s", type(error).__name__)
            raise CredentialStoreError("The saved password could not be removed from the keyring.") from error

    async def asave(self, key: str, password: str) -> None:
        await asyncio.to_thread(self.save, key, password)

    async def aload(self, key: str) -> str | None:
        return await asyncio.to_thread(self.load, key)

    async def aforget(self, key: str) -> None:
        await asyncio.to_thread(self.forget, key)

    def _require_available(self) -> None:
        reason = self.unavailable_reason
        if reason is not None:
            raise CredentialStoreError(reason)
