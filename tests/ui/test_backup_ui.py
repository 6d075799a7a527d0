"""文件 → 备份与恢复… in the real main window (issue 15): a backup to a folder, a restore beside the
current store that takes its place at the next start, damaged files and wrong passwords said in
the dialog, and the reminder after 30 days without a backup."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from app.data import backup
from app.data.store import Store
from tests.conftest import PASSWORD
from tests.sync.stores import add_child


@pytest.fixture
def window(ctx, qtbot):
    from app.ui.main_window import MainWindow

    win = MainWindow(ctx)
    qtbot.addWidget(win)
    return win


def _dialog(window):
    from app.ui.backup_dialog import BackupDialog

    return BackupDialog(window.ctx.store, window)


def test_menu_opens_the_dialog(window, monkeypatch):
    from app.ui.features import backup as feature

    seen = []
    monkeypatch.setattr("app.ui.backup_dialog.BackupDialog.exec", lambda self: seen.append(self) or 0)
    action = next(a for m in window.menus.values() for a in m.actions() if a.objectName() == "backupAction")
    action.trigger()
    assert seen and seen[0].windowTitle() == "备份与恢复"
    assert feature.remind(window) is None  # a new store: no reminder yet


def test_backup_then_restore_takes_the_place_of_the_store_at_next_start(window, store, tmp_path, monkeypatch, qtbot):
    add_child(store, "备份里的孩子")
    usb = tmp_path / "usb"
    usb.mkdir()
    dialog = _dialog(window)
    assert "还没有备份过" in dialog.last.text()
    dialog.start_backup()
    assert "请先选择" in dialog.message.text()
    dialog.folder.setText(str(usb))
    dialog.start_backup()
    dialog.op.wait()
    qtbot.waitUntil(lambda: "已备份到" in dialog.message.text())
    assert "今天已经备份过" in dialog.last.text()
    made = list(usb.glob(f"*{backup.SUFFIX}"))
    assert len(made) == 1 and store.setting("backup_dir") == str(usb)

    add_child(store, "备份后才加的孩子")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    dialog.file.setText(str(made[0]))
    dialog.password.setText("wrong-password-1")
    dialog.start_restore()
    dialog.op.wait()
    qtbot.waitUntil(lambda: "密码错误" in dialog.message.text())
    dialog.password.setText(PASSWORD)
    dialog.start_restore()
    dialog.op.wait()
    qtbot.waitUntil(lambda: "已恢复到" in dialog.message.text())
    path = store.path
    store.close()

    kept = backup.apply_pending_switch(path)  # what the next start does before the login
    assert kept is not None and kept.exists() and (kept.parent / (kept.name + ".keys")).exists()
    with Store.open(path, PASSWORD) as now:
        from sqlalchemy import select

        from app.data.models.child import Child

        with now.read_session() as s:
            assert sorted(s.scalars(select(Child.name))) == ["备份里的孩子"]
        assert now.setting(backup.RESTORED_FROM)
    with Store.open(kept, PASSWORD) as before:
        with before.read_session() as s:
            assert len(list(s.scalars(select(Child.name)))) == 2  # the old store is kept, untouched
    assert backup.apply_pending_switch(path) is None


def test_a_damaged_backup_is_refused_in_the_dialog(window, store, tmp_path):
    file = backup.make_backup(store, store.data_key, tmp_path)
    file.write_bytes(file.read_bytes()[:-500])
    dialog = _dialog(window)
    dialog.file.setText(str(file))
    dialog.password.setText(PASSWORD)
    dialog.start_restore()
    assert "不完整" in dialog.message.text()
    assert not list(tmp_path.glob("*恢复*"))


def test_reminder_after_thirty_days(window, frozen_clock):
    from app.ui.features import backup as feature

    backup.make_backup(window.ctx.store, window.ctx.store.data_key, window.ctx.store.path.parent)
    frozen_clock.advance(days=31)
    text = feature.remind(window)
    assert text and "31天" in text and window.statusBar().currentMessage() == text
