"""The village program: build dist/tonghu/ with build.spec, then run it like a user would.

Marked slow (a PyInstaller build takes minutes): `make test` runs it only under CI=true.
The bundle is built into a temporary folder, started from another folder with an empty home
(so nothing comes from the source tree or the developer's data), offscreen.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


def _folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("pyinstaller")
    # The work folder is kept in build/ (git-ignored) so a second run reuses PyInstaller's cache.
    result = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(work / "dist"), "--workpath", str(ROOT / "build" / "test-bundle"), str(ROOT / "build.spec")],
        cwd=ROOT, capture_output=True, text=True, timeout=1200,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    folder = work / "dist" / "tonghu"
    exe = folder / ("tonghu.exe" if os.name == "nt" else "tonghu")
    assert exe.exists()
    print(f"\nbundle size: {_folder_size(folder) / 2**20:.1f} MiB in {folder}")
    return exe


def _run(exe: Path, *args: str, home: Path, **extra_env: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "TONGHU_", "VIRTUAL_ENV"))}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(home), XDG_DATA_HOME=str(home / "data"),
               XDG_CONFIG_HOME=str(home / "config"), TONGHU_FAST_KDF="1", **extra_env)
    return subprocess.run([str(exe), *args], cwd=home, env=env, capture_output=True, text=True, timeout=300)


def test_bundle_reports_its_version(bundle, tmp_path):
    from app import __version__

    result = _run(bundle, "--version", home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"tonghu {__version__}"


def test_bundle_self_check_passes_offscreen(bundle, tmp_path):
    result = _run(bundle, "--self-check", home=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "(bundle," in result.stdout
    assert "self-check passed" in result.stdout
    assert "/_internal/resources" in result.stdout.replace("\\", "/")  # resources from the bundle
    assert not list(tmp_path.glob("*.store"))  # the temporary store was removed


def test_bundle_cli_creates_a_store_in_any_folder(bundle, tmp_path):
    result = _run(bundle, "init", "--store", "v.store", "--village", "320115101201", "--village-name", "东山村",
                  home=tmp_path, TONGHU_PASSWORD="bundle-test-pw")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "v.store").exists() and (tmp_path / "v.store.keys").exists()
