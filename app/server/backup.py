"""A consistent copy of the county's SQLite database while the server runs (SQLite's backup API).

The copy is created 0600 like the database. Restoring it is safe for the laptops: the county log's
entries carry change ids and the devices' cursors name the entry they stopped at, so a laptop that
finds the county behind sends it what it lacks (issue 9's epoch). PostgreSQL is backed up with
`pg_dump` (see `tonghu server backup`).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from app.server import keys


def copy_sqlite(db, out: Path) -> Path:
    """Write a consistent copy of `db` (a SQLite ServerDB) to `out` (must not exist)."""
    source_file = keys.sqlite_file(db.url)
    if source_file is None:
        raise ValueError("only a SQLite file database can be copied this way")
    out = Path(out)
    part = out.with_name(out.name + ".part")
    part.unlink(missing_ok=True)
    keys.create_private(part)
    src = sqlite3.connect(str(source_file))
    try:
        dest = sqlite3.connect(str(part))
        try:
            src.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
            ok = dest.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            dest.close()
    finally:
        src.close()
    if ok != "ok":
        part.unlink(missing_ok=True)
        raise RuntimeError("the copy failed its integrity check")
    os.replace(part, out)
    return out
