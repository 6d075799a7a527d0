"""Counting a category or group filter of the child list from one small index (issue 17).

Each child's row carries `category_set` ("|农村留守儿童|低保家庭儿童|": its categories whose rows are
not removed and have no end date), kept by SQLite triggers on `child_category` and `child`
(migration 0020), so every writer keeps it: the app, the sync merge, a merge of duplicate files,
the purge. A partial index per category (and one for the 困境 group) holds just the children with
that category, by (birth_date, status, colour, village_code): the count of "低保家庭儿童 under 18,
在册" is one scan of that index, where the join of category rows to children cost one child lookup
per category row (留守 over 100,000 children: ~135 ms).

A category row with an end date still to come is current too, but not in the set (the set cannot
know today): those children (few: `ix_child_category_count` reads the rows ending later) are
counted apart, unless the set already counts them. The counts are those of `children.count_children`'s own query
(`tests/data/test_category_counts.py` compares them after every kind of write).

Changing a trigger, the set's format or an index here needs a new migration.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.domain import child_rules, vocab

if TYPE_CHECKING:
    from app.data.children import ChildQuery

COLUMN = "category_set"

# The open categories of the child being written (correlated with the outer `child` row).
SET_OF_CHILD = (
    "COALESCE((SELECT '|' || group_concat(category, '|') || '|' FROM (SELECT DISTINCT category FROM child_category"
    " WHERE child_category.child_id = child.id AND child_category.deleted = 0 AND child_category.ended IS NULL)), '')"
)
_REFRESH = "UPDATE child SET category_set = " + SET_OF_CHILD + " WHERE id IN ({ids})"

TRIGGERS = {
    "child_category_set_ai": "CREATE TRIGGER IF NOT EXISTS child_category_set_ai AFTER INSERT ON child_category "
                             "BEGIN " + _REFRESH.format(ids="NEW.child_id") + "; END",
    "child_category_set_au": "CREATE TRIGGER IF NOT EXISTS child_category_set_au "
                             "AFTER UPDATE OF child_id, category, deleted, ended ON child_category "
                             "WHEN OLD.child_id IS NOT NEW.child_id OR OLD.category IS NOT NEW.category "
                             "OR OLD.deleted IS NOT NEW.deleted OR OLD.ended IS NOT NEW.ended "
                             "BEGIN " + _REFRESH.format(ids="OLD.child_id, NEW.child_id") + "; END",
    "child_category_set_ad": "CREATE TRIGGER IF NOT EXISTS child_category_set_ad AFTER DELETE ON child_category "
                             "BEGIN " + _REFRESH.format(ids="OLD.child_id") + "; END",
    # a child written after its categories (a merge that defers foreign keys) still gets its set
    "child_category_set_child_ai": "CREATE TRIGGER IF NOT EXISTS child_category_set_child_ai AFTER INSERT ON child "
                                   "BEGIN " + _REFRESH.format(ids="NEW.id") + "; END",
}

# The 困境 group: any open category but 农村留守儿童 (the set is sorted-free: one element is unambiguous).
HARDSHIP_TEST = f"{COLUMN} NOT IN ('', '|{vocab.CATEGORY_LEFT_BEHIND}|')"
# covering: the columns the count tests, then those of the index's own condition
INDEX_COLUMNS = f"birth_date, status, colour, village_code, deleted, {COLUMN}"


def category_test(category: str) -> str:
    """The SQL test "this child holds `category` (with no end date)": a literal, so the partial index serves it."""
    return f"instr({COLUMN}, '|{_quote(category)}|') > 0"


def _quote(value: str) -> str:
    return value.replace("'", "''")


def _index_name(i: int) -> str:
    return f"ix_child_cat_{i:02d}"


def indexes() -> dict[str, str]:
    """name -> CREATE INDEX for each category's partial index and the 困境 group's."""
    out = {}
    for i, category in enumerate(vocab.CATEGORIES):
        out[_index_name(i)] = (f"CREATE INDEX IF NOT EXISTS {_index_name(i)} ON child ({INDEX_COLUMNS}) "
                               f"WHERE deleted = 0 AND {category_test(category)}")
    out["ix_child_cat_hardship"] = (f"CREATE INDEX IF NOT EXISTS ix_child_cat_hardship ON child ({INDEX_COLUMNS}) "
                                    f"WHERE deleted = 0 AND {HARDSHIP_TEST}")
    return out


def ready(session: Session) -> bool:
    """Whether this store keeps the set (migration 0020 ran and no rebuild of a table dropped a trigger)."""
    found = session.execute(text(
        "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN ("
        + ", ".join(f"'{name}'" for name in TRIGGERS) + ")")).scalar()
    return found == len(TRIGGERS)


def _filter(q: "ChildQuery") -> tuple[str, list[str] | None, bool] | None:
    """(the set test, the categories of the ending rows (None: any but 留守), the 16-year limit) of a
    category or group filter without search text; None for any other query."""
    if q.text.strip() or bool(q.category) == bool(q.group):
        return None
    if q.group == vocab.LEFT_BEHIND_GROUP:
        return category_test(vocab.CATEGORY_LEFT_BEHIND), [vocab.CATEGORY_LEFT_BEHIND], True
    if q.group == vocab.HARDSHIP_GROUP:
        return HARDSHIP_TEST, None, False
    if q.category in vocab.CATEGORIES:
        return category_test(q.category), [q.category], q.category == vocab.CATEGORY_LEFT_BEHIND
    return None


def _ending_rows(categories: list[str] | None) -> str:
    if categories is None:
        return f"category != '{_quote(vocab.CATEGORY_LEFT_BEHIND)}'"
    return "category IN (" + ", ".join(f"'{_quote(c)}'" for c in categories) + ")"


def _cutoff(today: dt.date, left_behind: bool) -> dt.date:
    return child_rules.aged_out_cutoff(today, child_rules.LEFT_BEHIND_AGE_LIMIT if left_behind else child_rules.ADULT_AGE)


def conditions(session: Session, q: "ChildQuery", today: dt.date) -> list | None:
    """The filter `q` as conditions on the child's own row (its set, or a category row ending later;
    under the category's age limit), for a list query that walks its sort order; None where `count`
    gives None. No correlated subquery: SQLite 3.51 skips too few rows for an OFFSET over an index
    walk with a correlated EXISTS, not with these (tests/data/test_child_list_plans.py)."""
    from sqlalchemy import and_, or_, select
    from sqlalchemy import text as sql_text

    from app.data.models import Child, ChildCategory

    found = _filter(q)
    if found is None or session.get_bind().dialect.name != "sqlite" or not ready(session):
        return None
    test, categories, left_behind = found
    ending = select(ChildCategory.child_id).where(
        ChildCategory.deleted.is_(False), ChildCategory.ended.is_not(None), ChildCategory.ended > today,
        sql_text(_ending_rows(categories)))
    held = or_(sql_text(test.replace(COLUMN, f"child.{COLUMN}", 1)), Child.id.in_(ending))
    age = or_(Child.birth_date.is_(None), Child.birth_date > _cutoff(today, left_behind))
    return [and_(held, age)]


def count(session: Session, q: "ChildQuery", today: dt.date) -> int | None:
    """The number of children `q` matches, when `q` is a category or a group filter (with status,
    colour or village, without search text); None for any other query, or a store without the set."""
    found = _filter(q)
    if found is None or session.get_bind().dialect.name != "sqlite" or not ready(session):
        return None
    test, categories, left_behind = found
    params: dict = {"cutoff": _cutoff(today, left_behind).isoformat(), "today": today.isoformat()}
    extra = ""
    if q.status:
        extra += " AND status = :status"
        params["status"] = q.status
    if q.colour:
        extra += " AND colour = :colour"
        params["colour"] = "" if q.colour == "未评估" else q.colour
    if q.village:
        extra += " AND village_code = :village"
        params["village"] = q.village
    ending_rows = _ending_rows(categories)
    # the age limit as a range of the index (and the children without a birth date apart: an OR has no range)
    held = [f"(SELECT count(*) FROM child WHERE deleted = 0 AND {test} AND {birth}{extra})"
            for birth in ("birth_date > :cutoff", "birth_date IS NULL")]
    ending = (f"(SELECT count(*) FROM child WHERE id IN (SELECT child_id FROM child_category"
              f" WHERE deleted = 0 AND ended IS NOT NULL AND ended > :today AND {ending_rows})"
              f" AND deleted = 0 AND NOT ({test}) AND (birth_date IS NULL OR birth_date > :cutoff){extra})")
    sql = "SELECT " + " + ".join(held + [ending])
    return int(session.execute(text(sql), params).scalar() or 0)
