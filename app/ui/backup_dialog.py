"""文件 → 备份与恢复…: write a backup to a USB stick or folder, or restore one beside the current
store and switch to it at the next start. The work runs on the store worker (`app/ui/ops.py`);
the rules live in `app.data.backup`."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
                               QLineEdit, QMessageBox, QPushButton, QSpinBox, QVBoxLayout)

from app.core.errors import TonghuError
from app.data import backup
from app.data.keys import UnknownUserError, WrongPasswordError
from app.ui import ops

ERROR_STYLE = "color:#c5221f;"
BACKUP_DIR = "backup_dir"  # store setting: the folder of the last backup


def _browse_row(edit: QLineEdit, button: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(edit, 1)
    row.addWidget(button)
    return row


class BackupDialog(QDialog):
    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("备份与恢复"))
        self.setObjectName("backupDialog")

        # -- 备份
        self.last = QLabel()
        self.last.setObjectName("lastBackup")
        self.last.setWordWrap(True)
        self.folder = QLineEdit(store.setting(BACKUP_DIR) or "")
        self.folder.setObjectName("backupFolder")
        self.folder.setPlaceholderText(self.tr("选择U盘或一个文件夹"))
        pick_folder = QPushButton(self.tr("选择…"))
        pick_folder.clicked.connect(self._pick_folder)
        self.keep = QSpinBox()
        self.keep.setObjectName("backupKeep")
        self.keep.setRange(1, 50)
        self.keep.setValue(backup.DEFAULT_KEEP)
        self.backup_button = QPushButton(self.tr("立即备份"))
        self.backup_button.setObjectName("backupNow")
        self.backup_button.clicked.connect(self.start_backup)
        form = QFormLayout()
        form.addRow(self.tr("备份到"), _browse_row(self.folder, pick_folder))
        form.addRow(self.tr("保留最近"), self.keep)
        box = QGroupBox(self.tr("备份"))
        inner = QVBoxLayout(box)
        hint = QLabel(self.tr("备份文件是加密的，只有知道密码的人才能用它恢复。请把U盘放在安全的地方。"))
        hint.setWordWrap(True)
        inner.addWidget(self.last)
        inner.addWidget(hint)
        inner.addLayout(form)
        inner.addWidget(self.backup_button)

        # -- 恢复
        self.file = QLineEdit()
        self.file.setObjectName("restoreFile")
        self.file.setPlaceholderText(self.tr("选择一个备份文件（.tonghu-backup）"))
        pick_file = QPushButton(self.tr("选择…"))
        pick_file.clicked.connect(self._pick_file)
        self.password = QLineEdit()
        self.password.setObjectName("restorePassword")
        self.password.setEchoMode(QLineEdit.Password)
        self.password.setPlaceholderText(self.tr("做备份时的密码"))
        self.restore_button = QPushButton(self.tr("恢复…"))
        self.restore_button.setObjectName("restoreNow")
        self.restore_button.clicked.connect(self.start_restore)
        rform = QFormLayout()
        rform.addRow(self.tr("备份文件"), _browse_row(self.file, pick_file))
        rform.addRow(self.tr("密码"), self.password)
        rbox = QGroupBox(self.tr("恢复"))
        rinner = QVBoxLayout(rbox)
        rhint = QLabel(self.tr("恢复不会覆盖现在的数据：备份会恢复成旁边的一个新数据文件，重新启动童护后改用它。"
                               "下次同步时，备份之后在县里的修改会自动取回。"))
        rhint.setWordWrap(True)
        rinner.addWidget(rhint)
        rinner.addLayout(rform)
        rinner.addWidget(self.restore_button)

        self.message = QLabel()
        self.message.setObjectName("backupMessage")
        self.message.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.Close)
        close.button(QDialogButtonBox.Close).setText(self.tr("关闭"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addWidget(rbox)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.resize(560, 480)
        self.op = None
        self._show_last()

    def _show_last(self) -> None:
        days = backup.days_since_backup(self.store)
        if days is None:
            self.last.setText(self.tr("这台电脑上的资料还没有备份过。"))
        elif days == 0:
            self.last.setText(self.tr("今天已经备份过。"))
        else:
            self.last.setText(self.tr("上次备份在{d}天前。").format(d=days))

    def _pick_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("选择备份位置"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def _pick_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("选择备份文件"), self.folder.text(),
                                                self.tr("童护备份 (*.tonghu-backup)"))
        if chosen:
            self.file.setText(chosen)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)

    def _failed(self, exc: BaseException) -> bool:
        self.setEnabled(True)
        if isinstance(exc, WrongPasswordError):
            self._say(self.tr("密码错误：请输入做这份备份时使用的密码。"), True)
            return True
        if isinstance(exc, UnknownUserError):
            self._say(self.tr("这份备份里有多个用户，请用命令行 tonghu restore --user 指定。"), True)
            return True
        if isinstance(exc, TonghuError):
            self._say(exc.user_message(), True)
            return True
        self._say(self.tr("出现意外问题，详情已记录在日志中。"), True)
        return False

    # -- backup --------------------------------------------------------------
    def start_backup(self) -> None:
        folder = self.folder.text().strip()
        if not folder or not Path(folder).is_dir():
            self._say(self.tr("请先选择一个存在的文件夹或插好的U盘。"), True)
            return
        store, keep = self.store, self.keep.value()
        self.setEnabled(False)
        self._say(self.tr("正在备份…"))

        def work(progress):
            path = backup.make_backup(store, store.data_key, folder, keep=keep,
                                      progress=lambda done, total: progress(self.tr("正在备份…"), done, total))
            store.set_setting(BACKUP_DIR, folder)
            return path

        self.op = ops.run(self, work, done=self._backed_up, failed=self._failed, title=self.tr("备份"),
                          label=self.tr("正在备份…"))

    def _backed_up(self, path: Path) -> None:
        self.setEnabled(True)
        self._show_last()
        self._say(self.tr("已备份到 {p}（保留最近 {k} 份）。").format(p=path, k=self.keep.value()))

    # -- restore -------------------------------------------------------------
    def start_restore(self) -> None:
        file = self.file.text().strip()
        if not file or not Path(file).is_file():
            self._say(self.tr("请先选择一个备份文件。"), True)
            return
        try:
            header = backup.check_file(file)
        except backup.BackupError as exc:
            self._say(exc.user_message(), True)
            return
        if not self.password.text():
            self._say(self.tr("请输入做备份时的密码。"), True)
            return
        target = backup.restore_path_beside(self.store.path, header)
        answer = QMessageBox.question(self, self.tr("恢复"), self.tr(
            "把 {t} 的备份恢复成新的数据文件：\n{p}\n\n现在的数据文件不会被改动。恢复后请重新启动童护，将改用恢复的数据。继续吗？"
        ).format(t=header.get("created_at", "").replace("T", " "), p=target))
        if answer != QMessageBox.Yes:
            return
        password, store_path = self.password.text(), self.store.path
        self.setEnabled(False)
        self._say(self.tr("正在恢复…"))

        def work(progress):
            restored = backup.restore(file, target, password,
                                      progress=lambda done, total: progress(self.tr("正在恢复…"), done, total))
            backup.schedule_switch(store_path, restored)
            return restored

        self.op = ops.run(self, work, done=self._restored, failed=self._failed, title=self.tr("恢复"),
                          label=self.tr("正在恢复…"))

    def _restored(self, path: Path) -> None:
        self.setEnabled(True)
        self.password.clear()
        self._say(self.tr("已恢复到 {p}。请关闭童护再重新打开：将改用恢复的数据，原来的数据文件改名保留在旁边。"
                          "恢复后第一次同步时，县里会把备份之后的修改发回本机。").format(p=path))
