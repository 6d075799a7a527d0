"""Field rules of the child's file: every bad value named with a Chinese message."""

import datetime as dt

import pytest

from app.domain import child_rules, idnumber, vocab
from app.domain.errors import ValidationErrors

TODAY = dt.date(2026, 11, 23)


def make(birth="20150315", seq="123"):
    body = f"320115{birth}{seq}"
    return body + idnumber.check_digit(body)


def errors_of(fn, *args, **kw):
    with pytest.raises(ValidationErrors) as exc:
        fn(*args, **kw)
    return exc.value.by_field()


def test_new_child_derives_sex_and_birth_date():
    clean = child_rules.clean_child({"name": " 张小明 ", "id_number": make(), "village_code": "320115101201"}, TODAY)
    assert clean["name"] == "张小明"
    assert clean["sex"] == "男"
    assert clean["birth_date"] == dt.date(2015, 3, 15)
    assert "health" not in clean  # left to the model default


def test_new_child_all_errors_at_once():
    errs = errors_of(child_rules.clean_child, {"name": "", "id_number": "123", "village_code": "32",
                                               "phone": "12ab", "hukou_type": "城市"}, TODAY)
    assert errs["name"] == "请填写姓名"
    assert "18位" in errs["id_number"]
    assert "区划代码" in errs["village_code"]
    assert "联系电话" in errs["phone"]
    assert "户口性质应为" in errs["hukou_type"]


def test_adult_cannot_be_registered():
    errs = errors_of(child_rules.clean_child, {"name": "王五", "id_number": make(birth="20080101"),
                                               "village_code": "320115101201"}, TODAY)
    assert "已年满18周岁" in errs["id_number"]


def test_disability_grade_needs_type():
    errs = errors_of(child_rules.clean_child, {"disability_grade": "一级"}, TODAY, existing={"disability_type": "无"}, new=False)
    assert errs == {"disability_grade": "未选择残疾类型时不能填写残疾等级"}
    errs = errors_of(child_rules.clean_child, {"disability_type": "肢体"}, TODAY, existing={}, new=False)
    assert errs == {"disability_grade": "请选择残疾等级"}


def test_unknown_field():
    assert errors_of(child_rules.clean_child, {"shoe_size": "3"}, TODAY, new=False) == {"shoe_size": "未知字段：shoe_size"}


def test_status_rules():
    born = dt.date(2008, 2, 29)
    with pytest.raises(ValidationErrors, match="尚未年满18周岁"):
        child_rules.check_status(vocab.STATUS_AGED_OUT, dt.date(2026, 2, 28), born, TODAY)
    assert child_rules.check_status(vocab.STATUS_AGED_OUT, "2026-03-01", born, TODAY) == (
        vocab.STATUS_AGED_OUT, dt.date(2026, 3, 1))
    assert "status" in errors_of(child_rules.check_status, "删除", TODAY, born, TODAY)
    assert "status_date" in errors_of(child_rules.check_status, vocab.STATUS_TRANSFERRED, "2027-01-01", born, TODAY)


def test_guardian_rules():
    errs = errors_of(child_rules.clean_guardian, {"relation": "父亲", "name": "张大山", "works_away": "是",
                                                  "away_since": "2030-01-01"}, TODAY)
    assert errs == {"away_since": "外出时间不能晚于今天", "work_place": "外出务工请填写务工地点"}
    clean = child_rules.clean_guardian({"relation": "母亲", "name": "李芳", "works_away": True,
                                        "work_place": "广东东莞", "away_since": "2024/3/1"}, TODAY)
    assert clean["away_since"] == dt.date(2024, 3, 1)
    assert "relation" in errors_of(child_rules.clean_guardian, {"relation": "邻居"}, TODAY)


def test_care_rules():
    errs = errors_of(child_rules.clean_care, {"carer_name": "张奶奶", "relation": "祖母", "carer_age": "200",
                                              "agreement_signed": True}, TODAY)
    assert errs == {"carer_age": "照护人年龄应在16到110之间", "agreement_date": "已签委托照护协议，请填写签订日期"}


def test_category_rules():
    born = dt.date(2009, 1, 1)  # 17 today
    errs = errors_of(child_rules.clean_category, {"category": vocab.CATEGORY_LEFT_BEHIND}, TODAY, birth_date=born)
    assert errs == {"category": "“农村留守儿童”限未满16周岁的儿童"}
    assert child_rules.clean_category({"category": vocab.CATEGORY_SCATTERED_ORPHAN}, TODAY, birth_date=born)["since"] == TODAY
    errs = errors_of(child_rules.clean_category, {"category": vocab.CATEGORY_SCATTERED_ORPHAN}, TODAY, birth_date=born,
                     existing=[vocab.CATEGORY_SCATTERED_ORPHAN])
    assert "已有类别" in errs["category"]
    errs = errors_of(child_rules.clean_category, {"category": "外星儿童"}, TODAY)
    assert "儿童类别应为" in errs["category"]
    errs = errors_of(child_rules.clean_category, {"category": vocab.CATEGORY_SCATTERED_ORPHAN, "since": "2020-05-01",
                                                  "ended": "2019-01-01"}, TODAY)
    assert errs == {"ended": "终止日期早于起始日期"}


def test_need_rules():
    assert errors_of(child_rules.clean_need, {"description": " "}, TODAY) == {"description": "请填写需求"}
    assert child_rules.clean_need({"description": "心理疏导"}, TODAY)["coverage"] == "应保未保"


def test_impossible_date_text():
    errs = errors_of(child_rules.clean_care, {"carer_name": "张奶奶", "relation": "祖母", "since": "2024-02-30"}, TODAY)
    assert "since" in errs
