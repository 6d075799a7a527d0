"""个案 lifecycle over a real store: open, steps with due dates, parties, notes, pause, close with a
summary only when every step is finished, reopen with a reason; the open-case list."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from app.data import cases as svc
from app.data.models import AuditEntry
from app.domain.errors import ValidationError
from tests.protection_fixtures import add_child


def test_case_lifecycle(store):
    today = dt.date(2026, 11, 2)
    with store.session() as s:
        child = add_child(s, "周小北", dt.date(2013, 9, 9))
        case = svc.open_case(s, child.id, title="辍学劝返及家庭监护指导", problem="父母离异后无人督促上学",
                             opened_on=dt.date(2026, 10, 1))
        step1 = svc.add_step(s, case.id, title="联系学校班主任", due_date=dt.date(2026, 10, 10), responsible="学校")
        step2 = svc.add_step(s, case.id, title="社工家访", due_date=dt.date(2026, 11, 20), responsible="社工")
        svc.add_party(s, case.id, role="社工", name="刘社工", phone="13900000000")
        svc.add_party(s, case.id, role="派出所", name="秣陵派出所")
        svc.add_note(s, case.id, "与祖母谈话，同意督促上学")
        with pytest.raises(ValidationError):
            svc.add_party(s, case.id, role="路人")
    assert case.owner == "lin" and case.status == "进行中"
    with store.read_session() as s:
        line = svc.open_cases(s, today)[0]
        assert line.overdue == 1 and line.next_due == dt.date(2026, 10, 10) and line.open_steps == 2
    with store.session() as s:
        svc.set_status(s, case.id, "暂停", reason="孩子随父亲外出两周")
        with pytest.raises(ValidationError) as err:
            svc.close_case(s, case.id, "已复学")
        assert "联系学校班主任" in err.value.message
        with pytest.raises(ValidationError):
            svc.set_status(s, case.id, "暂停")
    with store.session() as s:
        svc.set_step_state(s, step1.id, "完成", dt.date(2026, 10, 9))
        svc.set_step_state(s, step2.id, "取消")
        with pytest.raises(ValidationError) as err:
            svc.close_case(s, case.id, "  ")
        assert "结案小结" in err.value.message
    with store.session() as s:
        svc.close_case(s, case.id, "孩子已于10月复学，祖母签订委托照护协议", on=dt.date(2026, 11, 1))
        with pytest.raises(ValidationError):
            svc.add_step(s, case.id, title="再访")
    with store.read_session() as s:
        assert svc.open_cases(s, today) == []
        closed = svc.cases_of(s, child.id)[0]
        assert closed.status == "已结案" and closed.closed_on == dt.date(2026, 11, 1)
    with pytest.raises(ValidationError):
        with store.session() as s:
            svc.reopen_case(s, case.id, "")
    with store.session() as s:
        svc.reopen_case(s, case.id, "再次辍学")
    with store.read_session() as s:
        assert svc.cases_of(s, child.id)[0].status == "进行中" and svc.cases_of(s, child.id)[0].closed_on is None
        tables = set(s.scalars(select(AuditEntry.table_name).where(AuditEntry.child_id == child.id)))
        assert {"protection_case", "case_step", "case_party", "case_note"} <= tables
