"""County roster rules (名单导入): recognise the columns of the national systems' exports and of a
county 台账, check each row, resolve the village to its 12-digit code and map category names.

Pure functions over plain values: reading the file and writing the children live in
`app/server/roster/`. Messages name the row as the user sees it in Excel (header = row 1).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Callable

from app.domain import idnumber
from app.domain import vocab
from app.domain.errors import ValidationError
from app.domain.tabular import Columns, MappingError, RowError, cell_text, norm_header, parse_date

# Our fields: the label shown in the mapping step and whether the column is required.
FIELDS = {
    "name": ("姓名", True),
    "id_number": ("身份证号", True),
    "sex": ("性别", False),
    "birth_date": ("出生日期", False),
    "village_code": ("村（居）区划代码", False),
    "village_name": ("所属村（居）", False),
    "township_name": ("所属乡镇（街道）", False),
    "category": ("儿童类别", False),
    "guardian_name": ("监护人姓名", False),
    "guardian_relation": ("监护人与儿童关系", False),
    "guardian_phone": ("监护人联系电话", False),
    "carer_name": ("委托照护人姓名", False),
    "carer_relation": ("照护人与儿童关系", False),
    "carer_phone": ("照护人联系电话", False),
    "address": ("家庭住址", False),
    "school": ("就读学校", False),
    "group_name": ("村民小组", False),
}

# Header spellings seen on roster exports, normalised by `norm_header` (no spaces, nothing in brackets).
HEADER_VARIANTS = {
    "name": ["姓名", "儿童姓名", "儿童名字", "名字"],
    "id_number": ["公民身份号码", "身份证号", "身份证号码", "身份证件号码", "身份证件号", "证件号码", "儿童身份证号",
                  "儿童身份证号码", "儿童公民身份号码", "身份证"],
    "sex": ["性别", "儿童性别"],
    "birth_date": ["出生日期", "出生年月日", "出生年月", "生日"],
    "village_code": ["行政区划代码", "区划代码", "村代码", "村居代码", "所属村代码", "村区划代码", "户籍地区划代码",
                     "统计用区划代码"],
    "village_name": ["所属村", "村", "村名", "所在村", "村居", "村社区", "所属村居", "所属村社区", "村委会",
                     "所属村委会", "村居委会"],
    "township_name": ["乡镇", "所属乡镇", "所在乡镇", "乡镇街道", "所属乡镇街道", "所在乡镇街道", "乡镇名称", "镇", "街道"],
    "category": ["儿童类别", "困境类型", "儿童类型", "类别", "困境儿童类型", "保障类别", "人员类别"],
    "guardian_name": ["监护人姓名", "监护人", "第一监护人", "第一监护人姓名"],
    "guardian_relation": ["监护人关系", "与儿童关系", "监护人与儿童关系", "与监护人关系", "监护关系"],
    "guardian_phone": ["监护人联系电话", "监护人电话", "监护人手机", "联系电话", "监护人联系方式"],
    "carer_name": ["委托照护人姓名", "委托照护人", "照护人姓名", "照护人", "实际照护人", "受委托照护人"],
    "carer_relation": ["照护人关系", "照护人与儿童关系", "委托照护人关系"],
    "carer_phone": ["照护人联系电话", "照护人电话", "委托照护人电话", "委托照护人联系电话"],
    "address": ["家庭住址", "现住址", "住址", "家庭地址", "居住地址"],
    "school": ["就读学校", "学校", "所在学校", "学校名称"],
    "group_name": ["村民小组", "组", "小组"],
}

IGNORE = {"", "-", "忽略"}

# Category names used by the national systems and county 台账 → ours (vocab.CATEGORIES).
CATEGORY_NAMES = {
    "农村留守儿童": vocab.CATEGORY_LEFT_BEHIND, "留守儿童": vocab.CATEGORY_LEFT_BEHIND, "留守": vocab.CATEGORY_LEFT_BEHIND,
    "孤儿": vocab.CATEGORY_ORPHAN, "散居孤儿": vocab.CATEGORY_SCATTERED_ORPHAN,
    "社会散居孤儿": vocab.CATEGORY_SCATTERED_ORPHAN, "机构供养孤儿": vocab.CATEGORY_INSTITUTION_ORPHAN,
    "机构养育孤儿": vocab.CATEGORY_INSTITUTION_ORPHAN, "集中供养孤儿": vocab.CATEGORY_INSTITUTION_ORPHAN,
    "事实无人抚养儿童": vocab.CATEGORY_UNSUPPORTED, "事实无人抚养": vocab.CATEGORY_UNSUPPORTED,
    "重病儿童": vocab.CATEGORY_SERIOUS_ILLNESS, "重病": vocab.CATEGORY_SERIOUS_ILLNESS,
    "重残儿童": vocab.CATEGORY_SEVERE_DISABILITY, "重残": vocab.CATEGORY_SEVERE_DISABILITY,
    "低保家庭儿童": vocab.CATEGORY_LOW_INCOME, "低保儿童": vocab.CATEGORY_LOW_INCOME, "低保": vocab.CATEGORY_LOW_INCOME,
    "特困儿童": vocab.CATEGORY_EXTREME_POVERTY, "特困供养儿童": vocab.CATEGORY_EXTREME_POVERTY,
    "特困": vocab.CATEGORY_EXTREME_POVERTY,
    "困境儿童家庭经济困难": vocab.CATEGORY_HARDSHIP_POVERTY, "家庭经济困难儿童": vocab.CATEGORY_HARDSHIP_POVERTY,
    "因贫困境儿童": vocab.CATEGORY_HARDSHIP_POVERTY, "因贫困境": vocab.CATEGORY_HARDSHIP_POVERTY,
    "困境儿童自身残疾": vocab.CATEGORY_HARDSHIP_DISABILITY, "自身残疾儿童": vocab.CATEGORY_HARDSHIP_DISABILITY,
    "因残困境儿童": vocab.CATEGORY_HARDSHIP_DISABILITY, "因残困境": vocab.CATEGORY_HARDSHIP_DISABILITY,
    "困境儿童监护缺失或不当": vocab.CATEGORY_HARDSHIP_GUARDIANSHIP,
    "监护缺失儿童": vocab.CATEGORY_HARDSHIP_GUARDIANSHIP, "监护不当儿童": vocab.CATEGORY_HARDSHIP_GUARDIANSHIP,
    "因监护缺失或不当困境儿童": vocab.CATEGORY_HARDSHIP_GUARDIANSHIP,
}
_CATEGORY_SPLIT = re.compile(r"[、,，;；/／|]+")

RELATION_NAMES = {
    "父": "父亲", "父亲": "父亲", "爸爸": "父亲", "母": "母亲", "母亲": "母亲", "妈妈": "母亲",
    "祖父": "祖父", "爷爷": "祖父", "祖母": "祖母", "奶奶": "祖母", "外祖父": "外祖父", "外公": "外祖父",
    "姥爷": "外祖父", "外祖母": "外祖母", "外婆": "外祖母", "姥姥": "外祖母", "哥哥": "兄姐", "姐姐": "兄姐",
    "兄": "兄姐", "姐": "兄姐", "兄姐": "兄姐", "叔叔": "其他亲属", "伯父": "其他亲属", "姑姑": "其他亲属",
    "舅舅": "其他亲属", "姨妈": "其他亲属", "其他亲属": "其他亲属", "其他": "其他",
}
_PHONE = re.compile(r"^(1\d{10}|0\d{2,3}-?\d{7,8}|\d{7,8})$")
_VILLAGE_SUFFIXES = ("村民委员会", "居民委员会", "村委会", "居委会", "社区", "村")
_TOWNSHIP_SUFFIXES = ("人民政府", "街道办事处", "街道", "镇", "乡")


COLUMNS = Columns(FIELDS, HEADER_VARIANTS)
field_for_header = COLUMNS.field_for_header
field_by_label = COLUMNS.field_by_label


def parse_map_option(text: str) -> dict[str, str]:
    """`--map '表头=field,表头2=field2'` → {header: field}; raises MappingError for a bad pair."""
    out: dict[str, str] = {}
    for part in re.split(r"[,，]", text or ""):
        if not part.strip():
            continue
        if "=" not in part:
            raise MappingError("map", f"列对应“{part.strip()}”应写成 表头=字段")
        header, name = (p.strip() for p in part.split("=", 1))
        if name not in IGNORE and field_by_label(name) is None:
            raise MappingError("map", f"列对应“{part.strip()}”中的字段“{name}”不认识；可用：{'、'.join(FIELDS)}")
        out[header] = name
    return out


def auto_mapping(headers: list, overrides: dict[str, str] | None = None) -> dict[str, int]:
    """field → column index. `overrides` (header → field, or 忽略) wins over recognition. Raises
    MappingError for a missing required column, no village column, or two columns on one field."""
    mapping: dict[str, int] = {}
    over = {norm_header(k): v for k, v in (overrides or {}).items()}
    for i, h in enumerate(headers):
        key = norm_header(h)
        if not key:
            continue
        if key in over:
            name = None if over[key] in IGNORE else field_by_label(over[key])
        else:
            name = field_for_header(h)
        if name is None:
            continue
        if name in mapping:
            if key in over:
                raise MappingError("mapping", f"“{h}”和“{headers[mapping[name]]}”两列都对应到{FIELDS[name][0]}，请只选一列")
            continue  # the first recognised column wins (联系电话 after 监护人联系电话)
        mapping[name] = i
    missing = [FIELDS[n][0] for n, (_, required) in FIELDS.items() if required and n not in mapping]
    if missing:
        raise MappingError("mapping", f"找不到这些列：{'、'.join(missing)}。请在列对应中指定（--map '表头=字段'）")
    if "village_code" not in mapping and "village_name" not in mapping:
        raise MappingError("mapping", "找不到村（居）列：需要“行政区划代码”或“所属村（居）”之一。请在列对应中指定")
    return mapping


def mapping_headers(headers: list, mapping: dict[str, int]) -> dict[str, str]:
    """The mapping as header → field (how it is remembered and shown)."""
    return {cell_text(headers[i]): name for name, i in mapping.items() if i < len(headers)}


def map_categories(text: str) -> tuple[list[str], list[str]]:
    """A category cell → (our category names, names not recognised)."""
    found, unknown = [], []
    for part in _CATEGORY_SPLIT.split(text or ""):
        key = norm_header(part).replace("(", "").replace(")", "")
        if not key:
            continue
        ours = key if key in vocab.CATEGORIES else CATEGORY_NAMES.get(key) or CATEGORY_NAMES.get(_strip_brackets(part))
        if ours is None:
            unknown.append(part.strip())
        elif ours not in found:
            found.append(ours)
    return found, unknown


def _strip_brackets(text: str) -> str:
    return re.sub(r"[\s（）()]", "", text or "")


def map_relation(text: str) -> str:
    t = re.sub(r"\s", "", text or "")
    return RELATION_NAMES.get(t, "其他" if t else "")


def village_key(name: str) -> str:
    """A village name as compared: no spaces, no 村/社区/村委会 suffix."""
    t = re.sub(r"[\s\u3000]", "", name or "")
    for suffix in _VILLAGE_SUFFIXES:
        if t.endswith(suffix) and len(t) > len(suffix):
            return t[: -len(suffix)]
    return t


def township_key(name: str) -> str:
    t = re.sub(r"[\s\u3000]", "", name or "")
    for suffix in _TOWNSHIP_SUFFIXES:
        if t.endswith(suffix) and len(t) > len(suffix):
            return t[: -len(suffix)]
    return t


class Gazetteer:
    """The county's villages and townships (code → name), for resolving a row's village."""

    def __init__(self, places: dict[str, str]):
        self.names = dict(places)
        self.villages: dict[str, list[str]] = {}
        self.townships: dict[str, str] = {}
        for code, name in places.items():
            if len(code) == 12:
                self.villages.setdefault(village_key(name), []).append(code)
            elif len(code) == 9:
                self.townships[code] = township_key(name)

    def resolve(self, code_text: str, village: str, township: str = "") -> tuple[str | None, str]:
        """(12-digit code, '') or (None, why not)."""
        code = re.sub(r"\s", "", code_text or "")
        if code:
            if not (code.isdigit() and len(code) == 12):
                return None, f"村（居）区划代码“{code}”应为12位数字"
            if self.names and code not in self.names:
                return None, f"村（居）区划代码{code}不在本县的区划表中"
            return code, ""
        if not (village or "").strip():
            return None, "所属村（居）为空"
        codes = self.villages.get(village_key(village), [])
        if township and len(codes) > 1:
            tkey = township_key(township)
            codes = [c for c in codes if self.townships.get(c[:9]) == tkey]
        if len(codes) == 1:
            return codes[0], ""
        if not codes:
            where = f"（{township}）" if township else ""
            return None, f"村（居）“{village.strip()}”{where}在本县的区划表中找不到"
        return None, f"村（居）“{village.strip()}”有重名（{'、'.join(codes)}），请在文件中加上乡镇列或区划代码"


@dataclass
class Person:
    name: str
    relation: str
    phone: str


@dataclass
class RosterEntry:
    row_no: int
    name: str
    id_number: str
    sex: str
    birth_date: dt.date
    village_code: str
    categories: list[str] = field(default_factory=list)
    guardian: Person | None = None
    carer: Person | None = None
    address: str = ""
    school: str = ""
    group_name: str = ""


def _person(get: Callable[[str], object], prefix: str, problems: list[str], label: str) -> Person | None:
    name = cell_text(get(f"{prefix}_name"))
    phone = re.sub(r"\s", "", cell_text(get(f"{prefix}_phone")))
    relation = map_relation(cell_text(get(f"{prefix}_relation")))
    if phone and not _PHONE.match(phone):
        problems.append(f"{label}联系电话“{phone}”格式不对")
    if len(name) > 64:
        problems.append(f"{label}姓名超过64个字")
    if not name:
        return None
    return Person(name, relation, phone)


def parse_row(row_no: int, values: list, mapping: dict[str, int], today: dt.date,  # noqa: C901 - one check per column
              places: Gazetteer) -> RosterEntry | RowError | None:
    """One data row → RosterEntry, RowError (every problem of the row), or None for an empty row."""
    def get(name: str) -> object:
        i = mapping.get(name)
        return values[i] if i is not None and i < len(values) else None

    if not any(cell_text(v) for v in values):
        return None
    problems: list[str] = []
    name = cell_text(get("name"))
    if not name:
        problems.append("姓名为空")
    elif len(name) > 64:
        problems.append("姓名超过64个字")
    number = idnumber.normalise(cell_text(get("id_number")))
    birth = sex = None
    if not number:
        problems.append("身份证号为空")
    else:
        try:
            birth, sex = idnumber.parse_in_bulk(number, today)
        except ValidationError as exc:
            problems.append(f"{exc.message}（{number}）")
    raw_birth = get("birth_date")
    if cell_text(raw_birth) and birth is not None:
        try:
            stated = parse_date(raw_birth)
            if stated != birth:
                problems.append(f"出生日期{stated.isoformat()}与身份证号中的{birth.isoformat()}不一致")
        except ValueError as exc:
            problems.append(str(exc))
    stated_sex = cell_text(get("sex"))
    if stated_sex and sex and stated_sex not in (sex, sex + "性"):
        problems.append(f"性别“{stated_sex}”与身份证号（{sex}）不一致")
    village, why = places.resolve(cell_text(get("village_code")), cell_text(get("village_name")),
                                  cell_text(get("township_name")))
    if village is None:
        problems.append(why)
    categories, unknown = map_categories(cell_text(get("category")))
    if unknown:
        problems.append(f"儿童类别“{'、'.join(unknown)}”无法识别（可用：{'、'.join(vocab.CATEGORIES)}）")
    guardian = _person(get, "guardian", problems, "监护人")
    carer = _person(get, "carer", problems, "照护人")
    address, school, group = cell_text(get("address")), cell_text(get("school")), cell_text(get("group_name"))
    for label, value, limit in (("家庭住址", address, 255), ("就读学校", school, 128), ("村民小组", group, 32)):
        if len(value) > limit:
            problems.append(f"{label}超过{limit}个字")
    if problems or birth is None:
        return RowError(row_no, "；".join(problems) or "出生日期无法确定")
    return RosterEntry(row_no, name, number, sex or "", birth, village or "", categories, guardian, carer,
                       address, school, group)
