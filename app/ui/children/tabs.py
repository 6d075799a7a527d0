"""The children feature's tabs of the child's file: 基本情况, 家庭与监护, 委托照护, 儿童类别, 需求, 变更记录.

The four list tabs share `RowsTab`: a table of the child's rows and an add/edit dialog built from
Field specs; saving and removing go through app.data.children (which validates).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView, QLabel,
    QMessageBox, QPushButton, QScrollArea, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from app.data import children as data
from app.domain import child_rules, vocab
from app.domain.errors import ValidationError, ValidationErrors
from app.ui.widgets import Field, FieldForm, fmt_value
from app.ui.messages import value_text


# -- 基本情况 --------------------------------------------------------------
BASIC_FIELDS = [
    "name", "id_number", "sex", "birth_date", "ethnicity", "hukou_type", "hukou_place", "address",
    "group_name", "phone", "guardianship_state", "school", "school_stage", "grade", "health", "illness",
    "disability_type", "disability_grade", "disability_cert_no", "status", "status_date", "status_note",
    "notes",
]


class BasicTab(QWidget):
    """Read-only view of the child's basic facts (edit with the 编辑 button above the tabs)."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.values: dict[str, QLabel] = {}
        inner = QWidget()
        left, right = QFormLayout(), QFormLayout()
        half = (len(BASIC_FIELDS) + 1) // 2
        for i, name in enumerate(BASIC_FIELDS):
            value = QLabel()
            value.setTextFormat(Qt.PlainText)  # data values are text, never markup
            value.setObjectName(f"basic_{name}")
            value.setTextInteractionFlags(Qt.TextSelectableByMouse)
            value.setWordWrap(True)
            self.values[name] = value
            label = self.tr(child_rules.label(name))
            if name in ("sex", "birth_date"):
                label += self.tr("（据身份证号）")
            (left if i < half else right).addRow(label + "：", value)
        self.photo = QLabel(self.tr("无照片"))
        self.photo.setFixedSize(120, 150)
        self.photo.setAlignment(Qt.AlignCenter)
        self.photo.setStyleSheet("border:1px solid #ccc;color:#888;")
        row = QHBoxLayout(inner)
        row.addLayout(left, 1)
        row.addLayout(right, 1)
        photo_col = QVBoxLayout()
        photo_col.addWidget(self.photo)
        photo_col.addStretch()
        row.addLayout(photo_col)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.NoFrame)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def load(self, child_id: str) -> None:
        child = self.ctx.store.read(data.get_child, child_id)
        values = {name: getattr(child, name, "") for name in BASIC_FIELDS}
        photo = child.photo
        for name, label in self.values.items():
            label.setText(value_text(fmt_value(values.get(name))) or "—")
        if photo:
            pix = QPixmap()
            pix.loadFromData(photo)
            self.photo.setPixmap(pix.scaled(self.photo.size(), Qt.KeepAspectRatio, Qt.SmoothTransformation))
        else:
            self.photo.clear()
            self.photo.setText(self.tr("无照片"))


# -- list tabs ---------------------------------------------------------------
class RowDialog(QDialog):
    """Add or edit one row (a guardian, a care arrangement, a category, a need)."""

    def __init__(self, tab: "RowsTab", row=None, parent=None):
        super().__init__(parent)
        self.tab = tab
        self.row_id = row.id if row is not None else None
        self.setWindowTitle((self.tr("编辑") if row is not None else self.tr("新增")) + self.tr(tab.noun))
        self.form = FieldForm(tab.fields(), columns=2 if len(tab.fields()) > 6 else 1)
        if row is not None:
            self.form.set_values({f.name: getattr(row, f.name, None) for f in tab.fields()})
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Save).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(buttons)

    def save(self) -> None:
        self.form.clear_errors()
        try:
            self.tab.ctx.store.run(self.tab.save_fn, self.tab.child_id, self.form.values(), row_id=self.row_id)
        except ValidationErrors as exc:
            self.form.show_errors(exc.by_field())
            return
        except ValidationError as exc:
            self.form.show_errors({exc.field: exc.message})
            return
        self.accept()


class RowsTab(QWidget):
    """A table of the child's rows of one kind, with 新增 / 编辑 / 删除."""

    noun = ""
    columns: list[str] = []

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.child_id: str | None = None
        self.rows: list = []
        self.table = QTableWidget(0, len(self.columns))
        self.table.setHorizontalHeaderLabels([self.tr(child_rules.label(c)) for c in self.columns])
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(self.edit)
        self.add_button = QPushButton(self.tr("新增"))
        self.edit_button = QPushButton(self.tr("编辑"))
        self.remove_button = QPushButton(self.tr("删除"))
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.remove_button.clicked.connect(self.remove)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch()
        self.empty = QLabel()
        self.empty.setStyleSheet("color:#888;")
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)

    # subclasses provide these
    def fields(self) -> list[Field]:
        raise NotImplementedError

    def fetch(self, session, child_id):
        raise NotImplementedError

    def save_fn(self, session, child_id, values, row_id=None):
        raise NotImplementedError

    def remove_fn(self, session, row_id):
        raise NotImplementedError

    def load(self, child_id: str) -> None:
        self.child_id = child_id
        self.rows = self.ctx.store.read(self.fetch, child_id)
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            for c, name in enumerate(self.columns):  # listed words in the interface language, data as entered
                self.table.setItem(r, c, QTableWidgetItem(value_text(fmt_value(getattr(row, name, "")))))
        self.empty.setText(self.tr("尚无记录，点“新增”添加。") if not self.rows else "")
        self.empty.setVisible(not self.rows)

    def _selected(self):
        index = self.table.currentRow()
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def add(self) -> None:
        if self.child_id and RowDialog(self, None, self).exec():
            self.ctx.notify_saved(self.child_id)

    def edit(self, *_):
        row = self._selected()
        if row is not None and RowDialog(self, row, self).exec():
            self.ctx.notify_saved(self.child_id)

    def remove(self) -> None:
        row = self._selected()
        if row is None:
            return
        answer = QMessageBox.question(self, self.tr("删除"),
                                      self.tr("确定删除这条{n}记录吗？删除会记入变更记录。").format(n=self.tr(self.noun)))
        if answer == QMessageBox.Yes:
            self.ctx.store.run(self.remove_fn, row.id)
            self.ctx.notify_saved(self.child_id)


class GuardiansTab(RowsTab):
    noun = "监护人"
    columns = ["relation", "name", "phone", "is_guardian", "works_away", "work_place", "away_since",
               "contact_frequency", "circumstance"]

    def fields(self):
        return [
            Field("relation", "关系", "choice", vocab.RELATIONS),
            Field("name", "姓名"),
            Field("id_number", "身份证号"),
            Field("phone", "联系电话"),
            Field("is_guardian", "是监护人", "bool"),
            Field("works_away", "外出务工", "bool"),
            Field("work_place", "务工地点", placeholder=QT_TRANSLATE_NOOP("", "如：浙江省宁波市")),
            Field("away_since", "外出时间", "date"),
            Field("contact_frequency", "与孩子联系频率", "choice", [""] + vocab.CONTACT_FREQUENCIES),
            Field("last_contact", "最近联系", "date"),
            Field("circumstance", "特殊情况", "choice", vocab.PARENT_CIRCUMSTANCES),
            Field("circumstance_since", "特殊情况起始", "date"),
            Field("health", "健康状况"),
            Field("notes", "备注", "multiline"),
        ]

    def fetch(self, s, child_id):
        return data.guardians(s, child_id)

    def save_fn(self, s, child_id, values, row_id=None):
        return data.save_guardian(s, child_id, values, row_id=row_id)

    def remove_fn(self, s, row_id):
        data.remove_guardian(s, row_id)


class CareTab(RowsTab):
    noun = "委托照护"
    columns = ["carer_name", "relation", "carer_age", "phone", "ability", "since", "agreement_signed",
               "agreement_date"]

    def fields(self):
        return [
            Field("carer_name", "受托照护人"),
            Field("relation", "与儿童关系", "choice", vocab.RELATIONS),
            Field("carer_age", "照护人年龄", "int"),
            Field("phone", "联系电话"),
            Field("ability", "照护能力", "choice", vocab.CARE_ABILITIES),
            Field("since", "照护起始", "date"),
            Field("agreement_signed", "已签委托照护协议", "bool"),
            Field("agreement_date", "协议签订日期", "date"),
            Field("notes", "备注", "multiline"),
        ]

    def fetch(self, s, child_id):
        return data.care_arrangements(s, child_id)

    def save_fn(self, s, child_id, values, row_id=None):
        return data.save_care(s, child_id, values, row_id=row_id)

    def remove_fn(self, s, row_id):
        data.remove_care(s, row_id)


class CategoriesTab(RowsTab):
    noun = "儿童类别"
    columns = ["category", "since", "evidence", "ended"]

    def fields(self):
        return [
            Field("category", "儿童类别", "choice", vocab.CATEGORIES),
            Field("since", "认定日期", "date"),
            Field("evidence", "认定依据", "multiline"),
            Field("ended", "终止日期", "date"),
        ]

    def fetch(self, s, child_id):
        return data.child_categories(s, child_id)

    def save_fn(self, s, child_id, values, row_id=None):
        return data.save_category(s, child_id, values, row_id=row_id)

    def remove_fn(self, s, row_id):
        data.remove_category(s, row_id)


class NeedsTab(RowsTab):
    noun = "需求"
    columns = ["description", "noted_on", "coverage", "notes"]

    def fields(self):
        return [
            Field("description", "需求", "multiline"),
            Field("noted_on", "登记日期", "date"),
            Field("coverage", "保障情况", "choice", vocab.NEED_COVERAGE),
            Field("notes", "备注", "multiline"),
        ]

    def fetch(self, s, child_id):
        return data.needs(s, child_id)

    def save_fn(self, s, child_id, values, row_id=None):
        return data.save_need(s, child_id, values, row_id=row_id)

    def remove_fn(self, s, row_id):
        data.remove_need(s, row_id)


# -- 变更记录 --------------------------------------------------------------
class AuditTab(QWidget):
    """Who changed (or viewed, printed) what in this child's file, newest first."""

    LIMIT = 500

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("时间"), self.tr("操作人"), self.tr("操作"), self.tr("内容")])
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)

    ACTIONS = {"create": "新建", "update": "修改", "delete": "删除", "view": "查看", "print": "打印",
               "export": "导出", "sync": "同步", "merge": "合并"}

    def load(self, child_id: str) -> None:
        from app.data.audit_views import child_history

        lines = self.ctx.store.read(child_history, child_id, limit=self.LIMIT)
        self.table.setRowCount(len(lines))
        for r, line in enumerate(lines):
            # stored in UTC; shown in local time
            local = line.at.replace(tzinfo=dt.timezone.utc).astimezone() if line.at else None
            for c, value in enumerate((local.strftime("%Y-%m-%d %H:%M") if local else "", line.actor,
                                       self.tr(self.ACTIONS.get(line.action, line.action)), self.describe(line))):
                self.table.setItem(r, c, QTableWidgetItem(value))

    def describe(self, line) -> str:
        """One line in the interface language; listed words (fields, categories …) translated, data as entered."""
        record = self.tr(line.record)
        if line.action == "create":
            return self.tr("新建{t}记录").format(t=record)
        if line.action == "delete":
            return self.tr("删除{t}记录").format(t=record)
        if line.action == "update":
            return self.tr("{t}：{f} 由“{a}”改为“{b}”").format(
                t=record, f=self.tr(line.field), a=value_text(line.old), b=value_text(line.new))
        if line.action == "merge":
            taken = ", ".join(self.tr(f) for f in line.taken) or self.tr("无")
            return self.tr("合并疑似重复档案：{n}的档案并入本档案；采用其{taken}；移入{m}条记录，合并重复记录{f}条").format(
                n=line.merged_name, taken=taken, m=line.moved, f=line.folded)
        verbs = {"view": self.tr("查看{t}"), "print": self.tr("打印{t}"), "export": self.tr("导出{t}")}
        return verbs.get(line.action, "{t}").format(t=record)
