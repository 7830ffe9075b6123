"""Three-way merge of JSON objects, field by field, and the technician's choice where both sides differ.

`base` is the server version an edit started from, `mine` the edit, `server` what the server has
now. Per field path: changed on one side only -> that side wins; changed on both sides to the same
value -> fine; changed on both sides differently -> a `Conflict` (base, mine, server), never a
silent pick. Nested dicts merge per key. Lists of objects merge per item when every item carries a
natural key (uuid, logical_channel_uuid, slot_index ...), in the order of the side that changed it
(both reordered differently: a conflict on the whole list); other lists are one value.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Final


class _Missing:
    """A field that does not exist on that side (added or removed)."""

    _instance: _Missing | None = None

    def __new__(cls) -> _Missing:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "<absent>"

    def __bool__(self) -> bool:
        return False

    def __deepcopy__(self, memo: dict[int, Any]) -> _Missing:
        return self


MISSING: Final = _Missing()

#: Natural keys of list items, tried in order; a key is used only when every item of all three
#: versions has it and it is unique within each list.
DEFAULT_LIST_KEYS: tuple[tuple[str, ...], ...] = (
    ("uuid",),
    ("measuring_object_uuid",),  # measuring objects in the shape of related APIs [R]
    ("mo_uuid",),
    ("logical_channel_uuid",),
    ("slot_index",),
    ("alarm_type",),
    ("channel_index",),
    ("channel_id",),  # sensor channels and channel assignments in the shape of related APIs [R]
    ("channel_no",),
    ("measurementAlarmConditionTypeId", "alarmSeverityId"),
    ("name",),
)


@dataclass(frozen=True)
class ItemKey:
    """Identifies one item of a keyed list inside a path."""

    fields: tuple[str, ...]
    values: tuple[Any, ...]

    def matches(self, item: Any) -> bool:
        return isinstance(item, dict) and all(
            name in item and same_json(item[name], value)
            for name, value in zip(self.fields, self.values, strict=True)
        )

    def __str__(self) -> str:
        return "[" + ", ".join(f"{n}={v}" for n, v in zip(self.fields, self.values, strict=True)) + "]"


PathPart = str | ItemKey
FieldPath = tuple[PathPart, ...]


def format_path(path: FieldPath) -> str:
    """`channel_alarm_configurations[logical_channel_uuid=lc-1].name`; "(whole object)" for the root."""
    text = ""
    for part in path:
        if isinstance(part, ItemKey):
            text += str(part)
        else:
            text += f".{part}" if text else part
    return text or "(whole object)"


def path_to_json(path: FieldPath) -> list[Any]:
    return [
        part if isinstance(part, str) else {"fields": list(part.fields), "values": list(part.values)}
        for part in path
    ]


def path_from_json(data: Sequence[Any]) -> FieldPath:
    return tuple(
        part if isinstance(part, str) else ItemKey(tuple(part["fields"]), tuple(part["values"]))
        for part in data
    )


def value_to_json(value: Any) -> Any:
    """JSON form of a side's value; an absent field becomes {"$absent": true}."""
    return {"$absent": True} if value is MISSING else value


def value_from_json(value: Any) -> Any:
    return MISSING if value == {"$absent": True} else value


class Side(StrEnum):
    BASE = "base"
    MINE = "mine"
    SERVER = "server"


@dataclass(frozen=True)
class Conflict:
    path: FieldPath
    base: Any
    mine: Any
    server: Any

    @property
    def label(self) -> str:
        return format_path(self.path)

    def value(self, side: Side) -> Any:
        return {Side.BASE: self.base, Side.MINE: self.mine, Side.SERVER: self.server}[side]

    def to_json(self) -> dict[str, Any]:
        return {
            "path": path_to_json(self.path),
            "base": value_to_json(self.base),
            "mine": value_to_json(self.mine),
            "server": value_to_json(self.server),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Conflict:
        return cls(
            path_from_json(data["path"]),
            value_from_json(data["base"]),
            value_from_json(data["mine"]),
            value_from_json(data["server"]),
        )


class UnresolvedConflictError(ValueError):
    def __init__(self, missing: Iterable[Conflict]) -> None:
        self.missing = list(missing)
        super().__init__("no choice for: " + ", ".join(c.label for c in self.missing))


@dataclass
class MergeResult:
    """`merged` holds the server's value at every conflict path until `resolve` applies the choices."""

    merged: Any
    conflicts: list[Conflict] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.conflicts

    def resolve(self, choices: Mapping[FieldPath, Side]) -> Any:
        """The merged object with the technician's choice applied at every conflict path."""
        missing = [c for c in self.conflicts if c.path not in choices]
        if missing:
            raise UnresolvedConflictError(missing)
        document = copy.deepcopy(self.merged)
        for conflict in self.conflicts:
            document = _set_at(document, conflict.path, copy.deepcopy(conflict.value(choices[conflict.path])))
        return document


def three_way_merge(
    base: Any, mine: Any, server: Any, *, list_keys: Sequence[tuple[str, ...]] = DEFAULT_LIST_KEYS
) -> MergeResult:
    conflicts: list[Conflict] = []
    merged = _merge((), base, mine, server, conflicts, list_keys)
    return MergeResult(merged, conflicts)


@dataclass(frozen=True)
class Change:
    path: FieldPath
    before: Any
    after: Any

    @property
    def label(self) -> str:
        return format_path(self.path)


def diff(
    before: Any, after: Any, *, list_keys: Sequence[tuple[str, ...]] = DEFAULT_LIST_KEYS
) -> list[Change]:
    """Field-level differences, for before/after views and the audit log."""
    changes: list[Change] = []
    _diff((), before, after, changes, list_keys)
    return changes


# --- internals ------------------------------------------------------------------------------------


def same_json(a: Any, b: Any) -> bool:
    """JSON equality where True is not 1 (Python's == would say it is)."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same_json(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same_json(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict | list) or isinstance(b, dict | list):
        return False
    return bool(a == b)


def _merge(
    path: FieldPath,
    base: Any,
    mine: Any,
    server: Any,
    conflicts: list[Conflict],
    list_keys: Sequence[tuple[str, ...]],
) -> Any:
    if same_json(mine, server):
        return mine
    if same_json(mine, base):
        return server
    if same_json(server, base):
        return mine
    if isinstance(mine, dict) and isinstance(server, dict) and (base is MISSING or isinstance(base, dict)):
        return _merge_dicts(path, base if isinstance(base, dict) else {}, mine, server, conflicts, list_keys)
    if isinstance(mine, list) and isinstance(server, list) and (base is MISSING or isinstance(base, list)):
        lists = [mine, server] + ([base] if isinstance(base, list) else [])
        spec = _key_spec(lists, list_keys)
        if spec is not None:
            return _merge_keyed(
                path, spec, base if isinstance(base, list) else [], mine, server, conflicts, list_keys
            )
    conflicts.append(Conflict(path, base, mine, server))
    return server


def _ordered_keys(*sources: Iterable[Any]) -> list[Any]:
    seen: dict[Any, None] = {}
    for source in sources:
        for key in source:
            seen.setdefault(key, None)
    return list(seen)


def _merge_dicts(
    path: FieldPath,
    base: dict[str, Any],
    mine: dict[str, Any],
    server: dict[str, Any],
    conflicts: list[Conflict],
    list_keys: Sequence[tuple[str, ...]],
) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key in _ordered_keys(server, mine, base):
        value = _merge(
            (*path, key),
            base.get(key, MISSING),
            mine.get(key, MISSING),
            server.get(key, MISSING),
            conflicts,
            list_keys,
        )
        if value is not MISSING:
            result[key] = value
    return result


def _key_of(item: Any, spec: tuple[str, ...]) -> tuple[Any, ...] | None:
    if not isinstance(item, dict) or any(name not in item for name in spec):
        return None
    values = tuple(item[name] for name in spec)
    if any(not isinstance(v, str | int) or isinstance(v, bool) for v in values):
        return None
    return values


def _key_spec(lists: Sequence[list[Any]], list_keys: Sequence[tuple[str, ...]]) -> tuple[str, ...] | None:
    if not any(lists):
        return None
    for spec in list_keys:
        usable = True
        for items in lists:
            keys = [_key_of(item, spec) for item in items]
            if any(k is None for k in keys) or len(set(keys)) != len(keys):
                usable = False
                break
        if usable:
            return spec
    return None


def _index(items: list[Any], spec: tuple[str, ...]) -> dict[tuple[Any, ...], Any]:
    return {_key_of(item, spec): item for item in items}  # type: ignore[misc]


def _moved(before: Mapping[Any, Any], after: Mapping[Any, Any]) -> bool:
    """True when the items both lists have are in a different order in `after`."""
    return [k for k in before if k in after] != [k for k in after if k in before]


def _merge_keyed(
    path: FieldPath,
    spec: tuple[str, ...],
    base: list[Any],
    mine: list[Any],
    server: list[Any],
    conflicts: list[Conflict],
    list_keys: Sequence[tuple[str, ...]],
) -> list[Any]:
    by_base, by_mine, by_server = _index(base, spec), _index(mine, spec), _index(server, spec)
    mine_moved, server_moved = _moved(by_base, by_mine), _moved(by_base, by_server)
    if mine_moved and server_moved and _moved(by_mine, by_server):
        # both sides reordered, differently: the order is one value the technician chooses
        conflicts.append(Conflict(path, base, mine, server))
        return server
    # The order of the side that changed it (else the server's), then the items the other side added.
    first, second = (by_mine, by_server) if mine_moved and not server_moved else (by_server, by_mine)
    result: list[Any] = []
    for key in _ordered_keys(first, second, by_base):
        value = _merge(
            (*path, ItemKey(spec, key)),
            by_base.get(key, MISSING),
            by_mine.get(key, MISSING),
            by_server.get(key, MISSING),
            conflicts,
            list_keys,
        )
        if value is not MISSING:
            result.append(value)
    return result


def _diff(
    path: FieldPath, before: Any, after: Any, changes: list[Change], list_keys: Sequence[tuple[str, ...]]
) -> None:
    if same_json(before, after):
        return
    if isinstance(before, dict) and isinstance(after, dict):
        for key in _ordered_keys(before, after):
            _diff((*path, key), before.get(key, MISSING), after.get(key, MISSING), changes, list_keys)
        return
    if isinstance(before, list) and isinstance(after, list):
        spec = _key_spec([before, after], list_keys)
        if spec is not None:
            by_before, by_after = _index(before, spec), _index(after, spec)
            for key in _ordered_keys(by_before, by_after):
                _diff(
                    (*path, ItemKey(spec, key)),
                    by_before.get(key, MISSING),
                    by_after.get(key, MISSING),
                    changes,
                    list_keys,
                )
            return
    changes.append(Change(path, before, after))


def _set_at(document: Any, path: FieldPath, value: Any) -> Any:
    if not path:
        return value
    parent = document
    for part in path[:-1]:
        parent = _child(parent, part)
    last = path[-1]
    if isinstance(last, ItemKey):
        items: list[Any] = parent
        position = next((i for i, item in enumerate(items) if last.matches(item)), None)
        if value is MISSING:
            if position is not None:
                del items[position]
        elif position is None:
            items.append(value)
        else:
            items[position] = value
    elif value is MISSING:
        parent.pop(last, None)
    else:
        parent[last] = value
    return document


def _child(container: Any, part: PathPart) -> Any:
    if isinstance(part, ItemKey):
        return next(item for item in container if part.matches(item))
    return container[part]
