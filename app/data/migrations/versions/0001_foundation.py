"""foundation: places, children, guardians, care, categories, needs, local tables

Revision ID: 0001_foundation
Revises: 
"""

from alembic import op
import sqlalchemy as sa


revision = '0001_foundation'
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
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_entry_child_id'), ['child_id'], unique=False)

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
    with op.batch_alter_table('child', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_child_colour'), ['colour'], unique=False)
        batch_op.create_index(batch_op.f('ix_child_hlc'), ['hlc'], unique=False)
        batch_op.create_index(batch_op.f('ix_child_id_number'), ['id_number'], unique=False)
        batch_op.create_index(batch_op.f('ix_child_next_visit_due'), ['next_visit_due'], unique=False)
        batch_op.create_index(batch_op.f('ix_child_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_child_village_code'), ['village_code'], unique=False)

    op.create_table('outbox',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
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
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_outbox'))
    )
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outbox_acked'), ['acked'], unique=False)
        batch_op.create_index(batch_op.f('ix_outbox_row_id'), ['row_id'], unique=False)

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
    with op.batch_alter_table('place', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_place_code'), ['code'], unique=True)
        batch_op.create_index(batch_op.f('ix_place_hlc'), ['hlc'], unique=False)

    op.create_table('setting',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_setting'))
    )
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
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], name=op.f('fk_care_arrangement_child_id_child')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_care_arrangement'))
    )
    with op.batch_alter_table('care_arrangement', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_care_arrangement_child_id'), ['child_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_care_arrangement_hlc'), ['hlc'], unique=False)

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
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], name=op.f('fk_child_category_child_id_child')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_child_category'))
    )
    with op.batch_alter_table('child_category', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_child_category_child_id'), ['child_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_child_category_hlc'), ['hlc'], unique=False)

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
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], name=op.f('fk_guardian_child_id_child')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_guardian'))
    )
    with op.batch_alter_table('guardian', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_guardian_child_id'), ['child_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_guardian_hlc'), ['hlc'], unique=False)

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
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], name=op.f('fk_need_child_id_child')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_need'))
    )
    with op.batch_alter_table('need', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_need_child_id'), ['child_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_need_hlc'), ['hlc'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('need', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_need_hlc'))
        batch_op.drop_index(batch_op.f('ix_need_child_id'))

    op.drop_table('need')
    with op.batch_alter_table('guardian', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_guardian_hlc'))
        batch_op.drop_index(batch_op.f('ix_guardian_child_id'))

    op.drop_table('guardian')
    with op.batch_alter_table('child_category', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_child_category_hlc'))
        batch_op.drop_index(batch_op.f('ix_child_category_child_id'))

    op.drop_table('child_category')
    with op.batch_alter_table('care_arrangement', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_care_arrangement_hlc'))
        batch_op.drop_index(batch_op.f('ix_care_arrangement_child_id'))

    op.drop_table('care_arrangement')
    op.drop_table('setting')
    with op.batch_alter_table('place', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_place_hlc'))
        batch_op.drop_index(batch_op.f('ix_place_code'))

    op.drop_table('place')
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outbox_row_id'))
        batch_op.drop_index(batch_op.f('ix_outbox_acked'))

    op.drop_table('outbox')
    with op.batch_alter_table('child', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_child_village_code'))
        batch_op.drop_index(batch_op.f('ix_child_status'))
        batch_op.drop_index(batch_op.f('ix_child_next_visit_due'))
        batch_op.drop_index(batch_op.f('ix_child_id_number'))
        batch_op.drop_index(batch_op.f('ix_child_hlc'))
        batch_op.drop_index(batch_op.f('ix_child_colour'))

    op.drop_table('child')
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_entry_child_id'))

    op.drop_table('audit_entry')
    op.drop_table('app_user')
