"""children: index to list children by age (birth date) without sorting every row

Revision ID: 0005b_children_sort
Revises: 0005_children
"""

from alembic import op

revision = "0005b_children_sort"
down_revision = "0005_children"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("child", schema=None) as batch_op:
        batch_op.create_index("ix_child_birth", ["deleted", "birth_date", "id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("child", schema=None) as batch_op:
        batch_op.drop_index("ix_child_birth")
