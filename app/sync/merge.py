"""The one merge, used by the desktop and the county server alike (DESIGN §4).

Per field, the value with the highest `(hlc, origin)` wins: the merge is commutative and
idempotent, so replicas that saw the same changes in any order hold the same data. A change whose
`base_hlc` is not the version it replaces, and whose value differs, was made without seeing the
other edit: the loser is kept as a `Conflict` row (never dropped) and the winner stays the value.
Append-only rows never conflict. Deletion is the `deleted` field (a tombstone) like any other.

A change on field "*" carries a whole row (a JSON object of every field): a newly created row
(one version for all fields) or, with `versions`, a snapshot the server sends when a child's file
enters a device's scope (each field with its own version).

Unknown tables or fields are refused (`MergeError`) before anything is applied.
"""

from __future__ import annotations

import dataclasses
import json
import uuid
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, NamedTuple, Sequence

from sqlalchemy import Column, String, Text, bindparam, insert, select, update
from sqlalchemy.orm import Session, class_mapper
from sqlalchemy.sql.schema import ScalarElementColumnDefault

from app.data import audit_chain
from app.data.base import SYNC_COLUMNS, SyncMixin, mapped, synced_tables, table_of
from app.data.capture import ROW_FIELD, child_id_of, field_version
from app.data.models.local import AuditEntry
from app.data.models.sync import Conflict
from app.core import hlc as clock, wire

CHUNK = 500

Key = tuple[str, str]  # (table, row id)
Versions = dict[str, list[str]]  # field -> [hlc, origin(, actor)]
Tables = dict[str, type[SyncMixin]]


class MergeError(ValueError):
    """A change this replica cannot apply (unknown table or field, broken value). Nothing applied."""

    def __init__(self, message: str, code: str = "bad_change"):
        super().__init__(message)
        self.message = message
        self.code = code


@dataclass
class Change:
    """One field-level change as it travels: `value` is JSON text (for "*": a JSON object)."""

    table: str
    row_id: str
    field: str
    value: str | None
    hlc: str
    base_hlc: str
    origin: str
    actor: str = ""
    versions: Versions | None = None  # only on "*" snapshots: field -> [hlc, origin(, actor)]
    id: str = ""  # the change's own id (UUIDv7), made where the change was made
    # the whole row "*" decoded once: (the value it was decoded from, the dict or None if not an object)
    _parsed: tuple[str | None, dict[str, Any] | None] | None = dataclasses.field(
        default=None, init=False, repr=False, compare=False)

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {
            "id": self.id, "table": self.table, "row_id": self.row_id, "field": self.field, "value": self.value,
            "hlc": self.hlc, "base_hlc": self.base_hlc, "origin": self.origin, "actor": self.actor}
        if self.versions is not None:
            data["versions"] = self.versions
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Change":
        return cls(table=data["table"], row_id=data["row_id"], field=data["field"], value=data.get("value"),
                   hlc=data["hlc"], base_hlc=data.get("base_hlc") or clock.ZERO, origin=data["origin"],
                   actor=data.get("actor") or "", versions=data.get("versions"), id=data.get("id") or "")


@dataclass
class MergeResult:
    applied: int = 0       # changes that changed a value
    ignored: int = 0       # duplicates, older values, rows this replica does not hold
    conflicts: list[Conflict] = field(default_factory=list)
    touched: dict[str, set[str]] = field(default_factory=dict)  # table -> row ids changed
    children: set[str] = field(default_factory=set)             # child ids whose file changed
    max_hlc: str = clock.ZERO
    rows: dict[Key, Row] = field(default_factory=dict, repr=False)  # (table, row id) -> row object seen


_FIELDS: dict[type, dict[str, Column[Any]]] = {}


def synced_fields(cls: type[SyncMixin]) -> dict[str, Column[Any]]:
    """Field name -> Column of the values a synced model syncs (no derived, no bookkeeping)."""
    found = _FIELDS.get(cls)
    if found is None:
        columns = class_mapper(cls).columns  # keyed by attribute name
        found = {key: column for key, column in columns.items()
                 if key not in SYNC_COLUMNS and not column.info.get("derived")}
        found["deleted"] = columns["deleted"]
        _FIELDS[cls] = found
    return found


def _unique_fields(cls: type[SyncMixin]) -> list[str]:
    return [c.key for c in class_mapper(cls).columns if c.unique and c.key != "id"]


def validate(changes: Iterable[Change]) -> None:
    """Refuse the whole batch if any change names an unknown table or field or is malformed."""
    for ch in changes:
        check(ch)


def check(ch: Change) -> None:
    """Raise `MergeError` if this one change names an unknown table or field or is malformed."""
    cls = synced_tables().get(ch.table)
    if cls is None:
        raise MergeError(f"未知的数据表：{ch.table}（请升级童护）", "unknown_table")
    fields = synced_fields(cls)
    if not clock.is_valid(ch.hlc) or not clock.is_valid(ch.base_hlc):
        raise MergeError(f"{ch.table} {ch.row_id}：时间戳格式错误", "bad_change")
    if not ch.row_id or len(ch.row_id) > 36 or not ch.origin:
        raise MergeError(f"{ch.table}：记录编号或来源设备缺失", "bad_change")
    if ch.field == ROW_FIELD:
        _check_row(ch, fields)
    elif ch.field not in fields:
        raise MergeError(f"{ch.table} 未知字段：{ch.field}（请升级童护）", "unknown_field")
    else:
        try:
            value = json.loads(ch.value) if ch.value is not None else None
        except ValueError:
            raise MergeError(f"{ch.table}.{ch.field}：值不是合法的JSON", "bad_change") from None
        _decode(ch, fields[ch.field], value)


def _check_row(ch: Change, fields: dict[str, Column[Any]]) -> None:
    """A whole row ("*"): a JSON object of known fields with valid values, and valid field versions."""
    data = _row_data(ch)
    unknown = set(data) - set(fields)
    if unknown:
        raise MergeError(f"{ch.table} 未知字段：{', '.join(sorted(unknown))}（请升级童护）", "unknown_field")
    plain = _plain_text(fields)
    for name, value in data.items():
        if value is None:
            continue
        limit = plain.get(name)
        if limit is not None and value.__class__ is str and "\x00" not in value and (not limit or len(value) <= limit):
            continue  # a valid text value (most of a row), without a `_decode` call per field
        _decode(ch, fields[name], value)
    missing = [name for name in _required(fields) if data.get(name) is None]
    if missing:  # a row a replica may not hold yet must be one it can store (NOT NULL columns)
        raise MergeError(f"{ch.table} {ch.row_id}：缺少必填内容（{', '.join(missing)}）", "bad_change")
    if ch.versions is not None and not _valid_versions(ch.versions, fields):
        raise MergeError(f"{ch.table} {ch.row_id}：字段版本格式错误", "bad_change")


_REQUIRED: dict[int, list[str]] = {}


def _required(fields: dict[str, Column[Any]]) -> list[str]:
    """The fields a stored row cannot go without: NOT NULL, no default, not the key."""
    found = _REQUIRED.get(id(fields))
    if found is None:
        found = _REQUIRED[id(fields)] = [
            name for name, column in fields.items()
            if column.nullable is False and column.default is None and column.server_default is None
            and not column.primary_key]
    return found


def _valid_versions(versions: object, fields: dict[str, Column[Any]]) -> bool:
    """A snapshot's versions (as they arrived): known field -> [hlc, origin(, actor)], all text."""
    if not isinstance(versions, dict) or set(versions) - set(fields) - {ROW_FIELD}:
        return False
    return all(isinstance(v, list) and 2 <= len(v) <= 3 and all(isinstance(x, str) for x in v) and clock.is_valid(v[0])
               for v in versions.values())


def row_fields(ch: Change) -> dict[str, Any] | None:
    """The JSON object a whole-row ("*") change's value holds (None if it is not one), decoded once
    per change: the check, the scope guard, the merge and the log all read it. Not to be mutated."""
    parsed = ch._parsed
    if parsed is not None and parsed[0] is ch.value:
        return parsed[1]
    try:
        data = json.loads(ch.value or "")
    except ValueError:
        data = None
    found = data if isinstance(data, dict) else None
    ch._parsed = (ch.value, found)
    return found


def _row_data(ch: Change) -> dict[str, Any]:
    """The fields of a whole-row ("*") change: its value is a JSON object (field -> wire value)."""
    data = row_fields(ch)
    if data is None:
        raise MergeError(f"{ch.table} {ch.row_id}：整行数据不是对象", "bad_change")
    return data


def _decode(ch: Change, column: Column[Any], value: object) -> object:
    if value is None:
        return None
    spec = _SPECS.get(id(column))
    if spec is None:
        spec = _SPECS[id(column)] = (column.type.__class__ in _TEXT_TYPES, getattr(column.type, "length", None))
    if spec[0]:  # a text column (most values): as `_from_wire` returns it, with the checks below
        if not isinstance(value, str):
            raise MergeError(f"{ch.table}.{column.key}：应为文字（{str(value)[:40]}）", "bad_change")
        if "\x00" in value:
            raise MergeError(f"{ch.table}.{column.key}：内容含有无效字符", "bad_change")
        if spec[1] and len(value) > spec[1]:
            raise MergeError(f"{ch.table}.{column.key}：内容过长（最多 {spec[1]} 个字）", "bad_change")
        return value
    try:
        decoded = _from_wire(column, value)
    except (ValueError, TypeError, KeyError, AttributeError, OverflowError):
        raise MergeError(f"{ch.table}.{column.key}：值无法识别（{str(value)[:40]}）", "bad_change") from None
    if isinstance(column.type, String) and decoded is not None and not isinstance(decoded, str):
        raise MergeError(f"{ch.table}.{column.key}：应为文字（{str(value)[:40]}）", "bad_change")
    if isinstance(decoded, str) and "\x00" in decoded:  # PostgreSQL cannot store NUL: refuse this change only
        raise MergeError(f"{ch.table}.{column.key}：内容含有无效字符", "bad_change")
    length = getattr(column.type, "length", None)
    if length and isinstance(decoded, str) and len(decoded) > length:
        raise MergeError(f"{ch.table}.{column.key}：内容过长（最多 {length} 个字）", "bad_change")
    if isinstance(decoded, int) and not isinstance(decoded, bool) and not -2**63 <= decoded < 2**63:
        raise MergeError(f"{ch.table}.{column.key}：数值超出范围", "bad_change")
    return decoded


# id(column) -> (a plain String/Text column, its length): columns live as long as their tables
_SPECS: dict[int, tuple[bool, int | None]] = {}
_PLAIN: dict[int, dict[str, int]] = {}


def _plain_text(fields: dict[str, Column[Any]]) -> dict[str, int]:
    """Field -> length limit (0: none) of the plain String/Text columns among a model's synced fields."""
    found = _PLAIN.get(id(fields))
    if found is None:
        found = _PLAIN[id(fields)] = {name: getattr(col.type, "length", None) or 0 for name, col in fields.items()
                                      if col.type.__class__ in _TEXT_TYPES}
    return found


def version_key(version: Sequence[str]) -> tuple[str, str]:
    """(hlc, origin) of a field version [hlc, origin(, actor)]: what merges compare."""
    return (version[0], version[1] if len(version) > 1 else "")


# (table, row id, field, hlc, origin, child id) -> the base stamp of the edit that wrote that
# version, if the county logged one (None: not an edit it knows)
EditBase = Callable[[str, str, str, str, str, str | None], str | None]


def apply(session: Session, changes: list[Change], *, audit: bool = False, run_hooks: bool = True,
          validated: bool = False, record_conflicts: bool = True, rows: dict[Key, Row] | None = None,
          edit_base: EditBase | None = None) -> MergeResult:
    """Merge remote changes into the rows `session` sees; flushes, never commits.

    The county records conflicts (`record_conflicts`), in the one order it received the changes,
    and sends them to every replica of the scope; devices take the county's list instead of
    detecting their own, so every replica lists the same conflicts.

    The batch is applied at the Core level: the current rows are read with one SELECT per table
    chunk, merged in Python (`Row` objects, which `MergeResult.rows` holds), and written with one
    executemany per table and set of changed columns; ORM objects of written rows that the
    session holds are expired. `rows`: the current rows of every (table, row id) the batch names,
    as `load_rows` read them in this transaction (the county's scope guard read them already).
    `edit_base`: how the county finds the base of a logged edit, to keep the conflict when a row
    re-sent after its restore overwrites (or loses to) an edit made without seeing its value."""
    if not validated:
        validate(changes)
    if not changes:
        return MergeResult()
    session.flush()  # pending ORM work first (as autoflush did), so the reads below see it
    batch = _Batch(session, changes, audit=audit, record_conflicts=record_conflicts, rows=rows, edit_base=edit_base)
    prior = session.info.get("applying_remote")
    session.info["applying_remote"] = True
    try:
        for ch in changes:
            batch.merge(ch)
        batch.write()
        if run_hooks and batch.result.touched:
            from app.sync import hooks

            hooks.run_after_apply(session, batch.result)
    finally:
        session.info["applying_remote"] = prior
    return batch.result


class Side(NamedTuple):
    """One side of a conflict: the value (JSON text) and the version that wrote it."""

    value: str | None
    hlc: str
    origin: str
    actor: str


class _Batch:
    """One `apply`: the rows the batch names (read once), their field versions and changed columns as
    the changes are merged one by one, and the audit entries, all written by `write`."""

    def __init__(self, session: Session, changes: list[Change], *, audit: bool, record_conflicts: bool,
                 rows: dict[Key, Row] | None, edit_base: EditBase | None = None):
        self.session, self.audit, self.record_conflicts = session, audit, record_conflicts
        self.edit_base = edit_base if record_conflicts else None
        self.tables = synced_tables()
        self.rows = rows if rows is not None else load_rows(session, changes)
        self.result = MergeResult(rows=self.rows)
        self.versions: dict[Key, Versions] = {}
        self.audits: list[dict[str, object]] = []
        self.new: dict[Key, Row] = {}
        self.dirty: dict[Key, set[str]] = {}  # columns changed in rows that exist
        self.held = _Held(session, self.tables, changes, self.rows, self.new)

    def merge(self, ch: Change) -> None:
        if ch.hlc > self.result.max_hlc:
            self.result.max_hlc = ch.hlc
        row = self.rows.get((ch.table, ch.row_id))
        if ch.field != ROW_FIELD:
            self._merge_field(ch, row)
        elif row is None:
            self._create(ch)
        else:
            self._merge_row(ch, row)

    def _create(self, ch: Change) -> None:
        """A whole row this replica does not hold: insert it, unless its natural key is taken."""
        data = _row_data(ch)
        if self.held.collides(ch.table, data):
            self.result.ignored += 1
            return
        fields = synced_fields(self.tables[ch.table])
        key = (ch.table, ch.row_id)
        row = Row(ch.table, {"id": ch.row_id})
        for name, value in data.items():
            decoded = _from_wire(fields[name], value)
            if decoded is None:  # as an ORM insert: a column's default rather than NULL
                decoded = _insert_default(fields[name])
            setattr(row, name, decoded)
        default = [ch.hlc, ch.origin, ch.actor]
        snap = ch.versions or {}
        vers = {name: list(snap.get(name) or default) for name in data} if snap else {ROW_FIELD: default}
        self.versions[key] = vers  # its text is written by `write`, with any later change of the batch
        row.hlc, row.origin = clock.ZERO, ""
        self.new[key] = row
        self.rows[key] = row
        self.held.created(ch.table, row)
        self.result.applied += 1
        self._touch(ch, row, key)
        if self.audit:
            self.audits.append(_audit(ch, row, ROW_FIELD, None, "create"))

    def _merge_row(self, ch: Change, row: Row) -> None:
        """A whole row this replica holds: each field whose incoming version is newer wins."""
        fields = synced_fields(self.tables[ch.table])
        key = (ch.table, ch.row_id)
        vers = self._versions_of(key, row)
        default = [ch.hlc, ch.origin, ch.actor]
        snap = ch.versions or {}
        changed = False
        for name, value in _row_data(ch).items():
            incoming = snap.get(name) or default
            current = field_version(vers, name)
            newer = version_key(incoming) > version_key(current)
            if snap and self.edit_base is not None:
                self._snapshot_conflict(ch, row, name, value, incoming, current, newer)
            if newer:
                self._set_field(key, row, name, _from_wire(fields[name], value))
                vers[name] = list(incoming)
                changed = True
        if changed:
            self.result.applied += 1
            self._touch(ch, row, key)
        else:
            self.result.ignored += 1

    def _snapshot_conflict(self, ch: Change, row: Row, name: str, value: object, incoming: list[str],
                           current: list[str], newer: bool) -> None:
        """A field of a row a laptop re-sent (after the county went back to a copy) differs from the
        county's, which an edit logged here wrote without building on the re-sent version: two edits
        made without seeing each other, as they would have met had the county kept its log. Kept
        as a conflict whichever wins. (Re-sent versions carry no base; one with no origin stands
        for a value whose edit follows, and the county's own versions without a logged edit say
        nothing either way.)"""
        assert self.edit_base is not None
        theirs_at, theirs_by = version_key(incoming)
        ours_at, ours_by = version_key(current)
        if "" in (theirs_by, ours_by) or theirs_by == ours_by or clock.ZERO in (theirs_at, ours_at):
            return
        if self.tables[ch.table].__append_only__:
            return
        old_value = getattr(row, name)
        if wire.to_wire(old_value) == value:
            return
        base = self.edit_base(ch.table, ch.row_id, name, ours_at, ours_by, child_id_of(row))
        if base is None or base == theirs_at:
            return
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        edit = dataclasses.replace(ch, field=name, value=text, hlc=theirs_at, origin=theirs_by, versions=None)
        theirs = Side(text, theirs_at, theirs_by, incoming[2] if len(incoming) > 2 else ch.actor)
        ours = self._ours(edit, old_value, current)
        _conflict(self.session, self.result, edit, row, winner=theirs if newer else ours, loser=ours if newer else theirs)

    def _merge_field(self, ch: Change, row: Row | None) -> None:
        """One field: the higher (hlc, origin) wins; an edit made without seeing the other is a conflict."""
        if row is None:
            self.result.ignored += 1
            return
        key = (ch.table, ch.row_id)
        vers = self._versions_of(key, row)
        current = field_version(vers, ch.field)
        incoming = (ch.hlc, ch.origin)
        if incoming == version_key(current):
            self.result.ignored += 1
            return
        cls = self.tables[ch.table]
        new_wire = wire.loads(ch.value)
        old_value = getattr(row, ch.field)
        old_wire = wire.to_wire(old_value)
        # a field no one has written here yet (a row re-created from a snapshot without it) holds
        # no one's value: nothing to keep
        conflict = (self.record_conflicts and not cls.__append_only__ and ch.base_hlc != current[0]
                    and current[0] != clock.ZERO and new_wire != old_wire)
        theirs = Side(ch.value, ch.hlc, ch.origin, ch.actor)
        if incoming > version_key(current):
            if conflict:
                _conflict(self.session, self.result, ch, row, winner=theirs, loser=self._ours(ch, old_value, current))
            self._set_field(key, row, ch.field, _from_wire(synced_fields(cls)[ch.field], new_wire))
            vers[ch.field] = [ch.hlc, ch.origin, ch.actor]
            self.result.applied += 1
            self._touch(ch, row, key)
            if self.audit:
                action = "delete" if ch.field == "deleted" and new_wire else "update"
                self.audits.append(_audit(ch, row, ch.field, old_wire, action))
        else:
            if conflict:
                _conflict(self.session, self.result, ch, row, winner=self._ours(ch, old_value, current), loser=theirs)
            self.result.ignored += 1

    def _ours(self, ch: Change, value: object, version: list[str]) -> Side:
        """The value this replica holds, with its version (the actor from the audit log if the version has none)."""
        actor = version[2] if len(version) > 2 else _local_actor(self.session, ch)
        return Side(wire.dumps(value), version[0], version_key(version)[1], actor)

    def _versions_of(self, key: Key, row: Row) -> Versions:
        found = self.versions.get(key)
        if found is None:
            found = self.versions[key] = json.loads(row.versions or "{}")
        return found

    def _touch(self, ch: Change, row: Row, key: Key) -> None:
        self.result.touched.setdefault(ch.table, set()).add(ch.row_id)
        cid = child_id_of(row)
        if cid:
            self.result.children.add(cid)
        if (ch.hlc, ch.origin) > (row.hlc or clock.ZERO, row.origin or ""):
            row.hlc, row.origin = ch.hlc, ch.origin
            if key not in self.new:
                self.dirty.setdefault(key, set()).update(("hlc", "origin"))

    def _set_field(self, key: Key, row: Row, name: str, value: object) -> None:
        if name in self.held.unique.get(key[0], ()):
            self.held.changed(key[0], name, getattr(row, name), value)
        if key not in self.new:
            self.dirty.setdefault(key, set()).add(name)
        setattr(row, name, value)

    def write(self) -> None:
        """The rows' new versions, then every insert and update, then the audit entries."""
        for key, vers in self.versions.items():
            row = self.rows[key]
            text = json.dumps(vers, separators=(",", ":"), ensure_ascii=False)
            if text != row.versions:
                row.versions = text
                if key not in self.new:
                    self.dirty.setdefault(key, set()).add("versions")
        _write(self.session, self.tables, self.new, self.dirty, self.rows)
        if self.audits:
            self.session.execute(insert(table_of(AuditEntry)), audit_chain.seal(self.session, self.audits))
        self.session.flush()


def _from_wire(column: Column[Any], value: object) -> object:
    """`wire.from_wire`, skipping its type tests for text columns (most values), which it returns as they are."""
    if value is None or column.type.__class__ in _TEXT_TYPES:
        return value
    return wire.from_wire(column, value)


_TEXT_TYPES = (String, Text)


def _insert_default(column: Column[Any]) -> object:
    """What an ORM insert stores for an attribute left None: the column's scalar default, if any."""
    default = column.default
    if isinstance(default, ScalarElementColumnDefault) and not column.type.should_evaluate_none:
        return default.arg
    return None


class Row:
    """A synced row as the merge reads and writes it (what `MergeResult.rows` holds): its columns
    as attributes, `__tablename__` like a model object. A column a new row was created without
    reads as None (its default applies when it is inserted)."""

    id: str
    hlc: str
    origin: str
    versions: str
    __tablename__: str

    def __init__(self, table: str, values: dict[str, object]):
        self.__dict__.update(values)
        self.__tablename__ = table

    def __getattr__(self, name: str) -> object:
        if name.startswith("__") or name not in _columns(self.__dict__.get("__tablename__")):
            raise AttributeError(name)
        return None

    def values(self, names: dict[str, str] | None = None) -> dict[str, object]:
        """The row's values by attribute; with `names` (attribute -> column), only those, by column."""
        if names is None:
            return {k: v for k, v in self.__dict__.items() if k != "__tablename__"}
        return {names[k]: v for k, v in self.__dict__.items() if k in names}

    def __repr__(self) -> str:
        return f"Row({self.__tablename__}, {self.__dict__.get('id')})"


_COLUMNS: dict[str, dict[str, str]] = {}


def _columns(table: str | None) -> dict[str, str]:
    """Attribute key -> column name of a synced table."""
    name = table or ""
    found = _COLUMNS.get(name)
    if found is None:
        cls = synced_tables().get(name)
        if cls is None:
            return {}
        found = _COLUMNS[name] = {attr.key: attr.columns[0].name for attr in class_mapper(cls).column_attrs}
    return found


def load_rows(session: Session, changes: Iterable[Change]) -> dict[Key, Row]:
    """The current rows the batch names, one SELECT per table and chunk of ids."""
    tables = synced_tables()
    by_table: dict[str, set[str]] = {}
    for ch in changes:
        by_table.setdefault(ch.table, set()).add(ch.row_id)
    rows: dict[Key, Row] = {}
    for table, id_set in by_table.items():
        t = table_of(tables[table])
        names = {name: key for key, name in _columns(table).items()}
        same = all(k == n for n, k in names.items())
        ids = list(id_set)
        for i in range(0, len(ids), CHUNK):
            for r in session.execute(select(t).where(t.c.id.in_(ids[i:i + CHUNK]))):
                values = dict(r._mapping) if same else {names[k]: v for k, v in r._mapping.items() if k in names}
                rows[(table, values["id"])] = Row(table, values)
    return rows


def _write(session: Session, tables: Tables, new: dict[Key, Row], dirty: dict[Key, set[str]],
           rows: dict[Key, Row]) -> None:
    """Insert the new rows (parents' tables first) and update the changed columns of the others,
    one executemany per table and set of columns; expire what the session holds of them."""
    from app.data.base import Base

    order = {t.name: i for i, t in enumerate(Base.metadata.sorted_tables)}
    inserts: dict[tuple[str, tuple[str, ...]], list[dict[str, object]]] = {}
    for (table, _), row in new.items():
        cols = _columns(table)
        values = row.values(cols)
        inserts.setdefault((table, tuple(values)), []).append(values)
    for (table, _), batch in sorted(inserts.items(), key=lambda item: order.get(item[0][0], 0)):
        session.execute(insert(table_of(tables[table])), batch)
    updates: dict[tuple[str, frozenset[str]], list[dict[str, object]]] = {}
    for key, names in dirty.items():
        row = rows[key]
        cols = _columns(key[0])
        params: dict[str, object] = {"_id": key[1]}
        for name in names:
            params["v_" + cols[name]] = getattr(row, name)
        updates.setdefault((key[0], frozenset(cols[n] for n in names)), []).append(params)
    for (table, columns), batch in updates.items():
        t = table_of(tables[table])
        stmt = update(t).where(t.c.id == bindparam("_id")).values({n: bindparam("v_" + n) for n in columns})
        session.execute(stmt, batch)
    if dirty and session.identity_map:
        for obj in list(session.identity_map.values()):
            if (getattr(obj, "__tablename__", None), getattr(obj, "id", None)) in dirty:
                session.expire(obj)


class _Held:
    """Unique natural keys (e.g. a place's `code`) held by rows, for the collision rule (§1.2 rule 1):
    the values the batch's creates name are looked up once per table and column, then kept up to
    date as the batch creates rows or changes those columns."""

    def __init__(self, session: Session, tables: Tables, changes: list[Change], rows: dict[Key, Row],
                 new: dict[Key, Row]):
        self.session, self.tables, self.rows, self.new = session, tables, rows, new
        self.unique: dict[str, list[str]] = {}
        self.values: dict[Key, set[object]] = {}
        self.maybe_free: dict[Key, set[object]] = {}
        wanted: dict[Key, set[object]] = {}
        for ch in changes:
            if ch.table not in self.unique:
                self.unique[ch.table] = _unique_fields(tables[ch.table])
            names = self.unique[ch.table]
            if names and ch.field == ROW_FIELD and (ch.table, ch.row_id) not in rows:
                data = _row_data(ch)
                for name in names:
                    if name in data and data[name] is not None:
                        wanted.setdefault((ch.table, name), set()).add(data[name])
        for (table, name), value_set in wanted.items():
            col = mapped(tables[table], name)
            found = self.values.setdefault((table, name), set())
            values = list(value_set)
            for i in range(0, len(values), CHUNK):
                found.update(session.scalars(select(col).where(col.in_(values[i:i + CHUNK])).distinct()))

    def collides(self, table: str, data: dict[str, Any]) -> bool:
        for name in self.unique.get(table, ()):
            if name not in data:
                continue
            value = data[name]
            if value is None:  # `col == None` matches nothing in SQL
                continue
            if value in self.maybe_free.get((table, name), ()):
                if self._exact(table, name, value):
                    return True
            elif value in self.values.get((table, name), ()):
                return True
        return False

    def created(self, table: str, row: Row) -> None:
        for name in self.unique.get(table, ()):
            value = getattr(row, name)
            if value is not None:
                self.values.setdefault((table, name), set()).add(value)

    def changed(self, table: str, name: str, old: object, value: object) -> None:
        if old is not None:
            self.maybe_free.setdefault((table, name), set()).add(old)
        if value is not None:
            self.values.setdefault((table, name), set()).add(value)

    def _exact(self, table: str, name: str, value: object) -> bool:
        cls = self.tables[table]
        for row_id in self.session.scalars(select(cls.id).where(mapped(cls, name) == value)):
            row = self.rows.get((table, row_id))
            if row is None or getattr(row, name) == value:
                return True
        return any(getattr(r, name) == value for (t, _), r in self.new.items() if t == table)


def _local_actor(session: Session, ch: Change) -> str:
    entry = session.scalar(
        select(AuditEntry.actor).where(AuditEntry.table_name == ch.table, AuditEntry.row_id == ch.row_id,
                                       AuditEntry.field == ch.field).order_by(AuditEntry.seq.desc()).limit(1))
    return entry or ""


def _audit(ch: Change, row: Row, name: str, old: object, action: str) -> dict[str, object]:
    new = None if ch.field == ROW_FIELD else (json.loads(ch.value) if ch.value is not None else None)
    return dict(actor=ch.actor, device=ch.origin, action=action, table_name=ch.table, row_id=ch.row_id,
                child_id=child_id_of(row), field=name,
                old_value=None if old is None else str(old), new_value=None if new is None else str(new))


def _conflict(session: Session, result: MergeResult, ch: Change, row: Row, *, winner: Side, loser: Side) -> None:
    exists = session.scalar(select(Conflict.seq).where(
        Conflict.table_name == ch.table, Conflict.row_id == ch.row_id, Conflict.field == ch.field,
        Conflict.loser_hlc == loser.hlc, Conflict.loser_origin == loser.origin).limit(1))
    if exists:
        return
    for pending in result.conflicts:
        if (pending.table_name, pending.row_id, pending.field, pending.loser_hlc, pending.loser_origin) == (
                ch.table, ch.row_id, ch.field, loser.hlc, loser.origin):
            return
    conflict = Conflict(
        key=conflict_key(ch.table, ch.row_id, ch.field, loser.hlc, loser.origin),
        table_name=ch.table, row_id=ch.row_id, field=ch.field, child_id=child_id_of(row),
        winner_value=winner.value, winner_hlc=winner.hlc, winner_origin=winner.origin, winner_actor=winner.actor or "",
        loser_value=loser.value, loser_hlc=loser.hlc, loser_origin=loser.origin, loser_actor=loser.actor or "",
        resolved=False, resolution="", resolved_by="",
    )
    session.add(conflict)
    result.conflicts.append(conflict)


def conflict_key(table: str, row_id: str, field: str, loser_hlc: str, loser_origin: str) -> str:
    """The same id for the same conflict on every replica."""
    return str(uuid.uuid5(_CONFLICT_NS, "\x1f".join((table, row_id, field, loser_hlc, loser_origin))))


_CONFLICT_NS = uuid.UUID("6f1d4c1e-27a4-4c55-9d0e-6d2b1f0c9a11")


class SupersededError(MergeError):
    """The field changed again after the conflict: swapping would bring back an obsolete value."""


def resolve(session: Session, conflict_seq: int, *, swap: bool, user: str) -> Conflict:
    """Confirm a conflict: keep the winner, or swap (the loser becomes a new local edit that wins
    everywhere, because it is stamped after everything this replica has seen).

    A swap is refused once the field has changed again since the conflict (its version is no
    longer the conflict's winner): the loser's value is obsolete then, and the conflict is closed
    as superseded."""
    from app.data.base import utcnow

    conflict = session.get(Conflict, conflict_seq)
    if conflict is None:
        raise MergeError("冲突记录不存在", "not_found")
    if swap:
        cls = synced_tables()[conflict.table_name]
        row = session.get(cls, conflict.row_id)
        if row is None:
            raise MergeError("该记录已不在本机", "not_found")
        current = version_key(field_version(json.loads(row.versions or "{}"), conflict.field))
        if current != (conflict.winner_hlc, conflict.winner_origin):
            conflict.resolved = True
            conflict.resolution = "superseded"
            conflict.resolved_by = user
            conflict.resolved_at = utcnow()
            session.flush()
            raise SupersededError("这一项在冲突之后又被修改过，不能再换回当时的旧值；请直接在档案中修改。", "superseded")
        column = synced_fields(cls)[conflict.field]
        value = wire.from_wire(column, json.loads(conflict.loser_value) if conflict.loser_value is not None else None)
        setattr(row, conflict.field, value)
    conflict.resolved = True
    conflict.resolution = "swapped" if swap else "kept"
    conflict.resolved_by = user
    conflict.resolved_at = utcnow()
    session.flush()
    return conflict
