"""The lint and type gate: ruff (pyflakes, pycodestyle, bugbear, mccabe) stays at zero on the whole
`app` package, mypy on `app/domain`, `app/data` and `app/sync` (settings in pyproject.toml). mypy's
app/sync baseline (modules not yet clean, below) only shrinks: a module off the list is checked."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RUFF_GATED = ["app"]
# app/sync modules mypy does not check yet (52 errors on 2026-12-01: untyped model classes from
# synced_tables(), Result.rowcount, cryptography's enum arguments); remove a module once it is clean
MYPY_SYNC_BASELINE = {"bundle.py", "changes.py", "client.py", "identity.py", "inbound.py", "merge.py", "purge_gate.py"}


def _mypy_targets() -> list[str]:
    sync = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "app/sync").glob("*.py") if p.name not in MYPY_SYNC_BASELINE)
    return ["app/domain", "app/data", *sync]


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
    done = subprocess.run([_tool("mypy"), "--no-incremental", *_mypy_targets()], cwd=ROOT, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
