"""The 同步 menu's USB items: enrol from a file, export to a folder, import an answer, refusals shown."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

from app.server import bundles as county_bundles
from app.server.db import ServerDB
from app.ui import registry
from app.ui.context import UiContext
from app.ui.features import bundles as ui
from tests.sync.stores import V1, add_child, make_store


@pytest.fixture
def shown(monkeypatch):
    messages = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: messages.append(("info", title, text)))
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: messages.append(("warn", title, text)))
    return messages


def test_menu_entries(qtbot):
    ui.register()
    entries = {e.key: e for e in registry.MENU_ACTIONS}
    for key in ("bundle_export", "bundle_import", "bundle_enrol"):
        assert entries[key].menu == "同步"
    window = QWidget()
    qtbot.addWidget(window)
    assert entries["bundle_export"].load()(window).text() == "导出同步文件…"
    assert entries["bundle_import"].load()(window).text() == "导入同步文件…"


def test_enrol_export_import_from_the_menu(qtbot, tmp_path, shown):
    db = ServerDB(f"sqlite:///{tmp_path / 'county.db'}")
    store = make_store(tmp_path, "a", V1)
    window = QWidget()
    qtbot.addWidget(window)
    window.ctx = UiContext(store)
    statuses = []
    window.ctx.status_message.connect(lambda text, msec: statuses.append(text))

    ui.export_bundle(window, folder=str(tmp_path / "usb")).wait()
    assert shown[-1][0] == "warn" and "尚未登记" in shown[-1][2]

    made = county_bundles.enrolment_file(db, tmp_path / "a.tonghu-enrol", village=V1)
    ui.enrol_from_file(window, path=str(made.path), code="WRONG-CODE1").wait()
    assert shown[-1][0] == "warn" and "登记码" in shown[-1][2]
    ui.enrol_from_file(window, path=str(made.path), code=made.code).wait()
    assert shown[-1][0] == "info" and V1 in shown[-1][2]

    add_child(store, "王小明")
    ui.export_bundle(window, folder=str(tmp_path / "usb")).wait()
    assert shown[-1][0] == "info" and "已导出" in shown[-1][2]
    exported = next((tmp_path / "usb").glob("*.tonghu"))
    answer = county_bundles.import_file(db, exported, tmp_path / "back").answer

    with qtbot.waitSignal(window.ctx.data_changed, timeout=5000):
        ui.import_bundle(window, path=str(answer)).wait()
    assert shown[-1][0] == "info" and "导入完成" in shown[-1][2]
    ui.import_bundle(window, path=str(answer)).wait()
    assert shown[-1][0] == "warn" and "已经导入过" in shown[-1][2]
    ui.import_bundle(window, path=str(exported)).wait()
    assert shown[-1][0] == "warn" and "县民政局导入" in shown[-1][2]
    assert statuses
    store.close()
    db.close()
