"""Offline work in the UI: sync status, pending changes, conflicts, audit log, templates, exchange."""
