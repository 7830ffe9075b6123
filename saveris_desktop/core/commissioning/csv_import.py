"""A commissioning plan from CSV, as spreadsheets really write it.

- A header row names the columns: at least `serial,object,preset`, optionally `logger_name`,
  `measuring_cycle`, `communication_cycle`, in any order and case (spaces and hyphens read as
  underscores, so "Logger name" works).
- Comma or semicolon separated: German Excel writes `;` because `,` is its decimal sign. The
  separator is the one of the two found in the header outside quotes.
- UTF-8 with or without a byte order mark (Excel's "CSV UTF-8" writes one), quoted fields (a quote
  doubled inside), CRLF or LF line ends, blank lines anywhere.

Every problem is reported with its line (as a text editor counts them, from 1: the header is line
1) and column, in words; nothing is imported until the whole file is valid (`PlanImportError`
carries them all).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from saveris_desktop.core.commissioning.plan import (
    COLUMN_WORDS,
    COLUMNS,
    REQUIRED_COLUMNS,
    Column,
    PlanRow,
    row_problems,
)
from saveris_desktop.core.runtime.sentences import QT_TRANSLATE_NOOP, Sentence

MAX_CSV_BYTES = 2_000_000  # a plan of thousands of loggers fits; a wrong file is refused quickly


@dataclass(frozen=True)
class ImportProblem:
    line: int
    column: int | None  # 1-based position in the file's header; None: about the whole line or file
    column_name: str | None
    message: str

    def __str__(self) -> str:
        """ "line 7, column 1 (serial): …" (a Sentence: the window and the CLI show it translated)."""
        line = str(self.line)
        if self.column is None:
            return Sentence(QT_TRANSLATE_NOOP("CoreSentences", "line %1: %2"), line, self.message)
        if self.column_name is None:
            return Sentence(
                QT_TRANSLATE_NOOP("CoreSentences", "line %1, column %2: %3"),
                line,
                str(self.column),
                self.message,
            )
        return Sentence(
            QT_TRANSLATE_NOOP("CoreSentences", "line %1, column %2 (%3): %4"),
            line,
            str(self.column),
            self.column_name,
            self.message,
        )

    def to_dict(self) -> dict[str, object]:
        return {
            "line": self.line,
            "column": self.column,
            "column_name": self.column_name,
            "message": self.message,
        }


class PlanImportError(ValueError):
    """The file cannot be imported; `problems` lists every reason found."""

    def __init__(self, problems: Sequence[ImportProblem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def _header_name(text: str) -> str:
    return "_".join(text.strip().lower().replace("-", " ").split())


def decode(data: bytes) -> str:
    if len(data) > MAX_CSV_BYTES:
        raise PlanImportError(
            [
                ImportProblem(
                    1,
                    None,
                    None,
                    Sentence(
                        QT_TRANSLATE_NOOP("CoreSentences", "The file is larger than %1 MB; is it a plan?"),
                        str(MAX_CSV_BYTES // 1_000_000),
                    ),
                )
            ]
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise PlanImportError(
            [
                ImportProblem(
                    line,
                    None,
                    None,
                    Sentence(
                        QT_TRANSLATE_NOOP(
                            "CoreSentences",
                            "The file is not UTF-8 text; save it from the spreadsheet as 'CSV UTF-8'.",
                        )
                    ),
                )
            ]
        ) from None


def _separator(header_line: str) -> str:
    outside = []
    quoted = False
    for ch in header_line:
        if ch == '"':
            quoted = not quoted
        elif not quoted:
            outside.append(ch)
    text = "".join(outside)
    return ";" if text.count(";") > text.count(",") else ","


def parse_plan_csv(text: str, template_names: Iterable[str] = ()) -> list[PlanRow]:
    """The rows of a plan; PlanImportError with every problem (line and column) if any."""
    lines = text.splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        empty = Sentence(QT_TRANSLATE_NOOP("CoreSentences", "The file is empty; a plan needs a header row."))
        raise PlanImportError([ImportProblem(1, None, None, empty)])
    separator = _separator(lines[first])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True)
    records: list[tuple[int, list[str]]] = []
    try:
        for fields in reader:
            records.append((reader.line_num, fields))
    except csv.Error as error:
        raise PlanImportError(
            [
                ImportProblem(
                    reader.line_num,
                    None,
                    None,
                    Sentence(
                        QT_TRANSLATE_NOOP("CoreSentences", "The line cannot be read as CSV (%1)."), str(error)
                    ),
                )
            ]
        ) from None
    # reader.line_num is the last physical line of a record; a quoted field may span several
    records = [(line, fields) for line, fields in records if any(f.strip() for f in fields)]
    header_line, header = records[0]
    names = [_header_name(h) for h in header]
    problems: list[ImportProblem] = []
    known = {c.value for c in COLUMNS}
    positions: dict[Column, int] = {}
    for position, name in enumerate(names):
        if name in known:
            column = Column(name)
            if column in positions:
                problems.append(
                    ImportProblem(
                        header_line,
                        position + 1,
                        name,
                        Sentence(QT_TRANSLATE_NOOP("CoreSentences", "the column '%1' appears twice."), name),
                    )
                )
            positions[column] = position
        elif name:
            expected = ", ".join(c.value for c in COLUMNS)
            problems.append(
                ImportProblem(
                    header_line,
                    position + 1,
                    header[position].strip(),
                    Sentence(QT_TRANSLATE_NOOP("CoreSentences", "unknown column; expected %1."), expected),
                )
            )
    missing = [c.value for c in REQUIRED_COLUMNS if c not in positions]
    if missing:
        problems.append(
            ImportProblem(
                header_line,
                None,
                None,
                Sentence(
                    QT_TRANSLATE_NOOP(
                        "CoreSentences",
                        "the header row must name the columns %1 (a plan needs at least serial, object, "
                        "preset).",
                    ),
                    ", ".join(missing),
                ),
            )
        )
    if problems:
        raise PlanImportError(problems)
    rows: list[PlanRow] = []
    line_of: list[int] = []
    for line, fields in records[1:]:
        if len(fields) > len(header) and any(f.strip() for f in fields[len(header) :]):
            problems.append(
                ImportProblem(
                    line,
                    len(header) + 1,
                    None,
                    Sentence(
                        QT_TRANSLATE_NOOP(
                            "CoreSentences",
                            "%1 fields where the header has %2; is a separator inside an unquoted value?",
                        ),
                        str(len(fields)),
                        str(len(header)),
                    ),
                )
            )
            continue
        values = {
            column.value: fields[pos].strip() if pos < len(fields) else ""
            for column, pos in positions.items()
        }
        rows.append(PlanRow(**values))
        line_of.append(line)
    line_words = QT_TRANSLATE_NOOP("CoreSentences", "line %1")
    for problem in row_problems(
        rows, template_names, position=lambda index: Sentence(line_words, str(line_of[index]))
    ):
        column = problem.column
        message = problem.message
        if column is Column.SERIAL and message.startswith("'"):
            message = Sentence(QT_TRANSLATE_NOOP("CoreSentences", "serial %1"), message)
        problems.append(
            ImportProblem(
                line_of[problem.row], positions[column] + 1, COLUMN_WORDS[column], _lower_first(message)
            )
        )
    if problems:
        problems.sort(key=lambda p: (p.line, p.column or 0))
        raise PlanImportError(problems)
    if not rows:
        raise PlanImportError(
            [
                ImportProblem(
                    header_line,
                    None,
                    None,
                    Sentence(QT_TRANSLATE_NOOP("CoreSentences", "The file has a header but no loggers.")),
                )
            ]
        )
    return rows


def _lower_first(message: str) -> str:
    """ "The same serial" reads "line 5, column 1 (serial): the same serial"; "GPS ..." stays."""
    return Sentence.lower_first(message)


def read_plan_csv(data: bytes, template_names: Iterable[str] = ()) -> list[PlanRow]:
    return parse_plan_csv(decode(data), template_names)
