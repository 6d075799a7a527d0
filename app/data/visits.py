"""Services of the visits feature: record assessments and visits, amend visits, keep each child's
derived schedule columns (`Child.colour`, `last_visit_date`, `next_visit_due`) right, and run
screening rounds (一年两排).

All functions take an open session from `store.session()` (one transaction, change capture on)
and raise `ValidationError` with a Chinese message on bad input, changing nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass, field

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.data import merged
from app.data.base import table_of
from app.data.models import Child
from app.data.models.visits import Assessment, ScreeningRecord, ScreeningRound, Visit
from app.data.rows import change_actor, live_child, rowcount
from app.domain import child_rules
from app.domain import colour as colour_rule
from app.domain import schedule
from app.domain.dates import iso_date
from app.domain.errors import ValidationError, ValidationErrors
from app.data.county_policy import effective_policy
from app.domain.policy import Policy
from app.domain.visit_checklist import ANSWERS, CHECKLIST_KEYS, VISIT_KINDS, incomplete
from app.domain.vocab import STATUS_ACTIVE

SOURCE_MANDATORY_REPORT = "mandatory_report"
ROUND_OPEN = "进行中"
ROUND_CLOSED = "已结束"


def _date(value, field_name: str, label: str) -> dt.date:
    try:
        return iso_date(value)
    except (TypeError, ValueError):
        raise ValidationError(field_name, f"{label}不是有效日期（应为 年-月-日）") from None


# -- assessments ---------------------------------------------------------------

def record_assessment(session: Session, child_id: str, answers: dict | list | None = None, colour: str | None = None,
                      override_reason: str = "", assessor: str = "", on: dt.date | str | None = None,
                      source: str = "", notes: str = "", policy: Policy | None = None) -> Assessment:
    """Record a graded colour assessment and reschedule the child at once.

    `answers` maps factor keys to True (a yes/no factor) or a number (a measured factor); a list
    of keys means each is True. Without `colour` the suggested colour is recorded; a different
    `colour` needs a non-empty `override_reason` (`OverrideReasonRequired` otherwise).

    Mandatory reports (强制报告, issue 7) turn a child red with
    `record_assessment(s, child_id, {}, colour="红", override_reason="强制报告: …",
    source="mandatory_report")`: the reason is the written override, the child becomes 红 and the
    next visit falls due within the 红 interval (7 days by default) of `on`.
    """
    policy = policy or effective_policy(session)
    child = live_child(session, child_id)
    if isinstance(answers, (list, tuple, set)):
        answers = {k: True for k in answers}
    answers = {k: v for k, v in (answers or {}).items() if v not in (None, False, "")}
    on = _date(on, "assessed_on", "评估日期") if on else schedule.today_local()
    if on > schedule.today_local() + dt.timedelta(days=1):
        raise ValidationError("assessed_on", "评估日期不能晚于今天")
    decision = colour_rule.decide(policy, answers, colour, override_reason)
    row = Assessment(
        child_id=child.id, assessed_on=on, assessor=assessor or change_actor(session),
        answers=json.dumps(answers, ensure_ascii=False),
        reasons=json.dumps([r.as_dict() for r in decision.suggestion.reasons], ensure_ascii=False),
        suggested_colour=decision.suggestion.colour, colour=decision.colour,
        override_reason=decision.override_reason, policy_version=policy.version, source=source, notes=notes,
    )
    session.add(row)
    session.flush()
    refresh_child_schedule(session, child.id, policy=policy)
    return row


def assessments(session: Session, child_id: str) -> list[Assessment]:
    """The child's assessments (with those of files merged into it), oldest first (the colour history timeline)."""
    return list(session.scalars(
        select(Assessment).where(Assessment.child_id.in_(merged.file_ids(session, child_id)),
                                 Assessment.deleted.is_(False))
        .order_by(Assessment.assessed_on, Assessment.hlc, Assessment.id)))


# -- visits --------------------------------------------------------------------

def _clean_checklist(checklist: dict | None) -> dict:
    out = {}
    for key, value in (checklist or {}).items():
        if key not in CHECKLIST_KEYS:
            raise ValidationError("checklist", f"未知的检查项：{key}")
        if isinstance(value, str):
            value = {"answer": value}
        answer = (value or {}).get("answer", "")
        if answer and answer not in ANSWERS:
            raise ValidationError("checklist", f"检查项答案应为 {'/'.join(ANSWERS)}")
        note = str((value or {}).get("note", "")).strip()
        if answer or note:
            out[key] = {"answer": answer, "note": note}
    return out


def _clean_follow_ups(items, visit_date: dt.date) -> list[dict]:
    out = []
    for item in items or []:
        action = str(item.get("action", "")).strip()
        if not action:
            continue
        due = item.get("due")
        due = _date(due, "follow_ups", "跟进事项的完成日期").isoformat() if due else ""
        if due and dt.date.fromisoformat(due) < visit_date:
            raise ValidationError("follow_ups", "跟进事项的完成日期不能早于走访日期")
        out.append({"action": action, "due": due, "owner": str(item.get("owner", "")).strip(),
                    "done": bool(item.get("done", False))})
    return out


def _visit_fields(values: dict, complete: bool = False) -> dict:
    errors: list[ValidationError] = []
    if complete:  # a visit saved from the form must say who was seen and answer every item (issue 13)
        errors.extend(ValidationError(f, m) for f, m in incomplete(values))
    try:
        day = _date(values.get("visit_date"), "visit_date", "走访日期")
    except ValidationError as exc:
        raise ValidationErrors([exc]) from None
    if day > schedule.today_local():
        errors.append(ValidationError("visit_date", "走访日期不能晚于今天"))
    kind = values.get("kind") or VISIT_KINDS[0]
    if kind not in VISIT_KINDS and not (complete and not values.get("kind")):
        errors.append(ValidationError("kind", f"走访方式应为 {'/'.join(VISIT_KINDS)}"))
    out = {"visit_date": day, "kind": kind}
    try:
        out["checklist"] = json.dumps(_clean_checklist(values.get("checklist")), ensure_ascii=False)
    except ValidationError as exc:
        errors.append(exc)
    try:
        out["follow_ups"] = json.dumps(_clean_follow_ups(values.get("follow_ups"), day), ensure_ascii=False)
    except ValidationError as exc:
        errors.append(exc)
    if errors:
        raise ValidationErrors(errors)
    for name in ("visitor", "present", "lives_where", "lives_with", "findings", "needs", "help_given"):
        out[name] = str(values.get(name) or "").strip()
    try:  # "false" / "否" typed on the command line is false, not a non-empty string (issue 13)
        out["reassess"] = child_rules.bool_value(values.get("reassess", False), "reassess")
    except ValidationError as exc:
        raise ValidationErrors([ValidationError("reassess", "需要重新评估应为“是”或“否”（true / false）")]) from exc
    return out


def record_visit(session: Session, child_id: str, visit_date, kind: str = "入户", *, visitor: str = "",
                 present: str = "", lives_where: str = "", lives_with: str = "", checklist: dict | None = None,
                 findings: str = "", needs: str = "", help_given: str = "", follow_ups: list | None = None,
                 reassess: bool = False, policy: Policy | None = None, complete: bool = False) -> Visit:
    """Save a visit (final once saved) and move the child's next due date on.

    `complete=True` (the visit form) also requires the way of contact, who was seen and an
    answer to every checklist item (`visit_checklist.incomplete`).
    """
    child = live_child(session, child_id)
    values = _visit_fields(dict(
        visit_date=visit_date, kind=kind, present=present, lives_where=lives_where, lives_with=lives_with,
        checklist=checklist, findings=findings, needs=needs, help_given=help_given, follow_ups=follow_ups,
        reassess=reassess, visitor=visitor or change_actor(session)), complete=complete)
    row = Visit(child_id=child.id, **values)
    session.add(row)
    session.flush()
    refresh_child_schedule(session, child.id, policy=policy)
    return row


def _live_visit(session: Session, visit_id: str) -> Visit:
    found = session.get(Visit, visit_id)
    if found is None or found.deleted:
        raise ValidationError("visit_id", "找不到要更正的走访记录")
    return found


def amend_visit(session: Session, visit_id: str, reason: str, policy: Policy | None = None, complete: bool = False,
                **changes) -> Visit:
    """Correct a saved visit: a new Visit row pointing at the original (which stays on record).

    `changes` are the fields to correct; the others are copied from the newest version. Amending
    an amendment amends the same original visit.
    """
    original = _live_visit(session, visit_id)
    if original.amends_id:
        original = _live_visit(session, original.amends_id)
    if not (reason or "").strip():
        raise ValidationError("amend_reason", "更正走访记录必须说明更正原因")
    latest = effective_version(session, original)
    base = {name: getattr(latest, name) for name in (
        "visit_date", "kind", "visitor", "present", "lives_where", "lives_with", "findings", "needs",
        "help_given", "reassess")}
    base["checklist"] = json.loads(latest.checklist or "{}")
    base["follow_ups"] = json.loads(latest.follow_ups or "[]")
    unknown = set(changes) - set(base)
    if unknown:
        raise ValidationError("changes", f"不能更正这些项：{', '.join(sorted(unknown))}")
    base.update(changes)
    values = _visit_fields(base, complete=complete)
    row = Visit(child_id=original.child_id, amends_id=original.id, amend_reason=reason.strip(), **values)
    session.add(row)
    session.flush()
    refresh_child_schedule(session, original.child_id, policy=policy)
    return row


def amendments(session: Session, visit_id: str) -> list[Visit]:
    return list(session.scalars(select(Visit).where(Visit.amends_id == visit_id, Visit.deleted.is_(False))
                                .order_by(Visit.hlc, Visit.id)))


def effective_version(session: Session, original: Visit) -> Visit:
    found = amendments(session, original.id)
    return found[-1] if found else original


@dataclass
class VisitEntry:
    """A visit as the child's 走访 tab shows it: the original and its amendments."""

    original: Visit
    amendments: list[Visit] = field(default_factory=list)

    @property
    def current(self) -> Visit:
        return self.amendments[-1] if self.amendments else self.original


def visit_history(session: Session, child_id: str) -> list[VisitEntry]:
    """The child's visits (with those of files merged into it), newest first, each with its
    amendments (oldest amendment first)."""
    rows = list(session.scalars(select(Visit).where(Visit.child_id.in_(merged.file_ids(session, child_id)),
                                                    Visit.deleted.is_(False))
                                .order_by(Visit.hlc, Visit.id)))
    entries = {r.id: VisitEntry(r) for r in rows if not r.amends_id}
    for r in rows:
        if r.amends_id and r.amends_id in entries:
            entries[r.amends_id].amendments.append(r)
    return sorted(entries.values(), key=lambda e: (e.current.visit_date, e.original.hlc), reverse=True)


# -- the derived schedule ------------------------------------------------------

def _last_visit_day(visits) -> dt.date | None:
    """The newest visit date among (visit id, amends id, date, hlc) rows: an amended visit counts
    once, with the date of its newest version."""
    effective: dict[str, tuple[str, dt.date]] = {}  # original visit id -> (hlc, date of newest version)
    for vid, amends, day, hlc in visits:
        root = amends or vid
        if amends:
            if root not in effective or effective[root][0] == "" or hlc >= effective[root][0]:
                effective[root] = (hlc, day)
        elif root not in effective:
            effective[root] = ("", day)
    return max((day for _, day in effective.values()), default=None)


def refresh_child_schedule(session: Session, child_id: str, policy: Policy | None = None,
                           today: dt.date | None = None) -> Child | None:
    """Recompute `Child.colour`, `last_visit_date` and `next_visit_due` from the synced rows.

    Call after anything that may change them: a local assessment or visit (done here), and the
    sync engine after applying remote assessments or visits for the child. Derived columns are
    never captured nor synced, so this writes no outbox rows. A child merged into another file
    refreshes the survivor, whose schedule counts the visits and assessments of both.
    """
    policy = policy or effective_policy(session)
    child_id = merged.survivor(session, child_id)
    ids = merged.file_ids(session, child_id)
    # plain column queries (no ORM objects): this runs on every save and after every sync batch
    history = session.execute(
        select(Assessment.assessed_on, Assessment.colour)
        .where(Assessment.child_id.in_(ids), Assessment.deleted.is_(False))
        .order_by(Assessment.assessed_on, Assessment.hlc, Assessment.id)).tuples().all()
    state = schedule.colour_state(history)
    last = _last_visit_day(session.execute(
        select(Visit.id, Visit.amends_id, Visit.visit_date, Visit.hlc)
        .where(Visit.child_id.in_(ids), Visit.deleted.is_(False))).tuples())
    due = schedule.next_due_for(policy, state, last)
    # write with a core UPDATE: derived columns must not mark the synced row dirty
    result = session.execute(update(Child).where(Child.id == child_id).values(
        colour=state.colour, last_visit_date=last, next_visit_due=due).execution_options(synchronize_session=False))
    if not rowcount(result):
        return None
    child = session.get(Child, child_id)  # from the identity map when already loaded
    session.expire(child, ["colour", "last_visit_date", "next_visit_due"])
    return child


def refresh_schedules(session: Session, child_ids, policy: Policy | None = None, chunk: int = 500) -> int:
    """`refresh_child_schedule` for many children at once (after a sync batch): per chunk of
    children, one query for their assessments, one for their visits, one for their current derived
    columns, and one executemany UPDATE of the children whose columns change. Same rules as
    `refresh_child_schedule`. Returns how many children were written."""
    policy = policy or effective_policy(session)
    ids = sorted({c for c in child_ids if c})
    if merged.any_merged(session):  # files merged into others: the one-child rules follow the merges
        survivors = sorted({merged.survivor(session, c) for c in ids})
        return sum(refresh_child_schedule(session, c, policy=policy) is not None for c in survivors)
    written = 0
    for i in range(0, len(ids), chunk):
        params = _schedule_changes(session, ids[i:i + chunk], policy)
        if params:
            _write_schedules(session, params)
            written += len(params)
    return written


def _schedule_changes(session: Session, part: list[str], policy: Policy) -> list[dict]:
    """UPDATE parameters for the children of `part` whose colour or dates change."""
    history: dict[str, list[tuple[dt.date, str]]] = {}
    for cid, day, colour in session.execute(
            select(Assessment.child_id, Assessment.assessed_on, Assessment.colour)
            .where(Assessment.child_id.in_(part), Assessment.deleted.is_(False))
            .order_by(Assessment.child_id, Assessment.assessed_on, Assessment.hlc, Assessment.id)).tuples():
        history.setdefault(cid, []).append((day, colour))
    visits: dict[str, list[tuple]] = {}
    for cid, vid, amends, day, hlc in session.execute(
            select(Visit.child_id, Visit.id, Visit.amends_id, Visit.visit_date, Visit.hlc)
            .where(Visit.child_id.in_(part), Visit.deleted.is_(False))).tuples():
        visits.setdefault(cid, []).append((vid, amends, day, hlc))
    params = []
    for cid, colour, last_old, due_old in session.execute(
            select(Child.id, Child.colour, Child.last_visit_date, Child.next_visit_due).where(Child.id.in_(part))):
        state = schedule.colour_state(history.get(cid, ()))
        last = _last_visit_day(visits.get(cid, ()))
        due = schedule.next_due_for(policy, state, last)
        if (colour, last_old, due_old) != (state.colour, last, due):
            params.append({"_id": cid, "_colour": state.colour, "_last": last, "_due": due})
    return params


def _write_schedules(session: Session, params: list[dict]) -> None:
    """One executemany UPDATE of the derived columns; loaded Child objects forget the old values."""
    from sqlalchemy import bindparam

    table = table_of(Child)
    session.execute(update(table).where(table.c.id == bindparam("_id")).values(
        colour=bindparam("_colour"), last_visit_date=bindparam("_last"), next_visit_due=bindparam("_due")), params)
    changed = {p["_id"] for p in params}
    for obj in list(session.identity_map.values()):
        if isinstance(obj, Child) and obj.id in changed:
            session.expire(obj, ["colour", "last_visit_date", "next_visit_due"])


def refresh_all_schedules(session: Session, policy: Policy | None = None) -> int:
    """Recompute every child's derived columns (after a policy change or a large sync)."""
    ids = list(session.scalars(select(Child.id)))
    refresh_schedules(session, ids, policy=policy)
    return len(ids)


# -- screening rounds (一年两排) -------------------------------------------------

def open_round(session: Session, name: str, window_start, window_end, village_code: str = "") -> ScreeningRound:
    name = (name or "").strip()
    if not name:
        raise ValidationError("name", "请填写排查名称，如“2026年上半年排查”")
    start = _date(window_start, "window_start", "开始日期")
    end = _date(window_end, "window_end", "结束日期")
    if end < start:
        raise ValidationError("window_end", "结束日期不能早于开始日期")
    if village_code == "":
        from app.data.models import Setting

        row = session.get(Setting, "village_code")
        village_code = row.value if row else ""
    existing = session.scalar(select(ScreeningRound).where(
        ScreeningRound.name == name, ScreeningRound.village_code == village_code,
        ScreeningRound.deleted.is_(False)))
    if existing is not None:
        raise ValidationError("name", f"已有同名排查：{name}")
    rnd = ScreeningRound(village_code=village_code, name=name, window_start=start, window_end=end,
                         status=ROUND_OPEN, opened_by=change_actor(session))
    session.add(rnd)
    session.flush()
    return rnd


def rounds(session: Session) -> list[ScreeningRound]:
    return list(session.scalars(select(ScreeningRound).where(ScreeningRound.deleted.is_(False))
                                .order_by(ScreeningRound.window_start.desc(), ScreeningRound.id.desc())))


def _round(session: Session, round_id: str) -> ScreeningRound:
    rnd = session.get(ScreeningRound, round_id)
    if rnd is None or rnd.deleted:
        raise ValidationError("round_id", "找不到该排查轮次")
    return rnd


def _record(session: Session, round_id: str, child_id: str) -> ScreeningRecord | None:
    return session.scalar(select(ScreeningRecord).where(
        ScreeningRecord.round_id == round_id, ScreeningRecord.child_id == child_id,
        ScreeningRecord.deleted.is_(False)).order_by(ScreeningRecord.hlc.desc()).limit(1))


_SCREENING_NS = uuid.UUID("5d0c6a52-3f0e-4b8e-9a43-6f1d2c7e1301")


def screening_record_id(round_id: str, child_id: str) -> str:
    """The one id a child's record in a round has on every device (issue 13): two laptops that
    screen the same child in the same round write the same row, which sync merges field by field
    (a disagreement becomes a Conflict), never two records."""
    return str(uuid.uuid5(_SCREENING_NS, f"{round_id}:{child_id}"))


def screen_child(session: Session, round_id: str, child_id: str, *, in_scope: bool = True,
                 category_ok: bool = True, reassessed: bool = False, on=None, notes: str = "",
                 newly_found: bool = False) -> ScreeningRecord:
    """Record that the child was screened in this round (still in scope? category right?)."""
    rnd = _round(session, round_id)
    if rnd.status == ROUND_CLOSED:
        raise ValidationError("round_id", "该排查已结束，不能再登记")
    live_child(session, child_id)
    on = _date(on, "screened_on", "排查日期") if on else schedule.today_local()
    rec = _record(session, round_id, child_id)
    if rec is None:
        rec = ScreeningRecord(id=screening_record_id(round_id, child_id), round_id=round_id, child_id=child_id,
                              newly_found=newly_found)
        session.add(rec)
    rec.screened_on = on
    rec.screener = change_actor(session)
    rec.in_scope = in_scope
    rec.category_ok = category_ok
    rec.reassessed = reassessed
    rec.skip_reason = ""
    rec.notes = notes
    session.flush()
    return rec


def set_skip_reason(session: Session, round_id: str, child_id: str, reason: str) -> ScreeningRecord:
    """Give the reason a child could not be screened in this round (e.g. 已随父母外出)."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("skip_reason", "请填写未能排查的原因")
    rnd = _round(session, round_id)
    if rnd.status == ROUND_CLOSED:
        raise ValidationError("round_id", "该排查已结束，不能再登记")
    rec = _record(session, round_id, child_id)
    if rec is None:
        rec = ScreeningRecord(id=screening_record_id(round_id, child_id), round_id=round_id, child_id=child_id)
        session.add(rec)
    rec.skip_reason = reason
    session.flush()
    return rec


@dataclass
class RoundLine:
    child_id: str
    name: str
    colour: str
    record: ScreeningRecord | None

    @property
    def screened(self) -> bool:
        return self.record is not None and self.record.screened_on is not None

    @property
    def skip_reason(self) -> str:
        return self.record.skip_reason if self.record is not None and not self.screened else ""


@dataclass
class RoundProgress:
    round: ScreeningRound
    lines: list[RoundLine]

    @property
    def total(self) -> int:
        return len(self.lines)

    @property
    def screened(self) -> int:
        return sum(1 for line in self.lines if line.screened)

    @property
    def remaining(self) -> list[RoundLine]:
        return [line for line in self.lines if not line.screened]

    @property
    def unexplained(self) -> list[RoundLine]:
        return [line for line in self.remaining if not line.skip_reason]


def round_progress(session: Session, round_id: str) -> RoundProgress:
    """Every child of the round: the village's active children plus anyone recorded in it."""
    rnd = _round(session, round_id)
    records = {r.child_id: r for r in session.scalars(
        select(ScreeningRecord).where(ScreeningRecord.round_id == round_id, ScreeningRecord.deleted.is_(False))
        .order_by(ScreeningRecord.hlc))}
    q = select(Child.id, Child.name, Child.colour).where(Child.deleted.is_(False))
    if rnd.status == ROUND_OPEN:
        q = q.where((Child.status == STATUS_ACTIVE) | Child.id.in_(list(records)))
    else:
        q = q.where(Child.id.in_(list(records)))
    if rnd.village_code:
        q = q.where((Child.village_code.startswith(rnd.village_code)) | Child.id.in_(list(records)))
    lines = [RoundLine(cid, name, colour, records.get(cid)) for cid, name, colour in session.execute(q.order_by(Child.name))]
    return RoundProgress(rnd, lines)


def close_round(session: Session, round_id: str, note: str = "", on=None) -> ScreeningRound:
    """Close the round. Refused while a child is neither screened nor given a reason."""
    progress = round_progress(session, round_id)
    rnd = progress.round
    if rnd.status == ROUND_CLOSED:
        raise ValidationError("round_id", "该排查已经结束")
    missing = progress.unexplained
    if missing:
        names = "、".join(line.name for line in missing[:5]) + ("等" if len(missing) > 5 else "")
        raise ValidationError("close", f"还有 {len(missing)} 名儿童未排查且未说明原因（{names}），不能结束本轮排查")
    rnd.status = ROUND_CLOSED
    rnd.closed_on = _date(on, "closed_on", "结束日期") if on else schedule.today_local()
    rnd.close_note = (note or "").strip()
    session.flush()
    return rnd


def open_round_progress(session: Session) -> list[tuple[ScreeningRound, int, int]]:
    """(round, screened, total) for each open round — cheap counts for the dashboard."""
    out = []
    for rnd in session.scalars(select(ScreeningRound).where(
            ScreeningRound.deleted.is_(False), ScreeningRound.status == ROUND_OPEN)
            .order_by(ScreeningRound.window_start)):
        screened = session.scalar(select(func.count(func.distinct(ScreeningRecord.child_id))).where(
            ScreeningRecord.round_id == rnd.id, ScreeningRecord.deleted.is_(False),
            ScreeningRecord.screened_on.is_not(None))) or 0
        active = select(Child.id).where(Child.deleted.is_(False), Child.status == STATUS_ACTIVE)
        if rnd.village_code:
            active = active.where(Child.village_code.startswith(rnd.village_code))
        extra = select(ScreeningRecord.child_id).where(
            ScreeningRecord.round_id == rnd.id, ScreeningRecord.deleted.is_(False))
        total = session.scalar(select(func.count()).select_from(active.union(extra).subquery())) or 0
        out.append((rnd, screened, total))
    return out
