"""core/'s English words in the user's language: names (measured values, device types, alarm presets)
and sentences (core.runtime.sentences.Sentence: e.g. a refused duration or alarm limit).

core/ has no Qt and names things in English (the CLI and the log use those words). The UI shows
them through this module: each name core can return is listed here once for lupdate, and
`tests/ui/test_translations.py` checks the lists against core's, so a name added there is not
left untranslated. A name not listed (e.g. one composed from an unknown code) is shown as it is.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from saveris_desktop.core.devices import units
from saveris_desktop.core.runtime import sentences
from saveris_desktop.core.runtime.sentences import Number, Sentence
from saveris_desktop.ui import i18n, locale_format

CONTEXT = "CoreWords"

#: core.devices.units.VALUE_NAMES, core.devices.device_rows' device types (their one name everywhere),
#: core.devices.presets' titles.
MARKED = frozenset(
    str(text)
    for text in (
        QT_TRANSLATE_NOOP("CoreWords", "Temperature"),
        QT_TRANSLATE_NOOP("CoreWords", "Humidity"),
        QT_TRANSLATE_NOOP("CoreWords", "Door state"),
        QT_TRANSLATE_NOOP("CoreWords", "Absolute humidity"),
        QT_TRANSLATE_NOOP("CoreWords", "Pressure"),
        QT_TRANSLATE_NOOP("CoreWords", "Dew point"),
        QT_TRANSLATE_NOOP("CoreWords", "testo 164 gateway"),
        QT_TRANSLATE_NOOP("CoreWords", "QSR / WiFi logger"),
        QT_TRANSLATE_NOOP("CoreWords", "Saveris 2 logger"),
        QT_TRANSLATE_NOOP("CoreWords", "T2 logger"),
        QT_TRANSLATE_NOOP("CoreWords", "Logger"),
        QT_TRANSLATE_NOOP("CoreWords", "Fridge 2–8 °C"),
        QT_TRANSLATE_NOOP("CoreWords", "Freezer ≤ −18 °C"),
        QT_TRANSLATE_NOOP("CoreWords", "Room 15–25 °C"),
        QT_TRANSLATE_NOOP("CoreWords", "Humidity 30–70 %rF"),
    )
)


def translated(text: str) -> str:
    """`text` (a name or sentence core gave) in the user's language; as it is when core did not mark
    it. A core.runtime.sentences.Sentence is its template translated, with its values (translated in turn);
    a Number is written with the locale's decimal separator. In English a Sentence is its own text
    (it may differ from its template's on purpose: Sentence.lower_first)."""
    if i18n.current_language() == i18n.SOURCE_LANGUAGE and not isinstance(text, Number):
        return str.__str__(text)
    if isinstance(text, Number):
        return locale_format.number(text.value)
    if isinstance(text, Sentence):
        template = QCoreApplication.translate(text.context, text.template)
        return sentences.fill(template, tuple(translated(value) for value in text.values))
    return QCoreApplication.translate(CONTEXT, text) if text in MARKED else text


def device_type_name(kind: str) -> str:
    """A device type's one name (core.devices.device_rows), translated: "testo 164 Gateway"."""
    return translated(kind)


def value_name(value_id: str | None) -> str:
    """core.devices.units.value_name, translated ("Temperatur")."""
    return translated(units.value_name(value_id))
