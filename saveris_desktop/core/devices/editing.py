"""An edit of one server object: what the server sent, what the technician changed, what will be sent.

`EditSession.base` is the server's payload exactly as received (every field, modelled or not).
The technician's edits are kept apart, as (path -> value), and laid over `base` to give `current`.
That keeps three promises of the editors:
- the PUT body is `base` with the edits applied, so fields the UI does not show go back unchanged;
- a refresh from the server (`rebase`) swaps `base` and keeps the technician's edits on top;
- the before/after view lists exactly the fields that differ between `base` and `current`.

`on_change` fires after every change of the edits (set, revert, rebase, restore), so a drafts
store can persist the edit as it grows; `edits_as_json()`/`restore()` are its storage format.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

PathPart = str | int
Path = tuple[PathPart, ...]

_MISSING: Any = object()


@dataclass(frozen=True)
class FieldChange:
    """One field that will be sent differently from what the server has; absent ends are `None`."""

    path: Path
    before: Any
    after: Any
    added: bool = False
    removed: bool = False

    @property
    def dotted(self) -> str:
        """`sensors_connections[0].connected` style, the way the before/after view labels a field."""
        return dotted(self.path)

    @property
    def whole_object(self) -> Any:
        """The object or list this change adds or removes as a whole, else None (a plain value)."""
        value = self.after if self.added else self.before if self.removed else None
        return value if isinstance(value, (Mapping, list)) else None


def dotted(path: Sequence[PathPart]) -> str:
    """`sensors_connections[0].connected` style text of a field path."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def leaves(value: Any, prefix: Path = ()) -> list[tuple[Path, Any]]:
    """Every plain value inside `value` with its path, in order (an empty object or list is a leaf)."""
    if isinstance(value, Mapping) and value:
        return [leaf for key, item in value.items() for leaf in leaves(item, (*prefix, key))]
    if isinstance(value, list) and value:
        return [leaf for index, item in enumerate(value) for leaf in leaves(item, (*prefix, index))]
    return [(prefix, value)]


def get_path(data: Any, path: Path, default: Any = None) -> Any:
    node = data
    for part in path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return default
    return node


def _set_path(data: Any, path: Path, value: Any) -> None:
    if not path:
        raise ValueError("an edit needs a field path")
    node = data
    for depth, part in enumerate(path[:-1]):
        following = path[depth + 1]
        if isinstance(node, dict):
            if not isinstance(node.get(part), (dict, list)):
                node[part] = [] if isinstance(following, int) else {}
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int):
            while len(node) <= part:
                node.append([] if isinstance(following, int) else {})
            node = node[part]
        else:
            raise ValueError(f"cannot set {path!r}: {part!r} does not lead into an object or list")
    last = path[-1]
    if isinstance(node, list) and isinstance(last, int):
        while len(node) <= last:
            node.append(None)
        node[last] = value
    elif isinstance(node, dict):
        node[last] = value
    else:
        raise ValueError(f"cannot set {path!r}")


def diff(before: Any, after: Any, prefix: Path = ()) -> list[FieldChange]:
    """Field-level differences; dicts by key, lists by position, anything else as a whole value."""
    if isinstance(before, Mapping) and isinstance(after, Mapping):
        changes: list[FieldChange] = []
        for key in list(before.keys()) + [k for k in after if k not in before]:
            if key not in after:
                changes.append(FieldChange((*prefix, key), before[key], None, removed=True))
            elif key not in before:
                changes.append(FieldChange((*prefix, key), None, after[key], added=True))
            else:
                changes.extend(diff(before[key], after[key], (*prefix, key)))
        return changes
    if isinstance(before, list) and isinstance(after, list):
        changes = []
        for index in range(max(len(before), len(after))):
            if index >= len(after):
                changes.append(FieldChange((*prefix, index), before[index], None, removed=True))
            elif index >= len(before):
                changes.append(FieldChange((*prefix, index), None, after[index], added=True))
            else:
                changes.extend(diff(before[index], after[index], (*prefix, index)))
        return changes
    if before == after and type(before) is type(after):
        return []
    return [FieldChange(prefix, before, after)]


class EditSession:
    """One editor's working copy of one server object (a device, sensor, alarm configuration ...)."""

    def __init__(
        self,
        base: Mapping[str, Any],
        *,
        key: str = "",
        on_change: Callable[[EditSession], None] | None = None,
    ) -> None:
        self.key = key
        self._base: dict[str, Any] = copy.deepcopy(dict(base))
        self._edits: dict[Path, Any] = {}
        self._current: dict[str, Any] = copy.deepcopy(self._base)
        self.on_change = on_change

    # --- reading ---------------------------------------------------------------------------

    @property
    def base(self) -> dict[str, Any]:
        """The server's payload as last received (a copy: the session's own state stays private)."""
        return copy.deepcopy(self._base)

    @property
    def current(self) -> dict[str, Any]:
        """`base` with the edits applied (a copy)."""
        return copy.deepcopy(self._current)

    def get(self, path: Sequence[PathPart], default: Any = None) -> Any:
        return copy.deepcopy(get_path(self._current, tuple(path), default))

    def base_value(self, path: Sequence[PathPart], default: Any = None) -> Any:
        return copy.deepcopy(get_path(self._base, tuple(path), default))

    @property
    def dirty(self) -> bool:
        return bool(self._edits) and bool(self.changes())

    def changes(self) -> list[FieldChange]:
        """What the next PUT changes on the server, field by field."""
        return diff(self._base, self._current)

    def payload(self) -> dict[str, Any]:
        """The PUT body: base with the edits applied, unknown server fields included."""
        return copy.deepcopy(self._current)

    @property
    def edits(self) -> Iterator[tuple[Path, Any]]:
        for path, value in self._edits.items():
            yield path, copy.deepcopy(value)

    # --- changing --------------------------------------------------------------------------

    def set(self, path: Sequence[PathPart], value: Any) -> None:
        """Record the technician's value for one field (or a whole sub-object or list)."""
        key = tuple(path)
        # A later edit of a parent replaces the edits below it; an edit below a parent edit updates it.
        for existing in [p for p in self._edits if p[: len(key)] == key and p != key]:
            del self._edits[existing]
        parent = next((p for p in self._edits if key[: len(p)] == p and p != key), None)
        if parent is not None:
            container = self._edits[parent]
            _set_path(container, key[len(parent) :], copy.deepcopy(value))
        else:
            self._edits[key] = copy.deepcopy(value)
        self._rebuild()
        self._changed()

    def revert(self) -> None:
        """Throw every edit away; `current` is the server's payload again."""
        self._edits.clear()
        self._rebuild()
        self._changed()

    def revert_field(self, path: Sequence[PathPart]) -> None:
        key = tuple(path)
        for existing in [p for p in self._edits if p[: len(key)] == key]:
            del self._edits[existing]
        self._rebuild()
        self._changed()

    def rebase(self, new_base: Mapping[str, Any]) -> None:
        """The server sent a newer version (a refresh): take it as base and keep the edits on top."""
        self._base = copy.deepcopy(dict(new_base))
        self._rebuild()
        self._changed()

    def accept(self, server_payload: Mapping[str, Any]) -> None:
        """The server accepted the PUT and answered with its state: that is the new, clean base."""
        self._base = copy.deepcopy(dict(server_payload))
        self._edits.clear()
        self._rebuild()
        self._changed()

    # --- drafts ----------------------------------------------------------------------------

    def edits_as_json(self) -> list[dict[str, Any]]:
        """The edits in a JSON-ready form: `[{"path": [...], "value": ...}, ...]`."""
        return [{"path": list(path), "value": copy.deepcopy(value)} for path, value in self._edits.items()]

    def restore(self, edits: Sequence[Mapping[str, Any]]) -> None:
        """Lay saved edits (from `edits_as_json`) over the current base, e.g. a draft after a restart."""
        self._edits = {tuple(item["path"]): copy.deepcopy(item["value"]) for item in edits}
        self._rebuild()
        self._changed()

    # --- internals -------------------------------------------------------------------------

    def _rebuild(self) -> None:
        current = copy.deepcopy(self._base)
        for path, value in sorted(self._edits.items(), key=lambda item: len(item[0])):
            _set_path(current, path, copy.deepcopy(value))
        self._current = current
        # Edits that equal the server's value are no edits: drop them so `dirty` stays honest.
        for path in [p for p, v in self._edits.items() if not diff(get_path(self._base, p, _MISSING), v)]:
            del self._edits[path]

    def _changed(self) -> None:
        if self.on_change is not None:
            self.on_change(self)
