"""What the app does, without Qt: onboarding, device watching, drafts, sync, credentials."""
