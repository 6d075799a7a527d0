"""疑似重复档案: children whose (normalised) ID numbers are the same — typically one child registered
on two laptops before they synced — and merging two such files into one.

Detection is on demand (`duplicate_groups`): after any sync or USB import the 工作台 asks again, so
nothing needs storing and nothing can go stale. Both files stay on the register, and both stay
editable (the register's duplicate check refuses only new registrations and ID changes).

`merge_children` makes one file of two in one transaction, with ordinary captured edits that sync:
* the survivor takes the values the person chose (field by field where the files differ);
* the other file's editable rows (guardians, care, categories, needs, cases, school and benefit
  rows, screening records…) move to the survivor, or fold into their twin there (the same guardian,
  a category the survivor already holds, a record of the same screening round);
* append-only rows (visits, assessments, mandatory reports, payments) are final and stay where
  they are; the survivor's lists show them through `merged.file_ids`;
* the other child is tombstoned (`deleted`) with `merged_into` = the survivor — every list, count,
  ledger and duplicate check already leaves deleted children out, and a later sync or merge on
  another laptop knows where its rows went. If it lived in another village it moves to the
  survivor's village too, so the county sends its whole file (visits included) there, and its
  editable rows move to the survivor only once that move has reached the county
  (`finish_merges`, run again after each sync): a row re-parented straight onto a child of
  another village would reach that village's laptops as an edit of a row they do not hold;
* an audit entry (action `merge`) records who merged what.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from dataclasses import dataclass, field
from typing import Any, Hashable

from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, object_mapper

from app.core import clock
from app.data import children as children_data
from app.data import merged
from app.data.base import SYNC_COLUMNS, SyncMixin, child_linked
from app.data.models import AuditEntry, Child, ChildCategory, Guardian, OutboxChange, Place, Setting
from app.data.models.protection import BenefitPayment, MandatoryReport
from app.data.models.visits import Assessment, ScreeningRecord, Visit
from app.domain import duplicates as rules
from app.domain.errors import ValidationError, ValidationErrors

log = logging.getLogger(__name__)

__all__ = ["Member", "DuplicateGroup", "FileSummary", "MergeOutcome", "duplicate_groups", "duplicate_count", "twins_of",
           "file_summary", "merge_children", "finish_merges", "finish_pending_merges"]


@dataclass(frozen=True)
class Member:
    id: str
    name: str
    id_number: str
    village_code: str
    village_name: str
    status: str
    birth_date: dt.date | None

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "id_number": self.id_number, "village_code": self.village_code,
                "village_name": self.village_name, "status": self.status,
                "birth_date": self.birth_date.isoformat() if self.birth_date else None}


@dataclass(frozen=True)
class DuplicateGroup:
    id_number: str  # normalised
    members: tuple[Member, ...]

    def as_dict(self) -> dict[str, Any]:
        return {"id_number": self.id_number, "members": [m.as_dict() for m in self.members]}


def _village_names(session: Session, codes) -> dict[str, str]:
    codes = sorted(set(codes))
    if not codes:
        return {}
    return dict(session.execute(select(Place.code, Place.name).where(
        Place.code.in_(codes), Place.deleted.is_(False))).tuples().all())


def _groups(session: Session) -> dict[str, list[str]]:
    """{normalised number: [child ids]} for the numbers two or more live files hold. Numbers saved by
    this app are already normalised, so SQL groups them (indexed); the few that are not (an older
    version's full-width digits, a lowercase x) are normalised here and joined to their twins."""
    live = (Child.deleted.is_(False), Child.id_number != "")
    shared = select(Child.id_number).where(*live).group_by(Child.id_number).having(func.count() > 1)
    found: dict[str, str] = dict(session.execute(select(Child.id, Child.id_number).where(
        *live, Child.id_number.in_(shared))).tuples().all())
    odd: dict[str, str] = dict(session.execute(select(Child.id, Child.id_number).where(
        *live, Child.id_number.op("GLOB")("*[^0-9X]*"))).tuples().all())
    if odd:
        keys = sorted({rules.duplicate_key(n) for n in odd.values()} - {""})
        for start in range(0, len(keys), 900):
            found.update(session.execute(select(Child.id, Child.id_number).where(
                *live, Child.id_number.in_(keys[start:start + 900]))).tuples().all())
        found.update(odd)
    return rules.group_duplicates(found.items())


def duplicate_groups(session: Session) -> list[DuplicateGroup]:
    """Every ID number two or more live files share, with those files (oldest first)."""
    groups = _groups(session)
    if not groups:
        return []
    ids = [i for members in groups.values() for i in members]
    found = {}
    for start in range(0, len(ids), 900):
        for r in session.execute(select(Child.id, Child.name, Child.id_number, Child.village_code, Child.status,
                                        Child.birth_date).where(Child.id.in_(ids[start:start + 900]))):
            found[r.id] = r
    names = _village_names(session, (r.village_code for r in found.values()))
    return [
        DuplicateGroup(number, tuple(
            Member(r.id, r.name, r.id_number, r.village_code, names.get(r.village_code, r.village_code), r.status,
                   r.birth_date)
            for r in (found[i] for i in sorted(members))))  # UUIDv7 ids: oldest registration first
        for number, members in groups.items()
    ]


def twins_of(session: Session, child_id: str) -> list[Member]:
    """The other live files holding this child's ID number (empty for most children)."""
    child = session.get(Child, child_id)
    if child is None or child.deleted or not child.id_number:
        return []
    numbers = {child.id_number, rules.duplicate_key(child.id_number)}
    rows = session.execute(select(Child.id, Child.name, Child.id_number, Child.village_code, Child.status,
                                  Child.birth_date).where(Child.id_number.in_(numbers), Child.deleted.is_(False),
                                                          Child.id != child_id).order_by(Child.id)).all()
    names = _village_names(session, (r.village_code for r in rows))
    return [Member(r.id, r.name, r.id_number, r.village_code, names.get(r.village_code, r.village_code), r.status,
                   r.birth_date) for r in rows]


def duplicate_count(session: Session) -> int:
    """How many ID numbers are held by more than one live file."""
    return len(_groups(session))


# -- comparing two files ---------------------------------------------------------
@dataclass(frozen=True)
class FileSummary:
    """What the merge dialog shows of one file."""

    id: str
    values: dict[str, Any]          # every `rules.MERGE_FIELDS` value (+ status date/note, sex, birth)
    village_name: str
    guardians: list[str]            # "母亲 李芳"
    categories: list[str]
    counts: dict[str, int] = field(default_factory=dict)  # visits / assessments / reports / payments


_COUNTED: dict[str, type[Visit] | type[Assessment] | type[MandatoryReport] | type[BenefitPayment]] = {
    "visits": Visit, "assessments": Assessment, "reports": MandatoryReport, "payments": BenefitPayment}


def _values(child: Child) -> dict[str, Any]:
    names = set(rules.MERGE_FIELDS) | set(rules.STATUS_FIELDS) | {"sex", "birth_date"}
    return {n: getattr(child, n) for n in names}


def file_summary(session: Session, child_id: str) -> FileSummary:
    child = children_data.get_child(session, child_id)
    ids = merged.file_ids(session, child_id)
    counts = {}
    for key, model in _COUNTED.items():
        stmt = select(func.count()).select_from(model).where(model.child_id.in_(ids), model.deleted.is_(False))
        if model is Visit:
            stmt = stmt.where(Visit.amends_id.is_(None))
        counts[key] = session.scalar(stmt) or 0
    guardians = [f"{g.relation} {g.name}".strip() for g in children_data.guardians(session, child_id)]
    today = clock.today()
    categories = children_data.current_categories(session, [child_id], today)[child_id]
    names = _village_names(session, [child.village_code])
    return FileSummary(child.id, _values(child), names.get(child.village_code, child.village_code), guardians,
                       categories, counts)


# -- merging ---------------------------------------------------------------------
@dataclass(frozen=True)
class MergeOutcome:
    keep_id: str
    drop_id: str
    taken: list[str]   # fields whose value came from the dropped file
    moved: int         # rows re-parented to the survivor
    folded: int        # rows folded into their twin in the survivor's file
    deferred: bool = False  # from another village: rows move after the next sync (`finish_merges`)


def _row_values(row: SyncMixin) -> dict[str, Any]:
    return {a.key: getattr(row, a.key) for a in object_mapper(row).column_attrs
            if a.key not in SYNC_COLUMNS and a.key != "child_id" and not a.columns[0].info.get("derived")}


_TWINNED: frozenset[type[SyncMixin]] = frozenset({Guardian, ChildCategory, ScreeningRecord})


def _twin_key(row: SyncMixin, today: dt.date) -> Hashable | None:
    """Rows of two files with the same key describe the same thing (None: never a twin)."""
    if isinstance(row, Guardian):
        return rules.guardian_key(row.relation, row.name)
    if isinstance(row, ChildCategory):
        return row.category if row.ended is None or row.ended > today else None
    if isinstance(row, ScreeningRecord):
        return row.round_id
    return None


def _move_rows(session: Session, keep_id: str, drop_id: str, today: dt.date) -> tuple[int, int]:
    moved = folded = 0
    for cls, child_id in child_linked():
        if cls.__append_only__:
            continue
        rows = list(session.scalars(select(cls).where(child_id == drop_id, cls.deleted.is_(False)).order_by(cls.id)))
        if not rows:
            continue
        twins: dict[Hashable, SyncMixin] = {}
        if cls in _TWINNED:
            for row in session.scalars(select(cls).where(child_id == keep_id, cls.deleted.is_(False))):
                key = _twin_key(row, today)
                if key is not None:
                    twins.setdefault(key, row)
        for row in rows:
            found = _twin_key(row, today) if twins else None
            twin = twins.get(found) if found is not None else None
            if twin is not None:
                for name, value in rules.fill_blanks(_row_values(twin), _row_values(row)).items():
                    setattr(twin, name, value)
                row.deleted = True
                folded += 1
            else:
                setattr(row, child_id.key, keep_id)
                moved += 1
    return moved, folded


def merge_children(session: Session, keep_id: str, drop_id: str, choices: dict[str, str] | None = None,
                   user: str = "", today: dt.date | None = None) -> MergeOutcome:
    """Merge the file `drop_id` into `keep_id` (see the module docstring). `choices` maps a field
    of `rules.MERGE_FIELDS` to `rules.KEEP` or `rules.DROP` (whose value stays); fields left out
    follow `rules.default_choice`. Validates like an edit; one transaction with the caller's session."""
    today = today or clock.today()
    if keep_id == drop_id:
        raise ValidationErrors([ValidationError("drop_id", "不能把档案与它自己合并")])
    keep = children_data.get_child(session, keep_id)
    drop = children_data.get_child(session, drop_id)
    if rules.duplicate_key(keep.id_number) != rules.duplicate_key(drop.id_number):
        raise ValidationErrors([ValidationError("id_number", "两份档案的身份证号码不同，不能合并")])
    unknown = set(choices or {}) - set(rules.MERGE_FIELDS)
    if unknown:
        raise ValidationErrors([ValidationError("choices", f"未知字段：{'、'.join(sorted(unknown))}")])
    try:
        taken = rules.merged_values(_values(keep), _values(drop), choices)
    except ValueError as exc:
        raise ValidationErrors([ValidationError("choices", str(exc))]) from None
    taken_fields = [f for f in rules.MERGE_FIELDS if f in taken]
    drop_name, drop_village = drop.name, drop.village_code

    # The other file leaves the register first, so the survivor's ID number is no longer shared.
    drop.deleted = True
    drop.merged_into = keep.id
    for earlier in session.scalars(select(Child).where(Child.merged_into == drop.id)):
        earlier.merged_into = keep.id  # files merged into the dropped one earlier follow it
    session.flush()

    status = {k: taken.pop(k) for k in rules.STATUS_FIELDS if k in taken}
    if taken:
        children_data.save_child(session, taken, child_id=keep.id, today=today)
    for name, value in status.items():
        setattr(keep, name, value)
    deferred = False
    if drop.village_code != keep.village_code:
        drop.village_code = keep.village_code  # its file (visits too) goes where the survivor's is
        session.flush()
        deferred = _move_pending(session, drop.id)
    moved, folded = (0, 0) if deferred else _move_rows(session, keep.id, drop.id, today)

    ctx = session.info.get("change")
    session.add(AuditEntry(
        actor=user or getattr(ctx, "actor", ""), device=getattr(ctx, "device_id", ""), action="merge",
        table_name="child", row_id=drop.id, child_id=keep.id, field="merged_into",
        old_value=json.dumps({"id": drop.id, "name": drop_name, "village_code": drop_village}, ensure_ascii=False),
        new_value=json.dumps({"keep": keep.id, "taken": taken_fields, "moved": moved, "folded": folded,
                              "deferred": deferred}, ensure_ascii=False),
    ))
    session.flush()
    _refresh_schedules(session, [keep.id])
    return MergeOutcome(keep.id, drop.id, taken_fields, moved, folded, deferred)


def _syncs(session: Session) -> bool:
    return (session.scalar(select(func.count()).select_from(Setting).where(
        Setting.key.in_(("sync_token", "device_identity")), Setting.value != "")) or 0) > 0


def _move_pending(session: Session, child_id: str) -> bool:
    """Has this device moved the child to another village without the county knowing yet?"""
    if not _syncs(session):
        return False
    return session.scalar(select(OutboxChange.seq).where(
        OutboxChange.table_name == "child", OutboxChange.row_id == child_id,
        OutboxChange.field.in_(("village_code", "*")), OutboxChange.acked.is_(False)).limit(1)) is not None


def _break_cycles(session: Session) -> set[str]:
    """Two laptops that merged the same files in opposite directions before syncing leave each file
    pointing at the other, both tombstoned. Every replica brings back the same one (the oldest id)
    with the same edit, so the pair becomes one live file again (no conflict: equal values)."""
    links: dict[str, str] = {cid: into for cid, into in session.execute(select(Child.id, Child.merged_into).where(
        Child.merged_into.is_not(None), Child.deleted.is_(True))).tuples() if into}
    restored = set()
    for start in sorted(links):
        path, current = [], start
        while current in links and current not in path:
            path.append(current)
            current = links[current]
        if current in path:  # a cycle: path from `current` on
            cycle = path[path.index(current):]
            back = session.get(Child, min(cycle))
            if back is not None and (back.deleted or back.merged_into):
                back.deleted = False
                back.merged_into = None
                restored.add(back.id)
            for cid in cycle:
                links.pop(cid, None)
    session.flush()
    return restored


def finish_merges(session: Session, today: dt.date | None = None) -> int:
    """Move the editable rows still held by merged-away files to their survivors: rows of a file
    merged from another village once its move reached the county, and rows another laptop added
    to a file before it heard of the merge (or moved the other way, when two laptops merged one
    pair in opposite directions). Captured edits; returns how many rows moved or folded."""
    if not merged.any_merged(session):
        return 0
    today = today or clock.today()
    survivors = _break_cycles(session)
    gone: dict[str, str] = dict(session.execute(
        select(Child.id, Child.village_code).where(Child.merged_into.is_not(None))).tuples().all())
    linked = [(cls, child_id) for cls, child_id in child_linked() if not cls.__append_only__]
    holding: set[str] = set()
    ids = list(gone)
    for cls, child_id in linked:
        for start in range(0, len(ids), 900):
            holding.update(session.scalars(select(child_id).where(
                child_id.in_(ids[start:start + 900]), cls.deleted.is_(False)).distinct()))
    done = 0
    for drop_id in sorted(holding):
        keep = session.get(Child, merged.survivor(session, drop_id))
        if keep is None or keep.deleted or keep.id == drop_id or keep.village_code != gone[drop_id]:
            continue
        if _move_pending(session, drop_id):
            continue
        moved, folded = _move_rows(session, keep.id, drop_id, today)
        done += moved + folded
        survivors.add(keep.id)
    session.flush()
    _refresh_schedules(session, survivors)
    return done


def _refresh_schedules(session: Session, child_ids) -> None:
    """The survivor's colour and visit dates count the visits and assessments of its whole file."""
    try:
        from app.data.visits import refresh_child_schedule
    except ImportError:  # pragma: no cover - the visits feature is absent
        return
    for cid in sorted(child_ids):
        refresh_child_schedule(session, cid)


def finish_pending_merges(store) -> int:
    """`finish_merges` in its own transaction, for the 工作台's refresh. A store busy with a sync
    postpones it to the next refresh (returns 0) instead of failing the screen."""
    try:
        with store.session() as s:
            return finish_merges(s)
    except OperationalError:
        log.info("finishing merges postponed: the store is busy", exc_info=True)
        return 0
