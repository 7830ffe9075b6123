"""Step 3: the site's connect key, large and as a QR code, with Copy, Save as PNG and Print."""

from __future__ import annotations

import asyncio
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QKeySequence,
    QPagedPaintDevice,
    QPainter,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from saveris_desktop.core.onboarding.flow import Step
from saveris_desktop.ui.style import INK, PAPER, TextRole, set_text_role
from saveris_desktop.ui.widgets.qr import QrCodeView, qr_image
from saveris_desktop.ui.wizard.common import ErrorLabel, FlowPage, WizardContext, named


def key_font(point_size: float) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSizeF(point_size)
    font.setBold(True)
    font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 110)
    return font


def paint_key_card(painter: QPainter, area: QRect, site: str, key: str) -> None:
    """Title, site, key and QR code, black on white: for the PNG file and the printout alike."""
    painter.save()
    painter.fillRect(area, QColor(PAPER))
    painter.setPen(QColor(INK))
    unit = area.width() / 100  # everything scales with the width, so print and PNG look the same
    margin = int(6 * unit)
    y = area.top() + margin
    title_font = QFont()
    title_font.setPixelSize(max(8, int(4.5 * unit)))
    title_font.setBold(True)
    painter.setFont(title_font)
    title = QCoreApplication.translate("KeyCard", "Saveris connect key")
    line = painter.fontMetrics().height()
    painter.drawText(QRect(area.left(), y, area.width(), line), Qt.AlignmentFlag.AlignHCenter, title)
    y += int(line * 1.4)
    body = QFont()
    body.setPixelSize(max(7, int(3.5 * unit)))
    painter.setFont(body)
    site_text = QCoreApplication.translate("KeyCard", "Site: %1").replace("%1", site)
    line = painter.fontMetrics().height()
    painter.drawText(QRect(area.left(), y, area.width(), line), Qt.AlignmentFlag.AlignHCenter, site_text)
    y += int(line * 1.6)
    big = key_font(10)
    big.setPixelSize(max(10, int(7.5 * unit)))
    painter.setFont(big)
    line = painter.fontMetrics().height()
    painter.drawText(QRect(area.left(), y, area.width(), line), Qt.AlignmentFlag.AlignHCenter, key)
    y += int(line * 1.5)
    side = int(min(area.width() * 0.6, area.bottom() - y - margin))
    if side > 0:
        image = qr_image(key, scale=max(1, side // 37 + 1))
        target = QRect(area.left() + (area.width() - side) // 2, y, side, side)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        painter.drawImage(target, image)
    painter.restore()


def key_card_image(site: str, key: str, width: int = 1000) -> QImage:
    height = int(width * 1.25)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(PAPER))
    painter = QPainter(image)
    paint_key_card(painter, image.rect(), site, key)
    painter.end()
    return image


class ConnectKeyPage(FlowPage):
    def __init__(self, ctx: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("connectKeyPage")
        self.setTitle(self.tr("Connect key"))
        # Two lines at most: QWizard's header does not grow, a third line (German, a narrow screen)
        # was cut off. The QR code's hint goes under the code.
        self.setSubTitle(
            self.tr(
                "Every logger of this site needs this key: you type it as “accountId” on the logger's "
                "configuration page."
            )
        )
        self.site_label = named(QLabel(self), "siteLabel", self.tr("Site"))
        self.site_label.setWordWrap(True)
        self.key_label = named(QLabel(self), "connectKeyLabel", self.tr("Connect key"))
        self.key_label.setFont(key_font(max(self.font().pointSizeF(), 9.0) * 2.4))
        self.key_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.key_label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr = named(QrCodeView(self), "connectKeyQr", self.tr("QR code of the connect key"))
        self.qr_hint = named(
            QLabel(self.tr("A phone can scan the QR code to copy the key."), self), "qrHint", ""
        )
        self.qr_hint.setAccessibleName(self.qr_hint.text())
        self.qr_hint.setWordWrap(True)
        self.qr_hint.setAlignment(Qt.AlignmentFlag.AlignHCenter)

        self.copy_button = named(
            QPushButton(self.tr("&Copy"), self), "copyKeyButton", self.tr("Copy the key")
        )
        self.copy_button.setShortcut(QKeySequence.StandardKey.Copy)
        self.save_button = named(QPushButton(self.tr("&Save as PNG …"), self), "saveKeyButton", "")
        self.save_button.setAccessibleName(self.tr("Save the key and QR code as a PNG picture"))
        self.print_button = named(QPushButton(self.tr("&Print …"), self), "printKeyButton", "")
        self.print_button.setAccessibleName(self.tr("Print the key and QR code"))
        self.status = named(QLabel(self), "connectKeyStatus", self.tr("Result"))
        self.status.setWordWrap(True)
        self.error = ErrorLabel("connectKeyError", self)
        # The site's time zone is optional: when it could not be set, say so here and carry on.
        self.timezone_notice = named(QLabel(self), "timezoneNotice", self.tr("Time zone"))
        self.timezone_notice.setWordWrap(True)
        self.timezone_notice.setTextFormat(Qt.TextFormat.PlainText)
        set_text_role(self.timezone_notice, TextRole.WARNING)
        self.timezone_notice.hide()

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.copy_button, self.save_button, self.print_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        qr_row = QHBoxLayout()
        qr_row.addStretch(1)
        qr_row.addWidget(self.qr)
        qr_row.addStretch(1)
        layout = QVBoxLayout(self)
        # Centred by the label, not the layout: a word-wrapped label placed with a layout alignment
        # gets a too narrow size and cuts off its second line.
        self.site_label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.site_label)
        layout.addWidget(self.timezone_notice)
        layout.addWidget(self.key_label)
        layout.addLayout(qr_row)
        layout.addWidget(self.qr_hint)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addStretch(1)

        self.copy_button.clicked.connect(self.copy_key)
        self.save_button.clicked.connect(self._ask_save)
        self.print_button.clicked.connect(self._ask_print)

    @property
    def site(self) -> str:
        return self.ctx.flow.data.site

    @property
    def key(self) -> str:
        return self.ctx.flow.data.connect_key

    def initializePage(self) -> None:
        self.site_label.setText(self.tr("Site: <b>%1</b>").replace("%1", _html(self.site)))
        self.key_label.setText(self.key)
        self.key_label.setAccessibleDescription(" ".join(self.key))  # read out character by character
        self.qr.set_value(self.key)
        self.status.clear()
        self.error.clear_message()
        self._show_timezone_problem()
        self.focus_later(self.copy_button)

    def _show_timezone_problem(self) -> None:
        data = self.ctx.flow.data
        if not data.timezone_problem:
            self.timezone_notice.hide()
            return
        text = self.tr("The site is ready, but its time zone %1 could not be set: %2").replace(
            "%1", data.timezone
        )
        text = text.replace("%2", data.timezone_problem)
        if data.timezone_queued:
            text += " " + self.tr(
                "The change waits with the other changes for the cloud (Offline menu) and is sent by "
                "itself. You can carry on."
            )
        else:
            text += " " + self.tr("You can carry on; go back to the site page to try again.")
        self.timezone_notice.setText(text)
        self.timezone_notice.setAccessibleDescription(text)
        self.timezone_notice.show()

    def validatePage(self) -> bool:
        if self.ctx.flow.step is Step.CONNECT_KEY:  # a second, quick Next must not move the flow twice
            self.ctx.flow.connect_key_noted()
        return True

    # --- actions -------------------------------------------------------------------------------

    def copy_key(self) -> None:
        QGuiApplication.clipboard().setText(self.key)
        self.status.setText(self.tr("The key is on the clipboard."))

    async def save_png(self, path: Path) -> None:
        if path.suffix.lower() != ".png":
            path = path.with_name(f"{path.name}.png")
        image = key_card_image(self.site, self.key)

        def write() -> bool:
            # QImage is reentrant: safe in a worker thread. The format follows the .png suffix.
            return bool(image.save(str(path)))

        ok = await asyncio.to_thread(write)
        if not ok:
            raise OSError(f"could not write {path}")

    def _ask_save(self) -> None:
        name = "".join(ch if ch.isalnum() else "-" for ch in self.site).strip("-") or "site"
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the connect key"),
            str(Path.home() / f"connect-key-{name}.png"),
            self.tr("PNG picture (*.png)"),
        )
        if not path:
            return
        target = Path(path if path.lower().endswith(".png") else f"{path}.png")

        def saved(_: None) -> None:
            self.error.clear_message()
            self.status.setText(self.tr("Saved to %1").replace("%1", str(target)))

        def failed(error: BaseException) -> None:
            self.error.show_message(self.tr("The picture could not be saved: %1").replace("%1", str(error)))

        self.ctx.tasks.spawn(self.save_png(target), name="save-key", on_result=saved, on_error=failed)

    def print_card(self, device: QPagedPaintDevice) -> None:
        painter = QPainter(device)
        page = painter.viewport()
        width = min(page.width(), int(page.height() / 1.25))
        area = QRect(page.left() + (page.width() - width) // 2, page.top(), width, int(width * 1.25))
        paint_key_card(painter, area, self.site, self.key)
        painter.end()

    def _ask_print(self) -> None:
        # QtPrintSupport is imported only here: it is large and most sessions never print.
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("printDialog")
        dialog.setWindowTitle(self.tr("Print the connect key"))
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.print_card(printer)
            self.status.setText(self.tr("Sent to the printer."))


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
