"""USB sync in the main window: 同步 → 导出同步文件… / 导入同步文件… / 用登记文件登记本机….

The work is done by `app.sync.bundle_io` on the store worker (`app.ui.ops`), so the window keeps
turning; this module only asks for a folder or a file and shows the result. A refusal
(`BundleError`) reaches the user through the one error path, in clear Chinese.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from app.ui import ops, registry

_CTX = "Bundles"


def tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def register() -> None:
    registry.add(registry.MENU_ACTIONS, 50, "bundle_export", "导出同步文件…", "app.ui.features.bundles:export_action", "同步")
    registry.add(registry.MENU_ACTIONS, 51, "bundle_import", "导入同步文件…", "app.ui.features.bundles:import_action", "同步")
    registry.add(registry.MENU_ACTIONS, 52, "bundle_enrol", "用登记文件登记本机…", "app.ui.features.bundles:enrol_action", "同步")


def _ctx(window):
    return getattr(window, "ctx", None)


def _start_dir() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.HomeLocation)


# -- actions ----------------------------------------------------------------------------------
def export_action(window) -> QAction:
    action = QAction(tr("导出同步文件…"), window)
    action.setStatusTip(tr("把尚未被县里确认的修改写入一个同步文件（例如U盘），交到县民政局导入"))
    action.triggered.connect(lambda: export_bundle(window))
    return action


def import_action(window) -> QAction:
    action = QAction(tr("导入同步文件…"), window)
    action.setStatusTip(tr("导入县里发回的同步回执文件（.tonghu）"))
    action.triggered.connect(lambda: import_bundle(window))
    return action


def enrol_action(window) -> QAction:
    action = QAction(tr("用登记文件登记本机…"), window)
    action.setStatusTip(tr("没有网络时，用县里发的登记文件登记本机"))
    action.triggered.connect(lambda: enrol_from_file(window))
    return action


def export_bundle(window, folder: str | None = None) -> ops.Op | None:
    from app.sync import bundle_io

    ctx = _ctx(window)
    title = tr("导出同步文件")
    if folder is None:
        folder = QFileDialog.getExistingDirectory(window, tr("选择保存同步文件的文件夹（例如U盘）"), _start_dir())
    if not folder:
        return None

    def done(result) -> None:
        text = tr("已导出 {count} 条修改到：\n{path}\n\n请把此文件交到县民政局导入，再把县里发回的回执文件导入本机。"
                  "在导入回执之前，这些修改仍保留在本机，不会丢失。").format(count=result.count, path=result.path)
        QMessageBox.information(window, title, text)
        ctx.show_status(tr("同步文件已导出：{name}").format(name=result.path.name))

    return ops.run(window, lambda progress: bundle_io.export_bundle(ctx.store, folder), done=done,
                   title=title, label=tr("正在导出同步文件…"))


def import_bundle(window, path: str | None = None) -> ops.Op | None:
    from app.sync import bundle_io

    ctx = _ctx(window)
    title = tr("导入同步文件")
    if path is None:
        path, _ = QFileDialog.getOpenFileName(window, tr("选择县里发回的同步文件"), _start_dir(),
                                              tr("童护同步文件 (*.tonghu);;所有文件 (*)"))
    if not path:
        return None

    def done(result) -> None:
        text = tr("导入完成：县里确认了 {acked} 条本机修改，收到 {received} 条新数据。").format(
            acked=result.acked, received=result.received)
        if result.conflicts:
            text += "\n" + tr("其中 {n} 处与本机的修改冲突，请到“冲突”页面确认。").format(n=result.conflicts)
        if result.county_restored:
            text += "\n" + tr("县里的数据库已从备份恢复。下次导出的同步文件会带上本机的全部数据，请尽快导出并送到县里。")
        from app.data.county_policy import take_notice  # a newer county policy was applied (issue 16)

        notice = take_notice(ctx.store)
        if notice:
            text += "\n" + notice
        QMessageBox.information(window, title, text)
        ctx.show_status(tr("同步文件已导入"))
        ctx.notify_saved()

    return ops.run(window, lambda progress: bundle_io.import_bundle(ctx.store, path), done=done,
                   title=title, label=tr("正在导入同步文件…"))


def enrol_from_file(window, path: str | None = None, code: str | None = None) -> ops.Op | None:
    from app.sync import bundle_io

    ctx = _ctx(window)
    title = tr("用登记文件登记本机")
    if path is None:
        path, _ = QFileDialog.getOpenFileName(window, tr("选择县里发的登记文件"), _start_dir(),
                                              tr("童护登记文件 (*.tonghu-enrol);;所有文件 (*)"))
    if not path:
        return None
    if code is None:
        code, ok = QInputDialog.getText(window, title, tr("请输入县民政局另行告知的登记码（例如 ABCDE-FGHJK）："))
        if not ok:
            return None

    def done(result) -> None:
        QMessageBox.information(window, title, tr("本机已登记，范围：{scope}。以后可以用网络或U盘同步。").format(
            scope=result.scope))
        ctx.notify_saved()

    return ops.run(window, lambda progress: bundle_io.enrol_from_file(ctx.store, path, code), done=done,
                   title=title, label=tr("正在登记…"))
