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

# The visits the 跟进到期 list reads (migration 0021): those with follow-ups, and every amendment (one that
# clears a visit's follow-ups replaces them). The query repeats the condition word for word, so SQLite
# reads this partial index alone (issue 17: reading every visit took 5 s at 100,000 children).
FOLLOW_UP_INDEX_NAME = "ix_visit_follow_ups"
_FOLLOW_UP_ROWS = "deleted = 0 AND (follow_ups NOT IN ('', '[]') OR amends_id IS NOT NULL)"
FOLLOW_UP_INDEX = (f"CREATE INDEX IF NOT EXISTS {FOLLOW_UP_INDEX_NAME} ON visit "
                   f"(child_id, id, amends_id, hlc, follow_ups) WHERE {_FOLLOW_UP_ROWS}")
_FOLLOW_UP_QUERY = (f"SELECT id, amends_id, hlc, follow_ups, child_id FROM visit WHERE {_FOLLOW_UP_ROWS} "
                    f"AND child_id IN (SELECT id FROM child WHERE deleted = 0 AND status = :active)")


def _open_follow_ups(fus: str | None, end: dt.date) -> list[tuple[dt.date, str]]:
    """(due, action) of a visit's follow-ups that are not done and due by `end`."""
    import json

    try:
        entries = json.loads(fus or "[]")
    except ValueError:
        return []
    found = []
    for f in entries if isinstance(entries, list) else []:
        if not isinstance(f, dict) or f.get("done") or not f.get("due"):
            continue
        try:
            due = dt.date.fromisoformat(str(f["due"]))
        except ValueError:
            continue
        if due <= end:
            found.append((due, str(f.get("action", ""))))
    return found


def follow_ups_due(session: Session, today: dt.date | None = None, within_days: int = FOLLOW_UP_DAYS,
                   limit: int = 50) -> Block:
    """Open follow-ups (跟进事项) of active children due within `within_days` or overdue (issue 13),
    from the current version of each visit (its newest amendment); the most overdue first.

    Reads the visits with follow-ups from their partial index (child ids only); the children's
    names are read for the listed follow-ups alone (issue 17)."""
    from sqlalchemy import text

    today = today or schedule.today_local()
    end = today + dt.timedelta(days=within_days)
    current: dict[str, tuple] = {}
    for vid, amends, hlc, fus, cid in session.execute(text(_FOLLOW_UP_QUERY), {"active": STATUS_ACTIVE}):
        key = amends or vid  # the newest amendment of a visit replaces it
        if key not in current or hlc > current[key][0]:
            current[key] = (hlc, fus, cid)
    found = [(due, cid, action) for _, fus, cid in current.values() for due, action in _open_follow_ups(fus, end)]
    found.sort(key=lambda f: f[0])
    # the first `limit` by due date, and every other one due that same day (names break the tie)
    shown = found[:limit]
    if len(found) > limit:
        last = found[limit - 1][0]
        shown = [f for f in found if f[0] <= last]
    children = _children(session, {cid for _, cid, _ in shown})
    items = [DashItem(cid, name, colour or "", group or "", last_visit, due, schedule.overdue_days(due, today), action)
             for due, cid, action in shown for name, colour, group, last_visit in [children[cid]]]
    items.sort(key=lambda i: (i.due, i.name))
    return Block(len(found), items[:limit])


def _children(session: Session, ids: set[str]) -> dict[str, tuple]:
    """name, colour, group and last visit of the children `ids`."""
    out: dict[str, tuple] = {}
    wanted = sorted(ids)
    for start in range(0, len(wanted), 900):
        rows = session.execute(select(Child.id, Child.name, Child.colour, Child.group_name, Child.last_visit_date)
                               .where(Child.id.in_(wanted[start:start + 900])))
        out.update({cid: (name, colour, group, last) for cid, name, colour, group, last in rows})
    return out


def due_list(session: Session, within_days: int | None = None, today: dt.date | None = None) -> list[DashItem]:
    """Active children whose visit is overdue or due within `within_days` (default: this week)."""
    today = today or schedule.today_local()
    end = today + dt.timedelta(days=within_days) if within_days is not None else schedule.week_bounds(today)[1]
    rows = session.execute(select(*_COLUMNS).where(*_active(), Child.next_visit_due <= end)
                           .order_by(Child.next_visit_due, Child.name))
    return [DashItem(cid, name, colour, group, last, due, schedule.overdue_days(due, today))
            for cid, name, colour, group, last, due in rows]
