"""Fetching one live row: present and not a tombstone, or `NotFoundError`."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy.orm import Session

from app.core.errors import NotFoundError

__all__ = ["live", "NotFoundError"]

T = TypeVar("T")


def live(session: Session, model: type[T], row_id: str | None, message: str = "") -> T:
    """The row of `model` with `row_id` unless it is missing or deleted; then `NotFoundError(message)`."""
    row = session.get(model, row_id) if row_id else None
    if row is None or getattr(row, "deleted", False):
        raise NotFoundError(message or f"找不到该记录：{row_id}")
    return row
