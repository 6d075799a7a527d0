"""The officers' guide (docs/县级管理员手册.md): every screenshot it shows exists, at both screen
sizes (scripts/make_console_screenshots.py, scripts/console_screenshots.py), and it covers the
login and administration pages."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
GUIDE = ROOT / "docs" / "县级管理员手册.md"


def test_guide_images_exist_at_both_sizes():
    text = GUIDE.read_text("utf-8")
    images = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text)
    assert len(images) >= 7
    for image in images:
        path = GUIDE.parent / image
        assert path.is_file(), image
        other = Path(str(path).replace("-1366.png", "-1920.png"))
        assert other.is_file(), other.name


def test_guide_covers_login_and_administration():
    text = GUIDE.read_text("utf-8")
    for topic in ("tonghu server user add", "tonghu server migrate", "两步验证", "锁定", "30 分钟", "登记码",
                  "离线登记", "停用", "重置密码", "审计日志", "统计查看"):
        assert topic in text, topic
