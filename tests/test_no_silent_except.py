"""No `except Exception` (or bare `except`) swallows an error silently: the handler must at least
log it, re-raise, or tell the user. A handler whose body only passes, continues or returns a
constant hides the one clue a laptop in a village office would leave."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BROAD = {"Exception", "BaseException"}

# Silent handlers still waiting, by file (count). Each must go; the test fails if one is added.
KNOWN = {
}


def _broad(handler: ast.ExceptHandler) -> bool:
    t = handler.type
    if t is None:
        return True
    names = t.elts if isinstance(t, ast.Tuple) else [t]
    return any(isinstance(n, ast.Name) and n.id in BROAD for n in names)


def _silent(body: list[ast.stmt]) -> bool:
    for stmt in body:
        if isinstance(stmt, (ast.Pass, ast.Continue, ast.Break)):
            continue
        if isinstance(stmt, ast.Return) and (stmt.value is None or isinstance(
                stmt.value, (ast.Constant, ast.Dict, ast.List, ast.Tuple, ast.Set, ast.Name))):
            continue
        if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant):  # a comment-like string
            continue
        return False
    return True


def silent_handlers() -> list[str]:
    found = []
    for path in sorted((ROOT / "app").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ExceptHandler) and _broad(node) and _silent(node.body):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_no_broad_except_swallows_silently():
    counts: dict[str, int] = {}
    for where in silent_handlers():
        path = where.split(":")[0]
        counts[path] = counts.get(path, 0) + 1
    new = {p: n for p, n in counts.items() if n > KNOWN.get(p, 0)}
    assert not new, "log it (logging.getLogger(__name__).warning(..., exc_info=True)):\n" + "\n".join(
        w for w in silent_handlers() if w.split(":")[0] in new)


def test_the_check_sees_a_silent_handler():
    tree = ast.parse("try:\n    x()\nexcept Exception:\n    return {}\n".replace("return {}", "pass"))
    handler = next(n for n in ast.walk(tree) if isinstance(n, ast.ExceptHandler))
    assert _broad(handler) and _silent(handler.body)
