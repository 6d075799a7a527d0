"""Issue 13: words the screens translate at run time (visit checklist, answers, ways of contact,
assessment factors, colours) are in the .ts (the completeness test sees them) and show in English."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QLabel, QRadioButton

from app.ui import i18n

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def english(tmp_path, monkeypatch, qapp):
    monkeypatch.setenv("TONGHU_CONFIG_DIR", str(tmp_path / "config"))
    i18n.install_translator(qapp, "en")
    yield
    i18n.install_translator(QCoreApplication.instance(), i18n.DEFAULT_LANGUAGE)


def test_runtime_strings_are_listed_for_translation():
    spec = importlib.util.spec_from_file_location("ut", ROOT / "scripts" / "update_translations.py")
    ut = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ut)
    titles = ut.registry_titles()
    for word in ("照护人在家且有照护能力", "未了解", "入户", "无有效监护人或照护人（无人照料）", "监护风险"):
        assert word in titles


def test_visit_and_assessment_dialogs_speak_english(qtbot, ctx, kids, english):
    from app.ui.visits.assessment import AssessmentDialog
    from app.ui.visits.visit_form import VisitDialog

    visit = VisitDialog(ctx, kids["李华"])
    qtbot.addWidget(visit)
    labels = [w.text() for w in visit.findChildren(QLabel)]
    assert "Carer at home and able to care" in labels and "State of mind" in labels
    assert {b.text() for b in visit.findChildren(QRadioButton)} == {"Normal", "Problem", "Not checked"}
    assert [visit.kind.itemText(i) for i in range(visit.kind.count())] == ["Home visit", "Phone", "At school", "Other"]
    visit.kind.setCurrentIndex(1)
    assert visit.values()["kind"] == "电话"  # stored as the Chinese word, whatever the interface language

    assess = AssessmentDialog(ctx, kids["李华"])
    qtbot.addWidget(assess)
    boxes = [b.text() for b in assess.findChildren(QCheckBox)]
    assert "Suspected abuse, abandonment, sexual assault or serious neglect" in boxes
    assert any(w.text() == "Guardianship risk" for w in assess.findChildren(QLabel))


def test_report_dialog_speaks_english(qtbot, ctx, kids, english):
    from app.ui.protection.reports_tab import ReportDialog

    dlg = ReportDialog(ctx, kids["王芳"])
    qtbot.addWidget(dlg)
    assert dlg.windowTitle() == "New mandatory report"
    labels = {w.text() for w in dlg.findChildren(QLabel)}
    assert "Found at" in labels and "Reported to" in labels
    assert not any("发现" in t for t in labels if t)


def test_child_dialog_placeholders_speak_english(qtbot, ctx, english):
    from app.ui.children.child_dialog import ChildDialog

    dlg = ChildDialog(ctx)
    qtbot.addWidget(dlg)
    assert dlg.form.inputs["id_number"].placeholderText() == "18-character resident ID number"
    assert dlg.form.inputs["sex"].placeholderText() == "Read from the ID number"


def test_dashboard_colours_and_protection_tabs_speak_english(qtbot, ctx, kids, english):
    from app.ui.protection.dashboard import ProtectionSection
    from app.ui.visits.dashboard_page import DashboardPage

    page = DashboardPage(ctx)
    qtbot.addWidget(page)
    assert "Red" in page.colour_line.text() and "红" not in page.colour_line.text()
    section = ProtectionSection(ctx)
    qtbot.addWidget(section)
    tabs = [section.tabs.tabText(i) for i in range(section.tabs.count())]
    assert not any(ch for t in tabs for ch in t if "\u4e00" <= ch <= "\u9fff"), tabs


def test_visit_validation_messages_speak_english(qtbot, ctx, kids, english):
    from app.ui.visits.visit_form import VisitDialog

    dlg = VisitDialog(ctx, kids["李华"])
    qtbot.addWidget(dlg)
    dlg.set_answer("food", "正常")
    dlg.save()
    text = dlg.error.text()
    assert "Choose the visit type" in text and "Fill in who was present" in text
    assert "8 checklist items not answered yet" in text
    assert "color:#c5221f" in dlg.item_labels["carer"].styleSheet() and not dlg.item_labels["food"].styleSheet()
