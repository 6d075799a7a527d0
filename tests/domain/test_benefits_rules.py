"""Benefit rules over dates: standards by effective date and region, 29 Feb birthdays, a category
ending mid-month, eligibility and coverage."""

from __future__ import annotations

import datetime as dt

from app.domain import benefits as b

POLICY = b.load_policy("""
[[standard]]
region = ""
effective_from = 2023-01-01
[standard.amounts]
"散居孤儿" = 2300
"重病重残儿童" = 1150

[[standard]]
region = "320115"
effective_from = 2025-07-01
[standard.amounts]
"散居孤儿" = 2410
""")


def test_default_policy_is_nanjing_2023():
    p = b.default_policy()
    on = dt.date(2024, 6, 1)
    kinds = ("机构供养孤儿", "散居孤儿", "事实无人抚养儿童", "重病重残儿童")
    assert [p.monthly(k, on) for k in kinds] == [2760, 2300, 2300, 1150]
    assert p.monthly("散居孤儿", dt.date(2022, 12, 31)) is None


def test_standard_by_effective_date_and_region():
    assert POLICY.monthly("散居孤儿", dt.date(2025, 6, 30), "320115101201") == 2300
    assert POLICY.monthly("散居孤儿", dt.date(2025, 7, 1), "320115101201") == 2410
    assert POLICY.monthly("散居孤儿", dt.date(2025, 7, 1), "320281001001") == 2300
    assert POLICY.monthly("重病重残儿童", dt.date(2025, 7, 1), "320115101201") == 1150


def test_aged_18_feb29():
    assert b.adult_on(dt.date(2008, 2, 29)) == dt.date(2026, 3, 1)  # common year: 1 March
    assert b.age_limit_end(dt.date(2008, 2, 29)) == dt.date(2026, 3, 31)
    assert b.adult_on(dt.date(2006, 2, 28)) == dt.date(2024, 2, 28)
    assert b.adult_on(dt.date(2012, 2, 29)) == dt.date(2030, 3, 1)
    assert b.adult_on(dt.date(2010, 2, 28)) == dt.date(2028, 2, 28)  # leap 2028, still the 28th
    e = b.EntitlementFacts("e", "散居孤儿", dt.date(2020, 1, 1))
    due = b.due_end(e, dt.date(2008, 2, 29), [])
    assert due.end_date == dt.date(2026, 3, 31) and "2026-03-01" in due.reason
    # still eligible on 28 Feb 2026 (17), not on 1 March (18)
    cats = [b.CategoryFacts("散居孤儿")]
    assert b.eligible_kinds(cats, dt.date(2008, 2, 29), dt.date(2026, 2, 28)) == ["散居孤儿"]
    assert b.eligible_kinds(cats, dt.date(2008, 2, 29), dt.date(2026, 3, 1)) == []


def test_category_ending_mid_month():
    cats = [b.CategoryFacts("事实无人抚养儿童", dt.date(2024, 1, 1), dt.date(2026, 2, 15))]
    e = b.EntitlementFacts("e", "事实无人抚养儿童", dt.date(2024, 1, 1))
    due = b.due_end(e, dt.date(2015, 7, 7), cats)
    assert due.end_date == dt.date(2026, 2, 28) and "2026-02-15" in due.reason
    assert b.paid_months(e.start_date, due.end_date, dt.date(2026, 12, 1))[-1] == "2026-02"
    # still the category on the 15th, not on the 16th
    assert b.eligible_kinds(cats, dt.date(2015, 7, 7), dt.date(2026, 2, 15)) == ["事实无人抚养儿童"]
    assert b.eligible_kinds(cats, dt.date(2015, 7, 7), dt.date(2026, 2, 16)) == []
    # an entitlement already ended on time is not listed again
    ended = b.EntitlementFacts("e", "事实无人抚养儿童", dt.date(2024, 1, 1), dt.date(2026, 2, 28))
    assert b.due_end(ended, dt.date(2015, 7, 7), cats) is None
    # one of two supporting categories ended: the entitlement goes on
    both = cats + [b.CategoryFacts("散居孤儿", dt.date(2026, 2, 15))]
    assert b.due_end(e, dt.date(2015, 7, 7), both).reason.startswith("年满18")


def test_coverage_rules():
    on = dt.date(2026, 1, 1)
    cats = [b.CategoryFacts("重残儿童"), b.CategoryFacts("事实无人抚养儿童")]
    held = [b.EntitlementFacts("1", "事实无人抚养儿童", dt.date(2025, 1, 1))]
    assert b.uncovered_kinds(cats, held, dt.date(2014, 1, 1), on) == []  # basic living covers the subsidy
    assert b.uncovered_kinds(cats, [], dt.date(2014, 1, 1), on) == ["重病重残儿童", "事实无人抚养儿童"]
    low = [b.CategoryFacts("低保家庭儿童")]
    assert b.uncovered_kinds(low, held, dt.date(2014, 1, 1), on) == ["低保家庭儿童"]
    assert b.eligible_kinds([b.CategoryFacts("孤儿"), b.CategoryFacts("机构供养孤儿")], None, on) == ["机构供养孤儿"]
    assert b.months_between(dt.date(2025, 11, 30), dt.date(2026, 2, 1)) == ["2025-11", "2025-12", "2026-01", "2026-02"]
