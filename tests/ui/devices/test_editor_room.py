"""Room to work: the editors get the space of a laptop screen (issue 15)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.ui.editor_room import (
    nested_scroll_areas,
    open_demo_window,
    save_shot,
    usable_height,
    visible_in_window,
)
from tests.ui.user_input import click, type_text

SIZES = [(1366, 768), (1440, 900)]


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_measure(qtbot, qloop, width: int, height: int) -> None:
    demo = open_demo_window(qtbot, width, height)
    view, window = demo.view, demo.window
    folder = Path(os.environ.get("SAVERIS_EDITOR_SHOTS") or "/tmp/shots")
    size = f"{width}x{height}"
    figures = {}
    view.tabs.setCurrentIndex(0)
    qtbot.wait(100)
    figures["settings"] = usable_height(view.settings_editor.form)
    save_shot(window, folder, f"{size}-1-device-settings")
    type_text(qtbot, view.settings_editor.name_edit, "Kuehlraum 3 - Tuer rechts")
    click(qtbot, view.settings_editor.toggle_changes)
    qtbot.wait(100)
    figures["settings apply visible"] = visible_in_window(view.settings_editor.apply_button, window)
    save_shot(window, folder, f"{size}-2-device-settings-what-will-be-sent")
    view.tabs.setCurrentIndex(2)
    qtbot.wait(100)
    figures["alarms"] = usable_height(view.alarms_tab.device_editor.form)
    save_shot(window, folder, f"{size}-3-alarms")
    tab = view.objects_tab
    view.tabs.setCurrentWidget(tab)
    tab.reload()
    qtbot.waitUntil(lambda: demo.object_uuid in tab.objects, timeout=5000)
    tab.select(demo.object_uuid)
    qtbot.waitUntil(lambda: tab.alarms_editor.session is not None, timeout=5000)
    qtbot.wait(100)
    figures["objects"] = usable_height(tab.alarms_editor.form)
    type_text(qtbot, tab.alarms_editor.boxes[0].fields["upper_alarm"], "10")
    save_shot(window, folder, f"{size}-4-measuring-objects")
    click(qtbot, tab.alarms_editor.toggle_changes)
    qtbot.wait(100)
    figures["objects apply visible"] = visible_in_window(tab.alarms_editor.apply_button, window)
    save_shot(window, folder, f"{size}-5-measuring-objects-what-will-be-sent")
    figures["nested"] = nested_scroll_areas(view.tabs)
    print(size, figures)
    demo.close(qtbot)
