"""文件 → 备份与恢复… and the reminder after 30 days without a backup (in the status bar)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QAction

from app.ui import registry

_CTX = "Backup"


def tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def register() -> None:
    registry.add(registry.MENU_ACTIONS, 5, "backup", "备份与恢复…", "app.ui.features.backup:backup_action", "文件")


def open_dialog(window) -> None:
    from app.ui.backup_dialog import BackupDialog

    BackupDialog(window.ctx.store, window).exec()


def backup_action(window) -> QAction:
    action = QAction(tr("备份与恢复…"), window)
    action.setObjectName("backupAction")
    action.setStatusTip(tr("把本机的资料备份到U盘，或从备份恢复"))
    action.triggered.connect(lambda: open_dialog(window))
    QTimer.singleShot(1500, window, lambda: remind(window))  # the window as context: no call after it is gone
    return action


def remind(window) -> str | None:
    """Show the 30-day reminder in the status bar (for a minute); the text, or None."""
    from app.data import backup

    if getattr(window, "demo", False):
        return None
    store = window.ctx.store
    if backup.reminder_due(store) is None:
        return None
    days = backup.days_since_backup(store)
    if days is None:
        text = tr("这台电脑上的资料还从来没有备份过。请插上U盘，点“文件 → 备份与恢复…”做一次备份。")
    else:
        text = tr("距离上次备份已经{d}天了。请插上U盘，点“文件 → 备份与恢复…”再做一次备份。").format(d=days)
    window.ctx.show_status(text, 60000)
    return text
