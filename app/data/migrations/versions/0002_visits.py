"""visits: assessments, visits (with amendments), screening rounds and records

Revision ID: 0002_visits
Revises: 0001_foundation
"""

from alembic import op
import sqlalchemy as sa


revision = '0002_visits'
down_revision = '0001_foundation'
branch_labels = ('visits',)
depends_on = None


def upgrade() -> None:
    op.create_table('screening_round',
    sa.Column('village_code', sa.String(length=12), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('window_start', sa.Date(), nullable=False),
    sa.Column('window_end', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=8), nullable=False),
    sa.Column('opened_by', sa.String(length=64), nullable=False),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('close_note', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('hlc', sa.String(length=21), nullable=False),
    sa.Column('origin', sa.String(length=64), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('versions', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_screening_round'))
    )
    op.create_index(op.f('ix_screening_round_hlc'), 'screening_round', ['hlc'], unique=False)
    op.create_index(op.f('ix_screening_round_village_code'), 'screening_round', ['village_code'], unique=False)
    op.create_table('assessment',
    sa.Column('child_id', sa.String(length=36), nullable=False),
    sa.Column('assessed_on', sa.Date(), nullable=False),
    sa.Column('assessor', sa.String(length=64), nullable=False),
    sa.Column('answers', sa.Text(), nullable=False),
    sa.Column('reasons', sa.Text(), nullable=False),
    sa.Column('suggested_colour', sa.String(length=4), nullable=False),
    sa.Column('colour', sa.String(length=4), nullable=False),
    sa.Column('override_reason', sa.Text(), nullable=False),
    sa.Column('policy_version', sa.String(length=32), nullable=False),
    sa.Column('source', sa.String(length=32), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('hlc', sa.String(length=21), nullable=False),
    sa.Column('origin', sa.String(length=64), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('versions', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], name=op.f('fk_assessment_child_id_child')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assessment'))
    )
    op.create_index(op.f('ix_assessment_child_id'), 'assessment', ['child_id'], unique=False)
    op.create_index(op.f('ix_assessment_hlc'), 'assessment', ['hlc'], unique=False)
    op.create_table('screening_record',
    sa.Column('round_id', sa.String(length=36), nullable=False),
    sa.Column('child_id', sa.String(length=36), nullable=False),
    sa.Column('screened_on', sa.Date(), nullable=True),
    sa.Column('screener', sa.String(length=64), nullable=False),
    sa.Column('in_scope', sa.Boolean(), nullable=True),
    sa.Column('category_ok', sa.Boolean(), nullable=True),
    sa.Column('reassessed', sa.Boolean(), nullable=False),
    sa.Column('newly_found', sa.Boolean(), nullable=False),
    sa.Column('skip_reason', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('hlc', sa.String(length=21), nullable=False),
    sa.Column('origin', sa.String(length=64), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('versions', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], name=op.f('fk_screening_record_child_id_child')),
    sa.ForeignKeyConstraint(['round_id'], ['screening_round.id'], name=op.f('fk_screening_record_round_id_screening_round')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_screening_record'))
    )
    op.create_index(op.f('ix_screening_record_child_id'), 'screening_record', ['child_id'], unique=False)
    op.create_index(op.f('ix_screening_record_hlc'), 'screening_record', ['hlc'], unique=False)
    op.create_index('ix_screening_record_round_child', 'screening_record', ['round_id', 'child_id'], unique=False)
    op.create_table('visit',
    sa.Column('child_id', sa.String(length=36), nullable=False),
    sa.Column('visit_date', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('visitor', sa.String(length=64), nullable=False),
    sa.Column('present', sa.Text(), nullable=False),
    sa.Column('lives_where', sa.Text(), nullable=False),
    sa.Column('lives_with', sa.Text(), nullable=False),
    sa.Column('checklist', sa.Text(), nullable=False),
    sa.Column('findings', sa.Text(), nullable=False),
    sa.Column('needs', sa.Text(), nullable=False),
    sa.Column('help_given', sa.Text(), nullable=False),
    sa.Column('follow_ups', sa.Text(), nullable=False),
    sa.Column('reassess', sa.Boolean(), nullable=False),
    sa.Column('amends_id', sa.String(length=36), nullable=True),
    sa.Column('amend_reason', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('hlc', sa.String(length=21), nullable=False),
    sa.Column('origin', sa.String(length=64), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('versions', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], name=op.f('fk_visit_child_id_child')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visit'))
    )
    op.create_index(op.f('ix_visit_amends_id'), 'visit', ['amends_id'], unique=False)
    op.create_index('ix_visit_child_date', 'visit', ['child_id', 'visit_date'], unique=False)
    op.create_index(op.f('ix_visit_hlc'), 'visit', ['hlc'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_visit_hlc'), table_name='visit')
    op.drop_index('ix_visit_child_date', table_name='visit')
    op.drop_index(op.f('ix_visit_amends_id'), table_name='visit')
    op.drop_table('visit')
    op.drop_index('ix_screening_record_round_child', table_name='screening_record')
    op.drop_index(op.f('ix_screening_record_hlc'), table_name='screening_record')
    op.drop_index(op.f('ix_screening_record_child_id'), table_name='screening_record')
    op.drop_table('screening_record')
    op.drop_index(op.f('ix_assessment_hlc'), table_name='assessment')
    op.drop_index(op.f('ix_assessment_child_id'), table_name='assessment')
    op.drop_table('assessment')
    op.drop_index(op.f('ix_screening_round_village_code'), table_name='screening_round')
    op.drop_index(op.f('ix_screening_round_hlc'), table_name='screening_round')
    op.drop_table('screening_round')
