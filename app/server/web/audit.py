"""The console's audit log: who saw or did what, and when (srv_audit).

`record(db_or_session, user, action, target, detail)` is called by every page that shows a child's
file, writes an export, or changes an account, a device or a report. With a ServerDB it commits at
once; with an open Session it joins that transaction (the entry commits with the change it records).
County admins read and filter the log at /audit.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core import clock
from app.server.db import ServerDB
from app.server.web.tables import AuditEntry

# Action names with the words the log page shows for them (pages may use others: shown as they are).
ACTIONS = {
    "login": "登录", "login_failed": "登录失败", "logout": "退出", "totp_on": "启用两步验证",
    "totp_off": "关闭两步验证", "password_change": "修改密码", "account_add": "新建账户",
    "account_edit": "修改账户", "account_reset": "重置密码", "policy": "安全设置",
    "device_code": "生成登记码", "device_file": "制作离线登记文件", "device_revoke": "停用设备",
    "device_recovery": "开具密码恢复文件",
    "child_view": "查看儿童档案", "village_view": "查看村居", "export": "导出",
    "report_view": "查看强制报告", "report_ack": "签收强制报告", "report_assign": "指派强制报告",
    "report_followup": "添加处置记录", "audit_gap_ack": "核实操作记录异常",
}


def record(db_session_or_db: ServerDB | Session, user, action: str, target: str, detail: str = "") -> None:
    """Write one entry. `user` is a ConsoleUser (or anything with .id and .name; None for the system)."""
    entry = AuditEntry(at=clock.utcnow(), user_id=getattr(user, "id", None), user_name=getattr(user, "name", "") or "",
                       action=action[:64], target=(target or "")[:255], detail=detail or "")
    if isinstance(db_session_or_db, Session):
        db_session_or_db.add(entry)
        return
    with db_session_or_db.sessions() as s, s.begin():
        s.add(entry)


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: dt.datetime
    user_name: str
    action: str
    action_label: str
    target: str
    detail: str


def _utc_midnight(day: dt.date) -> dt.datetime:
    """The start of a day on the server's clock (the officer's day), as the naive UTC the log keeps."""
    return dt.datetime.combine(day, dt.time()).astimezone().astimezone(dt.timezone.utc).replace(tzinfo=None)


def search(db: ServerDB, *, user: str = "", action: str = "", since: dt.date | None = None,
           until: dt.date | None = None, limit: int = 200, offset: int = 0) -> tuple[list[AuditRow], int]:
    """Entries newest first, filtered by user name, action and an inclusive range of days (the
    server's local days, as the page shows times); with the total count of matches."""
    q = select(AuditEntry)
    if user:
        q = q.where(AuditEntry.user_name == user)
    if action:
        q = q.where(AuditEntry.action == action)
    if since is not None:
        q = q.where(AuditEntry.at >= _utc_midnight(since))
    if until is not None:
        q = q.where(AuditEntry.at < _utc_midnight(until + dt.timedelta(days=1)))
    with db.sessions() as s:
        total = s.scalar(select(func.count()).select_from(q.subquery())) or 0
        rows = s.scalars(q.order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(limit).offset(offset)).all()
        return [AuditRow(id=r.id, at=r.at, user_name=r.user_name, action=r.action,
                         action_label=ACTIONS.get(r.action, r.action), target=r.target, detail=r.detail)
                for r in rows], total


def user_names(db: ServerDB) -> list[str]:
    with db.sessions() as s:
        return [n for n in s.scalars(select(AuditEntry.user_name).distinct().order_by(AuditEntry.user_name)) if n]
