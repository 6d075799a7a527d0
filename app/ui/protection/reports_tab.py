"""The 强制报告 tab of the child's file: record a report at once (the child turns red), record to
which bodies it was reported, add follow-ups until it is closed. Nothing is ever edited away."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QMessageBox, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from app.core import clock
from app.data import protection as svc
from app.data.county_actions import county_actions
from app.domain import mandatory_reports as mr
from app.domain.errors import ValidationError
from app.ui.messages import value_text
from app.ui.protection.common import RED, FormDialog
from app.ui.widgets import Field


def _datetime(text: str, field: str, label: str) -> dt.datetime:
    text = (text or "").strip().replace("T", " ")
    for fmt in ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, fmt)
        except ValueError:
            continue
    raise ValidationError(field, f"{label}应写成 2026-11-02 14:30 的形式")


def tr(text: str) -> str:
    """ReportDialog's strings (a module helper named tr, so lupdate sees them)."""
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("ReportDialog", text)


class ReportDialog(FormDialog):
    """New mandatory report, with the first notification (usually 公安) if already made."""

    def __init__(self, ctx, child_id: str, parent=None):
        now = svc.local_now()
        fields = [
            Field("found_at", tr("发现时间"), placeholder="2026-11-02 14:30"),
            Field("place", tr("发现地点")),
            Field("found_by", tr("发现人")),
            Field("situation", tr("情形"), "choice", mr.SITUATIONS),
            Field("urgency", tr("紧急程度"), "choice", mr.URGENCIES),
            Field("description", tr("发现的情况"), "multiline"),
            Field("body", tr("已报告至"), "choice", ["（尚未报告）"] + mr.BODIES),
            Field("notified_at", tr("报告时间"), placeholder="2026-11-02 14:40"),
            Field("method", tr("报告方式"), "choice", mr.METHODS),
            Field("receiver", tr("接报人")),
            Field("reference_no", tr("接报编号")),
        ]
        self.ctx, self.child_id = ctx, child_id
        # A new report starts as 尚未报告 (issue 13): a notification is recorded only when it was made.
        super().__init__(tr("新建强制报告"), fields, self._save, {
            "found_at": now.strftime("%Y-%m-%d %H:%M"), "notified_at": "",
            "body": "（尚未报告）", "found_by": ctx.store.display_name}, parent, columns=2,
            intro=tr("发现儿童受到侵害、疑似受到侵害或面临其他危险时，应当立即向公安、民政、教育等部门报告。"
                           "保存后该儿童自动标为红色，报告在下次同步时优先上报县民政局。报告人身份予以保密。"))
        self.report_id = None

    def _save(self, v: dict) -> None:
        found_at = _datetime(v["found_at"], "found_at", "发现时间")
        notes = []
        if v["body"] in mr.BODIES:
            notes.append(dict(body=v["body"], notified_at=_datetime(v["notified_at"], "notified_at", "报告时间"),
                              method=v["method"], receiver=v["receiver"], reference_no=v["reference_no"]))
        report = self.ctx.store.run(svc.add_report, self.child_id, found_at=found_at, description=v["description"],
                                    situation=v["situation"], urgency=v["urgency"], place=v["place"],
                                    found_by=v["found_by"], notifications=notes)
        self.report_id = report.id
        self.ctx.notify_saved(self.child_id)


class ReportsTab(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.child_id = None
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("报告 / 报告记录 / 跟进"), self.tr("状态"), self.tr("时间"), self.tr("详情")])
        self.tree.setColumnWidth(0, 210)
        self.tree.setColumnWidth(1, 170)
        self.tree.setColumnWidth(2, 140)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        new = QPushButton(self.tr("新建强制报告"))
        new.setObjectName("newReport")
        new.setStyleSheet("font-weight:bold;color:#c5221f;")
        new.clicked.connect(self.new_report)
        self.notify_btn = QPushButton(self.tr("登记向有关部门报告"))
        self.notify_btn.clicked.connect(self.add_notification)
        self.follow_btn = QPushButton(self.tr("添加跟进"))
        self.follow_btn.clicked.connect(self.add_follow_up)
        buttons = QHBoxLayout()
        for b in (new, self.notify_btn, self.follow_btn):
            buttons.addWidget(b)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.hint)
        layout.addWidget(self.tree, 1)

    def load(self, child_id: str) -> None:
        self.child_id = child_id
        self.tree.clear()
        views = self.ctx.store.read(svc.reports_of, child_id)
        county = self.ctx.store.read(county_actions, [v.report.id for v in views])
        for v in views:
            r = v.report
            status = value_text(v.status)
            if not v.closed and not v.police_notified:
                status += self.tr("，未向公安报告")
            top = QTreeWidgetItem([
                self.tr("{situation}（{urgency}）").format(situation=value_text(r.situation),
                                                         urgency=value_text(r.urgency)),
                status, f"{r.found_at:%Y-%m-%d %H:%M}",
                self.tr("{description}　地点：{place}　发现人：{finder}").format(
                    description=r.description, place=r.place or "—", finder=r.found_by or "—")])
            top.setData(0, Qt.UserRole, r.id)
            top.setToolTip(3, r.description)
            if not v.closed and not v.police_notified:
                top.setForeground(0, RED)
                top.setForeground(1, RED)
            for n in v.notifications:
                top.addChild(QTreeWidgetItem([
                    self.tr("报告至 {b}").format(b=value_text(n.body)), "", f"{n.notified_at:%Y-%m-%d %H:%M}",
                    self.tr("{method}　接报人：{receiver}　编号：{number}").format(
                        method=value_text(n.method), receiver=n.receiver or "—", number=n.reference_no or "—")]))
            for f in v.follow_ups:
                label = self.tr("结束") if f.closes else self.tr("跟进")
                top.addChild(QTreeWidgetItem([
                    self.tr("{label}：{actor}").format(label=label, actor=f.actor or "—"), "", f"{f.on_date:%Y-%m-%d}",
                    f.action + (self.tr("　结果：{outcome}").format(outcome=f.outcome) if f.outcome else "")]))
            for a in county.get(r.id, []):
                top.addChild(self._county_item(a))
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
        self.hint.setText(
            self.tr("共 {n} 份报告。报告一经保存不能修改或删除；更正请新建报告并在情况中说明。").format(n=len(views))
            if views else self.tr("没有强制报告。"))

    def _county_item(self, a) -> QTreeWidgetItem:
        """A county action (synced from the county console): shown, never edited here."""
        labels = {"签收": self.tr("县民政局已签收"), "指派": self.tr("县民政局指派"), "处置": self.tr("县级处置")}
        detail = a.note
        if a.kind == "指派":
            detail = self.tr("指派给 {who}").format(who=a.assignee or "—") + (f"：{a.note}" if a.note else "")
        item = QTreeWidgetItem([labels.get(a.kind, a.kind), self.tr("经办：{who}").format(who=a.officer or "—"),
                                f"{a.acted_at:%Y-%m-%d %H:%M}", detail])
        item.setToolTip(3, detail)
        return item

    def _selected_report(self) -> str | None:
        item = self.tree.currentItem()
        while item is not None and item.parent() is not None:
            item = item.parent()
        if item is None and self.tree.topLevelItemCount():
            item = self.tree.topLevelItem(0)
        return item.data(0, Qt.UserRole) if item is not None else None

    def new_report(self) -> None:
        if self.child_id and ReportDialog(self.ctx, self.child_id, self).exec():
            self.load(self.child_id)

    def add_notification(self) -> None:
        report_id = self._selected_report()
        if report_id is None:
            QMessageBox.information(self, self.tr("强制报告"), self.tr("请先选择一份报告"))
            return
        now = svc.local_now().strftime("%Y-%m-%d %H:%M")

        def save(v):
            self.ctx.store.run(svc.add_notification, report_id, body=v["body"],
                               notified_at=_datetime(v["notified_at"], "notified_at", "报告时间"),
                               method=v["method"], receiver=v["receiver"], reference_no=v["reference_no"])
            self.ctx.notify_saved(self.child_id)

        fields = [Field("body", self.tr("报告至"), "choice", mr.BODIES), Field("notified_at", self.tr("报告时间")),
                  Field("method", self.tr("报告方式"), "choice", mr.METHODS), Field("receiver", self.tr("接报人")),
                  Field("reference_no", self.tr("接报编号"))]
        if FormDialog(self.tr("登记报告记录"), fields, save, {"notified_at": now}, self).exec():
            self.load(self.child_id)

    def add_follow_up(self) -> None:
        report_id = self._selected_report()
        if report_id is None:
            QMessageBox.information(self, self.tr("强制报告"), self.tr("请先选择一份报告"))
            return

        def save(v):
            self.ctx.store.run(svc.add_follow_up, report_id, on_date=v["on_date"] or clock.today(), actor=v["actor"],
                               action=v["action"], outcome=v["outcome"], closes=v["closes"])
            self.ctx.notify_saved(self.child_id)

        fields = [Field("on_date", self.tr("日期"), "date"),
                  Field("actor", self.tr("采取行动的单位/人员"), "edit_choice",
                        ["公安", "民政", "教育", "社工", "村委会", "妇联", "检察"]),
                  Field("action", self.tr("采取的行动"), "multiline"), Field("outcome", self.tr("结果"), "multiline"),
                  Field("closes", self.tr("处理完毕，结束此报告"), "bool")]
        if FormDialog(self.tr("添加跟进"), fields, save, {"on_date": clock.today()}, self).exec():
            self.load(self.child_id)
