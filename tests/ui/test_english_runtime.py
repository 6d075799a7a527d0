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


def test_rule_messages_speak_english(qtbot, ctx, english):
    """Messages of app/domain reach the screen in English: a fixed one, one with a field label in it
    (translated) and one with typed data in it (kept as entered)."""
    from app.ui.messages import user_text

    assert user_text("请至少选择一个儿童类别") == "Choose at least one child category"
    assert user_text("出生日期不能晚于今天") == "Date of birth cannot be later than today"
    assert user_text("该身份证号码已登记：王小明") == "This ID number is already registered: 王小明"
    assert user_text("请选择走访方式；请填写走访日期") == "Choose the visit type; Fill in the visit date"
    assert user_text("没有这样的规则") == "没有这样的规则"  # unknown text is shown as it is


def test_every_rule_message_is_listed_for_translation():
    """The generated list of rule messages is current, so the .ts completeness test sees new ones."""
    spec = importlib.util.spec_from_file_location("ut", ROOT / "scripts" / "update_translations.py")
    ut = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ut)
    from app.ui.message_strings import TEMPLATES

    assert ut.message_templates() == TEMPLATES
    assert "{0}应为整数" in TEMPLATES and "请至少选择一个儿童类别" in TEMPLATES


def test_child_dialog_errors_and_categories_speak_english(qtbot, ctx, english):
    from app.ui.children.child_dialog import ChildDialog

    dlg = ChildDialog(ctx)
    qtbot.addWidget(dlg)
    assert "Rural left-behind child" in [b.text() for b in dlg.category_boxes.values()]
    hukou = dlg.form.inputs["hukou_type"]
    assert [hukou.itemText(i) for i in range(hukou.count())] == ["Agricultural", "Non-agricultural"]
    dlg.save()
    assert dlg.form.error_text("name") == "Fill in Name"
    assert dlg.category_error.text() == "Choose at least one child category"
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in dlg.form.error_text("id_number"))


def test_history_and_file_speak_english(qtbot, ctx, kids, english):
    """变更记录 in English: record kinds, field names and listed values translated; names as entered."""
    from app.data import children as data
    from app.ui.children.tabs import AuditTab, BasicTab

    values = {"name": "李华", "hukou_type": "非农业"}
    ctx.store.run(data.save_child, values, child_id=kids["李华"])
    tab = AuditTab(ctx)
    qtbot.addWidget(tab)
    tab.load(kids["李华"])
    texts = [tab.table.item(r, 3).text() for r in range(tab.table.rowCount())]
    assert any(t.startswith("Basic details: ") and "Non-agricultural" in t for t in texts), texts
    assert any(t.startswith("Created: ") for t in texts), texts
    assert not any(ch for t in texts for ch in t if "\u4e00" <= ch <= "\u9fff" and ch not in "李华"), texts
    basic = BasicTab(ctx)
    qtbot.addWidget(basic)
    basic.load(kids["李华"])
    assert "Non-agricultural" in [label.text() for label in basic.values.values()]
    assert ctx.store.read(data.get_child, kids["李华"]).hukou_type == "非农业"  # stored in Chinese


def test_child_list_words_speak_english(qtbot, ctx, kids, english):
    """The register shows sex, categories, colour and status in English; names as entered."""
    from app.ui.children.list_model import COLUMNS, ChildListModel

    model = ChildListModel(ctx.store)
    model.reload()
    cols = {attr: i for i, (_, attr, _) in enumerate(COLUMNS)}
    rows = {model.data(model.index(r, cols["name"])): r for r in range(model.rowCount())}
    wang = rows["王芳"]
    shown = {attr: model.data(model.index(wang, cols[attr])) for attr in ("sex", "categories", "status")}
    assert shown["sex"] == "Female" and shown["status"] == "Registered"
    assert shown["categories"] == "Rural left-behind child, Child of a minimum-income family"
    assert model.data(model.index(rows["张小明"], cols["colour"])) == "Red"


def test_new_report_reads_not_reported_in_english(qtbot, ctx, kids, english):
    from app.ui.protection.reports_tab import ReportDialog

    dlg = ReportDialog(ctx, kids["王芳"])
    qtbot.addWidget(dlg)
    body = dlg.form.inputs["body"]
    assert body.currentText() == "(not reported yet)"
    assert dlg.form.values()["body"] == "（尚未报告）"  # what the rules see stays the Chinese word


def test_a_word_reads_as_a_value(qtbot, ctx, english):
    """健康 as a health state is "Healthy" (the 健康 checklist group stays "Health")."""
    from app.ui.children.child_dialog import ChildDialog
    from app.ui.messages import value_text

    assert value_text("健康") == "Healthy" and QCoreApplication.translate("", "健康") == "Health"
    dlg = ChildDialog(ctx)
    qtbot.addWidget(dlg)
    health = dlg.form.inputs["health"]
    assert health.itemText(0) == "Healthy" and dlg.form.values()["health"] == "健康"
