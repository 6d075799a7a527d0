"""儿童信息登记表: the child's file (一人一档) on one or two A4 pages for the file cabinet.

Identity, household and guardians, entrusted carer, categories, colour and its history, school,
health and disability, benefits and needs, recent visits, notes; signed by the director and
sealed by the village committee and the township civil-affairs office.
"""

from __future__ import annotations

from app.print import layout
from app.print.sources import ChildSheet, PrintContext
from app.print.toolkit import DocMeta, Form, Shaded, colour_label, fmt_date

TITLE = "儿童信息登记表"


def yes_no(value) -> str:
    if value is None:
        return ""
    return "是" if value else "否"


def join(*parts, sep: str = " ") -> str:
    return sep.join(str(p) for p in parts if p not in (None, ""))


def meta(ctx: PrintContext, title: str = TITLE) -> DocMeta:
    return DocMeta(title=title, village=ctx.place_line, printed_by=ctx.printed_by, printed_at=ctx.printed_at,
                   confidential=True, subject="一人一档")


def add_child_form(form: Form, sheet: ChildSheet, ctx: PrintContext) -> None:
    c = sheet.child
    form.start_document(f"child-{c['id']}")
    form.title(TITLE, f"（农村留守儿童和困境儿童 一人一档）　填表日期：{fmt_date(ctx.today)}")

    form.section("基本情况")
    age = f"{sheet.age}岁" if sheet.age is not None else ""
    status = c.get("status", "")
    if c.get("status_date") and status != "在册":
        status = join(status, fmt_date(c.get("status_date")), c.get("status_note"))
    form.kv([
        ("姓名", c.get("name")), ("性别", c.get("sex")),
        ("出生日期", fmt_date(c.get("birth_date"))), ("年龄", age),
        ("身份证号", c.get("id_number")), ("民族", c.get("ethnicity")),
        ("户口性质", c.get("hukou_type")), ("联系电话", c.get("phone")),
        ("户籍地", c.get("hukou_place"), "row"),
        ("现住址", join(c.get("group_name"), c.get("address")), "row"),
        ("儿童类别", "、".join(sheet.current_categories) or "（未登记）", "row"),
        ("风险等级", colour_label(c.get("colour"))), ("在册状态", status),
    ])

    form.section("家庭与监护情况")
    form.kv([("监护状况", c.get("guardianship_state"), "row")])
    rows = []
    for g in sheet.guardians:
        away = "否"
        if g.get("works_away"):
            away = join(join("是", g.get("work_place")), f"自{fmt_date(g.get('away_since'))}" if g.get("away_since") else "",
                            sep="\n")
        contact = join(g.get("contact_frequency"), f"最近：{fmt_date(g.get('last_contact'))}" if g.get("last_contact") else "",
                       sep="\n")
        circ = g.get("circumstance") or ""
        if circ == "无":
            circ = ""
        if circ and g.get("circumstance_since"):
            circ += f"（自{fmt_date(g.get('circumstance_since'))}）"
        rows.append([g.get("relation"), g.get("name"), g.get("phone"), yes_no(g.get("is_guardian")), away,
                     contact, join(circ, g.get("health"), g.get("notes"), sep="；")])
    form.table(["关系", "姓名", "联系电话", "监护人", "外出务工", "与儿童联系", "特殊情况 / 健康 / 备注"], rows,
               [0.07, 0.11, 0.14, 0.07, 0.22, 0.16, 0.23], center=(0, 3))

    form.section("委托照护情况")
    rows = []
    for a in sheet.carers:
        agreement = join("已签订", fmt_date(a.get("agreement_date")), sep="\n") if a.get("agreement_signed") else "未签订"
        rows.append([a.get("carer_name"), a.get("relation"), a.get("carer_age") or "", a.get("phone"),
                     a.get("ability"), fmt_date(a.get("since")), agreement, a.get("notes")])
    form.table(["照护人", "关系", "年龄", "联系电话", "照护能力", "起始日期", "委托照护协议", "备注"], rows,
               [0.11, 0.09, 0.06, 0.14, 0.10, 0.12, 0.16, 0.22], center=(1, 2, 4))

    form.section("儿童类别认定")
    rows = [[k.get("category"), fmt_date(k.get("since")), k.get("evidence"), fmt_date(k.get("ended")) or "—"]
            for k in sheet.categories]
    form.table(["类别", "认定日期", "认定依据", "终止日期"], rows, [0.28, 0.13, 0.46, 0.13], center=(1, 3))

    form.section("风险等级（四色管理）与评估记录")
    colour = c.get("colour") or ""
    form.kv([
        ("当前等级", colour_label(colour)),
        ("走访频次", f"每{sheet.interval_days}天至少走访一次"),
    ])
    rows = []
    for a in sheet.assessments:
        rows.append([fmt_date(a.get("assessed_on")), colour_label(a.get("colour")),
                     colour_label(a.get("suggested_colour"), with_meaning=False).text,
                     "；".join(a.get("reason_labels") or []) or "未发现风险因素",
                     a.get("assessor"), a.get("override_reason")])
    form.table(["评估日期", "评定等级", "系统建议", "风险因素", "评估人", "调整理由"], rows,
               [0.12, 0.13, 0.09, 0.36, 0.10, 0.20], center=(0, 1, 2), empty="（尚未评估）")

    form.section("就学与健康")
    disability = c.get("disability_type") or "无"
    if disability != "无":
        disability = join(disability, c.get("disability_grade"))
    form.kv([
        ("就读学校", c.get("school")), ("学段 / 年级", join(c.get("school_stage"), c.get("grade"))),
        ("健康状况", c.get("health")), ("疾病情况", c.get("illness") or "无"),
        ("残疾类别等级", disability), ("残疾证号", c.get("disability_cert_no")),
    ])

    form.section("保障与需求")
    rows = [[b.get("kind"), b.get("monthly_amount") or "", join(fmt_date(b.get("start_date")), "至",
             fmt_date(b.get("end_date")) or "今"), b.get("approval_no"), b.get("bank_account"),
             join(b.get("end_reason"), b.get("notes"), sep="；")] for b in sheet.benefits]
    rows += [[f"保险：{i.get('kind')}", "", join(fmt_date(i.get("start_date")), "至", fmt_date(i.get("end_date"))),
              i.get("policy_no"), i.get("insurer"), join(i.get("paid_by"), i.get("notes"), sep="；")]
             for i in sheet.insurances]
    rows += [[f"康复：{d.get('kind')}", "", fmt_date(d.get("referred_on")), d.get("provider"), d.get("state"),
              d.get("notes")] for d in sheet.services]
    form.table(["保障项目", "标准（元/月）", "起止日期", "批准文号 / 保单号", "发放账户 / 机构", "备注"], rows,
               [0.20, 0.10, 0.20, 0.16, 0.18, 0.16], center=(1,), empty="（无保障记录）")
    form.spacer(4)
    rows = [[n.get("description"), fmt_date(n.get("noted_on")), n.get("coverage"), n.get("notes")] for n in sheet.needs]
    form.table(["需求", "登记日期", "保障状态", "备注"], rows, [0.42, 0.13, 0.13, 0.32], center=(1, 2),
               empty="（未登记需求）")

    form.section("走访情况")
    form.kv([
        ("末次走访", fmt_date(c.get("last_visit_date")) or "从未走访"),
        ("下次应访", _due_text(c.get("next_visit_due"), ctx)),
    ])
    rows = [[fmt_date(v.get("visit_date")), v.get("kind"), v.get("visitor"),
             join(v.get("findings"), "（已更正）" if v.get("amended") else "")] for v in sheet.visits]
    form.table(["走访日期", "方式", "走访人", "发现的情况"], rows, [0.13, 0.08, 0.12, 0.67], center=(0, 1),
               empty="（暂无走访记录）")

    form.section("备注")
    form.box(c.get("notes"), empty_lines=2)

    form.signatures(["填表人（儿童主任）", "审核人"])
    form.seals(["村（居）民委员会（盖章）", "乡镇（街道）民政办（盖章）"])


def _due_text(due, ctx: PrintContext) -> Shaded | str:
    if not due:
        return "尚无（请先评估或走访）"
    late = (ctx.today - due).days
    if late > 0:
        return Shaded(f"{fmt_date(due)}　{layout.OVERDUE_MARK}{late}天", layout.LABEL_FILL)
    return fmt_date(due)


def render(sheet: ChildSheet, ctx: PrintContext, out=None) -> bytes:
    form = Form(meta(ctx))
    add_child_form(form, sheet, ctx)
    return form.build(out)
