"""The interface language: complete, current .ts files; the saved choice; switching at runtime."""

from __future__ import annotations

import importlib.util
import io
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, qInstallMessageHandler
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from app.ui import i18n, look

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("update_translations", ROOT / "scripts" / "update_translations.py")
update_translations = importlib.util.module_from_spec(spec)
spec.loader.exec_module(update_translations)


@pytest.fixture(autouse=True)
def own_config(tmp_path, monkeypatch):
    monkeypatch.setenv("TONGHU_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.delenv("TONGHU_LANG", raising=False)
    yield
    app = QCoreApplication.instance()
    if app is not None:
        i18n.install_translator(app, i18n.DEFAULT_LANGUAGE)


@pytest.mark.parametrize("lang", update_translations.LANGUAGES)
def test_ts_file_has_no_unfinished_entries(lang):
    todo = update_translations.unfinished(update_translations.ts_file(lang))
    assert todo == [], f"untranslated in tonghu_{lang}.ts (run scripts/update_translations.py): {todo[:10]}"


@pytest.mark.parametrize("lang", update_translations.LANGUAGES)
def test_ts_file_is_up_to_date_with_the_code(lang):
    missing, vanished = update_translations.stale_entries(lang)
    assert not missing, f"strings in the code but not in tonghu_{lang}.ts: {sorted(missing)[:10]}"
    assert not vanished, f"strings in tonghu_{lang}.ts no longer in the code: {sorted(vanished)[:10]}"


def test_translations_keep_placeholders():
    for ctx, src, msg in update_translations.messages(update_translations.ts_file("en")):
        if update_translations.is_unfinished(msg):
            continue  # reported by test_ts_file_has_no_unfinished_entries
        tr = msg.find("translation")
        texts = [f.text or "" for f in tr.findall("numerusform")] or [tr.text or ""]
        for text in texts:
            for pattern in (r"\{\w*\}", r"%\d", r"%n"):
                assert sorted(re.findall(pattern, src)) == sorted(re.findall(pattern, text)) or (
                    pattern == "%n" and not re.findall(pattern, src)), (ctx, src, text)


def test_english_translation_has_no_chinese_left():
    cjk = re.compile(r"[\u4e00-\u9fff]")
    for ctx, src, msg in update_translations.messages(update_translations.ts_file("en")):
        text = msg.find("translation").text or ""
        if "Language" in text:  # the language entry is deliberately bilingual
            continue
        assert not cjk.search(text), (ctx, src, text)


def test_language_choice_is_saved_outside_the_store(tmp_path):
    assert i18n.saved_language() == "zh_CN"
    i18n.save_language("en")
    assert i18n.config_path().parent == tmp_path / "config"
    assert i18n.saved_language() == "en"
    i18n.save_language("zh_CN")
    assert i18n.saved_language() == "zh_CN"
    with pytest.raises(ValueError):
        i18n.save_language("fr")


def test_env_overrides_and_broken_config_falls_back(monkeypatch):
    path = i18n.config_path()
    path.parent.mkdir(parents=True)
    path.write_text("{not json", "utf-8")
    assert i18n.saved_language() == "zh_CN"
    monkeypatch.setenv("TONGHU_LANG", "en")
    assert i18n.saved_language() == "en"
    monkeypatch.setenv("TONGHU_LANG", "xx")
    assert i18n.saved_language() == "zh_CN"


def test_switch_at_runtime_translates_and_notifies_widgets(qapp):
    class Probe(QWidget):
        changes = 0

        def changeEvent(self, event):
            if event.type() == QEvent.Type.LanguageChange:
                Probe.changes += 1
            super().changeEvent(event)

    probe = Probe()
    i18n.switch_language("en", qapp)
    assert i18n.saved_language() == "en" and i18n.current_language() == "en"
    assert QCoreApplication.translate("LanguageDialog", "确定") == "OK"
    assert QCoreApplication.translate("LanguageDialog", "取消") == "Cancel"
    qapp.processEvents()
    assert Probe.changes >= 1
    i18n.switch_language("zh_CN", qapp)
    assert QCoreApplication.translate("LanguageDialog", "确定") == "确定"
    probe.deleteLater()


def test_strings_from_module_level_helpers_are_found(qapp):
    """lupdate files `tr = lambda s: translate("Ctx", s)` under the empty context; we still find them."""
    entries = [(src, msg.find("translation").text) for ctx, src, msg in
               update_translations.messages(update_translations.ts_file("en")) if ctx == ""]
    if not entries:
        pytest.skip("no module-level translated strings in the code")
    src, english = entries[0]
    i18n.install_translator(qapp, "en")
    assert QCoreApplication.translate("SomeContext", src) == english


def test_language_dialog_switches_and_offers_restart(qapp, monkeypatch, qtbot):
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    dialog = i18n.LanguageDialog()
    qtbot.addWidget(dialog)
    dialog.buttons["en"].setChecked(True)
    dialog.accept()
    assert i18n.saved_language() == "en"
    assert shown and "English" in shown[0] and "界面" not in shown[0]


def test_language_entry_is_in_the_tools_menu(qapp):
    from app.ui import registry

    registry.register_all()
    entry = next(e for e in registry.MENU_ACTIONS if e.key == "language")
    assert entry.menu == "工具"
    action = entry.load()(None)
    assert "Language" in action.text()


def test_stylesheet_parses_and_colours_risk_labels(qapp):
    messages = []
    previous = qInstallMessageHandler(lambda kind, _ctx, text: messages.append((kind, text)))
    try:
        look.apply(qapp)
        label = QLabel("红")
        look.set_risk(label, "红")
        label.ensurePolished()
        label.grab()
    finally:
        qInstallMessageHandler(previous)
    assert not [t for k, t in messages if "style" in t.lower()], messages
    assert qapp.styleSheet() and not qapp.windowIcon().isNull()
    assert label.property("risk") == "红"
    assert set(look.RISK_COLOURS) == {"红", "黄", "蓝", "绿"}
    qss = look.stylesheet()
    for colour, hex_value in look.RISK_COLOURS.items():
        assert f'*[risk="{colour}"]' in qss and hex_value in qss


def test_self_check_passes_from_source(qapp):
    from app import selfcheck

    out = io.StringIO()
    assert selfcheck.run(gui=True, out=out) == 0, out.getvalue()
    assert "self-check passed" in out.getvalue()


def test_self_check_flag_on_the_command_line(capsys):
    from app.cli import main

    assert main(["--self-check", "--no-gui"]) == 0
    assert "self-check passed" in capsys.readouterr().out


def test_no_accidental_mnemonics_in_translations():
    """'&' marks a shortcut letter in Qt buttons and tabs ("Family & guardians" shows "Family _guardians")."""
    for ctx, src, msg in update_translations.messages(update_translations.ts_file("en")):
        text = msg.find("translation").text or ""
        if "&" in text and "&" not in src and not re.search(r"&\w+;", text):
            raise AssertionError((ctx, src, text))


def test_registry_titles_are_listed_for_translation():
    listed = (ROOT / "app" / "ui" / "registry_strings.py").read_text("utf-8")
    missing = [t for t in update_translations.registry_titles() if f'"{t}"' not in listed]
    assert not missing, f"run scripts/update_translations.py: {missing}"
