"""Settings (文件 → 设置): the idle lock time, the users of this laptop (用户…), whether county
password recovery is set up; and the change-password dialog (optionally re-encrypting the data)."""

from __future__ import annotations

from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QSpinBox)

from app.data import recovery, users
from app.data.keys import WrongPasswordError
from app.domain.errors import ValidationError
from app.ui import lock


def _buttons(dialog, ok_text):
    buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
    buttons.button(QDialogButtonBox.Ok).setText(ok_text)
    buttons.button(QDialogButtonBox.Cancel).setText(dialog.tr("取消"))
    buttons.accepted.connect(dialog.save)
    buttons.rejected.connect(dialog.reject)
    return buttons


class SettingsDialog(QDialog):
    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("设置"))
        self.minutes = QSpinBox()
        self.minutes.setObjectName("idleMinutes")
        self.minutes.setRange(0, 240)
        self.minutes.setSuffix(self.tr(" 分钟"))
        self.minutes.setSpecialValueText(self.tr("从不锁定"))
        self.minutes.setValue(int(round(lock.idle_minutes(store))))
        form = QFormLayout(self)
        form.addRow(self.tr("无操作自动锁定"), self.minutes)
        hint = QLabel(self.tr("离开电脑时，窗口会在这段时间后锁定，需重新输入密码。建议不超过 10 分钟。"))
        hint.setWordWrap(True)
        hint.setStyleSheet("color:#666;")
        form.addRow(hint)

        names = [u["display_name"] for u in users.list_users(store)]
        self.users_label = QLabel("、".join(names))
        self.users_label.setObjectName("usersSummary")
        self.users_button = QPushButton(self.tr("用户…"))
        self.users_button.setObjectName("manageUsers")
        self.users_button.clicked.connect(self.open_users)
        row = QHBoxLayout()
        row.addWidget(self.users_label, 1)
        row.addWidget(self.users_button)
        form.addRow(self.tr("本机用户"), row)

        status = recovery.status(store.path)
        if status["ready"]:
            text = self.tr("已设置（设备编号 {d}）。忘记密码时，可请县民政局开具恢复文件。").format(d=status["device_id"][-8:])
        else:
            text = self.tr("未设置：登记到县级服务器（同步 → 登记本设备）后自动设置。")
        self.recovery_label = QLabel(text)
        self.recovery_label.setObjectName("recoveryState")
        self.recovery_label.setWordWrap(True)
        self.recovery_label.setMinimumWidth(360)
        form.addRow(self.tr("县级密码恢复"), self.recovery_label)
        form.addRow(_buttons(self, self.tr("保存")))
        self.setMinimumWidth(560)

    def open_users(self) -> None:
        from app.ui.users_dialog import UsersDialog

        self.users_dialog = UsersDialog(self.store, self)
        self.users_dialog.exec()
        self.users_label.setText("、".join(u["display_name"] for u in users.list_users(self.store)))

    def save(self) -> None:
        self.store.set_setting(lock.SETTING, str(self.minutes.value()))
        self.accept()


class PasswordDialog(QDialog):
    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("修改密码"))
        self.old, self.new, self.repeat = QLineEdit(), QLineEdit(), QLineEdit()
        for w, name in ((self.old, "oldPassword"), (self.new, "newPassword"), (self.repeat, "repeatPassword")):
            w.setEchoMode(QLineEdit.Password)
            w.setObjectName(name)
        self.rekey = QCheckBox(self.tr("同时用新的钥匙重新加密数据（此前复制走的密钥文件从此打不开）"))
        self.rekey.setObjectName("rekeyData")
        self.error = QLabel()
        self.error.setObjectName("passwordError")
        self.error.setStyleSheet("color:#c5221f;")
        self.error.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("原密码"), self.old)
        form.addRow(self.tr("新密码"), self.new)
        form.addRow(self.tr("再输入一次"), self.repeat)
        form.addRow(self.rekey)
        form.addRow(self.error)
        form.addRow(_buttons(self, self.tr("修改")))

    def _show(self, exc: BaseException) -> bool:
        self.setEnabled(True)
        if isinstance(exc, WrongPasswordError):
            self.error.setText(self.tr("原密码错误"))
            return True
        if isinstance(exc, ValidationError):
            self.error.setText(exc.message)
            return True
        return False

    def save(self):
        old, new, repeat = self.old.text(), self.new.text(), self.repeat.text()
        if not self.rekey.isChecked():
            try:
                self.store.change_password(old, new, repeat)
            except (WrongPasswordError, ValidationError) as exc:
                self._show(exc)
                return None
            self.accept()
            return None
        from app.ui import ops

        self.setEnabled(False)
        self.op = ops.run(self, lambda progress: users.change_password(self.store, old, new, repeat, rekey_data=True,
                                                                       progress=progress),
                          done=lambda _r: self.accept(), failed=self._show,
                          title=self.tr("修改密码"), label=self.tr("正在重新加密数据…"))
        return self.op
