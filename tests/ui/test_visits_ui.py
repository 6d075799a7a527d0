"""The visits screens driven with pytest-qt: assess → colour and reasons → visit → dashboard and
next due date change; screening rounds that cannot close early."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog

from app.data.models import Child
from app.domain import schedule
from app.ui.main_window import MainWindow
from app.ui.visits.assessment import AssessmentDialog
from app.ui.visits.dashboard_page import DashboardPage
from app.ui.visits.screening_page import ScreenDialog, ScreeningPage
from app.ui.visits.visit_form import VisitDialog


def child_row(store, cid):
    with store.read_session() as s:
        c = s.get(Child, cid)
        return c.colour, c.last_visit_date, c.next_visit_due


def test_assess_then_visit_updates_dashboard_and_due_date(frozen_clock, qtbot, ctx, kids, store):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    assert window.current_page_key() == "dashboard"
    dash = window.pages["dashboard"]
    assert isinstance(dash, DashboardPage)
    assert dash.cards["never"].count == 3  # 张小明, 李华, 王芳 (赵强 transferred out)
    cid = kids["张小明"]
    today = schedule.today_local()

    # assess: tick a high-risk factor → 红 suggested, with the reason shown
    dlg = AssessmentDialog(ctx, cid, window)
    qtbot.addWidget(dlg)
    assert dlg.suggested_badge.text() == "绿"
    dlg.inputs["dropped_out"].setChecked(True)
    assert dlg.suggested_badge.text() == "红"
    assert "辍学" in dlg.reasons.item(0).text()
    assert "存在任一高风险因素" in dlg.rule_label.text()
    dlg.inputs["parents_not_seen_months"].setValue(8)
    assert dlg.reasons.count() == 2 and "8个月" in dlg.reasons.item(1).text()
    # choosing another colour without a reason is refused and nothing is saved
    dlg.colour.setCurrentIndex(dlg.colour.findData("黄"))
    dlg.save()
    assert dlg.result() != QDialog.Accepted and not dlg.error.isHidden() and "理由" in dlg.error.text()
    assert child_row(store, cid)[0] == "红"  # the fixture's value, untouched
    dlg.colour.setCurrentIndex(0)  # 按建议
    dlg.save()
    assert dlg.result() == QDialog.Accepted
    colour, last, due = child_row(store, cid)
    assert colour == "红" and last is None and due == today + dt.timedelta(days=7)

    # the child's 评估 tab shows the colour and the history with the reasons
    ctx.open_child.emit(cid)
    tab = window.child_file.tab_widgets["assessment"]
    tab.load(cid)
    assert tab.colour_badge.text() == "红"
    assert tab.history.count() == 1 and "辍学" in tab.history.item(0).text()

    # record a visit → last visit today, next due in 7 days, one fewer never-visited child
    visit = VisitDialog(ctx, cid, window)
    qtbot.addWidget(visit)
    visit.kind.setCurrentText("入户")
    visit.present.setText("祖母、儿童本人")
    visit.lives_where.setText("本村三组家中")
    visit.lives_with.setText("祖父母")
    visit.set_answer("food", "正常")
    visit.set_answer("schooling", "有问题", "两周未到校")
    visit.findings.setPlainText("孩子在家，未上学")
    visit.add_follow_up("联系学校劝返", today + dt.timedelta(days=3), "林主任")
    visit.mark_all_normal()
    visit.save()
    assert visit.result() == QDialog.Accepted
    colour, last, due = child_row(store, cid)
    assert last == today and due == today + dt.timedelta(days=7)
    window.show_page("dashboard")
    dash.refresh()
    assert dash.cards["never"].count == 2
    assert dash.cards["red"].count == 1
    dash.show_list("red")
    assert "张小明" in dash.list.item(0).text()

    # 需要重新评估 → saving the visit opens the assessment for the same child
    again = VisitDialog(ctx, kids["李华"], window)
    qtbot.addWidget(again)
    again.reassess.setChecked(True)
    again.kind.setCurrentText("电话")
    again.present.setText("祖母")
    again.mark_all_normal()
    again.save()
    assert again.result() == QDialog.Accepted
    assert isinstance(again.reassess_dialog, AssessmentDialog) and again.reassess_dialog.child_id == kids["李华"]
    again.reassess_dialog.reject()

    # the 走访 tab lists it; an amendment shows linked to the original
    vtab = window.child_file.tab_widgets["visits"]
    vtab.load(cid)
    assert vtab.table.rowCount() == 1
    amend = VisitDialog(ctx, cid, window, amends=vtab.entries[0].original.id)
    qtbot.addWidget(amend)
    assert amend.findings.toPlainText() == "孩子在家，未上学"
    amend.findings.setPlainText("孩子在家，已两周未上学")
    amend.save()
    assert amend.result() != QDialog.Accepted and "更正原因" in amend.error.text()
    amend.amend_reason.setText("补充未上学时长")
    amend.save()
    assert amend.result() == QDialog.Accepted
    vtab.load(cid)
    assert vtab.table.rowCount() == 1 and "已更正" in vtab.table.item(0, 3).text()
    vtab.show_selected()
    html = vtab.detail.toPlainText()
    assert "原始记录" in html and "补充未上学时长" in html and "更正于" in html and "已两周未上学" in html

    # each dashboard item opens the child's file
    window.show_page("dashboard")
    dash.show_list("red")
    dash.list.itemClicked.emit(dash.list.item(0))
    assert window.stack.currentWidget() is window.child_file


def test_screening_round_cannot_close_early(frozen_clock, qtbot, ctx, kids, store):
    page = ScreeningPage(ctx)
    qtbot.addWidget(page)
    assert not page.close_button.isEnabled()
    today = schedule.today_local()
    page.open_round("2026年下半年排查", today - dt.timedelta(days=10), today + dt.timedelta(days=60))
    assert page.progress.total == 3 and page.table.rowCount() == 3
    names = [page.table.item(r, 0).text() for r in range(3)]

    page.table.selectRow(names.index("张小明"))
    dlg = ScreenDialog("张小明", page)
    dlg.reassessed.setChecked(True)
    page.screen_selected(dialog=dlg)
    assert page.progress.screened == 1
    assert "1/3" in page.bar.format()

    page.close_round(note="")
    assert page.progress.round.status == "进行中"
    assert "2 名儿童" in page.message.text()
    assert page.only_left.isChecked() and page.table.rowCount() == 2

    rows = {page.table.item(r, 0).text(): r for r in range(page.table.rowCount())}
    page.table.selectRow(rows["李华"])
    page.reason_selected("随父母在外地上学，已电话核实")
    page.only_left.setChecked(False)
    rows = {page.table.item(r, 0).text(): r for r in range(page.table.rowCount())}
    page.table.selectRow(rows["王芳"])
    page.screen_selected(dialog=ScreenDialog("王芳", page))
    page.close_round(note="按期完成")
    assert page.progress.round.status == "已结束"
    assert not page.screen_button.isEnabled()
    assert "已结束" in page.round_box.currentText()


def test_broken_policy_file_is_a_banner_not_a_crash(qtbot, ctx, kids, store, tmp_path, monkeypatch):
    from app.domain import policy as policy_module

    broken = tmp_path / "assessment.toml"
    broken.write_text("[policy\nname = ", "utf-8")
    monkeypatch.setattr(policy_module, "default_policy_path", lambda: broken)
    page = DashboardPage(ctx)
    qtbot.addWidget(page)
    assert not page.policy_error.isHidden()
    assert "assessment.toml" in page.policy_error.text() and "TOML" in page.policy_error.text()
    assert page.cards["never"].count == 3  # the rest of the home screen still works
    visit = VisitDialog(ctx, kids["李华"])
    qtbot.addWidget(visit)
    visit.kind.setCurrentText("入户")
    visit.present.setText("儿童本人")
    visit.mark_all_normal()
    visit.save()
    assert visit.result() != QDialog.Accepted and "assessment.toml" in visit.error.text()
    assert child_row(store, kids["李华"])[1] is None


def test_policy_view_says_the_county_sets_its_own(qtbot, ctx, kids):
    from app.ui.visits.policy_view import PolicyDialog

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    titles = [a.text() for a in window.menus["工具"].actions()]
    assert "评估标准与走访频次…" in titles
    dlg = PolicyDialog(window)
    qtbot.addWidget(dlg)
    text = dlg.view.toPlainText()
    assert "以县民政局规定为准" in text and "一月一访" in text
    assert "7天" in text and "15天" in text and "父母未回家探望的月数" in text
