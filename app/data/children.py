"""Queries and services over the child's file (一人一档): the list, search, add/edit, status,
guardians, entrusted care, categories, needs, and the child's audit trail.

Every write validates first (`app/domain/child_rules.py`) and writes nothing if anything is
wrong, raising `ValidationErrors` whose `.by_field()` maps model attribute names to Chinese
messages. Writes go through the caller's session (`with store.session() as s:`), so the change
capture writes the outbox and the audit log in the same transaction.

Search matches a substring of the name, the pinyin key ("zxm zhangxiaoming") or the ID number:
through the FTS5 trigram index (`search_index.py`) for three characters or more, by a scan of
the covering index `ix_child_list` for shorter input. The default order (pinyin) walks that index,
so the first page needs no sort (numbers in `bench/bench_children.py`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, literal_column, or_, select, table
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Session

from app.core import clock
from app.core.errors import NotFoundError
from app.data import category_counts, search_index
from app.data.rows import live
from app.data.models import AuditEntry, CareArrangement, Child, ChildCategory, Guardian, Need
from app.domain import audit_labels, child_rules, idnumber, pinyin, textclean, vocab
from app.domain.errors import ValidationError, ValidationErrors

__all__ = [
    "ChildQuery", "ChildRow", "list_children", "count_children", "get_child", "save_child", "set_status",
    "save_guardian", "save_care", "save_category", "save_need",
    "remove_guardian", "remove_care", "remove_category", "remove_need",
    "guardians", "care_arrangements", "child_categories", "needs", "audit_trail",
    "current_categories", "NotFoundError", "UNASSESSED",
]

UNASSESSED = "未评估"
COLOURS = ["红", "黄", "蓝", "绿", UNASSESSED]


@dataclass
class ChildQuery:
    text: str = ""
    group: str = ""  # "留守" / "困境" / ""
    category: str = ""
    colour: str = ""  # 红/黄/蓝/绿/未评估 or ""
    status: str = ""  # 在册/已转出/已满18岁 or "" for all
    village: str = ""  # a 12-digit village code (township laptops, issue 16) or "" for all
    sort: str = "name"
    descending: bool = False
    limit: int | None = None
    offset: int = 0


@dataclass(frozen=True)
class ChildRow:
    id: str
    name: str
    sex: str
    birth_date: dt.date | None
    age: int | None
    id_number: str
    categories: list[str]
    colour: str
    status: str
    address: str
    group_name: str
    school: str
    last_visit_date: dt.date | None
    next_visit_due: dt.date | None
    village_code: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "name": self.name, "sex": self.sex,
            "birth_date": self.birth_date.isoformat() if self.birth_date else None, "age": self.age,
            "id_number": self.id_number, "categories": list(self.categories), "colour": self.colour,
            "status": self.status, "address": self.address, "group_name": self.group_name,
            "school": self.school,
            "last_visit_date": self.last_visit_date.isoformat() if self.last_visit_date else None,
            "next_visit_due": self.next_visit_due.isoformat() if self.next_visit_due else None,
            "village_code": self.village_code,
        }


_ROW_COLUMNS = (
    Child.id, Child.name, Child.sex, Child.birth_date, Child.id_number, Child.colour, Child.status,
    Child.address, Child.group_name, Child.school, Child.last_visit_date, Child.next_visit_due, Child.village_code,
)

# The full pinyin of the name: the part of `pinyin_key` ("zxm zhangxiaoming") after the initials, so
# names sort as 张 zhang before 赵 zhao (by initials both are "zx…", issue 13).
# Literals, not bound parameters: SQLite then walks the index on this expression (ix_child_name_sort,
# migration 0017) instead of sorting every child (issue 17).
_FULL_PINYIN = func.substr(Child.pinyin_key, func.instr(Child.pinyin_key, literal_column("' '")) + literal_column("1"))

# Sort keys: a ChildRow field -> the column expression(s) that order it.
_SORTS: dict[str, tuple] = {
    "name": (_FULL_PINYIN, Child.pinyin_key),
    "sex": (Child.sex, Child.pinyin_key),
    "birth_date": (Child.birth_date,),
    "age": (Child.birth_date,),  # inverted below: older first means earlier birth
    "id_number": (Child.id_number,),
    "colour": (Child.colour, Child.pinyin_key),
    "status": (Child.status, Child.pinyin_key),
    "address": (Child.address,),
    "group_name": (Child.group_name, Child.address, Child.pinyin_key),
    "village_code": (Child.village_code, Child.pinyin_key),
    "school": (Child.school, Child.pinyin_key),
    "last_visit_date": (Child.last_visit_date,),
    "next_visit_due": (Child.next_visit_due,),
    "id": (Child.id,),
}


# ix_child_id_number; the other sorts walk an index led by `deleted` (ix_child_list, _birth, _name_sort, and
# those of migration 0018: _sex_sort, _group_sort, _status_sort, _colour_sort, _last_visit_sort, _next_visit_sort).
_OWN_INDEX_SORTS = frozenset({"id_number"})


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _active_category_filter(today: dt.date) -> ColumnElement[bool]:
    # A category set by age ends by date: 农村留守儿童 at 16, the others at 18 (issue 13), whether
    # or not anyone entered an end date.
    birth = select(Child.birth_date).where(Child.id == ChildCategory.child_id).scalar_subquery()
    left_behind = ChildCategory.category == vocab.CATEGORY_LEFT_BEHIND
    return and_(
        ChildCategory.deleted.is_(False),
        or_(ChildCategory.ended.is_(None), ChildCategory.ended > today),
        or_(birth.is_(None),
            and_(left_behind, birth > child_rules.aged_out_cutoff(today, child_rules.LEFT_BEHIND_AGE_LIMIT)),
            and_(~left_behind, birth > child_rules.aged_out_cutoff(today, child_rules.ADULT_AGE))),
    )


_PROVINCE_CODES = frozenset(
    "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82".split()
)


def _conditions(q: ChildQuery, today: dt.date, walk: bool = False, probe: bool = False,
                held: list | None = None) -> list[ColumnElement[bool]]:
    # `deleted = 0` lets SQLite walk ix_child_list (or ix_child_birth) in list order; with few
    # candidate rows, `+deleted = 0` (no index may serve it) makes it fetch them by key instead.
    text = _search_text(q.text or "")
    # An ID typed from its start ("320115…") matches nearly every child, where trigram hits cost a
    # row lookup each: digits that may begin an ID scan (bounded cost); other digit runs of six or
    # more (a birth date "20150315", the last digits) are selective and use the trigram index.
    is_id = text.upper().rstrip("X").isdigit() and bool(text)
    id_start = is_id and (len(text) < 6 or text[:2] in _PROVINCE_CODES)
    use_fts = len(text) >= search_index.MIN_QUERY and not id_start
    # One or two Chinese characters (a surname, "小明") are too short for trigrams, but their pinyin
    # ("zhang") is not: trigram hits on every reading, then the characters themselves.
    sounds = []
    if text and not use_fts and not text.isascii():
        sounds = [r for r in pinyin.readings(text) if len(r) >= search_index.MIN_QUERY]
        if len(sounds) != len(pinyin.readings(text)):
            sounds = []
    # A specific category is selective too: drive from its rows by primary key.
    # A sort by a column with an index of its own walks that index (issue 17: else every child is sorted).
    # A category or group held by many children (`walk`) walks the list's order instead, testing each child
    # through ix_child_category_probe until the page is full.
    by_rows = (use_fts or bool(sounds) or (bool(q.category) and not walk)
               or (q.sort in _OWN_INDEX_SORTS and not text and (not q.group or walk)))
    cond: list[ColumnElement[bool]] = [literal_column("+child.deleted") == 0 if by_rows else Child.deleted == False]  # noqa: E712
    if text:
        cond += _text_conditions(text, use_fts, sounds, id_start)
    if q.status:
        cond.append((literal_column("+child.status") if by_rows else Child.status) == q.status)
    if q.village:
        cond.append(Child.village_code == q.village)
    if q.colour:
        colour = "" if q.colour == UNASSESSED else q.colour
        cond.append((literal_column("+child.colour") if by_rows else Child.colour) == colour)
    if q.category or q.group:
        # With search text the candidates are few: probe each one's categories (`probe`: not for a later
        # page, see list_children) rather than list every child of the category.
        cond += held if held is not None else _category_conditions(q, today, walk or (probe and bool(text)))
    return cond


# A category or group filter walks the list's order when its rows number at least sqrt(WALK_FACTOR x children):
# walking costs about page x children / hits probes, reading the matches about hits row lookups (measured
# at 100,000 children: even at ~4,000 matches, issue 17).
WALK_FACTOR = 160


def _walks_order(session: Session, q: ChildQuery) -> bool:
    """Whether a category or group filter (without search text) matches many children: then the first
    page comes from walking the sort order and probing each child's categories (a few thousand index
    lookups at most), not from reading every matching child and sorting them. Counts a bounded
    number of category rows to tell (the children by their highest rowid, an index lookup)."""
    if not (q.category or q.group) or _search_text(q.text or ""):
        return False
    children = session.scalar(select(func.max(literal_column("child.rowid"))).select_from(Child)) or 0
    enough = max(1, int((WALK_FACTOR * children) ** 0.5))
    rows = select(ChildCategory.id).where(ChildCategory.deleted.is_(False))
    if q.category:
        rows = rows.where(ChildCategory.category == q.category)
    if q.group == vocab.LEFT_BEHIND_GROUP:
        rows = rows.where(ChildCategory.category == vocab.CATEGORY_LEFT_BEHIND)
    elif q.group == vocab.HARDSHIP_GROUP:
        rows = rows.where(ChildCategory.category != vocab.CATEGORY_LEFT_BEHIND)
    found = session.scalar(select(func.count()).select_from(rows.limit(enough).subquery())) or 0
    return found >= enough


def _walk_pays(session: Session, q: ChildQuery, today: dt.date) -> bool:
    """Whether walking the sort order to the page `q` asks for (testing each child's category set on its
    row) costs less than reading every match and sorting them: about (offset + limit) x children / hits
    rows walked against hits read; the same rule as `_walks_order` on the first page, with the exact
    number of hits (a count from the category's own index)."""
    hits = category_counts.count(session, q, today) or 0
    children = session.scalar(select(func.max(literal_column("child.rowid"))).select_from(Child)) or 0
    limit = q.limit or 1
    return (q.offset + limit) * WALK_FACTOR * children <= hits * hits * limit


def _search_text(raw: str) -> str:
    text = textclean.clean_query(raw)  # NUL, lone surrogates, full-width digits (issue 13)
    if idnumber.looks_like_id(text):
        text = idnumber.normalise(text)
    if text and text.isascii() and text.replace(" ", "").isalpha():
        text = text.replace(" ", "")  # "zhang xm" -> "zhangxm"
    return text


def _text_conditions(text: str, use_fts: bool, sounds: list[str], id_start: bool) -> list[ColumnElement[bool]]:
    if use_fts or sounds:
        phrase = " OR ".join(search_index.match_phrase(t) for t in (sounds or [text]))
        hits: Select[Any] = (select(literal_column("rowid")).select_from(table(search_index.TABLE))
                             .where(sql_text(f"{search_index.TABLE} MATCH :fts").bindparams(fts=phrase)))
        found: list[ColumnElement[bool]] = [literal_column("child.rowid").in_(hits)]
        if sounds:
            found.append(Child.name.like(f"%{_like_escape(text)}%", escape="\\"))
        return found
    # Too short for trigrams, or an ID fragment: scan the covering index ix_child_list, one LIKE per row —
    # letters search the pinyin key, digits the ID number, anything else the name.
    if text.isascii() and text.isalpha():
        return [Child.pinyin_key.like(f"%{_like_escape(text.lower())}%", escape="\\")]
    if id_start or text.upper() == "X":
        return [Child.id_number.like(f"%{_like_escape(text.upper())}%", escape="\\")]
    return [Child.name.like(f"%{_like_escape(text)}%", escape="\\")]


def _category_conditions(q: ChildQuery, today: dt.date, walk: bool = False) -> list[ColumnElement[bool]]:
    """A category or group filter: the child has such a category, not ended, and is under the age
    at which it ends (农村留守儿童 16, the others 18: issue 13). A filter asks for 留守 alone or for
    the others alone, so the age test is on the child's own row rather than looked up for every
    category row (issue 17: that lookup made 留守 over 100,000 children slow)."""
    sub = select(ChildCategory.child_id).where(
        ChildCategory.deleted.is_(False), or_(ChildCategory.ended.is_(None), ChildCategory.ended > today))
    left_behind = q.category == vocab.CATEGORY_LEFT_BEHIND
    if q.category:
        sub = sub.where(ChildCategory.category == q.category)
    if q.group == vocab.LEFT_BEHIND_GROUP:
        sub = sub.where(ChildCategory.category == vocab.CATEGORY_LEFT_BEHIND)
        left_behind = True
    elif q.group == vocab.HARDSHIP_GROUP:
        sub = sub.where(ChildCategory.category != vocab.CATEGORY_LEFT_BEHIND)
        left_behind = False  # (留守 as the category too: no rows match anyway)
    elif q.group:
        raise ValidationError("group", f"未知的儿童分组：{q.group}")
    limit = child_rules.LEFT_BEHIND_AGE_LIMIT if left_behind else child_rules.ADULT_AGE
    has = sub.where(ChildCategory.child_id == Child.id).exists() if walk else Child.id.in_(sub)
    return [has,
            or_(Child.birth_date.is_(None), Child.birth_date > child_rules.aged_out_cutoff(today, limit))]


def _order(q: ChildQuery) -> list:
    cols = _SORTS.get(q.sort)
    if cols is None:
        raise ValidationError("sort", f"不能按“{q.sort}”排序")
    descending = q.descending
    if q.sort == "age":
        descending = not descending
    # Nulls (not visited, not due) sort last either way.
    order = []
    for c in cols:
        if getattr(c, "nullable", False) and c is not Child.birth_date:  # every child has a birth date (from the ID)
            order.append(c.is_(None))
        order.append(c.desc() if descending else c.asc())
    # The tie-break runs the same way, so an index (ix_child_list, ix_child_birth) serves the order.
    order.append(Child.id.desc() if descending else Child.id.asc())
    return order


def current_categories(session: Session, child_ids: list[str], today: dt.date | None = None) -> dict[str, list[str]]:
    """Each child's current categories, in the vocabulary's order."""
    today = today or clock.today()
    result: dict[str, list[str]] = {cid: [] for cid in child_ids}
    if not child_ids:
        return result
    rank = {c: i for i, c in enumerate(vocab.CATEGORIES)}
    for start in range(0, len(child_ids), 900):
        chunk = child_ids[start:start + 900]
        rows = session.execute(
            select(ChildCategory.child_id, ChildCategory.category)
            .where(ChildCategory.child_id.in_(chunk), _active_category_filter(today))
        )
        for cid, cat in rows:
            if cat not in result[cid]:
                result[cid].append(cat)
    for cats in result.values():
        cats.sort(key=lambda c: rank.get(c, len(rank)))
    return result


def list_children(session: Session, q: ChildQuery | None = None, today: dt.date | None = None) -> list[ChildRow]:
    """One page of the child list, filtered, searched and sorted as `q` says."""
    q = q or ChildQuery()
    today = today or clock.today()
    # A category or group filter tests the child's own category set (migration 0020) while walking the
    # sort order, on any page worth walking (`_walk_pays`). Without the set, the first page only: SQLite
    # 3.51 skips too few rows for an OFFSET on the probing plan (a correlated EXISTS on an index walk;
    # tests/data/test_child_list_plans.py), so later pages read the matches.
    held = category_counts.conditions(session, q, today) if q.limit is not None else None
    if held is not None:
        walk = _walk_pays(session, q, today)
    else:
        walk = q.limit is not None and not q.offset and _walks_order(session, q)
    stmt = select(*_ROW_COLUMNS).where(*_conditions(q, today, walk, probe=not q.offset, held=held if walk else None))
    stmt = stmt.order_by(*_order(q))
    if q.limit is not None:
        stmt = stmt.limit(q.limit)
    if q.offset:
        stmt = stmt.offset(q.offset) if q.limit is not None else stmt.limit(-1).offset(q.offset)
    rows = session.execute(stmt).all()
    cats = current_categories(session, [r.id for r in rows], today)
    return [
        ChildRow(
            id=r.id, name=r.name, sex=r.sex, birth_date=r.birth_date,
            age=idnumber.age_on(r.birth_date, today) if r.birth_date else None,
            id_number=r.id_number, categories=cats[r.id], colour=r.colour or UNASSESSED, status=r.status,
            address=r.address, group_name=r.group_name, school=r.school,
            last_visit_date=r.last_visit_date, next_visit_due=r.next_visit_due, village_code=r.village_code,
        )
        for r in rows
    ]


def count_children(session: Session, q: ChildQuery | None = None, today: dt.date | None = None) -> int:
    q = q or ChildQuery()
    today = today or clock.today()
    fast = category_counts.count(session, q, today)  # a category or group filter: one small index (issue 17)
    if fast is not None:
        return fast
    return session.scalar(select(func.count()).select_from(Child).where(*_conditions(q, today, probe=True))) or 0


def get_child(session: Session, child_id: str) -> Child:
    return live(session, Child, child_id, f"找不到该儿童：{child_id}")


# -- the child ------------------------------------------------------------
def _current_values(child: Child) -> dict[str, Any]:
    return {name: getattr(child, name) for name in child_rules.CHILD_FIELDS}


def _default_village(session: Session) -> str:
    from app.data.models import Setting

    row = session.get(Setting, "village_code")
    return row.value if row else ""


def save_child(session: Session, data: dict, child_id: str | None = None, today: dt.date | None = None) -> Child:
    """Add a child (child_id None) or change one. Validates everything; writes nothing if invalid.

    `data` holds model attribute names (see `child_rules.CHILD_FIELDS`); a new child may also carry
    `categories`: a list of category names (or dicts for `save_category`) recorded from today.
    The registration dialog also passes `away_parents` (guardian dicts of the parents working away,
    may be empty): then at least one category is required and a 农村留守儿童 needs a parent away
    (`child_rules.registration_errors`), and those parents are recorded with the child.
    """
    today = today or clock.today()
    data = dict(data)
    registering = "away_parents" in data and child_id is None
    away_parents = [dict(g, works_away=True) for g in (data.pop("away_parents", None) or [])]
    categories = data.pop("categories", None) or []
    for derived in ("sex", "birth_date", "status"):
        data.pop(derived, None)
    errors: list[ValidationError] = []
    clean: dict[str, Any] = {}
    child = None
    try:
        if child_id is None:
            data.setdefault("village_code", _default_village(session))
            clean = child_rules.clean_child(data, today, new=True)
        else:
            child = get_child(session, child_id)
            clean = child_rules.clean_child(data, today, existing=_current_values(child), new=False)
    except ValidationErrors as exc:
        errors.extend(exc.errors)
    if child_id is not None and categories:
        errors.append(ValidationError("categories", "修改儿童类别请在“儿童类别”中操作"))
    errors += _number_taken(session, child, child_id, clean, data, bool(errors))
    cleaned_categories = _clean_categories(categories, clean.get("birth_date"), today, errors)
    cleaned_parents = _clean_away_parents(categories, away_parents, today, errors) if registering else []
    if errors:
        raise ValidationErrors(_dedupe(errors))
    if child is None:
        child = _add_child(session, clean, cleaned_categories, cleaned_parents)
    else:
        _update_child(child, clean)
    session.flush()
    return child


def _number_taken(session: Session, child: Child | None, child_id: str | None, clean: dict, data: dict,
                  invalid: bool) -> list[ValidationError]:
    """The ID number is another live file's (the duplicate check, on the normalised number)."""
    number = clean.get("id_number") or (idnumber.normalise(data.get("id_number") or "") if invalid else "")
    if child is not None and number == idnumber.normalise(child.id_number or ""):
        # Not a change of the number: a file whose number another file shares (the same child
        # registered on two laptops, 疑似重复档案 after a sync) must stay editable until merged.
        return []
    if not number:
        return []
    other = session.execute(
        select(Child.name).where(Child.id_number == number, Child.deleted.is_(False), Child.id != (child_id or ""))
    ).first()
    return [ValidationError("id_number", f"该身份证号码已登记：{other.name}")] if other else []


def _clean_categories(categories: list, birth: dt.date | None, today: dt.date,
                      errors: list[ValidationError]) -> list[dict]:
    cleaned_categories: list[dict] = []
    seen: list[str] = []
    for item in categories:
        item = {"category": item} if isinstance(item, str) else dict(item)
        try:
            cleaned = child_rules.clean_category(item, today, birth_date=birth, existing=seen)
        except ValidationErrors as exc:
            errors.extend(ValidationError("categories", e.message) for e in exc.errors)
            continue
        seen.append(cleaned["category"])
        cleaned_categories.append(cleaned)
    return cleaned_categories


def _clean_away_parents(categories: list, away_parents: list[dict], today: dt.date,
                        errors: list[ValidationError]) -> list[dict]:
    """Registration: at least one category, a 农村留守儿童 needs a parent away; the parents, cleaned."""
    names = [c if isinstance(c, str) else str(dict(c).get("category") or "") for c in categories]
    errors.extend(child_rules.registration_errors(names, away_parents))
    cleaned_parents = []
    for g in away_parents:
        try:
            cleaned_parents.append(child_rules.clean_guardian(g, today))
        except ValidationErrors as exc:
            errors.extend(ValidationError("away_parents", e.message) for e in exc.errors)
    return cleaned_parents


def _add_child(session: Session, clean: dict, categories: list[dict], parents: list[dict]) -> Child:
    clean["pinyin_key"] = pinyin.search_key(clean["name"])
    child = Child(**clean)
    session.add(child)
    session.flush()
    for cat in categories:
        session.add(ChildCategory(child_id=child.id, **cat))
    for g in parents:
        session.add(Guardian(child_id=child.id, **g))
    return child


def _update_child(child: Child, clean: dict) -> None:
    for key, value in clean.items():
        if getattr(child, key) != value:
            setattr(child, key, value)
    if "name" in clean:
        key = pinyin.search_key(clean["name"])
        if child.pinyin_key != key:
            child.pinyin_key = key


def _dedupe(errors: list[ValidationError]) -> list[ValidationError]:
    seen, out = set(), []
    for e in errors:
        if e.field not in seen:
            seen.add(e.field)
            out.append(e)
    return out


def set_status(session: Session, child_id: str, status: str, on: dt.date | str | None = None,
               note: str = "", today: dt.date | None = None) -> None:
    """Move a child out of (已转出, 已满18岁) or back into (在册) the active register. Never deletes."""
    today = today or clock.today()
    child = get_child(session, child_id)
    status, day = child_rules.check_status(status, on or today, child.birth_date, today)
    note = child_rules.text(note, "status_note", 4000)
    if child.status == status and child.status_date == day and child.status_note == note:
        return
    child.status = status
    child.status_date = day
    child.status_note = note
    session.flush()


# -- rows belonging to a child --------------------------------------------
def _save_row(session: Session, model, child_id: str, clean: dict, row_id: str | None):
    if row_id is None:
        row = model(child_id=child_id, **clean)
        session.add(row)
    else:
        row = session.get(model, row_id)
        if row is None or row.deleted or row.child_id != child_id:
            raise NotFoundError(row_id)
        for key, value in clean.items():
            if getattr(row, key) != value:
                setattr(row, key, value)
    session.flush()
    return row


def save_guardian(session: Session, child_id: str, data: dict, row_id: str | None = None,
                  today: dt.date | None = None) -> Guardian:
    get_child(session, child_id)
    return _save_row(session, Guardian, child_id, child_rules.clean_guardian(data, today), row_id)


def save_care(session: Session, child_id: str, data: dict, row_id: str | None = None,
              today: dt.date | None = None) -> CareArrangement:
    get_child(session, child_id)
    return _save_row(session, CareArrangement, child_id, child_rules.clean_care(data, today), row_id)


def save_category(session: Session, child_id: str, data: dict, row_id: str | None = None,
                  today: dt.date | None = None) -> ChildCategory:
    today = today or clock.today()
    child = get_child(session, child_id)
    others = [
        c.category for c in child_categories(session, child_id)
        if c.id != row_id and (c.ended is None or c.ended > today)
    ]
    clean = child_rules.clean_category(data, today, birth_date=child.birth_date, existing=others)
    if clean["category"] == vocab.CATEGORY_LEFT_BEHIND and clean["ended"] is None and not child_rules.has_parent_away(
            [{"relation": g.relation, "works_away": g.works_away} for g in guardians(session, child_id)]):
        raise ValidationErrors([ValidationError("category", "农村留守儿童须先在“家庭与监护”中登记外出务工的父亲或母亲")])
    return _save_row(session, ChildCategory, child_id, clean, row_id)


def save_need(session: Session, child_id: str, data: dict, row_id: str | None = None,
              today: dt.date | None = None) -> Need:
    get_child(session, child_id)
    return _save_row(session, Need, child_id, child_rules.clean_need(data, today), row_id)


def _remove(session: Session, model, row_id: str) -> None:
    row = live(session, model, row_id)
    row.deleted = True
    session.flush()


def remove_guardian(session: Session, row_id: str) -> None:
    _remove(session, Guardian, row_id)


def remove_care(session: Session, row_id: str) -> None:
    _remove(session, CareArrangement, row_id)


def remove_category(session: Session, row_id: str) -> None:
    _remove(session, ChildCategory, row_id)


def remove_need(session: Session, row_id: str) -> None:
    _remove(session, Need, row_id)


def _rows(session: Session, model, child_id: str, order) -> list:
    return list(session.scalars(
        select(model).where(model.child_id == child_id, model.deleted.is_(False)).order_by(*order)
    ))


_RELATION_ORDER = {r: i for i, r in enumerate(vocab.RELATIONS)}


def guardians(session: Session, child_id: str) -> list[Guardian]:
    rows = _rows(session, Guardian, child_id, [Guardian.id])
    return sorted(rows, key=lambda g: (_RELATION_ORDER.get(g.relation, 99), g.id))


def care_arrangements(session: Session, child_id: str) -> list[CareArrangement]:
    return _rows(session, CareArrangement, child_id, [CareArrangement.since.desc(), CareArrangement.id])


def child_categories(session: Session, child_id: str) -> list[ChildCategory]:
    return _rows(session, ChildCategory, child_id, [ChildCategory.since, ChildCategory.id])


def needs(session: Session, child_id: str) -> list[Need]:
    return _rows(session, Need, child_id, [Need.noted_on.desc(), Need.id])


def audit_trail(session: Session, child_id: str, limit: int | None = None) -> list[AuditEntry]:
    """Every recorded change to the child and its rows (and views/prints logged), newest first."""
    from app.data.merged import file_ids  # with the files merged into this one

    stmt = select(AuditEntry).where(AuditEntry.child_id.in_(file_ids(session, child_id))).order_by(AuditEntry.seq.desc())
    if limit is not None:
        stmt = stmt.limit(limit)
    return list(session.scalars(stmt))


def describe_audit(entry: AuditEntry) -> str:
    """A one-line Chinese description of an audit entry for the 变更记录 tab."""
    table = audit_labels.table(entry.table_name)  # never an internal table name (issue 13)
    if entry.action == "create":
        return f"新建{table}记录"
    if entry.action == "delete":
        return f"删除{table}记录"
    if entry.action == "update":
        name = audit_labels.field(entry.field)
        return f"{table}：{name} 由“{entry.old_value or ''}”改为“{entry.new_value or ''}”"
    if entry.action == "merge":
        return _describe_merge(entry)
    actions = {"view": "查看", "print": "打印", "export": "导出"}
    return f"{actions.get(entry.action, entry.action)}{table}"


def _describe_merge(entry: AuditEntry) -> str:
    import json

    try:
        drop, detail = json.loads(entry.old_value or "{}"), json.loads(entry.new_value or "{}")
    except ValueError:
        drop, detail = {}, {}
    taken = "、".join(child_rules.label(f) for f in detail.get("taken") or []) or "无"
    return (f"合并疑似重复档案：{drop.get('name', '')}的档案并入本档案；采用其{taken}；"
            f"移入{detail.get('moved', 0)}条记录，合并重复记录{detail.get('folded', 0)}条")
