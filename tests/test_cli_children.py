"""`tonghu init / demo / children / child add|edit|status|show / passwd`: output and exit codes."""

import json

import pytest

from app.cli import main
from app.domain import idnumber


def make_id(birth="20150315", seq="123"):
    body = f"320115{birth}{seq}"
    return body + idnumber.check_digit(body)


@pytest.fixture
def cli(monkeypatch, capsys):
    monkeypatch.setenv("TONGHU_PASSWORD", "cli-password-1")
    monkeypatch.delenv("TONGHU_USER", raising=False)

    def run(*argv):
        code = main([str(a) for a in argv])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_init_demo_and_list(cli, tmp_path):
    path = tmp_path / "v.store"
    assert cli("init", "--store", path, "--village", "3201", "--village-name", "东山村")[0] == 2
    code, _, err = cli("init", "--store", path, "--village", "320115101201", "--village-name", "东山村")
    assert code == 0, err
    code, _, err = cli("init", "--store", path, "--village", "320115101201")
    assert code == 2 and "已存在" in err
    assert cli("demo", "--store", path, "--children", 25)[0] == 0
    code, out, _ = cli("children", "--store", path, "--json")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(rows) == 25
    assert {"id", "name", "id_number", "categories", "status"} <= set(rows[0])
    assert all(isinstance(r["categories"], list) for r in rows)


def test_demo_creates_missing_store(cli, tmp_path):
    path = tmp_path / "new.store"
    assert cli("demo", "--store", path, "--children", 5, "--village", "320115101202")[0] == 0
    code, out, _ = cli("children", "--store", path, "--json")
    assert len(out.splitlines()) == 5


def test_child_add_edit_status(cli, tmp_path):
    path = tmp_path / "v.store"
    cli("init", "--store", path, "--village", "320115101201")
    code, out, err = cli("child", "add", "--store", path, "--name", "张小明", "--id-number", make_id(),
                         "--category", "农村留守儿童", "--set", "school=东山小学")
    assert code == 0, err
    child_id = out.strip()
    code, out, _ = cli("children", "--store", path, "--json", "--search", "zxm")
    row = json.loads(out)
    assert row["id"] == child_id and row["categories"] == ["农村留守儿童"] and row["sex"] == "男"

    code, _, err = cli("child", "add", "--store", path, "--name", "张三", "--id-number", make_id())
    assert code == 2 and err.strip() == "tonghu: 该身份证号码已登记：张小明"
    bad = make_id("20150316")
    bad = bad[:17] + ("1" if bad[17] == "0" else "0")
    code, _, err = cli("child", "add", "--store", path, "--name", "李四", "--id-number", bad)
    assert code == 2 and "校验位" in err and len(err.strip().splitlines()) == 1

    assert cli("child", "edit", "--store", path, child_id, "--set", "address=东山村一组3号", "--set", "grade=三年级")[0] == 0
    code, out, _ = cli("child", "show", "--store", path, child_id)
    record = json.loads(out)
    assert record["address"] == "东山村一组3号" and record["grade"] == "三年级" and record["school"] == "东山小学"
    assert cli("child", "edit", "--store", path, child_id, "--set", "shoe=3")[0] == 2
    assert cli("child", "edit", "--store", path, child_id, "--set", "phone=abc")[0] == 2
    assert cli("child", "edit", "--store", path, "no-such-id", "--set", "grade=一年级")[0] == 2

    assert cli("child", "status", "--store", path, child_id, "已转出", "--note", "迁往南京")[0] == 0
    code, out, _ = cli("children", "--store", path, "--json", "--status", "在册")
    assert out == ""
    code, _, err = cli("child", "status", "--store", path, child_id, "已满18岁")
    assert code == 2 and "尚未年满18周岁" in err


def test_wrong_password_and_passwd(cli, tmp_path, monkeypatch):
    path = tmp_path / "v.store"
    cli("init", "--store", path, "--village", "320115101201")
    cli("child", "add", "--store", path, "--name", "王芳", "--id-number", make_id("20180101", "344"))
    monkeypatch.setenv("TONGHU_PASSWORD", "wrong-password")
    code, out, err = cli("children", "--store", path, "--json")
    assert code == 3 and out == "" and err.strip() == "tonghu: 密码错误"
    monkeypatch.setenv("TONGHU_PASSWORD", "cli-password-1")
    monkeypatch.setenv("TONGHU_NEW_PASSWORD", "short")
    assert cli("passwd", "--store", path)[0] == 2
    monkeypatch.setenv("TONGHU_NEW_PASSWORD", "another-password-2")
    assert cli("passwd", "--store", path)[0] == 0
    assert cli("children", "--store", path, "--json")[0] == 3
    monkeypatch.setenv("TONGHU_PASSWORD", "another-password-2")
    code, out, _ = cli("children", "--store", path, "--json")
    assert code == 0 and json.loads(out)["name"] == "王芳"
    assert cli("children", "--store", tmp_path / "missing.store")[0] == 2
