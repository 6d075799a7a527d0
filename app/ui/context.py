"""The UI context every page and tab receives: the open store plus app-wide signals.

- `data_changed()`: something was saved; pages refresh their views.
- `child_changed(child_id)`: one child's record changed; that child's file reloads.
- `open_child(child_id)`: ask the main window to show that child's file (一人一档).
- `open_visit(child_id, visit_id)`: show that child's file at the visit (a scanned form's QR code).
- `status_message(text, msec)`: show a message in the main window's status bar.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class UiContext(QObject):
    data_changed = Signal()
    child_changed = Signal(str)
    open_child = Signal(str)
    open_visit = Signal(str, str)
    status_message = Signal(str, int)

    def __init__(self, store, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store

    def notify_saved(self, child_id: str | None = None) -> None:
        """Call after a save: fires child_changed (if a child is named) and data_changed."""
        if child_id:
            self.child_changed.emit(child_id)
        self.data_changed.emit()

    def show_status(self, text: str, msec: int = 5000) -> None:
        self.status_message.emit(text, msec)
