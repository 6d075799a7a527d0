"""county duplicate decisions (srv_duplicate_decision, issue 16)

Revision ID: 0004
Revises: 0003
"""

from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('srv_duplicate_decision',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('decision', sa.String(length=16), nullable=False),
    sa.Column('child_id', sa.String(length=36), nullable=False),
    sa.Column('from_village', sa.String(length=12), nullable=False),
    sa.Column('to_village', sa.String(length=12), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('decided_by', sa.String(length=64), nullable=False),
    sa.Column('decided_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_srv_duplicate_decision'))
    )
    with op.batch_alter_table('srv_duplicate_decision', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_srv_duplicate_decision_key'), ['key'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('srv_duplicate_decision', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_srv_duplicate_decision_key'))
    op.drop_table('srv_duplicate_decision')
