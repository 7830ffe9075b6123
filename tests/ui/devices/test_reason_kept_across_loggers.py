"""Why Apply is disabled stays said when the technician comes back to a logger with unapplied edits.

The editors' messages speak only once the form was edited (not on a form just opened); but a form
that comes back with edits (another logger was opened in between, or a draft was resumed) was edited:
its messages must speak, or it shows "Unsaved changes" beside a disabled Apply with no reason.
"""

from __future__ import annotations

from saveris_desktop.simulator import LoggerKind
from tests.ui.devices_harness import close_harness, make_devices_harness, open_and_wait
from tests.ui.user_input import type_text


def test_the_reason_apply_is_disabled_is_still_said_after_opening_another_logger(qtbot, qloop) -> None:
    h = make_devices_harness(qtbot, [LoggerKind.QSR_TEMPERATURE_HUMIDITY, LoggerKind.SAVERIS2])
    first, second = h.device_uuids[:2]
    open_and_wait(qtbot, h, first)
    editor = h.view.settings_editor
    type_text(qtbot, editor.measuring, "30 min")
    type_text(qtbot, editor.communication, "10 min")
    reason = "cannot be shorter than the measuring cycle (30 min)"
    assert reason in editor.order_message.text()
    open_and_wait(qtbot, h, second)
    open_and_wait(qtbot, h, first)  # back: the edits are kept, Apply stays disabled …
    assert editor.dirty and not editor.apply_button.isEnabled()
    try:
        assert reason in editor.order_message.text()  # … and says why
        assert editor.order_message.isVisibleTo(editor)
    finally:
        close_harness(qtbot, h)
