"""总览: one row per unit under a division-code prefix (the county's townships, a township's
villages), each with the children on the register by category, the colour distribution, visits
overdue, this month's visit completion (一月一访), the current screening round's progress
(一年两排), open mandatory reports (and those overdue to 公安), the 应保未保 count and the last
sync of the unit's laptops.

Every number is a GROUP BY over `substr(village_code, 1, n)` (the same SQL on SQLite and
PostgreSQL), read from the child's derived columns (`colour`, `last_visit_date`,
`next_visit_due`) and their indexes rather than from the visit table; only the 应保未保 rule runs
in Python, over the few candidates SQL finds. Returned values are plain dataclasses.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import and_, case, distinct, exists, func, or_, select
from sqlalchemy.orm import Session

from app.core import clock
from app.data.models import Child, ChildCategory
from app.data.models.protection import MandatoryReport, ReportFollowUp, ReportNotification
from app.data.models.visits import ScreeningRecord, ScreeningRound, Visit
from app.domain import mandatory_reports as mr
from app.domain import schedule
from app.domain import vocab
from app.domain.child_rules import ADULT_AGE, LEFT_BEHIND_AGE_LIMIT, aged_out_cutoff
from app.server.console import units
from app.server.console.unpaid import unpaid
from app.server.db import Device


def local_now() -> dt.datetime:
    """The county's wall clock (Asia/Shanghai, naive), as reports and syncs are compared."""
    return clock.now().astimezone(schedule.SHANGHAI).replace(tzinfo=None, microsecond=0)

COLOURS = ["红", "黄", "蓝", "绿", ""]  # "" = 未评估
COLOUR_LABELS = {"红": "红", "黄": "黄", "蓝": "蓝", "绿": "绿", "": "未评估"}
STALE_DAYS = 14
ROUND_OPEN = "进行中"


@dataclass
class Row:
    """One unit's numbers (a township or village; also the total of the unit above)."""

    code: str
    name: str
    active: int = 0
    categories: dict[str, int] = field(default_factory=dict)
    colours: dict[str, int] = field(default_factory=dict)
    overdue: int = 0
    visited_month: int = 0
    screened: int = 0
    screen_total: int = 0
    reports_open: int = 0
    reports_police_overdue: int = 0
    unpaid: int = 0
    villages: int = 0
    stale_villages: int = 0
    last_sync: dt.datetime | None = None
    stale: bool = False  # a village not synced for 14 days (or never)

    @property
    def month_rate(self) -> float | None:
        return self.visited_month / self.active if self.active else None

    @property
    def screen_rate(self) -> float | None:
        return self.screened / self.screen_total if self.screen_total else None

    @property
    def is_village(self) -> bool:
        return len(self.code) == 12


@dataclass
class Overview:
    unit: units.Unit
    today: dt.date
    rows: list[Row]
    total: Row
    round_names: list[str]
    trend: list[tuple[str, int]]  # (YYYY-MM, visits) for the last 12 months


def _key(n: int):
    return func.substr(Child.village_code, 1, n)


def _active(prefix: str):
    return and_(Child.deleted.is_(False), Child.status == vocab.STATUS_ACTIVE, Child.village_code.startswith(prefix))


def _row(rows: dict[str, Row], code: str, known: dict[str, str]) -> Row:
    if code not in rows:
        rows[code] = Row(code, units.name_of(known, code))
    return rows[code]


def overview(s: Session, prefix: str, *, today: dt.date | None = None, now: dt.datetime | None = None,
             with_trend: bool = True, length: int | None = None) -> Overview:
    """The rows one level below `prefix` (or of codes `length` long: 12 for every village) and their total."""
    today = today or schedule.today_local()
    now = now or local_now()
    n = length or units.child_length(prefix) or 12
    known = units.names(s, prefix)
    rows: dict[str, Row] = {}
    for code, name in known.items():
        if len(code) == n and code.startswith(prefix):
            rows[code] = Row(code, name)
    _children(s, prefix, n, today, rows, known)
    _categories(s, prefix, n, today, rows, known)
    names = _screening(s, prefix, n, rows, known)
    _reports(s, prefix, n, now, rows, known)
    for line in unpaid(s, prefix, today):
        _row(rows, line.village_code[:n], known).unpaid += 1
    _syncs(s, prefix, n, clock.utcnow(), rows, known)
    ordered = [rows[k] for k in sorted(rows)]
    total = Row(prefix, units.name_of(known, prefix) if prefix else "全部")
    for r in ordered:
        _add(total, r)
    total.stale = bool(total.villages) and total.stale_villages == total.villages
    trend = visit_trend(s, prefix, today) if with_trend else []
    return Overview(units.Unit(prefix, total.name), today, ordered, total, names, trend)


def _add(total: Row, r: Row) -> None:
    for name in ("active", "overdue", "visited_month", "screened", "screen_total", "reports_open",
                 "reports_police_overdue", "unpaid", "villages", "stale_villages"):
        setattr(total, name, getattr(total, name) + getattr(r, name))
    for k, v in r.categories.items():
        total.categories[k] = total.categories.get(k, 0) + v
    for k, v in r.colours.items():
        total.colours[k] = total.colours.get(k, 0) + v
    if r.last_sync and (total.last_sync is None or r.last_sync > total.last_sync):
        total.last_sync = r.last_sync


def _children(s: Session, prefix: str, n: int, today: dt.date, rows: dict, known: dict) -> None:
    month_start, _ = schedule.month_bounds(today)
    key = _key(n)
    q = select(key, Child.colour, func.count(),
               func.sum(case((Child.next_visit_due < today, 1), else_=0)),
               func.sum(case((Child.last_visit_date >= month_start, 1), else_=0))).where(
        _active(prefix)).group_by(key, Child.colour)
    for code, colour, count, overdue, visited in s.execute(q):
        r = _row(rows, code, known)
        colour = colour if colour in COLOURS else ""
        r.colours[colour] = r.colours.get(colour, 0) + count
        r.active += count
        r.overdue += int(overdue or 0)
        r.visited_month += int(visited or 0)


def _categories(s: Session, prefix: str, n: int, today: dt.date, rows: dict, known: dict) -> None:
    key = _key(n)
    left = ChildCategory.category == vocab.CATEGORY_LEFT_BEHIND
    q = select(key, ChildCategory.category, func.count(distinct(Child.id))).join(
        ChildCategory, ChildCategory.child_id == Child.id).where(
        _active(prefix), ChildCategory.deleted.is_(False),
        or_(ChildCategory.ended.is_(None), ChildCategory.ended > today),
        or_(Child.birth_date.is_(None),
            and_(left, Child.birth_date > aged_out_cutoff(today, LEFT_BEHIND_AGE_LIMIT)),
            and_(~left, Child.birth_date > aged_out_cutoff(today, ADULT_AGE)))).group_by(key, ChildCategory.category)
    for code, category, count in s.execute(q):
        _row(rows, code, known).categories[category] = count


def _screening(s: Session, prefix: str, n: int, rows: dict, known: dict) -> list[str]:
    """Progress of each village's open round: children screened / children on the register."""
    open_round = and_(ScreeningRound.deleted.is_(False), ScreeningRound.status == ROUND_OPEN,
                      ScreeningRound.village_code.startswith(prefix))
    rkey = func.substr(ScreeningRound.village_code, 1, n)
    done = select(rkey, func.count(distinct(ScreeningRecord.child_id))).join(
        ScreeningRound, ScreeningRound.id == ScreeningRecord.round_id).where(
        open_round, ScreeningRecord.deleted.is_(False), ScreeningRecord.screened_on.is_not(None)).group_by(rkey)
    for code, count in s.execute(done):
        _row(rows, code, known).screened += count
    villages = select(ScreeningRound.village_code).where(open_round)
    key = _key(n)
    total = select(key, func.count()).where(_active(prefix), Child.village_code.in_(villages)).group_by(key)
    for code, count in s.execute(total):
        _row(rows, code, known).screen_total += count
    return sorted(set(s.scalars(select(ScreeningRound.name).where(open_round).distinct())))


def police_overdue_clause(now: dt.datetime, hours: dict[str, int] | None = None):
    """SQL for `mandatory_reports.police_overdue` on an open report (its time limit by urgency)."""
    hours = hours or mr.alarm_hours()
    limits = [and_(MandatoryReport.urgency == u, MandatoryReport.recorded_at <= now - dt.timedelta(hours=h))
              for u, h in hours.items()]
    other = and_(MandatoryReport.urgency.not_in(list(hours)), MandatoryReport.recorded_at <= now - dt.timedelta(hours=24))
    police = exists().where(ReportNotification.report_id == MandatoryReport.id, ReportNotification.deleted.is_(False),
                            ReportNotification.body == mr.POLICE)
    return and_(~police, or_(*limits, other))


def open_report_clause():
    closed = exists().where(ReportFollowUp.report_id == MandatoryReport.id, ReportFollowUp.deleted.is_(False),
                            ReportFollowUp.closes.is_(True))
    return and_(MandatoryReport.deleted.is_(False), ~closed)


def _reports(s: Session, prefix: str, n: int, now: dt.datetime, rows: dict, known: dict) -> None:
    key = _key(n)
    q = select(key, func.count(), func.sum(case((police_overdue_clause(now), 1), else_=0))).join(
        Child, Child.id == MandatoryReport.child_id).where(
        Child.deleted.is_(False), Child.village_code.startswith(prefix), open_report_clause()).group_by(key)
    for code, count, late in s.execute(q):
        r = _row(rows, code, known)
        r.reports_open += count
        r.reports_police_overdue += int(late or 0)


def _syncs(s: Session, prefix: str, n: int, now: dt.datetime, rows: dict, known: dict) -> None:
    """Each village's latest sync (UTC) by any laptop whose scope covers it; villages stale after 14 days."""
    last: dict[str, dt.datetime | None] = {}
    for scope, at in s.execute(select(Device.scope, func.max(Device.last_sync)).where(
            Device.revoked.is_(False)).group_by(Device.scope)):
        last[scope] = at
    villages = {c for c in known if len(c) == 12 and c.startswith(prefix)}
    villages |= set(s.scalars(select(Child.village_code).where(
        Child.deleted.is_(False), Child.village_code.startswith(prefix)).distinct()))
    limit = now - dt.timedelta(days=STALE_DAYS)
    for village in villages:
        seen = [at for scope, at in last.items() if at is not None and village.startswith(scope)]
        at = max(seen) if seen else None
        r = _row(rows, village[:n], known)
        r.villages += 1
        if at is None or at < limit:
            r.stale_villages += 1
        if at and (r.last_sync is None or at > r.last_sync):
            r.last_sync = at
    for r in rows.values():
        r.stale = r.villages > 0 and r.stale_villages == r.villages if not r.is_village else r.stale_villages > 0


def visit_trend(s: Session, prefix: str, today: dt.date, months: int = 12) -> list[tuple[str, int]]:
    """Visits made per month over the last `months` months (corrections are not new visits)."""
    first = today.replace(day=1)
    for _ in range(months - 1):
        first = (first - dt.timedelta(days=1)).replace(day=1)
    q = select(Visit.visit_date, func.count()).where(
        Visit.visit_date >= first, Visit.visit_date <= today, Visit.amends_id.is_(None), Visit.deleted.is_(False))
    if prefix:
        q = q.join(Child, Child.id == Visit.child_id).where(Child.village_code.startswith(prefix))
    counts: dict[str, int] = {}
    for day, count in s.execute(q.group_by(Visit.visit_date)):
        key = f"{day:%Y-%m}" if isinstance(day, dt.date) else str(day)[:7]
        counts[key] = counts.get(key, 0) + count
    out = []
    month = first
    for _ in range(months):
        key = f"{month:%Y-%m}"
        out.append((key, counts.get(key, 0)))
        month = (month + dt.timedelta(days=32)).replace(day=1)
    return out
