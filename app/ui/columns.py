"""List rows that line up in columns, with the risk colour shown as a colour (issue 13).

`ColumnsDelegate` paints a QListWidget item's parts (stored under `PARTS_ROLE` as a list of
strings) at fixed column positions, and the risk colour (`COLOUR_ROLE`: 红/黄/蓝/绿 or "") as a
filled chip with its name. The item's own text stays the parts joined, so copying, tooltips,
accessibility and tests read the same words.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRect, QSize, Qt
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QListWidgetItem, QStyle, QStyledItemDelegate

from app.ui.widgets import COLOUR_HEX

PARTS_ROLE = Qt.UserRole + 20
COLOUR_ROLE = Qt.UserRole + 21
CHIP_WIDTH = 56


def measure_columns(view, parts: list[str]) -> None:
    """Widen `view.column_widths` so each column fits its longest text (used when the row fits)."""
    widths = list(getattr(view, "column_widths", None) or [])
    metrics = view.fontMetrics()
    for i, text in enumerate(parts):
        w = metrics.horizontalAdvance(str(text or "")) + 18
        if i < len(widths):
            widths[i] = max(widths[i], w)
        else:
            widths.append(w)
    view.column_widths = widths


def set_columns(item: QListWidgetItem, parts: list[str], colour: str | None = None) -> None:
    item.setData(PARTS_ROLE, list(parts))
    if colour is not None:
        item.setData(COLOUR_ROLE, colour)
    item.setText("　".join(p for p in parts if p))
    item.setToolTip(item.text())


class ColumnsDelegate(QStyledItemDelegate):
    """Paints parts at column starts given as fractions of the row width (after the colour chip)."""

    def __init__(self, fractions: list[float] | None = None, parent=None):
        super().__init__(parent)
        self.fractions = fractions  # None: the first column (a name) 22 %, the rest shared equally

    def sizeHint(self, option, index):  # noqa: N802 (Qt's name)
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), option.fontMetrics.height() + 8))

    def paint(self, painter, option, index):
        parts = index.data(PARTS_ROLE)
        if parts is None:
            return super().paint(painter, option, index)
        painter.save()
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawPrimitive(QStyle.PE_PanelItemViewItem, option, painter, option.widget)
        rect = option.rect.adjusted(4, 0, -4, 0)
        colour = index.data(COLOUR_ROLE)
        x = rect.x()
        if colour is not None:
            chip = QRect(x, rect.y() + 3, CHIP_WIDTH - 8, rect.height() - 6)
            fill = QColor(COLOUR_HEX.get(colour or "", "#9aa0a6"))
            painter.setPen(Qt.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(chip, 4, 4)
            painter.setPen(QPen(QColor("#ffffff") if colour in ("红", "蓝", "绿") or not colour else QColor("#202124")))
            name = QCoreApplication.translate("", colour) if colour else QCoreApplication.translate("Visits", "未评估")
            painter.drawText(chip, Qt.AlignCenter, name)
            x += CHIP_WIDTH
        width = rect.right() - x
        fg = index.data(Qt.ForegroundRole)
        pen = option.palette.highlightedText().color() if option.state & QStyle.State_Selected else (
            fg.color() if hasattr(fg, "color") else (QColor(fg) if fg is not None else option.palette.text().color()))
        painter.setPen(pen)
        fractions = self.fractions
        if fractions is None:
            n = max(len(parts), 1)
            fractions = [1.0] if n == 1 else [0.22] + [0.78 / (n - 1)] * (n - 1)
        starts = [0.0]
        for f in fractions[:-1]:
            starts.append(starts[-1] + f)
        content = getattr(option.widget, "column_widths", None)  # widths measured from the rows themselves
        if content:  # columns as wide as their longest text; scaled down together when the row is narrow
            total = max(sum(content), width)
            edges = [0]
            for w in content:
                edges.append(edges[-1] + w)
            starts = [e / total for e in edges[:-1]]
        metrics = option.fontMetrics
        for i, text in enumerate(parts):
            if i >= len(starts):
                break
            left = x + int(starts[i] * width)
            right = x + int((starts[i + 1] if i + 1 < len(starts) else 1.0) * width) - 6
            cell = QRect(left, rect.y(), max(right - left, 1), rect.height())
            elided = metrics.elidedText(str(text or ""), Qt.ElideRight, cell.width())
            painter.drawText(cell, Qt.AlignVCenter | Qt.AlignLeft, elided)
        painter.restore()
