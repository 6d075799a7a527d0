"""A crash in a slot writes a log line (names and ID numbers filtered) and shows the calm dialog."""

import logging
import sys
import threading

import pytest
from PySide6.QtCore import qInstallMessageHandler, qWarning
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPushButton

from app.core import log
from app.ui import errors


@pytest.fixture
def hooked(tmp_path, monkeypatch):
    monkeypatch.setenv(log.ENV_DIR, str(tmp_path))
    old_hook, old_thread_hook = sys.excepthook, threading.excepthook
    errors.install_excepthook()
    yield tmp_path / "tonghu-app.log"
    sys.excepthook, threading.excepthook = old_hook, old_thread_hook
    qInstallMessageHandler(None)
    dialog = errors.current_crash_dialog()
    if dialog is not None:
        dialog.accept()


@pytest.mark.qt_no_exception_capture
def test_crash_in_slot_logs_and_shows_dialog(qtbot, hooked):
    button = QPushButton("x")
    qtbot.addWidget(button)

    def slot():
        raise RuntimeError("姓名：张小明 身份证号：320115201001011234")

    button.clicked.connect(slot)
    button.click()  # PySide6 hands the exception to sys.excepthook; the window stays up
    qtbot.waitUntil(lambda: errors.current_crash_dialog() is not None and errors.current_crash_dialog().isVisible())
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = hooked.read_text(encoding="utf-8")
    assert "Traceback" in text and "RuntimeError" in text and "starting; log" in text
    assert "张小明" not in text and "320115201001011234" not in text
    dialog = errors.current_crash_dialog()
    assert "RuntimeError" in dialog.details.toPlainText() and "张小明" not in dialog.details.toPlainText()
    dialog.copy_button.click()
    assert "RuntimeError" in QGuiApplication.clipboard().text()
    button.click()  # a second error joins the same dialog, never a pile of them
    assert errors.current_crash_dialog() is dialog
    dialog.accept()
    assert errors.current_crash_dialog() is None


def test_expected_error_is_a_plain_message(qtbot):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from app.core.errors import NotFoundError

    seen = []

    def close_box():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.accept()
        else:
            QTimer.singleShot(20, close_box)

    QTimer.singleShot(0, close_box)
    errors.show_error(None, NotFoundError("找不到该儿童"))
    assert seen == ["找不到该儿童"] and errors.current_crash_dialog() is None


def test_qt_warnings_reach_the_log(qtbot, hooked):
    qWarning("a Qt warning for the log")
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert "a Qt warning for the log" in hooked.read_text(encoding="utf-8")
