"""Interface words the screens translate from variables (`self.tr(item.label)`), which lupdate cannot
see: the visit checklist, its answers and ways of contact, the colours and the assessment factors,
the vocabularies (categories, relations …) and the field and record names of the change history.

`scripts/update_translations.py` lists them in app/ui/registry_strings.py (empty context, which the
app's FallbackTranslator consults for any context), so the .ts completeness test also catches
strings built at run time (issue 13). Values a person typed are data and stay as entered.
"""

from __future__ import annotations

import logging


# Messages of app/domain and app/data the visit form shows as they are (no values inside).
VISIT_MESSAGES = [
    "请选择走访方式", "请填写在场人员（见到了谁）", "请填写走访日期", "走访日期不能晚于今天",
    "更正走访记录必须说明更正原因", "跟进事项的完成日期不能早于走访日期", "走访日期不是有效日期（应为 年-月-日）",
]


# Reasons app/data words for the screens (not errors, so not harvested), shown through
# app.ui.messages.user_text like the rule messages: "{0}" is a value.
MESSAGE_PARTS = ["类别：{0}", "父母情形符合事实无人抚养条件", "需求登记为“应保未保”",
                 "年满{0}周岁（{1}）", "类别已终止（{0}）"]  # app.domain.benefits.due_end's reasons


# Listed words that read differently as a value than as a title elsewhere: translated in the
# "Vocabulary" context (健康 as a health state is "Healthy"; as a checklist group, "Health").
VOCABULARY_CONTEXT = ["健康"]


def vocabulary() -> set[str]:
    """Words a person picks from a list (categories, relations, statuses …) and the names of fields
    and record kinds the change history shows: stored in Chinese, shown in the interface language.
    Ethnic group names and everything typed stay as entered."""
    from app.domain import audit_labels, benefits, cases, child_rules, mandatory_reports, vocab

    words: set[str] = set()
    for name in dir(vocab):
        value = getattr(vocab, name)
        if name.isupper() and name != "ETHNICITIES" and isinstance(value, list):
            words |= {v for v in value if isinstance(v, str)}
    words |= {vocab.LEFT_BEHIND_GROUP, vocab.HARDSHIP_GROUP}
    words |= {"是", "否"}  # yes/no values in tables and the change history
    words |= {"已结束", "跟进中", "超时未向公安报告", "未向公安报告"}  # a mandatory report's state (app.data.protection)
    words.add("（尚未报告）")  # the new report form's 已报告至 before anyone was told (app/ui/protection/reports_tab.py)
    words |= set(child_rules.FIELD_LABELS.values()) | set(child_rules.TABLE_LABELS.values())
    words |= set(audit_labels.TABLES.values()) | set(audit_labels.FIELDS.values()) | {"其他记录", "其他内容"}
    words |= set(mandatory_reports.BODIES) | set(mandatory_reports.METHODS) | set(mandatory_reports.SITUATIONS)
    words |= set(mandatory_reports.URGENCIES) | set(cases.STATUSES) | set(cases.STEP_STATES) | set(cases.PARTY_ROLES)
    words |= set(benefits.KINDS) | set(benefits.INSURANCE_KINDS)
    return words


def runtime_strings() -> list[str]:
    from app.domain.visit_checklist import ANSWERS, CHECKLIST, VISIT_KINDS

    words: set[str] = set(ANSWERS) | set(VISIT_KINDS) | set(VISIT_MESSAGES) | vocabulary()
    for item in CHECKLIST:
        words |= {item.label, item.hint}
    try:
        from app.domain.policy import default_policy

        policy = default_policy()
    except Exception:  # a broken policy file is reported to the user by the app itself
        logging.getLogger(__name__).warning("visits policy could not be read for translation", exc_info=True)
        policy = None
    if policy is not None:
        for group, factors in policy.factors_by_group().items():
            words.add(group)
            for f in factors:
                words |= {f.label, f.dimension, f.severity, getattr(f, "unit", "")}
        for c in policy.colours:
            words |= {c.name, c.meaning}
        words |= {rule.note for rule in policy.rules}  # the rule that set the suggested colour
    try:
        from app.ui.look import RISK_MEANING

        words |= set(RISK_MEANING.values())
    except ImportError:
        pass
    try:  # the 工作台's protection tabs (强制报告 / 应保未保 / 待终止 / 劝返 / 个案)
        from app.ui.protection.dashboard import ProtectionSection

        words |= {title for title, _ in ProtectionSection.SECTIONS}
    except ImportError:
        pass
    return sorted(w for w in words if w)
