"""The county's visit policy (县级走访政策): visit intervals per colour, screening round dates and
reporting deadlines, set by the county 民政局 and sent to every laptop of the county.

A policy file (TOML):

    [policy]
    version = 3                # optional: the server numbers versions itself when absent
    note = "2027 年起红色 5 天一访"

    [intervals]                # days between visits per colour; colours not named keep the default
    "红" = 5
    "黄" = 15

    [[screening]]              # 一年两排 rounds
    name = "2027年上半年排查"
    start = 2027-03-01
    end = 2027-04-30

    [[deadline]]               # reporting deadlines
    name = "季度报表"
    date = 2027-03-25

Rules: every interval is a whole number of days from 1 to the assessment policy's
`max_interval_days` (一月一访); a higher-risk colour's interval is never longer than a lower-risk
one's; colours must be the assessment policy's. A laptop applies a policy only if it is valid and
its version is newer than the one it holds. Pure Python: no Qt, no SQL.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import tomllib
from dataclasses import dataclass

from app.core.errors import TonghuError
from app.domain.dates import iso_date
from app.domain.policy import Policy


class CountyPolicyError(TonghuError):
    code = "county_policy"

    def __init__(self, problem: str):
        super().__init__(f"县级走访政策有误：{problem}")
        self.problem = problem


@dataclass(frozen=True)
class Round:
    name: str
    start: dt.date
    end: dt.date


@dataclass(frozen=True)
class Deadline:
    name: str
    date: dt.date


@dataclass(frozen=True)
class CountyPolicy:
    version: int
    intervals: dict[str, int]
    screening: tuple[Round, ...] = ()
    deadlines: tuple[Deadline, ...] = ()
    note: str = ""

    def summary(self, base: Policy) -> str:
        parts = [f"{c.name} {self.intervals.get(c.name, c.interval_days)} 天" for c in base.colours]
        text = "走访间隔：" + "、".join(parts)
        if self.screening:
            text += "；排查：" + "、".join(f"{r.name}（{r.start}—{r.end}）" for r in self.screening)
        if self.deadlines:
            text += "；报送期限：" + "、".join(f"{d.name} {d.date}" for d in self.deadlines)
        return text


def _date(value: object, where: str) -> dt.date:
    try:
        return iso_date(value)
    except ValueError:
        raise CountyPolicyError(f"{where} 不是有效日期（应为 2027-03-01）") from None


def parse(text: str, base: Policy, *, version: int | None = None) -> CountyPolicy:
    """Read and check a policy file against the assessment policy `base`. `version` (the number the
    server gives) is used when the file names none; raises CountyPolicyError naming the problem."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CountyPolicyError(f"格式错误，不是有效的 TOML（{exc}）") from None
    head = data.get("policy", {})
    if not isinstance(head, dict):
        raise CountyPolicyError("[policy] 必须是一个表")
    raw_version = head.get("version", version)
    if not isinstance(raw_version, int) or isinstance(raw_version, bool) or raw_version < 1:
        raise CountyPolicyError("[policy] 的 version 必须是正整数")
    intervals = _intervals(data.get("intervals", {}), base)
    rounds = _rounds(data.get("screening", []) or [])
    deadlines = _deadlines(data.get("deadline", []) or [])
    if not intervals and not rounds and not deadlines:
        raise CountyPolicyError("文件中没有走访间隔、排查时间或报送期限")
    return CountyPolicy(raw_version, intervals, tuple(rounds), tuple(deadlines), str(head.get("note", "")).strip())


def _intervals(raw: object, base: Policy) -> dict[str, int]:
    if not isinstance(raw, dict):
        raise CountyPolicyError("[intervals] 必须是一个表（颜色 = 天数）")
    intervals: dict[str, int] = {}
    for colour, days in raw.items():
        if not base.has_colour(colour):
            raise CountyPolicyError(f"[intervals] 中的颜色“{colour}”不存在（可用：{'、'.join(base.colour_names)}）")
        if not isinstance(days, int) or isinstance(days, bool):
            raise CountyPolicyError(f"{colour} 的走访间隔必须是整数天")
        if not 1 <= days <= base.max_interval_days:
            raise CountyPolicyError(f"{colour} 的走访间隔 {days} 天不在 1 到 {base.max_interval_days} 天之间（一月一访）")
        intervals[colour] = days
    effective = [(c.name, intervals.get(c.name, c.interval_days)) for c in base.colours]
    for (higher, a), (lower, b) in zip(effective, effective[1:], strict=False):
        if a > b:
            raise CountyPolicyError(f"颜色 {higher} 风险更高，走访间隔（{a} 天）却比 {lower}（{b} 天）更长")
    return intervals


def _entries(raw: object) -> list[object]:
    """The tables of an array of tables (`[[screening]]`); a value of another kind (`screening = 5`, a single
    `[screening]` table) reads as one entry that is no named table, and is refused as such."""
    return raw if isinstance(raw, list) else [None]


def _named(item: object, where: str) -> tuple[dict, str]:
    """One entry of an array of tables, and its name."""
    if not isinstance(item, dict) or not str(item.get("name", "")).strip():
        raise CountyPolicyError(f"{where} 缺少名称 name")
    return item, str(item["name"]).strip()


def _rounds(raw: object) -> list[Round]:
    rounds = []
    for i, entry in enumerate(_entries(raw), 1):
        where = f"第 {i} 个 [[screening]]"
        r, name = _named(entry, where)
        start, end = _date(r.get("start"), f"{where} 的 start"), _date(r.get("end"), f"{where} 的 end")
        if end < start:
            raise CountyPolicyError(f"{where} 的结束日期早于开始日期")
        rounds.append(Round(name, start, end))
    return rounds


def _deadlines(raw: object) -> list[Deadline]:
    deadlines = []
    for i, entry in enumerate(_entries(raw), 1):
        d, name = _named(entry, f"第 {i} 个 [[deadline]]")
        deadlines.append(Deadline(name, _date(d.get("date"), f"第 {i} 个 [[deadline]] 的 date")))
    return deadlines


def with_version(text: str, version: int) -> str:
    """The policy text with `version` stated in its [policy] table (what the server sends)."""
    data = tomllib.loads(text)
    if data.get("policy", {}).get("version") == version:
        return text
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if line.strip() == "[policy]":
            lines.insert(i + 1, f"version = {version}")
            return "\n".join(lines) + "\n"
    return f"[policy]\nversion = {version}\n\n" + text


def apply_to(base: Policy, county: CountyPolicy | None) -> Policy:
    """The assessment policy with the county's visit intervals."""
    if county is None or not county.intervals:
        return base
    colours = tuple(dataclasses.replace(c, interval_days=county.intervals.get(c.name, c.interval_days))
                    for c in base.colours)
    return dataclasses.replace(base, colours=colours, version=f"{base.version}+县{county.version}",
                               source=f"县级走访政策第{county.version}版")


def is_newer(candidate: CountyPolicy, held_version: int | None) -> bool:
    return held_version is None or candidate.version > held_version


def describe_change(before: Policy, after: Policy) -> str:
    """“红 7 天 → 5 天、黄 15 天 → 10 天” (empty when no interval changed)."""
    parts = []
    for c in after.colours:
        old = before.interval(c.name)
        if old != c.interval_days:
            parts.append(f"{c.name} {old} 天 → {c.interval_days} 天")
    return "、".join(parts)


def notice(before: Policy, after: Policy, children: int) -> str:
    """What the laptop says once after applying a newer policy."""
    change = describe_change(before, after)
    if change:
        return f"县民政局更新了走访间隔（{change}），已重新计算 {children} 名儿童的下次走访日期"
    return f"县民政局更新了走访政策，已重新计算 {children} 名儿童的下次走访日期"
