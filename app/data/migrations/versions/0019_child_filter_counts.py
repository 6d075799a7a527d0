"""children: indexes so counting a category filter over a county of 100,000 children reads two
narrow indexes instead of every matching child's row (issue 17)

- `ix_child_category_count` (category, deleted, ended, child_id): a category's current rows from
  the index alone;
- `ix_child_by_id` (id, deleted, birth_date, status, colour, village_code): each such child's
  tests (removed, aged out, status, colour, village) from the index alone.

Measured at 100,000 children: the count of 低保家庭儿童 53 -> 27 ms CPU, 留守 189 -> 139.

Revision ID: 0019_child_filter_counts
Revises: 0018_child_list_filters
"""

from alembic import op

revision = "0019_child_filter_counts"
down_revision = "0018_child_list_filters"
branch_labels = None
depends_on = None

INDEXES = {
    "ix_child_category_count": "child_category (category, deleted, ended, child_id)",
    "ix_child_by_id": "child (id, deleted, birth_date, status, colour, village_code)",
}


def upgrade() -> None:
    for name, on in INDEXES.items():
        op.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {on}")
    op.execute("ANALYZE child")
    op.execute("ANALYZE child_category")


def downgrade() -> None:
    for name in INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")
