"""The 监护 tab of the child's file: guardianship warnings, the 事实无人抚养 test with its
6-month threshold, parents' circumstances and the entrusted carer at a glance, and the
assessment factors these facts suggest. Facts are edited on the 家庭与监护 / 委托照护 tabs."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.data import protection as svc
from app.ui.protection.common import Table
from app.ui.widgets import fmt_date


class GuardianshipTab(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.state = QLabel()
        self.state.setStyleSheet("font-weight:bold;")
        self.warnings = QLabel()
        self.warnings.setObjectName("guardianshipWarnings")
        self.warnings.setWordWrap(True)
        self.unsupported = QLabel()
        self.unsupported.setWordWrap(True)
        self.parents = Table([self.tr("关系"), self.tr("特殊情形"), self.tr("自何时"), self.tr("外出务工"),
                              self.tr("务工地"), self.tr("联系频次"), self.tr("最近联系")])
        self.carers = Table([self.tr("委托照护人"), self.tr("关系"), self.tr("年龄"), self.tr("照护能力"),
                             self.tr("协议"), self.tr("协议日期")])
        self.factors = QLabel()
        self.factors.setWordWrap(True)
        self.factors.setProperty("role", "hint")
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addWidget(self.warnings)
        layout.addWidget(self.unsupported)
        layout.addWidget(QLabel(self.tr("父母情况")))
        layout.addWidget(self.parents, 1)
        layout.addWidget(QLabel(self.tr("委托照护")))
        layout.addWidget(self.carers, 1)
        layout.addWidget(self.factors)

    def load(self, child_id: str) -> None:
        v = self.ctx.store.read(svc.guardianship, child_id)
        self.state.setText(self.tr("监护状况：{s}").format(s=v.child.guardianship_state or "—"))
        if v.warnings:
            items = "".join(f"<li><b>{w.text}</b>{('：' + w.detail) if w.detail else ''}</li>" for w in v.warnings)
            self.warnings.setText(f"<span style='color:#c5221f'>{self.tr('需要关注：')}</span><ul>{items}</ul>")
        else:
            self.warnings.setText(self.tr("没有监护方面的预警。"))
        t = v.unsupported
        text = {"符合": self.tr("父母情形符合事实无人抚养儿童条件（自 {d} 起）"),
                "未满6个月": self.tr("父母情形将于 {d} 满6个月，届时符合事实无人抚养儿童条件"),
                "待核实": self.tr("父母情形可能符合事实无人抚养儿童条件，请补填情形开始日期后核实"),
                }.get(t.status)
        self.unsupported.setText((text or "").format(d=fmt_date(t.qualifies_from)))
        self.unsupported.setVisible(bool(text))
        self.parents.fill([(x.relation, x.circumstance, x.circumstance_since, x.works_away, x.work_place,
                            x.contact_frequency, x.last_contact) for x in v.guardians])
        self.carers.fill([(c.carer_name, c.relation, c.carer_age or "", c.ability,
                           "已签订" if c.agreement_signed else "未签订", c.agreement_date) for c in v.carers])
        if v.answers:
            labels = {w: w for w in v.answers}
            try:
                from app.domain.policy import default_policy
                labels.update({f.key: f.label for f in default_policy().factors})
            except Exception:  # the visits policy could not be read; show the keys
                logging.getLogger(__name__).warning("visits policy could not be read", exc_info=True)
            self.factors.setText(self.tr("评估时将预先勾选：") + "；".join(labels[k] for k in v.answers))
        else:
            self.factors.setText("")
