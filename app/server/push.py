"""Applying a device's push on the county server (protocol §3 `POST /push`).

Change by change: a change the server already holds (by its id) is acknowledged again; a change
that is malformed, stamped more than 24 h ahead of the county's clock, not the device's own, an
edit of a final (append-only) row, or outside what the device's scope owns on the server is
refused with its reason; every other change is merged and logged with a county sequence number.
One refusal never blocks the rest. The device and the account come from authentication, not from
what the push says.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass, field

from sqlalchemy import func, select

from app.core import hlc as clock
from app.core import wire
from app.data.base import synced_tables, utcnow
from app.data.capture import ROW_FIELD, field_version
from app.data.ids import new_id
from app.data.models.child import Child
from app.data.models.sync import Conflict
from app.server.db import ChildMove, Device, LogEntry, PriorityAlert, Refusal, ServerDB
from app.server.scope import Refused, ScopeGuard, child_linked, field_value, row_data
from app.server.service import _usable
from app.sync.snapshot import snapshot_of
from app.sync import merge
from app.sync.changes import CLOCK_AHEAD, RESTAMPED, STAMP_REUSED
from app.sync.merge import Change, MergeError
from app.sync.conflicts import CONFLICT_TABLE, RECORD_FIELDS, record_change

CHUNK = 500


@dataclass
class PushResult:
    results: list[dict] = field(default_factory=list)  # {"id", "status": ok/duplicate/refused, "code", "message"}
    accepted: int = 0
    duplicates: int = 0
    refused: int = 0
    conflicts: int = 0
    server_seq: int = 0
    state: str = ""
    last_seq: int = 0   # the log entry of the last change accepted (0: none)
    last_id: str = ""
    reset: bool = False  # the log lost an entry the device named (a restored county): nothing applied

    @property
    def acked(self) -> list[str]:
        return [r["id"] for r in self.results if r["status"] != "refused"]


def _clock_refusal(ch: Change, now_ms: int) -> Refused | None:
    stamps = [ch.hlc] + [v[0] for v in (ch.versions or {}).values() if isinstance(v, list) and v]
    for stamp in stamps:
        if clock.too_far_ahead(stamp, now_ms):
            return Refused(CLOCK_AHEAD, f"这条修改的时间比县级服务器快了约 {clock.describe_ahead(stamp, now_ms)}："
                                          "本机电脑的日期或时间设置有误。请把电脑时间改正确后再同步，这条修改会自动重新发送。")
    return None


def note_state(device: Device, presented: str | None) -> None:
    """A device presenting another sync state than the server gave it last is a restored or copied
    store: its pulls return its own earlier changes too until one pull completes."""
    if presented is not None and presented != (device.state or "") and not device.echo_pending:
        device.echo_pending = True
        device.restores = (device.restores or 0) + 1


def apply_push(db: ServerDB, device_id: str, changes: list[Change], *, state: str | None = None,  # noqa: C901 -- one transaction under the county lock; its steps share the session, device and answer
               anchors: tuple[tuple[int, str], ...] = ()) -> PushResult:
    """Merge one batch of a device's changes, accepting or refusing each on its own. `anchors`:
    log entries (seq, change id) the device holds; if the log lost one, the county was restored
    from a copy: nothing is applied and the answer says `reset`."""
    tables = synced_tables()
    now_ms = clock.wall_ms_now()
    out = PushResult()
    with db.lock, db.sessions() as s, s.begin():
        db.lock_log(s)
        device = _usable(s.get(Device, device_id))
        for seq, change_id in anchors:
            if seq > 0 and change_id and s.scalar(select(LogEntry.change_id).where(LogEntry.seq == seq)) != change_id:
                device.echo_pending = True  # it pulls from the start again, its own changes too
                out.reset = True
                out.server_seq = s.scalar(select(func.max(LogEntry.seq))) or 0
                return out
        note_state(device, state)
        held = _held_ids(s, [ch.id for ch in changes if ch.id])
        refusals: list[tuple[Change, Refused]] = []
        candidates: list[Change] = []
        seen: set[str] = set()
        confirmations: list[Change] = []  # conflicts confirmed on the device (table sync_conflict)
        for ch in changes:
            if ch.id in held or ch.id in seen:
                out.results.append({"id": ch.id, "status": "duplicate"})
                out.duplicates += 1
                if held.get(ch.id, 0) > out.last_seq:  # the device learns where the county holds it
                    out.last_seq, out.last_id = held[ch.id], ch.id
                continue
            seen.add(ch.id)
            if ch.table == CONFLICT_TABLE and ch.id and ch.origin == device_id:
                confirmations.append(ch)
                continue
            problem = _first_problem(ch, device_id, now_ms)
            if problem is not None:
                refusals.append((ch, problem))
            else:
                candidates.append(ch)
        guard = ScopeGuard(s, device.scope, candidates + [ch for ch, _ in refusals if ch.table in tables])
        accepted: list[Change] = []
        claimed: dict[str, str] = {}  # change id -> the user the device named
        for ch in candidates:
            try:
                guard.check(ch)
                _check_stamp_unused(ch, guard.rows.get((ch.table, ch.row_id)))
            except Refused as problem:
                refusals.append((ch, problem))
                continue
            claimed[ch.id] = ch.actor
            ch.actor = device.name or ch.actor
            accepted.append(ch)
        # the guard read the rows already (a copy of its dict: rows the merge creates stay out of the
        # guard's view, as they did when it held ORM objects)
        result = merge.apply(s, accepted, audit=False, run_hooks=False, validated=True, rows=dict(guard.rows),
                             edit_base=_logged_base(s))
        seq = (s.scalar(select(func.max(LogEntry.seq))) or 0) + 1
        if accepted:  # logged first, in push order: the device's proof that the county holds its pushes
            out.last_seq, out.last_id = seq + len(accepted) - 1, accepted[-1].id
        seq = _log_accepted(s, device, accepted, result, guard, seq, claimed)
        for ch in accepted:
            out.results.append({"id": ch.id, "status": "ok"})
        for ch in confirmations:
            try:
                logged = _confirm(s, device, ch, seq)
            except Refused as problem:
                refusals.append((ch, problem))
                continue
            out.results.append({"id": ch.id, "status": "ok"})
            out.accepted += 1
            if logged > seq:  # a record the county held already is acknowledged but not logged again
                out.last_seq, out.last_id = logged - 1, ch.id
            seq = logged
        out.accepted += len(accepted)
        out.conflicts = len(result.conflicts)
        for ch, problem in refusals:
            answer = {"id": ch.id, "status": "refused", "code": problem.code, "message": problem.message}
            if problem.code not in RESTAMPED and ch.table in tables and (ch.field == ROW_FIELD or ch.field in
                                                                          merge.synced_fields(tables[ch.table])):
                current = guard.current(ch)
                if current:
                    answer["current"] = current
            out.results.append(answer)
        out.refused = len(refusals)
        if refusals:
            s.execute(Refusal.__table__.insert(), [dict(
                device_id=device_id, change_id=(ch.id or "")[:64], table_name=str(ch.table)[:64],
                row_id=str(ch.row_id)[:64], field=str(ch.field)[:64], code=p.code, message=p.message, at=utcnow())
                for ch, p in refusals])
        if accepted or out.accepted:
            device.state = secrets.token_hex(16)
        device.last_seen = utcnow()
        out.state = device.state or ""
        out.server_seq = seq - 1
        return out


def _confirm(s, device: Device, ch: Change, seq: int) -> int:
    """A conflict confirmed on a device (field `resolution`): mark the county's record and send it
    again to the scope. A whole record (field "*") comes from a laptop re-sending what it holds to
    a county restored from a copy: one the county lacks is recorded again and sent to the scope;
    one it holds takes the laptop's confirmation, if any."""
    from app.domain.places import in_scope
    from app.sync.conflicts import RESOLUTIONS

    body = field_value(ch) if ch.field in ("resolution", ROW_FIELD) else None
    if not isinstance(body, dict):
        raise Refused("bad_change", "冲突确认的内容不对，请升级童护后再同步。")
    conflict = s.scalars(select(Conflict).where(Conflict.key == ch.row_id)).first()
    if ch.field == ROW_FIELD:
        resolution = body.get("resolution") if body.get("resolved") is True else None
        if conflict is None:
            conflict = _conflict_from(ch.row_id, body)
    else:
        resolution = body.get("resolution")
    if resolution is not None and resolution not in RESOLUTIONS:
        raise Refused("bad_change", "冲突确认的内容不对，请升级童护后再同步。")
    if conflict is None:
        raise Refused("bad_change", "县里没有这条冲突记录，这条确认未被接受。")
    village = s.scalar(select(Child.village_code).where(Child.id == conflict.child_id)) if conflict.child_id else None
    if village is None or not in_scope(village, device.scope):
        raise Refused("out_of_scope", f"这条冲突记录不属于本设备负责的范围（{device.scope}），这条确认未被接受。")
    if conflict.seq is None:
        s.add(conflict)
    elif resolution is None:
        return seq  # a record the county holds already: nothing to tell the scope
    if resolution is not None and not conflict.resolved:
        conflict.resolved, conflict.resolution = True, resolution
        conflict.resolved_by, conflict.resolved_at = (device.name or ch.actor or "")[:64], utcnow()
    s.flush()
    record = conflict_change(conflict)
    record.id = ch.id
    s.execute(LogEntry.__table__.insert(), [_entry(seq, record, device.id, conflict.child_id, village, None, 0,
                                                  utcnow(), claimed=ch.actor)])
    return seq + 1


def _conflict_from(key: str, body: dict) -> Conflict | None:
    """A conflict record a laptop re-sent, as a new county row (not yet added); None if malformed."""
    values = {name: body.get(name) for name in RECORD_FIELDS}
    if not key or len(key) > 36 or not all(isinstance(values[n], str) and values[n] for n in (
            "table_name", "row_id", "field", "winner_hlc", "loser_hlc", "child_id")):
        return None
    if not all(v is None or (isinstance(v, str) and "\x00" not in v) for v in values.values()):
        return None
    if values["table_name"] not in synced_tables() or len(values["row_id"]) > 36 or len(values["child_id"]) > 36 \
            or len(values["field"]) > 64 or not (clock.is_valid(values["winner_hlc"]) and clock.is_valid(values["loser_hlc"])):
        return None
    for name in ("winner_origin", "winner_actor", "loser_origin", "loser_actor"):
        values[name] = (values[name] or "")[:64]
    return Conflict(key=key, **values, resolved=False, resolution="", resolved_by="")


def _check_stamp_unused(ch: Change, row) -> None:
    """An edit carrying the very version the county holds for the field, with another value: the
    device gave that stamp to an edit before (a store restored from a backup restarts its clock
    behind stamps it had used). Merged, it would be taken for a duplicate and lost; refused, the
    laptop stamps it again once its pull has moved its clock past its own earlier edits."""
    if row is None or ch.field == ROW_FIELD:
        return
    if merge.version_key(field_version(json.loads(row.versions or "{}"), ch.field)) != (ch.hlc, ch.origin):
        return
    if wire.to_wire(getattr(row, ch.field)) != wire.loads(ch.value):
        raise Refused(STAMP_REUSED, "这条修改的时间标记与本机以前的一条修改相同（本机可能从备份恢复过），"
                                    "未被接受；下次同步时会自动换一个时间标记重新发送。")


def _logged_base(s):
    """The merge's `edit_base`: the base stamp of the logged edit that wrote a field's version
    (looked up through the child's file, which the log indexes)."""
    def base(table: str, row_id: str, name: str, hlc: str, origin: str, child_id: str | None) -> str | None:
        if not child_id:
            return None
        return s.scalar(select(LogEntry.base_hlc).where(
            LogEntry.child_id == child_id, LogEntry.table_name == table, LogEntry.row_id == row_id,
            LogEntry.field == name, LogEntry.hlc == hlc, LogEntry.origin == origin).limit(1))
    return base


def _held_ids(s, ids: list[str]) -> dict[str, int]:
    """Change id -> county sequence of the changes the log already holds."""
    held: dict[str, int] = {}
    for i in range(0, len(ids), CHUNK):
        rows = s.execute(select(LogEntry.change_id, LogEntry.seq).where(LogEntry.change_id.in_(ids[i:i + CHUNK])))
        held.update({change_id: seq for change_id, seq in rows})
    return held


def _first_problem(ch: Change, device_id: str, now_ms: int) -> Refused | None:
    if not ch.id or len(ch.id) > 36:
        return Refused("bad_change", "修改缺少编号，请升级童护后再同步。")
    try:
        merge.check(ch)
    except MergeError as exc:
        return Refused(exc.code, f"同步数据被拒绝：{exc.message}")
    if ch.origin != device_id:
        return Refused("foreign_origin", "这条修改不是本设备做的，未被接受。")
    if ch.field != ROW_FIELD and ch.hlc <= ch.base_hlc:
        # an edit stamped no later than the version it replaced would lose to it everywhere while
        # its laptop kept showing it; refused with the county's value, the laptop takes that
        return Refused("stale_stamp", "这条修改的时间早于它所修改的内容，未被接受；本机已改回县级服务器上的内容。")
    return _clock_refusal(ch, now_ms)


def _log_accepted(s, device: Device, accepted: list[Change], result, guard: ScopeGuard, seq: int,  # noqa: C901 -- log, moves, alerts, snapshots and conflicts come from one pass over the batch
                  claimed: dict[str, str]) -> int:
    """Write the log entries of a merged batch (with the scopes each belongs to), the moves, the
    priority alerts, the snapshots of files that entered a scope, and the county's conflicts."""
    tables = synced_tables()
    linked = child_linked()
    before = guard.before
    after = _villages(s, set(before) | set(result.children), result.rows)
    now = utcnow()
    entries, alerts, moves = [], [], []
    reparented: dict[tuple[str, str], str] = {}  # rows moved into another village's file -> that village
    created: dict[str, str] = {}  # children created in this batch -> the village they were created in
    for ch in accepted:
        cls = tables[ch.table]
        row = result.rows.get((ch.table, ch.row_id)) or guard.rows.get((ch.table, ch.row_id))
        data = row_data(ch)
        scope = scope2 = child_id = None
        if ch.table == "child":
            child_id = ch.row_id
            scope = after.get(ch.row_id) or data.get("village_code")
            if ch.field == ROW_FIELD and not before.get(ch.row_id) and isinstance(data.get("village_code"), str):
                created.setdefault(ch.row_id, data["village_code"])
            old = before.get(ch.row_id) or created.get(ch.row_id)
            if old and old != scope:
                scope2 = old  # the old village learns that the child left (created and moved in one batch too)
        elif ch.table in linked:
            child_id = (row.child_id if row is not None else None) or data.get("child_id")
            if child_id and child_id not in after:
                after.update(_villages(s, {child_id}))
            scope = after.get(child_id) if child_id else device.scope
            old_child = guard.parents.get((ch.table, ch.row_id))
            if old_child and child_id and old_child != child_id:
                old = _villages(s, {old_child}).get(old_child)
                if old and scope and old != scope:
                    scope2 = old  # the old village learns the row left its file
                    reparented[(ch.table, ch.row_id)] = scope
        elif ch.table == "place":
            scope = (row.code if row is not None else None) or data.get("code") or device.scope
        elif "village_code" in cls.__table__.columns:
            scope = (row.village_code if row is not None else None) or data.get("village_code") or device.scope
        else:
            scope = device.scope
        priority = getattr(cls, "__sync_priority__", 0)
        entries.append(_entry(seq, ch, device.id, child_id, scope, scope2, priority, now,
                              claimed=claimed.get(ch.id, ""), versions=ch.versions))
        if priority > 0 and ch.field == ROW_FIELD:
            alerts.append(dict(seq=seq, table_name=ch.table, row_id=ch.row_id, child_id=child_id,
                               scope_code=scope, device_id=device.id, received_at=now, acknowledged=False))
        seq += 1
    for cid, village in after.items():
        old = before.get(cid) or created.get(cid)
        if old and village and old != village:
            child = s.get(Child, cid)
            stamp = field_version(json.loads(child.versions or "{}"), "village_code")[0] if child else clock.ZERO
            moves.append(dict(child_id=cid, from_village=old, to_village=village, hlc=stamp, seq=seq))
    for (table, row_id), village in reparented.items():  # the new village gets the whole row
        row = s.get(tables[table], row_id)
        if row is not None:
            snap = snapshot_of(row)
            entries.append(_entry(seq, snap, None, row.child_id, village, None, 0, now, versions=snap.versions))
            seq += 1
    for snap, child_id, scope in _snapshots(s, before, after, linked):
        entries.append(_entry(seq, snap, None, child_id, scope, None, 0, now, versions=snap.versions))
        seq += 1
    for conflict in result.conflicts:
        village = after.get(conflict.child_id) if conflict.child_id else None
        entries.append(_entry(seq, conflict_change(conflict), None, conflict.child_id,
                              village or device.scope, None, 0, now))
        seq += 1
    if entries:
        s.execute(LogEntry.__table__.insert(), entries)
    if alerts:
        s.execute(PriorityAlert.__table__.insert(), alerts)
    if moves:
        s.execute(ChildMove.__table__.insert(), moves)
    return seq


def _entry(seq: int, ch: Change, device_id, child_id, scope, scope2, priority, now, *, claimed: str = "",
           versions=None) -> dict:
    return dict(seq=seq, change_id=ch.id or new_id(), device_id=device_id, table_name=ch.table, row_id=ch.row_id,
                field=ch.field, value=ch.value, hlc=ch.hlc, base_hlc=ch.base_hlc, origin=ch.origin,
                actor=(ch.actor or "")[:64], claimed_actor=(claimed or "")[:64],
                versions=json.dumps(versions, separators=(",", ":")) if versions is not None else None,
                child_id=child_id, scope_code=scope, scope_code2=scope2, priority=priority, received_at=now)


def conflict_change(conflict) -> Change:
    """A county conflict record as a log entry every replica of the scope receives."""
    return record_change(conflict)


def _villages(s, child_ids, rows: dict | None = None) -> dict[str, str]:
    """Child id -> village, from `rows` (the merge's rows, as written) where it holds the child."""
    rows = rows or {}
    found = {cid: rows[("child", cid)].village_code for cid in child_ids if ("child", cid) in rows}
    ids = [c for c in child_ids if c and c not in found]
    for i in range(0, len(ids), CHUNK):
        for cid, village in s.execute(select(Child.id, Child.village_code).where(Child.id.in_(ids[i:i + CHUNK]))):
            found[cid] = village
    return found


def _snapshots(s, before: dict, after: dict, linked: dict):
    """A child's file that enters a scope (moved village, or rows that arrived before the child
    itself) is sent again whole, as snapshots, to the devices of its new scope."""
    moved = [cid for cid, village in after.items() if cid in before and before[cid] != village]
    new = [cid for cid in after if cid not in before]
    for cid in moved:
        village = after[cid]
        child = s.get(Child, cid)
        yield snapshot_of(child), cid, village
        for cls in linked.values():
            for row in s.scalars(select(cls).where(cls.child_id == cid)):
                yield snapshot_of(row), cid, village
        for conflict in s.scalars(select(Conflict).where(Conflict.child_id == cid)):
            yield conflict_change(conflict), cid, village  # its conflicts travel with the file
    if new:
        tables = synced_tables()
        orphans = s.execute(select(LogEntry.table_name, LogEntry.row_id, LogEntry.child_id, Device.scope)
                            .join(Device, Device.id == LogEntry.device_id).where(
            LogEntry.scope_code.is_(None), LogEntry.child_id.in_(new)).distinct()).all()
        for table, row_id, cid, pusher_scope in orphans:
            village = after.get(cid)
            row = s.get(tables[table], row_id)
            # rows pushed before their child arrived join its file only if the pusher could own it
            if row is not None and village and village.startswith(pusher_scope or "~"):
                yield snapshot_of(row), cid, village
