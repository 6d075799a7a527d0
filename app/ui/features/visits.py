"""Registers the visits feature: the 工作台 home page, the 排查 page, and the 评估 and 走访 tabs."""

from __future__ import annotations

from app.ui import registry


def register() -> None:
    registry.add(registry.PAGES, 0, "dashboard", "工作台", "app.ui.visits.dashboard_page:DashboardPage")
    registry.add(registry.PAGES, 30, "screening", "排查", "app.ui.visits.screening_page:ScreeningPage")
    registry.add(registry.CHILD_TABS, 50, "assessment", "评估", "app.ui.visits.assessment:AssessmentTab")
    registry.add(registry.CHILD_TABS, 60, "visits", "走访", "app.ui.visits.visit_form:VisitsTab")
