"""Importing a roster at the county: check every row, compare with the children the server holds,
then write what is new or changed as county changes (`county_writes`).

All or nothing: if any row is bad the import is refused with one message per bad row ("第N行：…")
unless the officer chose to skip bad rows. A child is recognised by ID number county-wide:

- a child the county does not hold is created in its village, with its guardian, carer and
  categories (ids derived from the child, so a repeated import finds them again);
- a child it holds gets the roster's values only where they differ and the county's own earlier
  import set the value last; a value a village edited since (its field version is a village
  laptop's) is reported as what the roster would overwrite and kept, unless `overwrite`;
- a child held in another village than the roster says is reported, never moved (a transfer is
  the county's decision: `tonghu server duplicates --transfer`).

Importing the same file twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from app.core import clock
from app.data.capture import field_version
from app.data.ids import new_id
from app.data.models.child import CareArrangement, Child, ChildCategory, Guardian
from app.data.schoolroll_import import Preview as TablePreview
from app.data.schoolroll_import import RollRowsError
from app.domain import pinyin
from app.domain import roster as rules
from app.domain.tabular import RowError, cell_text, check_rows
from app.domain.vocab import STATUS_ACTIVE
from app.server.county_writes import COUNTY, county_changes
from app.server.db import ServerDB
from app.server.roster import mapping as remembered
from app.server.roster.places import gazetteer
from app.server.roster.reader import RollFileError, find_header, read_rows

_NS = uuid.UUID("3b0f6f1e-8a9c-4d55-b1f2-6a3f8e2c0d71")
CHILD_FIELDS = {"name": "姓名", "sex": "性别", "address": "家庭住址", "school": "就读学校", "group_name": "村民小组"}
PERSON_FIELDS = {"name": "姓名", "relation": "关系", "phone": "联系电话"}
CARER_FIELDS = {"carer_name": "姓名", "relation": "关系", "phone": "联系电话"}


@dataclass(frozen=True)
class _PersonRow:
    """How a roster's person (监护人 or 委托照护人) becomes a row of a child's file."""

    table: str             # guardian / care_arrangement
    what: str              # its derived id's suffix
    held: str              # the `_Held` attribute listing the rows each child has
    name_field: str
    labels: dict[str, str]
    prefix: str            # how an overwrite names the field (监护人姓名 …)
    default_relation: str  # a new row's relation when the roster gives none
    extra: tuple = ()      # further (field, value) pairs of a new row

    def new_values(self, child_id: str, p: rules.Person) -> dict:
        return {"child_id": child_id, self.name_field: p.name, "relation": p.relation or self.default_relation,
                "phone": p.phone, **dict(self.extra)}

    def roster_values(self, p: rules.Person) -> dict:
        """What the roster says of a person the child's file holds (a blank relation or phone says nothing)."""
        values = {self.name_field: p.name}
        if p.relation:
            values["relation"] = p.relation
        if p.phone:
            values["phone"] = p.phone
        return values

    def held_row(self, held: _Held, child_id: str, p: rules.Person):
        """The child's row that is this person: by name, else the one an earlier import made."""
        rows = getattr(held, self.held).get(child_id, [])
        return next((r for r in rows if getattr(r, self.name_field) == p.name), None) or next(
            (r for r in rows if r.id == derived_id(child_id, self.what)), None)


_GUARDIAN = _PersonRow("guardian", "guardian", "guardians", "name", PERSON_FIELDS, "监护人", "其他",
                       (("is_guardian", True),))
_CARER = _PersonRow("care_arrangement", "carer", "carers", "carer_name", CARER_FIELDS, "照护人", "")


class RosterRowsError(RollRowsError):
    """Some rows are bad: nothing was imported. `errors` names every bad row."""

    advice = "（改正后重新导入，或选择跳过错误行）"


class Preview(TablePreview[rules.RosterEntry]):
    def mapped(self) -> dict[str, str]:
        return rules.mapping_headers(self.headers, self.mapping)


@dataclass
class Overwrite:
    """A value a village edited since the county's last import, which the roster would replace."""

    row_no: int
    name: str
    village_code: str
    what: str        # 姓名 / 监护人联系电话 …
    village_value: str
    roster_value: str

    def text(self) -> str:
        return (f"第{self.row_no}行 {self.name}（{self.village_code}）：{self.what} 村里为“{self.village_value}”，"
                f"名单为“{self.roster_value}”")


@dataclass
class Report:
    file_name: str
    rows: int
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    changes: int = 0                      # county changes written (0: nothing changed)
    overwrites: list[Overwrite] = field(default_factory=list)   # village edits the roster differs from
    overwritten: bool = False             # … and they were replaced (`overwrite`)
    elsewhere: list[str] = field(default_factory=list)          # held in another village than the roster says
    skipped: list[RowError] = field(default_factory=list)
    by_village: dict[str, int] = field(default_factory=dict)    # new children per village
    dry_run: bool = False

    def to_dict(self) -> dict:
        return {"file": self.file_name, "rows": self.rows, "created": self.created, "updated": self.updated,
                "unchanged": self.unchanged, "changes": self.changes, "dry_run": self.dry_run,
                "overwritten": self.overwritten, "overwrites": [o.text() for o in self.overwrites],
                "elsewhere": self.elsewhere, "skipped": [e.text() for e in self.skipped],
                "by_village": dict(sorted(self.by_village.items()))}


def preview(db: ServerDB, path: Path | str, given: dict[str, str] | None = None, *, today: dt.date | None = None,
            data: bytes | None = None) -> Preview:
    """Read and check the whole file, writing nothing (the mapping and preview steps)."""
    path = Path(path)
    today = today or clock.today()
    data = path.read_bytes() if data is None else data
    rows = read_rows(path, data)
    h = find_header(rows)
    headers = [cell_text(v) for v in rows[h][1]]
    mapping = rules.auto_mapping(headers, remembered.overrides_for(db, headers, given))
    places = gazetteer(db)
    checked = check_rows(rows[h + 1:], lambda row_no, values: rules.parse_row(row_no, values, mapping, today, places))
    if checked.rows == 0:
        raise RollFileError("文件只有表头，没有儿童数据")
    return Preview(path.name, hashlib.sha256(data).hexdigest(), headers, mapping, checked.entries, checked.errors,
                   checked.rows)


def derived_id(child_id: str, what: str) -> str:
    """The id of a row the roster gives a child (its guardian, carer, a category): the same every import."""
    return str(uuid.uuid5(_NS, f"{child_id}/{what}"))


def import_roster(db: ServerDB, path: Path | str, given: dict[str, str] | None = None, *, skip_bad: bool = False,
                  overwrite: bool = False, dry_run: bool = False, actor: str = "", today: dt.date | None = None,
                  prepared: Preview | None = None) -> Report:
    """Check, compare and (unless `dry_run`) write. Raises RollFileError / MappingError /
    RosterRowsError (nothing written) for a bad file, a missing column, or bad rows."""
    p = prepared or preview(db, path, given, today=today)
    if p.errors and not skip_bad:
        raise RosterRowsError(p.errors)
    report = Report(p.file_name, p.row_count, skipped=list(p.errors), dry_run=dry_run, overwritten=overwrite)
    if given:  # the mapping step: remembered for the next file of this source
        remembered.remember(db, {h: f for h, f in given.items()})
    provided = set(p.mapping)
    with county_changes(db, actor) as w:
        held = _Held(w.s)
        for e in p.entries:
            child = held.children.get(e.id_number)
            if child is None:
                _create(w, e)
                report.created += 1
                report.by_village[e.village_code] = report.by_village.get(e.village_code, 0) + 1
                continue
            if child.village_code != e.village_code:
                report.elsewhere.append(f"第{e.row_no}行 {e.name}（{e.id_number}）：名单在 {e.village_code}，"
                                        f"县里的档案在 {child.village_code}（未移动）")
            before = len(w.items)
            _update(w, e, child, held, provided, overwrite, report)
            if len(w.items) > before:
                report.updated += 1
            else:
                report.unchanged += 1
        report.changes = len(w.items)
        if dry_run:
            w.discard()
    return report


class _Held:
    """The server's current children (by ID number) and the rows of their files the roster touches."""

    def __init__(self, s):
        self.children: dict[str, object] = {}
        for row in s.execute(select(Child.id, Child.id_number, Child.village_code, Child.name, Child.sex,
                                    Child.address, Child.school, Child.group_name, Child.versions)
                             .where(Child.deleted.is_(False), Child.id_number != "").order_by(Child.id)):
            self.children.setdefault(row.id_number.upper(), row)
        self.guardians: dict[str, list] = {}
        for row in s.execute(select(Guardian.id, Guardian.child_id, Guardian.name, Guardian.relation, Guardian.phone,
                                    Guardian.versions).where(Guardian.deleted.is_(False))):
            self.guardians.setdefault(row.child_id, []).append(row)
        self.carers: dict[str, list] = {}
        for row in s.execute(select(CareArrangement.id, CareArrangement.child_id, CareArrangement.carer_name,
                                    CareArrangement.relation, CareArrangement.phone, CareArrangement.versions)
                             .where(CareArrangement.deleted.is_(False))):
            self.carers.setdefault(row.child_id, []).append(row)
        self.ids: set[str] = set()  # every guardian, carer and category row, deleted or not
        for cls in (Guardian, CareArrangement, ChildCategory):
            self.ids.update(s.scalars(select(cls.id)))
        self.categories: dict[str, set[str]] = {}
        for cid, category in s.execute(select(ChildCategory.child_id, ChildCategory.category).where(
                ChildCategory.deleted.is_(False), ChildCategory.ended.is_(None))):
            self.categories.setdefault(cid, set()).add(category)


@functools.lru_cache(maxsize=65536)
def _pinyin_key(name: str) -> str:
    return pinyin.search_key(name)


def _create(w, e: rules.RosterEntry) -> None:
    cid = new_id()
    village = e.village_code
    w.create("child", cid, {
        "village_code": village, "name": e.name, "pinyin_key": _pinyin_key(e.name), "id_number": e.id_number,
        "sex": e.sex, "birth_date": e.birth_date, "address": e.address, "school": e.school,
        "group_name": e.group_name, "status": STATUS_ACTIVE}, child_id=cid, scope=village)
    for kind, person in ((_GUARDIAN, e.guardian), (_CARER, e.carer)):
        if person is not None:
            w.create(kind.table, derived_id(cid, kind.what), kind.new_values(cid, person), child_id=cid, scope=village)
    for category in e.categories:
        w.create("child_category", derived_id(cid, f"category/{category}"), {
            "child_id": cid, "category": category, "evidence": "县级名单导入"}, child_id=cid, scope=village)


def _update(w, e: rules.RosterEntry, child, held: _Held, provided: set[str], overwrite: bool,  # noqa: C901
            report: Report) -> None:
    village = child.village_code

    def compare(table, row, values: dict, labels: dict, prefix: str = "") -> None:
        vers = json.loads(row.versions or "{}")
        for name, roster_value in values.items():
            current = getattr(row, name)
            if current == roster_value:
                continue
            if field_version(vers, name)[1] != COUNTY:
                report.overwrites.append(Overwrite(e.row_no, e.name, village, prefix + labels[name],
                                                   str(current or ""), str(roster_value or "")))
                if not overwrite:
                    continue
            w.set(table, row.id, name, roster_value, versions=vers, child_id=child.id, scope=village)
            if table == "child" and name == "name":
                w.set(table, row.id, "pinyin_key", _pinyin_key(roster_value), versions=vers,
                      child_id=child.id, scope=village)

    wanted = {"name": e.name}
    for name, column in (("address", "address"), ("school", "school"), ("group_name", "group_name")):
        if column in provided and getattr(e, name):
            wanted[name] = getattr(e, name)
    compare("child", child, wanted, CHILD_FIELDS)
    for kind, person in ((_GUARDIAN, e.guardian), (_CARER, e.carer)):
        if person is None:
            continue
        row = kind.held_row(held, child.id, person)
        own_id = derived_id(child.id, kind.what)
        if row is not None:
            compare(kind.table, row, kind.roster_values(person), kind.labels, kind.prefix)
        elif own_id not in held.ids:
            w.create(kind.table, own_id, kind.new_values(child.id, person), child_id=child.id, scope=village)
    have = held.categories.get(child.id, set())
    for category in e.categories:
        if category not in have and derived_id(child.id, f"category/{category}") not in held.ids:
            w.create("child_category", derived_id(child.id, f"category/{category}"), {
                "child_id": child.id, "category": category, "evidence": "县级名单导入"},
                child_id=child.id, scope=village)
