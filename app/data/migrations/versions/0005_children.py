"""children: list/count covering indexes and the FTS5 trigram search index over child

Revision ID: 0005_children
Revises: 0001_foundation
"""

from alembic import op

from app.data import search_index

revision = "0005_children"
down_revision = "0001_foundation"
branch_labels = ("children",)
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("child", schema=None) as batch_op:
        batch_op.create_index("ix_child_list", ["deleted", "pinyin_key", "id", "status", "colour", "name", "id_number"], unique=False)
        batch_op.create_index("ix_child_count", ["deleted", "status", "colour"], unique=False)
    with op.batch_alter_table("child_category", schema=None) as batch_op:
        batch_op.create_index("ix_child_category_category", ["category", "deleted", "child_id"], unique=False)
    search_index.create(op.execute)


def downgrade() -> None:
    search_index.drop(op.execute)
    with op.batch_alter_table("child_category", schema=None) as batch_op:
        batch_op.drop_index("ix_child_category_category")
    with op.batch_alter_table("child", schema=None) as batch_op:
        batch_op.drop_index("ix_child_count")
        batch_op.drop_index("ix_child_list")
