"""`tonghu print …` end to end: writes the PDF, refuses bad input with exit code 2 and a message."""

from __future__ import annotations

from app.cli import main
from tests.conftest import PASSWORD
from tests.print.conftest import pdf_pages, pdf_text


def test_print_commands(village, tmp_path, monkeypatch, capsys):
    store, facts = village
    monkeypatch.setenv("TONGHU_PASSWORD", PASSWORD)
    base = ["--store", str(store.path)]
    out = tmp_path / "ledger.pdf"
    assert main(["print", "ledger", *base, "--out", str(out)]) == 0
    assert pdf_pages(out) >= 1 and "月度走访台账" in pdf_text(out)
    assert "已生成" in capsys.readouterr().out

    out = tmp_path / "due.pdf"
    assert main(["print", "due-forms", *base, "--within", "month", "--order", "address", "--out", str(out)]) == 0
    assert pdf_pages(out) >= 1

    out = tmp_path / "child.pdf"
    assert main(["print", "child", *base, "--child", facts["ids"][0], "--out", str(out), "--json"]) == 0
    assert '"pages": ' in capsys.readouterr().out

    assert main(["print", "ledger", *base, "--month", "2026-13", "--out", str(tmp_path / "x.pdf")]) == 2
    assert "YYYY-MM" in capsys.readouterr().err
    assert main(["print", "child", *base, "--child", "nobody", "--out", str(tmp_path / "x.pdf")]) == 2
    assert "找不到该儿童" in capsys.readouterr().err
    assert main(["print", "child", *base, "--out", str(tmp_path / "x.pdf")]) == 2
    assert main(["print", "ledger", *base, "--out", str(tmp_path / "x.txt")]) == 2
    assert not (tmp_path / "x.pdf").exists()
    monkeypatch.setenv("TONGHU_PASSWORD", "wrong-password")
    assert main(["print", "ledger", *base, "--out", str(tmp_path / "x.pdf")]) == 3
