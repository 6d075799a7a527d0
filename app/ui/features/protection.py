"""Registers the protection feature: child-file tabs 强制报告 / 监护 / 保障 / 个案, the 学籍比对 page,
the 工具 menu's school-roll import, and five 工作台 blocks."""

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
    d = f"{p}.dashboard"
    registry.add(registry.DASHBOARD_SECTIONS, 10, "report_alarms", "强制报告提醒", f"{d}:ReportAlarmsSection")
    registry.add(registry.DASHBOARD_SECTIONS, 20, "uncovered", "应保未保", f"{d}:UncoveredSection")
    registry.add(registry.DASHBOARD_SECTIONS, 30, "ending", "需要终止的保障", f"{d}:EndingSection")
    registry.add(registry.DASHBOARD_SECTIONS, 40, "dropout", "劝返复学", f"{d}:DropoutSection")
    registry.add(registry.DASHBOARD_SECTIONS, 50, "open_cases", "进行中的个案", f"{d}:OpenCasesSection")
