"""Writing many rows at once on the county server, below SQLAlchemy's per-row parameter handling:
PostgreSQL takes them with COPY (psycopg), SQLite with the driver's own executemany. Columns a row
leaves out get the column's default, as an ORM insert would. Used by the county's own bulk writes
(a 30,000-row roster import writes ~180,000 rows: the children's files and their log entries).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Table


def _default(column):
    default = column.default
    if default is None:
        return None
    if default.is_scalar:
        return default.arg
    if default.is_callable:
        return default.arg(None)
    return None


def _sqlite_value(value):
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def insert_rows(session, table: Table, rows: list[dict]) -> None:
    """Insert `rows` (column name → value) into `table` within the session's transaction."""
    if not rows:
        return
    given = set().union(*(r.keys() for r in rows))
    columns = [c for c in table.columns if c.name in given or c.default is not None]
    defaults = {c.name: _default(c) for c in columns if c.default is not None}
    names = [c.name for c in columns]
    raw = session.connection().connection.driver_connection
    if session.bind.dialect.name == "postgresql":
        quoted = ", ".join(f'"{n}"' for n in names)
        with raw.cursor() as cur, cur.copy(f'COPY "{table.name}" ({quoted}) FROM STDIN') as copy:
            for r in rows:
                copy.write_row([r[n] if n in r else defaults.get(n) for n in names])
        return
    marks = ", ".join("?" for _ in names)
    quoted = ", ".join(f'"{n}"' for n in names)
    cur = raw.cursor()
    try:
        cur.executemany(f'INSERT INTO "{table.name}" ({quoted}) VALUES ({marks})',
                        [tuple(_sqlite_value(r[n] if n in r else defaults.get(n)) for n in names) for r in rows])
    finally:
        cur.close()
