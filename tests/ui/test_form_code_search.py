"""Issue 13: the QR code on a printed visit form opens its record — a USB scanner types the code's
text into the search box (ending with Enter) and the app opens that child, or that visit."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.data import visits as visits_data
from app.domain import formcode
from app.domain.visit_checklist import CHECKLIST_KEYS
from app.print import sources
from app.ui.main_window import MainWindow


def test_scanned_form_code_opens_the_child_and_the_visit(qtbot, ctx, kids, store):
    import datetime as dt

    with store.session() as s:
        v = visits_data.record_visit(s, kids["李华"], dt.date(2026, 11, 2), "入户", present="祖母",
                                     checklist={k: "正常" for k in CHECKLIST_KEYS}, findings="一切正常")
        visit_id = v.id
        visits_data.record_visit(s, kids["李华"], dt.date(2026, 11, 20), "电话", present="祖母", findings="再访")
    filled = sources.visit_sheet(store, kids["李华"], visit_id).qr_data
    planned = sources.visit_sheet(store, kids["王芳"]).qr_data
    assert formcode.parse(filled) == formcode.FormCode(kids["李华"], visit_id)
    assert formcode.parse(planned.lower()).child_id == kids["王芳"]
    assert formcode.parse("张小明") is None and formcode.parse("TONGHU:1:C:xyz") is None

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.show_page("children")
    page = window.pages["children"]
    page.search.setFocus()
    page.search.setText(filled)                      # what the scanner "types"
    qtbot.keyClick(page.search, Qt.Key_Return)
    assert window.stack.currentWidget() is window.child_file
    assert window.child_file.child_id == kids["李华"]
    tab = window.child_file.tab_widgets["visits"]
    assert window.child_file.tabs.currentWidget() is tab
    assert tab.entries[tab.selected_row()].original.id == visit_id
    assert page.search.text() == ""

    window.show_page("children")
    page.search.setText(planned)
    page.apply_query()
    assert window.stack.currentWidget() is window.child_file and window.child_file.child_id == kids["王芳"]
