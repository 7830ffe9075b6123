"""One check for JSON that comes from outside: imported files and the cloud's answers.

A value that is nested thousands of levels deep, holds NaN or infinity, or a number or text too
large to use does not only fail where it arrives: stored in the outbox or the cache it fails
again in every later sync run (recursion in the merge, "NaN != NaN" taken for an edit made
meanwhile) and blocks unrelated changes. So it is refused at the edge, with a sentence a
technician understands, and never reaches the store.

`check_json` is the one check; `loads_checked` parses bytes (an import) with the same limits and
also refuses what a lenient parser would accept: `NaN`/`Infinity` literals, a key given twice
in one object (which value wins differs between programs), invalid UTF-8. Both walk the value
with an explicit stack, so they never recurse themselves.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any, Final

#: Deeper than anything the API or our files use (an alarm configuration is about 8 levels, a
#: site plan in an exchange file about 14), far below what recursion in the merge can take.
MAX_DEPTH: Final = 64
#: values (objects, lists, texts, numbers ...) in one checked value
MAX_NODES: Final = 1_000_000
#: characters in one text
MAX_TEXT: Final = 100_000
#: integers the API and SQLite can hold (64-bit signed)
MAX_INTEGER: Final = 2**63 - 1

_SURROGATE = re.compile("[\ud800-\udfff]")
_SHOWN_PATH_PARTS = 6


class UnsafeJsonError(ValueError):
    """A value outside the limits; `problem` completes "it …", `where` is the path to the culprit."""

    def __init__(self, problem: str, where: str = "") -> None:
        self.problem = problem
        self.where = where
        super().__init__(self.reason)

    @property
    def reason(self) -> str:
        """ "it holds a number that is not finite (NaN or infinity) at 'limits.0.value'" """
        return f"it {self.problem}" + (f" at '{self.where}'" if self.where else "")


def _shown_part(part: str | int) -> str:
    """A field name as it can stand in a one-line message: control characters as escapes, cut short."""
    text = str(part)
    if any(not character.isprintable() for character in text):
        text = text.encode("unicode_escape").decode("ascii")
    return text if len(text) <= 40 else text[:39] + "…"


def _path(parts: list[str | int]) -> str:
    shown = [_shown_part(part) for part in parts[:_SHOWN_PATH_PARTS]]
    if len(parts) > _SHOWN_PATH_PARTS:
        shown.append("…")
    return ".".join(shown)


def check_json(
    value: Any,
    *,
    max_depth: int = MAX_DEPTH,
    max_nodes: int = MAX_NODES,
    max_text: int = MAX_TEXT,
) -> None:
    """Raise UnsafeJsonError unless `value` is plain JSON (dict with text keys, list, text, finite
    number, true/false/null) within the limits. Linear in the size of `value`."""
    stack: list[tuple[Any, int, list[str | int]]] = [(value, 1, [])]
    nodes = 0
    while stack:
        current, depth, parts = stack.pop()
        nodes += 1
        if nodes > max_nodes:
            raise UnsafeJsonError(f"holds more than {max_nodes:,} values")
        if isinstance(current, dict | list):
            if depth > max_depth:
                raise UnsafeJsonError(f"is nested more than {max_depth} levels deep", _path(parts))
            if isinstance(current, dict):
                for key, child in current.items():
                    if not isinstance(key, str):
                        raise UnsafeJsonError("holds a field name that is not text", _path(parts))
                    _check_text(key, max_text, parts)
                    stack.append((child, depth + 1, [*parts, key]))
            else:
                stack.extend((child, depth + 1, [*parts, index]) for index, child in enumerate(current))
        elif isinstance(current, str):
            _check_text(current, max_text, parts)
        elif isinstance(current, bool) or current is None:
            continue
        elif isinstance(current, int):
            if abs(current) > MAX_INTEGER:
                raise UnsafeJsonError("holds a number too large to use", _path(parts))
        elif isinstance(current, float):
            if not math.isfinite(current):
                raise UnsafeJsonError("holds a number that is not finite (NaN or infinity)", _path(parts))
        else:
            raise UnsafeJsonError(f"holds a value that is not JSON ({type(current).__name__})", _path(parts))


def _check_text(text: str, max_text: int, parts: list[str | int]) -> None:
    if len(text) > max_text:
        raise UnsafeJsonError(f"holds a text longer than {max_text:,} characters", _path(parts))
    if _SURROGATE.search(text):
        # "\ud800" is valid JSON syntax but no character: SQLite and every file writer refuse it
        raise UnsafeJsonError("holds text that is not valid Unicode", _path(parts))


def _refuse_constant(name: str) -> Any:
    raise UnsafeJsonError(f"holds '{name}', which is not a number JSON allows")


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    document: dict[str, Any] = {}
    for key, value in pairs:
        if key in document:
            raise UnsafeJsonError(f"names the field '{_SURROGATE.sub('?', key[:80])}' twice in one object")
        document[key] = value
    return document


def loads_checked(data: bytes, **limits: int) -> Any:
    """Parse UTF-8 JSON (one leading byte order mark allowed, as Windows editors write it) and
    `check_json` the result; every problem is an UnsafeJsonError."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnsafeJsonError(f"is not UTF-8 text (byte {error.start + 1} cannot be read)") from None
    try:
        document = json.loads(text, parse_constant=_refuse_constant, object_pairs_hook=_unique_keys)
    except json.JSONDecodeError as error:
        raise UnsafeJsonError(
            f"is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
        ) from None
    except RecursionError:
        raise UnsafeJsonError(
            f"is nested more than {limits.get('max_depth', MAX_DEPTH)} levels deep"
        ) from None
    except UnsafeJsonError:
        raise
    except ValueError:  # an integer of thousands of digits (Python refuses to convert it)
        raise UnsafeJsonError("holds a number too large to use") from None
    check_json(document, **limits)
    return document
