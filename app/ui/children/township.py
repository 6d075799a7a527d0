"""Township supervisors' laptops (issue 16): the 工作台 block of totals by village (在册, 红,
逾期未访, 从未走访); a click on a village opens the child list filtered to it. Hidden on a village
laptop."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QFrame, QHeaderView, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from app.core import clock
from app.data import township


class VillageTotals(QWidget):
    """A dashboard section: one row per village of the township."""

    HEADERS = ("村（社区）", "在册", "红", "逾期未访", "从未走访")

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.table = QTableWidget(0, len(self.HEADERS))
        self.table.setObjectName("villageTotals")
        self.table.setHorizontalHeaderLabels([self.tr(h) for h in self.HEADERS])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        for col in range(1, len(self.HEADERS)):
            header.setSectionResizeMode(col, QHeaderView.ResizeToContents)
        self.table.setToolTip(self.tr("双击一个村，在儿童名册中只看这个村的儿童"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        self.table.cellDoubleClicked.connect(self._open_village)
        self.refresh()

    def refresh(self) -> None:
        shown = township.is_township(self.ctx.store.scope)
        box = self.parentWidget()
        if isinstance(box, QFrame) and box.layout() is not None and box.layout().indexOf(self) >= 0:
            box.setVisible(shown)  # the 工作台 block's frame, with its heading
        self.setVisible(shown)
        if not shown:
            return
        totals = self.ctx.store.read(township.village_totals, clock.today())
        self.table.setRowCount(len(totals) + 1)
        sums = [0, 0, 0, 0]
        for r, t in enumerate(totals):
            self._row(r, f"{t.name}（{t.code[-3:]}）", (t.active, t.red, t.overdue, t.never_visited), t.code)
            sums = [a + b for a, b in zip(sums, (t.active, t.red, t.overdue, t.never_visited), strict=True)]
        self._row(len(totals), self.tr("合计"), sums, "")
        height = self.table.horizontalHeader().height() + 4
        height += sum(self.table.rowHeight(r) for r in range(min(self.table.rowCount(), 8)))
        self.table.setFixedHeight(height)

    def _row(self, r: int, label: str, values, code: str) -> None:
        item = QTableWidgetItem(label)
        item.setData(Qt.UserRole, code)
        self.table.setItem(r, 0, item)
        for c, value in enumerate(values, start=1):
            cell = QTableWidgetItem(str(value))
            cell.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
            if c in (2, 3) and value:
                cell.setForeground(Qt.darkRed)
            self.table.setItem(r, c, cell)

    def _open_village(self, row: int, _col: int) -> None:
        code = self.table.item(row, 0).data(Qt.UserRole)
        window = self.window()
        page = getattr(window, "pages", {}).get("children") or _find_list_page(window)
        if page is None or not hasattr(page, "show_village"):
            return
        page.show_village(code or "")
        if hasattr(window, "show_page"):
            window.show_page("children")


def _find_list_page(window):
    from app.ui.children.list_page import ChildListPage

    found = window.findChildren(ChildListPage)
    return found[0] if found else None
