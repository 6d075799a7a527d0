"""Services for benefits (保障): entitlements, payments (append-only), insurance, and the two
home-screen lists: children who look eligible but receive nothing (应保未保) and entitlements that
must end (aged 18, category ended). Rules live in app/domain/benefits.py.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Session

from app.core import clock
from app.data.models import Child, ChildCategory, Guardian, Need
from app.data.models.protection import BenefitEntitlement, BenefitPayment, Insurance
from app.data.rows import live_child
from app.domain import benefits as rules
from app.domain import guardianship as g
from app.domain.errors import ValidationError, ValidationErrors
from app.domain.vocab import STATUS_ACTIVE


def add_entitlement(session: Session, child_id: str, *, kind: str, start_date: dt.date,
                    monthly_amount: int | None = None, end_date: dt.date | None = None, approval_no: str = "",
                    bank_account: str = "", notes: str = "", policy: rules.Policy | None = None) -> BenefitEntitlement:
    """Record an entitlement; the monthly amount defaults to the policy standard on the start date."""
    policy = policy or rules.default_policy()
    child = live_child(session, child_id)
    errors = []
    if kind not in rules.KINDS:
        errors.append(ValidationError("kind", f"保障类别应为：{'、'.join(rules.KINDS)}"))
    if end_date is not None and end_date < start_date:
        errors.append(ValidationError("end_date", "终止日期不能早于开始日期"))
    if monthly_amount is None and kind in rules.KINDS:
        monthly_amount = policy.monthly(kind, start_date, child.village_code)
        if monthly_amount is None:
            errors.append(ValidationError(
                "monthly_amount", f"政策中没有“{kind}”在{start_date.isoformat()}的标准，请填写每月金额"))
    if monthly_amount is not None and monthly_amount < 0:
        errors.append(ValidationError("monthly_amount", "每月金额不能为负数"))
    if errors:
        raise ValidationErrors(errors)
    assert monthly_amount is not None  # else an error above
    row = BenefitEntitlement(child_id=child.id, kind=kind, monthly_amount=int(monthly_amount), start_date=start_date,
                             end_date=end_date, approval_no=approval_no.strip(), bank_account=bank_account.strip(),
                             notes=notes.strip())
    session.add(row)
    session.flush()
    return row


def end_entitlement(session: Session, entitlement_id: str, end_date: dt.date, reason: str) -> BenefitEntitlement:
    row = session.get(BenefitEntitlement, entitlement_id)
    if row is None or row.deleted:
        raise ValidationError("entitlement_id", "找不到该保障记录")
    if end_date < row.start_date:
        raise ValidationError("end_date", "终止日期不能早于开始日期")
    if not (reason or "").strip():
        raise ValidationError("end_reason", "请填写终止原因")
    row.end_date, row.end_reason = end_date, reason.strip()
    return row


def record_payment(session: Session, entitlement_id: str, *, month: str, paid_on: dt.date,
                   amount: int | None = None, note: str = "", amends_id: str | None = None,
                   policy: rules.Policy | None = None) -> BenefitPayment:
    """Record one month's payment (append-only); the amount defaults to the standard of that month."""
    policy = policy or rules.default_policy()
    ent = session.get(BenefitEntitlement, entitlement_id)
    if ent is None or ent.deleted:
        raise ValidationError("entitlement_id", "找不到该保障记录")
    try:
        first = dt.date.fromisoformat(month + "-01")
    except ValueError:
        raise ValidationError("month", f"月份“{month}”格式不对，应为 2026-03") from None
    if not (rules.month_key(ent.start_date) <= month <= rules.month_key(ent.end_date or dt.date.max)):
        raise ValidationError("month", f"{month}不在该保障的发放期内")
    if amount is None:
        child = session.get(Child, ent.child_id)
        amount = policy.monthly(ent.kind, first, child.village_code if child else "") or ent.monthly_amount
    row = BenefitPayment(entitlement_id=ent.id, child_id=ent.child_id, month=month, amount=int(amount),
                         paid_on=paid_on, note=note.strip(), amends_id=amends_id)
    session.add(row)
    session.flush()
    return row


def add_insurance(session: Session, child_id: str, *, kind: str, start_date: dt.date, end_date: dt.date,
                  insurer: str = "", policy_no: str = "", paid_by: str = "") -> Insurance:
    child = live_child(session, child_id)
    if kind not in rules.INSURANCE_KINDS:
        raise ValidationError("kind", f"保险类别应为：{'、'.join(rules.INSURANCE_KINDS)}")
    if end_date < start_date:
        raise ValidationError("end_date", "保险期满日期不能早于生效日期")
    row = Insurance(child_id=child.id, kind=kind, start_date=start_date, end_date=end_date, insurer=insurer.strip(),
                    policy_no=policy_no.strip(), paid_by=paid_by.strip())
    session.add(row)
    session.flush()
    return row


def entitlements_of(session: Session, child_id: str) -> list[BenefitEntitlement]:
    return list(session.scalars(select(BenefitEntitlement).where(
        BenefitEntitlement.child_id == child_id, BenefitEntitlement.deleted.is_(False))
        .order_by(BenefitEntitlement.start_date.desc())))


def payments_of(session: Session, child_id: str) -> list[BenefitPayment]:
    from app.data.merged import file_ids  # with the files merged into this one

    return list(session.scalars(select(BenefitPayment).where(
        BenefitPayment.child_id.in_(file_ids(session, child_id)), BenefitPayment.deleted.is_(False))
        .order_by(BenefitPayment.month.desc(), BenefitPayment.hlc.desc())))


def insurance_of(session: Session, child_id: str) -> list[Insurance]:
    return list(session.scalars(select(Insurance).where(
        Insurance.child_id == child_id, Insurance.deleted.is_(False)).order_by(Insurance.end_date.desc())))


def _sql_list(values) -> str:
    return ", ".join("'" + v.replace("'", "''") + "'" for v in values)


# Parents whose circumstances may meet the 事实无人抚养 test, read from their own partial index (migration
# 0023) instead of every guardian of a county: the queries repeat the index's condition word for word
# (`false`, not 0: the county's PostgreSQL runs this rule too, tests/server/console/test_overview.py).
QUALIFYING_PARENTS = (f"deleted = false AND relation IN ({_sql_list(g.PARENT_RELATIONS)}) "
                      f"AND circumstance IN ({_sql_list(g.QUALIFYING + (g.DEAD,))})")
PARENT_INDEX_NAME = "ix_guardian_qualifying"
PARENT_INDEX = (f"CREATE INDEX IF NOT EXISTS {PARENT_INDEX_NAME} ON guardian "
                f"(child_id, relation, circumstance, circumstance_since) WHERE {QUALIFYING_PARENTS}")


@dataclass(frozen=True)
class ChildLine:
    """The few child columns the lists show (rows, not ORM objects: fast over a township)."""

    id: str
    name: str
    birth_date: dt.date | None
    group_name: str


def _children(session: Session, among) -> dict[str, ChildLine]:
    """The active children whose id is in `among` (a subquery of child ids)."""
    q = select(Child.id, Child.name, Child.birth_date, Child.group_name).where(
        Child.id.in_(among), Child.deleted.is_(False), Child.status == STATUS_ACTIVE)
    return {r[0]: ChildLine(*r) for r in session.execute(q)}


def _categories(session: Session, among=None) -> dict[str, list]:
    """Categories that give an entitlement, by child (of the children in `among`, a subquery)."""
    cats: dict[str, list] = {}
    q = select(ChildCategory.child_id, ChildCategory.category, ChildCategory.since, ChildCategory.ended).where(
        ChildCategory.deleted.is_(False), ChildCategory.category.in_(list(rules.CATEGORY_TO_KIND)))
    if among is not None:
        q = q.where(ChildCategory.child_id.in_(among))
    for child_id, category, since, ended in session.execute(q):
        cats.setdefault(child_id, []).append(rules.CategoryFacts(category, since, ended))
    return cats


def _entitlements(session: Session, among=None) -> dict[str, list]:
    ents: dict[str, list] = {}
    q = select(BenefitEntitlement.id, BenefitEntitlement.child_id, BenefitEntitlement.kind,
               BenefitEntitlement.start_date, BenefitEntitlement.end_date).where(BenefitEntitlement.deleted.is_(False))
    if among is not None:
        q = q.where(BenefitEntitlement.child_id.in_(among))
    for eid, child_id, kind, start, end in session.execute(q):
        ents.setdefault(child_id, []).append(rules.EntitlementFacts(eid, kind, start, end))
    return ents


def _uncovered_candidates(today: dt.date, child_id: str | None):
    """A subquery of the ids of active children who may be 应保未保 (issue 17: the rules then run
    over these rows only, not over every child): a category giving an entitlement that has not
    ended, both parents' circumstances recorded as qualifying, or a need marked 应保未保."""
    from sqlalchemy import func, or_, union

    by_category = select(ChildCategory.child_id).where(
        ChildCategory.deleted.is_(False), ChildCategory.category.in_(list(rules.CATEGORY_TO_KIND)),
        or_(ChildCategory.ended.is_(None), ChildCategory.ended >= today))
    by_parents = select(Guardian.child_id).where(sql_text(QUALIFYING_PARENTS)).group_by(Guardian.child_id).having(
        func.count() >= 2)
    by_need = select(Need.child_id).where(Need.deleted.is_(False), Need.coverage == "应保未保")
    ids = union(by_category, by_parents, by_need).subquery()
    q = select(Child.id).where(Child.id.in_(select(ids.c[0])), Child.deleted.is_(False), Child.status == STATUS_ACTIVE)
    if child_id is not None:
        q = q.where(Child.id == child_id)
    return q


@dataclass
class Uncovered:
    child: ChildLine
    kinds: list[str]
    reason: str


def looks_eligible_unpaid(session: Session, today: dt.date | None = None,
                          policy: rules.Policy | None = None, child_id: str | None = None) -> list[Uncovered]:
    """应保未保: active children under 18 whose categories (or parents' circumstances meeting the
    事实无人抚养 test, or a need marked 应保未保) call for an entitlement none of theirs covers."""
    today = today or clock.today()
    policy = policy or rules.default_policy()
    # The facts are small sets (categories giving an entitlement, qualifying parents, needs): read
    # whole; the children are read only for the candidates, by one query (issue 17).
    cats, ents = _categories(session), _entitlements(session)
    parents: dict[str, list] = {}
    for row in session.execute(select(Guardian.child_id, Guardian.relation, Guardian.circumstance,
                                      Guardian.circumstance_since).where(sql_text(QUALIFYING_PARENTS))):
        parents.setdefault(row[0], []).append(g.ParentFacts(relation=row[1], circumstance=row[2], circumstance_since=row[3]))
    needs = set(session.scalars(select(Need.child_id).where(Need.deleted.is_(False), Need.coverage == "应保未保")))
    among = _uncovered_candidates(today, child_id)
    out = []
    for child in sorted(_children(session, among).values(), key=lambda c: (c.group_name, c.name)):
        extra, why = [], []
        pf = parents.get(child.id, [])
        if len(pf) >= 2 and g.unsupported_test(pf, today).status == "符合":
            extra.append(rules.UNSUPPORTED)
            why.append("父母情形符合事实无人抚养条件")
        kinds = rules.uncovered_kinds(cats.get(child.id, []), ents.get(child.id, []), child.birth_date, today,
                                      extra, policy.age_limit)
        if kinds:
            why.insert(0, "类别：" + "、".join(kinds))
        elif child.id in needs:
            why.append("需求登记为“应保未保”")
        if kinds or child.id in needs:
            out.append(Uncovered(child, kinds, "；".join(why)))
    return out


@dataclass
class ToEnd:
    child: ChildLine
    entitlement: BenefitEntitlement
    end_date: dt.date
    reason: str


def entitlements_to_end(session: Session, today: dt.date | None = None, horizon_days: int | None = None,
                        policy: rules.Policy | None = None, child_id: str | None = None) -> list[ToEnd]:
    """Open entitlements that must end by today + horizon (aged 18, category ended), soonest first."""
    today = today or clock.today()
    policy = policy or rules.default_policy()
    horizon = today + dt.timedelta(days=policy.end_warning_days if horizon_days is None else horizon_days)
    cats = _categories(session, select(BenefitEntitlement.child_id).where(BenefitEntitlement.deleted.is_(False)))
    children = {r[0]: ChildLine(*r) for r in session.execute(
        select(Child.id, Child.name, Child.birth_date, Child.group_name).join(
            BenefitEntitlement, BenefitEntitlement.child_id == Child.id).where(
            Child.deleted.is_(False), BenefitEntitlement.deleted.is_(False)))}
    due_ids = {}
    rows = session.execute(select(BenefitEntitlement.id, BenefitEntitlement.child_id, BenefitEntitlement.kind,
                                  BenefitEntitlement.start_date, BenefitEntitlement.end_date).where(
        BenefitEntitlement.deleted.is_(False),
        (BenefitEntitlement.end_date.is_(None)) | (BenefitEntitlement.end_date >= today))).all()
    for eid, owner, kind, start, end in rows:
        child = children.get(owner)
        if child is None or (child_id is not None and owner != child_id):
            continue
        due = rules.due_end(rules.EntitlementFacts(eid, kind, start, end), child.birth_date, cats.get(owner, []),
                            policy.age_limit)
        if due is not None and due.end_date <= horizon:
            due_ids[eid] = (child, due)
    out = []
    if due_ids:
        for ent in session.scalars(select(BenefitEntitlement).where(BenefitEntitlement.id.in_(list(due_ids)))):
            child, due = due_ids[ent.id]
            out.append(ToEnd(child, ent, due.end_date, due.reason))
    out.sort(key=lambda t: (t.end_date, t.child.name))
    return out
