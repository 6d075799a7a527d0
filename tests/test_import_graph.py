"""Dependencies point one way, checked from the source (ast, no imports run):

    ui, commands  →  print, sync  →  data  →  domain  →  core
    server        →  sync, data, domain, core

`app/core` and `app/domain` import nothing else of ours (domain may use core, the bottom layer);
the UI never speaks SQL (no `sqlalchemy`, no model modules under `app/ui`); Qt stays in `app/ui`.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app"

# What each package of `app` may import from the others (`from app import __version__` is free).
ALLOWED: dict[str, set[str]] = {
    "core": set(),
    "domain": {"core"},
    "data": {"domain", "core"},
    "print": {"data", "domain", "core", "paths"},
    "sync": {"data", "domain", "core"},
    "server": {"sync", "data", "domain", "core", "paths"},
    "ui": {"print", "sync", "data", "domain", "core", "paths"},
    "commands": {"ui", "server", "sync", "print", "data", "domain", "core", "paths", "selfcheck"},
    "cli": {"commands", "core"},
    "__main__": {"cli", "commands", "ui"},
    "selfcheck": {"ui", "print", "sync", "data", "domain", "core", "paths"},
    "paths": set(),
}

# Arrows that are wrong but cannot move yet; each is named here so the test still catches any new
# one, and must go once it is fixed. None today.
KNOWN_VIOLATIONS: set[tuple[str, str]] = set()


def _module(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _package(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "app" or len(parts) == 1:
        return None
    return parts[1]


def imports_of(path: Path) -> list[str]:
    """Absolute module names imported by the file (relative imports resolved)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    here = _module(path).split(".")
    if path.name != "__init__.py":
        here = here[:-1]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(here[: len(here) - node.level + 1] + ([base] if base else []))
            found.append(base)
            found += [f"{base}.{a.name}" for a in node.names]  # `from app import data` names a module
    return found


def _files():
    return sorted(p for p in APP.rglob("*.py") if "migrations" not in p.parts)


def arrows() -> dict[tuple[str, str], list[str]]:
    out: dict[tuple[str, str], list[str]] = {}
    for path in _files():
        src = _package(_module(path))
        for name in imports_of(path):
            dst = _package(name)
            if src and dst and dst != src and dst != "__version__":
                out.setdefault((src, dst), []).append(f"{_module(path)} imports {name}")
    return out


def test_every_package_is_known():
    packages = {_package(_module(p)) for p in _files()} - {None}
    assert packages <= set(ALLOWED), sorted(packages - set(ALLOWED))


def test_dependencies_point_one_way():
    wrong = {
        arrow: where for arrow, where in arrows().items()
        if arrow[1] not in ALLOWED.get(arrow[0], set()) and arrow not in KNOWN_VIOLATIONS
    }
    assert not wrong, "\n".join(f"{a} → {b}: {w[0]} (+{len(w) - 1})" for (a, b), w in sorted(wrong.items()))


def test_known_violations_are_still_real():
    """An allow-list entry that no longer happens must go, so the list only ever shrinks."""
    assert KNOWN_VIOLATIONS <= set(arrows())


def test_core_and_domain_are_the_bottom():
    for (src, dst), where in arrows().items():
        if src == "core":
            pytest.fail(f"app/core must import nothing else of ours: {where[0]}")
        if src == "domain" and dst != "core":
            pytest.fail(f"app/domain may only use app/core: {where[0]}")


def _ui_files():
    return sorted((APP / "ui").rglob("*.py"))


def test_the_ui_never_speaks_sql():
    offenders = []
    for path in _ui_files():
        for name in imports_of(path):
            if name.split(".")[0] == "sqlalchemy" or name == "app.data.models" or name.startswith("app.data.models."):
                offenders.append(f"{path.relative_to(ROOT)}: {name}")
    assert not offenders, "queries belong in app/data functions that return plain values:\n" + "\n".join(offenders)


def test_qt_only_under_ui():
    offenders = [
        str(path.relative_to(ROOT)) for path in _files()
        if not path.is_relative_to(APP / "ui") and path.name != "selfcheck.py"  # the bundle's self-check opens a window
        and any(name.split(".")[0] == "PySide6" for name in imports_of(path))
    ]
    assert not offenders, offenders


def test_the_checker_sees_a_violation(tmp_path):
    """The parser finds both import forms (so an empty result above means something)."""
    probe = APP / "ui" / "widgets.py"
    names = imports_of(probe)
    assert any(n.startswith("PySide6") for n in names)
    assert ("ui", "data") in arrows() and ("data", "domain") in arrows()


# Screens that still open a session themselves instead of one call per user action
# (`store.run(fn, ...)` / `store.read(fn, ...)` or an app/data function taking the store). This
# list only shrinks: move a screen's reads and writes behind such calls, then take it off.
SESSION_USERS: set[str] = set()


def _opens_a_session(path: Path) -> bool:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("session", "read_session")):
            return True
    return False


def test_no_new_screen_opens_a_session():
    opened = {str(p.relative_to(ROOT)) for p in _ui_files() if _opens_a_session(p)}
    assert opened <= SESSION_USERS, f"use store.run / store.read: {sorted(opened - SESSION_USERS)}"
    assert SESSION_USERS <= opened, f"done, take off SESSION_USERS: {sorted(SESSION_USERS - opened)}"
