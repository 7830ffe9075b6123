"""`saveris-desktop --self-test` from source, as CI and support run it, in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.packaging.conftest import ROOT, assert_self_test_passed, source_module_count


def _self_test(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "saveris_desktop", "--self-test", *args],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_self_test_passes_every_step_and_says_which_keyring(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    result = _self_test("--report", str(report))

    assert result.returncode == 0, result.stdout + result.stderr
    details = assert_self_test_passed(result.stdout)
    assert details["import modules"] == f"{source_module_count()} modules"
    assert "keyring.backends." in details["keyring"]  # the backend is named, usable or not
    assert "platform plugin 'offscreen'" in details["qt application"]
    assert details["translations"].startswith("translations de (")  # the frozen bundle carries them too
    assert "Connected to the cloud (site 'Self-test site')" in details["logger joins"]
    assert report.read_text(encoding="utf-8") == result.stdout  # the file a windowed .exe writes


def test_missing_password_store_fails_the_keyring_step_when_required() -> None:
    # What the installer CI demands on Windows and macOS, provoked here with keyring's "fail" backend.
    result = _self_test(
        "--require-system-keyring", env={"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    )

    assert result.returncode == 1, result.stdout + result.stderr
    assert "[FAIL] keyring" in result.stdout
    assert "No secure password storage (keyring) is available" in result.stdout
    assert result.stdout.rstrip().endswith("self-test FAILED at step 'keyring'")
    assert "[ OK ] sign in" not in result.stdout  # it stops at the first failing step


def test_without_the_requirement_a_missing_password_store_is_reported_not_fatal() -> None:
    result = _self_test(env={"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"})

    assert result.returncode == 0, result.stdout + result.stderr
    details = assert_self_test_passed(result.stdout)
    assert details["keyring"].startswith("no usable password store (keyring.backends.fail.Keyring)")
    assert "Passwords will not be remembered." in details["keyring"]


def test_a_failing_demo_step_is_named_with_its_reason_and_ends_the_run(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import saveris_desktop.simulator
    from saveris_desktop.ui import self_test

    # The simulator keeps its demo account; the self-test signs in with a password it does not accept.
    monkeypatch.setattr(saveris_desktop.simulator, "DEMO_PASSWORD", "not-the-demo-password")
    report = tmp_path / "report.txt"

    assert self_test.run(["--self-test", "--report", str(report)]) == 1

    lines = report.read_text(encoding="utf-8").splitlines()
    failed = [line for line in lines if line.startswith("[FAIL]")]
    assert len(failed) == 1 and failed[0].startswith("[FAIL] sign in"), lines
    assert "AuthenticationError: Sign-in failed: wrong user name or password" in failed[0]
    assert "Traceback" not in "\n".join(lines)  # an API error explains itself; tracebacks are for bugs
    assert "[ OK ] main window" in "\n".join(lines)  # the steps before it ran and passed
    assert not any(line.startswith("[ OK ] site") for line in lines)
    assert lines[-1] == "self-test FAILED at step 'sign in'"


def test_without_a_console_the_report_file_still_gets_every_line(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from saveris_desktop.ui import self_test

    monkeypatch.setattr(sys, "stdout", None)  # what a windowed (console-less) Windows .exe has
    report = tmp_path / "report.txt"

    assert self_test.run(["--report", str(report)]) == 0

    assert_self_test_passed(report.read_text(encoding="utf-8"))
