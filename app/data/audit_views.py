"""The 变更记录 (change history) of a child's file as plain values, for the screen to word in the
interface language (issue 13): who did what to which kind of record, the field's name and its
old and new value, never an internal table or column name."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from dataclasses import field as dc_field

from sqlalchemy.orm import Session

from app.data.children import audit_trail
from app.domain import audit_labels, child_rules


@dataclass(frozen=True)
class HistoryLine:
    at: dt.datetime | None  # UTC
    actor: str
    action: str  # create / update / delete / view / print / export / merge …
    record: str  # the record kind's Chinese name (走访记录, 基本情况 …)
    field: str = ""  # the field's Chinese name (update)
    old: str = ""
    new: str = ""
    merged_name: str = ""  # merge: the name on the file merged into this one
    taken: list[str] = dc_field(default_factory=list)  # merge: Chinese names of the fields taken from it
    moved: int = 0
    folded: int = 0


def child_history(session: Session, child_id: str, limit: int | None = None) -> list[HistoryLine]:
    """The file's history, newest first (with the files merged into it)."""
    return [_line(e) for e in audit_trail(session, child_id, limit=limit)]


def _line(e) -> HistoryLine:
    base = dict(at=e.at, actor=e.actor or "", action=e.action, record=audit_labels.table(e.table_name))
    if e.action == "update":
        return HistoryLine(**base, field=audit_labels.field(e.field), old=e.old_value or "", new=e.new_value or "")
    if e.action == "merge":
        try:
            drop, detail = json.loads(e.old_value or "{}"), json.loads(e.new_value or "{}")
        except ValueError:
            drop, detail = {}, {}
        return HistoryLine(**base, merged_name=str(drop.get("name", "")),
                           taken=[child_rules.label(f) for f in detail.get("taken") or []],
                           moved=int(detail.get("moved", 0) or 0), folded=int(detail.get("folded", 0) or 0))
    return HistoryLine(**base)
