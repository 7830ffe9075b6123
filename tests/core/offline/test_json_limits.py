"""core.offline.json_limits: the one check for JSON from outside (imports, the cloud's answers)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from saveris_desktop.core.offline.json_limits import (
    MAX_DEPTH,
    MAX_INTEGER,
    UnsafeJsonError,
    check_json,
    loads_checked,
)


def nested(depth: int) -> Any:
    """`depth` objects, one inside the other."""
    value: Any = 1
    for _ in range(depth):
        value = {"a": value}
    return value


def test_the_limits_are_inclusive() -> None:
    check_json(nested(MAX_DEPTH))
    check_json([MAX_INTEGER, -MAX_INTEGER, 1.5e308, "x" * 100_000, None, True])
    check_json(nested(5), max_depth=5)


@pytest.mark.parametrize(
    ("value", "problem", "where"),
    [
        ({"a": nested(MAX_DEPTH)}, "nested more than 64 levels deep", "a.a.a.a.a.a.…"),
        ({"limits": [1, float("nan")]}, "not finite", "limits.1"),
        ([float("-inf")], "not finite", "0"),
        ({"n": MAX_INTEGER + 1}, "number too large", "n"),
        ({"t": "x" * 100_001}, "longer than 100,000 characters", "t"),
        ({"t": "\ud800"}, "not valid Unicode", "t"),
        ({"\udc00": 1}, "not valid Unicode", ""),
        ({1: "x"}, "field name that is not text", ""),
        ({"b": b"bytes"}, "not JSON (bytes)", "b"),
        ({"s": {1, 2}}, "not JSON (set)", "s"),
    ],
)
def test_what_is_refused_and_where(value: Any, problem: str, where: str) -> None:
    with pytest.raises(UnsafeJsonError) as refused:
        check_json(value)
    assert problem in refused.value.problem
    assert refused.value.where == where


def test_too_many_values() -> None:
    with pytest.raises(UnsafeJsonError, match="more than 1,000 values"):
        check_json(list(range(1000)), max_nodes=1000)


def test_a_check_never_recurses() -> None:
    value: Any = "bottom"
    for _ in range(100_000):
        value = [value]
    with pytest.raises(UnsafeJsonError, match="nested more than"):
        check_json(value)


def test_loads_accepts_one_byte_order_mark_and_refuses_duplicates_and_constants() -> None:
    assert loads_checked(b'\xef\xbb\xbf{"a": [1, 2.5]}') == {"a": [1, 2.5]}
    with pytest.raises(UnsafeJsonError, match="'a' twice"):
        loads_checked(b'{"a": 1, "b": {"a": 1}, "a": 2}')
    with pytest.raises(UnsafeJsonError, match="'Infinity'"):
        loads_checked(b"[Infinity]")


_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text() | st.binary(max_size=3),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(st.text(max_size=3) | st.integers(), children, max_size=3)
    ),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(_values)
def test_any_value_is_accepted_or_refused_with_the_one_error(value: Any) -> None:
    try:
        check_json(value, max_depth=4)
    except UnsafeJsonError as error:
        assert error.reason.startswith("it ")


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200))
def test_any_bytes_parse_or_are_refused_with_the_one_error(data: bytes) -> None:
    try:
        loads_checked(data)
    except UnsafeJsonError as error:
        assert error.reason.startswith("it ")


def test_a_field_name_with_a_line_break_is_shown_escaped_on_one_line() -> None:
    with pytest.raises(UnsafeJsonError) as caught:
        check_json({"a\nb": 10**30})
    assert "\n" not in str(caught.value) and "a\\nb" in str(caught.value)
