"""Mandatory reports over a real store: the child turns red, the report appears in the alarms,
notifications and follow-ups are append-only, rows sync with priority and show in the audit trail."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from app.data import protection as svc
from app.data.capture import AppendOnlyError
from app.data.models import AuditEntry, Child, OutboxChange
from app.data.models.protection import MandatoryReport
from app.domain.errors import ValidationError, ValidationErrors
from tests.conftest import FROZEN_AT
from tests.protection_fixtures import add_carer, add_child, add_parent

NOW = FROZEN_AT  # the app's clock is frozen here for every test of this module


@pytest.fixture(autouse=True)
def _frozen(frozen_clock):
    return frozen_clock


def _report(store, **kw):
    with store.session() as s:
        child = add_child(s, "王小雨", dt.date(2015, 4, 3), sex="女")
        args = dict(found_at=NOW - dt.timedelta(hours=1), description="手臂多处淤青，孩子说是继父打的",
                    situation="疑似受到侵害", urgency="紧急", place="村委会", found_by="林主任", now=NOW)
        args.update(kw)
        report = svc.add_report(s, child.id, **args)
        return child.id, report.id


def test_mandatory_report_turns_child_red_and_appears_in_alarms(store):
    child_id, report_id = _report(store)
    with store.read_session() as s:
        child = s.get(Child, child_id)
        assert child.colour == "红"
        assert child.next_visit_due is not None and child.next_visit_due <= NOW.date() + dt.timedelta(days=7)
        from app.data import visits
        last = visits.assessments(s, child_id)[-1]
        assert last.colour == "红" and last.source == "mandatory_report" and "强制报告" in last.override_reason
        # 3 hours after recording, no 公安 notification: an overdue alarm (紧急: 2 h)
        alarms = svc.report_alarms(s, now=NOW + dt.timedelta(hours=3))
        assert [a.view.report.id for a in alarms] == [report_id]
        assert alarms[0].overdue and alarms[0].text == "超时未向公安报告"
        # within the alarm time it is listed, but not overdue
        assert not svc.report_alarms(s, now=NOW + dt.timedelta(minutes=30))[0].overdue


def test_police_notification_clears_the_alarm_and_closing_removes_it(store):
    child_id, report_id = _report(store)
    with store.session() as s:
        svc.add_notification(s, report_id, body="公安", notified_at=NOW, method="电话", receiver="秣陵派出所 张警官",
                             reference_no="JJ2026-118", now=NOW)
    with store.read_session() as s:
        alarms = svc.report_alarms(s, now=NOW + dt.timedelta(days=2))
        assert len(alarms) == 1 and not alarms[0].overdue and alarms[0].view.police_notified
    with store.session() as s:
        svc.add_follow_up(s, report_id, on_date=NOW.date(), actor="派出所", action="民警上门调查")
        with pytest.raises(ValidationError):
            svc.add_follow_up(s, report_id, on_date=NOW.date(), actor="村委会", action="结束", closes=True)
    with store.session() as s:
        svc.add_follow_up(s, report_id, on_date=NOW.date(), actor="民政", action="联系妇联、社工介入",
                          outcome="已落实临时照护，孩子安全", closes=True)
    with store.read_session() as s:
        assert svc.report_alarms(s, now=NOW + dt.timedelta(days=2)) == []
        view = svc.reports_of(s, child_id)[0]
        assert view.closed and len(view.follow_ups) == 2 and view.status == "已结束"
    with pytest.raises(ValidationError):
        with store.session() as s:
            svc.add_follow_up(s, report_id, on_date=NOW.date(), action="再跟进")


def test_report_is_append_only_priority_and_audited(store):
    child_id, report_id = _report(store)
    with pytest.raises(AppendOnlyError):
        with store.session() as s:
            s.get(MandatoryReport, report_id).description = "改掉"
    with store.read_session() as s:
        assert MandatoryReport.__sync_priority__ == 10
        rows = s.scalars(select(OutboxChange).where(OutboxChange.table_name == "mandatory_report")).all()
        assert rows and all(r.priority == 10 for r in rows)
        audit = s.scalars(select(AuditEntry).where(AuditEntry.child_id == child_id,
                                                  AuditEntry.table_name == "mandatory_report")).all()
        assert len(audit) == 1 and audit[0].action == "create"


def test_bad_report_changes_nothing(store):
    with store.session() as s:
        child = add_child(s, "李小明", dt.date(2014, 1, 2))
    with pytest.raises(ValidationErrors) as err:
        with store.session() as s:
            svc.add_report(s, child.id, found_at=NOW + dt.timedelta(days=1), description=" ", urgency="马上",
                           situation="疑似受到侵害", now=NOW)
    fields = err.value.by_field()
    assert set(fields) == {"found_at", "description", "urgency"}
    with store.read_session() as s:
        assert s.get(Child, child.id).colour == ""
        assert s.scalars(select(MandatoryReport)).all() == []


def test_guardianship_view_warnings_and_assessment_prefill(store):
    today = dt.date(2026, 11, 2)
    with store.session() as s:
        child = add_child(s, "赵乐乐", dt.date(2016, 6, 1))
        add_parent(s, child, "父亲", works_away=True, work_place="广东东莞", last_contact=dt.date(2026, 6, 1))
        add_parent(s, child, "母亲", circumstance="服刑在押", circumstance_since=dt.date(2025, 1, 10))
        add_carer(s, child, carer_name="赵奶奶", relation="祖母", carer_age=76, agreement_signed=False)
    with store.read_session() as s:
        view = svc.guardianship(s, child.id, today)
        codes = [w.code for w in view.warnings]
        assert "no_effective_carer" in codes and "carer_unable" in codes
        assert "no_parent_contact" in codes and "agreement_missing" in codes
        assert view.answers == {"no_effective_carer": True, "carer_old_or_ill": True, "no_care_agreement": True,
                                "parents_no_contact_3m": True, "parent_special_circumstance": True}
        assert [c.id for c, _ in svc.guardianship_warnings_all(s, today)] == [child.id]


def test_disability_service_referral_and_state(store):
    with store.session() as s:
        child = add_child(s, "孙可可", dt.date(2018, 2, 1), disability_type="智力", disability_grade="二级")
        row = svc.add_disability_service(s, child.id, kind="康复训练", referred_on=dt.date(2026, 3, 1),
                                         provider="区残联康复中心")
        with pytest.raises(ValidationError):
            svc.add_disability_service(s, child.id, kind="按摩", referred_on=dt.date(2026, 3, 1))
    with store.session() as s:
        svc.set_disability_service_state(s, row.id, "服务中", dt.date(2026, 4, 1), "每周两次")
    with store.read_session() as s:
        rows = svc.disability_services(s, child.id)
        assert rows[0].state == "服务中" and "每周两次" in rows[0].notes
