"""Guardianship rules (监护提质): warnings about a child's care and the 事实无人抚养 test.

Pure functions over plain facts (no SQL, no Qt). Warnings: no effective carer, carer unable
(age, illness, ability), no parent contact for 3 months, entrusted-care agreement missing.
The 事实无人抚养儿童 test follows 民发〔2019〕62号 with the 6-month threshold for 失联 and for
custody / compulsory detox, counted from the date the circumstance began (circumstance_since).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field
from typing import Iterable

# Warning codes (stable keys) and the text a director reads.
NO_EFFECTIVE_CARER = "no_effective_carer"
CARER_UNABLE = "carer_unable"
NO_PARENT_CONTACT = "no_parent_contact"
AGREEMENT_MISSING = "agreement_missing"
UNSUPPORTED_SUSPECTED = "unsupported_suspected"
GUARDIANSHIP_LACKING = "guardianship_lacking"

WARNING_TEXT = {
    NO_EFFECTIVE_CARER: "无有效照护人",
    CARER_UNABLE: "照护人无力照护",
    NO_PARENT_CONTACT: "父母超过3个月未与孩子联系",
    AGREEMENT_MISSING: "未签订委托照护协议",
    UNSUPPORTED_SUSPECTED: "疑似符合事实无人抚养儿童条件，应核实纳入保障",
    GUARDIANSHIP_LACKING: "监护缺失或无力",
}

CARER_MAX_AGE = 70
CARER_MIN_AGE = 18
NO_CONTACT_MONTHS = 3
THRESHOLD_MONTHS = 6

PARENT_RELATIONS = ("父亲", "母亲")
# Circumstances that make a parent unable to raise the child (事实无人抚养, 民发〔2019〕62号 and later).
QUALIFYING = ("重残", "重病", "服刑在押", "强制隔离戒毒", "长期无法联系", "失踪", "被撤销监护资格", "被遣送出境")
# Of those, the ones that count only after lasting 6 months.
NEEDS_SIX_MONTHS = ("服刑在押", "强制隔离戒毒", "长期无法联系", "失踪")
DEAD = "死亡"
# Circumstances in which a parent is not at home looking after the child.
ABSENT = QUALIFYING + (DEAD, "外出务工", "流浪乞讨")
WEAK_ABILITIES = ("较弱", "无照护能力")
WEAK_HEALTH_WORDS = ("重病", "残疾", "瘫痪", "卧床", "失能")


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (or earlier), clamped to the month's last day."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class ParentFacts:
    relation: str
    is_guardian: bool = True
    works_away: bool = False
    circumstance: str = "无"
    circumstance_since: dt.date | None = None
    last_contact: dt.date | None = None
    contact_frequency: str = ""
    health: str = ""


@dataclass(frozen=True)
class CarerFacts:
    name: str = ""
    age: int | None = None
    ability: str = "良好"
    health: str = ""
    agreement_signed: bool = False
    agreement_date: dt.date | None = None


@dataclass(frozen=True)
class Warning:
    code: str
    text: str
    detail: str = ""


@dataclass(frozen=True)
class UnsupportedTest:
    """Result of the 事实无人抚养 test: status 符合 / 未满6个月 / 待核实 / 不符合."""

    status: str
    qualifies_from: dt.date | None = None
    reasons: tuple[str, ...] = field(default_factory=tuple)


def _is_away(p: ParentFacts) -> bool:
    return p.works_away or p.circumstance in ABSENT


def parent_can_care(p: ParentFacts) -> bool:
    """A parent at home, with no special circumstance, who can look after the child."""
    if not p.is_guardian or _is_away(p):
        return False
    if p.circumstance not in ("无", ""):
        return False
    return not any(w in (p.health or "") for w in WEAK_HEALTH_WORDS)


def carer_unable_reason(c: CarerFacts) -> str:
    if c.ability in WEAK_ABILITIES:
        return f"照护能力{c.ability}"
    if c.age is not None and c.age >= CARER_MAX_AGE:
        return f"照护人年满{CARER_MAX_AGE}周岁（{c.age}岁）"
    if c.age is not None and c.age < CARER_MIN_AGE:
        return f"照护人未成年（{c.age}岁）"
    if any(w in (c.health or "") for w in WEAK_HEALTH_WORDS):
        return f"照护人健康状况：{c.health}"
    return ""


def _parent_qualifies(p: ParentFacts, today: dt.date) -> tuple[str, dt.date | None]:
    """('yes', since) / ('waiting', from) / ('unknown', None) / ('no', None) for one parent."""
    if p.circumstance == DEAD:
        return "yes", p.circumstance_since
    if p.circumstance not in QUALIFYING:
        return "no", None
    if p.circumstance in NEEDS_SIX_MONTHS:
        if p.circumstance_since is None:
            return "unknown", None
        start = add_months(p.circumstance_since, THRESHOLD_MONTHS)
        return ("yes" if start <= today else "waiting"), start
    return "yes", p.circumstance_since


def unsupported_test(parents: list[ParentFacts], today: dt.date) -> UnsupportedTest:
    """事实无人抚养: both parents in a qualifying circumstance, or one dead / missing and the other
    in one; both dead is 孤儿, not this category. 失联 and custody/detox count from 6 months."""
    by_rel = {p.relation: p for p in parents if p.relation in PARENT_RELATIONS}
    if len(by_rel) < 2:
        return UnsupportedTest("不符合", reasons=("父母信息不全",))
    results = {rel: _parent_qualifies(p, today) for rel, p in by_rel.items()}
    circs = [by_rel[r].circumstance for r in PARENT_RELATIONS]
    if all(c == DEAD for c in circs):
        return UnsupportedTest("不符合", reasons=("父母均已死亡，属孤儿",))
    states = [results[r][0] for r in PARENT_RELATIONS]
    reasons = tuple(f"{r}：{by_rel[r].circumstance}" for r in PARENT_RELATIONS)
    if "no" in states:
        return UnsupportedTest("不符合", reasons=reasons)
    if "unknown" in states:
        return UnsupportedTest("待核实", reasons=reasons + ("未填写情形开始日期，无法判断是否满6个月",))
    dates: list[dt.date] = [d for r in PARENT_RELATIONS if (d := results[r][1]) is not None]
    start = max(dates) if dates else None
    if "waiting" in states:
        return UnsupportedTest("未满6个月", qualifies_from=start, reasons=reasons)
    return UnsupportedTest("符合", qualifies_from=start, reasons=reasons)


def warnings(
    parents: list[ParentFacts],
    carers: list[CarerFacts],
    today: dt.date,
    guardianship_state: str = "正常",
    is_unsupported_category: bool = False,
) -> list[Warning]:
    """Every guardianship warning for one child on `today`, most serious first."""
    out: list[Warning] = []
    parent_home = any(parent_can_care(p) for p in parents if p.relation in PARENT_RELATIONS or p.is_guardian)
    able_carers = [c for c in carers if not carer_unable_reason(c)]
    if not parent_home and not able_carers:
        detail = "父母均不在家或无法履行监护，且" + ("没有登记委托照护人" if not carers else "委托照护人无力照护")
        out.append(Warning(NO_EFFECTIVE_CARER, WARNING_TEXT[NO_EFFECTIVE_CARER], detail))
    for c in carers:
        reason = carer_unable_reason(c)
        if reason:
            out.append(Warning(CARER_UNABLE, WARNING_TEXT[CARER_UNABLE], f"{c.name or '照护人'}：{reason}"))
    if guardianship_state in ("缺失", "无力"):
        out.append(Warning(GUARDIANSHIP_LACKING, WARNING_TEXT[GUARDIANSHIP_LACKING], f"监护状况：{guardianship_state}"))
    limit = add_months(today, -NO_CONTACT_MONTHS)
    for p in parents:
        if p.relation not in PARENT_RELATIONS or not _is_away(p) or p.circumstance == DEAD:
            continue
        if p.contact_frequency == "无联系" or p.last_contact is None or p.last_contact < limit:
            last = p.last_contact.isoformat() if p.last_contact else "未登记"
            out.append(Warning(NO_PARENT_CONTACT, WARNING_TEXT[NO_PARENT_CONTACT], f"{p.relation}最近联系：{last}"))
    if not parent_home and carers and not any(c.agreement_signed for c in carers):
        out.append(Warning(AGREEMENT_MISSING, WARNING_TEXT[AGREEMENT_MISSING]))
    if not is_unsupported_category:
        test = unsupported_test(parents, today)
        if test.status == "符合":
            out.append(Warning(UNSUPPORTED_SUSPECTED, WARNING_TEXT[UNSUPPORTED_SUSPECTED], "；".join(test.reasons)))
    return out


# Assessment factor keys of the visits feature's colour policy (resources/policy/assessment.toml)
# that guardianship facts answer. Only keys the county's policy defines are returned.
SPECIAL_CIRCUMSTANCES = ("服刑在押", "强制隔离戒毒", "长期无法联系", "失踪", "严重不良嗜好")
WARNING_FACTORS = {
    NO_EFFECTIVE_CARER: "no_effective_carer",
    CARER_UNABLE: "carer_old_or_ill",
    AGREEMENT_MISSING: "no_care_agreement",
}


def assessment_answers(parents: list[ParentFacts], carers: list[CarerFacts], today: dt.date,
                       factor_keys: Iterable[str] | None = None, guardianship_state: str = "正常",
                       dropout_risk: bool = False) -> dict[str, bool]:
    """Factor key → True for the assessment dialog to pre-tick, from the guardianship facts.

    * no_effective_carer / carer_old_or_ill / no_care_agreement: the warnings above;
    * parents_no_contact_3m: every parent away and none in contact within 3 months;
    * parent_special_circumstance: a parent in custody, detox, out of contact, missing, or addicted;
    * dropped_out: an open 劝返复学 task (pass `dropout_risk`).
    """
    found = warnings(parents, carers, today, guardianship_state, is_unsupported_category=True)
    answers = {WARNING_FACTORS[w.code]: True for w in found if w.code in WARNING_FACTORS}
    ps = [p for p in parents if p.relation in PARENT_RELATIONS and p.circumstance != DEAD]
    limit = add_months(today, -NO_CONTACT_MONTHS)
    if ps and all(_is_away(p) for p in ps) and all(
            p.contact_frequency == "无联系" or p.last_contact is None or p.last_contact < limit for p in ps):
        answers["parents_no_contact_3m"] = True
    if any(p.circumstance in SPECIAL_CIRCUMSTANCES for p in parents):
        answers["parent_special_circumstance"] = True
    if dropout_risk:
        answers["dropped_out"] = True
    if factor_keys is not None:
        keys = set(factor_keys)
        answers = {k: v for k, v in answers.items() if k in keys}
    return answers
