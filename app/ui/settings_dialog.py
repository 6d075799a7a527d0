"""Settings (文件 → 设置): the idle lock time; and the change-password dialog."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QSpinBox

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
        form.addRow(_buttons(self, self.tr("保存")))

    def save(self) -> None:
        self.store.set_setting(lock.SETTING, str(self.minutes.value()))
        self.accept()


class PasswordDialog(QDialog):
    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("修改密码"))
        self.old, self.new, self.repeat = QLineEdit(), QLineEdit(), QLineEdit()
        for w in (self.old, self.new, self.repeat):
            w.setEchoMode(QLineEdit.Password)
        self.error = QLabel()
        self.error.setStyleSheet("color:#c5221f;")
        form = QFormLayout(self)
        form.addRow(self.tr("原密码"), self.old)
        form.addRow(self.tr("新密码"), self.new)
        form.addRow(self.tr("再输入一次"), self.repeat)
        form.addRow(self.error)
        form.addRow(_buttons(self, self.tr("修改")))

    def save(self) -> None:
        try:
            self.store.change_password(self.old.text(), self.new.text(), self.repeat.text())
        except WrongPasswordError:
            self.error.setText(self.tr("原密码错误"))
            return
        except ValidationError as exc:
            self.error.setText(exc.message)
            return
        self.accept()
