"""Changes the county itself makes (a roster import, a policy, a transfer), written as ordinary
synced changes: merged into the server's rows with the one merge and logged with a county sequence
number and the scopes they belong to, with no device (`device_id` None) and the origin "county".
Every laptop of the scope receives them on its next pull or USB answer, like any village's change.

`county_changes(db)` opens the transaction (the county log lock held until commit) and yields a
`CountyWriter`; nothing is logged or merged if the block raises.
"""

from __future__ import annotations

import json
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator

from sqlalchemy import func, select

from app.core import hlc as clock
from app.core import wire
from app.data.base import Base, synced_tables, utcnow
from app.data.capture import ROW_FIELD, field_version
from app.data.ids import new_id
from app.data.models.child import Child
from app.server import bulk
from app.server.db import ChildMove, LogEntry, ServerDB, ServerSetting
from app.server.scope import child_linked
from app.sync import merge
from app.sync.merge import Change
from app.sync.snapshot import snapshot_of

COUNTY = "county"
HLC_KEY = "county_hlc"


@dataclass
class _Item:
    change: Change
    child_id: str | None
    scope: str | None
    scope2: str | None = None
    apply: bool = True
    applied: bool = False


class CountyWriter:
    """Collects the county's changes within one transaction; `finish()` merges and logs them."""

    def __init__(self, session, actor: str = ""):
        self.s = session
        self.actor = (actor or "县民政局")[:64]
        saved = session.get(ServerSetting, HLC_KEY)
        self.clock = clock.HybridClock(saved.value if saved else clock.ZERO)
        self.items: list[_Item] = []
        self.moves: list[dict] = []
        self.inserts: dict[str, list[dict]] = {}
        # a created row's versions: {"*": [stamp, "county", actor]}, built around the stamp
        head, _, tail = json.dumps({ROW_FIELD: ["@", COUNTY, self.actor]}, ensure_ascii=False,
                                   separators=(",", ":")).partition("@")
        self._versions_head, self._versions_tail = head, tail

    def stamp(self) -> str:
        return self.clock.now()

    def observe(self, stamp: str | None) -> None:
        """Keep the county's stamps after a version it is about to replace."""
        if stamp and clock.is_valid(stamp) and stamp > self.clock.last and not clock.too_far_ahead(stamp):
            self.clock.observe(stamp)

    def create(self, table: str, row_id: str, data: dict, *, child_id: str | None, scope: str | None) -> Change:
        """A row the server does not hold yet (`data`: field → Python value). Inserted directly, as
        the merge inserts a created row (one version for every field), without reading first."""
        value = json.dumps({k: wire.to_wire(v) for k, v in data.items()}, ensure_ascii=False, separators=(",", ":"))
        stamp = self.stamp()
        ch = Change(table=table, row_id=row_id, field=ROW_FIELD, value=value, hlc=stamp, base_hlc=clock.ZERO,
                    origin=COUNTY, actor=self.actor, id=new_id())
        self.items.append(_Item(ch, child_id, scope, apply=False))
        self.inserts.setdefault(table, []).append(dict(
            data, id=row_id, hlc=stamp, origin=COUNTY, deleted=bool(data.get("deleted", False)),
            versions=self._versions_head + stamp + self._versions_tail))
        return ch

    def set(self, table: str, row_id: str, field: str, value, *, versions: dict | str | None, child_id: str | None,
            scope: str | None, scope2: str | None = None) -> Change:
        """One field of a row the server holds (`versions`: the row's versions, for the base)."""
        vers = json.loads(versions or "{}") if not isinstance(versions, dict) else versions
        base = field_version(vers, field)[0]
        self.observe(base)
        ch = Change(table=table, row_id=row_id, field=field, value=wire.dumps(value), hlc=self.stamp(), base_hlc=base,
                    origin=COUNTY, actor=self.actor, id=new_id())
        self.items.append(_Item(ch, child_id, scope, scope2))
        return ch

    def _insert_pending(self) -> None:
        if not self.inserts:
            return
        tables = synced_tables()
        order = {t.name: i for i, t in enumerate(Base.metadata.sorted_tables)}
        for table in sorted(self.inserts, key=lambda t: order.get(t, 0)):
            bulk.insert_rows(self.s, tables[table].__table__, self.inserts[table])
        self.inserts = {}

    def _apply_pending(self) -> None:
        self.s.flush()
        self._insert_pending()
        todo = [i for i in self.items if i.apply and not i.applied]
        if todo:
            merge.apply(self.s, [i.change for i in todo], audit=False, run_hooks=False, record_conflicts=False)
            for i in todo:
                i.applied = True

    def move_child(self, child: Child, to_village: str) -> None:
        """Move a child's file to another village: the village change (which the old village also
        receives, and purges the file on), the move record, and the whole file sent again as
        snapshots to the new village's devices (with its history)."""
        old = child.village_code
        if old == to_village:
            return
        self._apply_pending()
        ch = self.set("child", child.id, "village_code", to_village, versions=child.versions, child_id=child.id,
                      scope=to_village, scope2=old)
        self._apply_pending()
        self.s.expire(child)
        child = self.s.get(Child, child.id)
        self.moves.append(dict(child_id=child.id, from_village=old, to_village=to_village, hlc=ch.hlc))
        self.items.append(_Item(snapshot_of(child, change_id=new_id()), child.id, to_village, apply=False))
        for cls in child_linked().values():
            for row in self.s.scalars(select(cls).where(cls.child_id == child.id)):
                self.items.append(_Item(snapshot_of(row, change_id=new_id()), child.id, to_village, apply=False))

    def discard(self) -> None:
        """Forget what was collected and not yet merged (a dry run)."""
        if any(i.applied for i in self.items):
            raise RuntimeError("county changes already merged cannot be discarded")
        self.items, self.moves, self.inserts = [], [], {}

    def finish(self) -> int:
        """Merge what is pending and log every change; returns how many were logged."""
        self._apply_pending()
        if not self.items:
            return 0
        seq = (self.s.scalar(select(func.max(LogEntry.seq))) or 0) + 1
        now = utcnow()
        entries = []
        first = seq
        for item in self.items:
            ch = item.change
            if ch.field == "village_code" and item.scope2:
                for move in self.moves:
                    if move["child_id"] == ch.row_id and move["hlc"] == ch.hlc:
                        move["seq"] = seq
            entries.append(dict(
                seq=seq, change_id=ch.id or new_id(), device_id=None, table_name=ch.table, row_id=ch.row_id,
                field=ch.field, value=ch.value, hlc=ch.hlc, base_hlc=ch.base_hlc, origin=ch.origin,
                actor=self.actor, claimed_actor="",
                versions=json.dumps(ch.versions, separators=(",", ":")) if ch.versions is not None else None,
                child_id=item.child_id, scope_code=item.scope, scope_code2=item.scope2, priority=0, received_at=now))
            seq += 1
        self.s.flush()
        bulk.insert_rows(self.s, LogEntry.__table__, entries)
        if self.moves:
            self.s.execute(ChildMove.__table__.insert(), [m for m in self.moves if "seq" in m])
        setting = self.s.get(ServerSetting, HLC_KEY)
        if setting is None:
            self.s.add(ServerSetting(key=HLC_KEY, value=self.clock.last))
        else:
            setting.value = self.clock.last
        count = seq - first
        self.items, self.moves = [], []
        return count


@contextmanager
def county_changes(db: ServerDB, actor: str = "") -> Iterator[CountyWriter]:
    """One transaction of county changes, serialised with the devices' pushes."""
    with db.lock, db.sessions() as s, s.begin():
        db.lock_log(s)
        writer = CountyWriter(s, actor)
        yield writer
        writer.finish()
