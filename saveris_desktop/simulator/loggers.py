"""Virtual loggers: the hardware side of onboarding, as a technician experiences it.

A logger starts unconfigured with its LED off. Holding the button for at least 3 seconds opens its
hotspot (LED blinking green); shorter presses do nothing, like on the real device. In hotspot mode it
serves a configuration page (accountId = the site's connect key, Wi-Fi name, Wi-Fi password). After a
valid save it closes the hotspot and connects (LED blinking orange); once its join delay has passed on
the simulated clock the cloud either accepts the connect key (the logger joins that site, LED flashes
green) or refuses it (LED blinking red, "connect key not accepted"). Holding the button again in
hotspot mode closes the hotspot without changes.

Product data (model codes, firmware, capabilities) is realistic but invented for the simulator; the
LED patterns of the testo 164 gateway are undocumented and assumed to match the Saveris 2 ones.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from saveris_desktop.core.runtime.sentences import QT_TRANSLATE_NOOP, Number, Sentence

HOTSPOT_HOLD_SECONDS = 3.0
# The texts a virtual logger shows are core Sentences: the demo panel shows them in the app's
# language (ui/core_words.py), the CLI and the configuration page in English.
PAGE_UNREACHABLE = Sentence(
    QT_TRANSLATE_NOOP(
        "CoreSentences",
        "The configuration page is only reachable while the hotspot is open: hold the button for 3 seconds.",
    )
)
_NOT_SET_UP = QT_TRANSLATE_NOOP(
    "CoreSentences", "Not set up. Hold the button for 3 seconds to open the hotspot."
)
_CONNECTED = QT_TRANSLATE_NOOP("CoreSentences", "Connected to the cloud (site '%1').")


class LoggerKind(StrEnum):
    QSR_TEMPERATURE = "qsr_temperature"
    QSR_TEMPERATURE_HUMIDITY = "qsr_temperature_humidity"
    SAVERIS2 = "saveris2"
    GATEWAY_164 = "gateway_164"

    @property
    def product_name(self) -> str:
        return KIND_SPECS[self].product_name


class LedState(StrEnum):
    OFF = "off"
    HOTSPOT = "hotspot"
    CONNECTING = "connecting"
    NORMAL = "normal"
    ERROR = "error"

    @property
    def pattern(self) -> str:
        """What the technician sees on the device."""
        return _LED_PATTERNS[self]


_LED_PATTERNS = {
    LedState.OFF: "LED off",
    LedState.HOTSPOT: "LED blinking green",
    LedState.CONNECTING: "LED blinking orange",
    LedState.NORMAL: "LED flashes green every 10 seconds",
    LedState.ERROR: "LED blinking red",
}


@dataclass(frozen=True)
class ChannelSpec:
    physical_value_id: str
    physical_unit_id: str
    name: str
    range_min: float
    range_max: float
    resolution: float


@dataclass(frozen=True)
class SensorSpec:
    model_code: str
    name: str
    slot_type: str  # INTERNAL, PROBE or WIRELESS
    channels: tuple[ChannelSpec, ...]

    @property
    def wireless(self) -> bool:
        return self.slot_type == "WIRELESS"


@dataclass(frozen=True)
class KindSpec:
    product_name: str
    model_code: str
    firmware_version: str
    firmware_code: str
    ssid_prefix: str
    serial_prefix: str
    capability: dict[str, Any]
    sensors: tuple[SensorSpec, ...]
    default_measuring_cycle: int  # ms
    default_communication_cycle: int  # ms


_TEMPERATURE = ChannelSpec("PV_TEMPERATURE", "PU_DEGREE_CELSIUS", "Temperature", -30.0, 50.0, 0.1)
_HUMIDITY = ChannelSpec("PV_HUMIDITY", "PU_PERCENT_HUMIDITY", "Humidity", 0.0, 100.0, 0.1)
_PROBE_TEMPERATURE = ChannelSpec(
    "PV_TEMPERATURE", "PU_DEGREE_CELSIUS", "Probe temperature", -50.0, 150.0, 0.1
)
_DOOR = ChannelSpec("PV_DOOR_STATE", "PU_NONE", "Door", 0.0, 1.0, 1.0)

_MINUTE = 60_000
_DAY = 1_440 * _MINUTE


def _capability(**specific: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "powersupply": False,
        "charger": False,
        "radio": False,
        "ethernet": False,
        "display": False,
        "sum": False,
        "deactivation": True,
        "communication_cycle_min": 5 * _MINUTE,
        "communication_cycle_max": _DAY,
        "supported_battery_types": ["BT_AA_ALKALINE", "BT_AA_LITHIUM"],
        "display_measure_rows": 0,
        "slot_count": 1,
        "measuring_cycle_min": _MINUTE,
        "measuring_cycle_max": _DAY,
        # Fields the client does not model: they must survive its round trips.
        "memory_size_values": 10_000,
        "wifi_bands": ["2.4GHz"],
        "buzzer": False,
    }
    base.update(specific)
    return base


KIND_SPECS: dict[LoggerKind, KindSpec] = {
    LoggerKind.QSR_TEMPERATURE: KindSpec(
        product_name="QSR WiFi logger (temperature)",
        model_code="0572 3010",
        firmware_version="2.4.1",
        firmware_code="QSR-T-0241",
        ssid_prefix="Saveris2",  # testo's overview, step 3 [V]
        serial_prefix="611",
        capability=_capability(),
        sensors=(SensorSpec("0572 3010-S", "Internal temperature sensor", "INTERNAL", (_TEMPERATURE,)),),
        default_measuring_cycle=5 * _MINUTE,
        default_communication_cycle=15 * _MINUTE,
    ),
    LoggerKind.QSR_TEMPERATURE_HUMIDITY: KindSpec(
        product_name="QSR WiFi logger (temperature and humidity)",
        model_code="0572 3011",
        firmware_version="2.4.1",
        firmware_code="QSR-TH-0241",
        ssid_prefix="Saveris2",  # testo's overview, step 3 [V]
        serial_prefix="612",
        capability=_capability(),
        sensors=(
            SensorSpec(
                "0572 3011-S", "Internal temperature/humidity sensor", "INTERNAL", (_TEMPERATURE, _HUMIDITY)
            ),
        ),
        default_measuring_cycle=5 * _MINUTE,
        default_communication_cycle=15 * _MINUTE,
    ),
    LoggerKind.SAVERIS2: KindSpec(
        product_name="Saveris 2-T2 logger",
        model_code="0572 2032",
        firmware_version="1.17.0",
        firmware_code="S2-T2-0117",
        ssid_prefix="Saveris2",
        serial_prefix="620",
        capability=_capability(
            powersupply=True,
            display=True,
            display_measure_rows=2,
            slot_count=2,
            buzzer=True,
        ),
        sensors=(SensorSpec("0613 1712", "NTC probe", "PROBE", (_PROBE_TEMPERATURE,)),),
        default_measuring_cycle=5 * _MINUTE,
        default_communication_cycle=15 * _MINUTE,
    ),
    LoggerKind.GATEWAY_164: KindSpec(
        product_name="testo 164 gateway",
        model_code="0572 1640",
        firmware_version="3.2.0",
        firmware_code="T164-GW-0320",
        ssid_prefix="T164GW",
        serial_prefix="640",
        capability=_capability(
            powersupply=True,
            radio=True,
            ethernet=True,
            deactivation=False,
            slot_count=8,
            communication_cycle_min=_MINUTE,
            measuring_cycle_min=_MINUTE,
            supported_battery_types=[],
            wifi_bands=["2.4GHz", "5GHz"],
        ),
        sensors=(
            SensorSpec("0572 1641", "testo 164 DC door contact", "WIRELESS", (_DOOR,)),
            SensorSpec("0572 1642", "testo 164 T1 temperature probe", "WIRELESS", (_TEMPERATURE,)),
        ),
        default_measuring_cycle=5 * _MINUTE,
        default_communication_cycle=5 * _MINUTE,
    ),
}


@dataclass(frozen=True)
class ConfigurationResult:
    """Answer of the logger's configuration page: `message` is what the page shows."""

    ok: bool
    message: str
    field_errors: dict[str, str] = field(default_factory=dict)


#: Connect keys look like ABCD-EFGH-JKLM; the page ignores blanks, dashes and letter case.
CONNECT_KEY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
_CONNECT_KEY_SHAPE = re.compile(f"[{CONNECT_KEY_ALPHABET}]{{12}}")


def normalise_connect_key(text: str) -> str:
    return re.sub(r"[\s-]", "", text).upper()


def validate_configuration(account_id: str, wifi_ssid: str, wifi_password: str) -> dict[str, str]:
    """The page's own checks, before anything is saved: field name -> message."""
    errors: dict[str, str] = {}
    key = normalise_connect_key(account_id)
    if not key:
        errors["accountId"] = Sentence(QT_TRANSLATE_NOOP("CoreSentences", "Enter the site's connect key."))
    elif not _CONNECT_KEY_SHAPE.fullmatch(key):
        errors["accountId"] = Sentence(
            QT_TRANSLATE_NOOP(
                "CoreSentences",
                "This is not a connect key: it has 12 letters and digits, like ABCD-EFGH-JKLM.",
            )
        )
    ssid_bytes = len(wifi_ssid.encode("utf-8"))
    if not wifi_ssid.strip():
        errors["wifi_ssid"] = Sentence(
            QT_TRANSLATE_NOOP("CoreSentences", "Enter the name of the site's Wi-Fi network.")
        )
    elif ssid_bytes > 32:
        errors["wifi_ssid"] = Sentence(
            QT_TRANSLATE_NOOP("CoreSentences", "A Wi-Fi name has at most 32 bytes (this one has %1)."),
            str(ssid_bytes),
        )
    if not 8 <= len(wifi_password) <= 63:
        errors["wifi_password"] = Sentence(
            QT_TRANSLATE_NOOP("CoreSentences", "A WPA2 Wi-Fi password has 8 to 63 characters.")
        )
    elif not all(" " <= ch <= "~" for ch in wifi_password):
        errors["wifi_password"] = Sentence(
            QT_TRANSLATE_NOOP("CoreSentences", "A WPA2 Wi-Fi password uses only plain ASCII characters.")
        )
    return errors


class VirtualLogger:
    """One simulated logger; `led`, `status_text` and `joined_site` first let due joins happen."""

    def __init__(
        self,
        *,
        logger_id: str,
        kind: LoggerKind,
        serial_number: str,
        device_uuid: str,
        sensor_uuids: tuple[str, ...],
        sensor_serials: tuple[str, ...],
    ) -> None:
        self.id = logger_id
        self.kind = kind
        self.serial_number = serial_number
        self.device_uuid = device_uuid
        self.sensor_uuids = sensor_uuids
        self.sensor_serials = sensor_serials
        self._led = LedState.OFF
        self._status_text: str = Sentence(_NOT_SET_UP)
        self._joined_site: str | None = None
        self.joined_customer: str | None = None
        self.wifi_ssid: str | None = None
        self.pending_key: str | None = None
        self.join_due: float | None = None  # clock.now() seconds
        # Set by the Simulator: evaluates due joins before state is read (joining is lazy).
        self.refresh: Callable[[], None] = _nothing

    @property
    def led(self) -> LedState:
        self.refresh()
        return self._led

    @property
    def status_text(self) -> str:
        self.refresh()
        return self._status_text

    @property
    def joined_site(self) -> str | None:
        self.refresh()
        return self._joined_site

    @property
    def spec(self) -> KindSpec:
        return KIND_SPECS[self.kind]

    @property
    def model_code(self) -> str:
        return self.spec.model_code

    @property
    def hotspot_ssid(self) -> str:
        digits = self.serial_number.rjust(9, "0")
        return f"{self.spec.ssid_prefix}-{digits[0:3]}-{digits[3:6]}-{digits[6:9]}"

    @property
    def in_hotspot(self) -> bool:
        return self._led is LedState.HOTSPOT

    def press_button(self, seconds: float) -> str:
        if not seconds >= HOTSPOT_HOLD_SECONDS:
            return Sentence(
                QT_TRANSLATE_NOOP(
                    "CoreSentences",
                    "Short press (%1 s) ignored: hold the button for at least %2 seconds to open the "
                    "hotspot.",
                ),
                Number(seconds, f"{seconds:.1f}"),
                f"{HOTSPOT_HOLD_SECONDS:.0f}",
            )
        if self.in_hotspot:
            self._settle()
            return Sentence(QT_TRANSLATE_NOOP("CoreSentences", "Hotspot closed without changes."))
        self._led = LedState.HOTSPOT
        self.pending_key = None
        self.join_due = None
        self._status_text = Sentence(
            QT_TRANSLATE_NOOP(
                "CoreSentences", "Hotspot open: join the Wi-Fi network %1 and open the configuration page."
            ),
            self.hotspot_ssid,
        )
        return self._status_text

    def _settle(self) -> None:
        if self._joined_site is not None:
            self._led = LedState.NORMAL
            self._status_text = Sentence(_CONNECTED, self._joined_site)
        else:
            self._led = LedState.OFF
            self._status_text = Sentence(_NOT_SET_UP)

    def submit_configuration(
        self, account_id: str, wifi_ssid: str, wifi_password: str, *, now: float, join_delay: float
    ) -> ConfigurationResult:
        if not self.in_hotspot:
            return ConfigurationResult(False, PAGE_UNREACHABLE)
        errors = validate_configuration(account_id, wifi_ssid, wifi_password)
        if errors:
            not_saved = Sentence(
                QT_TRANSLATE_NOOP("CoreSentences", "Not saved: please correct the marked fields.")
            )
            return ConfigurationResult(False, not_saved, errors)
        self.pending_key = normalise_connect_key(account_id)
        self.wifi_ssid = wifi_ssid
        self.join_due = now + join_delay
        self._led = LedState.CONNECTING
        self._status_text = Sentence(
            QT_TRANSLATE_NOOP("CoreSentences", "Connecting to Wi-Fi '%1' and the cloud ..."), wifi_ssid
        )
        return ConfigurationResult(
            True,
            Sentence(
                QT_TRANSLATE_NOOP(
                    "CoreSentences",
                    "Saved. The logger closes its hotspot, connects to '%1' and registers with the cloud; it "
                    "appears in the site within about %2 seconds.",
                ),
                wifi_ssid,
                f"{join_delay:.0f}",
            ),
        )

    def joined(self, site: str, customer_uuid: str) -> None:
        self._joined_site = site
        self.joined_customer = customer_uuid
        self.pending_key = None
        self.join_due = None
        self._led = LedState.NORMAL
        self._status_text = Sentence(_CONNECTED, site)

    def refused(self) -> None:
        self.pending_key = None
        self.join_due = None
        self._led = LedState.ERROR
        self._status_text = Sentence(
            QT_TRANSLATE_NOOP(
                "CoreSentences",
                "Connect key not accepted by the cloud: check the accountId on the configuration page (hold "
                "the button for 3 seconds to open it again).",
            )
        )

    def to_json(self, now: float) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind.value,
            "product_name": self.spec.product_name,
            "serial_number": self.serial_number,
            "model_code": self.model_code,
            "device_uuid": self.device_uuid,
            "sensor_uuids": list(self.sensor_uuids),
            "sensor_serials": list(self.sensor_serials),
            "hotspot_ssid": self.hotspot_ssid,
            "led": self._led.value,
            "led_pattern": self._led.pattern,
            "status_text": self._status_text,
            "joined_site": self._joined_site,
            "wifi_ssid": self.wifi_ssid,
            "join_in_seconds": None if self.join_due is None else max(0.0, self.join_due - now),
        }

    def persisted(self, now: float) -> dict[str, Any]:
        data = self.to_json(now)
        data.update(joined_customer=self.joined_customer, pending_key=self.pending_key)
        return data

    @classmethod
    def restore(cls, data: dict[str, Any], now: float) -> VirtualLogger:
        logger = cls(
            logger_id=data["id"],
            kind=LoggerKind(data["kind"]),
            serial_number=data["serial_number"],
            device_uuid=data["device_uuid"],
            sensor_uuids=tuple(data["sensor_uuids"]),
            sensor_serials=tuple(data["sensor_serials"]),
        )
        logger._led = LedState(data["led"])
        logger._status_text = data["status_text"]
        logger._joined_site = data["joined_site"]
        logger.joined_customer = data["joined_customer"]
        logger.wifi_ssid = data["wifi_ssid"]
        logger.pending_key = data["pending_key"]
        remaining = data["join_in_seconds"]
        logger.join_due = None if remaining is None else now + float(remaining)
        return logger


def _nothing() -> None:
    return None
