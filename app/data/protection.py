"""Services for mandatory reports (强制报告), guardianship warnings and disability services.

Every function takes a session from `store.session()` (one transaction with change capture) or,
for the queries, `store.read_session()`. Bad input raises ValidationError(s) and changes nothing.

Recording a report turns the child red at once through the visits feature's
`record_assessment(..., colour="红", source="mandatory_report")`, in the same transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
import logging
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core import clock
from app.data.models import CareArrangement, Child, ChildCategory, Guardian
from app.data.models.protection import (
    DisabilityService, MandatoryReport, ReportFollowUp, ReportNotification, ReturnToSchoolTask,
)
from app.data.rows import change_actor, live_child
from app.domain import guardianship as g
from app.domain import mandatory_reports as mr
from app.domain.errors import ValidationError
from app.domain.vocab import CATEGORY_UNSUPPORTED, STATUS_ACTIVE

DISABILITY_SERVICE_KINDS = ["康复训练", "康复医疗", "辅具适配"]
DISABILITY_SERVICE_STATES = ["已转介", "评估中", "服务中", "已完成", "未通过", "已放弃"]


def local_now() -> dt.datetime:
    """Wall-clock time on this laptop (reports are dated as the director sees the clock)."""
    return clock.local_now().replace(microsecond=0)


# -- 强制报告 --------------------------------------------------------------

def turn_red(session: Session, child_id: str, reason: str, on: dt.date) -> None:
    """Make the child 红 with the report as reason (visits feature owns colour and schedule)."""
    from app.data import visits

    visits.record_assessment(session, child_id, {}, colour="红", override_reason=reason,
                             on=on, source=getattr(visits, "SOURCE_MANDATORY_REPORT", "mandatory_report"))


def add_report(session: Session, child_id: str, *, found_at: dt.datetime, description: str,
               situation: str = "疑似受到侵害", urgency: str = "紧急", place: str = "", found_by: str = "",
               notifications: Sequence[dict] = (), now: dt.datetime | None = None,
               amends_id: str | None = None) -> MandatoryReport:
    """Record a mandatory report (and any notifications already made); the child turns red."""
    now = now or local_now()
    child = live_child(session, child_id)
    mr.validate_report(found_at=found_at, description=description, urgency=urgency, situation=situation, now=now)
    report = MandatoryReport(
        child_id=child.id, found_at=found_at, place=place.strip(), found_by=found_by.strip(),
        situation=situation, description=description.strip(), urgency=urgency, recorded_at=now,
        recorded_by=change_actor(session), amends_id=amends_id,
    )
    session.add(report)
    session.flush()
    for n in notifications:
        add_notification(session, report.id, now=now, **n)
    turn_red(session, child.id, f"强制报告：{situation}，{description.strip()[:60]}", found_at.date())
    return report


def _report(session: Session, report_id: str) -> MandatoryReport:
    report = session.get(MandatoryReport, report_id)
    if report is None or report.deleted:
        raise ValidationError("report_id", f"找不到该强制报告：{report_id}")
    return report


def add_notification(session: Session, report_id: str, *, body: str, notified_at: dt.datetime,
                     method: str = "电话", receiver: str = "", reference_no: str = "",
                     now: dt.datetime | None = None) -> ReportNotification:
    report = _report(session, report_id)
    mr.validate_notification(body=body, notified_at=notified_at, method=method, found_at=report.found_at,
                             now=now or local_now())
    row = ReportNotification(report_id=report.id, child_id=report.child_id, body=body, notified_at=notified_at,
                             method=method, receiver=receiver.strip(), reference_no=reference_no.strip())
    session.add(row)
    session.flush()
    return row


def add_follow_up(session: Session, report_id: str, *, on_date: dt.date, action: str, actor: str = "",
                  outcome: str = "", closes: bool = False) -> ReportFollowUp:
    report = _report(session, report_id)
    if report_closed(session, report.id):
        raise ValidationError("report_id", "该报告已结束，不能再添加跟进；如有新情况请新建报告")
    if not (action or "").strip():
        raise ValidationError("action", "请填写采取的行动")
    if closes and not (outcome or "").strip():
        raise ValidationError("outcome", "结束报告前请填写处理结果")
    row = ReportFollowUp(report_id=report.id, child_id=report.child_id, on_date=on_date, actor=actor.strip(),
                         action=action.strip(), outcome=outcome.strip(), closes=closes, recorded_by=change_actor(session))
    session.add(row)
    session.flush()
    return row


def report_closed(session: Session, report_id: str) -> bool:
    return session.scalar(select(ReportFollowUp.id).where(
        ReportFollowUp.report_id == report_id, ReportFollowUp.closes.is_(True),
        ReportFollowUp.deleted.is_(False)).limit(1)) is not None


@dataclass
class ReportView:
    report: MandatoryReport
    child_name: str
    notifications: list
    follow_ups: list

    @property
    def police_notified(self) -> bool:
        return any(n.body == mr.POLICE for n in self.notifications)

    @property
    def closed(self) -> bool:
        return any(f.closes for f in self.follow_ups)

    @property
    def status(self) -> str:
        return "已结束" if self.closed else "跟进中"


def _views(session: Session, reports: list[MandatoryReport]) -> list[ReportView]:
    ids = [r.id for r in reports]
    if not ids:
        return []
    notes: dict[str, list] = {}
    for n in session.scalars(select(ReportNotification).where(ReportNotification.report_id.in_(ids),
                                                              ReportNotification.deleted.is_(False))
                             .order_by(ReportNotification.notified_at)):
        notes.setdefault(n.report_id, []).append(n)
    fus: dict[str, list] = {}
    for f in session.scalars(select(ReportFollowUp).where(ReportFollowUp.report_id.in_(ids),
                                                          ReportFollowUp.deleted.is_(False))
                             .order_by(ReportFollowUp.on_date, ReportFollowUp.hlc)):
        fus.setdefault(f.report_id, []).append(f)
    names = {cid: name for cid, name in session.execute(
        select(Child.id, Child.name).where(Child.id.in_({r.child_id for r in reports})))}
    return [ReportView(r, names.get(r.child_id, ""), notes.get(r.id, []), fus.get(r.id, [])) for r in reports]


def reports_of(session: Session, child_id: str) -> list[ReportView]:
    from app.data.merged import file_ids  # with the files merged into this one

    rows = list(session.scalars(select(MandatoryReport).where(
        MandatoryReport.child_id.in_(file_ids(session, child_id)), MandatoryReport.deleted.is_(False))
        .order_by(MandatoryReport.recorded_at.desc())))
    return _views(session, rows)


@dataclass
class ReportAlarm:
    view: ReportView
    overdue: bool  # no 公安 notification after the alarm time

    @property
    def text(self) -> str:
        if self.overdue:
            return "超时未向公安报告"
        return "未向公安报告" if not self.view.police_notified else "跟进中"


def report_alarms(session: Session, now: dt.datetime | None = None, hours: dict | None = None) -> list[ReportAlarm]:
    """Every open report: overdue ones (no 公安 notification after the alarm time) first."""
    now = now or local_now()
    hours = hours or mr.alarm_hours()
    rows = list(session.scalars(select(MandatoryReport).join(Child, Child.id == MandatoryReport.child_id).where(
        MandatoryReport.deleted.is_(False), Child.deleted.is_(False)).order_by(MandatoryReport.recorded_at)))
    out = []
    for v in _views(session, rows):
        if v.closed:
            continue
        overdue = mr.police_overdue(v.report.recorded_at, v.report.urgency, v.police_notified, v.closed, now, hours)
        out.append(ReportAlarm(v, overdue))
    out.sort(key=lambda a: (not a.overdue, a.view.report.recorded_at))
    return out


# -- 监护 ------------------------------------------------------------------

def parent_facts(guardians: list[Guardian]) -> list[g.ParentFacts]:
    return [g.ParentFacts(relation=x.relation, is_guardian=x.is_guardian, works_away=x.works_away,
                          circumstance=x.circumstance or "无", circumstance_since=x.circumstance_since,
                          last_contact=x.last_contact, contact_frequency=x.contact_frequency, health=x.health)
            for x in guardians if not x.deleted]


def carer_facts(arrangements: list[CareArrangement]) -> list[g.CarerFacts]:
    return [g.CarerFacts(name=a.carer_name, age=a.carer_age, ability=a.ability,
                         agreement_signed=a.agreement_signed, agreement_date=a.agreement_date)
            for a in arrangements if not a.deleted]


@dataclass
class GuardianshipView:
    child: Child
    guardians: list
    carers: list
    warnings: list
    unsupported: g.UnsupportedTest
    answers: dict


def guardianship(session: Session, child_id: str, today: dt.date | None = None,
                 factor_keys=None) -> GuardianshipView:
    """Guardianship facts, warnings, the 事实无人抚养 test and the assessment factors they suggest."""
    today = today or clock.today()
    child = live_child(session, child_id)
    guardians = list(session.scalars(select(Guardian).where(Guardian.child_id == child_id, Guardian.deleted.is_(False))))
    carers = list(session.scalars(select(CareArrangement).where(CareArrangement.child_id == child_id,
                                                                CareArrangement.deleted.is_(False))))
    cats = session.scalars(select(ChildCategory.category).where(
        ChildCategory.child_id == child_id, ChildCategory.deleted.is_(False), ChildCategory.ended.is_(None))).all()
    pf, cf = parent_facts(guardians), carer_facts(carers)
    warns = g.warnings(pf, cf, today, child.guardianship_state, CATEGORY_UNSUPPORTED in cats)
    dropout = session.scalar(select(ReturnToSchoolTask.id).where(
        ReturnToSchoolTask.child_id == child_id, ReturnToSchoolTask.closed_on.is_(None),
        ReturnToSchoolTask.deleted.is_(False)).limit(1)) is not None
    if factor_keys is None:
        factor_keys = _policy_factor_keys()
    answers = g.assessment_answers(pf, cf, today, factor_keys, child.guardianship_state, dropout)
    return GuardianshipView(child, guardians, carers, warns, g.unsupported_test(pf, today), answers)


def _policy_factor_keys():
    try:
        from app.domain.policy import default_policy
        policy = default_policy()
    except Exception:  # the visits policy is absent or broken: offer every key we know
        logging.getLogger(__name__).warning("visits policy could not be read", exc_info=True)
        return None
    factors = getattr(policy, "factors", None)
    if isinstance(factors, dict):
        return list(factors)
    if factors is not None:
        return [getattr(f, "key", f) for f in factors]
    return None


def assessment_prefill(session: Session, child_id: str, today: dt.date | None = None) -> dict[str, bool]:
    """Factor keys (visits' assessment policy) to pre-tick for this child from guardianship facts."""
    return guardianship(session, child_id, today).answers


def implied_factors(session: Session, child_id: str, today: dt.date | None = None) -> dict[str, bool]:
    """The factors the assessment dialog pre-ticks: only what the file positively records, so a
    file with neither a guardian nor a carer on it implies nothing (missing is not "no carer")."""
    view = guardianship(session, child_id, today)
    return dict(view.answers) if (view.guardians or view.carers) else {}


def guardianship_warnings_all(session: Session, today: dt.date | None = None) -> list[tuple[Child, list]]:
    """Active children with at least one guardianship warning (for a list or a report)."""
    today = today or clock.today()
    children = list(session.scalars(select(Child).where(Child.deleted.is_(False), Child.status == STATUS_ACTIVE)))
    gs: dict[str, list] = {}
    for x in session.scalars(select(Guardian).where(Guardian.deleted.is_(False))):
        gs.setdefault(x.child_id, []).append(x)
    cs: dict[str, list] = {}
    for care in session.scalars(select(CareArrangement).where(CareArrangement.deleted.is_(False))):
        cs.setdefault(care.child_id, []).append(care)
    unsupported = set(session.scalars(select(ChildCategory.child_id).where(
        ChildCategory.category == CATEGORY_UNSUPPORTED, ChildCategory.deleted.is_(False), ChildCategory.ended.is_(None))))
    out = []
    for c in children:
        w = g.warnings(parent_facts(gs.get(c.id, [])), carer_facts(cs.get(c.id, [])), today,
                       c.guardianship_state, c.id in unsupported)
        if w:
            out.append((c, w))
    return out


# -- 康复 ------------------------------------------------------------------

def add_disability_service(session: Session, child_id: str, *, kind: str, referred_on: dt.date,
                           provider: str = "", notes: str = "") -> DisabilityService:
    child = live_child(session, child_id)
    if kind not in DISABILITY_SERVICE_KINDS:
        raise ValidationError("kind", f"服务类型应为：{'、'.join(DISABILITY_SERVICE_KINDS)}")
    row = DisabilityService(child_id=child.id, kind=kind, referred_on=referred_on, provider=provider.strip(),
                            state="已转介", state_date=referred_on, notes=notes.strip())
    session.add(row)
    session.flush()
    return row


def set_disability_service_state(session: Session, service_id: str, state: str, on: dt.date,
                                 notes: str = "") -> DisabilityService:
    row = session.get(DisabilityService, service_id)
    if row is None or row.deleted:
        raise ValidationError("service_id", "找不到该康复服务记录")
    if state not in DISABILITY_SERVICE_STATES:
        raise ValidationError("state", f"状态应为：{'、'.join(DISABILITY_SERVICE_STATES)}")
    if on < row.referred_on:
        raise ValidationError("state_date", "状态日期不能早于转介日期")
    row.state, row.state_date = state, on
    if notes:
        row.notes = (row.notes + "\n" if row.notes else "") + f"{on.isoformat()} {state}：{notes.strip()}"
    return row


def disability_services(session: Session, child_id: str) -> list[DisabilityService]:
    return list(session.scalars(select(DisabilityService).where(
        DisabilityService.child_id == child_id, DisabilityService.deleted.is_(False))
        .order_by(DisabilityService.referred_on.desc())))
