"""Row ids: UUIDv7 text, made on the device that creates the row (time-ordered, never reused)."""

from __future__ import annotations

import uuid6


def new_id() -> str:
    return str(uuid6.uuid7())
