"""Page ids of the onboarding wizard, one per step of the core state machine."""

from __future__ import annotations

from enum import IntEnum

from saveris_desktop.core.onboarding.flow import Step


class PageId(IntEnum):
    SIGN_IN = 0
    SITE = 1
    CONNECT_KEY = 2
    HOTSPOT_GUIDE = 3
    WAITING = 4
    FOUND = 5

    @property
    def step(self) -> Step:
        return Step[self.name]

    @classmethod
    def for_step(cls, step: Step) -> PageId:
        return cls[step.name]
