"""The app's languages: which one to use, and installing its translations before the first window.

The language follows the operating system (QLocale.system().uiLanguages()); View → Language stores
an override in QSettings (UiState.language()). It takes effect at the next start: app.py installs the
translators before any widget exists, so every text is built in one language. Switching at once
would need every widget to rebuild its texts on QEvent.LanguageChange; instead the dialog offers a
restart, which loses nothing because drafts are saved as they are typed.

Adding a language: translate resources/i18n/saveris_desktop_<code>.ts (see i18n_catalog.py, which
creates it) and add one line to LANGUAGES in core/runtime/languages.py (the command line's table too).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from saveris_desktop.core.runtime import languages
from saveris_desktop.core.runtime.languages import (
    CATALOG,
    SOURCE_LANGUAGE,
    Language,
    compiled_path,
    translations_dir,
)

__all__ = ["CATALOG", "SOURCE_LANGUAGE", "SYSTEM", "Language", "compiled_path", "translations_dir"]

#: The stored choice that means "as the operating system".
SYSTEM = "system"


def offered() -> tuple[Language, ...]:
    """Every language of the table (core/runtime/languages.py), English first."""
    return languages.LANGUAGES


def language_codes() -> tuple[str, ...]:
    return languages.language_codes()


def resolve(choice: str, system: QLocale | None = None) -> str:
    """The language code to use for a stored choice: a known code as it is; otherwise ("system" or
    anything unknown) the first of the system's preferred UI languages the app has, else English."""
    codes = language_codes()
    if choice in codes:
        return choice
    locale = system if system is not None else QLocale.system()
    for name in locale.uiLanguages():  # "de-DE", "de", "en-US" …: most preferred first
        code = name.replace("_", "-").split("-")[0].lower()
        if code in codes:
            return code
    return SOURCE_LANGUAGE


_installed: list[QTranslator] = []
_current = SOURCE_LANGUAGE
_system: QLocale | None = None  #: the system locale install() went by (tests pass a German one)


def language_for(choice: str) -> str:
    """The code `choice` stands for on this computer, as install() resolved it."""
    return resolve(choice, _system)


def current_language() -> str:
    """The code of the language installed by `install()` (English until then)."""
    return _current


def install(app: QCoreApplication, choice: str, system: QLocale | None = None) -> str:
    """Install the translations for `choice` (a code or SYSTEM) on `app`; returns the code used.

    Call once, before any widget is built. Numbers and dates follow the system's locale when it
    speaks the chosen language (a German in Austria keeps the Austrian formats); otherwise the
    chosen language's own formats, so a text and the numbers in it agree.
    """
    global _current, _system
    system_locale = system if system is not None else QLocale.system()
    _system = system_locale
    code = resolve(choice, system_locale)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if QLocale(code).language() == system_locale.language():
        QLocale.setDefault(system_locale)
    else:
        QLocale.setDefault(QLocale(code))
    _current = code
    if code == SOURCE_LANGUAGE:
        return code
    # Qt's own texts first (standard buttons, the wizard's Back/Next, the file dialogs), then the
    # app's: a translator installed later is asked first.
    qt_own = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_own.load(QLocale(code), "qtbase", "_", qt_dir):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    ours = QTranslator(app)
    if ours.load(str(compiled_path(code))):
        app.installTranslator(ours)
        _installed.append(ours)
    else:  # the app still works, in English: say why in the log
        logging.getLogger(__name__).warning("no translation file %s", compiled_path(code))
    return code
