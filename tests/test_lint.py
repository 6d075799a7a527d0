"""The lint and type gate: ruff (pyflakes, pycodestyle, bugbear, mccabe) stays at zero on the whole
`app` package and on `tests` and `bench`, mypy on every module of `app/core`, `app/domain`, `app/data`
and `app/sync` (settings in pyproject.toml), with no baseline of modules left out."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RUFF_GATED = ["app", "tests", "bench"]
MYPY_GATED = ["app/core", "app/domain", "app/data", "app/sync"]


def _tool(name: str) -> str:
    found = Path(sys.executable).parent / name
    if found.exists():
        return str(found)
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (pip install -e '.[dev]')")
    return path


def test_ruff_is_clean():
    done = subprocess.run([_tool("ruff"), "check", "--no-cache", "--output-format", "concise", *RUFF_GATED],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_is_clean():
    done = subprocess.run([_tool("mypy"), "--no-incremental", *MYPY_GATED], cwd=ROOT, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
