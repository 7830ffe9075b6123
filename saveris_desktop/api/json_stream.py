"""Read one large array of a JSON object element by element.

A site's device listing can be megabytes of JSON. `json.loads` holds the GIL for the whole body
(about 100 ms for 5,000 devices), so neither the event loop nor a worker thread helps. Decoding the
array one element at a time with the stdlib's C scanner (`JSONDecoder.raw_decode`) lets the caller
yield to the event loop between batches, and the UI stays responsive.
"""

from __future__ import annotations

import json
import re
from collections.abc import Generator, Iterator
from typing import Any

_decoder = json.JSONDecoder()
_whitespace = re.compile(r"[ \t\n\r]*")


class JsonShapeError(ValueError):
    """Valid JSON so far, but not the expected shape; `field` names where."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem


def _skip(text: str, pos: int) -> int:
    match = _whitespace.match(text, pos)
    return match.end() if match else pos


def _expect(text: str, pos: int, allowed: str) -> str:
    char = text[pos : pos + 1]
    if not char or char not in allowed:
        raise json.JSONDecodeError(f"expected one of {allowed!r}", text, pos)
    return char


def iter_array_member(text: str, key: str) -> Iterator[Any]:
    """Yield the elements of `document[key]`, where `document` is the JSON object in `text`.

    See iter_array_member_text for the errors.
    """
    for item, _ in iter_array_member_text(text, key):
        yield item


def iter_array_member_text(text: str, key: str) -> Iterator[tuple[Any, str]]:
    """Yield each element of `document[key]` decoded, with its JSON text exactly as in `text`.

    Raises json.JSONDecodeError for malformed JSON (possibly after some elements were yielded, so
    callers must not act on the elements before the iterator is exhausted) and JsonShapeError when
    the document is not an object, `key` is missing or repeated, or its value is not an array.
    """
    pos = _skip(text, 0)
    if text[pos : pos + 1] != "{":
        _decoder.raw_decode(text, pos)  # malformed JSON raises JSONDecodeError first
        raise JsonShapeError("body", "not a JSON object")
    pos = _skip(text, pos + 1)
    found = False
    if text[pos : pos + 1] != "}":
        while True:
            name, pos = _decoder.raw_decode(text, pos)
            if not isinstance(name, str):
                raise json.JSONDecodeError("object keys must be strings", text, pos)
            pos = _skip(text, pos)
            _expect(text, pos, ":")
            pos = _skip(text, pos + 1)
            if name == key:
                if found:
                    raise JsonShapeError(key, "appears twice")
                found = True
                if text[pos : pos + 1] != "[":
                    _decoder.raw_decode(text, pos)
                    raise JsonShapeError(key, "not a list")
                pos = yield from _iter_array(text, pos)
            else:
                _, pos = _decoder.raw_decode(text, pos)
            pos = _skip(text, pos)
            if _expect(text, pos, ",}") == "}":
                break
            pos = _skip(text, pos + 1)
    pos = _skip(text, pos + 1)
    if pos != len(text):
        raise json.JSONDecodeError("extra data after the JSON object", text, pos)
    if not found:
        raise JsonShapeError(key, "missing")


def _iter_array(text: str, pos: int) -> Generator[tuple[Any, str], None, int]:
    """Yield the elements of the array starting at `text[pos] == '['` with their text; return the
    position after it."""
    pos = _skip(text, pos + 1)
    if text[pos : pos + 1] == "]":
        return pos + 1
    while True:
        start = pos
        item, pos = _decoder.raw_decode(text, pos)
        yield item, text[start:pos]
        pos = _skip(text, pos)
        if _expect(text, pos, ",]") == "]":
            return pos + 1
        pos = _skip(text, pos + 1)
