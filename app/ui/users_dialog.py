"""设置 → 用户…: the people who sign in on this laptop. Add a deputy with their own password; remove
one (the store is re-encrypted with a new key on the store worker, with progress, so an old copy
of the key file no longer opens today's data). Rules live in `app.data.users`."""

from __future__ import annotations

from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout)

from app.data import users
from app.data.keys import WrongPasswordError
from app.domain.errors import ValidationError

ERROR_STYLE = "color:#c5221f;"
ROLES = ("儿童主任", "副主任", "乡镇督导员")


def _password_edit(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.Password)
    return edit


class UsersDialog(QDialog):
    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("用户"))
        intro = QLabel(self.tr("每个人用自己的登录名和密码。删除用户后，数据会用新的钥匙重新加密，"
                               "此前复制走的密钥文件从此打不开现在的数据。"))
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("usersTable")
        self.table.setHorizontalHeaderLabels([self.tr("登录名"), self.tr("姓名"), self.tr("角色")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.add_button = QPushButton(self.tr("添加用户…"))
        self.add_button.setObjectName("addUser")
        self.remove_button = QPushButton(self.tr("删除用户…"))
        self.remove_button.setObjectName("removeUser")
        self.message = QLabel()
        self.message.setObjectName("usersMessage")
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch()
        close = QDialogButtonBox(QDialogButtonBox.Close)
        close.button(QDialogButtonBox.Close).setText(self.tr("关闭"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.add_button.clicked.connect(self.add_user)
        self.remove_button.clicked.connect(self.remove_selected)
        self.resize(560, 380)
        self.refresh()

    def refresh(self) -> None:
        rows = users.list_users(self.store)
        self.table.setRowCount(len(rows))
        for i, u in enumerate(rows):
            name = u["name"] + (self.tr("（当前）") if u["current"] else "")
            for j, text in enumerate((name, u["display_name"], u["role"])):
                item = QTableWidgetItem(text)
                if j == 0:
                    item.setData(0x0100, u["name"])  # Qt.UserRole
                self.table.setItem(i, j, item)
        self.table.resizeColumnsToContents()
        self.table.setCurrentItem(None)

    def selected_user(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.table.item(rows[0].row(), 0).data(0x0100)

    def add_user(self) -> None:
        dialog = AddUserDialog(self.store, self)
        self.add_dialog = dialog
        if dialog.exec() == QDialog.Accepted:
            self.refresh()
            self.message.setStyleSheet("")
            self.message.setText(self.tr("已添加用户 {u}").format(u=dialog.name.text().strip()))

    def remove_selected(self) -> None:
        name = self.selected_user()
        if not name:
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(self.tr("请先在表中选中要删除的用户"))
            return
        dialog = RemoveUserDialog(self.store, name, self)
        self.remove_dialog = dialog
        if dialog.exec() == QDialog.Accepted:
            self.refresh()
            self.message.setStyleSheet("")
            self.message.setText(self.tr("已删除用户 {u}，数据已用新的钥匙重新加密").format(u=name))


class AddUserDialog(QDialog):
    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("添加用户"))
        self.name = QLineEdit()
        self.name.setObjectName("newUserName")
        self.name.setPlaceholderText(self.tr("如：wangfang（字母或数字）"))
        self.display_name = QLineEdit()
        self.display_name.setObjectName("newUserDisplayName")
        self.role = QComboBox()
        self.role.addItems([self.tr("儿童主任"), self.tr("副主任"), self.tr("乡镇督导员")])  # as ROLES
        self.password = _password_edit("newUserPassword")
        self.password.setPlaceholderText(self.tr("由新用户本人输入，至少8位"))
        self.repeat = _password_edit("newUserRepeat")
        self.current = _password_edit("currentPassword")
        self.current.setPlaceholderText(self.tr("确认是您本人在操作"))
        self.error = QLabel()
        self.error.setObjectName("addUserError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("登录名"), self.name)
        form.addRow(self.tr("姓名"), self.display_name)
        form.addRow(self.tr("角色"), self.role)
        form.addRow(self.tr("新用户的密码"), self.password)
        form.addRow(self.tr("再输入一次"), self.repeat)
        form.addRow(self.tr("您的密码（{u}）").format(u=store.user), self.current)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("添加"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(440)

    def save(self) -> None:
        try:
            users.add_user(self.store, self.name.text(), self.password.text(), repeat=self.repeat.text(),
                           current_password=self.current.text(), display_name=self.display_name.text().strip(),
                           role=ROLES[self.role.currentIndex()])
        except WrongPasswordError:
            self.error.setText(self.tr("您的密码不对"))
            return
        except ValidationError as exc:
            self.error.setText(exc.message)
            return
        self.accept()


class RemoveUserDialog(QDialog):
    """Confirm with the signed-in user's password; the re-encryption runs on the store worker."""

    def __init__(self, store, name: str, parent=None):
        super().__init__(parent)
        self.store = store
        self.user_name = name
        self.setWindowTitle(self.tr("删除用户"))
        text = QLabel(self.tr("删除用户 {u} 后，他（她）不能再登录这台电脑。\n"
                              "数据会用新的钥匙重新加密（几秒到一分钟），此前复制走的密钥文件从此打不开现在的数据。\n"
                              "他（她）以前的记录保留，仍显示是谁做的。").format(u=name))
        text.setWordWrap(True)
        self.current = _password_edit("removeCurrentPassword")
        self.error = QLabel()
        self.error.setObjectName("removeUserError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(text)
        form.addRow(self.tr("您的密码（{u}）").format(u=store.user), self.current)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.ok = buttons.button(QDialogButtonBox.Ok)
        self.ok.setText(self.tr("删除并重新加密"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(480)

    def save(self):
        from app.ui import ops

        password = self.current.text()

        def failed(exc: BaseException) -> bool:
            self.setEnabled(True)
            if isinstance(exc, WrongPasswordError):
                self.error.setText(self.tr("您的密码不对"))
                return True
            if isinstance(exc, ValidationError):
                self.error.setText(exc.message)
                return True
            return False

        self.setEnabled(False)
        self.op = ops.run(self, lambda progress: users.remove_user(self.store, self.user_name, current_password=password,
                                                                   progress=progress),
                          done=lambda _r: self.accept(), failed=failed,
                          title=self.tr("删除用户"), label=self.tr("正在重新加密数据…"))
        return self.op

