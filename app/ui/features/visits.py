"""Registers the visits feature: the 工作台 home page, the 排查 page, the 评估 and 走访 tabs, and
工具 → 评估标准与走访频次 (the policy in force, and that the county sets its own)."""

from __future__ import annotations

from app.ui import registry


def register() -> None:
    registry.add(registry.PAGES, 0, "dashboard", "工作台", "app.ui.visits.dashboard_page:DashboardPage")
    registry.add(registry.PAGES, 30, "screening", "排查", "app.ui.visits.screening_page:ScreeningPage")
    registry.add(registry.CHILD_TABS, 50, "assessment", "评估", "app.ui.visits.assessment:AssessmentTab")
    registry.add(registry.CHILD_TABS, 60, "visits", "走访", "app.ui.visits.visit_form:VisitsTab")
    registry.add(registry.MENU_ACTIONS, 60, "visit_policy", "评估标准与走访频次…",
                 "app.ui.visits.policy_view:policy_action", "工具")
