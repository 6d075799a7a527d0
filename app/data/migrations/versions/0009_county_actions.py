"""county actions: the county's 签收 / 指派 / 处置 of a mandatory report, pulled to the laptop

Revision ID: 0009_county_actions
Revises: 0004_protection
"""

from alembic import op
import sqlalchemy as sa


revision = '0009_county_actions'
down_revision = '0004_protection'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('county_report_action',
    sa.Column('report_id', sa.String(length=36), nullable=False),
    sa.Column('child_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('acted_at', sa.DateTime(), nullable=False),
    sa.Column('officer', sa.String(length=64), nullable=False),
    sa.Column('assignee', sa.String(length=64), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('hlc', sa.String(length=21), nullable=False),
    sa.Column('origin', sa.String(length=64), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('versions', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], name=op.f('fk_county_report_action_child_id_child')),
    sa.ForeignKeyConstraint(['report_id'], ['mandatory_report.id'],
                            name=op.f('fk_county_report_action_report_id_mandatory_report')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_county_report_action'))
    )
    with op.batch_alter_table('county_report_action', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_county_report_action_child_id'), ['child_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_county_report_action_hlc'), ['hlc'], unique=False)
        batch_op.create_index(batch_op.f('ix_county_report_action_report_id'), ['report_id'], unique=False)


def downgrade() -> None:
    op.drop_table('county_report_action')
