"""`tonghu serve` as a county runs it: over TLS, on a database made before migrations existed. The
server migrates it on start, the console answers beside the sync API, and the login cookie is
marked Secure (sent over HTTPS only), HttpOnly and SameSite=Strict."""

from __future__ import annotations

import os
import re
import select
import ssl
import subprocess
import sys
import time
from pathlib import Path

import httpx
from sqlalchemy import create_engine, inspect, text

from app.core import protocol as P
from app.server import migrations
from tests.server.test_serve_tls import _free_port, _self_signed
from tests.server.web.console import ADMIN_PASSWORD

ROOT = Path(__file__).resolve().parents[3]


def test_serve_migrates_on_start_and_sets_a_secure_cookie_under_tls(tmp_path):
    db_file = tmp_path / "county.db"
    engine = create_engine(f"sqlite:///{db_file}")
    migrations.upgrade_only(engine, migrations.BASELINE)
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE alembic_version"))  # as create_all left a county database before
    engine.dispose()
    cert, key = _self_signed(tmp_path)
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TONGHU_PASSWORD": ADMIN_PASSWORD}
    proc = subprocess.Popen([sys.executable, "-m", "app.cli", "serve", "--db", str(db_file), "--host", "127.0.0.1",
                             "--port", str(port), "--tls-cert", str(cert), "--tls-key", str(key)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    try:
        trust = ssl.create_default_context(cafile=str(cert))
        base = f"https://127.0.0.1:{port}"
        deadline = time.time() + 60
        hello = None
        while time.time() < deadline and hello is None:
            try:
                hello = httpx.get(base + "/api/v1/hello", verify=trust, headers={P.HEADER_PROTOCOL: str(P.PROTOCOL)})
            except httpx.TransportError:
                assert proc.poll() is None, proc.stderr.read().decode("utf-8", "replace")
                time.sleep(0.2)
        assert hello is not None and hello.status_code == 200
        tables = set(inspect(create_engine(f"sqlite:///{db_file}")).get_table_names())
        said = b""
        while b"user add" not in said and proc.poll() is None and time.time() < deadline:
            if select.select([proc.stderr], [], [], 0.5)[0]:  # the start-up lines: the console, the first account
                said += proc.stderr.read1(4096)
        text_said = said.decode("utf-8", "replace")
        assert f"县级管理平台（浏览器打开）：https://127.0.0.1:{port}/" in text_said and "tonghu server user add" in text_said
        assert {"srv_console_user", "srv_console_session", "srv_audit", "alembic_version"} <= tables
        made = subprocess.run([sys.executable, "-m", "app.cli", "server", "user", "add", "--db", str(db_file),
                               "--name", "admin", "--role", "county-admin"], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=300)
        assert made.returncode == 0, made.stderr
        with httpx.Client(base_url=base, verify=trust, follow_redirects=False) as browser:
            page = browser.get("/login")
            assert "Secure" in page.headers["set-cookie"]  # the pre-login cookie too
            token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
            answer = browser.post("/login", data={"name": "admin", "password": ADMIN_PASSWORD, "csrf_token": token})
            assert answer.status_code == 303
            cookie = answer.headers["set-cookie"]
            assert cookie.startswith("tonghu_console=") and "Secure" in cookie and "HttpOnly" in cookie
            assert "SameSite=strict" in cookie
            assert browser.get("/devices").status_code == 200
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
