"""County console: officers' accounts, their browser sessions and the console's audit log.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01
"""

from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('srv_audit',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('user_name', sa.String(length=64), nullable=False),
    sa.Column('action', sa.String(length=64), nullable=False),
    sa.Column('target', sa.String(length=255), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_srv_audit'))
    )
    op.create_index(op.f('ix_srv_audit_action'), 'srv_audit', ['action'], unique=False)
    op.create_index(op.f('ix_srv_audit_at'), 'srv_audit', ['at'], unique=False)
    op.create_index(op.f('ix_srv_audit_user_id'), 'srv_audit', ['user_id'], unique=False)
    op.create_table('srv_console_session',
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('last_seen', sa.DateTime(), nullable=False),
    sa.Column('second_factor_done', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('token_hash', name=op.f('pk_srv_console_session'))
    )
    op.create_index(op.f('ix_srv_console_session_user_id'), 'srv_console_session', ['user_id'], unique=False)
    op.create_table('srv_console_user',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('full_name', sa.String(length=64), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('scope', sa.String(length=12), nullable=False),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('disabled', sa.Boolean(), nullable=False),
    sa.Column('must_change_password', sa.Boolean(), nullable=False),
    sa.Column('totp_secret', sa.String(length=64), nullable=True),
    sa.Column('totp_last_step', sa.Integer(), nullable=False),
    sa.Column('failed_logins', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('last_login', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_srv_console_user')),
    sa.UniqueConstraint('name', name=op.f('uq_srv_console_user_name'))
    )


def downgrade() -> None:
    op.drop_table('srv_console_user')
    op.drop_index(op.f('ix_srv_console_session_user_id'), table_name='srv_console_session')
    op.drop_table('srv_console_session')
    op.drop_index(op.f('ix_srv_audit_user_id'), table_name='srv_audit')
    op.drop_index(op.f('ix_srv_audit_at'), table_name='srv_audit')
    op.drop_index(op.f('ix_srv_audit_action'), table_name='srv_audit')
    op.drop_table('srv_audit')
