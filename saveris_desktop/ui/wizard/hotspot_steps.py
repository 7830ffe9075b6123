"""The hotspot procedure per device type, step by step, with the LED state to expect at each step.

Sources: testo's onboarding description (button 3 s, LED blinking green, the logger's own Wi-Fi
network, accountId + site Wi-Fi on its configuration page) [V]. The LED colours after saving and the
testo 164 gateway's patterns are undocumented; they match the simulator's assumption [A].
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from saveris_desktop.core.devices.device_rows import guide_device_name
from saveris_desktop.core.onboarding.flow import DeviceType
from saveris_desktop.ui import core_words
from saveris_desktop.ui.widgets.led import LedPattern


@dataclass(frozen=True)
class GuideStep:
    text: str  # rich text; {key}, {ssid} and {hotspot} are filled in by the page
    led: LedPattern
    #: step and LED state are in testo's own description [V] (the Help guide shows only these)
    documented: bool = False


def device_label(device_type: DeviceType) -> str:
    """The device type by its one name, as the device table, the found page and the report say it."""
    return core_words.device_type_name(guide_device_name(device_type))


def hotspot_name_pattern(device_type: DeviceType) -> str:
    # testo's overview, step 3, names the QSR/WiFi logger's network `Saveris2-xxx-xxx-xxx` [V]; the
    # Saveris 2 logger is assumed to use the same pattern, the gateway's is an assumption [A].
    return {
        DeviceType.QSR_WIFI: "Saveris2-xxx-xxx-xxx",
        DeviceType.SAVERIS_2: "Saveris2-xxx-xxx-xxx",
        DeviceType.GATEWAY_164: "T164GW-xxx-xxx-xxx",
    }[device_type]


def guide_steps(device_type: DeviceType) -> list[GuideStep]:
    power = {
        DeviceType.QSR_WIFI: QCoreApplication.translate(
            "HotspotGuide", "Insert the batteries. The logger is not set up yet, so its LED stays off."
        ),
        DeviceType.SAVERIS_2: QCoreApplication.translate(
            "HotspotGuide", "Insert the batteries or plug in the power supply. A new logger's LED stays off."
        ),
        DeviceType.GATEWAY_164: QCoreApplication.translate(
            "HotspotGuide",
            "Plug in the gateway's power supply. The gateway has no display: only its LED tells you "
            "what is happening.",
        ),
    }[device_type]
    button = {
        DeviceType.QSR_WIFI: QCoreApplication.translate(
            "HotspotGuide", "Hold the logger's button for <b>3 seconds</b> until the LED blinks green."
        ),
        DeviceType.SAVERIS_2: QCoreApplication.translate(
            "HotspotGuide", "Hold the button on the logger for <b>3 seconds</b> until the LED blinks green."
        ),
        DeviceType.GATEWAY_164: QCoreApplication.translate(
            "HotspotGuide", "Hold the button on the gateway for <b>3 seconds</b> until the LED blinks green."
        ),
    }[device_type]
    return [
        GuideStep(power, LedPattern.OFF),
        GuideStep(button, LedPattern.HOTSPOT, documented=True),
        GuideStep(
            QCoreApplication.translate(
                "HotspotGuide",
                "On this laptop, join the Wi-Fi network <b>{hotspot}</b> (the numbers are on the device's "
                "label). This laptop has no internet while it is on that network; that is expected and "
                "this app waits for you.",
            ),
            LedPattern.HOTSPOT,
            documented=True,
        ),
        GuideStep(
            QCoreApplication.translate(
                "HotspotGuide",
                "Open the device's configuration page in a browser and type exactly:"
                "<br>• <b>accountId</b>: <tt>{key}</tt>"
                "<br>• <b>Wi-Fi name</b>: {ssid}"
                "<br>• <b>Wi-Fi password</b>: the password of that Wi-Fi network"
                "<br>Then press <b>Save</b>.",
            ),
            LedPattern.HOTSPOT,
            documented=True,
        ),
        GuideStep(
            QCoreApplication.translate(
                "HotspotGuide",
                "The device closes its hotspot and connects to the site's Wi-Fi: the LED blinks orange.",
            ),
            LedPattern.CONNECTING,
        ),
        GuideStep(
            QCoreApplication.translate(
                "HotspotGuide",
                "Reconnect this laptop to your normal Wi-Fi. Once the device is in the cloud its LED "
                "flashes green every 10 seconds and the next page shows it.",
            ),
            LedPattern.NORMAL,
        ),
    ]


def troubleshooting_hints() -> list[str]:
    return [
        QCoreApplication.translate(
            "HotspotGuide",
            "LED blinking <b>red</b>: the cloud did not accept the key. Open the hotspot again and "
            "check accountId.",
        ),
        QCoreApplication.translate(
            "HotspotGuide",
            "LED still blinking <b>orange</b>: the device cannot reach the Wi-Fi. Check the Wi-Fi name "
            "and password.",
        ),
        QCoreApplication.translate(
            "HotspotGuide",
            "QSR / WiFi loggers use <b>2.4 GHz</b> Wi-Fi only: a network that offers only 5 GHz cannot "
            "be joined.",
        ),
        QCoreApplication.translate(
            "HotspotGuide",
            "A mistyped key is the most common cause: letters and digits only, dashes do not matter.",
        ),
        QCoreApplication.translate(
            "HotspotGuide",
            "LED <b>off</b>: the hotspot closed without saving (or the batteries are empty). Start again.",
        ),
        QCoreApplication.translate(
            "HotspotGuide",
            "The site's Wi-Fi must reach the internet; guest networks with a login page do not work.",
        ),
    ]
