"""The query layer of printing: reads the store and hands the layout modules plain data.

Each function opens one read session, copies what a document needs into dataclasses and dicts
(ORM rows become plain dicts of their columns), and closes it again, so the layout code never
touches a session. A record that does not exist raises `NotFound`; a kind of record this
installation cannot provide raises `NotAvailable` (both carry a Chinese message).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field

from sqlalchemy import select

from app.core import clock
from app.core.errors import NotFoundError, TonghuError
from app.data.base import SYNC_COLUMNS
from app.data.models import CareArrangement, Child, Guardian, User
from app.domain import idnumber, places, schedule
from app.domain import vocab
from app.domain.vocab import STATUS_ACTIVE


class NotFound(NotFoundError):
    """The record to print does not exist (message in Chinese)."""


class NotAvailable(TonghuError):
    """This kind of document cannot be printed in this installation (message in Chinese)."""


@dataclass
class PrintContext:
    """Who prints, where, when: what every page header and footer says."""

    county: str
    township: str
    village: str
    village_code: str
    printed_by: str
    printed_at: dt.datetime
    today: dt.date

    @property
    def place_line(self) -> str:
        return " ".join(p for p in (self.county, self.township, self.village) if p)


@dataclass
class ChildSheet:
    """Everything the 儿童信息登记表 prints."""

    child: dict
    age: int | None
    categories: list[dict]
    current_categories: list[str]
    guardians: list[dict]
    carers: list[dict]
    needs: list[dict]
    assessments: list[dict]
    visits: list[dict]
    benefits: list[dict] = field(default_factory=list)
    insurances: list[dict] = field(default_factory=list)
    services: list[dict] = field(default_factory=list)
    interval_days: int = 30


@dataclass
class VisitSheet:
    """A 走访记录表: prefilled for a planned visit, or filled from a recorded one (`visit`)."""

    child: dict
    age: int | None
    categories: list[str]
    guardians: list[dict]
    carer: dict | None
    last_visit: dict | None
    due: dt.date | None
    interval_days: int
    checklist: list[dict]          # [{key, label, hint}] from app.domain.visit_checklist
    answers: list[str]             # the answer options (正常 / 有问题 / 未了解)
    visit_kinds: list[str]
    open_follow_ups: list[dict]
    visit: dict | None = None      # the recorded visit (its current version) when filled
    amended: bool = False
    plan_id: str = ""              # the planned visit's id (P + due date), carried in the QR code

    @property
    def qr_data(self) -> str:
        """QR payload: upper case so it encodes in QR's compact alphanumeric mode."""
        second = f"V:{self.visit['id']}" if self.visit else f"P:{self.plan_id}"
        return f"TONGHU:1:C:{self.child['id']}:{second}".upper()


@dataclass
class LedgerLine:
    child_id: str
    name: str
    sex: str
    age: int | None
    group_name: str
    address: str
    categories: list[str]
    colour: str
    interval_days: int
    required: int                  # visits the month asks for (at least one: 一月一访)
    done: int                      # visits recorded in the month
    visit_dates: list[dt.date]
    last_visit: dt.date | None
    next_due: dt.date | None
    overdue_days: int              # as of the print date, running month only (0: not overdue)

    @property
    def missing(self) -> int:
        return max(0, self.required - self.done)


@dataclass
class Ledger:
    month: str
    first: dt.date
    last: dt.date
    as_of: dt.date
    lines: list[LedgerLine]

    @property
    def children(self) -> int:
        return len(self.lines)

    @property
    def colour_counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for line in self.lines:
            out[line.colour] = out.get(line.colour, 0) + 1
        return out

    @property
    def visits_done(self) -> int:
        return sum(line.done for line in self.lines)

    @property
    def visits_required(self) -> int:
        return sum(line.required for line in self.lines)

    @property
    def children_visited(self) -> int:
        return sum(1 for line in self.lines if line.done)

    @property
    def overdue(self) -> int:
        return sum(1 for line in self.lines if line.overdue_days)


@dataclass
class ScreeningSheet:
    round: dict
    lines: list[dict]              # {name, colour, group_name, screened_on, screener, in_scope, ...}

    @property
    def total(self) -> int:
        return len(self.lines)

    @property
    def screened(self) -> int:
        return sum(1 for line in self.lines if line["screened_on"])

    @property
    def skipped(self) -> int:
        return sum(1 for line in self.lines if not line["screened_on"] and line["skip_reason"])

    @property
    def unexplained(self) -> int:
        return sum(1 for line in self.lines if not line["screened_on"] and not line["skip_reason"])


@dataclass
class ReportSheet:
    report: dict
    child: dict
    age: int | None
    categories: list[str]
    guardians: list[dict]
    carer: dict | None
    notifications: list[dict]
    follow_ups: list[dict]
    amendments: list[dict]


@dataclass
class CaseSheet:
    case: dict
    child: dict
    age: int | None
    categories: list[str]
    parties: list[dict]
    steps: list[dict]
    notes: list[dict]


# -- helpers ----------------------------------------------------------------------------

def plain(row) -> dict:
    """An ORM row as a dict of its columns (sync bookkeeping and binary photos left out)."""
    out = {}
    for col in row.__table__.columns:
        if col.key in SYNC_COLUMNS and col.key != "id":
            continue
        value = getattr(row, col.key)
        if isinstance(value, (bytes, bytearray)):
            continue
        out[col.key] = value
    return out


def _age(birth: dt.date | None, today: dt.date) -> int | None:
    return idnumber.age_on(birth, today) if birth else None


def _json(text, default):
    try:
        value = json.loads(text or "")
    except (TypeError, ValueError):
        return default
    return value if isinstance(value, type(default)) else default


def _natural(text: str) -> list:
    """Sort key that puts 2组 before 10组."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text or "")]


_RELATION_RANK = {r: i for i, r in enumerate(vocab.RELATIONS)}


def relation_rank(guardian: dict) -> tuple:
    """Parents first, then grandparents..., as the child's file lists them."""
    return (_RELATION_RANK.get(guardian.get("relation", ""), 99), guardian.get("id", ""))


def _policy():
    from app.domain.policy import default_policy

    return default_policy()


def _real_names(session) -> dict[str, str]:
    """Login name → the person's real name (姓名): paper names people, never accounts (issue 13)."""
    return {u.name: u.display_name or u.name for u in session.scalars(select(User))}


MANDATORY_REPORT_SOURCE = "mandatory_report"  # Assessment.source of a report's automatic 红
REPORT_REASON_ON_FILE = "因强制报告调整为红色（详见强制报告登记表）"


def _child_or_fail(session, child_id: str) -> Child:
    child = session.get(Child, child_id)
    if child is None or child.deleted:
        raise NotFound(f"找不到该儿童：{child_id}")
    return child


def _categories(session, child_ids: list[str], today: dt.date) -> dict[str, list[str]]:
    from app.data.children import current_categories

    return current_categories(session, child_ids, today)


def context(store, now: dt.datetime | None = None) -> PrintContext:
    now = now or clock.local_now()
    code = store.village_code
    with store.read_session() as s:
        user = s.get(User, store.user)
        who = (user.display_name or user.name) if user else store.user
    return PrintContext(
        county=store.place_name(places.county_of(code)) if code else "",
        township=store.place_name(places.township_of(code)) if code else "",
        village=store.place_name(code) if code else "",
        village_code=code, printed_by=who, printed_at=now, today=now.date(),
    )


# -- the child's file ----------------------------------------------------------------

def child_sheet(store, child_id: str, today: dt.date | None = None) -> ChildSheet:
    from app.data import children as children_data
    from app.data import visits as visits_data

    today = today or clock.today()
    policy = _policy()
    with store.read_session() as s:
        child = _child_or_fail(s, child_id)
        names = _real_names(s)
        assessments = []
        for a in visits_data.assessments(s, child_id):
            row = plain(a)
            row["reason_labels"] = [r.get("label", "") for r in _json(a.reasons, []) if isinstance(r, dict)]
            row["assessor"] = names.get(row.get("assessor"), row.get("assessor"))
            if row.get("source") == MANDATORY_REPORT_SOURCE:
                # the file card never carries what a report describes (it stays on the report form)
                row["override_reason"] = REPORT_REASON_ON_FILE
            assessments.append(row)
        visits = []
        for entry in visit_history_limited(s, child_id, 6):
            row = plain(entry.current)
            row["amended"] = bool(entry.amendments)
            row["visitor"] = names.get(row.get("visitor"), row.get("visitor"))
            visits.append(row)
        sheet = ChildSheet(
            child=plain(child), age=_age(child.birth_date, today),
            categories=[plain(c) for c in children_data.child_categories(s, child_id)],
            current_categories=_categories(s, [child_id], today)[child_id],
            guardians=[plain(g) for g in children_data.guardians(s, child_id)],
            carers=[plain(c) for c in children_data.care_arrangements(s, child_id)],
            needs=[plain(n) for n in children_data.needs(s, child_id)],
            assessments=assessments, visits=visits,
            interval_days=policy.interval(child.colour),
        )
        sheet.benefits, sheet.insurances, sheet.services = _benefits(s, child_id)
    return sheet


def visit_history_limited(session, child_id: str, limit: int):
    from app.data import visits as visits_data

    return visits_data.visit_history(session, child_id)[:limit]


def _benefits(session, child_id: str) -> tuple[list[dict], list[dict], list[dict]]:
    try:
        from app.data.models.protection import BenefitEntitlement, DisabilityService, Insurance
    except ImportError:  # the protection feature is not installed
        return [], [], []

    def rows(model, order):
        return [plain(r) for r in session.scalars(select(model).where(
            model.child_id == child_id, model.deleted.is_(False)).order_by(order))]

    return (rows(BenefitEntitlement, BenefitEntitlement.start_date),
            rows(Insurance, Insurance.start_date),
            rows(DisabilityService, DisabilityService.referred_on))


# -- visit forms ----------------------------------------------------------------------

def _checklist_defs() -> tuple[list[dict], list[str], list[str]]:
    from app.domain import visit_checklist as vc

    return ([{"key": i.key, "label": i.label, "hint": i.hint} for i in vc.CHECKLIST],
            list(vc.ANSWERS), list(vc.VISIT_KINDS))


def _sheets_for(session, children: list[Child], today: dt.date) -> list[VisitSheet]:
    """Prefilled visit sheets for many children with a handful of queries (batch printing)."""
    from app.data.models.visits import Visit

    policy = _policy()
    ids = [c.id for c in children]
    cats = _categories(session, ids, today)
    guardians: dict[str, list[dict]] = {i: [] for i in ids}
    carers: dict[str, dict] = {}
    last: dict[str, dict] = {}
    for start in range(0, len(ids), 900):
        chunk = ids[start:start + 900]
        for g in session.scalars(select(Guardian).where(Guardian.child_id.in_(chunk), Guardian.deleted.is_(False))
                                 .order_by(Guardian.id)):
            guardians[g.child_id].append(plain(g))
        for c in session.scalars(select(CareArrangement).where(
                CareArrangement.child_id.in_(chunk), CareArrangement.deleted.is_(False))
                .order_by(CareArrangement.since.desc(), CareArrangement.id)):
            carers.setdefault(c.child_id, plain(c))
        visits = list(session.scalars(select(Visit).where(Visit.child_id.in_(chunk), Visit.deleted.is_(False))
                                      .order_by(Visit.hlc, Visit.id)))
        current = {}
        for v in visits:  # the newest amendment of each visit counts
            current[v.amends_id or v.id] = v
        for v in current.values():
            known = last.get(v.child_id)
            if known is None or v.visit_date > known["visit_date"]:
                last[v.child_id] = plain(v)
    checklist, answers, kinds = _checklist_defs()
    names = _real_names(session)
    sheets = []
    for c in children:
        lv = last.get(c.id)
        if lv:  # 上次走访 names the visitor by real name too (issue 13)
            lv = {**lv, "visitor": names.get(lv.get("visitor"), lv.get("visitor"))}
        follow = []
        if lv:
            follow = [f for f in _json(lv.get("follow_ups"), []) if isinstance(f, dict) and not f.get("done")]
        due = c.next_visit_due
        sheets.append(VisitSheet(
            child=plain(c), age=_age(c.birth_date, today), categories=cats.get(c.id, []),
            guardians=sorted(guardians.get(c.id, []), key=relation_rank), carer=carers.get(c.id),
            last_visit=lv, due=due, interval_days=policy.interval(c.colour), checklist=checklist,
            answers=answers, visit_kinds=kinds, open_follow_ups=follow,
            plan_id=(due or today).strftime("%Y%m%d"),
        ))
    return sheets


def visit_sheet(store, child_id: str, visit_id: str | None = None, today: dt.date | None = None) -> VisitSheet:
    """The visit form of one child: prefilled for the next planned visit, or filled from `visit_id`."""
    from app.data import visits as visits_data
    from app.data.models.visits import Visit

    today = today or clock.today()
    with store.read_session() as s:
        child = _child_or_fail(s, child_id)
        sheet = _sheets_for(s, [child], today)[0]
        if visit_id:
            visit = s.get(Visit, visit_id)
            if visit is None or visit.deleted or visit.child_id != child_id:
                raise NotFound(f"找不到该儿童的这次走访记录：{visit_id}")
            original = s.get(Visit, visit.amends_id) if visit.amends_id else visit
            current = visits_data.effective_version(s, original)
            row = plain(current)
            row["id"] = original.id
            row["visitor"] = _real_names(s).get(row.get("visitor"), row.get("visitor"))
            row["checklist"] = _json(current.checklist, {})
            row["follow_ups"] = _json(current.follow_ups, [])
            sheet.visit = row
            sheet.amended = current.id != original.id
            # the "last visit" of a filled form is the one before it
            earlier = [e.current for e in visits_data.visit_history(s, child_id)
                       if e.original.id != original.id and e.current.visit_date <= current.visit_date]
            sheet.last_visit = plain(earlier[0]) if earlier else None
            if sheet.last_visit:
                sheet.last_visit["visitor"] = _real_names(s).get(sheet.last_visit.get("visitor"),
                                                                 sheet.last_visit.get("visitor"))
    return sheet


WITHIN = ("week", "month")
ROUTE_ORDERS = ("group", "address")


def due_range(within: str, today: dt.date) -> tuple[dt.date, dt.date]:
    if within == "week":
        return schedule.week_bounds(today)
    if within == "month":
        return schedule.month_bounds(today)
    raise ValueError(within)


def due_sheets(store, within: str = "week", order: str = "group", today: dt.date | None = None,
               limit: int | None = None) -> list[VisitSheet]:
    """Visit forms of every active child whose visit is overdue or falls due by the end of this
    week / month, plus children never visited; in route order by 组 (then address) or address."""
    today = today or clock.today()
    _, end = due_range(within, today)
    with store.read_session() as s:
        keys = s.execute(select(Child.id, Child.group_name, Child.address, Child.name).where(
            Child.deleted.is_(False), Child.status == STATUS_ACTIVE,
            (Child.next_visit_due <= end) | Child.last_visit_date.is_(None))).all()
        if order == "address":
            keys.sort(key=lambda c: (_natural(c.address), _natural(c.group_name), c.name))
        else:
            keys.sort(key=lambda c: (c.group_name == "", _natural(c.group_name), _natural(c.address), c.name))
        ids = [k.id for k in (keys[:limit] if limit is not None else keys)]
        rank = {cid: i for i, cid in enumerate(ids)}
        children = []
        for start in range(0, len(ids), 900):
            children += s.scalars(select(Child).where(Child.id.in_(ids[start:start + 900]))).all()
        children.sort(key=lambda c: rank[c.id])
        return _sheets_for(s, children, today)


# -- the monthly ledger ------------------------------------------------------------------

def parse_month(month: str) -> tuple[dt.date, dt.date]:
    m = re.fullmatch(r"(\d{4})-(\d{1,2})", (month or "").strip())
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise ValueError("月份格式应为 YYYY-MM，例如 2026-11")
    return schedule.month_bounds(dt.date(int(m.group(1)), int(m.group(2)), 1))


def required_visits(interval_days: int, first: dt.date, last: dt.date) -> int:
    """Visits a month asks for at a colour's interval: at least one (一月一访)."""
    days = (last - first).days + 1
    return max(1, days // max(1, interval_days))


def ledger(store, month: str, today: dt.date | None = None) -> Ledger:
    """Every active child of the village with colour, visits done and due in `month`."""
    from app.data.models.visits import Visit

    today = today or clock.today()
    first, last = parse_month(month)
    policy = _policy()
    with store.read_session() as s:
        rows = s.execute(select(Child.id, Child.name, Child.sex, Child.birth_date, Child.group_name,
                                Child.address, Child.colour, Child.last_visit_date, Child.next_visit_due)
                         .where(Child.deleted.is_(False), Child.status == STATUS_ACTIVE)).all()
        ids = [r.id for r in rows]
        cats = _categories(s, ids, today)
        visits = s.execute(select(Visit.id, Visit.amends_id, Visit.child_id, Visit.visit_date)
                           .where(Visit.deleted.is_(False), Visit.visit_date >= first - dt.timedelta(days=366),
                                  Visit.visit_date <= last + dt.timedelta(days=366))
                           .order_by(Visit.hlc, Visit.id)).all()
    current: dict[str, tuple[str, dt.date]] = {}
    for vid, amends, cid, day in visits:  # the newest amendment of each visit counts
        current[amends or vid] = (cid, day)
    dates: dict[str, list[dt.date]] = {}
    for cid, day in current.values():
        if first <= day <= last:
            dates.setdefault(cid, []).append(day)
    as_of = min(today, last) if today >= first else first
    current = first <= today <= last  # overdue is a fact of today: only the running month shows it
    lines = []
    for r in rows:
        interval = policy.interval(r.colour)
        done = sorted(dates.get(r.id, []))
        lines.append(LedgerLine(
            child_id=r.id, name=r.name, sex=r.sex, age=_age(r.birth_date, last), group_name=r.group_name,
            address=r.address, categories=cats.get(r.id, []), colour=r.colour or "", interval_days=interval,
            required=required_visits(interval, first, last), done=len(done), visit_dates=done,
            last_visit=r.last_visit_date, next_due=r.next_visit_due,
            overdue_days=schedule.overdue_days(r.next_visit_due, today) if current else 0,
        ))
    lines.sort(key=lambda x: (x.group_name == "", _natural(x.group_name), _natural(x.address), x.name))
    return Ledger(month=f"{first:%Y-%m}", first=first, last=last, as_of=as_of, lines=lines)


# -- screening rounds ------------------------------------------------------------------

def screening_sheet(store, round_id: str) -> ScreeningSheet:
    from app.data import visits as visits_data
    from app.domain.errors import ValidationError

    with store.read_session() as s:
        try:
            progress = visits_data.round_progress(s, round_id)
        except ValidationError:
            raise NotFound(f"找不到该排查轮次：{round_id}") from None
        ids = [line.child_id for line in progress.lines]
        groups = dict(s.execute(select(Child.id, Child.group_name).where(Child.id.in_(ids))).all()) if len(ids) < 30000 else {}
        names = {u.name: u.display_name or u.name for u in s.scalars(select(User))}
        lines = []
        for line in progress.lines:
            rec = line.record
            lines.append({
                "child_id": line.child_id, "name": line.name, "colour": line.colour or "",
                "group_name": groups.get(line.child_id, ""),
                "screened_on": rec.screened_on if rec else None,
                "screener": names.get(rec.screener, rec.screener) if rec else "",
                "in_scope": rec.in_scope if rec else None, "category_ok": rec.category_ok if rec else None,
                "reassessed": rec.reassessed if rec else False, "newly_found": rec.newly_found if rec else False,
                "skip_reason": line.skip_reason, "notes": rec.notes if rec else "",
            })
        lines.sort(key=lambda x: (x["group_name"] == "", _natural(x["group_name"]), x["name"]))
        rnd = plain(progress.round)
        rnd["opened_by"] = names.get(rnd.get("opened_by"), rnd.get("opened_by"))
        return ScreeningSheet(round=rnd, lines=lines)


def screening_rounds(store) -> list[dict]:
    from app.data import visits as visits_data

    with store.read_session() as s:
        return [plain(r) for r in visits_data.rounds(s)]


# -- mandatory reports --------------------------------------------------------------------

def report_sheet(store, report_id: str, today: dt.date | None = None) -> ReportSheet:
    try:
        from app.data.models.protection import MandatoryReport, ReportFollowUp, ReportNotification
    except ImportError:
        raise NotAvailable("强制报告功能尚未安装，无法打印强制报告登记表") from None
    today = today or clock.today()
    with store.read_session() as s:
        report = s.get(MandatoryReport, report_id)
        if report is None or report.deleted:
            raise NotFound(f"找不到该强制报告：{report_id}")
        root = report
        while root.amends_id:  # print the whole chain from the first report
            parent = s.get(MandatoryReport, root.amends_id)
            if parent is None:
                break
            root = parent
        chain = [root]
        while True:
            nxt = s.scalar(select(MandatoryReport).where(MandatoryReport.amends_id == chain[-1].id,
                                                         MandatoryReport.deleted.is_(False))
                           .order_by(MandatoryReport.hlc).limit(1))
            if nxt is None or nxt in chain:
                break
            chain.append(nxt)
        ids = [r.id for r in chain]
        child = _child_or_fail(s, root.child_id)
        sheet = _sheets_for(s, [child], today)[0]
        notes = [plain(n) for n in s.scalars(select(ReportNotification).where(
            ReportNotification.report_id.in_(ids), ReportNotification.deleted.is_(False))
            .order_by(ReportNotification.notified_at))]
        follows = [plain(f) for f in s.scalars(select(ReportFollowUp).where(
            ReportFollowUp.report_id.in_(ids), ReportFollowUp.deleted.is_(False))
            .order_by(ReportFollowUp.on_date, ReportFollowUp.hlc))]
        names = _real_names(s)
        for row in (notes, follows):
            for r in row:
                for key in ("actor", "recorded_by"):
                    if key in r:
                        r[key] = names.get(r[key], r[key])
        report_row = plain(chain[-1]) | {"first_id": root.id, "first_recorded_at": root.recorded_at}
        report_row["recorded_by"] = names.get(report_row.get("recorded_by"), report_row.get("recorded_by"))
        return ReportSheet(
            report=report_row,
            child=sheet.child, age=sheet.age, categories=sheet.categories, guardians=sheet.guardians,
            carer=sheet.carer, notifications=notes, follow_ups=follows,
            amendments=[plain(r) | {"recorded_by": names.get(r.recorded_by, r.recorded_by)} for r in chain[:-1]],
        )


def case_sheet(store, case_id: str, today: dt.date | None = None) -> CaseSheet:
    try:
        from app.data.models.protection import Case, CaseNote, CaseParty, CaseStep
    except ImportError:
        raise NotAvailable("个案功能尚未安装，无法打印个案服务计划表") from None
    today = today or clock.today()
    with store.read_session() as s:
        case = s.get(Case, case_id)
        if case is None or case.deleted:
            raise NotFound(f"找不到该个案：{case_id}")
        child = _child_or_fail(s, case.child_id)

        def rows(model, *order):
            return [plain(r) for r in s.scalars(select(model).where(model.case_id == case_id, model.deleted.is_(False))
                                                .order_by(*order))]

        return CaseSheet(case=plain(case), child=plain(child), age=_age(child.birth_date, today),
                         categories=_categories(s, [child.id], today)[child.id],
                         parties=rows(CaseParty, CaseParty.role, CaseParty.id),
                         steps=rows(CaseStep, CaseStep.seq, CaseStep.id),
                         notes=rows(CaseNote, CaseNote.written_at, CaseNote.id))


def cases(store) -> list[dict]:
    """Every case, newest first, with the child's name (for pickers)."""
    try:
        from app.data.models.protection import Case
    except ImportError:
        return []
    with store.read_session() as s:
        return [plain(k) | {"child_name": name} for k, name in s.execute(
            select(Case, Child.name).join(Child, Child.id == Case.child_id).where(Case.deleted.is_(False))
            .order_by(Case.opened_on.desc()))]


def reports(store) -> list[dict]:
    """Every mandatory report (latest version of each), newest first, with the child's name."""
    try:
        from app.data.models.protection import MandatoryReport
    except ImportError:
        return []
    with store.read_session() as s:
        rows = list(s.execute(select(MandatoryReport, Child.name).join(Child, Child.id == MandatoryReport.child_id)
                              .where(MandatoryReport.deleted.is_(False)).order_by(MandatoryReport.found_at.desc())))
        amended = {r.amends_id for r, _ in rows if r.amends_id}
        return [plain(r) | {"child_name": name} for r, name in rows if r.id not in amended]


def children_brief(store) -> list[dict]:
    """(id, name, group) of active children, for pickers."""
    with store.read_session() as s:
        return [{"id": i, "name": n, "group_name": g} for i, n, g in s.execute(
            select(Child.id, Child.name, Child.group_name).where(Child.deleted.is_(False),
                                                                  Child.status == STATUS_ACTIVE).order_by(Child.name))]


__all__ = [
    "NotFound", "NotAvailable", "PrintContext", "ChildSheet", "VisitSheet", "Ledger", "LedgerLine",
    "ScreeningSheet", "ReportSheet", "context", "child_sheet", "visit_sheet", "due_sheets", "ledger",
    "screening_sheet", "report_sheet", "parse_month", "due_range"
]
