"""Issue 13, paper a county officer accepts: people by their real names, the 强制报告 form never
prints the reporter, the registration form never prints what a report describes, and names are
text (markup in a name prints as typed). Read back with poppler."""

from __future__ import annotations

import datetime as dt

from app.core import clock
from app.data import protection
from app.data.models import Child
from app.print import documents
from tests.print.conftest import VILLAGE, pdf_text, squash


def render(store, kind, tmp_path, **kw):
    out = tmp_path / f"{kind}.pdf"
    documents.render(store, kind, out=out, **kw)
    return squash(pdf_text(out))


def test_report_form_never_prints_the_reporter(village, tmp_path):
    store, facts = village
    now = clock.local_now().replace(microsecond=0)
    with store.session() as s:
        report = protection.add_report(s, facts["ids"][4], found_at=now - dt.timedelta(hours=1),
                                       description="孩子说被继父打", situation="疑似受到侵害", urgency="紧急",
                                       place="村口", found_by="隔壁王阿姨", now=now)
    text = render(store, "report", tmp_path, report=report.id)
    assert "孩子说被继父打" in text and "报告人身份依法保密" in text
    assert "隔壁王阿姨" not in text and "报告人（签字）" not in text
    assert "登记人林主任" in text and "登记人lin" not in text     # the real name, not the login


def test_registration_form_never_prints_a_reports_description(village, tmp_path):
    store, facts = village
    text = render(store, "child", tmp_path, child=facts["report_child"])
    assert "邻居反映孩子身上有多处淤青" not in text
    assert "详见强制报告登记表" in text
    assert "lin" not in text.replace("Tonghu", "")  # assessor / visitor by real name


def test_filled_visit_form_names_the_visitor_by_real_name(village, tmp_path):
    store, facts = village
    text = render(store, "visit-form", tmp_path, child=facts["ids"][0], visit=facts["visit"])
    assert "林主任" in text and "走访人lin" not in text


def test_markup_in_a_name_prints_as_typed(village, tmp_path):
    store, _ = village
    with store.session() as s:
        child = Child(village_code=VILLAGE, name="<u>王</u>小<b>明", id_number="320115201501010035", sex="男",
                      birth_date=dt.date(2015, 1, 1), notes="<font size=40>大</font>&amp;")
        s.add(child)
        s.flush()
        cid = child.id
    text = render(store, "child", tmp_path, child=cid)
    assert "<u>王</u>小<b>明" in text
    assert "<fontsize=40>大</font>&amp;" in text


def test_save_as_pdf_defaults_to_documents_and_says_where(village, tmp_path, qtbot):
    from PySide6.QtCore import QStandardPaths

    from app.ui.printing.preview import PrintPreviewDialog

    store, facts = village
    data = documents.render(store, "child", child=facts["ids"][0])
    dialog = PrintPreviewDialog(data, "儿童信息登记表", "儿童信息登记表.pdf")
    qtbot.addWidget(dialog)
    documents_dir = QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation)
    assert str(dialog.default_save_path().parent) == documents_dir
    assert dialog.default_save_path().name == "儿童信息登记表.pdf"
    assert dialog.saved.isHidden()
    saved = dialog.save_pdf(str(tmp_path / "登记表"))
    assert saved.suffix == ".pdf" and saved.read_bytes() == data
    assert not dialog.saved.isHidden() and str(saved.resolve()) in dialog.saved.text()


def _struck_words(pdf_path) -> list[str]:
    """Words a horizontal ruling line runs through (between their top and bottom)."""
    import pdfplumber

    struck = []
    with pdfplumber.open(str(pdf_path)) as pdf:
        for page in pdf.pages:
            rulings = [ln for ln in page.lines if abs(ln["top"] - ln["bottom"]) < 0.5]
            for w in page.extract_words():
                for ln in rulings:
                    inside_y = w["top"] + 1.5 < ln["top"] < w["bottom"] - 1.5
                    inside_x = ln["x0"] < w["x1"] - 1 and ln["x1"] > w["x0"] + 1
                    if inside_y and inside_x:
                        struck.append(w["text"])
    return struck


def test_ruling_lines_never_run_through_typed_text(village, tmp_path):
    store, facts = village
    long_text = "；".join(f"第{i}项：屋顶漏雨需要维修" for i in range(1, 9))
    with store.session() as s:
        from app.data import visits as visits_data
        from app.domain.visit_checklist import CHECKLIST_KEYS

        v = visits_data.record_visit(s, facts["ids"][6], clock.today(), "入户", present="祖母",
                                     checklist={k: "正常" for k in CHECKLIST_KEYS}, findings=long_text,
                                     help_given="送去冬衣\n联系村委会")
    out = tmp_path / "visit.pdf"
    documents.render(store, "visit-form", out=out, child=facts["ids"][6], visit=v.id)
    assert _struck_words(out) == []
    blank = tmp_path / "planned.pdf"  # an empty form keeps its writing lines
    documents.render(store, "visit-form", out=blank, child=facts["ids"][6])
    import pdfplumber

    with pdfplumber.open(str(blank)) as pdf:
        thin = [ln for ln in pdf.pages[0].lines if ln.get("linewidth", 1) < 0.5]
    assert len(thin) >= 8


def test_ledger_fits_more_rows_and_keeps_hao_with_its_number(village, tmp_path):
    import re

    import pdfplumber

    store, _ = village
    out = tmp_path / "ledger.pdf"
    documents.render(store, "ledger", out=out, month=clock.today().strftime("%Y-%m"))
    with pdfplumber.open(str(out)) as pdf:
        first = pdf.pages[0].extract_text()
        lines = [ln for page in pdf.pages for ln in (page.extract_text() or "").splitlines()]
    numbers = [int(m.group(1)) for ln in first.splitlines() if (m := re.match(r"^(\d+) \S", ln))]
    assert max(numbers) >= 22           # 17 rows a page before (most rows wrapped)
    for ln in lines:                    # "10号" never split so that 号 starts a line
        assert not ln.startswith("号"), ln
    assert "序号" in first and "本月走访日期" in first


def test_tick_boxes_are_big_enough_to_tick_by_hand(village, tmp_path):
    import pdfplumber

    store, facts = village
    out = tmp_path / "planned.pdf"
    documents.render(store, "visit-form", out=out, child=facts["ids"][7])
    with pdfplumber.open(str(out)) as pdf:
        boxes = [r for r in pdf.pages[0].rects if abs(r["width"] - r["height"]) < 0.5 and 3 < r["width"] < 20]
    assert len(boxes) >= 9 * 3 + 4 + 2            # checklist answers, visit kinds, 需重新评估
    assert min(r["width"] for r in boxes) >= 9.5  # ≥ 3.4 mm (was 8 pt, 2.8 mm)


def test_last_visit_line_names_the_visitor_by_real_name(village, tmp_path):
    store, facts = village
    text = render(store, "visit-form", tmp_path, child=facts["ids"][0])  # planned form: 上次走访 line
    assert "上次走访" in text and "林主任" in text
    assert "lin发现" not in text and "入户lin" not in text
