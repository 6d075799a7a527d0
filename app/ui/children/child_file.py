"""The child's file (一人一档): a header with the child's identity and actions, tabs from CHILD_TABS.

Actions: edit, mark transferred-out / aged-out (never a hard delete), return to the register.
"""

from __future__ import annotations

import html
import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QTabWidget, QVBoxLayout, QWidget,
)

from app.core import clock
from app.data import children as data
from app.domain import vocab
from app.domain.errors import ValidationError, ValidationErrors
from app.ui import registry
from app.ui.widgets import COLOUR_HEX, OptionalDateEdit
from app.ui.messages import user_text


class StatusDialog(QDialog):
    """Ask for the date and a note when a child leaves (or returns to) the active register."""

    def __init__(self, status: str, parent=None):
        super().__init__(parent)
        self.status = status
        self.setWindowTitle(self.tr("标记为“{s}”").format(s=self.tr(status)))
        self.date = OptionalDateEdit()
        self.date.set_value(clock.today())
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("如：随父母迁往常州市武进区"))
        self.error = QLabel()
        self.error.setStyleSheet("color:#c5221f;")
        self.error.hide()
        form = QFormLayout(self)
        form.addRow(self.tr("日期"), self.date)
        form.addRow(self.tr("说明"), self.note)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("确定"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class ChildFilePage(QWidget):
    """Shown by the main window for ctx.open_child(child_id)."""

    back_requested = Signal()

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.child_id: str | None = None

        self.title = QLabel()
        self.title.setObjectName("childTitle")
        self.title.setStyleSheet("font-size:18px;font-weight:bold;")
        self.subtitle = QLabel()
        self.subtitle.setObjectName("childSubtitle")
        self.subtitle.setTextFormat(Qt.PlainText)
        self.back_button = QPushButton(self.tr("← 返回名册"))
        self.edit_button = QPushButton(self.tr("编辑"))
        self.transfer_button = QPushButton(self.tr("转出…"))
        self.aged_button = QPushButton(self.tr("标记已满18岁"))
        self.restore_button = QPushButton(self.tr("恢复在册"))
        # 疑似重复档案: shown when another live file holds this child's ID number (app/ui/duplicates)
        self.merge_button = QPushButton(self.tr("合并重复档案…"))
        self.merge_button.setStyleSheet("color:#8a4b00;")
        self.merge_button.hide()
        self.twins: list = []
        for b, name in ((self.merge_button, "mergeDuplicate"), (self.edit_button, "editChild"),
                        (self.transfer_button, "markTransferred"),
                        (self.aged_button, "markAgedOut"), (self.restore_button, "restoreActive")):
            b.setObjectName(name)

        names = QVBoxLayout()
        names.addWidget(self.title)
        names.addWidget(self.subtitle)
        head = QHBoxLayout()
        head.addWidget(self.back_button)
        head.addSpacing(12)
        head.addLayout(names, 1)
        for b in (self.merge_button, self.edit_button, self.transfer_button, self.aged_button, self.restore_button):
            head.addWidget(b)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("childTabs")
        self.tab_widgets: dict[str, QWidget] = {}
        for entry in registry.CHILD_TABS:
            try:
                widget = entry.load()(ctx, self)
            except Exception as exc:  # one broken feature must not take the whole file down
                logging.getLogger(__name__).warning("child-file tab %s failed to load", entry.key, exc_info=True)
                widget = QLabel(self.tr("此页无法加载：{e}").format(e=exc))
            self.tab_widgets[entry.key] = widget
            self.tabs.addTab(widget, self.tr(entry.title))

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.tabs)

        self.back_button.clicked.connect(self.back_requested)
        self.edit_button.clicked.connect(self.edit)
        self.merge_button.clicked.connect(self.merge_duplicate)
        self.transfer_button.clicked.connect(self.transfer)
        self.aged_button.clicked.connect(lambda: self.mark(vocab.STATUS_AGED_OUT))
        self.restore_button.clicked.connect(lambda: self.mark(vocab.STATUS_ACTIVE))
        self.tabs.currentChanged.connect(self._tab_shown)
        ctx.child_changed.connect(self._child_changed)

    # -- loading ---------------------------------------------------------
    def show_visit(self, visit_id: str) -> None:
        """Switch to the 走访 tab and select that visit (original or amendment)."""
        tab = self.tab_widgets.get("visits")
        if tab is None:
            return
        self.tabs.setCurrentWidget(tab)
        if getattr(tab, "child_id", None) != self.child_id:
            tab.load(self.child_id)
        for r, entry in enumerate(getattr(tab, "entries", [])):
            if visit_id in {entry.original.id, *(a.id for a in entry.amendments)}:
                tab.table.selectRow(r)
                break

    def load(self, child_id: str, log_view: bool = False) -> None:
        from app.data.child_views import file_header

        header = self.ctx.store.read(file_header, child_id)  # a file merged into another opens as that one
        self.child_id = child_id = header.child_id
        self._load_header(header)
        self._loaded: set[str] = set()
        self._tab_shown(self.tabs.currentIndex())
        if log_view:  # 谁看过这个孩子: opening the file is recorded, reloads are not
            self.ctx.store.log("view", table_name="child", row_id=child_id, child_id=child_id)

    def _load_header(self, header) -> None:
        name, id_number, status = header.name, header.id_number, header.status
        colour, group, sex, age, categories = header.colour, header.group_name, header.sex, header.age, header.categories
        self.twins = header.twins
        dot = COLOUR_HEX.get(colour, COLOUR_HEX[""])
        self.title.setText(  # the name is text, never markup (issue 13)
            f'{html.escape(name or "")}　<span style="color:{dot};">●</span> '
            f'<span style="font-size:13px;font-weight:normal;">{self.tr(colour) if colour else self.tr("未评估")}</span>'
        )
        shown = [self.tr(c) for c in categories]  # listed words in the interface language
        parts = [self.tr(sex) if sex else "", self.tr("{a}岁").format(a=age) if age is not None else "", id_number, group,
                 ("、" if shown == categories else ", ").join(shown), self.tr(status) if status else ""]
        self.subtitle.setText("　".join(p for p in parts if p))
        active = status == vocab.STATUS_ACTIVE
        self.transfer_button.setVisible(active)
        self.aged_button.setVisible(active)
        self.restore_button.setVisible(not active)
        self.merge_button.setVisible(bool(self.twins))
        self.merge_button.setToolTip(self.tr("身份证号码与以下档案相同：{names}。可并排核对后合并为一份档案。").format(
            names="、".join(f"{t.name}（{t.village_name}）" for t in self.twins)))

    def _tab_shown(self, index: int) -> None:
        if self.child_id is None or index < 0:
            return
        widget = self.tabs.widget(index)
        key = next((k for k, w in self.tab_widgets.items() if w is widget), None)
        if key and key not in self._loaded and hasattr(widget, "load"):
            widget.load(self.child_id)
            self._loaded.add(key)

    def _child_changed(self, child_id: str) -> None:
        if child_id == self.child_id:
            self.load(child_id)

    def refresh(self) -> None:
        if self.child_id:
            self.load(self.child_id)

    # -- actions ---------------------------------------------------------
    def merge_duplicate(self) -> None:
        from app.ui.duplicates.merge_dialog import MergeDialog

        if self.twins and MergeDialog(self.ctx, (self.child_id, self.twins[0].id), self).exec():
            self.load(self.child_id)  # the survivor, whichever file it is

    def edit(self) -> None:
        from app.ui.children.child_dialog import ChildDialog

        dlg = ChildDialog(self.ctx, self.child_id, parent=self)
        if dlg.exec():
            self.ctx.notify_saved(self.child_id)

    def transfer(self) -> None:
        """转出: to another village of the county (the file moves there), or out of the county."""
        from app.ui.children.transfer_dialog import TransferDialog

        dlg = TransferDialog(self.ctx, self.child_id, self)
        if not dlg.exec():
            return
        self.ctx.notify_saved(self.child_id)
        if dlg.moved_to:
            self.ctx.show_status(self.tr("已转出至 {v}；下次同步后，本机不再保存该儿童的档案").format(v=dlg.moved_to))
        else:
            self.ctx.show_status(self.tr("已标记为“{s}”").format(s=self.tr(vocab.STATUS_TRANSFERRED)))

    def mark(self, status: str) -> None:
        dlg = StatusDialog(status, self)
        while dlg.exec():
            try:
                self.ctx.store.run(data.set_status, self.child_id, status, dlg.date.value() or clock.today(),
                                   dlg.note.text().strip())
            except (ValidationErrors, ValidationError) as exc:
                errors = exc.by_field() if isinstance(exc, ValidationErrors) else {exc.field: exc.message}
                dlg.error.setText("; ".join(user_text(m) for m in errors.values()))
                dlg.error.show()
                continue
            self.ctx.notify_saved(self.child_id)
            self.ctx.show_status(self.tr("已标记为“{s}”").format(s=self.tr(status)))
            return
