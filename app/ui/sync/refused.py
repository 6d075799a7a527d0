"""The 未被接受的修改 page: changes the county did not accept, each with the county's reason. They
no longer hold up the others; the director can send one again or stop sending it."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel, QPushButton, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from app.sync import refusals
from app.sync import conflicts
from app.ui.sync.conflicts import FIELD_NAMES, TABLE_NAMES


def _value(text: str | None) -> str:
    try:
        value = json.loads(text) if text is not None else None
    except ValueError:
        return text or ""
    if isinstance(value, dict):
        return "（整条记录）"
    return "（空）" if value in (None, "") else str(value)


class RefusedPage(QWidget):
    COLUMNS = ["内容", "儿童", "修改后的值", "时间", "原因"]

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        title = QLabel(self.tr("未被接受的修改"))
        title.setStyleSheet("font-size:16px;font-weight:bold;")
        hint = QLabel(self.tr("县级服务器没有接受下面这些修改，原因写在每一行。其余修改已照常同步。"
                              "情况改变后（例如县里已办理转回）可以“重新发送”；不再需要的可以“不再发送”，"
                              "本机上的这项修改随之撤回，恢复为修改前的内容。"))
        hint.setWordWrap(True)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in self.COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.again = QPushButton(self.tr("重新发送"))
        self.drop = QPushButton(self.tr("不再发送"))
        self.again.clicked.connect(lambda: self._act(refusals.send_again))
        self.drop.clicked.connect(self._give_up)
        self.note = QLabel()
        self.note.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.again)
        buttons.addWidget(self.drop)
        layout = QVBoxLayout(self)
        for w in (title, hint, self.table, self.note):
            layout.addWidget(w)
        layout.addLayout(buttons)
        self.rows: list[refusals.RefusedRow] = []
        self.refresh()

    def _resolution(self, value: str | None) -> str:
        """What a refused conflict confirmation asked for, as the conflict page words it."""
        return {"kept": self.tr("保留当前值"), "swapped": self.tr("改用另一值"),
                "superseded": self.tr("已被之后的修改取代")}.get(conflicts.resolution_of(value), self.tr("（未知）"))

    def _cells(self, r: refusals.RefusedRow, names: dict[str, str]) -> tuple[str, ...]:
        if r.table == conflicts.CONFLICT_TABLE:  # a conflict confirmation (keep or swap), not a table of data
            return (self.tr("同步冲突 · 处理结果"), names.get(r.row_id, ""), self._resolution(r.value),
                    r.refused_at, r.message)
        field = self.tr("新建") if r.field == "*" else FIELD_NAMES.get(r.field, r.field)
        what = f"{TABLE_NAMES.get(r.table, r.table)} · {field}"
        return (what, r.child_name, _value(r.value), r.refused_at, r.message)

    def refresh(self) -> None:
        self.rows = refusals.list_refused(self.ctx.store)
        names = conflicts.children_of(self.ctx.store, [r.row_id for r in self.rows
                                                       if r.table == conflicts.CONFLICT_TABLE])
        self.table.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            for j, text in enumerate(self._cells(r, names)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                item.setFlags(item.flags() & ~Qt.ItemIsEditable)
                self.table.setItem(i, j, item)
        self.again.setEnabled(bool(self.rows))
        self.drop.setEnabled(bool(self.rows))

    def _selected(self) -> list[str]:
        picked = sorted({i.row() for i in self.table.selectedIndexes()})
        return [self.rows[i].change_id for i in picked if i < len(self.rows)]

    def _act(self, action) -> int:
        ids = self._selected()
        if not ids:
            return 0
        done = action(self.ctx.store, ids)
        self.refresh()
        self.ctx.data_changed.emit()
        return len(ids) - done

    def _give_up(self) -> None:
        kept = self._act(refusals.give_up)
        self.note.setText(self.tr("新建的记录不能放弃：本机时间改正后（或县里找回数据后）会自动重新发送。") if kept else "")
