"""The 个案 tab of the child's file: cases with owner and status; for the selected case its steps
(due dates, who), people involved, notes; pause / close with a summary / reopen with a reason."""

from __future__ import annotations

import html

from PySide6.QtWidgets import (
    QHBoxLayout, QInputDialog, QLabel, QMessageBox, QPlainTextEdit, QPushButton, QSplitter, QVBoxLayout, QWidget,
)
from PySide6.QtCore import Qt

from app.core import clock
from app.data import cases as svc
from app.domain import cases as rules
from app.domain.errors import ValidationError
from app.ui.protection.common import RED, FormDialog, Table, errors_by_field
from app.ui.widgets import Field


class CasesTab(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.child_id = None
        self.cases = Table([self.tr("个案"), self.tr("负责人"), self.tr("开案"), self.tr("状态"), self.tr("结案")])
        self.cases.itemSelectionChanged.connect(self.show_case)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.steps = Table([self.tr("步骤"), self.tr("负责方"), self.tr("期限"), self.tr("状态"), self.tr("完成日期")])
        self.parties = Table([self.tr("参与方"), self.tr("姓名/单位"), self.tr("电话")])
        self.notes = QPlainTextEdit()
        self.notes.setReadOnly(True)
        top = QHBoxLayout()
        for text, slot in ((self.tr("新建个案"), self.new_case), (self.tr("添加步骤"), self.add_step),
                           (self.tr("步骤完成/取消"), self.step_state), (self.tr("添加参与方"), self.add_party),
                           (self.tr("添加记录"), self.add_note), (self.tr("暂停/恢复"), self.pause),
                           (self.tr("结案"), self.close_case), (self.tr("重新开启"), self.reopen)):
            b = QPushButton(text)
            b.clicked.connect(slot)
            top.addWidget(b)
        top.addStretch()
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.detail)
        rl.addWidget(QLabel(self.tr("步骤")))
        rl.addWidget(self.steps, 2)
        rl.addWidget(QLabel(self.tr("参与方")))
        rl.addWidget(self.parties, 1)
        rl.addWidget(QLabel(self.tr("记录")))
        rl.addWidget(self.notes, 1)
        split = QSplitter(Qt.Horizontal)
        split.addWidget(self.cases)
        split.addWidget(right)
        split.setSizes([380, 620])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)

    def load(self, child_id: str) -> None:
        self.child_id = child_id
        rows = self.ctx.store.read(svc.cases_of, child_id)
        self.cases.fill([(c.title, c.owner, c.opened_on, c.status, c.closed_on) for c in rows], [c.id for c in rows])
        if rows:
            self.cases.selectRow(0)
        self.show_case()

    def case_id(self):
        return self.cases.current_key()

    def show_case(self) -> None:
        cid = self.case_id()
        if cid is None:
            self.detail.setText(self.tr("没有个案。遇到需要多个步骤、多方协作解决的问题时，请新建个案。"))
            self.steps.fill([])
            self.parties.fill([])
            self.notes.setPlainText("")
            return
        today = clock.today()
        case = svc.case_detail(self.ctx.store, cid)
        steps, parties, notes = case.steps, case.parties, case.notes
        esc = html.escape  # titles and notes are text, never markup (issue 13)
        text = f"<b>{esc(case.title or '')}</b>　{esc(case.status or '')}<br>{self.tr('问题')}：{esc(case.problem or '—')}"
        if case.closing_summary:
            text += f"<br>{self.tr('结案小结')}：{esc(case.closing_summary)}"
        self.detail.setText(text)
        self.steps.fill([(x.title, x.responsible, x.due_date, x.state, x.done_on) for x in steps], [x.id for x in steps],
                        [RED if x.state == rules.STEP_TODO and x.due_date and x.due_date < today else None for x in steps])
        self.parties.fill([(p.role, p.name, p.phone) for p in parties])
        self.notes.setPlainText("\n".join(f"{n.written_at:%Y-%m-%d %H:%M} {n.author}：{n.text}" for n in notes))

    def _saved(self, keep: str | None = None) -> None:
        self.ctx.notify_saved(self.child_id)
        self.load(self.child_id)
        if keep and keep in self.cases.keys:
            self.cases.selectRow(self.cases.keys.index(keep))

    def _need_case(self):
        cid = self.case_id()
        if cid is None:
            QMessageBox.information(self, self.tr("个案"), self.tr("请先选择一个个案"))
        return cid

    def _run(self, fn, keep=None) -> bool:
        try:
            self.ctx.store.run(fn)
        except ValidationError as exc:
            QMessageBox.warning(self, self.tr("个案"), "；".join(errors_by_field(exc).values()))
            return False
        self._saved(keep)
        return True

    def new_case(self) -> None:
        def save(v):
            self.ctx.store.run(svc.open_case, self.child_id, title=v["title"], problem=v["problem"], owner=v["owner"],
                               opened_on=v["opened_on"] or clock.today())
        fields = [Field("title", self.tr("个案名称")), Field("problem", self.tr("问题描述"), "multiline"),
                  Field("owner", self.tr("负责人")), Field("opened_on", self.tr("开案日期"), "date")]
        defaults = {"owner": self.ctx.store.display_name, "opened_on": clock.today()}
        if FormDialog(self.tr("新建个案"), fields, save, defaults, self).exec():
            self._saved()

    def add_step(self) -> None:
        cid = self._need_case()
        if cid is None:
            return

        def save(v):
            self.ctx.store.run(svc.add_step, cid, title=v["title"], due_date=v["due_date"], responsible=v["responsible"])
        fields = [Field("title", self.tr("步骤")), Field("responsible", self.tr("负责方"), "edit_choice", rules.PARTY_ROLES),
                  Field("due_date", self.tr("期限"), "date")]
        if FormDialog(self.tr("添加步骤"), fields, save, None, self).exec():
            self._saved(cid)

    def step_state(self) -> None:
        cid, sid = self.case_id(), self.steps.current_key()
        if sid is None:
            QMessageBox.information(self, self.tr("个案"), self.tr("请先选择一个步骤"))
            return
        state, ok = QInputDialog.getItem(self, self.tr("步骤状态"), self.tr("状态"), rules.STEP_STATES, 1, False)
        if ok:
            self._run(lambda s: svc.set_step_state(s, sid, state), cid)

    def add_party(self) -> None:
        cid = self._need_case()
        if cid is None:
            return

        def save(v):
            self.ctx.store.run(svc.add_party, cid, role=v["role"], name=v["name"], phone=v["phone"])
        fields = [Field("role", self.tr("参与方"), "choice", rules.PARTY_ROLES), Field("name", self.tr("姓名/单位")),
                  Field("phone", self.tr("电话"))]
        if FormDialog(self.tr("添加参与方"), fields, save, None, self).exec():
            self._saved(cid)

    def add_note(self) -> None:
        cid = self._need_case()
        if cid is None:
            return
        text, ok = QInputDialog.getMultiLineText(self, self.tr("添加记录"), self.tr("记录内容"))
        if ok:
            self._run(lambda s: svc.add_note(s, cid, text), cid)

    def pause(self) -> None:
        cid = self._need_case()
        if cid is None:
            return
        status = svc.case_status(self.ctx.store, cid)
        target = rules.OPEN if status == rules.PAUSED else rules.PAUSED
        reason, ok = QInputDialog.getText(self, self.tr("暂停/恢复"), self.tr("原因"))
        if ok:
            self._run(lambda s: svc.set_status(s, cid, target, reason=reason), cid)

    def close_case(self) -> None:
        cid = self._need_case()
        if cid is None:
            return
        summary, ok = QInputDialog.getMultiLineText(self, self.tr("结案"), self.tr("结案小结（处理经过和结果）"))
        if ok:
            self._run(lambda s: svc.close_case(s, cid, summary), cid)

    def reopen(self) -> None:
        cid = self._need_case()
        if cid is None:
            return
        reason, ok = QInputDialog.getText(self, self.tr("重新开启"), self.tr("重新开启的原因"))
        if ok:
            self._run(lambda s: svc.reopen_case(s, cid, reason), cid)
