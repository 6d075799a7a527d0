"""children: index the list's default order (full pinyin of the name) so the first page over a
county of 100,000 children reads 200 index entries instead of sorting every child (issue 17)

The expression is the one `app.data.children` orders by, written the same way (literals, not bound
parameters), so SQLite matches it to this index.

Revision ID: 0017_child_name_sort
Revises: 0005c_pinyin_keys
"""

from alembic import op

revision = "0017_child_name_sort"
down_revision = "0005c_pinyin_keys"
branch_labels = None
depends_on = None

FULL_PINYIN = "substr(pinyin_key, instr(pinyin_key, ' ') + 1)"


def upgrade() -> None:
    op.execute(f"CREATE INDEX IF NOT EXISTS ix_child_name_sort ON child (deleted, {FULL_PINYIN}, pinyin_key)")
    op.execute("ANALYZE child")


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_child_name_sort")
