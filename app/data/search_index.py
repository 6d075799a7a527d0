"""The child search index: an FTS5 trigram table over name, pinyin key and ID number.

Substring search ("小明", "zxm", "0315") over 30,000 children must answer within 50 ms on an old
laptop; a LIKE scan does not (DESIGN §6, `bench/bench_children.py`). `child_fts` is an
external-content FTS5 table (`tokenize='trigram'`, case-insensitive) that stores only the
trigram index, not a second copy of the text, and SQLite triggers keep it in step with `child`
whatever writes it (the app, bulk demo loads, the sync merge). Queries shorter than three
characters cannot use trigrams and scan the covering index `ix_child_list` instead.

`ensure(conn)` recreates the table and triggers and rebuilds the index if anything removed them
(a batch migration that copies `child` drops its triggers); it costs one lookup when all is well.
"""

from __future__ import annotations

TABLE = "child_fts"
COLUMNS = ("name", "pinyin_key", "id_number")
_cols = ", ".join(COLUMNS)
_new = ", ".join(f"new.{c}" for c in COLUMNS)
_old = ", ".join(f"old.{c}" for c in COLUMNS)

CREATE_TABLE = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5({_cols}, content='child', "
    f"content_rowid='rowid', tokenize='trigram')"
)
TRIGGERS = {
    "child_fts_ai": f"CREATE TRIGGER IF NOT EXISTS child_fts_ai AFTER INSERT ON child BEGIN "
                    f"INSERT INTO {TABLE}(rowid, {_cols}) VALUES (new.rowid, {_new}); END",
    "child_fts_ad": f"CREATE TRIGGER IF NOT EXISTS child_fts_ad AFTER DELETE ON child BEGIN "
                    f"INSERT INTO {TABLE}({TABLE}, rowid, {_cols}) VALUES ('delete', old.rowid, {_old}); END",
    "child_fts_au": f"CREATE TRIGGER IF NOT EXISTS child_fts_au AFTER UPDATE OF {_cols} ON child BEGIN "
                    f"INSERT INTO {TABLE}({TABLE}, rowid, {_cols}) VALUES ('delete', old.rowid, {_old}); "
                    f"INSERT INTO {TABLE}(rowid, {_cols}) VALUES (new.rowid, {_new}); END",
}
REBUILD = f"INSERT INTO {TABLE}({TABLE}) VALUES ('rebuild')"
MIN_QUERY = 3  # trigrams: shorter queries scan instead


def create(execute) -> None:
    """Create the table and triggers and index existing rows. `execute(sql)` runs one statement."""
    execute(CREATE_TABLE)
    for sql in TRIGGERS.values():
        execute(sql)
    execute(REBUILD)


def drop(execute) -> None:
    for name in TRIGGERS:
        execute(f"DROP TRIGGER IF EXISTS {name}")
    execute(f"DROP TABLE IF EXISTS {TABLE}")


def ensure(conn) -> bool:
    """Repair the index if its table or a trigger is missing. Returns True if it rebuilt."""
    from sqlalchemy import text

    names = {r[0] for r in conn.execute(text(
        "SELECT name FROM sqlite_master WHERE name = :t OR (type = 'trigger' AND tbl_name = 'child')"), {"t": TABLE})}
    if not names or "child" not in {r[0] for r in conn.execute(text(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'child'"))}:
        return False
    if TABLE in names and all(t in names for t in TRIGGERS):
        return False
    drop(lambda sql: conn.execute(text(sql)))
    create(lambda sql: conn.execute(text(sql)))
    return True


def match_phrase(query: str) -> str:
    """An FTS5 phrase matching `query` as a substring (trigram tokenizer)."""
    return '"' + query.replace('"', '""') + '"'


def is_own_table(name: str) -> bool:
    """Tables Alembic autogenerate must ignore (FTS5 and its shadow tables)."""
    return name == TABLE or name.startswith(TABLE + "_")
