"""The command line closes what it opens in one place, and every listing speaks `--json`."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from app.cli import main
from app.commands import common

ROOT = Path(__file__).resolve().parents[1]


class Resource:
    def __init__(self):
        self.closed = False

    def close(self):
        self.closed = True


def test_the_runner_closes_what_a_command_opened_however_it_ends(capsys):
    opened = []

    def ok(args):
        opened.append(common.closes(Resource()))

    def fails(args):
        opened.append(common.closes(Resource()))
        raise common.CliError("不行")

    def crashes(args):
        opened.append(common.closes(Resource()))
        raise RuntimeError("bug")

    assert common.run_handler(ok, None) == common.EXIT_OK
    assert common.run_handler(fails, None) == common.EXIT_BAD_INPUT
    assert common.run_handler(crashes, None) == common.EXIT_FAIL
    assert [r.closed for r in opened] == [True, True, True]


def test_no_command_closes_by_hand():
    """Cleanup lives in `run_handler`; a try/finally that closes a store in a command is a regression."""
    offenders = []
    for path in sorted((ROOT / "app" / "commands").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Try) and any(
                    isinstance(st, ast.Expr) and isinstance(st.value, ast.Call)
                    and isinstance(st.value.func, ast.Attribute) and st.value.func.attr == "close"
                    for st in node.finalbody):
                offenders.append(f"{path.name}:{node.lineno}")
    assert not offenders, offenders


@pytest.fixture
def village(tmp_path, monkeypatch):
    monkeypatch.setenv("TONGHU_PASSWORD", "cli-password-1")
    monkeypatch.delenv("TONGHU_USER", raising=False)
    path = tmp_path / "v.store"
    assert main(["demo", "--store", str(path), "--children", "30"]) == 0
    return path


LISTINGS = [
    ["children"],
    ["report", "alarms"],
    ["case", "list"],
    ["screening", "list"],
    ["schoolroll", "tasks"],
    ["benefits", "due"],
    ["visits", "due"],
]


def test_every_listing_accepts_json(village, capsys):
    capsys.readouterr()
    for argv in LISTINGS:
        code = main([*argv, "--store", str(village), "--json"])
        out, err = capsys.readouterr()
        assert code == 0, (argv, err)
        text = out.strip()
        if text:
            try:
                json.loads(text)  # a JSON array (or object)
            except ValueError:
                for line in text.splitlines():  # one object a line (children, visits due)
                    json.loads(line)


def test_screening_list_shows_round_ids(village, capsys):
    assert main(["screening", "open", "--store", str(village), "--name", "测试专项排查",
                 "--from", "2026-09-01", "--to", "2026-12-31"]) == 0
    round_id = capsys.readouterr().out.strip()
    assert main(["screening", "list", "--store", str(village), "--json"]) == 0
    rounds = json.loads(capsys.readouterr().out)
    mine = [r for r in rounds if r["id"] == round_id]
    assert len(mine) == 1 and mine[0]["name"] == "测试专项排查" and mine[0]["total"] >= mine[0]["screened"] == 0
    assert main(["screening", "list", "--store", str(village)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert any(line.startswith(round_id + "\t测试专项排查\t2026-09-01\t2026-12-31") for line in lines)
