"""Say a status change to screen readers: a logger found, the cloud lost, a change refused.

A screen reader reads what has the focus; a label that changes elsewhere on screen goes unheard.
`announce()` sends a QAccessibleAnnouncementEvent (Qt 6.8+: read out by NVDA, Orca, VoiceOver),
which speaks the text without moving the focus. `ANNOUNCER.sig_announced` carries the same text
for whoever wants a record of what was said (the log below, the tests).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

log = logging.getLogger(__name__)


class Announcer(QObject):
    sig_announced = Signal(str)


ANNOUNCER = Announcer()


def announce(source: QObject, text: str, *, urgent: bool = False) -> None:
    """Speak `text` on behalf of `source` (the widget that shows it). `urgent` interrupts what the
    screen reader is saying: for failures the technician must hear now."""
    if not text:
        return
    event = QAccessibleAnnouncementEvent(source, text)
    event.setPoliteness(
        QAccessible.AnnouncementPoliteness.Assertive if urgent else QAccessible.AnnouncementPoliteness.Polite
    )
    QAccessible.updateAccessibility(event)
    log.debug("announced: %s", text)
    ANNOUNCER.sig_announced.emit(text)
