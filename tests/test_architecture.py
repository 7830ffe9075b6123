"""The architecture is a checked contract: import-linter's contracts in pyproject.toml.

`lint-imports` reads the contracts from pyproject.toml ([tool.importlinter]): the layers (app → ui →
core → api), Qt only in ui and app, the simulator only for the demo wiring, the ui features kept
apart, private modules private. What import-linter cannot see (which *names* are imported) is
checked at the end with the syntax tree.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "saveris_desktop"

LINT = (
    "import sys; from importlinter.cli import lint_imports; "
    "sys.exit(lint_imports(no_cache=True, no_logo=True, verbose=False))"
)


def lint_imports(project: Path) -> subprocess.CompletedProcess[str]:
    """Run import-linter on the package found first on the path from `project`, with its pyproject."""
    environment = {**os.environ, "PYTHONPATH": str(project), "NO_COLOR": "1", "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-c", LINT],
        cwd=project,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_import_contracts_are_kept() -> None:
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    # every contract was checked, none skipped
    assert f"Contracts: {len(contracts['contracts'])} kept, 0 broken" in result.stdout, result.stdout


def copy_of_the_project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(PACKAGE, project / "saveris_desktop", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", project / "pyproject.toml")
    return project


def plant(project: Path, module: str, line: str) -> None:
    path = project / "saveris_desktop" / module
    path.write_text(path.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")


def test_a_core_module_importing_the_ui_breaks_the_layers(tmp_path: Path) -> None:
    """The contracts catch a real violation: core reaching up into the Qt layer (even lazily)."""
    project = copy_of_the_project(tmp_path)
    plant(
        project,
        "core/devices/ranges.py",
        "def _colour():\n    from saveris_desktop.ui.style import TextRole\n\n    return TextRole",
    )
    result = lint_imports(project)
    assert result.returncode != 0
    assert "Layers: app above ui above core above api above foundation BROKEN" in result.stdout, result.stdout
    assert "saveris_desktop.core.devices.ranges -> saveris_desktop.ui.style" in result.stdout
    # ... and, through the chain ui.style -> PySide6, the Qt contract as well
    assert "Qt (PySide6, shiboken6, qasync) only in ui and app BROKEN" in result.stdout


def test_one_ui_feature_reaching_into_another_breaks_their_independence(tmp_path: Path) -> None:
    project = copy_of_the_project(tmp_path)
    plant(project, "ui/wizard/found_page.py", "from saveris_desktop.ui.devices.fields import FieldMessage")
    result = lint_imports(project)
    assert "do not reach into each other BROKEN" in result.stdout, result.stdout
    assert "saveris_desktop.ui.wizard.found_page -> saveris_desktop.ui.devices.fields" in result.stdout


def test_the_simulator_outside_the_demo_wiring_breaks_its_protection(tmp_path: Path) -> None:
    project = copy_of_the_project(tmp_path)
    plant(project, "core/devices/watcher.py", "from saveris_desktop.simulator import Simulator")
    result = lint_imports(project)
    assert "imported only by the demo wiring (and the tests, outside the" in result.stdout, result.stdout
    assert "BROKEN" in result.stdout
    assert "saveris_desktop.core.devices.watcher -> saveris_desktop.simulator" in result.stdout


# --- what import-linter cannot express -------------------------------------------------------------
def private_names_imported_across_packages() -> list[str]:
    """`from saveris_desktop.x.y import _name` where the importer is outside package x: a private
    name is an internal of its package (import-linter sees modules, not the names imported)."""
    found = []
    for path in PACKAGE.rglob("*.py"):
        importer_package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.ImportFrom) and node.module and node.level == 0):
                continue
            if not node.module.startswith("saveris_desktop."):
                continue
            owner_package = node.module.rsplit(".", 1)[0]
            if importer_package == owner_package or importer_package.startswith(owner_package + "."):
                continue
            for alias in node.names:
                if alias.name.startswith("_") and not alias.name.startswith("__"):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno} imports {node.module}.{alias.name}")
    return found


def test_no_private_name_is_imported_from_another_package() -> None:
    assert private_names_imported_across_packages() == []
