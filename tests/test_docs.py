"""The user guide: every screenshot it shows exists (they are made by `make docs`)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "用户手册.md"


def test_guide_images_exist():
    text = GUIDE.read_text("utf-8")
    images = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text)
    assert len(images) >= 10
    missing = [i for i in images if not (GUIDE.parent / i).is_file()]
    assert not missing, f"run `make docs`: missing {missing}"


def test_guide_covers_the_essentials():
    text = GUIDE.read_text("utf-8")
    for topic in ("安装", "第一次启动", "走访", "评估", "打印", "网络同步", "U盘同步", "备份", "恢复",
                  "忘记密码", "tonghu.store.keys"):
        assert topic in text, topic
