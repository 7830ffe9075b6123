"""The one look (ui/style.py): every text role reads at WCAG AA on light and dark palettes, widgets
follow a switch between them, and no colour is written anywhere else in the Qt layer."""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QStyleFactory, QWidget

from saveris_desktop.ui.style import TextRole, focus_colour, note_colours, role_color, set_text_role
from saveris_desktop.ui.widgets.banner import Banner
from saveris_desktop.ui.widgets.error_label import ErrorLabel

PACKAGE = Path(__file__).resolve().parents[2] / "saveris_desktop"


def wcag_contrast(first: QColor, second: QColor) -> float:
    """WCAG 2.x contrast ratio, written out here again so the test does not trust the module's own."""

    def luminance(colour: QColor) -> float:
        channels = []
        for value in (colour.red(), colour.green(), colour.blue()):
            srgb = value / 255
            channels.append(srgb / 12.92 if srgb <= 0.04045 else ((srgb + 0.055) / 1.055) ** 2.4)
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]

    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def palette_of(**colours: str) -> QPalette:
    palette = QPalette()
    for role, value in colours.items():
        palette.setColor(getattr(QPalette.ColorRole, role), QColor(value))
    return palette


def fusion_light() -> QPalette:
    return QStyleFactory.create("Fusion").standardPalette()


# Dark palettes as the platforms give them to Qt 6 in dark mode (window, base, text, highlight).
WINDOWS_DARK = dict(
    Window="#202020", Base="#1c1c1c", WindowText="#ffffff", Text="#ffffff", Highlight="#0078d4"
)
MACOS_DARK = dict(Window="#323232", Base="#1e1e1e", WindowText="#dfdfdf", Text="#ffffff", Highlight="#0a82ff")
FUSION_DARK = dict(
    Window="#353535", Base="#2a2a2a", WindowText="#ffffff", Text="#ffffff", Highlight="#2a82da"
)
# A light palette whose window is darker than Fusion's (Windows 11 light) with white fields.
WINDOWS_LIGHT = dict(
    Window="#f3f3f3", Base="#ffffff", WindowText="#000000", Text="#000000", Highlight="#0067c0"
)


PALETTES = {
    "fusion-light": fusion_light,
    "windows-light": lambda: palette_of(**WINDOWS_LIGHT),
    "windows-dark": lambda: palette_of(**WINDOWS_DARK),
    "macos-dark": lambda: palette_of(**MACOS_DARK),
    "fusion-dark": lambda: palette_of(**FUSION_DARK),
}


@pytest.mark.parametrize("name", PALETTES)
@pytest.mark.parametrize("role", list(TextRole))
def test_every_role_reads_at_wcag_aa_on_the_window_and_in_fields(qapp, name: str, role: TextRole) -> None:
    palette = PALETTES[name]()
    colour = role_color(role, palette)
    for ground in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
        ratio = wcag_contrast(colour, palette.color(ground))
        assert ratio >= 4.5, f"{role.name} {colour.name()} on {name} {ground.name}: {ratio:.2f}:1"


@pytest.mark.parametrize("name", PALETTES)
def test_the_roles_keep_their_meaning_on_every_palette(qapp, name: str) -> None:
    """Errors stay red, done stays green, attention stays amber, muted stays grey, light or dark."""
    palette = PALETTES[name]()
    hues = {
        role: role_color(role, palette).hslHue() for role in (TextRole.ERROR, TextRole.OK, TextRole.WARNING)
    }
    assert hues[TextRole.ERROR] in range(330, 360)
    assert hues[TextRole.OK] in range(100, 150)
    assert hues[TextRole.WARNING] in range(25, 50)
    assert role_color(TextRole.MUTED, palette).hslSaturation() < 40
    text = palette.color(QPalette.ColorRole.WindowText)
    window = palette.color(QPalette.ColorRole.Window)
    # muted is softer than the normal text, not the same colour
    assert wcag_contrast(role_color(TextRole.MUTED, palette), window) < wcag_contrast(text, window)


@pytest.mark.parametrize("name", PALETTES)
def test_banner_text_reads_on_the_banner_tint(qapp, name: str) -> None:
    palette = PALETTES[name]()
    background = note_colours(None, palette).background
    ratio = wcag_contrast(palette.color(QPalette.ColorRole.WindowText), background)
    assert ratio >= 4.5, f"banner on {name}: {ratio:.2f}:1"


@pytest.mark.parametrize("name", PALETTES)
@pytest.mark.parametrize("role", [TextRole.ERROR, TextRole.OK, TextRole.WARNING])
def test_a_banner_in_a_role_colour_reads_on_its_own_tint(qapp, name: str, role: TextRole) -> None:
    palette = PALETTES[name]()
    colours = note_colours(role, palette)
    ratio = wcag_contrast(colours.text, colours.background)
    assert ratio >= 4.5, f"{role.name} banner on {name}: {ratio:.2f}:1"
    window = palette.color(QPalette.ColorRole.Window)
    assert colours.background != window  # tinted, so the note stands out from the page
    assert colours.text.hslHue() == pytest.approx(role_color(role, palette).hslHue(), abs=6)


def test_a_palette_where_no_shade_reads_gives_the_plainest_colour(qapp) -> None:
    # a dark grey window with white fields: no colour at all is 4.5:1 against both, so the role gives
    # up its hue for the plain colour that reads best on the worse of the two (the words still say it)
    palette = palette_of(Window="#595959", Base="#ffffff", WindowText="#000000", Text="#000000")
    assert role_color(TextRole.ERROR, palette) == QColor("#000000")


@pytest.fixture
def app_palette(qapp):
    """Set the application's palette like the OS switching its colour scheme; restored afterwards."""
    previous = qapp.palette()
    yield qapp.setPalette
    qapp.setPalette(previous)


def test_widgets_follow_the_system_switching_to_dark_mode(qtbot, app_palette) -> None:
    """The error text, a muted hint and a banner were made in light mode; the OS switches to dark."""
    app_palette(fusion_light())
    host = QWidget()
    qtbot.addWidget(host)
    error = ErrorLabel("error", host)
    error.show_message("The user name or the password is not right.")
    hint = QLabel("e.g. 15 min", host)
    set_text_role(hint, TextRole.MUTED)
    host.show()
    qtbot.waitExposed(host)
    light_window = fusion_light().color(QPalette.ColorRole.Window)
    assert wcag_contrast(error.palette().color(QPalette.ColorRole.WindowText), light_window) >= 4.5

    dark = palette_of(**WINDOWS_DARK)
    app_palette(dark)
    QApplication.processEvents()

    dark_window = dark.color(QPalette.ColorRole.Window)
    for widget in (error, hint):
        colour = widget.palette().color(QPalette.ColorRole.WindowText)
        assert wcag_contrast(colour, dark_window) >= 4.5, widget.text()
        assert widget.palette().color(QPalette.ColorRole.Window) == dark_window  # the rest still inherits


def test_a_role_taken_back_gives_the_normal_text_colour(qtbot, app_palette) -> None:
    app_palette(fusion_light())
    label = QLabel("Saved.")
    qtbot.addWidget(label)
    set_text_role(label, TextRole.OK, bold=True)
    assert label.font().bold()
    set_text_role(label, None)
    assert not label.font().bold()
    assert label.palette().color(QPalette.ColorRole.WindowText) == qapp_text()


def qapp_text() -> QColor:
    return QApplication.palette().color(QPalette.ColorRole.WindowText)


def test_a_banner_made_in_light_mode_is_dark_after_the_switch(qtbot, app_palette) -> None:
    app_palette(fusion_light())
    banner = Banner("demoBanner")
    qtbot.addWidget(banner)
    banner.set_text("Demo mode: nothing is sent to the testo cloud.")
    banner.resize(400, 60)
    banner.show()
    qtbot.waitExposed(banner)
    app_palette(palette_of(**WINDOWS_DARK))
    QApplication.processEvents()
    image = banner.grab().toImage()
    assert QColor(image.pixel(10, 30)).lightness() < 80


def test_a_failure_banner_keeps_its_text_readable_after_the_switch(qtbot, app_palette) -> None:
    app_palette(fusion_light())
    host = QWidget()
    qtbot.addWidget(host)
    banner = Banner("saveFailed", host)
    banner.set_role(TextRole.ERROR, bold=True)
    banner.set_text("Your changes are NOT saved on this laptop.")
    host.show()
    qtbot.waitExposed(host)
    dark = palette_of(**WINDOWS_DARK)
    app_palette(dark)
    QApplication.processEvents()
    colours = note_colours(TextRole.ERROR, dark)
    text = banner.label.palette().color(QPalette.ColorRole.WindowText)
    assert text == colours.text and wcag_contrast(text, colours.background) >= 4.5
    assert banner.label.font().bold()
    banner.set_role(None)
    assert banner.label.palette().color(QPalette.ColorRole.WindowText) == dark.color(
        QPalette.ColorRole.WindowText
    )


# --- no colour outside ui/style.py ------------------------------------------------------------------
HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?(?:[0-9a-fA-F]{2})?\b")
CSS_COLOUR = re.compile(
    r"\b(?:color|background(?:-color)?|border(?:-\w+)?-color|border)\s*:[^;{}]*?"
    r"\b(?:rgba?\(|hsla?\(|white|black|red|green|blue|orange|gray|grey|yellow)",
    re.IGNORECASE,
)
NAMED_QT_COLOUR = re.compile(r"Qt\.GlobalColor\.(?!transparent\b)\w+|QColor\(\s*\d")


def colour_literals(source: str) -> list[str]:
    """Colours written in the source: hex or CSS colours in strings, Qt's named colours in code."""
    found = []
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.STRING or token.type == getattr(tokenize, "FSTRING_MIDDLE", -1):
            found += HEX_COLOUR.findall(token.string) + CSS_COLOUR.findall(token.string)
        elif token.type == tokenize.NAME:
            continue
    found += NAMED_QT_COLOUR.findall(source)
    return found


def test_the_colour_check_finds_what_it_looks_for() -> None:
    assert colour_literals('s = "color: #b00020;"\n') == ["#b00020"]
    assert colour_literals('s = "background: white;"\n')
    assert colour_literals("p.fillRect(r, Qt.GlobalColor.white)\n")
    assert colour_literals("c = QColor(176, 0, 32)\n")
    assert not colour_literals('s = "#guideScroll:focus { border-color: palette(highlight); }"\n')
    assert not colour_literals('name = f"#{self.objectName()}"  # #abc in a comment\n')
    assert not colour_literals("painter.setBrush(Qt.GlobalColor.transparent)\n")


def test_no_colour_is_written_outside_the_style_module() -> None:
    offenders = {}
    sources = [*sorted((PACKAGE / "ui").rglob("*.py")), PACKAGE / "app.py"]
    for path in sources:
        if path == PACKAGE / "ui" / "style.py":
            continue
        found = colour_literals(path.read_text(encoding="utf-8"))
        if found:
            offenders[path.relative_to(PACKAGE).as_posix()] = found
    assert offenders == {}, "use a role or a constant of ui/style.py instead"


@pytest.mark.parametrize("name", ["fusion-light", "windows-dark"])
def test_an_unlit_led_is_a_ring_that_shows_on_the_window(qtbot, app_palette, name: str) -> None:
    """WCAG asks 3:1 for graphics that carry meaning; an LED that is off still says "off"."""
    from saveris_desktop.ui.widgets.led import LedIndicator, LedPattern

    palette = PALETTES[name]()
    app_palette(palette)
    led = LedIndicator(LedPattern.OFF)
    qtbot.addWidget(led)
    led.show()
    qtbot.waitExposed(led)
    image = led.grab().toImage()
    window = palette.color(QPalette.ColorRole.Window)
    strongest = max(
        wcag_contrast(QColor(image.pixel(x, y)), window)
        for y in range(image.height())
        for x in range(image.width())
    )
    assert strongest >= 3.0, f"the off LED's ring on {name}: {strongest:.2f}:1"


@pytest.mark.parametrize("name", PALETTES)
@pytest.mark.parametrize("button_face", ["own", "window"])
def test_the_focus_frame_stands_out_from_the_button_at_3_to_1(qapp, name: str, button_face: str) -> None:
    """WCAG 1.4.11: the frame that says "the keyboard is here" is a graphic that carries meaning."""
    palette = PALETTES[name]()
    if button_face == "window":  # dark schemes give buttons the window's colour, or close to it
        palette.setColor(QPalette.ColorRole.Button, palette.color(QPalette.ColorRole.Window))
    button = palette.color(QPalette.ColorRole.Button)
    assert wcag_contrast(focus_colour(palette), button) >= 3.0


def test_a_focus_frame_is_in_the_highlights_hue_where_the_highlight_stands_out(qapp) -> None:
    palette = fusion_light()
    assert focus_colour(palette).hue() == palette.color(QPalette.ColorRole.Highlight).hue()


@pytest.mark.parametrize("default", [True, False], ids=["default button", "plain button"])
def test_a_push_button_looks_different_with_the_keyboard_focus(qtbot, default: bool) -> None:
    """Fusion draws a focused button like a default one (or not at all): the frame makes the difference."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialog, QLineEdit, QPushButton, QVBoxLayout

    dialog = QDialog()
    qtbot.addWidget(dialog)
    field = QLineEdit(dialog)
    button = QPushButton("Apply", dialog)
    button.setDefault(default)
    layout = QVBoxLayout(dialog)
    layout.addWidget(field)
    layout.addWidget(button)
    dialog.show()
    qtbot.waitExposed(dialog)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus, timeout=3000)
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    qtbot.waitUntil(button.hasFocus, timeout=3000)
    focused = button.grab().toImage()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus, timeout=3000)
    assert button.grab().toImage() != focused
