"""Administrative units of the console: a division-code prefix (county 6, township 9, village 12
digits), the level below it, and the names the `place` rows give them."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.data.models.place import Place

LENGTHS = (6, 9, 12)
LEVEL_NAMES = {6: "县（区）", 9: "乡镇（街道）", 12: "村（社区）"}


def child_length(code: str) -> int | None:
    """Length of the codes one level below `code` (None for a village)."""
    for n in LENGTHS:
        if n > len(code):
            return n
    return None


def is_unit_code(code: str) -> bool:
    return code.isdigit() and len(code) in LENGTHS


@dataclass(frozen=True)
class Unit:
    code: str
    name: str

    @property
    def level(self) -> str:
        return LEVEL_NAMES.get(len(self.code), "")


def names(session: Session, prefix: str = "") -> dict[str, str]:
    """Place names by code for every place under `prefix` (and the places above it)."""
    out: dict[str, str] = {}
    q = select(Place.code, Place.name).where(Place.deleted.is_(False))
    for code, name in session.execute(q.where(Place.code.startswith(prefix)) if prefix else q):
        out[code] = name
    for n in LENGTHS:
        if n <= len(prefix) and prefix[:n] not in out:
            row = session.scalar(select(Place.name).where(Place.code == prefix[:n], Place.deleted.is_(False)))
            if row:
                out[prefix[:n]] = row
    return out


def name_of(known: dict[str, str], code: str) -> str:
    return known.get(code) or code


def trail(known: dict[str, str], code: str, top: str) -> list[Unit]:
    """The units from the user's top unit down to `code` (breadcrumbs)."""
    out = []
    for n in LENGTHS:
        if len(top) <= n <= len(code):
            out.append(Unit(code[:n], name_of(known, code[:n])))
    if not out or out[0].code != top:
        out.insert(0, Unit(top, name_of(known, top) if top else "全部"))
    return out
