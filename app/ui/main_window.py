"""The main window: left navigation from registry PAGES, menus from MENU_ACTIONS, a status bar,
the child's file (一人一档) on demand, and the idle lock. Sized for a 1366×768 laptop screen.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow, QMessageBox, QStackedWidget, QVBoxLayout, QWidget,
)

from app import __version__
from app.ui import lock, ops, registry
from app.ui.context import UiContext

MENUS = ["文件", "打印", "同步", "工具", "帮助"]
MNEMONICS = {"文件": "F", "打印": "P", "同步": "S", "工具": "T", "帮助": "H"}  # Alt+F, Alt+P … (issue 13)


def menu_title(translated: str, letter: str) -> str:
    """"文件(&F)" in Chinese; in English the letter inside the word ("&File"), else appended."""
    if translated.isascii():
        i = translated.lower().find(letter.lower())
        if i >= 0:
            return translated[:i] + "&" + translated[i:]
    return f"{translated}(&{letter})"


class MainWindow(QMainWindow):
    def __init__(self, ctx: UiContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        registry.register_all()
        store = ctx.store
        self.demo = store.setting("demo") == "1"
        village = store.place_name(store.village_code)
        title = village  # Qt adds " — 童护" (the application display name) itself (issue 13)
        if self.demo:
            title += self.tr("（演示数据）")
        self.setWindowTitle(title)

        # navigation + pages (pages are built the first time they are shown)
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(132)
        self.nav.setSpacing(2)
        self.stack = QStackedWidget()
        self.page_entries = list(registry.PAGES)
        self.pages: dict[str, QWidget] = {}
        for entry in self.page_entries:
            item = QListWidgetItem(self.tr(entry.title))
            item.setData(Qt.UserRole, entry.key)
            item.setSizeHint(QSize(120, 36))
            self.nav.addItem(item)
        self.child_file = None

        content = QWidget()
        row = QHBoxLayout(content)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)

        # Locking swaps the content for a blank page and shows the lock screen in a frameless modal
        # dialog over the whole window, so it also covers (and blocks) any dialog left open.
        self.outer = QStackedWidget()
        self.outer.addWidget(content)
        self.outer.addWidget(QWidget())
        self.setCentralWidget(self.outer)
        self.lock_dialog = QDialog(self, Qt.Dialog | Qt.FramelessWindowHint)
        self.lock_dialog.setObjectName("lockDialog")
        self.lock_dialog.setModal(True)
        self.lock_dialog.setWindowModality(Qt.ApplicationModal)
        self.lock_screen = lock.LockScreen(store, self.lock_dialog)
        box = QVBoxLayout(self.lock_dialog)
        box.addWidget(self.lock_screen)
        self.lock_dialog.rejected.connect(self.lock_dialog.show)  # Esc must not unlock

        self._build_menus()
        self._build_status_bar()

        self.nav.currentRowChanged.connect(self._nav_changed)
        ctx.open_child.connect(self.show_child)
        ctx.open_visit.connect(self.show_visit)
        ctx.data_changed.connect(self._data_changed)
        ctx.status_message.connect(lambda text, msec: self.statusBar().showMessage(text, msec))
        ops.busy().changed.connect(self._busy_changed)  # work on the store worker shows in the status bar

        self.idle = lock.IdleWatcher(lock.idle_minutes(store), self)
        self.idle.idle.connect(self.lock)
        self.lock_screen.unlocked.connect(self.unlock)

        self.resize(1280, 720)
        self.setMinimumSize(1000, 600)
        if self.page_entries:
            self.nav.setCurrentRow(0)  # PAGES is sorted: the lowest order (工作台 or 儿童名册) first

    def _busy_changed(self, busy: bool, label: str) -> None:
        if busy and label:
            self.statusBar().showMessage(label)
        elif not busy:
            self.statusBar().clearMessage()

    # -- pages -----------------------------------------------------------

    def page(self, key: str) -> QWidget | None:
        widget = self.pages.get(key)
        if widget is None:
            entry = next((e for e in self.page_entries if e.key == key), None)
            if entry is None:
                return None
            try:
                widget = entry.load()(self.ctx, self)
            except Exception as exc:  # a broken feature page must not stop the app
                logging.getLogger(__name__).warning("feature page %s failed to load", key, exc_info=True)
                widget = QLabel(self.tr("此页无法加载：{e}").format(e=exc))
                widget.setAlignment(Qt.AlignCenter)
            self.pages[key] = widget
            self.stack.addWidget(widget)
        return widget

    def show_page(self, key: str) -> None:
        for i in range(self.nav.count()):
            if self.nav.item(i).data(Qt.UserRole) == key:
                if self.nav.currentRow() == i:
                    self._nav_changed(i)
                else:
                    self.nav.setCurrentRow(i)
                return

    def current_page_key(self) -> str:
        item = self.nav.currentItem()
        return item.data(Qt.UserRole) if item else ""

    def _nav_changed(self, row: int) -> None:
        if row < 0:
            return
        widget = self.page(self.nav.item(row).data(Qt.UserRole))
        self.stack.setCurrentWidget(widget)
        if hasattr(widget, "refresh") and getattr(widget, "_shown_once", False):
            widget.refresh()
        widget._shown_once = True

    def _data_changed(self) -> None:
        current = self.stack.currentWidget()
        if current is not None and current is not self.child_file and hasattr(current, "refresh"):
            current.refresh()

    # -- the child's file ---------------------------------------------------
    def show_child(self, child_id: str) -> None:
        if self.child_file is None:
            from app.ui.children.child_file import ChildFilePage

            self.child_file = ChildFilePage(self.ctx, self)
            self.child_file.back_requested.connect(self.back_from_child)
            self.stack.addWidget(self.child_file)
        self.child_file.load(child_id, log_view=True)
        self.stack.setCurrentWidget(self.child_file)

    def show_visit(self, child_id: str, visit_id: str) -> None:
        """The child's file at one visit (the QR code of a printed visit form was scanned)."""
        self.show_child(child_id)
        self.child_file.show_visit(visit_id)

    def back_from_child(self) -> None:
        key = self.current_page_key() or "children"
        self.show_page(key)

    # -- menus and status bar ----------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.menus = {name: bar.addMenu(menu_title(self.tr(name), MNEMONICS[name])) for name in MENUS}
        file_menu = self.menus["文件"]
        self._action(file_menu, self.tr("设置…"), self.open_settings)
        self._action(file_menu, self.tr("修改密码…"), self.change_password)
        self._action(file_menu, self.tr("立即锁定"), self.lock, QKeySequence("Ctrl+L"))
        file_menu.addSeparator()
        for entry in registry.MENU_ACTIONS:
            menu = self.menus.get(entry.menu) or self.menus["工具"]
            try:
                action = entry.load()(self)
            except Exception:
                logging.getLogger(__name__).warning("menu action %s failed to load", entry.key, exc_info=True)
                continue
            if action is not None:
                menu.addAction(action)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("退出"), self.close, QKeySequence("Ctrl+Q"))
        self._action(self.menus["帮助"], self.tr("用户手册"), self.open_guide, QKeySequence.HelpContents)
        self._action(self.menus["帮助"], self.tr("关于童护"), self.about)
        for menu in self.menus.values():
            if menu.isEmpty():
                placeholder = menu.addAction(self.tr("（暂无）"))
                placeholder.setEnabled(False)

    def _action(self, menu, text, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        store = self.ctx.store
        self.user_label = QLabel(self.tr("用户：{u}").format(u=store.display_name))  # the real name (issue 13)
        self.user_label.setTextFormat(Qt.PlainText)
        self.village_label = QLabel(store.place_name(store.village_code))
        self.village_label.setTextFormat(Qt.PlainText)
        bar.addPermanentWidget(self.village_label)
        bar.addPermanentWidget(self.user_label)
        if registry.FAILED:
            bar.showMessage(self.tr("部分功能未能加载：{f}").format(f="；".join(registry.FAILED)), 15000)
        if self.demo:
            demo = QLabel(self.tr("演示数据（虚构）"))
            demo.setStyleSheet("color:#b06000;")
            bar.addPermanentWidget(demo)

    # -- lock --------------------------------------------------------------
    def lock(self) -> None:
        self.idle.paused = True
        self.menuBar().setEnabled(False)
        self.outer.setCurrentIndex(1)
        self.lock_dialog.setGeometry(self.frameGeometry())
        self.lock_dialog.show()
        self.lock_dialog.raise_()
        self.lock_dialog.activateWindow()
        self.lock_screen.reset()

    def is_locked(self) -> bool:
        return self.lock_dialog.isVisible()

    def unlock(self) -> None:
        self.lock_dialog.hide()
        self.outer.setCurrentIndex(0)
        self.menuBar().setEnabled(True)
        self.idle.resume()

    # -- dialogs -----------------------------------------------------------
    def open_settings(self) -> None:
        from app.ui.settings_dialog import SettingsDialog

        if SettingsDialog(self.ctx.store, self).exec():
            self.idle.set_minutes(lock.idle_minutes(self.ctx.store))
            self.statusBar().showMessage(self.tr("设置已保存"), 4000)

    def change_password(self) -> None:
        from app.ui.settings_dialog import PasswordDialog

        if PasswordDialog(self.ctx.store, self).exec():
            self.statusBar().showMessage(self.tr("密码已修改"), 4000)

    def open_guide(self) -> None:
        """The user guide inside the app (帮助 → 用户手册, F1)."""
        from app.ui.help_view import HelpDialog

        self.guide = HelpDialog(self)
        self.guide.show()

    def about(self) -> None:
        QMessageBox.about(self, self.tr("关于童护"), self.tr(
            "童护 {v}\n农村留守儿童和困境儿童关爱服务（儿童主任工作台）。\n数据加密保存在本机。").format(v=__version__))

    def closeEvent(self, event) -> None:
        self.idle.stop()
        super().closeEvent(event)
