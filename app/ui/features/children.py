"""Registers the children feature: the 儿童名册 page and the child's-file tabs it owns."""

from __future__ import annotations

from app.ui import registry


def register() -> None:
    registry.add(registry.PAGES, 10, "children", "儿童名册", "app.ui.children.list_page:ChildListPage")
    tabs = "app.ui.children.tabs"
    registry.add(registry.CHILD_TABS, 0, "basic", "基本情况", f"{tabs}:BasicTab")
    registry.add(registry.CHILD_TABS, 10, "guardians", "家庭与监护", f"{tabs}:GuardiansTab")
    registry.add(registry.CHILD_TABS, 20, "care", "委托照护", f"{tabs}:CareTab")
    registry.add(registry.CHILD_TABS, 30, "categories", "儿童类别", f"{tabs}:CategoriesTab")
    registry.add(registry.CHILD_TABS, 40, "needs", "需求", f"{tabs}:NeedsTab")
    registry.add(registry.CHILD_TABS, 900, "audit", "变更记录", f"{tabs}:AuditTab")
    registry.add(registry.DASHBOARD_SECTIONS, 3, "township", "按村统计", "app.ui.children.township:VillageTotals")
