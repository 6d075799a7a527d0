"""The idle lock: after `idle_lock_minutes` without keyboard or mouse input the window is covered
by a lock screen that asks for the signed-in user's password again (with the login lock-out).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.data.store import LoginLockedError

DEFAULT_MINUTES = 10.0
SETTING = "idle_lock_minutes"

_INPUT_EVENTS = {
    QEvent.KeyPress, QEvent.MouseButtonPress, QEvent.MouseMove, QEvent.Wheel, QEvent.TouchBegin,
}


def idle_minutes(store) -> float:
    """The configured idle time in minutes (0 = never lock)."""
    try:
        return max(0.0, float(store.setting(SETTING, str(DEFAULT_MINUTES)) or DEFAULT_MINUTES))
    except ValueError:
        return DEFAULT_MINUTES


class IdleWatcher(QObject):
    """Watches the application's input events and emits `idle` once the timeout passes."""

    idle = Signal()

    def __init__(self, minutes: float, parent=None):
        super().__init__(parent)
        self.last_input = time.monotonic()
        self.paused = False
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._check)
        self.set_minutes(minutes)
        QApplication.instance().installEventFilter(self)

    def set_minutes(self, minutes: float) -> None:
        self.timeout_s = minutes * 60
        self.timer.stop()
        if self.timeout_s > 0:
            self.timer.start(max(50, min(5000, int(self.timeout_s * 1000 / 4))))
        self.last_input = time.monotonic()

    def eventFilter(self, obj, event) -> bool:
        if event.type() in _INPUT_EVENTS:
            self.last_input = time.monotonic()
        return False

    def _check(self) -> None:
        if not self.paused and self.timeout_s > 0 and time.monotonic() - self.last_input >= self.timeout_s:
            self.paused = True
            self.idle.emit()

    def resume(self) -> None:
        self.last_input = time.monotonic()
        self.paused = False

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


class LockScreen(QWidget):
    """Covers the main window's content while locked; `unlocked` fires after the right password."""

    unlocked = Signal()

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self.setObjectName("lockScreen")
        title = QLabel(self.tr("童护已锁定"))
        title.setStyleSheet("font-size:22px;font-weight:bold;")
        title.setAlignment(Qt.AlignCenter)
        who = QLabel(self.tr("长时间未操作，为保护儿童信息已自动锁定。\n请输入 {u} 的密码继续。").format(u=store.user))
        who.setAlignment(Qt.AlignCenter)
        self.password = QLineEdit()
        self.password.setObjectName("lockPassword")
        self.password.setEchoMode(QLineEdit.Password)
        self.password.setPlaceholderText(self.tr("密码"))
        self.password.setFixedWidth(260)
        self.button = QPushButton(self.tr("解锁"))
        self.button.setObjectName("unlockButton")
        self.button.setFixedWidth(260)
        self.message = QLabel()
        self.message.setObjectName("lockMessage")
        self.message.setStyleSheet("color:#c5221f;")
        self.message.setAlignment(Qt.AlignCenter)
        box = QVBoxLayout(self)
        box.addStretch()
        for w in (title, who, self.password, self.button, self.message):
            box.addWidget(w, 0, Qt.AlignHCenter)
        box.addStretch()
        self.button.clicked.connect(self.try_unlock)
        self.password.returnPressed.connect(self.try_unlock)
        self._countdown = QTimer(self)
        self._countdown.timeout.connect(self._tick)
        self._wait_until = 0.0

    def reset(self) -> None:
        self.password.clear()
        self.message.clear()
        self.password.setFocus()

    def try_unlock(self) -> None:
        if time.monotonic() < self._wait_until:
            return
        try:
            ok = self.store.verify_password(self.password.text())
        except LoginLockedError as exc:
            self._lock_for(exc.seconds)
            return
        self.password.clear()
        if ok:
            self.message.clear()
            self.unlocked.emit()
        else:
            self.message.setText(self.tr("密码错误"))

    def _lock_for(self, seconds: int) -> None:
        self._wait_until = time.monotonic() + seconds
        self.button.setEnabled(False)
        self._countdown.start(1000)
        self._tick()

    def _tick(self) -> None:
        left = int(round(self._wait_until - time.monotonic()))
        if left <= 0:
            self._countdown.stop()
            self.button.setEnabled(True)
            self.message.setText(self.tr("可以再次输入密码"))
            return
        self.message.setText(self.tr("密码错误次数过多，请在 {s} 秒后再试").format(s=left))
