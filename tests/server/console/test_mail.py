"""E-mail notice of a new mandatory report through a real local SMTP server (aiosmtpd): sent by
the server's own notifier once a laptop's report arrives; the subject and body name the village
and urgency, never the child's name or ID number; reports from before mail was set up are not sent."""

from __future__ import annotations

import datetime as dt
import email
import socket
import time

from aiosmtpd.controller import Controller
from sqlalchemy import select

from app.data import protection
from app.data.models import Child
from app.server.console.notify import MailConfig, send_pending
from app.sync import client
from tests.sync.live import LiveServer, server_db
from tests.sync.stores import V1, add_child, make_store


class Sink:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(envelope.content))
        return "250 OK"


def _report(store, name: str) -> str:
    cid = add_child(store, name, birth_date=dt.date(2015, 6, 1), id_number="")
    with store.session() as s:
        return protection.add_report(s, cid, found_at=dt.datetime(2026, 11, 30, 8, 0), description="身上有伤",
                                     urgency="紧急", situation="疑似受到侵害").id


def test_new_report_is_mailed_without_the_childs_name(tmp_path, monkeypatch):
    sink = Sink()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    smtp = Controller(sink, hostname="127.0.0.1", port=port)
    smtp.start()
    try:
        monkeypatch.setenv("TONGHU_SMTP_HOST", "127.0.0.1")
        monkeypatch.setenv("TONGHU_SMTP_PORT", str(port))
        monkeypatch.setenv("TONGHU_SMTP_TO", "minzheng@county.example, duban@county.example")
        monkeypatch.setenv("TONGHU_SMTP_INTERVAL", "0.2")
        monkeypatch.setenv("TONGHU_CONSOLE_URL", "https://county.example:8765")
        with server_db("sqlite", tmp_path) as db:
            laptop = make_store(tmp_path, "village", V1)
            with LiveServer(db) as live:
                client.enrol(laptop, live.url, live.code(V1))
                _report(laptop, "早先的报告")
                client.sync(laptop)  # before the notifier's first round? it starts from what it finds
                time.sleep(1.0)
                before = len(sink.messages)
                report_id = _report(laptop, "林小雪")
                client.sync(laptop)
                deadline = time.time() + 15
                while len(sink.messages) <= before and time.time() < deadline:
                    time.sleep(0.2)
            with db.sessions() as s:
                id_numbers = [n for n in s.scalars(select(Child.id_number)) if n]
            laptop.close()
    finally:
        smtp.stop()
    mails = sink.messages[before:]
    assert len(mails) == 1
    mail = mails[0]
    subject = str(email.header.make_header(email.header.decode_header(mail["Subject"])))
    body = mail.get_payload(decode=True).decode(mail.get_content_charset() or "utf-8")
    assert "强制报告" in subject and "紧急" in subject
    assert "林小雪" not in subject and "林小雪" not in body
    assert not any(n in body or n in subject for n in id_numbers)
    assert f"https://county.example:8765/reports/{report_id}" in body
    assert mail["To"] == "minzheng@county.example, duban@county.example"


def test_first_round_mails_nothing_and_no_host_means_no_mail(tmp_path):
    assert MailConfig.from_env({}) is None
    assert MailConfig.from_env({"TONGHU_SMTP_HOST": "mail"}) is None  # nobody to send to
    with server_db("sqlite", tmp_path) as db:
        cfg = MailConfig(host="127.0.0.1", port=1, to=["a@b.example"])
        assert send_pending(db, cfg) == 0  # only notes where it starts; port 1 is never dialled
        assert send_pending(db, cfg) == 0
