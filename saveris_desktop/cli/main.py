"""Command line of `saveris-cli`: options, exit codes, where the password comes from, output.

The commands themselves are in commands.py, imported only when one runs (it pulls in httpx,
pydantic and the core), so `--help` and a usage error answer without that start-up cost.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Sequence
from enum import IntEnum
from typing import Any, NoReturn, TextIO

from saveris_desktop import APP_NAME
from saveris_desktop.cli.words import LANGUAGE_OPTION, QT_TRANSLATE_NOOP, choose_language, say
from saveris_desktop.core.runtime import languages, translations

PROG = "saveris-cli"
PASSWORD_ENV = "SAVERIS_PASSWORD"  # noqa: S105 - the variable's name, not a password
USER_ENV = "SAVERIS_USER"

REGIONS = ("eu", "am", "ap")  # api.regions.Region values (imported lazily; a test keeps them in step)
ENVIRONMENTS = ("p", "i")
PRESET_KEYS = ("fridge", "freezer", "room", "humidity")  # core.devices.presets keys (kept in step by a test)
DEMO_LOGGER_KINDS = ("qsr_temperature", "qsr_temperature_humidity", "saveris2", "gateway_164")


class Exit(IntEnum):
    OK = 0
    UNEXPECTED = 1
    USAGE = 2
    SIGN_IN_REFUSED = 3
    OFFLINE = 4
    REFUSED = 5
    TIMEOUT = 6
    IN_USE = 7


def exit_codes_help() -> str:
    return say(
        QT_TRANSLATE_NOOP(
            "Cli",
            """exit codes:
  0  done (check-api: everything the app needs works)
  1  anything unforeseen: the cloud failed (5xx), an answer that cannot be read, a bug
     (details in the log file)
  2  usage: an unknown option, or a value that cannot be read (a duration, a --channel, a site name,
     a plan file with problems)
  3  sign-in refused: wrong user name or password, or the account may not use this API
  4  no connection to the cloud (offline, DNS, TLS, timeout)
  5  refused: the cloud refused the request or its values (unknown site, no permission, not offered),
     or a value outside what the logger accepts; nothing was changed by the refused step;
     plan apply: a planned logger needs attention
  6  devices wait, plan apply --wait: the loggers did not appear (or were not configured)
     within --timeout
  7  plan apply: the app is running on the same data folder (it holds its drafts and queued
     changes; the command waited 10 s for it); close the app, or apply the plan in the app
  130 stopped with Ctrl+C

password: from the environment variable SAVERIS_PASSWORD, else the password the app remembered
  for this user and server (OS keyring), else a hidden prompt. Never on the command line.
user: --user, else the environment variable SAVERIS_USER (--demo: the demo account).
--demo keeps its simulated cloud in the data folder (demo-cli-simulator.json), so commands build on
  each other; `demo add-logger` plays a logger joining a site, as the app's Virtual logger panel does.
language: --lang, else the system's (LC_ALL, LC_MESSAGES, LANG); English where the app has no
  translation. --json keeps its keys and values in English for scripts.
""",
        )
    )


class CliError(Exception):
    """Ends the command: `message` (one sentence, already in the chosen language) on stderr, `code`
    as the exit status."""

    def __init__(self, code: Exit, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class _HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """argparse's layout, with its "usage:" in the chosen language."""

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        # (argparse passes "" when it builds a sub-command's name from the usage: kept as it is)
        if prefix is None:
            prefix = say(QT_TRANSLATE_NOOP("Cli", "usage: "))
        super().add_usage(usage, actions, groups, prefix)


#: argparse's own complaints (English, worded by the Python version), as sentences in the chosen
#: language: the pattern, and the message with the pattern's groups as %1, %2 … (English keeps
#: argparse's own words).
_ARGPARSE_MESSAGES: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"the following arguments are required: (.+)"),
        QT_TRANSLATE_NOOP("Cli", "the following arguments are required: %1"),
    ),
    (
        re.compile(r"argument (.+?): invalid choice: '?(.*?)'? \(choose from (.+)\)"),
        QT_TRANSLATE_NOOP("Cli", "argument %1: invalid choice: “%2” (choose from %3)"),
    ),
    (
        re.compile(r"argument (.+?): expected one argument"),
        QT_TRANSLATE_NOOP("Cli", "argument %1: expected one argument"),
    ),
    (
        re.compile(r"argument (.+?): invalid (?:int|float) value: '?(.*?)'?"),
        QT_TRANSLATE_NOOP("Cli", "argument %1: “%2” is not a number"),
    ),
    (
        re.compile(r"ambiguous option: (.+?) could match (.+)"),
        QT_TRANSLATE_NOOP("Cli", "ambiguous option: %1 could match %2"),
    ),
)


def argparse_message(message: str) -> str:
    """argparse's `message` in the chosen language where it is one of the known ones."""
    if translations.active().code == languages.SOURCE_LANGUAGE:
        return message
    for pattern, template in _ARGPARSE_MESSAGES:
        match = pattern.fullmatch(message)
        if match:
            return say(template, *match.groups())
    return message


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one sentence (and the hint where to read more), exit 2, and
    every text of the help is in the chosen language."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _HelpFormatter)
        kwargs["add_help"] = False  # its own -h below, with a translated help text
        super().__init__(*args, **kwargs)
        # argparse's own headings and -h, in the chosen language (argparse words them in English)
        self._positionals.title = say(QT_TRANSLATE_NOOP("Cli", "positional arguments"))
        self._optionals.title = say(QT_TRANSLATE_NOOP("Cli", "options"))
        self.add_argument(
            "-h", "--help", action="help", help=say(QT_TRANSLATE_NOOP("Cli", "show this help and exit"))
        )

    def error(self, message: str) -> NoReturn:
        prefix = "unrecognized arguments: "
        if message.startswith(prefix):
            # Never echo the stray words: one of them may be a password typed after "--password".
            words = message[len(prefix) :].split()
            options = [w.split("=")[0] for w in words if w.startswith("-")]
            if any("pass" in option.lower() for option in options):
                message = say(
                    QT_TRANSLATE_NOOP(
                        "Cli",
                        "a password is never given on the command line; set $%1 or type it when asked",
                    ),
                    PASSWORD_ENV,
                )
            elif options:
                message = say(QT_TRANSLATE_NOOP("Cli", "unknown option(s): %1"), " ".join(options))
            else:
                message = say(
                    QT_TRANSLATE_NOOP("Cli", "%1 unexpected word(s) on the command line"), len(words)
                )
        else:
            message = argparse_message(message)
        sentence = (
            message[0].upper() + message[1:]
            if message
            else say(QT_TRANSLATE_NOOP("Cli", "The command line is not complete"))
        )
        sentence = sentence.rstrip(".")
        self.exit(
            Exit.USAGE,
            say(QT_TRANSLATE_NOOP("Cli", "%1: %2. See '%3 --help'."), PROG, sentence, self.prog) + "\n",
        )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description=say(
            QT_TRANSLATE_NOOP(
                "Cli",
                "%1 without a window: the first contact with the cloud, sites, loggers and measuring "
                "objects, with the same rules as the app.",
            ),
            APP_NAME,
        ),
        epilog=exit_codes_help(),
    )
    server = parser.add_argument_group(say(QT_TRANSLATE_NOOP("Cli", "server (default: --region eu --env p)")))
    server.add_argument(
        "--region",
        choices=REGIONS,
        help=say(QT_TRANSLATE_NOOP("Cli", "eu (Europe), am (Americas) or ap (Asia-Pacific)")),
    )
    server.add_argument(
        "--env",
        dest="environment",
        choices=ENVIRONMENTS,
        help=say(QT_TRANSLATE_NOOP("Cli", "p (production), i (integration)")),
    )
    server.add_argument(
        "--base-url",
        help=say(QT_TRANSLATE_NOOP("Cli", "another server (https; plain http only for 127.0.0.1/localhost)")),
    )
    server.add_argument(
        "--demo",
        action="store_true",
        help=say(QT_TRANSLATE_NOOP("Cli", "the built-in simulator of the app's demo mode")),
    )
    parser.add_argument(
        "--user", help=say(QT_TRANSLATE_NOOP("Cli", "the API account's user name (else $%1)"), USER_ENV)
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help=say(QT_TRANSLATE_NOOP("Cli", "machine-readable results on stdout")),
    )
    parser.add_argument(
        LANGUAGE_OPTION,
        choices=languages.language_codes(),
        help=say(QT_TRANSLATE_NOOP("Cli", "the language of the messages (default: the system's)")),
    )
    from saveris_desktop import __version__

    parser.add_argument(
        "--version",
        action="version",
        version=f"{PROG} {__version__}",
        help=say(QT_TRANSLATE_NOOP("Cli", "show the version and exit")),
    )

    commands = parser.add_subparsers(
        dest="command",
        metavar="COMMAND",
        parser_class=_Parser,
        title=say(QT_TRANSLATE_NOOP("Cli", "commands")),
    )
    commands.required = True

    check = commands.add_parser(
        "check-api",
        help=say(
            QT_TRANSLATE_NOOP("Cli", "first-contact report; exit 0 only if everything the app needs works")
        ),
        description=say(
            QT_TRANSLATE_NOOP(
                "Cli",
                "Sign in, read the site's devices, probe the reads testo does not document (reads only, "
                "nothing is changed) and write a shape report for support (no secrets).",
            )
        ),
    )
    check.add_argument(
        "--site",
        help=say(
            QT_TRANSLATE_NOOP("Cli", "an existing site to check (without it only the sign-in is checked)")
        ),
    )
    check.add_argument(
        "--report", help=say(QT_TRANSLATE_NOOP("Cli", "where to write the report (default: the data folder)"))
    )

    site = commands.add_parser("site", help=say(QT_TRANSLATE_NOOP("Cli", "sites"))).add_subparsers(
        dest="site_command", metavar="SITE_COMMAND", parser_class=_Parser
    )
    site.required = True
    create = site.add_parser(
        "create",
        help=say(
            QT_TRANSLATE_NOOP("Cli", "create a site (or take the existing one) and print its connect key")
        ),
    )
    create.add_argument("name", metavar="NAME")
    create.add_argument(
        "--timezone", help=say(QT_TRANSLATE_NOOP("Cli", "the site's IANA time zone, e.g. Europe/Berlin"))
    )
    create.add_argument(
        "--qr",
        action="store_true",
        help=say(QT_TRANSLATE_NOOP("Cli", "also print the connect key as a QR code")),
    )

    devices = commands.add_parser(
        "devices", help=say(QT_TRANSLATE_NOOP("Cli", "the loggers of a site"))
    ).add_subparsers(dest="devices_command", metavar="DEVICES_COMMAND", parser_class=_Parser)
    devices.required = True
    listing = devices.add_parser(
        "list",
        help=say(QT_TRANSLATE_NOOP("Cli", "one line per logger: serial, model, firmware, sensors, status")),
    )
    listing.add_argument("--site", required=True)
    wait = devices.add_parser(
        "wait", help=say(QT_TRANSLATE_NOOP("Cli", "wait until new loggers appear (progress on stderr)"))
    )
    wait.add_argument("--site", required=True)
    wait.add_argument(
        "--new",
        type=int,
        default=1,
        metavar="N",
        help=say(QT_TRANSLATE_NOOP("Cli", "how many new loggers (default 1)")),
    )
    wait.add_argument(
        "--timeout",
        type=float,
        default=600.0,
        metavar="SECONDS",
        help=say(QT_TRANSLATE_NOOP("Cli", "give up after this long (default 600)")),
    )

    device = commands.add_parser("device", help=say(QT_TRANSLATE_NOOP("Cli", "one logger"))).add_subparsers(
        dest="device_command", metavar="DEVICE_COMMAND", parser_class=_Parser
    )
    device.required = True
    settings = device.add_parser(
        "set", help=say(QT_TRANSLATE_NOOP("Cli", "change a logger's name or cycles (PUT /devices/{uuid})"))
    )
    settings.add_argument(
        "serial", metavar="SERIAL", help=say(QT_TRANSLATE_NOOP("Cli", "the logger's serial number"))
    )
    settings.add_argument("--site", required=True)
    settings.add_argument("--name", help=say(QT_TRANSLATE_NOOP("Cli", "the logger's name")))
    settings.add_argument(
        "--measuring-cycle", metavar="DURATION", help=say(QT_TRANSLATE_NOOP("Cli", "e.g. 30s, 5min, 1h"))
    )
    settings.add_argument(
        "--communication-cycle", metavar="DURATION", help=say(QT_TRANSLATE_NOOP("Cli", "e.g. 15min, 24h"))
    )

    obj = commands.add_parser(
        "object", help=say(QT_TRANSLATE_NOOP("Cli", "measuring objects"))
    ).add_subparsers(dest="object_command", metavar="OBJECT_COMMAND", parser_class=_Parser)
    obj.required = True
    new = obj.add_parser(
        "create",
        help=say(
            QT_TRANSLATE_NOOP("Cli", "create a measuring object with logical channels (and an alarm preset)")
        ),
        description=say(
            QT_TRANSLATE_NOOP(
                "Cli",
                "SLOT counts from 1 as the app shows it; CHANNEL is the sensor channel's number (from 1) or "
                "its name, e.g. Temperature. MEASURES (optional) says what the channel measures: "
                "temperature, humidity, door state, ...; where the cloud does not let us read the sensor's "
                "channels (a server with testo's documented operations only), give CHANNEL as a number and "
                'MEASURES, e.g. "Inside=61100042:1:1:temperature"; the cloud checks it. Where the channels '
                "can be read, MEASURES is checked against them.",
            )
        ),
    )
    new.add_argument("--site", required=True)
    new.add_argument("--name", required=True, help=say(QT_TRANSLATE_NOOP("Cli", "e.g. Fridge 3")))
    new.add_argument(
        "--channel",
        action="append",
        required=True,
        metavar="LOGICAL=SERIAL:SLOT:CHANNEL[:MEASURES]",
        help=say(
            QT_TRANSLATE_NOOP(
                "Cli",
                'e.g. "Inside=61100042:1:Temperature" or "Inside=61100042:1:1:temperature"; repeat for '
                "more channels",
            )
        ),
    )
    new.add_argument(
        "--preset",
        choices=PRESET_KEYS,
        help=say(QT_TRANSLATE_NOOP("Cli", "alarm limits for the matching channels")),
    )

    plan = commands.add_parser(
        "plan", help=say(QT_TRANSLATE_NOOP("Cli", "commission a site from a plan (CSV)"))
    ).add_subparsers(dest="plan_command", metavar="PLAN_COMMAND", parser_class=_Parser)
    plan.required = True
    check_plan = plan.add_parser(
        "check",
        help=say(
            QT_TRANSLATE_NOOP(
                "Cli",
                "check a plan file; exit 0 only if it is valid (problems with line and column on stderr)",
            )
        ),
        description=say(
            QT_TRANSLATE_NOOP(
                "Cli",
                "The CSV has a header row with at least serial,object,preset and optionally "
                "logger_name,measuring_cycle,communication_cycle; comma or semicolon separated, UTF-8.",
            )
        ),
    )
    check_plan.add_argument("file", metavar="FILE.csv")
    apply_plan = plan.add_parser(
        "apply",
        help=say(
            QT_TRANSLATE_NOOP(
                "Cli",
                "apply a plan to the site's loggers that are there (--wait: and to the rest as they join)",
            )
        ),
        description=say(
            QT_TRANSLATE_NOOP(
                "Cli",
                "Each planned logger gets its name and cycles, its measuring object on its sensor and the "
                "preset's alarm limits, through the app's outbox (nothing is applied twice). The plan "
                "becomes the site's plan in the app as well. Progress on stderr.",
            )
        ),
    )
    apply_plan.add_argument("file", metavar="FILE.csv")
    apply_plan.add_argument("--site", required=True)
    apply_plan.add_argument(
        "--wait",
        action="store_true",
        help=say(QT_TRANSLATE_NOOP("Cli", "wait until every planned logger is configured")),
    )
    apply_plan.add_argument(
        "--timeout",
        type=float,
        default=1800.0,
        metavar="SECONDS",
        help=say(QT_TRANSLATE_NOOP("Cli", "with --wait: give up after this long (default 1800)")),
    )

    report = commands.add_parser(
        "report",
        help=say(QT_TRANSLATE_NOOP("Cli", "the commissioning report of a site as PDF, CSV or JSON")),
        description=say(
            QT_TRANSLATE_NOOP(
                "Cli",
                "Read the site's loggers, sensors, measuring objects and alarm limits and write the "
                "commissioning report; the format follows the file's ending. Parts this cloud does not let "
                "us read are marked in the report. The connect key is never written.",
            )
        ),
    )
    report.add_argument("--site", required=True)
    report.add_argument(
        "--out",
        required=True,
        metavar="FILE",
        help=say(QT_TRANSLATE_NOOP("Cli", "FILE.pdf, FILE.csv or FILE.json")),
    )

    demo = commands.add_parser(
        "demo", help=say(QT_TRANSLATE_NOOP("Cli", "--demo only: play the virtual hardware"))
    ).add_subparsers(dest="demo_command", metavar="DEMO_COMMAND", parser_class=_Parser)
    demo.required = True
    add_logger = demo.add_parser(
        "add-logger",
        help=say(
            QT_TRANSLATE_NOOP("Cli", "unpack a virtual logger and set it up with the site's connect key")
        ),
    )
    add_logger.add_argument("--site", required=True)
    add_logger.add_argument("--kind", choices=DEMO_LOGGER_KINDS, default="saveris2")
    add_logger.add_argument(
        "--join-after",
        type=float,
        default=8.0,
        metavar="SECONDS",
        help=say(QT_TRANSLATE_NOOP("Cli", "seconds until it joins (default 8)")),
    )
    return parser


class Output:
    """Results on stdout (JSON with --json, else text); progress and errors on stderr."""

    def __init__(self, as_json: bool, stdout: TextIO | None = None, stderr: TextIO | None = None) -> None:
        self.as_json = as_json
        self.stdout = stdout or sys.stdout
        self.stderr = stderr or sys.stderr

    def result(self, data: Any, text: str) -> None:
        if self.as_json:
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        elif text:
            self.stdout.write(text.rstrip("\n") + "\n")
        self.stdout.flush()

    def progress(self, text: str) -> None:
        self.stderr.write(text.rstrip("\n") + "\n")
        self.stderr.flush()

    def error(self, message: str) -> None:
        self.progress(f"{PROG}: {message}")


def check_server_options(parser: argparse.ArgumentParser, options: argparse.Namespace) -> None:
    chosen = [name for name, on in (("--demo", options.demo), ("--base-url", options.base_url)) if on]
    if options.region or options.environment:
        chosen.append("--region/--env")
    if len(chosen) > 1:
        parser.error(say(QT_TRANSLATE_NOOP("Cli", "choose one server: %1, not several"), say_or(chosen)))
    if options.command == "demo" and not options.demo:
        parser.error(
            say(QT_TRANSLATE_NOOP("Cli", "the demo commands play the simulator's hardware; add --demo"))
        )


def say_or(choices: list[str]) -> str:
    """ "a or b or c" in the chosen language."""
    return say(QT_TRANSLATE_NOOP("Cli", " or ")).join(choices)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    choose_language(arguments)  # before the parser: its help and its complaints are in that language
    parser = build_parser()
    try:
        options = parser.parse_args(arguments)
        check_server_options(parser, options)
    except SystemExit as stop:  # --help, --version, or a usage error already printed
        return int(stop.code or 0) if not isinstance(stop.code, str) else Exit.USAGE
    out = Output(options.json)
    from saveris_desktop.cli import commands  # the heavy part: httpx, pydantic, the core

    try:
        return int(commands.run(options, out))
    except CliError as error:
        out.error(error.message)
        return int(error.code)
    except KeyboardInterrupt:
        out.error(say(QT_TRANSLATE_NOOP("Cli", "Stopped.")))
        return 130


def password_from_environment() -> str | None:
    value = os.environ.get(PASSWORD_ENV)
    return value if value else None
