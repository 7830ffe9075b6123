"""Build the frozen app (and optionally its installer) and report how big it is.

    python packaging/build.py              # dist/SaverisDesktop/ or, on macOS, dist/Saveris Desktop.app
    python packaging/build.py --installer  # + dist/SaverisDesktop-Setup-<version>.exe or -<version>.dmg

Run it with the Python of a venv that has the app and its dev extras installed
(`pip install -c packaging/constraints.txt -e ".[dev]"`): PyInstaller freezes what that venv holds.

The commands it runs are fixed here (PyInstaller, Inno Setup's iscc, hdiutil via make_dmg.sh), hence the
subprocess noqa markers.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from importlib.metadata import version as distribution_version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGING_DIR = ROOT / "packaging"
SPEC = PACKAGING_DIR / "saveris_desktop.spec"
APP_NAME = "Saveris Desktop"
EXE_NAME = "SaverisDesktop"
#: The bundle must stay below this (MB): it is copied onto technicians' laptops.
SIZE_BUDGET_MB = 150.0
DEFAULT_ISCC = Path(r"C:\Program Files (x86)\Inno Setup 6\ISCC.exe")


def app_version() -> str:
    return distribution_version("saveris-desktop")


def bundle_path(dist_dir: Path, platform: str = sys.platform) -> Path:
    """The folder a user gets: the .app on macOS, the onedir folder elsewhere."""
    return dist_dir / (f"{APP_NAME}.app" if platform == "darwin" else EXE_NAME)


def executable_path(dist_dir: Path, platform: str = sys.platform) -> Path:
    bundle = bundle_path(dist_dir, platform)
    if platform == "darwin":
        return bundle / "Contents" / "MacOS" / EXE_NAME
    return bundle / (f"{EXE_NAME}.exe" if platform == "win32" else EXE_NAME)


def directory_size(path: Path) -> int:
    """Bytes on disk of every file below `path`; symlinks (macOS frameworks) count once, as links."""
    total = 0
    for dirpath, _dirnames, filenames in os.walk(path):
        for name in filenames:
            total += (Path(dirpath) / name).lstat().st_size
    return total


def run_pyinstaller(dist_dir: Path, work_dir: Path, clean: bool) -> None:
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        str(SPEC),
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist_dir),
        "--workpath",
        str(work_dir),
    ]
    if clean:
        command.append("--clean")
    subprocess.run(command, cwd=ROOT, check=True)  # noqa: S603


def build_windows_installer(dist_dir: Path, version: str) -> Path:
    iscc = os.environ.get("ISCC") or shutil.which("iscc") or str(DEFAULT_ISCC)
    script = PACKAGING_DIR / "windows" / "SaverisDesktop.iss"
    subprocess.run(  # noqa: S603
        [
            iscc,
            f"/DAppVersion={version}",
            f"/DSourceDir={bundle_path(dist_dir, 'win32')}",
            f"/DOutputDir={dist_dir}",
            f"/DIconFile={ROOT / 'resources' / 'icons' / 'saveris-desktop.ico'}",
            str(script),
        ],
        check=True,
    )
    return dist_dir / f"{EXE_NAME}-Setup-{version}.exe"


def build_macos_dmg(dist_dir: Path, version: str) -> Path:
    output = dist_dir / f"{EXE_NAME}-{version}.dmg"
    subprocess.run(  # noqa: S603
        [  # noqa: S607  (bash from PATH, as on every macOS)
            "bash",
            str(PACKAGING_DIR / "macos" / "make_dmg.sh"),
            str(bundle_path(dist_dir, "darwin")),
            str(output),
        ],
        check=True,
    )
    return output


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--distpath", type=Path, default=ROOT / "dist", help="output folder (default: dist)")
    parser.add_argument("--workpath", type=Path, default=ROOT / "build", help="PyInstaller's scratch folder")
    parser.add_argument("--clean", action="store_true", help="clear PyInstaller's cache first")
    parser.add_argument("--installer", action="store_true", help="also build the .exe setup or the .dmg")
    args = parser.parse_args(argv)

    version = app_version()
    started = time.monotonic()
    run_pyinstaller(args.distpath, args.workpath, args.clean)
    seconds = time.monotonic() - started
    bundle = bundle_path(args.distpath)
    size_mb = directory_size(bundle) / 1_000_000
    print(f"bundle: {bundle}")
    print(f"version: {version}")
    print(f"size_mb: {size_mb:.1f} (budget {SIZE_BUDGET_MB:.0f})")
    print(f"build_seconds: {seconds:.1f}")

    if args.installer:
        if sys.platform == "win32":
            installer = build_windows_installer(args.distpath, version)
        elif sys.platform == "darwin":
            installer = build_macos_dmg(args.distpath, version)
        else:
            print("installer: none for this platform (Windows: Inno Setup, macOS: dmg)", file=sys.stderr)
            return 2
        print(f"installer: {installer} ({installer.stat().st_size / 1_000_000:.1f} MB)")

    if size_mb > SIZE_BUDGET_MB:
        print(
            f"error: the bundle is {size_mb:.1f} MB, over the {SIZE_BUDGET_MB:.0f} MB budget", file=sys.stderr
        )
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
