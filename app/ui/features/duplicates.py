"""Registers 疑似重复档案: a 工作台 block (shown only when two files share an ID number) with the
list and the merge dialog."""

from __future__ import annotations

from app.ui import registry


def register() -> None:
    registry.add(registry.DASHBOARD_SECTIONS, 5, "duplicates", "疑似重复档案",
                 "app.ui.duplicates.section:DuplicatesSection")
