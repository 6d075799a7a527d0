"""Issue 13: ID numbers are normalised before any check; real region codes are accepted."""

import datetime as dt

import pytest

from app.domain import idnumber, textclean
from app.domain.errors import ValidationError

TODAY = dt.date(2026, 11, 23)


def make(region="320115", birth="20150315", seq="123"):
    body = f"{region}{birth}{seq}"
    return body + idnumber.check_digit(body)


FULLWIDTH = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")


def test_full_width_digits_spaces_and_lowercase_x_are_normalised():
    body = next(f"32011520150315{n:03d}" for n in range(1000) if idnumber.check_digit(f"32011520150315{n:03d}") == "X")
    number = body + "X"
    typed = "３２０１１５\u3000" + number[6:14].translate(FULLWIDTH) + " " + number[14:17] + "ｘ"
    assert idnumber.normalise(typed) == number
    assert idnumber.parse(typed, TODAY).number == number
    assert idnumber.normalise(number.lower()) == number


def test_region_newer_than_the_stdnum_table_is_accepted_with_a_warning():
    # 320117 溧水区 (a district since 2013): stdnum only knows it for births from 2013 on
    number = make("320117", "20100315")
    info = idnumber.parse(number, TODAY)
    assert info.number == number and info.birth_date == dt.date(2010, 3, 15)
    assert info.region_known is False
    assert idnumber.parse(make("320115"), TODAY).region_known is True


def test_checksum_and_birth_date_still_decide():
    good = make("320117", "20100315")
    with pytest.raises(ValidationError, match="校验位错误"):
        idnumber.parse(good[:17] + ("0" if good[17] != "0" else "1"), TODAY)
    with pytest.raises(ValidationError, match="出生日期不存在"):
        idnumber.parse(make("320117", "20100231"), TODAY)
    with pytest.raises(ValidationError, match="省级"):
        idnumber.parse(make("990117", "20100315"), TODAY)


def test_odd_characters_never_raise():
    for raw in ["\x00", "\ud800", "a\udfffb", "\x00\x01\x02", "张\x00三", "🙂", "\u200b"]:
        idnumber.normalise(raw)
        textclean.clean_text(raw)
        q = textclean.clean_query(raw)
        q.encode("utf-8")
        assert "\x00" not in q
    assert textclean.clean_query("  张 \x00 三  ") == "张 三"
    assert textclean.clean_query("３２０１") == "3201"
    assert len(textclean.clean_query("长" * 10_000)) == textclean.MAX_QUERY
