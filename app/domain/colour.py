"""The colour rule of 分级分色评估: risk factors found → suggested colour and the reasons why.

`suggest()` applies the policy's rules to the answers (factor key → True / a number) and names
every factor that counted. `decide()` adds the director's choice: a colour other than the
suggestion needs a written reason (`OverrideReasonRequired`). Pure functions over plain data.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.errors import ValidationError
from app.domain.policy import FACTOR_NUMBER, Policy


class OverrideReasonRequired(ValidationError):
    def __init__(self, suggested: str, chosen: str):
        super().__init__("override_reason", f"系统建议为{suggested}色，改为{chosen}色必须填写理由")
        self.suggested = suggested
        self.chosen = chosen


@dataclass(frozen=True)
class Reason:
    """One factor found, with the severity it counted at."""

    key: str
    label: str
    group: str
    dimension: str
    severity: str
    value: float | None = None
    unit: str = ""

    def text(self) -> str:
        if self.value is not None:
            return f"{self.label}：{self.value:g}{self.unit}（{self.severity}）"
        return f"{self.label}（{self.severity}）"

    def as_dict(self) -> dict:
        out: dict[str, object] = {"key": self.key, "label": self.label, "group": self.group, "dimension": self.dimension,
               "severity": self.severity}
        if self.value is not None:
            out["value"] = self.value
            out["unit"] = self.unit
        return out


@dataclass(frozen=True)
class Suggestion:
    colour: str
    reasons: tuple[Reason, ...]  # every factor found, most severe first
    rule_note: str = ""  # the rule that set the colour ("" when no factor was found)

    def explain(self) -> str:
        if not self.reasons:
            return "未发现风险因素"
        return f"{self.rule_note}：" + "；".join(r.text() for r in self.reasons)


@dataclass(frozen=True)
class Decision:
    colour: str
    suggestion: Suggestion
    override_reason: str = ""

    @property
    def overridden(self) -> bool:
        return self.colour != self.suggestion.colour


class UnknownFactor(ValidationError):
    def __init__(self, key: str):
        super().__init__("factors", f"未知的风险因素：{key}")
        self.key = key


def found(policy: Policy, answers: dict) -> list[Reason]:
    """The factors present in `answers`, each with the severity it counts at."""
    out = []
    for key, value in answers.items():
        if not policy.has_factor(key):
            raise UnknownFactor(key)
        f = policy.factor(key)
        if f.kind == FACTOR_NUMBER:
            if value is None or value is False or value == "":
                continue
            try:
                number = float(value)
            except (TypeError, ValueError):
                raise ValidationError("factors", f"{f.label} 需要填写数字") from None
            reached = [lv for lv in f.levels if lv.reached(number)]
            if not reached:
                continue
            severity = min((lv.severity for lv in reached), key=policy.severity_rank)
            out.append(Reason(f.key, f.label, f.group, f.dimension, severity, number, f.unit))
        elif value:
            out.append(Reason(f.key, f.label, f.group, f.dimension, f.severity))
    order = {f.key: i for i, f in enumerate(policy.factors)}
    out.sort(key=lambda r: (policy.severity_rank(r.severity), order[r.key]))
    return out


def suggest(policy: Policy, answers: dict) -> Suggestion:
    """The highest-risk colour whose rule the answers meet, and the factors behind it."""
    reasons = found(policy, answers)
    best = None
    for rule in policy.rules:
        limit = policy.severity_rank(rule.severity)
        count = sum(
            1 for r in reasons
            if policy.severity_rank(r.severity) == limit
            or (rule.or_more_severe and policy.severity_rank(r.severity) < limit)
        )
        if count >= rule.min_count and (best is None or policy.rank(rule.colour) < policy.rank(best.colour)):
            best = rule
    if best is None:
        return Suggestion(policy.default_colour, tuple(reasons), "")
    return Suggestion(best.colour, tuple(reasons), best.note)


def decide(policy: Policy, answers: dict, chosen: str | None = None, override_reason: str = "") -> Decision:
    """The colour to record: the suggestion, or the director's choice with a written reason."""
    suggestion = suggest(policy, answers)
    if not chosen or chosen == suggestion.colour:
        return Decision(suggestion.colour, suggestion, (override_reason or "").strip())
    if not policy.has_colour(chosen):
        raise ValidationError("colour", f"未知的颜色：{chosen}")
    reason = (override_reason or "").strip()
    if not reason:
        raise OverrideReasonRequired(suggestion.colour, chosen)
    return Decision(chosen, suggestion, reason)
