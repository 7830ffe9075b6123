"""The app's languages, for the window and the command line alike (no Qt here: saveris-cli uses it).

One table: adding a language is its translation file resources/i18n/saveris_desktop_<code>.ts (created
by `python -m saveris_desktop.ui.i18n_catalog update`) and one line in LANGUAGES. The window
(ui/i18n.py) loads the compiled .qm with Qt; the command line reads the .ts itself
(core/runtime/translations.py), so both speak from the same file.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

import saveris_desktop


class Language(NamedTuple):  # (not a dataclass: saveris-cli --help imports this, and stays light)
    code: str  #: ISO 639-1, as in the .ts/.qm file names and QLocale's names ("de")
    native_name: str  #: how the menu names it, in the language itself: a reader finds their own
    #: The command line's decimal separator (the window asks QLocale); "5,5 °C" in German.
    decimal_separator: str = "."


#: The source strings are English; every other language has resources/i18n/saveris_desktop_<code>.ts/.qm.
LANGUAGES: tuple[Language, ...] = (
    Language("en", "English"),
    Language("de", "Deutsch", decimal_separator=","),
)
SOURCE_LANGUAGE = "en"
CATALOG = "saveris_desktop"

#: The POSIX variables that name the language of messages, the one that wins first.
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


def language_codes() -> tuple[str, ...]:
    return tuple(language.code for language in LANGUAGES)


def language(code: str) -> Language:
    """The table's entry for `code`; English for a code the table does not have."""
    for entry in LANGUAGES:
        if entry.code == code:
            return entry
    return LANGUAGES[0]


#: Where a wheel installs the translations (pyproject.toml's [tool.setuptools.data-files]), under
#: the environment's prefix: resources/ is not inside the package.
INSTALLED_DIR = Path("share") / "saveris-desktop" / "i18n"


def translations_dir() -> Path:
    """Where the .ts and .qm files are: `resources/i18n` next to the package in the source tree (and
    an editable install) and in the PyInstaller bundle (the spec copies resources/ whole); in a
    wheel install, INSTALLED_DIR under the environment's prefix (or the user's, for --user)."""
    beside = Path(saveris_desktop.__file__).resolve().parent.parent / "resources" / "i18n"
    if beside.is_dir():
        return beside
    import site

    for prefix in (sys.prefix, site.getuserbase()):
        installed = Path(prefix) / INSTALLED_DIR
        if installed.is_dir():
            return installed
    return beside  # not found: the caller says which file is missing, and works in English


def source_path(code: str) -> Path:
    """The translation source of `code` (the .ts: the command line reads it, lupdate writes it)."""
    return translations_dir() / f"{CATALOG}_{code}.ts"


def compiled_path(code: str) -> Path:
    """The compiled translation of `code` (the .qm the window loads)."""
    return translations_dir() / f"{CATALOG}_{code}.qm"


def code_of_locale_name(name: str) -> str | None:
    """The table's code for a locale name ("de_DE.UTF-8", "de-AT", "German_Germany"); None when the
    table has no such language ("C", "POSIX", "fr_FR")."""
    base = name.split(".")[0].split("@")[0].replace("-", "_").split("_")[0].strip().lower()
    codes = language_codes()
    if base in codes:
        return base
    # Windows' names ("German_Germany.1252"): the table's languages by their English name.
    english_names = {"english": "en", "german": "de", "deutsch": "de"}
    code = english_names.get(base)
    return code if code in codes else None


def _windows_ui_language() -> str | None:
    """The Windows user's display language (Windows sets no LANG)."""
    if sys.platform != "win32":
        return None
    import ctypes
    import locale

    lcid = ctypes.windll.kernel32.GetUserDefaultUILanguage()
    return locale.windows_locale.get(lcid)


def from_environment(environ: Mapping[str, str] | None = None) -> str:
    """The language the system asks for: the first set of LC_ALL, LC_MESSAGES, LANG (as POSIX
    programs decide), else Windows' display language; English where the app does not have it."""
    variables = os.environ if environ is None else environ
    for variable in LOCALE_VARIABLES:
        value = variables.get(variable, "")
        if value:
            return code_of_locale_name(value) or SOURCE_LANGUAGE
    windows = _windows_ui_language() if environ is None else None
    return (code_of_locale_name(windows) if windows else None) or SOURCE_LANGUAGE
