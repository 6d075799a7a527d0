"""The demo store (a synthetic village, public password) never talks to the county: it cannot be
enrolled, synced over the network or by USB. The sync code asks `is_demo(store)` first."""

from __future__ import annotations

SETTING = "demo"
MESSAGE = ("这是演示数据（虚构村庄），不能登记到县级服务器，也不能同步。"
           "请退出童护后重新启动，点“创建并进入”建立您自己的正式数据，再登记同步。")


def is_demo(store) -> bool:
    return store.setting(SETTING) == "1"
