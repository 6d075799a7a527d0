"""audit chain: the audit log becomes append-only and hash-chained (issue 15)

Each `audit_entry` gets `chain_n` (its place in this store's chain, never reused), `prev_hash` and
`hash` (app/core/auditchain.py). An AFTER INSERT trigger seals every new entry, however it was
inserted (ORM, bulk insert, merge), from the chain head kept in `setting` (`audit_chain_n`,
`audit_chain_head`), so deleting entries never makes the next one chain to the wrong place.
Sealed entries cannot be updated; an entry can be deleted only once the county holds it
(`chain_n <= audit_sent_n`: the purge of a child who moved to another village). Existing entries
are chained in `seq` order.

Revision ID: 0015_audit_chain
Revises: 0001_foundation
"""

import uuid

from alembic import op
import sqlalchemy as sa

from app.core.auditchain import FIELDS, SQL_FUNCTION, entry_hash

revision = '0015_audit_chain'
down_revision = '0001_foundation'
branch_labels = ('audit_chain',)
depends_on = None

_N = "(SELECT CAST(value AS INTEGER) FROM setting WHERE key = 'audit_chain_n')"
_HEAD = "COALESCE((SELECT value FROM setting WHERE key = 'audit_chain_head'), '')"
_VALUES = ", ".join({"chain_n": _N, "prev_hash": _HEAD}.get(f, "NEW." + f) for f in FIELDS)

TRIGGERS = [
    f"""CREATE TRIGGER audit_entry_seal AFTER INSERT ON audit_entry
    WHEN NEW.hash IS NULL
    BEGIN
        INSERT INTO setting(key, value) VALUES ('audit_chain_n', '1')
            ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1;
        UPDATE audit_entry SET chain_n = {_N}, prev_hash = {_HEAD}, hash = {SQL_FUNCTION}({_VALUES})
        WHERE seq = NEW.seq;
        INSERT INTO setting(key, value) VALUES ('audit_chain_head', (SELECT hash FROM audit_entry WHERE seq = NEW.seq))
            ON CONFLICT(key) DO UPDATE SET value = excluded.value;
    END""",
    """CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry
    WHEN OLD.hash IS NOT NULL
    BEGIN
        SELECT RAISE(ABORT, 'the audit log is append-only');
    END""",
    """CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry
    WHEN OLD.chain_n IS NULL
      OR OLD.chain_n > COALESCE((SELECT CAST(value AS INTEGER) FROM setting WHERE key = 'audit_sent_n'), 0)
    BEGIN
        SELECT RAISE(ABORT, 'the audit log is append-only: this entry has not reached the county');
    END""",
]


def upgrade() -> None:
    op.execute("ALTER TABLE audit_entry ADD COLUMN chain_n INTEGER")
    op.execute("ALTER TABLE audit_entry ADD COLUMN prev_hash VARCHAR(64)")
    op.execute("ALTER TABLE audit_entry ADD COLUMN hash VARCHAR(64)")
    op.create_index('ix_audit_entry_chain_n', 'audit_entry', ['chain_n'], unique=True)
    conn = op.get_bind()
    cols = ", ".join(f for f in FIELDS if f not in ("chain_n", "prev_hash"))
    prev, n = "", 0
    for row in conn.execute(sa.text(f"SELECT seq, {cols} FROM audit_entry ORDER BY seq")).mappings().all():
        n += 1
        entry = {**row, "chain_n": n, "prev_hash": prev}
        digest = entry_hash(*(entry[f] for f in FIELDS))
        conn.execute(sa.text("UPDATE audit_entry SET chain_n = :n, prev_hash = :p, hash = :h WHERE seq = :s"),
                     {"n": n, "p": prev, "h": digest, "s": row["seq"]})
        prev = digest
    for key, value in (("audit_chain_n", str(n)), ("audit_chain_head", prev), ("audit_sent_n", "0"),
                       ("audit_chain_id", uuid.uuid4().hex)):
        conn.execute(sa.text("INSERT OR REPLACE INTO setting(key, value) VALUES (:k, :v)"), {"k": key, "v": value})
    for trigger in TRIGGERS:
        op.execute(trigger)


def downgrade() -> None:
    for name in ("audit_entry_seal", "audit_entry_no_update", "audit_entry_no_delete"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_index('ix_audit_entry_chain_n', table_name='audit_entry')
    for col in ("hash", "prev_hash", "chain_n"):
        op.execute(f"ALTER TABLE audit_entry DROP COLUMN {col}")
