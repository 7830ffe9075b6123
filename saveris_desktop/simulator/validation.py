"""Strict checks of request bodies, each failure one sentence that names the field.

A JSON schema validator would say "True is not of type integer"; a technician-facing client shows
the server's reason next to the field, so the reasons here say what is wrong in plain words.
`bool` is never accepted where a number is expected (JSON `true` is not 1).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from typing import Any, NoReturn


class Refusal(Exception):  # noqa: N818  (an HTTP answer, not an internal error)
    """The server refuses the request; `message` goes to the client as the reason, `status` as the code."""

    def __init__(self, message: str, *, status: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


def fail(message: str, *, status: int = 400) -> NoReturn:
    raise Refusal(message, status=status)


SITE_NAME_MAX = 64
#: Letters and digits of any script, space and a few separators people use in place names.
_SITE_NAME = re.compile(r"[\w .,()&'/#+-]+")


def check_site_name(value: str) -> str:
    """Site names: 1-64 characters, no leading/trailing blanks, letters, digits, space and .,()&'/#+-_"""
    if not value.strip():
        fail("site must not be empty")
    if value != value.strip():
        fail("site must not start or end with a blank")
    if len(value) > SITE_NAME_MAX:
        fail(f"site must be at most {SITE_NAME_MAX} characters (got {len(value)})")
    if not _SITE_NAME.fullmatch(value):
        bad = sorted({ch for ch in value if not _SITE_NAME.fullmatch(ch)})
        fail(
            "site may contain only letters, digits, blanks and . , ( ) & ' / # + - _ "
            f"(not {' '.join(repr(ch) for ch in bad)})"
        )
    return value


class Obj:
    """A JSON object being validated; `where` names it in messages ("channels[1]")."""

    def __init__(self, value: Any, where: str = "body") -> None:
        if not isinstance(value, dict):
            fail(f"{where} must be a JSON object, not {json_type(value)}")
        self.data: dict[str, Any] = value
        self.where = where

    def _name(self, key: str) -> str:
        return key if self.where == "body" else f"{self.where}.{key}"

    def has(self, key: str) -> bool:
        return key in self.data

    def only(self, allowed: Iterable[str]) -> None:
        unknown = sorted(set(self.data) - set(allowed))
        if unknown:
            fail(f"unknown field {self._name(unknown[0])!r}")

    def required(self, key: str) -> Any:
        if key not in self.data:
            fail(f"{self._name(key)} is required")
        return self.data[key]

    def string(self, key: str, *, max_length: int = 256, allow_empty: bool = False) -> str:
        return self._string(key, self.required(key), max_length, allow_empty)

    def opt_string(self, key: str, *, max_length: int = 256, allow_empty: bool = True) -> str | None:
        value = self.data.get(key)
        return None if value is None else self._string(key, value, max_length, allow_empty)

    def _string(self, key: str, value: Any, max_length: int, allow_empty: bool) -> str:
        if not isinstance(value, str):
            fail(f"{self._name(key)} must be a string, not {json_type(value)}")
        if not allow_empty and not value.strip():
            fail(f"{self._name(key)} must not be empty")
        if len(value) > max_length:
            fail(f"{self._name(key)} must be at most {max_length} characters")
        return value

    def integer(self, key: str, *, minimum: int | None = None, maximum: int | None = None) -> int:
        return self._integer(key, self.required(key), minimum, maximum)

    def opt_integer(self, key: str, *, minimum: int | None = None, maximum: int | None = None) -> int | None:
        value = self.data.get(key)
        return None if value is None else self._integer(key, value, minimum, maximum)

    def _integer(self, key: str, value: Any, minimum: int | None, maximum: int | None) -> int:
        if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
            value = int(value)  # JSON has one number type: 900000.0 is the integer 900000
        if isinstance(value, bool) or not isinstance(value, int):
            fail(f"{self._name(key)} must be an integer, not {json_type(value)}")
        check_range(self._name(key), value, minimum, maximum)
        return value

    def number(self, key: str, *, minimum: float | None = None, maximum: float | None = None) -> float:
        return self._number(key, self.required(key), minimum, maximum)

    def opt_number(
        self, key: str, *, minimum: float | None = None, maximum: float | None = None
    ) -> float | None:
        value = self.data.get(key)
        return None if value is None else self._number(key, value, minimum, maximum)

    def _number(self, key: str, value: Any, minimum: float | None, maximum: float | None) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            fail(f"{self._name(key)} must be a number, not {json_type(value)}")
        if not math.isfinite(value):
            fail(f"{self._name(key)} must be a finite number")
        check_range(self._name(key), value, minimum, maximum)
        return float(value)

    def boolean(self, key: str, *, default: bool | None = None) -> bool:
        if key not in self.data and default is not None:
            return default
        value = self.required(key)
        if not isinstance(value, bool):
            fail(f"{self._name(key)} must be true or false, not {json_type(value)}")
        return value

    def choice(self, key: str, allowed: Iterable[str]) -> str:
        value = self.string(key)
        options = tuple(allowed)
        if value not in options:
            fail(f"{self._name(key)} must be one of {', '.join(options)} (got {value!r})")
        return value

    def obj(self, key: str) -> Obj:
        return Obj(self.required(key), self._name(key))

    def opt_obj(self, key: str) -> Obj | None:
        value = self.data.get(key)
        return None if value is None else Obj(value, self._name(key))

    def objects(self, key: str, *, max_items: int = 100, required: bool = True) -> list[Obj]:
        if not required and key not in self.data:
            return []
        value = self.required(key)
        if not isinstance(value, list):
            fail(f"{self._name(key)} must be a list, not {json_type(value)}")
        if len(value) > max_items:
            fail(f"{self._name(key)} may hold at most {max_items} entries")
        return [Obj(item, f"{self._name(key)}[{index}]") for index, item in enumerate(value)]

    def strings(self, key: str, *, max_items: int = 50, max_length: int = 64) -> list[str]:
        value = self.data.get(key, [])
        if not isinstance(value, list):
            fail(f"{self._name(key)} must be a list, not {json_type(value)}")
        if len(value) > max_items:
            fail(f"{self._name(key)} may hold at most {max_items} entries")
        return [self._string(f"{key}[{i}]", item, max_length, False) for i, item in enumerate(value)]


def check_range(name: str, value: float, minimum: float | None, maximum: float | None) -> None:
    if minimum is not None and maximum is not None and not minimum <= value <= maximum:
        fail(f"{name} must be between {_n(minimum)} and {_n(maximum)} (got {_n(value)})")
    if minimum is not None and value < minimum:
        fail(f"{name} must be at least {_n(minimum)} (got {_n(value)})")
    if maximum is not None and value > maximum:
        fail(f"{name} must be at most {_n(maximum)} (got {_n(value)})")


def _n(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, Mapping):
        return "an object"
    return type(value).__name__
