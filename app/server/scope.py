"""Who owns a row on the county server, and whether a device may change it (DESIGN §4, protocol §5).

Every change a device pushes is checked against the row as the SERVER holds it, never against
what the push claims: a child belongs to its current `village_code`, a row of a child's file to
that child, a screening round to its village; `place` rows are the county's. A device may change
only what its scope owns now, with one exception: after a child moved away, the old village may
still send the changes it stamped before the move (edits made before the transfer reached it).
"""

from __future__ import annotations

import json

from sqlalchemy import select

from app.core import wire
from app.core.hlc import ZERO
from app.data.base import synced_tables
from app.data.capture import ROW_FIELD, field_version
from app.data.models.child import Child
from app.domain.places import in_scope
from app.server.db import ChildMove, LogEntry
from app.sync.changes import ROW_MISSING  # a refusal the laptop sends again at its next sync
from app.sync import merge
from app.sync.merge import Change

CHUNK = 500


def row_data(ch: Change) -> dict:
    """The fields of a whole-row change ({} for a field change or a value that is not an object);
    decoded once per change (`merge.row_fields`), not to be mutated."""
    if ch.field != ROW_FIELD or ch.value is None:
        return {}
    return merge.row_fields(ch) or {}


def field_value(ch: Change):
    try:
        return json.loads(ch.value) if ch.value is not None else None
    except ValueError:
        return None


def child_linked() -> dict[str, type]:
    return {name: cls for name, cls in synced_tables().items() if "child_id" in cls.__table__.columns}


def village_owned() -> dict[str, type]:
    return {name: cls for name, cls in synced_tables().items()
            if "village_code" in cls.__table__.columns and "child_id" not in cls.__table__.columns}


class Refused(Exception):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


class ScopeGuard:
    """Decides, change by change in push order, whether a device may make it. Loads the server's
    rows a batch touches once; remembers what earlier accepted changes of the same batch did
    (a child created and moved in one batch)."""

    def __init__(self, session, scope: str, changes: list[Change]):
        self.s = session
        self.scope = scope
        self.tables = synced_tables()
        self.linked = child_linked()
        self.owned = village_owned()
        self.rows = self._load_rows(changes)
        child_ids = self._children_touched(changes)
        # the children whose rows the batch names are loaded already; the others are read here
        self.villages: dict[str, str | None] = {
            cid: self.rows[("child", cid)].village_code for cid in child_ids if ("child", cid) in self.rows}
        ids = [cid for cid in child_ids if cid not in self.villages]
        for i in range(0, len(ids), CHUNK):
            for cid, village in session.execute(select(Child.id, Child.village_code).where(
                    Child.id.in_(ids[i:i + CHUNK]))):
                self.villages[cid] = village
        self.moves: dict[str, list[ChildMove]] = {}
        known = list(self.villages)  # a child new to the county has not moved yet
        for i in range(0, len(known), CHUNK):
            for move in session.scalars(select(ChildMove).where(ChildMove.child_id.in_(known[i:i + CHUNK]))):
                self.moves.setdefault(move.child_id, []).append(move)
        self.before = dict(self.villages)
        # the file each row of a child's file was in before this batch (a re-parent moves it)
        self.parents = {key: row.child_id for key, row in self.rows.items() if key[0] in self.linked}
        self.created: set[tuple[str, str]] = set()  # rows a whole-row change of this push creates
        # the version of each known child's village_code: a move only steers the checks of later
        # changes in the batch if it wins the merge (a move stamped before the server's own loses)
        self.village_versions: dict[str, tuple[str, str]] = {}
        for (table, cid), row in self.rows.items():
            if table == "child":
                version = field_version(json.loads(row.versions or "{}"), "village_code")
                self.village_versions[cid] = merge.version_key(version)

    def _load_rows(self, changes: list[Change]) -> dict[tuple[str, str], merge.Row]:
        """The server's rows the batch touches, by (table, row id), read in chunks as plain rows
        (`merge.Row`): the merge of the accepted changes takes them (`merge.apply(rows=…)`) instead
        of reading them again, so after it they hold what it wrote."""
        return merge.load_rows(self.s, (ch for ch in changes if ch.table in self.tables))

    def _children_touched(self, changes: list[Change]) -> set[str]:
        """Every child whose file the batch touches: changed children, the children of changed
        file rows as the server holds them, and the children those rows are (re)parented to."""
        child_ids = {ch.row_id for ch in changes if ch.table == "child"}
        for (table, _), row in self.rows.items():
            if table in self.linked and row.child_id:
                child_ids.add(row.child_id)
        for ch in changes:
            if ch.table in self.linked:
                cid = row_data(ch).get("child_id") if ch.field == ROW_FIELD else (
                    field_value(ch) if ch.field == "child_id" else None)
                if isinstance(cid, str):
                    child_ids.add(cid)
        return child_ids

    # -- helpers -------------------------------------------------------------
    def _out(self, ch: Change, what: str = "") -> Refused:
        return Refused("out_of_scope", f"这条记录{what}不属于本设备负责的范围（{self.scope}），"
                                       "这条修改未被接受；其余修改照常同步。")

    def _before_move(self, ch: Change, child_id: str) -> bool:
        """The child's file left this scope, and this change was made before it left."""
        return any(in_scope(m.from_village, self.scope) and ch.hlc < m.hlc for m in self.moves.get(child_id, ()))

    def _child_ok(self, ch: Change, child_id: str | None) -> None:
        if not child_id:
            return
        village = self.villages.get(child_id)
        if village is None or in_scope(village, self.scope) or self._before_move(ch, child_id):
            return  # an unknown child: the row waits (untagged) until its child arrives
        raise self._out(ch)

    def owns_now(self, ch: Change) -> bool | None:
        """Does the device's scope own this row on the server now (None: the server lacks it)?"""
        row = self.rows.get((ch.table, ch.row_id))
        if ch.table == "child" and ch.row_id in self.villages:
            # also a child this push created and then moved on (its row is not on the server yet)
            return in_scope(self.villages[ch.row_id], self.scope)
        if row is None:
            return None
        if ch.table == "child":
            return in_scope(row.village_code, self.scope)
        if ch.table in self.linked:
            village = self.villages.get(row.child_id) if row.child_id else None
            return village is None or in_scope(village, self.scope)
        if ch.table in self.owned:
            return in_scope(row.village_code, self.scope)
        if ch.table == "place":
            return in_scope(row.code, self.scope) or self.scope.startswith(row.code or "~")
        return self._logged_in_scope(ch)

    def current(self, ch: Change) -> dict | None:
        """What the device should hold instead of a refused change: the server's value and version
        of the field (only for a row its scope owns), or `gone` for a row that is not its own."""
        owned = self.owns_now(ch)
        if owned is None:
            return None
        if not owned:
            return {"gone": True}
        row = self.rows[(ch.table, ch.row_id)]
        if ch.field == ROW_FIELD:
            return None
        versions = json.loads(row.versions or "{}")
        return {"value": wire.dumps(getattr(row, ch.field)), "version": list(field_version(versions, ch.field))}

    # -- the check -------------------------------------------------------------
    def check(self, ch: Change) -> None:
        """Raise `Refused` if this device may not make this change; else note its effect."""
        cls = self.tables[ch.table]
        row = self.rows.get((ch.table, ch.row_id))
        if row is None and ch.field != ROW_FIELD and (ch.table, ch.row_id) not in self.created:
            # an edit of a row the county lacks (its database went back to a copy, and the row's
            # file comes back only with another laptop's re-send): kept, and sent again next time
            raise Refused(ROW_MISSING, "县里没有这条记录（县里的数据库可能刚从备份恢复），这条修改暂未被接受；"
                                       "下次同步时会自动重新发送。")
        self._check_kind(ch, cls, row)
        if row is None and ch.field == ROW_FIELD:
            self.created.add((ch.table, ch.row_id))

    def _check_kind(self, ch: Change, cls, row) -> None:
        if cls.__append_only__ and (ch.field != ROW_FIELD or (row is not None and not _same_row(cls, row, ch))):
            raise Refused("append_only", "已定稿的记录（走访、评估、报告、发放等）不能修改或删除，"
                                         "如需更正请另写一条补充记录。")
        if getattr(cls, "__county_only__", False) and not (row is not None and _same_row(cls, row, ch)):
            raise Refused("county_managed", "县级处置记录由县民政局填写，村里不能新建或修改，这条修改未被接受。")
        if ch.table == "place":
            self._check_place(ch, row)
        elif ch.table == "child":
            self._check_village_row(ch, row, child=True)
        elif ch.table in self.owned:
            self._check_village_row(ch, row, child=False)
        elif ch.table in self.linked:
            self._check_linked(ch, row)
        elif row is not None and not self._logged_in_scope(ch):
            raise self._out(ch)

    def _check_place(self, ch: Change, row) -> None:
        if ch.field != ROW_FIELD or (row is not None and ch.versions is None and not _same_row(self.tables["place"], row, ch)):
            raise Refused("county_managed", f"区划（{ch.row_id}）由县民政局统一管理，村里不能修改，这条修改未被接受。")
        code = row_data(ch).get("code")
        if not isinstance(code, str) or not (code.startswith(self.scope) or self.scope.startswith(code)):
            raise self._out(ch)

    def _check_village_row(self, ch: Change, row, *, child: bool) -> None:
        current = self.villages.get(ch.row_id) if child else (row.village_code if row is not None else None)
        data = row_data(ch)
        if current is None:  # a new row: it must be created inside the scope
            if ch.field == ROW_FIELD:
                if not in_scope(data.get("village_code"), self.scope):
                    raise self._out(ch)
                if child and ch.row_id not in self.villages:
                    self.villages[ch.row_id] = data["village_code"]
                    self.village_versions[ch.row_id] = (ch.hlc, ch.origin)
            return
        new_village = data.get("village_code") if ch.field == ROW_FIELD else (
            field_value(ch) if ch.field == "village_code" else None)
        if in_scope(current, self.scope):
            if child and isinstance(new_village, str):
                self._note_move(ch, new_village)  # a transfer out: allowed, and later changes follow it
            return
        if isinstance(new_village, str) and in_scope(new_village, self.scope):
            raise Refused("out_of_scope", f"这名儿童现属其他村（{current}），本村不能把他/她改回本村；"
                                          "如需转回，请由现所在村办理转出。")
        if child and self._before_move(ch, ch.row_id) and ch.field != "village_code":
            return
        raise self._out(ch)

    def _note_move(self, ch: Change, new_village: str) -> None:
        """Follow an accepted change of a child's village, if the merge will let it win."""
        incoming = (ch.hlc, ch.origin)
        if ch.field == ROW_FIELD and ch.versions is not None:
            version = ch.versions.get("village_code") or ch.versions.get(ROW_FIELD)
            if not version:
                return
            incoming = merge.version_key(version)
        if incoming > self.village_versions.get(ch.row_id, (ZERO, "")):
            self.villages[ch.row_id] = new_village
            self.village_versions[ch.row_id] = incoming

    def _check_linked(self, ch: Change, row) -> None:
        if row is not None:
            self._child_ok(ch, row.child_id)  # the file the server holds the row in, whatever the push says
        elif ch.field == ROW_FIELD:
            cid = row_data(ch).get("child_id")
            self._child_ok(ch, cid if isinstance(cid, str) else None)
        if ch.field == "child_id":
            new = field_value(ch)
            village = self.villages.get(new) if isinstance(new, str) else None
            if village is not None and not in_scope(village, self.scope):
                raise self._out(ch, "（改挂到其他村的儿童）")

    def _logged_in_scope(self, ch: Change) -> bool:
        tag = self.s.scalar(select(LogEntry.scope_code).where(
            LogEntry.table_name == ch.table, LogEntry.row_id == ch.row_id).order_by(LogEntry.seq).limit(1))
        return tag is None or in_scope(tag, self.scope) or self.scope.startswith(tag)


def _same_row(cls, row, ch: Change) -> bool:
    """A create of a row the server already holds, with the same values (a repeated create)."""
    fields = merge.synced_fields(cls)
    data = row_data(ch)
    return all(wire.to_wire(getattr(row, name)) == value for name, value in data.items() if name in fields)
