"""The visit schedule of 四色管理: when a child's next visit is due, and how late it is.

Rules (see docs/visit-policy.md):
- next due = last visit + the visit interval of the child's current colour;
- a child never visited is due one interval after the assessment that set the colour (a child
  with neither is listed as 从未走访 and has no due date);
- a colour change reschedules at once. Raising the risk (e.g. 蓝 → 红 on date A) makes the visit
  due at `last visit + new interval`, but never before A, so it falls within the new interval
  after A (raising to 红 ⇒ due within 7 days of the assessment). Lowering the risk lengthens the
  interval from the last visit and never hides a visit that was already overdue;
- all dates are local dates in Asia/Shanghai (UTC+8, no daylight saving), weeks start on Monday;
- screening (一年两排) runs in half-year rounds: 1 January – 30 June and 1 July – 31 December.
Pure functions over dates: no Qt, no SQL.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable

from app.core import clock
from app.domain.policy import Policy

SHANGHAI = dt.timezone(dt.timedelta(hours=8), "Asia/Shanghai")


def today_local(now: dt.datetime | None = None) -> dt.date:
    """Today's date in Asia/Shanghai (a naive `now` is taken as UTC)."""
    now = now or clock.now()
    if now.tzinfo is None:
        now = now.replace(tzinfo=dt.timezone.utc)
    return now.astimezone(SHANGHAI).date()


def week_bounds(day: dt.date) -> tuple[dt.date, dt.date]:
    """Monday and Sunday of the week holding `day` (Chinese weeks start on Monday)."""
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def month_bounds(day: dt.date) -> tuple[dt.date, dt.date]:
    first = day.replace(day=1)
    nxt = (first + dt.timedelta(days=32)).replace(day=1)
    return first, nxt - dt.timedelta(days=1)


def screening_round(day: dt.date) -> tuple[str, dt.date, dt.date]:
    """一年两排: the half-year screening round holding `day` — its name and window
    (上半年 1 January – 30 June, 下半年 1 July – 31 December)."""
    if day.month <= 6:
        return f"{day.year}年上半年排查", dt.date(day.year, 1, 1), dt.date(day.year, 6, 30)
    return f"{day.year}年下半年排查", dt.date(day.year, 7, 1), dt.date(day.year, 12, 31)


def overdue_days(due: dt.date | None, today: dt.date) -> int:
    """Whole days a visit due on `due` is late on `today` (0 when not yet late)."""
    if due is None:
        return 0
    return max(0, (today - due).days)


@dataclass(frozen=True)
class ColourState:
    """The child's current colour, since when, and the colour before it."""

    colour: str = ""
    since: dt.date | None = None
    previous: str = ""
    first_assessed: dt.date | None = None


def colour_state(history: Iterable[tuple[dt.date, str]]) -> ColourState:
    """Fold assessments `(date, colour)` in the order they were made into the current state."""
    colour, since, previous, first = "", None, "", None
    for day, c in history:
        if first is None:
            first = day
        if c != colour:
            previous, colour, since = colour, c, day
    return ColourState(colour, since, previous, first)


def next_due(policy: Policy, colour: str, last_visit: dt.date | None,
             colour_since: dt.date | None = None, previous_colour: str = "") -> dt.date | None:
    """The date the child's next visit is due (None: never visited and never assessed)."""
    interval = dt.timedelta(days=policy.interval(colour))
    if last_visit is None:
        return colour_since + interval if colour_since else None
    due = last_visit + interval
    if (colour_since is not None and colour_since > last_visit and previous_colour
            and policy.is_higher_risk(colour, previous_colour)):
        due = max(due, colour_since)
    return due


def next_due_for(policy: Policy, state: ColourState, last_visit: dt.date | None) -> dt.date | None:
    """`next_due` from a folded colour history. A child never visited runs its clock from the
    first assessment, as if that were the last visit."""
    start = last_visit if last_visit is not None else state.first_assessed
    if start is None:
        return None
    return next_due(policy, state.colour, start, state.since, state.previous)
