"""sync v2: each outbox change has its own id and may be refused by the county (with the reason);
conflicts carry the county-wide key that makes them the same on every replica

Revision ID: 0007_sync_v2
Revises: 0003_sync
"""

import uuid6
from alembic import op
import sqlalchemy as sa


revision = '0007_sync_v2'
down_revision = '0003_sync'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.add_column(sa.Column('change_id', sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column('refused_code', sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column('refused_message', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('refused_at', sa.DateTime(), nullable=True))
    conn = op.get_bind()
    for (seq,) in conn.execute(sa.text("SELECT seq FROM outbox WHERE change_id IS NULL")).fetchall():
        conn.execute(sa.text("UPDATE outbox SET change_id = :cid WHERE seq = :seq"),
                     {"cid": str(uuid6.uuid7()), "seq": seq})
    conn.execute(sa.text("DELETE FROM outbox WHERE acked = 1"))
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.create_index('ux_outbox_change_id', ['change_id'], unique=True)
    with op.batch_alter_table('sync_conflict', schema=None) as batch_op:
        batch_op.add_column(sa.Column('key', sa.String(length=36), nullable=True))
        batch_op.create_index('ix_sync_conflict_ckey', ['key'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('sync_conflict', schema=None) as batch_op:
        batch_op.drop_index('ix_sync_conflict_ckey')
        batch_op.drop_column('key')
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_index('ux_outbox_change_id')
        batch_op.drop_column('refused_at')
        batch_op.drop_column('refused_message')
        batch_op.drop_column('refused_code')
        batch_op.drop_column('change_id')
