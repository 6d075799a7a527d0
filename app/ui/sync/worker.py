"""Runs a network sync in a QThread so the director keeps working; reports progress by signals."""

from __future__ import annotations

from PySide6.QtCore import QThread, Signal


class SyncWorker(QThread):
    progress = Signal(str, int, int)   # phase, done, total
    succeeded = Signal(object)         # SyncReport
    failed = Signal(str)               # a Chinese message

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store

    def run(self) -> None:
        from app.sync import client

        try:
            report = client.sync(self.store, progress=lambda phase, done, total: self.progress.emit(phase, done, total))
        except client.SyncError as exc:
            self.failed.emit(exc.message)
        except Exception as exc:  # never let a thread die silently
            self.failed.emit(self.tr("同步出错：{e}").format(e=exc))
        else:
            self.succeeded.emit(report)
