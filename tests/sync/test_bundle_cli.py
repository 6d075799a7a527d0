"""USB sync from the command line, as the county officer and the child director would type it."""

from __future__ import annotations

import json

from app.cli import main
from tests.sync.stores import PASSWORD, V1, add_child, make_store


def test_offline_enrol_export_import_by_cli(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("TONGHU_PASSWORD", PASSWORD)
    db = str(tmp_path / "county.db")
    store = make_store(tmp_path, "a", V1)
    add_child(store, "王小明")
    path = store.path
    store.close()

    assert main(["server", "enrol", "--db", db, "--village", V1, "--out", str(tmp_path / "dongshan")]) == 0
    code = capsys.readouterr().out.strip()
    enrol_file = tmp_path / "dongshan.tonghu-enrol"
    assert enrol_file.exists() and code
    assert main(["enrol", "--store", str(path), "--code", code]) == 2  # neither --server nor --file
    assert main(["enrol", "--store", str(path), "--file", str(enrol_file), "--code", code]) == 0
    capsys.readouterr()

    assert main(["bundle", "export", "--store", str(path), "--out", str(tmp_path / "usb"), "--json"]) == 0
    exported = json.loads(capsys.readouterr().out)
    assert exported["changes"] > 0 and exported["path"].endswith(".tonghu")

    assert main(["server", "import-bundle", exported["path"], "--out", str(tmp_path / "usb"), "--db", db, "--json"]) == 0
    county = json.loads(capsys.readouterr().out)
    assert county["accepted"] == exported["changes"] and not county["replay"]

    assert main(["bundle", "import", "--store", str(path), county["answer"], "--json"]) == 0
    got = json.loads(capsys.readouterr().out)
    assert got["acked"] == exported["changes"]

    assert main(["bundle", "import", "--store", str(path), county["answer"]]) == 1
    assert "已经导入过" in capsys.readouterr().err
    assert main(["bundle", "import", "--store", str(path), exported["path"]]) == 2
    assert "县民政局导入" in capsys.readouterr().err

    assert main(["server", "import-bundle", exported["path"], "--out", str(tmp_path / "usb"), "--db", db]) == 0
    assert "已经导入过" in capsys.readouterr().out
    assert main(["server", "export-bundle", county["device"], "--out", str(tmp_path / "desk"), "--db", db, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["answer"].endswith("-回执.tonghu")
