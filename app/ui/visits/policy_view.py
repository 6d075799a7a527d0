"""工具 → 评估标准与走访频次: shows the assessment policy in force (colours, visit intervals, factors
by group and risk dimension, numeric thresholds, rules) and says plainly that the county sets its
own; the 30-day floor is the plan's 一月一访, the 红/黄 intervals are this software's defaults.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from app.domain.policy import FACTOR_NUMBER, PolicyError, default_policy


class PolicyDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("评估标准与走访频次"))
        self.resize(820, 640)
        self.view = QTextBrowser()
        self.view.setObjectName("policyView")
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.button(QDialogButtonBox.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(buttons)
        self.view.setHtml(self.html())

    def html(self) -> str:
        try:
            p = default_policy()
        except PolicyError as exc:
            return f"<p style='color:#c5221f'>{escape(str(exc))}</p>"
        tr = self.tr
        out = [f"<h3>{escape(p.name)}（{escape(p.version)}）</h3>",
               "<p><b>" + tr("各县自行规定各颜色的走访频次。") + "</b>"
               + tr("30天是“一月一访”的底线；红色、黄色的间隔是本软件的默认值，不是省里公布的标准，以县民政局规定为准。"
                    "县里的标准可通过同步下发。") + "</p>",
               f"<table border=1 cellspacing=0 cellpadding=4><tr><th>{tr('颜色')}</th><th>{tr('含义')}</th>"
               f"<th>{tr('走访间隔')}</th></tr>"]
        for c in p.colours:
            out.append(f"<tr><td>{c.name}</td><td>{escape(c.meaning)}</td><td>{tr('{d}天').format(d=c.interval_days)}</td></tr>")
        out.append("</table>")
        out.append(f"<h4>{tr('分色规则')}</h4><ul>")
        for r in p.rules:
            out.append(f"<li>{escape(r.note or '')} → {r.colour}</li>")
        out.append(f"<li>{tr('未发现风险因素')} → {p.default_colour}</li></ul>")
        for group, factors in p.factors_by_group().items():
            out.append(f"<h4>{escape(group)}</h4><ul>")
            for f in factors:
                if f.kind == FACTOR_NUMBER:
                    level = "；".join(f"{lv.describe(f.unit)}：{lv.severity}" for lv in f.levels)
                else:
                    level = f.severity
                out.append(f"<li>{escape(f.label)}（{escape(f.dimension)}，{escape(level)}）</li>")
            out.append("</ul>")
        return "".join(out)


def policy_action(window) -> QAction:
    action = QAction(QCoreApplication.translate("PolicyDialog", "评估标准与走访频次…"), window)
    action.setObjectName("policyAction")
    action.triggered.connect(lambda: PolicyDialog(window).exec())
    return action
