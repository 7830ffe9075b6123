"""Qt's print preview, opened so that everything in it can be reached and named.

A module of its own because QtPrintSupport is large and loaded only when someone prints or previews.
"""

from __future__ import annotations

from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget


class ReportPrintPreview(QPrintPreviewDialog):
    def __init__(self, printer: QPrinter, parent: QWidget) -> None:
        super().__init__(printer, parent)
        self._kept_printer = printer  # Qt does not own it: it must live as long as the preview
        self.setObjectName("reportPrintPreviewDialog")
        # Qt opens it at two thirds of the screen, where its tool bar hides Print and Page setup
        # behind "»"; as large as the window it is opened from and never narrower than the tool
        # bar, they show.
        self.resize(parent.size().expandedTo(self.sizeHint()))
        for field in self.findChildren(QLineEdit):
            # Qt's page number field has no name: a screen reader would say only "edit".
            if not field.accessibleName() and not isinstance(field.parent(), QComboBox):
                field.setAccessibleName(self.tr("Page number"))
