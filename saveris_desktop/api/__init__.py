"""The Device Management API as the app understands it. No Qt here."""
