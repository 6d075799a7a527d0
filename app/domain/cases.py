"""个案 lifecycle rules: statuses, allowed transitions, what closing requires, overdue steps.

进行中 ⇄ 暂停 → 已结案 → (reopen with a reason) 进行中. Closing needs a closing summary and every
step finished (完成) or dropped (取消). Pure functions; the service in app/data/cases.py applies them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from app.domain.errors import ValidationError

OPEN = "进行中"
PAUSED = "暂停"
CLOSED = "已结案"
STATUSES = [OPEN, PAUSED, CLOSED]

STEP_TODO = "待办"
STEP_DONE = "完成"
STEP_DROPPED = "取消"
STEP_STATES = [STEP_TODO, STEP_DONE, STEP_DROPPED]

PARTY_ROLES = ["社工", "学校", "派出所", "村(居)委会", "妇联", "医院", "检察院", "法院", "民政", "亲属", "其他"]

TRANSITIONS = {
    OPEN: {PAUSED, CLOSED},
    PAUSED: {OPEN, CLOSED},
    CLOSED: {OPEN},
}


@dataclass(frozen=True)
class StepFacts:
    title: str
    state: str
    due_date: dt.date | None = None


def check_transition(current: str, target: str, *, summary: str = "", steps: Sequence[StepFacts] = (),
                     reason: str = "") -> None:
    """Raise ValidationError (Chinese) unless `current → target` is allowed with these facts."""
    if target not in STATUSES:
        raise ValidationError("status", f"未知的个案状态“{target}”")
    if target == current:
        raise ValidationError("status", f"个案已是“{current}”状态")
    if target not in TRANSITIONS.get(current, set()):
        raise ValidationError("status", f"个案不能从“{current}”改为“{target}”")
    if target == CLOSED:
        if not (summary or "").strip():
            raise ValidationError("closing_summary", "结案前请填写结案小结")
        open_steps = [s.title for s in steps if s.state == STEP_TODO]
        if open_steps:
            raise ValidationError("steps", "还有未完成的步骤：" + "、".join(open_steps) + "。请完成或取消后再结案")
    if current == CLOSED and target == OPEN and not (reason or "").strip():
        raise ValidationError("reason", "重新开启个案需要说明原因")


def check_step_state(state: str) -> None:
    if state not in STEP_STATES:
        raise ValidationError("state", f"未知的步骤状态“{state}”")


def overdue_steps(steps: list[StepFacts], today: dt.date) -> list[StepFacts]:
    return [s for s in steps if s.state == STEP_TODO and s.due_date is not None and s.due_date < today]


def next_due(steps: list[StepFacts]) -> dt.date | None:
    dates = [s.due_date for s in steps if s.state == STEP_TODO and s.due_date is not None]
    return min(dates) if dates else None
