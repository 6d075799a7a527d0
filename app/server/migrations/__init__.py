"""The county server's database schema: Alembic revisions (versions/) and the code that applies them.

- `ensure_schema(engine)` runs whenever a `ServerDB` opens (so on `tonghu serve` start): an empty
  database gets the current schema and is stamped at head; a database made before migrations
  existed (by `create_all`, the "baseline" schema) is stamped at the baseline and upgraded; an older
  revision is upgraded to head. Then the desktop copies are brought level (below).
- `tonghu server migrate --db …` does the same and says what it did.

Two kinds of tables:
- The server's own tables (`srv_*`) change only through revisions here. One chain, one head
  (tests/server/test_migrations.py). Add a table or column to a model, then
  `python -m app.server.migrations revision -m "what changed"` writes the revision, or write it by hand
  with `down_revision` = the current head.
- The copies of the desktop tables (app/server/db.py `_copy_model_tables`) carry no constraints and
  follow app/data/models by themselves: a new desktop table, column or index is added to the copy on
  start (add-only; nothing is dropped or retyped). The desktop store's own migrations are the record
  of those changes.
"""

from __future__ import annotations

import hashlib
import importlib
import logging
import pkgutil
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.operations import Operations
from alembic.script import ScriptDirectory
from sqlalchemy import Column, Engine, MetaData, inspect, text

from app.core.errors import TonghuError

HERE = Path(__file__).resolve().parent
BASELINE = "0001"
SERVER_PREFIX = "srv_"
COPIES_KEY = "schema_desktop_copies"
PG_LOCK = 72017

log = logging.getLogger("tonghu.server.migrations")


class SchemaTooNew(TonghuError):
    """The database was migrated by a newer program than this one."""

    code = "schema_too_new"


def load_all_tables() -> MetaData:
    """The server metadata with every table registered: app/server modules that define
    `ServerBase` models are imported (found by their source, so a new one needs no list here)."""
    import app.server as server_pkg
    from app.server.db import ServerBase

    root = Path(server_pkg.__file__).resolve().parent
    for info in pkgutil.walk_packages([str(root)], prefix="app.server."):
        if info.name.startswith("app.server.migrations") or info.ispkg:
            continue
        path = root.joinpath(*info.name.split(".")[2:]).with_suffix(".py")
        try:
            source = path.read_text(encoding="utf-8")
        except OSError:
            continue
        if "(ServerBase)" in source:
            importlib.import_module(info.name)
    return ServerBase.metadata


def is_server_table(name: str) -> bool:
    return name.startswith(SERVER_PREFIX)


def config(connection=None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(HERE))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def script_heads() -> list[str]:
    return list(ScriptDirectory.from_config(config()).get_heads())


def current_heads(engine: Engine) -> list[str]:
    with engine.connect() as conn:
        return list(MigrationContext.configure(conn).get_current_heads())


def _models_fingerprint(metadata: MetaData) -> str:
    parts = []
    for table in sorted(metadata.tables.values(), key=lambda t: t.name):
        cols = ",".join(f"{c.name}:{c.type!r}:{c.nullable}:{bool(c.index)}" for c in table.columns)
        parts.append(f"{table.name}({cols})")
    return hashlib.sha256(";".join(parts).encode("utf-8")).hexdigest()


def _setting(conn, key: str) -> str | None:
    return conn.execute(text("SELECT value FROM srv_setting WHERE key = :k"), {"k": key}).scalar()


def _put_setting(conn, key: str, value: str) -> None:
    if _setting(conn, key) is None:
        conn.execute(text("INSERT INTO srv_setting (key, value) VALUES (:k, :v)"), {"k": key, "v": value})
    else:
        conn.execute(text("UPDATE srv_setting SET value = :v WHERE key = :k"), {"k": key, "v": value})


def level_copies(conn, metadata: MetaData) -> list[str]:
    """Add what the desktop copies lack (tables, columns, indexes); return what was done."""
    ctx = MigrationContext.configure(conn)
    ops = Operations(ctx)
    done = []

    def desktop(obj_name: str | None) -> bool:
        return bool(obj_name) and not is_server_table(obj_name) and obj_name != "alembic_version"

    indexes = []
    for diff in compare_metadata(ctx, metadata):
        if isinstance(diff, list):  # column modifications come grouped; copies are never retyped
            continue
        kind = diff[0]
        if kind == "add_table" and desktop(diff[1].name):
            diff[1].create(conn)
            done.append(f"table {diff[1].name}")
        elif kind == "add_column" and desktop(diff[2]):
            model = diff[3]
            column = Column(model.name, model.type, nullable=True)  # indexes come as their own diffs
            ops.add_column(diff[2], column)
            done.append(f"column {diff[2]}.{column.name}")
        elif kind == "add_index" and desktop(diff[1].table.name):
            indexes.append(diff[1])
    inspector = inspect(conn)
    for index in indexes:  # after the tables: a new table brought its indexes already
        if index.name not in {i["name"] for i in inspector.get_indexes(index.table.name)}:
            index.create(conn)
            done.append(f"index {index.name}")
    return done


def _missing_server_tables(conn, metadata: MetaData) -> list[str]:
    existing = set(inspect(conn).get_table_names())
    missing = [t for t in metadata.sorted_tables if is_server_table(t.name) and t.name not in existing]
    for table in missing:
        log.warning("server table %s has no migration yet: created from the model", table.name)
        table.create(conn)
    return [t.name for t in missing]


def ensure_schema(engine: Engine) -> dict:
    """Bring the database to the current schema (see the module doc); returns what happened:
    {"from": [revisions before], "to": [after], "created": bool (an empty database), "baseline": bool
    (one from before migrations, stamped at the baseline), "copies": [what the desktop copies gained]}."""
    metadata = load_all_tables()
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text(f"SELECT pg_advisory_xact_lock({PG_LOCK})"))
        before = list(MigrationContext.configure(conn).get_current_heads())
        tables = set(inspect(conn).get_table_names())
        cfg = config(conn)
        created = baseline = False
        if not before and "srv_device" not in tables:
            # empty: the models are the schema (test_migrations proves the revisions build the same)
            metadata.create_all(conn)
            command.stamp(cfg, "head")
            created = True
        else:
            if not before:
                command.stamp(cfg, BASELINE)  # made by create_all before migrations existed
                baseline = True
            current, known = set(MigrationContext.configure(conn).get_current_heads()), set(script_heads())
            unknown = current - {r.revision for r in ScriptDirectory.from_config(cfg).walk_revisions()}
            if unknown:
                raise SchemaTooNew(f"服务器数据库的版本（{'、'.join(sorted(unknown))}）比本程序新，未作任何更改。"
                                   "请安装与数据库相同或更新版本的童护服务器。")
            if current != known:
                command.upgrade(cfg, "head")
        copies: list[str] = []
        fingerprint = _models_fingerprint(metadata)
        if created or _setting(conn, COPIES_KEY) != fingerprint:
            copies = [] if created else level_copies(conn, metadata)
            _missing_server_tables(conn, metadata)
            _put_setting(conn, COPIES_KEY, fingerprint)
        after = list(MigrationContext.configure(conn).get_current_heads())
    return {"from": before, "to": after, "created": created, "baseline": baseline, "copies": copies}


def upgrade_only(engine: Engine, target: str = "head") -> None:
    """Apply the revisions alone (no model shortcut, no copies levelling): what the tests check."""
    load_all_tables()
    with engine.begin() as conn:
        command.upgrade(config(conn), target)
