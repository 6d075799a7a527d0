"""Issue 13: lines the screens build from data speak the interface language. In English, the child
list's category filter and the 强制报告 tab's rows (situation, urgency, status, the body told, the
way, the labels around what was typed) are English; what a person typed stays as typed."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from PySide6.QtCore import QCoreApplication

from app.data import protection
from app.ui import i18n

HAN = re.compile(r"[\u4e00-\u9fff]")
T0 = dt.datetime(2026, 11, 30, 9, 0)


@pytest.fixture
def english(tmp_path, monkeypatch, qapp):
    monkeypatch.setenv("TONGHU_CONFIG_DIR", str(tmp_path / "config"))
    i18n.install_translator(qapp, "en")
    yield
    i18n.install_translator(QCoreApplication.instance(), i18n.DEFAULT_LANGUAGE)


def test_category_filter_is_english(qtbot, ctx, kids, english):
    from app.ui.children.list_page import ChildListPage

    page = ChildListPage(ctx)
    qtbot.addWidget(page)
    items = [page.category.itemText(i).strip() for i in range(page.category.count())]
    assert not [t for t in items if HAN.search(t)], items
    assert page.category.itemData(3).startswith("category:")  # still filters by the stored word


def test_report_rows_are_english_but_typed_text_stays(qtbot, ctx, kids, english, store):
    from app.ui.protection.reports_tab import ReportsTab

    child = kids["王芳"]
    with store.session() as s:
        report = protection.add_report(s, child, found_at=T0, description="邻居反映夜里哭喊", place="村口",
                                       found_by="王老师", situation="疑似受到侵害", urgency="紧急", now=T0)
        protection.add_notification(s, report.id, body="公安", notified_at=T0, method="电话",
                                    receiver="李警官", reference_no="A1", now=T0)
        protection.add_follow_up(s, report.id, on_date=T0.date(), action="入户查看", actor="张主任",
                                 outcome="已安置")
    tab = ReportsTab(ctx)
    qtbot.addWidget(tab)
    tab.load(child)
    top = tab.tree.topLevelItem(0)
    assert [top.text(c) for c in range(4)] == [
        "Suspected harm (Urgent)", "Following up", "2026-11-30 09:00", "邻居反映夜里哭喊; place: 村口; found by: 王老师"]
    assert [top.child(0).text(c) for c in range(4)] == [
        "Reported to Police", "", "2026-11-30 09:00", "Phone; received by: 李警官; reference no.: A1"]
    assert [top.child(1).text(c) for c in range(4)] == ["Follow-up: 张主任", "", "2026-11-30", "入户查看; outcome: 已安置"]


def test_protection_lists_on_the_workbench_are_english(qtbot, ctx, kids, english, store):
    from app.ui.protection import dashboard as d

    with store.session() as s:
        protection.add_report(s, kids["王芳"], found_at=T0, description="邻居反映", situation="疑似受到侵害",
                              urgency="紧急", now=T0)
    shown = {}
    for cls in (d.ReportAlarmsSection, d.UncoveredSection, d.EndingSection, d.DropoutSection, d.OpenCasesSection):
        w = cls(ctx)
        qtbot.addWidget(w)
        shown[cls.__name__] = [w.summary.text()] + [w.list.item(i).text() for i in range(w.list.count())]
    assert "李华\u3000categories: Orphan in family care" in shown["UncoveredSection"]  # typed names stay
    assert shown["ReportAlarmsSection"][1].startswith("王芳\u3000Suspected harm")
    assert shown["EndingSection"] == ["No benefits due to end soon"]
    assert shown["DropoutSection"] == ["No children to bring back to school"]
    assert shown["OpenCasesSection"] == ["No open cases"]
    assert not [t for texts in shown.values() for t in texts if HAN.search(re.sub("王芳|李华", "", t))], shown


def test_a_benefit_end_reason_reads_in_english(english):
    from app.ui.messages import user_text

    assert user_text("年满18周岁（2028-07-20）") == "Turns 18 (2028-07-20)"
    assert user_text("类别已终止（2026-11-30）") == "Category ended (2026-11-30)"
