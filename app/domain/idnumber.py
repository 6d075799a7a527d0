"""Resident identity card numbers (居民身份证号码): checksum, birth date, sex, age.

Validation is python-stdnum's `cn.ric`; this module turns its exceptions into messages a
child director understands and derives what the number says about the child.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from stdnum import exceptions as stdnum_errors
from stdnum.cn import ric

from app.core import clock
from app.domain.errors import ValidationError


@dataclass(frozen=True)
class IdInfo:
    number: str
    birth_date: dt.date
    sex: str  # "男" or "女"
    region: str  # first six digits: the county of first registration


def normalise(number: str) -> str:
    return (number or "").strip().replace(" ", "").upper()


def parse(number: str, today: dt.date | None = None, field: str = "id_number") -> IdInfo:
    """Validate an 18-digit ID number and return what it encodes, or raise ValidationError."""
    today = today or clock.today()
    value = normalise(number)
    if not value:
        raise ValidationError(field, "请填写身份证号码")
    if len(value) != 18:
        raise ValidationError(field, f"身份证号码应为18位，现为{len(value)}位")
    if not value[:17].isdigit() or not (value[17].isdigit() or value[17] == "X"):
        raise ValidationError(field, "身份证号码只能由数字和末位的X组成")
    try:
        birth = ric.get_birth_date(value)
    except (stdnum_errors.ValidationError, ValueError):
        raise ValidationError(field, "身份证号码中的出生日期不存在") from None
    if birth > today:
        raise ValidationError(field, "身份证号码中的出生日期晚于今天")
    try:
        ric.validate(value)
    except stdnum_errors.InvalidChecksum:
        raise ValidationError(field, "身份证号码校验位错误，请核对最后一位") from None
    except stdnum_errors.ValidationError:
        raise ValidationError(field, "身份证号码格式不正确") from None
    sex = "男" if int(value[16]) % 2 == 1 else "女"
    return IdInfo(number=value, birth_date=birth, sex=sex, region=value[:6])


def check_digit(first17: str) -> str:
    """The check digit (0-9 or X) for the first 17 digits of an ID number."""
    if len(first17) != 17 or not first17.isdigit():
        raise ValueError("check_digit needs the first 17 digits")
    # stdnum's calc_check_digit takes the whole number and ignores its last character.
    return ric.calc_check_digit(first17 + "0")


def age_on(birth_date: dt.date, day: dt.date) -> int:
    """Full years of age on `day`; a 29 February birthday counts as 1 March in common years."""
    years = day.year - birth_date.year
    if (day.month, day.day) < (birth_date.month, birth_date.day):
        years -= 1
    return years


def birthday_in(birth_date: dt.date, year: int) -> dt.date:
    """The date the birthday is legally reached in `year` (29 Feb → 1 Mar in common years)."""
    try:
        return birth_date.replace(year=year)
    except ValueError:
        return dt.date(year, 3, 1)
