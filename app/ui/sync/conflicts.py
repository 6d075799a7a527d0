"""The 冲突 page: fields two people changed without seeing each other's change. Both values, who and
when; keep the winner (已确认) or swap to the other value (a new edit that wins everywhere)."""

from __future__ import annotations

import datetime as dt
import json

from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QHBoxLayout, QLabel, QMessageBox, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from app.core.hlc import decode

FIELD_NAMES = {
    "name": "姓名", "phone": "电话", "address": "住址", "village_code": "所在村（转移）", "notes": "备注",
    "deleted": "删除", "school": "学校", "grade": "年级", "health": "健康状况", "guardianship_state": "监护状况",
    "relation": "关系", "work_place": "务工地点", "status": "状态", "id_number": "身份证号",
}
TABLE_NAMES = {"child": "儿童", "guardian": "监护人", "care_arrangement": "委托照护", "need": "需求",
               "child_category": "儿童类别", "place": "地名"}


def _value(text: str | None) -> str:
    if text is None:
        return "（空）"
    try:
        value = json.loads(text)
    except ValueError:
        return text
    if value is True:
        return "是"
    if value is False:
        return "否"
    if value in (None, ""):
        return "（空）"
    return str(value)


def _when(stamp: str) -> str:
    try:
        wall, _ = decode(stamp)
    except ValueError:
        return stamp
    return dt.datetime.fromtimestamp(wall / 1000).strftime("%Y-%m-%d %H:%M")


class ConflictsPage(QWidget):
    COLUMNS = ["儿童", "内容", "当前值（胜出）", "修改人 / 时间", "另一值（被覆盖）", "修改人 / 时间", "状态"]

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.title = QLabel(self.tr("同步冲突"))
        self.title.setStyleSheet("font-size:16px;font-weight:bold;")
        self.hint = QLabel(self.tr("两个人在互不知情时改了同一项内容。系统先按规则显示其中一个值，另一个值保存在这里，"
                                   "请核实后选择“保留当前值”或“改用另一值”。"))
        self.hint.setWordWrap(True)
        self.show_all = QCheckBox(self.tr("显示已处理的"))
        self.show_all.toggled.connect(self.refresh)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in self.COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.keep_button = QPushButton(self.tr("保留当前值"))
        self.swap_button = QPushButton(self.tr("改用另一值"))
        self.keep_button.clicked.connect(lambda: self._resolve(False))
        self.swap_button.clicked.connect(lambda: self._resolve(True))
        self.empty = QLabel(self.tr("没有待确认的冲突。"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.show_all)
        buttons.addStretch(1)
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.swap_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        self._seqs: list[int] = []
        ctx.data_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        from app.data.conflicts import list_conflicts

        conflicts = list_conflicts(self.ctx.store, include_resolved=self.show_all.isChecked())
        self._seqs = [c.seq for c in conflicts]
        self.table.setRowCount(len(conflicts))
        for r, c in enumerate(conflicts):
            what = self.tr(TABLE_NAMES.get(c.table_name, c.table_name)) + " · " + self.tr(FIELD_NAMES.get(c.field, c.field))
            state = {"kept": "已保留当前值", "swapped": "已改用另一值"}.get(c.resolution, "待确认")
            cells = [c.child_name or "—", what,
                     _value(c.winner_value), f"{c.winner_actor or '—'} · {_when(c.winner_hlc)}",
                     _value(c.loser_value), f"{c.loser_actor or '—'} · {_when(c.loser_hlc)}", self.tr(state)]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                origin = c.winner_origin[-8:] if col == 3 else c.loser_origin[-8:]
                item.setToolTip(f"{text}\n设备 {origin}" if col in (3, 5) else text)
                self.table.setItem(r, col, item)
        self.table.resizeColumnsToContents()
        self.empty.setVisible(not conflicts)
        self.keep_button.setEnabled(bool(conflicts))
        self.swap_button.setEnabled(bool(conflicts))
        if conflicts:
            self.table.selectRow(0)

    def _resolve(self, swap: bool) -> None:
        from app.sync import conflicts, merge

        row = self.table.currentRow()
        if row < 0 or row >= len(self._seqs):
            return
        try:
            child_id = conflicts.resolve(self.ctx.store, self._seqs[row], swap=swap)
        except merge.MergeError as exc:
            QMessageBox.warning(self, self.tr("无法处理"), exc.message)
            return
        self.ctx.notify_saved(child_id)
        self.refresh()
