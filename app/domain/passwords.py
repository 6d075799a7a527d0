"""What makes a password acceptable: long enough, not one of the commonest passwords, and not
made of the user's own name or village (what a neighbour would try first).

The banned list ships in `resources/passwords/common.txt` (lower case, one a line). Rules only:
no Qt, no SQL; the caller passes the names the password must not be built from.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from app.domain.errors import ValidationError

MIN_LENGTH = 8
MIN_DISTINCT = 4  # "aaaa1111" has 2 distinct characters
# What is left after the user's names are taken out must still hold this many letters or
# symbols other than digits ("zhangli2026" leaves only digits).
MIN_LEFT = 4
BANNED_FILE = Path(__file__).resolve().parents[2] / "resources" / "passwords" / "common.txt"


@functools.lru_cache(maxsize=1)
def banned() -> frozenset[str]:
    words = (line.strip().lower() for line in BANNED_FILE.read_text("utf-8").splitlines())
    return frozenset(w for w in words if w and not w.startswith("#"))


def _is_run(text: str) -> bool:
    """An ascending or descending run of one step: 12345678, 87654321, abcdefgh."""
    steps = {ord(b) - ord(a) for a, b in zip(text, text[1:], strict=False)}
    return len(steps) == 1 and steps <= {1, -1}


def check(password: str, repeat: str | None = None, *, names: tuple[str, ...] = ()) -> None:
    """Raise ValidationError (field `password` or `password_repeat`) with a Chinese message when
    `password` is not good enough. `names`: the login name, the real name, the village name and
    code — a password built from them and digits is refused."""
    password = password or ""
    if len(password) < MIN_LENGTH:
        raise ValidationError("password", f"密码至少需要{MIN_LENGTH}位")
    low = password.lower()
    if low in banned() or _is_run(low) or len(set(low)) < MIN_DISTINCT:
        raise ValidationError("password", "这个密码太常见，很容易被猜到，请换一个")
    tokens = sorted({n.strip().lower() for n in names if n and len(n.strip()) >= 2}, key=len, reverse=True)
    left = low
    for token in tokens:
        left = left.replace(token, "")
    if left != low:
        letters = re.sub(r"[\d\s]", "", left)
        if len(letters) < MIN_LEFT:
            raise ValidationError("password", "密码不能只用姓名、登录名或村名加数字组成，请换一个别人猜不到的密码")
    if repeat is not None and password != repeat:
        raise ValidationError("password_repeat", "两次输入的密码不一致")
