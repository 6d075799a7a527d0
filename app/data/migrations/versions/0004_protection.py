"""protection: mandatory reports, benefits, insurance, school-roll imports, disability services, cases

Revision ID: 0004_protection
Revises: 0001_foundation
"""

from alembic import op
import sqlalchemy as sa


revision = '0004_protection'
down_revision = '0001_foundation'
branch_labels = ('protection',)
depends_on = None


def upgrade() -> None:
    op.create_table('school_roll_import',
    sa.Column('file_name', sa.String(length=255), nullable=False),
    sa.Column('file_sha256', sa.String(length=64), nullable=False),
    sa.Column('imported_at', sa.DateTime(), nullable=False),
    sa.Column('imported_by', sa.String(length=64), nullable=False),
    sa.Column('reference_date', sa.Date(), nullable=False),
    sa.Column('row_count', sa.Integer(), nullable=False),
    sa.Column('skipped_rows', sa.Text(), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('hlc', sa.String(length=21), nullable=False),
    sa.Column('origin', sa.String(length=64), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('versions', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_school_roll_import'))
    )
    with op.batch_alter_table('school_roll_import', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_school_roll_import_file_sha256'), ['file_sha256'], unique=False)
        batch_op.create_index(batch_op.f('ix_school_roll_import_hlc'), ['hlc'], unique=False)

    op.create_table('benefit_entitlement',
    sa.Column('child_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('monthly_amount', sa.Integer(), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('end_reason', sa.String(length=64), nullable=False),
    sa.Column('approval_no', sa.String(length=64), nullable=False),
    sa.Column('bank_account', sa.String(length=64), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('hlc', sa.String(length=21), nullable=False),
    sa.Column('origin', sa.String(length=64), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('versions', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], name=op.f('fk_benefit_entitlement_child_id_child')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_benefit_entitlement'))
    )
    with op.batch_alter_table('benefit_entitlement', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_benefit_entitlement_child_id'), ['child_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_benefit_entitlement_hlc'), ['hlc'], unique=False)

    op.create_table('disability_service',
    sa.Column('child_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('provider', sa.String(length=128), nullable=False),
    sa.Column('referred_on', sa.Date(), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('state_date', sa.Date(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('hlc', sa.String(length=21), nullable=False),
    sa.Column('origin', sa.String(length=64), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('versions', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], name=op.f('fk_disability_service_child_id_child')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_disability_service'))
    )
    with op.batch_alter_table('disability_service', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_disability_service_child_id'), ['child_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_disability_service_hlc'), ['hlc'], unique=False)

    op.create_table('insurance',
    sa.Column('child_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('insurer', sa.String(length=64), nullable=False),
    sa.Column('policy_no', sa.String(length=64), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=False),
    sa.Column('paid_by', sa.String(length=64), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('hlc', sa.String(length=21), nullable=False),
    sa.Column('origin', sa.String(length=64), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('versions', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], name=op.f('fk_insurance_child_id_child')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_insurance'))
    )
    with op.batch_alter_table('insurance', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_insurance_child_id'), ['child_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_insurance_hlc'), ['hlc'], unique=False)

    op.create_table('mandatory_report',
    sa.Column('child_id', sa.String(length=36), nullable=False),
    sa.Column('found_at', sa.DateTime(), nullable=False),
    sa.Column('place', sa.String(length=255), nullable=False),
    sa.Column('found_by', sa.String(length=64), nullable=False),
    sa.Column('situation', sa.String(length=32), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('urgency', sa.String(length=8), nullable=False),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.Column('recorded_by', sa.String(length=64), nullable=False),
    sa.Column('amends_id', sa.String(length=36), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('hlc', sa.String(length=21), nullable=False),
    sa.Column('origin', sa.String(length=64), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('versions', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], name=op.f('fk_mandatory_report_child_id_child')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mandatory_report'))
    )
    with op.batch_alter_table('mandatory_report', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mandatory_report_child_id'), ['child_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_mandatory_report_hlc'), ['hlc'], unique=False)

    op.create_table('protection_case',
    sa.Column('child_id', sa.String(length=36), nullable=False),
    sa.Column('title', sa.String(length=128), nullable=False),
    sa.Column('problem', sa.Text(), nullable=False),
    sa.Column('owner', sa.String(length=64), nullable=False),
    sa.Column('opened_on', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('closing_summary', sa.Text(), nullable=False),
    sa.Column('report_id', sa.String(length=36), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('hlc', sa.String(length=21), nullable=False),
    sa.Column('origin', sa.String(length=64), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('versions', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], name=op.f('fk_protection_case_child_id_child')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_protection_case'))
    )
    with op.batch_alter_table('protection_case', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_protection_case_child_id'), ['child_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_protection_case_hlc'), ['hlc'], unique=False)
        batch_op.create_index(batch_op.f('ix_protection_case_status'), ['status'], unique=False)

    op.create_table('return_to_school_task',
    sa.Column('child_id', sa.String(length=36), nullable=False),
    sa.Column('import_id', sa.String(length=36), nullable=True),
    sa.Column('opened_on', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('outcome', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('hlc', sa.String(length=21), nullable=False),
    sa.Column('origin', sa.String(length=64), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('versions', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], name=op.f('fk_return_to_school_task_child_id_child')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_return_to_school_task'))
    )
    with op.batch_alter_table('return_to_school_task', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_return_to_school_task_child_id'), ['child_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_return_to_school_task_hlc'), ['hlc'], unique=False)

    op.create_table('school_roll_finding',
    sa.Column('import_id', sa.String(length=36), nullable=False),
    sa.Column('child_id', sa.String(length=36), nullable=True),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('certain', sa.Boolean(), nullable=False),
    sa.Column('row_no', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('id_number', sa.String(length=18), nullable=False),
    sa.Column('roll_school', sa.String(length=128), nullable=False),
    sa.Column('recorded_school', sa.String(length=128), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('hlc', sa.String(length=21), nullable=False),
    sa.Column('origin', sa.String(length=64), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('versions', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], name=op.f('fk_school_roll_finding_child_id_child')),
    sa.ForeignKeyConstraint(['import_id'], ['school_roll_import.id'], name=op.f('fk_school_roll_finding_import_id_school_roll_import')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_school_roll_finding'))
    )
    with op.batch_alter_table('school_roll_finding', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_school_roll_finding_child_id'), ['child_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_school_roll_finding_hlc'), ['hlc'], unique=False)
        batch_op.create_index(batch_op.f('ix_school_roll_finding_import_id'), ['import_id'], unique=False)

    op.create_table('benefit_payment',
    sa.Column('entitlement_id', sa.String(length=36), nullable=False),
    sa.Column('child_id', sa.String(length=36), nullable=False),
    sa.Column('month', sa.String(length=7), nullable=False),
    sa.Column('amount', sa.Integer(), nullable=False),
    sa.Column('paid_on', sa.Date(), nullable=False),
    sa.Column('amends_id', sa.String(length=36), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('hlc', sa.String(length=21), nullable=False),
    sa.Column('origin', sa.String(length=64), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('versions', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], name=op.f('fk_benefit_payment_child_id_child')),
    sa.ForeignKeyConstraint(['entitlement_id'], ['benefit_entitlement.id'], name=op.f('fk_benefit_payment_entitlement_id_benefit_entitlement')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_benefit_payment'))
    )
    with op.batch_alter_table('benefit_payment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_benefit_payment_child_id'), ['child_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_benefit_payment_entitlement_id'), ['entitlement_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_benefit_payment_hlc'), ['hlc'], unique=False)

    op.create_table('case_note',
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('child_id', sa.String(length=36), nullable=False),
    sa.Column('written_at', sa.DateTime(), nullable=False),
    sa.Column('author', sa.String(length=64), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('hlc', sa.String(length=21), nullable=False),
    sa.Column('origin', sa.String(length=64), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('versions', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['protection_case.id'], name=op.f('fk_case_note_case_id_protection_case')),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], name=op.f('fk_case_note_child_id_child')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_note'))
    )
    with op.batch_alter_table('case_note', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_note_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_note_child_id'), ['child_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_note_hlc'), ['hlc'], unique=False)

    op.create_table('case_party',
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('child_id', sa.String(length=36), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('phone', sa.String(length=32), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('hlc', sa.String(length=21), nullable=False),
    sa.Column('origin', sa.String(length=64), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('versions', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['protection_case.id'], name=op.f('fk_case_party_case_id_protection_case')),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], name=op.f('fk_case_party_child_id_child')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_party'))
    )
    with op.batch_alter_table('case_party', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_party_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_party_child_id'), ['child_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_party_hlc'), ['hlc'], unique=False)

    op.create_table('case_step',
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('child_id', sa.String(length=36), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=255), nullable=False),
    sa.Column('responsible', sa.String(length=64), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.Column('state', sa.String(length=8), nullable=False),
    sa.Column('done_on', sa.Date(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('hlc', sa.String(length=21), nullable=False),
    sa.Column('origin', sa.String(length=64), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('versions', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['protection_case.id'], name=op.f('fk_case_step_case_id_protection_case')),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], name=op.f('fk_case_step_child_id_child')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_step'))
    )
    with op.batch_alter_table('case_step', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_step_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_step_child_id'), ['child_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_step_hlc'), ['hlc'], unique=False)

    op.create_table('report_follow_up',
    sa.Column('report_id', sa.String(length=36), nullable=False),
    sa.Column('child_id', sa.String(length=36), nullable=False),
    sa.Column('on_date', sa.Date(), nullable=False),
    sa.Column('actor', sa.String(length=64), nullable=False),
    sa.Column('action', sa.Text(), nullable=False),
    sa.Column('outcome', sa.Text(), nullable=False),
    sa.Column('closes', sa.Boolean(), nullable=False),
    sa.Column('recorded_by', sa.String(length=64), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('hlc', sa.String(length=21), nullable=False),
    sa.Column('origin', sa.String(length=64), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('versions', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], name=op.f('fk_report_follow_up_child_id_child')),
    sa.ForeignKeyConstraint(['report_id'], ['mandatory_report.id'], name=op.f('fk_report_follow_up_report_id_mandatory_report')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report_follow_up'))
    )
    with op.batch_alter_table('report_follow_up', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_report_follow_up_child_id'), ['child_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_report_follow_up_hlc'), ['hlc'], unique=False)
        batch_op.create_index(batch_op.f('ix_report_follow_up_report_id'), ['report_id'], unique=False)

    op.create_table('report_notification',
    sa.Column('report_id', sa.String(length=36), nullable=False),
    sa.Column('child_id', sa.String(length=36), nullable=False),
    sa.Column('body', sa.String(length=16), nullable=False),
    sa.Column('notified_at', sa.DateTime(), nullable=False),
    sa.Column('method', sa.String(length=16), nullable=False),
    sa.Column('receiver', sa.String(length=64), nullable=False),
    sa.Column('reference_no', sa.String(length=64), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('hlc', sa.String(length=21), nullable=False),
    sa.Column('origin', sa.String(length=64), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('versions', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], name=op.f('fk_report_notification_child_id_child')),
    sa.ForeignKeyConstraint(['report_id'], ['mandatory_report.id'], name=op.f('fk_report_notification_report_id_mandatory_report')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report_notification'))
    )
    with op.batch_alter_table('report_notification', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_report_notification_child_id'), ['child_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_report_notification_hlc'), ['hlc'], unique=False)
        batch_op.create_index(batch_op.f('ix_report_notification_report_id'), ['report_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('report_notification', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_report_notification_report_id'))
        batch_op.drop_index(batch_op.f('ix_report_notification_hlc'))
        batch_op.drop_index(batch_op.f('ix_report_notification_child_id'))

    op.drop_table('report_notification')
    with op.batch_alter_table('report_follow_up', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_report_follow_up_report_id'))
        batch_op.drop_index(batch_op.f('ix_report_follow_up_hlc'))
        batch_op.drop_index(batch_op.f('ix_report_follow_up_child_id'))

    op.drop_table('report_follow_up')
    with op.batch_alter_table('case_step', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_step_hlc'))
        batch_op.drop_index(batch_op.f('ix_case_step_child_id'))
        batch_op.drop_index(batch_op.f('ix_case_step_case_id'))

    op.drop_table('case_step')
    with op.batch_alter_table('case_party', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_party_hlc'))
        batch_op.drop_index(batch_op.f('ix_case_party_child_id'))
        batch_op.drop_index(batch_op.f('ix_case_party_case_id'))

    op.drop_table('case_party')
    with op.batch_alter_table('case_note', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_note_hlc'))
        batch_op.drop_index(batch_op.f('ix_case_note_child_id'))
        batch_op.drop_index(batch_op.f('ix_case_note_case_id'))

    op.drop_table('case_note')
    with op.batch_alter_table('benefit_payment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_benefit_payment_hlc'))
        batch_op.drop_index(batch_op.f('ix_benefit_payment_entitlement_id'))
        batch_op.drop_index(batch_op.f('ix_benefit_payment_child_id'))

    op.drop_table('benefit_payment')
    with op.batch_alter_table('school_roll_finding', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_school_roll_finding_import_id'))
        batch_op.drop_index(batch_op.f('ix_school_roll_finding_hlc'))
        batch_op.drop_index(batch_op.f('ix_school_roll_finding_child_id'))

    op.drop_table('school_roll_finding')
    with op.batch_alter_table('return_to_school_task', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_return_to_school_task_hlc'))
        batch_op.drop_index(batch_op.f('ix_return_to_school_task_child_id'))

    op.drop_table('return_to_school_task')
    with op.batch_alter_table('protection_case', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_protection_case_status'))
        batch_op.drop_index(batch_op.f('ix_protection_case_hlc'))
        batch_op.drop_index(batch_op.f('ix_protection_case_child_id'))

    op.drop_table('protection_case')
    with op.batch_alter_table('mandatory_report', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mandatory_report_hlc'))
        batch_op.drop_index(batch_op.f('ix_mandatory_report_child_id'))

    op.drop_table('mandatory_report')
    with op.batch_alter_table('insurance', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_insurance_hlc'))
        batch_op.drop_index(batch_op.f('ix_insurance_child_id'))

    op.drop_table('insurance')
    with op.batch_alter_table('disability_service', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_disability_service_hlc'))
        batch_op.drop_index(batch_op.f('ix_disability_service_child_id'))

    op.drop_table('disability_service')
    with op.batch_alter_table('benefit_entitlement', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_benefit_entitlement_hlc'))
        batch_op.drop_index(batch_op.f('ix_benefit_entitlement_child_id'))

    op.drop_table('benefit_entitlement')
    with op.batch_alter_table('school_roll_import', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_school_roll_import_hlc'))
        batch_op.drop_index(batch_op.f('ix_school_roll_import_file_sha256'))

    op.drop_table('school_roll_import')
