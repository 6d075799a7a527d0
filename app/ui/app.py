"""Start-up of the desktop app: the QApplication, the first-run wizard when there is no store yet
(or the demo store), the login dialog with its growing lock-out delay, then the main window.
"""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QMessageBox, QPushButton, QVBoxLayout,
)

from app.core import clock
from app.data.keys import KeyFile, UnknownUserError, WrongPasswordError, key_path_for
from app.data.store import LoginLockedError, Store, StoreExistsError, check_new_password
from app.domain import lockout, places
from app.domain.errors import ValidationError
from app.ui import demo_store, main_thread_gc

ERROR_STYLE = "color:#c5221f;"


def _error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


class FirstRunDialog(QDialog):
    """Create the director's account and village, or start with the demo village instead.

    On success `self.store` is the new store, open and signed in.
    """

    def __init__(self, store_path: Path, parent=None):
        super().__init__(parent)
        self.store_path = Path(store_path)
        self.store: Store | None = None
        self.setWindowTitle(self.tr("首次设置"))  # Qt adds " — 童护" itself

        intro = QLabel(self.tr(
            "童护帮助儿童主任建立“一人一档”、按时走访、一年两排。所有数据加密保存在这台电脑上。\n"
            "第一次使用，请先建立您的账号和所在村（社区）。"))
        intro.setWordWrap(True)

        self.fields: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}

        account = QGroupBox(self.tr("账号"))
        af = QFormLayout(account)
        self._add(af, "user", self.tr("登录名"), self.tr("如：zhangli（字母或数字）"))
        self._add(af, "display_name", self.tr("姓名"), self.tr("如：张丽"))
        self._add(af, "password", self.tr("密码"), self.tr("至少8位"), password=True)
        self._add(af, "password_repeat", self.tr("再输入一次密码"), "", password=True)

        village = QGroupBox(self.tr("所在村（社区）"))
        vf = QFormLayout(village)
        self._add(vf, "county_name", self.tr("县（市、区）"), self.tr("如：江宁区"))
        self._add(vf, "township_name", self.tr("乡镇（街道）"), self.tr("如：秣陵街道"))
        self._add(vf, "village_name", self.tr("村（社区）"), self.tr("如：东山村"))
        self._add(vf, "village_code", self.tr("村（社区）区划代码"), self.tr("12位统计用区划代码，如 320115101201"))
        self.derived_codes = QLabel()
        self.derived_codes.setStyleSheet("color:#666;")
        vf.addRow("", self.derived_codes)
        self.fields["village_code"].setMaxLength(12)
        self.fields["village_code"].textChanged.connect(self._code_changed)
        self._code_changed("")

        self.general_error = _error_label()
        self.create_button = QPushButton(self.tr("创建并进入"))
        self.create_button.setObjectName("createStore")
        self.create_button.setDefault(True)
        self.demo_button = QPushButton(self.tr("先看看演示数据"))
        self.demo_button.setObjectName("useDemo")
        self.demo_button.setToolTip(self.tr("用一个虚构村庄的加密演示数据试用，之后可再建立正式数据。"))
        cancel = QPushButton(self.tr("退出"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.demo_button)
        buttons.addStretch()
        buttons.addWidget(cancel)
        buttons.addWidget(self.create_button)

        columns = QHBoxLayout()
        columns.addWidget(account, 1)
        columns.addWidget(village, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(columns)
        layout.addWidget(self.general_error)
        layout.addLayout(buttons)

        self.create_button.clicked.connect(self.create)
        self.demo_button.clicked.connect(self.use_demo)
        cancel.clicked.connect(self.reject)
        self.resize(860, 420)

    def _add(self, form: QFormLayout, key: str, label: str, placeholder: str, password: bool = False) -> None:
        edit = QLineEdit()
        edit.setObjectName(key)
        edit.setPlaceholderText(placeholder)
        if password:
            edit.setEchoMode(QLineEdit.Password)
        err = _error_label()
        box = QVBoxLayout()
        box.setSpacing(1)
        box.addWidget(edit)
        box.addWidget(err)
        form.addRow(label, box)
        self.fields[key] = edit
        self.errors[key] = err

    def _code_changed(self, code: str) -> None:
        code = code.strip()
        county = places.county_of(code) if len(code) >= 6 else "——"
        township = places.township_of(code) if len(code) >= 9 else "———"
        self.derived_codes.setText(self.tr("县区代码 {c}　乡镇代码 {t}").format(c=county, t=township))

    def value(self, key: str) -> str:
        return self.fields[key].text().strip()

    def show_errors(self, errors: dict[str, str]) -> None:
        for label in self.errors.values():
            label.hide()
        self.general_error.hide()
        for key, message in errors.items():
            label = self.errors.get(key, self.general_error)
            label.setText(message)
            label.show()

    def create(self) -> None:
        errors: dict[str, str] = {}
        if not self.value("user"):
            errors["user"] = self.tr("请填写登录名")
        try:
            check_new_password(self.fields["password"].text(), self.fields["password_repeat"].text(),
                               names=(self.value("user"), self.value("display_name"), self.value("village_name"),
                                      self.value("village_code")))
        except ValidationError as exc:
            errors[exc.field] = exc.message
        try:
            places.validate_code(self.value("village_code"))
        except ValidationError as exc:
            errors["village_code"] = exc.message
        if not self.value("village_name"):
            errors["village_name"] = self.tr("请填写村（社区）名称")
        self.show_errors(errors)
        if errors:
            return
        QApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            self.store = Store.create(
                self.store_path, user=self.value("user"), password=self.fields["password"].text(),
                village_code=self.value("village_code"), village_name=self.value("village_name"),
                township_name=self.value("township_name"), county_name=self.value("county_name"),
                display_name=self.value("display_name"),
            )
        except ValidationError as exc:
            self.show_errors({exc.field: exc.message})
            return
        except StoreExistsError:
            self.show_errors({"": self.tr("数据文件已存在：{p}").format(p=self.store_path)})
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.accept()

    def use_demo(self):
        """Open the demo store at its own path (made on the store worker the first time: 150
        children take a few seconds). The real store's path stays free for 创建并进入 later."""
        from app.ui import ops

        path = demo_store.demo_path(self.store_path)

        def done(store) -> None:
            self.store = store
            self.accept()

        def failed(exc: BaseException) -> bool:
            self.setEnabled(True)
            if isinstance(exc, StoreExistsError):
                self.show_errors({"": self.tr("数据文件已存在：{p}").format(p=path)})
                return True
            return False

        self.setEnabled(False)
        self.demo_op = ops.run(self, lambda progress: demo_store.open_or_create_demo(self.store_path), done=done, failed=failed,
                               title=self.tr("演示数据"), label=self.tr("正在生成演示数据…"))
        return self.demo_op


class LoginDialog(QDialog):
    """Sign in to an existing store; shows the lock-out delay after repeated wrong passwords."""

    def __init__(self, store_path: Path, parent=None):
        super().__init__(parent)
        self.store_path = Path(store_path)
        self.store: Store | None = None
        self.keyfile = KeyFile.load(key_path_for(self.store_path))
        self.setWindowTitle(self.tr("登录"))
        title = QLabel(self.tr("童护"))
        title.setStyleSheet("font-size:24px;font-weight:bold;")
        subtitle = QLabel(self.tr("农村留守儿童和困境儿童关爱服务"))
        subtitle.setStyleSheet("color:#666;")

        self.user = QComboBox()
        self.user.setObjectName("loginUser")
        self.user.addItems(self.keyfile.users())
        self.password = QLineEdit()
        self.password.setObjectName("loginPassword")
        self.password.setEchoMode(QLineEdit.Password)
        self.message = QLabel()
        self.message.setObjectName("loginMessage")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("用户"), self.user)
        form.addRow(self.tr("密码"), self.password)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addLayout(form)
        if demo_store.is_demo(self.store_path):
            hint = QLabel(self.tr("这是演示数据（虚构村庄），密码：{p}").format(p=demo_store.DEMO_PASSWORD))
            hint.setObjectName("demoHint")
            hint.setStyleSheet("background:#fff4e5;color:#8a4b00;padding:6px;border-radius:4px;")
            hint.setTextInteractionFlags(Qt.TextSelectableByMouse)
            layout.addWidget(hint)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.forgot = buttons.addButton(self.tr("忘记密码？"), QDialogButtonBox.ResetRole)
        self.forgot.setObjectName("forgotPassword")
        self.forgot.clicked.connect(self.forgot_password)
        self.forgot.setVisible(not demo_store.is_demo(self.store_path))
        self.ok = buttons.button(QDialogButtonBox.Ok)
        self.ok.setText(self.tr("登录"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("退出"))
        buttons.accepted.connect(self.login)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)

        self._wait_until = 0.0
        self._countdown = QTimer(self)
        self._countdown.timeout.connect(self._tick)
        self.user.currentTextChanged.connect(self._check_locked)
        self._check_locked()
        self.password.setFocus()

    def _check_locked(self) -> None:
        """If earlier wrong passwords still lock this user, show the countdown right away."""
        user = self.user.currentText()
        if not user:
            return
        failures, last = self.keyfile.failures(user)
        left = lockout.seconds_left(failures, last, clock.timestamp())
        if left:
            self._lock_for(left)

    def login(self) -> None:
        from app.data.storage import StorageError

        if time.monotonic() < self._wait_until:
            return
        try:
            self.store = Store.open(self.store_path, self.password.text(), user=self.user.currentText() or None)
        except LoginLockedError as exc:
            self._lock_for(exc.seconds)
            return
        except WrongPasswordError:
            self.password.clear()
            self.keyfile = KeyFile.load(key_path_for(self.store_path))
            failures, _ = self.keyfile.failures(self.user.currentText())
            free = lockout.FREE_ATTEMPTS - failures
            if free > 0:
                self.message.setText(self.tr("密码错误，还可再试 {n} 次，之后需等待一段时间").format(n=free))
            else:
                self.message.setText(self.tr("密码错误，下次登录需等待 {s} 秒").format(s=lockout.delay_after(failures)))
                self._lock_for(lockout.delay_after(failures))
            return
        except UnknownUserError:
            self.message.setText(self.tr("请选择用户"))
            return
        except StorageError as exc:  # read-only, damaged, disk full: its own message, never 密码错误
            self.message.setText(exc.user_message())
            return
        except Exception as exc:  # noqa: BLE001 - a damaged file must say so, not crash
            logging.getLogger(__name__).warning("store did not open", exc_info=True)
            self.message.setText(self.tr("无法打开数据文件：{e}").format(e=exc))
            return
        self.accept()

    def forgot_password(self) -> None:
        """忘记密码 → the county recovery file; signed in when it worked."""
        from app.ui.recovery_dialog import RecoveryDialog

        dialog = RecoveryDialog(self.store_path, self.user.currentText(), self)
        self.recovery_dialog = dialog
        if dialog.exec() == QDialog.Accepted and dialog.store is not None:
            self.store = dialog.store
            self.accept()

    def _lock_for(self, seconds: int) -> None:
        self._wait_until = time.monotonic() + seconds
        self.ok.setEnabled(False)
        self._countdown.start(1000)
        self._tick()

    def _tick(self) -> None:
        left = int(round(self._wait_until - time.monotonic()))
        if left <= 0:
            self._countdown.stop()
            self.ok.setEnabled(True)
            self.message.setText(self.tr("可以再次输入密码"))
            return
        self.message.setText(self.tr("密码错误次数过多，已锁定，请在 {s} 秒后再试").format(s=left))


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with translator, font, stylesheet (resources/style.qss) and icon."""
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName("Tonghu")
    from app.ui import i18n

    if not i18n.is_prepared():
        i18n.prepare_application(app)
    app.setApplicationDisplayName(QCoreApplication.translate("App", "童护"))
    return app


def open_or_create(store_path: Path) -> Store | None:
    """First-run wizard when there is no store, else the login dialog. None if the user quits."""
    if not store_path.exists():
        dialog = FirstRunDialog(store_path)
    else:
        try:
            dialog = LoginDialog(store_path)
        except (OSError, ValueError, KeyError) as exc:
            QMessageBox.critical(None, QCoreApplication.translate("App", "童护"), QCoreApplication.translate(
                "App", "找不到或无法读取密钥文件 {k}。\n数据文件和它旁边的 .keys 文件必须放在一起。\n（{e}）").format(
                    k=key_path_for(store_path), e=exc))
            return None
    if dialog.exec() != QDialog.Accepted:
        return None
    return dialog.store


def run(store_path: Path, demo: bool = False) -> int:
    """Start the desktop app on `store_path`. With `demo` and no store, create the demo store first."""
    app = make_application()
    main_thread_gc.install(app)  # before any worker runs: Qt objects are collected on this thread only
    from app.ui.errors import install_excepthook

    install_excepthook()  # an unexpected error writes the log and shows a calm dialog, never a crash
    store_path = Path(store_path)
    if demo:  # the demo beside the real store, never in its place
        store_path = demo_store.demo_path(store_path)
    from app.data.backup import apply_pending_switch

    apply_pending_switch(store_path)  # a store restored from a backup takes the current one's place
    if demo and not store_path.exists():
        from app.ui import ops

        ops.run(None, lambda progress: demo_store.create_demo_store(store_path).close(),
                title=QCoreApplication.translate("App", "演示数据")).wait(600000)
    from app.ui import preload

    preload.start()  # the window's modules load while the password is typed (issue 17)
    store = open_or_create(store_path)
    if store is None:
        return 0
    from app.ui.context import UiContext
    from app.ui.main_window import MainWindow

    ctx = UiContext(store)
    window = MainWindow(ctx)
    screen = app.primaryScreen()
    if screen is not None and screen.availableGeometry().width() < 1600:
        window.showMaximized()  # a 1366×768 laptop: use the whole screen
    else:
        window.show()
    try:
        return app.exec()
    finally:
        ops.drain()  # a section still loading on the worker must not read a closed store
        store.close()
