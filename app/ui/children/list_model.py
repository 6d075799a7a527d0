"""A table model over `list_children`: one page of rows is fetched at a time, never a widget per row.

`rowCount()` is `count_children()` for the current query; rows are loaded in pages of
PAGE_SIZE as the view asks for them, so a 30,000-child township list opens at once.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor

from app.core import clock
from app.data.children import ChildQuery, count_children, list_children
from app.ui.messages import value_text
from app.ui.widgets import colour_icon, fmt_date

PAGE_SIZE = 200
NOT_ASSESSED = "未评估"

# (header, ChildRow attribute, ChildQuery sort key)
COLUMNS = [
    ("姓名", "name", "name"),
    ("性别", "sex", "sex"),
    ("年龄", "age", "age"),
    ("身份证号", "id_number", "id_number"),
    ("儿童类别", "categories", None),
    ("风险颜色", "colour", "colour"),
    ("状态", "status", "status"),
    ("村民小组", "group_name", "group_name"),
    ("上次走访", "last_visit_date", "last_visit_date"),
    ("下次走访", "next_visit_due", "next_visit_due"),
    ("村（社区）", "village_code", "village_code"),  # shown on township laptops (issue 16)
]
VILLAGE_COLUMN = len(COLUMNS) - 1
COLOUR_COLUMN = 5

ChildIdRole = Qt.UserRole + 1
_ROLES = frozenset({Qt.DisplayRole, Qt.DecorationRole, Qt.ForegroundRole, Qt.ToolTipRole, ChildIdRole})


class ChildListModel(QAbstractTableModel):
    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self.query = ChildQuery()
        self._count = 0
        self._pages: dict[int, list] = {}
        self.today = clock.today()
        self.village_names: dict[str, str] = {}  # code → name, for the village column
        self._words: dict = {}  # listed word (or tuple of categories) → shown text, interface language

    # -- query -----------------------------------------------------------
    def set_query(self, query: ChildQuery) -> None:
        self.query = query
        self.reload()

    def reload(self) -> None:
        self.today = clock.today()
        self.beginResetModel()
        self._pages.clear()
        self._count = self.store.read(count_children, self.query)
        self.endResetModel()

    def _page(self, number: int) -> list:
        rows = self._pages.get(number)
        if rows is None:
            q = replace(self.query, limit=PAGE_SIZE, offset=number * PAGE_SIZE)
            rows = self.store.read(list_children, q)
            if len(self._pages) > 50:
                self._pages.clear()
            self._pages[number] = rows
        return rows

    def row_at(self, row: int):
        if not 0 <= row < self._count:
            return None
        page = self._page(row // PAGE_SIZE)
        i = row % PAGE_SIZE
        return page[i] if i < len(page) else None

    def child_id(self, row: int) -> str | None:
        r = self.row_at(row)
        return r.id if r else None

    # -- Qt model --------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return self.tr(COLUMNS[section][0])
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or role not in _ROLES:
            return None
        r = self.row_at(index.row())
        if r is None:
            return None
        attr = COLUMNS[index.column()][1]
        if role == Qt.DisplayRole:
            return self._display(r, attr)
        if role == Qt.DecorationRole and index.column() == COLOUR_COLUMN:
            return colour_icon(r.colour if r.colour != NOT_ASSESSED else "")
        if role == Qt.ForegroundRole and attr == "next_visit_due" and r.next_visit_due and r.next_visit_due < self.today:
            return QColor("#c5221f")  # the visit is overdue
        if role == Qt.ToolTipRole and attr == "next_visit_due" and r.next_visit_due and r.next_visit_due < self.today:
            return self.tr("走访已逾期")
        if role == Qt.ToolTipRole and attr == "categories":
            return "\n".join(r.categories or [])
        if role == ChildIdRole:
            return r.id
        return None

    def _display(self, r, attr: str) -> str:
        """The text a cell shows: words in the interface language, dates as dates, villages by name."""
        value = getattr(r, attr, "")
        if attr == "categories":
            return self._word(tuple(value or ()))
        if attr == "colour":
            return self._word(value) if value else self.tr(NOT_ASSESSED)
        if attr in ("sex", "status"):
            return self._word(value or "")
        if attr in ("last_visit_date", "next_visit_due"):
            return fmt_date(value)
        if attr == "village_code":
            return self.village_names.get(value, value)
        return "" if value is None else str(value)

    def _word(self, key) -> str:
        """Sex, category, colour and status words in the interface language (stored in Chinese); cached."""
        found = self._words.get(key)
        if found is None:
            if isinstance(key, tuple):
                shown = [value_text(c) for c in key]
                found = ("、" if shown == list(key) else ", ").join(shown)
            else:
                found = value_text(key) if key else ""
            self._words[key] = found
        return found

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:
        key = COLUMNS[column][2]
        if key is None:  # categories: a list, not sortable
            return
        if key == self.query.sort and (order == Qt.DescendingOrder) == self.query.descending:
            return
        self.query = replace(self.query, sort=key, descending=order == Qt.DescendingOrder)
        self.reload()
