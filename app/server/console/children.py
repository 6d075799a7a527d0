"""Villages and children for the console: a village's children (paged, filtered) and a child's
file, read-only, with the desktop file's sections (basic, family and guardians, categories,
colour history, visits, reports, benefits, cases). Plain values; the page checks scope first."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import Session

from app.core.errors import NotFoundError
from app.data import merged
from app.data.models import CareArrangement, Child, ChildCategory, Guardian, Need
from app.data.models.protection import (BenefitEntitlement, BenefitPayment, Case, CaseNote, CaseStep, Insurance)
from app.data.models.visits import Assessment
from app.data.visits import VisitEntry, visit_history
from app.domain import vocab
from app.domain.child_rules import age
from app.domain.places import in_scope
from app.server.console import reports as inbox
from app.server.console.unpaid import unpaid
from app.server.db import Device

PAGE = 50
NUMERALS = "一二三四五六七八九十"
GROUP_NAMES = [f"{n}组" for n in list(NUMERALS) + [f"十{d}" for d in NUMERALS[:9]] + ["二十"]]


def group_order():
    """村民小组 in their numeric order (一组, 二组 … 二十组, then 1组 … ; others after)."""
    whens = [(Child.group_name == name, i) for i, name in enumerate(GROUP_NAMES, 1)]
    whens += [(Child.group_name == f"{i}组", i) for i in range(1, 31)]
    return case(*whens, else_=99)


@dataclass(frozen=True)
class ChildLine:
    id: str
    name: str
    sex: str
    birth_date: dt.date | None
    age: int | None
    group_name: str
    colour: str
    status: str
    categories: str
    last_visit_date: dt.date | None
    next_visit_due: dt.date | None
    overdue: bool


@dataclass
class ChildPage:
    lines: list[ChildLine]
    total: int
    page: int
    pages: int


def children_of(s: Session, village: str, *, today: dt.date, text: str = "", colour: str | None = None,
                category: str = "", overdue: bool = False, status: str = vocab.STATUS_ACTIVE,
                page: int = 1) -> ChildPage:
    """One page of a village's children in group and pinyin order."""
    where = [Child.deleted.is_(False), Child.village_code == village]
    if status:
        where.append(Child.status == status)
    if colour is not None:
        where.append(Child.colour == colour)
    if overdue:
        where.append(Child.next_visit_due < today)
    if category:
        where.append(Child.id.in_(select(ChildCategory.child_id).where(
            ChildCategory.category == category, ChildCategory.deleted.is_(False))))
    text = (text or "").replace("\x00", "").strip()[:64]
    if text:
        like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        where.append(or_(Child.name.like(like, escape="\\"), Child.id_number.like(like, escape="\\"),
                         Child.pinyin_key.like(like.lower(), escape="\\")))
    total = s.scalar(select(func.count()).select_from(Child).where(*where)) or 0
    pages = max(1, -(-total // PAGE))
    page = max(1, min(page, pages))
    rows = s.execute(select(Child.id, Child.name, Child.sex, Child.birth_date, Child.group_name, Child.colour,
                            Child.status, Child.last_visit_date, Child.next_visit_due).where(*where)
                     .order_by(group_order(), Child.group_name, Child.pinyin_key, Child.name, Child.id)
                     .limit(PAGE).offset((page - 1) * PAGE)).all()
    cats: dict[str, list[str]] = {}
    ids = [r[0] for r in rows]
    if ids:
        for cid, cat in s.execute(select(ChildCategory.child_id, ChildCategory.category).where(
                ChildCategory.child_id.in_(ids), ChildCategory.deleted.is_(False),
                or_(ChildCategory.ended.is_(None), ChildCategory.ended > today))):
            cats.setdefault(cid, []).append(cat)
    lines = [ChildLine(r[0], r[1], r[2], r[3], age(r[3], today) if r[3] else None, r[4], r[5] or "", r[6],
                       "、".join(cats.get(r[0], [])), r[7], r[8], bool(r[8] and r[8] < today)) for r in rows]
    return ChildPage(lines, total, page, pages)


@dataclass(frozen=True)
class DeviceLine:
    name: str
    scope: str
    last_sync: dt.datetime | None
    client_version: str


def devices_of(s: Session, village: str) -> list[DeviceLine]:
    """The laptops that sync a village: its own, its township's and the county's (not revoked)."""
    rows = s.execute(select(Device.name, Device.scope, Device.last_sync, Device.client_version).where(
        Device.revoked.is_(False), Device.scope.in_([village, village[:9], village[:6]])).order_by(
        Device.scope.desc(), Device.name)).all()
    return [DeviceLine(*r) for r in rows]


@dataclass
class ChildFile:
    child: Child
    age: int | None
    guardians: list = field(default_factory=list)
    carers: list = field(default_factory=list)
    categories: list = field(default_factory=list)
    needs: list = field(default_factory=list)
    assessments: list = field(default_factory=list)
    visits: list[VisitEntry] = field(default_factory=list)
    reports: list = field(default_factory=list)
    entitlements: list = field(default_factory=list)
    payments: list = field(default_factory=list)
    insurance: list = field(default_factory=list)
    unpaid_reason: str = ""
    cases: list = field(default_factory=list)  # (case, steps, notes)


def _rows(s: Session, cls, ids: list[str], *order):
    return list(s.scalars(select(cls).where(cls.child_id.in_(ids), cls.deleted.is_(False)).order_by(*order)))


def child_file(s: Session, prefix: str, child_id: str, today: dt.date) -> ChildFile:
    """The file of a child in the unit `prefix`; NotFoundError for anything else."""
    child = s.get(Child, child_id) if child_id and len(child_id) <= 36 else None
    if child is None or child.deleted or not in_scope(child.village_code, prefix):
        raise NotFoundError()
    ids = merged.file_ids(s, child.id)
    out = ChildFile(child, age(child.birth_date, today) if child.birth_date else None)
    out.guardians = _rows(s, Guardian, ids, Guardian.relation)
    out.carers = _rows(s, CareArrangement, ids, CareArrangement.since)
    out.categories = _rows(s, ChildCategory, ids, ChildCategory.since)
    out.needs = _rows(s, Need, ids, Need.noted_on)
    out.assessments = list(reversed(_rows(s, Assessment, ids, Assessment.assessed_on, Assessment.hlc)))
    out.visits = visit_history(s, child.id)
    reports = inbox.inbox(s, prefix, status="all", village=child.village_code)
    out.reports = [r for r in reports if r.child_id in ids]
    out.entitlements = _rows(s, BenefitEntitlement, ids, BenefitEntitlement.start_date)
    out.payments = list(reversed(_rows(s, BenefitPayment, ids, BenefitPayment.month, BenefitPayment.hlc)))[:24]
    out.insurance = _rows(s, Insurance, ids, Insurance.start_date)
    found = [u for u in unpaid(s, child.village_code, today) if u.child_id == child.id]
    out.unpaid_reason = found[0].reason if found else ""
    for pcase in _rows(s, Case, ids, Case.opened_on):
        steps = list(s.scalars(select(CaseStep).where(CaseStep.case_id == pcase.id, CaseStep.deleted.is_(False))
                               .order_by(CaseStep.seq)))
        notes = list(s.scalars(select(CaseNote).where(CaseNote.case_id == pcase.id, CaseNote.deleted.is_(False))
                               .order_by(CaseNote.written_at)))
        out.cases.append((pcase, steps, notes))
    return out
