"""Validation of the child's file (一人一档): the child, guardians, entrusted care, categories, needs.

Each `clean_*` function takes the raw values a form or the command line gathered (strings,
dates, bools, in any mix), checks every field, and returns the cleaned values keyed by model
attribute name; or raises `ValidationErrors` listing every bad field with a Chinese message.
Rules that need the store (a duplicate ID number) live in `app/data/children.py`.
Pure: no Qt, no SQL.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Callable

from app.core import clock
from app.domain import idnumber, places, textclean, vocab
from app.domain.errors import ValidationError, ValidationErrors

ADULT_AGE = 18
LEFT_BEHIND_AGE_LIMIT = 16

# Chinese labels of model fields, for messages, the audit trail and the command line.
FIELD_LABELS: dict[str, str] = {
    "name": "姓名",
    "id_number": "身份证号码",
    "sex": "性别",
    "birth_date": "出生日期",
    "ethnicity": "民族",
    "hukou_place": "户籍地",
    "hukou_type": "户口性质",
    "address": "现住址",
    "group_name": "村民小组",
    "phone": "联系电话",
    "school": "就读学校",
    "school_stage": "就学阶段",
    "grade": "年级",
    "health": "健康状况",
    "illness": "患病情况",
    "disability_type": "残疾类型",
    "disability_grade": "残疾等级",
    "disability_cert_no": "残疾证号",
    "guardianship_state": "监护状况",
    "photo": "照片",
    "status": "在册状态",
    "status_date": "状态变更日期",
    "status_note": "状态说明",
    "notes": "备注",
    "village_code": "村(社区)区划代码",
    "relation": "关系",
    "is_guardian": "是否监护人",
    "works_away": "是否外出务工",
    "work_place": "务工地点",
    "away_since": "外出时间",
    "contact_frequency": "联系频率",
    "last_contact": "最近联系",
    "circumstance": "特殊情况",
    "circumstance_since": "特殊情况起始时间",
    "carer_name": "照护人姓名",
    "carer_age": "照护人年龄",
    "ability": "照护能力",
    "since": "起始日期",
    "agreement_signed": "已签委托照护协议",
    "agreement_date": "协议签订日期",
    "category": "儿童类别",
    "evidence": "认定依据",
    "ended": "终止日期",
    "description": "需求",
    "noted_on": "登记日期",
    "coverage": "保障情况",
    "deleted": "删除",
    "*": "新建",
}

TABLE_LABELS = {
    "child": "基本情况",
    "guardian": "家庭与监护",
    "care_arrangement": "委托照护",
    "child_category": "儿童类别",
    "need": "需求",
}

CHILD_FIELDS = [
    "name", "id_number", "ethnicity", "hukou_place", "hukou_type", "address", "group_name", "phone",
    "school", "school_stage", "grade", "health", "illness", "disability_type", "disability_grade",
    "disability_cert_no", "guardianship_state", "photo", "notes", "village_code",
]
GUARDIAN_FIELDS = [
    "relation", "name", "id_number", "phone", "is_guardian", "works_away", "work_place", "away_since",
    "contact_frequency", "last_contact", "circumstance", "circumstance_since", "health", "notes",
]
CARE_FIELDS = [
    "carer_name", "relation", "carer_age", "phone", "ability", "since", "agreement_signed",
    "agreement_date", "notes",
]
CATEGORY_FIELDS = ["category", "since", "evidence", "ended"]
NEED_FIELDS = ["description", "noted_on", "coverage", "notes"]

_PHONE = re.compile(r"^(1\d{10}|0\d{2,3}-?\d{7,8}|\d{7,8})$")
_TRUE = {"1", "true", "yes", "y", "是", "有", "已签", "√"}
_FALSE = {"0", "false", "no", "n", "否", "无", "未签", ""}


class _Collector:
    """Gathers field errors so a form can show all of them at once."""

    def __init__(self) -> None:
        self.errors: list[ValidationError] = []

    def add(self, field: str, message: str) -> None:
        if not any(e.field == field for e in self.errors):
            self.errors.append(ValidationError(field, message))

    def guard(self, field: str, fn: Callable[[], Any], default: Any = None) -> Any:
        try:
            return fn()
        except ValidationError as exc:
            self.add(field, exc.message)
            return default

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationErrors(self.errors)


def label(field: str) -> str:
    return FIELD_LABELS.get(field, field)


# -- value coercion -------------------------------------------------------
def text(value: Any, field: str, max_len: int = 255, required: bool = False) -> str:
    result = "" if value is None else textclean.clean_text(str(value)).strip()
    if required and not result:
        raise ValidationError(field, f"请填写{label(field)}")
    if len(result) > max_len:
        raise ValidationError(field, f"{label(field)}不能超过{max_len}个字")
    return result


def choice(value: Any, field: str, options: list[str], default: str | None = None, allow_empty: bool = False) -> str:
    result = "" if value is None else str(value).strip()
    if not result and default is not None:
        return default
    if not result and allow_empty:
        return ""
    if result not in options:
        shown = "、".join(o for o in options if o)
        raise ValidationError(field, f"{label(field)}应为：{shown}")
    return result


def date_value(value: Any, field: str, today: dt.date, required: bool = False, allow_future: bool = False) -> dt.date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ValidationError(field, f"请填写{label(field)}")
        return None
    if isinstance(value, dt.datetime):
        result = value.date()
    elif isinstance(value, dt.date):
        result = value
    else:
        raw = str(value).strip().replace("/", "-").replace(".", "-")
        try:
            result = dt.date.fromisoformat(raw)
        except ValueError:
            m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", raw) or re.fullmatch(r"(\d{4})年(\d{1,2})月(\d{1,2})日", raw)
            if not m:
                raise ValidationError(field, f"{label(field)}不是有效日期（格式：2024-03-01）") from None
            try:
                result = dt.date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                raise ValidationError(field, f"{label(field)}不存在（如2月30日）") from None
    if not allow_future and result > today:
        raise ValidationError(field, f"{label(field)}不能晚于今天")
    if result.year < 1900:
        raise ValidationError(field, f"{label(field)}不是有效日期")
    return result


def bool_value(value: Any, field: str) -> bool:
    if isinstance(value, bool):
        return value
    if value is None:
        return False
    raw = str(value).strip().lower()
    if raw in _TRUE:
        return True
    if raw in _FALSE:
        return False
    raise ValidationError(field, f"{label(field)}应为“是”或“否”")


def int_value(value: Any, field: str, low: int, high: int, required: bool = False) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ValidationError(field, f"请填写{label(field)}")
        return None
    try:
        result = int(str(value).strip())
    except ValueError:
        raise ValidationError(field, f"{label(field)}应为整数") from None
    if not low <= result <= high:
        raise ValidationError(field, f"{label(field)}应在{low}到{high}之间")
    return result


def phone(value: Any, field: str = "phone") -> str:
    result = "" if value is None else re.sub(r"[\s]", "", str(value))
    if result and not _PHONE.match(result):
        raise ValidationError(field, "联系电话格式不正确（手机11位，或区号-号码）")
    return result


def person_name(value: Any, field: str = "name", required: bool = True) -> str:
    result = text(value, field, 32, required=required)
    if result and any(ch.isdigit() for ch in result):
        raise ValidationError(field, f"{label(field)}不能包含数字")
    return result


# -- age ------------------------------------------------------------------
def age(birth_date: dt.date | None, today: dt.date | None = None) -> int | None:
    if birth_date is None:
        return None
    return idnumber.age_on(birth_date, today or clock.today())


def adult_on(birth_date: dt.date) -> dt.date:
    """The day the child turns 18 (29 Feb birthdays: 1 March in a common year)."""
    return idnumber.birthday_in(birth_date, birth_date.year + ADULT_AGE)


# -- the child ------------------------------------------------------------
# Choice fields of a child: (options, default when empty, empty allowed).
_CHILD_CHOICES: dict[str, tuple[list[str], str | None, bool]] = {
    "hukou_type": (vocab.HUKOU_TYPES, "农业", False),
    "school_stage": (vocab.SCHOOL_STAGES, None, True),
    "disability_type": (vocab.DISABILITY_TYPES, "无", False),
    "disability_grade": (vocab.DISABILITY_GRADES, None, True),
    "guardianship_state": (vocab.GUARDIANSHIP_STATES, "正常", False),
}
# Free-text fields of a child and their longest length (others: 255).
_CHILD_TEXT_LIMITS = {"notes": 4000, "group_name": 32, "school": 128, "grade": 32, "disability_cert_no": 32}


def _clean_simple(key: str, v: Any) -> Any:
    """One field of a child that needs no other field to be checked."""
    if key == "name":
        return person_name(v)
    if key == "phone":
        return phone(v)
    if key == "village_code":
        return places.validate_code(v)
    if key == "ethnicity":
        return text(v, key, 32) or "汉族"
    if key in _CHILD_CHOICES:
        options, default, allow_empty = _CHILD_CHOICES[key]
        return choice(v, key, options, default=default, allow_empty=allow_empty)
    return text(v, key, _CHILD_TEXT_LIMITS.get(key, 255))


def _clean_id_number(v: Any, today: dt.date, new: bool, errors: "_Collector", out: dict[str, Any]) -> None:
    """The ID number, and the sex and birth date it carries (never typed)."""
    info = errors.guard("id_number", lambda: idnumber.parse(v, today))
    if info is None:
        return
    if new and idnumber.age_on(info.birth_date, today) >= ADULT_AGE:
        errors.add("id_number", "按身份证号码该儿童已年满18周岁，不能登记")
    out["id_number"] = info.number
    out["sex"] = info.sex
    out["birth_date"] = info.birth_date


def _clean_photo(v: Any, errors: "_Collector", out: dict[str, Any]) -> None:
    if v is not None and not isinstance(v, (bytes, bytearray)):
        errors.add("photo", "照片数据无效")
    elif v is not None and len(v) > 2_000_000:
        errors.add("photo", "照片不能超过2MB")
    else:
        out["photo"] = bytes(v) if v is not None else None


def clean_child(data: dict, today: dt.date | None = None, *, existing: dict | None = None, new: bool = True) -> dict:
    """Validate a child's basic facts. `existing` holds the current values when editing.

    Only keys present in `data` are cleaned when editing; a new child needs a name and an ID
    number. Sex, birth date and the pinyin search key are derived, never typed.
    """
    today = today or clock.today()
    errors = _Collector()
    unknown = [k for k in data if k not in CHILD_FIELDS and k not in ("sex", "birth_date", "categories", "status")]
    for key in unknown:
        errors.add(key, f"未知字段：{key}")
    values = dict(existing or {})
    values.update({k: v for k, v in data.items() if k in CHILD_FIELDS})
    out: dict[str, Any] = {}
    # A new child needs a name, an ID number and a village; other fields left out keep the
    # model's defaults. An edit touches only the fields it names.
    required = ("name", "id_number", "village_code") if new else ()
    keys = [k for k in CHILD_FIELDS if k in data or k in required]

    for key in keys:
        v = values.get(key)
        if key == "id_number":
            _clean_id_number(v, today, new, errors, out)
        elif key == "photo":
            _clean_photo(v, errors, out)
        elif key != "village_code" or v or new:
            out[key] = errors.guard(key, lambda: _clean_simple(key, v))

    # Cross-field rules, on the merged values.
    merged = {**values, **{k: v for k, v in out.items() if v is not None}}
    dis_type = merged.get("disability_type") or "无"
    dis_grade = merged.get("disability_grade") or ""
    if "disability_type" in out or "disability_grade" in out:
        if dis_type == "无" and dis_grade:
            errors.add("disability_grade", "未选择残疾类型时不能填写残疾等级")
        elif dis_type != "无" and not dis_grade:
            errors.add("disability_grade", "请选择残疾等级")
    errors.raise_if_any()
    return {k: v for k, v in out.items() if not (k == "village_code" and v is None)}


def check_status(status: str, on: Any, birth_date: dt.date | None, today: dt.date | None = None) -> tuple[str, dt.date]:
    today = today or clock.today()
    errors = _Collector()
    status = errors.guard("status", lambda: choice(status, "status", vocab.STATUSES))
    day = errors.guard("status_date", lambda: date_value(on, "status_date", today, required=True))
    if status == vocab.STATUS_AGED_OUT and birth_date and day and idnumber.age_on(birth_date, day) < ADULT_AGE:
        errors.add("status", f"该儿童到{day.isoformat()}尚未年满18周岁（{adult_on(birth_date).isoformat()}满18周岁）")
    if day and birth_date and day < birth_date:
        errors.add("status_date", "状态变更日期早于出生日期")
    errors.raise_if_any()
    return status, day


# -- guardians, care, categories, needs -----------------------------------
def clean_guardian(data: dict, today: dt.date | None = None) -> dict:
    today = today or clock.today()
    e = _Collector()
    _unknown(e, data, GUARDIAN_FIELDS)
    out: dict[str, Any] = {}
    out["relation"] = e.guard("relation", lambda: choice(data.get("relation"), "relation", vocab.RELATIONS))
    out["name"] = e.guard("name", lambda: person_name(data.get("name"), required=False))
    raw_id = idnumber.normalise(data.get("id_number") or "")
    if raw_id:
        info = e.guard("id_number", lambda: idnumber.parse(raw_id, today))
        out["id_number"] = info.number if info else raw_id
    else:
        out["id_number"] = ""
    out["phone"] = e.guard("phone", lambda: phone(data.get("phone")))
    out["is_guardian"] = e.guard("is_guardian", lambda: bool_value(data.get("is_guardian", True), "is_guardian"))
    out["works_away"] = e.guard("works_away", lambda: bool_value(data.get("works_away"), "works_away"))
    out["work_place"] = e.guard("work_place", lambda: text(data.get("work_place"), "work_place", 128))
    out["away_since"] = e.guard("away_since", lambda: date_value(data.get("away_since"), "away_since", today))
    out["contact_frequency"] = e.guard("contact_frequency", lambda: choice(
        data.get("contact_frequency"), "contact_frequency", vocab.CONTACT_FREQUENCIES, allow_empty=True))
    out["last_contact"] = e.guard("last_contact", lambda: date_value(data.get("last_contact"), "last_contact", today))
    out["circumstance"] = e.guard("circumstance", lambda: choice(
        data.get("circumstance"), "circumstance", vocab.PARENT_CIRCUMSTANCES, default="无"))
    out["circumstance_since"] = e.guard("circumstance_since", lambda: date_value(
        data.get("circumstance_since"), "circumstance_since", today))
    out["health"] = e.guard("health", lambda: text(data.get("health"), "health", 64))
    out["notes"] = e.guard("notes", lambda: text(data.get("notes"), "notes", 4000))
    if out["works_away"] and not out["work_place"]:
        e.add("work_place", "外出务工请填写务工地点")
    if out["relation"] in ("父亲", "母亲") and out["name"] == "" and out["circumstance"] not in ("失踪", "长期无法联系", "死亡"):
        e.add("name", "请填写父母姓名")
    e.raise_if_any()
    return out


def clean_care(data: dict, today: dt.date | None = None) -> dict:
    today = today or clock.today()
    e = _Collector()
    _unknown(e, data, CARE_FIELDS)
    out: dict[str, Any] = {}
    out["carer_name"] = e.guard("carer_name", lambda: person_name(data.get("carer_name"), "carer_name"))
    out["relation"] = e.guard("relation", lambda: choice(data.get("relation"), "relation", vocab.RELATIONS))
    out["carer_age"] = e.guard("carer_age", lambda: int_value(data.get("carer_age"), "carer_age", 16, 110))
    out["phone"] = e.guard("phone", lambda: phone(data.get("phone")))
    out["ability"] = e.guard("ability", lambda: choice(data.get("ability"), "ability", vocab.CARE_ABILITIES, default="良好"))
    out["since"] = e.guard("since", lambda: date_value(data.get("since"), "since", today))
    out["agreement_signed"] = e.guard("agreement_signed", lambda: bool_value(data.get("agreement_signed"), "agreement_signed"))
    out["agreement_date"] = e.guard("agreement_date", lambda: date_value(data.get("agreement_date"), "agreement_date", today))
    out["notes"] = e.guard("notes", lambda: text(data.get("notes"), "notes", 4000))
    if out["agreement_signed"] and out["agreement_date"] is None and "agreement_date" not in {x.field for x in e.errors}:
        e.add("agreement_date", "已签委托照护协议，请填写签订日期")
    if out["agreement_date"] is not None and out["agreement_signed"] is False:
        e.add("agreement_signed", "填写了协议签订日期，请勾选“已签委托照护协议”")
    e.raise_if_any()
    return out


def clean_category(data: dict, today: dt.date | None = None, birth_date: dt.date | None = None,
                   existing: list[str] | None = None) -> dict:
    """A category of the child. `existing` lists the child's other current categories."""
    today = today or clock.today()
    e = _Collector()
    _unknown(e, data, CATEGORY_FIELDS)
    out: dict[str, Any] = {}
    out["category"] = e.guard("category", lambda: choice(data.get("category"), "category", vocab.CATEGORIES))
    out["since"] = e.guard("since", lambda: date_value(data.get("since"), "since", today)) or (
        today if "since" not in {x.field for x in e.errors} else None)
    out["evidence"] = e.guard("evidence", lambda: text(data.get("evidence"), "evidence", 4000))
    out["ended"] = e.guard("ended", lambda: date_value(data.get("ended"), "ended", today, allow_future=True))
    cat = out["category"]
    if cat and existing and cat in existing and out["ended"] is None:
        e.add("category", f"该儿童已有类别“{cat}”")
    if out["since"] and out["ended"] and out["ended"] < out["since"]:
        e.add("ended", "终止日期早于起始日期")
    if birth_date and out["since"] and out["since"] < birth_date:
        e.add("since", "起始日期早于出生日期")
    if cat and birth_date and out["ended"] is None:
        limit = LEFT_BEHIND_AGE_LIMIT if cat == vocab.CATEGORY_LEFT_BEHIND else ADULT_AGE
        if idnumber.age_on(birth_date, today) >= limit:
            e.add("category", f"“{cat}”限未满{limit}周岁的儿童")
    e.raise_if_any()
    return out


AWAY_PARENT_RELATIONS = ("父亲", "母亲")


def has_parent_away(guardians: list[dict]) -> bool:
    """Whether a father or mother is recorded as working away (外出务工)."""
    return any(g.get("relation") in AWAY_PARENT_RELATIONS and g.get("works_away") for g in guardians)


def registration_errors(categories: list[str], guardians: list[dict]) -> list[ValidationError]:
    """What a new child's registration still lacks (issue 13): at least one category, and for a
    农村留守儿童 a parent recorded as working away (国发〔2016〕13号: both parents away, or one away
    and the other unable to guard the child)."""
    out = []
    if not categories:
        out.append(ValidationError("categories", "请至少选择一个儿童类别"))
    if vocab.CATEGORY_LEFT_BEHIND in categories and not has_parent_away(guardians):
        out.append(ValidationError("away_parents", "农村留守儿童须登记外出务工的父亲或母亲"))
    return out


def aged_out_cutoff(today: dt.date, limit: int) -> dt.date:
    """The latest birth date of a child who has reached `limit` years of age by `today`
    (`age_on(birth, today) >= limit` exactly when `birth <= aged_out_cutoff(today, limit)`)."""
    try:
        return today.replace(year=today.year - limit)
    except ValueError:  # 29 February today, a common year `limit` years back
        return dt.date(today.year - limit, 2, 28)


def category_ends_on(category: str, birth_date: dt.date) -> dt.date:
    """When a category ends by age: 16 for left-behind children, 18 for the others."""
    limit = LEFT_BEHIND_AGE_LIMIT if category == vocab.CATEGORY_LEFT_BEHIND else ADULT_AGE
    return idnumber.birthday_in(birth_date, birth_date.year + limit)


def clean_need(data: dict, today: dt.date | None = None) -> dict:
    today = today or clock.today()
    e = _Collector()
    _unknown(e, data, NEED_FIELDS)
    out: dict[str, Any] = {}
    out["description"] = e.guard("description", lambda: text(data.get("description"), "description", 4000, required=True))
    out["noted_on"] = e.guard("noted_on", lambda: date_value(data.get("noted_on"), "noted_on", today)) or today
    out["coverage"] = e.guard(
        "coverage", lambda: choice(data.get("coverage"), "coverage", vocab.NEED_COVERAGE, default="应保未保"))
    out["notes"] = e.guard("notes", lambda: text(data.get("notes"), "notes", 4000))
    e.raise_if_any()
    return out


def _unknown(e: _Collector, data: dict, allowed: list[str]) -> None:
    for key in data:
        if key not in allowed:
            e.add(key, f"未知字段：{key}")
