"""Change capture: every flush of a synced row stamps an HLC, bumps the field versions, and writes
the outbox and the audit log in the same transaction as the change itself.

One session-level hook serves every synced model, including ones added later: nothing per table.
A session opts in by carrying a `ChangeContext` in `session.info["change"]`; the sync merge turns
capture off for the rows it applies (`session.info["applying_remote"] = True`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from app.data.base import SYNC_COLUMNS, SyncMixin
from app.data.models.local import AuditEntry, OutboxChange, Setting
from app.sync import wire
from app.sync.clock import ZERO, HybridClock

HLC_SETTING = "hlc_last"


class HardDeleteError(Exception):
    """Synced rows are never deleted: set `deleted = True` (a tombstone) instead."""


class AppendOnlyError(Exception):
    """An event row was changed after it was written; record an amendment instead."""


@dataclass
class ChangeContext:
    device_id: str
    actor: str
    clock: HybridClock
    priority_tables: frozenset[str] = field(default_factory=frozenset)


def child_id_of(obj) -> str | None:
    if getattr(obj, "__tablename__", "") == "child":
        return obj.id
    return getattr(obj, "child_id", None)


def _fields(obj) -> list[str]:
    return [
        c.key for c in inspect(obj).mapper.column_attrs
        if c.key not in SYNC_COLUMNS and not c.columns[0].info.get("derived")
    ]


ROW_FIELD = "*"  # an outbox change whose value is every field of a newly created row


def field_version(versions: dict, name: str) -> list:
    """[hlc, origin] of one field: its own entry, else the row's creation version."""
    return versions.get(name) or versions.get(ROW_FIELD) or [ZERO, ""]


def _record(session: Session, ctx: ChangeContext, obj, action: str, changes: list[tuple[str, object, object]]) -> None:
    if not changes:
        return
    stamp = ctx.clock.now()
    versions = json.loads(obj.versions or "{}")
    table = obj.__tablename__
    child_id = child_id_of(obj)
    priority = getattr(obj, "__sync_priority__", 0)

    def outbox(name: str, value: object, base: str) -> None:
        session.add(OutboxChange(
            table_name=table, row_id=obj.id, field=name, value=value,
            hlc=stamp, base_hlc=base, origin=ctx.device_id, actor=ctx.actor, priority=priority,
        ))

    def audit(name: str, old: object, new: object) -> None:
        session.add(AuditEntry(
            actor=ctx.actor, device=ctx.device_id, action=action, table_name=table, row_id=obj.id,
            child_id=child_id, field=name,
            old_value=None if old is None else str(wire.to_wire(old)),
            new_value=None if new is None else str(wire.to_wire(new)),
        ))

    if action == "create":
        row = {name: wire.to_wire(new) for name, _, new in changes}
        outbox(ROW_FIELD, json.dumps(row, ensure_ascii=False, separators=(",", ":")), ZERO)
        audit(ROW_FIELD, None, None)
        versions = {ROW_FIELD: [stamp, ctx.device_id]}
    else:
        for name, old, new in changes:
            outbox(name, wire.dumps(new), field_version(versions, name)[0])
            if name != "photo":
                audit(name, old, new)
            versions[name] = [stamp, ctx.device_id]
    obj.versions = json.dumps(versions, separators=(",", ":"))
    obj.hlc = stamp
    obj.origin = ctx.device_id


def _before_flush(session: Session, _flush_context, _instances) -> None:
    ctx: ChangeContext | None = session.info.get("change")
    if ctx is None or session.info.get("applying_remote"):
        return
    for obj in session.deleted:
        if isinstance(obj, SyncMixin):
            raise HardDeleteError(f"{obj.__tablename__} {obj.id}: set deleted=True instead")
    for obj in session.new:
        if not isinstance(obj, SyncMixin):
            continue
        if obj.id is None:
            from app.data.ids import new_id
            obj.id = new_id()
        state = inspect(obj)
        changes = []
        for name in _fields(obj):
            value = state.attrs[name].value
            if value is None:
                col = state.mapper.columns[name]
                if col.default is not None and getattr(col.default, "is_scalar", False):
                    value = col.default.arg
                    setattr(obj, name, value)
            changes.append((name, None, value))
        changes.append(("deleted", None, bool(obj.deleted)))
        _record(session, ctx, obj, "create", changes)
    for obj in session.dirty:
        if not isinstance(obj, SyncMixin) or not session.is_modified(obj, include_collections=False):
            continue
        state = inspect(obj)
        changes = []
        for name in _fields(obj) + ["deleted"]:
            hist = state.attrs[name].history
            if hist.has_changes():
                old = hist.deleted[0] if hist.deleted else None
                new = hist.added[0] if hist.added else None
                if old != new:
                    changes.append((name, old, new))
        if changes and obj.__append_only__:
            raise AppendOnlyError(f"{obj.__tablename__} {obj.id} is final; record an amendment")
        action = "delete" if any(n == "deleted" and v for n, _, v in changes) else "update"
        _record(session, ctx, obj, action, changes)
    if session.new or session.dirty:
        setting = session.get(Setting, HLC_SETTING)
        if setting is None:
            session.add(Setting(key=HLC_SETTING, value=ctx.clock.last))
        elif setting.value != ctx.clock.last:
            setting.value = ctx.clock.last


def install() -> None:
    if not event.contains(Session, "before_flush", _before_flush):
        event.listen(Session, "before_flush", _before_flush)
