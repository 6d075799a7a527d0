"""The 工作台 (home screen) numbers and lists: overdue visits, visits due this week, 红 and 黄
children, children never visited, screening progress.

Everything is read from the derived columns on `child` (`colour`, `last_visit_date`,
`next_visit_due`, kept by `app.data.visits.refresh_child_schedule`) and their indexes, never by
aggregating the visit table, so it stays fast over 30,000 children and 500,000 visits. Lists
are capped (`limit`); the counts are always complete.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.data.cache_size import one_pass
from app.data.models import Child
from app.data.visits import open_round_progress
from app.domain import schedule
from app.domain.vocab import STATUS_ACTIVE


@dataclass(frozen=True)
class DashItem:
    child_id: str
    name: str
    colour: str
    group_name: str
    last_visit: dt.date | None
    due: dt.date | None
    days_overdue: int = 0
    note: str = ""  # a follow-up's action (跟进到期 list)


@dataclass
class Block:
    count: int = 0
    items: list[DashItem] = field(default_factory=list)


@dataclass
class ScreeningProgress:
    round_id: str
    name: str
    window_start: dt.date
    window_end: dt.date
    screened: int
    total: int


@dataclass
class Dashboard:
    today: dt.date
    week_start: dt.date
    week_end: dt.date
    active: int
    colour_counts: dict[str, int]
    overdue: Block
    due_this_week: Block
    red: Block
    yellow: Block
    never_visited: Block
    screening: list[ScreeningProgress]
    follow_ups: Block = field(default_factory=Block)


_COLUMNS = (Child.id, Child.name, Child.colour, Child.group_name, Child.last_visit_date, Child.next_visit_due)


def _active():
    return (Child.status == STATUS_ACTIVE, Child.deleted.is_(False))


def _items(session: Session, where, order, limit: int, today: dt.date) -> list[DashItem]:
    rows = session.execute(select(*_COLUMNS).where(*_active(), *where).order_by(*order).limit(limit))
    items = [DashItem(cid, name, colour, group, last, due, schedule.overdue_days(due, today))
             for cid, name, colour, group, last, due in rows]
    # the query follows the index (due date only), so it can stop after `limit` rows; names
    # break ties among the rows fetched
    items.sort(key=lambda i: (i.due is not None, i.due or today, i.name))
    return items


def _count(session: Session, where) -> int:
    return session.scalar(select(func.count()).select_from(Child).where(*_active(), *where)) or 0


def compute_dashboard(session: Session, today: dt.date | None = None, limit: int = 50,
                      with_follow_ups: bool = True, with_screening: bool = True) -> Dashboard:
    """The counts and lists. `with_follow_ups=False` leaves the 跟进到期 block empty (it reads every
    visit's follow-ups) and `with_screening=False` the screening progress (it counts every child
    of the round): the home screen fetches those afterwards, off the UI thread (issue 17)."""
    today = today or schedule.today_local()
    monday, sunday = schedule.week_bounds(today)
    colour_counts = {colour: n for colour, n in session.execute(
        select(Child.colour, func.count()).where(*_active()).group_by(Child.colour))}
    active = sum(colour_counts.values())

    overdue_where = (Child.next_visit_due < today,)
    week_where = (Child.next_visit_due >= today, Child.next_visit_due <= sunday)
    never_where = (Child.last_visit_date.is_(None),)
    by_due = (Child.next_visit_due,)
    red = ("红",)
    yellow = ("黄",)

    def colour_block(colour) -> Block:
        return Block(colour_counts.get(colour[0], 0),
                     _items(session, (Child.colour == colour[0],), by_due, limit, today))

    return Dashboard(
        today=today, week_start=monday, week_end=sunday, active=active, colour_counts=colour_counts,
        overdue=Block(_count(session, overdue_where), _items(session, overdue_where, by_due, limit, today)),
        due_this_week=Block(_count(session, week_where), _items(session, week_where, by_due, limit, today)),
        red=colour_block(red), yellow=colour_block(yellow),
        never_visited=Block(_count(session, never_where),
                            _items(session, never_where, by_due, limit, today)),
        screening=screening_progress(session) if with_screening else [],
        follow_ups=follow_ups_due(session, today, limit=limit) if with_follow_ups else Block(),
    )


def screening_progress(session: Session) -> list[ScreeningProgress]:
    """Each open screening round with how many of its children are screened."""
    return [ScreeningProgress(r.id, r.name, r.window_start, r.window_end, done, total)
            for r, done, total in open_round_progress(session)]


def follow_ups_and_screening(session: Session, today: dt.date | None = None) -> tuple[Block, list[ScreeningProgress]]:
    """The 工作台's two heavier blocks in one read: follow-ups due and the open rounds' progress (issue 17)."""
    return follow_ups_due(session, today), screening_progress(session)


FOLLOW_UP_DAYS = 7  # follow-ups due within a week (and overdue ones) are listed


def follow_ups_due(session: Session, today: dt.date | None = None, within_days: int = FOLLOW_UP_DAYS,
                   limit: int = 50) -> Block:
    """Open follow-ups (跟进事项) of active children due within `within_days` or overdue (issue 13),
    from the current version of each visit; the most overdue first."""
    import json

    from app.data.models.visits import Visit

    today = today or schedule.today_local()
    end = today + dt.timedelta(days=within_days)
    current: dict[str, tuple] = {}
    with one_pass(session):  # every visit is read once: its pages need not stay in memory (issue 17)
        rows = session.execute(
            select(Visit.id, Visit.amends_id, Visit.hlc, Visit.follow_ups, Child.id, Child.name, Child.colour,
                   Child.group_name, Child.last_visit_date)
            .join(Child, Child.id == Visit.child_id)
            .where(*_active(), Visit.deleted.is_(False), Visit.follow_ups.notin_(("", "[]"))))
        for vid, amends, hlc, fus, *child in rows:  # the newest amendment of a visit replaces it
            key = amends or vid
            if key not in current or hlc > current[key][0]:
                current[key] = (hlc, fus, child)
    items = []
    for _, fus, (cid, name, colour, group, last) in current.values():
        try:
            entries = json.loads(fus or "[]")
        except ValueError:
            continue
        for f in entries if isinstance(entries, list) else []:
            if not isinstance(f, dict) or f.get("done") or not f.get("due"):
                continue
            try:
                due = dt.date.fromisoformat(str(f["due"]))
            except ValueError:
                continue
            if due <= end:
                items.append(DashItem(cid, name, colour or "", group or "", last, due,
                                      schedule.overdue_days(due, today), str(f.get("action", ""))))
    items.sort(key=lambda i: (i.due, i.name))
    return Block(len(items), items[:limit])


def due_list(session: Session, within_days: int | None = None, today: dt.date | None = None) -> list[DashItem]:
    """Active children whose visit is overdue or due within `within_days` (default: this week)."""
    today = today or schedule.today_local()
    end = today + dt.timedelta(days=within_days) if within_days is not None else schedule.week_bounds(today)[1]
    rows = session.execute(select(*_COLUMNS).where(*_active(), Child.next_visit_due <= end)
                           .order_by(Child.next_visit_due, Child.name))
    return [DashItem(cid, name, colour, group, last, due, schedule.overdue_days(due, today))
            for cid, name, colour, group, last, due in rows]
