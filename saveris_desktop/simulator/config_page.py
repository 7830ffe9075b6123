"""The HTML configuration page a virtual logger serves in hotspot mode.

Field names follow testo's onboarding text: `accountId` (the connect key), plus the site Wi-Fi's
name and password. Typed values are kept when the page shows errors, except the password.
"""

from __future__ import annotations

from html import escape

from .loggers import ConfigurationResult, VirtualLogger

FIELDS = (
    ("accountId", "accountId (connect key of the site)", "text"),
    ("wifi_ssid", "Wi-Fi name (SSID)", "text"),
    ("wifi_password", "Wi-Fi password", "password"),
)


def render(
    logger: VirtualLogger,
    *,
    result: ConfigurationResult | None = None,
    values: dict[str, str] | None = None,
) -> str:
    values = values or {}
    errors = result.field_errors if result else {}
    rows = []
    for name, label, kind in FIELDS:
        value = "" if kind == "password" else values.get(name, "")
        problem = errors.get(name)
        invalid = f' aria-invalid="true" aria-describedby="{name}-error"' if problem else ""
        rows.append(
            f'<p><label for="{name}">{escape(label)}</label><br>'
            f'<input id="{name}" name="{name}" type="{kind}" value="{escape(value)}"{invalid}>'
            + (f'<br><strong class="error" id="{name}-error">{escape(problem)}</strong>' if problem else "")
            + "</p>"
        )
    notice = ""
    if result is not None:
        css = "saved" if result.ok else "error"
        notice = f'<p class="{css}" role="status">{escape(result.message)}</p>'
    state = f"{logger.led.pattern}: {logger.status_text}"
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{escape(logger.spec.product_name)} {escape(logger.serial_number)} - configuration</title>
<style>body{{font-family:sans-serif;max-width:32em;margin:2em auto}}.error{{color:#b00020}}
.saved{{color:#1b5e20}}</style></head>
<body><h1>{escape(logger.spec.product_name)}</h1>
<p>Serial number {escape(logger.serial_number)}, hotspot {escape(logger.hotspot_ssid)}</p>
<p id="led-state">{escape(state)}</p>
{notice}
<form method="post" action="config">
{"".join(rows)}
<p><button type="submit">Save</button></p>
</form></body></html>
"""


def unreachable(logger: VirtualLogger) -> str:
    """What a browser shows when the logger's hotspot is closed (in reality: no page at all)."""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Logger not reachable</title></head>
<body><h1>The configuration page is not reachable</h1>
<p id="led-state">{escape(logger.led.pattern)}: {escape(logger.status_text)}</p>
<p>Hold the logger's button for 3 seconds to open its hotspot ({escape(logger.hotspot_ssid)}).</p>
</body></html>
"""
