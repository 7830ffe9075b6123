"""The sync's reasons, kept as English text, are recognised again as the sentences they were."""

from __future__ import annotations

import re

import pytest

from saveris_desktop.core.offline import reasons
from saveris_desktop.core.runtime.sentences import Sentence, recognised_sentence


@pytest.mark.parametrize("template", reasons.STORED)
def test_every_stored_reason_is_recognised_with_its_values(template: str) -> None:
    count = len(set(re.findall(r"%\d+", template)))
    values = ("measurement settings", "it holds a value: at 'a.b'")[:count]
    written = str(Sentence(template, *values))  # what the database gives back: only the text
    again = recognised_sentence(written, reasons.STORED)
    assert isinstance(again, Sentence)
    assert (again.template, tuple(again.values)) == (template, values)


def test_other_words_stay_as_they_are() -> None:
    server = "The server refused the change (name too long)."
    assert reasons.recognised(server) is server
    assert not isinstance(reasons.recognised("1 field was changed"), Sentence)  # a part is not enough


def test_a_value_used_twice_must_be_the_same() -> None:
    assert isinstance(recognised_sentence("a b a", ["%1 b %1"]), Sentence)
    assert not isinstance(recognised_sentence("a b c", ["%1 b %1"]), Sentence)
