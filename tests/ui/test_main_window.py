"""The main window: pages and tabs from the registry, the child's file, status changes, the idle lock."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.data import children as data
from app.ui import registry
from app.ui.main_window import MainWindow
from tests.conftest import PASSWORD


def make_window(qtbot, ctx):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    return window


def test_navigation_from_registry_lowest_order_first(qtbot, ctx, kids):
    window = make_window(qtbot, ctx)
    keys = [window.nav.item(i).data(Qt.UserRole) for i in range(window.nav.count())]
    assert keys == [e.key for e in sorted(registry.PAGES)]
    assert "children" in keys
    assert window.current_page_key() == min(registry.PAGES).key
    for name in ("文件", "打印", "同步", "工具", "帮助"):
        assert name in window.menus


def test_open_child_shows_file_with_registered_tabs(qtbot, ctx, kids, store):
    window = make_window(qtbot, ctx)
    ctx.open_child.emit(kids["张小明"])
    assert window.stack.currentWidget() is window.child_file
    tabs = window.child_file.tabs
    titles = [tabs.tabText(i) for i in range(tabs.count())]
    for title in ("基本情况", "家庭与监护", "委托照护", "儿童类别", "需求", "变更记录"):
        assert title in titles
    assert "张小明" in window.child_file.title.text()
    basic = window.child_file.tab_widgets["basic"]
    assert basic.values["sex"].text() == "男"
    assert basic.values["birth_date"].text() == "2015-01-01"
    # every tab loads without error
    for i in range(tabs.count()):
        tabs.setCurrentIndex(i)
    audit = window.child_file.tab_widgets["audit"]
    assert audit.table.rowCount() >= 1
    window.child_file.back_button.click()
    assert window.stack.currentWidget() is not window.child_file


def test_guardian_tab_add_shows_row(qtbot, ctx, kids, store):
    from app.ui.children.tabs import GuardiansTab, RowDialog

    tab = GuardiansTab(ctx)
    qtbot.addWidget(tab)
    tab.load(kids["张小明"])
    assert tab.table.rowCount() == 0
    dialog = RowDialog(tab)
    qtbot.addWidget(dialog)
    dialog.form.set_values({"relation": "父亲", "name": "张建国", "works_away": True, "work_place": "浙江省宁波市",
                            "phone": "13812345678"})
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.form.general_error.text()
    tab.load(kids["张小明"])
    assert tab.table.rowCount() == 1
    assert tab.table.item(0, 1).text() == "张建国"


def test_mark_transferred_out_never_deletes(qtbot, ctx, kids, store, monkeypatch):
    from app.ui.children import transfer_dialog

    def leave_county(dialog):  # 转出… → 迁出本县 (issue 16): marked 已转出, the file stays
        dialog.away.setChecked(True)
        dialog.reason.setText("随父母迁往常州")
        dialog.save()
        return dialog.result()

    window = make_window(qtbot, ctx)
    ctx.open_child.emit(kids["王芳"])
    monkeypatch.setattr(transfer_dialog.TransferDialog, "exec", leave_county)
    window.child_file.transfer_button.click()
    with store.read_session() as s:
        child = data.get_child(s, kids["王芳"])
        assert child.status == "已转出" and child.status_note == "随父母迁往常州" and not child.deleted
    assert "已转出" in window.child_file.subtitle.text()
    assert window.child_file.restore_button.isVisibleTo(window.child_file)


def test_idle_lock_engages_and_unlocks_only_with_right_password(qtbot, ctx, kids, store):
    store.set_setting("idle_lock_minutes", "0.005")  # 0.3 s
    window = make_window(qtbot, ctx)
    qtbot.waitUntil(window.is_locked, timeout=3000)
    assert window.outer.currentIndex() == 1  # the pages are hidden
    screen = window.lock_screen
    screen.password.setText("wrong-password")
    screen.button.click()
    assert window.is_locked()
    assert "密码错误" in screen.message.text()
    screen.password.setText(PASSWORD)
    screen.button.click()
    assert not window.is_locked()
    assert window.outer.currentIndex() == 0


def test_lock_screen_lockout_after_repeated_wrong_passwords(qtbot, ctx, store):
    window = make_window(qtbot, ctx)
    window.lock()
    screen = window.lock_screen
    for _ in range(4):
        screen.password.setText("wrong-password")
        screen.try_unlock()
    assert "秒后再试" in screen.message.text()
    assert not screen.button.isEnabled()
    screen.password.setText(PASSWORD)
    screen.try_unlock()  # still locked out: even the right password waits
    assert window.is_locked()


def test_settings_dialog_changes_idle_minutes(qtbot, store):
    from app.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(store)
    qtbot.addWidget(dialog)
    assert dialog.minutes.value() == 10
    dialog.minutes.setValue(3)
    dialog.save()
    assert store.setting("idle_lock_minutes") == "3"


def test_lock_covers_an_open_dialog_and_keeps_its_input(qtbot, ctx, kids, store):
    from app.ui.children.child_dialog import ChildDialog

    window = make_window(qtbot, ctx)
    dialog = ChildDialog(ctx, kids["李华"], window)
    dialog.show()
    dialog.form.set_values({"school": "尚未保存的学校"})
    window.lock()
    assert window.lock_dialog.isVisible() and window.lock_dialog.isModal()
    window.lock_screen.password.setText(PASSWORD)
    window.lock_screen.try_unlock()
    assert not window.is_locked()
    assert dialog.isVisible() and dialog.form.values()["school"] == "尚未保存的学校"
