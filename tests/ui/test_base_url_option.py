"""A malformed --base-url on the command line: one sentence on stderr, exit status 2, no traceback."""

from __future__ import annotations

import subprocess
import sys

import pytest

from saveris_desktop.app import parse_options


@pytest.mark.parametrize(
    ("url", "sentence"),
    [
        ("https://example.com:99999", "The port after ':' must be a number from 1 to 65535, not '99999'."),
        ("https://example.com:abc", "The port after ':' must be a number from 1 to 65535, not 'abc'."),
        ("http://[::1]evil.com", "After the IPv6 address [::1] only ':port' may follow, not 'evil.com'."),
        ("https://[::1", "is not a web address: '[' and ']' may only enclose an IPv6 address."),
        ("https://exa mple.com", "The server address must not contain spaces, tabs or line breaks."),
        ("", "The server address is empty."),
    ],
)
def test_parse_options_exits_2_with_the_sentence(url: str, sentence: str, capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        parse_options(["--base-url", url])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert sentence in err and "Traceback" not in err


def test_the_started_program_says_it_in_one_sentence() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "saveris_desktop", "--base-url", "https://[::1"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert "error: 'https://[::1' is not a web address" in done.stderr
