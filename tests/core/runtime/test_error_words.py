"""The words every window and the CLI use for a failure (core/runtime/error_words.py)."""

from __future__ import annotations

from saveris_desktop.api.errors import CertificateNotTrustedError, NetworkError
from saveris_desktop.core.runtime.error_words import explain


def test_an_untrusted_certificate_is_not_called_a_missing_connection() -> None:
    """Behind a network that inspects TLS the way out is its root certificate, not the Wi-Fi."""
    said = str(explain(CertificateNotTrustedError("Sign-in failed: …"), api_words=False))
    assert "does not trust the certificate" in said and "SSL_CERT_FILE" in said
    assert "cannot be reached" not in said
    offline = str(explain(NetworkError("Sign-in failed: …"), api_words=False))
    assert "cannot be reached" in offline
