"""What the 设备 page shows about enrolled laptops: one query for the list, place names by code.

"待下发" (pending) is what the county holds for a device and the device has not pulled yet: log
entries in its scope after its cursor, not made by the device itself. What a laptop holds and has
not pushed yet the county cannot know until it syncs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, or_, select

from app.core import clock
from app.server.db import Device, LogEntry, ServerBase, ServerDB

STALE_DAYS = 14


@dataclass(frozen=True)
class DeviceRow:
    id: str
    name: str
    scope: str
    place: str
    enrolled_at: dt.datetime | None
    last_sync: dt.datetime | None
    client_version: str
    pending: int
    revoked: bool
    offline_pending: bool  # enrolled by file, its first bundle not yet imported

    @property
    def stale(self) -> bool:
        return self.last_sync is None or clock.utcnow() - self.last_sync > dt.timedelta(days=STALE_DAYS)


def place_names(db: ServerDB, codes: set[str]) -> dict[str, str]:
    """Names the county has for these division codes (from the synced place table)."""
    if not codes:
        return {}
    place = ServerBase.metadata.tables["place"]
    with db.sessions() as s:
        rows = s.execute(select(place.c.code, place.c.name).where(place.c.code.in_(sorted(codes)),
                                                                   place.c.deleted.is_(False))).all()
    return {code: name for code, name in rows}


def _pending(s, device: Device) -> int:
    scope = device.scope
    return s.scalar(select(func.count()).select_from(LogEntry).where(
        LogEntry.seq > (device.cursor or 0),
        or_(LogEntry.scope_code.startswith(scope), LogEntry.scope_code2.startswith(scope)),
        or_(LogEntry.device_id.is_(None), LogEntry.device_id != device.id))) or 0


def list_devices(db: ServerDB, scope: str = "") -> list[DeviceRow]:
    with db.sessions() as s:
        q = select(Device).order_by(Device.revoked, Device.scope, Device.enrolled_at)
        if scope:
            q = q.where(Device.scope.startswith(scope))
        devices = s.scalars(q).all()
        pending = {d.id: (0 if d.revoked else _pending(s, d)) for d in devices}
    names = place_names(db, {d.scope for d in devices})
    return [DeviceRow(id=d.id, name=d.name or "", scope=d.scope, place=names.get(d.scope, ""), enrolled_at=d.enrolled_at,
                      last_sync=d.last_sync, client_version=d.client_version or "", pending=pending[d.id],
                      revoked=bool(d.revoked), offline_pending=d.id.startswith("offline:")) for d in devices]
