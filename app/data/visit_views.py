"""What the visit and assessment screens read, as plain values: one call, one read transaction.

The UI never touches models or sessions for these; the writing side stays in `app/data/visits.py`.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from app.data import visits as data
from app.data.models import Child
from app.data.models.visits import Visit
from app.data.rows import live

__all__ = ["ChildSchedule", "AssessmentLine", "child_schedule", "assessment_start", "assessment_history",
           "visit_form_start", "visit_history", "VISIT_FIELDS"]

VISIT_FIELDS = ("visit_date", "kind", "present", "lives_where", "lives_with", "checklist", "findings",
                "needs", "help_given", "follow_ups", "reassess")


@dataclass(frozen=True)
class ChildSchedule:
    name: str
    colour: str
    last_visit_date: dt.date | None
    next_visit_due: dt.date | None


@dataclass(frozen=True)
class AssessmentLine:
    assessed_on: dt.date
    colour: str
    suggested_colour: str
    override_reason: str
    assessor: str
    reasons: list
    source: str


def _schedule(child: Child) -> ChildSchedule:
    return ChildSchedule(child.name, child.colour or "", child.last_visit_date, child.next_visit_due)


def _child(s, child_id: str) -> Child:
    return live(s, Child, child_id, f"找不到该儿童：{child_id}")


def child_schedule(store, child_id: str) -> ChildSchedule:
    with store.read_session() as s:
        return _schedule(_child(s, child_id))


def assessment_start(store, child_id: str) -> tuple[ChildSchedule, dict]:
    """The child and the answers of the latest assessment (to start a new one from)."""
    with store.read_session() as s:
        child = _child(s, child_id)
        last = data.assessments(s, child_id)
        return _schedule(child), (json.loads(last[-1].answers) if last else {})


def assessment_history(store, child_id: str) -> tuple[ChildSchedule, list[AssessmentLine]]:
    with store.read_session() as s:
        child = _child(s, child_id)
        return _schedule(child), [
            AssessmentLine(a.assessed_on, a.colour, a.suggested_colour, a.override_reason, a.assessor,
                           json.loads(a.reasons or "[]"), a.source) for a in data.assessments(s, child_id)]


def visit_form_start(store, child_id: str, amends: str | None = None) -> tuple[str, dict | None]:
    """The child's name and, when correcting visit `amends`, the values of its latest version."""
    with store.read_session() as s:
        name = _child(s, child_id).name
        if not amends:
            return name, None
        original = live(s, Visit, amends, "找不到要更正的走访记录")
        base = data.effective_version(s, s.get(Visit, original.amends_id) if original.amends_id else original)
        return name, {c: getattr(base, c) for c in VISIT_FIELDS}


def visit_history(store, child_id: str) -> tuple[ChildSchedule, list[data.VisitEntry]]:
    """The child's schedule and visits (newest first, each with its amendments), loaded for display."""
    with store.read_session() as s:
        child = _child(s, child_id)
        entries = data.visit_history(s, child_id)
        for e in entries:  # detach-safe: touch what the view needs
            _ = [(a.visit_date, a.amend_reason) for a in e.amendments]
        return _schedule(child), entries
