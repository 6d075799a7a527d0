"""学籍库比对: the import wizard (choose a file → map its columns and check every row → results)
and the 学籍比对 page (latest results and the open 劝返复学 follow-ups)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QFileDialog, QHBoxLayout, QInputDialog, QLabel, QLineEdit, QListWidget,
    QMessageBox, QPushButton, QScrollArea, QStackedWidget, QTabWidget, QVBoxLayout, QWidget,
)

from app.data import schoolroll_import as imp
from app.domain import schoolroll as rules
from app.domain.errors import ValidationError
from app.ui import ops
from app.ui.protection.common import AMBER, RED, Table
from app.ui.widgets import fmt_date

IGNORE = "（忽略此列）"


class ResultsView(QTabWidget):
    """Findings of one import, one tab per kind."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.tables = {}
        for kind in rules.KIND_LABELS:
            t = Table([self.tr("行号"), self.tr("姓名"), self.tr("身份证号"), self.tr("学籍库学校"), self.tr("档案学校"),
                       self.tr("说明")])
            t.itemDoubleClicked.connect(lambda _i, t=t: self._open(t))
            self.tables[kind] = t
            self.addTab(t, kind)

    def show_import(self, import_id: str | None) -> None:
        findings = []
        if import_id:
            findings = self.ctx.store.read(imp.findings_of, import_id)
        for i, kind in enumerate(rules.KIND_LABELS):
            rows = [f for f in findings if f.kind == kind]
            self.tables[kind].fill([(f.row_no or "", f.name, f.id_number, f.roll_school, f.recorded_school, f.detail)
                                    for f in rows], [f.child_id for f in rows],
                                   [RED if kind == rules.DROPOUT_RISK else (AMBER if not f.certain else None) for f in rows])
            self.setTabText(i, f"{kind}（{len(rows)}）")

    def _open(self, table) -> None:
        child_id = table.current_key()
        if child_id:
            self.ctx.open_child.emit(child_id)


class SchoolRollWizard(QDialog):
    def __init__(self, ctx, parent=None, path: str | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("学籍库比对导入"))
        self.resize(900, 600)
        self.headers: list[str] = []
        self.samples: list = []
        self.prepared = None
        self.result = None
        self.today: dt.date | None = None  # reference date of the comparison (default: today)
        self.pages = QStackedWidget()
        # step 1: file
        p1 = QWidget()
        l1 = QVBoxLayout(p1)
        step1 = QLabel(self.tr("第一步：选择教育部门提供的学籍名册（Excel .xlsx 或 CSV）。"
                               "必须有姓名、身份证号、学校三列；出生日期、年级、家庭住址、学籍状态可选。"))
        step1.setWordWrap(True)
        l1.addWidget(step1)
        row = QHBoxLayout()
        self.path = QLineEdit(path or "")
        self.path.setObjectName("rollPath")
        browse = QPushButton(self.tr("浏览…"))
        browse.clicked.connect(self.browse)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        l1.addLayout(row)
        self.file_error = QLabel()
        self.file_error.setObjectName("fileError")
        self.file_error.setStyleSheet("color:#c5221f;")
        self.file_error.setWordWrap(True)
        l1.addWidget(self.file_error)
        l1.addStretch()
        # step 2: mapping and check
        p2 = QWidget()
        l2 = QVBoxLayout(p2)
        step2 = QLabel(self.tr("第二步：核对每一列对应的内容（已自动识别常见的列名），然后点“检查”。"))
        step2.setWordWrap(True)
        l2.addWidget(step2)
        self.mapping = Table([self.tr("文件中的列"), self.tr("对应"), self.tr("第一行数据")])
        l2.addWidget(self.mapping, 2)
        check = QPushButton(self.tr("检查"))
        check.setObjectName("checkRoll")
        check.clicked.connect(self.check)
        self.check_summary = QLabel()
        self.check_summary.setWordWrap(True)
        self.errors = QListWidget()
        self.errors.setObjectName("rowErrors")
        self.skip_bad = QCheckBox(self.tr("跳过有错误的行，只导入正确的行（错误行会记录在导入记录中）"))
        self.skip_bad.toggled.connect(self._update_buttons)
        l2.addWidget(check)
        l2.addWidget(self.check_summary)
        l2.addWidget(self.errors, 1)
        l2.addWidget(self.skip_bad)
        # step 3: results
        p3 = QWidget()
        l3 = QVBoxLayout(p3)
        self.result_summary = QLabel()
        self.result_summary.setWordWrap(True)
        self.results = ResultsView(ctx)
        l3.addWidget(self.result_summary)
        l3.addWidget(self.results, 1)
        for p in (p1, p2, p3):
            self.pages.addWidget(p)
        self.back = QPushButton(self.tr("上一步"))
        self.next = QPushButton(self.tr("下一步"))
        self.next.setObjectName("wizardNext")
        self.close_btn = QPushButton(self.tr("关闭"))
        self.back.clicked.connect(lambda: self.go(self.pages.currentIndex() - 1))
        self.next.clicked.connect(self.forward)
        self.close_btn.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch()
        for b in (self.back, self.next, self.close_btn):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        body = QScrollArea()  # the steps scroll on a small screen; the buttons stay (issue 13)
        body.setWidgetResizable(True)
        body.setFrameShape(QScrollArea.NoFrame)
        body.setWidget(self.pages)
        layout.addWidget(body, 1)
        layout.addLayout(buttons)
        self.go(0)

    # -- navigation ------------------------------------------------------
    def go(self, index: int) -> None:
        self.pages.setCurrentIndex(max(0, index))
        self._update_buttons()

    def _update_buttons(self) -> None:
        i = self.pages.currentIndex()
        self.back.setEnabled(i == 1)
        self.next.setVisible(i < 2)
        self.next.setText(self.tr("导入") if i == 1 else self.tr("下一步"))
        if i == 1:
            ok = self.prepared is not None and (not self.prepared.errors or self.skip_bad.isChecked())
            self.next.setEnabled(ok)
        else:
            self.next.setEnabled(True)

    def forward(self) -> None:
        if self.pages.currentIndex() == 0:
            self.read_headers()
        elif self.pages.currentIndex() == 1:
            self.do_import()

    def browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("选择学籍名册"), "", self.tr("学籍名册 (*.xlsx *.csv)"))
        if name:
            self.path.setText(name)

    # -- step 1 → 2 ------------------------------------------------------
    def read_headers(self) -> None:
        self.file_error.clear()
        path = Path(self.path.text().strip())
        if not path.is_file():
            self.file_error.setText(self.tr("找不到文件：{p}").format(p=str(path)))
            return
        try:
            rows = imp.read_table(path)
            h = imp.find_header(rows)
        except ValidationError as exc:
            self.file_error.setText(exc.message)
            return
        self.headers = [rules.cell_text(v) for v in rows[h][1]]
        first = rows[h + 1][1] if len(rows) > h + 1 else []
        auto = {}
        try:
            auto = {i: f for f, i in rules.auto_mapping(self.headers).items()}
        except ValidationError:
            auto = {i: rules.field_for_header(hd) for i, hd in enumerate(self.headers) if rules.field_for_header(hd)}
        self.mapping.fill([(hd, "", rules.cell_text(first[i]) if i < len(first) else "") for i, hd in enumerate(self.headers)])
        self.combos = []
        labels = [IGNORE] + [rules.label(f) for f in rules.FIELDS]
        for i, _ in enumerate(self.headers):
            combo = QComboBox()
            combo.addItems(labels)
            if auto.get(i):
                combo.setCurrentText(rules.label(auto[i]))
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.mapping.setCellWidget(i, 1, combo)
            self.combos.append(combo)
        self.prepared = None
        self.check_summary.setText("")
        self.errors.clear()
        self.go(1)

    def overrides(self) -> dict[str, str]:
        return {hd: ("忽略" if c.currentText() == IGNORE else c.currentText())
                for hd, c in zip(self.headers, self.combos, strict=False) if hd}

    def _mapping_changed(self) -> None:
        self.prepared = None
        self._update_buttons()

    # -- step 2: check ---------------------------------------------------
    def check(self) -> ops.Op:
        """Read and check every row on the store worker (a county roll is large); returns the op."""
        self.errors.clear()
        self.prepared = None
        self._update_buttons()
        path, overrides, today = Path(self.path.text().strip()), self.overrides(), self.today

        def failed(exc: BaseException) -> bool:
            if isinstance(exc, ValidationError):
                self.check_summary.setText(f"<span style='color:#c5221f'>{exc.message}</span>")
                self._update_buttons()
                return True
            return False

        self.check_summary.setText(self.tr("正在检查…"))
        self.check_op = ops.run(self, lambda progress: imp.preview(path, overrides, today=today), done=self._checked,
                                failed=failed, title=self.tr("学籍库比对导入"), label=self.tr("正在读取并检查学籍名册…"))
        return self.check_op

    def _checked(self, prepared) -> None:
        self.prepared = p = prepared
        for e in p.errors:
            self.errors.addItem(e.text())
        if p.errors:
            self.check_summary.setText(self.tr("共 {n} 行，其中 {e} 行有错误（见下表）。请改正文件后重新选择，"
                                               "或勾选“跳过有错误的行”。").format(n=p.row_count, e=len(p.errors)))
        else:
            self.check_summary.setText(self.tr("共 {n} 行，全部正确，可以导入。").format(n=p.row_count))
        self._update_buttons()

    # -- step 2 → 3 ------------------------------------------------------
    def do_import(self) -> ops.Op:
        """Import on the store worker (a county roll has thousands of rows); the wizard stays live."""
        store, path, overrides = self.ctx.store, Path(self.path.text().strip()), self.overrides()
        skip_bad, prepared, today = self.skip_bad.isChecked(), self.prepared, self.today

        def work(progress):
            return imp.import_roll_file(store, path, overrides, skip_bad=skip_bad, prepared=prepared, today=today)

        def failed(exc: BaseException) -> bool:
            self._update_buttons()
            return False  # the one error path: a ValidationError shows its message

        self.next.setEnabled(False)
        self.import_op = ops.run(self, work, done=self._imported, failed=failed, title=self.tr("学籍库比对导入"),
                                 label=self.tr("正在导入学籍名册并比对…"))
        return self.import_op

    def _imported(self, result) -> None:
        self.result = result
        c = self.result.counts
        text = self.tr("已比对 {n} 行：在籍 {ok} 人；未在籍（辍学风险）{d} 人；学校不一致 {o} 人；疑似匹配（需核实）{u} 人；"
                       "村内未登记 {k} 人。新建劝返复学任务 {t} 个，已复学关闭 {b} 个。").format(
            n=c.get("行数", 0), ok=c.get("在籍", 0), d=c.get(rules.DROPOUT_RISK, 0), o=c.get(rules.OTHER_SCHOOL, 0),
            u=c.get(rules.UNCERTAIN, 0), k=c.get(rules.UNKNOWN_TO_VILLAGE, 0), t=self.result.tasks_opened,
            b=self.result.tasks_closed)
        if self.result.already_imported:
            text = self.tr("这个文件已经导入过（{d}），没有重复导入。以下是当时的结果。").format(
                d=fmt_date(self.result.import_row.reference_date))
        elif c.get("错误行"):
            text += self.tr(" 跳过了 {e} 个错误行。").format(e=c["错误行"])
        self.result_summary.setText(text)
        self.results.show_import(self.result.import_row.id)
        self.ctx.notify_saved()
        self.go(2)


class SchoolRollPage(QWidget):
    """学籍比对 page: import button, latest results, open 劝返复学 follow-ups."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        title = QLabel(self.tr("学籍库比对与劝返复学"))
        title.setStyleSheet("font-size:18px;font-weight:bold;")
        start = QPushButton(self.tr("导入学籍名册并比对…"))
        start.clicked.connect(self.start)
        self.latest = QLabel()
        self.latest.setWordWrap(True)
        self.results = ResultsView(ctx)
        self.tasks = Table([self.tr("儿童"), self.tr("档案学校"), self.tr("开始劝返"), self.tr("状态"), self.tr("记录")])
        back = QPushButton(self.tr("已复学"))
        back.clicked.connect(lambda: self.close_task(imp.TASK_BACK))
        other = QPushButton(self.tr("其他原因结束"))
        other.clicked.connect(lambda: self.close_task(imp.TASK_OTHER))
        note = QPushButton(self.tr("添加劝返记录"))
        note.clicked.connect(self.add_note)
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch()
        head.addWidget(start)
        tb = QHBoxLayout()
        label = QLabel(self.tr("劝返复学跟进"))
        label.setStyleSheet("font-weight:bold;")
        tb.addWidget(label)
        tb.addStretch()
        for b in (note, back, other):
            tb.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.latest)
        layout.addWidget(self.results, 3)
        layout.addLayout(tb)
        layout.addWidget(self.tasks, 2)
        self.refresh()

    def refresh(self) -> None:
        import json
        last, tasks = self.ctx.store.read(lambda s: (imp.latest_import(s), imp.open_tasks(s)))
        if last is None:
            self.latest.setText(self.tr("还没有导入过学籍名册。"))
            self.results.show_import(None)
        else:
            c = json.loads(last.summary)
            self.latest.setText(self.tr(
                "最近一次比对：{f}（{d}，{n} 行）：未在籍 {a}，学校不一致 {b}，疑似匹配 {u}，村内未登记 {k}").format(
                f=last.file_name, d=fmt_date(last.reference_date), n=last.row_count, a=c.get(rules.DROPOUT_RISK, 0),
                b=c.get(rules.OTHER_SCHOOL, 0), u=c.get(rules.UNCERTAIN, 0), k=c.get(rules.UNKNOWN_TO_VILLAGE, 0)))
            self.results.show_import(last.id)
        self.tasks.fill([(c.name, c.school, t.opened_on, t.status, (t.notes or "").splitlines()[-1] if t.notes else "")
                         for t, c in tasks], [t.id for t, _ in tasks])

    def start(self) -> None:
        SchoolRollWizard(self.ctx, self).exec()
        self.refresh()

    def close_task(self, status: str) -> None:
        tid = self.tasks.current_key()
        if tid is None:
            QMessageBox.information(self, self.tr("劝返复学"), self.tr("请先在表中选择一名儿童"))
            return
        outcome, ok = QInputDialog.getText(self, status, self.tr("结果（例如复学的学校和日期）"))
        if not ok:
            return
        try:
            self.ctx.store.run(imp.close_task, tid, status, outcome)
        except ValidationError as exc:
            QMessageBox.warning(self, self.tr("劝返复学"), exc.message)
            return
        self.ctx.notify_saved()
        self.refresh()

    def add_note(self) -> None:
        tid = self.tasks.current_key()
        if tid is None:
            QMessageBox.information(self, self.tr("劝返复学"), self.tr("请先在表中选择一名儿童"))
            return
        text, ok = QInputDialog.getText(self, self.tr("添加劝返记录"), self.tr("记录"))
        if ok and text.strip():
            self.ctx.store.run(imp.add_task_note, tid, text)
            self.ctx.notify_saved()
            self.refresh()


def import_action(window) -> QAction:
    """工具 → 学籍库比对导入… (opens the wizard)."""
    action = QAction(window.tr("学籍库比对导入…"), window)
    action.triggered.connect(lambda: (SchoolRollWizard(window.ctx, window).exec(), window.ctx.notify_saved()))
    return action
