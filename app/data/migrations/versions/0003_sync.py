"""sync: conflicts kept for a person to confirm, and the log of sync runs

Revision ID: 0003_sync
Revises: 0001_foundation
"""

from alembic import op
import sqlalchemy as sa


revision = '0003_sync'
down_revision = '0001_foundation'
branch_labels = ('sync',)
depends_on = None


def upgrade() -> None:
    op.create_table('sync_conflict',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('table_name', sa.String(length=64), nullable=False),
    sa.Column('row_id', sa.String(length=36), nullable=False),
    sa.Column('field', sa.String(length=64), nullable=False),
    sa.Column('child_id', sa.String(length=36), nullable=True),
    sa.Column('winner_value', sa.Text(), nullable=True),
    sa.Column('winner_hlc', sa.String(length=21), nullable=False),
    sa.Column('winner_origin', sa.String(length=64), nullable=False),
    sa.Column('winner_actor', sa.String(length=64), nullable=False),
    sa.Column('loser_value', sa.Text(), nullable=True),
    sa.Column('loser_hlc', sa.String(length=21), nullable=False),
    sa.Column('loser_origin', sa.String(length=64), nullable=False),
    sa.Column('loser_actor', sa.String(length=64), nullable=False),
    sa.Column('detected_at', sa.DateTime(), nullable=False),
    sa.Column('resolved', sa.Boolean(), nullable=False),
    sa.Column('resolution', sa.String(length=16), nullable=False),
    sa.Column('resolved_by', sa.String(length=64), nullable=False),
    sa.Column('resolved_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_sync_conflict'))
    )
    with op.batch_alter_table('sync_conflict', schema=None) as batch_op:
        batch_op.create_index('ix_sync_conflict_key', ['table_name', 'row_id', 'field', 'loser_hlc', 'loser_origin'], unique=False)
        batch_op.create_index(batch_op.f('ix_sync_conflict_child_id'), ['child_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_sync_conflict_resolved'), ['resolved'], unique=False)

    op.create_table('sync_run',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=False),
    sa.Column('finished_at', sa.DateTime(), nullable=True),
    sa.Column('via', sa.String(length=8), nullable=False),
    sa.Column('pushed', sa.Integer(), nullable=False),
    sa.Column('pulled', sa.Integer(), nullable=False),
    sa.Column('conflicts', sa.Integer(), nullable=False),
    sa.Column('ok', sa.Boolean(), nullable=False),
    sa.Column('message', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_sync_run'))
    )


def downgrade() -> None:
    op.drop_table('sync_run')
    with op.batch_alter_table('sync_conflict', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sync_conflict_resolved'))
        batch_op.drop_index(batch_op.f('ix_sync_conflict_child_id'))
        batch_op.drop_index('ix_sync_conflict_key')
    op.drop_table('sync_conflict')
