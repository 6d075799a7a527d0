"""Confirming a conflict as one user action: one call, one transaction (`merge.resolve` inside)."""

from __future__ import annotations

from app.sync import merge

__all__ = ["resolve"]


def resolve(store, seq: int, *, swap: bool) -> str | None:
    """Keep the winner (or `swap` to the other value) of conflict `seq`; returns its child's id.

    Raises `merge.MergeError` (Chinese message) when the conflict is gone or was superseded."""
    with store.session() as s:
        return merge.resolve(s, seq, swap=swap, user=store.user).child_id
