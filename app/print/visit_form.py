"""走访记录表: the visit form, prefilled for a planned visit or filled from a recorded one, and
批量打印 (every visit due this week / month in one PDF, in route order).

The checklist comes from `app.domain.visit_checklist`, the same list the visit screen uses, so
paper and screen ask the same questions. Each form carries a QR code with the child's id and the
planned visit's id (or the recorded visit's id) so a later scan opens the right record.
Each form of a batch is numbered on its own ("第 1 页 共 1 页").
"""

from __future__ import annotations

from reportlab.platypus import Paragraph

from app.print import layout
from app.print.sources import PrintContext, VisitSheet
from app.print.toolkit import DocMeta, Form, Shaded, checkbox_text, colour_label, fmt_date, markup, style

TITLE = "走访记录表"
SIGNERS = ["儿童主任（签字）", "监护人 / 照护人（签字）"]


def join(*parts, sep: str = " ") -> str:
    return sep.join(str(p) for p in parts if p not in (None, ""))


def meta(ctx: PrintContext, title: str = TITLE) -> DocMeta:
    return DocMeta(title=title, village=ctx.place_line, printed_by=ctx.printed_by, printed_at=ctx.printed_at,
                   confidential=True, subject="一月一访")


def _carer_text(sheet: VisitSheet) -> str:
    a = sheet.carer
    if not a:
        return "（未登记委托照护人）"
    age = f"{a.get('carer_age')}岁" if a.get("carer_age") else ""
    agreement = "协议已签" if a.get("agreement_signed") else "协议未签"
    return join(a.get("carer_name"), a.get("relation"), age, a.get("phone"), f"照护能力：{a.get('ability') or '—'}",
                agreement)


def _parents_text(sheet: VisitSheet) -> str:
    lines = []
    for g in sheet.guardians:
        state = join(g.get("work_place"), "外出务工") if g.get("works_away") else ""
        circ = g.get("circumstance") or ""
        if circ in ("无", "外出务工"):
            circ = ""
        contact = f"联系：{g.get('contact_frequency')}" if g.get("contact_frequency") else ""
        lines.append(join(g.get("relation") + "：" if g.get("relation") else "", g.get("name"), g.get("phone"),
                          state, circ, contact))
    return "\n".join(lines) or "（未登记）"


def _last_visit_text(sheet: VisitSheet) -> str:
    v = sheet.last_visit
    if not v:
        return "从未走访"
    return join(fmt_date(v.get("visit_date")), v.get("kind"), v.get("visitor"),
                f"发现：{v['findings']}" if v.get("findings") else "")


def _due_text(sheet: VisitSheet, ctx: PrintContext):
    interval = f"（每{sheet.interval_days}天至少一次）"
    if sheet.visit:
        return join(fmt_date(sheet.visit.get("visit_date")), "已走访")
    if not sheet.due:
        return "尽快（从未走访）" + interval
    late = (ctx.today - sheet.due).days
    if late > 0:
        return Shaded(f"{fmt_date(sheet.due)}　{layout.OVERDUE_MARK}{late}天{interval}", layout.LABEL_FILL)
    return fmt_date(sheet.due) + interval


def add_visit_form(form: Form, sheet: VisitSheet, ctx: PrintContext) -> None:
    c = sheet.child
    v = sheet.visit
    form.start_document(f"visit-{c['id']}-{v['id'] if v else sheet.plan_id}")
    if v:
        sub = "（走访记录" + ("，已更正" if sheet.amended else "") + "）"
    else:
        sub = "（计划走访，请带到现场填写）"
    head = [Paragraph(TITLE, style("title")), Paragraph(markup(sub), style("subtitle"))]
    form.qr_with(head, sheet.qr_data, "扫码打开此记录")

    form.section("儿童基本情况")
    age = f"{sheet.age}岁" if sheet.age is not None else ""
    form.kv([
        ("姓名", c.get("name")), ("性别 / 年龄", join(c.get("sex"), age)),
        ("身份证号", c.get("id_number")), ("风险等级", colour_label(c.get("colour"))),
        ("儿童类别", "、".join(sheet.categories) or "（未登记）", "row"),
        ("住址", join(c.get("group_name"), c.get("address")), "row"),
        ("照护人", _carer_text(sheet), "row"),
        ("父母 / 监护人", _parents_text(sheet), "row"),
        ("上次走访", _last_visit_text(sheet), "row"),
        ("本次应访", _due_text(sheet, ctx), "row"),
    ])
    if sheet.open_follow_ups and not v:
        rows = [[f.get("action"), f.get("due"), f.get("owner")] for f in sheet.open_follow_ups]
        form.para("上次走访待跟进事项（请本次核实）：", "cell")
        form.table(["事项", "期限", "负责人"], rows, [0.62, 0.18, 0.20], center=(1,))

    form.section("走访情况")
    blank_date = "　　　　年　　月　　日"
    form.kv([
        ("走访日期", fmt_date(v.get("visit_date")) if v else blank_date),
        ("走访人", v.get("visitor") if v else ""),
        ("走访方式", checkbox_text(sheet.visit_kinds, v.get("kind") if v else None), "row"),
        ("在场人员", v.get("present") if v else "", "row"),
        ("现居住地及共同生活人", join(v.get("lives_where"), v.get("lives_with"), sep="；") if v else "", "row"),
    ], label_width=78)

    form.section("检查项目")
    answers = v.get("checklist", {}) if v else {}
    items = []
    for item in sheet.checklist:
        got = answers.get(item["key"]) or {}
        label = Paragraph(f"{markup(item['label'])}<br/><font size={layout.SIZE_SMALL - 1}>{markup(item['hint'])}</font>",
                          style("cell"))
        items.append((label, sheet.answers, got.get("answer") or None, got.get("note", "")))
    form.checklist(items)

    for heading, key in (("发现的问题", "findings"), ("需求", "needs"), ("已提供或联系的帮助", "help_given")):
        form.section(heading)
        form.box(v.get(key) if v else "", empty_lines=2)

    form.section("跟进事项")
    if v:
        rows = [[f.get("action"), f.get("due"), f.get("owner"), "已完成" if f.get("done") else ""]
                for f in v.get("follow_ups") or []]
    else:
        rows = [["", "", "", ""], ["", "", "", ""]]
    form.table(["事项", "完成期限", "负责人", "完成情况"], rows, [0.52, 0.16, 0.16, 0.16], center=(1, 3))
    reassess = checkbox_text(["是", "否"], ("是" if v.get("reassess") else "否") if v else None)
    form.para(f"是否需要重新评估风险等级：{reassess}", "body")

    form.signatures(SIGNERS)


def render(sheets: list[VisitSheet], ctx: PrintContext, out=None, title: str = TITLE) -> bytes:
    """One PDF with a form per sheet (a batch when several), each numbered on its own."""
    form = Form(meta(ctx, title))
    for sheet in sheets:
        add_visit_form(form, sheet, ctx)
    if not sheets:
        form.title(title)
        form.para("没有需要走访的儿童。")
    return form.build(out)
