"""疑似重复档案 on screen: the 工作台 block appears only with duplicates, the merge dialog compares the
files, chooses per field, merges on a real store, and the child-file dialog saves a shared number."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog, QLabel

from app.data import children as data
from app.data import visits
from app.data.models import Child
from app.ui.duplicates.merge_dialog import MergeDialog
from app.ui.duplicates.section import DuplicatesSection
from app.ui.main_window import MainWindow
from tests.sync.stores import add_child
from tests.ui.conftest import make_id

NUMBER = make_id("20160202", "135")


def _twins(store):
    """Two files with one ID number, as a sync leaves them (the register's check is not involved)."""
    a = add_child(store, "王小明", id_number=NUMBER, phone="13800000111", address="")
    b = add_child(store, "王晓明", id_number=NUMBER, phone="13900000222", address="二组5号")
    with store.session() as s:
        data.save_guardian(s, b, {"relation": "父亲", "name": "王大"})
        visits.record_visit(s, a, dt.date(2026, 9, 1), "入户")
        visits.record_visit(s, b, dt.date(2026, 10, 8), "电话")
    return a, b


def test_block_hidden_without_duplicates_and_listed_with(qtbot, ctx, store, kids):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    page = window.stack.currentWidget()
    section = next(w for w in page.sections if isinstance(w, DuplicatesSection))
    assert not section.parentWidget().isVisible()
    a, b = _twins(store)
    ctx.data_changed.emit()
    assert section.parentWidget().isVisible()
    assert "1 组疑似重复档案" in section.notice.text()
    assert section.list.count() == 1 and "王小明 / 王晓明" in section.list.item(0).text()
    assert section.selected_ids() == [a, b]


def test_edit_dialog_saves_a_file_whose_number_is_shared(qtbot, ctx, store):
    from app.ui.children.child_dialog import ChildDialog

    a, _ = _twins(store)
    dialog = ChildDialog(ctx, child_id=a)
    qtbot.addWidget(dialog)
    dialog.form.inputs["address"].setText("一组3号")
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    with store.read_session() as s:
        assert s.get(Child, a).address == "一组3号"


def test_merge_dialog_compares_chooses_and_merges(qtbot, ctx, store):
    a, b = _twins(store)
    dialog = MergeDialog(ctx, (a, b))
    qtbot.addWidget(dialog)
    assert set(dialog.choice_groups) == {"name", "phone", "address"}
    # defaults follow the file that stays: its values, except where it has none
    assert dialog.choices() == {"name": "keep", "phone": "keep", "address": "drop"}
    labels = [w.text() for w in dialog.findChildren(QLabel)]
    assert any("走访 1 次" in t for t in labels)
    # keep the second file instead; its untouched fields follow
    dialog.keep_buttons[1].click()
    assert dialog.choices() == {"name": "keep", "phone": "keep", "address": "keep"}
    dialog.choice_groups["name"].button(0).click()  # but the name from file one
    assert dialog.choices()["name"] == "drop"
    assert not dialog.merge_button.isEnabled()
    dialog.confirm.setChecked(True)
    with qtbot.waitSignal(ctx.data_changed):
        dialog.merge_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.merged.keep_id == b
    with store.read_session() as s:
        kept = data.get_child(s, b)
        assert (kept.name, kept.phone, kept.address) == ("王小明", "13900000222", "二组5号")
        assert s.get(Child, a).merged_into == b and s.get(Child, a).deleted
        assert [e.current.visit_date for e in visits.visit_history(s, b)] == [dt.date(2026, 10, 8), dt.date(2026, 9, 1)]
    section = DuplicatesSection(ctx)
    qtbot.addWidget(section)
    assert section.list.count() == 0


def test_opening_a_merged_file_shows_the_survivor(qtbot, ctx, store):
    a, b = _twins(store)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    dialog = MergeDialog(ctx, (a, b))
    qtbot.addWidget(dialog)
    dialog.confirm.setChecked(True)
    dialog.merge()
    ctx.open_child.emit(b)  # e.g. from a report listed under the merged-away file
    assert window.child_file.child_id == a
    assert "王小明" in window.child_file.title.text()


def test_child_file_offers_the_merge(qtbot, ctx, store, kids):
    a, b = _twins(store)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    ctx.open_child.emit(kids["李华"])
    assert not window.child_file.merge_button.isVisible()
    ctx.open_child.emit(b)
    page = window.child_file
    assert page.merge_button.isVisible() and [t.id for t in page.twins] == [a]
    assert "王小明" in page.merge_button.toolTip()
