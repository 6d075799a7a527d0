"""Protection screens offscreen: a report from the dialog turns the child red and shows in the
home-screen alarms; the other home-screen lists; the school-roll wizard; the child-file tabs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.core import clock
from app.data import benefits, cases, protection
from app.data.models import Child
from app.domain import benefits as benefit_rules
from app.ui.protection import dashboard
from tests.protection_fixtures import add_carer, add_category, add_child, add_parent

SAMPLE = Path(__file__).parents[1] / "data" / "fixtures" / "school_roll_sample.xlsx"
TODAY = dt.date(2026, 11, 2)


def _child(store, name="钱小雨", birth=dt.date(2015, 4, 3)):
    with store.session() as s:
        return add_child(s, name, birth, sex="女").id


def test_report_dialog_turns_child_red_and_alarm_shows(qtbot, ctx, store):
    from app.ui.protection.reports_tab import ReportDialog, ReportsTab

    child_id = _child(store)
    dialog = ReportDialog(ctx, child_id)
    qtbot.addWidget(dialog)
    dialog.form.set_values({"description": "孩子脸上有新伤，说是被打的", "body": "（尚未报告）", "place": "学校门口"})
    assert dialog.try_save(), dialog.form.general_error.text()
    with store.read_session() as s:
        assert s.get(Child, child_id).colour == "红"
    tab = ReportsTab(ctx)
    qtbot.addWidget(tab)
    tab.load(child_id)
    assert tab.tree.topLevelItemCount() == 1
    assert "未向公安报告" in tab.tree.topLevelItem(0).text(1)
    section = dashboard.ReportAlarmsSection(ctx)
    qtbot.addWidget(section)
    assert any("钱小雨" in line and "未向公安报告" in line for line in section.list.lines())


def test_overdue_report_alarm_on_home_screen(qtbot, ctx, store):
    child_id = _child(store)
    earlier = protection.local_now() - dt.timedelta(hours=3)
    with store.session() as s:
        protection.add_report(s, child_id, found_at=earlier, description="疑似被遗弃", situation="面临其他危险",
                              urgency="紧急", now=earlier)
    section = dashboard.ReportAlarmsSection(ctx)
    qtbot.addWidget(section)
    assert section.list.lines()[0].endswith("超时未向公安报告")
    assert "超时" in section.summary.text()
    block = dashboard.ProtectionSection(ctx)
    qtbot.addWidget(block)
    assert not block.banner.isHidden() and "1 份强制报告超时" in block.banner.text()
    assert block.tabs.tabText(0) == "强制报告 1" and block.tabs.currentIndex() == 0


def test_report_dialog_errors_at_the_field(qtbot, ctx, store):
    from app.ui.protection.reports_tab import ReportDialog

    child_id = _child(store)
    dialog = ReportDialog(ctx, child_id)
    qtbot.addWidget(dialog)
    dialog.form.set_values({"description": "", "found_at": "昨天"})
    assert not dialog.try_save()
    assert "发现时间" in dialog.form.error_text("found_at")
    with store.read_session() as s:
        assert s.get(Child, child_id).colour == ""


# Month ends, New Year and the days `make test` once failed on (1 December, 1 July).
HOME_SCREEN_DAYS = ["2026-11-02", "2026-12-01", "2026-07-01", "2026-06-30", "2026-12-31", "2027-01-31", "2028-02-29"]


@pytest.mark.parametrize("day", HOME_SCREEN_DAYS)
def test_home_screen_lists(frozen_clock, qtbot, ctx, store, day):
    today = dt.date.fromisoformat(day)
    frozen_clock.move_to(today)
    turns_18 = today + dt.timedelta(days=20)  # the 散居孤儿 allowance ends within the 60-day warning
    with store.session() as s:
        orphan = add_child(s, "孙甲", dt.date(2014, 1, 1))
        add_category(s, orphan, "散居孤儿")
        ending = add_child(s, "孙乙", turns_18.replace(year=turns_18.year - 18))
        add_category(s, ending, "散居孤儿")
        benefits.add_entitlement(s, ending.id, kind="散居孤儿", start_date=dt.date(2024, 1, 1))
        case = cases.open_case(s, orphan.id, title="临时照护安排", opened_on=today - dt.timedelta(days=5))
        cases.add_step(s, case.id, title="社工家访", due_date=today - dt.timedelta(days=1))
    uncovered = dashboard.UncoveredSection(ctx)
    ending_s = dashboard.EndingSection(ctx)
    open_cases = dashboard.OpenCasesSection(ctx)
    dropout = dashboard.DropoutSection(ctx)
    for w in (uncovered, ending_s, open_cases, dropout):
        qtbot.addWidget(w)
    assert [line.split("　")[0] for line in uncovered.list.lines()] == ["孙甲"]
    assert ending_s.list.lines()[0].startswith("孙乙　散居孤儿")
    last_paid = benefit_rules.month_end(turns_18)  # paid through the month of the 18th birthday
    assert f"应于 {last_paid:%Y-%m-%d} 终止" in ending_s.list.lines()[0]
    assert "1 步逾期" in open_cases.list.lines()[0]
    assert dropout.list.lines() == [] and "没有" in dropout.summary.text()
    opened = []
    ctx.open_child.connect(opened.append)
    uncovered.list.itemDoubleClicked.emit(uncovered.list.item(0))
    assert opened == [orphan.id]


def test_dashboard_page_shows_protection_blocks(qtbot, ctx, store):
    from app.ui import registry
    from app.ui.visits.dashboard_page import DashboardPage

    registry.register_all()
    page = DashboardPage(ctx)
    qtbot.addWidget(page)
    block = next(w for w in page.sections if type(w).__name__ == "ProtectionSection")
    assert {type(w).__name__ for _, w in block.parts} == {
        "ReportAlarmsSection", "UncoveredSection", "EndingSection", "DropoutSection", "OpenCasesSection"}


def test_school_roll_wizard(qtbot, ctx, store):
    from app.data import schoolroll_sample as sample
    from app.ui.protection.schoolroll import SchoolRollPage, SchoolRollWizard

    with store.session() as s:
        for k in sample.village_children(80, seed=7, today=TODAY):
            s.add(Child(village_code="320115101201", name=k.name, id_number=k.id_number, sex=k.sex,
                        birth_date=k.birth_date, school=k.school, school_stage=k.school_stage))
    wizard = SchoolRollWizard(ctx, path=str(SAMPLE))
    wizard.today = TODAY
    qtbot.addWidget(wizard)
    wizard.forward()
    assert wizard.pages.currentIndex() == 1, wizard.file_error.text()
    mapped = {h: c.currentText() for h, c in zip(wizard.headers, wizard.combos, strict=True)}
    assert mapped["公民身份号码"] == "身份证号" and mapped["学生姓名"] == "姓名" and mapped["班主任"] == "（忽略此列）"
    wizard.check().wait()
    assert wizard.errors.count() == 9 and wizard.errors.item(0).text().startswith("第")
    assert not wizard.next.isEnabled()
    wizard.skip_bad.setChecked(True)
    assert wizard.next.isEnabled()
    wizard.forward()
    wizard.import_op.wait()
    assert wizard.pages.currentIndex() == 2
    text = wizard.result_summary.text()
    assert "未在籍（辍学风险）6 人" in text and "学校不一致 4 人" in text and "疑似匹配（需核实）3 人" in text
    assert "村内未登记 6 人" in text and "跳过了 9 个错误行" in text
    assert wizard.results.tabText(0) == "未在籍（6）"
    page = SchoolRollPage(ctx)
    qtbot.addWidget(page)
    assert page.tasks.rowCount() == 6
    section = dashboard.DropoutSection(ctx)
    qtbot.addWidget(section)
    assert len(section.list.lines()) == 6


def test_wizard_missing_column_message(qtbot, ctx, store, tmp_path):
    from app.ui.protection.schoolroll import SchoolRollWizard

    path = tmp_path / "roll.csv"
    path.write_text("姓名,学生证件,学校\n张三,320115201405067050,东山小学\n", encoding="utf-8")
    wizard = SchoolRollWizard(ctx, path=str(path))
    qtbot.addWidget(wizard)
    wizard.forward()
    wizard.check().wait()
    assert "缺少必需的列：身份证号" in wizard.check_summary.text()
    wizard.combos[1].setCurrentText("身份证号")
    wizard.check().wait()
    assert wizard.errors.item(0).text().startswith("第2行：")


def test_child_tabs_show_guardianship_benefits_cases(qtbot, ctx, store):
    from app.ui.protection.benefits_tab import BenefitsTab
    from app.ui.protection.cases_tab import CasesTab
    from app.ui.protection.guardianship_tab import GuardianshipTab

    with store.session() as s:
        child = add_child(s, "吴小乐", dt.date(2014, 6, 1))
        add_parent(s, child, "父亲", works_away=True, last_contact=clock.today() - dt.timedelta(days=200))
        add_parent(s, child, "母亲", circumstance="死亡", circumstance_since=dt.date(2020, 1, 1))
        add_carer(s, child, carer_name="吴爷爷", carer_age=78)
        add_category(s, child, "重残儿童")
        case = cases.open_case(s, child.id, title="康复与照护")
        cases.add_step(s, case.id, title="联系残联")
    g = GuardianshipTab(ctx)
    b = BenefitsTab(ctx)
    c = CasesTab(ctx)
    for w in (g, b, c):
        qtbot.addWidget(w)
        w.load(child.id)
    assert "照护人无力照护" in g.warnings.text() and "父母超过3个月" in g.warnings.text()
    assert "预先勾选" in g.factors.text()
    assert "应保未保" in b.summary.text()
    assert c.cases.rowCount() == 1 and c.steps.rowCount() == 1
