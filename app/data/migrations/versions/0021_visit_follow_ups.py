"""visits: a partial index over the visits that carry follow-ups (or amend a visit), so the 工作台's
跟进到期 list reads those few index entries, not every visit of a county (issue 17)

`ix_visit_follow_ups` (child_id, id, amends_id, hlc, follow_ups) WHERE deleted = 0 AND (follow_ups
NOT IN ('', '[]') OR amends_id IS NOT NULL): everything `app.data.dashboard.follow_ups_due` reads of
a visit, from the index alone. Amendments are in it whatever they carry: an amendment that
clears a visit's follow-ups replaces them.

Revision ID: 0021_visit_follow_ups
Revises: 0006_visits_dashboard
"""

from alembic import op

from app.data import dashboard

revision = "0021_visit_follow_ups"
down_revision = "0006_visits_dashboard"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(dashboard.FOLLOW_UP_INDEX)
    op.execute(f"ANALYZE {dashboard.FOLLOW_UP_INDEX_NAME}")


def downgrade() -> None:
    op.execute(f"DROP INDEX IF EXISTS {dashboard.FOLLOW_UP_INDEX_NAME}")
