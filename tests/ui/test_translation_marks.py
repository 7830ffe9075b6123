"""Strings shown through tr(variable) must still be found by lupdate, under the context tr() uses."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import saveris_desktop

UI = Path(saveris_desktop.__file__).parent / "ui"
LUPDATE = Path(sys.executable).with_name("pyside6-lupdate")


def _extracted(tmp_path: Path, *files: Path) -> set[tuple[str, str]]:
    target = tmp_path / "check.ts"
    subprocess.run([str(LUPDATE), *map(str, files), "-ts", str(target)], check=True, capture_output=True)
    root = ET.parse(target).getroot()  # noqa: S314  (our own lupdate output)
    return {
        (context.findtext("name") or "", message.findtext("source") or "")
        for context in root.iter("context")
        for message in context.iter("message")
    }


def test_limit_titles_and_audit_headers_are_marked_for_translation(tmp_path: Path) -> None:
    found = _extracted(tmp_path, UI / "devices" / "measuring_editors.py", UI / "offline" / "audit_dialog.py")
    for title in ("Lower alarm", "Lower warning", "Upper warning", "Upper alarm"):
        assert ("MeasurementAlarmsEditor", title) in found
    for header in ("When", "User", "Region", "Site", "Change", "Object", "Result"):
        assert ("AuditTableModel", header) in found


def test_helper_widgets_translate_under_their_editors_context_not_a_variable_name(tmp_path: Path) -> None:
    # lupdate files `editor.tr("Delay")` under the context "editor", while at run time tr() looks in
    # the editor's class: such a string would never be translated.
    # (the error sentences live in core, shared with saveris-cli, and are extracted from there)
    found = _extracted(tmp_path, *sorted(UI.rglob("*.py")), UI.parent / "core" / "runtime" / "error_words.py")
    contexts = {context for context, _text in found}
    assert not contexts & {"editor", "dialog", "page", "window", "owner", "parent"}
    assert ("SystemAlarmsEditor", "Delay of %1") in found
    assert ("SensorEditor", "Offset of channel %1") in found
    assert ("CreateObjectDialog", "Remove logical channel %1") in found
    assert ("MeasurementAlarmsEditor", "Hysteresis") in found
    # Module-level helpers (`_t(text)`, `tr(context, text)`) hid their strings from lupdate too.
    assert (
        "HotspotGuide",
        "QSR / WiFi loggers use <b>2.4 GHz</b> Wi-Fi only: a network that offers only 5 GHz "
        "cannot be joined.",
    ) in found
    assert (
        "SiteNames",
        "The name has %1 characters; a site name has at most %2: shorten it from position %3 on.",
    ) in found
    assert ("Errors", "The testo cloud is busy. Wait a minute and try again.") in found
    assert ("ExceptionHook", "Unexpected error") in found
