"""What saveris-cli says, in the language of the system or of --lang.

The CLI's own messages are marked `QT_TRANSLATE_NOOP("Cli", "...")` (lupdate puts them into the
window's .ts files beside the window's strings; i18n_catalog scans cli/) and said through `say`, with
%1, %2 … for the values. Core's sentences and names that the CLI prints go through `words`.
Both read the one translation source per language (core/runtime/translations.py), without Qt.
"""

from __future__ import annotations

from collections.abc import Sequence

from saveris_desktop.core.runtime import languages, translations
from saveris_desktop.core.runtime.sentences import QT_TRANSLATE_NOOP, Number, Sentence

__all__ = ["CONTEXT", "QT_TRANSLATE_NOOP", "Number", "choose_language", "language_option", "say", "words"]

CONTEXT = "Cli"
LANGUAGE_OPTION = "--lang"


def say(template: str, *values: object) -> str:
    """`template` (marked QT_TRANSLATE_NOOP("Cli", ...)) in the chosen language, %1 … filled with
    `values` (a core Sentence or name among them translated in turn, a Number with the language's
    decimal separator)."""
    parts = tuple(value if isinstance(value, str) else str(value) for value in values)
    return translations.active().translated(Sentence(template, *parts, context=CONTEXT))


def words(text: object) -> str:
    """A sentence or name core gave (an error, a board summary, a problem of a plan) in the chosen
    language; anything else as it is."""
    return translations.active().translated(text)


def language_option(argv: Sequence[str]) -> str | None:
    """The value of --lang in `argv` ("--lang de" or "--lang=de"), before argparse runs: the help
    and argparse's own messages are built in that language. None when not given."""
    for index, argument in enumerate(argv):
        if argument == "--":
            break
        if argument == LANGUAGE_OPTION and index + 1 < len(argv):
            return argv[index + 1]
        if argument.startswith(LANGUAGE_OPTION + "="):
            return argument.partition("=")[2]
    return None


def choose_language(argv: Sequence[str]) -> str:
    """--lang if it names a language of the table, else the system's (LC_ALL, LC_MESSAGES, LANG);
    English where the app does not have that language. Returns the code now spoken."""
    given = language_option(argv)
    code = given if given in languages.language_codes() else languages.from_environment()
    return translations.use(code).code
