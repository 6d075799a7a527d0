"""Test helpers: a real county server on a loopback port (uvicorn in a thread) over SQLite or a
fresh PostgreSQL schema, and real encrypted stores enrolled with it."""

from __future__ import annotations

import os
import socket
import threading
import time
import uuid
from contextlib import contextmanager

import pytest
import uvicorn
from sqlalchemy import create_engine, text

from app.server import service
from app.server.api import create_app
from app.server.db import ServerDB

PG_URL = os.environ.get("TONGHU_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")


def pg_available() -> bool:
    try:
        engine = create_engine(PG_URL.replace("postgresql://", "postgresql+psycopg://", 1),
                               connect_args={"connect_timeout": 3})
        with engine.connect() as conn:
            conn.execute(text("select 1"))
        engine.dispose()
        return True
    except Exception:
        return False


def require_pg() -> None:
    if pg_available():
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"PostgreSQL is not reachable at {PG_URL} (required under CI=true)")
    pytest.skip("PostgreSQL not reachable")


@contextmanager
def pg_schema_url():
    """A fresh PostgreSQL schema for one test; dropped afterwards."""
    require_pg()
    name = "tonghu_t_" + uuid.uuid4().hex[:10]
    admin = create_engine(PG_URL.replace("postgresql://", "postgresql+psycopg://", 1))
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {name}"))
    try:
        yield PG_URL + f"?options=-csearch_path%3D{name}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {name} CASCADE"))
        admin.dispose()


@contextmanager
def server_db(kind: str, tmp_path):
    if kind == "sqlite":
        db = ServerDB(f"sqlite:///{tmp_path / 'county.db'}")
        try:
            yield db
        finally:
            db.close()
    else:
        with pg_schema_url() as url:
            db = ServerDB(url)
            try:
                yield db
            finally:
                db.close()


class LiveServer:
    """The FastAPI app served by uvicorn on 127.0.0.1:<free port> in a background thread."""

    def __init__(self, db: ServerDB):
        self.db = db
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(create_app(db), log_level="warning", access_log=False)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    def __enter__(self) -> "LiveServer":
        self.thread.start()
        deadline = time.time() + 10
        while not self.server.started:
            if time.time() > deadline:
                raise RuntimeError("server did not start")
            time.sleep(0.01)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(5)
        self.sock.close()

    def code(self, scope: str) -> str:
        return service.create_enrol_code(self.db, scope)


class FlakyTransport:
    """An httpx transport that loses connections: before the request reaches the server, or after
    the server handled it (the answer is lost), as `plan` or `rng` decides."""

    def __init__(self, rng=None, p: float = 0.0, plan: list[str] | None = None):
        import httpx

        self.inner = httpx.HTTPTransport()
        self.rng = rng
        self.p = p
        self.plan = list(plan or [])
        self.dropped = 0

    def _fate(self) -> str:
        if self.plan:
            return self.plan.pop(0)
        if self.rng is not None and self.rng.random() < self.p:
            return self.rng.choice(["before", "after"])
        return "ok"

    def handle_request(self, request):
        import httpx

        fate = self._fate()
        if fate == "before":
            self.dropped += 1
            raise httpx.ConnectError("dropped before sending", request=request)
        response = self.inner.handle_request(request)
        if fate == "after":
            response.read()
            response.close()
            self.dropped += 1
            raise httpx.ReadError("connection lost before the answer", request=request)
        return response

    def close(self):
        self.inner.close()
