"""The assessment and visit policy (分级分色评估, 四色管理): a model of `resources/policy/*.toml`,
its loader and its validation.

A policy names the colours (with rank and visit interval), the severities, the risk factors
(grouped by 监护/安全/健康/教育/心理/生活 and by the risk dimensions 监护风险/生理风险/行为风险),
numeric thresholds for measured factors, and the rules from factors to colour. Loading a file
that is missing, not valid TOML, or inconsistent raises `PolicyError` naming the file and the
problem; nothing half-loaded is ever returned. Pure Python: no Qt, no SQL.
"""

from __future__ import annotations

import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

from app.core.errors import TonghuError

FACTOR_FLAG = "flag"
FACTOR_NUMBER = "number"


class PolicyError(TonghuError):
    """A policy file that cannot be used. `str()` names the file and the problem (Chinese)."""

    code = "policy"

    def __init__(self, path: Path | str, problem: str):
        super().__init__(f"评估标准文件 {path} 有误：{problem}")
        self.path = str(path)
        self.problem = problem


@dataclass(frozen=True)
class ColourDef:
    name: str
    rank: int  # 1 = highest risk
    meaning: str
    interval_days: int


@dataclass(frozen=True)
class Level:
    """One threshold of a numeric factor: value >= at_least, or value > more_than."""

    severity: str
    at_least: float | None = None
    more_than: float | None = None

    @property
    def threshold(self) -> float:
        """The value the level starts from: reached at it (at_least) or above it (more_than)."""
        if self.at_least is not None:
            return self.at_least
        if self.more_than is None:
            raise ValueError(f"level {self.severity} has neither at_least nor more_than")
        return self.more_than

    def reached(self, value: float) -> bool:
        if self.at_least is not None:
            return value >= self.at_least
        return value > self.threshold

    def describe(self, unit: str) -> str:
        if self.at_least is not None:
            return f"≥{self.at_least:g}{unit}"
        return f">{self.threshold:g}{unit}"


@dataclass(frozen=True)
class Factor:
    key: str
    label: str
    group: str
    dimension: str
    kind: str = FACTOR_FLAG
    severity: str = ""  # flags
    unit: str = ""  # numbers
    levels: tuple[Level, ...] = ()


@dataclass(frozen=True)
class Rule:
    colour: str
    severity: str
    min_count: int = 1
    or_more_severe: bool = False
    note: str = ""


@dataclass(frozen=True)
class Policy:
    name: str
    version: str
    source: str
    max_interval_days: int
    default_colour: str
    colours: tuple[ColourDef, ...]  # highest risk first
    severities: tuple[str, ...]  # most severe first
    groups: tuple[str, ...]
    dimensions: tuple[str, ...]
    factors: tuple[Factor, ...]
    rules: tuple[Rule, ...]
    _by_key: dict = field(default_factory=dict, compare=False, repr=False)

    # -- look-ups --------------------------------------------------------
    @property
    def colour_names(self) -> list[str]:
        return [c.name for c in self.colours]

    def colour(self, name: str) -> ColourDef:
        for c in self.colours:
            if c.name == name:
                return c
        raise KeyError(name)

    def has_colour(self, name: str) -> bool:
        return any(c.name == name for c in self.colours)

    def interval(self, colour: str | None) -> int:
        """Visit interval in days; a child not yet assessed gets the 一月一访 floor."""
        if colour and self.has_colour(colour):
            return self.colour(colour).interval_days
        return self.max_interval_days

    def rank(self, colour: str | None) -> int:
        """Risk rank (1 = highest); unassessed ranks below every colour."""
        if colour and self.has_colour(colour):
            return self.colour(colour).rank
        return len(self.colours) + 1

    def is_higher_risk(self, colour: str | None, than: str | None) -> bool:
        return self.rank(colour) < self.rank(than)

    def severity_rank(self, severity: str) -> int:
        return self.severities.index(severity)

    def factor(self, key: str) -> Factor:
        try:
            return self._by_key[key]
        except KeyError:
            raise KeyError(key) from None

    def has_factor(self, key: str) -> bool:
        return key in self._by_key

    def factors_by_group(self) -> dict[str, list[Factor]]:
        out: dict[str, list[Factor]] = {g: [] for g in self.groups}
        for f in self.factors:
            out[f.group].append(f)
        return out

    def factors_by_dimension(self) -> dict[str, list[Factor]]:
        out: dict[str, list[Factor]] = {d: [] for d in self.dimensions}
        for f in self.factors:
            out[f.dimension].append(f)
        return out


# -- loading ----------------------------------------------------------------

def policy_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    root = Path(bundle) if bundle else Path(__file__).resolve().parents[2]
    return root / "resources" / "policy"


def default_policy_path() -> Path:
    return policy_dir() / "assessment.toml"


_cache: dict[str, Policy] = {}


def default_policy() -> Policy:
    """The bundled default policy, loaded once (raises `PolicyError` if the file is broken)."""
    path = default_policy_path()
    key = str(path)
    if key not in _cache:
        _cache[key] = load_policy(path)
    return _cache[key]


def load_policy(path: Path | str) -> Policy:
    path = Path(path)
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        raise PolicyError(path, "文件不存在") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise PolicyError(path, f"无法读取（{exc}）") from None
    return parse_policy(text, source=str(path))


def parse_policy(text: str, source: str = "<text>") -> Policy:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError(source, f"格式错误，不是有效的 TOML（{exc}）") from None
    return _build(data, source)


def _need(cond: object, source: str, problem: str) -> None:
    if not cond:
        _refuse(source, problem)


def _refuse(source: str, problem: str) -> NoReturn:
    raise PolicyError(source, problem)


def _table(data: dict, key: str, source: str, where: str = "") -> dict:
    value = data.get(key)
    if not isinstance(value, dict):
        _refuse(source, f"缺少 [{where}{key}] 部分")
    return value


def _str(data: dict, key: str, source: str, where: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or value.strip() == "":
        _refuse(source, f"{where} 缺少文字项 {key}")
    return value.strip()


def _int(data: dict, key: str, source: str, where: str) -> int:
    value = data.get(key)
    if not isinstance(value, int) or isinstance(value, bool):
        _refuse(source, f"{where} 的 {key} 必须是整数")
    return value


def _build(data: dict, source: str) -> Policy:
    head = _table(data, "policy", source)
    name = _str(head, "name", source, "[policy]")
    version = str(head.get("version", "")).strip()
    max_interval = _int(head, "max_interval_days", source, "[policy]")
    _need(1 <= max_interval <= 366, source, "max_interval_days 必须在 1 到 366 天之间")

    # colours
    colour_table = _table(data, "colours", source)
    _need(len(colour_table) >= 2, source, "至少需要定义两种颜色")
    colours = []
    for cname, c in colour_table.items():
        where = f"[colours.{cname}]"
        _need(isinstance(c, dict), source, f"{where} 必须是一个表")
        rank = _int(c, "rank", source, where)
        days = _int(c, "interval_days", source, where)
        _need(days >= 1, source, f"{where} 的走访间隔 interval_days 必须至少 1 天")
        _need(days <= max_interval, source,
              f"{where} 的走访间隔 {days} 天超过上限 {max_interval} 天（一月一访）")
        colours.append(ColourDef(cname, rank, str(c.get("meaning", "")), days))
    colours.sort(key=lambda c: c.rank)
    ranks = [c.rank for c in colours]
    _need(len(set(ranks)) == len(ranks), source, "颜色的 rank 不能重复")
    for higher, lower in zip(colours, colours[1:], strict=False):
        _need(higher.interval_days <= lower.interval_days, source,
              f"颜色 {higher.name} 风险更高，走访间隔（{higher.interval_days} 天）却比 "
              f"{lower.name}（{lower.interval_days} 天）更长")
    colour_names = [c.name for c in colours]
    default_colour = _str(head, "default_colour", source, "[policy]")
    _need(default_colour in colour_names, source, f"default_colour「{default_colour}」不是已定义的颜色")

    # severities
    sev_table = _table(data, "severities", source)
    _need(len(sev_table) >= 1, source, "至少需要定义一个严重程度")
    sev = []
    for sname, s in sev_table.items():
        _need(isinstance(s, dict), source, f"[severities.{sname}] 必须是一个表")
        sev.append((_int(s, "rank", source, f"[severities.{sname}]"), sname))
    _need(len({r for r, _ in sev}) == len(sev), source, "严重程度的 rank 不能重复")
    severities = tuple(n for _, n in sorted(sev))

    # structure
    structure = _table(data, "structure", source)
    groups: list[str] = structure.get("groups") or []
    dimensions: list[str] = structure.get("dimensions") or []
    for label, seq in (("groups", groups), ("dimensions", dimensions)):
        _need(isinstance(seq, list) and seq and all(isinstance(x, str) and x for x in seq), source,
              f"[structure] 的 {label} 必须是非空的文字列表")
        _need(len(set(seq)) == len(seq), source, f"[structure] 的 {label} 有重复项")

    # factors
    raw_factors: list = data.get("factor") or []
    _need(isinstance(raw_factors, list) and raw_factors, source, "没有定义任何风险因素 [[factor]]")
    factors: list[Factor] = []
    seen: set[str] = set()
    for i, f in enumerate(raw_factors, 1):
        where = f"第 {i} 个 [[factor]]"
        key = _str(f, "key", source, where)
        where = f"风险因素「{key}」"
        _need(key not in seen, source, f"{where} 重复定义")
        seen.add(key)
        label = _str(f, "label", source, where)
        group = _str(f, "group", source, where)
        _need(group in groups, source, f"{where} 的分组「{group}」不在 [structure] groups 中")
        dim = _str(f, "dimension", source, where)
        _need(dim in dimensions, source, f"{where} 的风险维度「{dim}」不在 [structure] dimensions 中")
        kind = f.get("kind", FACTOR_FLAG)
        if kind == FACTOR_FLAG:
            severity = _str(f, "severity", source, where)
            _need(severity in severities, source, f"{where} 的严重程度「{severity}」未定义")
            factors.append(Factor(key, label, group, dim, kind, severity=severity))
        elif kind == FACTOR_NUMBER:
            raw_levels: list = f.get("levels") or []
            _need(isinstance(raw_levels, list) and raw_levels, source, f"{where} 是数值型，必须给出 levels 阈值")
            levels = []
            for lv in raw_levels:
                _need(isinstance(lv, dict), source, f"{where} 的 levels 每项必须是表")
                s = lv.get("severity")
                _need(s in severities, source, f"{where} 的阈值严重程度「{s}」未定义")
                has_min, has_over = "at_least" in lv, "more_than" in lv
                _need(has_min != has_over, source, f"{where} 的每个阈值须有且只有 at_least 或 more_than 之一")
                num = lv.get("at_least", lv.get("more_than"))
                _need(isinstance(num, (int, float)) and not isinstance(num, bool), source,
                      f"{where} 的阈值必须是数字")
                levels.append(Level(s, float(num) if has_min else None, None if has_min else float(num)))
            # more severe levels must need larger values, or the table contradicts itself
            ordered = sorted(levels, key=lambda lv: lv.threshold)
            for a, b in zip(ordered, ordered[1:], strict=False):
                _need(severities.index(b.severity) <= severities.index(a.severity), source,
                      f"{where} 的阈值矛盾：数值更大时严重程度反而更低")
            factors.append(Factor(key, label, group, dim, kind, unit=str(f.get("unit", "")), levels=tuple(levels)))
        else:
            raise PolicyError(source, f"{where} 的类型 kind「{kind}」未知（应为 flag 或 number）")

    # rules
    raw_rules: list = data.get("rule") or []
    _need(isinstance(raw_rules, list) and raw_rules, source, "没有定义任何分色规则 [[rule]]")
    rules = []
    for i, r in enumerate(raw_rules, 1):
        where = f"第 {i} 条分色规则"
        colour = _str(r, "colour", source, where)
        _need(colour in colour_names, source, f"{where} 的颜色「{colour}」未定义")
        s = _str(r, "severity", source, where)
        _need(s in severities, source, f"{where} 的严重程度「{s}」未定义")
        n = r.get("min_count", 1)
        _need(isinstance(n, int) and not isinstance(n, bool) and n >= 1, source, f"{where} 的 min_count 必须是正整数")
        rules.append(Rule(colour, s, n, bool(r.get("or_more_severe", False)), str(r.get("note", ""))))
    policy = Policy(
        name=name, version=version, source=source, max_interval_days=max_interval,
        default_colour=default_colour, colours=tuple(colours), severities=severities,
        groups=tuple(groups), dimensions=tuple(dimensions), factors=tuple(factors), rules=tuple(rules),
    )
    policy._by_key.update({f.key: f for f in factors})
    return policy
