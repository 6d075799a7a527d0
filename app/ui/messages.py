"""Messages of app/domain and app/data in the interface language (issue 13).

The rules raise `ValidationError(field, "请填写姓名")` or `f"{label}应为整数"`: Chinese text, because
the CLI and the logs speak Chinese and the domain knows nothing of Qt. The screens show such a
message through `user_text(message)`:

- a message with no values inside is looked up as it is (`QCoreApplication.translate("", msg)`);
- a message built from an f-string is matched against its template (`"{0}应为整数"`), the template
  is translated ("{0} must be a whole number") and each value put back in, itself translated when
  it is an interface word (a field label such as 出生日期, a category, a colour; a list joined by
  "、" word by word). Values a person typed have no translation and stay as entered.

The templates are harvested from the source by `scripts/update_translations.py` (every call of an
`…Error` class in app/domain and app/data whose message has Chinese in it) into the generated
`app/ui/message_strings.py`, which also puts them in the .ts file, so the completeness test fails
when a new message has no English. Messages joined by "；" are translated one by one.
"""

from __future__ import annotations

import re
from functools import lru_cache

from PySide6.QtCore import QCoreApplication

_PLACEHOLDER = re.compile(r"\{(\d+)\}")


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    """(template, regex) pairs, the most specific (longest fixed text) first."""
    try:
        from app.ui.message_strings import TEMPLATES
    except ImportError:  # not generated yet (a fresh checkout before update_translations)
        return []
    out = []
    for template in TEMPLATES:
        if not _PLACEHOLDER.search(template):
            continue
        parts = _PLACEHOLDER.split(template)
        regex = "".join(re.escape(p) if i % 2 == 0 else "(.+?)" for i, p in enumerate(parts))
        out.append((template, re.compile(regex, re.S)))
    out.sort(key=lambda item: -len(_PLACEHOLDER.sub("", item[0])))
    return out


def value_text(value: str) -> str:
    """A value inside a message: an interface word in the interface language, data as entered."""
    found = QCoreApplication.translate("Vocabulary", value)  # a word that reads differently as a value
    if found != value:
        return found
    found = _tr(value)
    if found != value:
        return found
    if "、" in value:
        words = value.split("、")
        done = [_tr(w) for w in words]
        if done != words:
            return ", ".join(done)
    return value


def _one(message: str) -> str:
    found = _tr(message)
    if found != message:
        return found
    for template, pattern in _patterns():
        match = pattern.fullmatch(message)
        if match is None:
            continue
        english = _tr(template)
        if english == template:
            return message  # no translation for this template (the interface is Chinese)
        return _fill(english, [value_text(v) for v in match.groups()])
    return message


def _fill(template: str, values: list[str]) -> str:
    def put(m: re.Match[str]) -> str:
        i = int(m.group(1))
        return values[i] if i < len(values) else m.group(0)

    return _PLACEHOLDER.sub(put, template)


def listed(words) -> str:
    """Words in a list: "、" between Chinese ones, ", " between English ones."""
    from app.ui.i18n import current_language

    return ("、" if current_language() == "zh_CN" else ", ").join(words)


def joined(texts) -> str:
    """Several messages on one line: "；" between Chinese ones, "; " between English ones."""
    from app.ui.i18n import current_language

    return ("；" if current_language() == "zh_CN" else "; ").join(texts)


def user_text(message: str) -> str:
    """`message` (Chinese, from a rule) in the interface language; unchanged in Chinese."""
    if not message:
        return message
    found = _one(message)
    if found != message or "；" not in message:
        return found
    return joined(_one(part) for part in message.split("；"))


def error_text(exc: BaseException) -> str:
    """The user's message of a TonghuError (or its str) in the interface language."""
    return user_text(getattr(exc, "message", "") or str(exc))


def errors_by_field(by_field: dict[str, str]) -> dict[str, str]:
    return {name: user_text(text) for name, text in by_field.items()}
