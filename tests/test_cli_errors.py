"""The command line's net: a closed pipe ends quietly, an unexpected error leaves a log line."""

import os
import subprocess
import sys
from pathlib import Path

from app.cli import main
from app.commands import common

ROOT = Path(__file__).resolve().parents[1]


def test_closed_pipe_prints_no_traceback(tmp_path, monkeypatch):
    """`tonghu children --json | head -1`, with a real pipe between two processes."""
    monkeypatch.setenv("TONGHU_PASSWORD", "cli-password-1")
    path = tmp_path / "v.store"
    assert main(["demo", "--store", str(path), "--children", "400"]) == 0
    env = dict(os.environ, TONGHU_PASSWORD="cli-password-1", TONGHU_LOG_DIR=str(tmp_path / "logs"))
    writer = subprocess.Popen([sys.executable, "-m", "app.cli", "children", "--store", str(path), "--json"],
                              cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = writer.stdout.readline()
    writer.stdout.close()  # what `head -1` does after its first line
    err = writer.stderr.read().decode()
    writer.wait(timeout=60)
    assert first.startswith(b"{")
    assert "Traceback" not in err and "BrokenPipe" not in err, err
    assert writer.returncode in (0, common.EXIT_PIPE)


def test_shell_pipe_to_head(tmp_path):
    env = dict(os.environ, TONGHU_PASSWORD="cli-password-1", TONGHU_LOG_DIR=str(tmp_path / "logs"))
    path = tmp_path / "v.store"
    subprocess.run([sys.executable, "-m", "app.cli", "demo", "--store", str(path), "--children", "400"],
                   cwd=ROOT, env=env, check=True, capture_output=True)
    done = subprocess.run(f"'{sys.executable}' -m app.cli children --store '{path}' --json | head -1",
                          shell=True, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert done.stdout.count("\n") == 1 and "Traceback" not in done.stderr, done.stderr


def test_unexpected_error_is_logged_not_dumped(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("TONGHU_LOG_DIR", str(tmp_path))

    def broken(args):
        raise KeyError("身份证号：320115201001011234")

    class Args:
        command = "broken"

    from app.core import log

    log.setup("cli")
    code = common.run_handler(broken, Args())
    err = capsys.readouterr().err
    assert code == common.EXIT_FAIL
    assert "Traceback" not in err and "KeyError" in err and "日志" in err
    import logging

    for handler in logging.getLogger().handlers:
        handler.flush()
    text = (tmp_path / "tonghu-cli.log").read_text(encoding="utf-8")
    assert "Traceback" in text and "KeyError" in text and "320115201001011234" not in text
