"""ID-number rules: checksum, impossible and future birth dates, sex, age including 29 February."""

import datetime as dt
import itertools

import pytest

from app.domain import child_rules, idnumber, lockout, pinyin
from app.domain.errors import ValidationError

TODAY = dt.date(2026, 11, 23)


def make(region="320115", birth="20150315", seq="123"):
    body = f"{region}{birth}{seq}"
    return body + idnumber.check_digit(body)


def test_valid_number_gives_birth_date_and_sex():
    info = idnumber.parse(make(seq="123"), TODAY)
    assert info.birth_date == dt.date(2015, 3, 15)
    assert info.sex == "男"
    assert idnumber.parse(make(seq="124"), TODAY).sex == "女"
    assert info.region == "320115"


def test_lowercase_x_and_spaces_are_normalised():
    body = next(f"32011520150315{n:03d}" for n in range(1000) if idnumber.check_digit(f"32011520150315{n:03d}") == "X")
    assert idnumber.parse(" " + body + "x ", TODAY).number == body + "X"


@pytest.mark.parametrize("number, message", [
    ("", "请填写身份证号码"),
    ("3201152015031512", "身份证号码应为18位，现为16位"),
    ("32011520150315A23X", "身份证号码只能由数字和末位的X组成"),
])
def test_malformed(number, message):
    with pytest.raises(ValidationError) as exc:
        idnumber.parse(number, TODAY)
    assert exc.value.message == message
    assert exc.value.field == "id_number"


def test_wrong_checksum():
    good = make()
    bad = good[:17] + ("0" if good[17] != "0" else "1")
    with pytest.raises(ValidationError, match="校验位错误"):
        idnumber.parse(bad, TODAY)


def test_29_february_only_in_leap_years():
    assert idnumber.parse(make(birth="20160229"), TODAY).birth_date == dt.date(2016, 2, 29)
    with pytest.raises(ValidationError, match="出生日期不存在"):
        idnumber.parse(make(birth="20150229"), TODAY)
    with pytest.raises(ValidationError, match="出生日期不存在"):
        idnumber.parse(make(birth="20151301"), TODAY)


def test_future_birth_date_refused():
    with pytest.raises(ValidationError, match="晚于今天"):
        idnumber.parse(make(birth="20261124"), TODAY)
    assert idnumber.parse(make(birth="20261123"), TODAY).birth_date == TODAY


def test_age_on_birthday_boundaries():
    born = dt.date(2010, 6, 15)
    assert idnumber.age_on(born, dt.date(2026, 6, 14)) == 15
    assert idnumber.age_on(born, dt.date(2026, 6, 15)) == 16


def test_age_of_29_february_child():
    born = dt.date(2008, 2, 29)
    # Common year: the birthday is reached on 1 March.
    assert idnumber.age_on(born, dt.date(2026, 2, 28)) == 17
    assert idnumber.age_on(born, dt.date(2026, 3, 1)) == 18
    # Leap year: on the day itself.
    assert idnumber.age_on(born, dt.date(2028, 2, 28)) == 19
    assert idnumber.age_on(born, dt.date(2028, 2, 29)) == 20
    assert child_rules.adult_on(born) == dt.date(2026, 3, 1)
    assert idnumber.birthday_in(born, 2024) == dt.date(2024, 2, 29)


def test_lockout_delay_grows_and_is_capped():
    delays = [lockout.delay_after(n) for n in range(0, 12)]
    assert delays[:3] == [0, 0, 0]
    assert all(b >= a for a, b in itertools.pairwise(delays))
    assert delays[3] < delays[4] < delays[5]
    assert max(delays) == lockout.MAX_DELAY_S
    assert lockout.seconds_left(4, 1000.0, 1000.0) == lockout.delay_after(4)
    assert lockout.seconds_left(4, 1000.0, 1000.0 + lockout.delay_after(4)) == 0


def test_pinyin_keys():
    assert pinyin.initials("张小明") == "zxm"
    assert pinyin.full("张小明") == "zhangxiaoming"
    assert pinyin.search_key("张小明") == "zxm zhangxiaoming"


def test_pinyin_readings_of_polyphones():
    assert pinyin.readings("张") == ["zhang"]
    assert set(pinyin.readings("单")) == {"chan", "dan", "shan"}
    assert pinyin.full("单") in pinyin.readings("单")
    assert pinyin.readings("·") == []
