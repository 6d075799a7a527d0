"""The console's CSRF/session secret lives in the server's 0600 key file with its other keys, never
in the database (issue 15); a secret an older server kept in srv_setting moves into the file on the
first open, unchanged, so the officers' open console pages keep working. SQLite and PostgreSQL."""

from __future__ import annotations

import json
import stat

import pytest

from app.server import keys
from app.server.db import ServerDB, ServerSetting
from app.server.web import SECRET_KEY, console_secret
from tests.server.web.console import ADMIN_PASSWORD, Browser, admin
from tests.sync.live import LiveServer, pg_schema_url


@pytest.mark.parametrize("kind", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_console_secret_is_in_the_key_file_and_moves_out_of_an_old_database(kind, tmp_path):
    key_file = tmp_path / "county.keys"

    def run(url):
        db = ServerDB(url, keys_path=str(key_file))
        with LiveServer(db) as live:  # the console starts and makes its secret
            assert Browser(live.url).get("/login").status_code == 200
        made = json.loads(key_file.read_text("utf-8"))[SECRET_KEY]
        assert stat.S_IMODE(key_file.stat().st_mode) == 0o600 and len(bytes.fromhex(made)) == 32
        with db.sessions() as s:
            assert s.get(ServerSetting, SECRET_KEY) is None
        assert console_secret(db) == bytes.fromhex(made)  # the same secret on every start
        db.close()

        # a server from before: the secret in srv_setting, no key file
        key_file.unlink()
        old = "ab" * 32
        legacy = ServerDB(url, create=False)
        with legacy.sessions() as s, s.begin():
            s.add(ServerSetting(key=SECRET_KEY, value=old))
        legacy.close()
        db = ServerDB(url, keys_path=str(key_file))  # first open after the upgrade moves it out
        with db.sessions() as s:
            assert s.get(ServerSetting, SECRET_KEY) is None
        assert json.loads(key_file.read_text("utf-8"))[SECRET_KEY] == old
        assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
        admin(db)
        with LiveServer(db) as live:  # the console runs on the moved secret: forms and logins work
            assert console_secret(db) == bytes.fromhex(old)
            b = Browser(live.url)
            assert b.login("admin", ADMIN_PASSWORD).status_code == 303
            b.close()
        assert keys.path_of(db) == key_file
        db.close()

    if kind == "sqlite":
        run(f"sqlite:///{tmp_path / 'county.db'}")
    else:
        with pg_schema_url() as url:
            run(url)
