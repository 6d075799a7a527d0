"""Resident identity card numbers (居民身份证号码): checksum, birth date, sex, age.

The checksum and the birth date decide whether a number is valid. python-stdnum's table of
region codes (`cn.ric`) is older than many counties (320117 溧水区 dates from 2013), so a region it
does not know is only a warning (`IdInfo.region_known`), never a refusal. Every ID number that
enters the app — typed, pasted from Word, imported, searched — goes through `normalise` first:
full-width digits and letters from a Chinese input method become ASCII, all spaces go, a
lowercase x becomes X.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
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
    region_known: bool = True  # False: a region code python-stdnum's table does not list (a warning)


_DASHES = str.maketrans({"-": "", "\u2010": "", "\u2011": "", "\u2012": "", "\u2013": "", "\u2014": "",
                         "\u2212": "", "\uff0d": ""})


def normalise(number: str) -> str:
    """The number as stored and compared: NFKC (full-width → ASCII), no whitespace or dashes, upper case."""
    text = unicodedata.normalize("NFKC", str(number or ""))
    text = "".join(ch for ch in text if not ch.isspace() and unicodedata.category(ch) not in ("Cc", "Cf"))
    return text.translate(_DASHES).upper()


def looks_like_id(text: str) -> bool:
    """True when `text`, normalised, could be (part of) an ID number: digits, maybe a final X."""
    value = normalise(text)
    return len(value) >= 6 and value[:17].isdigit() and (len(value) < 18 or value[17:].isdigit() or value[17:] == "X")


def region_known(region: str, birth: dt.date | None = None) -> bool:
    """Whether python-stdnum's table lists this 6-digit region code (for the year of birth, if given)."""
    try:
        body = region + (birth.strftime("%Y%m%d") if birth else "20000101") + "000"
        ric.get_birth_place(body + ric.calc_check_digit(body + "0"))
        return True
    except (stdnum_errors.ValidationError, ValueError, KeyError):
        return False


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
    if value[17] != ric.calc_check_digit(value):
        raise ValidationError(field, "身份证号码校验位错误，请核对最后一位")
    if value[:2] not in PROVINCES:
        raise ValidationError(field, "身份证号码前两位不是省级行政区划代码")
    sex = "男" if int(value[16]) % 2 == 1 else "女"
    return IdInfo(number=value, birth_date=birth, sex=sex, region=value[:6],
                  region_known=region_known(value[:6], birth))


_REGIONS_PASSED: set[str] = set()  # region codes some number passed `parse` for, in this process
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def parse_in_bulk(number: str, today: dt.date, field: str = "id_number") -> tuple[dt.date, str]:
    """(birth date, sex) of a normalised number, for imports of many thousand rows (a county roster,
    a school roll). A well-formed number with a right check digit and a real birth date not after
    `today`, whose region an earlier number already passed `parse` for, skips the full check (the
    region table is its slow part); any other goes through `parse`, which raises ValidationError."""
    birth = _quick_birth_date(number, today)
    if birth is not None:
        return birth, "男" if int(number[16]) % 2 == 1 else "女"
    info = parse(number, today=today, field=field)
    _REGIONS_PASSED.add(info.region)
    return info.birth_date, info.sex


def _quick_birth_date(number: str, today: dt.date) -> dt.date | None:
    if len(number) != 18 or number[:6] not in _REGIONS_PASSED or not number[:17].isdigit():
        return None
    check = (12 - sum(int(d) * w for d, w in zip(number[:17], _WEIGHTS, strict=True)) % 11) % 11
    if number[17] != ("X" if check == 10 else str(check)):
        return None
    try:
        birth = dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return None
    return birth if birth <= today else None


# 省级行政区划代码 (GB/T 2260): the first two digits of every resident ID number.
PROVINCES = frozenset("11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 "
                      "71 81 82 83".split())


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
