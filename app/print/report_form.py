"""强制报告登记表: the mandatory report record (未成年人保护法 第十一条) to hand to the police or the
civil-affairs office: the child, what was found (when, where, by whom, how urgent), every body it
was reported to, follow-ups until closed, and corrections. The reporter's identity is kept
confidential (第十一条): the form never prints who found or reported the harm (issue 13); the
office keeps that in the app, where only the signed-in director sees it.
"""

from __future__ import annotations

from app.print.sources import PrintContext, ReportSheet
from app.print.toolkit import DocMeta, Form, checkbox_text, fmt_date

TITLE = "强制报告登记表"


def _vocab():
    try:
        from app.domain import mandatory_reports as mr

        return mr.SITUATIONS, mr.URGENCIES, mr.BODIES
    except ImportError:  # the protection feature is not installed: print the terms
        return (["受到侵害", "疑似受到侵害", "面临其他危险"], ["紧急", "较急", "一般"],
                ["公安", "民政", "教育", "卫生健康", "检察", "妇联", "其他"])


def join(*parts, sep: str = " ") -> str:
    return sep.join(str(p) for p in parts if p not in (None, ""))


def meta(ctx: PrintContext) -> DocMeta:
    return DocMeta(title=TITLE, village=ctx.place_line, printed_by=ctx.printed_by, printed_at=ctx.printed_at,
                   confidential=True, subject="强制报告")


def add_report(form: Form, data: ReportSheet, ctx: PrintContext) -> None:
    r, c = data.report, data.child
    situations, urgencies, bodies = _vocab()
    form.start_document(f"report-{r['first_id']}")
    form.title(TITLE, f"（依据《中华人民共和国未成年人保护法》第十一条）　登记编号：{r['first_id'][-12:].upper()}")

    form.section("儿童情况")
    age = f"{data.age}岁" if data.age is not None else ""
    carer = data.carer or {}
    guardians = "；".join(join(g.get("relation"), g.get("name"), g.get("phone")) for g in data.guardians)
    form.kv([
        ("姓名", c.get("name")), ("性别 / 年龄", join(c.get("sex"), age)),
        ("身份证号", c.get("id_number")), ("联系电话", c.get("phone")),
        ("住址", join(c.get("group_name"), c.get("address")), "row"),
        ("儿童类别", "、".join(data.categories) or "（未登记）", "row"),
        ("监护人", guardians or "（未登记）", "row"),
        ("照护人", join(carer.get("carer_name"), carer.get("relation"), carer.get("phone")) or "（未登记）", "row"),
    ])

    form.section("发现情况")
    form.kv([
        ("发现时间", fmt_date(r.get("found_at"))), ("紧急程度", checkbox_text(urgencies, r.get("urgency"))),
        ("发现地点", r.get("place"), "row"),
        ("发现人", "（报告人身份依法保密，本表不予列出）", "row"),
        ("情形", checkbox_text(situations, r.get("situation")), "row"),
        ("登记时间", fmt_date(r.get("first_recorded_at"))), ("登记人", r.get("recorded_by")),
    ])
    form.spacer(3)
    form.para("情况描述：", "cell")
    form.box(r.get("description"), empty_lines=4)

    form.section("报告情况（向有关部门报告）")
    rows = [[n.get("body"), fmt_date(n.get("notified_at")), n.get("method"), n.get("receiver"), n.get("reference_no")]
            for n in data.notifications]
    if not rows:
        rows = [["", "", "", "", ""] for _ in range(3)]
    form.table(["报告单位", "报告时间", "报告方式", "接收人", "受理编号 / 回执"], rows, [0.16, 0.20, 0.14, 0.20, 0.30],
               center=(0, 1, 2))
    form.para("报告单位：" + checkbox_text(bodies, [n.get("body") for n in data.notifications]), "cell")

    form.section("处置与跟进")
    rows = [[fmt_date(f.get("on_date")), f.get("actor"), f.get("action"), f.get("outcome"), "是" if f.get("closes") else ""]
            for f in data.follow_ups]
    if not rows:
        rows = [["", "", "", "", ""] for _ in range(3)]
    form.table(["日期", "处置人 / 单位", "采取的措施", "结果", "结案"], rows, [0.12, 0.16, 0.34, 0.30, 0.08], center=(0, 4))

    if data.amendments:
        form.section("更正记录（原登记内容保留）")
        rows = [[fmt_date(a.get("recorded_at")), a.get("recorded_by"), join(a.get("situation"), a.get("urgency")),
                 a.get("description")] for a in data.amendments]
        form.table(["登记时间", "登记人", "情形 / 紧急程度", "原情况描述"], rows, [0.16, 0.12, 0.18, 0.54], center=(0,))

    form.signatures(["登记人（儿童主任）", "社工（签字）"])
    form.seals(["村（居）民委员会（盖章）", "乡镇（街道）民政办（盖章）"])


def render(data: ReportSheet, ctx: PrintContext, out=None) -> bytes:
    form = Form(meta(ctx))
    add_report(form, data, ctx)
    return form.build(out)
