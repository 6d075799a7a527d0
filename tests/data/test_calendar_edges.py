"""Calendar edges on a real encrypted store, with the app's clock frozen: the login lock-out over
New Year's midnight and after the clock is set back a year, the benefits to end, the visit
dashboard and the child list on 31 December and 1 January, 30 June and 1 July, and through
29 February. The pure rules are in tests/domain/test_calendar_edges.py.
"""

from __future__ import annotations

import datetime as dt

import pytest

from app.data import benefits, children, dashboard
from app.data import visits as V
from app.data.keys import WrongPasswordError
from app.data.store import LoginLockedError, Store
from app.domain import lockout
from tests.conftest import PASSWORD
from tests.protection_fixtures import add_category, add_child

D = dt.date


@pytest.mark.frozen_at("2026-12-31T23:59:40")
def test_login_lockout_runs_over_new_years_midnight(frozen_clock, store, store_path):
    store.close()
    for _ in range(lockout.FREE_ATTEMPTS):
        with pytest.raises(WrongPasswordError):
            Store.open(store_path, "wrong-password")
    with pytest.raises(LoginLockedError) as locked:
        Store.open(store_path, PASSWORD)  # even the right password waits
    assert locked.value.seconds == 30 and "30秒" in str(locked.value)
    frozen_clock.advance(seconds=25)  # 00:00:05 on 1 January
    with pytest.raises(LoginLockedError) as locked:
        Store.open(store_path, PASSWORD)
    assert locked.value.seconds == 5
    frozen_clock.advance(seconds=5)
    Store.open(store_path, PASSWORD).close()


@pytest.mark.frozen_at("2026-12-31T23:59:40")
def test_clock_set_back_a_year_does_not_lock_the_director_out_for_a_year(frozen_clock, store, store_path):
    store.close()
    for _ in range(lockout.FREE_ATTEMPTS + 2):  # five wrong passwords: a 2-minute delay
        with pytest.raises(WrongPasswordError):
            Store.open(store_path, "wrong-password")
        frozen_clock.advance(minutes=5)  # each wait over before the next try
    frozen_clock.move_to(dt.datetime(2027, 1, 1, 0, 19, 41))  # a second after the fifth failure
    with pytest.raises(LoginLockedError) as locked:
        Store.open(store_path, PASSWORD)
    assert locked.value.seconds == lockout.delay_after(5) - 1
    frozen_clock.move_to(dt.datetime(2025, 12, 31, 23, 59, 40))  # the laptop's battery went flat
    Store.open(store_path, PASSWORD).close()


def _orphan(s, name, born):
    child = add_child(s, name, born)
    add_category(s, child, "散居孤儿", since=D(2020, 1, 1))
    benefits.add_entitlement(s, child.id, kind="散居孤儿", start_date=D(2024, 1, 1))
    return child.id


def test_benefits_to_end_on_new_years_eve_and_day(frozen_clock, store):
    with store.session() as s:
        _orphan(s, "年末生", D(2008, 12, 31))   # 18 on 2026-12-31: paid through December 2026
        _orphan(s, "元旦生", D(2009, 1, 1))     # 18 on 2027-01-01: paid through January 2027
        _orphan(s, "二月生", D(2009, 2, 1))     # 18 on 2027-02-01: paid through February (59 days away)
        _orphan(s, "三月生", D(2009, 3, 1))     # paid through March: beyond the 60-day warning
    frozen_clock.move_to(D(2026, 12, 31))
    with store.read_session() as s:
        due = [(t.child.name, t.end_date) for t in benefits.entitlements_to_end(s)]
    assert due == [("年末生", D(2026, 12, 31)), ("元旦生", D(2027, 1, 31)), ("二月生", D(2027, 2, 28))]
    frozen_clock.move_to(D(2027, 1, 1))
    with store.read_session() as s:
        ends = {t.child.name: t.end_date for t in benefits.entitlements_to_end(s)}
        unpaid = {u.child.name for u in benefits.looks_eligible_unpaid(s)}
    assert ends["年末生"] < D(2027, 1, 1) and "三月生" not in ends  # not ended yet: shown as late
    assert "元旦生" not in unpaid  # 18 today: no longer "应保未保" even if it were unpaid


def test_visit_dashboard_and_child_list_on_new_years_day(frozen_clock, store):
    with store.session() as s:
        red = add_child(s, "元旦生", D(2009, 1, 1)).id
        yellow = add_child(s, "小黄", D(2015, 5, 5)).id
        frozen_clock.move_to(D(2026, 12, 24))
        V.record_assessment(s, red, ["dropped_out"])   # 红, assessed and visited on 24 December
        V.record_visit(s, red, D(2026, 12, 24))
        V.record_assessment(s, yellow, ["no_income"])  # 黄
        V.record_visit(s, yellow, D(2026, 12, 19))     # due Sunday 3 January
    frozen_clock.move_to(D(2026, 12, 31))
    with store.read_session() as s:
        d = dashboard.compute_dashboard(s)
        ages = {r.name: r.age for r in children.list_children(s)}
    assert d.overdue.count == 0 and {i.name for i in d.due_this_week.items} == {"元旦生", "小黄"}
    assert (d.week_start, d.week_end) == (D(2026, 12, 28), D(2027, 1, 3)) and ages["元旦生"] == 17
    frozen_clock.move_to(D(2027, 1, 1))
    with store.read_session() as s:
        d = dashboard.compute_dashboard(s)
        ages = {r.name: r.age for r in children.list_children(s)}
    assert [(i.name, i.days_overdue) for i in d.overdue.items] == [("元旦生", 1)]
    assert [i.name for i in d.due_this_week.items] == ["小黄"] and ages["元旦生"] == 18
    frozen_clock.move_to(D(2027, 1, 3))  # Sunday: 小黄 is due today, not yet late
    with store.read_session() as s:
        d = dashboard.compute_dashboard(s)
    assert [i.name for i in d.due_this_week.items] == ["小黄"] and d.overdue.count == 1
    frozen_clock.move_to(D(2027, 1, 4))  # Monday: a new week
    with store.read_session() as s:
        d = dashboard.compute_dashboard(s)
    assert (d.week_start, d.week_end) == (D(2027, 1, 4), D(2027, 1, 10))
    assert {(i.name, i.days_overdue) for i in d.overdue.items} == {("元旦生", 4), ("小黄", 1)}
    assert d.due_this_week.count == 0


def test_visit_due_through_29_february_and_over_1_july(frozen_clock, store):
    with store.session() as s:
        leap = add_child(s, "闰年", D(2015, 5, 5)).id
        summer = add_child(s, "七月", D(2015, 6, 6)).id
        frozen_clock.move_to(D(2028, 2, 26))
        V.record_assessment(s, leap, ["dropped_out"])   # 红: 7 days
        V.record_visit(s, leap, D(2028, 2, 26))
        frozen_clock.move_to(D(2026, 6, 30))
        V.record_assessment(s, summer, [])              # 绿: 30 days
        V.record_visit(s, summer, D(2026, 6, 30))
    with store.read_session() as s:
        rows = {r.name: r.next_visit_due for r in children.list_children(s)}
    assert rows == {"闰年": D(2028, 3, 4), "七月": D(2026, 7, 30)}
    frozen_clock.move_to(D(2028, 3, 5))
    with store.read_session() as s:
        d = dashboard.compute_dashboard(s)
    assert [(i.name, i.days_overdue) for i in d.overdue.items] == [("七月", 584), ("闰年", 1)]


@pytest.mark.parametrize("day, name", [
    ("2026-06-30", "2026年上半年排查"), ("2026-07-01", "2026年下半年排查"),
    ("2026-12-31", "2026年下半年排查"), ("2027-01-01", "2027年上半年排查"),
])
def test_demo_village_opens_the_round_of_the_frozen_day(frozen_clock, store, day, name):
    from app.data import demo

    frozen_clock.move_to(D.fromisoformat(day))
    demo.generate(store, 12, seed=3)
    with store.read_session() as s:
        rounds = V.rounds(s)
    assert [r.name for r in rounds] == [name]
    assert rounds[0].window_start <= D.fromisoformat(day) <= rounds[0].window_end
