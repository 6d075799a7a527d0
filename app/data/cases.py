"""Services for 个案 (case management): open a case, add steps, parties and notes, move it
through its lifecycle (rules in app/domain/cases.py), and list open cases for the home screen.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core import clock
from app.data.base import utcnow
from app.data.models import Child
from app.data.models.protection import Case, CaseNote, CaseParty, CaseStep
from app.data.rows import change_actor, live_child
from app.domain import cases as rules
from app.domain.errors import ValidationError


def _case(session: Session, case_id: str) -> Case:
    row = session.get(Case, case_id)
    if row is None or row.deleted:
        raise ValidationError("case_id", f"找不到该个案：{case_id}")
    return row


def open_case(session: Session, child_id: str, *, title: str, problem: str = "", owner: str = "",
              opened_on: dt.date | None = None, report_id: str | None = None) -> Case:
    child = live_child(session, child_id)
    if not (title or "").strip():
        raise ValidationError("title", "请填写个案名称")
    row = Case(child_id=child.id, title=title.strip(), problem=problem.strip(), owner=(owner or change_actor(session)).strip(),
               opened_on=opened_on or clock.today(), status=rules.OPEN, report_id=report_id)
    session.add(row)
    session.flush()
    return row


def add_step(session: Session, case_id: str, *, title: str, due_date: dt.date | None = None,
             responsible: str = "") -> CaseStep:
    case = _case(session, case_id)
    if case.status == rules.CLOSED:
        raise ValidationError("case_id", "个案已结案，请先重新开启")
    if not (title or "").strip():
        raise ValidationError("title", "请填写步骤内容")
    seq = (session.scalar(select(func.max(CaseStep.seq)).where(CaseStep.case_id == case.id)) or 0) + 1
    row = CaseStep(case_id=case.id, child_id=case.child_id, seq=seq, title=title.strip(), due_date=due_date,
                   responsible=responsible.strip())
    session.add(row)
    session.flush()
    return row


def set_step_state(session: Session, step_id: str, state: str, on: dt.date | None = None) -> CaseStep:
    row = session.get(CaseStep, step_id)
    if row is None or row.deleted:
        raise ValidationError("step_id", "找不到该步骤")
    rules.check_step_state(state)
    row.state = state
    row.done_on = (on or clock.today()) if state != rules.STEP_TODO else None
    return row


def add_party(session: Session, case_id: str, *, role: str, name: str = "", phone: str = "") -> CaseParty:
    case = _case(session, case_id)
    if role not in rules.PARTY_ROLES:
        raise ValidationError("role", f"参与方应为：{'、'.join(rules.PARTY_ROLES)}")
    row = CaseParty(case_id=case.id, child_id=case.child_id, role=role, name=name.strip(), phone=phone.strip())
    session.add(row)
    session.flush()
    return row


def add_note(session: Session, case_id: str, text: str, at: dt.datetime | None = None) -> CaseNote:
    case = _case(session, case_id)
    if not (text or "").strip():
        raise ValidationError("text", "记录内容不能为空")
    row = CaseNote(case_id=case.id, child_id=case.child_id, written_at=at or utcnow(), author=change_actor(session),
                   text=text.strip())
    session.add(row)
    session.flush()
    return row


def steps_of(session: Session, case_id: str) -> list[CaseStep]:
    return list(session.scalars(select(CaseStep).where(CaseStep.case_id == case_id, CaseStep.deleted.is_(False))
                                .order_by(CaseStep.seq)))


def _facts(steps) -> list[rules.StepFacts]:
    return [rules.StepFacts(s.title, s.state, s.due_date) for s in steps]


def set_status(session: Session, case_id: str, status: str, *, summary: str = "", reason: str = "",
               on: dt.date | None = None) -> Case:
    """Move a case: pause/resume, close (summary + every step finished), reopen (with a reason)."""
    case = _case(session, case_id)
    rules.check_transition(case.status, status, summary=summary, steps=_facts(steps_of(session, case.id)), reason=reason)
    on = on or clock.today()
    previous = case.status
    case.status = status
    if status == rules.CLOSED:
        case.closed_on, case.closing_summary = on, summary.strip()
        add_note(session, case.id, f"结案：{summary.strip()}")
    elif previous == rules.CLOSED:
        case.closed_on = None
        add_note(session, case.id, f"重新开启：{reason.strip()}")
    else:
        add_note(session, case.id, f"状态改为“{status}”" + (f"：{reason.strip()}" if reason.strip() else ""))
    return case


def close_case(session: Session, case_id: str, summary: str, on: dt.date | None = None) -> Case:
    return set_status(session, case_id, rules.CLOSED, summary=summary, on=on)


def reopen_case(session: Session, case_id: str, reason: str) -> Case:
    return set_status(session, case_id, rules.OPEN, reason=reason)


def cases_of(session: Session, child_id: str) -> list[Case]:
    return list(session.scalars(select(Case).where(Case.child_id == child_id, Case.deleted.is_(False))
                                .order_by(Case.opened_on.desc())))


@dataclass
class CaseLine:
    case: Case
    child_name: str
    next_due: dt.date | None
    overdue: int
    open_steps: int


def open_cases(session: Session, today: dt.date | None = None) -> list[CaseLine]:
    """Cases not closed, with their next due step and overdue count: overdue first, then by due date."""
    today = today or clock.today()
    rows = session.execute(select(Case, Child.name).join(Child, Child.id == Case.child_id).where(
        Case.deleted.is_(False), Case.status != rules.CLOSED, Child.deleted.is_(False))).all()
    steps: dict[str, list] = {}
    if rows:
        for s in session.scalars(select(CaseStep).where(CaseStep.case_id.in_([c.id for c, _ in rows]),
                                                        CaseStep.deleted.is_(False))):
            steps.setdefault(s.case_id, []).append(s)
    out = []
    for case, name in rows:
        facts = _facts(steps.get(case.id, []))
        out.append(CaseLine(case, name, rules.next_due(facts), len(rules.overdue_steps(facts, today)),
                            sum(1 for f in facts if f.state == rules.STEP_TODO)))
    out.sort(key=lambda line: (-line.overdue, line.next_due or dt.date.max, line.case.opened_on))
    return out


# -- what the 个案 tab shows: plain values, one read per user action ------------------------
@dataclass(frozen=True)
class StepView:
    id: str
    title: str
    responsible: str
    due_date: dt.date | None
    state: str
    done_on: dt.date | None


@dataclass(frozen=True)
class PartyView:
    role: str
    name: str
    phone: str


@dataclass(frozen=True)
class NoteView:
    written_at: dt.datetime
    author: str
    text: str


@dataclass(frozen=True)
class CaseDetail:
    id: str
    title: str
    status: str
    problem: str
    closing_summary: str
    steps: list[StepView]
    parties: list[PartyView]
    notes: list[NoteView]


def case_detail(store, case_id: str) -> CaseDetail:
    """One case with its steps, people involved and notes (oldest first); `NotFoundError` if gone."""
    from app.data.rows import live

    with store.read_session() as s:
        case = live(s, Case, case_id, f"找不到该个案：{case_id}")
        steps = [StepView(x.id, x.title or "", x.responsible or "", x.due_date, x.state, x.done_on)
                 for x in steps_of(s, case_id)]
        parties = [PartyView(p.role or "", p.name or "", p.phone or "") for p in s.scalars(
            select(CaseParty).where(CaseParty.case_id == case_id, CaseParty.deleted.is_(False)))]
        notes = [NoteView(n.written_at, n.author or "", n.text or "") for n in s.scalars(
            select(CaseNote).where(CaseNote.case_id == case_id).order_by(CaseNote.written_at))]
        return CaseDetail(case.id, case.title or "", case.status or "", case.problem or "",
                          case.closing_summary or "", steps, parties, notes)


def case_status(store, case_id: str) -> str:
    from app.data.rows import live

    with store.read_session() as s:
        return live(s, Case, case_id, f"找不到该个案：{case_id}").status
