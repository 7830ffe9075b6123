"""Translations without Qt: the command line reads the window's own translation source.

The .ts file (resources/i18n/saveris_desktop_<code>.ts) is the one translation source per language;
Qt's lupdate writes it and the window loads its compiled .qm. saveris-cli reads the .ts with the
standard library, once and only when a text is first asked for (English asks for nothing), so
`saveris-cli --help` in English never touches it.

A `Translator` says a core.runtime.sentences.Sentence in its language (the template's translation,
filled with its values, translated in turn), a Number with the language's decimal separator, and a
name core gives (context "CoreWords") as the window says it; anything else as it is.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from saveris_desktop.core.runtime import languages
from saveris_desktop.core.runtime.sentences import Number, Sentence, fill

if TYPE_CHECKING:
    from datetime import datetime

#: Where the window's core names live (ui/core_words.py marks them).
CORE_WORDS = "CoreWords"
#: The date format is a translated string, as the window's (ui/locale_format.py).
DATE_TIME_CONTEXT = "LocaleFormat"
DATE_TIME_PATTERN = "%Y-%m-%d %H:%M"


def read_source(path: Path) -> dict[tuple[str, str], str]:
    """(context, source text) → translation, for every finished translation of a .ts file. A plural
    (numerus) message keeps its first form; the command line words its counts without them."""
    import xml.etree.ElementTree as ET  # only when a language other than English is read

    messages: dict[tuple[str, str], str] = {}
    root = ET.parse(path).getroot()  # noqa: S314  (our own file, shipped with the app)
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
                continue
            forms = [form.text or "" for form in translation.iter("numerusform")]
            text = forms[0] if forms else (translation.text or "")
            if text:
                messages[(name, message.findtext("source") or "")] = text
    return messages


class Translator:
    """Texts in one language, read from its .ts file on first use."""

    def __init__(self, language: languages.Language, source: Path | None = None) -> None:
        self.language = language
        self.source = source if source is not None else languages.source_path(language.code)

    @property
    def code(self) -> str:
        return self.language.code

    @cached_property
    def messages(self) -> dict[tuple[str, str], str]:
        if self.code == languages.SOURCE_LANGUAGE:
            return {}
        from xml.etree.ElementTree import ParseError

        try:
            return read_source(self.source)
        except (OSError, ParseError) as error:  # the command still works, in English: say why in the log
            import logging

            logging.getLogger(__name__).warning("no translation file %s: %s", self.source, error)
            return {}

    def text(self, context: str, source: str) -> str:
        """The translation of `source` in `context`; `source` itself where there is none."""
        return (
            self.messages.get((context, source), source) if self.code != languages.SOURCE_LANGUAGE else source
        )

    def number(self, value: Number) -> str:
        """A decimal number with this language's separator ("1,5"): Number's English text is
        written without grouping, so only the decimal point changes."""
        return str.__str__(value).replace(".", self.language.decimal_separator)

    def date_time(self, moment: datetime) -> str:
        """Date and time to the minute, as the window writes them ("28.11.2026 09:30")."""
        return moment.strftime(self.text(DATE_TIME_CONTEXT, DATE_TIME_PATTERN))

    def translated(self, text: object) -> str:
        """`text` as this language says it (see the module's docstring). English is the text itself:
        a Sentence's English may differ from its template's on purpose (Sentence.lower_first)."""
        if self.code == languages.SOURCE_LANGUAGE:
            return str.__str__(str(text))
        if isinstance(text, Number):
            return self.number(text)
        if isinstance(text, Sentence):
            template = self.text(text.context, text.template)
            return fill(template, tuple(self.translated(value) for value in text.values))
        if not isinstance(text, str):  # e.g. a plan's ImportProblem, whose str() is a Sentence
            text = str(text)
            return self.translated(text) if isinstance(text, Sentence) else text
        return self.text(CORE_WORDS, text)


_active = Translator(languages.language(languages.SOURCE_LANGUAGE))


def use(code: str) -> Translator:
    """Speak `code` from now on (the command line chooses once, at its start)."""
    global _active
    if code != _active.code:
        _active = Translator(languages.language(code))
    return _active


def active() -> Translator:
    return _active
