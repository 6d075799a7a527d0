"""排查 page (一年两排): open a screening round, screen each child, give reasons for those who
cannot be screened, add a newly found child from the round, and close the round — which is
refused while any child is neither screened nor explained.

Rules live in app.data.visits (open_round, screen_child, set_skip_reason, close_round).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QHeaderView, QInputDialog, QLabel, QLineEdit, QPlainTextEdit, QProgressBar, QPushButton,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from app.data import visits as data
from app.domain import schedule
from app.domain.errors import ValidationError
from app.ui.visits.common import pydate, qdate
from app.ui.widgets import colour_icon, fmt_date
from app.ui.messages import user_text


def default_round(today: dt.date) -> tuple[str, dt.date, dt.date]:
    """The half-year round holding `today` (the rule: `schedule.screening_round`)."""
    return schedule.screening_round(today)


class OpenRoundDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("开始新一轮排查"))
        name, start, end = default_round(schedule.today_local())
        self.name = QLineEdit(name)
        self.name.setObjectName("roundName")
        self.start = QDateEdit(qdate(start))
        self.end = QDateEdit(qdate(end))
        for d in (self.start, self.end):
            d.setCalendarPopup(True)
            d.setDisplayFormat("yyyy-MM-dd")
        form = QFormLayout(self)
        form.addRow(self.tr("排查名称："), self.name)
        form.addRow(self.tr("开始日期："), self.start)
        form.addRow(self.tr("结束日期："), self.end)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("开始排查"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class ScreenDialog(QDialog):
    """One child's screening: still in scope? category still right? re-assessed?"""

    def __init__(self, name: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("登记排查 — {n}").format(n=name))
        self.in_scope = QCheckBox(self.tr("仍属于留守或困境儿童（仍在保障和关爱范围内）"))
        self.in_scope.setChecked(True)
        self.category_ok = QCheckBox(self.tr("儿童类别仍然正确"))
        self.category_ok.setChecked(True)
        self.reassessed = QCheckBox(self.tr("已重新进行分级分色评估"))
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(60)
        self.notes.setPlaceholderText(self.tr("排查中发现的变化，如类别需调整、监护情况变化等"))
        form = QFormLayout(self)
        form.addRow(self.in_scope)
        form.addRow(self.category_ok)
        form.addRow(self.reassessed)
        form.addRow(self.tr("备注："), self.notes)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("登记已排查"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class ScreeningPage(QWidget):
    """排查: a round's progress and the list of its children."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.progress = None
        title = QLabel(self.tr("一年两排 排查"))
        title.setStyleSheet("font-size:18px;font-weight:bold;")
        self.round_box = QComboBox()
        self.round_box.setObjectName("roundChoice")
        self.round_box.setMinimumWidth(260)
        self.round_box.currentIndexChanged.connect(self.show_round)
        self.open_button = QPushButton(self.tr("开始新一轮排查…"))
        self.open_button.setObjectName("openRound")
        self.open_button.clicked.connect(self.open_round)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(16)
        top.addWidget(QLabel(self.tr("排查轮次：")))
        top.addWidget(self.round_box)
        top.addStretch()
        top.addWidget(self.open_button)

        self.status = QLabel()
        self.status.setObjectName("roundStatus")
        self.bar = QProgressBar()
        self.bar.setObjectName("roundProgress")
        self.only_left = QCheckBox(self.tr("只看未排查的"))
        self.only_left.setObjectName("onlyRemaining")
        self.only_left.toggled.connect(self.fill_table)
        prog = QHBoxLayout()
        prog.addWidget(self.status)
        prog.addWidget(self.bar, 1)
        prog.addWidget(self.only_left)

        self.table = QTableWidget(0, 5)
        self.table.setObjectName("roundTable")
        self.table.setHorizontalHeaderLabels([self.tr("姓名"), self.tr("颜色"), self.tr("排查情况"),
                                              self.tr("排查日期"), self.tr("备注 / 未排查原因")])
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.Stretch)
        for col, width in enumerate((110, 90, 140, 110)):
            self.table.setColumnWidth(col, width)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.cellDoubleClicked.connect(lambda r, c: self.open_selected())

        self.screen_button = QPushButton(self.tr("登记已排查…"))
        self.screen_button.setObjectName("screenChild")
        self.screen_button.setProperty("role", "primary")
        self.screen_button.clicked.connect(self.screen_selected)
        self.reason_button = QPushButton(self.tr("填写未排查原因…"))
        self.reason_button.setObjectName("skipReason")
        self.reason_button.clicked.connect(self.reason_selected)
        self.new_child_button = QPushButton(self.tr("新发现儿童…"))
        self.new_child_button.setObjectName("newChild")
        self.new_child_button.clicked.connect(self.add_new_child)
        self.open_child_button = QPushButton(self.tr("打开档案"))
        self.open_child_button.clicked.connect(self.open_selected)
        self.close_button = QPushButton(self.tr("结束本轮排查…"))
        self.close_button.setObjectName("closeRound")
        self.close_button.clicked.connect(self.close_round)
        self.message = QLabel()
        self.message.setObjectName("roundMessage")
        self.message.setStyleSheet("color:#c5221f;")
        self.message.setWordWrap(True)
        actions = QHBoxLayout()
        for b in (self.screen_button, self.reason_button, self.new_child_button, self.open_child_button):
            actions.addWidget(b)
        actions.addStretch()
        actions.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(prog)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(actions)
        self.refresh()

    # -- loading ---------------------------------------------------------
    def refresh(self) -> None:
        current = self.round_box.currentData()
        rounds = [(r.id, r.name, r.status) for r in self.ctx.store.read(data.rounds)]
        self.round_box.blockSignals(True)
        self.round_box.clear()
        for rid, name, status in rounds:
            self.round_box.addItem(f"{name}（{status}）", rid)
        idx = self.round_box.findData(current) if current else 0
        self.round_box.setCurrentIndex(max(0, idx))
        self.round_box.blockSignals(False)
        self.show_round()

    def round_id(self) -> str | None:
        return self.round_box.currentData()

    def show_round(self) -> None:
        rid = self.round_id()
        self.message.clear()
        if not rid:
            self.progress = None
            self.status.setText(self.tr("还没有排查轮次。点“开始新一轮排查…”，每年上、下半年各排查一次。"))
            self.bar.hide()
            self.table.setRowCount(0)
            for b in (self.screen_button, self.reason_button, self.new_child_button, self.close_button):
                b.setEnabled(False)
            return
        self.progress = p = self.ctx.store.read(data.round_progress, rid)
        r = p.round
        open_ = r.status == data.ROUND_OPEN
        text = self.tr("{a} 至 {b}　已排查 {d}/{t}，未排查 {left} 名（其中 {why} 名已说明原因）").format(
            a=fmt_date(r.window_start), b=fmt_date(r.window_end), d=p.screened, t=p.total,
            left=len(p.remaining), why=len(p.remaining) - len(p.unexplained))
        if not open_:
            text += self.tr("　已于 {d} 结束").format(d=fmt_date(r.closed_on))
        self.status.setText(text)
        self.bar.show()
        self.bar.setRange(0, max(1, p.total))
        self.bar.setValue(p.screened)
        self.bar.setFormat(f"{p.screened}/{p.total}")
        for b in (self.screen_button, self.reason_button, self.new_child_button, self.close_button):
            b.setEnabled(open_)
        self.fill_table()

    def fill_table(self) -> None:
        if self.progress is None:
            return
        lines = self.progress.remaining if self.only_left.isChecked() else self.progress.lines
        self.lines = lines
        self.table.setRowCount(len(lines))
        for i, line in enumerate(lines):
            rec = line.record
            if line.screened:
                state = self.tr("已排查")
                flags = []
                if rec.in_scope is False:
                    flags.append(self.tr("已不在范围"))
                if rec.category_ok is False:
                    flags.append(self.tr("类别需调整"))
                if rec.reassessed:
                    flags.append(self.tr("已重新评估"))
                if rec.newly_found:
                    flags.append(self.tr("新发现"))
                note = "；".join(flags + ([rec.notes] if rec.notes else []))
                day = fmt_date(rec.screened_on)
            elif line.skip_reason:
                state, note, day = self.tr("未排查（已说明）"), line.skip_reason, ""
            else:
                state, note, day = self.tr("未排查"), "", ""
            name = QTableWidgetItem(line.name)
            name.setData(Qt.UserRole, line.child_id)
            colour = QTableWidgetItem(colour_icon(line.colour), line.colour or self.tr("未评估"))
            st = QTableWidgetItem(state)
            if not line.screened:
                st.setForeground(QColor("#c5221f") if not line.skip_reason else QColor("#8a4b00"))
            for c, item in enumerate((name, colour, st, QTableWidgetItem(day), QTableWidgetItem(note))):
                self.table.setItem(i, c, item)

    # -- actions ---------------------------------------------------------
    def selected(self):
        r = self.table.currentRow()
        if r < 0 or r >= len(getattr(self, "lines", [])):
            self.message.setText(self.tr("请先在列表中选择一名儿童"))
            return None
        return self.lines[r]

    def _run(self, fn) -> bool:
        try:
            self.ctx.store.run(fn)  # one action, one transaction
        except ValidationError as exc:
            self.message.setText(user_text(exc.message))
            return False
        self.ctx.notify_saved()
        self.refresh()
        return True

    def open_round(self, name: str | None = None, start: dt.date | None = None, end: dt.date | None = None) -> None:
        if name is None:
            dlg = OpenRoundDialog(self)
            if not dlg.exec():
                return
            name, start, end = dlg.name.text(), pydate(dlg.start.date()), pydate(dlg.end.date())
        holder = {}
        if self._run(lambda s: holder.setdefault("id", data.open_round(s, name, start, end).id)):
            self.round_box.setCurrentIndex(self.round_box.findData(holder["id"]))

    def screen_selected(self, dialog: ScreenDialog | None = None) -> None:
        line = self.selected()
        if line is None:
            return
        dlg = dialog or ScreenDialog(line.name, self)
        if dialog is None and not dlg.exec():
            return
        self._run(lambda s: data.screen_child(
            s, self.round_id(), line.child_id, in_scope=dlg.in_scope.isChecked(),
            category_ok=dlg.category_ok.isChecked(), reassessed=dlg.reassessed.isChecked(),
            notes=dlg.notes.toPlainText().strip()))

    def reason_selected(self, reason: str | None = None) -> None:
        line = self.selected()
        if line is None:
            return
        if reason is None:
            prompt = self.tr("{n} 未能排查的原因（如：随父母在外地生活，已电话核实）：").format(n=line.name)
            reason, ok = QInputDialog.getText(self, self.tr("未排查原因"), prompt)
            if not ok:
                return
        self._run(lambda s: data.set_skip_reason(s, self.round_id(), line.child_id, reason))

    def add_new_child(self) -> None:
        """A child found during the round: fill in the file, then record them as screened."""
        from app.ui.children.child_dialog import ChildDialog

        dlg = ChildDialog(self.ctx, None, parent=self)
        if dlg.exec() and dlg.child_id:
            cid = dlg.child_id
            self._run(lambda s: data.screen_child(s, self.round_id(), cid, newly_found=True,
                                                  notes=self.tr("排查中新发现")))

    def open_selected(self) -> None:
        line = self.selected()
        if line is not None:
            self.ctx.open_child.emit(line.child_id)

    def close_round(self, note: str | None = None) -> None:
        """Close the round; while children are left unexplained, say who and show only them."""
        if note is None and not (self.progress and self.progress.unexplained):
            note, ok = QInputDialog.getText(self, self.tr("结束本轮排查"), self.tr("排查小结（可不填）："))
            if not ok:
                return
        if not self._run(lambda s: data.close_round(s, self.round_id(), note=note or "")):
            self.only_left.setChecked(True)
