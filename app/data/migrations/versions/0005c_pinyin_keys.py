"""children: recompute every child's pinyin key with the current rules (issue 13)

Keys written before the surname readings (曾 zeng, 单 shan, 解 xie …) and the full-pinyin sort
were computed by older rules, so those rows sorted and searched wrong. The key is derived from the
name on each device (never entered, never synced as news), so it is rewritten in place with plain
SQL: no change is captured for sync, and the search index's update trigger keeps `child_fts` in step.

Revision ID: 0005c_pinyin_keys
Revises: 0005b_children_sort
"""

import sqlalchemy as sa
from alembic import op

revision = "0005c_pinyin_keys"
down_revision = "0005b_children_sort"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from app.domain.pinyin import search_key

    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, name, pinyin_key FROM child")).all()
    stale = [{"id": cid, "key": search_key(name or "")} for cid, name, key in rows if key != search_key(name or "")]
    if stale:
        conn.execute(sa.text("UPDATE child SET pinyin_key = :key WHERE id = :id"), stale)


def downgrade() -> None:
    pass  # the old keys were wrong; nothing to restore
