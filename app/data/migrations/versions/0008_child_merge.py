"""child merge: `child.merged_into` points a merged-away duplicate file at the surviving child

Revision ID: 0008_child_merge
Revises: 0001_foundation
"""

from alembic import op
import sqlalchemy as sa


revision = '0008_child_merge'
down_revision = '0001_foundation'
branch_labels = ('child_merge',)
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('child', schema=None) as batch_op:
        batch_op.add_column(sa.Column('merged_into', sa.String(length=36), nullable=True))
        batch_op.create_index(batch_op.f('ix_child_merged_into'), ['merged_into'], unique=False)


def downgrade() -> None:
    # ALTER TABLE … DROP COLUMN (SQLite ≥ 3.35) rather than a batch copy of the table, which would
    # lose the search index's triggers on child (0005_children).
    op.drop_index('ix_child_merged_into', table_name='child')
    op.execute('ALTER TABLE child DROP COLUMN merged_into')
