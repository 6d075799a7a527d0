"""The county's visit policy on a laptop: which version it applied, the assessment policy with the
county's intervals (`effective_policy`, what every schedule computation uses), and applying a newer
version when one arrives by sync or USB answer.

A version is applied only if it is valid (`app.domain.county_policy.parse`) and newer than the one
applied before; an older or invalid version that arrives later is kept as received but ignored.
Applying recomputes every child's next visit (`visits.refresh_all_schedules`) and leaves a notice
the interface (or `tonghu sync`) shows once: `take_notice`.
"""

from __future__ import annotations

import json
import logging

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.data.models.local import Setting
from app.data.models.policy import CountyPolicyVersion
from app.data.settings import get_setting, put_setting
from app.domain import county_policy as rules
from app.domain.policy import Policy, default_policy

APPLIED = "county_policy_applied"  # {"version": n, "body": TOML} of the version in force
NOTICE = "county_policy_notice"    # the one-time message after a newer version was applied

log = logging.getLogger(__name__)
_cache: dict[str, Policy] = {}


def applied(session: Session) -> rules.CountyPolicy | None:
    """The county policy in force on this laptop (None: the defaults)."""
    text = get_setting(session, APPLIED, "")
    if not text:
        return None
    held = json.loads(text)
    return rules.parse(held["body"], default_policy(), version=held["version"])


def effective_policy(session: Session) -> Policy:
    """The assessment policy with the county's intervals in force on this laptop."""
    text = get_setting(session, APPLIED, "")
    if not text:
        return default_policy()
    found = _cache.get(text)
    if found is None:
        found = _cache[text] = rules.apply_to(default_policy(), applied(session))
    return found


def apply_newest(session: Session) -> str | None:
    """Apply the newest valid version newer than the one in force; return the notice (or None)."""
    current = applied(session)
    held_version = current.version if current else 0
    base = default_policy()
    chosen = None
    for row in session.scalars(select(CountyPolicyVersion).where(
            CountyPolicyVersion.version > held_version, CountyPolicyVersion.deleted.is_(False))
            .order_by(CountyPolicyVersion.version.desc())):
        try:
            parsed = rules.parse(row.body, base, version=row.version)
        except rules.CountyPolicyError as exc:
            log.warning("county policy version %s not applied: %s", row.version, exc.problem)
            continue
        if parsed.version != row.version:
            log.warning("county policy version %s states version %s: not applied", row.version, parsed.version)
            continue
        chosen = (row, parsed)
        break
    if chosen is None:
        return None
    row, parsed = chosen
    before = effective_policy(session)
    put_setting(session, APPLIED, json.dumps({"version": row.version, "body": row.body}, ensure_ascii=False))
    session.flush()
    after = effective_policy(session)
    from app.data.visits import refresh_all_schedules

    from app.data.models.child import Child
    from sqlalchemy import func

    with session.no_autoflush:
        refresh_all_schedules(session, after)
    children = session.scalar(select(func.count()).select_from(Child).where(Child.deleted.is_(False))) or 0
    message = rules.notice(before, after, children)
    put_setting(session, NOTICE, message)
    return message


def take_notice(store) -> str | None:
    """The notice of a newly applied policy, once: reading it clears it."""
    with store.read_session() as s, s.begin():
        row = s.get(Setting, NOTICE)
        if row is None or not row.value:
            return None
        message, row.value = row.value, ""
        return message


def in_force(store) -> dict | None:
    """The version in force and its summary, for the policy view (None: the defaults)."""
    with store.read_session() as s:
        current = applied(s)
    if current is None:
        return None
    return {"version": current.version, "summary": current.summary(default_policy()), "note": current.note}
