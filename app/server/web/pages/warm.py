"""Counts the console's village numbers in the background when the server starts and again just
after each midnight (Asia/Shanghai), so the first officer of the day does not wait for a whole
county to be counted (`app.server.console.overview.cached_stats`)."""

from __future__ import annotations

import datetime as dt
import logging
import threading
from contextlib import asynccontextmanager

from fastapi import APIRouter, FastAPI
from sqlalchemy.exc import SQLAlchemyError

from app.core import clock
from app.domain import schedule
from app.server.console.derived import catch_up
from app.server.console.overview import cached_stats

log = logging.getLogger("tonghu.console")


def warm(db) -> None:
    """Catch the derived columns up and count every village (kept for the day)."""
    catch_up(db)
    with db.sessions() as s:
        cached_stats(s, schedule.today_local())


def seconds_to_midnight(now: dt.datetime | None = None) -> float:
    """Seconds until a minute past the next midnight in Asia/Shanghai."""
    here = (now or clock.now()).astimezone(schedule.SHANGHAI)
    target = dt.datetime.combine(here.date(), dt.time(0, 1), tzinfo=schedule.SHANGHAI)
    if target <= here:
        target += dt.timedelta(days=1)
    return max(60.0, (target - here).total_seconds())


def _loop(db, stop: threading.Event) -> None:
    while not stop.is_set():
        try:
            warm(db)
        except SQLAlchemyError as exc:
            log.warning("console numbers not counted in advance (counted on the next page instead): %s",
                        type(exc).__name__)
        stop.wait(seconds_to_midnight())


@asynccontextmanager
async def lifespan(app: FastAPI):
    stop = threading.Event()
    thread = threading.Thread(target=_loop, args=(app.state.db, stop), name="tonghu-console-warm", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(30)


router = APIRouter(lifespan=lifespan)
