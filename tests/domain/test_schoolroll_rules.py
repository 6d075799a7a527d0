"""School-roll rules: header variants, the mapping step, row checks naming the row, matching."""

from __future__ import annotations

import datetime as dt

import pytest
from stdnum.cn import ric

from app.domain import schoolroll as r
from app.domain import tabular

TODAY = dt.date(2026, 11, 2)


def pid(birth: str, seq: str = "123") -> str:
    body = "320115" + birth + seq
    return body + ric.calc_check_digit(body + "0")


def test_header_variants():
    headers = ["序号", " 学生姓名 ", "公民身份号码", "出生年月日", "学校名称（全称）", "年级", "户籍所在地", "班主任"]
    m = r.auto_mapping(headers)
    assert m == {"name": 1, "id_number": 2, "birth_date": 3, "school": 4, "grade": 5, "address": 6}


def test_missing_column_names_what_is_missing():
    with pytest.raises(r.MappingError) as err:
        r.auto_mapping(["姓名", "学生证件", "学校"])
    assert "缺少必需的列：身份证号" in err.value.message


def test_mapping_overrides_and_conflicts():
    assert r.auto_mapping(["姓名", "学生证件", "学校"], {"学生证件": "身份证号"})["id_number"] == 1
    assert r.auto_mapping(["姓名", "证件", "学校"], {"证件": "id_number"})["id_number"] == 1
    with pytest.raises(r.MappingError) as err:
        r.auto_mapping(["姓名", "身份证号", "证件号码", "学校"])
    assert "都对应“身份证号”" in err.value.message
    # ignoring one of them resolves it
    assert r.auto_mapping(["姓名", "身份证号", "证件号码", "学校"], {"证件号码": "忽略"})["id_number"] == 1
    with pytest.raises(r.MappingError):
        r.auto_mapping(["姓名", "身份证号", "学校"], {"不存在的列": "年级"})


@pytest.mark.parametrize("value,expected", [
    ("2014-03-05", dt.date(2014, 3, 5)), ("2014/3/5", dt.date(2014, 3, 5)), ("2014.03.05", dt.date(2014, 3, 5)),
    ("20140305", dt.date(2014, 3, 5)), ("2014年3月5日", dt.date(2014, 3, 5)), (20140305, dt.date(2014, 3, 5)),
    (41703, dt.date(2014, 3, 5)), (dt.datetime(2014, 3, 5, 0, 0), dt.date(2014, 3, 5)),
])
def test_dates(value, expected):
    assert r.parse_date(value) == expected


def test_row_checks_name_the_row():
    m = {"name": 0, "id_number": 1, "birth_date": 2, "school": 3}
    ok = r.parse_row(7, ["张三", pid("20140305"), "2014-03-05", "东山小学"], m, TODAY)
    assert isinstance(ok, r.RollEntry) and ok.birth_date == dt.date(2014, 3, 5)
    bad = r.parse_row(8, ["", pid("20140305")[:-1] + "0", "2014-02-30", ""], m, TODAY)
    assert isinstance(bad, r.RowError) and bad.text().startswith("第8行：")
    assert "姓名为空" in bad.message and "学校为空" in bad.message and "不存在" in bad.message
    assert r.parse_row(9, [None, "", None, None], m, TODAY) is None
    mismatch = r.parse_row(10, ["李四", pid("20140305"), "2014-03-06", "东山小学"], m, TODAY)
    assert "不一致" in mismatch.message


def test_duplicates_keep_first():
    e1 = r.RollEntry(2, "甲", "X1", None, "校")
    e2 = r.RollEntry(5, "乙", "X1", None, "校")
    kept, errors = tabular.check_duplicates([e1, e2])
    assert kept == [e1] and errors[0].row_no == 5 and "第2行" in errors[0].message


def test_school_age_on_31_august():
    assert r.is_school_age(dt.date(2020, 8, 31), TODAY)  # 6 on 31 Aug 2026
    assert not r.is_school_age(dt.date(2020, 9, 1), TODAY)
    assert r.is_school_age(dt.date(2010, 9, 1), TODAY)  # 15 on 31 Aug 2026
    assert not r.is_school_age(dt.date(2010, 8, 31), TODAY)  # 16


def test_compare():
    def kid(i, name, birth, school="东山小学"):
        born = dt.date(int(birth[:4]), int(birth[4:6]), int(birth[6:]))
        return r.ChildRef(i, name, pid(birth, f"{int(i):02d}1"), born, school)

    a, b, c = kid("1", "甲", "20150101"), kid("2", "乙", "20150202"), kid("3", "丙", "20150303")
    d, e = kid("4", "丁", "20220404"), kid("5", "戊", "20140505")
    entries = [
        r.RollEntry(2, "甲", a.id_number, a.birth_date, "东山小学"),
        r.RollEntry(3, "乙", b.id_number, b.birth_date, "秣陵第二小学"),
        r.RollEntry(4, "丙", "", c.birth_date, "东山小学"),
        r.RollEntry(5, "陌生", pid("20150606", "991"), dt.date(2015, 6, 6), "东山小学", address="东山村三组"),
        r.RollEntry(6, "外村", pid("20150707", "981"), dt.date(2015, 7, 7), "东山小学", address="西岗村"),
        r.RollEntry(7, "戊", e.id_number, e.birth_date, "东山小学", status="休学"),
    ]
    res = r.compare([a, b, c, d, e], entries, TODAY, ["东山村"])
    assert res.counts() == {r.DROPOUT_RISK: 1, r.OTHER_SCHOOL: 1, r.UNKNOWN_TO_VILLAGE: 1, r.UNCERTAIN: 1}
    assert res.of(r.DROPOUT_RISK)[0].child is e  # 丁 is 4: not school age, no finding
    assert res.of(r.UNCERTAIN)[0].child is c and not res.of(r.UNCERTAIN)[0].certain
    assert res.of(r.UNKNOWN_TO_VILLAGE)[0].entry.row_no == 5
    assert set(res.matched) == {"1", "2", "3"}
    # without village names every unmatched entry is listed
    assert r.compare([a, b, c, d, e], entries, TODAY).counts()[r.UNKNOWN_TO_VILLAGE] == 2
