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


def readings(text: str, limit: int = 8) -> list[str]:
    """Every full-pinyin spelling of a short Chinese text (polyphones: 单 → shan, dan, chan).

    Empty if any character has no pinyin or there are more than `limit` spellings, so a caller
    can fall back to matching the characters themselves.
    """
    from itertools import product

    from pypinyin import pinyin as _pinyin

    per_char = []
    for ch in text:
        found = _pinyin(ch, style=Style.NORMAL, heteronym=True, errors=lambda _: "")
        options = sorted({p.lower() for group in found for p in group if p and p.isascii() and p.isalpha()})
        if not options:
            return []
        per_char.append(options)
    total = 1
    for options in per_char:
        total *= len(options)
    if total > limit:
        return []
    return ["".join(combo) for combo in product(*per_char)]
