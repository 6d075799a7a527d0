"""The desktop's network sync client (httpx): enrol once, then push the outbox and pull the county's
changes for this device's scope, in bounded batches, with retries and backoff.

Nothing leaves the outbox until the server acknowledged it, and each pulled batch is merged in the
same transaction that advances the pull cursor, so an interrupted sync (lid closed, cable pulled)
resumes where it stopped and never applies or loses a change twice. After pulling, personal data
of children that left this device's scope (moved to another village) is purged, once none of
their changes wait to be sent.
"""

from __future__ import annotations

import json
import logging
import time
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Callable, Iterator

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.data.base import child_linked, utcnow
from app.data.capture import HLC_SETTING
from app.data.settings import get_settings
from app.data.models.child import Child
from app.data.models.local import AuditEntry
from app.data.models.sync import Conflict, SyncRun
from app.sync import changes as outbox
from app.data import audit_chain, demo_guard
from app.sync import audit_push, inbound, purge_gate, recovery_setup
from app.sync.snapshot import everything_held
from app.sync.identity import Identity
from app.sync.merge import Change
from app.sync.transport import Http as _Http
from app.sync.transport import SyncError, enrol_proof, normalise_server

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]  # phase ("push" / "pull"), done, total

S_SERVER, S_TOKEN, S_CURSOR, S_LAST = "sync_server", "sync_token", "sync_cursor", "last_sync"
S_ANCHOR, S_STATE, S_RESYNC = "sync_anchor", "sync_state", "sync_resync"
S_PUSHED = "sync_pushed"  # "seq id" of the last change the county logged from this laptop's pushes
CLOCK_AHEAD, ROW_MISSING = outbox.CLOCK_AHEAD, outbox.ROW_MISSING  # refusals sent again by the laptop
S_IDENTITY, S_COUNTY = "device_identity", "county_public"

# Changes per push and per pull page: the protocol's most (fewer round trips, and fewer county
# transactions, each with its fixed cost). A push is also cut below PUSH_BYTES of change values
# (a value may hold up to 4 MiB), so a batch never nears the county's 16 MiB body limit.
BATCH = 2000
PUSH_BYTES = 6 * 1024 * 1024


@dataclass
class SyncReport:
    pushed: int = 0
    duplicates: int = 0
    pulled: int = 0
    applied: int = 0
    conflicts: int = 0
    purged: int = 0
    refused: int = 0          # changes the county did not accept (kept, with the reason)
    skipped: int = 0          # county changes this laptop could not apply
    resent: int = 0           # rows sent again because the county's database was restored
    restored: bool = False    # this store came back from a backup: its own changes were fetched again
    county_restored: bool = False
    clock_fixed: bool = False
    server_ms: int = 0
    server_seq: int = 0
    seconds: float = 0.0


@contextmanager
def remote_session(store) -> Iterator[Session]:
    """A transaction for applying remote changes: capture off, foreign keys checked lazily (rows of
    a child's file may arrive before the child itself)."""
    with store.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        raw.execute("PRAGMA foreign_keys = OFF")
        try:
            with Session(bind=conn, expire_on_commit=False) as s:
                s.info["applying_remote"] = True
                with s.begin():
                    yield s
        finally:
            raw.execute("PRAGMA foreign_keys = ON")


_set = inbound.put_setting


# -- enrolment ---------------------------------------------------------------
def enrol(store, server: str, code: str, *, name: str = "", transport=None) -> dict:
    """Register this device with the county using a one-time code; stores the token, scope, the
    device's new key pair and the county's public keys in the encrypted store."""
    if demo_guard.is_demo(store):
        raise SyncError(demo_guard.MESSAGE, "demo_store")
    held = store.setting(S_IDENTITY)  # enrolled before (by file): same keys, proven, county key pinned
    identity = Identity.from_json(held) if held else Identity.generate()
    http = _Http(server, None, transport=transport, retries=2, county_sign_public=store.setting(S_COUNTY))
    try:
        answer = http.post("/api/v1/enrol", {
            "code": code.strip(), "device_id": store.device_id, "name": name or store.user,
            "public_keys": identity.public().to_dict(),
        }, headers=enrol_proof(identity, code.strip(), store.device_id) if held else None,
            idempotent=False)  # a one-time code: repeated only if it cannot have reached the server
    finally:
        http.close()
    # enrolling again with proof (same device, same scope: the county kept its record and history)
    # keeps this laptop's place in the county's log; anything else starts from the beginning
    same = bool(held) and store.setting("scope") == answer["scope"]
    with store.session() as s:
        _set(s, S_SERVER, normalise_server(server))
        _set(s, S_TOKEN, answer["token"])
        _set(s, "scope", answer["scope"])
        if not same:
            _set(s, S_CURSOR, "0")
            _set(s, S_ANCHOR, "")
            _set(s, S_STATE, "")
        _set(s, S_IDENTITY, identity.to_json())
        _set(s, S_COUNTY, json.dumps(answer["county_public"]))
    from app.data import recovery

    recovery.set_up(store, answer.get("recovery_public"), answer["county_public"])  # county password recovery
    return answer


def is_enrolled(store) -> bool:
    return bool(store.setting(S_TOKEN) and store.setting(S_SERVER))


def status(store) -> dict:
    """What the status bar shows: last successful sync and how many local changes wait."""
    with store.read_session() as s:
        pending = outbox.pending_count(s)
        refused = len(outbox.refused(s))
        open_conflicts = s.scalar(select(Conflict.seq).where(Conflict.resolved.is_(False)).limit(1)) is not None
    return {"enrolled": is_enrolled(store), "last_sync": store.setting(S_LAST), "pending": pending, "refused": refused,
            "open_conflicts": open_conflicts, "server": store.setting(S_SERVER)}


# -- sync --------------------------------------------------------------------
class SyncClient:
    def __init__(self, store, *, server: str | None = None, token: str | None = None, transport=None,
                 batch: int = BATCH, retries: int = 5, backoff: float = 0.5, progress: Progress | None = None):
        self.store = store
        if demo_guard.is_demo(store):
            raise SyncError(demo_guard.MESSAGE, "demo_store")
        held = settings_of(store, S_SERVER, S_TOKEN, S_COUNTY)
        server = server or held[S_SERVER]
        token = token or held[S_TOKEN]
        if not server or not token:
            raise SyncError("本设备还没有登记到县级服务器。请先在“同步 → 登记本设备”中输入服务器地址和登记码。", "not_enrolled")
        self.batch = batch
        self.http = _Http(server, token, transport=transport, retries=retries, backoff=backoff,
                          county_sign_public=held[S_COUNTY])
        self.progress = progress or (lambda phase, done, total: None)

    def close(self) -> None:
        self.http.close()

    def sync(self) -> SyncReport:
        started = time.perf_counter()
        report = SyncReport()
        self.changed: set[str] = set()  # children whose files the pull touched (issue 17: app/sync/purge_gate.py)
        run_ok, message = False, ""
        try:
            self.push(report)
            audit_push.send(self.store, self.http)  # the audit chain travels too (issue 15)
            self.pull(report)
            if not report.clock_fixed and self._clock_ahead_waiting():
                # refused for a clock far ahead and nothing else to send, the push learnt no county
                # time to correct the clock by; the pull did: stamp them again and send them now
                self.push(report)
            recovery_setup.ensure(self.store, self.http)  # laptops enrolled before county recovery (issue 15)
            report.purged = purge_gate.after_sync(self.store, self.changed)
            run_ok = True
            self.store.set_setting(S_LAST, utcnow().isoformat(timespec="seconds"))
        except SyncError as exc:
            message = exc.message
            raise
        finally:
            report.seconds = time.perf_counter() - started
            try:
                with self.store.read_session() as s, s.begin():
                    s.add(SyncRun(finished_at=utcnow(), via="net", pushed=report.pushed, pulled=report.pulled,
                                  conflicts=report.conflicts, ok=run_ok, message=message))
            except Exception:  # the run log must never hide the sync's own outcome; say why it is missing
                log.warning("could not write the sync-run log entry", exc_info=True)
        return report

    def push(self, report: SyncReport) -> None:
        """Send the queued outbox, batch by batch (mandatory reports first). Accepted and already
        held changes leave the outbox; refused ones stay, with the reason, out of the queue. A
        laptop whose clock ran ahead of the county's restarts its clock from the county's and
        sends those changes again with new stamps."""
        with self.store.read_session() as s:
            missing = outbox.refused_ids(s, ROW_MISSING)
        if missing:  # edits of rows the county lacked last time: try again
            with remote_session(self.store) as s:
                outbox.requeue(s, missing)
        if self.store.setting(S_RESYNC):
            self._resend_everything(report)
        with self.store.read_session() as s:
            total = outbox.pending_count(s)
        done = 0
        self.progress("push", 0, total)
        restamped = False
        while True:
            with self.store.read_session() as s:
                batch = outbox.read_batch(s, self.batch)
            if not batch:
                if restamped or not self._fix_clock(report):
                    break
                restamped = True
                if self.store.setting(S_RESYNC):  # rows re-sent with versions a year ahead: again, before their edits
                    self._resend_everything(report)
                continue
            for part in by_size(batch):
                answer = self._send(part, report)
                done += len(part)
                self.progress("push", done, max(total, done))
                report.server_ms = answer.get("server_ms") or report.server_ms

    def _position(self) -> dict:
        with self.store.read_session() as s:
            return position(s)

    def _county_restored(self, report: SyncReport) -> None:
        """The county's log lost what this laptop's position names: start from the beginning and
        send it every row this laptop holds."""
        with remote_session(self.store) as s:
            _set(s, S_CURSOR, "0")
            _set(s, S_ANCHOR, "")
            _set(s, S_PUSHED, "")
            _set(s, S_RESYNC, "1")
        report.county_restored = True
        self._resend_everything(report)

    def _send(self, batch: list[Change], report: SyncReport) -> dict:
        position = self._position()
        answer = self.http.post("/api/v1/push", {"changes": [ch.to_dict() for ch in batch], **position})
        if answer.get("reset"):
            if report.county_restored:
                raise SyncError("县级服务器的数据与本机记录的位置对不上，请稍后再试或联系县民政局。", "reset_loop")
            self._county_restored(report)
            return self._send(batch, report)
        try:
            results = {str(r["id"]): r for r in answer["results"]}
        except (KeyError, TypeError):
            raise SyncError("县级服务器的答复格式不对，请联系县民政局。", "bad_answer") from None
        sent = {ch.id for ch in batch}
        acked = [i for i, r in results.items() if i in sent and r.get("status") in ("ok", "duplicate")]
        refused = [(i, str(r.get("code") or "refused"), str(r.get("message") or "县级服务器未接受这条修改"))
                   for i, r in results.items() if i in sent and r.get("status") == "refused"]
        by_id = {ch.id: ch for ch in batch}
        county_values = [(by_id[i].table, by_id[i].row_id, {**r["current"], "field": by_id[i].field})
                         for i, r in results.items()
                         if i in by_id and r.get("status") == "refused" and isinstance(r.get("current"), dict)]
        if not acked and not refused:
            raise SyncError("县级服务器没有确认收到修改，请稍后再试。", "no_ack", retryable=True)
        with remote_session(self.store) as s:
            outbox.acknowledge(s, acked)
            outbox.refuse(s, refused)
            outbox.take_county_values(s, county_values)
            if answer.get("state"):
                _set(s, S_STATE, str(answer["state"]))
            if answer.get("last_seq") and answer.get("last_id") and int(answer["last_seq"]) > position["pushed_seq"]:
                _set(s, S_PUSHED, f"{int(answer['last_seq'])} {answer['last_id']}")
        report.pushed += int(answer.get("accepted") or 0)
        report.duplicates += int(answer.get("duplicates") or 0)
        report.refused += len(refused)
        report.server_seq = max(report.server_seq, int(answer.get("server_seq") or 0))
        return answer

    def _fix_clock(self, report: SyncReport) -> bool:
        """After refusals for a clock far ahead: if this laptop's clock really ran ahead of the
        county's, restart it from the county's clock and requeue those changes with new stamps."""
        if not report.server_ms or not self._clock_ahead_waiting():
            return False
        if self.store.clock.ahead_of(report.server_ms):
            self.store.clock.reset(report.server_ms)
        with remote_session(self.store) as s:
            for code in outbox.RESTAMPED:
                report.refused -= outbox.restamp(s, self.store.clock, code)
            _set(s, HLC_SETTING, self.store.clock.last)
        report.clock_fixed = True
        return True

    def _clock_ahead_waiting(self) -> bool:
        with self.store.read_session() as s:
            return any(outbox.refused_ids(s, code) for code in outbox.RESTAMPED)

    def _resend_everything(self, report: SyncReport) -> None:
        """The county lost part of its log (restored from a backup): send it every row this laptop
        holds, each field with its own version, and every conflict record it lists, so it regains
        what it lacked."""
        with self.store.read_session() as s:
            snaps = everything_held(s, self.store.device_id)
        stamped_ahead = False  # a row carrying a version from a clock far ahead: sent again once it is fixed
        for i in range(0, len(snaps), self.batch):
            for part in by_size(snaps[i:i + self.batch]):
                answer = self._send(part, report)
                stamped_ahead = stamped_ahead or any(
                    r.get("code") == CLOCK_AHEAD for r in answer.get("results") or () if isinstance(r, dict))
        with remote_session(self.store) as s:
            _set(s, S_RESYNC, "1" if stamped_ahead else "")
        report.resent = len(snaps)

    def pull(self, report: SyncReport) -> None:
        position = self._position()  # kept here as the pages move it (each page stores it too)
        first, total, start, resets = True, 0, position["cursor"], 0
        while True:
            answer = self.http.post("/api/v1/pull", {**position, "limit": self.batch})
            if answer.get("reset"):
                resets += 1
                if resets > 1:
                    raise SyncError("县级服务器的数据与本机记录的位置对不上，请稍后再试或联系县民政局。", "reset_loop")
                self._county_restored(report)
                position = self._position()
                start, first = 0, True
                continue
            if first:
                total = max(int(answer.get("server_seq") or 0) - start, 0)
                self.progress("pull", 0, total)
                first = False
            try:
                changes = [Change.from_dict(c) for c in answer["changes"]]
                cursor, anchor = int(answer["cursor"]), str(answer.get("anchor") or "")
            except (KeyError, TypeError, ValueError) as exc:
                raise SyncError(f"县级服务器返回的数据格式不对（{exc}），请联系县民政局。", "bad_answer") from None
            with remote_session(self.store) as s:
                got = inbound.apply_from_county(s, self.store, changes, answer.get("server_ms"))
                self.changed.update(got.result.children)
                _set(s, S_CURSOR, str(cursor))
                _set(s, S_ANCHOR, anchor)
                if answer.get("state"):
                    _set(s, S_STATE, str(answer["state"]))
            position.update(cursor=cursor, anchor=anchor, state=str(answer.get("state") or position["state"]))
            report.pulled += len(changes)
            report.applied += got.result.applied
            report.conflicts += got.conflicts
            report.skipped += len(got.skipped)
            report.restored = report.restored or bool(answer.get("restored"))
            report.server_ms = int(answer.get("server_ms") or report.server_ms)
            report.server_seq = max(report.server_seq, int(answer.get("server_seq") or 0))
            self.progress("pull", min(cursor - start, total) if total else 0, total)
            if not answer.get("more"):
                break


def position(session: Session) -> dict:
    """Where this laptop stands in the county's log, as a network push and pull and a USB file say
    it (protocol §3): its pull cursor and anchor, its sync state, and the last change the county
    logged from its pushes; a county whose log lost either entry (restored from a copy) answers
    `reset`. Read in one query (an empty sync reads it twice)."""
    held = get_settings(session, S_PUSHED, S_CURSOR, S_ANCHOR, S_STATE)
    pushed_seq, _, pushed_id = (held[S_PUSHED] or "0 ").partition(" ")
    return {"cursor": int(held[S_CURSOR] or 0), "anchor": held[S_ANCHOR] or "",
            "pushed_seq": int(pushed_seq or 0), "pushed_id": pushed_id, "state": held[S_STATE] or ""}


def settings_of(store, *keys: str) -> dict[str, str | None]:
    """Several settings in one query (each `store.setting` is a session of its own)."""
    with store.read_session() as s:
        return get_settings(s, *keys)


def by_size(batch: list[Change], limit: int = PUSH_BYTES) -> Iterator[list[Change]]:
    """`batch` in consecutive parts whose values (and snapshot versions) stay under `limit` bytes,
    about; a single change larger than that goes alone (a value is at most 4 MiB)."""
    part: list[Change] = []
    size = 0
    for ch in batch:
        weight = 300 + len(ch.value or "") + 80 * len(ch.versions or ())
        if part and size + weight > limit:
            yield part
            part, size = [], 0
        part.append(ch)
        size += weight
    if part:
        yield part


def sync(store, **kwargs) -> SyncReport:
    client = SyncClient(store, **kwargs)
    try:
        return client.sync()
    finally:
        client.close()


def purge_out_of_scope(store) -> int:
    """Remove the files of children no longer in this device's scope (moved to another village),
    unless some of their changes still wait to be sent. Returns how many children were purged."""
    scope = store.scope
    linked = child_linked()
    purged = 0
    with remote_session(store) as s:
        gone = list(s.scalars(select(Child.id).where(~Child.village_code.startswith(scope))))
        for _, child_id in linked:  # rows of a file whose child already left (arrived after the move)
            gone.extend(s.scalars(select(child_id).where(~child_id.in_(select(Child.id))).distinct()))
        gone = list(dict.fromkeys(c for c in gone if c))
        if not gone:
            return 0
        pending = outbox.pending_rows(s)
        pending_children = {r for t, r in pending if t == "child"}
        for cls, child_id in linked:
            ids = {r for t, r in pending if t == cls.__tablename__}
            if ids:
                pending_children.update(s.scalars(select(child_id).where(cls.id.in_(list(ids)))))
        for cid in gone:
            if cid in pending_children:
                continue
            forget_child(s, cid)
            purged += 1
    return purged


def forget_child(s: Session, cid: str) -> None:
    """Delete a child's whole file from this store (it belongs to another village now)."""
    for cls, child_id in child_linked():
        s.execute(delete(cls).where(child_id == cid))
    s.execute(delete(AuditEntry).where(AuditEntry.child_id == cid, audit_chain.purgeable()))  # the county holds these
    s.execute(delete(Conflict).where(Conflict.child_id == cid))
    s.execute(delete(Child).where(Child.id == cid))
