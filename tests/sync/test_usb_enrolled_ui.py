"""Issue 13: after enrolling by USB file the app knows it is enrolled — the status bar no longer
says 未登记同步, and 立即同步 explains USB sync instead of reopening the enrol dialog."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QMessageBox

from app.server import bundles as county_bundles
from app.server.db import ServerDB
from app.sync import bundle_io
from app.ui.context import UiContext
from app.ui.sync.dialogs import EnrolDialog, SyncStatusLabel
from tests.sync.stores import V1, make_store


def test_usb_enrolled_device_is_enrolled_in_the_ui(qtbot, tmp_path):
    db = ServerDB(f"sqlite:///{tmp_path / 'county.db'}")
    store = make_store(tmp_path, "a", V1)
    try:
        label = SyncStatusLabel(store)
        qtbot.addWidget(label)
        assert "未登记同步" in label.text()
        made = county_bundles.enrolment_file(db, tmp_path / "a.tonghu-enrol", village=V1)
        bundle_io.enrol_from_file(store, made.path, made.code)
        label.refresh()
        assert "未登记同步" not in label.text() and "U盘" in label.text()

        from app.ui.features import sync as sync_feature

        window = QMainWindow()
        window.ctx = UiContext(store)
        qtbot.addWidget(window)
        ctl = sync_feature.SyncController(window)
        ctl.start()
        boxes = window.findChildren(QMessageBox, "usbEnrolledInfo")
        assert len(boxes) == 1 and boxes[0].isVisible() and "导出同步文件" in boxes[0].text()
        assert not window.findChildren(EnrolDialog)
        assert ctl.worker is None
        boxes[0].close()
        ctl.label.timer.stop()
    finally:
        store.close()
        db.close()
