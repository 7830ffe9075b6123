"""English plural forms for the app's `%n` strings, without a compiled translation file.

The source strings are English and mark plurals as "(s)" ("%n device(s)"), the Qt convention for
strings passed to `tr()` with a count. Qt only turns them into "1 device" / "3 devices" through a
translation, so without one the technician reads "0 device(s)". This translator supplies the
English forms; a real translation installed later takes precedence (Qt asks the newest first).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

PLURAL_MARK = "(s)"


def english_plural(source: str, n: int) -> str | None:
    """`source` with each "(s)" resolved for the count `n`; None when there is nothing to resolve."""
    if n < 0 or PLURAL_MARK not in source:
        return None
    return source.replace(PLURAL_MARK, "" if n == 1 else "s")


class EnglishPlurals(QTranslator):
    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        # None becomes a null QString, which makes Qt ask the next translator (or use the source);
        # an empty string would replace every text of the app with nothing.
        return english_plural(source, n)

    def isEmpty(self) -> bool:
        return False


def install(app: QCoreApplication) -> EnglishPlurals:
    """Install on `app`; keep the returned object referenced as long as the app runs."""
    translator = EnglishPlurals(app)
    app.installTranslator(translator)
    return translator
