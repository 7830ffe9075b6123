"""Bringing loggers into a site: the onboarding flow, its drafts, the site step and the
first-contact check of a cloud account."""
