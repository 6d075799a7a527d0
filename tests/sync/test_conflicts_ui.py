"""The 冲突 page reads plain rows from `app.data.conflicts` and confirms through `app.sync.conflicts`."""

from __future__ import annotations

import json

from app.data.conflicts import list_conflicts
from app.data.models.sync import Conflict
from app.ui.context import UiContext
from app.ui.sync.conflicts import ConflictsPage
from tests.sync.stores import V1, add_child, make_store


def _conflict(store, child_id: str) -> int:
    with store.session() as s:
        c = Conflict(table_name="child", row_id=child_id, field="school", child_id=child_id,
                     winner_value=json.dumps("东山小学"), winner_hlc="0" * 21, winner_origin="dev-a", winner_actor="lin",
                     loser_value=json.dumps("秣陵中心小学"), loser_hlc="0" * 21, loser_origin="dev-b", loser_actor="wang")
        s.add(c)
        s.flush()
        return c.seq


def test_conflicts_page_lists_and_keeps(qtbot, tmp_path):
    store = make_store(tmp_path, "a", V1)
    try:
        child = add_child(store, "王小明")
        seq = _conflict(store, child)
        rows = list_conflicts(store)
        assert [(r.seq, r.child_name, r.field) for r in rows] == [(seq, "王小明", "school")]
        page = ConflictsPage(UiContext(store))
        qtbot.addWidget(page)
        assert page.table.rowCount() == 1 and page.table.item(0, 0).text() == "王小明"
        assert page.table.item(0, 2).text() == "东山小学" and page.table.item(0, 4).text() == "秣陵中心小学"
        page.keep_button.click()
        assert page.table.rowCount() == 0 and list_conflicts(store) == []
        kept = list_conflicts(store, include_resolved=True)
        assert len(kept) == 1 and kept[0].resolved and kept[0].resolution == "kept"
        page.show_all.setChecked(True)
        assert page.table.rowCount() == 1
    finally:
        store.close()
