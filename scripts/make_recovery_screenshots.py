"""Screenshots for the user guide's §6 (忘记密码) and the users in 设置: a synthetic village store
enrolled with an in-process county database (recovery set up), at 1366×768 / 125 %.

    .venv/bin/python scripts/make_recovery_screenshots.py      # writes docs/images/recovery-*.png, users-*.png

Synthetic data only (app/data/demo.py); a throw-away folder; nothing of the developer's is read.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "images"
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["QT_SCALE_FACTOR"] = "1.25"
os.environ["TONGHU_FAST_KDF"] = "1"
os.environ["TONGHU_TESTING"] = "1"  # a throw-away store: key derivation cost is irrelevant
os.environ["TONGHU_LANG"] = "zh_CN"
_tmp = tempfile.TemporaryDirectory(prefix="tonghu-shots-")
os.environ["TONGHU_CONFIG_DIR"] = str(Path(_tmp.name) / "config")
os.environ["TONGHU_RECOVERY_KEY"] = str(Path(_tmp.name) / "county.recovery-key")
os.environ["TONGHU_SERVER_KEYS"] = str(Path(_tmp.name) / "county.keys")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

PASSWORD = "shot-password-7"


def settle() -> None:
    app = QApplication.instance()
    for _ in range(5):
        app.processEvents()
    QTimer.singleShot(100, lambda: None)
    app.processEvents()


def save(widget: QWidget, name: str) -> None:
    widget.show()
    settle()
    path = OUT / f"{name}.png"
    if not widget.grab().save(str(path)):
        raise RuntimeError(f"could not write {path}")
    print(f"  {path.relative_to(ROOT)}")


def enrolled_store(tmp: Path):
    """A village store set up for county recovery as enrolment does it, without HTTP."""
    from app.data import demo, recovery
    from app.data.store import Store
    from app.server import recovery as county_recovery
    from app.server import service
    from app.server.db import Device, ServerDB
    from app.sync.identity import Identity

    store = Store.create(tmp / "tonghu.store", user="zhangli", password=PASSWORD, village_code="320115101201",
                         village_name="东山村", township_name="秣陵街道", county_name="江宁区", display_name="张丽")
    demo.generate(store, 20, seed=3)
    db = ServerDB(f"sqlite:///{tmp / 'county.db'}")
    identity = Identity.generate()
    public = identity.public().to_dict()
    with db.sessions() as s, s.begin():
        s.add(Device(id=store.device_id, name="东山村", scope="320115101201", token_hash="x" * 64,
                     sign_public=public["sign"], box_public=public["box"]))
    store.set_setting("device_identity", identity.to_json())
    county = service.county_identity(db)
    recovery.set_up(store, county_recovery.ensure_public_key(db), county.public().to_dict())
    file = county_recovery.issue(db, store.device_id, tmp / "东山村-恢复", issued_by="李科长")["path"]
    return store, Path(file), db


def main() -> int:
    from app.data import users
    from app.ui.app import LoginDialog, make_application
    from app.ui.recovery_dialog import RecoveryDialog
    from app.ui.settings_dialog import PasswordDialog, SettingsDialog
    from app.ui.users_dialog import AddUserDialog, RemoveUserDialog, UsersDialog

    make_application([sys.argv[0]])
    tmp = Path(_tmp.name)
    OUT.mkdir(parents=True, exist_ok=True)
    store, file, db = enrolled_store(tmp)
    users.add_user(store, "wangfang", "deputy-lamp-31", current_password=PASSWORD, display_name="王芳", role="副主任")
    store.close()

    login = LoginDialog(store.path)
    save(login, "recovery-login")
    dialog = RecoveryDialog(store.path, "zhangli")
    dialog.load_file(file)
    dialog.new.setText("new-password-9")
    dialog.repeat.setText("new-password-9")
    save(dialog, "recovery-dialog")

    from app.data.store import Store

    store = Store.open(store.path, PASSWORD, user="zhangli")
    save(SettingsDialog(store), "settings")
    save(UsersDialog(store), "users")
    add = AddUserDialog(store)
    add.name.setText("liming")
    add.display_name.setText("李明")
    save(add, "users-add")
    save(RemoveUserDialog(store, "wangfang"), "users-remove")
    password = PasswordDialog(store)
    password.rekey.setChecked(True)
    save(password, "password-rekey")
    store.close()
    db.close()
    sys.stdout.flush()
    os._exit(0)  # skip Qt's teardown of the offscreen platform (as make_docs_screenshots does)


if __name__ == "__main__":
    sys.exit(main())
