"""立即同步 from the main window runs on the shared store worker (`app.ui.ops`) against a live server;
a refusal lands in the sync dialog, never as a crash."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow

from app.sync import client
from app.ui import ops
from app.ui.context import UiContext
from app.ui.features import sync as sync_feature
from tests.sync.stores import V1, add_child, make_store


def test_sync_now_runs_on_the_store_worker(qtbot, live, tmp_path):
    store = make_store(tmp_path, "a", V1)
    try:
        client.enrol(store, live.url, live.code(V1))
        add_child(store, "王小明")
        window = QMainWindow()
        window.ctx = UiContext(store)
        qtbot.addWidget(window)
        ctl = sync_feature.SyncController(window)
        phases = []
        ctl.dialog.on_progress = lambda phase, done, total: phases.append(phase)
        ctl.start()
        assert isinstance(ctl.worker, ops.Op)
        ctl.worker.wait(60000)
        assert ctl.worker.error is None and client.status(store)["pending"] == 0
        assert "push" in phases
        assert "同步完成" in ctl.dialog.label.text()

        live.__exit__(None, None, None)  # the county goes away: a SyncError, shown in the dialog
        add_child(store, "李小红")
        ctl.start()
        ctl.worker.wait(60000)
        assert ctl.worker.error is not None and "同步未完成" in ctl.dialog.label.text()
        ctl.label.timer.stop()
    finally:
        store.close()
