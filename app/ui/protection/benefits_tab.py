"""The 保障 tab of the child's file: entitlements with their monthly standard, payments
(append-only), insurance with its policy period, disability services (康复), and what the child
looks eligible for but does not receive."""

from __future__ import annotations

import html

from PySide6.QtWidgets import (
    QGridLayout, QHBoxLayout, QLabel, QMessageBox, QPushButton, QSizePolicy, QVBoxLayout, QWidget,
)

from app.core import clock
from app.data import benefits as svc
from app.data import protection as psvc
from app.domain import benefits as rules
from app.domain.errors import ValidationError
from app.ui.protection.common import AMBER, FormDialog, Table
from app.ui.widgets import Field
from app.ui.messages import user_text, value_text


def _int(text, field: str, label: str) -> int | None:
    text = (str(text) if text is not None else "").strip()
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        raise ValidationError(field, f"{label}应为整数（元）") from None


class BenefitsTab(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.child_id = None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.entitlements = Table([self.tr("保障类别"), self.tr("每月(元)"), self.tr("开始"), self.tr("终止"),
                                   self.tr("终止原因"), self.tr("批准文号")])
        self.payments = Table([self.tr("月份"), self.tr("金额(元)"), self.tr("发放日期"), self.tr("备注")])
        self.insurance = Table([self.tr("保险"), self.tr("保险公司"), self.tr("保单号"), self.tr("生效"), self.tr("期满")])
        self.services = Table([self.tr("康复服务"), self.tr("机构"), self.tr("转介日期"), self.tr("状态"), self.tr("状态日期")])
        grid = QGridLayout()
        blocks = [
            (self.tr("保障待遇"), self.entitlements, [(self.tr("新增保障"), self.add_entitlement),
                                                   (self.tr("登记发放"), self.add_payment), (self.tr("终止保障"), self.end)]),
            (self.tr("发放记录"), self.payments, []),
            (self.tr("保险"), self.insurance, [(self.tr("登记保险"), self.add_insurance)]),
            (self.tr("残疾儿童康复服务"), self.services, [(self.tr("新增转介"), self.add_service),
                                                       (self.tr("更新状态"), self.service_state)]),
        ]
        for i, (title, table, actions) in enumerate(blocks):
            box = QVBoxLayout()
            head = QHBoxLayout()
            label = QLabel(title)
            label.setStyleSheet("font-weight:bold;")
            label.setToolTip(title)
            label.setMinimumWidth(40)  # the title gives way, the buttons never do (English is wider)
            label.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
            head.addWidget(label, 1)
            for text, slot in actions:
                b = QPushButton(text)
                b.setMinimumWidth(b.sizeHint().width())
                b.clicked.connect(slot)
                head.addWidget(b)
            box.addLayout(head)
            box.addWidget(table)
            grid.addLayout(box, i // 2, i % 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(grid, 1)

    def load(self, child_id: str) -> None:
        self.child_id = child_id
        today = clock.today()
        ents, pays, ins, services, unpaid, ending = self.ctx.store.read(lambda s: (
            svc.entitlements_of(s, child_id), svc.payments_of(s, child_id), svc.insurance_of(s, child_id),
            psvc.disability_services(s, child_id), svc.looks_eligible_unpaid(s, today, child_id=child_id),
            svc.entitlements_to_end(s, today, child_id=child_id)))
        self.entitlements.fill([(value_text(e.kind), e.monthly_amount, e.start_date, e.end_date, e.end_reason, e.approval_no)
                                for e in ents],
                               [e.id for e in ents])
        kinds = {e.id: e.kind for e in ents}
        self.payments.fill([(p.month, p.amount, p.paid_on, (p.note or kinds.get(p.entitlement_id, ""))) for p in pays])
        self.insurance.fill([(value_text(i.kind), i.insurer, i.policy_no, i.start_date, i.end_date) for i in ins],
                            colours=[AMBER if i.end_date < today else None for i in ins])
        self.services.fill([(value_text(x.kind), x.provider, x.referred_on, value_text(x.state), x.state_date) for x in services],
                           [x.id for x in services])
        notes = []
        for u in unpaid:
            reason = self.tr("应保未保：{r}").format(r=html.escape(user_text(u.reason)))
            notes.append("<span style='color:#b06000'>" + reason + "</span>")
        for t in ending:
            notes.append("<span style='color:#c5221f'>" + self.tr("{k}应于 {d} 终止（{r}）").format(
                k=value_text(t.entitlement.kind), d=f"{t.end_date:%Y-%m-%d}", r=html.escape(t.reason)) + "</span>")
        self.summary.setText("<br>".join(notes) if notes else self.tr("保障情况正常。"))

    def _saved(self) -> None:
        self.ctx.notify_saved(self.child_id)
        self.load(self.child_id)

    def add_entitlement(self) -> None:
        def save(v):
            self.ctx.store.run(svc.add_entitlement, self.child_id, kind=v["kind"],
                               start_date=v["start_date"] or clock.today(),
                               monthly_amount=_int(v["monthly_amount"], "monthly_amount", "每月金额"),
                               approval_no=v["approval_no"], bank_account=v["bank_account"])
        fields = [Field("kind", self.tr("保障类别"), "choice", rules.KINDS), Field("start_date", self.tr("开始日期"), "date"),
                  Field("monthly_amount", self.tr("每月金额(元)"), placeholder=self.tr("留空按政策标准")),
                  Field("approval_no", self.tr("批准文号")), Field("bank_account", self.tr("发放账户"))]
        if FormDialog(self.tr("新增保障"), fields, save, {"start_date": clock.today()}, self).exec():
            self._saved()

    def add_payment(self) -> None:
        ent_id = self.entitlements.current_key() or (self.entitlements.keys[0] if self.entitlements.keys else None)
        if ent_id is None:
            QMessageBox.information(self, self.tr("登记发放"), self.tr("请先新增保障"))
            return

        def save(v):
            self.ctx.store.run(svc.record_payment, ent_id, month=v["month"], paid_on=v["paid_on"] or clock.today(),
                               amount=_int(v["amount"], "amount", "金额"), note=v["note"])
        today = clock.today()
        fields = [Field("month", self.tr("月份"), placeholder="2026-11"), Field("amount", self.tr("金额(元)"),
                                                                              placeholder=self.tr("留空按当月标准")),
                  Field("paid_on", self.tr("发放日期"), "date"), Field("note", self.tr("备注"))]
        if FormDialog(self.tr("登记发放"), fields, save, {"month": rules.month_key(today), "paid_on": today}, self).exec():
            self._saved()

    def end(self) -> None:
        ent_id = self.entitlements.current_key()
        if ent_id is None:
            QMessageBox.information(self, self.tr("终止保障"), self.tr("请先在表中选择要终止的保障"))
            return

        def save(v):
            self.ctx.store.run(svc.end_entitlement, ent_id, v["end_date"] or clock.today(), v["end_reason"])
        fields = [Field("end_date", self.tr("终止日期"), "date"), Field("end_reason", self.tr("终止原因"), "edit_choice",
                                                                      ["年满18周岁", "类别终止", "死亡", "迁出", "其他"])]
        if FormDialog(self.tr("终止保障"), fields, save, {"end_date": clock.today()}, self).exec():
            self._saved()

    def add_insurance(self) -> None:
        def save(v):
            if v["start_date"] is None or v["end_date"] is None:
                raise ValidationError("end_date", "请填写保险的生效和期满日期")
            self.ctx.store.run(svc.add_insurance, self.child_id, kind=v["kind"], start_date=v["start_date"],
                               end_date=v["end_date"], insurer=v["insurer"], policy_no=v["policy_no"], paid_by=v["paid_by"])
        fields = [Field("kind", self.tr("保险"), "choice", rules.INSURANCE_KINDS), Field("insurer", self.tr("保险公司")),
                  Field("policy_no", self.tr("保单号")), Field("start_date", self.tr("生效日期"), "date"),
                  Field("end_date", self.tr("期满日期"), "date"), Field("paid_by", self.tr("出资方"), placeholder="民政局")]
        if FormDialog(self.tr("登记保险"), fields, save, None, self).exec():
            self._saved()

    def add_service(self) -> None:
        def save(v):
            self.ctx.store.run(psvc.add_disability_service, self.child_id, kind=v["kind"],
                               referred_on=v["referred_on"] or clock.today(), provider=v["provider"], notes=v["notes"])
        fields = [Field("kind", self.tr("服务"), "choice", psvc.DISABILITY_SERVICE_KINDS),
                  Field("provider", self.tr("康复机构")), Field("referred_on", self.tr("转介日期"), "date"),
                  Field("notes", self.tr("说明"), "multiline")]
        if FormDialog(self.tr("新增康复服务转介"), fields, save, {"referred_on": clock.today()}, self).exec():
            self._saved()

    def service_state(self) -> None:
        sid = self.services.current_key()
        if sid is None:
            QMessageBox.information(self, self.tr("更新状态"), self.tr("请先在表中选择一项康复服务"))
            return

        def save(v):
            self.ctx.store.run(psvc.set_disability_service_state, sid, v["state"], v["state_date"] or clock.today(),
                               v["notes"])
        fields = [Field("state", self.tr("状态"), "choice", psvc.DISABILITY_SERVICE_STATES),
                  Field("state_date", self.tr("日期"), "date"), Field("notes", self.tr("说明"))]
        if FormDialog(self.tr("更新康复服务状态"), fields, save, {"state_date": clock.today()}, self).exec():
            self._saved()
