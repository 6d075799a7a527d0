"""转出 within the county: a child's file moves to another village (the receiving village's
laptops get the whole file at their next sync; this laptop keeps nothing once the move is sent).
Leaving the county altogether is a status (已转出), set by `children.set_status`.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core import clock
from app.data.models import Child, Place
from app.domain import child_rules, places
from app.domain.errors import ValidationError, ValidationErrors
from app.domain.vocab import STATUS_ACTIVE


def known_villages(session: Session) -> list[tuple[str, str]]:
    """(code, name) of the villages this laptop knows, by code."""
    return [(c, n) for c, n in session.execute(select(Place.code, Place.name).where(
        Place.level == places.LEVEL_VILLAGE, Place.deleted.is_(False)).order_by(Place.code))]


def transfer_child(session: Session, child_id: str, to_village: str, reason: str,
                   on: dt.date | None = None) -> Child:
    """Move the child's file to `to_village` (12-digit code, same county), noting date and reason."""
    child = session.get(Child, child_id)
    if child is None or child.deleted:
        raise ValidationError("child_id", "找不到该儿童")
    errors = []
    code = (to_village or "").strip()
    try:
        places.validate_code(code, field="to_village")
    except ValidationError as exc:
        errors.append(ValidationError("to_village", f"接收村：{exc.message}"))
    else:
        if code == child.village_code:
            errors.append(ValidationError("to_village", "接收村就是儿童现在所在的村，请选择另一个村"))
        elif places.county_of(code) != places.county_of(child.village_code):
            errors.append(ValidationError("to_village", "只能转到本县的村（社区）；迁出本县请选“迁出本县”"))
    reason = child_rules.text(reason, "notes", 200).strip()
    if not reason:
        errors.append(ValidationError("reason", "请填写转出原因，如：随祖父母迁居"))
    if child.status != STATUS_ACTIVE:
        errors.append(ValidationError("status", "只有在册儿童可以转出"))
    if errors:
        raise ValidationErrors(errors)
    day = on or clock.today()
    name = session.scalar(select(Place.name).where(Place.code == code).limit(1)) or code
    line = f"{day.isoformat()} 转出至{name}（{code}）：{reason}"
    child.notes = f"{child.notes}\n{line}" if child.notes else line
    child.village_code = code
    session.flush()
    return child
