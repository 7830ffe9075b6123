"""Commissioning a whole site: the plan, the runner and the commissioning report (no Qt)."""
