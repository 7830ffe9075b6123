"""The device editors with offline work installed: drafts come back, Apply without a network queues."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMainWindow

from saveris_desktop.core.offline.drafts import DraftKey
from saveris_desktop.core.runtime.cloud_access import build_cloud_access
from saveris_desktop.simulator import LoggerKind
from saveris_desktop.ui.offline.integration import install_offline
from saveris_desktop.ui.stale_list import local_time
from tests.ui.devices_harness import SITE, close_harness, make_devices_harness, open_and_wait, run
from tests.ui.user_input import click, type_text


@pytest.fixture
def setup(qtbot: Any, qloop: Any, tmp_path: Path) -> Any:
    harness = make_devices_harness(qtbot, [LoggerKind.QSR_TEMPERATURE], offline_db=tmp_path / "db.sqlite3")
    work = harness.work
    window = QMainWindow()
    qtbot.addWidget(window)
    integration = install_offline(window, work, devices_view=harness.view)
    open_and_wait(qtbot, harness, harness.device_uuids[0])
    yield harness, work, integration
    close_harness(qtbot, harness)


def _type_name(qtbot, editor: Any, text: str) -> None:
    type_text(qtbot, editor.name_edit, text)


def test_typed_edit_is_a_draft_and_comes_back_in_a_new_session(qtbot: Any, setup: Any) -> None:
    harness, work, integration = setup
    editor = harness.view.settings_editor
    uuid = harness.device_uuids[0]
    _type_name(qtbot, editor, "Vaccine fridge (draft)")
    run(qtbot, integration.editor_drafts.flush_all())  # what focus-out / the idle second does
    draft = run(qtbot, work.drafts.get(DraftKey(work.endpoint, SITE, "device", uuid)))
    assert draft is not None and draft.mine["name"] == "Vaccine fridge (draft)"
    cached = run(qtbot, work.cached(SITE, "device_alarms", uuid))
    assert cached is not None and "alarms" in cached.payload  # configurations the editors loaded are kept

    # as after a restart: the editor's memory is gone, only the draft is left
    harness.view.context.sessions.clear()
    harness.view.current_uuid = None
    harness.view.open_device(uuid)
    qtbot.waitUntil(lambda: editor.session is not None and editor.dirty, timeout=5000)
    assert editor.name_edit.text() == "Vaccine fridge (draft)"
    assert editor.session.payload()["name"] == "Vaccine fridge (draft)"


def test_apply_without_network_queues_and_syncs_later(qtbot: Any, setup: Any) -> None:
    harness, work, integration = setup
    editor = harness.view.settings_editor
    uuid = harness.device_uuids[0]
    harness.sim.set_network_down(True)
    _type_name(qtbot, editor, "Queued name")
    click(qtbot, editor.apply_button)
    qtbot.waitUntil(lambda: not editor.busy, timeout=5000)
    assert "queued" in editor.verdict.text()
    qtbot.waitUntil(lambda: integration.status_widget.status.open_changes == 1, timeout=5000)
    assert editor.name_edit.text() == "Queued name"  # nothing typed is lost

    harness.sim.set_network_down(False)
    run(qtbot, harness.client.list_devices(SITE))  # the next poll: connectivity is back
    qtbot.waitUntil(lambda: integration.status_widget.status.open_changes == 0, timeout=5000)
    assert run(qtbot, harness.client.get_device(SITE, uuid)).name == "Queued name"
    [entry] = run(qtbot, work.audit.entries())
    assert entry.result == "ok" and entry.after["name"] == "Queued name"


def test_started_offline_the_list_shows_the_last_known_loggers_with_their_age(
    qtbot: Any, setup: Any, tmp_path: Path
) -> None:
    from saveris_desktop.ui.devices import DevicesView
    from tests.ui.devices_harness import FAST_POLL

    harness, work, _integration = setup
    qtbot.waitUntil(lambda: len(run(qtbot, work.cached_devices(SITE))[0]) == 1, timeout=5000)

    # "restart" without a network: a new device view, nothing in memory
    harness.sim.set_network_down(True)
    view = DevicesView(harness.services, access=build_cloud_access(harness.services, work), timing=FAST_POLL)
    qtbot.addWidget(view)
    window = QMainWindow()
    qtbot.addWidget(window)
    integration = install_offline(window, work, devices_view=view)
    view.show()
    view.show_site(SITE)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=5000)
    assert integration.status_widget.data_age.text() == "data from just now"
    [cached] = run(qtbot, work.cache.find(work.endpoint, SITE, "device"))
    read_at = local_time(cached.fetched_at)  # not "could not load": the list is there, and how old
    expected = (
        f"Showing the values read at {read_at}: they could not be refreshed (the cloud cannot be reached"
    )
    qtbot.waitUntil(lambda: view.connection_label.text().startswith(expected), timeout=5000)
    assert [d.uuid for d in run(qtbot, work.cached_devices(SITE))[0]] == harness.device_uuids
    assert view.context is not None and view.context.queue is work  # the editors queue in the outbox

    harness.sim.set_network_down(False)
    qtbot.waitUntil(lambda: not integration.status_widget.data_age.isVisibleTo(window), timeout=5000)
    run(qtbot, view.aclose())


def test_editors_open_offline_against_the_last_known_configuration(qtbot: Any, setup: Any) -> None:
    harness, work, integration = setup
    editor = harness.view.settings_editor
    uuid = harness.device_uuids[0]
    known_name = editor.session.base.get("name")
    qtbot.waitUntil(lambda: bool(run(qtbot, work.cached(SITE, "device_alarms", uuid))), timeout=5000)

    harness.sim.set_network_down(True)
    harness.view.context.sessions.clear()
    harness.view.current_uuid = None
    harness.view.open_device(uuid)
    qtbot.waitUntil(lambda: editor.session is not None, timeout=5000)
    assert editor.session.base.get("name") == known_name
    assert editor.form.isEnabled()
    assert "data from" in integration.status_widget.data_age.text()
    assert harness.view.directory.client is harness.view.context.client  # same audited, cache-backed client
    qtbot.waitUntil(lambda: harness.view.alarms_tab.device_editor.session is not None, timeout=5000)


def test_online_apply_is_in_the_audit_log(qtbot: Any, setup: Any) -> None:
    harness, work, _integration = setup
    editor = harness.view.settings_editor
    before_name = editor.session.base.get("name")
    _type_name(qtbot, editor, "Audited directly")
    click(qtbot, editor.apply_button)
    qtbot.waitUntil(lambda: not editor.busy, timeout=5000)
    assert "accepted" in editor.verdict.text()
    [entry] = run(qtbot, work.audit.entries())
    assert (entry.result, entry.kind, entry.object_id) == ("ok", "device", harness.device_uuids[0])
    assert entry.before["name"] == before_name and entry.after["name"] == "Audited directly"


def test_leaving_a_field_saves_the_draft_at_once(qtbot: Any, setup: Any) -> None:
    harness, work, integration = setup
    integration.editor_drafts.idle_seconds = 3600  # only leaving the field can save it in this test
    editor = harness.view.settings_editor
    harness.view.window().activateWindow()
    editor.name_edit.setFocus()
    qtbot.waitUntil(editor.name_edit.hasFocus, timeout=3000)
    _type_name(qtbot, editor, "Typed, then left")
    key = DraftKey(work.endpoint, SITE, "device", harness.device_uuids[0])
    assert run(qtbot, work.drafts.get(key)) is None
    editor.measuring.setFocus()  # Tab to the next field
    qtbot.waitUntil(lambda: run(qtbot, work.drafts.get(key)) is not None, timeout=3000)
    assert run(qtbot, work.drafts.get(key)).mine["name"] == "Typed, then left"


def test_detached_the_offline_ui_no_longer_follows_the_view(qtbot: Any, setup: Any) -> None:
    harness, work, integration = setup
    integration.detach_devices_view()  # symmetric to attach: every connection to the view is gone
    _type_name(qtbot, harness.view.settings_editor, "Not a draft")
    run(qtbot, integration.editor_drafts.flush_all())
    key = DraftKey(work.endpoint, SITE, "device", harness.device_uuids[0])
    assert run(qtbot, work.drafts.get(key)) is None
    integration.attach_devices_view(harness.view)
    _type_name(qtbot, harness.view.settings_editor, "A draft again")
    run(qtbot, integration.editor_drafts.flush_all())
    assert run(qtbot, work.drafts.get(key)).mine["name"] == "A draft again"
