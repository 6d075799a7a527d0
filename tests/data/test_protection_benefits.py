"""Benefits over a real store: standards by effective date, payments append-only, insurance, the
应保未保 list and the entitlements-to-end list (aged 18 with a 29 Feb birthday; category ended mid-month)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from app.data import benefits as svc
from app.data.capture import AppendOnlyError
from app.data.models import AuditEntry, Need
from app.data.models.protection import BenefitPayment
from app.domain import benefits as rules
from app.domain.errors import ValidationError, ValidationErrors
from tests.protection_fixtures import add_category, add_child, add_parent


def test_entitlement_amount_from_policy_and_payments(store):
    with store.session() as s:
        child = add_child(s, "陈思彤", dt.date(2012, 5, 5), sex="女")
        ent = svc.add_entitlement(s, child.id, kind="散居孤儿", start_date=dt.date(2024, 3, 15))
        assert ent.monthly_amount == 2300
        pay = svc.record_payment(s, ent.id, month="2024-03", paid_on=dt.date(2024, 3, 28))
        assert pay.amount == 2300
        with pytest.raises(ValidationError):
            svc.record_payment(s, ent.id, month="2024-02", paid_on=dt.date(2024, 3, 28))
        with pytest.raises(ValidationError):
            svc.record_payment(s, ent.id, month="2024-3", paid_on=dt.date(2024, 3, 28))
        ins = svc.add_insurance(s, child.id, kind="意外伤害", start_date=dt.date(2026, 1, 1), end_date=dt.date(2026, 12, 31),
                                insurer="人保财险")
    with pytest.raises(AppendOnlyError):
        with store.session() as s:
            s.get(BenefitPayment, pay.id).amount = 1
    with store.read_session() as s:
        assert [p.month for p in svc.payments_of(s, child.id)] == ["2024-03"]
        assert svc.insurance_of(s, child.id)[0].id == ins.id
        tables = set(s.scalars(select(AuditEntry.table_name).where(AuditEntry.child_id == child.id)))
        assert {"benefit_entitlement", "benefit_payment", "insurance"} <= tables


def test_bad_entitlement_changes_nothing(store):
    with store.session() as s:
        child = add_child(s, "陈思思", dt.date(2012, 5, 5), sex="女")
    with pytest.raises(ValidationErrors) as err:
        with store.session() as s:
            svc.add_entitlement(s, child.id, kind="散居孤儿", start_date=dt.date(2022, 3, 1), end_date=dt.date(2021, 1, 1))
    assert set(err.value.by_field()) == {"end_date", "monthly_amount"}  # no standard before 2023


def test_looks_eligible_but_receives_nothing(store):
    today = dt.date(2026, 11, 2)
    with store.session() as s:
        orphan = add_child(s, "甲", dt.date(2013, 1, 1))
        add_category(s, orphan, "散居孤儿", since=dt.date(2020, 1, 1))
        covered = add_child(s, "乙", dt.date(2013, 1, 1))
        add_category(s, covered, "事实无人抚养儿童", since=dt.date(2020, 1, 1))
        svc.add_entitlement(s, covered.id, kind="事实无人抚养儿童", start_date=dt.date(2023, 2, 1))
        facts = add_child(s, "丙", dt.date(2014, 1, 1))  # no category yet, parents qualify
        add_parent(s, facts, "父亲", circumstance="服刑在押", circumstance_since=dt.date(2025, 1, 1))
        add_parent(s, facts, "母亲", circumstance="长期无法联系", circumstance_since=dt.date(2025, 9, 1))
        waiting = add_child(s, "丁", dt.date(2014, 1, 1))  # mother out of contact only 2 months
        add_parent(s, waiting, "父亲", circumstance="服刑在押", circumstance_since=dt.date(2025, 1, 1))
        add_parent(s, waiting, "母亲", circumstance="长期无法联系", circumstance_since=dt.date(2026, 9, 1))
        adult = add_child(s, "戊", dt.date(2008, 10, 1))
        add_category(s, adult, "散居孤儿")
        ill = add_child(s, "己", dt.date(2015, 1, 1))
        add_category(s, ill, "重残儿童")
        s.add(Need(child_id=ill.id, description="康复费用", coverage="应保未保"))
        need_only = add_child(s, "庚", dt.date(2015, 1, 1))
        s.add(Need(child_id=need_only.id, description="助学", coverage="应保未保"))
    with store.read_session() as s:
        rows = {u.child.name: u for u in svc.looks_eligible_unpaid(s, today)}
    assert set(rows) == {"甲", "丙", "己", "庚"}
    assert rows["甲"].kinds == ["散居孤儿"]
    assert rows["丙"].kinds == ["事实无人抚养儿童"] and "事实无人抚养" in rows["丙"].reason
    assert rows["己"].kinds == ["重病重残儿童"]
    assert rows["庚"].kinds == [] and "应保未保" in rows["庚"].reason


def test_entitlements_to_end_feb29_and_mid_month(store):
    with store.session() as s:
        leap = add_child(s, "闰年生", dt.date(2008, 2, 29))
        add_category(s, leap, "散居孤儿")
        e1 = svc.add_entitlement(s, leap.id, kind="散居孤儿", start_date=dt.date(2023, 1, 1))
        released = add_child(s, "父出狱", dt.date(2015, 7, 7))
        add_category(s, released, "事实无人抚养儿童", since=dt.date(2024, 1, 1), ended=dt.date(2026, 2, 15))
        e2 = svc.add_entitlement(s, released.id, kind="事实无人抚养儿童", start_date=dt.date(2024, 1, 1))
        fine = add_child(s, "正常", dt.date(2015, 7, 7))
        add_category(s, fine, "散居孤儿")
        svc.add_entitlement(s, fine.id, kind="散居孤儿", start_date=dt.date(2024, 1, 1))
    with store.read_session() as s:
        due = svc.entitlements_to_end(s, today=dt.date(2026, 2, 1), horizon_days=60)
    assert [(d.child.name, d.end_date) for d in due] == [("父出狱", dt.date(2026, 2, 28)), ("闰年生", dt.date(2026, 3, 31))]
    assert "类别已终止" in due[0].reason and "2026-03-01" in due[1].reason
    with store.session() as s:
        svc.end_entitlement(s, e2.id, dt.date(2026, 2, 28), "父亲刑满释放，2026-02-15起不再符合")
        with pytest.raises(ValidationError):
            svc.end_entitlement(s, e1.id, dt.date(2026, 3, 31), " ")
    with store.read_session() as s:
        assert [d.child.name for d in svc.entitlements_to_end(s, today=dt.date(2026, 2, 1), horizon_days=60)] == ["闰年生"]
        # payable months stop with March 2026 (18 on 1 March in a common year)
        assert rules.paid_months(dt.date(2026, 1, 10), rules.age_limit_end(dt.date(2008, 2, 29)), dt.date(2026, 12, 1)) == [
            "2026-01", "2026-02", "2026-03"]
