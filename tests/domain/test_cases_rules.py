"""个案 lifecycle rules and 强制报告 alarm rules."""

from __future__ import annotations

import datetime as dt

import pytest

from app.domain import cases as c
from app.domain import mandatory_reports as mr
from app.domain.errors import ValidationError


def test_transitions():
    c.check_transition(c.OPEN, c.PAUSED)
    c.check_transition(c.PAUSED, c.OPEN)
    c.check_transition(c.OPEN, c.CLOSED, summary="好", steps=[c.StepFacts("a", c.STEP_DONE), c.StepFacts("b", c.STEP_DROPPED)])
    with pytest.raises(ValidationError, match="结案小结"):
        c.check_transition(c.OPEN, c.CLOSED, summary=" ")
    with pytest.raises(ValidationError, match="未完成的步骤：a"):
        c.check_transition(c.OPEN, c.CLOSED, summary="好", steps=[c.StepFacts("a", c.STEP_TODO)])
    with pytest.raises(ValidationError, match="不能从"):
        c.check_transition(c.CLOSED, c.PAUSED)
    with pytest.raises(ValidationError, match="原因"):
        c.check_transition(c.CLOSED, c.OPEN)
    c.check_transition(c.CLOSED, c.OPEN, reason="再次辍学")


def test_overdue_and_next_due():
    steps = [c.StepFacts("a", c.STEP_TODO, dt.date(2026, 1, 1)), c.StepFacts("b", c.STEP_DONE, dt.date(2025, 1, 1)),
             c.StepFacts("c", c.STEP_TODO, dt.date(2026, 3, 1)), c.StepFacts("d", c.STEP_TODO)]
    assert [s.title for s in c.overdue_steps(steps, dt.date(2026, 2, 1))] == ["a"]
    assert c.next_due(steps) == dt.date(2026, 1, 1)


def test_report_alarm_times():
    t0 = dt.datetime(2026, 11, 2, 9, 0)
    hours = mr.alarm_hours()
    assert hours == {"紧急": 2, "较急": 12, "一般": 24}
    assert not mr.police_overdue(t0, "紧急", False, False, t0 + dt.timedelta(hours=1, minutes=59), hours)
    assert mr.police_overdue(t0, "紧急", False, False, t0 + dt.timedelta(hours=2), hours)
    assert not mr.police_overdue(t0, "一般", False, False, t0 + dt.timedelta(hours=23), hours)
    assert not mr.police_overdue(t0, "紧急", True, False, t0 + dt.timedelta(days=3), hours)
    assert not mr.police_overdue(t0, "紧急", False, True, t0 + dt.timedelta(days=3), hours)
    assert mr.alarm_hours('[report_alarm_hours]\n"紧急" = 1\n')["紧急"] == 1
