"""The colour rule: factors found → suggested colour and reasons; overrides need a reason."""

from __future__ import annotations

import pytest

from app.domain.colour import OverrideReasonRequired, UnknownFactor, decide, suggest
from app.domain.errors import ValidationError
from app.domain.policy import default_policy

P = default_policy()


def flags(severity):
    return [f.key for f in P.factors if f.kind == "flag" and f.severity == severity]


def test_no_factor_is_green_with_no_reasons():
    s = suggest(P, {})
    assert s.colour == "绿" and s.reasons == () and s.explain() == "未发现风险因素"


@pytest.mark.parametrize("key", flags("高"))
def test_any_high_factor_is_red(key):
    s = suggest(P, {key: True})
    assert s.colour == "红"
    assert [r.key for r in s.reasons] == [key]
    assert P.factor(key).label in s.explain()


@pytest.mark.parametrize("key", flags("中"))
def test_one_medium_factor_is_yellow(key):
    assert suggest(P, {key: True}).colour == "黄"


def test_two_medium_factors_stay_yellow_three_make_red():
    medium = flags("中")
    assert suggest(P, {k: True for k in medium[:2]}).colour == "黄"
    s = suggest(P, {k: True for k in medium[:3]})
    assert s.colour == "红" and "三项" in s.rule_note and len(s.reasons) == 3


@pytest.mark.parametrize("key", flags("低"))
def test_a_low_factor_is_blue(key):
    assert suggest(P, {key: True}).colour == "蓝"


def test_false_answers_do_not_count():
    assert suggest(P, {k: False for k in flags("高")}).colour == "绿"


@pytest.mark.parametrize("months, colour, severity", [
    (0, "绿", None), (5.9, "绿", None), (6, "黄", "中"), (12, "黄", "中"), (12.5, "红", "高"), (30, "红", "高"),
])
def test_parents_not_seen_months_thresholds(months, colour, severity):
    s = suggest(P, {"parents_not_seen_months": months})
    assert s.colour == colour
    if severity:
        assert s.reasons[0].severity == severity and s.reasons[0].value == months
        assert "个月" in s.reasons[0].text()


@pytest.mark.parametrize("cost, colour", [(4999, "绿"), (5000, "蓝"), (20000, "蓝"), (20001, "黄")])
def test_medical_cost_thresholds(cost, colour):
    assert suggest(P, {"medical_costs_yuan": cost}).colour == colour


def test_reasons_list_every_factor_most_severe_first():
    s = suggest(P, {"withdrawn": True, "unsafe_housing": True, "dropped_out": True})
    assert s.colour == "红"
    assert [r.severity for r in s.reasons] == ["高", "中", "低"]
    assert {r.group for r in s.reasons} == {"教育", "安全", "心理"}


def test_unknown_factor_and_bad_number_are_refused():
    with pytest.raises(UnknownFactor):
        suggest(P, {"flying": True})
    with pytest.raises(ValidationError, match="数字"):
        suggest(P, {"parents_not_seen_months": "很久"})


def test_override_needs_a_written_reason():
    with pytest.raises(OverrideReasonRequired) as exc:
        decide(P, {"withdrawn": True}, chosen="红")
    assert exc.value.field == "override_reason" and "理由" in exc.value.message
    with pytest.raises(OverrideReasonRequired):
        decide(P, {"withdrawn": True}, chosen="红", override_reason="   ")
    d = decide(P, {"withdrawn": True}, chosen="红", override_reason="强制报告: 疑似受到侵害")
    assert d.colour == "红" and d.overridden and d.suggestion.colour == "蓝"
    assert d.override_reason == "强制报告: 疑似受到侵害"


def test_lowering_also_needs_a_reason_and_choosing_the_suggestion_does_not():
    with pytest.raises(OverrideReasonRequired):
        decide(P, {"dropped_out": True}, chosen="黄")
    d = decide(P, {"dropped_out": True}, chosen="红")
    assert d.colour == "红" and not d.overridden


def test_unknown_colour_is_refused():
    with pytest.raises(ValidationError, match="未知的颜色"):
        decide(P, {}, chosen="紫", override_reason="x")
