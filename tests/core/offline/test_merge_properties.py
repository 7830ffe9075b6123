"""Properties of the three-way merge that must hold for every document, checked by hypothesis.

The example-based tests in test_merge.py name the cases we thought of; these generate documents of
the shapes the cloud sends (nested objects, lists of objects keyed by uuid, scalars incl. booleans)
and check the rules the sync relies on: a side that did not change never wins over one that did,
both sides making the same change is no conflict, and a conflict always offers all three values.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from saveris_desktop.core.offline.merge import (
    MISSING,
    Conflict,
    Side,
    diff,
    same_json,
    three_way_merge,
)

# Small alphabets, so that the three versions often touch the same fields.
_keys = st.sampled_from(["name", "cycle", "enabled", "unit", "limit"])
_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-2, 2),
    st.floats(allow_nan=False, allow_infinity=False, width=32).filter(lambda f: abs(f) < 1e6),
    st.sampled_from(["", "a", "b", "°C"]),
)


def _keyed_items(values: st.SearchStrategy[Any]) -> st.SearchStrategy[list[dict[str, Any]]]:
    """A list of objects with unique uuids, as the cloud lists sensors or channel configurations."""
    return st.lists(
        st.fixed_dictionaries({"uuid": st.sampled_from(["u1", "u2", "u3"])}, optional={"v": values}),
        max_size=3,
        unique_by=lambda item: item["uuid"],
    )


_values = st.recursive(
    _scalars,
    lambda children: st.one_of(
        st.dictionaries(_keys, children, max_size=3),
        st.lists(_scalars, max_size=3),
        _keyed_items(children),
    ),
    max_leaves=8,
)
# Scalars at the top level as often as nested values: most fields of the cloud's documents are.
documents = st.dictionaries(_keys, st.one_of(_scalars, _values), max_size=4)


def _look_alike(value: Any) -> st.SearchStrategy[Any]:
    """Values that Python's == mixes up with `value` but JSON does not (True is not 1, 0 is not False)."""
    if isinstance(value, bool):
        return st.sampled_from([int(value), float(value)])
    if isinstance(value, int | float) and value in (0, 1):
        return st.just(bool(value))
    return _values


@st.composite
def _edit_of(draw: st.DrawFn, base: dict[str, Any]) -> dict[str, Any]:
    """`base` with some fields kept, some removed, some replaced (often by a look-alike), some added."""
    edited: dict[str, Any] = {}
    for key, value in base.items():
        action = draw(st.sampled_from(["keep", "remove", "replace", "look-alike", "look-alike"]))
        if action == "keep":
            edited[key] = value
        elif action == "replace":
            edited[key] = draw(_values)
        elif action == "look-alike":
            edited[key] = draw(_look_alike(value))
    edited.update(draw(st.dictionaries(_keys, _values, max_size=2)))
    return edited


@st.composite
def versions(draw: st.DrawFn) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """(base, mine, server): two edits of one base, as a technician and the cloud make them."""
    base = draw(documents)
    return base, draw(_edit_of(base)), draw(_edit_of(base))


_property_settings = settings(max_examples=150, deadline=None)


def _keyed_lists_sorted(value: Any) -> Any:
    """The document with lists of uuid-keyed objects in uuid order.

    Where both sides added different items to a keyed list, both are kept; the order of the items
    added on the two sides is not defined, so the mirror property compares up to that order.
    """
    if isinstance(value, dict):
        return {k: _keyed_lists_sorted(v) for k, v in value.items()}
    if isinstance(value, list):
        items = [_keyed_lists_sorted(v) for v in value]
        if items and all(isinstance(i, dict) and "uuid" in i for i in items):
            return sorted(items, key=lambda i: str(i["uuid"]))
        return items
    return value


def _resolve_all(base: Any, mine: Any, server: Any, side: Side) -> Any:
    result = three_way_merge(base, mine, server)
    return result.resolve({conflict.path: side for conflict in result.conflicts})


@_property_settings
@given(edit=versions())
def test_a_server_that_did_not_change_takes_every_edit(edit: tuple[dict[str, Any], ...]) -> None:
    base, mine, _ = edit
    result = three_way_merge(base, mine, base)
    assert result.clean
    assert same_json(result.merged, mine)


@_property_settings
@given(edit=versions())
def test_an_untouched_edit_takes_every_server_change(edit: tuple[dict[str, Any], ...]) -> None:
    base, _, server = edit
    result = three_way_merge(base, base, server)
    assert result.clean
    assert same_json(result.merged, server)


@_property_settings
@given(edit=versions())
def test_the_same_change_on_both_sides_is_no_conflict(edit: tuple[dict[str, Any], ...]) -> None:
    base, both, _ = edit
    result = three_way_merge(base, both, both)
    assert result.clean
    assert same_json(result.merged, both)


@_property_settings
@given(edit=versions())
def test_every_conflict_is_a_real_disagreement(edit: tuple[dict[str, Any], ...]) -> None:
    base, mine, server = edit
    """A conflict offers three values where mine and the server's differ and both left the base."""
    for conflict in three_way_merge(base, mine, server).conflicts:
        assert not same_json(conflict.mine, conflict.server), conflict
        assert not same_json(conflict.mine, conflict.base), conflict
        assert not same_json(conflict.server, conflict.base), conflict
        assert Conflict.from_json(conflict.to_json()) == conflict


@_property_settings
@given(edit=versions())
def test_choosing_mine_everywhere_is_the_mirror_of_choosing_the_server(
    edit: tuple[dict[str, Any], ...],
) -> None:
    """Swapping the sides and the choices gives the same document: neither side is favoured."""
    base, mine, server = edit
    mine_wins = _resolve_all(base, mine, server, Side.MINE)
    mirrored = _resolve_all(base, server, mine, Side.SERVER)
    assert same_json(_keyed_lists_sorted(mine_wins), _keyed_lists_sorted(mirrored))


@_property_settings
@given(edit=versions())
def test_no_edit_is_lost_when_mine_wins_every_conflict(edit: tuple[dict[str, Any], ...]) -> None:
    """Every field the technician changed ends up as typed once mine is chosen at each conflict."""
    base, mine, server = edit
    resolved = _resolve_all(base, mine, server, Side.MINE)
    for key in mine.keys() | base.keys():
        changed_here = not same_json(mine.get(key, MISSING), base.get(key, MISSING))
        if changed_here and not isinstance(mine.get(key), dict | list):
            assert same_json(resolved.get(key, MISSING), mine.get(key, MISSING)), key


@_property_settings
@given(edit=versions())
def test_diff_is_empty_exactly_for_equal_documents(edit: tuple[dict[str, Any], ...]) -> None:
    before, after, _ = edit
    assert (diff(before, after) == []) == same_json(before, after)


@_property_settings
@given(base=documents, mine_fields=documents, server_fields=documents)
def test_changes_to_different_fields_merge_cleanly(
    base: dict[str, Any], mine_fields: dict[str, Any], server_fields: dict[str, Any]
) -> None:
    """The technician edits some fields, the cloud others: both edits are kept, nobody is asked."""
    server_only = {k: v for k, v in server_fields.items() if k not in mine_fields}
    mine = {**base, **mine_fields}
    server = {**base, **server_only}
    result = three_way_merge(base, mine, server)
    assert result.clean
    assert same_json(result.merged, {**base, **mine_fields, **server_only})
