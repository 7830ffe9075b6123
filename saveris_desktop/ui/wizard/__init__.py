"""The onboarding wizard: sign in, site, connect key, hotspot guide, waiting, found."""

from saveris_desktop.ui.wizard.ids import PageId
from saveris_desktop.ui.wizard.wizard import OnboardingWizard

__all__ = ["OnboardingWizard", "PageId"]
