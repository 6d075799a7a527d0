"""Pinyin search keys for Chinese names, so `zxm` or `zhangxiaoming` finds 张小明.

A surname is read as a surname: 曾 zeng (not ceng), 单 shan, 解 xie, 仇 qiu, 区 ou, 查 zha, 朴 piao,
盖 ge … (pypinyin has no surname mode, so the readings are listed here, issue 13). The list sorts
by the full pinyin (`sort_key`), not by the initials.
"""

from __future__ import annotations

# pypinyin is imported where used: loading its phrase dictionary takes about a second, which a
# start-up must not pay before the window shows (issue 17; list and search do not need it).

# Surnames whose surname reading differs from the character's most common reading.
SURNAME_READINGS = {
    "万俟": ["mo", "qi"], "尉迟": ["yu", "chi"], "长孙": ["zhang", "sun"], "澹台": ["tan", "tai"],
    "曾": ["zeng"], "单": ["shan"], "解": ["xie"], "仇": ["qiu"], "区": ["ou"], "查": ["zha"], "朴": ["piao"],
    "盖": ["ge"], "乐": ["yue"], "覃": ["qin"], "缪": ["miao"], "翟": ["zhai"], "种": ["chong"], "员": ["yun"],
    "召": ["shao"], "秘": ["bi"], "冼": ["xian"], "洗": ["xian"], "折": ["she"], "句": ["gou"], "繁": ["po"],
    "蕃": ["pi"], "能": ["nai"], "牟": ["mou"], "黑": ["he"], "隗": ["wei"], "莘": ["shen"], "祭": ["zhai"],
    "重": ["chong"], "阚": ["kan"], "宁": ["ning"], "车": ["che"], "过": ["guo"], "令狐": ["ling", "hu"],
}


def syllables(name: str) -> list[str]:
    """The name's pinyin syllables (no tones), its surname read as a surname."""
    from pypinyin import Style, lazy_pinyin

    name = name or ""
    for length in (2, 1):
        head = name[:length]
        if len(head) == length and head in SURNAME_READINGS:
            rest = lazy_pinyin(name[length:], style=Style.NORMAL, errors="ignore")
            return SURNAME_READINGS[head] + [p.lower() for p in rest if p]
    return [p.lower() for p in lazy_pinyin(name, style=Style.NORMAL, errors="ignore") if p]


def initials(name: str) -> str:
    return "".join(p[0] for p in syllables(name) if p)


def full(name: str) -> str:
    return "".join(syllables(name))


def search_key(name: str) -> str:
    """One lowercase string holding initials and full pinyin, separated so neither runs into the other."""
    return f"{initials(name)} {full(name)}"


def readings(text: str, limit: int = 8) -> list[str]:
    """Every full-pinyin spelling of a short Chinese text (polyphones: 单 → shan, dan, chan).

    Empty if any character has no pinyin or there are more than `limit` spellings, so a caller
    can fall back to matching the characters themselves.
    """
    from itertools import product

    from pypinyin import Style
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
