"""Chinese names of the record kinds and fields the 变更记录 (change history) shows (issue 13).

The history never shows an internal table or column name such as `screening_record` or
`visit_date`: known ones get their Chinese name here (or from child_rules), others a plain
"其他记录" / "其他内容".
"""

from __future__ import annotations

from app.domain import child_rules

TABLES = {
    **child_rules.TABLE_LABELS,
    "assessment": "分级分色评估", "visit": "走访记录", "screening_record": "排查记录", "screening_round": "排查轮次",
    "benefit_entitlement": "保障待遇", "benefit_payment": "保障发放", "insurance": "保险",
    "disability_service": "康复服务", "mandatory_report": "强制报告", "report_notification": "报告记录",
    "report_follow_up": "报告跟进", "protection_case": "个案", "case_step": "个案步骤", "case_party": "个案参与人员",
    "case_note": "个案记录", "return_to_school_task": "劝返复学", "school_roll_finding": "学籍比对结果",
    "county_report_action": "县级处置记录",
}

FIELDS = {
    "assessed_on": "评估日期", "assessor": "评估人", "answers": "风险因素", "reasons": "评估依据",
    "suggested_colour": "建议颜色", "colour": "风险等级", "override_reason": "调整理由", "policy_version": "评估标准版本",
    "source": "来源", "visit_date": "走访日期", "kind": "类型", "visitor": "走访人", "present": "在场人员",
    "lives_where": "现居住地", "lives_with": "与谁同住", "checklist": "检查项目", "findings": "发现的情况",
    "help_given": "已提供的帮助", "follow_ups": "跟进事项", "reassess": "需要重新评估", "amends_id": "更正的原记录",
    "amend_reason": "更正原因", "round_id": "排查轮次", "screened_on": "排查日期", "screener": "排查人",
    "in_scope": "仍在关爱范围", "category_ok": "类别无误", "reassessed": "已重新评估", "newly_found": "新发现",
    "skip_reason": "未排查原因", "monthly_amount": "月标准", "start_date": "开始日期", "end_date": "结束日期",
    "end_reason": "结束原因", "approval_no": "批准文号", "bank_account": "发放账户", "entitlement_id": "保障待遇",
    "month": "月份", "amount": "金额", "paid_on": "发放日期", "note": "备注", "insurer": "保险公司",
    "policy_no": "保单号", "paid_by": "缴费方", "provider": "服务机构", "referred_on": "转介日期", "state": "状态",
    "state_date": "状态日期", "found_at": "发现时间", "place": "地点", "found_by": "发现人", "situation": "情形",
    "description": "情况描述", "urgency": "紧急程度", "recorded_at": "登记时间", "recorded_by": "登记人",
    "acted_at": "处置时间", "officer": "县级经办人", "assignee": "指派给",
    "report_id": "强制报告", "body": "报告单位", "notified_at": "报告时间", "method": "报告方式", "receiver": "接报人",
    "reference_no": "接报编号", "on_date": "日期", "actor": "处置人", "action": "措施", "outcome": "结果",
    "closes": "结案", "title": "标题", "problem": "问题", "owner": "负责人", "opened_on": "开案日期",
    "status": "状态", "closed_on": "结束日期", "closing_summary": "结案小结", "case_id": "个案", "seq": "序号",
    "responsible": "负责人", "due_date": "期限", "done_on": "完成日期", "role": "角色", "written_at": "记录时间",
    "author": "记录人", "text": "内容", "import_id": "比对导入", "certain": "确定", "row_no": "行号",
    "roll_school": "学籍学校", "recorded_school": "登记学校", "detail": "详情",
}


def table(name: str) -> str:
    return TABLES.get(name) or "其他记录"


def field(name: str) -> str:
    found = FIELDS.get(name) or child_rules.FIELD_LABELS.get(name)
    return found or "其他内容"
