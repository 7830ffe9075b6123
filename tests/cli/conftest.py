"""Run `saveris-cli` in-process through its main(argv), the way the console script does."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from saveris_desktop.cli.main import PASSWORD_ENV, USER_ENV, main
from saveris_desktop.core.runtime.languages import LOCALE_VARIABLES


@dataclass
class Ran:
    code: int
    out: str
    err: str

    def json(self) -> object:
        import json

        return json.loads(self.out)


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No password, user or language from the developer's shell (the CLI speaks English unless a
    test sets LANG); the CLI's log handlers end with the test."""
    monkeypatch.delenv(PASSWORD_ENV, raising=False)
    monkeypatch.delenv(USER_ENV, raising=False)
    for variable in LOCALE_VARIABLES:
        monkeypatch.delenv(variable, raising=False)
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in [h for h in root.handlers if h not in handlers]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    def run(*argv: str) -> Ran:
        code = main(list(argv))
        captured = capsys.readouterr()
        return Ran(code, captured.out, captured.err)

    return run
