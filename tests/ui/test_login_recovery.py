"""The login window's 忘记密码, the users in 设置, and the demo store's own path — real Qt windows on
real stores, a real county server over a socket for enrolment."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtWidgets import QDialog

from app.data import users
from app.data.keys import KeyFile, WrongPasswordError, key_path_for
from app.data.store import Store
from app.server import recovery as county_recovery
from app.sync import bundle_io, client
from app.sync.bundle import BundleError
from app.sync.transport import SyncError
from app.ui import demo_store
from app.ui.app import FirstRunDialog, LoginDialog
from app.ui.recovery_dialog import RecoveryDialog
from app.ui.settings_dialog import PasswordDialog, SettingsDialog
from app.ui.users_dialog import AddUserDialog, RemoveUserDialog, UsersDialog
from tests.conftest import PASSWORD, VILLAGE
from tests.sync.live import LiveServer, server_db

NEW = "river-stone-42"


@pytest.fixture
def enrolled(store, store_path, tmp_path, monkeypatch):
    """The store enrolled with a live county server (SQLite); yields (server, device id)."""
    monkeypatch.setenv("TONGHU_RECOVERY_KEY", str(tmp_path / "county.recovery-key"))
    with server_db("sqlite", tmp_path) as db, LiveServer(db) as live:
        client.enrol(store, live.url, live.code(VILLAGE))
        device = store.device_id
        store.close()
        yield live, device


def test_forgot_password_in_the_login_window(qtbot, store_path, enrolled, tmp_path):
    live, device = enrolled
    file = county_recovery.issue(live.db, device, tmp_path / "usb" / "recovery")["path"]
    login = LoginDialog(store_path)
    qtbot.addWidget(login)
    assert login.forgot.isVisible() or not login.isVisible()
    assert not login.forgot.isHidden()

    dialog = RecoveryDialog(store_path, "lin", login)
    qtbot.addWidget(dialog)
    assert device in dialog.status.text()
    dialog.ok.click()
    assert "请先打开" in dialog.message.text()
    dialog.load_file(tmp_path / "usb" / "recovery.tonghu-recovery")
    dialog.new.setText("12345678")
    dialog.repeat.setText("12345678")
    dialog.ok.click()
    assert dialog.store is None and "太常见" in dialog.message.text()
    dialog.new.setText(NEW)
    dialog.repeat.setText(NEW)
    dialog.ok.click()
    assert dialog.result() == QDialog.Accepted and dialog.store is not None
    assert dialog.store.user == "lin"
    dialog.store.close()

    # the old password is refused in the login window; the new one works
    again = LoginDialog(store_path)
    qtbot.addWidget(again)
    again.password.setText(PASSWORD)
    again.login()
    assert again.store is None and "密码错误" in again.message.text()
    again.password.setText(NEW)
    again.login()
    assert again.store is not None
    again.store.close()

    # the same file a second time: refused, in words
    reuse = RecoveryDialog(store_path, "lin")
    qtbot.addWidget(reuse)
    reuse.load_file(tmp_path / "usb" / "recovery.tonghu-recovery")
    reuse.new.setText("other-lamp-55")
    reuse.repeat.setText("other-lamp-55")
    reuse.ok.click()
    assert reuse.store is None and "已经用过" in reuse.message.text()
    assert file.endswith(".tonghu-recovery")


def test_recovery_not_set_up_says_what_to_do(qtbot, store, store_path):
    store.close()
    dialog = RecoveryDialog(store_path, "lin")
    qtbot.addWidget(dialog)
    assert "还没有设置县级恢复" in dialog.status.text()
    assert not dialog.ok.isEnabled()


def test_settings_add_and_remove_a_deputy(qtbot, store, store_path, tmp_path):
    settings = SettingsDialog(store)
    qtbot.addWidget(settings)
    assert "林主任" in settings.users_label.text()
    assert "未设置" in settings.recovery_label.text()
    dialog = UsersDialog(store)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1

    add = AddUserDialog(store, dialog)
    qtbot.addWidget(add)
    add.name.setText("wang")
    add.display_name.setText("王芳")
    add.password.setText("wang12345")
    add.repeat.setText("wang12345")
    add.current.setText(PASSWORD)
    add.save()
    assert "姓名" in add.error.text() and store.keyfile.users() == ["lin"]
    add.password.setText("deputy-lamp-31")
    add.repeat.setText("deputy-lamp-31")
    add.current.setText("not-my-password")
    add.save()
    assert "密码不对" in add.error.text()
    add.current.setText(PASSWORD)
    add.save()
    assert add.result() == QDialog.Accepted
    dialog.refresh()
    assert dialog.table.rowCount() == 2 and dialog.table.item(1, 1).text() == "王芳"
    Store.open(store_path, "deputy-lamp-31", user="wang").close()
    old_keys = tmp_path / "old.keys"
    shutil.copy(key_path_for(store_path), old_keys)

    dialog.table.selectRow(1)
    assert dialog.selected_user() == "wang"
    remove = RemoveUserDialog(store, "wang", dialog)
    qtbot.addWidget(remove)
    remove.current.setText(PASSWORD)
    remove.save().wait()
    qtbot.waitUntil(lambda: remove.result() == QDialog.Accepted)
    dialog.refresh()
    assert dialog.table.rowCount() == 1
    assert KeyFile.load(key_path_for(store_path)).users() == ["lin"]
    store.close()
    shutil.copy(old_keys, key_path_for(store_path))
    with pytest.raises(Exception) as refused:
        Store.open(store_path, "deputy-lamp-31", user="wang")
    assert not isinstance(refused.value, WrongPasswordError)


def test_password_change_with_rekey_from_the_dialog(qtbot, store, store_path):
    dialog = PasswordDialog(store)
    qtbot.addWidget(dialog)
    dialog.old.setText(PASSWORD)
    dialog.new.setText("fresh-meadow-8")
    dialog.repeat.setText("fresh-meadow-8")
    dialog.rekey.setChecked(True)
    old_key = store.data_key
    dialog.save().wait()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.Accepted)
    assert store.data_key != old_key
    users.list_users(store)  # still readable on the new key
    store.close()
    Store.open(store_path, "fresh-meadow-8").close()


def test_demo_beside_the_real_store_never_synced_and_real_store_after(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(demo_store, "DEMO_CHILDREN", 10)
    real = tmp_path / "tonghu.store"
    first = FirstRunDialog(real)
    qtbot.addWidget(first)
    first.demo_button.click()
    first.demo_op.wait()
    qtbot.waitUntil(lambda: first.store is not None)
    demo = first.store
    assert demo.path == demo_store.demo_path(real) and not real.exists()
    with pytest.raises(SyncError, match="演示数据"):
        client.enrol(demo, "http://127.0.0.1:9", "ABCDE-FGHJK")
    with pytest.raises(SyncError, match="演示数据"):
        client.SyncClient(demo, server="http://127.0.0.1:9", token="t")
    with pytest.raises(BundleError, match="演示数据"):
        bundle_io.export_bundle(demo, tmp_path / "usb")
    demo.close()
    login = LoginDialog(demo_store.demo_path(real))
    qtbot.addWidget(login)
    assert login.forgot.isHidden()

    # the real store is created afterwards, in its own place; the demo stays as it was
    again = FirstRunDialog(real)
    qtbot.addWidget(again)
    for key, value in dict(user="zhangli", display_name="张丽", password="my-secret-8", password_repeat="my-secret-8",
                           village_name="东山村", village_code=VILLAGE).items():
        again.fields[key].setText(value)
    again.create_button.click()
    assert again.store is not None and again.store.path == real
    assert again.store.setting("demo") is None
    again.store.close()
    reopened = FirstRunDialog(tmp_path / "other.store")
    qtbot.addWidget(reopened)
    monkeypatch.setattr(demo_store, "create_demo_store", lambda *a, **k: pytest.fail("the demo is made once"))
    reopened.store_path = real  # a second visit to the demo opens the one already made
    reopened.demo_button.click()
    reopened.demo_op.wait()
    qtbot.waitUntil(lambda: reopened.store is not None)
    assert reopened.store.setting("demo") == "1"
    reopened.store.close()
