"""The harness every UI test relies on: asyncio work runs while qtbot waits."""

from __future__ import annotations

import asyncio

from PySide6.QtWidgets import QLabel

from saveris_desktop.core.runtime.tasks import TaskOwner


def test_asyncio_task_updates_a_widget_while_qtbot_waits(qtbot, qloop) -> None:
    label = QLabel("waiting")
    qtbot.addWidget(label)
    owner = TaskOwner("harness")

    async def work() -> str:
        await asyncio.sleep(0.05)
        return "done"

    owner.spawn(work(), on_result=label.setText)
    qtbot.waitUntil(lambda: label.text() == "done", timeout=2000)
