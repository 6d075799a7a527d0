"""Starts the e-mail notifier of new mandatory reports with the server, when SMTP is configured
(`app.server.console.notify`): a background thread that mails new reports every minute
(TONGHU_SMTP_INTERVAL seconds) and stops with the server."""

from __future__ import annotations

import logging
import os
import smtplib
import threading
from contextlib import asynccontextmanager

from fastapi import APIRouter, FastAPI
from sqlalchemy.exc import SQLAlchemyError

from app.server.console.notify import MailConfig, send_pending

log = logging.getLogger("tonghu.console.mail")


def _loop(db, cfg: MailConfig, stop: threading.Event, interval: float) -> None:
    while not stop.is_set():
        try:
            sent = send_pending(db, cfg)
            if sent:
                log.info("mailed %d new mandatory report notice(s)", sent)
        except (OSError, smtplib.SMTPException, SQLAlchemyError) as exc:
            log.warning("mandatory report notice not sent (retried next round): %s", type(exc).__name__)
        stop.wait(interval)


@asynccontextmanager
async def lifespan(app: FastAPI):
    cfg = MailConfig.from_env()
    stop = threading.Event()
    thread = None
    if cfg is not None:
        interval = float(os.environ.get("TONGHU_SMTP_INTERVAL") or 60)
        thread = threading.Thread(target=_loop, args=(app.state.db, cfg, stop, interval), name="tonghu-mail",
                                  daemon=True)
        thread.start()
        log.info("mandatory report notices by e-mail through %s:%s", cfg.host, cfg.port)
    try:
        yield
    finally:
        stop.set()
        if thread is not None:
            thread.join(10)


router = APIRouter(lifespan=lifespan)
