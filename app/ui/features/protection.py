"""Registers the protection feature: child-file tabs 强制报告 / 监护 / 保障 / 个案, the 学籍比对 page,
the 工具 menu's school-roll import, and one 工作台 block holding five lists."""

from __future__ import annotations

from app.ui import registry


def register() -> None:
    p = "app.ui.protection"
    registry.add(registry.CHILD_TABS, 70, "reports", "强制报告", f"{p}.reports_tab:ReportsTab")
    registry.add(registry.CHILD_TABS, 25, "guardianship", "监护", f"{p}.guardianship_tab:GuardianshipTab")
    registry.add(registry.CHILD_TABS, 45, "benefits", "保障", f"{p}.benefits_tab:BenefitsTab")
    registry.add(registry.CHILD_TABS, 80, "cases", "个案", f"{p}.cases_tab:CasesTab")
    registry.add(registry.PAGES, 40, "schoolroll", "学籍比对", f"{p}.schoolroll:SchoolRollPage")
    registry.add(registry.MENU_ACTIONS, 40, "schoolroll_import", "学籍库比对导入…", f"{p}.schoolroll:import_action", menu="工具")
    registry.add(registry.DASHBOARD_SECTIONS, 10, "protection", "保护与保障", f"{p}.dashboard:ProtectionSection")
