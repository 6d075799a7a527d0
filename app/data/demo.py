"""Synthetic demo data: a plausible village register that contains no real person.

Names are drawn from common surnames and generated given names; ID numbers are valid (region
codes of Jiangsu counties, birth dates for ages 0–17, correct check digits) but invented.
Households have parents working away in other provinces, grandparents (60–80) caring under an
entrusted-care agreement, and a realistic mix of categories (mostly 留守, some 困境 subtypes,
a few 孤儿 and 事实无人抚养儿童).

Rows go through ordinary capturing sessions, in batches of a few hundred households per
transaction, so the demo store has the same outbox and audit log a real one would (a sync demo
works on it). Other features append functions to `DEMO_EXTENSIONS`; each is called as
`fn(store, rng, today)` once the children exist.
"""

from __future__ import annotations

import datetime as dt
import importlib
import random
from typing import Any, Callable

from app.core import clock
from app.data import capture
from app.data.ids import new_id
from app.data.models import CareArrangement, Child, ChildCategory, Guardian, Need, Setting
from app.domain import idnumber, pinyin, vocab

DEMO_EXTENSIONS: list[Callable] = []

# Other features' demo data, run in this order after the children (imported lazily so this module
# stays importable without them); anything appended to DEMO_EXTENSIONS runs after these.
FEATURE_EXTENSIONS = (
    "app.data.demo_visits:add_demo_visits",
    "app.data.demo_protection:add_demo_protection",
)


def extensions() -> list[Callable]:
    found: list[Callable] = []
    for spec in FEATURE_EXTENSIONS:
        module, _, name = spec.partition(":")
        try:
            fn = getattr(importlib.import_module(module), name)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise
            continue  # that feature is not part of this build
        if fn not in found:
            found.append(fn)
    return found + [fn for fn in DEMO_EXTENSIONS if fn not in found]

BATCH_CHILDREN = 1000

# Common surnames with rough weights (most frequent first).
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
_SURNAME_WEIGHTS = [max(1.0, 30.0 - i * 0.3) for i in range(len(SURNAMES))]

BOY_CHARS = "浩宇轩子涵博文俊杰晨阳明辰皓睿泽天一鑫鹏磊强伟峰宏志毅航嘉铭然思远诚豪晓乐瑞凯家安星"
GIRL_CHARS = "欣怡梓涵诗雨萱婷佳琪思彤紫悦晨馨可妍瑶雅静梦洁丽芳慧敏颖月玉心语欢蕾若兰琳巧宁晓菲"
ADULT_MALE_CHARS = "建国军平华明强伟刚勇志峰红卫东海林春生福德富荣庆永金宝根"
ADULT_FEMALE_CHARS = "秀英桂兰玉芳红梅丽华凤霞琴美云珍萍燕娟莲花翠春敏小"

# Jiangsu county codes (used as the region of ID numbers; most children are born in the home county).
JIANGSU_COUNTIES = [
    "320115", "320117", "320281", "320282", "320321", "320324", "320382", "320412", "320481",
    "320506", "320581", "320612", "320623", "320681", "320722", "320724", "320803", "320826",
    "320830", "320923", "320925", "320981", "321023", "321081", "321181", "321183", "321282",
    "321283", "321322", "321324",
]

WORK_PLACES = [
    "广东东莞", "广东深圳", "广东广州", "广东佛山", "浙江宁波", "浙江杭州", "浙江义乌", "浙江温州",
    "上海", "上海松江", "北京", "福建厦门", "福建晋江", "江苏苏州", "江苏昆山", "江苏无锡",
    "山东青岛", "天津", "湖北武汉", "安徽合肥", "四川成都", "新疆乌鲁木齐",
]

SCHOOLS_PRIMARY = ["{t}中心小学", "{t}第二小学", "{v}小学", "{t}实验小学"]
SCHOOLS_MIDDLE = ["{t}初级中学", "{t}中学", "县实验初中"]
SCHOOLS_HIGH = ["县第一中学", "县第二中学", "县职业教育中心"]
GROUPS = ["一组", "二组", "三组", "四组", "五组", "六组", "七组", "八组"]
GRADES = ["一年级", "二年级", "三年级", "四年级", "五年级", "六年级"]
MIDDLE_GRADES = ["初一", "初二", "初三"]
HIGH_GRADES = ["高一", "高二", "高三"]
ILLNESSES = ["先天性心脏病", "白血病", "肾病综合征", "癫痫", "哮喘", "脑瘫"]
NEEDS = [
    ("学业辅导", "已保障"), ("心理疏导", "应保未保"), ("亲情陪伴（与父母视频通话）", "已保未足"),
    ("医疗救助", "应保未保"), ("康复训练", "已保未足"), ("生活物资", "已保障"), ("助学金申请", "应保未保"),
]


def _name(rng: random.Random, surname: str, chars: str, two: float = 0.7) -> str:
    n = 2 if rng.random() < two else 1
    return surname + "".join(rng.choice(chars) for _ in range(n))


def _phone(rng: random.Random) -> str:
    return rng.choice(["13", "15", "18", "17", "19"]) + "".join(str(rng.randrange(10)) for _ in range(9))


def _birth_for_age(rng: random.Random, today: dt.date, low: int, high: int) -> dt.date:
    """A birth date giving an age in [low, high] today."""
    earliest = idnumber.birthday_in(today, today.year - high - 1) + dt.timedelta(days=1)
    latest = idnumber.birthday_in(today, today.year - low)
    return earliest + dt.timedelta(days=rng.randrange((latest - earliest).days + 1))


class _IdMaker:
    def __init__(self, rng: random.Random, home_county: str):
        self.rng = rng
        self.home = home_county
        self.used: set[str] = set()

    def make(self, birth: dt.date, sex: str) -> str:
        while True:
            region = self.home if self.rng.random() < 0.85 else self.rng.choice(JIANGSU_COUNTIES)
            seq = self.rng.randrange(1, 500) * 2 + (1 if sex == "男" else 0)
            body = f"{region}{birth:%Y%m%d}{seq % 1000:03d}"
            number = body + idnumber.check_digit(body)
            if number not in self.used:
                self.used.add(number)
                return number


def _adult_id(rng: random.Random, ids: _IdMaker, age: int, sex: str, today: dt.date) -> str:
    return ids.make(_birth_for_age(rng, today, age, age), sex)


def generate(store, children: int, seed: int = 1, today: dt.date | None = None, with_extensions: bool = True) -> None:
    """Add `children` synthetic children (in households) to an open store, then (unless told not
    to) every feature's demo records for them."""
    today = today or clock.today()
    rng = random.Random(seed)
    village = store.village_code
    village_name = store.place_name(village)
    township_name = store.place_name(village[:9])
    short_t = township_name.removesuffix("街道").removesuffix("镇").removesuffix("乡") or "本镇"
    short_v = village_name.removesuffix("村").removesuffix("社区") or "本村"
    ids = _IdMaker(rng, village[:6])
    made = 0
    with store.read_session() as s:
        ids.used.update(n for (n,) in s.query(Child.id_number))
    while made < children:
        kids: list[dict] = []
        later: list[tuple[type, dict]] = []
        while made < children and len(kids) < BATCH_CHILDREN:
            made += _household(kids, later, rng, ids, today, village, short_t, short_v, children - made)
        with store.session() as s:
            # The children first (foreign keys are enforced), then each kind of row in one go.
            capture.bulk_create(s, Child, kids)
            for model in (Guardian, CareArrangement, ChildCategory, Need):
                capture.bulk_create(s, model, [row for m, row in later if m is model])
    with store.session() as s:
        if s.get(Setting, "demo") is None:
            s.add(Setting(key="demo", value="1"))
    if with_extensions:
        for extend in extensions():
            extend(store, rng, today)


def _household(kids: list, later: list, rng: random.Random, ids: _IdMaker, today: dt.date, village: str,
               town: str, vill: str, room: int) -> int:
    surname = rng.choices(SURNAMES, weights=_SURNAME_WEIGHTS)[0]
    group = rng.choice(GROUPS)
    address = f"{vill}村{group}{rng.randint(1, 60)}号"
    kind = rng.choices(
        ["left_behind", "poverty", "disability", "illness", "guardianship", "unsupported", "orphan"],
        weights=[72, 10, 5, 3, 3, 4, 3],
    )[0]
    n_kids = min(room, rng.choices([1, 2, 3], weights=[55, 35, 10])[0])
    father_age = rng.randint(28, 45)
    mother_age = max(22, father_age - rng.randint(0, 5))
    father = _name(rng, surname, ADULT_MALE_CHARS, 0.6)
    mother_surname = rng.choices(SURNAMES, weights=_SURNAME_WEIGHTS)[0]
    mother = _name(rng, mother_surname, ADULT_FEMALE_CHARS, 0.6)
    away_place = rng.choice(WORK_PLACES)
    away_since = today - dt.timedelta(days=rng.randint(200, 3000))
    gp_relation = rng.choice(["祖母", "祖父", "外祖母", "外祖父"])
    gp_surname = surname if gp_relation in ("祖父",) else (mother_surname if gp_relation == "外祖父" else
                                                           rng.choices(SURNAMES, weights=_SURNAME_WEIGHTS)[0])
    gp_name = _name(rng, gp_surname, ADULT_MALE_CHARS if gp_relation.endswith("父") else ADULT_FEMALE_CHARS, 0.6)
    gp_age = rng.randint(60, 80)
    gp_phone = _phone(rng)
    hukou = f"江苏省{town}镇{vill}村"
    max_age = 15 if kind == "left_behind" else 17
    status_roll = rng.random()
    for _ in range(n_kids):
        sex = rng.choice(vocab.SEXES)
        if status_roll < 0.01:
            birth = _birth_for_age(rng, today, 18, 19)
        else:
            birth = _birth_for_age(rng, today, 0, max_age)
        age = idnumber.age_on(birth, today)
        name = _name(rng, surname, BOY_CHARS if sex == "男" else GIRL_CHARS)
        stage, school, grade = _schooling(rng, age, town, vill)
        child: dict[str, Any] = dict(
            id=new_id(), village_code=village, name=name, pinyin_key=pinyin.search_key(name), id_number=ids.make(birth, sex),
            sex=sex, birth_date=birth, ethnicity="汉族" if rng.random() < 0.98 else "回族", hukou_place=hukou,
            hukou_type="农业", address=address, group_name=group, phone=gp_phone, school=school,
            school_stage=stage, grade=grade, guardianship_state="隔代照料" if kind == "left_behind" else "正常",
        )
        cats = _categories(rng, kind, age, child)
        if status_roll < 0.03:
            cats = _moved_out(rng, child, status_roll, birth, today, away_place, cats)
        kids.append(child)
        child_id = child["id"]
        since = max(birth, today - dt.timedelta(days=rng.randint(30, 1500)))
        for cat in cats:
            later.append((ChildCategory, dict(child_id=child_id, category=cat, since=since,
                                evidence=_evidence(cat, rng))))
        _parents(later, rng, ids, today, child_id, kind, father, mother, father_age, mother_age, away_place, away_since)
        _care_and_needs(later, rng, today, child_id, kind, birth, away_since, gp_name, gp_relation, gp_age, gp_phone)
    return n_kids


def _categories(rng: random.Random, kind: str, age: int, child: dict[str, Any]) -> list[str]:
    """The child's categories for the household's kind (sets the disability, illness and guardianship fields)."""
    cats: list[str] = []
    if kind == "left_behind" and age < 16:
        cats.append(vocab.CATEGORY_LEFT_BEHIND)
        if rng.random() < 0.08:
            cats.append(vocab.CATEGORY_LOW_INCOME)
    elif kind == "poverty":
        cats += [vocab.CATEGORY_HARDSHIP_POVERTY] + ([vocab.CATEGORY_LOW_INCOME] if rng.random() < 0.6 else [])
    elif kind == "disability":
        child["disability_type"] = rng.choice(vocab.DISABILITY_TYPES[1:])
        child["disability_grade"] = rng.choice(vocab.DISABILITY_GRADES[1:])
        child["disability_cert_no"] = child["id_number"] + str(rng.randint(1, 4)) + str(rng.randint(1, 4))
        cats.append(vocab.CATEGORY_HARDSHIP_DISABILITY)
        if child["disability_grade"] in ("一级", "二级"):
            cats.append(vocab.CATEGORY_SEVERE_DISABILITY)
    elif kind == "illness":
        child["illness"] = rng.choice(ILLNESSES)
        child["health"] = "患病"
        cats += [vocab.CATEGORY_SERIOUS_ILLNESS, vocab.CATEGORY_HARDSHIP_POVERTY]
    elif kind in _GUARDIANSHIP_KINDS:
        child["guardianship_state"], category = _GUARDIANSHIP_KINDS[kind]
        cats.append(category)
    return cats


_GUARDIANSHIP_KINDS = {
    "guardianship": ("无力", vocab.CATEGORY_HARDSHIP_GUARDIANSHIP),
    "unsupported": ("缺失", vocab.CATEGORY_UNSUPPORTED),
    "orphan": ("缺失", vocab.CATEGORY_SCATTERED_ORPHAN),
}


def _moved_out(rng: random.Random, child: dict[str, Any], status_roll: float, birth: dt.date, today: dt.date,
               away_place: str, cats: list[str]) -> list[str]:
    """A few children have left the register: aged out (no categories left) or transferred."""
    if status_roll < 0.01:
        child["status"] = vocab.STATUS_AGED_OUT
        child["status_date"] = idnumber.birthday_in(birth, birth.year + 18)
        return []
    child["status"] = vocab.STATUS_TRANSFERRED
    child["status_date"] = today - dt.timedelta(days=rng.randint(10, 400))
    child["status_note"] = f"随父母迁往{away_place}"
    return cats


def _care_and_needs(later: list, rng: random.Random, today: dt.date, child_id: str, kind: str, birth: dt.date,
                    away_since: dt.date, gp_name: str, gp_relation: str, gp_age: int, gp_phone: str) -> None:
    if kind in ("left_behind", "unsupported", "orphan") or rng.random() < 0.2:
        signed = rng.random() < 0.85
        later.append((CareArrangement, dict(
            child_id=child_id, carer_name=gp_name, relation=gp_relation, carer_age=gp_age, phone=gp_phone,
            ability=rng.choices(vocab.CARE_ABILITIES[:3], weights=[60, 30, 10])[0],
            since=max(birth, away_since), agreement_signed=signed,
            agreement_date=(max(birth, away_since) + dt.timedelta(days=rng.randint(0, 60))) if signed else None,
        )))
    if kind != "left_behind" or rng.random() < 0.1:
        text, coverage = rng.choice(NEEDS)
        later.append((Need, dict(child_id=child_id, description=text,
                                 noted_on=today - dt.timedelta(days=rng.randint(0, 300)), coverage=coverage)))


def _schooling(rng: random.Random, age: int, town: str, vill: str) -> tuple[str, str, str]:
    if age < 3:
        return "学龄前", "", ""
    if age < 6:
        return "幼儿园", f"{town}中心幼儿园", ""
    if age < 12:
        return "小学", rng.choice(SCHOOLS_PRIMARY).format(t=town, v=vill), GRADES[min(age - 6, 5)]
    if age < 15:
        return "初中", rng.choice(SCHOOLS_MIDDLE).format(t=town), MIDDLE_GRADES[min(age - 12, 2)]
    if rng.random() < 0.1:
        return "不在校", "", ""
    stage = "高中" if rng.random() < 0.6 else "中职"
    return stage, rng.choice(SCHOOLS_HIGH), HIGH_GRADES[min(age - 15, 2)]


def _evidence(category: str, rng: random.Random) -> str:
    return {
        vocab.CATEGORY_LEFT_BEHIND: "父母双方外出务工，村委会核实",
        vocab.CATEGORY_LOW_INCOME: "低保证",
        vocab.CATEGORY_HARDSHIP_POVERTY: "家庭经济困难认定材料",
        vocab.CATEGORY_HARDSHIP_DISABILITY: "残疾人证",
        vocab.CATEGORY_SEVERE_DISABILITY: "残疾人证（一、二级）",
        vocab.CATEGORY_SERIOUS_ILLNESS: "县级医院诊断证明",
        vocab.CATEGORY_HARDSHIP_GUARDIANSHIP: "村委会调查记录",
        vocab.CATEGORY_UNSUPPORTED: rng.choice(["父亲服刑在押判决书、母亲失联报警回执", "父亲死亡证明、母亲重残残疾人证"]),
        vocab.CATEGORY_SCATTERED_ORPHAN: "父母死亡证明",
    }.get(category, "")


def _parents(later, rng, ids, today, child_id, kind, father, mother, father_age, mother_age, away_place, away_since) -> None:
    f = dict(relation="父亲", name=father, phone=_phone(rng))
    m = dict(relation="母亲", name=mother, phone=_phone(rng))
    freq = rng.choices(vocab.CONTACT_FREQUENCIES[:5], weights=[15, 45, 25, 10, 5])[0]
    if kind == "left_behind":
        f.update(works_away=True, work_place=away_place, away_since=away_since, circumstance="外出务工",
                 contact_frequency=freq, last_contact=today - dt.timedelta(days=rng.randint(0, 40)))
        if rng.random() < 0.8:
            m.update(works_away=True, work_place=away_place if rng.random() < 0.7 else rng.choice(WORK_PLACES),
                     away_since=away_since, circumstance="外出务工", contact_frequency=freq)
        else:
            m.update(circumstance=rng.choice(["重病", "重残"]), is_guardian=False)
    elif kind == "unsupported":
        f.update(circumstance=rng.choice(["服刑在押", "死亡", "强制隔离戒毒"]),
                 circumstance_since=today - dt.timedelta(days=rng.randint(200, 2000)), is_guardian=False, phone="")
        m.update(circumstance=rng.choice(["失踪", "长期无法联系", "重残"]),
                 circumstance_since=today - dt.timedelta(days=rng.randint(200, 2000)), is_guardian=False, phone="")
    elif kind == "orphan":
        for p in (f, m):
            p.update(circumstance="死亡", circumstance_since=today - dt.timedelta(days=rng.randint(100, 3000)),
                     is_guardian=False, phone="")
    else:
        if rng.random() < 0.3:
            f.update(works_away=True, work_place=rng.choice(WORK_PLACES), away_since=away_since,
                     circumstance="外出务工", contact_frequency=freq)
    for p, age, sex in ((f, father_age, "男"), (m, mother_age, "女")):
        p["id_number"] = _adult_id(rng, ids, age, sex, today) if rng.random() < 0.7 else ""
        later.append((Guardian, dict(child_id=child_id, **p)))


# Feature extensions (one line each).
from app.data.demo_visits import add_demo_visits  # noqa: E402

DEMO_EXTENSIONS.append(add_demo_visits)
from app.data.demo_protection import add_demo_protection  # noqa: E402

DEMO_EXTENSIONS.append(add_demo_protection)
