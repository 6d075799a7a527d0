"""Fetching one live row: present and not a tombstone, or `NotFoundError` (or, for the child a service
is called for, a ValidationError on `child_id`); who is making the change; how many rows a write matched."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import CursorResult, Result
from sqlalchemy.orm import Session

from app.core.errors import NotFoundError
from app.data.models import Child
from app.domain.errors import ValidationError

__all__ = ["change_actor", "live", "live_child", "rowcount", "NotFoundError"]

T = TypeVar("T")


def live(session: Session, model: type[T], row_id: str | None, message: str = "") -> T:
    """The row of `model` with `row_id` unless it is missing or deleted; then `NotFoundError(message)`."""
    row = session.get(model, row_id) if row_id else None
    if row is None or getattr(row, "deleted", False):
        raise NotFoundError(message or f"找不到该记录：{row_id}")
    return row


def live_child(session: Session, child_id: str) -> Child:
    """The child a service is called for, unless missing or deleted; then ValidationError on
    `child_id` (what a form shows)."""
    child = session.get(Child, child_id)
    if child is None or child.deleted:
        raise ValidationError("child_id", f"找不到该儿童：{child_id}")
    return child


def change_actor(session: Session, default: str = "") -> str:
    """Who the session's change is made by (its ChangeContext), or `default`."""
    ctx = session.info.get("change")
    return getattr(ctx, "actor", "") or default


def rowcount(result: Result[Any]) -> int:
    """How many rows an UPDATE or DELETE run through `session.execute` matched: its result is a
    `CursorResult`, which SQLAlchemy types as a plain `Result`."""
    if not isinstance(result, CursorResult):
        raise TypeError(f"not the result of an UPDATE or DELETE: {type(result).__name__}")
    return result.rowcount
