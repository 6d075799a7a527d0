"""Registers printing: the 打印 menu (forms, batch visit forms, ledger, screening, reports) and the
打印 tab of the child's file. The helpers other screens call live in app.ui.printing.actions."""

from __future__ import annotations

from app.ui import registry

ACTIONS = "app.ui.printing.actions"


def register() -> None:
    for order, key, title, fn in (
        (10, "print-child", "儿童信息登记表", "action_child_form"),
        (20, "print-visit", "走访记录表", "action_visit_form"),
        (30, "print-due", "批量打印应访走访表", "action_due_forms"),
        (40, "print-ledger", "月度走访台账", "action_ledger"),
        (50, "print-screening", "一年两排排查汇总", "action_screening"),
        (60, "print-report", "强制报告登记表", "action_report"),
        (70, "print-case", "个案服务计划表", "action_case"),
    ):
        registry.add(registry.MENU_ACTIONS, 100 + order, key, title, f"{ACTIONS}:{fn}", menu="打印")
    registry.add(registry.CHILD_TABS, 950, "print", "打印", f"{ACTIONS}:ChildPrintTab")
