"""Field definitions of the visit record (走访记录): kinds, the checklist, the answers.

The screen (app/ui/visits) and the printed visit form (app/print) both build themselves from
these lists, so paper and screen always ask the same questions in the same order. A visit stores
its checklist as `{item key: {"answer": one of ANSWERS, "note": text}}`.
"""

from __future__ import annotations

from dataclasses import dataclass

VISIT_KINDS = ["入户", "电话", "学校", "其他"]
VISIT_KIND_HINTS = {"入户": "入户走访", "电话": "电话或视频回访", "学校": "到校了解", "其他": "其他方式"}

ANSWER_OK = "正常"
ANSWER_PROBLEM = "有问题"
ANSWER_UNCHECKED = "未了解"
ANSWERS = [ANSWER_OK, ANSWER_PROBLEM, ANSWER_UNCHECKED]


@dataclass(frozen=True)
class ChecklistItem:
    key: str
    label: str
    hint: str  # what to look at; shown as a tooltip and printed small under the label


CHECKLIST = [
    ChecklistItem("carer", "照护人在家且有照护能力", "照护人是否在家、身体状况、能否照顾好孩子"),
    ChecklistItem("food", "饮食", "是否吃得饱、吃得好，有无挨饿"),
    ChecklistItem("clothing", "衣着", "衣物是否干净、保暖、合季节"),
    ChecklistItem("housing", "住房安全", "房屋、用电用火、燃气、防溺水等安全隐患"),
    ChecklistItem("health", "身体健康", "有无生病、受伤、按时就医服药、康复情况"),
    ChecklistItem("schooling", "上学情况", "是否按时上学，有无辍学或长期缺课风险"),
    ChecklistItem("homework", "作业与出勤", "作业完成情况、出勤情况、与老师的联系"),
    ChecklistItem("mental", "心理状态", "情绪、与人交往，有无明显孤僻、焦虑或自伤迹象"),
    ChecklistItem("parent_contact", "近一个月与父母联系", "近一个月是否与父母通话、视频或见面"),
]

CHECKLIST_KEYS = [item.key for item in CHECKLIST]


def checklist_item(key: str) -> ChecklistItem:
    for item in CHECKLIST:
        if item.key == key:
            return item
    raise KeyError(key)


def incomplete(values: dict) -> list[tuple[str, str]]:
    """What a visit still lacks before it may be saved, as (field, message) pairs (issue 13).

    A visit record says the child was seen: the way of contact, who was seen and an answer to
    every checklist item (正常 / 有问题 / 未了解) are required. The date is always set.
    """
    out = []
    if not values.get("visit_date"):
        out.append(("visit_date", "请填写走访日期"))
    if not (values.get("kind") or "").strip():
        out.append(("kind", "请选择走访方式"))
    if not str(values.get("present") or "").strip():
        out.append(("present", "请填写在场人员（见到了谁）"))
    checklist = values.get("checklist") or {}
    unanswered = [item.label for item in CHECKLIST
                  if not ((checklist.get(item.key) or {}) if isinstance(checklist.get(item.key), dict)
                          else {"answer": checklist.get(item.key)}).get("answer")]
    if unanswered:
        out.append(("checklist", f"还有{len(unanswered)}项检查未作答：{'、'.join(unanswered)}"))
    return out


def problems(checklist: dict) -> list[str]:
    """Labels of the checklist items answered 有问题."""
    return [item.label for item in CHECKLIST
            if (checklist.get(item.key) or {}).get("answer") == ANSWER_PROBLEM]
