"""The audit log's hash chain: one entry's hash, computed the same way on the laptop and the county.

Each audit entry carries its place in the device's chain (`chain_n`, 1, 2, 3 … never reused), the
hash of the entry before it (`prev_hash`, empty for the first) and its own `hash`: SHA-256 over a
canonical JSON array of the entry's fields and `prev_hash`. Text values are hashed exactly as the
store keeps them (the time as its stored text), so the county recomputes the same hash from what
the laptop sends. Deleting, inserting or rewriting an entry breaks every link after it.
"""

from __future__ import annotations

import hashlib
import json

# The hashed fields, in order (the audit entry's columns; `prev_hash` last).
FIELDS = ("chain_n", "at", "actor", "device", "action", "table_name", "row_id", "child_id", "field",
          "old_value", "new_value", "prev_hash")
SQL_FUNCTION = "tonghu_audit_hash"


def _text(value: object) -> int | str | None:
    if value is None or isinstance(value, (int, str)):
        return value
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)


def entry_hash(*values: object) -> str:
    """The hash of one entry from its FIELDS values, in order (also registered in SQLite as
    `tonghu_audit_hash(...)` for the store's insert trigger)."""
    if len(values) != len(FIELDS):
        raise ValueError(f"an audit entry hash takes {len(FIELDS)} values, got {len(values)}")
    canonical = json.dumps([_text(v) for v in values], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def hash_of(entry: dict) -> str:
    """`entry_hash` of a dict holding FIELDS."""
    return entry_hash(*(entry.get(f) for f in FIELDS))
