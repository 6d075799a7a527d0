"""Screens that read "today" follow the app's clock across New Year and half-year ends: the
child list (age, the overdue next-visit date in red) and the 开始新一轮排查 dialog's default round."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from app.data import visits as V
from app.ui.children.list_model import COLUMNS, ChildListModel
from tests.protection_fixtures import add_child

D = dt.date
AGE = [c[1] for c in COLUMNS].index("age")
DUE = [c[1] for c in COLUMNS].index("next_visit_due")


def test_child_list_on_new_years_eve_and_day(frozen_clock, qtbot, store):
    frozen_clock.move_to(D(2026, 12, 24))
    with store.session() as s:
        cid = add_child(s, "元旦生", D(2009, 1, 1)).id
        V.record_assessment(s, cid, ["dropped_out"])  # 红: next visit 31 December
        V.record_visit(s, cid, D(2026, 12, 24))
    frozen_clock.move_to(D(2026, 12, 31))
    model = ChildListModel(store)
    model.reload()
    due = model.index(0, DUE)
    assert model.data(model.index(0, AGE)) == "17" and model.data(due) == "2026-12-31"
    assert model.data(due, Qt.ToolTipRole) is None  # due today: not yet late
    frozen_clock.move_to(D(2027, 1, 1))
    model.reload()
    due = model.index(0, DUE)
    assert model.data(model.index(0, AGE)) == "18"
    assert model.data(due, Qt.ToolTipRole) == "走访已逾期" and model.data(due, Qt.ForegroundRole) is not None


@pytest.mark.parametrize("day, name, start, end", [
    (D(2026, 6, 30), "2026年上半年排查", "2026-01-01", "2026-06-30"),
    (D(2026, 7, 1), "2026年下半年排查", "2026-07-01", "2026-12-31"),
    (D(2026, 12, 31), "2026年下半年排查", "2026-07-01", "2026-12-31"),
    (D(2027, 1, 1), "2027年上半年排查", "2027-01-01", "2027-06-30"),
])
def test_new_round_dialog_offers_the_half_year_of_today(frozen_clock, qtbot, day, name, start, end):
    from app.ui.visits.screening_page import OpenRoundDialog

    frozen_clock.move_to(day)
    dialog = OpenRoundDialog()
    qtbot.addWidget(dialog)
    assert dialog.name.text() == name
    assert (dialog.start.date().toString("yyyy-MM-dd"), dialog.end.date().toString("yyyy-MM-dd")) == (start, end)
