from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from saveris_desktop.core.runtime import heap


@pytest.fixture(autouse=True)
def restore_collector() -> Iterator[None]:
    threshold = gc.get_threshold()
    yield
    gc.set_threshold(*threshold)
    gc.unfreeze()


def test_tune_makes_full_passes_rare() -> None:
    heap.tune()
    assert gc.get_threshold()[2] == heap.FULL_PASS_EVERY


def test_settle_freezes_what_is_alive() -> None:
    gc.unfreeze()
    kept = [{"device": i} for i in range(1000)]
    heap.settle()
    assert gc.get_freeze_count() >= len(kept)


def test_collect_everything_frees_cycles_among_frozen_objects() -> None:
    class Node:
        def __init__(self) -> None:
            self.partner: Node | None = None

    collected: list[str] = []
    first, second = Node(), Node()
    first.partner, second.partner = second, first
    import weakref

    weakref.finalize(first, collected.append, "cycle freed")
    heap.settle()
    del first, second
    gc.collect()
    assert collected == []  # frozen: an ordinary collection leaves the cycle alone
    heap.collect_everything()
    assert collected == ["cycle freed"]
