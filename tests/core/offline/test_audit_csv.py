"""CSV export of the audit log: no cell is run as a formula by Excel or LibreOffice."""

from __future__ import annotations

import csv
import io

import pytest

from saveris_desktop.core.offline.audit import AuditEntry, entries_to_csv


def _exported_user_cell(user: str) -> str:
    entry = AuditEntry(
        1, "2026-01-01T00:00:00.000+00:00", user, "EU", "Site", "device", "d", None, None, "ok", None
    )
    header, row = list(csv.reader(io.StringIO(entries_to_csv([entry]))))
    return row[header.index("user")]


@pytest.mark.parametrize(
    "user",
    [
        '=HYPERLINK("http://evil")',
        "+1+1",
        "-2+3",
        "@SUM(A1)",
        " =1+1",  # leading space
        "\u00a0=1+1",  # no-break space
        "\u200b=1+1",  # zero-width space
        "\ufeff=1+1",  # byte order mark
        "\n=1+1",  # line feed
        " \t\u3000\u2060=1",  # blanks and a word joiner in a row
        "\uff1d1+1",  # full-width equals sign
        "\uff0b1",
        "\uff0d1",
        "\uff20SUM(A1)",
        "\ufe661",  # small equals sign
        "\tplain",
        "\rplain",
    ],
)
def test_a_cell_that_would_start_a_formula_is_made_text(user: str) -> None:
    assert _exported_user_cell(user) == "'" + user


@pytest.mark.parametrize("user", ["tech@example.com", "a=b", "Fridge -5 °C", "", " plain", "\u00a0Müller"])
def test_ordinary_cells_are_left_alone(user: str) -> None:
    assert _exported_user_cell(user) == user
