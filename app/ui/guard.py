"""Dialogs that never lose typed work silently (issue 13).

`GuardedDialog` is a QDialog that
- asks before Esc, 取消 or the window's close button throws away what was typed
  (「放弃未保存的内容？」); unchanged dialogs close at once;
- never saves on Enter in a one-line field (a typed Enter moves to the next field instead);
  only a click on the Save button (or its Alt shortcut) saves.

What counts as "changed" is read from the widgets themselves (`form_state`), so a dialog needs
no bookkeeping: call `self.mark_clean()` at the end of `__init__` (and after loading values).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractSpinBox, QComboBox, QDateEdit, QDialog, QLineEdit, QMessageBox, QPlainTextEdit,
    QPushButton, QTableWidget, QTextEdit,
)


def form_state(root) -> tuple:
    """A comparable snapshot of every input under `root` (texts, choices, ticks, dates, table cells)."""
    out = []
    for w in root.findChildren(object):
        if isinstance(w, QLineEdit):
            if w.isReadOnly() or isinstance(w.parent(), (QAbstractSpinBox, QComboBox)):
                continue
            out.append(w.text())
        elif isinstance(w, (QPlainTextEdit, QTextEdit)):
            if not w.isReadOnly():
                out.append(w.toPlainText())
        elif isinstance(w, QComboBox):
            out.append((w.currentIndex(), w.currentText()))
        elif isinstance(w, QDateEdit):
            out.append(w.date().toString(Qt.ISODate))
        elif isinstance(w, QAbstractSpinBox):
            out.append(w.text())
        elif isinstance(w, QAbstractButton) and w.isCheckable():
            out.append(w.isChecked())
        elif isinstance(w, QTableWidget) and w.editTriggers() != QTableWidget.NoEditTriggers:
            out.append(tuple((w.item(r, c).text() if w.item(r, c) else "")
                             for r in range(w.rowCount()) for c in range(w.columnCount())))
    return tuple(out)


def _tr(text: str) -> str:
    return QCoreApplication.translate("GuardedDialog", text)


class GuardedDialog(QDialog):
    """A QDialog that asks before discarding typed input and ignores Enter in one-line fields."""

    _clean_state: tuple | None = None
    discard_confirmed = False

    def mark_clean(self) -> None:
        self._clean_state = form_state(self)

    def is_dirty(self) -> bool:
        return self._clean_state is not None and form_state(self) != self._clean_state

    def confirm_discard(self) -> bool:
        """Ask whether to throw away the typed input; True to close."""
        box = QMessageBox(QMessageBox.Question, _tr("放弃未保存的内容？"),
                          _tr("这里填写的内容还没有保存。关闭后将丢失，确定放弃吗？"), parent=self)
        box.setObjectName("confirmDiscard")
        discard = box.addButton(_tr("放弃(&D)"), QMessageBox.DestructiveRole)
        keep = box.addButton(_tr("继续填写(&K)"), QMessageBox.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.exec()
        return box.clickedButton() is discard

    def reject(self) -> None:  # Esc, 取消 and the close button all come here
        if self.result() != QDialog.Accepted and self.is_dirty() and not self.discard_confirmed:
            if not self.confirm_discard():
                return
            self.discard_confirmed = True
            self.discarded()
        super().reject()

    def discarded(self) -> None:
        """Called once the user chose to throw the input away (e.g. drop a saved draft)."""

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key_Return, Qt.Key_Enter) and not event.modifiers() & ~Qt.KeypadModifier:
            focus = self.focusWidget()
            if not isinstance(focus, QPushButton):
                # Enter in a field never submits the form: move on to the next field instead
                if isinstance(focus, (QLineEdit, QAbstractSpinBox, QComboBox)):
                    self.focusNextChild()
                event.accept()
                return
        super().keyPressEvent(event)
