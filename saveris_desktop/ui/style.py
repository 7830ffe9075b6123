"""The app's one look: text colours by role, the banner's tint, spacing, and the few fixed colours.

No colour here is a fixed text colour. Each role has a hue (red: error, green: done, amber: needs
attention; muted is the palette's own text, softened) and its lightness is chosen against the
palette's window and base colours until the WCAG contrast is at least 4.5:1 (level AA for normal
text). So the same role reads on Fusion's light palette, on Windows and macOS in dark mode (Qt 6
follows the system's scheme) and on high-contrast palettes, without a light/dark switch in the code.
Where no shade of the hue reaches 4.5:1 (a mid-grey window), the role falls back to the palette's
own text colour: the words still say what the colour would have said.

Widgets get a role with `set_text_role(widget, TextRole.ERROR)`; it follows later palette changes
by itself. The only hex colours of the package live in this module (tests/ui/test_style.py checks).

Keyboard focus is visible on every push button (`install_focus_frames`, once for the application):
Fusion, Qt's style on Linux and in the tests, draws a focused button and a default button alike, so
Tab onto a dialog's or an editor's Apply changed nothing a keyboard user could see.
"""

from __future__ import annotations

import functools
from enum import Enum
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleFactory, QStyleOption, QWidget

#: WCAG 2 level AA for normal-size text.
MIN_CONTRAST = 4.5
#: WCAG 2.1 (1.4.11) for the parts of a control that show its state, such as the keyboard focus.
MIN_GRAPHIC_CONTRAST = 3.0

# --- spacing (logical pixels; larger gaps follow the font: fontMetrics().height() and halves) -------
#: between a field and the message right under it
TIGHT_SPACING = 2
#: The least height of a click target for a gloved hand in a cold room: check boxes (their whole
#: row, not the 13 px box), the rows of lists and tables, the fields and buttons of the editors.
#: WCAG 2.5.8 asks 24 px at least; 32 is hit reliably with a glove and still fits a laptop screen.
TARGET_SIZE = 32


def glove_sized(*widgets: QWidget) -> None:
    """At least TARGET_SIZE high: a comfortable target for gloved fingers."""
    for widget in widgets:
        widget.setMinimumHeight(max(widget.minimumHeight(), TARGET_SIZE))


class TextRole(Enum):
    """What a piece of text says by its colour (never by colour alone: the words say it too)."""

    ERROR = "error"
    OK = "ok"
    WARNING = "warning"
    MUTED = "muted"


# Hue (degrees) and saturation of each coloured role; the lightness is derived per palette. The
# light-palette shades these start from are the Material tones the app used before (#b00020 red,
# #1b5e20 green, #a15c00 amber).
_HUES: dict[TextRole, tuple[float, float, float]] = {
    TextRole.ERROR: (349 / 360, 1.0, 0.35),
    TextRole.OK: (123 / 360, 0.55, 0.24),
    TextRole.WARNING: (34 / 360, 1.0, 0.32),
}
# On a dark window a fully saturated light red or amber glares; a little less saturation reads calmer.
_DARK_SATURATION = 0.85
_STEP = 0.01


def relative_luminance(colour: QColor) -> float:
    """WCAG 2 relative luminance of an sRGB colour (0 black .. 1 white)."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel / 255 for channel in (colour.red(), colour.green(), colour.blue()))
    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def contrast_ratio(first: QColor, second: QColor) -> float:
    """WCAG 2 contrast ratio, 1 (same) .. 21 (black on white)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def backgrounds(palette: QPalette) -> tuple[QColor, QColor]:
    """What text is drawn on: the window (labels, forms) and the base (tables, fields)."""
    active = QPalette.ColorGroup.Active
    return palette.color(active, QPalette.ColorRole.Window), palette.color(active, QPalette.ColorRole.Base)


def _reads_on(colour: QColor, palette: QPalette) -> bool:
    return all(contrast_ratio(colour, ground) >= MIN_CONTRAST for ground in backgrounds(palette))


def _mix(first: QColor, second: QColor, amount: float) -> QColor:
    """`amount` of `second` over `first` (0: first, 1: second), in 8-bit RGB as drawn."""
    return QColor(
        round(first.red() + (second.red() - first.red()) * amount),
        round(first.green() + (second.green() - first.green()) * amount),
        round(first.blue() + (second.blue() - first.blue()) * amount),
    )


def is_dark(palette: QPalette | None = None) -> bool:
    """Does the palette put light text on a dark window? (Default: the application's palette, which
    follows the system's scheme; a widget's own palette may carry a role colour.)"""
    window = (palette or QGuiApplication.palette()).color(QPalette.ColorRole.Window)
    return relative_luminance(window) < 0.18  # darker than mid grey (#767676) to the eye


def role_color(role: TextRole, palette: QPalette | None = None) -> QColor:
    """The colour for `role` that reads on `palette`'s window and base (default: the application's)."""
    palette = palette or QGuiApplication.palette()
    active = QPalette.ColorGroup.Active
    key = tuple(
        palette.color(active, colour).rgba()
        for colour in (QPalette.ColorRole.Window, QPalette.ColorRole.Base, QPalette.ColorRole.WindowText)
    )
    return QColor.fromRgba(_derived_colour(role, key))


@functools.lru_cache(maxsize=64)
def _derived_colour(role: TextRole, key: tuple[int, ...]) -> int:
    """The search below, once per role and palette (editors set their roles on every keystroke)."""
    window, base, text = (QColor.fromRgba(value) for value in key)
    palette = QPalette()
    for colour_role, colour in (
        (QPalette.ColorRole.Window, window),
        (QPalette.ColorRole.Base, base),
        (QPalette.ColorRole.WindowText, text),
    ):
        palette.setColor(colour_role, colour)
    return _search(role, palette).rgba()


def _search(role: TextRole, palette: QPalette) -> QColor:
    text = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText)
    if role is TextRole.MUTED:
        window = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Window)
        # As soft as 4.5:1 allows: start half-way to the window and walk back towards the text.
        steps = 50
        for index in range(steps + 1):
            candidate = _mix(text, window, 0.5 * (1 - index / steps))
            if _reads_on(candidate, palette):
                return candidate
        return text
    hue, saturation, lightness = _HUES[role]
    dark = is_dark(palette)
    if dark:
        saturation *= _DARK_SATURATION
    step = _STEP if dark else -_STEP  # lighter on dark windows, darker on light ones
    while 0.0 <= lightness <= 1.0:
        # in 8-bit RGB, as it is drawn: the contrast is checked on what the screen shows
        candidate = QColor(QColor.fromHslF(hue, saturation, lightness).rgb())
        if _reads_on(candidate, palette):
            return candidate
        lightness += step
    return text if _reads_on(text, palette) else _best_plain(palette)


def _best_plain(palette: QPalette) -> QColor:
    """Black or white, whichever reads better on the palette's backgrounds."""

    def worst(colour: QColor) -> float:
        return min(contrast_ratio(colour, ground) for ground in backgrounds(palette))

    return max((QColor(0, 0, 0), QColor(255, 255, 255)), key=worst)


def role_brush(role: TextRole | None, palette: QPalette) -> QBrush:
    """A foreground brush for an item view cell (None: the palette's normal text)."""
    return QBrush(role_color(role, palette) if role is not None else palette.text())


# --- text roles on widgets ------------------------------------------------------------------------
_ROLE_PROPERTY = "saverisTextRole"
_FOLLOWED_PROPERTY = "saverisTextRoleFollowed"
_TEXT_ROLES = (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText)
_GROUPS = (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive)


def set_text_role(widget: QWidget, role: TextRole | None, *, bold: bool = False) -> None:
    """Colour `widget`'s text by `role` (None: back to the normal text colour), optionally bold.

    The colour is set on the widget's palette, not in a style sheet: a palette change (the OS
    switching to dark mode, a new application palette) reaches the widget as a PaletteChange, and
    the colour is derived again then. A style sheet would freeze the colour and hide the change.
    """
    widget.setProperty(_ROLE_PROPERTY, role.value if role is not None else "")
    font = widget.font()
    if font.bold() != bold:
        font.setBold(bold)
        widget.setFont(font)
    if not widget.property(_FOLLOWED_PROPERTY):
        widget.setProperty(_FOLLOWED_PROPERTY, True)
        widget.installEventFilter(_follower())
    _paint_role(widget)


def text_role(widget: QWidget) -> TextRole | None:
    """The role `set_text_role` gave the widget, if any."""
    value = widget.property(_ROLE_PROPERTY)
    return TextRole(value) if value else None


def _surroundings(widget: QWidget) -> QPalette:
    """The palette around the widget: its parent's (the widget's own carries the role colour)."""
    parent = widget.parentWidget()
    return parent.palette() if parent is not None else QGuiApplication.palette()


def _paint_role(widget: QWidget) -> None:
    role = text_role(widget)
    if role is None:
        if widget.testAttribute(Qt.WidgetAttribute.WA_SetPalette):
            widget.setPalette(QPalette())  # inherit everything again
        return
    colour = role_color(role, _surroundings(widget))
    if widget.palette().color(QPalette.ColorRole.WindowText) == colour and widget.testAttribute(
        Qt.WidgetAttribute.WA_SetPalette
    ):
        return  # setting it again would send another PaletteChange
    palette = QPalette()  # only the text roles are set: everything else still follows the parent
    for group in _GROUPS:
        for text in _TEXT_ROLES:
            palette.setColor(group, text, colour)
    widget.setPalette(palette)


class _PaletteFollower(QObject):
    """Derives a widget's role colour again when its palette changed (one filter for all widgets)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.PaletteChange and isinstance(watched, QWidget):
            _paint_role(watched)
        return False


_FOLLOWER: _PaletteFollower | None = None


def _follower() -> _PaletteFollower:
    global _FOLLOWER
    if _FOLLOWER is None:
        _FOLLOWER = _PaletteFollower(QCoreApplication.instance())
    return _FOLLOWER


# --- banners -------------------------------------------------------------------------------------
class NoteColours(NamedTuple):
    background: QColor
    border: QColor
    text: QColor


def note_colours(role: TextRole | None = None, palette: QPalette | None = None) -> NoteColours:
    """The colours of a banner: a calm note (no role) tinted with the palette's highlight, or a
    note of `role` (a failure, "saved again") tinted with the role's colour. The tint is faint over
    the window, and the text reads at 4.5:1 on it, in light and dark palettes alike."""
    palette = palette or QGuiApplication.palette()
    active = QPalette.ColorGroup.Active
    window = palette.color(active, QPalette.ColorRole.Window)
    if role is None:
        highlight = palette.color(active, QPalette.ColorRole.Highlight)
        background = _mix(window, highlight, 0.14)
        text = palette.color(active, QPalette.ColorRole.WindowText)
        return NoteColours(background, _mix(window, highlight, 0.6), text)
    accent = role_color(role, palette)
    background = _mix(window, accent, 0.12)
    return NoteColours(background, accent, role_color(role, _on(palette, background)))


def _on(palette: QPalette, background: QColor) -> QPalette:
    """`palette` with text drawn on `background` only (window and base alike)."""
    result = QPalette(palette)
    for ground in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
        result.setColor(ground, background)
    return result


# --- keyboard focus -----------------------------------------------------------------------------
#: The focus frame's line (logical pixels) and its distance from the button's edge: inside the
#: button's own frame, so it needs no room beside the button and never touches a neighbour.
FOCUS_FRAME_WIDTH = 2
_FOCUS_FRAME_INSET = 2


def focus_colour(palette: QPalette | None = None) -> QColor:
    """The keyboard focus frame's colour: the palette's highlight, made darker (on a light button)
    or lighter (on a dark one) until it stands out at least 3:1 from the button's face."""
    palette = palette or QGuiApplication.palette()
    active = QPalette.ColorGroup.Active
    highlight = palette.color(active, QPalette.ColorRole.Highlight)
    button = palette.color(active, QPalette.ColorRole.Button)
    return QColor.fromRgba(_derived_focus_colour(highlight.rgba(), button.rgba()))


@functools.lru_cache(maxsize=16)
def _derived_focus_colour(highlight_rgba: int, button_rgba: int) -> int:
    highlight, button = QColor.fromRgba(highlight_rgba), QColor.fromRgba(button_rgba)
    hue, saturation, lightness = highlight.hslHueF(), highlight.hslSaturationF(), highlight.lightnessF()
    step = _STEP if relative_luminance(button) < 0.18 else -_STEP
    while 0.0 <= lightness <= 1.0:
        candidate = QColor(QColor.fromHslF(max(hue, 0.0), saturation, lightness).rgb())
        if contrast_ratio(candidate, button) >= MIN_GRAPHIC_CONTRAST:
            return candidate.rgba()
        lightness += step
    plain = max((QColor(0, 0, 0), QColor(255, 255, 255)), key=lambda colour: contrast_ratio(colour, button))
    return plain.rgba()


def _has_keyboard_focus(option: QStyleOption) -> bool:
    """Focused, and the window's focus last moved by keyboard (Tab, a shortcut): as the platforms
    do, a click does not draw the frame, only a keyboard user needs to find where they are."""
    state = option.state
    return bool(state & QStyle.StateFlag.State_HasFocus) and bool(
        state & QStyle.StateFlag.State_KeyboardFocusChange
    )


class FocusFrameStyle(QProxyStyle):
    """The platform's style, with a frame in the focus colour inside the push button that has the
    keyboard focus. Everything else (sizes, the look of a default button) is the platform's."""

    def drawControl(
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawControl(element, option, painter, widget)
        if element == QStyle.ControlElement.CE_PushButton and _has_keyboard_focus(option):
            middle = _FOCUS_FRAME_INSET + FOCUS_FRAME_WIDTH / 2  # a pen is drawn centred on its line
            frame = QRectF(option.rect).adjusted(middle, middle, -middle, -middle)
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setPen(QPen(focus_colour(option.palette), FOCUS_FRAME_WIDTH))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(frame, 2, 2)
            painter.restore()


def install_focus_frames(app: QApplication) -> None:
    """Every push button of the application shows the keyboard focus (once; before any window,
    so every widget is polished by the style it keeps). The style the platform (or `-style`) chose
    stays underneath."""
    current = app.style()
    if isinstance(current, FocusFrameStyle):
        return
    base = QStyleFactory.create(current.name()) if current is not None else None
    app.setStyle(FocusFrameStyle(base) if base is not None else FocusFrameStyle())


# --- colours that do not follow the palette on purpose ---------------------------------------------
# QR codes, the printed key card and the commissioning report: black ink on white paper, in dark
# mode too. Phones read a QR code only with dark modules on a light quiet zone, and paper is white.
INK = "#000000"
PAPER = "#ffffff"
#: Table headings of printed documents: a light grey that stays legible in black-and-white print.
PRINT_SHADE = "#e6e6e6"


class LedColour(Enum):
    """The logger's status LED as the technician sees it on the device (imitates hardware)."""

    OFF = "#808080"
    GREEN = "#1fa83a"
    ORANGE = "#f08c00"
    RED = "#d62828"
