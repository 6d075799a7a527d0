"""What a township supervisor's laptop (scope: a 9-digit township code) shows by village: the
villages it holds children of, with their names, and the totals per village for the 工作台."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from app.data.models import Child, Place
from app.domain import places
from app.domain.vocab import STATUS_ACTIVE


def is_township(scope: str | None) -> bool:
    return bool(scope) and len(scope or "") == 9


def village_names(session: Session, scope: str = "") -> dict[str, str]:
    """code → name of the villages in `scope` this laptop knows or holds children of (code when unnamed)."""
    names = {c: n for c, n in session.execute(select(Place.code, Place.name).where(
        Place.level == places.LEVEL_VILLAGE, Place.deleted.is_(False), Place.code.startswith(scope)))}
    for code in session.scalars(select(Child.village_code).where(Child.deleted.is_(False)).distinct()):
        names.setdefault(code, code)
    return dict(sorted(names.items()))


@dataclass(frozen=True)
class VillageTotal:
    code: str
    name: str
    active: int          # 在册
    red: int             # 红
    overdue: int         # next visit before today
    never_visited: int


def village_totals(session: Session, today: dt.date) -> list[VillageTotal]:
    """Per village, the active children, how many are red, overdue for a visit, never visited."""
    rows = session.execute(
        select(Child.village_code, func.count(),
               func.sum(case((Child.colour == "红", 1), else_=0)),
               func.sum(case((Child.next_visit_due < today, 1), else_=0)),
               func.sum(case((Child.last_visit_date.is_(None), 1), else_=0)))
        .where(Child.deleted.is_(False), Child.status == STATUS_ACTIVE)
        .group_by(Child.village_code).order_by(Child.village_code)).all()
    names = village_names(session)
    return [VillageTotal(code, names.get(code, code), int(n), int(red or 0), int(late or 0), int(never or 0))
            for code, n, red, late, never in rows]
