"""Network sync in the main window: 同步 → 立即同步 / 登记本设备…, the 冲突 page, and a status-bar
label with the last successful sync and the number of changes waiting."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence

from app.ui import ops, registry

_CTX = "Sync"


def tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def register() -> None:
    registry.add(registry.MENU_ACTIONS, 40, "sync_now", "立即同步", "app.ui.features.sync:sync_action", "同步")
    registry.add(registry.MENU_ACTIONS, 41, "sync_enrol", "登记本设备…", "app.ui.features.sync:enrol_action", "同步")
    registry.add(registry.PAGES, 80, "conflicts", "冲突", "app.ui.sync.conflicts:ConflictsPage")
    registry.add(registry.PAGES, 81, "refused", "未接受的修改", "app.ui.sync.refused:RefusedPage")


class SyncController:
    """One per main window: runs syncs in the background and keeps the status label current."""

    def __init__(self, window):
        from app.ui.sync.dialogs import SyncDialog, SyncStatusLabel

        self.window = window
        self.ctx = window.ctx
        self.worker = None  # the running ops.Op (sync shares the store worker with every other write)
        self.dialog = SyncDialog(window)
        self.label = SyncStatusLabel(self.ctx.store)
        window.statusBar().addPermanentWidget(self.label)
        self.ctx.data_changed.connect(lambda: self.label.refresh())

    def start(self) -> None:
        from app.sync import client

        if self.worker is not None and not self.worker.finished:
            self.dialog.show()
            self.dialog.raise_()
            return
        if not client.is_enrolled(self.ctx.store):
            from app.ui.sync.dialogs import enrolled_by_file

            if enrolled_by_file(self.ctx.store):  # enrolled by USB file: say how to sync, don't re-enrol
                from PySide6.QtCore import Qt
                from PySide6.QtWidgets import QMessageBox

                box = QMessageBox(QMessageBox.Information, tr("立即同步"), tr(
                    "本机已用登记文件登记，通过U盘同步：同步 → 导出同步文件…，交县民政局导入后，"
                    "再用“导入同步文件…”导入县里的回复。\n如需网络同步，请用“登记本设备…”输入县民政局提供的登记码。"),
                    parent=self.window)
                box.setObjectName("usbEnrolledInfo")
                box.setAttribute(Qt.WA_DeleteOnClose)
                box.open()
                return
            if not enrol(self.window):
                return
        self.dialog.hide_button.setText(tr("在后台继续"))
        self.dialog.label.setText(tr("正在连接县级服务器…"))
        self.dialog.bar.setRange(0, 0)
        self.dialog.show()
        store = self.ctx.store
        self.worker = ops.run(self.window, lambda progress: client.sync(store, progress=progress),
                              done=self._done, failed=self._sync_failed, progress=self._progress,
                              title=tr("立即同步"))

    def _sync_failed(self, exc: BaseException) -> bool:
        from app.sync import client

        if isinstance(exc, client.SyncError):
            self._failed(exc.message)
            return True
        self._failed(tr("出现意外问题，详情已记录在日志中"))
        return False  # a bug: the one error path logs it and shows the crash dialog

    def _progress(self, phase, done, total) -> None:
        self.dialog.on_progress(phase, done, total)
        self.label.refresh(running=tr("同步中 {d}/{t}").format(d=done, t=total))

    def _done(self, report) -> None:
        text = tr("同步完成：上传 {p} 条，下载 {d} 条").format(p=report.pushed, d=report.pulled)
        if report.conflicts:
            text += tr("，{c} 处冲突待确认（见“冲突”页）").format(c=report.conflicts)
        from app.data.county_policy import take_notice  # a newer county policy was applied (issue 16)

        notice = take_notice(self.ctx.store)
        if notice:
            text += "\n" + notice
        self.dialog.on_done(text, True)
        self.label.refresh()
        self.ctx.show_status(text, 8000)
        if report.pulled or report.purged:
            self.ctx.data_changed.emit()

    def _failed(self, message) -> None:
        self.dialog.on_done(tr("同步未完成：") + message, False)
        self.dialog.show()
        self.label.refresh()


def controller(window) -> SyncController:
    ctl = getattr(window, "_sync_controller", None)
    if ctl is None:
        ctl = window._sync_controller = SyncController(window)
    return ctl


def sync_action(window) -> QAction:
    ctl = controller(window)
    action = QAction(tr("立即同步"), window)
    action.setShortcut(QKeySequence("F9"))
    action.setStatusTip(tr("上传本机的修改，下载县里发来的更新（在后台进行）"))
    action.triggered.connect(ctl.start)
    return action


def enrol(window) -> bool:
    from app.ui.sync.dialogs import EnrolDialog

    dialog = EnrolDialog(window.ctx.store, window)
    ok = bool(dialog.exec())
    if ok:
        controller(window).label.refresh()
    return ok


def enrol_action(window) -> QAction:
    action = QAction(tr("登记本设备…"), window)
    action.setStatusTip(tr("输入县级服务器地址和登记码，把本机登记为同步设备"))
    action.triggered.connect(lambda: enrol(window))
    return action
