"""强制报告 inbox of the county console, and the county's actions on a report.

`inbox` lists the reports of a unit, most urgent first: open reports overdue to 公安 (the
laptop's rule, `mandatory_reports.police_overdue`), then open ones by urgency and newest, then
closed ones. `acknowledge`, `assign` and `follow_up` write a `county_report_action` row as a
county change (`app.server.county_writes`), so the village laptop pulls it and shows it, read
only, in the child's file. Bad input raises ValidationError (Chinese) and writes nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.core.errors import NotFoundError
from app.data.ids import new_id
from app.data.models import Child
from app.data.models.county import ACK, ASSIGN, FOLLOW_UP, CountyReportAction
from app.data.models.protection import MandatoryReport, ReportFollowUp, ReportNotification
from app.domain import mandatory_reports as mr
from app.domain.errors import ValidationError
from app.domain.places import in_scope
from app.server.console.overview import local_now
from app.server.county_writes import county_changes
from app.server.db import PriorityAlert, ServerDB

URGENCY_RANK = {u: i for i, u in enumerate(mr.URGENCIES)}
NOTE_MAX = 2000
NAME_MAX = 64


@dataclass(frozen=True)
class Action:
    kind: str
    acted_at: dt.datetime
    officer: str
    assignee: str
    note: str


@dataclass
class InboxItem:
    id: str
    child_id: str
    child_name: str
    village_code: str
    situation: str
    urgency: str
    found_at: dt.datetime
    recorded_at: dt.datetime
    place: str
    found_by: str
    description: str
    notifications: list[tuple[str, dt.datetime, str]] = field(default_factory=list)  # (body, when, method)
    follow_ups: list[tuple[dt.date, str, str, bool]] = field(default_factory=list)  # (date, actor, action, closes)
    actions: list[Action] = field(default_factory=list)
    police_overdue: bool = False

    @property
    def police_notified(self) -> bool:
        return any(body == mr.POLICE for body, _, _ in self.notifications)

    @property
    def closed(self) -> bool:
        return any(closes for *_, closes in self.follow_ups)

    @property
    def acknowledged(self) -> Action | None:
        return next((a for a in self.actions if a.kind == ACK), None)

    @property
    def assignee(self) -> str:
        found = [a.assignee for a in self.actions if a.kind == ASSIGN]
        return found[-1] if found else ""

    @property
    def county_follow_ups(self) -> list[Action]:
        return [a for a in self.actions if a.kind == FOLLOW_UP]

    @property
    def state(self) -> str:
        if self.closed:
            return "已结束"
        if self.police_overdue:
            return "超时未向公安报告"
        if not self.police_notified:
            return "未向公安报告"
        return "跟进中"


def _load(s: Session, reports: list, now: dt.datetime, hours: dict) -> list[InboxItem]:
    ids = [r.id for r in reports]
    names = {}
    items = {r.id: InboxItem(r.id, r.child_id, "", "", r.situation, r.urgency, r.found_at, r.recorded_at, r.place,
                             r.found_by, r.description) for r in reports}
    for i in range(0, len(ids), 500):
        part = ids[i:i + 500]
        for rid, body, at, method in s.execute(select(
                ReportNotification.report_id, ReportNotification.body, ReportNotification.notified_at,
                ReportNotification.method).where(ReportNotification.report_id.in_(part),
                                                 ReportNotification.deleted.is_(False))
                .order_by(ReportNotification.notified_at)):
            items[rid].notifications.append((body, at, method))
        for rid, day, actor, action, closes in s.execute(select(
                ReportFollowUp.report_id, ReportFollowUp.on_date, ReportFollowUp.actor, ReportFollowUp.action,
                ReportFollowUp.closes).where(ReportFollowUp.report_id.in_(part), ReportFollowUp.deleted.is_(False))
                .order_by(ReportFollowUp.on_date, ReportFollowUp.hlc)):
            items[rid].follow_ups.append((day, actor, action, bool(closes)))
        for rid, kind, at, officer, assignee, note in s.execute(select(
                CountyReportAction.report_id, CountyReportAction.kind, CountyReportAction.acted_at,
                CountyReportAction.officer, CountyReportAction.assignee, CountyReportAction.note).where(
                CountyReportAction.report_id.in_(part), CountyReportAction.deleted.is_(False))
                .order_by(CountyReportAction.acted_at, CountyReportAction.hlc)):
            items[rid].actions.append(Action(kind, at, officer, assignee, note))
    child_ids = list({r.child_id for r in reports})
    for i in range(0, len(child_ids), 500):
        for cid, name, village in s.execute(select(Child.id, Child.name, Child.village_code).where(
                Child.id.in_(child_ids[i:i + 500]))):
            names[cid] = (name, village)
    for item in items.values():
        item.child_name, item.village_code = names.get(item.child_id, ("", ""))
        item.police_overdue = mr.police_overdue(item.recorded_at, item.urgency, item.police_notified, item.closed,
                                                now, hours)
    return [items[i] for i in ids]


def sort_key(item: InboxItem):
    return (item.closed, not item.police_overdue, item.acknowledged is not None,
            URGENCY_RANK.get(item.urgency, 9), -item.recorded_at.timestamp())


def inbox(s: Session, prefix: str, *, status: str = "open", village: str = "", now: dt.datetime | None = None,
          limit: int = 500) -> list[InboxItem]:
    """Reports of children under `prefix` (and `village` when given). status: open / unacknowledged / all."""
    now = now or local_now()
    hours = mr.alarm_hours()
    q = select(MandatoryReport).join(Child, Child.id == MandatoryReport.child_id).where(
        MandatoryReport.deleted.is_(False), Child.village_code.startswith(village or prefix))
    reports = list(s.scalars(q.order_by(MandatoryReport.recorded_at.desc())))
    items = _load(s, reports, now, hours)
    if status in ("open", "unacknowledged"):
        items = [i for i in items if not i.closed]
    if status == "unacknowledged":
        items = [i for i in items if i.acknowledged is None]
    items.sort(key=sort_key)
    return items[:limit]


def report(s: Session, prefix: str, report_id: str, now: dt.datetime | None = None) -> InboxItem:
    """One report of the unit; NotFoundError outside it."""
    row = s.get(MandatoryReport, report_id) if report_id else None
    if row is None or row.deleted:
        raise NotFoundError()
    items = _load(s, [row], now or local_now(), mr.alarm_hours())
    if not in_scope(items[0].village_code, prefix) and prefix:
        raise NotFoundError()
    return items[0]


def _clean(text: str | None, limit: int, field: str, label: str, required: bool) -> str:
    value = (text or "").replace("\x00", "").strip()
    if required and not value:
        raise ValidationError(field, f"请填写{label}")
    if len(value) > limit:
        raise ValidationError(field, f"{label}不能超过{limit}个字")
    return value


def _act(db: ServerDB, prefix: str, report_id: str, officer: str, kind: str, assignee: str = "", note: str = "") -> str:
    with db.sessions() as s:
        item = report(s, prefix, report_id)
    if kind == ACK and item.acknowledged is not None:
        raise ValidationError("report_id", "这份报告已经签收过了")
    action_id = new_id()
    data = dict(report_id=item.id, child_id=item.child_id, kind=kind, acted_at=local_now(),
                officer=(officer or "")[:NAME_MAX], assignee=assignee, note=note)
    with county_changes(db, actor=officer) as w:
        w.create(CountyReportAction.__tablename__, action_id, data, child_id=item.child_id, scope=item.village_code)
        if kind == ACK:
            w.s.execute(update(PriorityAlert).where(PriorityAlert.table_name == MandatoryReport.__tablename__,
                                                    PriorityAlert.row_id == item.id).values(acknowledged=True))
    return action_id


def acknowledge(db: ServerDB, prefix: str, report_id: str, officer: str, note: str = "") -> str:
    """签收: the county has received the report."""
    return _act(db, prefix, report_id, officer, ACK, note=_clean(note, NOTE_MAX, "note", "备注", False))


def assign(db: ServerDB, prefix: str, report_id: str, officer: str, assignee: str, note: str = "") -> str:
    """指派: who at the county or township follows the report up."""
    who = _clean(assignee, NAME_MAX, "assignee", "负责人", True)
    return _act(db, prefix, report_id, officer, ASSIGN, assignee=who, note=_clean(note, NOTE_MAX, "note", "说明", False))


def follow_up(db: ServerDB, prefix: str, report_id: str, officer: str, note: str) -> str:
    """处置记录: what the county did."""
    return _act(db, prefix, report_id, officer, FOLLOW_UP, note=_clean(note, NOTE_MAX, "note", "处置情况", True))
