"""The desktop's one error path: expected errors as a plain message, bugs as a calm dialog.

`show_error(parent, exc)` is what every caller (and `app/ui/ops.py`) uses once work has failed: a
`TonghuError` shows its Chinese message; anything else is a bug, so its traceback goes to the log
(`app/core/log.py`, names and ID numbers filtered out) and `CrashDialog` says, calmly, that the data
is safe, where the details were written, and offers 复制详情 so they can be sent to the county.
`install_excepthook()` routes every exception that escapes a slot or the event loop the same way,
so an unexpected error never closes the window.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback

from PySide6.QtCore import QCoreApplication, QtMsgType, QTimer, qInstallMessageHandler
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication, QDialog, QDialogButtonBox, QLabel, QMessageBox, QPlainTextEdit, QPushButton, QVBoxLayout,
    QWidget,
)

from app.core import log
from app.core.errors import TonghuError
from app.ui.messages import user_text

logger = logging.getLogger("app.ui")

__all__ = ["CrashDialog", "show_error", "report_crash", "install_excepthook", "current_crash_dialog"]


def tr(text: str) -> str:
    return QCoreApplication.translate("CrashDialog", text)


class CrashDialog(QDialog):
    """"Something unexpected happened": reassurance, the log file, and the details to copy."""

    def __init__(self, details: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("出现了一个意外问题"))
        self.setModal(True)
        message = QLabel(tr(
            "童护遇到了一个意外问题，刚才的操作可能没有完成。\n"
            "已经保存的数据不受影响，您可以继续使用。\n"
            "如果问题反复出现，请点“复制详情”，把内容发给县民政局的技术人员。"))
        message.setWordWrap(True)
        where = QLabel(tr("详情已记录在：{path}").format(path=log.log_file("app")))
        where.setWordWrap(True)
        where.setTextInteractionFlags(where.textInteractionFlags() | where.textInteractionFlags().TextSelectableByMouse)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setMinimumHeight(140)
        buttons = QDialogButtonBox()
        self.copy_button = QPushButton(tr("复制详情"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ActionRole)
        close = buttons.addButton(QDialogButtonBox.Close)
        close.setText(tr("关闭"))
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        for w in (message, where, self.details, buttons):
            layout.addWidget(w)
        self.resize(560, 360)

    def add_details(self, details: str) -> None:
        self.details.appendPlainText("\n" + details)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())
        self.copy_button.setText(tr("已复制"))


_dialog: CrashDialog | None = None


def current_crash_dialog() -> CrashDialog | None:
    """The crash dialog on screen, if any (one at a time: later errors add their details to it)."""
    return _dialog


def report_crash(exc_type, exc, tb, parent: QWidget | None = None) -> None:
    """Log an unexpected exception with its traceback and show (or extend) the crash dialog."""
    global _dialog
    logger.error("unexpected error: %s", exc_type.__name__, exc_info=(exc_type, exc, tb))
    details = log.scrub("".join(traceback.format_exception(exc_type, exc, tb)))
    if QApplication.instance() is None:
        return
    if _dialog is not None:
        _dialog.add_details(details)
        return
    parent = parent or QApplication.activeWindow()
    _dialog = CrashDialog(details, parent)

    def _closed(_result: int) -> None:
        global _dialog
        _dialog = None

    _dialog.finished.connect(_closed)
    _dialog.open()  # not exec(): the event loop, and whatever called us, keeps running


def show_error(parent: QWidget | None, exc: BaseException, title: str = "") -> None:
    """Tell the user an operation failed: a `TonghuError` by its message, anything else as a crash."""
    if isinstance(exc, TonghuError):
        logger.info("operation refused: %s", exc.code)
        QMessageBox.warning(parent, title or tr("无法完成"), user_text(exc.user_message()))
        return
    report_crash(type(exc), exc, exc.__traceback__, parent)


def _qt_hook(exc_type, exc, tb) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    try:
        if threading.current_thread() is threading.main_thread():
            report_crash(exc_type, exc, tb)
        else:
            logger.error("unexpected error in a worker thread", exc_info=(exc_type, exc, tb))
            app = QApplication.instance()
            if app is not None:  # show it on the UI thread
                QTimer.singleShot(0, app, lambda: report_crash(exc_type, exc, tb))
    except Exception:  # noqa: BLE001 - the hook itself must never raise; fall back to stderr
        sys.__excepthook__(exc_type, exc, tb)


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    if args.exc_type is SystemExit:
        return
    _qt_hook(args.exc_type, args.exc_value, args.exc_traceback)


def _qt_message(mode: QtMsgType, context, message: str) -> None:
    level = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
             QtMsgType.QtWarningMsg: logging.WARNING}.get(mode, logging.ERROR)
    logging.getLogger("qt").log(level, "%s", message)


def install_excepthook() -> None:
    """Route uncaught exceptions (slots, timers, threads) to the log and the crash dialog, and
    Qt's own warnings to the log."""
    from app import __version__

    path = log.setup("app")
    logger.info("Tonghu %s starting; log %s", __version__, path)
    sys.excepthook = _qt_hook
    threading.excepthook = _thread_hook
    qInstallMessageHandler(_qt_message)
