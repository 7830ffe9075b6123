"""Build the Linux bundle with the installers' PyInstaller spec, then run the frozen `--self-test`.

The slowest test of the suite (PyInstaller analyses every dependency), and the only one that sees what
a technician's copy contains: a module, Qt plugin or package metadata lost by the build fails here.
One build is shared by the tests of this module.
"""

from __future__ import annotations

import os
import pkgutil
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

import saveris_desktop
from tests.packaging.conftest import (
    PACKAGING_DIR,
    ROOT,
    assert_self_test_passed,
    load_packaging_script,
    source_module_count,
)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not sys.platform.startswith("linux"), reason="the installer CI builds Windows and macOS"
    ),
]

build_script = load_packaging_script("build")


@dataclass(frozen=True)
class Bundle:
    path: Path
    executable: Path
    size_mb: float
    build_seconds: float
    build_output: str
    work_dir: Path

    def frozen_app_modules(self) -> set[str]:
        """The app's modules in the bundle's Python archive (PyInstaller's own reader)."""
        from PyInstaller.archive.readers import ZlibArchiveReader

        archive = ZlibArchiveReader(str(self.work_dir / "saveris_desktop" / "PYZ-00.pyz"))
        return {name for name in archive.toc if name.startswith("saveris_desktop.")}

    def files(self) -> list[str]:
        return [p.relative_to(self.path).as_posix() for p in self.path.rglob("*") if p.is_file()]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Bundle:
    work = tmp_path_factory.mktemp("pyinstaller")
    started = time.monotonic()
    result = subprocess.run(
        [
            sys.executable,
            str(PACKAGING_DIR / "build.py"),
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "build"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    seconds = time.monotonic() - started
    output = result.stdout + result.stderr
    size = re.search(r"^size_mb: ([\d.]+)", result.stdout, re.MULTILINE)
    assert size is not None, output  # build.py exits 1 when over budget, so read the size first
    assert result.returncode in (0, 1), output
    return Bundle(
        path=build_script.bundle_path(work / "dist"),
        executable=build_script.executable_path(work / "dist"),
        size_mb=float(size.group(1)),
        build_seconds=seconds,
        build_output=output,
        work_dir=work / "build",
    )


def test_frozen_app_passes_its_self_test(
    bundle: Bundle, tmp_path: Path, record_property: pytest.RecordProperty
) -> None:
    report = tmp_path / "self-test.txt"
    started = time.monotonic()
    result = subprocess.run(
        [str(bundle.executable), "--self-test", "--report", str(report)],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    seconds = time.monotonic() - started
    record_property("frozen_self_test_seconds", round(seconds, 1))

    assert result.returncode == 0, result.stdout + result.stderr
    # The version comes from the package metadata the spec copies (else it reads "0.0.0+unknown").
    assert f"Saveris Desktop {saveris_desktop.__version__} self-test (frozen," in result.stdout
    details = assert_self_test_passed(result.stdout)
    # Every module of the source tree made it into the bundle and imports there.
    if details["import modules"] != f"{source_module_count()} modules":
        source = {info.name for info in pkgutil.walk_packages(saveris_desktop.__path__, "saveris_desktop.")}
        missing = sorted(source - bundle.frozen_app_modules() - {"saveris_desktop.__main__"})
        pytest.fail(f"frozen self-test imported {details['import modules']}; not in the bundle: {missing}")
    # keyring's entry points survived (else the step fails) and the backend it picked is named.
    assert "keyring.backends." in details["keyring"]
    assert "platform plugin 'offscreen'" in details["qt application"]
    assert report.read_text(encoding="utf-8") == result.stdout


def test_frozen_app_starts_in_demo_mode_and_shuts_down_cleanly(bundle: Bundle, tmp_path: Path) -> None:
    # The real start-up path (window, services built in a worker thread, local database, qasync loop),
    # ended by the shell's smoke-test option right after it is ready.
    home = tmp_path / "home"
    result = subprocess.run(
        [str(bundle.executable), "--demo", "--exit-after-paint"],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "SAVERIS_DESKTOP_HOME": str(home)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"^first-paint [\d.]+$", result.stdout, re.MULTILINE), result.stdout
    assert re.search(r"^ready [\d.]+$", result.stdout, re.MULTILINE), result.stdout
    log = (home / "logs" / "saveris-desktop.log").read_text(encoding="utf-8")
    assert "Saveris Desktop closed cleanly" in log
    assert " ERROR " not in log and "Traceback" not in log, log


def test_bundle_holds_the_needed_qt_plugins_and_nothing_of_qml_or_webengine(bundle: Bundle) -> None:
    files = bundle.files()
    plugins = {f.split("/plugins/", 1)[1] for f in files if "/Qt/plugins/" in f}
    for needed in (
        "platforms/libqoffscreen.so",
        "platforms/libqxcb.so",
        "imageformats/libqsvg.so",
        "iconengines/libqsvgicon.so",
    ):
        assert needed in plugins, sorted(plugins)
    kinds = {plugin.split("/")[0] for plugin in plugins}
    assert not kinds & {"tls", "wayland-shell-integration", "egldeviceintegrations", "sqldrivers", "generic"}
    unwanted = [f for f in files if re.search(r"Qt6?(Qml|Quick|WebEngine|3D|Multimedia|Pdf|Wayland)", f)]
    assert unwanted == []
    # Package metadata that code reads at run time: the app's version and keyring's entry points.
    assert any(re.match(r"_internal/keyring-[\d.]+\.dist-info/entry_points\.txt$", f) for f in files)
    assert any(f.startswith("_internal/saveris_desktop") and "-info/" in f for f in files)
    assert "_internal/resources/icons/saveris-desktop-256.png" in files


def test_bundle_stays_within_its_size_budget(bundle: Bundle, record_property: pytest.RecordProperty) -> None:
    record_property("bundle_size_mb", bundle.size_mb)
    record_property("bundle_build_seconds", round(bundle.build_seconds, 1))
    print(f"\nfrozen bundle: {bundle.size_mb:.1f} MB, built in {bundle.build_seconds:.0f} s at {bundle.path}")
    assert bundle.size_mb == pytest.approx(build_script.directory_size(bundle.path) / 1_000_000, abs=0.1)
    assert bundle.size_mb <= build_script.SIZE_BUDGET_MB, (
        f"bundle {bundle.size_mb:.1f} MB > {build_script.SIZE_BUDGET_MB} MB"
    )
