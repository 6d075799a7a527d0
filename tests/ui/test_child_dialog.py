"""Add and edit a child through the dialog; each invalid input is shown at its field and writes nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.data import children as data
from app.data.models import AuditEntry, Child, OutboxChange
from app.ui.children.child_dialog import ChildDialog
from tests.ui.conftest import bad_checksum, make_id


def counts(store) -> tuple[int, int, int]:
    with store.read_session() as s:
        return (s.scalar(select(func.count()).select_from(Child)),
                s.scalar(select(func.count()).select_from(OutboxChange)),
                s.scalar(select(func.count()).select_from(AuditEntry)))


def fill(dialog, **values) -> None:
    dialog.form.set_values(values)


def test_add_child(qtbot, ctx, store):
    dialog = ChildDialog(ctx)
    qtbot.addWidget(dialog)
    number = make_id("20160612", "531")
    fill(dialog, name="张小明", address="东山村三组12号", group_name="三组")
    qtbot.keyClicks(dialog.form.inputs["id_number"], number)
    # sex and birth date are shown as read from the ID, read-only
    assert dialog.form.inputs["sex"].text() == "男"
    assert dialog.form.inputs["birth_date"].text() == "2016-06-12"
    assert not dialog.form.inputs["sex"].isEnabled() or dialog.form.inputs["sex"].isReadOnly()
    dialog.category_boxes["农村留守儿童"].setChecked(True)
    dialog.save()  # a 留守儿童 needs a parent recorded as away (issue 13)
    assert dialog.result() != dialog.DialogCode.Accepted and "外出务工" in dialog.away_error.text()
    dialog.away_boxes["父亲"][0].setChecked(True)
    dialog.away_boxes["父亲"][1].setText("张大山")
    dialog.away_boxes["父亲"][2].setText("浙江杭州")
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    with store.read_session() as s:
        child = data.get_child(s, dialog.child_id)
        assert (child.name, child.id_number, child.sex) == ("张小明", number, "男")
        assert str(child.birth_date) == "2016-06-12"
        assert [c.category for c in data.child_categories(s, child.id)] == ["农村留守儿童"]
        assert [(g.relation, g.works_away, g.work_place) for g in data.guardians(s, child.id)] == [("父亲", True, "浙江杭州")]


def test_a_child_needs_a_category(qtbot, ctx, store):
    before = counts(store)
    dialog = ChildDialog(ctx)
    qtbot.addWidget(dialog)
    fill(dialog, name="李小红", id_number=make_id("20170303", "642"))
    dialog.save()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "至少选择一个儿童类别" in dialog.category_error.text() and counts(store) == before
    dialog.category_boxes["低保家庭儿童"].setChecked(True)
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted


@pytest.mark.parametrize("number, message", [
    (bad_checksum(make_id("20150101", "123")), "校验位"),
    (make_id("20990101", "123"), "晚于今天"),
    ("3201152015", "18位"),
])
def test_invalid_id_shown_at_field_nothing_written(qtbot, ctx, store, number, message):
    before = counts(store)
    dialog = ChildDialog(ctx)
    qtbot.addWidget(dialog)
    fill(dialog, name="张小明", id_number=number)
    dialog.save()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert message in dialog.form.error_text("id_number")
    assert counts(store) == before


def test_duplicate_id_shown_at_field_nothing_written(qtbot, ctx, store, kids):
    with store.read_session() as s:
        number = data.get_child(s, kids["张小明"]).id_number
    before = counts(store)
    dialog = ChildDialog(ctx)
    qtbot.addWidget(dialog)
    fill(dialog, name="张晓明", id_number=number)
    dialog.save()
    assert "已登记" in dialog.form.error_text("id_number")
    assert "张小明" in dialog.form.error_text("id_number")
    assert counts(store) == before


def test_missing_name_and_bad_id_both_shown(qtbot, ctx, store):
    dialog = ChildDialog(ctx)
    qtbot.addWidget(dialog)
    fill(dialog, name="", id_number=bad_checksum(make_id()))
    dialog.save()
    assert dialog.form.error_text("name")
    assert dialog.form.error_text("id_number")
    # fixing the input clears the messages and saves
    fill(dialog, name="李小红", id_number=make_id("20170303", "642"))
    dialog.category_boxes["散居孤儿"].setChecked(True)
    dialog.save()
    assert not dialog.form.error_text("name") and not dialog.form.error_text("id_number")
    assert dialog.child_id


def test_edit_child_records_who_changed_what(qtbot, ctx, store, kids):
    dialog = ChildDialog(ctx, kids["李华"])
    qtbot.addWidget(dialog)
    assert dialog.form.inputs["name"].text() == "李华"
    fill(dialog, school="秣陵中心小学", grade="四年级")
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    with store.read_session() as s:
        child = data.get_child(s, kids["李华"])
        assert (child.school, child.grade) == ("秣陵中心小学", "四年级")
        trail = data.audit_trail(s, kids["李华"])
        assert any(e.field == "school" and e.new_value and "秣陵中心小学" in e.new_value and e.actor == "lin" for e in trail)


def test_edit_with_invalid_id_keeps_old_value(qtbot, ctx, store, kids):
    with store.read_session() as s:
        old = data.get_child(s, kids["李华"]).id_number
    dialog = ChildDialog(ctx, kids["李华"])
    qtbot.addWidget(dialog)
    fill(dialog, id_number=bad_checksum(old), school="新学校")
    dialog.save()
    assert "校验位" in dialog.form.error_text("id_number")
    with store.read_session() as s:
        child = data.get_child(s, kids["李华"])
        assert (child.id_number, child.school) == (old, "")


def test_photo_is_optional_and_saved_small(qtbot, ctx, store, kids, tmp_path):
    from PySide6.QtGui import QColor, QImage

    from app.ui.children.child_dialog import PHOTO_SIZE, scaled_photo

    path = tmp_path / "photo.png"
    image = QImage(1200, 1600, QImage.Format_RGB32)
    image.fill(QColor("#88aacc"))
    assert image.save(str(path))
    assert scaled_photo(str(tmp_path / "missing.png")) is None
    dialog = ChildDialog(ctx, kids["李华"])
    qtbot.addWidget(dialog)
    dialog.photo, dialog.photo_changed = scaled_photo(str(path)), True
    dialog.save()
    with store.read_session() as s:
        photo = data.get_child(s, kids["李华"]).photo
    loaded = QImage.fromData(photo)
    assert max(loaded.width(), loaded.height()) == PHOTO_SIZE
