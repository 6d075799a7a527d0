"""The interface language: chosen before login, kept in the user's config file, switchable at runtime.

Source strings are Chinese, so zh_CN needs no translation file (only Qt's own `qtbase_zh_CN` for
standard buttons). English comes from `resources/translations/tonghu_en.qm`, compiled from the
`.ts` file by the build (`make package`, `make translations`) or, in a source checkout, on demand
here with `pyside6-lrelease`.

The choice lives in a small JSON file in the platform's user config folder (not in the encrypted
store: the login window must already speak the user's language). `TONGHU_LANG` overrides it for
one run (screenshots, tests).

Call `prepare_application(app)` once after creating the `QApplication`: it installs the translator
and the look (`app.ui.look`). Switching later (`switch_language`) installs the new translator, which
sends `LanguageChange` to every widget; windows built before the switch finish switching after a
restart, which `LanguageDialog` offers.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import platformdirs
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QProcess, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
)

from app.paths import APP_NAME, resource

DEFAULT_LANGUAGE = "zh_CN"
# Language code → its own name (shown as is, never translated).
LANGUAGES = {"zh_CN": "中文（简体）", "en": "English"}
CONFIG_FILE = "settings.json"

_installed: list[QTranslator] = []
_current: str | None = None
_prepared = False


# -- the stored choice ---------------------------------------------------------------
def config_path() -> Path:
    """The user's settings file (outside the store). `TONGHU_CONFIG_DIR` overrides the folder."""
    folder = os.environ.get("TONGHU_CONFIG_DIR") or platformdirs.user_config_dir(APP_NAME, appauthor=False)
    return Path(folder) / CONFIG_FILE


def _read_config() -> dict:
    try:
        data = json.loads(config_path().read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def saved_language() -> str:
    """The language to start in: `TONGHU_LANG`, else the config file, else Chinese."""
    lang = os.environ.get("TONGHU_LANG") or _read_config().get("language") or DEFAULT_LANGUAGE
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def save_language(lang: str) -> None:
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language: {lang}")
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    data = _read_config()
    data["language"] = lang
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), "utf-8")
    os.replace(tmp, path)


def current_language() -> str:
    return _current or saved_language()


# -- translation files ---------------------------------------------------------------
def ts_path(lang: str) -> Path:
    return resource("translations", f"tonghu_{lang}.ts")


def qm_path(lang: str) -> Path:
    return resource("translations", f"tonghu_{lang}.qm")


def lrelease_command() -> list[str] | None:
    """`pyside6-lrelease` from the running venv (or PATH); None if there is none (frozen)."""
    for candidate in (Path(sys.executable).parent / "pyside6-lrelease", shutil.which("pyside6-lrelease")):
        if candidate and Path(candidate).exists():
            return [str(candidate)]
    return None


def compile_translations(force: bool = False) -> list[Path]:
    """Compile every stale `.ts` under resources/translations to `.qm`; returns what was written."""
    folder = resource("translations")
    written = []
    tool = lrelease_command()
    if tool is None or not folder.is_dir():
        return written
    for ts in sorted(folder.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if force or not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            subprocess.run([*tool, "-silent", "-nounfinished", str(ts), "-qm", str(qm)], check=True)
            written.append(qm)
    return written


def _ensure_qm(lang: str) -> Path | None:
    qm = qm_path(lang)
    if not getattr(sys, "frozen", False):
        ts = ts_path(lang)
        if ts.exists() and (not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime):
            try:
                compile_translations()
            except (OSError, subprocess.CalledProcessError):
                pass
    return qm if qm.exists() else None


# -- installing ------------------------------------------------------------------------
class FallbackTranslator(QTranslator):
    """Our .qm, with one extra rule: a string not found in its context is looked up in the empty
    context. lupdate files strings from module-level helpers such as `tr = lambda s:
    QCoreApplication.translate("Bundles", s)` under "", while Qt asks for them under "Bundles"."""

    def translate(self, context, source_text, disambiguation=None, n=-1):
        found = super().translate(context, source_text, disambiguation, n)
        if not found and context:
            found = super().translate("", source_text, disambiguation, n)
        # None is Qt's null string ("not translated here": Qt falls back to the source text);
        # an empty Python string would replace the text with nothing.
        return found or None


def install_translator(app: QCoreApplication | None = None, lang: str | None = None) -> str:
    """Install the translators for `lang` (default: the saved choice); returns the language used."""
    global _current
    app = app or QCoreApplication.instance()
    lang = lang if lang in LANGUAGES else saved_language()
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()

    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_own = QTranslator(app)
    if qt_own.load(f"qtbase_{lang}", qt_dir) or qt_own.load(f"qt_{lang}", qt_dir):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    if lang != DEFAULT_LANGUAGE:
        qm = _ensure_qm(lang)
        ours = FallbackTranslator(app)
        if qm is not None and ours.load(str(qm)):
            app.installTranslator(ours)
            _installed.append(ours)
    QLocale.setDefault(QLocale("zh_CN" if lang == "zh_CN" else "en_GB"))
    _current = lang
    return lang


def prepare_application(app: QApplication, lang: str | None = None) -> str:
    """Everything the app needs before its first window: translator, font, stylesheet, icon."""
    global _prepared
    from app.ui import look

    lang = install_translator(app, lang)
    look.apply(app)
    _prepared = True
    return lang


def is_prepared() -> bool:
    return _prepared


def switch_language(lang: str, app: QCoreApplication | None = None) -> None:
    """Save the choice and install it now (open widgets get a LanguageChange event)."""
    save_language(lang)
    install_translator(app, lang)


def restart_application() -> bool:
    """Start a fresh copy of the program (same arguments) and quit this one."""
    if getattr(sys, "frozen", False):
        program, args = sys.executable, sys.argv[1:]
    else:
        program, args = sys.executable, ["-m", "app", *sys.argv[1:]]
    ok = QProcess.startDetached(program, args)
    if ok:
        QApplication.closeAllWindows()
        QApplication.quit()
    return bool(ok)


# -- the settings entry ------------------------------------------------------------------
class LanguageDialog(QDialog):
    """Choose the interface language; offers a restart so every window switches."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("界面语言 / Language"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("请选择界面语言：")))
        self.buttons: dict[str, QRadioButton] = {}
        current = current_language()
        for code, name in LANGUAGES.items():
            button = QRadioButton(name)
            button.setChecked(code == current)
            layout.addWidget(button)
            self.buttons[code] = button
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        box.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        box.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)

    def chosen(self) -> str:
        return next((code for code, b in self.buttons.items() if b.isChecked()), current_language())

    def accept(self) -> None:
        lang = self.chosen()
        changed = lang != current_language()
        super().accept()
        if not changed:
            return
        switch_language(lang)
        # Built after the switch, so it already speaks the new language.
        box = QMessageBox(self.parentWidget())
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("界面语言"))
        box.setText(self.tr("界面语言已改为 %1。").replace("%1", LANGUAGES[lang]))
        box.setInformativeText(self.tr("新打开的窗口立即使用新语言；要让所有窗口都切换，请重新启动程序（需要重新登录）。"))
        restart = box.addButton(self.tr("立即重新启动"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("稍后"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is restart:
            restart_application()


def language_action(window) -> QAction:
    """Menu action factory for the registry (工具 → 界面语言 / Language)."""
    action = QAction(QCoreApplication.translate("i18n", "界面语言 / Language…"), window)
    action.triggered.connect(lambda: LanguageDialog(window).exec())
    return action
