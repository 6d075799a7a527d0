"""Small widgets shared by the protection screens: a read-only table, a form dialog that saves
through a service function and shows the Chinese errors at the fields, and a clickable list."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QDialogButtonBox, QHeaderView, QLabel, QListWidget, QListWidgetItem,
    QTableWidget, QTableWidgetItem, QVBoxLayout,
)

from app.domain.errors import ValidationError, ValidationErrors
from app.ui.guard import GuardedDialog
from app.ui.widgets import Field, FieldForm, fmt_value

RED = QColor("#c5221f")
AMBER = QColor("#b06000")


def errors_by_field(exc: Exception) -> dict[str, str]:
    if isinstance(exc, ValidationErrors):
        return exc.by_field()
    if isinstance(exc, ValidationError):
        return {exc.field: exc.message}
    return {"": str(exc)}


class Table(QTableWidget):
    """A read-only table filled from rows of values; each row may carry a key (e.g. a row id)."""

    def __init__(self, headers: list[str], parent=None):
        super().__init__(0, len(headers), parent)
        self.setHorizontalHeaderLabels(headers)
        self.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.verticalHeader().hide()
        self.setAlternatingRowColors(True)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.keys: list = []

    def fill(self, rows: list[tuple], keys: list | None = None, colours: list | None = None) -> None:
        self.setRowCount(0)
        self.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, v in enumerate(values):
                item = QTableWidgetItem(fmt_value(v))
                if colours and colours[r] is not None:
                    item.setForeground(colours[r])
                self.setItem(r, c, item)
        self.keys = list(keys or [None] * len(rows))

    def current_key(self):
        r = self.currentRow()
        return self.keys[r] if 0 <= r < len(self.keys) else None


class FormDialog(GuardedDialog):
    """A dialog with a FieldForm; OK calls `save(values)` and closes only if it raised nothing.

    Esc / 取消 / close after typing asks first; Enter in a field never saves (app.ui.guard)."""

    def __init__(self, title: str, fields: list[Field], save: Callable[[dict], None], values: dict | None = None,
                 parent=None, columns: int = 1, intro: str = ""):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.save = save
        self.form = FieldForm(fields, columns)
        if values:
            self.form.set_values(values)
        layout = QVBoxLayout(self)
        if intro:
            hint = QLabel(intro)
            hint.setWordWrap(True)
            hint.setProperty("role", "hint")
            layout.addWidget(hint)
        layout.addWidget(self.form)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("取消"))
        for b in buttons.buttons():
            b.setAutoDefault(False)
        buttons.accepted.connect(self.try_save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.buttons = buttons
        self.mark_clean()

    def try_save(self) -> bool:
        self.form.clear_errors()
        try:
            self.save(self.form.values())
        except (ValidationError, ValidationErrors) as exc:
            self.form.show_errors(errors_by_field(exc))
            return False
        self.accept()
        return True


class ChildList(QListWidget):
    """A list of lines about children; double-click (or Enter) opens the child's file."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setTextElideMode(Qt.ElideRight)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.itemActivated.connect(self._open)
        self.itemDoubleClicked.connect(self._open)
        from app.ui.columns import ColumnsDelegate

        self.setItemDelegate(ColumnsDelegate(None, self))  # the "　"-separated parts line up (issue 13)

    def clear(self) -> None:
        self.column_widths = []
        super().clear()

    def add_line(self, text: str, child_id: str | None, colour: QColor | None = None) -> None:
        from app.ui.columns import measure_columns, set_columns

        item = QListWidgetItem(text)
        set_columns(item, text.split("　"))
        measure_columns(self, text.split("　"))
        item.setData(Qt.UserRole, child_id)
        if colour is not None:
            item.setForeground(colour)
        self.addItem(item)

    def _open(self, item) -> None:
        child_id = item.data(Qt.UserRole)
        if child_id:
            self.ctx.open_child.emit(child_id)

    def lines(self) -> list[str]:
        return [self.item(i).text() for i in range(self.count())]
