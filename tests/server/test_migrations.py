"""The county server's Alembic migrations (app/server/migrations), on SQLite and PostgreSQL.

- one chain, exactly one head;
- the revisions alone, from an empty database, build what the models describe (compare_metadata
  finds nothing) — so the shortcut `ensure_schema` takes for an empty database (create_all + stamp)
  is the same schema;
- a database made before migrations existed ("today's schema": the frozen baseline revision, with
  rows in it and no alembic_version) is recognised, upgraded to head, keeps its rows, and ends equal
  to the models; and `tonghu server migrate` says so.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, text

from app.server import migrations
from app.server.db import ServerDB, normalise_url
from tests.sync.live import pg_schema_url

ROOT = Path(__file__).resolve().parents[2]


def _table_of(diff) -> str:
    if isinstance(diff, list):
        diff = diff[0]
    obj = diff[1] if len(diff) > 1 else None
    if hasattr(obj, "columns") and hasattr(obj, "name"):
        return obj.name
    if hasattr(obj, "table"):
        return obj.table.name
    return diff[2] if len(diff) > 2 and isinstance(diff[2], str) else str(obj)


def _server_only(diffs) -> list[str]:
    """What differs in the server's own tables (the desktop copies level themselves on start)."""
    return [f"{(d[0] if isinstance(d, list) else d)[0]} {_table_of(d)}" for d in diffs
            if migrations.is_server_table(_table_of(d))]


def _diffs(engine) -> list:
    metadata = migrations.load_all_tables()
    with engine.connect() as conn:
        return compare_metadata(MigrationContext.configure(conn), metadata)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'county.db'}"
    else:
        with pg_schema_url() as url:
            yield url


def test_exactly_one_head():
    script = ScriptDirectory.from_config(migrations.config())
    heads = script.get_heads()
    assert len(heads) == 1, f"the server's migrations have {len(heads)} heads {heads}: re-point the newest down_revision"
    revisions = list(script.walk_revisions())
    assert revisions[-1].revision == migrations.BASELINE and revisions[-1].down_revision is None


def test_revisions_from_empty_build_the_models(db_url):
    engine = create_engine(normalise_url(db_url))
    try:
        migrations.upgrade_only(engine)
        missing = _server_only(_diffs(engine))
        assert missing == [], ("server tables differ from their models without a revision; write one with "
                               f"`python -m app.server.migrations revision -m ...`: {missing}")
        migrations.ensure_schema(engine)  # and the desktop copies level to the models
        assert _diffs(engine) == []
    finally:
        engine.dispose()


def test_empty_database_shortcut_matches(db_url):
    engine = create_engine(normalise_url(db_url))
    try:
        done = migrations.ensure_schema(engine)
        assert done["created"] and done["to"] == migrations.script_heads()
        assert _diffs(engine) == []
        assert migrations.ensure_schema(engine)["created"] is False  # a second open changes nothing
    finally:
        engine.dispose()


def test_database_from_before_migrations_is_upgraded_and_keeps_its_rows(db_url, tmp_path):
    engine = create_engine(normalise_url(db_url))
    try:
        migrations.upgrade_only(engine, migrations.BASELINE)
        with engine.begin() as conn:
            conn.execute(text("DROP TABLE alembic_version"))  # as create_all left it: no version table
            conn.execute(text("INSERT INTO srv_device (id, name, scope, token_hash, sign_public, box_public, revoked, "
                              "enrolled_at, client_version, protocol, cursor, state, echo_pending, restores) VALUES "
                              "('dev-1', '东山村', '320115101201', 'h1', '', '', false, :at, '0.1', 2, 7, '', false, 0)"),
                         {"at": dt.datetime(2026, 11, 30, 8, 0)})
            conn.execute(text("INSERT INTO srv_setting (key, value) VALUES ('test_marker', '昨天的库')"))
        assert "srv_console_user" not in inspect(engine).get_table_names()
    finally:
        engine.dispose()
    env = {**os.environ, "TONGHU_PASSWORD": "x"}
    out = subprocess.run([sys.executable, "-m", "app.cli", "server", "migrate", "--db", db_url, "--json"],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert report["from"] == [] and report["to"] == migrations.script_heads() and report["baseline"] is True
    db = ServerDB(db_url)
    try:
        assert _diffs(db.engine) == []
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT name, cursor FROM srv_device WHERE id = 'dev-1'")).one() == ("东山村", 7)
            assert conn.execute(text("SELECT value FROM srv_setting WHERE key = 'test_marker'")).scalar() == "昨天的库"
            assert conn.execute(text("SELECT count(*) FROM srv_console_user")).scalar() == 0
    finally:
        db.close()


def test_database_from_a_newer_program_is_refused_untouched(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'county.db'}")
    try:
        migrations.ensure_schema(engine)
        with engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
        with pytest.raises(migrations.SchemaTooNew) as refused:
            migrations.ensure_schema(engine)
        assert "比本程序新" in refused.value.message
        assert migrations.current_heads(engine) == ["9999"]
    finally:
        engine.dispose()
