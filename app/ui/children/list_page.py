"""The 儿童名册 page: search-as-you-type, filters by category, colour and status (and village on a
township laptop), a count, the table."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QTableView,
    QVBoxLayout, QWidget,
)

from app.data import township
from app.data.children import ChildQuery
from app.data.form_codes import child_is_here
from app.domain import vocab
from app.ui.children.list_model import VILLAGE_COLUMN, ChildListModel, ChildIdRole
from app.ui.messages import value_text

DEBOUNCE_MS = 250
COLOURS = ["红", "黄", "蓝", "绿", "未评估"]


class ChildListPage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.model = ChildListModel(ctx.store, self)

        self.search = QLineEdit()
        self.search.setObjectName("childSearch")
        self.search.setPlaceholderText(self.tr("搜索：姓名、拼音首字母（如 zxm）或身份证号"))
        self.search.setClearButtonEnabled(True)

        self.category = QComboBox()
        self.category.setObjectName("categoryFilter")
        self.category.addItem(self.tr("全部类别"), "")
        self.category.addItem(self.tr("留守儿童（全部）"), "group:" + vocab.LEFT_BEHIND_GROUP)
        self.category.addItem(self.tr("困境儿童（全部）"), "group:" + vocab.HARDSHIP_GROUP)
        for c in vocab.CATEGORIES:
            if c != vocab.CATEGORY_LEFT_BEHIND:
                self.category.addItem("　" + value_text(c), "category:" + c)

        self.colour = QComboBox()
        self.colour.setObjectName("colourFilter")
        self.colour.addItem(self.tr("全部颜色"), "")
        for c in COLOURS:
            self.colour.addItem(self.tr(c), c)

        self.status = QComboBox()
        self.status.setObjectName("statusFilter")
        self.status.addItem(self.tr("全部状态"), "")
        for s in vocab.STATUSES:
            self.status.addItem(self.tr(s), s)
        self.status.setCurrentIndex(1)  # 在册: what a director works with day to day

        # township laptops (issue 16): filter by village, and a village column
        self.village = QComboBox()
        self.village.setObjectName("villageFilter")
        self.township = township.is_township(ctx.store.scope)
        self._fill_villages()

        self.count_label = QLabel()
        self.count_label.setObjectName("childCount")
        self.add_button = QPushButton(self.tr("新增儿童"))
        self.add_button.setObjectName("addChild")

        bar = QHBoxLayout()
        bar.addWidget(self.search, 3)
        bar.addWidget(self.category, 2)
        bar.addWidget(self.colour, 1)
        bar.addWidget(self.status, 1)
        bar.addWidget(self.village, 2)
        bar.addWidget(self.count_label)
        bar.addWidget(self.add_button)

        self.table = QTableView()
        self.table.setObjectName("childTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(True)
        for col, width in enumerate((80, 44, 44, 160, 190, 80, 64, 70, 86, 86)):
            self.table.setColumnWidth(col, width)
        header.setSortIndicator(0, Qt.AscendingOrder)
        self.table.setColumnHidden(VILLAGE_COLUMN, not self.township)

        self.empty_label = QLabel()
        self.empty_label.setObjectName("childListEmpty")
        self.empty_label.setAlignment(Qt.AlignCenter)
        self.empty_label.setStyleSheet("color:#666;padding:16px;")
        self.empty_label.hide()

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        layout.addWidget(self.empty_label)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.apply_query)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self.apply_query)  # a scanner ends the code with Enter
        for combo in (self.category, self.colour, self.status, self.village):
            combo.currentIndexChanged.connect(self.apply_query)
        self.table.activated.connect(self._open_index)
        self.table.clicked.connect(self._open_index)
        self.add_button.clicked.connect(self.add_child)
        QShortcut(QKeySequence.Find, self, activated=self._focus_search)
        QShortcut(QKeySequence.New, self, activated=self.add_child)
        self.search.setToolTip(self.tr("Ctrl+F 搜索；Ctrl+N 新增儿童"))
        self.apply_query()

    def current_query(self) -> ChildQuery:
        kind, _, value = (self.category.currentData() or "").partition(":")
        group = value if kind == "group" else ""
        category = value if kind == "category" else ""
        return ChildQuery(
            text=self.search.text().strip(), group=group, category=category,
            colour=self.colour.currentData() or "", status=self.status.currentData() or "",
            village=self.village.currentData() or "", sort=self.model.query.sort, descending=self.model.query.descending,
        )

    def open_form_code(self) -> bool:
        """A printed form's QR text typed or scanned into the search box opens its child or visit."""
        from app.domain import formcode

        code = formcode.parse(self.search.text())
        if code is None:
            return False
        if not self.ctx.store.read(child_is_here, code.child_id):  # another village's, or merged away and gone
            self.ctx.show_status(self.tr("找不到这张表上的儿童（可能不在本机的范围内）"), 8000)
            return True
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        if code.visit_id:
            self.ctx.open_visit.emit(code.child_id, code.visit_id)
        else:
            self.ctx.open_child.emit(code.child_id)
        return True

    def apply_query(self) -> None:
        self._debounce.stop()
        if self.open_form_code():
            return
        self.model.set_query(self.current_query())
        count = self.model.rowCount()
        self.count_label.setText(self.tr("共 {n} 名").format(n=count))
        if count:
            self.empty_label.hide()
        else:
            q = self.model.query
            filtered = q.text or q.group or q.category or q.colour or q.village or q.status not in ("", "在册")
            self.empty_label.setText(self.tr("没有符合条件的儿童，请换个关键词或筛选条件。") if filtered else
                                     self.tr("还没有登记儿童。点击右上角“新增儿童”开始建档。"))
            self.empty_label.show()

    def _fill_villages(self) -> None:
        """The village filter's choices (a township laptop's villages); hidden on a village laptop."""
        self.village.setVisible(self.township)
        if not self.township:
            return
        names = self.ctx.store.read(township.village_names, self.ctx.store.scope)
        self.model.village_names = names
        chosen = self.village.currentData() or ""
        self.village.blockSignals(True)
        self.village.clear()
        self.village.addItem(self.tr("全部村（社区）"), "")
        for code, name in names.items():
            self.village.addItem(name if name != code else code, code)
        self.village.setCurrentIndex(max(self.village.findData(chosen), 0))
        self.village.blockSignals(False)

    def show_village(self, code: str) -> None:
        """Only this village's children (the 工作台's totals by village open the list this way)."""
        self._fill_villages()
        index = self.village.findData(code)
        self.village.setCurrentIndex(max(index, 0))
        self.apply_query()

    def refresh(self) -> None:
        """Re-run the query (data changed or page shown again), keeping the scroll position."""
        self._fill_villages()
        bar = self.table.verticalScrollBar()
        position = bar.value()
        self.apply_query()
        bar.setValue(min(position, bar.maximum()))

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _open_index(self, index) -> None:
        child_id = self.model.data(index, ChildIdRole)
        if child_id:
            self.ctx.open_child.emit(child_id)

    def add_child(self) -> None:
        from app.ui.children.child_dialog import ChildDialog

        dlg = ChildDialog(self.ctx, parent=self)
        if dlg.exec():
            self.ctx.notify_saved(dlg.child_id)
            self.ctx.open_child.emit(dlg.child_id)
