"""What the child's file window shows in its header, as plain values (one read per load)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from app.data import children as data
from app.data.duplicates import twins_of
from app.data.merged import survivor


@dataclass(frozen=True)
class FileHeader:
    child_id: str  # the file shown: a file merged into another opens as that one
    name: str
    id_number: str
    status: str
    colour: str
    group_name: str
    sex: str
    age: int | None
    categories: list[str] = field(default_factory=list)
    twins: list = field(default_factory=list)  # other live files with the same ID number (duplicates.Twin)


def file_header(session: Session, child_id: str) -> FileHeader:
    child_id = survivor(session, child_id)
    child = data.get_child(session, child_id)
    rows = data.list_children(session, data.ChildQuery(text=child.id_number, status=""))
    mine = next((r for r in rows if r.id == child_id), None)
    return FileHeader(child_id, child.name or "", child.id_number or "", child.status or "", child.colour or "",
                      child.group_name or "", child.sex or "", mine.age if mine else None,
                      list(mine.categories) if mine else [], list(twins_of(session, child_id)))
