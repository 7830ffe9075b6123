"""Working without the cloud: the local SQLite store, drafts, cache, outbox and sync, merge,
the audit log, templates, the site plan and their exchange as files, over one resource table."""
