"""protection: a partial index over the parents whose circumstances may meet the 事实无人抚养 test
(dead, missing, imprisoned …), so 应保未保 reads those few rows instead of every guardian of a
county (issue 17; `app.data.benefits.QUALIFYING_PARENTS` is its condition, repeated by the queries).

Revision ID: 0023_guardian_qualifying
Revises: 0022_child_id_search
"""

from alembic import op

from app.data import benefits

revision = "0023_guardian_qualifying"
down_revision = "0022_child_id_search"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(benefits.PARENT_INDEX)
    op.execute(f"ANALYZE {benefits.PARENT_INDEX_NAME}")


def downgrade() -> None:
    op.execute(f"DROP INDEX IF EXISTS {benefits.PARENT_INDEX_NAME}")
