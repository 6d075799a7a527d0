"""The county's gazetteer for the roster import: 12-digit village and 9-digit township codes with
their names, kept on the server (`tonghu server places --file 区划.csv`) and completed by the
place rows the villages' laptops sent."""

from __future__ import annotations

import json
import re
import uuid
from pathlib import Path

from sqlalchemy import select

from app.data.models import Place
from app.data.schoolroll_import import RollFileError, read_table
from app.domain.roster import Gazetteer
from app.domain.tabular import cell_text
from app.server import settings
from app.server.db import ServerDB

KEY = "roster.places"


def stored(s) -> dict[str, str]:
    return settings.get_json(s, KEY, {})


def gazetteer(db: ServerDB) -> Gazetteer:
    """The loaded place list, plus the village and township rows the laptops sent."""
    with db.sessions() as s:
        places = {code: name for code, name in s.execute(
            select(Place.code, Place.name).where(Place.deleted.is_(False))) if code and name and name != code}
        places.update(stored(s))
    return Gazetteer(places)


def read_places(path: Path | str) -> dict[str, str]:
    """A place list: rows of (区划代码, 名称) — 9-digit townships and 12-digit villages; a header
    row and other columns are ignored. Raises RollFileError naming bad rows."""
    places: dict[str, str] = {}
    bad: list[str] = []
    for row_no, values in read_table(path):
        cells = [cell_text(v) for v in values]
        code_at = next((i for i, c in enumerate(cells) if re.fullmatch(r"\d{9}|\d{12}", c)), None)
        if code_at is None:
            if any(re.fullmatch(r"\d+", c) for c in cells):
                bad.append(f"第{row_no}行：区划代码应为9位（乡镇）或12位（村）数字")
            continue
        name = next((c for c in cells[code_at + 1:] + cells[:code_at] if c and not c.isdigit()), "")
        if not name:
            bad.append(f"第{row_no}行：缺少名称")
            continue
        places[cells[code_at]] = name
    if bad:
        raise RollFileError("区划表有错误，未导入：\n" + "\n".join(bad[:20]))
    if not places:
        raise RollFileError("区划表中没有找到区划代码（每行：区划代码, 名称）")
    return places


def save_places(db: ServerDB, places: dict[str, str]) -> int:
    """Add (or rename) places in the stored list, and send the places the county does not hold yet
    to the laptops as county place rows (tagged with the county code: every laptop of the county
    learns the villages' names, for the village column, the filter and 转出). Returns how many
    the list now holds."""
    with db.sessions() as s, s.begin():
        held = stored(s)
        held.update(places)
        settings.put(s, KEY, json.dumps(held, ensure_ascii=False, sort_keys=True))
        count = len(held)
    _send_places(db, places)
    return count


_LEVELS = {6: "county", 9: "township", 12: "village"}
_NS = uuid.UUID("5e0c1b7a-2f4d-4a8e-9c36-71d2b8e4f015")


def _send_places(db: ServerDB, places: dict[str, str]) -> None:
    from app.server.county_writes import county_changes

    with db.sessions() as s:
        held = set(s.scalars(select(Place.code).where(Place.deleted.is_(False))))
    new = {c: n for c, n in places.items() if c not in held and len(c) in _LEVELS}
    if not new:
        return
    with county_changes(db) as w:
        for code, name in sorted(new.items()):
            w.create("place", str(uuid.uuid5(_NS, code)), {"code": code, "name": name[:64], "level": _LEVELS[len(code)]},
                     child_id=None, scope=code[:6])
