"""The enrol dialog (server address + one-time code), the sync progress dialog and the status label."""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QMessageBox, QProgressBar, QPushButton, QVBoxLayout, QWidget)

from app.sync.transport import plain_http_remote


class EnrolDialog(QDialog):
    """Ask for the county server address and the one-time code, then enrol this device."""

    def __init__(self, store, parent=None, transport=None):
        super().__init__(parent)
        self.store = store
        self.transport = transport
        self.setWindowTitle(self.tr("登记本设备"))
        self.server = QLineEdit(store.setting("sync_server") or "")
        self.server.setPlaceholderText(self.tr("例如 https://tonghu.example.gov.cn:8765"))
        self.server.textChanged.connect(self._address_changed)
        self._insecure_ok = False
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("县民政局给的登记码，如 K7M2Q-9XDRA"))
        self.error = QLabel()
        self.error.setStyleSheet("color:#b00020;")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("服务器地址"), self.server)
        form.addRow(self.tr("登记码"), self.code)
        hint = QLabel(self.tr("登记只需做一次。登记后点“同步”即可上传本村的修改、下载县里的更新。"
                              "服务器地址请填县民政局给的 https:// 地址（加密传输）。"))
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("登记"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self._enrol)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(460, 220)

    def _enrol(self) -> None:
        from app.sync import client

        if not self.server.text().strip():
            self.error.setText(self.tr("请填写服务器地址"))
            return
        if not self.code.text().strip():
            self.error.setText(self.tr("请填写登记码"))
            return
        if plain_http_remote(self.server.text()) and not self._insecure_ok:
            self.error.setText(self.tr(
                "这个地址以 http:// 开头，不加密：登记码和儿童信息会以明文在网络上传输，别人可以看到或篡改。"
                "请向县民政局要 https:// 开头的地址。只有在县民政局明确说明使用内网 http 时，才再点一次“仍然登记”。"))
            self._insecure_ok = True
            self.ok.setText(self.tr("仍然登记"))
            return
        try:
            answer = client.enrol(self.store, self.server.text(), self.code.text(), transport=self.transport)
        except client.SyncError as exc:
            self.error.setText(exc.message)
            return
        QMessageBox.information(self, self.tr("登记成功"),
                                self.tr("本设备已登记，负责范围：{s}。现在可以同步了。").format(s=answer["scope"]))
        self.accept()


    def _address_changed(self) -> None:
        self._insecure_ok = False
        self.ok.setText(self.tr("登记"))


class SyncDialog(QDialog):
    """Shows the progress of a background sync; closing it leaves the sync running."""

    PHASES = {"push": "正在上传本机的修改", "pull": "正在下载县里的更新"}

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("同步"))
        self.setModal(False)
        self.label = QLabel(self.tr("正在连接县级服务器…"))
        self.label.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.hide_button = QPushButton(self.tr("在后台继续"))
        self.hide_button.clicked.connect(self.hide)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.hide_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(QLabel(self.tr("同步时可以继续工作；中途断网或合上电脑也不会丢失数据。")))
        layout.addLayout(row)
        self.resize(440, 150)

    def on_progress(self, phase: str, done: int, total: int) -> None:
        self.label.setText(self.tr(self.PHASES.get(phase, phase)) + f"（{done}/{total}）")
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        else:
            self.bar.setRange(0, 0)

    def on_done(self, text: str, ok: bool) -> None:
        self.label.setText(text)
        self.bar.setRange(0, 1)
        self.bar.setValue(1 if ok else 0)
        self.hide_button.setText(self.tr("关闭"))


def enrolled_by_file(store) -> bool:
    """Enrolled with a county enrolment file (USB): the device has its keys but no network token."""
    from app.sync import client

    return bool(store.setting(client.S_IDENTITY)) and not client.is_enrolled(store)


def describe_last_sync(value: str | None) -> str:
    if not value:
        return "从未同步"
    try:
        when = dt.datetime.fromisoformat(value).replace(tzinfo=dt.timezone.utc).astimezone()
    except ValueError:
        return value
    return when.strftime("%m-%d %H:%M")


class SyncStatusLabel(QLabel):
    """Status-bar text: last successful sync and how many local changes wait to be sent."""

    def __init__(self, store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.refresh)
        self.timer.start(30_000)
        self.refresh()

    def refresh(self, running: str = "") -> None:
        from app.sync import client

        try:
            st = client.status(self.store)
        except Exception:
            logging.getLogger(__name__).warning("sync status could not be read", exc_info=True)
            return
        if not st["enrolled"] and enrolled_by_file(self.store):  # issue 13: USB enrolment counts
            text = self.tr("已登记（U盘同步）　待上传：{n} 条").format(n=st["pending"])
        elif not st["enrolled"]:
            text = self.tr("未登记同步")
        else:
            text = self.tr("上次同步：{w}　待上传：{n} 条").format(w=self.tr(describe_last_sync(st["last_sync"])),
                                                               n=st["pending"])
            if st["open_conflicts"]:
                text += self.tr("　有冲突待确认")
            if st.get("refused"):
                text += self.tr("　{n} 条修改未被接受").format(n=st["refused"])
        if running:
            text = running + "　" + text
        self.setText(text)
