"""Pinyin search keys for Chinese names, so `zxm` or `zhangxiaoming` finds 张小明."""

from __future__ import annotations

from pypinyin import Style, lazy_pinyin


def initials(name: str) -> str:
    return "".join(p[0] for p in lazy_pinyin(name, style=Style.FIRST_LETTER, errors="ignore") if p).lower()


def full(name: str) -> str:
    return "".join(lazy_pinyin(name, style=Style.NORMAL, errors="ignore")).lower()


def search_key(name: str) -> str:
    """One lowercase string holding initials and full pinyin, separated so neither runs into the other."""
    return f"{initials(name)} {full(name)}"
