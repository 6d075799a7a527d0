"""What the 打印 menu and the child's file call: build a document, show the preview, report
problems in plain Chinese. Other screens use `print_child_file()` and `print_visit_form()`
(e.g. a 打印 button on a visit record); `ChildPrintTab` is the child's-file tab with the buttons.
"""

from __future__ import annotations


from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QListWidget,
    QListWidgetItem, QMessageBox, QPushButton, QVBoxLayout, QWidget,
)

from app.core import clock
from app.core.errors import TonghuError
from app.ui import ops


def tr(text: str) -> str:
    return QCoreApplication.translate("Printing", text)


def print_document(parent, ctx, kind: str, file_name: str | None = None, **options) -> ops.Op:
    """Render `kind` from the open store on the store worker, then show it in the preview dialog.

    A record that is gone or a bad option shows its message; anything else is a bug and goes to
    the crash dialog (`app.ui.ops`' one error path)."""
    from app.print import documents

    store = ctx.store

    def work(progress):
        try:
            return documents.render(store, kind, **options)
        except ValueError as exc:  # a bad option (month, round …): its message is for the user
            raise TonghuError(str(exc), code="print_option") from exc

    def done(data: bytes) -> None:
        from app.ui.printing.preview import PrintPreviewDialog

        title = documents.TITLES[kind]
        dialog = PrintPreviewDialog(data, tr(title), file_name or f"{title}-{clock.today():%Y%m%d}.pdf", parent)
        ctx.show_status(tr("已生成{t}，共 {n} 页").format(t=tr(title), n=len(dialog.pages)))
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.open()

    return ops.run(parent, work, done=done, title=tr("无法打印"), label=tr("正在生成打印文件…"))


def print_child_file(parent, ctx, child_id: str) -> bool:
    """儿童信息登记表 of one child (preview, then print or save)."""
    return print_document(parent, ctx, "child", child=child_id)


def print_visit_form(parent, ctx, child_id: str, visit_id: str | None = None) -> bool:
    """走访记录表: prefilled for the next visit, or filled from the recorded `visit_id`."""
    return print_document(parent, ctx, "visit-form", child=child_id, visit=visit_id)


# -- option dialogs ---------------------------------------------------------------------------

class _OptionsDialog(QDialog):
    def __init__(self, title: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("预览"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(self.form)
        box.addWidget(buttons)
        self.ok_button = buttons.button(QDialogButtonBox.Ok)


def _combo(items: list[tuple[str, object]]) -> QComboBox:
    combo = QComboBox()
    for text, value in items:
        combo.addItem(text, value)
    return combo


def _current_child(window) -> str | None:
    page = getattr(window, "child_file", None)
    if page is not None and getattr(window, "stack", None) is not None and window.stack.currentWidget() is page:
        return getattr(page, "child_id", None)
    return None


def choose_child(parent, ctx, title: str) -> str | None:
    from app.print import sources

    children = sources.children_brief(ctx.store)
    if not children:
        QMessageBox.information(parent, title, tr("还没有在册儿童。"))
        return None
    dialog = _OptionsDialog(title, parent)
    combo = _combo([(f"{c['name']}（{c['group_name']}）" if c["group_name"] else c["name"], c["id"]) for c in children])
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.NoInsert)
    dialog.form.addRow(dialog.tr("儿童"), combo)
    return combo.currentData() if dialog.exec() == QDialog.Accepted else None


def action_child_form(window) -> QAction:
    action = QAction(tr("儿童信息登记表…"), window)

    def run():
        cid = _current_child(window) or choose_child(window, window.ctx, tr("打印儿童信息登记表"))
        if cid:
            print_child_file(window, window.ctx, cid)
    action.triggered.connect(run)
    return action


def action_visit_form(window) -> QAction:
    action = QAction(tr("走访记录表（单个儿童）…"), window)

    def run():
        cid = _current_child(window) or choose_child(window, window.ctx, tr("打印走访记录表"))
        if cid:
            print_visit_form(window, window.ctx, cid)
    action.triggered.connect(run)
    return action


def action_due_forms(window) -> QAction:
    action = QAction(tr("批量打印应访走访表…"), window)

    def run():
        dialog = _OptionsDialog(tr("批量打印走访记录表"), window)
        within = _combo([(dialog.tr("本周应访（含逾期）"), "week"), (dialog.tr("本月应访（含逾期）"), "month")])
        order = _combo([(dialog.tr("按组排路线"), "group"), (dialog.tr("按住址排路线"), "address")])
        dialog.form.addRow(dialog.tr("范围"), within)
        dialog.form.addRow(dialog.tr("顺序"), order)
        if dialog.exec() == QDialog.Accepted:
            print_document(window, window.ctx, "due-forms", within=within.currentData(), order=order.currentData())
    action.triggered.connect(run)
    return action


def action_ledger(window) -> QAction:
    action = QAction(tr("月度走访台账…"), window)

    def run():
        dialog = _OptionsDialog(tr("打印月度走访台账"), window)
        month = QDateEdit(QDate(clock.today()))
        month.setDisplayFormat("yyyy-MM")
        month.setCalendarPopup(False)
        dialog.form.addRow(dialog.tr("月份"), month)
        if dialog.exec() == QDialog.Accepted:
            print_document(window, window.ctx, "ledger", month=month.date().toString("yyyy-MM"))
    action.triggered.connect(run)
    return action


def action_screening(window) -> QAction:
    action = QAction(tr("一年两排排查汇总…"), window)

    def run():
        from app.print import sources

        rounds = sources.screening_rounds(window.ctx.store)
        if not rounds:
            QMessageBox.information(window, tr("打印排查汇总"), tr("还没有排查轮次。"))
            return
        dialog = _OptionsDialog(tr("打印排查汇总"), window)
        combo = _combo([(f"{r['name']}（{r['status']}）", r["id"]) for r in rounds])
        dialog.form.addRow(dialog.tr("排查轮次"), combo)
        if dialog.exec() == QDialog.Accepted:
            print_document(window, window.ctx, "screening", round_id=combo.currentData())
    action.triggered.connect(run)
    return action


def action_report(window) -> QAction:
    action = QAction(tr("强制报告登记表…"), window)

    def run():
        from app.print import sources

        reports = sources.reports(window.ctx.store)
        if not reports:
            QMessageBox.information(window, tr("打印强制报告登记表"), tr("还没有强制报告记录。"))
            return
        dialog = _OptionsDialog(tr("打印强制报告登记表"), window)
        combo = _combo([(f"{r['child_name']} {r['found_at']:%Y-%m-%d %H:%M} {r['situation']}", r["id"]) for r in reports])
        dialog.form.addRow(dialog.tr("报告"), combo)
        if dialog.exec() == QDialog.Accepted:
            print_document(window, window.ctx, "report", report=combo.currentData())
    action.triggered.connect(run)
    return action


def action_case(window) -> QAction:
    action = QAction(tr("个案服务计划表…"), window)

    def run():
        from app.print import sources

        cases = sources.cases(window.ctx.store)
        if not cases:
            QMessageBox.information(window, tr("打印个案服务计划表"), tr("还没有个案记录。"))
            return
        dialog = _OptionsDialog(tr("打印个案服务计划表"), window)
        combo = _combo([(f"{k['child_name']} {k['title']}（{k['status']}）", k["id"]) for k in cases])
        dialog.form.addRow(dialog.tr("个案"), combo)
        if dialog.exec() == QDialog.Accepted:
            print_document(window, window.ctx, "case", case=combo.currentData())
    action.triggered.connect(run)
    return action


# -- the child's-file tab -----------------------------------------------------------------------

class ChildPrintTab(QWidget):
    """打印 tab of the child's file: the registration form, a prefilled visit form, and the
    child's recorded visits (double-click or 打印所选走访 for a filled form)."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.child_id: str | None = None
        self.child_button = QPushButton(self.tr("打印儿童信息登记表"))
        self.plan_button = QPushButton(self.tr("打印走访记录表（下次走访，预填）"))
        self.visit_button = QPushButton(self.tr("打印所选走访记录"))
        self.visits = QListWidget()
        for b in (self.child_button, self.plan_button, self.visit_button):
            b.setMinimumHeight(34)
        self.child_button.clicked.connect(lambda: self.child_id and print_child_file(self, self.ctx, self.child_id))
        self.plan_button.clicked.connect(lambda: self.child_id and print_visit_form(self, self.ctx, self.child_id))
        self.visit_button.clicked.connect(self._print_selected)
        self.visits.itemDoubleClicked.connect(lambda _item: self._print_selected())
        box = QVBoxLayout(self)
        box.addWidget(self.child_button)
        box.addWidget(self.plan_button)
        box.addWidget(QLabel(self.tr("已录入的走访：")))
        box.addWidget(self.visits, 1)
        box.addWidget(self.visit_button)

    def load(self, child_id: str) -> None:
        from app.data import visit_views

        self.child_id = child_id
        self.visits.clear()
        _, entries = visit_views.visit_history(self.ctx.store, child_id)
        for entry in entries:
            v = entry.current
            text = f"{v.visit_date:%Y-%m-%d} {self.tr(v.kind)} {v.visitor}" + (self.tr("（已更正）") if entry.amendments else "")
            item = QListWidgetItem(text)
            item.setData(Qt.UserRole, entry.original.id)
            self.visits.addItem(item)
        self.visit_button.setEnabled(self.visits.count() > 0)

    def _print_selected(self) -> None:
        item = self.visits.currentItem()
        if item is None or not self.child_id:
            return
        print_visit_form(self, self.ctx, self.child_id, item.data(Qt.UserRole))
