"""Small form helpers shared by Tonghu's dialogs: field specs, error labels at the field, optional dates.

A `FieldForm` lays out inputs from `Field` specs, reads them back into a dict keyed by model
attribute and shows each error message (from `ValidationErrors.by_field()`) under its own input.
It holds no rules: what is valid is decided in app/domain and app/data.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field as dc_field

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QGridLayout, QLabel, QLineEdit, QPlainTextEdit, QSpinBox,
    QVBoxLayout, QWidget,
)

from app.ui.messages import joined, user_text, value_text

NULL_DATE = QDate(1900, 1, 1)

COLOUR_HEX = {"红": "#d93025", "黄": "#f2b600", "蓝": "#1a73e8", "绿": "#188038", "": "#9aa0a6"}


_ICONS: dict[tuple[str, int], QIcon] = {}


def colour_icon(colour: str, size: int = 12) -> QIcon:
    """A round dot in the risk colour (grey when not assessed); cached, the list asks for it per cell."""
    key = (colour or "", size)
    icon = _ICONS.get(key)
    if icon is None:
        icon = _ICONS[key] = _draw_dot(colour, size)
    return icon


def _draw_dot(colour: str, size: int) -> QIcon:
    pix = QPixmap(size, size)
    pix.fill(Qt.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.Antialiasing)
    p.setBrush(QColor(COLOUR_HEX.get(colour or "", "#9aa0a6")))
    p.setPen(Qt.NoPen)
    p.drawEllipse(1, 1, size - 2, size - 2)
    p.end()
    return QIcon(pix)


def fmt_date(value) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.strftime("%Y-%m-%d")
    return str(value)


def fmt_value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (dt.date, dt.datetime)):
        return fmt_date(value)
    return str(value)


class OptionalDateEdit(QDateEdit):
    """A date input that may be left empty (shows “未填”, returns None)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(NULL_DATE)
        self.setMaximumDate(QDate(2100, 12, 31))
        self.setSpecialValueText(self.tr("未填"))
        self.setDate(NULL_DATE)

    def value(self) -> dt.date | None:
        d = self.date()
        return None if d == NULL_DATE else dt.date(d.year(), d.month(), d.day())

    def set_value(self, value: dt.date | None) -> None:
        self.setDate(QDate(value.year, value.month, value.day) if value else NULL_DATE)


@dataclass
class Field:
    """One input: model attribute `name`, label, kind (text/multiline/choice/edit_choice/date/bool/int)."""

    name: str
    label: str
    kind: str = "text"
    choices: list[str] = dc_field(default_factory=list)
    placeholder: str = ""
    read_only: bool = False


def combo_value(w: QComboBox) -> str:
    """The stored value of a choice: the item's data (the Chinese word) unless the text was typed."""
    i = w.currentIndex()
    data = w.itemData(i) if i >= 0 and w.itemText(i) == w.currentText() else None
    return (data if isinstance(data, str) else w.currentText()).strip()


class FieldForm(QWidget):
    """Inputs from Field specs in `columns` columns, each with its error label underneath."""

    def __init__(self, fields: list[Field], columns: int = 1, parent=None):
        super().__init__(parent)
        self.fields = {f.name: f for f in fields}
        self.inputs: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.general_error = QLabel()
        self.general_error.setTextFormat(Qt.PlainText)
        self.general_error.setObjectName("formError")
        self.general_error.setStyleSheet("color:#c5221f;")
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        outer.addWidget(self.general_error)
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(2)
        outer.addLayout(grid)
        per_col = (len(fields) + columns - 1) // columns
        for i, f in enumerate(fields):
            col, row = divmod(i, per_col)
            widget = self._make_input(f)
            self.inputs[f.name] = widget
            label = QLabel(self.tr(f.label))
            label.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
            err = QLabel()
            err.setTextFormat(Qt.PlainText)  # messages may quote a name: text, never markup
            err.setObjectName("fieldError")
            err.setStyleSheet("color:#c5221f;")
            err.setWordWrap(True)
            err.hide()
            self.errors[f.name] = err
            grid.addWidget(label, row * 2, col * 2)
            grid.addWidget(widget, row * 2, col * 2 + 1)
            grid.addWidget(err, row * 2 + 1, col * 2 + 1)
            grid.setColumnStretch(col * 2 + 1, 1)

    def _make_input(self, f: Field) -> QWidget:
        if f.kind in ("choice", "edit_choice"):
            w = QComboBox()
            for choice in f.choices:  # a listed word in the interface language; the stored value stays Chinese
                w.addItem(value_text(choice) if choice else choice, choice)
            w.setEditable(f.kind == "edit_choice")
        elif f.kind == "date":
            w = OptionalDateEdit()
        elif f.kind == "bool":
            w = QCheckBox()
        elif f.kind == "int":
            w = QSpinBox()
            w.setRange(0, 120)
            w.setSpecialValueText(self.tr("未填"))
        elif f.kind == "multiline":
            w = QPlainTextEdit()
            w.setFixedHeight(54)
        else:
            w = QLineEdit()
            if f.placeholder:
                w.setPlaceholderText(self.tr(f.placeholder))  # listed for lupdate with QT_TRANSLATE_NOOP
            if f.read_only:
                w.setReadOnly(True)
        w.setObjectName(f"field_{f.name}")
        if f.read_only:
            w.setEnabled(f.kind == "text")
        return w

    # -- values ----------------------------------------------------------
    def set_values(self, values: dict) -> None:
        for name, value in values.items():
            w = self.inputs.get(name)
            if w is None:
                continue
            if isinstance(w, QComboBox):
                text = "" if value is None else str(value)
                idx = w.findData(text)
                idx = idx if idx >= 0 else w.findText(text)
                if idx >= 0:
                    w.setCurrentIndex(idx)
                elif w.isEditable() or text:
                    if not w.isEditable():
                        w.addItem(text)
                    w.setCurrentText(text)
            elif isinstance(w, OptionalDateEdit):
                w.set_value(value)
            elif isinstance(w, QCheckBox):
                w.setChecked(bool(value))
            elif isinstance(w, QSpinBox):
                w.setValue(int(value or 0))
            elif isinstance(w, QPlainTextEdit):
                w.setPlainText(value or "")
            else:
                w.setText(fmt_value(value))

    def values(self) -> dict:
        out = {}
        for name, w in self.inputs.items():
            if self.fields[name].read_only:
                continue
            if isinstance(w, QComboBox):
                out[name] = combo_value(w)
            elif isinstance(w, OptionalDateEdit):
                out[name] = w.value()
            elif isinstance(w, QCheckBox):
                out[name] = w.isChecked()
            elif isinstance(w, QSpinBox):
                out[name] = w.value() or None
            elif isinstance(w, QPlainTextEdit):
                out[name] = w.toPlainText().strip()
            else:
                out[name] = w.text().strip()
        return out

    # -- errors ----------------------------------------------------------
    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear()
            label.hide()
        self.general_error.clear()
        self.general_error.hide()

    def show_errors(self, by_field: dict[str, str]) -> None:
        """Put each message under its field; messages for fields not on this form go on top."""
        self.clear_errors()
        others = []
        first = None
        for name, message in by_field.items():
            message = user_text(message)  # a rule's message in the interface language
            label = self.errors.get(name)
            if label is None:
                others.append(message)
                continue
            label.setText(message)
            label.show()
            first = first or self.inputs[name]
        if others:
            self.general_error.setText(joined(others))
            self.general_error.show()
        if first is not None:
            first.setFocus()

    def error_text(self, name: str) -> str:
        label = self.errors.get(name)
        return label.text() if label is not None and not label.isHidden() else ""
