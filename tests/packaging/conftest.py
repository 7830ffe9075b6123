"""Helpers for the packaging tests: the repo root and the packaging scripts, imported by file path."""

from __future__ import annotations

import importlib.util
import pkgutil
import sys
from pathlib import Path
from types import ModuleType

import saveris_desktop

ROOT = Path(__file__).resolve().parents[2]
PACKAGING_DIR = ROOT / "packaging"


def load_packaging_script(name: str) -> ModuleType:
    """`packaging/` is no Python package (the name belongs to PyPI's `packaging`): load a file by path."""
    alias = f"saveris_packaging_{name}"
    if alias not in sys.modules:
        spec = importlib.util.spec_from_file_location(alias, PACKAGING_DIR / f"{name}.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[alias] = module
        spec.loader.exec_module(module)
    return sys.modules[alias]


def source_module_count() -> int:
    """How many modules the self-test must import: every module of the source tree but `__main__`."""
    names = {info.name for info in pkgutil.walk_packages(saveris_desktop.__path__, "saveris_desktop.")}
    assert "saveris_desktop.app" in names and "saveris_desktop.ui.self_test" in names
    return len(names - {"saveris_desktop.__main__"})


#: The step lines `--self-test` prints, in order.
SELF_TEST_STEPS = (
    "import modules",
    "keyring",
    "qt application",
    "icon and images",
    "translations",
    "main window",
    "sign in",
    "site",
    "logger joins",
    "device listed",
)


def assert_self_test_passed(output: str) -> dict[str, str]:
    """Every step passed, in order, each with its timing; returns step name -> detail."""
    lines = [line for line in output.splitlines() if line.startswith(("[ OK ]", "[FAIL]"))]
    assert not [line for line in lines if line.startswith("[FAIL]")], output
    names = [line[6:].split("  ")[0].strip() for line in lines]
    assert tuple(names) == SELF_TEST_STEPS, output
    details = {}
    for line, name in zip(lines, names, strict=True):
        _, _, rest = line.partition(name)
        seconds, _, detail = rest.strip().partition(" s  ")
        assert float(seconds) >= 0, line
        details[name] = detail
    assert f"self-test passed: {len(SELF_TEST_STEPS)} steps" in output, output
    return details
