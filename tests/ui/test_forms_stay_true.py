"""Issue 13, records stay true and nothing is lost silently: an empty visit cannot be saved, Enter in
a one-line field never saves, 全部正常 answers the rest, Esc/取消/close of a filled form asks first, and
a visit being filled keeps a draft in the encrypted store that survives a crash."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from sqlalchemy import func, select

from app.data.models.visits import Visit
from app.data.store import Store
from app.ui.visits.visit_form import VisitDialog
from tests.conftest import PASSWORD


def visit_count(store) -> int:
    with store.read_session() as s:
        return s.scalar(select(func.count()).select_from(Visit))


def answer_next_box(button_text: str, seen: list) -> None:
    """Click `button_text` in the next message box that opens (the confirm question)."""
    def click():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            for b in box.buttons():
                if b.text().replace("&", "").startswith(button_text):
                    b.click()
                    return
        QTimer.singleShot(20, click)
    QTimer.singleShot(20, click)


def test_empty_visit_is_refused_and_enter_does_not_save(qtbot, ctx, kids, store):
    dlg = VisitDialog(ctx, kids["李华"])
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.save_button.click()
    assert dlg.result() != QDialog.Accepted and visit_count(store) == 0
    text = dlg.error.text()
    assert "走访方式" in text and "在场人员" in text and "检查未作答" in text

    # Enter in a one-line field moves on, it does not save the dialog
    dlg.kind.setCurrentText("入户")
    dlg.present.setFocus()
    dlg.present.setText("祖母")
    qtbot.keyClick(dlg.present, Qt.Key_Return)
    dlg.mark_all_normal()
    qtbot.keyClick(dlg.notes["food"], Qt.Key_Enter)
    assert dlg.isVisible() and visit_count(store) == 0

    dlg.save_button.click()
    assert dlg.result() == QDialog.Accepted and visit_count(store) == 1


def test_all_normal_keeps_answers_already_given(qtbot, ctx, kids):
    dlg = VisitDialog(ctx, kids["李华"])
    qtbot.addWidget(dlg)
    dlg.set_answer("schooling", "有问题", "两周未到校")
    dlg.all_ok.click()
    checklist = dlg.values()["checklist"]
    assert checklist["schooling"]["answer"] == "有问题"
    assert {v["answer"] for k, v in checklist.items() if k != "schooling"} == {"正常"}


def test_cancel_of_a_filled_visit_asks_first(qtbot, ctx, kids, store):
    dlg = VisitDialog(ctx, kids["李华"])
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.reject()  # nothing typed: closes at once
    assert not dlg.isVisible()

    dlg = VisitDialog(ctx, kids["李华"])
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.findings.setPlainText("孩子发烧，已就医")
    seen: list = []
    answer_next_box("继续填写", seen)
    qtbot.keyClick(dlg, Qt.Key_Escape)
    assert seen and dlg.isVisible()           # asked, and kept open
    answer_next_box("继续填写", seen)
    dlg.close()                               # the window's close button
    assert len(seen) == 2 and dlg.isVisible()
    answer_next_box("放弃", seen)
    dlg.reject()
    assert len(seen) == 3 and not dlg.isVisible() and visit_count(store) == 0


def test_draft_survives_a_crash_and_is_offered_back(qtbot, ctx, kids, store, store_path):
    dlg = VisitDialog(ctx, kids["李华"])
    qtbot.addWidget(dlg)
    dlg.kind.setCurrentText("电话")
    dlg.present.setText("祖母")
    dlg.set_answer("health", "有问题", "咳嗽两周")
    dlg.findings.setPlainText("咳嗽，未就医")
    qtbot.waitUntil(lambda: bool(store.setting(dlg.draft_key)), timeout=5000)  # the periodic draft
    dlg.draft_timer.stop()
    # "crash": nothing else happens; a new session opens the store again
    again = Store.open(store_path, PASSWORD)
    try:
        from app.ui.context import UiContext

        ctx2 = UiContext(again)
        dlg2 = VisitDialog(ctx2, kids["李华"])
        qtbot.addWidget(dlg2)
        assert not dlg2.draft_bar.isHidden()
        dlg2.restore_draft()
        assert dlg2.kind.currentText() == "电话" and dlg2.present.text() == "祖母"
        assert dlg2.findings.toPlainText() == "咳嗽，未就医"
        assert dlg2.values()["checklist"]["health"] == {"answer": "有问题", "note": "咳嗽两周"}
        dlg2.mark_all_normal()
        dlg2.save()
        assert dlg2.result() == QDialog.Accepted
        assert not again.setting(dlg2.draft_key)      # saved: the draft is gone
        dlg3 = VisitDialog(ctx2, kids["李华"])
        qtbot.addWidget(dlg3)
        assert dlg3.draft_bar.isHidden()
    finally:
        again.close()


def test_new_mandatory_report_starts_as_not_yet_reported(qtbot, ctx, kids, store):
    from app.data import protection
    from app.ui.protection.reports_tab import ReportDialog

    dialog = ReportDialog(ctx, kids["王芳"])
    qtbot.addWidget(dialog)
    values = dialog.form.values()
    assert values["body"] == "（尚未报告）" and not values["notified_at"]
    assert values["found_by"] == "林主任"  # the real name, never the login name `lin`
    dialog.form.set_values({"description": "手臂有淤青"})
    assert dialog.try_save(), dialog.form.general_error.text()
    with store.read_session() as s:
        views = protection.reports_of(s, kids["王芳"])
        assert len(views) == 1 and not views[0].notifications and not views[0].police_notified


def test_filled_child_report_and_assessment_dialogs_ask_before_closing(qtbot, ctx, kids):
    from app.ui.children.child_dialog import ChildDialog
    from app.ui.protection.reports_tab import ReportDialog
    from app.ui.visits.assessment import AssessmentDialog

    child = ChildDialog(ctx)
    report = ReportDialog(ctx, kids["王芳"])
    assess = AssessmentDialog(ctx, kids["王芳"])
    edits = [lambda: child.form.inputs["name"].setText("陈小雨"),
             lambda: report.form.set_values({"description": "手臂有淤青"}),
             lambda: (lambda b: b.setChecked(not b.isChecked()))(
                 next(iter(w for w in assess.inputs.values() if hasattr(w, "setChecked"))))]
    for dlg, edit in zip((child, report, assess), edits, strict=True):
        qtbot.addWidget(dlg)
        dlg.show()
        assert not dlg.is_dirty()
        edit()
        assert dlg.is_dirty()
        seen: list = []
        answer_next_box("继续填写", seen)
        qtbot.keyClick(dlg, Qt.Key_Escape)
        assert seen and dlg.isVisible(), type(dlg).__name__
        answer_next_box("放弃", seen)
        dlg.reject()
        assert not dlg.isVisible()


def test_names_with_markup_show_as_text(qtbot, ctx, store):
    from PySide6.QtGui import QTextDocument

    from app.data import children as data
    from app.ui.main_window import MainWindow
    from tests.ui.conftest import make_id

    with store.session() as s:
        cid = data.save_child(s, {"name": "<u>王</u>小明", "id_number": make_id("20160101", "555"),
                                  "categories": ["低保家庭儿童"], "notes": "<b>粗</b>"}).id
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    ctx.open_child.emit(cid)
    title = window.child_file.title
    doc = QTextDocument()
    doc.setHtml(title.text())
    assert doc.toPlainText().startswith("<u>王</u>小明")        # shown as typed, not underlined
    assert window.child_file.subtitle.textFormat() == Qt.PlainText
    tab = window.child_file.tab_widgets.get("basic")
    if tab is not None:
        tab.load(cid)
        notes = tab.values.get("notes")
        if notes is not None:
            assert notes.textFormat() == Qt.PlainText and notes.text() == "<b>粗</b>"
    assert "林主任" in window.user_label.text() and window.user_label.textFormat() == Qt.PlainText


def test_assessment_pre_ticks_what_the_file_implies(qtbot, ctx, kids, store):
    from app.data import children as data
    from app.ui.visits.assessment import AssessmentDialog

    with store.session() as s:
        data.save_guardian(s, kids["王芳"], {"relation": "父亲", "name": "王大山", "works_away": True, "work_place": "上海"})
        data.save_guardian(s, kids["王芳"], {"relation": "母亲", "name": "李芳", "works_away": True, "work_place": "上海"})
        data.save_care(s, kids["王芳"], {"carer_name": "王奶奶", "relation": "祖母", "carer_age": 76,
                                         "agreement_signed": False})
    dlg = AssessmentDialog(ctx, kids["王芳"])
    qtbot.addWidget(dlg)
    ticked = dlg.answers()
    assert ticked.get("carer_old_or_ill") and ticked.get("no_care_agreement")
    from PySide6.QtWidgets import QLabel

    assert dlg.findChild(QLabel, "impliedNote") is not None
    assert not dlg.is_dirty()  # pre-ticked from the file: closing asks nothing
