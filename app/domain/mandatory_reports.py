"""强制报告 rules: vocabularies, validation, and when a report without a 公安 notification alarms.

The law (未成年人保护法 第十一条) says report *immediately*; the alarm time per urgency is only a
reminder threshold, read from resources/policy/protection.toml (a county may override it).
"""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

from app.domain.errors import ValidationError, ValidationErrors

POLICY_FILE = Path(__file__).resolve().parents[2] / "resources" / "policy" / "protection.toml"

BODIES = ["公安", "民政", "教育", "卫生健康", "检察", "妇联", "其他"]
POLICE = "公安"
METHODS = ["电话", "当面", "书面", "网络平台"]
SITUATIONS = ["受到侵害", "疑似受到侵害", "面临其他危险"]
URGENCIES = ["紧急", "较急", "一般"]
DEFAULT_ALARM_HOURS = {"紧急": 2, "较急": 12, "一般": 24}


def alarm_hours(text: str | None = None) -> dict[str, int]:
    try:
        data = tomllib.loads(text if text is not None else POLICY_FILE.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return dict(DEFAULT_ALARM_HOURS)
    return {**DEFAULT_ALARM_HOURS, **{k: int(v) for k, v in data.get("report_alarm_hours", {}).items()}}


def validate_report(*, found_at: dt.datetime | None, description: str, urgency: str, situation: str,
                    now: dt.datetime) -> None:
    errors = []
    if found_at is None:
        errors.append(ValidationError("found_at", "请填写发现时间"))
    elif found_at > now + dt.timedelta(minutes=5):
        errors.append(ValidationError("found_at", "发现时间不能晚于现在"))
    if not (description or "").strip():
        errors.append(ValidationError("description", "请简要写明发现的情况"))
    if urgency not in URGENCIES:
        errors.append(ValidationError("urgency", f"紧急程度应为：{'、'.join(URGENCIES)}"))
    if situation not in SITUATIONS:
        errors.append(ValidationError("situation", f"情形应为：{'、'.join(SITUATIONS)}"))
    if errors:
        raise ValidationErrors(errors)


def validate_notification(*, body: str, notified_at: dt.datetime | None, method: str, found_at: dt.datetime,
                          now: dt.datetime) -> None:
    errors = []
    if body not in BODIES:
        errors.append(ValidationError("body", f"报告对象应为：{'、'.join(BODIES)}"))
    if method not in METHODS:
        errors.append(ValidationError("method", f"报告方式应为：{'、'.join(METHODS)}"))
    if notified_at is None:
        errors.append(ValidationError("notified_at", "请填写报告时间"))
    elif notified_at > now + dt.timedelta(minutes=5):
        errors.append(ValidationError("notified_at", "报告时间不能晚于现在"))
    elif notified_at < found_at - dt.timedelta(days=1):
        errors.append(ValidationError("notified_at", "报告时间早于发现时间，请核对"))
    if errors:
        raise ValidationErrors(errors)


def police_overdue(recorded_at: dt.datetime, urgency: str, police_notified: bool, closed: bool,
                   now: dt.datetime, hours: dict[str, int] | None = None) -> bool:
    """True when the report is older than its alarm time and 公安 has not been notified."""
    if police_notified or closed:
        return False
    limit = (hours or DEFAULT_ALARM_HOURS).get(urgency, 24)
    return now - recorded_at >= dt.timedelta(hours=limit)
