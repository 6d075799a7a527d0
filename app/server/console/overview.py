"""总览: one row per unit under a division-code prefix (the county's townships, a township's
villages), each with the children on the register by category, the colour distribution, visits
overdue, this month's visit completion (一月一访), the current screening round's progress
(一年两排), open mandatory reports (and those overdue to 公安), the 应保未保 count and the last
sync of the unit's laptops.

Every number is a GROUP BY village_code (the same SQL on SQLite and PostgreSQL), read from the
child's derived columns (`colour`, `last_visit_date`, `next_visit_due`) rather than by folding
visits; only the 应保未保 rule runs in Python, over the few candidates SQL finds. The village
numbers are kept between requests and recomputed only for the villages whose rows the county log
shows changed (and all of them when the day turns); township and county rows are sums of at most
a few hundred village rows. Open reports (overdue to 公安 as time passes) and the last syncs are
read fresh on every request. Returned values are plain dataclasses.
"""

from __future__ import annotations

import datetime as dt
import threading
import weakref
from dataclasses import dataclass, field

from sqlalchemy import and_, case, distinct, exists, func, or_, select, true
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
from app.server.console.derived import WATERMARK as SCHEDULE_WATERMARK
from app.server.db import Device, LogEntry, ServerSetting


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


def _row(rows: dict[str, Row], code: str, known: dict[str, str]) -> Row:
    if code not in rows:
        rows[code] = Row(code, units.name_of(known, code))
    return rows[code]


# -- per-village numbers, cached between county log changes ----------------------------------------
@dataclass
class VillageStats:
    """One village's numbers that change only when its rows change (or the day turns)."""

    active: int = 0
    colours: dict[str, int] = field(default_factory=dict)
    overdue: int = 0
    visited_month: int = 0
    categories: dict[str, int] = field(default_factory=dict)
    screened: int = 0
    screen_total: int = 0
    unpaid: int = 0
    trend: dict[str, int] = field(default_factory=dict)  # YYYY-MM -> visits
    rounds: frozenset[str] = frozenset()


def trend_start(today: dt.date, months: int = 12) -> dt.date:
    first = today.replace(day=1)
    for _ in range(months - 1):
        first = (first - dt.timedelta(days=1)).replace(day=1)
    return first


def _month(s: Session, column):
    if s.get_bind().dialect.name == "postgresql":
        return func.to_char(column, "YYYY-MM")
    return func.substr(column, 1, 7)


def village_stats(s: Session, today: dt.date, villages: list[str] | None = None) -> dict[str, VillageStats]:
    """The numbers of every village on the server (or of `villages`): one GROUP BY village_code
    query per figure."""
    if villages is not None and not villages:
        return {}
    out: dict[str, VillageStats] = {}

    def only(column):
        return true() if villages is None else column.in_(villages)

    active = and_(Child.deleted.is_(False), Child.status == vocab.STATUS_ACTIVE, only(Child.village_code))
    _stats_children(s, today, active, out)
    _stats_categories(s, today, active, out)
    _stats_screening(s, only, out)
    for line in unpaid(s, "", today, villages=villages):
        out.setdefault(line.village_code, VillageStats()).unpaid += 1
    _stats_trend(s, today, only, out)
    return out


def _stats_children(s: Session, today: dt.date, active, out: dict[str, VillageStats]) -> None:
    month_start, _ = schedule.month_bounds(today)
    v = Child.village_code
    for code, colour, count, overdue, visited in s.execute(select(
            v, Child.colour, func.count(), func.sum(case((Child.next_visit_due < today, 1), else_=0)),
            func.sum(case((Child.last_visit_date >= month_start, 1), else_=0))).where(active).group_by(v, Child.colour)):
        st = out.setdefault(code, VillageStats())
        colour = colour if colour in COLOURS else ""
        st.colours[colour] = st.colours.get(colour, 0) + count
        st.active += count
        st.overdue += int(overdue or 0)
        st.visited_month += int(visited or 0)


def _stats_categories(s: Session, today: dt.date, active, out: dict[str, VillageStats]) -> None:
    left = ChildCategory.category == vocab.CATEGORY_LEFT_BEHIND
    v = Child.village_code
    for code, category, count in s.execute(select(v, ChildCategory.category, func.count(distinct(Child.id))).join(
            ChildCategory, ChildCategory.child_id == Child.id).where(
            active, ChildCategory.deleted.is_(False), or_(ChildCategory.ended.is_(None), ChildCategory.ended > today),
            or_(Child.birth_date.is_(None),
                and_(left, Child.birth_date > aged_out_cutoff(today, LEFT_BEHIND_AGE_LIMIT)),
                and_(~left, Child.birth_date > aged_out_cutoff(today, ADULT_AGE)))).group_by(v, ChildCategory.category)):
        out.setdefault(code, VillageStats()).categories[category] = count


def _stats_screening(s: Session, only, out: dict[str, VillageStats]) -> None:
    """Progress of each village's open round: children screened / children on the register."""
    open_round = and_(ScreeningRound.deleted.is_(False), ScreeningRound.status == ROUND_OPEN,
                      only(ScreeningRound.village_code))
    rounds: dict[str, set[str]] = {}
    for code, name in s.execute(select(ScreeningRound.village_code, ScreeningRound.name).where(open_round)):
        rounds.setdefault(code, set()).add(name)
    for code, names in rounds.items():
        st = out.setdefault(code, VillageStats())
        st.rounds = frozenset(names)
        st.screen_total = st.active
    for code, count in s.execute(select(ScreeningRound.village_code, func.count(distinct(ScreeningRecord.child_id)))
                                 .join(ScreeningRound, ScreeningRound.id == ScreeningRecord.round_id).where(
            open_round, ScreeningRecord.deleted.is_(False), ScreeningRecord.screened_on.is_not(None))
            .group_by(ScreeningRound.village_code)):
        out.setdefault(code, VillageStats()).screened += count


def _stats_trend(s: Session, today: dt.date, only, out: dict[str, VillageStats]) -> None:
    v = Child.village_code
    month = _month(s, Visit.visit_date)
    for code, key, count in s.execute(select(v, month, func.count()).join(Child, Child.id == Visit.child_id).where(
            only(v), Child.deleted.is_(False), Visit.visit_date >= trend_start(today), Visit.visit_date <= today,
            Visit.amends_id.is_(None), Visit.deleted.is_(False)).group_by(v, month)):
        out.setdefault(code, VillageStats()).trend[str(key)] = count


class _Cache:
    def __init__(self):
        self.lock = threading.Lock()
        self.today: dt.date | None = None
        self.seq = -1
        self.stats: dict[str, VillageStats] = {}


_CACHES: "weakref.WeakKeyDictionary[object, _Cache]" = weakref.WeakKeyDictionary()


def clear_cache() -> None:
    _CACHES.clear()


def cached_stats(s: Session, today: dt.date) -> dict[str, VillageStats]:
    """Every village's numbers, recomputed only for the villages the county log touched since the
    last call (up to where the derived schedule columns have been caught up), or all of them on
    the first call of a day."""
    cache = _CACHES.setdefault(s.get_bind(), _Cache())
    with cache.lock:
        top = s.scalar(select(func.max(LogEntry.seq))) or 0
        mark = s.get(ServerSetting, SCHEDULE_WATERMARK)
        done = min(top, int(mark.value) if mark is not None and mark.value.isdigit() else 0)
        if cache.today != today or cache.seq < 0:
            cache.stats, cache.today, cache.seq = village_stats(s, today), today, done
        elif done > cache.seq:
            dirty: set[str] = set()
            for a, b in s.execute(select(LogEntry.scope_code, LogEntry.scope_code2).where(
                    LogEntry.seq > cache.seq, LogEntry.seq <= done).distinct()):
                dirty.update(c for c in (a, b) if c and len(c) == 12)
            if dirty:
                fresh = village_stats(s, today, sorted(dirty))
                for code in dirty:
                    cache.stats[code] = fresh.get(code, VillageStats())
            cache.seq = done
        return dict(cache.stats)


def overview(s: Session, prefix: str, *, today: dt.date | None = None, now: dt.datetime | None = None,
             with_trend: bool = True, length: int | None = None) -> Overview:
    """The rows one level below `prefix` (or of codes `length` long: 12 for every village) and their
    total. The village numbers are summed into townships here (at most a few hundred rows)."""
    today = today or schedule.today_local()
    now = now or local_now()
    n = length or units.child_length(prefix) or 12
    known = units.names(s, prefix)
    rows: dict[str, Row] = {}
    for code, name in known.items():
        if len(code) == n and code.startswith(prefix):
            rows[code] = Row(code, name)
    stats = {c: st for c, st in cached_stats(s, today).items() if c.startswith(prefix)}
    round_names: set[str] = set()
    for code, st in stats.items():
        r = _row(rows, code[:n], known)
        r.active += st.active
        r.overdue += st.overdue
        r.visited_month += st.visited_month
        r.screened += st.screened
        r.screen_total += st.screen_total
        r.unpaid += st.unpaid
        for k, c in st.colours.items():
            r.colours[k] = r.colours.get(k, 0) + c
        for k, c in st.categories.items():
            r.categories[k] = r.categories.get(k, 0) + c
        round_names |= st.rounds
    _reports(s, prefix, n, now, rows, known)
    _syncs(s, prefix, n, clock.utcnow(), rows, known, set(stats))
    ordered = [rows[k] for k in sorted(rows)]
    total = Row(prefix, units.name_of(known, prefix) if prefix else "全部")
    for r in ordered:
        _add(total, r)
    total.stale = bool(total.villages) and total.stale_villages == total.villages
    trend = _trend(stats.values(), today) if with_trend else []
    return Overview(units.Unit(prefix, total.name), today, ordered, total, sorted(round_names), trend)


def _trend(stats, today: dt.date, months: int = 12) -> list[tuple[str, int]]:
    out = []
    month = trend_start(today, months)
    for _ in range(months):
        key = f"{month:%Y-%m}"
        out.append((key, sum(st.trend.get(key, 0) for st in stats)))
        month = (month + dt.timedelta(days=32)).replace(day=1)
    return out


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
    """Open reports and those overdue to 公安 (time-dependent: never cached; reports are few)."""
    key = func.substr(Child.village_code, 1, n)
    q = select(key, func.count(), func.sum(case((police_overdue_clause(now), 1), else_=0))).join(
        Child, Child.id == MandatoryReport.child_id).where(
        Child.deleted.is_(False), Child.village_code.startswith(prefix), open_report_clause()).group_by(key)
    for code, count, late in s.execute(q):
        r = _row(rows, code, known)
        r.reports_open += count
        r.reports_police_overdue += int(late or 0)


def _syncs(s: Session, prefix: str, n: int, now: dt.datetime, rows: dict, known: dict, with_children: set[str]) -> None:
    """Each village's latest sync (UTC) by any laptop whose scope covers it; villages stale after 14 days."""
    last: dict[str, dt.datetime] = {}
    for scope, at in s.execute(select(Device.scope, func.max(Device.last_sync)).where(
            Device.revoked.is_(False), Device.last_sync.is_not(None)).group_by(Device.scope)):
        last[scope] = at
    villages = {c for c in known if len(c) == 12 and c.startswith(prefix)} | with_children
    limit = now - dt.timedelta(days=STALE_DAYS)
    for village in villages:
        seen = [at for at in (last.get(village), last.get(village[:9]), last.get(village[:6]), last.get(""))
                if at is not None]
        at = max(seen) if seen else None
        r = _row(rows, village[:n], known)
        r.villages += 1
        if at is None or at < limit:
            r.stale_villages += 1
        if at and (r.last_sync is None or at > r.last_sync):
            r.last_sync = at
    for r in rows.values():
        r.stale = r.villages > 0 and r.stale_villages == r.villages if not r.is_village else r.stale_villages > 0
