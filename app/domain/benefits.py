"""Benefit rules (保障): monthly standards by effective date, eligibility (应保尽保) and the
end of entitlements (aged 18, category ended).

Decisions where the policy text is silent (also in docs/保障与保护规则说明.md):
* A month is paid in full: an entitlement starting or ending on any day of a month covers that
  whole month (standards are per month, counties pay by month).
* Aged 18: the child is paid through the month in which the 18th birthday is reached and stops
  from the next month. A 29 February birthday is reached on 1 March in common years (so a child
  born 2008-02-29 is paid through March 2026).
* Category ended mid-month (e.g. a parent released from prison on the 15th): paid through that
  month, ends on its last day.
* 机构供养孤儿 / 散居孤儿 / 事实无人抚养儿童 are basic-living allowances: one at a time; any of them
  also covers the 重病重残儿童 subsidy. 低保家庭儿童 is covered only by itself.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
import tomllib
from dataclasses import dataclass
from pathlib import Path

from app.domain.idnumber import age_on, birthday_in

POLICY_FILE = Path(__file__).resolve().parents[2] / "resources" / "policy" / "benefits.toml"

INSTITUTION_ORPHAN = "机构供养孤儿"
SCATTERED_ORPHAN = "散居孤儿"
UNSUPPORTED = "事实无人抚养儿童"
ILL_DISABLED = "重病重残儿童"
LOW_INCOME = "低保家庭儿童"
KINDS = [INSTITUTION_ORPHAN, SCATTERED_ORPHAN, UNSUPPORTED, ILL_DISABLED, LOW_INCOME]
BASIC_LIVING = (INSTITUTION_ORPHAN, SCATTERED_ORPHAN, UNSUPPORTED)

# Child category (vocab.CATEGORIES) -> the entitlement it gives.
CATEGORY_TO_KIND = {
    "机构供养孤儿": INSTITUTION_ORPHAN,
    "散居孤儿": SCATTERED_ORPHAN,
    "孤儿": SCATTERED_ORPHAN,
    "事实无人抚养儿童": UNSUPPORTED,
    "重病儿童": ILL_DISABLED,
    "重残儿童": ILL_DISABLED,
    "低保家庭儿童": LOW_INCOME,
}

INSURANCE_KINDS = ["意外伤害", "补充医疗"]


def month_end(day: dt.date) -> dt.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def month_key(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def months_between(start: dt.date, end: dt.date) -> list[str]:
    """Every month key from start's month to end's month, inclusive (paid months)."""
    out, y, m = [], start.year, start.month
    while (y, m) <= (end.year, end.month):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


@dataclass(frozen=True)
class Standard:
    region: str
    effective_from: dt.date
    amounts: dict
    source: str = ""


@dataclass(frozen=True)
class Policy:
    standards: tuple[Standard, ...]
    age_limit: int = 18
    end_warning_days: int = 60

    def monthly(self, kind: str, on: dt.date, region: str = "") -> int | None:
        """The monthly standard (元) of `kind` on `on` for a place code, or None if not set."""
        best = None
        for s in self.standards:
            if kind not in s.amounts or s.effective_from > on or not region.startswith(s.region):
                continue
            rank = (len(s.region), s.effective_from)
            if best is None or rank > best[0]:
                best = (rank, s.amounts[kind])
        return None if best is None else int(best[1])


def load_policy(text: str | None = None, path: Path | None = None) -> Policy:
    if text is None:
        text = (path or POLICY_FILE).read_text(encoding="utf-8")
    data = tomllib.loads(text)
    standards = tuple(
        Standard(region=str(s.get("region", "")), effective_from=s["effective_from"],
                 amounts=dict(s.get("amounts", {})), source=s.get("source", ""))
        for s in data.get("standard", [])
    )
    settings = data.get("settings", {})
    return Policy(standards, int(settings.get("age_limit", 18)), int(settings.get("end_warning_days", 60)))


_default: Policy | None = None


def default_policy() -> Policy:
    global _default
    if _default is None:
        _default = load_policy()
    return _default


def adult_on(birth_date: dt.date, age_limit: int = 18) -> dt.date:
    """The day the child legally reaches `age_limit` (29 Feb → 1 Mar in common years)."""
    return birthday_in(birth_date, birth_date.year + age_limit)


def age_limit_end(birth_date: dt.date, age_limit: int = 18) -> dt.date:
    """Last paid day for age: the end of the month in which the child turns `age_limit`."""
    return month_end(adult_on(birth_date, age_limit))


def category_end(ended: dt.date) -> dt.date:
    """Last paid day when the category's facts ended on `ended` (mid-month → that month's end)."""
    return month_end(ended)


@dataclass(frozen=True)
class EntitlementFacts:
    id: str
    kind: str
    start_date: dt.date
    end_date: dt.date | None = None

    def active_on(self, day: dt.date) -> bool:
        return self.start_date <= day and (self.end_date is None or day <= self.end_date)


@dataclass(frozen=True)
class CategoryFacts:
    category: str
    since: dt.date | None = None
    ended: dt.date | None = None

    def active_on(self, day: dt.date) -> bool:
        return (self.since is None or self.since <= day) and (self.ended is None or day <= self.ended)


def covers(kind_held: str, kind_needed: str) -> bool:
    if kind_held == kind_needed:
        return True
    if kind_needed == ILL_DISABLED and kind_held in BASIC_LIVING:
        return True
    return kind_needed in BASIC_LIVING and kind_held in BASIC_LIVING


def eligible_kinds(categories: list[CategoryFacts], birth_date: dt.date | None, on: dt.date,
                   extra: Sequence[str] = (), age_limit: int = 18) -> list[str]:
    """Entitlement kinds the child's current categories (plus `extra` suggested kinds) give on `on`."""
    if birth_date is not None and age_on(birth_date, on) >= age_limit:
        return []
    kinds: list[str] = []
    for c in categories:
        kind = CATEGORY_TO_KIND.get(c.category)
        if kind and c.active_on(on) and kind not in kinds:
            kinds.append(kind)
    for kind in extra:
        if kind not in kinds:
            kinds.append(kind)
    if INSTITUTION_ORPHAN in kinds and SCATTERED_ORPHAN in kinds:
        kinds.remove(SCATTERED_ORPHAN)
    return kinds


def uncovered_kinds(categories: list[CategoryFacts], entitlements: list[EntitlementFacts], birth_date: dt.date | None,
                    on: dt.date, extra: Sequence[str] = (), age_limit: int = 18) -> list[str]:
    """应保未保: kinds the child looks eligible for but no active entitlement covers."""
    held = [e.kind for e in entitlements if e.active_on(on)]
    return [k for k in eligible_kinds(categories, birth_date, on, extra, age_limit)
            if not any(covers(h, k) for h in held)]


@dataclass(frozen=True)
class EndDue:
    entitlement_id: str
    kind: str
    end_date: dt.date
    reason: str


def due_end(entitlement: EntitlementFacts, birth_date: dt.date | None,
            categories: list[CategoryFacts], age_limit: int = 18) -> EndDue | None:
    """When an entitlement must end and why (the earliest of: aged 18, its category ended)."""
    candidates: list[tuple[dt.date, str]] = []
    if birth_date is not None:
        reason = f"年满{age_limit}周岁（{adult_on(birth_date, age_limit).isoformat()}）"
        candidates.append((age_limit_end(birth_date, age_limit), reason))
    if entitlement.kind != LOW_INCOME:
        relevant = [c for c in categories
                    if CATEGORY_TO_KIND.get(c.category) and covers(CATEGORY_TO_KIND[c.category], entitlement.kind)]
        if relevant and all(c.ended is not None for c in relevant):
            last = max(c.ended for c in relevant if c.ended is not None)
            candidates.append((category_end(last), f"类别已终止（{last.isoformat()}）"))
    if not candidates:
        return None
    end, reason = min(candidates)
    if entitlement.end_date is not None and entitlement.end_date <= end:
        return None
    return EndDue(entitlement.id, entitlement.kind, end, reason)


def paid_months(start: dt.date, end: dt.date | None, upto: dt.date) -> list[str]:
    """Months an entitlement is payable for, from its start through min(end, upto)."""
    last = upto if end is None else min(end, upto)
    if last < start:
        return []
    return months_between(start, last)
