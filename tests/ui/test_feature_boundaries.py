"""Features in ui/ attach to each other through public signals, methods and constructor arguments.

Issue 12: the offline layer once found the shell's label with findChild, read the device view's
attributes with getattr/hasattr and overwrote its callbacks and its client after construction.
Renaming one attribute silently turned offline work off. This scan keeps that from coming back:

- getattr/hasattr/setattr/delattr only on `self` (a class asking about itself) or the `sys` module;
- findChild/findChildren only as `self.findChild…`, a widget looking among its own children;
- no assignment to an attribute of an object that was handed in (a parameter) or is held by this
  one (`self.x.y = …`), except the listed cases, each one the writer's own data or child.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / "saveris_desktop"
SCANNED = [*sorted((ROOT / "ui").rglob("*.py")), ROOT / "app.py"]
REFLECTION = {"getattr", "hasattr", "setattr", "delattr"}
CHILD_LOOKUP = {"findChild", "findChildren"}

#: (file relative to saveris_desktop/, assignment target) -> why it is the writer's own business
OWN_WRITES = {
    ("ui/devices/create_object.py", "row.sensor_object"): "the dialog's own private row record",
    ("ui/devices/objects_tab.py", "self.instruction_editor.uuid"): "the tab's own child editor",
    ("ui/offline/site_plan_dialog.py", "self.plan.site"): "the dialog's own plan model",
    ("ui/offline/site_plan_dialog.py", "self.plan.timezone"): "the dialog's own plan model",
    ("ui/wizard/wizard.py", "self.flow.data.site"): "the wizard's own flow, before any page shows it",
}


def _relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else path.name


def _is_self(node: ast.expr) -> bool:
    return isinstance(node, ast.Name) and node.id == "self"


def _reaching(path: Path) -> list[str]:
    found: list[str] = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name) and func.id in REFLECTION and node.args:
                subject = node.args[0]
                if not (isinstance(subject, ast.Name) and subject.id in ("self", "sys")):
                    found.append(f"{_relative(path)}:{node.lineno}: {ast.unparse(node)}")
            own_child = isinstance(func, ast.Attribute) and _is_self(func.value)
            if isinstance(func, ast.Attribute) and func.attr in CHILD_LOOKUP and not own_child:
                found.append(f"{_relative(path)}:{node.lineno}: {ast.unparse(node)}")
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            found.extend(_foreign_writes(path, node))
    return found


def _foreign_writes(path: Path, func: ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda) -> list[str]:
    params = {a.arg for a in [*func.args.posonlyargs, *func.args.args, *func.args.kwonlyargs]} - {
        "self",
        "cls",
    }
    found = []
    for node in ast.walk(func):
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign)):
            targets = [node.target]
        else:
            continue
        for target in targets:
            if not isinstance(target, ast.Attribute):
                continue
            base, depth = target.value, 0
            while isinstance(base, ast.Attribute):
                base, depth = base.value, depth + 1
            if not isinstance(base, ast.Name):
                continue
            foreign = (base.id == "self" and depth >= 1) or base.id in params
            text = ast.unparse(target)
            if foreign and (_relative(path), text) not in OWN_WRITES:
                found.append(f"{_relative(path)}:{target.lineno}: {text} = …")
    return found


def test_no_feature_reaches_into_another_ones_attributes() -> None:
    found = [line for path in SCANNED for line in _reaching(path)]
    assert found == [], "attach through public signals/methods/constructor arguments instead:\n" + "\n".join(
        found
    )


def test_the_scan_sees_what_the_old_offline_wiring_did(tmp_path: Path) -> None:
    """The patterns issue 12 removed are caught (the scan itself is not a no-op)."""
    old = tmp_path / "old.py"
    old.write_text(
        "def hook(window, view):\n"
        "    label = window.findChild(object, 'statusConnection')\n"
        "    watcher = getattr(view, 'watcher', None)\n"
        "    if hasattr(view, 'on_session_change'):\n"
        "        view.on_session_change = print\n"
        "class Integration:\n"
        "    def rewrap(self):\n"
        "        self.devices_view.context.client = None\n",
        encoding="utf-8",
    )
    found = _reaching(old)
    assert len(found) == 5, found
