"""USB bundles at the county: import a device's file exactly as a network push (then write its
answer), write an answer for a device on demand, and write offline enrolment files.

The push and the pull are the network's own (`service.apply_push`, `service.changes_for`), so a
device may mix USB and network syncs in any order. Each imported bundle id is recorded: the same
file imported twice is applied once. A refused file changes nothing.

Offline enrolment: `enrolment_file()` makes the device's key pair at the county, registers a
device placeholder with those public keys and the scope, and writes a file sealed with a one-time
code (scrypt + AES-GCM) that the officer tells the director separately. The laptop keeps its own
device id: the first bundle signed with the enrolled key binds the placeholder to it.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError
from sqlalchemy import DateTime, String, Text, select
from sqlalchemy.orm import Mapped, mapped_column

from app.data.base import utcnow
from app.core import hlc as clock
from app.core import protocol as P
from app.server import audit as audits
from app.server import pull as pulls
from app.server import push as pushes
from app.server import service
from app.server.db import Device, LogEntry, ServerBase, ServerDB
from app.server.service import ServiceError
from app.sync import bundle as B
from app.sync.identity import Identity, PublicIdentity
from app.sync.merge import Change

PULL_BATCH = 2000
PENDING_PREFIX = "offline:"  # id of a device enrolled by file, until its first bundle binds it

MSG_REVOKED = "此同步文件来自已被县民政局停用的设备，不能导入。"
MSG_BAD_CONTENT = "同步文件内容不符合同步协议（{detail}），未导入任何数据。请让该设备升级童护后重新导出。"
MSG_NO_DEVICE = "没有这台设备：{device}。请用 `tonghu server devices` 查看设备编号。"
MSG_ID_TAKEN = "此登记文件对应的设备编号已被另一台设备使用，不能绑定。请为该设备重新制作登记文件。"


class BundleImport(ServerBase):
    """A device bundle the county imported (its id makes a repeat import a no-op)."""

    __tablename__ = "srv_bundle_import"
    bundle_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(64), index=True)
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    cursor: Mapped[int] = mapped_column(default=0)  # the device's cursor in that file
    summary: Mapped[str] = mapped_column(Text, default="")


@dataclass
class ImportResult:
    device_id: str
    accepted: int
    duplicates: int
    conflicts: int
    answer: Path | None
    sent: int
    replay: bool = False
    reset: bool = False  # the county's log lost what the file named (a restored county): nothing applied


@dataclass
class ExportResult:
    device_id: str
    answer: Path
    sent: int


@dataclass
class EnrolmentFile:
    path: Path
    code: str
    scope: str
    device_id: str


def _open_db(db) -> ServerDB:
    db = db if isinstance(db, ServerDB) else ServerDB(str(db))
    BundleImport.__table__.create(db.engine, checkfirst=True)
    return db


def _close(db, opened: ServerDB) -> None:
    if opened is not db:
        opened.close()


# -- who sent it ------------------------------------------------------------------------------
def _public_of(device: Device) -> PublicIdentity | None:
    try:
        return PublicIdentity.from_dict({"sign": device.sign_public, "box": device.box_public})
    except (ValueError, KeyError, TypeError):
        return None


def _devices_by_fingerprint(db: ServerDB) -> dict[str, Device]:
    found = {}
    with db.sessions() as s:
        for device in s.scalars(select(Device)):
            public = _public_of(device)
            if public is not None:
                found[public.fingerprint()] = device
    return found


def _label(db: ServerDB, device: Device) -> str:
    """The village (or township) name of the device's scope, for the answer's file name."""
    from app.data.models import Place

    with db.sessions() as s:
        name = s.scalar(select(Place.name).where(Place.code == device.scope).limit(1))
    return name or device.scope or device.id


# -- import -----------------------------------------------------------------------------------
def open_device_bundle(db: ServerDB, data: bytes) -> tuple[B.Bundle, Device]:
    """Check a device's file: ours, signed by an enrolled (not revoked) device, not a repeat."""
    county = service.county_identity(db)
    devices = _devices_by_fingerprint(db)

    def senders(fingerprint: str):
        device = devices.get(fingerprint)
        if device is None:
            return None
        if device.revoked:
            raise B.ForeignError(MSG_REVOKED)
        return _public_of(device)

    def seen(bundle_id: str):
        with db.sessions() as s:
            row = s.get(BundleImport, bundle_id)
            return row.imported_at.strftime("%Y-%m-%d %H:%M") if row is not None else None

    bundle = B.open_bundle(data, me=county, senders=senders, expect_kind=B.KIND_DEVICE, seen=seen)
    return bundle, devices[bundle.header.sender]


@dataclass
class Position:
    """Where a device's file says the device stands in the county's log (as a network push and
    pull say it, protocol §3): its pull cursor and anchor, its sync state, the last change the
    county logged from its pushes. Absent fields (files of older versions) check nothing."""

    cursor: int = 0
    anchor: str | None = None
    state: str | None = None
    pushed_seq: int = 0
    pushed_id: str = ""

    @property
    def anchors(self) -> tuple[tuple[int, str], ...]:
        return ((self.cursor, self.anchor or ""), (self.pushed_seq, self.pushed_id))


def _seq(value, name: str) -> int:
    number = int(value or 0)
    if not 0 <= number < 2 ** 63:  # would overflow the database's integers
        raise ValueError(name)
    return number


def _text(value, name: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or len(value) > 64:
        raise TypeError(name)
    return value


def _parse(payload: dict) -> tuple[str, Position, list[Change]]:
    try:
        device_id = str(payload["device"])
        position = Position(cursor=_seq(payload.get("cursor"), "cursor"), anchor=_text(payload.get("anchor"), "anchor"),
                            state=_text(payload.get("state"), "state"),
                            pushed_seq=_seq(payload.get("pushed_seq"), "pushed_seq"),
                            pushed_id=_text(payload.get("pushed_id"), "pushed_id") or "")
        raw = payload.get("changes") or []
        if not isinstance(raw, list):
            raise TypeError("changes")
        items = [P.WireChange.model_validate(c) for c in raw]
    except ValidationError as exc:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        raise B.BundleError(MSG_BAD_CONTENT.format(detail=f"{where}: {first.get('msg', '')}")) from None
    except (KeyError, TypeError, ValueError) as exc:
        raise B.BundleError(MSG_BAD_CONTENT.format(detail=str(exc))) from None
    batch = [Change(table=c.table, row_id=c.row_id, field=c.field, value=c.value, hlc=c.hlc,
                    base_hlc=c.base_hlc, origin=c.origin, actor=c.actor, versions=c.versions, id=c.id)
             for c in items]
    return device_id, position, batch


def _bind(db: ServerDB, device: Device, device_id: str) -> Device:
    """The first bundle of a device enrolled by file names its real device id: adopt it."""
    if device.id == device_id:
        return device
    if not device.id.startswith(PENDING_PREFIX):
        raise B.BundleError(MSG_BAD_CONTENT.format(detail="设备编号与签名不符"))
    with db.lock, db.sessions() as s, s.begin():
        if s.get(Device, device_id) is not None:
            raise B.BundleError(MSG_ID_TAKEN)
        row = s.get(Device, device.id)
        row.id = device_id
    with db.sessions() as s:
        return s.get(Device, device_id)


def import_bytes(db, data: bytes, out_dir=None, *, now: dt.datetime | None = None) -> ImportResult:
    """Apply a device's file as a network push (all or nothing), record its id, and write the
    answer to `out_dir` (if given). A repeat raises ReplayError and changes nothing.

    The file names the device's place in the county's log (`Position`), checked as a network push
    checks it: if the log lost an entry it names (the county database was restored from a copy),
    nothing is applied and the answer says `reset` and carries the scope's whole history; the
    device then sends every row it holds in its next file."""
    opened = _open_db(db)
    try:
        bundle, device = open_device_bundle(opened, data)
        device_id, position, batch = _parse(bundle.payload)
        device = _bind(opened, device, device_id)
        try:
            push = pushes.apply_push(opened, device.id, batch, state=position.state, anchors=position.anchors)
        except ServiceError as exc:
            raise B.BundleError(exc.message) from None
        audits.receive_from_bundle(opened, device.id, bundle.payload.get("audit"))  # issue 15
        summary = ("reset: the log lost the entry the file named, nothing applied" if push.reset else
                   f"{push.accepted} accepted, {push.duplicates} duplicates, {push.refused} refused")
        with opened.sessions() as s, s.begin():
            # the cursor its answer starts from (an on-demand answer starts there too): after a
            # reset the file's cursor belongs to the lost history, the answer starts from 0
            s.add(BundleImport(bundle_id=bundle.header.bundle_id, device_id=device.id,
                               cursor=0 if push.reset else position.cursor, summary=summary))
        answer, sent = (None, 0)
        if out_dir is not None:
            answer, sent = write_answer(opened, device.id, out_dir, cursor=position.cursor, anchor=position.anchor,
                                        results=push.results, resync=bool(bundle.payload.get("resync")),
                                        reset=push.reset, pushed=(push.last_seq, push.last_id), now=now)
        return ImportResult(device_id=device.id, accepted=push.accepted, duplicates=push.duplicates,
                            conflicts=push.conflicts, answer=answer, sent=sent, reset=push.reset)
    finally:
        _close(db, opened)


def import_file(db, path, out_dir, *, now: dt.datetime | None = None) -> ImportResult:
    """`tonghu server import-bundle`: on a repeat, nothing is applied again and a fresh answer is
    written (the director may have lost the first one); `replay` says so."""
    data = B.read_file(path)
    opened = _open_db(db)
    try:
        try:
            return import_bytes(opened, data, out_dir, now=now)
        except B.ReplayError:
            bundle, device = open_device_bundle_ignoring_replay(opened, data)
            ids = [str(c["id"]) for c in bundle.payload.get("changes") or [] if isinstance(c, dict) and "id" in c]
            held = _logged(opened, ids)
            try:
                position = _parse(bundle.payload)[1]
            except B.BundleError:
                position = Position()
            last = max(held.items(), key=lambda item: item[1], default=("", 0))
            answer, sent = write_answer(opened, device.id, out_dir, cursor=position.cursor, anchor=position.anchor,
                                        results=[{"id": i, "status": "duplicate"} for i in sorted(held)],
                                        pushed=(last[1], last[0]), now=now)
            return ImportResult(device_id=device.id, accepted=0, duplicates=len(held), conflicts=0,
                                answer=answer, sent=sent, replay=True)
    finally:
        _close(db, opened)


def open_device_bundle_ignoring_replay(db: ServerDB, data: bytes) -> tuple[B.Bundle, Device]:
    county = service.county_identity(db)
    devices = _devices_by_fingerprint(db)
    bundle = B.open_bundle(data, me=county, senders=lambda fp: _public_of(devices[fp]) if fp in devices else None,
                           expect_kind=B.KIND_DEVICE)
    device = devices[bundle.header.sender]
    with db.sessions() as s:
        current = s.get(Device, str(bundle.payload.get("device"))) or device
    return bundle, current


def _logged(db: ServerDB, change_ids: list[str]) -> dict[str, int]:
    """The change ids the county holds in its log (safe to acknowledge), with their sequence."""
    found: dict[str, int] = {}
    with db.sessions() as s:
        for i in range(0, len(change_ids), 500):
            rows = s.execute(select(LogEntry.change_id, LogEntry.seq).where(LogEntry.change_id.in_(change_ids[i:i + 500])))
            found.update({change_id: seq for change_id, seq in rows})
    return found


# -- answers ----------------------------------------------------------------------------------
def answer_bytes(db: ServerDB, device_id: str, *, cursor: int, anchor: str | None = None,
                 results: list[dict] | None = None, resync: bool = False, reset: bool = False,
                 pushed: tuple[int, str] = (0, "")) -> tuple[bytes, int]:
    """The county's answer for a device: the result of each change it sent plus every change in
    its scope after `cursor` (as pulls return them), sealed to the device and signed by the
    county. A cursor from another history (a restored county database), or `reset` (the push
    found one), answers `reset` with the scope's whole history; `from` names the position the
    county judged, so the device can tell a reset answer that a newer sync overtook. `pushed`:
    the last change of the file the log holds (the push answer's `last_seq`/`last_id`)."""
    county = service.county_identity(db)
    try:
        device = service.get_device(db, device_id)
    except ServiceError as exc:
        raise B.BundleError(exc.message) from None
    public = _public_of(device)
    if public is None:
        raise B.BundleError(f"设备 {device_id} 没有登记公钥（它是旧版本登记的），不能用U盘同步，请重新登记该设备。")
    origin = {"cursor": cursor, "anchor": anchor or ""}
    changes: list[dict] = []
    position, mark, state = (0, None, None) if reset else (cursor, anchor, None)
    while True:
        pulled = pulls.changes_for(db, device_id, position, PULL_BATCH, anchor=mark)
        if pulled.reset:  # the log lost the entry the file named: the whole history, own changes too
            changes, position, mark, reset = [], 0, None, True
            continue
        changes.extend({"seq": seq, **ch.to_dict()} for seq, ch in pulled.changes)
        position, mark, state = pulled.cursor, pulled.anchor, pulled.state
        if not pulled.more:
            break
    payload = {"device": device_id, "results": list(results or []), "cursor": position, "anchor": mark or "",
               "changes": changes, "server_ms": clock.wall_ms_now(), "reset": reset, "from": origin, "state": state,
               "last_seq": pushed[0], "last_id": pushed[1],
               "resync_done": resync and not reset, **audits.held(db, device_id)}
    return B.seal(payload, sender=county, recipient=public, kind=B.KIND_COUNTY), len(changes)


def write_answer(db: ServerDB, device_id: str, out_dir, *, cursor: int, anchor: str | None = None,
                 results: list[dict] | None = None, resync: bool = False, reset: bool = False,
                 pushed: tuple[int, str] = (0, ""), now: dt.datetime | None = None) -> tuple[Path, int]:
    data, sent = answer_bytes(db, device_id, cursor=cursor, anchor=anchor, results=results, resync=resync,
                              reset=reset, pushed=pushed)
    with db.sessions() as s:
        device = s.get(Device, device_id)
    label = _label(db, device)
    stem = B.file_name(label, now)[: -len(B.SUFFIX)]
    return B.write_file(out_dir, f"{stem}-回执{B.SUFFIX}", data), sent


def last_reported_cursor(db: ServerDB, device_id: str) -> int:
    """The cursor the device reported in its latest bundle (0 if none): an answer from there can
    only repeat changes the device has (harmless), never skip one."""
    with db.sessions() as s:
        row = s.scalars(select(BundleImport).where(BundleImport.device_id == device_id)
                        .order_by(BundleImport.imported_at.desc()).limit(1)).first()
        return row.cursor if row is not None else 0


def export_file(db, device_id: str, out_dir, *, since: int | None = None,
                now: dt.datetime | None = None) -> ExportResult:
    """`tonghu server export-bundle DEVICE`: an answer on demand (no acknowledgements)."""
    opened = _open_db(db)
    try:
        with opened.sessions() as s:
            if s.get(Device, device_id) is None:
                raise B.BundleError(MSG_NO_DEVICE.format(device=device_id))
        cursor = last_reported_cursor(opened, device_id) if since is None else since
        path, sent = write_answer(opened, device_id, out_dir, cursor=cursor, now=now)
        return ExportResult(device_id=device_id, answer=path, sent=sent)
    finally:
        _close(db, opened)


# -- offline enrolment ------------------------------------------------------------------------
def enrolment_file(db, out, *, village: str | None = None, township: str | None = None,
                   name: str = "", server: str = "") -> EnrolmentFile:
    """`tonghu server enrol --village CODE --out FILE`: register a device placeholder with new
    keys and the scope, and write the sealed enrolment file. Returns the one-time code to tell the
    director (by phone, on paper) — the file alone opens nothing."""
    scope = village or township or ""
    if not service.valid_scope(scope):
        raise B.BundleError(f"区划代码不正确：{scope or '（未填写）'}（村/社区12位，乡镇/街道9位）")
    opened = _open_db(db)
    try:
        county = service.county_identity(opened)
        identity = Identity.generate()
        placeholder = PENDING_PREFIX + secrets.token_hex(8)
        raw = "".join(secrets.choice(service.CODE_ALPHABET) for _ in range(10))
        code = f"{raw[:5]}-{raw[5:]}"
        public = identity.public().to_dict()
        with opened.sessions() as s, s.begin():
            s.add(Device(id=placeholder, name=name or f"离线登记 {scope}", scope=scope,
                         token_hash=service._hash(secrets.token_urlsafe(32)), sign_public=public["sign"],
                         box_public=public["box"], revoked=False, enrolled_at=utcnow(), cursor=0))
        from app.server import recovery

        secret = {"enrolment": placeholder, "scope": scope, "identity": identity.to_json(),
                  "county_public": county.public().to_dict(), "server": server,
                  "recovery_public": recovery.ensure_public_key(opened),
                  "created": utcnow().isoformat(timespec="seconds")}
        out = Path(out)
        if out.suffix == "":
            out = out.with_suffix(B.ENROL_SUFFIX)
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(B.seal_enrolment(secret, code))
        except OSError as exc:
            raise B.BundleError(f"无法写入登记文件（{exc.strerror or exc}）：{out}") from None
        return EnrolmentFile(path=out, code=code, scope=scope, device_id=placeholder)
    finally:
        _close(db, opened)
