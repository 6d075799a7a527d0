"""The assessment policy file: the shipped default loads, and broken files are clear errors."""

from __future__ import annotations

import pytest

from app.domain.policy import FACTOR_NUMBER, PolicyError, default_policy, default_policy_path, load_policy, parse_policy


def test_default_policy_loads_with_colours_intervals_and_groups():
    p = default_policy()
    assert p.colour_names == ["红", "黄", "蓝", "绿"]
    assert [p.interval(c) for c in p.colour_names] == [7, 15, 30, 30]
    assert p.interval("") == 30  # not assessed yet: the 一月一访 floor
    assert p.groups == ("监护", "安全", "健康", "教育", "心理", "生活")
    assert p.dimensions == ("监护风险", "生理风险", "行为风险")
    by_group = p.factors_by_group()
    assert all(by_group[g] for g in p.groups)
    assert all(p.factors_by_dimension()[d] for d in p.dimensions)
    months = p.factor("parents_not_seen_months")
    assert months.kind == FACTOR_NUMBER and months.unit == "个月"
    assert p.is_higher_risk("红", "黄") and not p.is_higher_risk("绿", "蓝")


def _text() -> str:
    return default_policy_path().read_text("utf-8")


def test_missing_file_names_the_file(tmp_path):
    path = tmp_path / "nope.toml"
    with pytest.raises(PolicyError) as exc:
        load_policy(path)
    assert str(path) in str(exc.value) and "不存在" in str(exc.value)


def test_malformed_toml_is_a_clear_error(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text(_text() + "\n[[factor]\nkey = ", "utf-8")
    with pytest.raises(PolicyError) as exc:
        load_policy(path)
    assert "bad.toml" in str(exc.value) and "TOML" in str(exc.value)


def test_undecodable_file_is_a_clear_error(tmp_path):
    path = tmp_path / "gbk.toml"
    path.write_bytes("名称".encode("gbk") * 3)
    with pytest.raises(PolicyError, match="gbk.toml"):
        load_policy(path)


@pytest.mark.parametrize("old, new, problem", [
    ("interval_days = 7\n", "interval_days = 45\n", "超过上限"),  # beyond 一月一访
    ("interval_days = 15\n", "interval_days = 3\n", "走访间隔"),  # 黄 more often than 红
    ("interval_days = 7\n", "interval_days = 0\n", "至少 1 天"),
    ('default_colour = "绿"', 'default_colour = "紫"', "default_colour"),
    ('group = "心理"', 'group = "情绪"', "分组「情绪」"),
    ('dimension = "行为风险"', 'dimension = "家庭风险"', "风险维度"),
    ('severity = "高"\n\n[[factor]]', 'severity = "极高"\n\n[[factor]]', "严重程度「极高」"),
    ('key = "withdrawn"', 'key = "no_income"', "重复定义"),
    ('colour = "黄"\nseverity', 'colour = "橙"\nseverity', "颜色「橙」"),
    ("min_count = 3", "min_count = 0", "min_count"),
    ('kind = "number"', 'kind = "scale"', "kind"),
    ("{ more_than = 12, severity = \"高\" }", "{ more_than = 12, severity = \"低\" }", "矛盾"),
    ("{ at_least = 6, severity = \"中\" }", "{ at_least = 6, more_than = 7, severity = \"中\" }", "之一"),
    ("[structure]", "[structur]", "[structure]"),
    ("rank = 2\nmeaning", "rank = 1\nmeaning", "rank"),
])
def test_inconsistent_policy_is_refused_with_the_problem_named(old, new, problem):
    text = _text()
    assert old in text, old
    with pytest.raises(PolicyError) as exc:
        parse_policy(text.replace(old, new, 1), source="county.toml")
    assert "county.toml" in str(exc.value)
    assert problem in str(exc.value)


def test_policy_without_factors_or_rules_is_refused():
    text = _text()
    no_rules = text[:text.index("[[rule]]")] + text[text.index("# ---- Factors"):]
    with pytest.raises(PolicyError, match="分色规则"):
        parse_policy(no_rules, "x.toml")
    no_factors = _text().split("# ---- Factors")[0]
    with pytest.raises(PolicyError, match="风险因素"):
        parse_policy(no_factors, "x.toml")


def test_a_county_policy_with_other_intervals_loads(tmp_path):
    text = _text().replace("interval_days = 15\n", "interval_days = 10\n", 1)
    path = tmp_path / "county.toml"
    path.write_text(text, "utf-8")
    assert load_policy(path).interval("黄") == 10
