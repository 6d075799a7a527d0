"""The county's copy of every device's audit log, and the breaks it finds in their hash chains.

A device sends its audit entries in chain order (`POST /api/v1/audit`, after its push). Each is
checked against what the county already holds for that device and chain (app/core/auditchain.py):
a number skipped (`gap`: entries deleted on the laptop before they were sent), an entry sent again
with different content or a link to a hash other than the one held (`rewrite`), an entry whose
hash does not match its own fields (`bad_hash`), or a new chain (`new_chain`: the store was
restored from a backup; the officer sees it, it is not an alarm). Each finding is a row of
`srv_audit_gap` that the county console and `tonghu server audit-gaps` list. Entries are kept
whatever happens to the child's file later (a transfer moves the file, never its history).
Log lines name devices and counts only, never an entry's content.
"""

from __future__ import annotations

import logging

from sqlalchemy import func, insert, select

from app.core.auditchain import FIELDS, hash_of
from app.server.db import AuditGap, AuditRecord, Device, ServerDB
from app.server.service import ServiceError, _usable

log = logging.getLogger("tonghu.server")

MAX_ENTRIES = 1000
_TEXT_LIMITS = {"at": 32, "actor": 64, "device": 64, "action": 16, "table_name": 64, "row_id": 64, "child_id": 36,
                "field": 64, "prev_hash": 64, "hash": 64}
KIND_LABELS = {"gap": "缺少记录（本机删除了尚未上报的操作记录）", "rewrite": "记录被改写（与县里已收到的不一致）",
               "bad_hash": "记录内容与校验值不符", "new_chain": "从备份恢复后开始了新的记录链（提示）"}


def _malformed(detail: str) -> ServiceError:
    return ServiceError(400, "malformed", f"操作记录格式错误（{detail}），未作任何更改。请升级童护。")


def _clean(entry) -> dict:
    if not isinstance(entry, dict):
        raise _malformed("记录不是对象")
    out = {}
    for f in (*FIELDS, "hash"):
        value = entry.get(f)
        if f == "chain_n":
            if not isinstance(value, int) or isinstance(value, bool) or not 0 < value < 2 ** 62:
                raise _malformed("chain_n")
        elif value is not None and not isinstance(value, str):
            raise _malformed(f)
        elif f in _TEXT_LIMITS and value is not None and len(value) > _TEXT_LIMITS[f]:
            raise _malformed(f)
        out[f] = value
    if not out["hash"]:
        raise _malformed("hash")
    return out


def receive(db: ServerDB, device_id: str, chain_id: str, entries: list) -> dict:
    """Keep a device's audit entries and flag breaks; `{"acked_n", "flagged"}`. Reads what it
    holds of the batch's span in two queries and writes the new entries in one."""
    if not isinstance(chain_id, str) or not 0 < len(chain_id) <= 32 or not isinstance(entries, list):
        raise _malformed("chain_id")
    if len(entries) > MAX_ENTRIES:
        raise ServiceError(413, "too_large", f"一次最多上传 {MAX_ENTRIES} 条操作记录。")
    clean = sorted((_clean(e) for e in entries), key=lambda e: e["chain_n"])
    if not clean:
        return {"acked_n": 0, "flagged": 0}
    with db.lock, db.sessions() as s, s.begin():
        db.lock_log(s)
        _usable(s.get(Device, device_id))
        mine = (AuditRecord.device_id == device_id, AuditRecord.chain_id == chain_id)
        lo, hi = clean[0]["chain_n"], clean[-1]["chain_n"]
        held = dict(s.execute(select(AuditRecord.chain_n, AuditRecord.hash)
                              .where(*mine, AuditRecord.chain_n.between(lo, hi))).all())
        before = s.execute(select(AuditRecord.chain_n, AuditRecord.hash).where(*mine, AuditRecord.chain_n < lo)
                           .order_by(AuditRecord.chain_n.desc()).limit(1)).first()
        prev = (before[0], before[1]) if before else None
        new_rows, gaps = _check(s, device_id, chain_id, clean, held, prev)
        if new_rows:
            s.execute(insert(AuditRecord.__table__), new_rows)  # Core executemany: no ORM bulk step per row
        if gaps:
            s.execute(insert(AuditGap.__table__), [{"device_id": device_id, "chain_id": chain_id, "kind": k, "from_n": a,
                                          "to_n": b} for k, a, b in gaps])
    if gaps:
        log.warning("audit chain of device %s: %d break(s) flagged", device_id, len(gaps))
    return {"acked_n": hi, "flagged": len(gaps)}


def _check(s, device_id: str, chain_id: str, clean: list[dict], held: dict[int, str], prev):
    """The rows to add and the breaks found in one batch, given the held hashes of its span and
    the last held entry before it."""
    new_rows, gaps = [], []
    for e in clean:
        n = e["chain_n"]
        if n in held:
            if held[n] != e["hash"]:
                gaps.append(("rewrite", n, n))
            prev = (n, held[n])
            continue
        if hash_of(e) != e["hash"]:
            gaps.append(("bad_hash", n, n))
        if prev is None:
            gaps.extend(_first_of_chain(s, device_id, chain_id, e))
        elif prev[0] != n - 1:
            gaps.append(("gap", prev[0] + 1, n - 1))
        elif (e["prev_hash"] or "") != prev[1]:
            gaps.append(("rewrite", n - 1, n - 1))
        new_rows.append({"device_id": device_id, "chain_id": chain_id, **{f: e[f] for f in (*FIELDS, "hash")}})
        held[n] = e["hash"]
        prev = (n, e["hash"])
    return new_rows, gaps


def _first_of_chain(s, device_id: str, chain_id: str, e: dict) -> list[tuple[str, int, int]]:
    """The first entry the county sees of a chain: from 1 on a device's first chain; a later
    chain is a restored store, linked (or not) to an entry the county holds."""
    n = e["chain_n"]
    others = s.scalar(select(func.count()).select_from(AuditRecord).where(AuditRecord.device_id == device_id,
                                                                          AuditRecord.chain_id != chain_id))
    if not others:
        return [("gap", 1, n - 1)] if n != 1 else []
    found = [("new_chain", n, n)]
    if n > 1 and e["prev_hash"]:
        linked = s.scalar(select(AuditRecord.chain_n).where(AuditRecord.device_id == device_id,
                                                            AuditRecord.hash == e["prev_hash"]).limit(1))
        if linked is None:
            found.append(("gap", 1, n - 1))
    return found


def list_gaps(db: ServerDB, only_open: bool = True) -> list[dict]:
    """The breaks found, newest first, with the device's name and scope."""
    with db.sessions() as s:
        stmt = select(AuditGap, Device).join(Device, Device.id == AuditGap.device_id, isouter=True)
        if only_open:
            stmt = stmt.where(AuditGap.acknowledged.is_(False))
        rows = s.execute(stmt.order_by(AuditGap.id.desc())).all()
        return [{"id": g.id, "device_id": g.device_id, "device_name": d.name if d else "", "scope": d.scope if d else "",
                 "chain_id": g.chain_id, "kind": g.kind, "label": KIND_LABELS.get(g.kind, g.kind),
                 "from_n": g.from_n, "to_n": g.to_n,
                 "detected_at": g.detected_at.isoformat(timespec="seconds") if g.detected_at else None,
                 "acknowledged": g.acknowledged} for g, d in rows]


def acknowledge_gap(db: ServerDB, gap_id: int) -> None:
    with db.sessions() as s, s.begin():
        gap = s.get(AuditGap, gap_id)
        if gap is None:
            raise ServiceError(404, "not_found", f"没有编号为 {gap_id} 的记录")
        gap.acknowledged = True


def history_of_child(db: ServerDB, child_id: str) -> list[dict]:
    """Every audit entry the county holds about one child, oldest first (any device)."""
    with db.sessions() as s:
        rows = s.scalars(select(AuditRecord).where(AuditRecord.child_id == child_id)
                         .order_by(AuditRecord.at, AuditRecord.chain_n))
        return [{f: getattr(r, f) for f in (*FIELDS, "hash")} | {"device_id": r.device_id} for r in rows]


def receive_from_bundle(db: ServerDB, device_id: str, block) -> None:
    """The audit entries a device's USB file carries (`{"chain_id", "entries"}`), if any."""
    if not isinstance(block, dict) or not block.get("entries"):
        return
    try:
        receive(db, device_id, block.get("chain_id"), block.get("entries"))
    except ServiceError as exc:
        from app.sync import bundle as B

        raise B.BundleError(exc.message) from None


def held(db: ServerDB, device_id: str) -> dict:
    """What the county holds of a device's newest chain, for its USB answer:
    `{"audit_chain_id", "audit_acked_n"}` (empty when it holds nothing)."""
    with db.sessions() as s:
        newest = s.execute(select(AuditRecord.chain_id, AuditRecord.received_at)
                           .where(AuditRecord.device_id == device_id)
                           .order_by(AuditRecord.received_at.desc()).limit(1)).first()
        if newest is None:
            return {}
        upto = s.scalar(select(func.max(AuditRecord.chain_n)).where(AuditRecord.device_id == device_id,
                                                                    AuditRecord.chain_id == newest.chain_id))
    return {"audit_chain_id": newest.chain_id, "audit_acked_n": int(upto or 0)}
