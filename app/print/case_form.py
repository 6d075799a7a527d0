"""个案服务计划表: a case (个案) of one child — the problem, the people involved, the steps with
their due dates and who does them, the case notes and the closing summary — signed by the
director and the social worker (专业社工+儿童主任) and sealed by the village committee and the
township civil-affairs office.
"""

from __future__ import annotations

from app.print.sources import CaseSheet, PrintContext
from app.print.toolkit import DocMeta, Form, colour_label, fmt_date

TITLE = "个案服务计划表"


def join(*parts, sep: str = " ") -> str:
    return sep.join(str(p) for p in parts if p not in (None, ""))


def meta(ctx: PrintContext) -> DocMeta:
    return DocMeta(title=TITLE, village=ctx.place_line, printed_by=ctx.printed_by, printed_at=ctx.printed_at,
                   confidential=True, subject="个案管理")


def add_case(form: Form, data: CaseSheet, ctx: PrintContext) -> None:
    k, c = data.case, data.child
    form.start_document(f"case-{k['id']}")
    form.title(TITLE, f"（专业社工 + 儿童主任）　个案：{k.get('title')}")
    form.section("儿童情况")
    age = f"{data.age}岁" if data.age is not None else ""
    form.kv([
        ("姓名", c.get("name")), ("性别 / 年龄", join(c.get("sex"), age)),
        ("身份证号", c.get("id_number")), ("风险等级", colour_label(c.get("colour"))),
        ("住址", join(c.get("group_name"), c.get("address")), "row"),
        ("儿童类别", "、".join(data.categories) or "（未登记）", "row"),
    ])
    form.section("个案情况")
    form.kv([
        ("开案日期", fmt_date(k.get("opened_on"))), ("负责人", k.get("owner")),
        ("状态", join(k.get("status"), fmt_date(k.get("closed_on")))), ("关联强制报告", "有" if k.get("report_id") else "无"),
    ])
    form.spacer(3)
    form.para("存在的问题：", "cell")
    form.box(k.get("problem"), empty_lines=3)
    form.section("参与人员")
    form.table(["角色", "姓名", "联系电话"], [[p.get("role"), p.get("name"), p.get("phone")] for p in data.parties],
               [0.25, 0.35, 0.40], center=(0,), empty="（未登记）")
    form.section("服务步骤")
    rows = [[s.get("seq") or i, s.get("title"), s.get("responsible"), fmt_date(s.get("due_date")),
             join(s.get("state"), fmt_date(s.get("done_on")))] for i, s in enumerate(data.steps, 1)]
    form.table(["序号", "服务内容", "负责人", "完成期限", "完成情况"], rows, [0.07, 0.45, 0.16, 0.14, 0.18],
               center=(0, 3), empty="（未安排）")
    form.section("服务记录")
    rows = [[fmt_date(n.get("written_at")), n.get("author"), n.get("text")] for n in data.notes]
    form.table(["时间", "记录人", "内容"], rows, [0.18, 0.14, 0.68], center=(0,), empty="（暂无记录）")
    form.section("结案小结")
    form.box(k.get("closing_summary"), empty_lines=3)
    form.signatures(["儿童主任（签字）", "社工（签字）", "监护人（签字）"])
    form.seals(["村（居）民委员会（盖章）", "乡镇（街道）民政办（盖章）"])


def render(data: CaseSheet, ctx: PrintContext, out=None) -> bytes:
    form = Form(meta(ctx))
    add_case(form, data, ctx)
    return form.build(out)
