"""Controlled vocabularies shared by the screens, the printed forms and the sync payloads.

Stored values are the Chinese terms themselves (what county forms use), so a record reads the
same on screen, on paper and in an export; each list is the order users expect to see it in.
"""

from __future__ import annotations

# 儿童类别: a child can be in several at once (DESIGN §3).
CATEGORY_LEFT_BEHIND = "农村留守儿童"
CATEGORY_ORPHAN = "孤儿"
CATEGORY_INSTITUTION_ORPHAN = "机构供养孤儿"
CATEGORY_SCATTERED_ORPHAN = "散居孤儿"
CATEGORY_UNSUPPORTED = "事实无人抚养儿童"
CATEGORY_SERIOUS_ILLNESS = "重病儿童"
CATEGORY_SEVERE_DISABILITY = "重残儿童"
CATEGORY_LOW_INCOME = "低保家庭儿童"
CATEGORY_EXTREME_POVERTY = "特困儿童"
CATEGORY_HARDSHIP_POVERTY = "困境儿童(家庭经济困难)"
CATEGORY_HARDSHIP_DISABILITY = "困境儿童(自身残疾)"
CATEGORY_HARDSHIP_GUARDIANSHIP = "困境儿童(监护缺失或不当)"

CATEGORIES = [
    CATEGORY_LEFT_BEHIND,
    CATEGORY_SCATTERED_ORPHAN,
    CATEGORY_INSTITUTION_ORPHAN,
    CATEGORY_UNSUPPORTED,
    CATEGORY_SERIOUS_ILLNESS,
    CATEGORY_SEVERE_DISABILITY,
    CATEGORY_LOW_INCOME,
    CATEGORY_EXTREME_POVERTY,
    CATEGORY_HARDSHIP_POVERTY,
    CATEGORY_HARDSHIP_DISABILITY,
    CATEGORY_HARDSHIP_GUARDIANSHIP,
]

# The two headline groups the child list filters by.
LEFT_BEHIND_GROUP = "留守"
HARDSHIP_GROUP = "困境"


# 在册状态: a child is never hard-deleted, only moved out of the active register.
STATUS_ACTIVE = "在册"
STATUS_TRANSFERRED = "已转出"
STATUS_AGED_OUT = "已满18岁"
STATUSES = [STATUS_ACTIVE, STATUS_TRANSFERRED, STATUS_AGED_OUT]

SEXES = ["男", "女"]

GUARDIANSHIP_STATES = ["正常", "无力", "缺失", "隔代照料"]

PARENT_CIRCUMSTANCES = [
    "无",
    "外出务工",
    "服刑在押",
    "强制隔离戒毒",
    "社区矫正",
    "流浪乞讨",
    "严重不良嗜好",
    "长期无法联系",
    "重病",
    "重残",
    "死亡",
    "失踪",
    "被撤销监护资格",
    "被遣送出境",
]

RELATIONS = ["父亲", "母亲", "祖父", "祖母", "外祖父", "外祖母", "兄姐", "其他亲属", "其他"]

CONTACT_FREQUENCIES = ["每天", "每周", "每月", "每季度", "每年", "很少", "无联系"]

CARE_ABILITIES = ["良好", "一般", "较弱", "无照护能力"]

SCHOOL_STAGES = ["学龄前", "幼儿园", "小学", "初中", "高中", "中职", "不在校"]

DISABILITY_TYPES = ["无", "视力", "听力", "言语", "肢体", "智力", "精神", "多重"]
DISABILITY_GRADES = ["", "一级", "二级", "三级", "四级"]

HUKOU_TYPES = ["农业", "非农业"]

HEALTH_STATES = ["健康", "一般", "较差"]  # offered for 健康状况; anything else may be typed

NEED_COVERAGE = ["已保障", "应保未保", "已保未足", "不符合"]

ETHNICITIES = [
    "汉族", "回族", "满族", "蒙古族", "壮族", "苗族", "土家族", "彝族", "藏族", "维吾尔族", "其他",
]
