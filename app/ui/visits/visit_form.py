"""走访记录 on screen: the visit form (new visit or amendment) and the child's 走访 tab, where each
visit shows with its amendments linked to it.

The form is built from app.domain.visit_checklist (the same definitions the printed form uses);
saving goes through app.data.visits.record_visit / amend_visit, which validate.
"""

from __future__ import annotations

import datetime as dt
import json

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView, QButtonGroup, QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
    QGridLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QRadioButton,
    QScrollArea, QSplitter, QTableWidget, QTableWidgetItem, QTextBrowser, QVBoxLayout, QWidget,
)

from app.data import visits as data
from app.data import visit_views as views
from app.domain import schedule
from app.domain.errors import ValidationError, ValidationErrors
from app.domain.policy import PolicyError
from app.domain.visit_checklist import ANSWER_PROBLEM, ANSWERS, CHECKLIST, VISIT_KINDS, checklist_item
from app.core import clock
from app.ui.guard import GuardedDialog
from app.ui.visits.common import pydate, qdate
from app.ui.widgets import OptionalDateEdit, fmt_date
from app.ui.messages import joined, user_text

DRAFT_KEY = "visit_draft:{child_id}"  # a local (never synced) setting in the encrypted store
DRAFT_EVERY_MS = 2000


class VisitDialog(GuardedDialog):
    """Record a visit, or (with `amends`) correct a saved one: the original stays on record.

    Nothing is saved until the way of contact, who was seen and every checklist item are filled
    (全部正常 answers the rest in one click). While a new visit is being filled, a draft is kept in
    the encrypted store every two seconds; after a crash the next visit form for the child offers
    it back (恢复草稿). Saving or discarding the form removes the draft.
    """

    def __init__(self, ctx, child_id: str, parent=None, amends: str | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.child_id = child_id
        self.amends = amends
        self.saved_id: str | None = None
        name, base = views.visit_form_start(ctx.store, child_id, amends)
        title = self.tr("更正走访记录 — {n}") if amends else self.tr("记录走访 — {n}")
        self.setWindowTitle(title.format(n=name))
        self.resize(1000, 700)

        head = self._who_where()
        check_box = self._checklist()
        texts = self._texts()
        fu_row = self._follow_up_row()
        self.reassess = QCheckBox(self.tr("需要重新评估（保存后打开分级分色评估）"))
        self.reassess.setObjectName("visitReassess")
        self.amend_reason = QLineEdit()
        self.amend_reason.setObjectName("amendReason")
        self.amend_reason.setPlaceholderText(self.tr("必填：说明更正了什么、为什么"))

        self.error = QLabel()
        self.error.setObjectName("visitError")
        self.error.setStyleSheet("color:#c5221f;")
        self.error.setWordWrap(True)
        self.error.hide()

        scroll = self._body(head, check_box, texts, fu_row)
        buttons = self._buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(self._hint())
        self._make_draft_bar()
        layout.addWidget(self.draft_bar)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        if base:
            self.set_values(base)
        self.mark_clean()
        self._draft_written: tuple | None = None
        self.draft_timer = QTimer(self)
        if not amends:
            self.offer_draft()
            self.draft_timer.timeout.connect(self.save_draft)
            self.draft_timer.start(DRAFT_EVERY_MS)

    # -- building ----------------------------------------------------------
    def _who_where(self) -> QGridLayout:
        """Date, way of contact, who was present, where and with whom the child lives."""
        self.date = QDateEdit(qdate(schedule.today_local()))
        self.date.setObjectName("visitDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setMaximumDate(qdate(schedule.today_local()))
        self.kind = QComboBox()
        self.kind.setObjectName("visitKind")
        for k in VISIT_KINDS:  # shown in the interface language, stored as the Chinese word
            self.kind.addItem(self.tr(k), k)
        self.kind.setPlaceholderText(self.tr("请选择"))
        self.kind.setCurrentIndex(-1)  # the way of contact is chosen, never assumed (issue 13)
        self.present = QLineEdit()
        self.present.setObjectName("visitPresent")
        self.present.setPlaceholderText(self.tr("如：儿童本人、祖母、班主任"))
        self.lives_where = QLineEdit()
        self.lives_where.setObjectName("visitLivesWhere")
        self.lives_where.setPlaceholderText(self.tr("如：本村三组家中 / 随父母在外地"))
        self.lives_with = QLineEdit()
        self.lives_with.setObjectName("visitLivesWith")
        self.lives_with.setPlaceholderText(self.tr("如：祖父母"))
        head = QGridLayout()
        places = [((self.tr("走访日期"), self.date), 0, 0), ((self.tr("走访方式"), self.kind), 0, 1),
                  ((self.tr("在场人员"), self.present), 1, 0), ((self.tr("与谁同住"), self.lives_with), 1, 1),
                  ((self.tr("现居住地"), self.lives_where), 2, 0)]
        for (label, w), r, c in places:
            head.addWidget(QLabel(self.tr("{label}：").format(label=label)), r, c * 2, Qt.AlignRight)
            head.addWidget(w, r, c * 2 + 1, 1, 3 if r == 2 else 1)
        head.setColumnStretch(1, 1)
        head.setColumnStretch(3, 1)
        return head

    def _checklist(self) -> QGroupBox:
        """One row per checklist item: 正常 / 有问题 / 未了解 and a note; 其余全部正常."""
        check_box = QGroupBox(self.tr("检查项目"))
        grid = QGridLayout(check_box)
        grid.setVerticalSpacing(2)
        self.answers: dict[str, QButtonGroup] = {}
        self.item_labels: dict[str, QLabel] = {}
        self.notes: dict[str, QLineEdit] = {}
        for r, item in enumerate(CHECKLIST):
            label = QLabel(self.tr(item.label))
            label.setToolTip(self.tr(item.hint))
            grid.addWidget(label, r, 0)
            self.item_labels[item.key] = label
            group = QButtonGroup(self)
            group.setExclusive(True)
            for c, answer in enumerate(ANSWERS):
                rb = QRadioButton(self.tr(answer))
                rb.setObjectName(f"check_{item.key}_{c}")
                group.addButton(rb, c)
                grid.addWidget(rb, r, 1 + c)
            note = QLineEdit()
            note.setObjectName(f"checknote_{item.key}")
            note.setPlaceholderText(self.tr(item.hint))
            grid.addWidget(note, r, 1 + len(ANSWERS))
            self.answers[item.key] = group
            self.notes[item.key] = note
        grid.setColumnStretch(1 + len(ANSWERS), 1)
        self.all_ok = QPushButton(self.tr("其余全部正常(&N)"))
        self.all_ok.setObjectName("checkAllOk")
        self.all_ok.setAutoDefault(False)
        self.all_ok.setToolTip(self.tr("把尚未作答的检查项都选为“正常”"))
        self.all_ok.clicked.connect(self.mark_all_normal)
        grid.addWidget(self.all_ok, len(CHECKLIST), 0, 1, 2)
        return check_box

    def _texts(self) -> QGridLayout:
        self.findings = QPlainTextEdit()
        self.findings.setObjectName("visitFindings")
        self.needs = QPlainTextEdit()
        self.needs.setObjectName("visitNeeds")
        self.help_given = QPlainTextEdit()
        self.help_given.setObjectName("visitHelp")
        texts = QGridLayout()
        for c, (label, w) in enumerate(((self.tr("发现的情况"), self.findings), (self.tr("发现的需求"), self.needs),
                                        (self.tr("已提供或已联系的帮助"), self.help_given))):
            w.setFixedHeight(64)
            texts.addWidget(QLabel(label), 0, c)
            texts.addWidget(w, 1, c)
        return texts

    def _follow_up_row(self) -> QHBoxLayout:
        self.follow_ups = QTableWidget(0, 3)
        self.follow_ups.setObjectName("followUps")
        self.follow_ups.setHorizontalHeaderLabels([self.tr("跟进事项"), self.tr("完成期限"), self.tr("负责人")])
        self.follow_ups.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        self.follow_ups.setColumnWidth(1, 130)
        self.follow_ups.setColumnWidth(2, 120)
        self.follow_ups.verticalHeader().setVisible(False)
        self.follow_ups.setFixedHeight(96)
        add_fu = QPushButton(self.tr("添加跟进事项"))
        add_fu.setObjectName("addFollowUp")
        add_fu.clicked.connect(lambda: self.add_follow_up())
        del_fu = QPushButton(self.tr("删除所选"))
        del_fu.clicked.connect(lambda: self.follow_ups.removeRow(self.follow_ups.currentRow()))
        fu_buttons = QVBoxLayout()
        fu_buttons.addWidget(add_fu)
        fu_buttons.addWidget(del_fu)
        fu_buttons.addStretch()
        fu_row = QHBoxLayout()
        fu_row.addWidget(self.follow_ups, 1)
        fu_row.addLayout(fu_buttons)
        return fu_row

    def _body(self, head, check_box, texts, fu_row) -> QScrollArea:
        body = QWidget()
        col = QVBoxLayout(body)
        col.addLayout(head)
        col.addWidget(check_box)
        col.addLayout(texts)
        col.addWidget(QLabel(self.tr("跟进事项：")))
        col.addLayout(fu_row)
        col.addWidget(self.reassess)
        if self.amends:
            form = QFormLayout()
            form.addRow(self.tr("更正原因："), self.amend_reason)
            col.addLayout(form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.NoFrame)
        scroll.setWidget(body)
        return scroll

    def _buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Save).setText(self.tr("保存更正(&S)") if self.amends else self.tr("保存走访(&S)"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("取消"))
        for b in buttons.buttons():
            b.setAutoDefault(False)
        self.save_button = buttons.button(QDialogButtonBox.Save)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        return buttons

    def _hint(self) -> QLabel:
        if not self.amends:
            hint = QLabel(self.tr("走访记录保存后不能修改；如有错误，请在走访列表中“更正”，原记录和更正都会保留。"))
        else:
            hint = QLabel(self.tr("更正将作为新记录保存并与原记录关联，原记录保留不变。"))
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        return hint

    def _make_draft_bar(self) -> None:
        """The 恢复草稿 bar, shown when a draft of an earlier form is waiting (offer_draft)."""
        self.draft_bar = QWidget()
        self.draft_bar.setObjectName("draftBar")
        bar = QHBoxLayout(self.draft_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        self.draft_label = QLabel()
        self.draft_label.setWordWrap(True)
        self.draft_label.setStyleSheet("color:#b06000;")
        restore = QPushButton(self.tr("恢复草稿(&R)"))
        restore.setObjectName("restoreDraft")
        restore.setAutoDefault(False)
        restore.clicked.connect(self.restore_draft)
        drop = QPushButton(self.tr("丢弃草稿"))
        drop.setObjectName("dropDraft")
        drop.setAutoDefault(False)
        drop.clicked.connect(self.drop_draft)
        bar.addWidget(self.draft_label, 1)
        bar.addWidget(restore)
        bar.addWidget(drop)
        self.draft_bar.hide()

    # -- values ----------------------------------------------------------
    def add_follow_up(self, action: str = "", due=None, owner: str = "") -> None:
        r = self.follow_ups.rowCount()
        self.follow_ups.insertRow(r)
        self.follow_ups.setItem(r, 0, QTableWidgetItem(action))
        d = OptionalDateEdit()
        d.set_value(due)
        self.follow_ups.setCellWidget(r, 1, d)
        self.follow_ups.setItem(r, 2, QTableWidgetItem(owner))

    def mark_all_normal(self) -> None:
        """Answer every item not yet answered with 正常 (the usual case, in one click)."""
        ok = ANSWERS.index(ANSWERS[0])
        for group in self.answers.values():
            if group.checkedId() < 0:
                group.button(ok).setChecked(True)

    # -- the draft (survives a crash; never synced) ----------------------------
    @property
    def draft_key(self) -> str:
        return DRAFT_KEY.format(child_id=self.child_id)

    def draft_values(self) -> dict:
        v = self.values()
        v["visit_date"] = v["visit_date"].isoformat()
        v["checklist"] = json.dumps(v["checklist"], ensure_ascii=False)
        v["follow_ups"] = json.dumps([{**f, "due": f["due"].isoformat() if f["due"] else ""} for f in v["follow_ups"]],
                                     ensure_ascii=False)
        return v

    def save_draft(self) -> None:
        """Keep what is typed so far in the store (only when it differs from the empty form)."""
        if self.amends or self.result() == QDialog.Accepted:
            return
        state = self.draft_values()
        key = json.dumps(state, sort_keys=True, ensure_ascii=False)
        if not self.is_dirty() or key == self._draft_written:
            return
        saved_at = clock.now().strftime("%Y-%m-%d %H:%M")
        self.ctx.store.set_setting(self.draft_key, json.dumps({"saved_at": saved_at, "values": state},
                                                              ensure_ascii=False))
        self._draft_written = key

    def stored_draft(self) -> dict | None:
        raw = self.ctx.store.setting(self.draft_key) or ""
        try:
            draft = json.loads(raw) if raw else None
        except ValueError:
            return None
        return draft if isinstance(draft, dict) and isinstance(draft.get("values"), dict) else None

    def offer_draft(self) -> None:
        draft = self.stored_draft()
        if draft:
            self.draft_label.setText(self.tr("找到 {t} 未保存的走访草稿（可能因程序意外退出）。要接着填写吗？")
                                     .format(t=draft.get("saved_at", "")))
            self.draft_bar.show()

    def restore_draft(self) -> None:
        draft = self.stored_draft()
        if draft:
            v = dict(draft["values"])
            try:
                v["visit_date"] = dt.date.fromisoformat(v.get("visit_date") or "")
            except ValueError:
                v["visit_date"] = schedule.today_local()
            self.set_values(v)
        self.draft_bar.hide()

    def drop_draft(self) -> None:
        self.ctx.store.set_setting(self.draft_key, "")
        self._draft_written = None
        self.draft_bar.hide()

    def discarded(self) -> None:
        self.draft_timer.stop()
        if not self.amends:
            self.drop_draft()

    def set_answer(self, key: str, answer: str, note: str = "") -> None:
        idx = ANSWERS.index(answer)
        self.answers[key].button(idx).setChecked(True)
        self.notes[key].setText(note)

    def set_values(self, v: dict) -> None:
        import datetime as dt

        self.date.setDate(qdate(v["visit_date"]))
        self.kind.setCurrentIndex(self.kind.findData(v["kind"]) if v.get("kind") else -1)
        self.present.setText(v["present"])
        self.lives_where.setText(v["lives_where"])
        self.lives_with.setText(v["lives_with"])
        for key, item in json.loads(v["checklist"] or "{}").items():
            if key not in self.answers:
                continue
            if item.get("answer") in ANSWERS:
                self.set_answer(key, item["answer"], item.get("note", ""))
            else:
                self.notes[key].setText(item.get("note", ""))
        self.findings.setPlainText(v["findings"])
        self.needs.setPlainText(v["needs"])
        self.help_given.setPlainText(v["help_given"])
        for fu in json.loads(v["follow_ups"] or "[]"):
            self.add_follow_up(fu["action"], dt.date.fromisoformat(fu["due"]) if fu.get("due") else None, fu.get("owner", ""))
        self.reassess.setChecked(bool(v["reassess"]))

    def values(self) -> dict:
        checklist: dict = {}
        for key, group in self.answers.items():
            idx = group.checkedId()
            note = self.notes[key].text().strip()
            if idx >= 0 or note:
                checklist[key] = {"answer": ANSWERS[idx] if idx >= 0 else "", "note": note}
        follow_ups = []
        for r in range(self.follow_ups.rowCount()):
            action = (self.follow_ups.item(r, 0).text() if self.follow_ups.item(r, 0) else "").strip()
            owner = (self.follow_ups.item(r, 2).text() if self.follow_ups.item(r, 2) else "").strip()
            due = self.follow_ups.cellWidget(r, 1).value()
            if action:
                follow_ups.append({"action": action, "due": due, "owner": owner})
        return dict(
            visit_date=pydate(self.date.date()), kind=self.kind.currentData() or "", present=self.present.text(),
            lives_where=self.lives_where.text(), lives_with=self.lives_with.text(), checklist=checklist,
            findings=self.findings.toPlainText(), needs=self.needs.toPlainText(),
            help_given=self.help_given.toPlainText(), follow_ups=follow_ups, reassess=self.reassess.isChecked(),
        )

    # -- saving ----------------------------------------------------------
    def show_errors(self, errors) -> None:
        """The messages in the interface language; unanswered checklist items turn red."""
        unanswered = [key for key, group in self.answers.items() if group.checkedId() < 0]
        for key, label in self.item_labels.items():
            label.setStyleSheet("color:#c5221f;font-weight:bold;" if key in unanswered else "")
        texts = []
        for e in errors:
            if e.field == "checklist" and unanswered and "未作答" in e.message:
                texts.append(self.tr("还有 {n} 项检查未作答（已标红）").format(n=len(unanswered)))
            else:
                texts.append(user_text(e.message))  # in the interface language (app/ui/messages.py)
        self.error.setText(joined(texts))
        self.error.show()

    def save(self) -> None:
        values = self.values()
        try:
            if self.amends:
                row = self.ctx.store.run(data.amend_visit, self.amends, self.amend_reason.text(), complete=True, **values)
            else:
                row = self.ctx.store.run(data.record_visit, self.child_id, complete=True, **values)
            self.saved_id = row.id
        except ValidationErrors as exc:
            self.show_errors(exc.errors)
            return
        except ValidationError as exc:
            self.show_errors([exc])
            return
        except PolicyError as exc:  # nothing saved: the schedule cannot be computed
            self.error.setText(str(exc))
            self.error.show()
            return
        self.draft_timer.stop()
        if not self.amends:
            self.drop_draft()
        self.ctx.show_status(self.tr("走访记录已保存"))
        self.ctx.notify_saved(self.child_id)
        self.accept()
        if values["reassess"] and not self.amends:
            from app.ui.visits.assessment import AssessmentDialog

            self.reassess_dialog = AssessmentDialog(self.ctx, self.child_id, self.parent(), source="visit")
            self.reassess_dialog.open()


def describe_visit(v, tr) -> str:
    """The visit (a row from `app.data.visit_views.visit_history`) as HTML for the detail pane."""
    rows = [(tr("走访日期"), fmt_date(v.visit_date)), (tr("走访方式"), tr(v.kind)), (tr("走访人"), v.visitor),
            (tr("在场人员"), v.present), (tr("现居住地"), v.lives_where), (tr("与谁同住"), v.lives_with)]
    html = ["<table cellspacing=2>"] + [f"<tr><td><b>{k}：</b></td><td>{_esc(val)}</td></tr>" for k, val in rows]
    html.append("</table>")
    checklist = json.loads(v.checklist or "{}")
    if checklist:
        html.append(f"<p><b>{tr('检查项目')}：</b></p><ul>")
        for item in CHECKLIST:
            got = checklist.get(item.key)
            if got:
                colour = "#c5221f" if got.get("answer") == ANSWER_PROBLEM else "#202124"
                answer = got.get("answer") or ""
                html.append(f"<li>{tr(checklist_item(item.key).label)}：<span style='color:{colour}'>"
                            f"{tr(answer) if answer else ''}</span> {_esc(got.get('note', ''))}</li>")
        html.append("</ul>")
    for label, text in ((tr("发现的情况"), v.findings), (tr("发现的需求"), v.needs), (tr("已提供或已联系的帮助"), v.help_given)):
        if text:
            html.append(f"<p><b>{label}：</b>{_esc(text)}</p>")
    fus = json.loads(v.follow_ups or "[]")
    if fus:
        html.append(f"<p><b>{tr('跟进事项')}：</b></p><ul>")
        for fu in fus:
            html.append(f"<li>{_esc(fu['action'])}" + (f"（{tr('期限')} {fu['due']}）" if fu.get("due") else "")
                        + (f" — {_esc(fu['owner'])}" if fu.get("owner") else "") + "</li>")
        html.append("</ul>")
    if v.reassess:
        html.append(f"<p><b>{tr('需要重新评估')}</b></p>")
    return "".join(html)


def _when(hlc: str, tr) -> str:
    """（更正于 2026-11-23） from the row's HLC stamp, when it carries a wall time."""
    import datetime as dt

    from app.core.hlc import decode

    try:
        wall_ms, _ = decode(hlc)
    except ValueError:
        return ""
    if not wall_ms:
        return ""
    day = dt.datetime.fromtimestamp(wall_ms / 1000, schedule.SHANGHAI).date()
    return tr("（更正于 {d}）").format(d=fmt_date(day))


def _esc(text) -> str:
    from html import escape

    return escape(str(text or "")).replace("\n", "<br>")


class VisitsTab(QWidget):
    """走访 tab: the child's visits (newest first); a corrected visit shows its amendments linked."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.child_id: str | None = None
        self.entries = []
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("visitTable")
        self.table.setHorizontalHeaderLabels([self.tr("日期"), self.tr("方式"), self.tr("发现的情况"), self.tr("更正")])
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.itemSelectionChanged.connect(self.show_selected)
        self.detail = QTextBrowser()
        self.detail.setObjectName("visitDetail")
        self.summary = QLabel()
        self.summary.setObjectName("visitSummary")
        self.add_button = QPushButton(self.tr("记录走访…"))
        self.add_button.setObjectName("addVisit")
        self.add_button.setProperty("role", "primary")
        self.add_button.clicked.connect(self.add_visit)
        self.amend_button = QPushButton(self.tr("更正所选记录…"))
        self.amend_button.setObjectName("amendVisit")
        self.amend_button.clicked.connect(self.amend_selected)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.amend_button)
        top.addWidget(self.add_button)
        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setSizes([520, 480])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)

    def load(self, child_id: str) -> None:
        self.child_id = child_id
        today = schedule.today_local()
        child, self.entries = views.visit_history(self.ctx.store, child_id)
        due, last = child.next_visit_due, child.last_visit_date
        parts = [self.tr("共 {n} 次走访").format(n=len(self.entries))]
        if last:
            parts.append(self.tr("最近一次 {d}").format(d=fmt_date(last)))
        if due:
            late = schedule.overdue_days(due, today)
            parts.append(self.tr("下次应于 {d} 前走访").format(d=fmt_date(due))
                         + (self.tr("（已逾期 {n} 天）").format(n=late) if late else ""))
        self.summary.setText("，".join(parts))
        self.table.setRowCount(len(self.entries))
        for r, e in enumerate(self.entries):
            cur = e.current
            items = [fmt_date(cur.visit_date), self.tr(cur.kind), (cur.findings or "").replace("\n", " ")[:60],
                     self.tr("已更正 {n} 次").format(n=len(e.amendments)) if e.amendments else ""]
            for c, text in enumerate(items):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.amend_button.setEnabled(bool(self.entries))
        if self.entries:
            self.table.clearSelection()
            self.table.selectRow(0)
            self.show_selected()
        else:
            self.detail.setHtml(self.tr("<p>尚无走访记录。</p>"))

    def selected_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else self.table.currentRow()

    def show_selected(self) -> None:
        r = self.selected_row()
        if r < 0 or r >= len(self.entries):
            return
        e = self.entries[r]
        tr = self.tr
        html = []
        if e.amendments:
            html.append(f"<h3>{tr('当前有效内容（第 {n} 次更正）').format(n=len(e.amendments))}</h3>")
            html.append(describe_visit(e.current, tr))
            for a in reversed(e.amendments):
                html.append(f"<hr><p><b>{tr('更正原因')}：</b>{_esc(a.amend_reason)}{_when(a.hlc, tr)}</p>")
            html.append(f"<hr><h3>{tr('原始记录')}</h3>")
            html.append(describe_visit(e.original, tr))
        else:
            html.append(describe_visit(e.original, tr))
        self.detail.setHtml("".join(html))

    def add_visit(self) -> None:
        if self.child_id:
            dlg = VisitDialog(self.ctx, self.child_id, self)
            if dlg.exec():
                self.load(self.child_id)

    def amend_selected(self) -> None:
        r = self.selected_row()
        if r < 0 or r >= len(self.entries):
            return
        dlg = VisitDialog(self.ctx, self.child_id, self, amends=self.entries[r].original.id)
        if dlg.exec():
            self.load(self.child_id)
