"""Guardianship warnings and the 事实无人抚养 test, over dates (the 6-month threshold)."""

from __future__ import annotations

import datetime as dt

from app.domain import guardianship as g

TODAY = dt.date(2026, 11, 2)
P = g.ParentFacts
C = g.CarerFacts


def codes(parents, carers, **kw):
    return [w.code for w in g.warnings(parents, carers, TODAY, **kw)]


def test_parent_at_home_no_warning():
    assert codes([P("父亲"), P("母亲", works_away=True, last_contact=dt.date(2026, 10, 30))], []) == []


def test_both_away_no_carer():
    ps = [P("父亲", works_away=True, last_contact=TODAY), P("母亲", works_away=True, last_contact=TODAY)]
    assert codes(ps, []) == [g.NO_EFFECTIVE_CARER]


def test_carer_too_old_ill_or_minor():
    ps = [P("父亲", works_away=True, last_contact=TODAY), P("母亲", works_away=True, last_contact=TODAY)]
    assert codes(ps, [C("奶奶", age=70, agreement_signed=True)]) == [g.NO_EFFECTIVE_CARER, g.CARER_UNABLE]
    assert codes(ps, [C("奶奶", age=69, agreement_signed=True)]) == []
    assert codes(ps, [C("哥哥", age=17, agreement_signed=True)]) == [g.NO_EFFECTIVE_CARER, g.CARER_UNABLE]
    assert codes(ps, [C("爷爷", age=66, ability="较弱", agreement_signed=True)])[1] == g.CARER_UNABLE


def test_no_contact_three_calendar_months():
    ps = [P("父亲", works_away=True, last_contact=dt.date(2026, 8, 2)), P("母亲", works_away=True, last_contact=TODAY)]
    assert codes(ps, [C("奶奶", age=60, agreement_signed=True)]) == []
    ps = [P("父亲", works_away=True, last_contact=dt.date(2026, 8, 1)), P("母亲", works_away=True, last_contact=TODAY)]
    assert codes(ps, [C("奶奶", age=60, agreement_signed=True)]) == [g.NO_PARENT_CONTACT]
    ps = [P("父亲", works_away=True, last_contact=None), P("母亲", works_away=True, contact_frequency="无联系",
                                                          last_contact=TODAY)]
    assert codes(ps, [C("奶奶", age=60, agreement_signed=True)]).count(g.NO_PARENT_CONTACT) == 2


def test_agreement_missing():
    ps = [P("父亲", works_away=True, last_contact=TODAY), P("母亲", works_away=True, last_contact=TODAY)]
    assert codes(ps, [C("奶奶", age=60)]) == [g.AGREEMENT_MISSING]


def test_unsupported_six_month_threshold():
    prison = P("父亲", circumstance="服刑在押", circumstance_since=dt.date(2026, 5, 2))
    lost = P("母亲", circumstance="长期无法联系", circumstance_since=dt.date(2026, 5, 3))
    t = g.unsupported_test([prison, lost], TODAY)
    assert t.status == "未满6个月" and t.qualifies_from == dt.date(2026, 11, 3)
    assert g.unsupported_test([prison, lost], dt.date(2026, 11, 3)).status == "符合"
    # 6 months from 31 August is 28 February (clamped), 29 February in a leap year
    end_aug = P("母亲", circumstance="失踪", circumstance_since=dt.date(2027, 8, 31))
    assert g.unsupported_test([P("父亲", circumstance="重残"), end_aug], dt.date(2028, 2, 28)).status == "未满6个月"
    assert g.unsupported_test([P("父亲", circumstance="重残"), end_aug], dt.date(2028, 2, 29)).status == "符合"


def test_unsupported_rules():
    dead = P("父亲", circumstance="死亡", circumstance_since=dt.date(2020, 1, 1))
    assert g.unsupported_test([dead, P("母亲", circumstance="重病")], TODAY).status == "符合"
    assert g.unsupported_test([dead, P("母亲", circumstance="死亡")], TODAY).status == "不符合"  # 孤儿
    assert g.unsupported_test([dead, P("母亲", circumstance="社区矫正")], TODAY).status == "不符合"
    assert g.unsupported_test([dead, P("母亲", circumstance="服刑在押")], TODAY).status == "待核实"
    assert g.unsupported_test([dead], TODAY).status == "不符合"


def test_unsupported_warning_unless_already_in_category():
    ps = [P("父亲", circumstance="重残"), P("母亲", circumstance="死亡")]
    assert g.UNSUPPORTED_SUSPECTED in codes(ps, [C("外婆", age=60, agreement_signed=True)])
    assert g.UNSUPPORTED_SUSPECTED not in codes(ps, [C("外婆", age=60, agreement_signed=True)],
                                                is_unsupported_category=True)


def test_assessment_answers_only_policy_keys():
    ps = [P("父亲", works_away=True, last_contact=dt.date(2026, 1, 1)),
          P("母亲", circumstance="强制隔离戒毒", circumstance_since=dt.date(2026, 1, 1))]
    answers = g.assessment_answers(ps, [C("爷爷", age=78)], TODAY, dropout_risk=True)
    assert answers == {"no_effective_carer": True, "carer_old_or_ill": True, "no_care_agreement": True,
                       "parents_no_contact_3m": True, "parent_special_circumstance": True, "dropped_out": True}
    assert g.assessment_answers(ps, [C("爷爷", age=78)], TODAY, factor_keys=["carer_old_or_ill"]) == {
        "carer_old_or_ill": True}
