"""CredentialStore: the keyring or nothing, and an honest answer when there is nothing."""

from __future__ import annotations

import pytest
from keyring.backends import chainer, fail, null

from saveris_desktop.api.regions import Endpoint, Environment, Region
from saveris_desktop.core.runtime.credentials import CredentialStore, CredentialStoreError, account_key


def test_a_password_is_saved_loaded_and_forgotten_in_the_keyring(memory_keyring) -> None:
    store = CredentialStore()
    key = account_key(" tech@example.com ", Endpoint.for_region(Region.EUROPE, Environment.PRODUCTION))
    assert store.available and store.unavailable_reason is None
    store.save(key, "s3cret!")
    assert memory_keyring.secrets == {("saveris-desktop", key): "s3cret!"}
    assert store.load(key) == "s3cret!"
    store.forget(key)
    store.forget(key)  # forgetting twice is fine
    assert store.load(key) is None


def test_the_same_user_in_two_regions_has_two_entries() -> None:
    eu = account_key("tech", Endpoint.for_region(Region.EUROPE, Environment.PRODUCTION))
    am = account_key("tech", Endpoint.for_region(Region.AMERICAS, Environment.PRODUCTION))
    assert eu != am


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring()])
def test_fail_and_null_backends_are_reported_as_no_secure_storage(backend) -> None:
    store = CredentialStore(backend)
    assert not store.available
    assert "No secure password storage" in (store.unavailable_reason or "")
    assert store.load("k") is None
    store.forget("k")
    with pytest.raises(CredentialStoreError):
        store.save("k", "pw")


def test_a_chainer_without_usable_backends_counts_as_none(monkeypatch) -> None:
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [null.Keyring()])
    assert not CredentialStore(chainer.ChainerBackend()).available


def test_a_chainer_with_a_real_backend_is_usable(monkeypatch, memory_keyring) -> None:
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [memory_keyring])
    assert CredentialStore(chainer.ChainerBackend()).available


def test_a_plain_text_backend_is_refused() -> None:
    from keyring.backend import KeyringBackend

    class PlaintextKeyring(KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def get_password(self, service, username):
            return None

        def set_password(self, service, username, password):
            raise AssertionError("must never be called")

        def delete_password(self, service, username):
            return None

    PlaintextKeyring.__module__ = "keyrings.alt.file"
    store = CredentialStore(PlaintextKeyring())
    assert not store.available
    assert "file" in (store.unavailable_reason or "")
    with pytest.raises(CredentialStoreError):
        store.save("k", "pw")


def test_a_failing_keyring_is_reported_not_raised(memory_keyring, monkeypatch) -> None:
    from keyring.errors import KeyringLocked

    def locked(*args):
        raise KeyringLocked("locked")

    monkeypatch.setattr(memory_keyring, "set_password", locked)
    monkeypatch.setattr(memory_keyring, "get_password", locked)
    store = CredentialStore()
    with pytest.raises(CredentialStoreError, match="could not be saved"):
        store.save("k", "pw")
    assert store.load("k") is None


async def test_async_variants_run_off_the_loop(memory_keyring) -> None:
    store = CredentialStore()
    await store.asave("k", "pw")
    assert await store.aload("k") == "pw"
    await store.aforget("k")
    assert await store.aload("k") is None
