"""Change capture: every flush of a synced row stamps an HLC, bumps the field versions, and writes
the outbox and the audit log in the same transaction as the change itself.

One session-level hook serves every synced model, including ones added later: nothing per table.
A session opts in by carrying a `ChangeContext` in `session.info["change"]`; the sync merge turns
capture off for the rows it applies (`session.info["applying_remote"] = True`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from sqlalchemy import event
from sqlalchemy.orm import Session, class_mapper, object_mapper
from sqlalchemy.orm.attributes import instance_state
from sqlalchemy.sql.schema import ScalarElementColumnDefault

from app.core.errors import TonghuError
from app.data.base import SYNC_COLUMNS, SyncMixin, table_of
from app.data.models.local import AuditEntry, OutboxChange, Setting
from app.core import wire
from app.core.hlc import ZERO, HybridClock

HLC_SETTING = "hlc_last"


class HardDeleteError(TonghuError):
    """Synced rows are never deleted: set `deleted = True` (a tombstone) instead."""

    code = "hard_delete"


class AppendOnlyError(TonghuError):
    """An event row was changed after it was written; record an amendment instead."""

    code = "append_only"


@dataclass
class ChangeContext:
    device_id: str
    actor: str
    clock: HybridClock
    priority_tables: frozenset[str] = field(default_factory=frozenset)


def child_id_of(obj: object) -> str | None:
    """The child a synced row (a model object or the merge's `Row`) belongs to: its own id for a child row."""
    return getattr(obj, "id" if getattr(obj, "__tablename__", "") == "child" else "child_id", None)


def _fields(obj: SyncMixin) -> list[str]:
    return [
        c.key for c in object_mapper(obj).column_attrs
        if c.key not in SYNC_COLUMNS and not c.columns[0].info.get("derived")
    ]


Changes = list[tuple[str, object, object]]  # (field, old value, new value)

ROW_FIELD = "*"  # an outbox change whose value is every field of a newly created row


def field_version(versions: dict, name: str) -> list:
    """[hlc, origin] of one field: its own entry, else the row's creation version."""
    return versions.get(name) or versions.get(ROW_FIELD) or [ZERO, ""]


def _record(session: Session, ctx: ChangeContext, obj: SyncMixin, action: str, changes: Changes) -> None:
    if not changes:
        return
    stamp = ctx.clock.now()
    versions = json.loads(obj.versions or "{}")
    if action != "create":  # after every version it replaces, even one the clock has not observed
        newest = max(field_version(versions, name)[0] for name, _, _ in changes)
        if stamp <= newest:
            stamp = ctx.clock.after(newest)
    table = _table_of(obj)
    child_id = child_id_of(obj)
    priority = getattr(obj, "__sync_priority__", 0)

    def outbox(name: str, value: object, base: str, base_value: str | None = None) -> None:
        session.add(OutboxChange(
            table_name=table, row_id=obj.id, field=name, value=value,
            hlc=stamp, base_hlc=base, base_value=base_value, origin=ctx.device_id, actor=ctx.actor,
            priority=priority,
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
            before = wire.dumps(old) if name != "photo" else None  # a photo is not kept twice
            outbox(name, wire.dumps(new), field_version(versions, name)[0], before)
            if name != "photo":
                audit(name, old, new)
            versions[name] = [stamp, ctx.device_id]
    obj.versions = json.dumps(versions, separators=(",", ":"))
    obj.hlc = stamp
    obj.origin = ctx.device_id


def _before_flush(session: Session, _flush_context: object, _instances: object) -> None:
    """The one hook: refuse hard deletes, then record what each new and changed synced row carries."""
    ctx: ChangeContext | None = session.info.get("change")
    if ctx is None or session.info.get("applying_remote"):
        return
    _refuse_hard_deletes(session)
    for obj in session.new:
        if isinstance(obj, SyncMixin):
            _record(session, ctx, obj, "create", _created_fields(obj))
    for obj in session.dirty:
        if isinstance(obj, SyncMixin) and session.is_modified(obj, include_collections=False):
            changes = _changed_fields(obj)
            if changes and obj.__append_only__:
                raise AppendOnlyError(f"{_table_of(obj)} {obj.id} is final; record an amendment")
            action = "delete" if any(n == "deleted" and v for n, _, v in changes) else "update"
            _record(session, ctx, obj, action, changes)
    if session.new or session.dirty:
        _save_clock(session, ctx)


def _table_of(obj: SyncMixin) -> str:
    return obj.__tablename__


def _refuse_hard_deletes(session: Session) -> None:
    for obj in session.deleted:
        if isinstance(obj, SyncMixin):
            raise HardDeleteError(f"{_table_of(obj)} {obj.id}: set deleted=True instead")


def _created_fields(obj: SyncMixin) -> Changes:
    """Every field of a new row (an unset one takes its column's scalar default, as the insert will)."""
    if obj.id is None:
        from app.data.ids import new_id
        obj.id = new_id()
    state = instance_state(obj)
    changes: Changes = []
    for name in _fields(obj):
        value = state.attrs[name].value
        if value is None:
            default = state.mapper.columns[name].default
            if isinstance(default, ScalarElementColumnDefault):
                value = default.arg
                setattr(obj, name, value)
        changes.append((name, None, value))
    changes.append(("deleted", None, bool(obj.deleted)))
    return changes


def _changed_fields(obj: SyncMixin) -> Changes:
    state = instance_state(obj)
    changes: Changes = []
    for name in _fields(obj) + ["deleted"]:
        hist = state.attrs[name].history
        if hist.has_changes():
            old = hist.deleted[0] if hist.deleted else None
            new = hist.added[0] if hist.added else None
            if old != new:
                changes.append((name, old, new))
    return changes


def _save_clock(session: Session, ctx: ChangeContext) -> None:
    setting = session.get(Setting, HLC_SETTING)
    if setting is None:
        session.add(Setting(key=HLC_SETTING, value=ctx.clock.last))
    elif setting.value != ctx.clock.last:
        setting.value = ctx.clock.last


def install() -> None:
    if not event.contains(Session, "before_flush", _before_flush):
        event.listen(Session, "before_flush", _before_flush)


def _model_fields(model: type[SyncMixin]) -> list[str]:
    return [
        c.key for c in class_mapper(model).column_attrs
        if c.key not in SYNC_COLUMNS and not c.columns[0].info.get("derived")
    ]


def bulk_create(session: Session, model: type[SyncMixin], rows: list[dict]) -> list[str]:
    """Insert many new synced rows at once, capturing exactly what a flush of each would.

    For bulk loads (demo data, imports): plain dicts go in with Core `executemany`, bypassing the
    ORM's per-object cost, and each row gets its HLC stamp, its creation version, one `*` outbox
    change and one `create` audit entry, as `_record` writes for an ORM insert. Returns the ids.
    Rows are inserted in the order given, so parents can precede their children in one call
    sequence (foreign keys are enforced).
    """
    from sqlalchemy import insert

    from app.data.ids import new_id

    ctx: ChangeContext | None = session.info.get("change")
    if ctx is None:
        raise RuntimeError("bulk_create needs a capturing session (store.session())")
    if not rows:
        return []
    mapper = class_mapper(model)
    names = _model_fields(model)
    table = model.__tablename__
    priority = getattr(model, "__sync_priority__", 0)
    defaults = {}
    for attr in mapper.column_attrs:
        col = attr.columns[0]
        if col.default is not None and getattr(col.default, "is_scalar", False):
            defaults[attr.key] = col.default.arg
    child_of = (lambda r: r["id"]) if table == "child" else (lambda r: r.get("child_id"))
    values, outbox_rows, audit_rows, ids = [], [], [], []
    now = None
    for raw in rows:
        row = {**defaults, **raw}
        row.setdefault("id", new_id())
        row["deleted"] = bool(row.get("deleted", False))
        for name in names:
            row.setdefault(name, None)
        stamp = ctx.clock.now()
        payload = {name: wire.to_wire(row[name]) for name in names}
        payload["deleted"] = row["deleted"]
        row["hlc"] = stamp
        row["origin"] = ctx.device_id
        row["versions"] = json.dumps({ROW_FIELD: [stamp, ctx.device_id]}, separators=(",", ":"))
        values.append(row)
        ids.append(row["id"])
        outbox_rows.append(dict(
            change_id=new_id(), table_name=table, row_id=row["id"], field=ROW_FIELD,
            value=json.dumps(payload, ensure_ascii=False, separators=(",", ":")),
            hlc=stamp, base_hlc=ZERO, origin=ctx.device_id, actor=ctx.actor, priority=priority, acked=False,
        ))
        if now is None:
            from app.data.base import utcnow

            now = utcnow()
        audit_rows.append(dict(
            at=now, actor=ctx.actor, device=ctx.device_id, action="create", table_name=table, row_id=row["id"],
            child_id=child_of(row), field=ROW_FIELD, old_value=None, new_value=None,
        ))
    session.execute(insert(table_of(model)), values)
    session.execute(insert(table_of(OutboxChange)), outbox_rows)
    session.execute(insert(table_of(AuditEntry)), audit_rows)
    setting = session.get(Setting, HLC_SETTING)
    if setting is None:
        session.add(Setting(key=HLC_SETTING, value=ctx.clock.last))
    else:
        setting.value = ctx.clock.last
    return ids
