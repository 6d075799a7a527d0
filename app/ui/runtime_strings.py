"""Interface words the screens translate from variables (`self.tr(item.label)`), which lupdate cannot
see: the visit checklist, its answers and ways of contact, the colours and the assessment factors.

`scripts/update_translations.py` lists them in app/ui/registry_strings.py (empty context, which the
app's FallbackTranslator consults for any context), so the .ts completeness test also catches
strings built at run time (issue 13). Values a person typed are data and stay as entered.
"""

from __future__ import annotations


def runtime_strings() -> list[str]:
    from app.domain.visit_checklist import ANSWERS, CHECKLIST, VISIT_KINDS

    words: set[str] = set(ANSWERS) | set(VISIT_KINDS)
    for item in CHECKLIST:
        words |= {item.label, item.hint}
    try:
        from app.domain.policy import default_policy

        policy = default_policy()
    except Exception:  # a broken policy file is reported by the app itself
        policy = None
    if policy is not None:
        for group, factors in policy.factors_by_group().items():
            words.add(group)
            for f in factors:
                words |= {f.label, f.dimension, f.severity}
        for c in policy.colours:
            words |= {c.name, c.meaning}
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
