"""分级分色评估 on screen: the assessment dialog (factors grouped, suggested colour and why,
override with a mandatory reason) and the child's 评估 tab (current colour, next visit, the
colour history timeline).

The rule itself lives in app.domain.colour; this module only shows it and calls
app.data.visits.record_assessment to save.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QFrame, QGridLayout,
    QGroupBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton, QScrollArea,
    QSplitter, QVBoxLayout, QWidget,
)

from app.data import visits as data
from app.data import visit_views as views
from app.domain import colour as colour_rule
from app.domain import schedule
from app.domain.errors import ValidationError
from app.domain.policy import FACTOR_NUMBER, Policy
from app.ui.guard import GuardedDialog
from app.ui.visits.common import badge, load_policy_or_warn, meaning, pydate, qdate, set_badge
from app.ui.widgets import colour_icon, fmt_date
from app.ui.messages import listed, user_text

SEVERITY_HEX = {"高": "#d93025", "中": "#b06000", "低": "#1a73e8"}


class AssessmentDialog(GuardedDialog):
    """Assess one child: tick the factors found, see the suggested colour and why, save."""

    def __init__(self, ctx, child_id: str, parent=None, policy: Policy | None = None, source: str = "",
                 initial: dict | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.child_id = child_id
        self.source = source
        self.policy = policy or load_policy_or_warn(self)
        self.saved_id: str | None = None
        child, previous = views.assessment_start(ctx.store, child_id)
        name, current = child.name, child.colour
        self.setWindowTitle(self.tr("分级分色评估 — {n}").format(n=name))
        self.resize(1120, 700)
        self.inputs: dict[str, QWidget] = {}

        scroll = self._factors(previous)
        right = self._side(current)
        split = QSplitter()
        split.addWidget(scroll)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([600, 460])
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("勾选走访和了解中发现的风险因素，系统按评估标准给出建议颜色并说明依据；"
                              "如需选择其他颜色，必须写明理由。"))
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        layout.addWidget(hint)
        layout.addWidget(split, 1)
        self.implied: dict = {}
        self._prefill(initial, layout)
        self.update_suggestion()
        for b in self.buttons.buttons():
            b.setAutoDefault(False)
        self.mark_clean()

    # -- building ----------------------------------------------------------
    def _factors(self, previous: dict) -> QScrollArea:
        """Left: the factors grouped by 监护/安全/健康/教育/心理/生活, last assessment's answers filled in."""
        factors_box = QWidget()
        grid = QGridLayout(factors_box)
        grid.setContentsMargins(0, 0, 6, 0)
        grid.setHorizontalSpacing(8)
        groups = self.policy.factors_by_group() if self.policy else {}
        for i, (group, factors) in enumerate(groups.items()):
            box = QGroupBox(self.tr(group))
            box.setObjectName(f"group_{group}")
            col = QVBoxLayout(box)
            col.setSpacing(3)
            for f in factors:
                row = QHBoxLayout()
                if f.kind == FACTOR_NUMBER:
                    label = QLabel(self.tr(f.label))
                    label.setWordWrap(True)
                    spin = QDoubleSpinBox()
                    spin.setObjectName(f"factor_{f.key}")
                    spin.setRange(-1, 10_000_000)
                    spin.setDecimals(0)
                    spin.setSpecialValueText(self.tr("未填"))
                    spin.setValue(-1)
                    spin.setSuffix(" " + self.tr(f.unit))
                    spin.setMinimumWidth(96)
                    spin.setToolTip("；".join(f"{lv.describe(f.unit)} → {lv.severity}" for lv in f.levels))
                    spin.valueChanged.connect(self.update_suggestion)
                    row.addWidget(spin)  # first, like a check box: never pushed out of sight by a long label
                    row.addWidget(label, 1)
                    self.inputs[f.key] = spin
                    if f.key in previous:
                        spin.setValue(float(previous[f.key]))
                else:
                    box_ = QCheckBox(self.tr(f.label))
                    box_.setObjectName(f"factor_{f.key}")
                    box_.setToolTip(self.tr("严重程度：{s}；风险维度：{d}").format(s=self.tr(f.severity), d=self.tr(f.dimension)))
                    box_.toggled.connect(self.update_suggestion)
                    row.addWidget(box_, 1)
                    sev = QLabel(self.tr(f.severity))
                    sev.setStyleSheet(f"color:{SEVERITY_HEX.get(f.severity, '#555')};")
                    row.addWidget(sev)
                    self.inputs[f.key] = box_
                    if previous.get(f.key):
                        box_.setChecked(True)
                dim = QLabel(self.tr(f.dimension))
                dim.setStyleSheet("color:#5f6368;font-size:11px;")
                dim.setFixedWidth(60)
                row.addWidget(dim)
                col.addLayout(row)
            col.addStretch()
            grid.addWidget(box, i, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        scroll.setWidget(factors_box)
        return scroll

    def _side(self, current: str) -> QWidget:
        """Right: current and suggested colour, the reasons, the decision and the buttons."""
        right = QWidget()
        side = QVBoxLayout(right)
        side.setContentsMargins(6, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(QLabel(self.tr("当前颜色：")))
        self.current_badge = badge(current)
        head.addWidget(self.current_badge)
        head.addStretch()
        side.addLayout(head)
        sug = QHBoxLayout()
        title = QLabel(self.tr("建议颜色："))
        title.setStyleSheet("font-weight:bold;")
        sug.addWidget(title)
        self.suggested_badge = badge("")
        self.suggested_badge.setObjectName("suggestedColour")
        self.suggested_badge.setStyleSheet("font-size:16px;")
        sug.addWidget(self.suggested_badge)
        self.suggested_meaning = QLabel()
        sug.addWidget(self.suggested_meaning, 1)
        side.addLayout(sug)
        self.rule_label = QLabel()
        self.rule_label.setObjectName("ruleNote")
        self.rule_label.setWordWrap(True)
        side.addWidget(self.rule_label)
        side.addWidget(QLabel(self.tr("依据（发现的风险因素）：")))
        self.reasons = QListWidget()
        self.reasons.setObjectName("reasons")
        self.reasons.setWordWrap(True)
        self.reasons.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        side.addWidget(self.reasons, 2)
        self.dimensions = QLabel()
        self.dimensions.setObjectName("dimensionSummary")
        self.dimensions.setWordWrap(True)
        side.addWidget(self.dimensions)
        if self.policy:
            intervals = listed(self.tr("{c}{d}天").format(c=self.tr(c.name), d=c.interval_days) for c in self.policy.colours)
            note = QLabel(self.tr("走访间隔：{i}。30天为“一月一访”底线；红、黄的间隔是本软件默认值，"
                                  "以县民政局规定为准。").format(i=intervals))
            note.setObjectName("intervalNote")
            note.setWordWrap(True)
            note.setStyleSheet("color:#5f6368;font-size:11px;")
            side.addWidget(note)
        side.addLayout(self._decision())
        self._add_error_and_buttons(side)
        return right

    def _decision(self) -> QFormLayout:
        form = QFormLayout()
        self.date = QDateEdit(qdate(schedule.today_local()))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setMaximumDate(qdate(schedule.today_local()))
        form.addRow(self.tr("评估日期："), self.date)
        self.colour = QComboBox()
        self.colour.setObjectName("colourChoice")
        self.colour.addItem(self.tr("按建议"), "")
        for name in (self.policy.colour_names if self.policy else []):
            self.colour.addItem(colour_icon(name), f"{self.tr(name)}（{self.tr(meaning(name))}）", name)
        self.colour.currentIndexChanged.connect(self.update_suggestion)
        form.addRow(self.tr("确定颜色："), self.colour)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("overrideReason")
        self.reason.setPlaceholderText(self.tr("与建议颜色不同时必须填写理由"))
        self.reason.setFixedHeight(60)
        form.addRow(self.tr("改色理由："), self.reason)
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(44)
        form.addRow(self.tr("备注："), self.notes)

        return form

    def _add_error_and_buttons(self, side: QVBoxLayout) -> None:
        self.error = QLabel()
        self.error.setObjectName("assessmentError")
        self.error.setProperty("role", "error")
        self.error.setStyleSheet("color:#c5221f;")
        self.error.setWordWrap(True)
        self.error.hide()
        side.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Save).setText(self.tr("保存评估"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.Save)
        self.buttons = buttons
        side.addWidget(buttons)


    def _prefill(self, initial: dict | None, layout: QVBoxLayout) -> None:
        """Tick what the file already says about guardianship (issue 13), or the answers given."""
        if initial is None:
            self.implied = implied_factors(self.ctx.store, self.child_id)
            initial = self.implied
            if self.implied:
                names = listed(self.tr(f.label) for f in (self.policy.factors if self.policy else []) if f.key in self.implied)
                note = QLabel(self.tr("已按档案中的监护情况预先勾选：{f}（请核实）").format(f=names))
                note.setObjectName("impliedNote")
                note.setWordWrap(True)
                note.setStyleSheet("color:#b06000;")
                layout.insertWidget(1, note)
        for key, value in (initial or {}).items():
            if key in self.inputs:
                self.set_answer(key, value)

    # -- answers ---------------------------------------------------------
    def set_answer(self, key: str, value) -> None:
        w = self.inputs[key]
        if isinstance(w, QCheckBox):
            w.setChecked(bool(value))
        else:
            w.setValue(-1 if value in (None, "", False) else float(value))

    def answers(self) -> dict:
        out = {}
        for key, w in self.inputs.items():
            if isinstance(w, QCheckBox):
                if w.isChecked():
                    out[key] = True
            elif w.value() >= 0:
                out[key] = w.value()
        return out

    def chosen_colour(self) -> str:
        return self.colour.currentData() or ""

    def update_suggestion(self) -> None:
        if not hasattr(self, "save_button"):  # still building (previous answers being filled in)
            return
        if self.policy is None:
            self.save_button.setEnabled(False)
            return
        s = colour_rule.suggest(self.policy, self.answers())
        self.suggestion = s
        set_badge(self.suggested_badge, s.colour)
        self.suggested_meaning.setText(self.tr(meaning(s.colour)) if meaning(s.colour) else "")
        self.rule_label.setText(self.tr("规则：{r}").format(r=self.tr(s.rule_note)) if s.rule_note
                                else self.tr("未发现风险因素，建议为{c}色").format(c=self.tr(s.colour)))
        self.reasons.clear()
        for r in s.reasons:
            item = QListWidgetItem(f"【{self.tr(r.group)}·{self.tr(r.dimension)}】{self.reason_text(r)}")
            item.setForeground(Qt.black)
            item.setIcon(colour_icon({"高": "红", "中": "黄", "低": "蓝"}.get(r.severity, "")))
            self.reasons.addItem(item)
        parts = []
        for dim in self.policy.dimensions:
            found = [r for r in s.reasons if r.dimension == dim]
            parts.append(self.tr("{d}：{n}项").format(d=self.tr(dim), n=len(found)) if found
                         else self.tr("{d}：无").format(d=self.tr(dim)))
        self.dimensions.setText(self.tr("按风险维度：") + "　".join(parts))
        chosen = self.chosen_colour()
        differs = bool(chosen) and chosen != s.colour
        self.reason.setEnabled(differs or bool(self.reason.toPlainText().strip()))
        if differs:
            self.reason.setPlaceholderText(self.tr("建议为{s}色，改为{c}色：请写明理由（必填）").format(s=s.colour, c=chosen))
        self.error.hide()

    def reason_text(self, r) -> str:
        """A factor found, in the interface language: its label, value and severity."""
        if r.value is not None:
            return self.tr("{l}：{v}{u}（{s}）").format(l=self.tr(r.label), v=f"{r.value:g}", u=self.tr(r.unit) if r.unit else "",
                                                      s=self.tr(r.severity))
        return self.tr("{l}（{s}）").format(l=self.tr(r.label), s=self.tr(r.severity))

    # -- saving ----------------------------------------------------------
    def save(self) -> None:
        try:
            row = self.ctx.store.run(
                data.record_assessment, self.child_id, self.answers(), colour=self.chosen_colour() or None,
                override_reason=self.reason.toPlainText(), on=pydate(self.date.date()),
                source=self.source, notes=self.notes.toPlainText().strip(), policy=self.policy)
            self.saved_id = row.id
            self.saved_colour = row.colour
        except ValidationError as exc:
            self.error.setText(user_text(exc.message))
            self.error.show()
            if exc.field == "override_reason":
                self.reason.setEnabled(True)
                self.reason.setFocus()
            return
        self.ctx.show_status(self.tr("评估已保存：{c}色").format(c=self.saved_colour))
        self.ctx.notify_saved(self.child_id)
        self.accept()


def implied_factors(store, child_id: str) -> dict:
    """Guardianship factors the child's file records (app.data.protection), to pre-tick."""
    from app.data import protection

    return store.read(protection.implied_factors, child_id)


class AssessmentTab(QWidget):
    """评估 tab of the child's file: current colour, next visit, the colour history timeline."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.child_id: str | None = None
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("当前颜色：")))
        self.colour_badge = badge("")
        self.colour_badge.setObjectName("currentColour")
        top.addWidget(self.colour_badge)
        self.meaning = QLabel()
        top.addWidget(self.meaning)
        top.addSpacing(24)
        self.due = QLabel()
        self.due.setObjectName("nextDue")
        top.addWidget(self.due)
        top.addStretch()
        self.assess_button = QPushButton(self.tr("新的评估…"))
        self.assess_button.setObjectName("assessButton")
        self.assess_button.setProperty("role", "primary")
        self.assess_button.clicked.connect(self.assess)
        top.addWidget(self.assess_button)

        self.strip = ColourStrip()
        self.history = QListWidget()
        self.history.setObjectName("colourHistory")
        self.history.setWordWrap(True)
        self.history.setAlternatingRowColors(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        cap = QLabel(self.tr("颜色变化（按评估时间）："))
        layout.addWidget(cap)
        layout.addWidget(self.strip)
        layout.addWidget(QLabel(self.tr("历次评估（最新在上）：")))
        layout.addWidget(self.history, 1)

    def load(self, child_id: str) -> None:
        self.child_id = child_id
        today = schedule.today_local()
        child, lines = views.assessment_history(self.ctx.store, child_id)
        colour, due, last = child.colour, child.next_visit_due, child.last_visit_date
        rows = [(a.assessed_on, a.colour, a.suggested_colour, a.override_reason, a.assessor, a.reasons, a.source)
                for a in lines]
        set_badge(self.colour_badge, colour)
        self.meaning.setText(meaning(colour))
        if due is None:
            self.due.setText(self.tr("从未走访，尚无走访计划") if last is None else "")
        else:
            late = schedule.overdue_days(due, today)
            text = self.tr("下次走访：{d}").format(d=fmt_date(due))
            if late:
                text += self.tr("（已逾期 {n} 天）").format(n=late)
            self.due.setText(text)
            self.due.setStyleSheet("color:#c5221f;font-weight:bold;" if late else "")
        self.strip.set_history([(d, c) for d, c, *_ in rows])
        self.history.clear()
        for day, c, suggested, reason, assessor, reasons, source in reversed(rows):
            lines = [f"{fmt_date(day)}　{c}色　{self.tr('评估人')}：{assessor}"]
            if reasons:
                lines.append(self.tr("依据：") + "；".join(r["label"] + (f"（{r['value']:g}{r.get('unit', '')}）"
                                                                      if "value" in r else "") for r in reasons))
            else:
                lines.append(self.tr("依据：未发现风险因素"))
            if c != suggested:
                lines.append(self.tr("建议为{s}色，改为{c}色，理由：{r}").format(s=suggested, c=c, r=reason))
            if source == data.SOURCE_MANDATORY_REPORT:
                lines.append(self.tr("（由强制报告触发）"))
            item = QListWidgetItem(colour_icon(c, 16), "\n".join(lines))
            self.history.addItem(item)
        if not rows:
            self.history.addItem(self.tr("尚未评估。点“新的评估…”开始分级分色评估。"))

    def assess(self) -> None:
        if not self.child_id:
            return
        dlg = AssessmentDialog(self.ctx, self.child_id, self)
        if dlg.exec():
            self.load(self.child_id)


class ColourStrip(QWidget):
    """A horizontal timeline: one coloured segment per period a colour held."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("colourStrip")
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.setSpacing(2)
        self.setFixedHeight(34)

    def set_history(self, history: list[tuple[dt.date, str]]) -> None:
        while self.row.count():
            item = self.row.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        periods: list[tuple[dt.date, str]] = []
        for day, colour in history:
            if not periods or periods[-1][1] != colour:
                periods.append((day, colour))
        if not periods:
            self.row.addWidget(badge("", self.tr("尚无评估")))
            self.row.addStretch()
            return
        today = schedule.today_local()
        for i, (day, colour) in enumerate(periods):
            end = periods[i + 1][0] if i + 1 < len(periods) else today
            label = badge(colour, f"{colour}　{day:%Y-%m-%d}")
            label.setAlignment(Qt.AlignCenter)
            label.setToolTip(f"{colour}：{fmt_date(day)} — {fmt_date(end) if i + 1 < len(periods) else '至今'}")
            self.row.addWidget(label, max(1, (end - day).days))
