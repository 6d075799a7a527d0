"""Statistical division codes (统计用区划代码): 12 digits, county = first 6, township = first 9.

A device's scope is a prefix of these codes: a village device sees its 12-digit code, a
township device every code that starts with its 9 digits.
"""

from __future__ import annotations

from app.domain.errors import ValidationError

LEVEL_COUNTY = "county"
LEVEL_TOWNSHIP = "township"
LEVEL_VILLAGE = "village"

_LENGTH = {LEVEL_COUNTY: 6, LEVEL_TOWNSHIP: 9, LEVEL_VILLAGE: 12}


def validate_code(code: str, level: str = LEVEL_VILLAGE, field: str = "village_code") -> str:
    code = (code or "").strip()
    want = _LENGTH[level]
    label = {"county": "县(区)", "township": "乡镇(街道)", "village": "村(社区)"}[level]
    if not code.isdigit() or len(code) != want:
        raise ValidationError(field, f"{label}区划代码应为{want}位数字")
    return code


def county_of(code: str) -> str:
    return code[:6]


def township_of(code: str) -> str:
    return code[:9]


def in_scope(code: str, scope: str) -> bool:
    return bool(code) and code.startswith(scope)
