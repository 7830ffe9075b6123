"""Commissioning a whole site from a plan: one row per logger (plan), CSV import, and the runner
that applies each row as soon as its logger joins the site."""
