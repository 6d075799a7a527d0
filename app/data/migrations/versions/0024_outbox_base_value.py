"""sync: each outbox edit keeps the value it replaced, so a laptop re-sending its rows to a county
restored from a copy sends a field with a waiting edit as it was before that edit (issue 11)

Revision ID: 0024_outbox_base_value
Revises: 0007_sync_v2
"""

from alembic import op
import sqlalchemy as sa


revision = '0024_outbox_base_value'
down_revision = '0007_sync_v2'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.add_column(sa.Column('base_value', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_column('base_value')
