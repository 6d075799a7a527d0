"""county policy: the county's visit policy versions as they arrive by sync (issue 16)

Revision ID: 0016_county_policy
Revises: 0001_foundation
"""

from alembic import op
import sqlalchemy as sa


revision = '0016_county_policy'
down_revision = '0001_foundation'
branch_labels = ('county_policy',)
depends_on = None


def upgrade() -> None:
    op.create_table('county_policy',
    sa.Column('village_code', sa.String(length=12), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('issued_by', sa.String(length=64), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('hlc', sa.String(length=21), nullable=False),
    sa.Column('origin', sa.String(length=64), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('versions', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_county_policy'))
    )
    with op.batch_alter_table('county_policy', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_county_policy_hlc'), ['hlc'], unique=False)
        batch_op.create_index(batch_op.f('ix_county_policy_village_code'), ['village_code'], unique=False)


def downgrade() -> None:
    op.drop_table('county_policy')
