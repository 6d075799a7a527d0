"""Helpers for the protection tests: synthetic children with valid ID numbers, added directly."""

from __future__ import annotations

import datetime as dt

from stdnum.cn import ric

from app.data.models import CareArrangement, Child, ChildCategory, Guardian

_seq = [0]


def make_id(birth: dt.date, sex: str = "男", region: str = "320115") -> str:
    _seq[0] += 1
    n = _seq[0] % 99
    last = (n * 2 + (1 if sex == "男" else 0)) % 10
    if (last % 2 == 1) != (sex == "男"):
        last = (last + 1) % 10
    first17 = f"{region}{birth:%Y%m%d}{n:02d}{last}"
    return first17 + ric.calc_check_digit(first17 + "0")


def add_child(session, name: str, birth: dt.date, *, sex: str = "男", school: str = "", stage: str = "",
              id_number: str | None = None, village: str = "320115101201", **extra) -> Child:
    child = Child(village_code=village, name=name, id_number=id_number if id_number is not None else make_id(birth, sex),
                  sex=sex, birth_date=birth, school=school, school_stage=stage, **extra)
    session.add(child)
    session.flush()
    return child


def add_parent(session, child, relation, **kw) -> Guardian:
    g = Guardian(child_id=child.id, relation=relation, **kw)
    session.add(g)
    session.flush()
    return g


def add_carer(session, child, **kw) -> CareArrangement:
    c = CareArrangement(child_id=child.id, **kw)
    session.add(c)
    session.flush()
    return c


def add_category(session, child, category, since=None, ended=None) -> ChildCategory:
    c = ChildCategory(child_id=child.id, category=category, since=since, ended=ended)
    session.add(c)
    session.flush()
    return c
