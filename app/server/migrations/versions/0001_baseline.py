"""Baseline: the county server's schema as `create_all` made it before migrations existed.

The server's own tables (srv_*) and the copies of the desktop tables as of commit dda1c1d. A
database made before migrations is stamped at this revision, then upgraded. Frozen: never edit.

Revision ID: 0001
Revises:
Create Date: 2026-12-01
"""

from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('app_user',
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('display_name', sa.String(length=64), nullable=False),
    sa.Column('role', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_app_user'))
    )
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
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assessment'))
    )
    op.create_index(op.f('ix_assessment_child_id'), 'assessment', ['child_id'], unique=False)
    op.create_index(op.f('ix_assessment_hlc'), 'assessment', ['hlc'], unique=False)
    op.create_table('audit_entry',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('actor', sa.String(length=64), nullable=False),
    sa.Column('device', sa.String(length=64), nullable=False),
    sa.Column('action', sa.String(length=16), nullable=False),
    sa.Column('table_name', sa.String(length=64), nullable=False),
    sa.Column('row_id', sa.String(length=36), nullable=False),
    sa.Column('child_id', sa.String(length=36), nullable=True),
    sa.Column('field', sa.String(length=64), nullable=False),
    sa.Column('old_value', sa.Text(), nullable=True),
    sa.Column('new_value', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_audit_entry'))
    )
    op.create_index(op.f('ix_audit_entry_child_id'), 'audit_entry', ['child_id'], unique=False)
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
    sa.PrimaryKeyConstraint('id', name=op.f('pk_benefit_entitlement'))
    )
    op.create_index(op.f('ix_benefit_entitlement_child_id'), 'benefit_entitlement', ['child_id'], unique=False)
    op.create_index(op.f('ix_benefit_entitlement_hlc'), 'benefit_entitlement', ['hlc'], unique=False)
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
    sa.PrimaryKeyConstraint('id', name=op.f('pk_benefit_payment'))
    )
    op.create_index(op.f('ix_benefit_payment_child_id'), 'benefit_payment', ['child_id'], unique=False)
    op.create_index(op.f('ix_benefit_payment_entitlement_id'), 'benefit_payment', ['entitlement_id'], unique=False)
    op.create_index(op.f('ix_benefit_payment_hlc'), 'benefit_payment', ['hlc'], unique=False)
    op.create_table('care_arrangement',
    sa.Column('child_id', sa.String(length=36), nullable=False),
    sa.Column('carer_name', sa.String(length=64), nullable=False),
    sa.Column('relation', sa.String(length=16), nullable=False),
    sa.Column('carer_age', sa.Integer(), nullable=True),
    sa.Column('phone', sa.String(length=32), nullable=False),
    sa.Column('ability', sa.String(length=16), nullable=False),
    sa.Column('since', sa.Date(), nullable=True),
    sa.Column('agreement_signed', sa.Boolean(), nullable=False),
    sa.Column('agreement_date', sa.Date(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('hlc', sa.String(length=21), nullable=False),
    sa.Column('origin', sa.String(length=64), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('versions', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_care_arrangement'))
    )
    op.create_index(op.f('ix_care_arrangement_child_id'), 'care_arrangement', ['child_id'], unique=False)
    op.create_index(op.f('ix_care_arrangement_hlc'), 'care_arrangement', ['hlc'], unique=False)
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
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_note'))
    )
    op.create_index(op.f('ix_case_note_case_id'), 'case_note', ['case_id'], unique=False)
    op.create_index(op.f('ix_case_note_child_id'), 'case_note', ['child_id'], unique=False)
    op.create_index(op.f('ix_case_note_hlc'), 'case_note', ['hlc'], unique=False)
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
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_party'))
    )
    op.create_index(op.f('ix_case_party_case_id'), 'case_party', ['case_id'], unique=False)
    op.create_index(op.f('ix_case_party_child_id'), 'case_party', ['child_id'], unique=False)
    op.create_index(op.f('ix_case_party_hlc'), 'case_party', ['hlc'], unique=False)
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
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_step'))
    )
    op.create_index(op.f('ix_case_step_case_id'), 'case_step', ['case_id'], unique=False)
    op.create_index(op.f('ix_case_step_child_id'), 'case_step', ['child_id'], unique=False)
    op.create_index(op.f('ix_case_step_hlc'), 'case_step', ['hlc'], unique=False)
    op.create_table('child',
    sa.Column('village_code', sa.String(length=12), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('pinyin_key', sa.String(length=255), nullable=False),
    sa.Column('id_number', sa.String(length=18), nullable=False),
    sa.Column('sex', sa.String(length=4), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('ethnicity', sa.String(length=32), nullable=False),
    sa.Column('hukou_place', sa.String(length=255), nullable=False),
    sa.Column('hukou_type', sa.String(length=16), nullable=False),
    sa.Column('address', sa.String(length=255), nullable=False),
    sa.Column('group_name', sa.String(length=32), nullable=False),
    sa.Column('phone', sa.String(length=32), nullable=False),
    sa.Column('school', sa.String(length=128), nullable=False),
    sa.Column('school_stage', sa.String(length=16), nullable=False),
    sa.Column('grade', sa.String(length=32), nullable=False),
    sa.Column('health', sa.String(length=255), nullable=False),
    sa.Column('illness', sa.String(length=255), nullable=False),
    sa.Column('disability_type', sa.String(length=16), nullable=False),
    sa.Column('disability_grade', sa.String(length=8), nullable=False),
    sa.Column('disability_cert_no', sa.String(length=32), nullable=False),
    sa.Column('guardianship_state', sa.String(length=16), nullable=False),
    sa.Column('photo', sa.LargeBinary(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('status_date', sa.Date(), nullable=True),
    sa.Column('status_note', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('merged_into', sa.String(length=36), nullable=True),
    sa.Column('colour', sa.String(length=4), nullable=False),
    sa.Column('last_visit_date', sa.Date(), nullable=True),
    sa.Column('next_visit_due', sa.Date(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('hlc', sa.String(length=21), nullable=False),
    sa.Column('origin', sa.String(length=64), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('versions', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_child'))
    )
    op.create_index(op.f('ix_child_colour'), 'child', ['colour'], unique=False)
    op.create_index(op.f('ix_child_hlc'), 'child', ['hlc'], unique=False)
    op.create_index(op.f('ix_child_id_number'), 'child', ['id_number'], unique=False)
    op.create_index(op.f('ix_child_merged_into'), 'child', ['merged_into'], unique=False)
    op.create_index(op.f('ix_child_next_visit_due'), 'child', ['next_visit_due'], unique=False)
    op.create_index(op.f('ix_child_status'), 'child', ['status'], unique=False)
    op.create_index(op.f('ix_child_village_code'), 'child', ['village_code'], unique=False)
    op.create_table('child_category',
    sa.Column('child_id', sa.String(length=36), nullable=False),
    sa.Column('category', sa.String(length=32), nullable=False),
    sa.Column('since', sa.Date(), nullable=True),
    sa.Column('evidence', sa.Text(), nullable=False),
    sa.Column('ended', sa.Date(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('hlc', sa.String(length=21), nullable=False),
    sa.Column('origin', sa.String(length=64), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('versions', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_child_category'))
    )
    op.create_index(op.f('ix_child_category_child_id'), 'child_category', ['child_id'], unique=False)
    op.create_index(op.f('ix_child_category_hlc'), 'child_category', ['hlc'], unique=False)
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
    sa.PrimaryKeyConstraint('id', name=op.f('pk_disability_service'))
    )
    op.create_index(op.f('ix_disability_service_child_id'), 'disability_service', ['child_id'], unique=False)
    op.create_index(op.f('ix_disability_service_hlc'), 'disability_service', ['hlc'], unique=False)
    op.create_table('guardian',
    sa.Column('child_id', sa.String(length=36), nullable=False),
    sa.Column('relation', sa.String(length=16), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('id_number', sa.String(length=18), nullable=False),
    sa.Column('phone', sa.String(length=32), nullable=False),
    sa.Column('is_guardian', sa.Boolean(), nullable=False),
    sa.Column('works_away', sa.Boolean(), nullable=False),
    sa.Column('work_place', sa.String(length=128), nullable=False),
    sa.Column('away_since', sa.Date(), nullable=True),
    sa.Column('contact_frequency', sa.String(length=16), nullable=False),
    sa.Column('last_contact', sa.Date(), nullable=True),
    sa.Column('circumstance', sa.String(length=32), nullable=False),
    sa.Column('circumstance_since', sa.Date(), nullable=True),
    sa.Column('health', sa.String(length=64), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('hlc', sa.String(length=21), nullable=False),
    sa.Column('origin', sa.String(length=64), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('versions', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_guardian'))
    )
    op.create_index(op.f('ix_guardian_child_id'), 'guardian', ['child_id'], unique=False)
    op.create_index(op.f('ix_guardian_hlc'), 'guardian', ['hlc'], unique=False)
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
    sa.PrimaryKeyConstraint('id', name=op.f('pk_insurance'))
    )
    op.create_index(op.f('ix_insurance_child_id'), 'insurance', ['child_id'], unique=False)
    op.create_index(op.f('ix_insurance_hlc'), 'insurance', ['hlc'], unique=False)
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
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mandatory_report'))
    )
    op.create_index(op.f('ix_mandatory_report_child_id'), 'mandatory_report', ['child_id'], unique=False)
    op.create_index(op.f('ix_mandatory_report_hlc'), 'mandatory_report', ['hlc'], unique=False)
    op.create_table('need',
    sa.Column('child_id', sa.String(length=36), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('noted_on', sa.Date(), nullable=True),
    sa.Column('coverage', sa.String(length=16), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('hlc', sa.String(length=21), nullable=False),
    sa.Column('origin', sa.String(length=64), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('versions', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_need'))
    )
    op.create_index(op.f('ix_need_child_id'), 'need', ['child_id'], unique=False)
    op.create_index(op.f('ix_need_hlc'), 'need', ['hlc'], unique=False)
    op.create_table('outbox',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('change_id', sa.String(length=36), nullable=False),
    sa.Column('table_name', sa.String(length=64), nullable=False),
    sa.Column('row_id', sa.String(length=36), nullable=False),
    sa.Column('field', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=True),
    sa.Column('hlc', sa.String(length=21), nullable=False),
    sa.Column('base_hlc', sa.String(length=21), nullable=False),
    sa.Column('origin', sa.String(length=64), nullable=False),
    sa.Column('actor', sa.String(length=64), nullable=False),
    sa.Column('priority', sa.Integer(), nullable=False),
    sa.Column('acked', sa.Boolean(), nullable=False),
    sa.Column('refused_code', sa.String(length=32), nullable=True),
    sa.Column('refused_message', sa.Text(), nullable=True),
    sa.Column('refused_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_outbox'))
    )
    op.create_index(op.f('ix_outbox_acked'), 'outbox', ['acked'], unique=False)
    op.create_index(op.f('ix_outbox_row_id'), 'outbox', ['row_id'], unique=False)
    op.create_table('place',
    sa.Column('code', sa.String(length=12), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('level', sa.String(length=16), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('hlc', sa.String(length=21), nullable=False),
    sa.Column('origin', sa.String(length=64), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('versions', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_place'))
    )
    op.create_index(op.f('ix_place_code'), 'place', ['code'], unique=False)
    op.create_index(op.f('ix_place_hlc'), 'place', ['hlc'], unique=False)
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
    sa.PrimaryKeyConstraint('id', name=op.f('pk_protection_case'))
    )
    op.create_index(op.f('ix_protection_case_child_id'), 'protection_case', ['child_id'], unique=False)
    op.create_index(op.f('ix_protection_case_hlc'), 'protection_case', ['hlc'], unique=False)
    op.create_index(op.f('ix_protection_case_status'), 'protection_case', ['status'], unique=False)
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
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report_follow_up'))
    )
    op.create_index(op.f('ix_report_follow_up_child_id'), 'report_follow_up', ['child_id'], unique=False)
    op.create_index(op.f('ix_report_follow_up_hlc'), 'report_follow_up', ['hlc'], unique=False)
    op.create_index(op.f('ix_report_follow_up_report_id'), 'report_follow_up', ['report_id'], unique=False)
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
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report_notification'))
    )
    op.create_index(op.f('ix_report_notification_child_id'), 'report_notification', ['child_id'], unique=False)
    op.create_index(op.f('ix_report_notification_hlc'), 'report_notification', ['hlc'], unique=False)
    op.create_index(op.f('ix_report_notification_report_id'), 'report_notification', ['report_id'], unique=False)
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
    sa.PrimaryKeyConstraint('id', name=op.f('pk_return_to_school_task'))
    )
    op.create_index(op.f('ix_return_to_school_task_child_id'), 'return_to_school_task', ['child_id'], unique=False)
    op.create_index(op.f('ix_return_to_school_task_hlc'), 'return_to_school_task', ['hlc'], unique=False)
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
    sa.PrimaryKeyConstraint('id', name=op.f('pk_school_roll_finding'))
    )
    op.create_index(op.f('ix_school_roll_finding_child_id'), 'school_roll_finding', ['child_id'], unique=False)
    op.create_index(op.f('ix_school_roll_finding_hlc'), 'school_roll_finding', ['hlc'], unique=False)
    op.create_index(op.f('ix_school_roll_finding_import_id'), 'school_roll_finding', ['import_id'], unique=False)
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
    op.create_index(op.f('ix_school_roll_import_file_sha256'), 'school_roll_import', ['file_sha256'], unique=False)
    op.create_index(op.f('ix_school_roll_import_hlc'), 'school_roll_import', ['hlc'], unique=False)
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
    sa.PrimaryKeyConstraint('id', name=op.f('pk_screening_record'))
    )
    op.create_index(op.f('ix_screening_record_child_id'), 'screening_record', ['child_id'], unique=False)
    op.create_index(op.f('ix_screening_record_hlc'), 'screening_record', ['hlc'], unique=False)
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
    op.create_table('setting',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_setting'))
    )
    op.create_table('srv_bundle_import',
    sa.Column('bundle_id', sa.String(length=64), nullable=False),
    sa.Column('device_id', sa.String(length=64), nullable=False),
    sa.Column('imported_at', sa.DateTime(), nullable=False),
    sa.Column('cursor', sa.Integer(), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('bundle_id', name=op.f('pk_srv_bundle_import'))
    )
    op.create_index(op.f('ix_srv_bundle_import_device_id'), 'srv_bundle_import', ['device_id'], unique=False)
    op.create_table('srv_change_log',
    sa.Column('seq', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=False, nullable=False),
    sa.Column('change_id', sa.String(length=36), nullable=False),
    sa.Column('device_id', sa.String(length=64), nullable=True),
    sa.Column('table_name', sa.String(length=64), nullable=False),
    sa.Column('row_id', sa.String(length=36), nullable=False),
    sa.Column('field', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=True),
    sa.Column('hlc', sa.String(length=21), nullable=False),
    sa.Column('base_hlc', sa.String(length=21), nullable=False),
    sa.Column('origin', sa.String(length=64), nullable=False),
    sa.Column('actor', sa.String(length=64), nullable=False),
    sa.Column('claimed_actor', sa.String(length=64), nullable=False),
    sa.Column('versions', sa.Text(), nullable=True),
    sa.Column('child_id', sa.String(length=36), nullable=True),
    sa.Column('scope_code', sa.String(length=12), nullable=True),
    sa.Column('scope_code2', sa.String(length=12), nullable=True),
    sa.Column('priority', sa.Integer(), nullable=False),
    sa.Column('received_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_srv_change_log'))
    )
    op.create_index(op.f('ix_srv_change_log_child_id'), 'srv_change_log', ['child_id'], unique=False)
    op.create_index('ix_srv_change_log_scope2_seq', 'srv_change_log', ['scope_code2', 'seq'], unique=False)
    op.create_index('ix_srv_change_log_scope_seq', 'srv_change_log', ['scope_code', 'seq'], unique=False)
    op.create_index('ux_srv_change_log_change_id', 'srv_change_log', ['change_id'], unique=True)
    op.create_table('srv_child_move',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('child_id', sa.String(length=36), nullable=False),
    sa.Column('from_village', sa.String(length=12), nullable=False),
    sa.Column('to_village', sa.String(length=12), nullable=False),
    sa.Column('hlc', sa.String(length=21), nullable=False),
    sa.Column('seq', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_srv_child_move'))
    )
    op.create_index(op.f('ix_srv_child_move_child_id'), 'srv_child_move', ['child_id'], unique=False)
    op.create_table('srv_device',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=128), nullable=False),
    sa.Column('scope', sa.String(length=12), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('sign_public', sa.String(length=64), nullable=False),
    sa.Column('box_public', sa.String(length=64), nullable=False),
    sa.Column('revoked', sa.Boolean(), nullable=False),
    sa.Column('enrolled_at', sa.DateTime(), nullable=False),
    sa.Column('last_seen', sa.DateTime(), nullable=True),
    sa.Column('last_sync', sa.DateTime(), nullable=True),
    sa.Column('client_version', sa.String(length=32), nullable=False),
    sa.Column('protocol', sa.Integer(), nullable=False),
    sa.Column('cursor', sa.BigInteger(), nullable=False),
    sa.Column('state', sa.String(length=32), nullable=False),
    sa.Column('echo_pending', sa.Boolean(), nullable=False),
    sa.Column('restores', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_srv_device'))
    )
    op.create_index(op.f('ix_srv_device_token_hash'), 'srv_device', ['token_hash'], unique=True)
    op.create_table('srv_enrol_code',
    sa.Column('code_hash', sa.String(length=64), nullable=False),
    sa.Column('scope', sa.String(length=12), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('expires_at', sa.DateTime(), nullable=False),
    sa.Column('used_by', sa.String(length=64), nullable=True),
    sa.Column('used_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('code_hash', name=op.f('pk_srv_enrol_code'))
    )
    op.create_table('srv_priority_alert',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('seq', sa.BigInteger(), nullable=False),
    sa.Column('table_name', sa.String(length=64), nullable=False),
    sa.Column('row_id', sa.String(length=36), nullable=False),
    sa.Column('child_id', sa.String(length=36), nullable=True),
    sa.Column('scope_code', sa.String(length=12), nullable=True),
    sa.Column('device_id', sa.String(length=64), nullable=False),
    sa.Column('received_at', sa.DateTime(), nullable=False),
    sa.Column('acknowledged', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_srv_priority_alert'))
    )
    op.create_table('srv_refusal',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('device_id', sa.String(length=64), nullable=False),
    sa.Column('change_id', sa.String(length=64), nullable=False),
    sa.Column('table_name', sa.String(length=64), nullable=False),
    sa.Column('row_id', sa.String(length=64), nullable=False),
    sa.Column('field', sa.String(length=64), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_srv_refusal'))
    )
    op.create_index(op.f('ix_srv_refusal_device_id'), 'srv_refusal', ['device_id'], unique=False)
    op.create_table('srv_setting',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_srv_setting'))
    )
    op.create_table('sync_conflict',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('key', sa.String(length=36), nullable=True),
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
    op.create_index(op.f('ix_sync_conflict_child_id'), 'sync_conflict', ['child_id'], unique=False)
    op.create_index(op.f('ix_sync_conflict_resolved'), 'sync_conflict', ['resolved'], unique=False)
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
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visit'))
    )
    op.create_index(op.f('ix_visit_amends_id'), 'visit', ['amends_id'], unique=False)
    op.create_index(op.f('ix_visit_hlc'), 'visit', ['hlc'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_visit_hlc'), table_name='visit')
    op.drop_index(op.f('ix_visit_amends_id'), table_name='visit')
    op.drop_table('visit')
    op.drop_table('sync_run')
    op.drop_index(op.f('ix_sync_conflict_resolved'), table_name='sync_conflict')
    op.drop_index(op.f('ix_sync_conflict_child_id'), table_name='sync_conflict')
    op.drop_table('sync_conflict')
    op.drop_table('srv_setting')
    op.drop_index(op.f('ix_srv_refusal_device_id'), table_name='srv_refusal')
    op.drop_table('srv_refusal')
    op.drop_table('srv_priority_alert')
    op.drop_table('srv_enrol_code')
    op.drop_index(op.f('ix_srv_device_token_hash'), table_name='srv_device')
    op.drop_table('srv_device')
    op.drop_index(op.f('ix_srv_child_move_child_id'), table_name='srv_child_move')
    op.drop_table('srv_child_move')
    op.drop_index('ux_srv_change_log_change_id', table_name='srv_change_log')
    op.drop_index('ix_srv_change_log_scope_seq', table_name='srv_change_log')
    op.drop_index('ix_srv_change_log_scope2_seq', table_name='srv_change_log')
    op.drop_index(op.f('ix_srv_change_log_child_id'), table_name='srv_change_log')
    op.drop_table('srv_change_log')
    op.drop_index(op.f('ix_srv_bundle_import_device_id'), table_name='srv_bundle_import')
    op.drop_table('srv_bundle_import')
    op.drop_table('setting')
    op.drop_index(op.f('ix_screening_round_village_code'), table_name='screening_round')
    op.drop_index(op.f('ix_screening_round_hlc'), table_name='screening_round')
    op.drop_table('screening_round')
    op.drop_index(op.f('ix_screening_record_hlc'), table_name='screening_record')
    op.drop_index(op.f('ix_screening_record_child_id'), table_name='screening_record')
    op.drop_table('screening_record')
    op.drop_index(op.f('ix_school_roll_import_hlc'), table_name='school_roll_import')
    op.drop_index(op.f('ix_school_roll_import_file_sha256'), table_name='school_roll_import')
    op.drop_table('school_roll_import')
    op.drop_index(op.f('ix_school_roll_finding_import_id'), table_name='school_roll_finding')
    op.drop_index(op.f('ix_school_roll_finding_hlc'), table_name='school_roll_finding')
    op.drop_index(op.f('ix_school_roll_finding_child_id'), table_name='school_roll_finding')
    op.drop_table('school_roll_finding')
    op.drop_index(op.f('ix_return_to_school_task_hlc'), table_name='return_to_school_task')
    op.drop_index(op.f('ix_return_to_school_task_child_id'), table_name='return_to_school_task')
    op.drop_table('return_to_school_task')
    op.drop_index(op.f('ix_report_notification_report_id'), table_name='report_notification')
    op.drop_index(op.f('ix_report_notification_hlc'), table_name='report_notification')
    op.drop_index(op.f('ix_report_notification_child_id'), table_name='report_notification')
    op.drop_table('report_notification')
    op.drop_index(op.f('ix_report_follow_up_report_id'), table_name='report_follow_up')
    op.drop_index(op.f('ix_report_follow_up_hlc'), table_name='report_follow_up')
    op.drop_index(op.f('ix_report_follow_up_child_id'), table_name='report_follow_up')
    op.drop_table('report_follow_up')
    op.drop_index(op.f('ix_protection_case_status'), table_name='protection_case')
    op.drop_index(op.f('ix_protection_case_hlc'), table_name='protection_case')
    op.drop_index(op.f('ix_protection_case_child_id'), table_name='protection_case')
    op.drop_table('protection_case')
    op.drop_index(op.f('ix_place_hlc'), table_name='place')
    op.drop_index(op.f('ix_place_code'), table_name='place')
    op.drop_table('place')
    op.drop_index(op.f('ix_outbox_row_id'), table_name='outbox')
    op.drop_index(op.f('ix_outbox_acked'), table_name='outbox')
    op.drop_table('outbox')
    op.drop_index(op.f('ix_need_hlc'), table_name='need')
    op.drop_index(op.f('ix_need_child_id'), table_name='need')
    op.drop_table('need')
    op.drop_index(op.f('ix_mandatory_report_hlc'), table_name='mandatory_report')
    op.drop_index(op.f('ix_mandatory_report_child_id'), table_name='mandatory_report')
    op.drop_table('mandatory_report')
    op.drop_index(op.f('ix_insurance_hlc'), table_name='insurance')
    op.drop_index(op.f('ix_insurance_child_id'), table_name='insurance')
    op.drop_table('insurance')
    op.drop_index(op.f('ix_guardian_hlc'), table_name='guardian')
    op.drop_index(op.f('ix_guardian_child_id'), table_name='guardian')
    op.drop_table('guardian')
    op.drop_index(op.f('ix_disability_service_hlc'), table_name='disability_service')
    op.drop_index(op.f('ix_disability_service_child_id'), table_name='disability_service')
    op.drop_table('disability_service')
    op.drop_index(op.f('ix_child_category_hlc'), table_name='child_category')
    op.drop_index(op.f('ix_child_category_child_id'), table_name='child_category')
    op.drop_table('child_category')
    op.drop_index(op.f('ix_child_village_code'), table_name='child')
    op.drop_index(op.f('ix_child_status'), table_name='child')
    op.drop_index(op.f('ix_child_next_visit_due'), table_name='child')
    op.drop_index(op.f('ix_child_merged_into'), table_name='child')
    op.drop_index(op.f('ix_child_id_number'), table_name='child')
    op.drop_index(op.f('ix_child_hlc'), table_name='child')
    op.drop_index(op.f('ix_child_colour'), table_name='child')
    op.drop_table('child')
    op.drop_index(op.f('ix_case_step_hlc'), table_name='case_step')
    op.drop_index(op.f('ix_case_step_child_id'), table_name='case_step')
    op.drop_index(op.f('ix_case_step_case_id'), table_name='case_step')
    op.drop_table('case_step')
    op.drop_index(op.f('ix_case_party_hlc'), table_name='case_party')
    op.drop_index(op.f('ix_case_party_child_id'), table_name='case_party')
    op.drop_index(op.f('ix_case_party_case_id'), table_name='case_party')
    op.drop_table('case_party')
    op.drop_index(op.f('ix_case_note_hlc'), table_name='case_note')
    op.drop_index(op.f('ix_case_note_child_id'), table_name='case_note')
    op.drop_index(op.f('ix_case_note_case_id'), table_name='case_note')
    op.drop_table('case_note')
    op.drop_index(op.f('ix_care_arrangement_hlc'), table_name='care_arrangement')
    op.drop_index(op.f('ix_care_arrangement_child_id'), table_name='care_arrangement')
    op.drop_table('care_arrangement')
    op.drop_index(op.f('ix_benefit_payment_hlc'), table_name='benefit_payment')
    op.drop_index(op.f('ix_benefit_payment_entitlement_id'), table_name='benefit_payment')
    op.drop_index(op.f('ix_benefit_payment_child_id'), table_name='benefit_payment')
    op.drop_table('benefit_payment')
    op.drop_index(op.f('ix_benefit_entitlement_hlc'), table_name='benefit_entitlement')
    op.drop_index(op.f('ix_benefit_entitlement_child_id'), table_name='benefit_entitlement')
    op.drop_table('benefit_entitlement')
    op.drop_index(op.f('ix_audit_entry_child_id'), table_name='audit_entry')
    op.drop_table('audit_entry')
    op.drop_index(op.f('ix_assessment_hlc'), table_name='assessment')
    op.drop_index(op.f('ix_assessment_child_id'), table_name='assessment')
    op.drop_table('assessment')
    op.drop_table('app_user')
