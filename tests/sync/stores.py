"""Test helpers: create encrypted village stores, add and edit children."""

from __future__ import annotations

import datetime as dt

from app.data.models.child import Child, Guardian
from app.data.store import Store

PASSWORD = "correct-horse-9"
V1 = "320115101201"
V2 = "320115101202"
V3 = "320115102203"
TOWNSHIP = "320115101"


def make_store(tmp_path, name: str, village: str = V1) -> Store:
    return Store.create(tmp_path / f"{name}.store", user=name, password=PASSWORD, village_code=village,
                        village_name=f"{name}村", display_name=name)


def add_child(store: Store, name: str, village: str | None = None, **fields) -> str:
    with store.session() as s:
        child = Child(village_code=village or store.village_code, name=name, id_number=fields.pop("id_number", ""),
                      birth_date=fields.pop("birth_date", dt.date(2015, 3, 1)), **fields)
        s.add(child)
        s.flush()
        return child.id


def add_guardian(store: Store, child_id: str, name: str) -> str:
    with store.session() as s:
        g = Guardian(child_id=child_id, relation="母亲", name=name)
        s.add(g)
        s.flush()
        return g.id


def edit(store: Store, cls, row_id: str, **fields) -> None:
    with store.session() as s:
        row = s.get(cls, row_id)
        for k, v in fields.items():
            setattr(row, k, v)


def get(store: Store, cls, row_id: str):
    with store.read_session() as s:
        return s.get(cls, row_id)
