"""children: each child's open categories on its own row, so counting a category or group filter over
a county of 100,000 children reads one small index (issue 17)

- `child.category_set`: "|农村留守儿童|低保家庭儿童|", the child's categories whose rows are not
  removed and have no end date, sorted ("" for none). Kept by triggers on `child_category`, whatever
  writes it (the app, the sync merge, a merge of duplicate files, the purge), so it is never
  captured or synced and the ORM model does not carry it;
- a partial index per category (and one for the 困境 group: any category but 农村留守儿童) over the
  children holding it, (birth_date, status, colour, village_code): a filter's count is one scan of
  that index, the age limit a range on birth_date (`app/data/category_counts.py`).

A category with an end date still to come is counted from `child_category` (those rows are few).
Measured at 100,000 children: see docs/scale.md.

Revision ID: 0020_child_category_set
Revises: 0019_child_filter_counts
"""

from alembic import op

from app.data import category_counts

revision = "0020_child_category_set"
down_revision = "0019_child_filter_counts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    columns = {row[1] for row in op.get_bind().exec_driver_sql("PRAGMA table_info(child)")}
    if category_counts.COLUMN not in columns:  # (a test may roll the chain back and run it again)
        op.execute(f"ALTER TABLE child ADD COLUMN {category_counts.COLUMN} VARCHAR(512) NOT NULL DEFAULT ''")
    op.execute(f"UPDATE child SET category_set = {category_counts.SET_OF_CHILD}")
    for sql in category_counts.TRIGGERS.values():
        op.execute(sql)
    for name, sql in category_counts.indexes().items():
        op.execute(sql)
        op.execute(f"ANALYZE {name}")  # the new indexes only: ANALYZE child re-reads every index of it


def downgrade() -> None:
    for name in category_counts.TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for name in category_counts.indexes():
        op.execute(f"DROP INDEX IF EXISTS {name}")
    op.execute("ALTER TABLE child DROP COLUMN category_set")
