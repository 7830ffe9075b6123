"""A banner on an editor: "your changes are NOT saved on this laptop", and "saved again" once they are.

It only renders what it is told through `show_save_state(failure)` (a `SaveFailure`, or None when
saving works again); whoever saves the drafts decides (core/offline/editor_drafts.py and
core/onboarding/onboarding_drafts.py; the offline UI tells the device view's `show_save_state`, which hands
it to every editor through `EditorContext.draft_saving`). `storage_problem_text` gives the reason in the
technician's words; the status bar uses it too.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QWidget

from saveris_desktop.core.offline.autosave import SaveFailure
from saveris_desktop.core.offline.store import StorageProblem
from saveris_desktop.ui.style import TextRole
from saveris_desktop.ui.widgets.banner import Banner

#: How long "saved again" stays before the banner goes away by itself.
SAVED_AGAIN_SHOWN_MS = 10_000


def storage_problem_text(problem: StorageProblem) -> str:
    """Why the local data cannot be written, as a technician can act on it."""
    texts = {
        StorageProblem.DISK_FULL: QCoreApplication.translate(
            "DraftSaveBanner", "the disk is full. Free some space on this laptop"
        ),
        StorageProblem.READ_ONLY: QCoreApplication.translate(
            "DraftSaveBanner", "the data folder cannot be written to (it is read-only)"
        ),
        StorageProblem.FOLDER_UNUSABLE: QCoreApplication.translate(
            "DraftSaveBanner", "the data folder cannot be used"
        ),
        StorageProblem.BUSY: QCoreApplication.translate(
            "DraftSaveBanner", "another program is holding the local database"
        ),
        StorageProblem.NEWER_VERSION: QCoreApplication.translate(
            "DraftSaveBanner",
            "the local database was made by a newer version of Saveris Desktop (left untouched)",
        ),
        StorageProblem.DAMAGED: QCoreApplication.translate(
            "DraftSaveBanner", "the local database is damaged"
        ),
        StorageProblem.MISSING: QCoreApplication.translate(
            "DraftSaveBanner", "the local database is missing"
        ),
        StorageProblem.OTHER: QCoreApplication.translate(
            "DraftSaveBanner", "an unexpected error (the log file has the details)"
        ),
    }
    return texts[problem]


class DraftSaveBanner(Banner):
    """Hidden while drafts are saved; see the module docstring. A failure in the error colour and
    bold, "saved again" in the ok colour, each on its own tint (ui/style.py: light and dark)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("draftSaveBanner", parent)
        self.setAccessibleName(self.tr("Whether your changes are saved on this laptop"))
        self.text = self.label
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.row.setContentsMargins(8, 4, 8, 4)
        self._hide_timer = QTimer(self)
        self._hide_timer.setSingleShot(True)
        self._hide_timer.timeout.connect(self.hide)
        self.failure: SaveFailure | None = None
        self.hide()

    def show_save_state(self, failure: SaveFailure | None) -> None:
        """A failure: say it until told otherwise. None: "saved again", if it had failed."""
        self._hide_timer.stop()
        if failure is None:
            if self.failure is None:
                return  # nothing had failed: nothing to announce
            self.failure = None
            self.set_role(TextRole.OK)
            self.text.setText(self.tr("Saved again: your changes are kept on this laptop."))
            self.text.setToolTip("")
            self.show()
            self._hide_timer.start(SAVED_AGAIN_SHOWN_MS)
            return
        self.failure = failure
        self.set_role(TextRole.ERROR, bold=True)
        self.text.setText(
            self.tr(
                "Your changes are NOT saved on this laptop: %1. They stay in the form, and saving is "
                "tried again by itself."
            ).replace("%1", storage_problem_text(failure.problem))
        )
        self.text.setToolTip(failure.detail)
        self.show()
