"""学籍库比对 rules: recognise the education bureau's column names, check each roll row, and
match roll entries to the village's children (by ID number; else by name + birth date, uncertain).

Pure functions over plain values: the file reading (xlsx / CSV) and the saving live in
app/data/schoolroll_import.py. Messages name the row as the user sees it in Excel (header = row 1).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from app.domain import idnumber
from app.domain.errors import ValidationError
from app.domain.tabular import Columns, MappingError, RowError, cell_text, norm_header, parse_date

# Our fields, the Chinese label shown in the mapping step, and whether the column is required.
FIELDS = {
    "id_number": ("身份证号", True),
    "name": ("姓名", True),
    "school": ("学校", True),
    "birth_date": ("出生日期", False),
    "sex": ("性别", False),
    "grade": ("年级", False),
    "address": ("家庭住址", False),
    "status": ("学籍状态", False),
}

# Header spellings seen on roll exports, normalised (no spaces, no brackets) → field.
HEADER_VARIANTS = {
    "id_number": ["身份证号", "身份证号码", "身份证件号", "身份证件号码", "证件号码", "证件号", "公民身份号码",
                  "学生身份证号", "学生身份证号码", "身份证"],
    "name": ["姓名", "学生姓名", "学生名称", "名字"],
    "school": ["学校", "学校名称", "就读学校", "所在学校", "学校全称", "在读学校"],
    "birth_date": ["出生日期", "出生年月日", "出生年月", "生日", "出生时间"],
    "sex": ["性别"],
    "grade": ["年级", "年级名称", "所在年级", "班级", "年级班级"],
    "address": ["家庭住址", "户籍地址", "户籍所在地", "现住址", "住址", "家庭地址", "居住地址"],
    "status": ["学籍状态", "在校状态", "就读状态", "状态"],
}

# Roll status values meaning the child is not attending (counted as not on the roll).
NOT_ATTENDING = ("休学", "辍学", "退学", "转出", "失学", "死亡", "注销")

DROPOUT_RISK = "未在籍"
OTHER_SCHOOL = "学校不一致"
UNKNOWN_TO_VILLAGE = "村内未登记"
UNCERTAIN = "疑似匹配"
KIND_LABELS = [DROPOUT_RISK, OTHER_SCHOOL, UNKNOWN_TO_VILLAGE, UNCERTAIN]

SCHOOL_AGE = (6, 15)  # 义务教育: aged 6–15 on 31 August of the school year's start


COLUMNS = Columns(FIELDS, HEADER_VARIANTS)
field_for_header = COLUMNS.field_for_header
field_by_label = COLUMNS.field_by_label
label = COLUMNS.label


def auto_mapping(headers: list, overrides: dict[str, str] | None = None) -> dict[str, int]:
    """field → column index from the header row; `overrides` maps a header text to a field
    (the mapping step) and wins over the automatic guess. Raises MappingError for a missing
    required column or two columns mapped to one field."""
    mapping: dict[str, int] = {}
    overrides = {norm_header(k): v for k, v in (overrides or {}).items()}
    for i, h in enumerate(headers):
        key = norm_header(h)
        if not key:
            continue
        if key in overrides:
            name = field_by_label(overrides[key]) if overrides[key] not in ("", "-", "忽略") else None
            if overrides[key] not in ("", "-", "忽略") and name is None:
                raise MappingError("mapping", f"无法识别的字段“{overrides[key]}”（列“{h}”）")
        else:
            name = field_for_header(h)
        if name is None:
            continue
        if name in mapping:
            other = headers[mapping[name]]
            raise MappingError("mapping", f"列“{other}”和列“{h}”都对应“{label(name)}”，请在对应步骤中只保留一列")
        mapping[name] = i
    unknown = set(overrides) - {norm_header(h) for h in headers}
    if unknown:
        raise MappingError("mapping", "文件中没有这些列：" + "、".join(sorted(unknown)))
    missing = [label(n) for n, (_, required) in FIELDS.items() if required and n not in mapping]
    if missing:
        found = "、".join(str(h) for h in headers if norm_header(h)) or "（空）"
        raise MappingError("mapping", f"缺少必需的列：{'、'.join(missing)}。文件表头为：{found}。"
                                      "请在“列对应”一步指定对应的列（命令行用 --map 列名=字段）")
    return mapping


@dataclass(frozen=True)
class RollEntry:
    row_no: int
    name: str
    id_number: str
    birth_date: dt.date | None
    school: str
    sex: str = ""
    grade: str = ""
    address: str = ""
    status: str = ""

    @property
    def attending(self) -> bool:
        return not any(w in self.status for w in NOT_ATTENDING)


def parse_row(row_no: int, values: list, mapping: dict[str, int], today: dt.date) -> RollEntry | RowError | None:
    """One data row → RollEntry, RowError (naming what is wrong), or None for an empty row."""
    def get(name: str) -> object:
        i = mapping.get(name)
        return values[i] if i is not None and i < len(values) else None

    if not any(cell_text(v) for v in values):
        return None
    name = cell_text(get("name"))
    number = idnumber.normalise(cell_text(get("id_number")))
    school = cell_text(get("school"))
    problems = [text for missing, text in ((not name, "姓名为空"), (not school, "学校为空")) if missing]
    birth = _row_birth_date(get("birth_date"), number, today, problems)
    if problems:
        return RowError(row_no, "；".join(problems))
    return RollEntry(row_no, name, number, birth, school, cell_text(get("sex")), cell_text(get("grade")),
                     cell_text(get("address")), cell_text(get("status")))


def _row_birth_date(raw_birth: object, number: str, today: dt.date, problems: list[str]) -> dt.date | None:
    """The birth date from its column and the ID number, which must agree; what is wrong goes to `problems`."""
    birth = None
    if cell_text(raw_birth):
        try:
            birth = parse_date(raw_birth)
        except ValueError as exc:
            problems.append(str(exc))
    if not number:
        if birth is None and not cell_text(raw_birth):
            problems.append("身份证号和出生日期都为空，无法比对")
        return birth
    id_birth = _id_birth_date(number, today, problems)
    if id_birth is not None and birth is not None and birth != id_birth:
        problems.append(f"出生日期{birth.isoformat()}与身份证号中的{id_birth.isoformat()}不一致")
    return birth or id_birth


def _id_birth_date(number: str, today: dt.date, problems: list[str]) -> dt.date | None:
    try:
        return idnumber.parse_in_bulk(number, today)[0]
    except ValidationError as exc:
        problems.append(f"{exc.message}（{number}）")
        return None


def school_year_start(today: dt.date) -> int:
    return today.year if today.month >= 9 else today.year - 1


def is_school_age(birth_date: dt.date | None, today: dt.date) -> bool:
    if birth_date is None:
        return False
    age = idnumber.age_on(birth_date, dt.date(school_year_start(today), 8, 31))
    return SCHOOL_AGE[0] <= age <= SCHOOL_AGE[1]


def norm_school(name: str) -> str:
    return re.sub(r"[\s\u3000()（）]", "", name or "")


def norm_name(name: str) -> str:
    return re.sub(r"[\s\u3000·.]", "", name or "")


@dataclass(frozen=True)
class ChildRef:
    id: str
    name: str
    id_number: str
    birth_date: dt.date | None
    school: str = ""


@dataclass(frozen=True)
class Finding:
    kind: str
    child: ChildRef | None
    entry: RollEntry | None
    certain: bool = True
    detail: str = ""


@dataclass
class Comparison:
    findings: list[Finding] = field(default_factory=list)
    matched: dict[str, RollEntry] = field(default_factory=dict)  # child id → entry (attending)
    uncertain_ids: set = field(default_factory=set)

    def of(self, kind: str) -> list[Finding]:
        return [f for f in self.findings if f.kind == kind]

    def counts(self) -> dict[str, int]:
        return {k: len(self.of(k)) for k in KIND_LABELS}


def compare(children: list[ChildRef], entries: list[RollEntry], today: dt.date,
            village_names: list[str] | None = None) -> Comparison:
    """Match the village's active children against the roll entries.

    * by ID number (certain), else by name + birth date (uncertain, shown as 疑似匹配);
    * a matched child whose roll school differs from the recorded one → 学校不一致;
    * a school-age child not on the roll, or on it as 休学/辍学/转出… → 未在籍 (dropout risk);
    * an unmatched roll entry whose address names this village (or every unmatched entry when
      the roll has no address or no village name is given) → 村内未登记.
    """
    by_id = {e.id_number: e for e in entries if e.id_number}
    by_name_birth: dict[tuple, list[RollEntry]] = {}
    for e in entries:
        by_name_birth.setdefault((norm_name(e.name), e.birth_date), []).append(e)
    used: set[int] = set()
    result = Comparison()
    pending: list[ChildRef] = []
    for c in children:
        exact = by_id.get(idnumber.normalise(c.id_number)) if c.id_number else None
        if exact is not None:
            used.add(exact.row_no)
            result_match(result, c, exact, True)
        else:
            pending.append(c)
    for c in pending:
        candidates = [e for e in by_name_birth.get((norm_name(c.name), c.birth_date), []) if e.row_no not in used]
        if c.birth_date is not None and candidates:
            e = candidates[0]
            used.add(e.row_no)
            why = "姓名、出生日期相同，身份证号" + ("不同" if e.id_number else "缺失") + "，请核实是否同一人"
            result.findings.append(Finding(UNCERTAIN, c, e, False, why))
            result.uncertain_ids.add(c.id)
            result_match(result, c, e, False)
        elif is_school_age(c.birth_date, today):
            result.findings.append(Finding(DROPOUT_RISK, c, None, True, "学龄儿童在学籍库中没有记录"))
    names = [n for n in (village_names or []) if n]
    for e in entries:
        if e.row_no in used:
            continue
        if names and e.address and not any(n in e.address for n in names):
            continue
        result.findings.append(Finding(UNKNOWN_TO_VILLAGE, None, e, True, "学籍库中有记录，本村未建档"))
    order = {k: i for i, k in enumerate(KIND_LABELS)}
    result.findings.sort(key=lambda f: (order[f.kind], f.entry.row_no if f.entry else 0, f.child.name if f.child else ""))
    return result


def result_match(result: Comparison, c: ChildRef, e: RollEntry, certain: bool) -> None:
    if not e.attending:
        result.findings.append(Finding(DROPOUT_RISK, c, e, certain, f"学籍状态：{e.status}"))
        return
    result.matched[c.id] = e
    if norm_school(c.school) != norm_school(e.school):
        recorded = c.school or "（档案未填学校）"
        result.findings.append(Finding(OTHER_SCHOOL, c, e, certain, f"档案：{recorded}；学籍库：{e.school}"))
