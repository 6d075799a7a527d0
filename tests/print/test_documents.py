"""Each printed document built from a demo village and read back with poppler: Chinese text
present and in order, page numbers, the confidential mark, embedded font subsets, ledger totals
equal to the store's counts, and long fields that still fit without losing text."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from sqlalchemy import func, select

from app.core import clock
from app.data.models import Child
from app.data.models.visits import Visit
from app.domain.visit_checklist import CHECKLIST
from app.print import documents, sources
from tests.print.conftest import (LONG_ADDRESS, LONG_FINDINGS, LONG_NAME, LONG_NOTES, pdf_page_size, pdf_pages,
                                  pdf_text, run, squash)


def render(store, kind, tmp_path, **kw):
    out = tmp_path / f"{kind}.pdf"
    documents.render(store, kind, out=out, **kw)
    return out


def in_order(text: str, parts: list[str]) -> bool:
    pos = 0
    for part in parts:
        found = text.find(part, pos)
        if found < 0:
            return False
        pos = found + len(part)
    return True


def assert_numbered(text: str, pages: int, per_document: int | None = None) -> None:
    total = per_document or pages
    for n in range(1, total + 1):
        assert f"第 {n} 页 共 {total} 页" in text


def assert_fonts_embedded(path) -> None:
    rows = run("pdffonts", str(path)).splitlines()[2:]
    assert rows, "no fonts"
    for row in rows:
        assert re.search(r"\+WenQuanYiMicroHei", row), row
        assert re.search(r"TrueType\s+\S+\s+yes\s+yes", row), row


def test_child_form(village, tmp_path):
    store, facts = village
    cid = facts["ids"][0]
    out = render(store, "child", tmp_path, child=cid)
    text = pdf_text(out)
    with store.read_session() as s:
        child = s.get(Child, cid)
        name, id_number = child.name, child.id_number
    pages = pdf_pages(out)
    assert 1 <= pages <= 2
    assert_numbered(text, pages)
    assert "内部资料 注意保密" in text and "东山村" in text and "打印人：林主任" in text
    assert in_order(text, ["儿童信息登记表", "一、基本情况", name, id_number, "二、家庭与监护情况", "三、委托照护情况",
                           "四、儿童类别认定", "五、风险等级", "红（高风险）", "六、就学与健康", "七、保障与需求",
                           "八、走访情况", "九、备注", "填表人（儿童主任）", "村（居）民委员会（盖章）",
                           "乡镇（街道）民政办（盖章）"])
    assert_fonts_embedded(out)
    assert pdf_page_size(out) == pytest.approx((595.28, 841.89), abs=0.1)


def test_prefilled_visit_form_has_checklist_and_qr(village, tmp_path):
    store, facts = village
    cid = facts["ids"][3]
    out = render(store, "visit-form", tmp_path, child=cid)
    text = pdf_text(out)
    assert pdf_pages(out) == 1
    assert_numbered(text, 1)
    text = pdf_text(out, raw=False)  # a fixed-layout page: read it in the order of the page
    assert in_order(text, ["走访记录表", "计划走访", "一、儿童基本情况", "二、走访情况", "三、检查项目"]
                    + [item.label for item in CHECKLIST] + ["四、走访发现与跟进", "儿童主任（签字）", "监护人 / 照护人（签字）"])
    sheet = sources.visit_sheet(store, cid)
    assert sheet.qr_data == f"TONGHU:1:C:{cid}:P:{sheet.plan_id}".upper()
    assert_fonts_embedded(out)


def test_filled_visit_form_shows_the_record(village, tmp_path):
    store, facts = village
    out = render(store, "visit-form", tmp_path, child=facts["ids"][0], visit=facts["visit"])
    text = pdf_text(out)
    assert "（走访记录）" in text
    assert in_order(text, ["祖母、孩子", "屋顶漏雨", "屋顶漏雨，需要维修", "住房修缮", "联系村委会安排维修", "联系维修队"])
    assert sources.visit_sheet(store, facts["ids"][0], facts["visit"]).qr_data.endswith(f"V:{facts['visit']}".upper())


def test_visit_form_of_another_childs_visit_is_refused(village):
    store, facts = village
    with pytest.raises(sources.NotFound):
        sources.visit_sheet(store, facts["ids"][5], facts["visit"])


@pytest.mark.parametrize("order", ["group", "address"])
def test_due_forms_batch_one_form_per_child_in_route_order(village, tmp_path, order):
    store, facts = village
    sheets = sources.due_sheets(store, "month", order)
    assert sheets
    out = render(store, "due-forms", tmp_path, within="month", order=order)
    text = pdf_text(out)
    forms = text.count("三、检查项目")
    assert forms == len(sheets)
    assert text.count("第 1 页 共 1 页") + text.count("第 1 页 共 2 页") == len(sheets)
    keys = [(s.child["group_name"], s.child["address"]) for s in sheets]
    if order == "group":
        groups = [k[0] for k in keys]
        assert groups == sorted(groups, key=sources._natural) or "" in groups
    names = [s.child["name"] for s in sheets if s.child["name"] != LONG_NAME]
    assert in_order(squash(text), [squash(n) for n in names])


def test_ledger_totals_equal_the_store(village, tmp_path):
    store, facts = village
    today = clock.today()  # PRINTED_AT: the village fixture froze the clock
    month = f"{today:%Y-%m}"
    out = render(store, "ledger", tmp_path, month=month)
    text = pdf_text(out)
    first, last = sources.parse_month(month)
    with store.read_session() as s:
        active = s.scalar(select(func.count()).select_from(Child).where(Child.deleted.is_(False), Child.status == "在册"))
        visits = s.scalar(select(func.count()).select_from(Visit).where(
            Visit.deleted.is_(False), Visit.amends_id.is_(None), Visit.visit_date >= first, Visit.visit_date <= last))
        reds = s.scalar(select(func.count()).select_from(Child).where(Child.deleted.is_(False), Child.status == "在册",
                                                                       Child.colour == "红"))
    assert f"在册儿童 {active} 人" in text
    assert f"已访 {visits} 次" in text
    assert f"红色 {reds} 人" in text
    assert pdf_page_size(out) == pytest.approx((841.89, 595.28), abs=0.1)  # landscape
    pages = pdf_pages(out)
    assert_numbered(text, pages)
    notes_from = text.find("附注（")
    table_pages = text[:notes_from].split("\f") if notes_from >= 0 else text.split("\f")[:pages]
    for page in table_pages:  # the header row repeats on every page of the table
        assert "序号" in page
    assert_fonts_embedded(out)


def test_ledger_rejects_bad_month(village, tmp_path):
    store, _ = village
    with pytest.raises(ValueError, match="YYYY-MM"):
        render(store, "ledger", tmp_path, month="2026-13")


def test_screening_summary(village, tmp_path):
    store, facts = village
    out = render(store, "screening", tmp_path, round_id=facts["round"])
    text = pdf_text(out)
    assert in_order(squash(text), ["一年两排排查汇总表", facts["round_name"], "已排查5人", "已随父母外出"])
    assert_numbered(text, pdf_pages(out))


def test_mandatory_report_form(village, tmp_path):
    store, facts = village
    out = render(store, "report", tmp_path, report=facts["report"])
    text = pdf_text(out)
    assert in_order(text, ["强制报告登记表", "一、儿童情况", "二、发现情况", "孩子家中", "报告人身份依法保密",
                           "邻居反映孩子身上有多处淤青", "三、报告情况", "公安", "张警官", "JJ2026-001",
                           "四、处置与跟进", "派出所民警上门核实", "登记人（儿童主任）", "社工（签字）"])
    assert "内部资料 注意保密" in text
    with pytest.raises(sources.NotFound):
        documents.render(store, "report", report="no-such-report")


def body_text(text: str) -> str:
    """The text without the page headers and footers (a long field runs across pages)."""
    return "\n".join(line for line in text.splitlines()
                     if "内部资料 注意保密" not in line and not line.startswith("打印人："))


def _words_inside_frame(path) -> None:
    """Every word poppler finds lies inside the page's printable frame (nothing drawn outside)."""
    html = run("pdftotext", "-bbox", str(path), "-")
    pages = re.findall(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', html, re.S)
    assert pages
    for width, height, body in pages:
        for x0, y0, x1, y1 in re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"', body):
            assert float(x0) >= 40 and float(x1) <= float(width) - 40, (x0, x1)
            assert float(y0) >= 15 and float(y1) <= float(height) - 15, (y0, y1)


def test_extremely_long_fields_fit_and_nothing_is_lost(village, tmp_path):
    store, facts = village
    cid = facts["long_child"]
    for kind, kw in (("child", {"child": cid}), ("visit-form", {"child": cid}),
                     ("visit-form", {"child": cid, "visit": facts["long_visit"]})):
        out = tmp_path / f"long-{kind}-{len(kw)}.pdf"
        documents.render(store, kind, out=out, **kw)
        text = squash(body_text(pdf_text(out)))
        assert squash(LONG_NAME) in text
        assert squash(LONG_ADDRESS) in text
        if kind == "child":
            assert squash(LONG_NOTES) in text
        if "visit" in kw:
            assert squash(LONG_FINDINGS) in text
            assert "续见附注" in text
        _words_inside_frame(out)


def test_fit_wraps_shrinks_then_cuts_with_a_marker():
    from app.print.boxes import fit, text_width

    short = fit("东山村二组17号", 200, 14)
    assert short.lines == ["东山村二组17号"] and not short.cut
    medium = fit("东山村" * 30, 200, 30)
    assert not medium.cut and medium.size < 9 and "".join(medium.lines) == "东山村" * 30
    long = fit("东山村" * 500, 200, 30, marker="……（续见附注1）")
    assert long.cut and long.lines[-1].endswith("（续见附注1）")
    for f in (short, medium, long):
        assert all(text_width(line, f.size) <= 200 for line in f.lines)
        assert len(f.lines) * f.size * 1.3 <= 30 or len(f.lines) == 1


def test_qr_code_is_segno_with_mask_selection():
    """The forms' QR code is segno's: error correction M, the smallest version, the best mask."""
    import segno

    from app.print.toolkit import qr_matrix

    for data in ("TONGHU:1:C:0192F0A0-1111-7000-8000-000000000001:P:20261201",
                 "TONGHU:1:C:0192F0A0-1111-7000-8000-000000000001:V:0192F0A0-1111-7000-8000-0000000000AB",
                 "mixed 中文 data " * 8):
        ref = segno.make_qr(data, error="m", boost_error=False)
        assert qr_matrix(data) == tuple(bytes(row) for row in ref.matrix)
        assert ref.error == "M" and ref.designator.endswith("-M")
    masks = {segno.make_qr(f"TONGHU:1:C:{i:036d}", error="m", boost_error=False).mask for i in range(40)}
    assert len(masks) > 1  # chosen per code, not one fixed mask


def test_long_table_repeats_its_header_on_every_page(tmp_path):
    from app.print.toolkit import DocMeta, Form, colour_label

    form = Form(DocMeta("测试台账", "东山村", "林主任", dt.datetime(2026, 11, 23, 9, 0), landscape=True))
    form.start_document()
    form.title("测试台账")
    rows = [[i, f"儿童{i:03d}", colour_label("红黄蓝绿"[i % 4]), "长文字" * (i % 7)] for i in range(1, 301)]
    form.table(["序号", "姓名", "风险等级", "备注"], rows, [0.1, 0.2, 0.2, 0.5], totals=["", "合计", "", "300 人"])
    out = tmp_path / "long.pdf"
    form.build(out)
    text = pdf_text(out)
    pages = text.split("\f")[:pdf_pages(out)]
    assert len(pages) >= 5
    assert all("序号 姓名 风险等级 备注" in page for page in pages)
    assert in_order(text, [f"儿童{i:03d}" for i in range(1, 301)] + ["合计", "300 人"])
    assert_numbered(text, len(pages))


def test_case_service_plan_has_social_worker_and_seal_lines(village, tmp_path):
    store, facts = village
    out = render(store, "case", tmp_path, case=facts["case"])
    text = pdf_text(out)
    assert in_order(text, ["个案服务计划表", "疑似受侵害跟进", "一、儿童情况", "二、个案情况", "孩子身上有多处淤青",
                           "三、参与人员", "周社工", "四、服务步骤", "联系派出所上门核实", "安排心理疏导",
                           "五、服务记录", "已与派出所联系", "六、结案小结", "儿童主任（签字）", "社工（签字）",
                           "村（居）民委员会（盖章）", "乡镇（街道）民政办（盖章）"])
    assert_numbered(text, pdf_pages(out))


@pytest.mark.skipif(not __import__("shutil").which("zbarimg"), reason="zbarimg (zbar-tools) not installed")
def test_qr_code_on_the_visit_form_scans(village, tmp_path):
    store, facts = village
    cid = facts["ids"][0]
    out = render(store, "visit-form", tmp_path, child=cid, visit=facts["visit"])
    run("pdftoppm", "-r", "150", "-png", str(out), str(tmp_path / "page"))
    pngs = sorted(str(p) for p in tmp_path.glob("page*.png"))
    scanned = run("zbarimg", "-q", "--raw", *pngs).strip()
    assert scanned == f"TONGHU:1:C:{cid}:V:{facts['visit']}".upper()
