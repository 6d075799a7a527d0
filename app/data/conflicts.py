"""The 冲突 page's reading: conflicts kept by the merge, newest first, with the child's name."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from app.data.models.child import Child
from app.data.models.sync import Conflict

__all__ = ["ConflictRow", "list_conflicts"]


@dataclass(frozen=True)
class ConflictRow:
    seq: int
    child_id: str | None
    child_name: str
    table_name: str
    field: str
    winner_value: str | None  # JSON
    winner_actor: str
    winner_hlc: str
    winner_origin: str
    loser_value: str | None  # JSON
    loser_actor: str
    loser_hlc: str
    loser_origin: str
    resolved: bool
    resolution: str


def list_conflicts(store, *, include_resolved: bool = False, limit: int = 1000) -> list[ConflictRow]:
    """Open conflicts (or all with `include_resolved`), newest first, as plain rows."""
    q = (select(Conflict, Child.name).outerjoin(Child, Child.id == Conflict.child_id)
         .order_by(Conflict.seq.desc()).limit(limit))
    if not include_resolved:
        q = q.where(Conflict.resolved.is_(False))
    with store.read_session() as s:
        return [ConflictRow(c.seq, c.child_id, name or "", c.table_name, c.field, c.winner_value, c.winner_actor or "",
                            c.winner_hlc, c.winner_origin or "", c.loser_value, c.loser_actor or "", c.loser_hlc,
                            c.loser_origin or "", bool(c.resolved), c.resolution or "")
                for c, name in s.execute(q).all()]
