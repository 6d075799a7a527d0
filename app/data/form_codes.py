"""What a printed form's QR text points at on this laptop (the child list opens it when it is here)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.data.models import Child


def child_is_here(session: Session, child_id: str) -> bool:
    """True when the child is on this laptop and not deleted (another village's, or merged away: False)."""
    child = session.get(Child, child_id) if child_id else None
    return child is not None and not getattr(child, "deleted", False)
