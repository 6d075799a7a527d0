"""Issue 13: on an old laptop's screen (1366×768 at 125 % → about 1093×614 logical pixels) every
dialog and page fits and no button lies outside the screen, in Chinese and in English.

The check runs `scripts/dialog_fit.py` in a fresh process: the screen size and scale factor must
be set before Qt starts (the offscreen platform with a 1366×768 screen, QT_SCALE_FACTOR=1.25)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_every_dialog_fits_1366x768_at_125_percent(tmp_path, lang):
    screen = tmp_path / "screen.json"
    screen.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={screen}", "QT_SCALE_FACTOR": "1.25",
           "TONGHU_FAST_KDF": "1", "TONGHU_CONFIG_DIR": str(tmp_path / "config")}
    env.pop("QT_SCREEN_SCALE_FACTORS", None)
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "dialog_fit.py"), "--json", "--lang", lang],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert result["screen"] == [1093, 614]
    checked = result["checked"]
    for name in ("LoginDialog", "FirstRunDialog", "page dashboard", "page children", "VisitDialog",
                 "AssessmentDialog", "ChildDialog new", "ReportDialog", "PolicyDialog",
                 "RecoveryDialog", "UsersDialog", "AddUserDialog", "RemoveUserDialog"):
        assert name in checked, name
    assert sum(c.startswith("PrintPreviewDialog") for c in checked) >= 2
    assert len(checked) >= 50
    assert result["problems"] == []
