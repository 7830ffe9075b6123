"""saveris-cli in German: on a German system (LANG, LC_MESSAGES, LC_ALL), or with --lang de; read from
the same translation source as the window, without Qt; the exit codes stay as they are."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import saveris_desktop.cli
from saveris_desktop.core.runtime import languages, translations
from saveris_desktop.core.runtime.sentences import Number, Sentence
from saveris_desktop.ui import i18n_catalog

SITE = "Bäckerei Hauptstraße"


@pytest.fixture
def german_system(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "de_DE.UTF-8")


def test_the_language_follows_lc_all_lc_messages_and_lang_in_that_order() -> None:
    assert languages.from_environment({"LANG": "de_DE.UTF-8"}) == "de"
    assert languages.from_environment({"LC_MESSAGES": "de_AT.UTF-8", "LANG": "en_US.UTF-8"}) == "de"
    assert languages.from_environment({"LC_ALL": "C", "LANG": "de_DE.UTF-8"}) == "en"
    assert languages.from_environment({"LC_ALL": "de_CH", "LC_MESSAGES": "en_GB"}) == "de"
    assert languages.from_environment({"LANG": "fr_FR.UTF-8"}) == "en"  # the app has no French
    assert languages.from_environment({}) == "en"
    assert languages.code_of_locale_name("German_Germany.1252") == "de"  # Windows' spelling


def test_the_help_and_argparses_own_words_are_german_on_a_german_system(cli, german_system) -> None:  # type: ignore[no-untyped-def]
    ran = cli("--help")
    assert ran.code == 0
    assert ran.out.startswith("Aufruf: saveris-cli")
    assert "Optionen:" in ran.out and "diese Hilfe zeigen und beenden" in ran.out
    assert "die Sprache der Meldungen" in ran.out
    assert "  3  Anmeldung abgelehnt" in ran.out  # the exit codes, documented in German
    sub = cli("plan", "check", "--help")
    assert "eine Plandatei prüfen" not in sub.out  # (the parent's list names it; this is its own page)
    assert "Kopfzeile mit mindestens serial,object,preset" in sub.out


@pytest.mark.parametrize(
    ("argv", "german"),
    [
        (["--demo", "devices", "list"], "Diese Angaben fehlen: --site"),
        (["--demo", "devices", "wait", "--site", SITE, "--new", "viele"], "--new: „viele“ ist keine Zahl"),
        (["--demo", "--region", "mars", "check-api"], "„mars“ ist keine der Möglichkeiten"),
        (["--demo", "check-api", "--password", "geheim"], "Ein Passwort wird nie auf der Befehlszeile"),
        (["--demo", "site", "create", "   "], "Geben Sie einen Namen für den Standort ein"),
        (["--demo", "device", "set", "1", "--site", SITE, "--measuring-cycle", "15"], "hat keine Einheit"),
        (["--demo", "devices", "wait", "--site", SITE, "--new", "0"], "--new muss 1 oder größer sein"),
        (["demo", "add-logger", "--site", SITE], "ergänzen Sie --demo"),
    ],
)
def test_usage_errors_are_german_with_exit_2(cli, german_system, argv: list[str], german: str) -> None:  # type: ignore[no-untyped-def]
    ran = cli(*argv)
    assert ran.code == 2, ran.err
    assert german in ran.err, ran.err
    assert ran.err.count("\n") == 1 and ran.err.startswith("saveris-cli: ")
    assert "geheim" not in ran.err


def test_a_demo_run_speaks_german_against_the_simulator(cli, german_system) -> None:  # type: ignore[no-untyped-def]
    created = cli("--demo", "site", "create", SITE)
    assert created.code == 0
    assert f"Standort: {SITE}" in created.out and "Verbindungsschlüssel: " in created.out
    added = cli("--demo", "demo", "add-logger", "--site", SITE, "--join-after", "0.5")
    assert added.code == 0
    assert f"ist für „{SITE}“ eingerichtet; er tritt in 0,5 s bei." in added.out  # the decimal comma
    waited = cli("--demo", "devices", "wait", "--site", SITE, "--timeout", "60")
    assert waited.code == 0, waited.err
    assert f"Warten auf neue Logger in „{SITE}“: 1 (höchstens 1:00) …" in waited.err
    assert "Neu: " in waited.err and "Fühler 1 von 1" in waited.err
    serial = waited.out.split(" · ")[0]
    listed = cli("--demo", "devices", "list", "--site", SITE)
    assert "Firmware " in listed.out and "Fühler 1 von 1" in listed.out

    too_fast = cli("--demo", "device", "set", serial, "--site", SITE, "--measuring-cycle", "1s")
    assert too_fast.code == 5  # as in English
    assert f"Der Messtakt des Loggers {serial}: 1 s liegt außerhalb" in too_fast.err, too_fast.err
    changed = cli("--demo", "device", "set", serial, "--site", SITE, "--measuring-cycle", "90 s")
    assert changed.code == 0 and f"Logger {serial} in „{SITE}“:" in changed.out
    assert "→ 1 min 30 s" in changed.out
    no_channel = cli(
        "--demo", "object", "create", "--site", SITE, "--name", "K", "--channel", f"In={serial}:1:9"
    )
    assert no_channel.code == 5
    assert (
        f"Der Fühler in Steckplatz 1 des Loggers {serial} hat keinen Kanal „9“ (er hat: 1 " in no_channel.err
    )
    timed_out = cli("--demo", "devices", "wait", "--site", SITE, "--timeout", "1.5")
    assert timed_out.code == 6
    assert f"In „{SITE}“ sind innerhalb von 1,5 s nur 0 von 1 neuen Loggern erschienen." in timed_out.err


def test_lang_overrides_the_system_and_json_stays_english(cli, german_system) -> None:  # type: ignore[no-untyped-def]
    english = cli("--lang", "en", "--demo", "site", "create", SITE)
    assert english.code == 0 and "Connect key: " in english.out
    data = cli("--demo", "--json", "devices", "list", "--site", SITE)
    assert data.code == 0 and '"devices": []' in data.out  # keys and values for scripts, as before
    assert cli("--lang=de", "--demo", "devices", "list", "--site", SITE).out.startswith("Noch keine Logger")


def test_a_wrong_password_is_refused_in_german_with_exit_3(cli, german_system, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("SAVERIS_PASSWORD", "Falsch-42")
    ran = cli("--demo", "devices", "list", "--site", SITE)
    assert ran.code == 3
    assert "Benutzername oder Passwort stimmen nicht" in ran.err and "Falsch-42" not in ran.err


def test_every_cli_message_has_a_german_translation() -> None:
    committed = [m for m in i18n_catalog.read(i18n_catalog.ts_path("de")) if m.context == "Cli"]
    assert len(committed) > 100  # the CLI's messages are extracted (i18n_catalog scans cli/)
    assert [m.source for m in committed if not m.complete] == []
    german = translations.Translator(languages.language("de"))
    for message in committed:
        assert german.text("Cli", message.source) == message.translations[0]


#: The calls whose text reaches the user: a literal or an f-string there is English for everyone.
_SAYING = {"CliError", "error", "progress", "result", "append", "getpass"}


def _untranslated_texts(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        if name not in _SAYING:
            continue
        for argument in node.args:
            if isinstance(argument, ast.JoinedStr) and not _only_values(argument):
                found.append(f"{path.name}:{node.lineno}: {ast.unparse(argument)[:70]}")
            elif isinstance(argument, ast.Constant) and _has_words(argument.value):
                found.append(f"{path.name}:{node.lineno}: {argument.value[:70]}")
    return found


def _has_words(value: object) -> bool:
    """A literal with letters that is not an option's name ("--region/--env")."""
    return isinstance(value, str) and any(c.isalpha() for c in value) and not value.startswith("-")


def _only_values(text: ast.JoinedStr) -> bool:
    """An f-string of values and punctuation only ("[0:05] {line}"): nothing to translate."""
    return all(
        isinstance(part, ast.FormattedValue) or not any(c.isalpha() for c in str(part.value))
        for part in text.values
        if isinstance(part, (ast.FormattedValue, ast.Constant))
    )


def test_no_cli_message_is_written_around_the_translation() -> None:
    package = Path(saveris_desktop.cli.__file__).parent
    assert [text for path in sorted(package.glob("*.py")) for text in _untranslated_texts(path)] == []


def test_sentences_and_numbers_are_translated_without_qt() -> None:
    german = translations.Translator(languages.language("de"))
    assert german.translated(Sentence("%1 of %2", "1", "2")) == "1 von 2"
    assert german.translated(Number(5.5)) == "5,5"
    assert german.translated("Temperature") == "Temperatur"  # a name core gives
    assert german.translated("Bakery's own name") == "Bakery's own name"
    from saveris_desktop.core.devices.ranges import range_words

    assert german.translated(range_words(500, 1500)) == "500 ms … 1,5 s"  # a range keeps its Numbers
    english = translations.Translator(languages.language("en"))
    assert english.translated(Number(5.5)) == "5.5" and english.messages == {}  # English reads nothing


def test_the_data_folder_messages_are_german_with_a_decimal_comma() -> None:
    from saveris_desktop.core.runtime.instance_lock import in_use_message

    german = translations.Translator(languages.language("de"))
    message = in_use_message(Path("/daten"), 10.5)
    assert (
        message == "Saveris Desktop is using the data folder /daten (waited 10.5 s). Close it and try again."
    )
    assert german.translated(message) == (
        "Saveris Desktop verwendet den Datenordner /daten (10,5 s gewartet). Schließen Sie die App und "
        "versuchen Sie es erneut."
    )


def test_a_wheel_install_finds_the_translations_under_its_prefix(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A wheel has no resources/ beside the package: pyproject.toml installs the translations under
    the prefix (data-files), and both the CLI and the window look there."""
    import sys
    import tomllib

    import saveris_desktop

    root = Path(saveris_desktop.__file__).resolve().parents[1]
    data_files = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"][
        "data-files"
    ]
    shipped = {
        path.name for pattern in data_files[str(languages.INSTALLED_DIR)] for path in root.glob(pattern)
    }
    for code in (c for c in languages.language_codes() if c != languages.SOURCE_LANGUAGE):
        assert {languages.source_path(code).name, languages.compiled_path(code).name} <= shipped
    installed = tmp_path / "venv" / languages.INSTALLED_DIR
    installed.mkdir(parents=True)
    package = tmp_path / "venv" / "lib" / "site-packages" / "saveris_desktop"
    monkeypatch.setattr(saveris_desktop, "__file__", str(package / "__init__.py"))
    monkeypatch.setattr(sys, "prefix", str(tmp_path / "venv"))
    assert languages.translations_dir() == installed
    assert languages.source_path("de") == installed / "saveris_desktop_de.ts"


def test_the_first_contact_check_reads_german(cli, german_system) -> None:  # type: ignore[no-untyped-def]
    ran = cli("--demo", "check-api")
    assert ran.code == 0
    assert "  funktioniert nötig   POST /token (HTTP 200)" in ran.out
    assert "Die Anmeldung funktioniert. Geben Sie einen bestehenden Standort an" in ran.out
    assert "Bericht für den Support: " in ran.out


def test_a_plans_problems_are_german_with_exit_2(cli, german_system, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plan = tmp_path / "plan.csv"
    plan.write_text(
        "serial;object;preset;measuring_cycle\n61100042;Kühlschrank 1;fridge;15\n", encoding="utf-8"
    )
    ran = cli("plan", "check", str(plan))
    assert ran.code == 2
    assert f"{plan}: Zeile 2, Spalte 4 (Messtakt): '15' hat keine Einheit" in ran.err, ran.err
    assert ran.err.endswith("saveris-cli: Probleme im Plan: 1; es wurde nichts importiert.\n")


def test_the_german_help_stays_light_and_without_qt(tmp_path: Path) -> None:
    """German --help reads the .ts with the standard library: no Qt, no httpx or pydantic."""
    import os
    import subprocess
    import sys

    probe = (
        "import sys\n"
        "from saveris_desktop.cli.main import main\n"
        "main(['--help'])\n"
        "print('HEAVY', [m for m in ('httpx', 'pydantic', 'PySide6', 'shiboken6') if m in sys.modules])\n"
    )
    env = {**os.environ, "LANG": "de_DE.UTF-8", "HOME": str(tmp_path)}
    env.pop("LC_ALL", None)
    env.pop("LC_MESSAGES", None)
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=120
    )
    assert "Aufruf: saveris-cli" in result.stdout and "HEAVY []" in result.stdout, (
        result.stdout + result.stderr
    )
