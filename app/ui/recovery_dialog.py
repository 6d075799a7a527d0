"""忘记密码 (from the login window): open the county's recovery file and set a new password.

The director tells the county this laptop's device number; the county issues a one-time recovery
file; here it is opened and a new password set (`app.data.recovery.recover`). On success
`self.store` is the store, open and signed in as that user; the old password no longer works.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QApplication, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QPushButton, QVBoxLayout)

from app.data import recovery
from app.data.keys import KeyFile, RecoveryError, UnknownUserError, key_path_for
from app.domain.errors import ValidationError

ERROR_STYLE = "color:#c5221f;"
HINT_STYLE = "color:#555;"


class RecoveryDialog(QDialog):
    def __init__(self, store_path: Path, user: str = "", parent=None):
        super().__init__(parent)
        self.store_path = Path(store_path)
        self.store = None
        self.file_bytes: bytes | None = None
        self.setWindowTitle(self.tr("忘记密码"))
        intro = QLabel(self.tr(
            "童护无法找回密码，但县民政局可以帮您重设：\n"
            "1. 打电话或去县民政局，说明本机的设备编号（见下方）；\n"
            "2. 工作人员核实身份后，为这台电脑开具一个恢复文件（72小时内有效，只能用一次）；\n"
            "3. 在这里打开恢复文件，设置新密码。设置后旧密码就不能再用了。"))
        intro.setWordWrap(True)
        status = recovery.status(self.store_path)
        self.status = QLabel()
        self.status.setObjectName("recoveryStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextSelectableByMouse)
        if status["ready"]:
            self.status.setText(self.tr("本机设备编号（后8位）：{d}\n完整编号：{full}").format(d=status["device_id"][-8:],
                                                                              full=status["device_id"]))
            self.status.setStyleSheet("font-weight:bold;")
        else:
            self.status.setText(self.tr(
                "这台电脑的数据还没有设置县级恢复（登记到县级服务器时会自动设置），恢复文件无法使用。"
                "请不要删除任何文件，联系县民政局，按用户手册第6节处理。"))
            self.status.setStyleSheet(ERROR_STYLE)

        self.user = QComboBox()
        self.user.setObjectName("recoveryUser")
        self.user.addItems(KeyFile.load(key_path_for(self.store_path)).users())
        if user:
            self.user.setCurrentText(user)
        self.open_button = QPushButton(self.tr("打开恢复文件…"))
        self.open_button.setObjectName("openRecoveryFile")
        self.file_label = QLabel(self.tr("（尚未选择）"))
        self.file_label.setObjectName("recoveryFileName")
        self.file_label.setStyleSheet(HINT_STYLE)
        file_row = QHBoxLayout()
        file_row.addWidget(self.open_button)
        file_row.addWidget(self.file_label, 1)
        self.new = QLineEdit()
        self.new.setObjectName("recoveryNewPassword")
        self.repeat = QLineEdit()
        self.repeat.setObjectName("recoveryRepeat")
        for w in (self.new, self.repeat):
            w.setEchoMode(QLineEdit.Password)
        self.new.setPlaceholderText(self.tr("至少8位，别人猜不到"))
        self.message = QLabel()
        self.message.setObjectName("recoveryMessage")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("用户"), self.user)
        form.addRow(self.tr("恢复文件"), file_row)
        form.addRow(self.tr("新密码"), self.new)
        form.addRow(self.tr("再输入一次"), self.repeat)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.ok = buttons.button(QDialogButtonBox.Ok)
        self.ok.setText(self.tr("设置新密码并登录"))
        self.ok.setObjectName("recoverButton")
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.recover)
        buttons.rejected.connect(self.reject)
        self.ok.setEnabled(status["ready"])
        self.open_button.setEnabled(status["ready"])

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.status)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.open_button.clicked.connect(self.choose_file)
        self.setMinimumWidth(520)

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("打开恢复文件"), "",
                                              self.tr("童护恢复文件 (*.tonghu-recovery);;所有文件 (*)"))
        if name:
            self.load_file(Path(name))

    def load_file(self, path: Path) -> None:
        try:
            self.file_bytes = path.read_bytes()[: 1024 * 1024]
        except OSError as exc:
            self.file_bytes = None
            self.message.setText(self.tr("无法读取文件：{e}").format(e=exc.strerror or exc))
            return
        self.file_label.setText(path.name)
        self.message.clear()

    def recover(self) -> None:
        if self.file_bytes is None:
            self.message.setText(self.tr("请先打开县民政局开具的恢复文件"))
            return
        QApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            self.store = recovery.recover(self.store_path, self.file_bytes, self.user.currentText(),
                                          self.new.text(), self.repeat.text())
        except (RecoveryError, ValidationError) as exc:
            self.message.setText(exc.message)
            return
        except UnknownUserError:
            self.message.setText(self.tr("请选择用户"))
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.accept()
