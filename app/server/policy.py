"""The county's visit policy on the server: `set_policy` validates a policy file, gives it the next
version and writes it as a county change tagged with the county's code, so it reaches every laptop
of the county with its next network sync or USB answer; `current` shows the version in force.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import func, select

from app.core import hlc
from app.data.models import Place
from app.data.models.policy import CountyPolicyVersion
from app.domain import county_policy as rules
from app.domain.policy import default_policy
from app.server.county_writes import county_changes
from app.server.db import Device, ServerDB
from app.server.roster.places import stored as stored_places

_NS = uuid.UUID("9d4b8f0a-6c2e-4f7b-8a1d-3e5c7b9f2a40")


def county_code(db: ServerDB, given: str = "") -> str:
    """The county's 6-digit code: given, else the one all known places and devices share."""
    given = (given or "").strip()
    if given:
        if not (given.isdigit() and len(given) == 6):
            raise rules.CountyPolicyError("县级区划代码应为6位数字（--county）")
        return given
    with db.sessions() as s:
        codes = {c[:6] for c in stored_places(s)}
        codes.update(c[:6] for c in s.scalars(select(Place.code).where(Place.deleted.is_(False))) if c)
        codes.update(c[:6] for c in s.scalars(select(Device.scope).where(Device.revoked.is_(False))) if c)
    codes = {c for c in codes if len(c) == 6 and c.isdigit()}
    if len(codes) != 1:
        raise rules.CountyPolicyError("无法确定本县的区划代码，请用 --county 指定（6位数字）" if not codes else
                                      f"区划表和设备涉及多个县（{'、'.join(sorted(codes))}），请用 --county 指定")
    return codes.pop()


def _latest(s, county: str):
    return s.scalar(select(CountyPolicyVersion).where(CountyPolicyVersion.village_code == county,
                                                      CountyPolicyVersion.deleted.is_(False))
                    .order_by(CountyPolicyVersion.version.desc()).limit(1))


def set_policy(db: ServerDB, text: str, *, county: str = "", actor: str = "", source: str = "") -> dict:
    """Validate and issue a new version; raises CountyPolicyError (nothing written)."""
    code = county_code(db, county)
    base = default_policy()
    with db.sessions() as s:
        latest = _latest(s, code)
        held = latest.version if latest is not None else 0
    parsed = rules.parse(text, base, version=held + 1)
    if parsed.version <= held:
        raise rules.CountyPolicyError(f"版本号 {parsed.version} 不比现行的第 {held} 版新；请删去 version 一行由系统编号，"
                                      f"或写 {held + 1} 以上")
    body = rules.with_version(text, parsed.version)
    with county_changes(db, actor) as w:
        w.create("county_policy", str(uuid.uuid5(_NS, f"{code}/{parsed.version}")), {
            "village_code": code, "version": parsed.version, "body": body, "issued_by": (actor or "")[:64]},
            child_id=None, scope=code)
    return {"version": parsed.version, "county": code, "summary": parsed.summary(base), "source": source}


def current(db: ServerDB) -> dict | None:
    with db.sessions() as s:
        row = s.scalar(select(CountyPolicyVersion).where(CountyPolicyVersion.deleted.is_(False))
                       .order_by(CountyPolicyVersion.version.desc()).limit(1))
        if row is None:
            return None
        count = s.scalar(select(func.count()).select_from(CountyPolicyVersion)) or 0
        issued = hlc.decode(row.hlc)[0] if row.hlc else 0
    parsed = rules.parse(row.body, default_policy(), version=row.version)
    when = dt.datetime.fromtimestamp(issued / 1000, dt.timezone(dt.timedelta(hours=8))).strftime("%Y-%m-%d %H:%M")
    return {"version": row.version, "county": row.village_code, "text": row.body, "issued_by": row.issued_by,
            "issued_at": when, "summary": parsed.summary(default_policy()), "versions": count}
