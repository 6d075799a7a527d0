"""应保未保 on the county server: active children of a unit who look eligible for a benefit that no
active entitlement covers — the desktop's rule (`app.data.benefits.looks_eligible_unpaid`), run
over a whole township or county.

SQL narrows the children to the few candidates (an eligible category with no covering active
entitlement, both parents in a qualifying circumstance, or a need marked 应保未保); the domain
rules then decide each candidate exactly as the laptop does.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_, distinct, exists, func, or_, select, union
from sqlalchemy.orm import Session

from app.data.models import Child, ChildCategory, Guardian, Need
from app.data.models.protection import BenefitEntitlement
from app.domain import benefits as rules
from app.domain import guardianship as g
from app.domain.child_rules import aged_out_cutoff
from app.domain.vocab import STATUS_ACTIVE

CHUNK = 500


@dataclass(frozen=True)
class UnpaidLine:
    child_id: str
    village_code: str
    name: str
    id_number: str
    birth_date: dt.date | None
    group_name: str
    kinds: tuple[str, ...]
    reason: str


def _active_child(prefix: str, villages: list[str] | None = None):
    where = and_(Child.deleted.is_(False), Child.status == STATUS_ACTIVE, Child.village_code.startswith(prefix))
    return where if villages is None else and_(where, Child.village_code.in_(villages))


def _candidates(s: Session, prefix: str, today: dt.date, age_limit: int, villages: list[str] | None):
    ent = BenefitEntitlement
    covered = []
    for kind in rules.KINDS:
        cats = [c for c, k in rules.CATEGORY_TO_KIND.items() if k == kind]
        holders = [h for h in rules.KINDS if rules.covers(h, kind)]
        covered.append(and_(ChildCategory.category.in_(cats), ent.kind.in_(holders)))
    no_cover = ~exists().where(ent.child_id == Child.id, ent.deleted.is_(False), ent.start_date <= today,
                               or_(ent.end_date.is_(None), ent.end_date >= today), or_(*covered))
    by_category = select(Child.id).join(ChildCategory, ChildCategory.child_id == Child.id).where(
        _active_child(prefix, villages), ChildCategory.deleted.is_(False),
        ChildCategory.category.in_(list(rules.CATEGORY_TO_KIND)),
        or_(ChildCategory.since.is_(None), ChildCategory.since <= today),
        or_(ChildCategory.ended.is_(None), ChildCategory.ended >= today),
        or_(Child.birth_date.is_(None), Child.birth_date > aged_out_cutoff(today, age_limit)), no_cover)
    by_parents = select(Guardian.child_id).join(Child, Child.id == Guardian.child_id).where(
        _active_child(prefix, villages), Guardian.deleted.is_(False), Guardian.relation.in_(g.PARENT_RELATIONS),
        Guardian.circumstance.in_(g.QUALIFYING + (g.DEAD,))).group_by(Guardian.child_id).having(
        # both parents qualify (a duplicated parent row counts once in the rule)
        func.count(distinct(Guardian.relation)) >= 2)
    by_need = select(Need.child_id).join(Child, Child.id == Need.child_id).where(
        _active_child(prefix, villages), Need.deleted.is_(False), Need.coverage == "应保未保")
    return set(s.scalars(union(by_category, by_parents, by_need)))


def unpaid(s: Session, prefix: str, today: dt.date, policy: rules.Policy | None = None,
           villages: list[str] | None = None) -> list[UnpaidLine]:
    """应保未保 under `prefix` (and in `villages` when given), by village, group and name."""
    policy = policy or rules.default_policy()
    ids = sorted(_candidates(s, prefix, today, policy.age_limit, villages))
    out: list[UnpaidLine] = []
    for i in range(0, len(ids), CHUNK):
        out.extend(_decide(s, ids[i:i + CHUNK], today, policy))
    out.sort(key=lambda u: (u.village_code, u.group_name, u.name))
    return out


def _decide(s: Session, part: list[str], today: dt.date, policy) -> list[UnpaidLine]:
    cats: dict[str, list] = {}
    for cid, category, since, ended in s.execute(select(
            ChildCategory.child_id, ChildCategory.category, ChildCategory.since, ChildCategory.ended).where(
            ChildCategory.child_id.in_(part), ChildCategory.deleted.is_(False),
            ChildCategory.category.in_(list(rules.CATEGORY_TO_KIND)))):
        cats.setdefault(cid, []).append(rules.CategoryFacts(category, since, ended))
    ents: dict[str, list] = {}
    for eid, cid, kind, start, end in s.execute(select(
            BenefitEntitlement.id, BenefitEntitlement.child_id, BenefitEntitlement.kind, BenefitEntitlement.start_date,
            BenefitEntitlement.end_date).where(BenefitEntitlement.child_id.in_(part),
                                               BenefitEntitlement.deleted.is_(False))):
        ents.setdefault(cid, []).append(rules.EntitlementFacts(eid, kind, start, end))
    parents: dict[str, list] = {}
    for cid, relation, circ, since in s.execute(select(
            Guardian.child_id, Guardian.relation, Guardian.circumstance, Guardian.circumstance_since).where(
            Guardian.child_id.in_(part), Guardian.deleted.is_(False), Guardian.relation.in_(g.PARENT_RELATIONS),
            Guardian.circumstance.in_(g.QUALIFYING + (g.DEAD,)))):
        parents.setdefault(cid, []).append(g.ParentFacts(relation=relation, circumstance=circ, circumstance_since=since))
    needs = set(s.scalars(select(Need.child_id).where(Need.child_id.in_(part), Need.deleted.is_(False),
                                                      Need.coverage == "应保未保")))
    out = []
    for cid, village, name, idn, birth, group in s.execute(select(
            Child.id, Child.village_code, Child.name, Child.id_number, Child.birth_date, Child.group_name).where(
            Child.id.in_(part))):
        extra, why = [], []
        pf = parents.get(cid, [])
        if len(pf) >= 2 and g.unsupported_test(pf, today).status == "符合":
            extra.append(rules.UNSUPPORTED)
            why.append("父母情形符合事实无人抚养条件")
        kinds = rules.uncovered_kinds(cats.get(cid, []), ents.get(cid, []), birth, today, extra, policy.age_limit)
        if kinds:
            why.insert(0, "类别：" + "、".join(kinds))
        elif cid in needs:
            why.append("需求登记为“应保未保”")
        if kinds or cid in needs:
            out.append(UnpaidLine(cid, village, name, idn, birth, group, tuple(kinds), "；".join(why)))
    return out
