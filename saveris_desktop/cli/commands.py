"""The commands of `saveris-cli`, each a thin shell around the core the app runs.

Every command signs in (except `check-api`, whose sign-in is part of the check), does its work
through the one API client and closes it. Errors arrive as ApiError (one sentence, safe to show)
and leave as CliError with the documented exit code; anything else is unforeseen: one sentence
pointing at the log file, the traceback in that file, never on the screen.
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import logging
import os
import sys
import zoneinfo
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from saveris_desktop.api.client import DeviceManagementClient
from saveris_desktop.api.errors import (
    ApiError,
    AuthenticationError,
    ConflictError,
    NetworkError,
    NotFoundError,
    OperationNotOfferedError,
    PermissionDeniedError,
    RequestValidationError,
)
from saveris_desktop.api.listing import DeviceListing, UnreadableItem
from saveris_desktop.api.models import Device, LogicalChannel, Sensor
from saveris_desktop.api.regions import Endpoint, Environment, InvalidBaseUrlError, Region
from saveris_desktop.cli.main import PROG, USER_ENV, CliError, Exit, Output, password_from_environment
from saveris_desktop.cli.words import QT_TRANSLATE_NOOP, Number, say, words
from saveris_desktop.core.commissioning.csv_import import PlanImportError, read_plan_csv
from saveris_desktop.core.commissioning.plan import PlanStore
from saveris_desktop.core.commissioning.report import CommissioningReport, OpenPlanRow, gather_report
from saveris_desktop.core.commissioning.report_files import write_report_file
from saveris_desktop.core.commissioning.runner import (
    STATE_WORDS,
    Board,
    CommissioningRunner,
    LoggerProgress,
    LoggerState,
)
from saveris_desktop.core.devices.device_rows import row_from_device
from saveris_desktop.core.devices.editing import EditSession
from saveris_desktop.core.devices.object_setup import (
    MEASURABLE_VALUES,
    ChannelKey,
    ChannelProblem,
    apply_preset_to_object,
    as_created,
    channel_problems,
    logical_channel_by_number,
    logical_channel_for,
    measured_value_of,
    new_measuring_object,
    sensor_channel_name,
)
from saveris_desktop.core.devices.presets import preset
from saveris_desktop.core.devices.ranges import (
    DurationError,
    communication_shorter_than_measuring,
    cycle_ranges,
    format_duration,
    parse_duration,
)
from saveris_desktop.core.devices.units import value_name
from saveris_desktop.core.devices.watcher import DeviceWatcher, WatchStatus
from saveris_desktop.core.offline.store import DATABASE_NAME, Store
from saveris_desktop.core.offline.sync import SyncEngine
from saveris_desktop.core.offline.templates import TemplateKind, TemplateStore
from saveris_desktop.core.onboarding.first_contact import (
    Outcome,
    check_first_contact,
    default_report_path,
    write_report,
)
from saveris_desktop.core.onboarding.flow import SITE_NAME_MAX_LENGTH, SiteNameProblem, check_site_name
from saveris_desktop.core.onboarding.site_setup import SiteSetupError, create_site
from saveris_desktop.core.runtime import languages, paths, translations
from saveris_desktop.core.runtime.credentials import CredentialStore, account_key
from saveris_desktop.core.runtime.error_words import explain
from saveris_desktop.core.runtime.instance_lock import (
    DataFolderAccess,
    DataFolderInUseError,
    claim_data_folder,
)

if TYPE_CHECKING:  # imported only with --demo: the simulator (Starlette) is slow to import
    from saveris_desktop.simulator import Simulator

log = logging.getLogger("saveris_desktop.cli")

#: The file the demo's simulated cloud lives in between commands (in the data folder).
DEMO_STATE_NAME = "demo-cli-simulator.json"
#: Where the demo's virtual loggers are told to connect (any Wi-Fi name does in the simulator).
DEMO_WIFI = ("Demo site Wi-Fi", "demo-wifi-password")

#: Failures while waiting that will not go away by waiting longer.
_FINAL_WATCH_ERRORS = (
    AuthenticationError,
    PermissionDeniedError,
    NotFoundError,
    RequestValidationError,
    OperationNotOfferedError,
)

DEVICE_NAME_MAX_LENGTH = 64  # as the app's name field

#: The CLI's own log file, next to the app's in the log folder.
CLI_LOG_FILE_NAME = "saveris-cli.log"


def exit_code_for(error: ApiError) -> Exit:
    if isinstance(error, AuthenticationError) or (
        isinstance(error, PermissionDeniedError) and error.operation == "token"
    ):
        return Exit.SIGN_IN_REFUSED
    if isinstance(error, NetworkError):
        return Exit.OFFLINE
    refused = (RequestValidationError, PermissionDeniedError, NotFoundError, ConflictError)
    if isinstance(error, (*refused, OperationNotOfferedError)):
        return Exit.REFUSED
    return Exit.UNEXPECTED


def error_words(error: ApiError) -> str:
    """An API error in the chosen language: English keeps the API's own sentence (it names the
    operation and the status, and scripts and support know it); another language says the error's
    sentence the window shows (core/runtime/error_words.py), with the server's reason."""
    if translations.active().code == languages.SOURCE_LANGUAGE:
        return error.message
    return words(explain(error, api_words=False))


def failure(error: ApiError) -> CliError:
    return CliError(exit_code_for(error), error_words(error))


# --- where the server, the user and the password come from ----------------------------------------


@dataclass
class Connection:
    endpoint: Endpoint
    client: DeviceManagementClient
    username: str
    password_source: Callable[[], str]
    #: the demo's in-process simulator; None against a real server
    simulator: Simulator | None = None

    async def sign_in(self) -> None:
        password = self.password_source()
        await self.client.sign_in(self.username, password)


def _endpoint_and_simulator(options: argparse.Namespace) -> tuple[Endpoint, Simulator | None]:
    if options.demo:
        from saveris_desktop.simulator import Simulator

        # The app's demo: the same simulator, and a logger joins 8 s after its page was saved
        # (`demo add-logger --join-after` chooses another delay for the logger it sets up).
        join_delay = options.join_after if options.command == "demo" else 8.0
        simulator = Simulator(seed=0, join_delay=join_delay)
        state = paths.data_dir() / DEMO_STATE_NAME
        try:
            simulator.load_state(state)
        except (OSError, ValueError) as error:
            raise CliError(
                Exit.UNEXPECTED,
                say(
                    QT_TRANSLATE_NOOP(
                        "Cli", "The demo's saved state %1 cannot be read (%2); delete it to start afresh."
                    ),
                    state,
                    error,
                ),
            ) from None
        return Simulator.demo_endpoint(), simulator
    if options.base_url:
        try:
            return Endpoint.custom(options.base_url), None
        except InvalidBaseUrlError as error:
            raise CliError(Exit.USAGE, str(error)) from None
    region = Region(options.region or Region.EUROPE.value)
    environment = Environment(options.environment or Environment.PRODUCTION.value)
    return Endpoint.for_region(region, environment), None


def _username(options: argparse.Namespace) -> str:
    user = (options.user or os.environ.get(USER_ENV) or "").strip()
    if not user and options.demo:
        from saveris_desktop.simulator import DEMO_USERNAME

        user = DEMO_USERNAME
    if not user:
        raise CliError(
            Exit.USAGE,
            say(QT_TRANSLATE_NOOP("Cli", "Give the API account's user name with --user (or $%1)."), USER_ENV),
        )
    return user


def _password_source(options: argparse.Namespace, username: str, endpoint: Endpoint) -> Callable[[], str]:
    """The password, looked up only when the sign-in needs it (never printed, never an option)."""

    def find() -> str:
        from_environment = password_from_environment()
        if from_environment is not None:
            return from_environment
        if options.demo:
            from saveris_desktop.simulator import DEMO_PASSWORD

            return DEMO_PASSWORD
        remembered = CredentialStore().load(account_key(username, endpoint))
        if remembered:
            return remembered
        if not sys.stdin.isatty():
            raise CliError(
                Exit.USAGE,
                say(
                    QT_TRANSLATE_NOOP(
                        "Cli",
                        "No password: set SAVERIS_PASSWORD, let the app remember it, or run this in a "
                        "terminal.",
                    )
                ),
            )
        try:
            return getpass.getpass(
                say(QT_TRANSLATE_NOOP("Cli", "Password for %1 (%2): "), username, endpoint.label)
            )
        except EOFError:
            raise CliError(Exit.USAGE, say(QT_TRANSLATE_NOOP("Cli", "No password was entered."))) from None

    return find


# --- running a command ----------------------------------------------------------------------------


def run(options: argparse.Namespace, out: Output) -> Exit:
    from saveris_desktop.core.runtime.logging_setup import configure_logging

    # Warnings stay out of the output; the file has them. A file of its own: the app may be running
    # and rotating its log at the same time. (The CLI never opens the app's database, so it cannot
    # disturb the app's drafts or send its queued changes: the data-folder lock is not needed.)
    log_file = configure_logging(console=False, file_name=CLI_LOG_FILE_NAME)
    endpoint, simulator = _endpoint_and_simulator(options)
    # `plan check` reads a file and this laptop's saved presets only: no account needed
    offline_only = (options.command, getattr(options, "plan_command", None)) == ("plan", "check")
    username = "" if offline_only else _username(options)
    transport = simulator.transport() if simulator is not None else None
    client = DeviceManagementClient(endpoint, transport=transport)
    connection = Connection(
        endpoint, client, username, _password_source(options, username, endpoint), simulator
    )
    try:
        return asyncio.run(_run(options, out, connection))
    except CliError:
        raise
    except ApiError as error:
        raise failure(error) from None
    except Exception:
        log.exception("%s %s failed unexpectedly", PROG, options.command)
        raise CliError(
            Exit.UNEXPECTED,
            say(
                QT_TRANSLATE_NOOP("Cli", "Something unforeseen went wrong; the details are in %1."), log_file
            ),
        ) from None
    finally:
        if simulator is not None:
            try:
                simulator.save_state()
            except OSError as error:
                out.error(say(QT_TRANSLATE_NOOP("Cli", "The demo's state could not be saved: %1."), error))


Command = Callable[[argparse.Namespace, Output, "Connection"], Coroutine[Any, Any, Exit]]


async def _run(options: argparse.Namespace, out: Output, connection: Connection) -> Exit:
    subcommand = getattr(options, f"{options.command.replace('-', '_')}_command", None)
    command = COMMANDS[(options.command, subcommand)]
    try:
        return await command(options, out, connection)
    finally:
        await connection.client.aclose()


def _site(raw: str) -> str:
    """The site name as the wizard normalises it; a name that can never work is a usage error."""
    check = check_site_name(raw)
    messages = {
        SiteNameProblem.EMPTY: QT_TRANSLATE_NOOP(
            "Cli", "Enter a name for the site, for example the name of the shop or building."
        ),
        SiteNameProblem.TOO_LONG: QT_TRANSLATE_NOOP(
            "Cli", "The site name is too long: at most %1 characters."
        ),
        SiteNameProblem.CONTROL_CHARACTERS: QT_TRANSLATE_NOOP(
            "Cli", "The site name contains invisible control characters."
        ),
    }
    if check.problem is not None:
        raise CliError(Exit.USAGE, say(messages[check.problem], SITE_NAME_MAX_LENGTH))
    return check.name


async def _signed_in(connection: Connection) -> None:
    try:
        await connection.sign_in()
    except ApiError as error:
        raise failure(error) from None


# --- check-api ------------------------------------------------------------------------------------


#: A probe's outcome as the app's first-contact dialog words it.
_OUTCOME_WORDS = {
    Outcome.WORKS: QT_TRANSLATE_NOOP("Cli", "works"),
    Outcome.NOT_OFFERED: QT_TRANSLATE_NOOP("Cli", "not offered"),
    Outcome.REFUSED: QT_TRANSLATE_NOOP("Cli", "refused"),
    Outcome.FAILED: QT_TRANSLATE_NOOP("Cli", "failed"),
    Outcome.NOT_TRIED: QT_TRANSLATE_NOOP("Cli", "not tried"),
}


def _report_path(given: str | None) -> Path:
    return Path(given).expanduser() if given else default_report_path()


async def check_api(options: argparse.Namespace, out: Output, connection: Connection) -> Exit:
    site = _site(options.site) if options.site is not None else None
    result = await check_first_contact(connection.client, site, sign_in=connection.sign_in)
    path = await asyncio.to_thread(_report_path, options.report)
    try:
        await asyncio.to_thread(write_report, result, path)
    except OSError as error:
        raise CliError(
            Exit.UNEXPECTED,
            say(QT_TRANSLATE_NOOP("Cli", "The report could not be written to %1: %2."), path, error.strerror),
        ) from None
    data = {**result.to_dict(), "report": str(path)}
    lines = [
        say(QT_TRANSLATE_NOOP("Cli", "First contact with %1, site “%2”:"), result.endpoint, site)
        if site
        else say(QT_TRANSLATE_NOOP("Cli", "First contact with %1:"), result.endpoint)
    ]
    for probe in result.probes:
        status = f" (HTTP {probe.status})" if probe.status else ""
        kind = (
            say(QT_TRANSLATE_NOOP("Cli", "needed"))
            if probe.needed
            else say(QT_TRANSLATE_NOOP("Cli", "assumed"))
        )
        lines.append(
            f"  {say(_OUTCOME_WORDS[probe.outcome]):<11} {kind:<7} {probe.method:<4} {probe.path}{status}"
        )
    lines += ["", words(result.summary()), say(QT_TRANSLATE_NOOP("Cli", "Report for support: %1"), path)]
    out.result(data, "\n".join(lines))
    failed = result.first_failure
    if failed is None:
        return Exit.OK
    if failed.error is not None:
        return exit_code_for(failed.error)
    return Exit.UNEXPECTED


# --- site create ----------------------------------------------------------------------------------


def _timezone(raw: str | None) -> str | None:
    if raw is None:
        return None
    zone = raw.strip()
    if zone not in zoneinfo.available_timezones():
        raise CliError(
            Exit.USAGE,
            say(
                QT_TRANSLATE_NOOP("Cli", "“%1” is not a time zone; use an IANA name such as Europe/Berlin."),
                raw,
            ),
        )
    return zone


async def site_create(options: argparse.Namespace, out: Output, connection: Connection) -> Exit:
    site, zone = _site(options.name), _timezone(options.timezone)
    await _signed_in(connection)
    zone_error: ApiError | None = None
    try:
        ready = await create_site(connection.client, site, zone)
        key, devices, problem = ready.key, ready.devices, None
        zone_error = ready.timezone.error if ready.timezone is not None else None
    except SiteSetupError as error:
        if error.key is None or not isinstance(error.error, ApiError):
            raise error.error from None
        # The site exists: its key is printed all the same, then what failed after it.
        key, devices, problem = error.key, None, error
    data: dict[str, Any] = {
        "site": key.site,
        "connect_key": key.connect_key,
        "timezone": zone if zone_error is None else None,
        "device_count": None if devices is None else len(devices),
    }
    lines = [
        say(QT_TRANSLATE_NOOP("Cli", "Site: %1"), key.site),
        say(QT_TRANSLATE_NOOP("Cli", "Connect key: %1"), key.connect_key),
    ]
    if zone is not None and data["timezone"]:
        lines.append(say(QT_TRANSLATE_NOOP("Cli", "Time zone: %1"), zone))
    if options.qr and not out.as_json:
        import io

        import segno

        buffer = io.StringIO()
        # The same code the app shows: the key alone, error correction M.
        segno.make(key.connect_key, error="m", micro=False).terminal(out=buffer, compact=True, border=4)
        lines += ["", buffer.getvalue().rstrip("\n")]
    out.result(data, "\n".join(lines))
    # The time zone is optional in testo's procedure: the site is usable without it, but a script
    # that asked for one learns that it is not set (and the command can simply be run again).
    failed = (
        [(QT_TRANSLATE_NOOP("Cli", "The site exists, but its time zone failed: %1"), zone_error)]
        if zone_error is not None
        else []
    )
    if problem is not None:
        assert isinstance(problem.error, ApiError)  # noqa: S101  (checked above)
        failed.append(
            (QT_TRANSLATE_NOOP("Cli", "The site exists, but its list of devices failed: %1"), problem.error)
        )
    if failed:
        sentence, cause = failed[0]
        raise CliError(exit_code_for(cause), say(sentence, error_words(cause)))
    return Exit.OK


# --- devices list / wait --------------------------------------------------------------------------


def device_summary(device: Device) -> dict[str, Any]:
    row = row_from_device(device)
    return {
        "serial_number": row.serial_number,
        "name": row.name,
        "model": row.model,
        "device_type": row.device_type,
        "firmware": row.firmware,
        "sensors": row.sensors,
        "status": row.status,
        "uuid": row.uuid,
    }


def device_line(summary: dict[str, Any]) -> str:
    """One logger in one line, in the chosen language (`summary` keeps core's Sentences, which
    --json writes in English)."""
    parts = [
        summary["serial_number"] or "?",
        words(summary["model"]) or "?",
        say(QT_TRANSLATE_NOOP("Cli", "firmware %1"), summary["firmware"] or "?"),
        say(QT_TRANSLATE_NOOP("Cli", "sensors %1"), summary["sensors"]),
        words(summary["status"]),
    ]
    if summary["name"]:
        parts.insert(1, say(QT_TRANSLATE_NOOP("Cli", "“%1”"), summary["name"]))
    return " · ".join(parts)


def unreadable_summary(item: UnreadableItem) -> dict[str, Any]:
    """A device of the listing the app cannot read: what is known of it, why, and what came."""
    return {
        "serial_number": item.serial_number,
        "status": "not readable",
        "reason": item.reason,
        "uuid": item.uuid,
        "received": item.received,
    }


def unreadable_line(summary: dict[str, Any]) -> str:
    return say(
        QT_TRANSLATE_NOOP("Cli", "%1 · not readable (%2)"), summary["serial_number"] or "?", summary["reason"]
    )


async def _devices(connection: Connection, site: str) -> DeviceListing:
    try:
        return await connection.client.list_devices(site)
    except ApiError as error:
        raise failure(error) from None


async def devices_list(options: argparse.Namespace, out: Output, connection: Connection) -> Exit:
    site = _site(options.site)
    await _signed_in(connection)
    listing = await _devices(connection, site)
    summaries = [device_summary(d) for d in listing]
    # A device the app cannot read is listed too (never hidden), with why; its JSON is in --json.
    unreadable = [unreadable_summary(item) for item in listing.unreadable]
    lines = [device_line(s) for s in summaries] + [unreadable_line(u) for u in unreadable]
    text = "\n".join(lines) or say(QT_TRANSLATE_NOOP("Cli", "No loggers in “%1” yet."), site)
    out.result({"site": site, "devices": summaries, "unreadable": unreadable}, text)
    return Exit.OK


def _elapsed(seconds: float) -> str:
    minutes, secs = divmod(max(0, int(seconds)), 60)
    return f"{minutes}:{secs:02d}"


def _watch_line(status: WatchStatus, wanted: int) -> str:
    if status.online is False:
        return say(
            QT_TRANSLATE_NOOP(
                "Cli",
                "No connection to the cloud (normal while on a logger's hotspot); checking again by itself.",
            )
        )
    if status.error is not None:
        return say(
            QT_TRANSLATE_NOOP("Cli", "The last check failed: %1 Trying again by itself."),
            error_words(status.error),
        )
    if status.polls:
        return say(
            QT_TRANSLATE_NOOP("Cli", "%1 logger(s) on the site; %2 of %3 new."),
            status.device_count,
            len(status.new_uuids),
            wanted,
        )
    return say(QT_TRANSLATE_NOOP("Cli", "Asking the cloud for the site's loggers …"))


async def devices_wait(options: argparse.Namespace, out: Output, connection: Connection) -> Exit:
    site = _site(options.site)
    if options.new < 1:
        raise CliError(Exit.USAGE, say(QT_TRANSLATE_NOOP("Cli", "--new must be 1 or more.")))
    if not options.timeout > 0:
        raise CliError(Exit.USAGE, say(QT_TRANSLATE_NOOP("Cli", "--timeout must be more than 0 seconds.")))
    await _signed_in(connection)
    watcher = DeviceWatcher(connection.client, name="cli-watcher")
    found: list[Device] = []
    finished = asyncio.Event()
    final: list[ApiError] = []
    last_line = ""

    def new_devices(devices: list[Device]) -> None:
        for device in devices:
            found.append(device)
            out.progress(
                f"[{_elapsed(watcher.status().elapsed)}] "
                + say(QT_TRANSLATE_NOOP("Cli", "New: %1"), device_line(device_summary(device)))
            )
        if len(found) >= options.new:
            finished.set()

    def status(current: WatchStatus) -> None:
        nonlocal last_line
        if isinstance(current.error, _FINAL_WATCH_ERRORS):
            final.append(current.error)
            finished.set()
            return
        line = _watch_line(current, options.new)
        if line != last_line and current.running:
            last_line = line
            out.progress(f"[{_elapsed(current.elapsed)}] {line}")

    watcher.sig_new_devices.connect(new_devices)
    watcher.sig_status.connect(status)
    connection.client.sig_connectivity.connect(watcher.notify_connectivity)
    out.progress(
        say(
            QT_TRANSLATE_NOOP("Cli", "Waiting for %1 new logger(s) to join “%2” (at most %3) …"),
            options.new,
            site,
            _elapsed(options.timeout),
        )
    )
    watcher.start(site)  # the first listing is the baseline: what is there now is not new
    try:
        async with asyncio.timeout(options.timeout):
            await finished.wait()
    except TimeoutError:
        raise CliError(
            Exit.TIMEOUT,
            say(
                QT_TRANSLATE_NOOP("Cli", "%1 of %2 new logger(s) appeared in “%3” within %4."),
                len(found),
                options.new,
                site,
                format_duration(int(options.timeout * 1000)),
            ),
        ) from None
    finally:
        await watcher.aclose()
    if final:
        raise failure(final[0])
    summaries = [device_summary(d) for d in found]
    out.result({"site": site, "new_devices": summaries}, "\n".join(device_line(s) for s in summaries))
    return Exit.OK


# --- device set -----------------------------------------------------------------------------------


def find_device(devices: list[Device], serial: str, site: str) -> Device:
    wanted = serial.strip().casefold()
    for device in devices:
        if (device.serial_number or "").strip().casefold() == wanted:
            return device
    raise CliError(
        Exit.REFUSED,
        say(QT_TRANSLATE_NOOP("Cli", "There is no logger with serial number %1 in “%2”."), serial, site),
    )


def _duration(raw: str, label: str) -> int:
    try:
        return parse_duration(raw)
    except DurationError as error:
        raise CliError(Exit.USAGE, f"{label}: {words(error.args[0] if error.args else str(error))}") from None


async def device_set(options: argparse.Namespace, out: Output, connection: Connection) -> Exit:
    site = _site(options.site)
    if options.name is None and options.measuring_cycle is None and options.communication_cycle is None:
        raise CliError(
            Exit.USAGE,
            say(
                QT_TRANSLATE_NOOP(
                    "Cli", "Say what to change: --name, --measuring-cycle or --communication-cycle."
                )
            ),
        )
    edits: list[tuple[str, Any]] = []
    if options.name is not None:
        name = options.name.strip()
        if not name:
            raise CliError(
                Exit.USAGE,
                say(QT_TRANSLATE_NOOP("Cli", "Give the logger a name, e.g. the fridge it guards.")),
            )
        if len(name) > DEVICE_NAME_MAX_LENGTH:
            raise CliError(
                Exit.USAGE,
                say(
                    QT_TRANSLATE_NOOP("Cli", "The name is too long: use at most %1 characters."),
                    DEVICE_NAME_MAX_LENGTH,
                ),
            )
        edits.append(("name", name))
    cycles = (
        ("measuring_cycle", options.measuring_cycle, say(QT_TRANSLATE_NOOP("Cli", "Measuring cycle"))),
        (
            "communication_cycle",
            options.communication_cycle,
            say(QT_TRANSLATE_NOOP("Cli", "Communication cycle")),
        ),
    )
    typed = {key: _duration(raw, label) for key, raw, label in cycles if raw is not None}
    await _signed_in(connection)
    device = find_device(await _devices(connection, site), options.serial, site)
    # The device document from the listing, edited as the settings editor edits it: every field the
    # command does not change goes back as the cloud sent it.
    session = EditSession(device.to_payload(), key=f"device:{device.uuid}")
    allowed = dict(zip(("measuring_cycle", "communication_cycle"), cycle_ranges(session.base), strict=True))
    for key, ms in typed.items():
        problem = allowed[key].problem(ms)
        if problem is not None:
            sentence = (
                QT_TRANSLATE_NOOP("Cli", "The measuring cycle of logger %1: %2")
                if key == "measuring_cycle"
                else QT_TRANSLATE_NOOP("Cli", "The communication cycle of logger %1: %2")
            )
            raise CliError(Exit.REFUSED, say(sentence, options.serial, problem))
        edits.append((key, ms))
    for path, value in edits:
        session.set((path,), value)
    measuring, communication = session.get(("measuring_cycle",)), session.get(("communication_cycle",))
    if communication_shorter_than_measuring(measuring, communication):
        raise CliError(
            Exit.REFUSED,
            say(
                QT_TRANSLATE_NOOP(
                    "Cli", "The communication cycle cannot be shorter than the measuring cycle (%1)."
                ),
                format_duration(measuring),
            ),
        )
    changes = [
        {"field": change.dotted, "before": change.before, "after": change.after}
        for change in session.changes()
    ]
    if session.dirty:
        try:
            answer = await connection.client.put_device(site, Device.model_validate(session.payload()))
        except ApiError as error:
            raise failure(error) from None
        session.accept(answer.to_payload())
    lines = [say(QT_TRANSLATE_NOOP("Cli", "Logger %1 in “%2”:"), options.serial, site)]
    for change in changes:
        before, after = change["before"], change["after"]
        if change["field"].endswith("cycle"):
            before = words(format_duration(before)) if isinstance(before, int) else before
            after = words(format_duration(after)) if isinstance(after, int) else after
        lines.append(f"  {change['field']}: {before if before is not None else '—'} → {after}")
    if not changes:
        lines.append(
            "  " + say(QT_TRANSLATE_NOOP("Cli", "nothing to change: it has these settings already."))
        )

    out.result(
        {"site": site, "serial_number": device.serial_number, "uuid": device.uuid, "changes": changes},
        "\n".join(lines),
    )
    return Exit.OK


# --- object create --------------------------------------------------------------------------------


def _measured(value_id: str | None) -> str:
    """What a channel measures, inside a sentence: "temperature" in English, "Temperatur" in German
    (whose nouns keep their capital)."""
    name = words(value_name(value_id))
    return name.lower() if translations.active().code == languages.SOURCE_LANGUAGE else name


def _measurable_words() -> str:
    """What a channel can measure, as MEASURES is typed (English: the names core parses)."""
    return ", ".join(value_name(v).lower() for v in MEASURABLE_VALUES)


@dataclass(frozen=True)
class ChannelSpec:
    logical: str
    serial: str
    slot: int  # from 1, as the app shows it
    channel: str  # a number from 1, or a name
    #: what the channel measures (PV_* code), given as LOGICAL=SERIAL:SLOT:CHANNEL:MEASURES; needed
    #: where the cloud does not let us read the sensor's channels, checked against them otherwise
    measures: str | None = None

    @classmethod
    def parse(cls, raw: str) -> ChannelSpec:
        logical, equals, rest = raw.partition("=")
        parts = rest.split(":", 3)
        if not equals or len(parts) not in (3, 4) or not all(p.strip() for p in parts):
            raise CliError(
                Exit.USAGE,
                say(
                    QT_TRANSLATE_NOOP(
                        "Cli",
                        "--channel “%1” is not LOGICAL=SERIAL:SLOT:CHANNEL[:MEASURES], e.g. "
                        "Inside=61100042:1:1.",
                    ),
                    raw,
                ),
            )
        serial, slot, channel = (p.strip() for p in parts[:3])
        if not slot.isdigit() or int(slot) < 1:
            raise CliError(
                Exit.USAGE,
                say(
                    QT_TRANSLATE_NOOP(
                        "Cli", "--channel “%1”: the slot is a number from 1, as the app shows it."
                    ),
                    raw,
                ),
            )
        if channel.isdigit() and int(channel) < 1:
            raise CliError(
                Exit.USAGE,
                say(
                    QT_TRANSLATE_NOOP("Cli", "--channel “%1”: the channel is a number from 1 or a name."), raw
                ),
            )
        measures = None
        if len(parts) == 4:
            measures = measured_value_of(parts[3])
            if measures is None:
                raise CliError(
                    Exit.USAGE,
                    say(
                        QT_TRANSLATE_NOOP(
                            "Cli", "--channel “%1”: “%2” is not something a channel measures (choose %3)."
                        ),
                        raw,
                        parts[3].strip(),
                        _measurable_words(),
                    ),
                )
        return cls(logical.strip(), serial, int(slot), channel, measures)


def _sensor_channel_index(sensor: Sensor, spec: ChannelSpec) -> int:
    """CHANNEL as a number from 1, the channel's name, or what it measures ("Temperature")."""
    if spec.channel.isdigit():
        index = int(spec.channel) - 1
        if any(c.channel_index == index for c in sensor.channels):
            return index
    else:
        wanted = spec.channel.casefold()
        by_name = [c for c in sensor.channels if sensor_channel_name(c).casefold() == wanted]
        by_value = [c for c in sensor.channels if value_name(c.physical_value_id).casefold() == wanted]
        if len(by_name) == 1 or (not by_name and len(by_value) == 1):
            return (by_name or by_value)[0].channel_index
        if len(by_name) + len(by_value) > 1:
            raise CliError(
                Exit.USAGE,
                say(
                    QT_TRANSLATE_NOOP(
                        "Cli",
                        "Several channels of the sensor in slot %1 of logger %2 match “%3”; give the "
                        "channel's number instead.",
                    ),
                    spec.slot,
                    spec.serial,
                    spec.channel,
                ),
            )
    offered = ", ".join(
        f"{c.channel_index + 1} {words(sensor_channel_name(c))}" for c in sensor.channels
    ) or say(QT_TRANSLATE_NOOP("Cli", "none"))
    raise CliError(
        Exit.REFUSED,
        say(
            QT_TRANSLATE_NOOP("Cli", "The sensor in slot %1 of logger %2 has no channel “%3” (it has: %4)."),
            spec.slot,
            spec.serial,
            spec.channel,
            offered,
        ),
    )


async def _readable_sensor(client: DeviceManagementClient, site: str, uuid: str) -> Sensor | None:
    """The sensor, or None where the cloud does not let us read sensors (`GET /sensors/{uuid}` is
    not among testo's documented operations). The sensor is listed on a logger, so a 404 means the
    read is missing, unless the read has answered before (api/optional.py)."""
    try:
        return await client.get_sensor(site, uuid)
    except OperationNotOfferedError:
        return None
    except NotFoundError:
        if client.optional.missing_known_resource("get_sensor"):
            return None
        raise


def _logical_channel(spec: ChannelSpec, sensor_uuid: str, sensor: Sensor | None) -> LogicalChannel:
    """The logical channel `spec` asks for: from the sensor's channels, or by number and what it
    measures where they cannot be read (the cloud then checks that the channel measures that)."""
    if sensor is None:
        if not spec.channel.isdigit() or spec.measures is None:
            raise CliError(
                Exit.USAGE,
                say(
                    QT_TRANSLATE_NOOP(
                        "Cli",
                        "The cloud does not let us read the channels of the sensor in slot %1 of logger %2: "
                        "give the channel's number and what it measures, e.g. “%3”.",
                    ),
                    spec.slot,
                    spec.serial,
                    f"{spec.logical or 'Inside'}={spec.serial}:{spec.slot}:1:temperature",
                ),
            )
        return logical_channel_by_number(spec.logical, sensor_uuid, int(spec.channel) - 1, spec.measures)
    channel = logical_channel_for(spec.logical, sensor, _sensor_channel_index(sensor, spec))
    if spec.measures is not None and channel.physical_value_id != spec.measures:
        raise CliError(
            Exit.REFUSED,
            say(
                QT_TRANSLATE_NOOP(
                    "Cli", "Channel %1 of the sensor in slot %2 of logger %3 measures %4, not %5."
                ),
                spec.channel,
                spec.slot,
                spec.serial,
                _measured(channel.physical_value_id),
                _measured(spec.measures),
            ),
        )
    return channel


async def _taken_channels(connection: Connection, site: str) -> dict[ChannelKey, str]:
    """Sensor channels that already feed an object; empty where the cloud does not list objects."""
    try:
        objects = await connection.client.list_measuring_objects(site)
    except (OperationNotOfferedError, NotFoundError):
        return {}
    return {
        (c.sensor_channel.sensor_uuid, c.sensor_channel.channel_index): say(
            QT_TRANSLATE_NOOP("Cli", "“%1” of “%2”"), c.name, obj.name
        )
        for obj in objects
        for c in obj.logical_channels
        if c.sensor_channel is not None
    }


async def object_create(options: argparse.Namespace, out: Output, connection: Connection) -> Exit:
    site, name = _site(options.site), options.name.strip()
    if not name:
        raise CliError(Exit.USAGE, say(QT_TRANSLATE_NOOP("Cli", "Give the measuring object a name.")))
    specs = [ChannelSpec.parse(raw) for raw in options.channel]
    chosen = preset(options.preset) if options.preset else None
    await _signed_in(connection)
    client = connection.client
    try:
        devices = await client.list_devices(site)
        channels: list[LogicalChannel] = []
        for spec in specs:
            device = find_device(devices, spec.serial, site)
            slot = next((c for c in device.sensors_connections if c.slot_index == spec.slot - 1), None)
            if slot is None or not slot.sensor_uuid:
                raise CliError(
                    Exit.REFUSED,
                    say(
                        QT_TRANSLATE_NOOP("Cli", "Slot %1 of logger %2 holds no sensor."),
                        spec.slot,
                        spec.serial,
                    ),
                )
            sensor = await _readable_sensor(client, site, slot.sensor_uuid)
            channels.append(_logical_channel(spec, slot.sensor_uuid, sensor))
        taken = await _taken_channels(connection, site)
    except ApiError as error:
        raise failure(error) from None
    keys: list[ChannelKey] = [
        (c.sensor_channel.sensor_uuid, c.sensor_channel.channel_index) for c in channels if c.sensor_channel
    ]
    problems = channel_problems([(spec.logical, key) for spec, key in zip(specs, keys, strict=True)], taken)
    for key, problem, spec in zip(keys, problems, specs, strict=True):
        logical = spec.logical
        if problem is ChannelProblem.NO_NAME:
            raise CliError(
                Exit.USAGE,
                say(
                    QT_TRANSLATE_NOOP("Cli", "--channel for logger %1, slot %2: name the logical channel."),
                    spec.serial,
                    spec.slot,
                ),
            )
        if problem is ChannelProblem.DUPLICATE_NAME:
            raise CliError(
                Exit.USAGE,
                say(
                    QT_TRANSLATE_NOOP("Cli", "Each logical channel needs its own name (“%1” twice)."), logical
                ),
            )
        if problem is ChannelProblem.TAKEN:
            raise CliError(
                Exit.REFUSED,
                say(
                    QT_TRANSLATE_NOOP("Cli", "“%1”: this sensor channel already feeds %2."),
                    logical,
                    taken[key],
                ),
            )
        if problem is ChannelProblem.PICKED_TWICE:
            raise CliError(
                Exit.USAGE,
                say(
                    QT_TRANSLATE_NOOP(
                        "Cli", "“%1”: this sensor channel is already used by another --channel."
                    ),
                    logical,
                ),
            )
    obj = new_measuring_object(name, channels)
    if chosen is not None and not any(chosen.fits(c.physical_value_id) for c in obj.logical_channels):
        raise CliError(
            Exit.USAGE,
            say(
                QT_TRANSLATE_NOOP(
                    "Cli", "The preset %1 fits none of the channels (it is for %2); nothing was created."
                ),
                chosen.key,
                _measured(chosen.physical_value_id),
            ),
        )
    try:
        # The answer may carry no name [R]: the object as the app sent it fills that in.
        created = as_created(obj, await client.create_measuring_object(site, obj))
    except ApiError as error:
        raise failure(error) from None
    data: dict[str, Any] = {
        "site": site,
        "uuid": created.uuid,
        "name": created.name,
        "logical_channels": [
            {"name": c.name, "uuid": c.uuid, "physical_value_id": c.physical_value_id}
            for c in created.logical_channels
        ],
        "preset": None,
    }
    lines = [
        say(
            QT_TRANSLATE_NOOP("Cli", "Created measuring object “%1” in “%2” (%3):"),
            created.name,
            site,
            created.uuid,
        )
    ]
    lines += [
        "  "
        + say(
            QT_TRANSLATE_NOOP("Cli", "%1 ← logger %2 · slot %3 · channel %4"),
            spec.logical,
            spec.serial,
            spec.slot,
            spec.channel,
        )
        for spec in specs
    ]
    preset_error: ApiError | None = None
    if chosen is not None:
        try:
            applied = await apply_preset_to_object(client, site, created, chosen)
            data["preset"] = {"key": chosen.key, "channels": [c.name for c in applied]}
            lines.append(
                say(
                    QT_TRANSLATE_NOOP("Cli", "Alarm limits %1 on: %2"),
                    words(chosen.title),
                    ", ".join(c.name for c in applied),
                )
            )
        except ApiError as error:
            preset_error = error
    out.result(data, "\n".join(lines))
    if preset_error is not None:
        raise CliError(
            exit_code_for(preset_error),
            say(
                QT_TRANSLATE_NOOP(
                    "Cli", "The measuring object was created, but its alarm limits were not set: %1"
                ),
                error_words(preset_error),
            ),
        )
    return Exit.OK


# --- plan check / plan apply ----------------------------------------------------------------------


def _database(options: argparse.Namespace) -> Path:
    """The app's database on this laptop (its plans, outbox and templates). The demo's is its own:
    the demo cloud lives in DEMO_STATE_NAME, and its queued changes must never meet a real cloud."""
    name = f"demo-cli-{DATABASE_NAME}" if options.demo else DATABASE_NAME
    return paths.data_dir() / name


#: How long a command waits for the app to let go of the data folder before it says so.
DATA_FOLDER_WAIT_SECONDS = 10.0


async def _claim_data_folder(out: Output, *, write: bool) -> DataFolderAccess:
    """The data folder for this command: the app and the CLI never change it at the same time (two
    writers of one outbox would send changes twice). Reading works beside the running app
    (read-only, and the command says so); changing waits for it and then refuses with exit 7."""
    try:
        access = await asyncio.to_thread(
            claim_data_folder, wait_seconds=DATA_FOLDER_WAIT_SECONDS, read_only_fallback=not write
        )
    except DataFolderInUseError as error:
        raise CliError(
            Exit.IN_USE,
            say(
                QT_TRANSLATE_NOOP("Cli", "%1 Or apply the plan in the app (Site → Commission …)."),
                words(error.args[0]),
            ),
        ) from None
    if access.read_only:
        out.progress(words(access.message))
    return access


async def _saved_alarm_presets(options: argparse.Namespace, out: Output) -> list[str]:
    """The names of the alarm presets saved in the app on this laptop (a plan's preset may name one)."""
    access = await _claim_data_folder(out, write=False)
    try:
        database = _database(options)
        if access.read_only and not database.exists():
            return []
        store = await Store.open(database, read_only=access.read_only)
        try:
            return [t.name for t in await TemplateStore(store).find(TemplateKind.ALARM_PRESET)]
        finally:
            await store.close()
    finally:
        access.release()


async def _plan_file(raw: str) -> bytes:
    try:
        return await asyncio.to_thread(lambda: Path(raw).expanduser().read_bytes())
    except OSError as error:
        raise CliError(
            Exit.USAGE,
            say(QT_TRANSLATE_NOOP("Cli", "The plan %1 cannot be read: %2."), raw, error.strerror or error),
        ) from None


async def plan_check(options: argparse.Namespace, out: Output, connection: Connection) -> Exit:
    data = await _plan_file(options.file)
    try:
        rows = read_plan_csv(data, await _saved_alarm_presets(options, out))
    except PlanImportError as error:
        if out.as_json:
            out.result(
                {"file": options.file, "valid": False, "problems": [p.to_dict() for p in error.problems]}, ""
            )
        for problem in error.problems:
            out.progress(f"{options.file}: {words(problem)}")
        out.error(
            say(
                QT_TRANSLATE_NOOP("Cli", "The plan has %1 problem(s); nothing was imported."),
                len(error.problems),
            )
        )
        return Exit.USAGE
    out.result(
        {"file": options.file, "valid": True, "loggers": len(rows), "problems": []},
        say(QT_TRANSLATE_NOOP("Cli", "The plan is valid: %1 logger(s)."), len(rows)),
    )
    return Exit.OK


def _board_line(progress: LoggerProgress) -> str:
    line = f"{progress.serial} → {progress.object}: {words(STATE_WORDS[progress.state])}"
    return f"{line} ({words(progress.detail)})" if progress.detail else line


async def plan_apply(options: argparse.Namespace, out: Output, connection: Connection) -> Exit:
    site = _site(options.site)
    if not options.timeout > 0:
        raise CliError(Exit.USAGE, say(QT_TRANSLATE_NOOP("Cli", "--timeout must be more than 0 seconds.")))
    data = await _plan_file(options.file)
    try:
        rows = read_plan_csv(data, await _saved_alarm_presets(options, out))
    except PlanImportError as error:
        for problem in error.problems:
            out.progress(f"{options.file}: {words(problem)}")
        raise CliError(
            Exit.USAGE,
            say(
                QT_TRANSLATE_NOOP("Cli", "The plan has %1 problem(s); nothing was applied."),
                len(error.problems),
            ),
        ) from None
    await _signed_in(connection)
    try:
        await connection.client.get_connect_key(site)  # an unknown site is refused before anything is queued
    except ApiError as error:
        raise failure(error) from None
    # Held until the command ends: the plan, its queued changes and their sending are this
    # command's alone meanwhile; the app waits for it (one data folder, one writer).
    access = await _claim_data_folder(out, write=True)
    try:
        store = await Store.open(_database(options))
    except BaseException:
        access.release()
        raise
    endpoint = connection.endpoint.label
    engine = SyncEngine(store, connection.client, endpoint=endpoint, user=connection.username)
    runner = CommissioningRunner(engine, site, name="cli-commissioning")
    watcher = DeviceWatcher(connection.client, name="cli-plan-watcher")
    await PlanStore(store, endpoint).save_rows(site, rows)
    runner.attach(watcher)
    connection.client.sig_connectivity.connect(watcher.notify_connectivity)
    connection.client.sig_connectivity.connect(engine.set_online)
    changed = asyncio.Event()
    latest: list[Board] = []
    offline: list[bool] = []
    shown: dict[str, str] = {}

    def board_changed(board: Board) -> None:
        latest[:] = [board]
        changed.set()

    def status(current: WatchStatus) -> None:
        if current.online is False:
            offline[:] = [True]
            changed.set()
        elif isinstance(current.error, _FINAL_WATCH_ERRORS):
            changed.set()

    runner.sig_board.connect(board_changed)
    watcher.sig_status.connect(status)
    out.progress(
        say(QT_TRANSLATE_NOOP("Cli", "Applying the plan of %1 logger(s) to “%2” …"), len(rows), site)
    )
    watcher.start(site)
    engine.request_sync()  # what an earlier run left queued goes first
    board: Board | None = None
    try:
        async with asyncio.timeout(options.timeout if options.wait else None):
            while True:
                await changed.wait()
                changed.clear()
                watch_error = watcher.status().error
                if isinstance(watch_error, _FINAL_WATCH_ERRORS):
                    raise failure(watch_error)
                if offline and not options.wait:
                    raise CliError(
                        Exit.OFFLINE,
                        say(
                            QT_TRANSLATE_NOOP(
                                "Cli", "No connection to the cloud; the plan was saved, nothing was applied."
                            )
                        ),
                    )
                if not latest:
                    continue
                board = latest[0]
                for progress in board.loggers:
                    line = _board_line(progress)
                    if shown.get(progress.serial) != line:
                        shown[progress.serial] = line
                        out.progress(f"[{_elapsed(watcher.status().elapsed)}] {line}")
                busy = any(p.state in (LoggerState.JOINED, LoggerState.CONFIGURING) for p in board.loggers)
                if board.done or (not options.wait and not busy and board.listing_applied):
                    break
    except TimeoutError:
        summary = (
            words(board.summary())
            if board is not None
            else say(QT_TRANSLATE_NOOP("Cli", "nothing configured"))
        )
        raise CliError(
            Exit.TIMEOUT,
            say(
                QT_TRANSLATE_NOOP("Cli", "Not finished within %1: %2."),
                words(format_duration(int(options.timeout * 1000))),
                summary,
            ),
        ) from None
    finally:
        await watcher.aclose()
        await runner.aclose()
        await engine.aclose()
        await store.close()
        access.release()
    assert board is not None  # noqa: S101  (the loop leaves only with a board)
    for unexpected in board.unexpected:
        out.progress(
            say(
                QT_TRANSLATE_NOOP("Cli", "Not in the plan: logger %1 (%2)."),
                unexpected.serial,
                words(unexpected.model),
            )
        )
    text = "\n".join(
        [
            say(QT_TRANSLATE_NOOP("Cli", "%1 in “%2”."), words(board.summary()), site),
            *(_board_line(p) for p in board.loggers),
        ]
    )
    out.result(board.to_dict(), text)
    if board.count(LoggerState.ATTENTION):
        raise CliError(
            Exit.REFUSED,
            say(QT_TRANSLATE_NOOP("Cli", "%1 logger(s) need attention."), board.count(LoggerState.ATTENTION)),
        )
    return Exit.OK


# --- report ---------------------------------------------------------------------------------------

REPORT_SUFFIXES = (".pdf", ".csv", ".json")


def _write_pdf(report: CommissioningReport, path: Path) -> int:
    """The PDF is drawn by Qt (ui/commissioning/report_pdf.py), loaded only for this: every other
    command and format stays without Qt. It runs offscreen, as the command line has no screen."""
    try:
        from saveris_desktop.ui.commissioning.report_pdf import write_pdf
    except ImportError as error:  # a copy installed without its Qt part: the data formats still work
        log.warning("the PDF writer cannot be loaded: %s", error)
        raise CliError(
            Exit.UNEXPECTED,
            say(
                QT_TRANSLATE_NOOP(
                    "Cli",
                    "The PDF needs the app's Qt part, which this installation cannot load; write .csv "
                    "or .json.",
                )
            ),
        ) from None
    return write_pdf(report, path)


async def _open_plan_rows(
    options: argparse.Namespace, out: Output, connection: Connection, site: str
) -> list[OpenPlanRow] | None:
    """The rows of the site's commissioning plan (as the app and `plan apply` keep it on this
    laptop) not configured yet, with why, as the app's board shows them; None without a plan.
    Read only: the app may be running beside this command."""
    database = _database(options)
    if not database.exists():
        return None
    access = await _claim_data_folder(out, write=False)
    try:
        store = await Store.open(database, read_only=access.read_only)
        try:
            endpoint = connection.endpoint.label
            engine = SyncEngine(store, connection.client, endpoint=endpoint, user=connection.username)
            runner = CommissioningRunner(engine, site, name="cli-report")
            try:
                if await runner.plans.load(site) is None:
                    return None
                board = await runner.board_of(await connection.client.list_devices(site))
                return OpenPlanRow.of_board(board)
            finally:
                await runner.aclose()
                await engine.aclose()
        finally:
            await store.close()
    finally:
        access.release()


async def report(options: argparse.Namespace, out: Output, connection: Connection) -> Exit:
    from saveris_desktop import __version__

    site = _site(options.site)
    path = await asyncio.to_thread(_report_path, options.out)
    if path.suffix.lower() not in REPORT_SUFFIXES:
        raise CliError(
            Exit.USAGE,
            say(
                QT_TRANSLATE_NOOP("Cli", "--out “%1”: end the file name in .pdf, .csv or .json."), options.out
            ),
        )
    await _signed_in(connection)
    out.progress(say(QT_TRANSLATE_NOOP("Cli", "Reading “%1” for its commissioning report …"), site))
    try:
        data = await gather_report(
            connection.client,
            site,
            technician=connection.username,
            server=connection.endpoint.label,
            app_version=__version__,
            open_plan_rows=await _open_plan_rows(options, out, connection, site),
        )
    except ApiError as error:
        raise failure(error) from None
    try:
        if path.suffix.lower() == ".pdf":
            out.progress(say(QT_TRANSLATE_NOOP("Cli", "Drawing the PDF …")))
            pages: int | None = _write_pdf(data, path)  # blocking is fine: nothing else runs here
        else:
            await write_report_file(data, path)
            pages = None
    except OSError as error:
        raise CliError(
            Exit.UNEXPECTED,
            say(
                QT_TRANSLATE_NOOP("Cli", "The report could not be written to %1: %2."),
                path,
                error.strerror or error,
            ),
        ) from None
    result = {
        "site": site,
        "report": str(path),
        "format": path.suffix.lower().lstrip("."),
        "pages": pages,
        "loggers": len(data.loggers),
        "incomplete": data.incomplete,
    }
    lines = [
        say(
            QT_TRANSLATE_NOOP("Cli", "Commissioning report of “%1” with %2 logger(s): %3"),
            site,
            len(data.loggers),
            path,
        )
    ]
    if data.incomplete:
        lines.append(
            say(
                QT_TRANSLATE_NOOP(
                    "Cli", "Some parts could not be read from this cloud; the report marks them."
                )
            )
        )
    out.result(result, "\n".join(lines))
    return Exit.OK


# --- demo add-logger ------------------------------------------------------------------------------


async def demo_add_logger(options: argparse.Namespace, out: Output, connection: Connection) -> Exit:
    """The Virtual logger panel's steps: unpack, hold the button 3 s, save the configuration page."""
    from saveris_desktop.simulator import LoggerKind

    site = _site(options.site)
    if not options.join_after >= 0:
        raise CliError(Exit.USAGE, say(QT_TRANSLATE_NOOP("Cli", "--join-after must be 0 seconds or more.")))
    await _signed_in(connection)
    try:
        key = await connection.client.get_connect_key(site)
    except ApiError as error:
        raise failure(error) from None
    sim = connection.simulator  # built with join_delay=--join-after for this command
    if sim is None:  # main() refuses `demo` without --demo; this keeps the types honest
        raise CliError(Exit.USAGE, say(QT_TRANSLATE_NOOP("Cli", "The demo commands need --demo.")))
    logger = sim.create_logger(LoggerKind(options.kind))
    sim.press_button(logger.id, 3.0)
    outcome = sim.submit_configuration(logger.id, key.connect_key, *DEMO_WIFI)
    if not outcome.ok:
        raise CliError(
            Exit.REFUSED,
            say(
                QT_TRANSLATE_NOOP("Cli", "The virtual logger refused its configuration: %1"),
                words(outcome.message),
            ),
        )
    data = {
        "site": site,
        "serial_number": logger.serial_number,
        "kind": options.kind,
        "joins_in": options.join_after,
    }
    out.result(
        data,
        say(
            QT_TRANSLATE_NOOP("Cli", "Virtual %1 %2 is set up for “%3”; it joins in %4 s."),
            logger.kind.product_name,
            logger.serial_number,
            site,
            Number(options.join_after),
        ),
    )
    return Exit.OK


COMMANDS: dict[tuple[str, str | None], Command] = {
    ("check-api", None): check_api,
    ("site", "create"): site_create,
    ("devices", "list"): devices_list,
    ("devices", "wait"): devices_wait,
    ("device", "set"): device_set,
    ("object", "create"): object_create,
    ("plan", "check"): plan_check,
    ("plan", "apply"): plan_apply,
    ("report", None): report,
    ("demo", "add-logger"): demo_add_logger,
}
