"""The translation sources: extract, update and compile them. A developer's tool, run from a checkout:

    python -m saveris_desktop.ui.i18n_catalog update     # lupdate into every .ts, then lrelease
    python -m saveris_desktop.ui.i18n_catalog check      # list strings missing a translation

`update` runs pyside6-lupdate over ui/, app.py and cli/ into resources/i18n/saveris_desktop_<code>.ts
for every language of core/runtime/languages.py's LANGUAGES but English, keeps what was translated,
and gives a new or moved string the translation an identical source text already has (a class
renamed or split moves its strings to a new context, where lupdate would start them afresh).
Strings gone from the code are dropped. Then pyside6-lrelease compiles each .ts into the .qm the
app loads (committed, and checked against its .ts by tests/ui/test_translations.py).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import saveris_desktop
from saveris_desktop.ui import i18n

PACKAGE = Path(saveris_desktop.__file__).resolve().parent
#: Everything that calls tr()/translate(): the GUI; and the CLI, whose messages are marked with
#: core.runtime.sentences.QT_TRANSLATE_NOOP("Cli", …) (it reads the .ts without Qt). Core modules that
#: mark sentences the same way are scanned as well.
SOURCE_ROOTS = (PACKAGE / "ui", PACKAGE / "app.py", PACKAGE / "cli")
#: Qt-free code that marks sentences for the window: core, and the simulator's virtual loggers.
MARKED_ROOTS = (PACKAGE / "core", PACKAGE / "simulator")
CORE_MARK = 'QT_TRANSLATE_NOOP("'  # "CoreSentences", "Errors"
#: Qt's name for each language in a .ts header (its plural rules come from it).
TS_LANGUAGE = {"de": "de_DE"}


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    numerus: bool
    translations: tuple[str, ...]  #: one, or one per plural form; "" where missing
    finished: bool

    @property
    def complete(self) -> bool:
        return self.finished and all(self.translations)


def _tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease of the running Python (PySide6 installs them beside it)."""
    candidate = Path(sys.executable).with_name(name)
    return str(candidate) if candidate.exists() else name


def source_files() -> list[Path]:
    files: list[Path] = []
    for root in SOURCE_ROOTS:
        files.extend(sorted(root.rglob("*.py")) if root.is_dir() else [root])
    for root in MARKED_ROOTS:
        files.extend(
            path for path in sorted(root.rglob("*.py")) if CORE_MARK in path.read_text(encoding="utf-8")
        )
    return files


def ts_path(code: str) -> Path:
    return i18n.translations_dir() / f"{i18n.CATALOG}_{code}.ts"


def translated_codes() -> list[str]:
    return [code for code in i18n.language_codes() if code != i18n.SOURCE_LANGUAGE]


def run_lupdate(target: Path, code: str) -> None:
    """Extract every marked string into `target` (created, or updated keeping its translations)."""
    subprocess.run(  # noqa: S603  (our own tool, our own arguments)
        [
            _tool("pyside6-lupdate"),
            *map(str, source_files()),
            "-target-language",
            TS_LANGUAGE.get(code, code),
            "-locations",
            "none",  # line numbers would change the .ts with every unrelated edit
            "-ts",
            str(target),
        ],
        check=True,
        capture_output=True,
    )


def run_lrelease(ts_file: Path, qm_file: Path) -> None:
    subprocess.run(  # noqa: S603
        [_tool("pyside6-lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)],
        check=True,
        capture_output=True,
    )


def read(ts_file: Path) -> list[Message]:
    root = ET.parse(ts_file).getroot()  # noqa: S314  (our own file)
    messages = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else "unfinished"
            if kind in ("vanished", "obsolete"):
                continue
            numerus = message.get("numerus") == "yes"
            if translation is None:
                texts: tuple[str, ...] = ("",)
            elif numerus:
                texts = tuple(form.text or "" for form in translation.iter("numerusform")) or ("",)
            else:
                texts = (translation.text or "",)
            messages.append(
                Message(name, message.findtext("source") or "", numerus, texts, kind != "unfinished")
            )
    return messages


def missing(ts_file: Path) -> list[Message]:
    """Messages without a finished translation (every plural form filled in)."""
    return [message for message in read(ts_file) if not message.complete]


def _reuse_identical_translations(ts_file: Path) -> int:
    """Fill unfinished messages from finished ones with the same source text (and plural-ness),
    including strings lupdate has just marked vanished; then drop the vanished ones. Returns how
    many were filled."""
    tree: ET.ElementTree[ET.Element] = ET.parse(ts_file)  # noqa: S314
    root = tree.getroot()
    known: dict[tuple[str, bool], ET.Element] = {}
    for message in root.iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") == "unfinished":
            continue
        numerus = message.get("numerus") == "yes"
        texts = [f.text for f in translation.iter("numerusform")] if numerus else [translation.text]
        if all(texts):
            known.setdefault((message.findtext("source") or "", numerus), translation)
    filled = 0
    for context in root.iter("context"):
        for message in list(context.iter("message")):
            translation = message.find("translation")
            if translation is not None and translation.get("type") in ("vanished", "obsolete"):
                context.remove(message)
                continue
            if translation is None or translation.get("type") != "unfinished":
                continue
            donor = known.get((message.findtext("source") or "", message.get("numerus") == "yes"))
            if donor is None:
                continue
            message.remove(translation)
            copy = ET.fromstring(ET.tostring(donor))  # noqa: S314
            copy.attrib.pop("type", None)
            copy.tail = translation.tail
            message.append(copy)
            filled += 1
    for context in list(root.iter("context")):
        if context.find("message") is None:
            root.remove(context)
    write(tree, ts_file)
    return filled


def write(tree: ET.ElementTree[ET.Element], ts_file: Path) -> None:
    root = tree.getroot()
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode")
    ts_file.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )


def update(code: str) -> tuple[int, int]:
    """lupdate + reuse + lrelease for one language; returns (filled by reuse, still missing)."""
    target = ts_path(code)
    target.parent.mkdir(parents=True, exist_ok=True)
    run_lupdate(target, code)
    filled = _reuse_identical_translations(target)
    run_lrelease(target, i18n.compiled_path(code))
    return filled, len(missing(target))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m saveris_desktop.ui.i18n_catalog")
    parser.add_argument("command", choices=("update", "release", "check"))
    args = parser.parse_args(argv)
    status = 0
    for code in translated_codes():
        if args.command == "update":
            filled, left = update(code)
            print(f"{ts_path(code).name}: {filled} filled from identical strings, {left} missing")
        elif args.command == "release":
            run_lrelease(ts_path(code), i18n.compiled_path(code))
        else:
            for message in missing(ts_path(code)):
                print(f"{code}\t{message.context}\t{message.source!r}")
                status = 1
    return status


if __name__ == "__main__":
    raise SystemExit(main())
