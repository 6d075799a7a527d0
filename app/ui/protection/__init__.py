"""Screens of the protection feature: 强制报告, 监护, 保障, 个案 tabs, home-screen lists, 学籍库比对."""
