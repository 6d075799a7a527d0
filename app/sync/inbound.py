"""Applying what the county sends to a desktop store, the same way for a network pull page and
for a USB answer file: the county's conflict records, then the changes, change by change.

A change this replica cannot apply (an unknown table from a newer version, a broken value, a
stamp more than 24 h ahead of both this laptop's clock and the county's) is skipped and counted,
never allowed to stop the rest. Devices do not detect conflicts themselves: the county records
each conflict once, in the one order it received the edits, and every replica of the scope gets
the same record, so every laptop lists the same conflicts.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core import hlc as clock
from app.data.capture import HLC_SETTING
from app.data.models.sync import Conflict
from app.data.settings import put_setting
from app.sync import merge
from app.sync.conflicts import CONFLICT_TABLE, RECORD_FIELDS
from app.sync.merge import Change, MergeError, MergeResult



@dataclass
class Inbound:
    result: MergeResult
    conflicts: int = 0                                  # new conflict records from the county
    skipped: list[tuple[Change, str]] = field(default_factory=list)  # (change, reason)


def apply_from_county(s: Session, store, changes: list[Change], server_ms: int | None) -> Inbound:
    """Merge a page of county changes into `s` (a `remote_session`) and advance the HLC."""
    reference = max(clock.wall_ms_now(), server_ms or 0)
    records, usable, skipped = [], [], []
    for ch in changes:
        if ch.table == CONFLICT_TABLE:
            records.append(ch)
            continue
        try:
            merge.check(ch)
        except MergeError as exc:
            skipped.append((ch, exc.message))
            continue
        if clock.too_far_ahead(ch.hlc, reference):
            skipped.append((ch, f"时间比县级服务器快 {clock.describe_ahead(ch.hlc, reference)}"))
            continue
        usable.append(ch)
    result = merge.apply(s, usable, audit=True, validated=True, record_conflicts=False)
    found = _store_conflicts(s, records)
    if result.max_hlc > store.clock.last:
        store.clock.observe(result.max_hlc, server_ms)
    put_setting(s, HLC_SETTING, store.clock.last)
    return Inbound(result, found, skipped)


def _store_conflicts(s: Session, records: list[Change]) -> int:
    keys = [r.row_id for r in records]
    held: set[str] = set()
    for i in range(0, len(keys), 500):
        held.update(s.scalars(select(Conflict.key).where(Conflict.key.in_(keys[i:i + 500]))))
    found = 0
    for record in records:
        try:
            body = json.loads(record.value or "{}")
            values = {name: body.get(name) for name in RECORD_FIELDS}
        except (ValueError, AttributeError):
            continue
        if record.row_id in held:  # known: take a confirmation made on another replica
            if body.get("resolved") is True:
                _take_resolution(s, record.row_id, body)
            continue
        if not all(isinstance(values[n], str) for n in ("table_name", "row_id", "field", "winner_hlc", "loser_hlc")):
            continue
        s.add(Conflict(key=record.row_id, **{k: (v if v is not None or k.endswith("value") or k == "child_id" else "")
                                             for k, v in values.items()},
                       resolved=body.get("resolved") is True, resolution=str(body.get("resolution") or "")[:16],
                       resolved_by=str(body.get("resolved_by") or "")[:64]))
        held.add(record.row_id)
        found += 1
    return found


def _take_resolution(s: Session, key: str, body: dict) -> None:
    for conflict in s.scalars(select(Conflict).where(Conflict.key == key, Conflict.resolved.is_(False))):
        conflict.resolved = True
        conflict.resolution = str(body.get("resolution") or "kept")[:16]
        conflict.resolved_by = str(body.get("resolved_by") or "")[:64]
