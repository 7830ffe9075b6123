"""Sentences core/ says to the technician: English, and translatable by the UI although core has no Qt.

A `Sentence` is a str, the English text every caller already uses (the CLI prints it, the log keeps
it). It also keeps its template ("%1 is outside the allowed range %2.") and the values put into it,
so the UI (ui/core_words.translated) can show the template's translation with the same values;
a value may itself be a Sentence and is translated in turn.

Templates are marked with `QT_TRANSLATE_NOOP("CoreSentences", "...")` (lupdate needs both as literal
strings): pyside6-lupdate finds the call by that name (ui/i18n_catalog.py scans the core modules that
use it); here it only returns the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

#: The translation context of every core sentence.
CONTEXT = "CoreSentences"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks `text` for translation under `context`; returns it unchanged."""
    return text


def fill(template: str, values: tuple[str, ...]) -> str:
    """`template` with %1, %2 … replaced by `values` (the highest first: %1 must not eat %10)."""
    text = template
    for number in range(len(values), 0, -1):
        text = text.replace(f"%{number}", values[number - 1])
    return text


class Sentence(str):
    """English text that remembers how it was made (see the module's docstring)."""

    template: str
    values: tuple[str, ...]
    context: str

    def __new__(cls, template: str, *values: str, context: str = CONTEXT) -> Sentence:
        sentence = super().__new__(cls, fill(template, tuple(str(value) for value in values)))
        sentence.template = template
        sentence.values = values  # kept as given: a Sentence among them stays one
        sentence.context = context  # the CLI's own sentences are in "Cli"
        return sentence

    @classmethod
    def lower_first(cls, text: str) -> str:
        """`text` starting in lower case, as English continues after a colon ("line 5: the same
        serial …"); a translation keeps the case of its own sentence."""
        lowered = text if text[1:2].isupper() else text[:1].lower() + text[1:]
        if not isinstance(text, Sentence):
            return lowered
        sentence = super().__new__(cls, lowered)
        sentence.template, sentence.values, sentence.context = "%1", (text,), CONTEXT
        return sentence


class Number(str):
    """A decimal number in a sentence: its English text ("1.5", no grouping), and the value, which
    the UI and the CLI write with the reader's decimal separator ("1,5")."""

    value: float

    def __new__(cls, value: float, text: str | None = None) -> Number:
        number = super().__new__(cls, text if text is not None else f"{value:g}")
        number.value = value
        return number


def joined(separator: str, parts: list[str]) -> Sentence:
    """`parts` joined by `separator` ("Battery low (5 %) · No sensors"), each part translatable: the
    template ("%1 · %2") has no words, so a translation leaves it as it is."""
    template = separator.join(f"%{number}" for number in range(1, len(parts) + 1))
    return Sentence(template, *parts)


@cache
def _pattern(template: str) -> re.Pattern[str]:
    """`template` as a pattern that matches its English text with any values: each %n a group
    (the same value again where %n appears twice), the words around as they are."""
    parts = re.split(r"(%\d+)", template)
    pattern, seen = "", set()
    for part in parts:
        if re.fullmatch(r"%\d+", part):
            name = f"v{part[1:]}"
            pattern += f"(?P={name})" if name in seen else f"(?P<{name}>.+?)"
            seen.add(name)
        else:
            pattern += re.escape(part)
    return re.compile(pattern, re.DOTALL)


def recognised_sentence(text: str, templates: Iterable[str], *, context: str = CONTEXT) -> str:
    """`text`, kept as plain English (in a database, say), as the Sentence of the first of
    `templates` it is written from, so the UI can translate it again; `text` itself when it is none
    of them (or a Sentence already)."""
    if isinstance(text, Sentence):
        return text
    for template in templates:
        match = _pattern(template).fullmatch(text)
        if match is not None:
            count = max((int(number) for number in re.findall(r"%(\d+)", template)), default=0)
            found = match.groupdict()
            values = tuple(found.get(f"v{number}", "") for number in range(1, count + 1))
            return Sentence(template, *values, context=context)
    return text
