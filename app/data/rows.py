"""Fetching one live row: present and not a tombstone, or `NotFoundError`; how many rows a write matched."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import CursorResult, Result
from sqlalchemy.orm import Session

from app.core.errors import NotFoundError

__all__ = ["live", "rowcount", "NotFoundError"]

T = TypeVar("T")


def live(session: Session, model: type[T], row_id: str | None, message: str = "") -> T:
    """The row of `model` with `row_id` unless it is missing or deleted; then `NotFoundError(message)`."""
    row = session.get(model, row_id) if row_id else None
    if row is None or getattr(row, "deleted", False):
        raise NotFoundError(message or f"找不到该记录：{row_id}")
    return row


def rowcount(result: Result[Any]) -> int:
    """How many rows an UPDATE or DELETE run through `session.execute` matched: its result is a
    `CursorResult`, which SQLAlchemy types as a plain `Result`."""
    if not isinstance(result, CursorResult):
        raise TypeError(f"not the result of an UPDATE or DELETE: {type(result).__name__}")
    return result.rowcount
