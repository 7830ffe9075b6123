"""The onboarding flow as an explicit state machine, free of Qt.

Sign in -> Site -> Connect key -> Hotspot guide -> Waiting -> Found, with "back" to earlier steps and
"add another logger" from Found back to the guide for the same site. The wizard renders the current
step and reports what the technician did; this module decides what may happen next, so the rules
are tested without a window. Everything typed lives in `OnboardingData`, which round-trips through
`to_dict()`/`from_dict()` so the drafts store can persist it (never the password).
"""

from __future__ import annotations

import contextlib
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field, fields
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Protocol

from saveris_desktop.api.errors import ApiError
from saveris_desktop.api.models import GlobalSettings
from saveris_desktop.api.regions import Environment, Region
from saveris_desktop.core.offline.drafts import DraftKind
from saveris_desktop.foundation.signal import Signal

if TYPE_CHECKING:
    from saveris_desktop.core.runtime.services import ChangeQueue


class TimezoneClient(Protocol):
    """What setting a site's time zone needs from the API client."""

    async def put_global_settings(self, site: str, settings: GlobalSettings, /) -> GlobalSettings: ...


class Step(StrEnum):
    SIGN_IN = "sign_in"
    SITE = "site"
    CONNECT_KEY = "connect_key"
    HOTSPOT_GUIDE = "hotspot_guide"
    WAITING = "waiting"
    FOUND = "found"


ORDER: tuple[Step, ...] = tuple(Step)


class DeviceType(StrEnum):
    """The device families whose hotspot procedure the guide explains."""

    QSR_WIFI = "qsr_wifi"
    SAVERIS_2 = "saveris_2"
    GATEWAY_164 = "gateway_164"


class InvalidTransitionError(RuntimeError):
    """The wizard asked for a move the flow does not allow (a programming error, not user input)."""


#: The app's own limit [A]: testo documents none (the contract says only "at least 1 character"); the
#: simulator refuses longer names, and a name this long no longer fits on a report or a screen.
SITE_NAME_MAX_LENGTH = 64


class SiteNameProblem(StrEnum):
    """Why a site name is refused locally; the UI words each one (translated)."""

    EMPTY = "empty"
    TOO_LONG = "too_long"
    CONTROL_CHARACTERS = "control_characters"


@dataclass(frozen=True)
class SiteNameCheck:
    name: str  # trimmed, inner white space collapsed
    problem: SiteNameProblem | None  # None when the name is acceptable
    #: where the problem is, counted from 1 in the text as typed (not the trimmed name); None: nowhere
    #: in particular (empty). CONTROL_CHARACTERS: the first such character; TOO_LONG: the first one
    #: past the limit.
    position: int | None = None
    #: the character at `position` ("" when there is none)
    character: str = ""

    @property
    def ok(self) -> bool:
        return self.problem is None

    @property
    def length(self) -> int:
        """The length of the name as it would be sent (what SITE_NAME_MAX_LENGTH limits)."""
        return len(self.name)


def check_site_name(raw: str) -> SiteNameCheck:
    """Validate a site name before asking the server: the one rule of the wizard, the New site dialog,
    the site plan and the CLI.

    The server has the last word (its refusal is shown next to the field as well); these rules only
    catch what can never work and would reject nothing testo's documented API accepts by design:
    an empty name, invisible control or format characters (pasted along, never meant), a name over
    the app's length limit. Letters of any script, digits and punctuation ("/", ":", "&" ...) pass:
    testo documents no character set.
    """
    name = " ".join(raw.split())
    if not name:
        return SiteNameCheck(name, SiteNameProblem.EMPTY)
    for index, ch in enumerate(raw):
        # white space (a tab, a line break) is collapsed into a blank above, so it is no problem
        if not ch.isspace() and unicodedata.category(ch).startswith("C"):
            return SiteNameCheck(name, SiteNameProblem.CONTROL_CHARACTERS, index + 1, ch)
    if len(name) > SITE_NAME_MAX_LENGTH:
        return SiteNameCheck(name, SiteNameProblem.TOO_LONG, _raw_position(raw, SITE_NAME_MAX_LENGTH), "")
    return SiteNameCheck(name, None)


def _raw_position(raw: str, kept: int) -> int:
    """The position (from 1) in `raw` of the first character past the first `kept` of the name
    `check_site_name` makes of it (blanks collapsed), so "too long from here" points into what was typed."""
    count = 0
    previous_blank = True  # leading blanks are dropped
    for index, ch in enumerate(raw):
        blank = ch.isspace()
        if blank and previous_blank:
            continue
        previous_blank = blank
        if count == kept:
            return index + 1
        count += 1
    return len(raw) + 1


def remember_recent(recent: Sequence[str], site: str, limit: int = 10) -> list[str]:
    """Move `site` to the front of the most-recently-used list, without duplicates."""
    rest = [s for s in recent if s and s.casefold() != site.casefold()]
    return [site, *rest][:limit]


@dataclass(frozen=True)
class TimezoneResult:
    """What became of the site's time zone: set (`problem` empty), or why not and whether it waits."""

    problem: str = ""  # the failure in plain words, with the server's reason when it gave one
    queued: bool = False  # waiting in the outbox, sent by itself once the cloud takes it
    error: ApiError | None = None


async def set_site_timezone(
    client: TimezoneClient,
    site: str,
    zone: str,
    queue: ChangeQueue | None,
    describe: Callable[[ApiError], str] = str,
) -> TimezoneResult:
    """`PUT /settings/global` for a site just created or picked.

    Setting the time zone is optional in testo's overview, so a refusal or failure (no network, a
    refused value, a server that does not offer it) never stops the onboarding: the change goes to
    the outbox like any other change the cloud did not take (sent again by itself; a refusal shows
    there with the server's reason, to retry or discard), and the result says why in `describe`'s
    words. Anything that is not an ApiError is a bug and propagates.
    """
    try:
        await client.put_global_settings(site, GlobalSettings(timezone=zone))
    except ApiError as error:
        queued = False
        if queue is not None:
            await queue.queue_change(site, DraftKind.GLOBAL_SETTINGS, site, {"timezone": zone}, None)
            queued = True
        return TimezoneResult(problem=describe(error), queued=queued, error=error)
    return TimezoneResult()


#: field metadata: the technician's own input, kept in the wizard's draft (OnboardingData.to_draft)
TYPED = {"typed": True}


@dataclass
class OnboardingData:
    """What the technician entered and what the server answered, JSON-safe. Never a password.

    Only the fields marked TYPED go into the wizard's draft: what was typed or picked. What the
    cloud answered (the connect key, the baseline, the loggers found) is not kept: a key to the
    customer's site does not go to disk, and a listing from another day would be a wrong baseline.
    """

    username: str = field(default="", metadata=TYPED)
    region: Region = field(default=Region.EUROPE, metadata=TYPED)
    environment: Environment = field(default=Environment.PRODUCTION, metadata=TYPED)
    remember_me: bool = field(default=False, metadata=TYPED)
    #: the site the cloud confirmed (site_ready); what is being typed is `site_typed`
    site: str = ""
    #: the site name as typed on the site page, confirmed or not (what the page shows again)
    site_typed: str = field(default="", metadata=TYPED)
    timezone: str = field(default="", metadata=TYPED)
    #: why the time zone could not be set (then it waits in the outbox, or must be set again); "" when set
    timezone_problem: str = ""
    #: the time zone that failed waits in the outbox and is sent by itself
    timezone_queued: bool = False
    connect_key: str = ""
    device_type: DeviceType = field(default=DeviceType.QSR_WIFI, metadata=TYPED)
    wifi_ssid: str = field(default="", metadata=TYPED)
    #: uuids that count as "already there": listed online before the hotspot step (at the latest when
    #: the guide opened, see OnboardingFlow.devices_listed); None until such a listing succeeded.
    baseline_uuids: list[str] | None = None
    #: the guide was reached in this round: from now on the laptop may be on a logger's hotspot and a
    #: listing may already hold the new logger, so it no longer moves the baseline.
    baseline_frozen: bool = False
    #: every logger found in this session, oldest first.
    found_uuids: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for key in ("region", "environment", "device_type"):
            data[key] = str(data[key])
        return data

    def to_draft(self) -> dict[str, Any]:
        """The technician's input only (see the class docstring); never the password or the key."""
        typed = {f.name for f in fields(self) if f.metadata.get("typed")}
        return {k: v for k, v in self.to_dict().items() if k in typed}

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> OnboardingData:
        """Rebuild from `to_dict()` output; unknown keys and bad values fall back to defaults."""
        known = {f.name for f in fields(cls)}
        data = cls(**{k: v for k, v in raw.items() if k in known and k not in _ENUM_FIELDS})
        for name, enum in _ENUM_FIELDS.items():
            value = raw.get(name)
            if value is not None:
                with contextlib.suppress(ValueError):
                    setattr(data, name, enum(value))
        return data

    @property
    def last_found_uuid(self) -> str | None:
        return self.found_uuids[-1] if self.found_uuids else None


_ENUM_FIELDS: dict[str, type[StrEnum]] = {
    "region": Region,
    "environment": Environment,
    "device_type": DeviceType,
}


class OnboardingFlow:
    """Current step plus data; each method is one thing the technician completed."""

    def __init__(
        self, data: OnboardingData | None = None, *, signed_in: bool = False, resume_at: Step | None = None
    ) -> None:
        self.data = data or OnboardingData()
        self._signed_in = signed_in
        # A wizard opened by someone already signed in starts (and ends its "back") at the site;
        # one reopened after it was closed starts where it stopped, as far as the data allows.
        self._start = self.resumable(resume_at)
        self._step = self._start
        #: the step or the data changed (the wizard re-renders, the drafts keep the data)
        self.sig_changed: Signal[OnboardingFlow] = Signal("onboarding flow")
        self._latest_listing: list[str] = []

    # --- queries -------------------------------------------------------------------------------

    @property
    def step(self) -> Step:
        return self._step

    @property
    def signed_in(self) -> bool:
        return self._signed_in

    @property
    def start_step(self) -> Step:
        return self._start

    def note(self, **typed: Any) -> None:
        """What the technician typed or picked so far on the current page (kept as a draft, shown
        again when the wizard reopens); the step's own transition validates and confirms it."""
        allowed = {f.name for f in fields(OnboardingData) if f.metadata.get("typed")}
        unknown = set(typed) - allowed
        if unknown:
            raise InvalidTransitionError(f"not typed input: {sorted(unknown)}")
        changed = False
        for name, value in typed.items():
            enum = _ENUM_FIELDS.get(name)
            value = enum(value) if enum is not None else value
            if getattr(self.data, name) != value:
                setattr(self.data, name, value)
                changed = True
        if changed:
            self.sig_changed.emit(self)

    def can_go_back(self) -> bool:
        """Found has no way back: the logger is in the cloud; "add another" starts a new round."""
        return self._step not in (self.start_step, Step.FOUND)

    def resumable(self, stopped_at: Step | None) -> Step:
        """The step a wizard closed at `stopped_at` reopens at, with this flow's data.

        Signed out, that is the sign-in (the password is never kept). Signed in, the site, or later
        steps when their data is complete: the connect key page and the hotspot guide need the site
        and its key (a key is kept in memory for the run, never on disk, so after a restart the
        site page's Next reads it again). Waiting reopens at the guide, which lists the site once
        more before waiting starts; Found is not resumed (the logger is in the cloud)."""
        first = Step.SITE if self._signed_in else Step.SIGN_IN
        if not self._signed_in or stopped_at is None or not (self.data.site and self.data.connect_key):
            return first
        if stopped_at is Step.CONNECT_KEY:
            return Step.CONNECT_KEY
        if stopped_at in (Step.HOTSPOT_GUIDE, Step.WAITING):
            return Step.HOTSPOT_GUIDE
        return first

    @staticmethod
    def successor(step: Step) -> Step | None:
        """The step after `step`, None after the last one."""
        index = ORDER.index(step)
        return ORDER[index + 1] if index + 1 < len(ORDER) else None

    # --- transitions ---------------------------------------------------------------------------

    def signed_in_as(
        self, username: str, region: Region, environment: Environment, *, remember_me: bool = False
    ) -> None:
        self._expect(Step.SIGN_IN)
        if not username.strip():
            raise InvalidTransitionError("sign-in needs a user name")
        self.data.username = username.strip()
        self.data.region = region
        self.data.environment = environment
        self.data.remember_me = remember_me
        self._signed_in = True
        self._move(Step.SITE)

    def site_ready(
        self,
        site: str,
        timezone: str,
        connect_key: str,
        devices: Iterable[str] | None = None,
        *,
        timezone_result: TimezoneResult | None = None,
    ) -> None:
        """The site exists and has a key; `devices`: its listing, read online right after (for a site
        just created, simply empty). It is the baseline unless this round already reached the guide.

        The time zone is optional in testo's procedure: `timezone_result` says whether it was set,
        and a failure (kept in the data for the next pages) never stops the flow."""
        self._expect(Step.SITE)
        check = check_site_name(site)
        if not check.ok or not connect_key:
            raise InvalidTransitionError("a site needs a valid name and its connect key")
        if check.name != self.data.site:
            self.data.baseline_uuids = None  # another site: its devices are unknown
            self.data.baseline_frozen = False
        if devices is not None and not self.data.baseline_frozen:
            self.data.baseline_uuids = sorted(set(devices))
        self.data.site = check.name
        self.data.site_typed = check.name
        self.data.timezone = timezone
        failure = timezone_result.problem if timezone_result is not None else ""
        self.data.timezone_problem = failure
        self.data.timezone_queued = bool(failure) and timezone_result is not None and timezone_result.queued
        self.data.connect_key = connect_key
        self._move(Step.CONNECT_KEY)

    def connect_key_noted(self) -> None:
        self._expect(Step.CONNECT_KEY)
        self.data.baseline_frozen = True  # from the guide on, a logger of this round may join
        self._move(Step.HOTSPOT_GUIDE)

    def devices_listed(self, uuids: Iterable[str]) -> None:
        """A successful listing of the site.

        Before this round reached the hotspot guide it becomes the baseline: the laptop was online
        and no logger of this round can have joined. From the guide on, the technician may already be
        on a logger's hotspot, so a listing (one that arrives after reconnecting, or on the guide
        after Back from waiting) may hold the new logger: it only fills a baseline that is still
        unknown, and while waiting not even that (the watcher decides then). The latest listing is
        kept for "add another logger".
        """
        self._expect(Step.CONNECT_KEY, Step.HOTSPOT_GUIDE, Step.WAITING)
        listed = sorted(set(uuids))
        self._latest_listing = listed
        frozen = self.data.baseline_frozen or self._step is Step.WAITING
        if not frozen or (self.data.baseline_uuids is None and self._step is not Step.WAITING):
            self.data.baseline_uuids = listed

    def start_waiting(self, device_type: DeviceType, wifi_ssid: str = "") -> None:
        self._expect(Step.HOTSPOT_GUIDE)
        self.data.device_type = device_type
        self.data.wifi_ssid = wifi_ssid.strip()
        self._move(Step.WAITING)

    def logger_found(self, uuid: str) -> None:
        self._expect(Step.WAITING)
        if uuid in self.data.found_uuids:
            raise InvalidTransitionError(f"logger {uuid} was already found")
        self.data.found_uuids.append(uuid)
        self._move(Step.FOUND)

    def add_another(self) -> None:
        """Same site, same key: back to the guide; the logger just found is no longer new.

        The new baseline is the listing in which it was found (online, moments ago) plus every logger
        found so far; the guide does not need the network to start the next round.
        """
        self._expect(Step.FOUND)
        known = set(self.data.baseline_uuids or ()) | set(self._latest_listing) | set(self.data.found_uuids)
        self.data.baseline_uuids = sorted(known)
        self.data.baseline_frozen = True
        self._move(Step.HOTSPOT_GUIDE)

    def go_back(self) -> Step:
        if not self.can_go_back():
            raise InvalidTransitionError(f"no way back from {self._step}")
        previous = ORDER[ORDER.index(self._step) - 1]
        if previous is Step.SIGN_IN:
            self._signed_in = False
        self._move(previous)
        return previous

    def signed_out(self) -> None:
        """Back to the start; keep what helps the next sign-in (user name, region), drop the rest."""
        keep = OnboardingData(
            username=self.data.username, region=self.data.region, environment=self.data.environment
        )
        self.data = keep
        self._signed_in = False
        self._start = Step.SIGN_IN
        self._move(Step.SIGN_IN)

    # --- helpers -------------------------------------------------------------------------------

    def _expect(self, *steps: Step) -> None:
        if self._step not in steps:
            wanted = " or ".join(str(s) for s in steps)
            raise InvalidTransitionError(f"expected step {wanted}, the flow is at {self._step}")

    def _move(self, step: Step) -> None:
        self._step = step
        self.sig_changed.emit(self)
