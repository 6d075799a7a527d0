"""The 工作台 block 疑似重复档案: after a sync or USB import brought in a second file of a child
(the same ID number registered on two laptops), a notice and the list of such files; 合并…
opens the merge dialog. With no duplicates the whole block is hidden.

Each refresh also lets merges finish (`duplicates.finish_merges`): rows of a file merged from
another village follow the survivor once the move has reached the county.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout,
                               QWidget)

from app.data import duplicates as data


class DuplicatesSection(QWidget):
    """The notice and the list; `groups` holds what is shown (plain values)."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.groups: list[data.DuplicateGroup] = []
        self.notice = QLabel()
        self.notice.setObjectName("duplicatesNotice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color:#8a4b00;background:#fef7e0;padding:4px 6px;border-radius:4px;")
        self.list = QListWidget()
        self.list.setObjectName("duplicatesList")
        self.list.setMinimumHeight(44)  # the 工作台 must still fit a 1366×768 screen at 125 %
        self.list.setMaximumHeight(96)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.ElideRight)
        self.list.itemDoubleClicked.connect(lambda _item: self.merge_selected())
        self.list.currentRowChanged.connect(self._selection_changed)
        self.merge_button = QPushButton(self.tr("合并…"))
        self.merge_button.setToolTip(self.tr("并排核对两份档案，选择保留哪份和哪些内容，合并为一份"))
        self.merge_button.clicked.connect(self.merge_selected)
        top = QHBoxLayout()
        top.addWidget(self.notice, 1)
        top.addWidget(self.merge_button, 0, Qt.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.list)
        self.refresh()

    def refresh(self) -> None:
        finished = data.finish_pending_merges(self.ctx.store)
        self.groups = self.ctx.store.read(data.duplicate_groups)
        self.list.clear()
        for g in self.groups:
            names = " / ".join(m.name for m in g.members)
            villages = "、".join(dict.fromkeys(m.village_name for m in g.members))
            item = QListWidgetItem(self.tr("{names}　身份证 {number}　{villages}").format(
                names=names, number=g.id_number, villages=villages))
            item.setData(Qt.UserRole, [m.id for m in g.members])
            item.setToolTip(item.text())
            self.list.addItem(item)
        n = len(self.groups)
        self.notice.setText(self.tr("⚠ {n} 组疑似重复档案：同一身份证号码有多份档案（两台电脑分别登记后同步所致），"
                                    "请核对后合并。").format(n=n))
        self.notice.setToolTip(self.tr("两份档案都可以照常查看和修改；双击一行或点“合并…”并排核对，合并为一份档案。"))
        if n:
            self.list.setCurrentRow(0)
        self._selection_changed(self.list.currentRow())
        frame = self.parentWidget()
        if isinstance(frame, QFrame):  # the 工作台's box around this block: shown only when needed
            frame.setVisible(bool(n))
        if finished:
            QTimer.singleShot(0, self.ctx.data_changed.emit)

    def _selection_changed(self, row: int) -> None:
        self.merge_button.setEnabled(0 <= row < len(self.groups))

    def selected_ids(self) -> list[str]:
        item = self.list.currentItem()
        return list(item.data(Qt.UserRole)) if item is not None else []

    def merge_dialog(self):
        from app.ui.duplicates.merge_dialog import MergeDialog

        ids = self.selected_ids()
        if len(ids) < 2:
            return None
        return MergeDialog(self.ctx, (ids[0], ids[1]), self)  # three or more: merged two at a time

    def merge_selected(self) -> None:
        dialog = self.merge_dialog()
        if dialog is not None:
            dialog.exec()
