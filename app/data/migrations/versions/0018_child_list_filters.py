"""children: indexes so category filters and the remaining sorts read one page, not every child,
over a county of 100,000 children (issue 17)

- `ix_child_category_probe` (child_id, category, deleted, ended): "has this child that category
  now?" from the index alone, so a filter matching many children walks the list's own order and
  stops after the first page;
- sorts by 性别, 组, 状态, 风险颜色, 上次走访 and 下次走访 walk an index in the order
  `app.data.children` sorts them (the visit dates: empty last either way, hence the expression and
  one index per direction).

Revision ID: 0018_child_list_filters
Revises: 0017_child_name_sort
"""

from alembic import op

revision = "0018_child_list_filters"
down_revision = "0017_child_name_sort"
branch_labels = None
depends_on = None

INDEXES = {
    "ix_child_category_probe": "child_category (child_id, category, deleted, ended)",
    "ix_child_sex_sort": "child (deleted, sex, pinyin_key, id)",
    "ix_child_group_sort": "child (deleted, group_name, address, pinyin_key, id)",
    "ix_child_status_sort": "child (deleted, status, pinyin_key, id)",
    "ix_child_colour_sort": "child (deleted, colour, pinyin_key, id)",
    "ix_child_last_visit_sort": "child (deleted, last_visit_date IS NULL, last_visit_date, id)",
    "ix_child_last_visit_sort_desc": "child (deleted, last_visit_date IS NULL, last_visit_date DESC, id DESC)",
    "ix_child_next_visit_sort": "child (deleted, next_visit_due IS NULL, next_visit_due, id)",
    "ix_child_next_visit_sort_desc": "child (deleted, next_visit_due IS NULL, next_visit_due DESC, id DESC)",
}


def upgrade() -> None:
    for name, on in INDEXES.items():
        op.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {on}")
    op.execute("ANALYZE child")
    op.execute("ANALYZE child_category")


def downgrade() -> None:
    for name in INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")
