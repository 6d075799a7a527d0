"""E-mail notice of each new mandatory report, through the county's SMTP server (optional).

Configured by environment variables where `tonghu serve` runs (nothing is sent without a host):
TONGHU_SMTP_HOST, TONGHU_SMTP_PORT (25), TONGHU_SMTP_FROM, TONGHU_SMTP_TO (comma-separated),
TONGHU_SMTP_USER / TONGHU_SMTP_PASSWORD (optional login), TONGHU_SMTP_STARTTLS=1 (upgrade the
connection), TONGHU_CONSOLE_URL (the console's address, for the link in the mail).

A notice names the village, the urgency and the situation, never the child: the subject and the
body carry no name or ID number (mail crosses servers the county does not control); the officer
opens the report in the console. Reports already on the server when mail is first set up are not
mailed. A failed send is retried on the next round; nothing is marked sent until the server
accepted it.
"""

from __future__ import annotations

import logging
import os
import smtplib
from dataclasses import dataclass, field
from email.message import EmailMessage

from sqlalchemy import func, select

from app.data.models import Child
from app.data.models.protection import MandatoryReport
from app.server.console import units
from app.server.db import PriorityAlert, ServerDB, ServerSetting

log = logging.getLogger("tonghu.console.mail")
MARK = "mail_alert_id"


@dataclass(frozen=True)
class MailConfig:
    host: str
    port: int = 25
    sender: str = "tonghu@localhost"
    to: list[str] = field(default_factory=list)
    user: str = ""
    password: str = ""
    starttls: bool = False
    console_url: str = ""

    @classmethod
    def from_env(cls, env=None) -> "MailConfig | None":
        env = os.environ if env is None else env
        host = (env.get("TONGHU_SMTP_HOST") or "").strip()
        to = [a.strip() for a in (env.get("TONGHU_SMTP_TO") or "").split(",") if a.strip()]
        if not host or not to:
            return None
        return cls(host=host, port=int(env.get("TONGHU_SMTP_PORT") or 25),
                   sender=(env.get("TONGHU_SMTP_FROM") or "tonghu@localhost").strip(), to=to,
                   user=env.get("TONGHU_SMTP_USER") or "", password=env.get("TONGHU_SMTP_PASSWORD") or "",
                   starttls=(env.get("TONGHU_SMTP_STARTTLS") or "") in ("1", "true", "yes"),
                   console_url=(env.get("TONGHU_CONSOLE_URL") or "").rstrip("/"))


def message(cfg: MailConfig, village: str, report: MandatoryReport | None, report_id: str) -> EmailMessage:
    """The notice: village, urgency and situation; never the child's name or ID number."""
    urgency = report.urgency if report is not None else ""
    msg = EmailMessage()
    msg["Subject"] = f"【童护】新的强制报告：{village}（{urgency or '待查看'}）"
    msg["From"] = cfg.sender
    msg["To"] = ", ".join(cfg.to)
    lines = [f"{village}登记了一份强制报告，已同步到县级管理平台。", ""]
    if report is not None:
        lines += [f"情形：{report.situation}", f"紧急程度：{report.urgency}",
                  f"发现时间：{report.found_at:%Y-%m-%d %H:%M}", f"登记时间：{report.recorded_at:%Y-%m-%d %H:%M}"]
    link = f"{cfg.console_url}/reports/{report_id}" if cfg.console_url else f"强制报告页（编号 {report_id}）"
    lines += ["", f"请登录县级管理平台查看并签收：{link}", "",
              "为保护儿童隐私，本邮件不含儿童姓名和身份证号。请勿转发。"]
    msg.set_content("\n".join(lines))
    return msg


def send_pending(db: ServerDB, cfg: MailConfig) -> int:
    """Mail every mandatory report the county received since the last round; returns how many."""
    with db.sessions() as s, s.begin():
        mark = s.get(ServerSetting, MARK)
        if mark is None:  # first round: start from now, never mail the past
            top = s.scalar(select(func.max(PriorityAlert.id))) or 0
            s.add(ServerSetting(key=MARK, value=str(top)))
            return 0
        done = int(mark.value or 0)
        alerts = s.execute(select(PriorityAlert.id, PriorityAlert.row_id).where(
            PriorityAlert.id > done, PriorityAlert.table_name == MandatoryReport.__tablename__)
            .order_by(PriorityAlert.id)).all()
        newest = s.scalar(select(func.max(PriorityAlert.id))) or done
        notes = []
        for _, report_id in alerts:
            report = s.get(MandatoryReport, report_id)
            village = s.scalar(select(Child.village_code).where(Child.id == report.child_id)) if report else None
            name = units.name_of(units.names(s, village), village) if village else "（村居待同步）"
            notes.append(message(cfg, name, report, report_id))
    sent = 0
    if notes:
        with smtplib.SMTP(cfg.host, cfg.port, timeout=30) as smtp:
            if cfg.starttls:
                smtp.starttls()
            if cfg.user:
                smtp.login(cfg.user, cfg.password)
            for note in notes:
                smtp.send_message(note)
                sent += 1
    with db.sessions() as s, s.begin():
        mark = s.get(ServerSetting, MARK)
        mark.value = str(newest)
    return sent
