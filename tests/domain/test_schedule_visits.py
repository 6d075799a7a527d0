"""The visit schedule: intervals per colour, rescheduling on colour change, overdue arithmetic."""

from __future__ import annotations

import datetime as dt

import pytest

from app.domain import schedule as S
from app.domain.policy import default_policy

P = default_policy()
D = dt.date


@pytest.mark.parametrize("colour, days", [("红", 7), ("黄", 15), ("蓝", 30), ("绿", 30), ("", 30)])
def test_next_due_is_last_visit_plus_the_colour_interval(colour, days):
    assert S.next_due(P, colour, D(2026, 3, 10)) == D(2026, 3, 10) + dt.timedelta(days=days)


def test_never_visited_never_assessed_has_no_due_date():
    assert S.next_due_for(P, S.ColourState(), None) is None


def test_never_visited_runs_from_the_assessment():
    state = S.colour_state([(D(2026, 5, 1), "黄")])
    assert S.next_due_for(P, state, None) == D(2026, 5, 16)


def test_raising_to_red_makes_the_visit_due_within_seven_days_of_the_assessment():
    # visited 3 days before: due 7 days after that visit (within 7 of the assessment)
    st = S.colour_state([(D(2026, 1, 5), "蓝"), (D(2026, 2, 1), "红")])
    assert st.colour == "红" and st.since == D(2026, 2, 1) and st.previous == "蓝"
    assert S.next_due_for(P, st, D(2026, 1, 29)) == D(2026, 2, 5)
    # visited long ago: due at once (the day of the assessment), not retroactively overdue
    due = S.next_due_for(P, st, D(2026, 1, 6))
    assert due == D(2026, 2, 1)
    assert S.overdue_days(due, D(2026, 2, 1)) == 0
    # never visited: due at once, within 7 days of the assessment
    due = S.next_due_for(P, st, None)
    assert D(2026, 2, 1) <= due <= D(2026, 2, 8)


@pytest.mark.parametrize("last_days_before", range(0, 40, 3))
def test_raise_to_red_always_due_within_seven_days(last_days_before):
    assessed = D(2026, 6, 15)
    st = S.colour_state([(D(2026, 1, 1), "绿"), (assessed, "红")])
    due = S.next_due_for(P, st, assessed - dt.timedelta(days=last_days_before))
    assert due <= assessed + dt.timedelta(days=7)


def test_colour_change_reschedules_at_once_both_ways():
    last = D(2026, 4, 1)
    green = S.colour_state([(D(2026, 3, 1), "绿")])
    yellow = S.colour_state([(D(2026, 3, 1), "绿"), (D(2026, 4, 3), "黄")])
    back = S.colour_state([(D(2026, 3, 1), "绿"), (D(2026, 4, 3), "黄"), (D(2026, 4, 5), "蓝")])
    assert S.next_due_for(P, green, last) == D(2026, 5, 1)
    assert S.next_due_for(P, yellow, last) == D(2026, 4, 16)
    assert S.next_due_for(P, back, last) == D(2026, 5, 1)


def test_lowering_the_colour_does_not_hide_an_overdue_visit():
    st = S.colour_state([(D(2026, 1, 1), "红"), (D(2026, 3, 1), "绿")])
    due = S.next_due_for(P, st, D(2026, 1, 10))
    assert due == D(2026, 2, 9)
    assert S.overdue_days(due, D(2026, 3, 1)) == 20


def test_same_colour_reassessment_does_not_move_the_schedule():
    st = S.colour_state([(D(2026, 1, 1), "黄"), (D(2026, 1, 20), "黄")])
    assert st.since == D(2026, 1, 1)
    assert S.next_due_for(P, st, D(2026, 1, 10)) == D(2026, 1, 25)


@pytest.mark.parametrize("due, today, days", [
    (D(2026, 1, 31), D(2026, 2, 1), 1),          # month end
    (D(2026, 1, 30), D(2026, 3, 1), 30),         # across February (28 days)
    (D(2028, 2, 28), D(2028, 3, 1), 2),          # leap year: 29 Feb exists
    (D(2027, 2, 28), D(2027, 3, 1), 1),          # not a leap year
    (D(2026, 12, 31), D(2027, 1, 1), 1),         # year end
    (D(2026, 5, 10), D(2026, 5, 10), 0),         # due today: not late
    (D(2026, 5, 10), D(2026, 5, 1), 0),          # not yet due
])
def test_overdue_days_across_month_ends_and_leap_days(due, today, days):
    assert S.overdue_days(due, today) == days


def test_intervals_across_leap_day_and_month_end():
    assert S.next_due(P, "红", D(2028, 2, 25)) == D(2028, 3, 3)
    assert S.next_due(P, "黄", D(2028, 2, 20)) == D(2028, 3, 6)
    assert S.next_due(P, "绿", D(2026, 1, 31)) == D(2026, 3, 2)
    assert S.next_due(P, "蓝", D(2028, 2, 1)) == D(2028, 3, 2)


def test_weeks_start_on_monday():
    # 2026-11-23 is a Monday
    assert S.week_bounds(D(2026, 11, 23)) == (D(2026, 11, 23), D(2026, 11, 29))
    assert S.week_bounds(D(2026, 11, 29)) == (D(2026, 11, 23), D(2026, 11, 29))
    assert S.week_bounds(D(2027, 1, 1)) == (D(2026, 12, 28), D(2027, 1, 3))
    assert S.month_bounds(D(2028, 2, 10)) == (D(2028, 2, 1), D(2028, 2, 29))


def test_today_is_the_shanghai_date():
    late_utc = dt.datetime(2026, 12, 31, 17, 30, tzinfo=dt.timezone.utc)  # 01:30 on 1 Jan in Shanghai
    assert S.today_local(late_utc) == D(2027, 1, 1)
    assert S.today_local(dt.datetime(2026, 12, 31, 15, 59)) == D(2026, 12, 31)
