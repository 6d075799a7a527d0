"""Every window fits the screen it opens on (issue 13: an old laptop at 1366×768 and 125 %
scaling leaves about 1093×614 logical pixels).

`install(app)` adds an application-wide event filter: when a top-level dialog or window is shown
it is shrunk to the screen's available area (never below its minimum size) and moved inside it.
Dialog bodies scroll (QScrollArea) and their Save / Print buttons sit outside the scroll area, so a
shrunken dialog keeps its buttons on screen. `scripts/dialog_fit.py` checks every dialog.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QWidget


def fit_rect(frame: QRect, avail: QRect) -> QRect:
    """`frame` moved (and cut) to lie within `avail`."""
    w, h = min(frame.width(), avail.width()), min(frame.height(), avail.height())
    x = min(max(frame.x(), avail.x()), avail.right() + 1 - w)
    y = min(max(frame.y(), avail.y()), avail.bottom() + 1 - h)
    return QRect(x, y, w, h)


def fit_to_screen(win: QWidget) -> None:
    screen = win.screen() or QApplication.primaryScreen()
    if screen is None:
        return
    avail = screen.availableGeometry()
    frame = win.frameGeometry()
    extra_w, extra_h = frame.width() - win.width(), frame.height() - win.height()
    max_w, max_h = avail.width() - extra_w, avail.height() - extra_h
    if win.width() > max_w or win.height() > max_h:
        win.resize(max(min(win.width(), max_w), 1), max(min(win.height(), max_h), 1))
        frame = win.frameGeometry()
    target = fit_rect(frame, avail)
    if target.topLeft() != frame.topLeft():
        win.move(target.topLeft())


class _FitFilter(QObject):
    def eventFilter(self, obj, event):  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Show and isinstance(obj, (QDialog, QMainWindow)) and obj.isWindow():
            fit_to_screen(obj)
        return False


_filter: _FitFilter | None = None


def install(app: QApplication) -> None:
    global _filter
    if _filter is None:
        _filter = _FitFilter(app)
        app.installEventFilter(_filter)
