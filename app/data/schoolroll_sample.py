"""Synthetic school-roll generator (学籍库样例): a made-up village register and an education-bureau
roll for it, with a known mix of findings, bad rows, header variants and a duplicate ID number.

No real person: names are generated, ID numbers are invented (valid check digits). Used by the
tests (5,000-row import), by `tonghu schoolroll sample`, and to make the committed sample file
tests/data/fixtures/school_roll_sample.xlsx.

The roll built by `make_roll` contains, for the village children from `village_children`:
* school-age children 1–5 absent, child 6 listed as 休学 → 6 未在籍 (dropout risk);
* school-age children 7–10 at another school → 4 学校不一致;
* school-age children 11–13 without ID number (name + birth date only) → 3 疑似匹配;
* every other school-age child, and half of those aged 16–17, listed by ID at the recorded school;
* 6 pupils whose address is in this village but who have no file → 6 村内未登记;
* 8 bad rows (wrong checksum, 17 digits, empty name, empty school, impossible date, unreadable
  date, birth date contradicting the ID, neither ID nor birth date) and 1 row repeating an ID;
* the rest: pupils from other villages (no finding), up to `total` data rows.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path

from stdnum.cn import ric

from app.domain import idnumber
from app.domain import schoolroll as rules

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
GIVEN = "浩宇轩子涵博文俊杰晨阳明辰皓睿泽天一鑫鹏欣怡梓诗雨萱婷佳琪思彤紫悦馨可妍瑶雅静梦洁丽芳慧敏颖"
OTHER_VILLAGES = ["西岗村", "南塘村", "北山村", "河湾社区", "前庄村", "后营村", "新桥村", "石塘村"]
HEADERS_XLSX = ["序号", "学生姓名", "性别", "公民身份号码", "出生年月日", "就读学校", "年级", "户籍地址", "学籍状态", "班主任"]
HEADERS_CSV = ["姓名", "身份证件号", "出生日期", "学校名称", "班级", "家庭住址", "在校状态"]
REGION = "320115"


@dataclass
class SampleChild:
    name: str
    id_number: str
    birth_date: dt.date
    sex: str
    school: str
    school_stage: str


@dataclass
class Expected:
    dropout: int
    other_school: int
    uncertain: int
    unknown: int
    bad_rows: list[int]
    duplicate_row: int
    data_rows: int
    on_roll: int

    def counts(self) -> dict:
        return {rules.DROPOUT_RISK: self.dropout, rules.OTHER_SCHOOL: self.other_school,
                rules.UNKNOWN_TO_VILLAGE: self.unknown, rules.UNCERTAIN: self.uncertain}


class _Ids:
    def __init__(self, rng: random.Random):
        self.rng, self.used = rng, set[str]()

    def make(self, birth: dt.date, sex: str) -> str:
        while True:
            seq = self.rng.randrange(0, 99)
            last = self.rng.choice("13579" if sex == "男" else "02468")
            first17 = f"{REGION}{birth:%Y%m%d}{seq:02d}{last}"
            if first17 not in self.used:
                self.used.add(first17)
                return first17 + ric.calc_check_digit(first17 + "0")  # stdnum expects the check digit included


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


def _birth(rng: random.Random, today: dt.date, age: int) -> dt.date:
    start = dt.date(today.year - age - 1, today.month, 1) + dt.timedelta(days=20)
    return start + dt.timedelta(days=rng.randrange(0, 330))


def school_for(birth: dt.date, today: dt.date, village: str) -> tuple[str, str]:
    age = idnumber.age_on(birth, dt.date(rules.school_year_start(today), 8, 31))
    if age < 3:
        return "", "学龄前"
    if age < 6:
        return "东山幼儿园", "幼儿园"
    if age <= 11:
        return f"{village}小学", "小学"
    if age <= 15:
        return "秣陵初级中学", "初中"
    return "江宁高级中学", "高中"


def village_children(count: int = 80, seed: int = 7, today: dt.date = dt.date(2026, 11, 2),
                     village: str = "东山村") -> list[SampleChild]:
    rng = random.Random(seed)
    ids = _Ids(rng)
    out = []
    for i in range(count):
        age = 2 + i % 16  # ages 2..17, evenly
        birth = _birth(rng, today, age)
        sex = rng.choice("男女")
        school, stage = school_for(birth, today, village)
        out.append(SampleChild(_name(rng), ids.make(birth, sex), birth, sex, school, stage))
    return out


def make_roll(children: list[SampleChild], today: dt.date = dt.date(2026, 11, 2), total: int = 5000,
              seed: int = 11, village: str = "东山村") -> tuple[list[str], list[list], Expected]:
    """Header, data rows (in file order) and the results an import must give (see module doc)."""
    rng = random.Random(seed)
    ids = _Ids(rng)
    ids.used.update(c.id_number[:17] for c in children)
    school_age = [c for c in children if rules.is_school_age(c.birth_date, today)]
    older = [c for c in children if not rules.is_school_age(c.birth_date, today) and c.school_stage == "高中"]
    rows: list[list] = []

    def add(name, number, birth, school, sex="", grade="", address="", status="在读"):
        rows.append([None, name, sex, number, birth, school, grade, address, status, "张老师"])

    address = f"江宁区秣陵街道{village}"
    for i, c in enumerate(school_age):
        if i < 5:
            continue
        if i == 5:
            add(c.name, c.id_number, c.birth_date, c.school, c.sex, "", address, "休学")
        elif i < 10:
            other = "秣陵第二小学" if c.school_stage == "小学" else "县实验初中"
            add(c.name, c.id_number, c.birth_date, other, c.sex, "", address)
        elif i < 13:
            add(c.name, "", c.birth_date, c.school, c.sex, "", address)
        else:
            add(c.name, c.id_number, c.birth_date, c.school, c.sex, "", address)
    for c in older[::2]:
        add(c.name, c.id_number, c.birth_date, c.school, c.sex, "高一", address)
    on_roll = (len(school_age) - 6) + len(older[::2])
    for _ in range(6):
        sex = rng.choice("男女")
        birth = _birth(rng, today, rng.randrange(7, 15))
        add(_name(rng), ids.make(birth, sex), birth, f"{village}小学", sex, "三年级", address + rng.choice("一二三四") + "组")
    filler_start = len(rows)
    margin = min(100, max(12, total // 5))
    bad_at = sorted(rng.sample(range(filler_start + 12, max(filler_start + 21, total - margin)), 8))
    dup_at = total - min(50, margin // 2)
    while len(rows) + 9 < total:
        sex = rng.choice("男女")
        birth = _birth(rng, today, rng.randrange(6, 16))
        number = ids.make(birth, sex)
        add(_name(rng), number, birth, rng.choice(["秣陵中心小学", "秣陵初级中学", "秣陵第二小学"]), sex,
            rng.choice(["一年级", "三年级", "五年级", "初二"]), f"江宁区秣陵街道{rng.choice(OTHER_VILLAGES)}")
    b = dt.date(2014, 5, 6)
    good = ids.make(b, "男")
    bad_rows: list[list] = [
        ["王小明", good[:17] + ("0" if good[17] != "0" else "1"), b, "秣陵中心小学"],  # wrong check digit
        ["李小红", good[:17], b, "秣陵中心小学"],  # 17 digits
        ["", ids.make(b, "女"), b, "秣陵中心小学"],  # empty name
        ["赵小刚", ids.make(b, "男"), b, ""],  # empty school
        ["钱小丽", "", "2014-02-30", "秣陵中心小学"],  # impossible date
        ["孙小强", "", "明年三月", "秣陵中心小学"],  # unreadable date
        ["周小燕", ids.make(b, "女"), dt.date(2013, 5, 6), "秣陵中心小学"],  # contradicts ID
        ["吴小军", "", None, "秣陵中心小学"],  # neither
    ]
    bad_refs = []
    for pos, (name, number, birth, school) in zip(bad_at, bad_rows, strict=True):
        row = [None, name, "", number, birth, school, "二年级", f"江宁区秣陵街道{OTHER_VILLAGES[0]}", "在读", "张老师"]
        rows.insert(pos, row)
        bad_refs.append(row)
    dup = list(rows[filler_start + 10])
    dup[1] = dup[1] + "（重复）"
    rows.insert(dup_at, dup)
    for i, r in enumerate(rows, start=1):
        r[0] = i
    # Row numbers as the user sees them in Excel: the header is row 1.
    position = {id(r): i + 2 for i, r in enumerate(rows)}
    bad_numbers = sorted(position[id(r)] for r in bad_refs)
    dup_number = position[id(dup)]
    expected = Expected(dropout=6, other_school=4, uncertain=3, unknown=6, bad_rows=bad_numbers,
                        duplicate_row=dup_number, data_rows=len(rows), on_roll=on_roll)
    return list(HEADERS_XLSX), rows, expected


def write_xlsx(path: Path | str, header: list[str], rows: list[list], title: str | None = None) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("学籍名册")
    if title:
        ws.append([title])
    ws.append(header)
    for r in rows:
        ws.append(r)
    wb.save(path)


def write_csv(path: Path | str, header: list[str], rows: list[list], encoding: str = "utf-8-sig") -> None:
    with open(path, "w", newline="", encoding=encoding) as fh:
        w = csv.writer(fh)
        w.writerow(header)
        for r in rows:
            w.writerow(["" if v is None else (v.isoformat() if isinstance(v, dt.date) else v) for v in r])


def as_csv_variant(header: list[str], rows: list[list]) -> tuple[list[str], list[list]]:
    """The same roll with other common header spellings (姓名/身份证件号/学校名称/班级/家庭住址/在校状态)."""
    idx = [header.index(h) for h in ("学生姓名", "公民身份号码", "出生年月日", "就读学校", "年级", "户籍地址", "学籍状态")]
    out_rows = [[r[i] for i in idx] for r in rows]
    return list(HEADERS_CSV), out_rows
