"""visits: indexes over the derived schedule columns of child for the 工作台 dashboard

Revision ID: 0006_visits_dashboard
Revises: 0002_visits
"""

from alembic import op


revision = '0006_visits_dashboard'
down_revision = '0002_visits'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('child', schema=None) as batch_op:
        batch_op.create_index('ix_child_due', ['deleted', 'status', 'next_visit_due', 'colour', 'last_visit_date'], unique=False)
        batch_op.create_index('ix_child_colour_due', ['deleted', 'status', 'colour', 'next_visit_due'], unique=False)
        batch_op.create_index('ix_child_never', ['deleted', 'status', 'last_visit_date', 'next_visit_due'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('child', schema=None) as batch_op:
        batch_op.drop_index('ix_child_never')
        batch_op.drop_index('ix_child_colour_due')
        batch_op.drop_index('ix_child_due')
