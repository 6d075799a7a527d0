"""First start: the wizard creates an encrypted store that opens with the chosen password; login."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from app.data.keys import KeyFile, key_path_for
from app.data.store import Store
from app.ui import demo_store
from app.ui.app import FirstRunDialog, LoginDialog

PW = "my-secret-8"


def fill(dialog, **values):
    for key, value in values.items():
        dialog.fields[key].setText(value)


GOOD = dict(user="zhangli", display_name="张丽", password=PW, password_repeat=PW, county_name="江宁区",
            township_name="秣陵街道", village_name="东山村", village_code="320115101201")


def test_wizard_creates_store_that_opens_with_password(qtbot, tmp_path):
    path = tmp_path / "new.store"
    dialog = FirstRunDialog(path)
    qtbot.addWidget(dialog)
    for key, value in GOOD.items():
        if value.isascii():
            qtbot.keyClicks(dialog.fields[key], value)  # typed like a user would
        else:
            dialog.fields[key].setText(value)  # (QTest cannot type Chinese: that needs an input method)
    assert "320115101" in dialog.derived_codes.text()
    dialog.create_button.click()
    assert dialog.result() == QDialog.Accepted
    dialog.store.close()
    assert path.exists()
    with Store.open(path, PW) as store:
        assert store.user == "zhangli"
        assert store.village_code == "320115101201"
        assert store.place_name("320115101201") == "东山村"


@pytest.mark.parametrize("change, field, message", [
    ({"password_repeat": "other-pass-8"}, "password_repeat", "两次输入的密码不一致"),
    ({"password": "short", "password_repeat": "short"}, "password", "至少"),
    ({"village_code": "32011510"}, "village_code", "12位"),
    ({"user": ""}, "user", "登录名"),
])
def test_wizard_errors_at_field_and_nothing_created(qtbot, tmp_path, change, field, message):
    path = tmp_path / "new.store"
    dialog = FirstRunDialog(path)
    qtbot.addWidget(dialog)
    fill(dialog, **{**GOOD, **change})
    dialog.create_button.click()
    assert dialog.store is None
    assert not dialog.errors[field].isHidden()
    assert message in dialog.errors[field].text()
    assert not path.exists() and not key_path_for(path).exists()


def test_login_wrong_password_then_lockout_then_right(qtbot, store_path, store):
    store.close()
    dialog = LoginDialog(store_path)
    qtbot.addWidget(dialog)
    dialog.password.setText("wrong-password")
    dialog.login()
    assert dialog.store is None
    assert "密码错误" in dialog.message.text()
    for _ in range(2):
        dialog.password.setText("wrong-password")
        dialog.login()
    assert "秒" in dialog.message.text()
    assert not dialog.ok.isEnabled()
    # a new login dialog shows the remaining delay straight away
    again = LoginDialog(store_path)
    qtbot.addWidget(again)
    assert "秒后再试" in again.message.text()
    assert not again.ok.isEnabled()


def test_login_right_password(qtbot, store_path, store):
    from tests.conftest import PASSWORD

    store.close()
    dialog = LoginDialog(store_path)
    qtbot.addWidget(dialog)
    assert dialog.findChild(type(dialog.message), "demoHint") is None
    dialog.password.setText(PASSWORD)
    dialog.login()
    assert dialog.store is not None and dialog.result() == QDialog.Accepted
    dialog.store.close()
    assert KeyFile.load(key_path_for(store_path)).failures("lin")[0] == 0


def test_demo_store_from_wizard_shows_password_on_login(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(demo_store, "DEMO_CHILDREN", 20)
    path = tmp_path / "demo.store"
    dialog = FirstRunDialog(path)
    qtbot.addWidget(dialog)
    dialog.demo_button.click()
    dialog.demo_op.wait()  # created on the store worker
    store = dialog.store
    assert store.setting("demo") == "1"
    store.close()
    assert store.path == demo_store.demo_path(path) and not path.exists()  # beside the real store, never in its place
    login = LoginDialog(store.path)
    qtbot.addWidget(login)
    hint = login.findChild(type(login.message), "demoHint")
    assert hint is not None and demo_store.DEMO_PASSWORD in hint.text()
    login.password.setText(demo_store.DEMO_PASSWORD)
    login.login()
    assert login.store is not None
    login.store.close()


def test_store_without_key_file_says_so(qtbot, store_path, store, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from app.ui import app as ui_app

    store.close()
    key_path_for(store_path).rename(store_path.with_name("elsewhere.keys"))
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args[2]))
    assert ui_app.open_or_create(store_path) is None
    assert shown and ".keys" in shown[0]
