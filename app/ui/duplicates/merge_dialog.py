"""合并疑似重复档案: two files of one child side by side. The person picks the file that stays
(the other is merged into it and leaves the register) and, for each field where the files differ,
which value stays; the counts of visits, assessments, reports and payments show what comes along.
Merging is `app.data.duplicates.merge_children` (one transaction); nothing is written before the
person confirms that both files are the same child.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup, QCheckBox, QDialog, QDialogButtonBox, QFrame, QGridLayout, QHBoxLayout, QLabel, QRadioButton,
    QScrollArea, QVBoxLayout, QWidget,
)

from app.data import duplicates as data
from app.domain import duplicates as rules
from app.domain.errors import ValidationErrors
from app.ui.widgets import fmt_date
from app.ui.messages import user_text

A, B = 0, 1


class MergeDialog(QDialog):
    """Merge file `ids[0]` and file `ids[1]`; `merged` holds the outcome after a successful merge."""

    def __init__(self, ctx, ids: tuple[str, str], parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.ids = tuple(ids)
        self.merged: data.MergeOutcome | None = None
        self.setWindowTitle(self.tr("合并疑似重复档案"))
        self.labels = {
            "name": self.tr("姓名"), "id_number": self.tr("身份证号码"), "village_code": self.tr("所在村（社区）"),
            "status": self.tr("在册状态"), "ethnicity": self.tr("民族"), "hukou_place": self.tr("户籍地"),
            "hukou_type": self.tr("户口性质"), "address": self.tr("现住址"), "group_name": self.tr("村民小组"),
            "phone": self.tr("联系电话"), "school": self.tr("就读学校"), "school_stage": self.tr("就学阶段"),
            "grade": self.tr("年级"), "health": self.tr("健康状况"), "illness": self.tr("疾病情况"),
            "disability_type": self.tr("残疾类别"), "disability_grade": self.tr("残疾等级"),
            "disability_cert_no": self.tr("残疾证号"), "guardianship_state": self.tr("监护状况"),
            "photo": self.tr("照片"), "notes": self.tr("备注"),
        }
        self.files = ctx.store.read(lambda s: [data.file_summary(s, i) for i in self.ids])

        intro = QLabel(self.tr("这两份档案的身份证号码相同，可能是同一名儿童在两台电脑上分别登记。"
                               "请核对后选择保留哪份档案；另一份并入它，不再单独出现在名册中。"))
        intro.setWordWrap(True)

        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        head = [QLabel(self.tr("项目")), QLabel(self.tr("档案一")), QLabel(self.tr("档案二"))]
        for col, label in enumerate(head):
            label.setStyleSheet("font-weight:bold;")
            grid.addWidget(label, 0, col)

        # which file stays
        self.keep_group = QButtonGroup(self)
        self.keep_buttons = []
        grid.addWidget(self._bold(self.tr("保留的档案")), 1, 0)
        for col, _file in enumerate(self.files):
            button = QRadioButton(self.tr("保留此档案"))
            button.setObjectName(f"keep_{col}")
            self.keep_group.addButton(button, col)
            self.keep_buttons.append(button)
            grid.addWidget(button, 1, col + 1)
        self.keep_buttons[0].setChecked(True)
        self.keep_group.idToggled.connect(self._keep_changed)

        row = 2
        a, b = (f.values for f in self.files)
        differing = set(rules.differing_fields(a, b))
        self.choice_groups: dict[str, QButtonGroup] = {}
        self.touched: set[str] = set()
        identity = ("name", "id_number", "village_code", "status")
        info = [
            (self.tr("出生日期 / 性别"), lambda f: f"{fmt_date(f.values.get('birth_date'))}　{f.values.get('sex') or ''}"),
            (self.tr("父母及监护人"), lambda f: "、".join(f.guardians) or self.tr("（无）")),
            (self.tr("儿童类别"), lambda f: "、".join(f.categories) or self.tr("（无）")),
            (self.tr("走访 / 评估"), lambda f: self.tr("走访 {v} 次，评估 {a} 次").format(
                v=f.counts.get("visits", 0), a=f.counts.get("assessments", 0))),
            (self.tr("强制报告 / 发放"), lambda f: self.tr("强制报告 {r} 份，发放记录 {p} 条").format(
                r=f.counts.get("reports", 0), p=f.counts.get("payments", 0))),
        ]
        for name in identity:
            row = self._field_row(grid, row, name, name in differing)
        for label, show in info:
            grid.addWidget(QLabel(label), row, 0, Qt.AlignTop)
            for col, f in enumerate(self.files):
                grid.addWidget(self._text(show(f)), row, col + 1, Qt.AlignTop)
            row += 1
        rest = [n for n in rules.MERGE_FIELDS if n in differing and n not in identity]
        if rest:
            head = self._bold(self.tr("以下内容两份档案不同，请选择保留哪一个："))
            grid.addWidget(head, row, 0, 1, 3)
            row += 1
        for name in rest:
            row = self._field_row(grid, row, name, True)
        self._defaults()

        body = QWidget()
        body.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        scroll.setWidget(body)

        note = QLabel(self.tr("走访、评估、强制报告和发放记录一条不改，合并后都显示在保留的档案中；监护人、委托照护、"
                              "儿童类别、需求、个案等记录移入保留的档案，完全相同的只留一条。合并会同步到其他电脑。"))
        note.setWordWrap(True)
        note.setProperty("role", "hint")
        self.confirm = QCheckBox(self.tr("我已核对，这两份档案是同一名儿童"))
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color:#c5221f;")
        self.error.hide()
        self.buttons = QDialogButtonBox()
        self.merge_button = self.buttons.addButton(self.tr("合并为一份档案"), QDialogButtonBox.AcceptRole)
        self.buttons.addButton(self.tr("取消"), QDialogButtonBox.RejectRole)
        self.merge_button.setEnabled(False)
        self.confirm.toggled.connect(self.merge_button.setEnabled)
        self.buttons.accepted.connect(self.merge)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(note)
        layout.addWidget(self.error)
        bottom = QHBoxLayout()
        bottom.addWidget(self.confirm, 1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)
        self.resize(900, 560)

    # -- display ---------------------------------------------------------
    def _field_row(self, grid: QGridLayout, row: int, name: str, choose: bool) -> int:
        """One field: two radio buttons (the value that stays) where the files differ, else text."""
        grid.addWidget(QLabel(self.labels[name]), row, 0, Qt.AlignTop)
        if choose:
            group = QButtonGroup(self)
            for col, f in enumerate(self.files):
                button = QRadioButton(self._show(name, f))
                button.setObjectName(f"choice_{name}_{col}")
                group.addButton(button, col)
                grid.addWidget(button, row, col + 1, Qt.AlignTop)
            group.idClicked.connect(lambda _id, n=name: self.touched.add(n))
            self.choice_groups[name] = group
        else:
            for col, f in enumerate(self.files):
                grid.addWidget(self._text(self._show(name, f)), row, col + 1, Qt.AlignTop)
        return row + 1

    @staticmethod
    def _bold(text: str) -> QLabel:
        label = QLabel(text)
        label.setStyleSheet("font-weight:bold;")
        return label

    @staticmethod
    def _text(text: str) -> QLabel:
        label = QLabel()
        label.setTextFormat(Qt.PlainText)  # names and notes are text, never markup
        label.setWordWrap(True)
        label.setText(text)
        return label

    def _show(self, name: str, f: data.FileSummary) -> str:
        value = f.values.get(name)
        if name == "village_code":
            return f"{f.village_name}（{value}）" if f.village_name and f.village_name != value else str(value or "")
        if name == "status":
            when = fmt_date(f.values.get("status_date")) if f.values.get("status_date") else ""
            return f"{value}　{when}".strip()
        if name == "photo":
            return self.tr("有照片") if value else self.tr("无照片")
        if value is None or value == "":
            return self.tr("（空）")
        text = str(value)
        return text if len(text) <= 60 else text[:58] + "…"

    # -- choices ---------------------------------------------------------
    def keep_index(self) -> int:
        return max(self.keep_group.checkedId(), 0)

    def _keep_changed(self, _id: int, checked: bool) -> None:
        if checked:
            self._defaults()

    def _defaults(self) -> None:
        """Untouched fields follow the file that stays (its value, unless empty)."""
        keep = self.keep_index()
        kv, dv = self.files[keep].values, self.files[1 - keep].values
        for name, group in self.choice_groups.items():
            if name in self.touched:
                continue
            choice = rules.default_choice(name, kv.get(name), dv.get(name))
            group.button(keep if choice == rules.KEEP else 1 - keep).setChecked(True)

    def choices(self) -> dict[str, str]:
        keep = self.keep_index()
        return {name: rules.KEEP if group.checkedId() == keep else rules.DROP
                for name, group in self.choice_groups.items()}

    # -- merge -----------------------------------------------------------
    def merge(self) -> None:
        if not self.confirm.isChecked():
            return
        keep = self.keep_index()
        keep_id, drop_id = self.ids[keep], self.ids[1 - keep]
        try:
            self.merged = self.ctx.store.run(data.merge_children, keep_id, drop_id, self.choices(), user=self.ctx.store.user)
        except ValidationErrors as exc:
            messages = {k: user_text(m) for k, m in exc.by_field().items()}  # in the interface language
            self.error.setText("\n".join(f"{self.labels.get(k, '')}：{m}" if k in self.labels else m
                                         for k, m in messages.items()))
            self.error.show()
            return
        self.ctx.notify_saved(keep_id)
        self.accept()
